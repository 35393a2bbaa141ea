"""A document body as safe Markdown, with every citation linked in place."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..corpus import Corpus
from ..models import Citation
from . import urls
from .common import short_label, unresolved_key, unresolved_label
from .md import body_segment, demote_h1, esc

Insertion = tuple[tuple[int, int], str, str]


def _annotate(text: str, insertions: Sequence[Insertion], escape: Callable[[str], str]) -> str:
    """Wrap spans of ``text`` in ``before``/``after``; every other character goes through escape.

    Spans index the decoded text, so they are applied to the original, never to a copy that
    has been cleaned or escaped. Overlapping spans keep the first.
    """
    out: list[str] = []
    pos = 0
    for (start, end), before, after in sorted(insertions, key=lambda i: i[0]):
        if start < pos or end > len(text) or start >= end:
            continue
        out.append(escape(text[pos:start]))
        out.append(before + escape(text[start:end]) + after)
        pos = end
    out.append(escape(text[pos:]))
    return "".join(out)


def target_src(corpus: Corpus, citation: Citation) -> str:
    """The page a citation links to: its document, or the stub of a cited-but-unknown one."""
    if citation.id:
        doc = corpus.document(citation.id)
        if doc is not None:
            return urls.document_src(doc)
    return urls.unresolved_src(unresolved_key(citation))


def linked_body(corpus: Corpus, text: str, citations: list[Citation], page_src: str) -> str:
    """Markdown of ``text`` with raw HTML escaped and each citation a link to its page."""
    insertions: list[Insertion] = []
    for citation in citations:
        start, end = citation.span
        if text[start:end].strip() == "":
            continue
        to = target_src(corpus, citation)
        doc = corpus.document(citation.id) if citation.id else None
        if doc is not None:
            title = f"{short_label(doc)}: {doc.summary}" if doc.summary else short_label(doc)
            after = f']({urls.relative_src(page_src, to)} "{esc(" ".join(title.split()))}")'
        else:
            title = f"Chưa xác định trong cơ sở dữ liệu: {unresolved_label(citation)}"
            after = (
                f']({urls.relative_src(page_src, to)} "{esc(title)}")'
                '<sup class="cchc-unresolved">chưa xác định</sup>'
            )
        # A citation broken across lines stays one link: Markdown joins the lines of a paragraph.
        insertions.append(((start, end), "[", after))
    annotate = _annotate
    try:  # the citation engine's annotate, when it is there, has the same contract
        from ..cite import annotate as engine_annotate  # type: ignore[attr-defined]

        annotate = engine_annotate
    except ImportError:
        pass
    return demote_h1(annotate(text, insertions, escape=body_segment))


def plain_body(text: str) -> str:
    return demote_h1(body_segment(text))
