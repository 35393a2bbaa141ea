"""Agency pages: the index by province and level, and each agency with its plans and documents."""

from __future__ import annotations

from collections import defaultdict

from ..corpus import Corpus
from ..model.collation import sort_key
from ..model.models import AGENCY_LEVELS, LEVEL_ORDER, Agency
from . import urls
from .common import date_short, date_vi, newest_first
from .context import Context
from .document_parts import panel
from .fragments import block, join
from .indexes import AGENCIES_INDEX_SRC, document_table, list_pages, more_link
from .md import md_text
from .page import Page, PageMeta
from .paginate import pager, paginate
from .search import agency_search

AGENCY_LATEST = 10


def agency_feed_path(agency_id: str) -> str:
    return urls.page_file(urls.agency_src(agency_id), "feed.xml")


def _agency_sort(corpus: Corpus, agency: Agency) -> tuple:
    province = corpus.agencies.get(agency.province) if agency.province else None
    return (
        sort_key(province.name if province else ""),
        LEVEL_ORDER.get(agency.level, 9),
        sort_key(agency.name),
        agency.id,
    )


def _by_agency(ctx: Context) -> dict[str, dict[str, list]]:
    """Each agency's plans, legal documents and predecessors, in corpus order: indexed once per
    build, as every agency page scanning the whole corpus made the pages quadratic."""
    if "by_agency" not in ctx.cache:
        index: dict[str, dict[str, list]] = defaultdict(
            lambda: {"plans": [], "legal": [], "predecessors": []}
        )
        corpus = ctx.corpus
        for plan in corpus.plans.values():
            index[plan.issuer]["plans"].append(plan)
        for doc in corpus.legal.values():
            index[doc.issuer]["legal"].append(doc)
        for agency in corpus.agencies.values():
            index[agency.successor]["predecessors"].append(agency)
        ctx.cache["by_agency"] = index
    return ctx.cache["by_agency"]


def _level(agency: Agency) -> str:
    return AGENCY_LEVELS.get(agency.level, agency.level)


def agency_index_pages(ctx: Context) -> list[Page]:
    corpus = ctx.corpus
    agencies = sorted(corpus.agencies.values(), key=lambda a: _agency_sort(corpus, a))
    document_counts: dict[str, int] = defaultdict(int)
    for doc in corpus.documents():
        document_counts[doc.issuer] += 1
    pages = []
    for part in paginate(agencies, AGENCIES_INDEX_SRC, ctx.settings.page_size):
        links = ctx.links(part.src)
        out = ["# Cơ quan\n\n"]
        out.append(
            "Các cơ quan ban hành kế hoạch và văn bản, theo tỉnh và cấp (tỉnh → sở, huyện → xã).\n\n"
        )
        out.append(pager(part, ctx.settings.urls))
        rows = [
            {
                "agency": links.agency(agency.id),
                "level": _level(agency),
                "parent": links.agency(agency.parent) if agency.parent else "—",
                "count": document_counts.get(agency.id, 0),
            }
            for agency in part.items
        ]
        out.append(block("agency_table.html", rows=rows))
        out.append(pager(part, ctx.settings.urls))
        suffix = f" (trang {part.number})" if part.number > 1 else ""
        pages.append(Page(src=part.src, title="Cơ quan" + suffix, markdown="".join(out)))
    return pages


def _attributes(ctx: Context, agency: Agency, src: str) -> str:
    corpus, links = ctx.corpus, ctx.links(src)
    predecessors = sorted(
        _by_agency(ctx)[agency.id]["predecessors"], key=lambda a: sort_key(a.name)
    )
    rows: list[tuple[str, object]] = [("Cấp", _level(agency))]
    if agency.short_names:
        rows.append(("Tên viết tắt", ", ".join(agency.short_names)))
    chain = corpus.agency_chain(agency.id)[1:]
    if chain:
        rows.append(("Trực thuộc", join((links.agency(a.id) for a in chain), " → ")))
    if agency.province and agency.province != agency.id:
        rows.append(("Địa bàn tỉnh", links.agency(agency.province)))
    if agency.valid_from:
        rows.append(("Hoạt động từ", date_vi(agency.valid_from)))
    if agency.valid_to:
        rows.append(("Kết thúc hoạt động", date_vi(agency.valid_to)))
    if agency.successor:
        rows.append(("Cơ quan kế thừa", links.agency(agency.successor)))
    if predecessors:
        received = [
            join([links.agency(a.id), f" (đến {date_vi(a.valid_to)})" if a.valid_to else ""])
            for a in predecessors
        ]
        rows.append(("Tiếp nhận từ", join(received, "; ")))
    return panel(rows, "Thông tin cơ quan")


def _agency_list(ctx: Context, agencies: list[Agency], src: str) -> str:
    links = ctx.links(src)
    items = []
    for a in agencies:
        note = _level(a) + (f"; đến {date_short(a.valid_to)}" if a.valid_to else "")
        items.append(join([links.agency(a.id), f" ({note})"]))
    return block("list.html", items=items, cls="")


def _children_section(ctx: Context, agency: Agency, src: str) -> tuple[str, list[Page]]:
    size = ctx.settings.page_size
    children = sorted(
        ctx.corpus.children(agency.id),
        key=lambda a: (LEVEL_ORDER.get(a.level, 9), sort_key(a.name)),
    )
    if not children:
        return "", []
    out = [f"## Cơ quan trực thuộc ({len(children)})\n", _agency_list(ctx, children[:size], src)]
    pages: list[Page] = []
    if len(children) > size:
        base = f"{urls.AGENCY_DIR}/{agency.id}/truc-thuoc.md"
        out.append(more_link(ctx, src, base, f"Xem tất cả {len(children)} cơ quan trực thuộc"))
        for part in paginate(children, base, size):
            body = [f"# Cơ quan trực thuộc {md_text(agency.name)}\n\n"]
            body.append(pager(part, ctx.settings.urls))
            body.append(_agency_list(ctx, list(part.items), part.src))
            body.append(pager(part, ctx.settings.urls))
            pages.append(Page(part.src, f"Cơ quan trực thuộc {agency.name}", "".join(body)))
    return "".join(out), pages


def _latest(
    ctx: Context, agency: Agency, docs: list, folder: str, noun: str, title: str
) -> tuple[str, list[Page]]:
    """The newest documents of an agency on its page, and all of them on pages of their own."""
    src = urls.agency_src(agency.id)
    out = document_table(ctx, docs[:AGENCY_LATEST], src, with_agency=False)
    if len(docs) <= AGENCY_LATEST:
        return out, []
    base = f"{urls.AGENCY_DIR}/{agency.id}/{folder}.md"
    out += more_link(ctx, src, base, f"Xem tất cả {len(docs)} {noun}")
    return out, list_pages(ctx, base, f"{title} {agency.name}", docs, with_agency=False)


def agency_pages(ctx: Context, agency: Agency) -> list[Page]:
    src = urls.agency_src(agency.id)
    out = [f"# {md_text(agency.name)}\n\n", _attributes(ctx, agency, src)]
    if agency.note:
        out.append(f"{md_text(agency.note)}\n\n")
    children, extra = _children_section(ctx, agency, src)
    out.append(children)

    own = _by_agency(ctx)[agency.id]
    plans = newest_first(own["plans"])
    if plans:
        years: dict[int, int] = defaultdict(int)
        for p in plans:
            years[p.year] += 1
        out.append(f"## Kế hoạch ({len(plans)})\n\n")
        out.append(
            "Theo năm: "
            + ", ".join(f"{y or 'không rõ'}: {n}" for y, n in sorted(years.items(), reverse=True))
            + ".\n\n"
        )
        plan_list, pages = _latest(ctx, agency, plans, "ke-hoach", "kế hoạch", "Kế hoạch của")
        out.append(plan_list)
        extra += pages
        feed = "Nhận tin kế hoạch mới của cơ quan (Atom)"
        out.append(
            more_link(ctx, src, agency_feed_path(agency.id), feed, type="application/atom+xml")
        )
    legal = newest_first(own["legal"])
    if legal:
        out.append(f"## Văn bản pháp luật và văn bản chỉ đạo ({len(legal)})\n")
        legal_list, pages = _latest(ctx, agency, legal, "van-ban", "văn bản", "Văn bản của")
        out.append(legal_list)
        extra += pages
    meta = PageMeta(
        description=agency.name,
        feed=agency_feed_path(agency.id) if plans else "",
        search=agency_search(agency),
    )
    return [Page(src=src, title=agency.name, markdown="".join(out), meta=meta), *extra]
