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
    mid_sentence,
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
from .facts import fact, source_lines, source_text, unchecked_facts
from .fragments import block, join
from .page import Page
from .render import fragment


def citation_line(corpus: Corpus, doc: Document) -> str:
    """ "Nghị định số 61/2018/NĐ-CP ngày 23 tháng 4 năm 2018 của Chính phủ về …"."""
    parts = [doc.doc_type]
    if doc.number:
        parts.append(f"số {doc.number}")
    date = citation_date(doc.issued)
    if date:
        parts.append(date)
    parts.append(f"của {agency_name(corpus, doc.issuer)}")
    summary = mid_sentence(doc.summary or "")
    if summary:
        parts.append(summary)
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
    return fragment("lines.html", lines=[text, recorded.note] if recorded.note else [text])


def stale_status(ctx: Context, doc: LegalDoc) -> str | None:
    """ "… kiểm tra lần cuối ngày …; có thể đã thay đổi" when the recorded status is older on
    ``as_of`` than its status allows (``status_check_days``)."""
    check = validity.status_check(doc, ctx.settings.as_of, ctx.settings.status_check_days)
    if not check.due:
        return None
    if check.checked_on is None:
        return "Chưa ghi ngày kiểm tra tình trạng hiệu lực; tình trạng có thể đã thay đổi."
    return (
        f"Tình trạng hiệu lực được kiểm tra lần cuối ngày {date_short(check.checked_on)}; "
        "có thể đã thay đổi."
    )


def _attributes(
    ctx: Context, doc: LegalDoc, links: Links, stale: str | None
) -> tuple[str, validity.Judgement | None]:
    as_of = ctx.settings.as_of
    badge_now, judgement = judgement_badge(ctx, doc.id, as_of, "tại ngày cập nhật")
    reason = f" {judgement.reason}" if judgement and judgement.reason else ""
    status_now = join([badge_now, reason])
    recorded = _recorded_validity(doc)
    facts = [
        ("Số ký hiệu", "so_ky_hieu", doc.number or "không ghi số"),
        (
            "Loại văn bản",
            "loai_van_ban",
            links.to(urls.type_src(type_slug(doc.doc_type)), doc.doc_type),
        ),
        ("Cơ quan ban hành", "co_quan_ban_hanh", links.agency(doc.issuer)),
        ("Ngày ban hành", "ngay_ban_hanh", date_vi(doc.issued, "chưa rõ")),
        ("Ngày có hiệu lực", "ngay_co_hieu_luc", date_vi(doc.effective, "chưa rõ")),
        ("Trích yếu", "trich_yeu", doc.summary or "chưa rõ"),
    ]
    rows: list[tuple[str, object]] = [
        (label, fact(doc, name, value, links)) for label, name, value in facts
    ]
    status_label = f"Tình trạng hiệu lực ngày {date_short(as_of)}"
    if recorded:
        rows.append((status_label, status_now))
        recorded_value = fragment("lines.html", lines=[recorded, stale] if stale else [recorded])
        rows.append(
            ("Tình trạng đã ghi nhận", fact(doc, "tinh_trang_hieu_luc", recorded_value, links))
        )
    else:
        rows.append((status_label, fact(doc, "tinh_trang_hieu_luc", status_now, links)))
    if judgement and judgement.in_force is False and judgement.since:
        rows.append(("Ngày hết hiệu lực", date_vi(judgement.since)))
    return panel(rows, "Thuộc tính văn bản"), judgement


def _unchecked(doc: LegalDoc, judgement: validity.Judgement | None) -> list[str]:
    unchecked = []
    names = unchecked_facts(doc)
    if names:
        unchecked.append(
            f"Chưa kiểm tra với nguồn nào: {', '.join(names)}. Nguồn của từng thông tin "
            "ghi ngay dưới thông tin đó."
        )
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
    """The amendment chain, both directions: what this document acts on, what acted on it,
    each with where that relation comes from."""
    items = []
    for relation, target in validity.acts_on(doc):
        other = corpus.document(target)
        label = RELATION_LABELS[relation][0]
        value = join([label, " ", links.doc(other) if other else target])
        items.append(fact(doc, relation, value, links))
    for change in validity.history(corpus, doc.id):
        other = corpus.document(change.by)
        when = f" — từ {date_vi(change.effective)}" if change.effective else ""
        if other is None:
            items.append(
                join([change.label, " ", change.by, when, " (chưa đối chiếu văn bản gốc)"])
            )
            continue
        value = join([change.label, " ", links.doc(other), when])
        items.append(fact(other, change.relation, value, links))
    return items


def _misquotes(doc: LegalDoc, links: Links) -> str:
    """Known wrong forms under which the document is cited, and where that is known from."""
    if not doc.misquotes:
        return ""
    items = []
    for misquote in doc.misquotes:
        written = " ".join(
            part for part in (doc.doc_type, misquote.number, citation_date(misquote.date)) if part
        )
        note = source_text(misquote.note, links) if misquote.note else ""
        items.append(join([f"“{written}”", " — " if note else "", note]))
    sources, checked = source_lines(doc, "trich_dan_sai", links)
    return block(
        "misquotes.html",
        intro="Một số văn bản trích dẫn sai thành:",
        items=items,
        sources=sources,
        checked=checked,
    )


def legal_page(ctx: Context, doc: LegalDoc) -> list[Page]:
    corpus, src = ctx.corpus, urls.legal_src(doc.id)
    links = ctx.links(src)
    out: list[str] = [title_and_lead(doc)]
    stale = stale_status(ctx, doc)
    attributes, judgement = _attributes(ctx, doc, links, stale)
    out.append(attributes)

    if stale:
        out.append(notice("warning", "Tình trạng hiệu lực có thể đã thay đổi", text=stale))
    unchecked = _unchecked(doc, judgement)
    if unchecked:
        out.append(notice("warning", "Thông tin chưa được kiểm tra", items=unchecked))

    out.append("## Trích dẫn văn bản\n\n")
    out.append("Dòng căn cứ theo thể thức văn bản, để chép vào kế hoạch:\n")
    out.append(block("citation_line.html", text=citation_line(corpus, doc)))
    out.append(_misquotes(doc, links))

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

    page = document_page(ctx, doc, src, "".join(out), unchecked=bool(unchecked))
    return [page, *extra_pages]
