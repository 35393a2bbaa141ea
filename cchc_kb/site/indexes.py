"""Index pages: home, plan list, lookup, agencies, years, types, tasks. All paginated."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from ..model.collation import sort_key
from ..model.models import AGENCY_LEVELS, Agency, Document, LegalDoc, Plan
from . import urls
from .common import (
    LEVEL_ORDER,
    agency_link,
    agency_name,
    date_key,
    date_short,
    date_vi,
    doc_date,
    doc_link,
    heading,
    newest_first,
    short_label,
    type_slug,
)
from .documents import Context
from .md import esc, html_block, md_text
from .page import Page
from .paginate import Slice, pager, paginate
from .search import SEARCH_SRC, agency_search, search_form

HOME_LATEST = 10
AGENCY_LATEST = 10
TASKS_DIR = "nhiem-vu"
LOOKUP_SRC = f"{urls.LEGAL_DIR}/index.md"
PLANS_INDEX_SRC = f"{urls.PLAN_DIR}/index.md"
AGENCIES_INDEX_SRC = f"{urls.AGENCY_DIR}/index.md"
YEARS_INDEX_SRC = f"{urls.YEAR_DIR}/index.md"
TYPES_INDEX_SRC = f"{urls.TYPE_DIR}/index.md"
TASKS_SRC = f"{TASKS_DIR}/index.md"
FEED_PATH = f"{urls.PLAN_DIR}/feed.xml"


def agency_feed_path(agency_id: str) -> str:
    return f"{urls.url_of(urls.agency_src(agency_id))}feed.xml"


def _doc_table(ctx: Context, docs: list[Document], src: str, with_agency: bool = True) -> str:
    if not docs:
        return "Chưa có văn bản nào.\n\n"
    head = "<th scope='col'>Văn bản</th><th scope='col'>Ngày</th>"
    if with_agency:
        head += "<th scope='col'>Cơ quan ban hành</th>"
    head += "<th scope='col'>Trích yếu</th>"
    rows = []
    for doc in docs:
        cells = (
            f"<td>{doc_link(doc, src)}</td>"
            f'<td class="cchc-date">{esc(date_short(doc_date(doc)))}</td>'
        )
        if with_agency:
            cells += f"<td>{agency_link(ctx.corpus, doc.issuer, src)}</td>"
        cells += f"<td>{esc(doc.summary)}</td>"
        rows.append(f"<tr>{cells}</tr>")
    return html_block(
        f'<table class="cchc-list"><thead><tr>{head.replace(chr(39), chr(34))}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def _list_pages(
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
        out.append(pager(part))
        out.append(_doc_table(ctx, list(part.items), part.src, with_agency))
        out.append(pager(part))
        suffix = f" (trang {part.number})" if part.number > 1 else ""
        pages.append(Page(src=part.src, title=title + suffix, markdown="".join(out)))
    return pages


def _links_row(src: str, links: list[tuple[str, str]]) -> str:
    items = "".join(
        f'<li><a href="{esc(urls.relative_url(src, to))}">{esc(text)}</a></li>'
        for text, to in links
    )
    return html_block(f'<ul class="cchc-entry">{items}</ul>')


# ---------------------------------------------------------------------------------------------


def home_page(ctx: Context) -> Page:
    corpus, src = ctx.corpus, "index.md"
    full = [p for p in corpus.plans.values() if not p.stub]
    stubs = [p for p in corpus.plans.values() if p.stub]
    legal = [d for d in corpus.legal.values() if not d.stub]
    name = ctx.settings.portal_name
    out = [f"# {md_text(ctx.settings.site_name)}\n\n"]
    if name:
        out.append(html_block(f'<p class="cchc-lead">Trang công khai của {esc(name)}.</p>'))
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
        html_block(
            '<ul class="cchc-counts">'
            + "".join(
                f'<li><a href="{esc(urls.relative_url(src, to))}"><strong>{n}</strong> '
                f"{esc(label)}</a></li>"
                for n, label, to in counts
            )
            + "</ul>"
        )
    )
    out.append(f"Dữ liệu cập nhật đến {md_text(date_vi(ctx.settings.as_of))}.\n\n")
    out.append("## Tra cứu\n")
    out.append(search_form(src))
    out.append(
        _links_row(
            src,
            [
                ("Tất cả kế hoạch", PLANS_INDEX_SRC),
                ("Tra cứu văn bản", LOOKUP_SRC),
                ("Theo cơ quan", AGENCIES_INDEX_SRC),
                ("Theo năm", YEARS_INDEX_SRC),
                ("Theo loại văn bản", TYPES_INDEX_SRC),
                ("Nhiệm vụ theo đơn vị chủ trì", TASKS_SRC),
            ],
        )
    )
    out.append("## Kế hoạch mới nhất\n")
    out.append(_doc_table(ctx, newest_first(full)[:HOME_LATEST], src))
    out.append(
        html_block(
            f'<p><a href="{esc(FEED_PATH)}" type="application/atom+xml">'
            "Nhận tin kế hoạch mới (Atom)</a></p>"
        )
    )
    # The browser title adds the site name itself: "Trang chủ - <site name>".
    return Page(src=src, title="Trang chủ", markdown="".join(out))


def plan_index_pages(ctx: Context) -> list[Page]:
    plans = newest_first(list(ctx.corpus.plans.values()))
    intro = (
        "Mọi kế hoạch trong cơ sở dữ liệu, mới nhất trước. Kế hoạch chỉ biết qua trích dẫn "
        "cũng được liệt kê, trang của chúng nói rõ điều đó.\n\n"
    )
    return _list_pages(ctx, PLANS_INDEX_SRC, "Kế hoạch", plans, intro)


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

    return _list_pages(ctx, LOOKUP_SRC, "Tra cứu văn bản", docs, intro)


# ---------------------------------------------------------------------------------------------
# Agencies


def _agency_sort(corpus, agency: Agency) -> tuple:
    province = corpus.agencies.get(agency.province) if agency.province else None
    return (
        sort_key(province.name if province else ""),
        LEVEL_ORDER.get(agency.level, 9),
        sort_key(agency.name),
        agency.id,
    )


def agency_index_pages(ctx: Context) -> list[Page]:
    corpus = ctx.corpus
    agencies = sorted(corpus.agencies.values(), key=lambda a: _agency_sort(corpus, a))
    plan_counts: dict[str, int] = defaultdict(int)
    for doc in corpus.documents():
        plan_counts[doc.issuer] += 1
    pages = []
    for part in paginate(agencies, AGENCIES_INDEX_SRC, ctx.settings.page_size):
        out = ["# Cơ quan\n\n"]
        out.append(
            "Các cơ quan ban hành kế hoạch và văn bản, theo tỉnh và cấp (tỉnh → sở, huyện → xã).\n\n"
        )
        out.append(pager(part))
        rows = []
        for agency in part.items:
            parent = agency_link(corpus, agency.parent, part.src) if agency.parent else "—"
            rows.append(
                f"<tr><td>{agency_link(corpus, agency.id, part.src)}</td>"
                f"<td>{esc(AGENCY_LEVELS.get(agency.level, agency.level))}</td>"
                f"<td>{parent}</td><td>{plan_counts.get(agency.id, 0)}</td></tr>"
            )
        out.append(
            html_block(
                '<table class="cchc-list"><thead><tr><th scope="col">Cơ quan</th>'
                '<th scope="col">Cấp</th><th scope="col">Trực thuộc</th>'
                '<th scope="col">Số văn bản</th></tr></thead><tbody>'
                + "".join(rows)
                + "</tbody></table>"
            )
        )
        out.append(pager(part))
        suffix = f" (trang {part.number})" if part.number > 1 else ""
        pages.append(Page(src=part.src, title="Cơ quan" + suffix, markdown="".join(out)))
    return pages


def agency_pages(ctx: Context, agency: Agency) -> list[Page]:
    corpus, src = ctx.corpus, urls.agency_src(agency.id)
    size = ctx.settings.page_size
    out = [f"# {md_text(agency.name)}\n\n"]
    predecessors = sorted(
        (a for a in corpus.agencies.values() if a.successor == agency.id),
        key=lambda a: sort_key(a.name),
    )
    rows = [("Cấp", esc(AGENCY_LEVELS.get(agency.level, agency.level)))]
    if agency.short_names:
        rows.append(("Tên viết tắt", esc(", ".join(agency.short_names))))
    chain = corpus.agency_chain(agency.id)[1:]
    if chain:
        rows.append(("Trực thuộc", " → ".join(agency_link(corpus, a.id, src) for a in chain)))
    if agency.province and agency.province != agency.id:
        rows.append(("Địa bàn tỉnh", agency_link(corpus, agency.province, src)))
    if agency.valid_from:
        rows.append(("Hoạt động từ", esc(date_vi(agency.valid_from))))
    if agency.valid_to:
        rows.append(("Kết thúc hoạt động", esc(date_vi(agency.valid_to))))
    if agency.successor:
        rows.append(("Cơ quan kế thừa", agency_link(corpus, agency.successor, src)))
    if predecessors:
        rows.append(
            (
                "Tiếp nhận từ",
                "; ".join(
                    agency_link(corpus, a.id, src)
                    + (esc(f" (đến {date_vi(a.valid_to)})") if a.valid_to else "")
                    for a in predecessors
                ),
            )
        )
    out.append(
        html_block(
            '<table class="cchc-panel"><caption>Thông tin cơ quan</caption><tbody>'
            + "".join(f'<tr><th scope="row">{esc(k)}</th><td>{v}</td></tr>' for k, v in rows)
            + "</tbody></table>"
        )
    )
    if agency.note:
        out.append(f"{md_text(agency.note)}\n\n")
    extra: list[Page] = []

    children = sorted(
        corpus.children(agency.id), key=lambda a: (LEVEL_ORDER.get(a.level, 9), sort_key(a.name))
    )
    if children:
        out.append(f"## Cơ quan trực thuộc ({len(children)})\n")
        out.append(_agency_list(ctx, children[:size], src))
        if len(children) > size:
            base = f"{urls.AGENCY_DIR}/{agency.id}/truc-thuoc.md"
            out.append(_more(src, base, f"Xem tất cả {len(children)} cơ quan trực thuộc"))
            for part in paginate(children, base, size):
                body = [f"# Cơ quan trực thuộc {md_text(agency.name)}\n\n", pager(part)]
                body.append(_agency_list(ctx, list(part.items), part.src))
                body.append(pager(part))
                extra.append(Page(part.src, f"Cơ quan trực thuộc {agency.name}", "".join(body)))

    plans = newest_first([p for p in corpus.plans.values() if p.issuer == agency.id])
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
        out.append(_doc_table(ctx, plans[:AGENCY_LATEST], src, with_agency=False))
        base = f"{urls.AGENCY_DIR}/{agency.id}/ke-hoach.md"
        if len(plans) > AGENCY_LATEST:
            out.append(_more(src, base, f"Xem tất cả {len(plans)} kế hoạch"))
            extra.extend(
                _list_pages(ctx, base, f"Kế hoạch của {agency.name}", plans, with_agency=False)
            )
        out.append(
            html_block(
                f'<p><a href="{esc(urls.relative_url(src, agency_feed_path(agency.id)))}" '
                'type="application/atom+xml">Nhận tin kế hoạch mới của cơ quan (Atom)</a></p>'
            )
        )
    legal = newest_first([d for d in corpus.legal.values() if d.issuer == agency.id])
    if legal:
        out.append(f"## Văn bản pháp luật và văn bản chỉ đạo ({len(legal)})\n")
        out.append(_doc_table(ctx, legal[:AGENCY_LATEST], src, with_agency=False))
        if len(legal) > AGENCY_LATEST:
            base = f"{urls.AGENCY_DIR}/{agency.id}/van-ban.md"
            out.append(_more(src, base, f"Xem tất cả {len(legal)} văn bản"))
            extra.extend(
                _list_pages(ctx, base, f"Văn bản của {agency.name}", legal, with_agency=False)
            )
    page = Page(
        src=src,
        title=agency.name,
        markdown="".join(out),
        meta={
            "description": agency.name,
            "feed": agency_feed_path(agency.id) if plans else "",
            "search": agency_search(agency),
        },
    )
    return [page, *extra]


def _more(src: str, to: str, text: str) -> str:
    return html_block(f'<p><a href="{esc(urls.relative_url(src, to))}">{esc(text)}</a></p>')


def _agency_list(ctx: Context, agencies: list[Agency], src: str) -> str:
    items = []
    for a in agencies:
        note = AGENCY_LEVELS.get(a.level, a.level)
        if a.valid_to:
            note += f"; đến {date_short(a.valid_to)}"
        items.append(f"{agency_link(ctx.corpus, a.id, src)} ({esc(note)})")
    return html_block("<ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>")


# ---------------------------------------------------------------------------------------------
# Years and types


def year_pages(ctx: Context) -> list[Page]:
    by_year: dict[int, list[Document]] = defaultdict(list)
    for doc in ctx.corpus.documents():
        date = doc_date(doc)
        if date and date.year:
            by_year[date.year].append(doc)
    pages = []
    src = YEARS_INDEX_SRC
    out = ["# Văn bản theo năm\n\n"]
    items = [
        f'<a href="{esc(urls.relative_url(src, urls.year_src(y)))}">{y}</a> '
        f"({sum(isinstance(d, Plan) for d in docs)} kế hoạch, "
        f"{sum(isinstance(d, LegalDoc) for d in docs)} văn bản khác)"
        for y, docs in sorted(by_year.items(), reverse=True)
    ]
    out.append(html_block("<ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>"))
    pages.append(Page(src, "Văn bản theo năm", "".join(out)))
    for year, docs in sorted(by_year.items()):
        pages.extend(
            _list_pages(ctx, urls.year_src(year), f"Văn bản năm {year}", newest_first(docs))
        )
    return pages


def type_pages(ctx: Context) -> list[Page]:
    by_type: dict[str, list[Document]] = defaultdict(list)
    names: dict[str, str] = {}
    for doc in ctx.corpus.documents():
        slug = type_slug(doc.doc_type)
        by_type[slug].append(doc)
        names.setdefault(slug, doc.doc_type)
    src = TYPES_INDEX_SRC
    ordered = sorted(by_type, key=lambda s: sort_key(names[s]))
    items = [
        f'<a href="{esc(urls.relative_url(src, urls.type_src(s)))}">{esc(names[s])}</a> '
        f"({len(by_type[s])})"
        for s in ordered
    ]
    pages = [
        Page(
            src,
            "Văn bản theo loại",
            "# Văn bản theo loại\n\n"
            + html_block("<ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>"),
        )
    ]
    for slug in ordered:
        docs = sorted(
            by_type[slug],
            key=lambda d: (sort_key(d.number or "~"), date_key(d.issued), d.id),
        )
        pages.extend(_list_pages(ctx, urls.type_src(slug), names[slug], docs))
    return pages


# ---------------------------------------------------------------------------------------------
# Tasks


@dataclass
class Task:
    plan: Plan
    number: str
    task: str
    product: str
    lead: str
    partners: str
    deadline: str


_COLUMNS = (
    ("number", ("stt", "tt")),
    ("task", ("nhiệm vụ", "nội dung", "hoạt động")),
    ("product", ("sản phẩm", "kết quả")),
    ("lead", ("chủ trì",)),
    ("partners", ("phối hợp",)),
    ("deadline", ("thời gian", "thời hạn", "tiến độ")),
)
_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")


def _cells(line: str) -> list[str]:
    line = line.strip()
    if line.startswith("|"):
        line = line[1:]
    if line.endswith("|") and not line.endswith("\\|"):
        line = line[:-1]
    return [c.strip() for c in re.split(r"(?<!\\)\|", line)]


def parse_tasks(plan: Plan) -> list[Task]:
    """Rows of the plan's task tables: Markdown tables whose header has a "chủ trì" column."""
    lines = plan.body.split("\n")
    tasks: list[Task] = []
    i = 0
    while i < len(lines) - 1:
        if "|" in lines[i] and _SEPARATOR.match(lines[i + 1]):
            header = [unicodedata.normalize("NFC", h).casefold() for h in _cells(lines[i])]
            columns: dict[str, int] = {}
            for name, keys in _COLUMNS:
                for idx, cell in enumerate(header):
                    if idx not in columns.values() and any(k in cell for k in keys):
                        columns.setdefault(name, idx)
                        break
            i += 2
            rows = []
            while i < len(lines) and "|" in lines[i] and lines[i].strip():
                rows.append(_cells(lines[i]))
                i += 1
            if "lead" not in columns or "task" not in columns:
                continue
            for row in rows:

                def get(name: str, row=row, columns=columns) -> str:
                    idx = columns.get(name)
                    return row[idx] if idx is not None and idx < len(row) else ""

                if not get("task") and not get("lead"):
                    continue
                tasks.append(
                    Task(
                        plan,
                        get("number"),
                        get("task"),
                        get("product"),
                        get("lead"),
                        get("partners"),
                        get("deadline"),
                    )
                )
            continue
        i += 1
    return tasks


_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}


def deadline_key(task: Task) -> tuple[int, int]:
    """(year, month) a deadline ends by; unknown or "thường xuyên" sort last in their year."""
    text = task.deadline.casefold()
    year_match = re.search(r"(19|20)\d\d", text)
    year = int(year_match.group(0)) if year_match else task.plan.year or 0
    month = 13
    if m := re.search(r"quý\s*(iv|iii|ii|i|[1-4])\b", text):
        q = _ROMAN.get(m.group(1)) or int(m.group(1))
        month = 3 * q
    elif (m := re.search(r"tháng\s*(\d{1,2})", text)) or (
        m := re.search(r"\b\d{1,2}/(\d{1,2})/(?:19|20)\d\d", text)
    ):
        month = min(12, int(m.group(1)))
    return (year, month)


def _lead_key(lead: str) -> str:
    text = re.sub(r"[\\*_`]", "", lead)
    return " ".join(text.split()) or "Không ghi đơn vị chủ trì"


# A lead cell written as a list ("- Lãnh đạo Sở; - Văn phòng") names several units; a cell
# without list marks ("Văn phòng HDND; UBND; VHTT") is kept as written rather than guessed at.
_LIST_MARK = re.compile(r"(?:^|[;\n])\s*[-–•+]\s+")


def lead_units(lead: str) -> list[str]:
    """The units a task's "chủ trì" cell names, each once, in the order written."""
    text = re.sub(r"[\\*_`]", "", lead)
    parts = _LIST_MARK.split(text) if _LIST_MARK.match(text) else [text]
    units = [" ".join(p.split()).strip(" ;,.") for p in parts]
    return list(dict.fromkeys(u for u in units if u)) or ["Không ghi đơn vị chủ trì"]


@dataclass(frozen=True)
class _Assignment:
    """One task as seen by one of its lead units; a unit is named within its plan's agency."""

    unit: str
    agency: str
    task: Task

    @property
    def group(self) -> str:
        return f"{self.unit} — {self.agency}"


def task_pages(ctx: Context) -> list[Page]:
    tasks = [t for p in ctx.corpus.plans.values() if not p.stub and p.body for t in parse_tasks(p)]
    assignments = [
        _Assignment(unit, agency_name(ctx.corpus, t.plan.issuer), t)
        for t in tasks
        for unit in lead_units(t.lead)
    ]
    assignments.sort(
        key=lambda a: (
            sort_key(a.unit),
            sort_key(a.agency),
            deadline_key(a.task),
            a.task.plan.id,
            sort_key(a.task.number),
        )
    )
    pages = []
    title = "Nhiệm vụ theo đơn vị chủ trì"
    totals: dict[str, int] = defaultdict(int)
    for a in assignments:
        totals[a.group] += 1
    for part in paginate(assignments, TASKS_SRC, ctx.settings.page_size):
        out = [f"# {title}\n\n"]
        out.append(
            f"{len(tasks)} nhiệm vụ trong phụ lục các kế hoạch, theo đơn vị chủ trì và thời hạn: "
            "ai phải làm gì, đến khi nào. Nhiệm vụ do nhiều đơn vị cùng chủ trì có ở mục của "
            "từng đơn vị.\n\n"
        )
        out.append(pager(part))
        out.append(_task_groups(part, totals))
        out.append(pager(part))
        suffix = f" (trang {part.number})" if part.number > 1 else ""
        pages.append(Page(part.src, title + suffix, "".join(out)))
    return pages


_TASK_COLUMNS = ("Nhiệm vụ", "Sản phẩm", "Phối hợp", "Thời gian", "Kế hoạch")


def _task_groups(part: Slice, totals: dict[str, int]) -> str:
    out = []
    current = None
    rows: list[str] = []

    def flush():
        if rows:
            head = "".join(f'<th scope="col">{c}</th>' for c in _TASK_COLUMNS)
            out.append(
                html_block(
                    f'<table class="cchc-list cchc-tasks"><thead><tr>{head}</tr></thead>'
                    "<tbody>" + "".join(rows) + "</tbody></table>"
                )
            )
            rows.clear()

    for a in part.items:
        if a.group != current:
            flush()
            current = a.group
            out.append(f"## {md_text(a.group)} ({totals[a.group]})\n")
        task = a.task
        cells = (
            esc(_lead_key(task.task)),
            esc(_lead_key(task.product)),
            esc(_lead_key(task.partners)),
            esc(_lead_key(task.deadline)),
            doc_link(task.plan, part.src),
        )
        # data-label names the column when a phone shows each row as a card.
        rows.append(
            "<tr>"
            + "".join(
                f'<td data-label="{label}">{cell}</td>'
                for label, cell in zip(_TASK_COLUMNS, cells, strict=True)
            )
            + "</tr>"
        )
    flush()
    if not part.items:
        out.append("Chưa có kế hoạch nào có bảng nhiệm vụ.\n\n")
    return "".join(out)


__all__ = [
    "agency_index_pages",
    "agency_pages",
    "home_page",
    "lookup_pages",
    "plan_index_pages",
    "task_pages",
    "type_pages",
    "year_pages",
    "heading",
    "short_label",
]
