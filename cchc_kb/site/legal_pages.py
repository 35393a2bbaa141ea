"""The legal page: attributes, validity now, the line to cite it by, its relations, who cites
it, graph, summary, notes."""

from __future__ import annotations

from markupsafe import Markup

from ..analysis import validity
from ..corpus import Corpus
from ..model.models import RELATION_LABELS, Document, LegalDoc
from . import urls
from .body import plain_body
from .cited_by import cited_by_sections
from .common import (
    Links,
    agency_name,
    citation_date,
    date_short,
    date_vi,
    provenance_notes,
    type_slug,
)
from .context import Context
from .document_parts import (
    diagnostic_notes,
    document_page,
    graph_section,
    judgement_badge,
    notes_section,
    notice,
    panel,
    title_and_lead,
)
from .fragments import block, join
from .page import Page
from .render import render

# Trích yếu starts with a capital ("Về …", "Quy định …"); mid-sentence it does not, except a
# name that is capitalised anyway.
CAPITALISED_WORDS = ("Luật", "Chính", "Bộ", "Ủy", "Hội", "Thủ")


def citation_line(corpus: Corpus, doc: Document) -> str:
    """ "Nghị định số 61/2018/NĐ-CP ngày 23 tháng 4 năm 2018 của Chính phủ về …"."""
    parts = [doc.doc_type]
    if doc.number:
        parts.append(f"số {doc.number}")
    date = citation_date(doc.issued)
    if date:
        parts.append(date)
    parts.append(f"của {agency_name(corpus, doc.issuer)}")
    summary = " ".join((doc.summary or "").split())
    if summary:
        keep = summary.split(" ", 1)[0] in CAPITALISED_WORDS
        parts.append(summary if keep else summary[0].lower() + summary[1:])
    return " ".join(parts)


def _recorded_validity(doc: LegalDoc) -> Markup | None:
    recorded = doc.validity
    if not recorded:
        return None
    text = recorded.status
    if recorded.since:
        text += f" từ {date_vi(recorded.since)}"
    if recorded.known_on:
        text += f" (ghi nhận {date_vi(recorded.known_on)})"
    return render("lines.html", lines=[text, recorded.note] if recorded.note else [text])


def _attributes(
    ctx: Context, doc: LegalDoc, links: Links
) -> tuple[str, validity.Judgement | None]:
    as_of = ctx.settings.as_of
    badge_now, judgement = judgement_badge(ctx, doc.id, as_of, "tại ngày cập nhật")
    reason = f" {judgement.reason}" if judgement and judgement.reason else ""
    rows: list[tuple[str, object]] = [
        ("Số ký hiệu", doc.number or "không ghi số"),
        ("Loại văn bản", links.to(urls.type_src(type_slug(doc.doc_type)), doc.doc_type)),
        ("Cơ quan ban hành", links.agency(doc.issuer)),
        ("Ngày ban hành", date_vi(doc.issued, "chưa rõ")),
        ("Ngày có hiệu lực", date_vi(doc.effective, "chưa rõ")),
        (f"Tình trạng hiệu lực ngày {date_short(as_of)}", join([badge_now, reason])),
    ]
    recorded = _recorded_validity(doc)
    if recorded:
        rows.append(("Tình trạng đã ghi nhận", recorded))
    if judgement and judgement.in_force is False and judgement.since:
        rows.append(("Ngày hết hiệu lực", date_vi(judgement.since)))
    return panel(rows, "Thuộc tính văn bản"), judgement


def _unchecked(doc: LegalDoc, judgement: validity.Judgement | None) -> list[str]:
    unchecked = provenance_notes(doc)
    if judgement is not None and not judgement.checked:
        unchecked.append(
            "Tình trạng hiệu lực trên được suy ra từ thông tin chưa đối chiếu với văn bản gốc."
        )
    if doc.stub:
        unchecked.insert(
            0,
            "Cơ sở dữ liệu chưa có toàn văn văn bản này; các thông tin trên lấy từ văn bản "
            "dẫn chiếu đến nó.",
        )
    return unchecked


def _relations(corpus: Corpus, doc: LegalDoc, links: Links) -> list[Markup]:
    """The amendment chain, both directions: what this document acts on, what acted on it."""
    items = []
    for relation, target in validity.acts_on(doc):
        other = corpus.document(target)
        label = RELATION_LABELS[relation][0]
        items.append(join([label, " ", links.doc(other) if other else target]))
    for change in validity.history(corpus, doc.id):
        other = corpus.document(change.by)
        when = f" — từ {date_vi(change.effective)}" if change.effective else ""
        check = "" if change.checked else " (chưa đối chiếu văn bản gốc)"
        target = links.doc(other) if other else change.by
        items.append(join([change.label, " ", target, when, check]))
    return items


def legal_page(ctx: Context, doc: LegalDoc) -> list[Page]:
    corpus, src = ctx.corpus, urls.legal_src(doc.id)
    links = ctx.links(src)
    out: list[str] = [title_and_lead(doc)]
    attributes, judgement = _attributes(ctx, doc, links)
    out.append(attributes)

    unchecked = _unchecked(doc, judgement)
    if unchecked:
        out.append(notice("warning", "Thông tin chưa được kiểm tra", items=unchecked))

    out.append("## Trích dẫn văn bản\n\n")
    out.append("Dòng căn cứ theo thể thức văn bản, để chép vào kế hoạch:\n")
    out.append(block("citation_line.html", text=citation_line(corpus, doc)))

    relations = _relations(corpus, doc, links)
    if relations:
        out.append("## Quan hệ với văn bản khác\n")
        out.append(block("list.html", items=relations, cls="cchc-relations"))

    cited_by, extra_pages = cited_by_sections(ctx, doc, src, keep_empty=True)
    out.append(cited_by)

    out.append(graph_section(ctx, doc.id, src))

    if doc.body.strip():
        out.append("## Tóm tắt\n\n")
        out.append(plain_body(doc.body).rstrip() + "\n\n")
    out.append(notes_section(diagnostic_notes(ctx, doc)))

    return [document_page(ctx, doc, src, "".join(out)), *extra_pages]
