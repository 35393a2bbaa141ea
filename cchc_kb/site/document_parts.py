"""Pieces the document pages share: panel, lead, notices, validity, graph, notes, page meta."""

from __future__ import annotations

from markupsafe import Markup

from ..analysis import validity
from ..model.models import Diagnostic, LegalDoc, PartialDate, Plan
from .common import Links, badge, date_vi, heading
from .context import Context, graph_of
from .fragments import block, join
from .json_ld import json_ld
from .md import md_text
from .page import Page, PageMeta
from .search import document_search
from .svg import neighbourhood_svg


def panel(rows: list[tuple[str, object]], caption: str) -> str:
    """Attribute panel: label and value rows (values: text, or fragments)."""
    return block("panel.html", rows=rows, caption=caption)


def lead(text: str) -> str:
    return block("lead.html", text=" ".join(text.split()))


def notice(kind: str, title: str, text: str = "", items: list[str] | None = None) -> str:
    return block("notice.html", kind=kind, title=title, text=text, items=items or [])


def title_and_lead(doc: Plan | LegalDoc) -> str:
    """The h1 (type and number) and the trích yếu under it."""
    return f"# {md_text(heading(doc))}\n\n" + (lead(doc.summary) if doc.summary else "")


def notes_section(notes: list[str]) -> str:
    """Data-quality notes as a Markdown list of record text."""
    if not notes:
        return ""
    items = "".join(f"- {md_text(note)}\n" for note in notes)
    return f"## Ghi chú về chất lượng dữ liệu\n\n{items}\n"


def graph_section(ctx: Context, doc_id: str, src: str) -> str:
    """The neighbourhood graph as inline SVG (drawn and escaped by ``svg``); its boxes are kept
    for the build, with its graph, in the context."""
    drawn = ctx.cache.setdefault("drawn boxes", {})
    svg = neighbourhood_svg(graph_of(ctx), doc_id, src, scheme=ctx.settings.urls, drawn=drawn)
    if not svg:
        return ""
    return "## Sơ đồ liên kết\n" + block("graph/figure.html", svg=Markup(svg))


def judgement_badge(
    ctx: Context, doc_id: str, on: PartialDate | None, when_label: str
) -> tuple[Markup, validity.Judgement | None]:
    """The validity badge of ``doc_id`` on ``on``, and the judgement it shows.

    Kept in the context: most plans cite the same few documents, judged on the same as-of date.
    """
    judged = ctx.cache.setdefault("judgement_badge", {})
    key = (doc_id, on, when_label)
    if key not in judged:
        judged[key] = _judgement_badge(ctx, doc_id, on, when_label)
    return judged[key]


def _judgement_badge(
    ctx: Context, doc_id: str, on: PartialDate | None, when_label: str
) -> tuple[Markup, validity.Judgement | None]:
    judgement = validity.judge(ctx.corpus, doc_id, on)
    if judgement is None:
        return Markup(""), None
    since = f" từ {date_vi(judgement.since)}" if judgement.since else ""
    return badge(judgement.status, f"{when_label}{since}"), judgement


def change_notes(judgement: validity.Judgement | None, links: Links) -> list[Markup]:
    """ "đã được sửa đổi, bổ sung bởi Nghị định 107/2021/NĐ-CP" for each change in effect."""
    notes = []
    for change in judgement.changed_by if judgement else []:
        doc = links.corpus.document(change.by)
        label = change.label
        phrase = "đã " + label[0].lower() + label[1:]
        when = f" (từ {date_vi(change.effective)})" if change.effective else ""
        unchecked = "" if change.checked else " — chưa đối chiếu văn bản gốc"
        target = links.doc(doc) if doc else change.by
        notes.append(join([phrase, " ", target, when, unchecked]))
    return notes


def diagnostic_notes(ctx: Context, doc: Plan | LegalDoc) -> list[str]:
    notes = [str(note) for note in doc.notes]
    for diag in ctx.diagnostics_by_path.get(doc.path, []):
        notes.append(_diagnostic_note(diag))
    return notes


def _diagnostic_note(diag: Diagnostic) -> str:
    kind = "Lỗi" if diag.severity == "error" else "Cảnh báo"
    return f"{kind} (dòng {diag.line}, {diag.code}): {diag.message}"


def document_page(
    ctx: Context,
    doc: Plan | LegalDoc,
    src: str,
    markdown: str,
    unchecked: bool = False,
    authored: tuple[int, int] | None = None,
) -> Page:
    """A plan or legal page with the metadata both carry: description, JSON-LD, search title;
    ``unchecked`` when the page shows facts not yet checked against the original; ``authored``:
    where the document's own text is in ``markdown`` (``Page.authored``)."""
    meta = PageMeta(
        description=doc.summary,
        json_ld=json_ld(ctx, doc, src),
        search=document_search(ctx.corpus, doc, ctx.settings.as_of),
    )
    if unchecked:
        meta["unchecked"] = True
    return Page(src=src, title=heading(doc), markdown=markdown, meta=meta, authored=authored)
