"""“Được căn cứ bởi” / “Được dẫn chiếu bởi”: the plans naming a document, by agency and year.

The first page of the list sits on the document's page; the whole list, paginated, under
``<document>/duoc-can-cu/`` and ``<document>/duoc-dan-chieu/``.
"""

from __future__ import annotations

from collections import defaultdict

from ..model.collation import sort_key
from ..model.models import LegalDoc, Plan
from . import urls
from .common import agency_name, date_key, doc_date, short_label
from .context import Context
from .fragments import block, join
from .md import md_text
from .page import Page
from .paginate import pager, paginate

CITED_BY_DIRS = {"can_cu": "duoc-can-cu", "dan_chieu": "duoc-dan-chieu"}
TITLES = {"can_cu": "Được căn cứ bởi", "dan_chieu": "Được dẫn chiếu bởi"}
EXPLANATIONS = {
    "can_cu": "kế hoạch nêu văn bản này trong phần căn cứ",
    "dan_chieu": "kế hoạch nhắc đến văn bản này ở phần nội dung",
}


def _year(plan: Plan) -> int | None:
    return plan.year or (plan.issued.year if plan.issued else None)


def _grouped_plans(ctx: Context, plans: list[Plan], src: str, totals: dict) -> str:
    """Plans grouped by agency and year; counts are totals over the whole list. An agency is a
    Markdown heading (the table of contents lists it) and one block of its years."""
    links = ctx.links(src)
    out: list[str] = []
    years: list[tuple[object, int, list[object]]] = []  # (year line, total, items)
    current_agency: str | None = None
    current_year: int | None = None

    def flush() -> None:
        if years:
            out.append(block("cited_by_years.html", years=list(years)))
            years.clear()

    for index, plan in enumerate(plans):
        year = _year(plan)
        if index == 0 or plan.issuer != current_agency:
            flush()
            current_agency, current_year = plan.issuer, None
            name = agency_name(ctx.corpus, plan.issuer)
            out.append(f"### {md_text(name)} ({totals[plan.issuer]})\n\n")
        if year != current_year:
            current_year = year
            years.append((year or "không rõ", totals[(plan.issuer, year)], []))
        elif not years:  # a first plan of no known year: listed without a year line
            years.append((None, 0, []))
        years[-1][2].append(join([links.doc(plan), " — ", plan.summary]))
    flush()
    return "".join(out)


def _sorted_citing(ctx: Context, plans: list[Plan]) -> list[Plan]:
    unique = {p.id: p for p in plans}.values()
    by_date = sorted(unique, key=lambda p: (date_key(doc_date(p)), p.id), reverse=True)
    # One collation key per agency, not per plan: a document may be cited by most plans.
    agency_key = {p.issuer: sort_key(agency_name(ctx.corpus, p.issuer)) for p in by_date}
    return sorted(by_date, key=lambda p: (agency_key[p.issuer], p.issuer, -(p.year or 0)))


def _totals(plans: list[Plan]) -> dict:
    totals: dict = defaultdict(int)
    for p in plans:
        totals[p.issuer] += 1
        totals[(p.issuer, _year(p))] += 1
    return totals


def cited_by_src(doc: Plan | LegalDoc, kind: str) -> str:
    folder = urls.LEGAL_DIR if isinstance(doc, LegalDoc) else urls.PLAN_DIR
    return f"{folder}/{doc.id}/{CITED_BY_DIRS[kind]}.md"


def cited_by_section(
    ctx: Context, doc: Plan | LegalDoc, kind: str, src: str
) -> tuple[str, list[Page]]:
    """The section on the document page (first page only) and the full paginated pages."""
    title = TITLES[kind]
    plans = _sorted_citing(ctx, ctx.citing(kind, doc.id))
    totals = _totals(plans)
    size = ctx.settings.page_size
    section = [f"## {title} ({len(plans)})\n\n"]
    if not plans:
        section.append(f"Chưa có {EXPLANATIONS[kind]}.\n\n")
        return "".join(section), []
    section.append(f"{len(plans)} {EXPLANATIONS[kind]}, theo cơ quan và năm.\n\n")
    section.append(_grouped_plans(ctx, plans[:size], src, totals))
    pages: list[Page] = []
    if len(plans) > size:
        base = cited_by_src(doc, kind)
        more = ctx.links(src).to(base, f"Xem tất cả {len(plans)} kế hoạch")
        section.append(block("paragraph.html", parts=[more], cls=""))
        for part in paginate(plans, base, size):
            intro = ["Văn bản: ", ctx.links(part.src).doc(doc), " — ", doc.summary]
            body = [f"# {title} {md_text(short_label(doc))}\n\n"]
            body.append(block("paragraph.html", parts=intro, cls=""))
            body.append(pager(part, ctx.settings.urls))
            body.append(_grouped_plans(ctx, list(part.items), part.src, totals))
            body.append(pager(part, ctx.settings.urls))
            pages.append(
                Page(src=part.src, title=f"{title} {short_label(doc)}", markdown="".join(body))
            )
    return "".join(section), pages


def cited_by_sections(
    ctx: Context, doc: Plan | LegalDoc, src: str, *, keep_empty: bool
) -> tuple[str, list[Page]]:
    """Both sections of a document page and their pages; ``keep_empty`` also shows a section
    that has no plan ("Chưa có …"), as legal pages do."""
    sections, pages = [], []
    for kind in TITLES:
        if keep_empty or ctx.citing(kind, doc.id):
            section, more = cited_by_section(ctx, doc, kind, src)
            sections.append(section)
            pages += more
    return "".join(sections), pages
