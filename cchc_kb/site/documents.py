"""Plan pages, legal pages, stub pages of cited-but-unknown documents, implementation views."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from .. import validity
from ..collation import sort_key
from ..corpus import Corpus
from ..graph import graph_of as engine_graph_of
from ..models import (
    CCHC_AREAS,
    PLAN_STATUSES,
    RELATION_LABELS,
    Citation,
    Diagnostic,
    LegalDoc,
    Plan,
)
from ..svg import neighbourhood_svg
from . import urls
from .body import linked_body, plain_body, target_src
from .common import (
    agency_link,
    agency_name,
    badge,
    citation_date,
    date_key,
    date_short,
    date_vi,
    doc_date,
    doc_link,
    heading,
    legal_force,
    provenance_notes,
    short_label,
    type_slug,
    unresolved_key,
    unresolved_label,
)
from .md import esc, html_block, md_text
from .page import Page
from .paginate import pager, paginate
from .search import document_search, unresolved_search
from .settings import SiteSettings

CITED_BY_DIRS = {"can_cu": "duoc-can-cu", "dan_chieu": "duoc-dan-chieu"}
IMPLEMENTATION_PAGE = "trien-khai"


@dataclass
class Context:
    """What every renderer needs, computed once per build."""

    corpus: Corpus
    settings: SiteSettings
    diagnostics_by_path: dict[str, list[Diagnostic]]
    unresolved: dict[str, list[tuple[Plan, Citation]]]  # stub key -> citing (plan, citation)
    based_on: dict[str, list[Plan]]  # doc id -> plans naming it in can_cu
    referenced: dict[str, list[Plan]]  # doc id -> plans citing it outside can_cu
    cache: dict = field(default_factory=dict)


def make_context(corpus: Corpus, settings: SiteSettings) -> Context:
    by_path: dict[str, list[Diagnostic]] = defaultdict(list)
    for diag in corpus.diagnostics:
        by_path[diag.path].append(diag)
    unresolved: dict[str, list[tuple[Plan, Citation]]] = defaultdict(list)
    based_on: dict[str, list[Plan]] = defaultdict(list)
    referenced: dict[str, list[Plan]] = defaultdict(list)
    for plan in corpus.plans.values():
        for doc_id in plan.legal_bases:
            based_on[doc_id].append(plan)
        seen: set[str] = set(plan.legal_bases)
        for citation in plan.citations:
            if citation.id and corpus.document(citation.id) is not None:
                if citation.id not in seen and citation.id != plan.id:
                    seen.add(citation.id)
                    referenced[citation.id].append(plan)
            else:
                unresolved[unresolved_key(citation)].append((plan, citation))
    return Context(corpus, settings, dict(by_path), dict(unresolved), based_on, referenced)


# ---------------------------------------------------------------------------------------------
# Pieces


def _panel(rows: list[tuple[str, str]], caption: str) -> str:
    """Attribute panel: a two-column table, values already HTML."""
    body = "".join(
        f'<tr><th scope="row">{esc(label)}</th><td>{value}</td></tr>' for label, value in rows
    )
    return html_block(
        f'<table class="cchc-panel"><caption>{esc(caption)}</caption><tbody>{body}</tbody></table>'
    )


def _lead(text: str) -> str:
    return html_block(f'<p class="cchc-lead">{esc(" ".join(text.split()))}</p>')


def graph_of(ctx: Context):
    """The corpus's citation graph, built once per site build."""
    if "graph" not in ctx.cache:
        ctx.cache["graph"] = engine_graph_of(ctx.corpus, ctx.settings.as_of)
    return ctx.cache["graph"]


def _graph(ctx: Context, doc_id: str, src: str) -> str:
    """The neighbourhood graph as inline SVG."""
    svg = neighbourhood_svg(graph_of(ctx), doc_id, src)
    if not svg:
        return ""
    return "## Sơ đồ liên kết\n" + html_block(f'<figure class="cchc-graph">{svg}</figure>')


def _judgement_html(ctx: Context, doc_id: str, on, when_label: str) -> tuple[str, object]:
    judgement = validity.judge(ctx.corpus, doc_id, on)
    if judgement is None:
        return "", None
    since = f" từ {date_vi(judgement.since)}" if judgement.since else ""
    text = badge(judgement.status, f"{when_label}{since}")
    return text, judgement


def _change_notes(ctx: Context, judgement, from_src: str) -> str:
    """ "đã được sửa đổi, bổ sung bởi Nghị định 107/2021/NĐ-CP" for each change in effect."""
    notes = []
    for change in judgement.changed_by if judgement else []:
        doc = ctx.corpus.document(change.by)
        label = change.label
        phrase = "đã " + label[0].lower() + label[1:]
        link = doc_link(doc, from_src) if doc else esc(change.by)
        when = f" (từ {date_vi(change.effective)})" if change.effective else ""
        unchecked = "" if change.checked else " — chưa đối chiếu văn bản gốc"
        notes.append(f"{esc(phrase)} {link}{esc(when)}{esc(unchecked)}")
    return "; ".join(notes)


def _diagnostic_notes(ctx: Context, doc) -> list[str]:
    notes = [f"{n}" for n in doc.notes]
    for diag in ctx.diagnostics_by_path.get(doc.path, []):
        kind = "Lỗi" if diag.severity == "error" else "Cảnh báo"
        notes.append(f"{kind} (dòng {diag.line}, {diag.code}): {diag.message}")
    return notes


def _bullets(items: list[str]) -> str:
    return "".join(f"- {md_text(item)}\n" for item in items) + "\n"


def _html_list(items: list[str], cls: str = "") -> str:
    klass = f' class="{cls}"' if cls else ""
    return html_block(f"<ul{klass}>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>")


def _json_ld(ctx: Context, doc, src: str) -> dict:
    data: dict = {
        "@context": "https://schema.org",
        "@type": "Legislation",
        "name": f"{heading(doc)} {doc.summary}".strip(),
        "legislationIdentifier": doc.number or doc.id,
        "legislationType": doc.doc_type,
        "legislationPassedBy": {
            "@type": "GovernmentOrganization",
            "name": agency_name(ctx.corpus, doc.issuer),
        },
        "inLanguage": "vi",
    }
    if doc.issued and doc.issued.year:
        data["legislationDate"] = doc.issued.iso
    if isinstance(doc, LegalDoc):
        judgement = validity.judge(ctx.corpus, doc.id, ctx.settings.as_of)
        force = legal_force(judgement.status, judgement.in_force) if judgement else None
        if force:
            data["legislationLegalForce"] = force
        amends = [
            ctx.corpus.legal[t]
            for rel in ("sua_doi_bo_sung", "thay_the", "bai_bo")
            for t in doc.relations.get(rel, [])
            if t in ctx.corpus.legal
        ]
        if amends:
            data["legislationAmends"] = [
                {
                    "@type": "Legislation",
                    "legislationIdentifier": a.number or a.id,
                    "url": urls.relative_url(src, urls.legal_src(a.id)),
                }
                for a in amends
            ]
    return data


# ---------------------------------------------------------------------------------------------
# Plan page


def parent_chain(corpus: Corpus, plan: Plan) -> list[Plan]:
    """The first parent, its parent, … up to the central programme; top first, cycle-safe."""
    chain: list[Plan] = []
    seen = {plan.id}
    current = plan
    while current.implements:
        parent = corpus.plans.get(current.implements[0])
        if parent is None or parent.id in seen:
            break
        chain.append(parent)
        seen.add(parent.id)
        current = parent
    return list(reversed(chain))


def _with_validity(ctx: Context, doc, plan: Plan, src: str) -> str:
    """A cited document with its validity on the plan's date and today, and what changed it."""
    line = doc_link(doc, src)
    if doc.summary:
        line += f" — {esc(doc.summary)}"
    if isinstance(doc, LegalDoc):
        then, _ = _judgement_html(ctx, doc.id, plan.issued, "tại ngày ban hành kế hoạch")
        now, judgement_now = _judgement_html(ctx, doc.id, ctx.settings.as_of, "tại ngày cập nhật")
        line += (
            f'<br><span class="cchc-validity">Khi ban hành kế hoạch '
            f"({esc(date_short(plan.issued))}): {then} · "
            f"Ngày {esc(date_short(ctx.settings.as_of))}: {now}</span>"
        )
        notes = _change_notes(ctx, judgement_now, src)
        if notes:
            line += f'<br><span class="cchc-change">{notes}</span>'
    return line


def plan_page(ctx: Context, plan: Plan) -> list[Page]:
    corpus, src = ctx.corpus, urls.plan_src(plan.id)
    out: list[str] = [f"# {md_text(heading(plan))}\n\n"]
    if plan.summary:
        out.append(_lead(plan.summary))

    chain = parent_chain(corpus, plan)
    if chain:
        items = [doc_link(p, src) for p in chain] + [
            f'<span aria-current="page">{esc(short_label(plan))}</span>'
        ]
        out.append(
            html_block(
                '<nav class="cchc-chain" aria-label="Chuỗi kế hoạch cấp trên"><ol>'
                + "".join(f"<li>{i}</li>" for i in items)
                + "</ol></nav>"
            )
        )

    if plan.number:
        number = esc(plan.number)
    elif plan.status == "du_thao":
        number = "<em>dự thảo, chưa có số</em>"
    else:
        number = "<em>văn bản để trống số</em>"
    place_date = ", ".join(
        x for x in (esc(plan.place or ""), esc(date_vi(plan.issued, "không ghi ngày"))) if x
    )
    signer = " ".join(x for x in (plan.signer_title or "", plan.signer or "") if x)
    year_link = (
        f'<a href="{esc(urls.relative_url(src, urls.year_src(plan.year)))}">{plan.year}</a>'
        if plan.year
        else "không rõ"
    )
    rows = [
        ("Số ký hiệu", number),
        ("Loại văn bản", esc(plan.doc_type)),
        ("Cơ quan ban hành", agency_link(corpus, plan.issuer, src)),
        ("Địa danh và ngày", place_date),
        ("Năm kế hoạch", year_link),
        ("Người ký", esc(signer) if signer else "<em>không rõ</em>"),
        ("Tình trạng", esc(PLAN_STATUSES.get(plan.status, plan.status))),
        (
            "Lĩnh vực CCHC",
            esc("; ".join(CCHC_AREAS.get(a, a) for a in plan.areas)) or "<em>chưa phân loại</em>",
        ),
    ]
    if plan.decision_number:
        rows.insert(2, ("Ban hành kèm Quyết định", esc(plan.decision_number)))
    parents = [corpus.plans[p] for p in plan.implements if p in corpus.plans]
    if parents:
        rows.append(("Kế hoạch cấp trên", ", ".join(doc_link(p, src) for p in parents)))
    out.append(_panel(rows, "Thuộc tính văn bản"))

    if plan.stub:
        out.append(
            '!!! note "Chỉ biết qua trích dẫn"\n'
            "    Cơ sở dữ liệu chưa có toàn văn kế hoạch này; các thông tin trên lấy từ văn bản "
            "dẫn chiếu đến nó và chưa được đối chiếu với văn bản gốc.\n\n"
        )

    # Legal bases, judged on the plan's date and on the as-of date.
    if plan.legal_bases:
        out.append("## Căn cứ\n")
        items = [
            _with_validity(ctx, doc, plan, src)
            for doc in (corpus.document(d) for d in plan.legal_bases)
            if doc is not None
        ]
        out.append(_html_list(items, "cchc-bases"))

    # References: every other document the body cites, and the ones nobody has on file.
    refs: list[str] = []
    seen: set[str] = set(plan.legal_bases)
    unknown: dict[str, Citation] = {}
    for citation in plan.citations:
        doc = corpus.document(citation.id) if citation.id else None
        if doc is not None:
            if doc.id not in seen and doc.id != plan.id:
                seen.add(doc.id)
                refs.append(_with_validity(ctx, doc, plan, src))
        else:
            unknown.setdefault(unresolved_key(citation), citation)
    for key, citation in sorted(unknown.items(), key=lambda kv: sort_key(kv[0])):
        href = urls.relative_url(src, urls.unresolved_src(key))
        refs.append(
            f'<a href="{esc(href)}">{esc(unresolved_label(citation))}</a> '
            '<span class="cchc-badge cchc-badge--unknown">chưa xác định</span>'
        )
    if refs:
        out.append("## Văn bản dẫn chiếu\n")
        out.append(_html_list(refs))

    implementers = corpus.implemented_by(plan.id)
    if implementers or corpus.children(plan.issuer):
        done = len({p.issuer for p in implementers})
        out.append("## Triển khai thực hiện\n")
        out.append(
            f"{done} cơ quan đã ban hành kế hoạch thực hiện kế hoạch này "
            f"({len(implementers)} kế hoạch).\n"
            + html_block(
                f'<p><a href="{esc(urls.relative_url(src, implementation_src(plan.id)))}">'
                "Xem cơ quan nào đã và chưa triển khai</a></p>"
            )
        )

    extra_pages: list[Page] = []
    for kind in ("can_cu", "dan_chieu"):
        if (ctx.based_on if kind == "can_cu" else ctx.referenced).get(plan.id):
            section, pages = cited_by_section(ctx, plan, kind, src)
            out.append(section)
            extra_pages.extend(pages)

    out.append(_graph(ctx, plan.id, src))

    if plan.body.strip():
        out.append("## Nội dung văn bản\n\n")
        out.append(linked_body(corpus, plan.body, plan.citations, src).rstrip() + "\n\n")

    notes = _diagnostic_notes(ctx, plan) + provenance_notes(plan)
    if notes:
        out.append("## Ghi chú về chất lượng dữ liệu\n\n")
        out.append(_bullets(notes))

    if plan.source_file:
        out.append("## Văn bản gốc\n")
        name = source_name(plan)
        href = urls.relative_url(src, f"{urls.url_of(src)}{name}")
        origin = f" Nguồn: {esc(plan.source_origin)}." if plan.source_origin else ""
        out.append(
            html_block(
                f'<p><a href="{esc(href)}" download>Tải tệp văn bản gốc ({esc(name)})</a>.'
                f"{origin}</p>"
            )
        )

    return [_document_page(ctx, plan, src, "".join(out), "plan"), *extra_pages]


def _document_page(ctx: Context, doc: Plan | LegalDoc, src: str, markdown: str, kind: str) -> Page:
    """A plan or legal page with the metadata both carry: description, JSON-LD, search title."""
    meta = {
        "description": doc.summary,
        "json_ld": _json_ld(ctx, doc, src),
        "kind": kind,
        "search": document_search(ctx.corpus, doc, ctx.settings.as_of),
    }
    return Page(src=src, title=heading(doc), markdown=markdown, meta=meta)


def source_name(plan: Plan) -> str:
    """Published name of the source file: the original when it is a plain safe name."""
    name = plan.source_file or ""
    import re

    if re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]{0,100}", name):
        return name
    suffix = re.sub(r"[^a-z0-9.]", "", ("." + name.rsplit(".", 1)[-1].lower())[:8])
    return "van-ban-goc" + (suffix if len(suffix) > 1 else ".bin")


def implementation_src(plan_id: str) -> str:
    return f"{urls.PLAN_DIR}/{plan_id}/{IMPLEMENTATION_PAGE}.md"


def _descendants(corpus: Corpus, agency_id: str) -> list:
    out, stack, seen = [], list(corpus.children(agency_id)), {agency_id}
    while stack:
        agency = stack.pop()
        if agency.id in seen:
            continue
        seen.add(agency.id)
        out.append(agency)
        stack.extend(corpus.children(agency.id))
    return out


def implementation_pages(ctx: Context, plan: Plan) -> list[Page]:
    """Which agencies under the issuer implemented this plan, with dates, and which have not."""
    corpus = ctx.corpus
    implementers = corpus.implemented_by(plan.id)
    by_agency: dict[str, list[Plan]] = defaultdict(list)
    for p in implementers:
        by_agency[p.issuer].append(p)
    on = plan.issued or (PartialDateOf(plan.year))
    rows = []
    for agency in _descendants(corpus, plan.issuer):
        ended = validity.on_or_before(agency.valid_to, on) if agency.valid_to and on else None
        if ended and agency.valid_to != on and agency.id not in by_agency:
            continue  # no longer existed when the plan was issued
        rows.append(agency)
    agency_ids = {a.id for a in rows}
    for agency_id in by_agency:
        if agency_id not in agency_ids:
            rows.append(corpus.agencies.get(agency_id) or agency_id)
    entries = []
    for agency in rows:
        agency_id = agency if isinstance(agency, str) else agency.id
        plans = sorted(by_agency.get(agency_id, []), key=lambda p: date_key(doc_date(p)))
        entries.append((agency_name(corpus, agency_id), agency_id, plans))
    # Agencies still without a plan first: that is what a parent agency follows up.
    entries.sort(key=lambda e: (bool(e[2]), sort_key(e[0]), e[1]))
    base = implementation_src(plan.id)
    pages = []
    done = sum(1 for e in entries if e[2])
    for part in paginate(entries, base, ctx.settings.page_size):
        src = part.src
        out = [f"# Triển khai {md_text(short_label(plan))}\n\n"]
        out.append(
            html_block(
                f"<p>Kế hoạch: {doc_link(plan, src)} — {esc(plan.summary)}. "
                f"Cơ quan ban hành: {agency_link(corpus, plan.issuer, src)}.</p>"
                f"<p>{done} cơ quan đã ban hành kế hoạch thực hiện; "
                f"{len(entries) - done} cơ quan trực thuộc chưa có kế hoạch trong cơ sở dữ liệu.</p>"
            )
        )
        rows_html = []
        for _name, agency_id, plans in part.items:
            if plans:
                status = "; ".join(
                    f"{doc_link(p, src)} ({esc(date_short(doc_date(p)))})" for p in plans
                )
            else:
                status = '<span class="cchc-badge cchc-badge--unknown">Chưa có</span>'
            rows_html.append(
                f"<tr><td>{agency_link(corpus, agency_id, src)}</td><td>{status}</td></tr>"
            )
        if rows_html:
            out.append(
                html_block(
                    '<table class="cchc-list"><thead><tr><th scope="col">Cơ quan</th>'
                    '<th scope="col">Kế hoạch thực hiện (ngày)</th></tr></thead><tbody>'
                    + "".join(rows_html)
                    + "</tbody></table>"
                )
            )
        else:
            out.append("Chưa có cơ quan trực thuộc nào trong danh mục.\n\n")
        out.append(pager(part))
        pages.append(Page(src=src, title=f"Triển khai {short_label(plan)}", markdown="".join(out)))
    return pages


def PartialDateOf(year: int):  # noqa: N802 - tiny adapter kept next to its only use
    from ..models import PartialDate

    return PartialDate(year) if year else None


# ---------------------------------------------------------------------------------------------
# Legal page


def citation_line(corpus: Corpus, doc) -> str:
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
        # Trích yếu starts with a capital ("Về …", "Quy định …"); mid-sentence it does not,
        # except a name that is capitalised anyway (Luật, Chính phủ, …).
        first = summary.split(" ", 1)[0]
        keep = first in ("Luật", "Chính", "Bộ", "Ủy", "Hội", "Thủ")
        parts.append(summary if keep else summary[0].lower() + summary[1:])
    return " ".join(parts)


def _grouped_plans(ctx: Context, plans: list[Plan], src: str, totals: dict) -> str:
    """Plans grouped by agency and year; counts are totals over the whole list."""
    out = []
    current_agency = None
    current_year = None
    html_items: list[str] = []

    def flush():
        if html_items:
            out.append(html_block("<ul>" + "".join(html_items) + "</ul>"))
            html_items.clear()

    for plan in plans:
        name = agency_name(ctx.corpus, plan.issuer)
        year = plan.year or (plan.issued.year if plan.issued else None)
        if plan.issuer != current_agency:
            flush()
            current_agency, current_year = plan.issuer, None
            out.append(f"### {md_text(name)} ({totals[plan.issuer]})\n\n")
        if year != current_year:
            flush()
            current_year = year
            out.append(f"**Năm {year or 'không rõ'}** ({totals[(plan.issuer, year)]})\n\n")
        html_items.append(f"<li>{doc_link(plan, src)} — {esc(plan.summary)}</li>")
    flush()
    return "".join(out)


def _sorted_citing(ctx: Context, plans: list[Plan]) -> list[Plan]:
    unique = {p.id: p for p in plans}.values()
    by_date = sorted(unique, key=lambda p: (date_key(doc_date(p)), p.id), reverse=True)
    return sorted(
        by_date,
        key=lambda p: (sort_key(agency_name(ctx.corpus, p.issuer)), p.issuer, -(p.year or 0)),
    )


def _totals(plans: list[Plan]) -> dict:
    totals: dict = defaultdict(int)
    for p in plans:
        totals[p.issuer] += 1
        totals[(p.issuer, p.year or (p.issued.year if p.issued else None))] += 1
    return totals


def cited_by_section(ctx: Context, doc, kind: str, src: str) -> tuple[str, list[Page]]:
    """The section on the document page (first page only) and the full paginated pages."""
    title = "Được căn cứ bởi" if kind == "can_cu" else "Được dẫn chiếu bởi"
    plans = _sorted_citing(
        ctx, (ctx.based_on if kind == "can_cu" else ctx.referenced).get(doc.id, [])
    )
    totals = _totals(plans)
    size = ctx.settings.page_size
    explain = (
        "kế hoạch nêu văn bản này trong phần căn cứ"
        if kind == "can_cu"
        else "kế hoạch nhắc đến văn bản này ở phần nội dung"
    )
    section = [f"## {title} ({len(plans)})\n\n"]
    if not plans:
        section.append(f"Chưa có {explain}.\n\n")
        return "".join(section), []
    section.append(f"{len(plans)} {explain}, theo cơ quan và năm.\n\n")
    section.append(_grouped_plans(ctx, plans[:size], src, totals))
    pages: list[Page] = []
    if len(plans) > size:
        base = f"{urls.LEGAL_DIR if isinstance(doc, LegalDoc) else urls.PLAN_DIR}/{doc.id}/{CITED_BY_DIRS[kind]}.md"
        section.append(
            html_block(
                f'<p><a href="{esc(urls.relative_url(src, base))}">'
                f"Xem tất cả {len(plans)} kế hoạch</a></p>"
            )
        )
        for part in paginate(plans, base, size):
            body = [f"# {title} {md_text(short_label(doc))}\n\n"]
            body.append(
                html_block(f"<p>Văn bản: {doc_link(doc, part.src)} — {esc(doc.summary)}</p>")
            )
            body.append(pager(part))
            body.append(_grouped_plans(ctx, list(part.items), part.src, totals))
            body.append(pager(part))
            pages.append(
                Page(src=part.src, title=f"{title} {short_label(doc)}", markdown="".join(body))
            )
    return "".join(section), pages


def legal_page(ctx: Context, doc: LegalDoc) -> list[Page]:
    corpus, src = ctx.corpus, urls.legal_src(doc.id)
    as_of = ctx.settings.as_of
    out: list[str] = [f"# {md_text(heading(doc))}\n\n"]
    if doc.summary:
        out.append(_lead(doc.summary))

    badge_now, judgement = _judgement_html(ctx, doc.id, as_of, "tại ngày cập nhật")
    recorded = doc.validity
    recorded_text = ""
    if recorded:
        recorded_text = esc(recorded.status)
        if recorded.since:
            recorded_text += esc(f" từ {date_vi(recorded.since)}")
        if recorded.known_on:
            recorded_text += esc(f" (ghi nhận {date_vi(recorded.known_on)})")
        if recorded.note:
            recorded_text += f"<br>{esc(recorded.note)}"
    type_href = urls.relative_url(src, urls.type_src(type_slug(doc.doc_type)))
    rows = [
        ("Số ký hiệu", esc(doc.number or "không ghi số")),
        ("Loại văn bản", f'<a href="{esc(type_href)}">{esc(doc.doc_type)}</a>'),
        ("Cơ quan ban hành", agency_link(corpus, doc.issuer, src)),
        ("Ngày ban hành", esc(date_vi(doc.issued, "chưa rõ"))),
        ("Ngày có hiệu lực", esc(date_vi(doc.effective, "chưa rõ"))),
        (
            f"Tình trạng hiệu lực ngày {date_short(as_of)}",
            badge_now + (f" {esc(judgement.reason)}" if judgement and judgement.reason else ""),
        ),
    ]
    if recorded_text:
        rows.append(("Tình trạng đã ghi nhận", recorded_text))
    if judgement and judgement.in_force is False and judgement.since:
        rows.append(("Ngày hết hiệu lực", esc(date_vi(judgement.since))))
    out.append(_panel(rows, "Thuộc tính văn bản"))

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
    if unchecked:
        out.append(
            '!!! warning "Thông tin chưa được kiểm tra"\n'
            + "".join(f"    - {md_text(u)}\n" for u in unchecked)
            + "\n"
        )

    out.append("## Trích dẫn văn bản\n\n")
    out.append("Dòng căn cứ theo thể thức văn bản, để chép vào kế hoạch:\n")
    out.append(
        html_block(f'<pre class="cchc-cite"><code>{esc(citation_line(corpus, doc))}</code></pre>')
    )

    # Amendment chain, both directions.
    acting = validity.acts_on(doc)
    history = validity.history(corpus, doc.id)
    if acting or history:
        out.append("## Quan hệ với văn bản khác\n")
        items = []
        for relation, target in acting:
            other = corpus.document(target)
            label = RELATION_LABELS[relation][0]
            link = doc_link(other, src) if other else esc(target)
            items.append(f"{esc(label)} {link}")
        for change in history:
            other = corpus.document(change.by)
            link = doc_link(other, src) if other else esc(change.by)
            when = f" — từ {date_vi(change.effective)}" if change.effective else ""
            check = "" if change.checked else " (chưa đối chiếu văn bản gốc)"
            items.append(f"{esc(change.label)} {link}{esc(when)}{esc(check)}")
        out.append(_html_list(items, "cchc-relations"))

    extra_pages: list[Page] = []
    for kind in ("can_cu", "dan_chieu"):
        section, pages = cited_by_section(ctx, doc, kind, src)
        out.append(section)
        extra_pages.extend(pages)

    out.append(_graph(ctx, doc.id, src))

    if doc.body.strip():
        out.append("## Tóm tắt\n\n")
        out.append(plain_body(doc.body).rstrip() + "\n\n")
    notes = _diagnostic_notes(ctx, doc)
    if notes:
        out.append("## Ghi chú về chất lượng dữ liệu\n\n")
        out.append(_bullets(notes))

    return [_document_page(ctx, doc, src, "".join(out), "legal"), *extra_pages]


# ---------------------------------------------------------------------------------------------
# Cited-but-unknown documents


def unresolved_pages(ctx: Context, key: str, citing: list[tuple[Plan, Citation]]) -> list[Page]:
    base = urls.unresolved_src(key)
    first = citing[0][1]
    label = unresolved_label(first)
    ordered = sorted(
        citing, key=lambda pc: (sort_key(agency_name(ctx.corpus, pc[0].issuer)), pc[0].id)
    )
    pages = []
    for part in paginate(ordered, base, ctx.settings.page_size):
        src = part.src
        out = [f"# {md_text(label)} (chưa xác định)\n\n"]
        out.append(
            "Văn bản này được trích dẫn nhưng chưa có trong cơ sở dữ liệu, hoặc trích dẫn chưa "
            "đủ thông tin để xác định đúng văn bản. Dưới đây là những gì các văn bản trích dẫn "
            "ghi.\n\n"
        )
        known = [
            ("Loại văn bản", first.type or "không rõ"),
            ("Số ký hiệu", first.number or "không rõ"),
            ("Cơ quan ban hành (theo trích dẫn)", first.issuer_text or first.issuer or "không rõ"),
            ("Ngày (theo trích dẫn)", date_vi(first.date, "không ghi")),
        ]
        out.append(_panel([(k, esc(v)) for k, v in known], "Thông tin theo trích dẫn"))
        out.append(f"## Được trích dẫn trong ({len(citing)})\n")
        items = []
        for plan, citation in part.items:
            target = target_src(ctx.corpus, citation)
            assert target == base
            items.append(
                f"{doc_link(plan, src)} ({esc(agency_name(ctx.corpus, plan.issuer))}): "
                f"“{esc(' '.join(citation.text.split()))}”"
                + (f" — {esc('; '.join(citation.warnings))}" if citation.warnings else "")
            )
        out.append(_html_list(items))
        out.append(pager(part))
        title = f"{label} (chưa xác định)"
        meta = {"search": unresolved_search(title, first)} if part.number == 1 else {}
        pages.append(Page(src=src, title=title, markdown="".join(out), meta=meta))
    return pages
