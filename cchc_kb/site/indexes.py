"""Index pages: home, plan list, lookup, years, types. All paginated."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from ..model.collation import sort_key
from ..model.models import Document, LegalDoc, Plan
from . import urls
from .common import date_key, date_short, date_vi, doc_date, newest_first, type_slug
from .context import Context
from .fragments import block, join
from .md import md_text
from .page import Page
from .paginate import list_wanted, pager, paginate
from .search import SEARCH_SRC, search_form
from .task_pages import TASKS_SRC

HOME_LATEST = 10
LOOKUP_SRC = f"{urls.LEGAL_DIR}/index.md"
PLANS_INDEX_SRC = f"{urls.PLAN_DIR}/index.md"
AGENCIES_INDEX_SRC = f"{urls.AGENCY_DIR}/index.md"
YEARS_INDEX_SRC = f"{urls.YEAR_DIR}/index.md"
TYPES_INDEX_SRC = f"{urls.TYPE_DIR}/index.md"
FEED_PATH = f"{urls.PLAN_DIR}/feed.xml"


def document_table(ctx: Context, docs: list[Document], src: str, with_agency: bool = True) -> str:
    if not docs:
        return "Chưa có văn bản nào.\n\n"
    links = ctx.links(src)
    rows = [
        {
            "link": links.doc(doc),
            "date": date_short(doc_date(doc)),
            "agency": links.agency(doc.issuer) if with_agency else "",
            "summary": doc.summary,
        }
        for doc in docs
    ]
    return block("document_table.html", rows=rows, with_agency=with_agency)


def list_pages(
    ctx: Context,
    base: str,
    title: str,
    items: list[Document],
    intro: str | Callable[[str], str] = "",
    with_agency: bool = True,
) -> list[Page]:
    pages = []
    for part in paginate(items, base, ctx.settings.page_size):
        out = [f"# {md_text(title)}\n\n"]
        if intro:
            out.append(intro(part.src) if callable(intro) else intro)
        out.append(pager(part, ctx.settings.urls))
        out.append(document_table(ctx, list(part.items), part.src, with_agency))
        out.append(pager(part, ctx.settings.urls))
        suffix = f" (trang {part.number})" if part.number > 1 else ""
        pages.append(Page(src=part.src, title=title + suffix, markdown="".join(out)))
    return pages


def more_link(ctx: Context, src: str, to: str, text: str, **attrs: str) -> str:
    """A paragraph with one link: to the whole list, to a feed."""
    return block("paragraph.html", parts=[ctx.links(src).to(to, text, **attrs)], cls="")


# ---------------------------------------------------------------------------------------------


def home_page(ctx: Context) -> Page:
    corpus, src = ctx.corpus, "index.md"
    links = ctx.links(src)
    full = [p for p in corpus.plans.values() if not p.stub]
    stubs = [p for p in corpus.plans.values() if p.stub]
    legal = [d for d in corpus.legal.values() if not d.stub]
    name = ctx.settings.portal_name
    out = [f"# {md_text(ctx.settings.site_name)}\n\n"]
    if name:
        out.append(block("lead.html", text=f"Trang công khai của {name}."))
    out.append(
        "Cơ sở dữ liệu các kế hoạch cải cách hành chính (CCHC) và các văn bản pháp luật làm căn "
        "cứ: xem một kế hoạch căn cứ vào đâu, văn bản đó còn hiệu lực không, ai đã triển khai "
        "kế hoạch cấp trên và ai phải làm gì, đến khi nào.\n\n"
    )
    counts = [
        (len(full), "kế hoạch có toàn văn", PLANS_INDEX_SRC),
        (len(stubs), "kế hoạch chỉ biết qua trích dẫn", PLANS_INDEX_SRC),
        (len(legal), "văn bản pháp luật và văn bản chỉ đạo", LOOKUP_SRC),
        (len(corpus.legal) - len(legal), "văn bản chỉ biết qua trích dẫn", LOOKUP_SRC),
        (len(corpus.agencies), "cơ quan", AGENCIES_INDEX_SRC),
        (len(ctx.unresolved), "văn bản được trích dẫn nhưng chưa xác định", LOOKUP_SRC),
    ]
    out.append(
        block(
            "counts.html",
            counts=[
                {"number": n, "label": label, "href": links.href(to)} for n, label, to in counts
            ],
        )
    )
    out.append(f"Dữ liệu cập nhật đến {md_text(date_vi(ctx.settings.as_of))}.\n\n")
    out.append("## Tra cứu\n")
    out.append(search_form(ctx.settings.urls, src))
    entries = [
        ("Tất cả kế hoạch", PLANS_INDEX_SRC),
        ("Tra cứu văn bản", LOOKUP_SRC),
        ("Theo cơ quan", AGENCIES_INDEX_SRC),
        ("Theo năm", YEARS_INDEX_SRC),
        ("Theo loại văn bản", TYPES_INDEX_SRC),
        ("Nhiệm vụ theo đơn vị chủ trì", TASKS_SRC),
    ]
    entry_links = [links.to(to, text) for text, to in entries]
    out.append(block("list.html", items=entry_links, cls="cchc-entry"))
    out.append("## Kế hoạch mới nhất\n")
    out.append(document_table(ctx, newest_first(full, HOME_LATEST), src))
    feed = "Nhận tin kế hoạch mới (Atom)"
    out.append(more_link(ctx, src, FEED_PATH, feed, type="application/atom+xml"))
    # The browser title adds the site name itself: "Trang chủ - <site name>".
    return Page(src=src, title="Trang chủ", markdown="".join(out))


def plan_index_pages(ctx: Context) -> list[Page]:
    plans = newest_first(list(ctx.corpus.plans.values()))
    intro = (
        "Mọi kế hoạch trong cơ sở dữ liệu, mới nhất trước. Kế hoạch chỉ biết qua trích dẫn "
        "cũng được liệt kê, trang của chúng nói rõ điều đó.\n\n"
    )
    return list_pages(ctx, PLANS_INDEX_SRC, "Kế hoạch", plans, intro)


def lookup_pages(ctx: Context) -> list[Page]:
    """ "Tra cứu văn bản": every document by type, then number, with the facets to narrow it."""
    docs = sorted(
        ctx.corpus.documents(),
        key=lambda d: (sort_key(d.doc_type), sort_key(d.number or "~"), date_key(d.issued), d.id),
    )

    def intro(src: str) -> str:
        def link(text: str, to: str) -> str:
            return f"[{text}]({urls.relative_src(src, to)})"

        return (
            "Mọi văn bản (văn bản pháp luật, văn bản chỉ đạo và kế hoạch) theo loại và số ký "
            f"hiệu. Thu hẹp theo {link('loại văn bản', TYPES_INDEX_SRC)}, "
            f"{link('năm', YEARS_INDEX_SRC)} hoặc {link('cơ quan ban hành', AGENCIES_INDEX_SRC)}"
            f", hoặc dùng trang {link('tìm kiếm', SEARCH_SRC)}.\n\n"
        )

    return list_pages(ctx, LOOKUP_SRC, "Tra cứu văn bản", docs, intro)


# ---------------------------------------------------------------------------------------------
# Years and types


def year_pages(ctx: Context) -> list[Page]:
    by_year: dict[int, list[Document]] = defaultdict(list)
    for doc in ctx.corpus.documents():
        date = doc_date(doc)
        if date and date.year:
            by_year[date.year].append(doc)
    src = YEARS_INDEX_SRC
    links = ctx.links(src)
    items = [
        join(
            [
                links.to(urls.year_src(year), year),
                f" ({sum(isinstance(d, Plan) for d in docs)} kế hoạch, "
                f"{sum(isinstance(d, LegalDoc) for d in docs)} văn bản khác)",
            ]
        )
        for year, docs in sorted(by_year.items(), reverse=True)
    ]
    markdown = "# Văn bản theo năm\n\n" + block("list.html", items=items, cls="")
    pages = [Page(src, "Văn bản theo năm", markdown)]
    for year, docs in sorted(by_year.items()):
        if list_wanted(urls.year_src(year)):
            pages += list_pages(ctx, urls.year_src(year), f"Văn bản năm {year}", newest_first(docs))
    return pages


def type_pages(ctx: Context) -> list[Page]:
    by_type: dict[str, list[Document]] = defaultdict(list)
    names: dict[str, str] = {}
    for doc in ctx.corpus.documents():
        slug = type_slug(doc.doc_type)
        by_type[slug].append(doc)
        names.setdefault(slug, doc.doc_type)
    src = TYPES_INDEX_SRC
    links = ctx.links(src)
    ordered = sorted(by_type, key=lambda s: sort_key(names[s]))
    items = [
        join([links.to(urls.type_src(slug), names[slug]), f" ({len(by_type[slug])})"])
        for slug in ordered
    ]
    markdown = "# Văn bản theo loại\n\n" + block("list.html", items=items, cls="")
    pages = [Page(src, "Văn bản theo loại", markdown)]
    for slug in ordered:
        if not list_wanted(urls.type_src(slug)):
            continue
        docs = sorted(
            by_type[slug],
            key=lambda d: (sort_key(d.number or "~"), date_key(d.issued), d.id),
        )
        pages += list_pages(ctx, urls.type_src(slug), names[slug], docs)
    return pages
