"""A document body as safe Markdown, with every citation linked in place."""

from __future__ import annotations

from ..cite import annotate
from ..corpus import Corpus, unresolved_key
from ..model.models import Citation
from . import urls
from .common import short_label, unresolved_label
from .md import body_segment, demote_h1, esc
from .render import fragment

Insertion = tuple[tuple[int, int], str, str]


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
            mark = str(fragment("unresolved_mark.html"))
            after = f']({urls.relative_src(page_src, to)} "{esc(title)}")' + mark
        correction = citation.correction
        if correction is not None and correction.number:
            right = " ".join(
                filter(None, (correction.number, correction.date and correction.date.vietnamese()))
            )
            after += str(fragment("correction.html", right=right))
        # A citation broken across lines stays one link: Markdown joins the lines of a paragraph.
        insertions.append(((start, end), "[", after))
    return demote_h1(annotate(text, insertions, escape=body_segment))


def plain_body(text: str) -> str:
    return demote_h1(body_segment(text))
