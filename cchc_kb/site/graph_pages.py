"""Pages of the citation graph: hub, plan hierarchy, ranking, agency graphs, report, open data.

Every list that grows with the corpus is paginated (``paginate``): the hierarchy of a province
is cut into pages of rows with the path to the first row repeated on top, the ranking and the
report groups into fixed-size pages. Links between generated pages are Markdown links to source
paths, so a strict build checks them; links to export files (not pages) are HTML links.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from functools import partial

import networkx as nx

from ..analysis.graph import EDGE_LABELS, Finding, analyses, edge_types, ranking
from ..corpus import Corpus
from ..model.collation import sort_key
from ..model.models import LEVEL_ORDER, Diagnostic, PartialDate
from ..parallel import ordered_map
from . import urls
from .graph_view import (
    GraphPageSettings,
    node_label,
    node_link,
    node_src,
    page_link,
    page_settings,
    part_suffix,
)
from .md import html_block, md_text
from .open_data import OPEN_DATA_SRC, open_data_page
from .page import Page
from .paginate import pager, paginate
from .quality_report import REPORT_SRC, report_pages
from .render import render
from .svg import (
    MAX_NODES,
    label_key,
    neighbourhood,
    neighbourhood_list_markdown,
    neighbourhood_svg,
    relations,
    relations_src,
    short_date,
)

HUB_SRC = f"{urls.GRAPH_DIR}/index.md"
HIERARCHY_SRC = f"{urls.GRAPH_DIR}/he-thong-ke-hoach.md"
RANKING_SRC = f"{urls.GRAPH_DIR}/van-ban-duoc-dan-nhieu-nhat.md"
AGENCY_INDEX_SRC = f"{urls.GRAPH_DIR}/co-quan.md"
CENTRAL = "trung-uong"
UNKNOWN_PROVINCE = "chua-xac-dinh"

# Short level names that fit a box in the agency drawing.
LEVEL_SHORT = {
    "trung_uong": "Trung ương",
    "tinh": "Cấp tỉnh",
    "so": "Sở, ban, ngành",
    "huyen": "Cấp huyện",
    "xa": "Cấp xã",
}


PagePart = Callable[[], list[Page]]


def graph_page_parts(
    corpus: Corpus,
    graph: nx.DiGraph,
    settings=None,
    *,
    as_of: PartialDate | None = None,
    findings: list[Finding] | None = None,
    recorded: list[Diagnostic] | None = None,
) -> list[PagePart]:
    """The graph pages as independent parts, in page order: each makes its pages from what
    is computed here, so the parts can run on any core (``build_site`` runs them with the
    documents' pages) and their pages, joined in this order, are ``graph_pages``.

    ``settings`` needs ``as_of`` and ``page_size`` (or pass ``as_of``); ``findings``:
    ``analyses(corpus, graph)`` and ``recorded``: ``record_diagnostics(corpus)``, when the
    caller has them already."""
    cfg = page_settings(settings, as_of)
    findings = findings if findings is not None else analyses(corpus, graph)
    buckets, order = _hierarchy_buckets(corpus, graph)
    agg, agencies, plans_of = _agency_graph_parts(corpus, graph)
    return [
        partial(one_page, hub_page, corpus, graph, findings),
        partial(_hierarchy_index_pages, corpus, graph, buckets, order, cfg),
        *(partial(_bucket_pages, corpus, graph, key, buckets[key], cfg) for key in order),
        partial(ranking_pages, graph, cfg),
        partial(_agency_index_pages, agg, agencies, plans_of, cfg),
        *(partial(_agency_pages, corpus, graph, agg, plans_of, cfg, a) for a in agencies),
        *(partial(_node_relation_pages, graph, cfg, MAX_NODES, node) for node in sorted(graph)),
        partial(report_pages, corpus, graph, findings, cfg, recorded),
        partial(one_page, open_data_page, corpus, graph, cfg.scheme),
    ]


def graph_pages(*args, **kwargs) -> list[Page]:
    """Every graph page (the arguments of ``graph_page_parts``), the parts on every core."""
    return [
        page for built in ordered_map(_made, graph_page_parts(*args, **kwargs)) for page in built
    ]


def _made(part: PagePart) -> list[Page]:
    return part()


def one_page(make: Callable[..., Page], *args) -> list[Page]:
    """A part that makes one page."""
    return [make(*args)]


# ---------------------------------------------------------------------------------------------
# Hub


def hub_page(corpus: Corpus, graph: nx.DiGraph, findings: list[Finding]) -> Page:
    src = HUB_SRC
    kinds = Counter(a["kind"] for _, a in graph.nodes(data=True))
    types = Counter(d["type"] for _, _, d in graph.edges(data=True))
    out = ["# Đồ thị trích dẫn\n\n"]
    out.append(
        "Mỗi kế hoạch, mỗi văn bản pháp lý là một nút; mỗi quan hệ (thực hiện, căn cứ, sửa đổi, "
        "dẫn chiếu…) là một cạnh có hướng, từ văn bản dẫn tới văn bản được dẫn. Trang của mỗi "
        "văn bản có sơ đồ các văn bản liên quan trực tiếp.\n\n"
    )
    out.append(
        f"- {page_link('Hệ thống kế hoạch', src, HIERARCHY_SRC)}: từ chương trình của Trung ương "
        "tới kế hoạch của tỉnh, sở, huyện, xã.\n"
        f"- {page_link('Văn bản được dẫn nhiều nhất', src, RANKING_SRC)}: số văn bản dẫn và PageRank.\n"
        f"- {page_link('Đồ thị theo cơ quan', src, AGENCY_INDEX_SRC)}.\n"
        f"- {page_link('Báo cáo chất lượng dữ liệu', src, REPORT_SRC)}: "
        f"{sum(1 for f in findings if f.severity == 'error')} lỗi của đồ thị.\n"
        f"- {page_link('Dữ liệu mở', src, OPEN_DATA_SRC)}: tải đồ thị (JSON, GraphML, CSV).\n\n"
    )
    out.append("| Thành phần | Số lượng |\n|---|---:|\n")
    for label, n in (
        ("Kế hoạch", kinds["plan"]),
        ("Văn bản pháp lý, văn bản của Đảng", kinds["legal"]),
        ("Văn bản được dẫn nhưng chưa xác định", kinds["unresolved"]),
    ):
        out.append(f"| {label} | {n} |\n")
    for etype, label in EDGE_LABELS.items():
        out.append(f"| Quan hệ «{label}» | {types[etype]} |\n")
    return Page(src=src, title="Đồ thị trích dẫn", markdown="".join(out) + "\n")


# ---------------------------------------------------------------------------------------------
# Plan hierarchy


def _province_of(graph: nx.DiGraph, node: str) -> str:
    attrs = graph.nodes[node]
    if attrs.get("province"):
        return attrs["province"]
    return CENTRAL if attrs.get("level") == "trung_uong" else UNKNOWN_PROVINCE


def _bucket_name(corpus: Corpus, key: str) -> str:
    if key == CENTRAL:
        return "Trung ương"
    if key == UNKNOWN_PROVINCE:
        return "Chưa xác định địa bàn"
    agency = corpus.agencies.get(key)
    return agency.name if agency else key


def _bucket_src(key: str) -> str:
    return f"{urls.GRAPH_DIR}/he-thong-ke-hoach/{key}.md"


def _plan_sort(graph: nx.DiGraph, node: str) -> tuple:
    a = graph.nodes[node]
    return (
        LEVEL_ORDER.get(a.get("level"), 9),
        label_key(a.get("agency_name") or ""),
        a.get("date") or "",
        label_key(node_label(a)),
        node,
    )


def _tree_rows(graph: nx.DiGraph, plans: list[str]) -> list[tuple[int, str, tuple[str, ...]]]:
    """DFS rows (depth, plan, ancestors within the bucket), cycle-safe."""
    inside = set(plans)
    children: dict[str, list[str]] = defaultdict(list)
    has_parent: set[str] = set()
    for node in plans:
        for _, parent, d in graph.out_edges(node, data=True):
            if d["type"] == "thuc_hien" and parent in inside and parent != node:
                children[parent].append(node)
                has_parent.add(node)
    for kids in children.values():
        kids.sort(key=lambda n: _plan_sort(graph, n))
    roots = sorted(
        (n for n in plans if n not in has_parent),
        key=lambda n: (-(graph.nodes[n].get("year") or 0), *_plan_sort(graph, n)),
    )
    rows: list[tuple[int, str, tuple[str, ...]]] = []
    seen: set[str] = set()

    def walk(node: str, path: tuple[str, ...]) -> None:
        if node in seen:
            return
        seen.add(node)
        rows.append((len(path), node, path))
        for kid in children.get(node, []):
            walk(kid, (*path, node))

    for root in roots:
        walk(root, ())
    # Plans only reachable through a cycle have no root: list them at the top level.
    for node in sorted(plans, key=lambda n: _plan_sort(graph, n)):
        walk(node, ())
    return rows


def _plan_line(graph: nx.DiGraph, node: str, src: str, bucket: str) -> str:
    a = graph.nodes[node]
    text = node_link(graph, node, src)
    details = [md_text(a.get("agency_name") or "")]
    if a.get("date"):
        details.append(short_date(a["date"]))
    if a.get("stub"):
        details.append("chỉ biết qua trích dẫn")
    outside = [
        p
        for _, p, d in graph.out_edges(node, data=True)
        if d["type"] == "thuc_hien" and _province_of(graph, p) != bucket
    ]
    line = f"{text} — {', '.join(x for x in details if x)}"
    if outside:
        line += "; thực hiện " + ", ".join(node_link(graph, p, src) for p in sorted(outside))
    return line


def hierarchy_pages(corpus: Corpus, graph: nx.DiGraph, cfg: GraphPageSettings) -> list[Page]:
    buckets, order = _hierarchy_buckets(corpus, graph)
    pages = _hierarchy_index_pages(corpus, graph, buckets, order, cfg)
    for key in order:
        pages += _bucket_pages(corpus, graph, key, buckets[key], cfg)
    return pages


def _hierarchy_buckets(corpus: Corpus, graph: nx.DiGraph) -> tuple[dict[str, list[str]], list[str]]:
    """The plans by province (central, unknown), and the provinces in page order."""
    buckets: dict[str, list[str]] = defaultdict(list)
    for node, a in graph.nodes(data=True):
        if a["kind"] == "plan":
            buckets[_province_of(graph, node)].append(node)
    order = sorted(
        buckets,
        key=lambda k: (k != CENTRAL, k == UNKNOWN_PROVINCE, sort_key(_bucket_name(corpus, k)), k),
    )
    return buckets, order


def _hierarchy_index_pages(
    corpus: Corpus,
    graph: nx.DiGraph,
    buckets: dict[str, list[str]],
    order: list[str],
    cfg: GraphPageSettings,
) -> list[Page]:
    pages: list[Page] = []
    for part in paginate(order, HIERARCHY_SRC, cfg.page_size * 2):
        src = part.src
        out = [f"# Hệ thống kế hoạch{part_suffix(part)}\n\n"]
        out.append(
            "Kế hoạch của cấp dưới thực hiện kế hoạch của cấp trên: chương trình của Trung ương → "
            "kế hoạch của tỉnh → của sở, huyện → của xã. Chọn một địa bàn để xem cây kế hoạch.\n\n"
        )
        out.append("| Địa bàn | Số kế hoạch | Năm |\n|---|---:|---|\n")
        for key in part.items:
            years = sorted({graph.nodes[n].get("year") for n in buckets[key]} - {None, 0})
            span = f"{years[0]}–{years[-1]}" if len(years) > 1 else (str(years[0]) if years else "")
            out.append(
                f"| {page_link(_bucket_name(corpus, key), src, _bucket_src(key))} "
                f"| {len(buckets[key])} | {span} |\n"
            )
        out.append("\n" + pager(part, cfg.scheme))
        pages.append(Page(src, "Hệ thống kế hoạch" + part_suffix(part), "".join(out)))
    return pages


def _bucket_pages(corpus, graph, key: str, plans: list[str], cfg: GraphPageSettings) -> list[Page]:
    rows = _tree_rows(graph, plans)
    name = _bucket_name(corpus, key)
    pages = []
    for part in paginate(rows, _bucket_src(key), cfg.page_size * 2):
        src = part.src
        out = [f"# Hệ thống kế hoạch: {md_text(name)}{part_suffix(part)}\n\n"]
        out.append(f"{page_link('← Tất cả địa bàn', src, HIERARCHY_SRC)}\n\n")
        items = list(part.items)
        if items and items[0][0] > 0:  # repeat the path to the first row
            for depth, node in enumerate(items[0][2]):
                out.append("    " * depth + f"- {_plan_line(graph, node, src, key)} (tiếp theo)\n")
        for depth, node, _ in items:
            out.append("    " * depth + f"- {_plan_line(graph, node, src, key)}\n")
        out.append("\n" + pager(part, cfg.scheme))
        pages.append(Page(src, f"Hệ thống kế hoạch: {name}{part_suffix(part)}", "".join(out)))
    return pages


# ---------------------------------------------------------------------------------------------
# Ranking


def ranking_pages(graph: nx.DiGraph, cfg: GraphPageSettings) -> list[Page]:
    ranked = ranking(graph)
    by_pr = {
        r.node: i + 1 for i, r in enumerate(sorted(ranked, key=lambda r: (-r.pagerank, r.node)))
    }
    pages = []
    for part in paginate(ranked, RANKING_SRC, cfg.page_size * 2):
        src = part.src
        out = [f"# Văn bản được dẫn nhiều nhất{part_suffix(part)}\n\n"]
        out.append(
            "Xếp theo số văn bản dẫn tới (bậc vào: kế hoạch căn cứ, kế hoạch dẫn chiếu, văn bản "
            "sửa đổi…). PageRank cho thêm trọng số khi văn bản dẫn lại được nhiều văn bản khác "
            "dẫn, ví dụ một kế hoạch của tỉnh được các sở, huyện thực hiện. Cột cuối đếm kế hoạch "
            "dẫn theo năm của kế hoạch.\n\n"
        )
        out.append(
            "| Hạng | Văn bản | Số văn bản dẫn | Căn cứ | Dẫn chiếu | PageRank (hạng) | Theo năm |\n"
            "|---:|---|---:|---:|---:|---|---|\n"
        )
        for i, r in enumerate(part.items):
            years = ", ".join(f"{y}: {n}" for y, n in r.by_year.items())
            out.append(
                f"| {part.first_index + i + 1} | {node_link(graph, r.node, src)} | {r.citing} "
                f"| {r.as_basis} | {r.mentioned} | {r.pagerank:.4f} ({by_pr[r.node]}) | {years} |\n"
            )
        if not ranked:
            out.append("| | Chưa có văn bản nào được dẫn. | | | | | |\n")
        out.append("\n" + pager(part, cfg.scheme))
        pages.append(Page(src, "Văn bản được dẫn nhiều nhất" + part_suffix(part), "".join(out)))
    return pages


# ---------------------------------------------------------------------------------------------
# Agencies


def agency_graph_src(agency_id: str) -> str:
    return f"{urls.GRAPH_DIR}/co-quan/{agency_id}.md"


def agency_graph(corpus: Corpus, graph: nx.DiGraph) -> nx.DiGraph:
    """Agencies linked through their plans: A → B "thực hiện" when A's plans implement B's,
    A → document "căn cứ"/"dẫn chiếu" when A's plans cite it; ``count`` = number of plans."""
    agg = nx.DiGraph()
    counts: dict[tuple[str, str], Counter] = defaultdict(Counter)
    issuers = {n: a["agency"] for n, a in graph.nodes(data=True) if a["kind"] == "plan"}
    for u, v, d in graph.edges(data=True):
        if u not in issuers:
            continue
        a = issuers[u]
        if d["type"] == "thuc_hien" and v in issuers:
            if issuers[v] != a:
                counts[(a, issuers[v])]["thuc_hien"] += 1
        elif graph.nodes[v]["kind"] == "legal":
            counts[(a, v)]["can_cu" if "can_cu" in edge_types(d) else "dan_chieu"] += 1
    for agency_id in sorted(set(issuers.values())):
        ag = corpus.agencies.get(agency_id)
        agg.add_node(
            agency_id,
            kind="agency",
            category="agency",
            type=LEVEL_SHORT.get(ag.level, "Cơ quan") if ag else "Cơ quan",
            number="",
            label=ag.name if ag else agency_id,
            agency_name=ag.name if ag else agency_id,
            date="",
            year=None,
            summary="",
            src=agency_graph_src(agency_id),
        )
    for (a, b), c in sorted(counts.items()):
        if b not in agg:
            agg.add_node(b, **graph.nodes[b])
        etype = "thuc_hien" if "thuc_hien" in c else ("can_cu" if c["can_cu"] else "dan_chieu")
        agg.add_edge(a, b, type=etype, count=sum(c.values()))
    return agg


def agency_graph_pages(corpus: Corpus, graph: nx.DiGraph, cfg: GraphPageSettings) -> list[Page]:
    agg, agencies, plans_of = _agency_graph_parts(corpus, graph)
    pages = _agency_index_pages(agg, agencies, plans_of, cfg)
    # Each agency's pages depend on the graphs only: drawn on every core, in this order.
    each = partial(_agency_pages, corpus, graph, agg, plans_of, cfg)
    for built in ordered_map(each, agencies):
        pages += built
    return pages


def _agency_graph_parts(
    corpus: Corpus, graph: nx.DiGraph
) -> tuple[nx.DiGraph, list[str], dict[str, list[str]]]:
    """The agencies' graph, its agencies in page order, and each agency's plans."""
    agg = agency_graph(corpus, graph)
    agencies = sorted(
        (n for n, a in agg.nodes(data=True) if a["kind"] == "agency"),
        key=lambda n: (label_key(node_label(agg.nodes[n])), n),
    )
    plans_of: dict[str, list[str]] = defaultdict(list)
    for node, a in graph.nodes(data=True):
        if a["kind"] == "plan":
            plans_of[a["agency"]].append(node)
    return agg, agencies, plans_of


def _agency_index_pages(
    agg: nx.DiGraph, agencies: list[str], plans_of: dict[str, list[str]], cfg: GraphPageSettings
) -> list[Page]:
    pages = []
    for part in paginate(agencies, AGENCY_INDEX_SRC, cfg.page_size * 2):
        src = part.src
        out = [f"# Đồ thị theo cơ quan{part_suffix(part)}\n\n"]
        out.append("| Cơ quan | Cấp | Số kế hoạch |\n|---|---|---:|\n")
        for agency_id in part.items:
            a = agg.nodes[agency_id]
            out.append(
                f"| {node_link(agg, agency_id, src)} | {md_text(a['type'])} | {len(plans_of[agency_id])} |\n"
            )
        out.append("\n" + pager(part, cfg.scheme))
        pages.append(Page(src, "Đồ thị theo cơ quan" + part_suffix(part), "".join(out)))
    return pages


_AGENCY_TITLES = (
    "Cơ quan cấp trên (qua kế hoạch)",
    "Cơ quan này thực hiện, dẫn tới",
    "Thực hiện kế hoạch của cơ quan này",
)


def _agency_pages(
    corpus: Corpus,
    graph: nx.DiGraph,
    agg: nx.DiGraph,
    plans_of: dict[str, list[str]],
    cfg: GraphPageSettings,
    agency_id: str,
) -> list[Page]:
    titles = _AGENCY_TITLES
    pages = []
    name = node_label(agg.nodes[agency_id])
    plans = sorted(
        plans_of[agency_id],
        key=lambda n: (-(graph.nodes[n].get("year") or 0), _plan_sort(graph, n)),
    )
    for part in paginate(plans, agency_graph_src(agency_id), cfg.page_size):
        src = part.src
        out = [f"# Đồ thị trích dẫn: {md_text(name)}{part_suffix(part)}\n\n"]
        if agency_id in corpus.agencies:
            out.append(f"Trang cơ quan: {page_link(name, src, urls.agency_src(agency_id))}.\n\n")
        if part.number == 1:
            out.append(
                "Sơ đồ gộp các kế hoạch của cơ quan: cơ quan cấp trên có kế hoạch được thực "
                "hiện, văn bản được dẫn nhiều nhất, cơ quan cấp dưới đã thực hiện kế hoạch "
                "của cơ quan; số trong ngoặc là số kế hoạch.\n"
            )
            svg = neighbourhood_svg(
                agg, agency_id, src, titles=titles, more_src=src, scheme=cfg.scheme
            )
            out.append(html_block(render("graph/figure.html", svg=svg)))
            listing = neighbourhood_list_markdown(agg, agency_id, src, more_src=src)
            out.append(_retitle(listing, titles) + "\n")
        out.append(f"## Kế hoạch của cơ quan ({len(plans)})\n\n")
        out.append("| Kế hoạch | Ngày | Thực hiện | Căn cứ, dẫn chiếu |\n|---|---|---|---:|\n")
        for node in part.items:
            parents = [
                v for _, v, d in graph.out_edges(node, data=True) if d["type"] == "thuc_hien"
            ]
            cited = sum(
                1 for _, v, d in graph.out_edges(node, data=True) if d["type"] != "thuc_hien"
            )
            out.append(
                f"| {node_link(graph, node, src)} | {short_date(graph.nodes[node].get('date') or '')} "
                f"| {', '.join(node_link(graph, p, src) for p in sorted(parents))} | {cited} |\n"
            )
        out.append("\n" + pager(part, cfg.scheme))
        pages.append(Page(src, f"Đồ thị trích dẫn: {name}{part_suffix(part)}", "".join(out)))
    return pages


def _retitle(listing: str, titles: tuple[str, str, str]) -> str:
    for old, new in zip(
        ("Kế hoạch cấp trên", "Văn bản này dẫn tới", "Dẫn tới văn bản này"), titles, strict=True
    ):
        listing = listing.replace(f"- {old}:", f"- {new}:")
    return listing


# ---------------------------------------------------------------------------------------------
# Full relation lists of documents whose drawing is capped


def relation_pages(
    graph: nx.DiGraph, cfg: GraphPageSettings, max_nodes: int | None = None
) -> list[Page]:
    pages = []
    for node in sorted(graph):
        pages += _node_relation_pages(graph, cfg, max_nodes or MAX_NODES, node)
    return pages


def _node_relation_pages(
    graph: nx.DiGraph, cfg: GraphPageSettings, max_nodes: int, node: str
) -> list[Page]:
    """The relation pages of one document: none unless its drawing is capped."""
    pages: list[Page] = []
    if node_src(node, graph.nodes[node]) and neighbourhood(graph, node, max_nodes).hidden:
        up, down = relations(graph, node)
        rows = [("Văn bản này dẫn tới", n, t) for n, t in up] + [
            ("Dẫn tới văn bản này", n, t) for n, t in down
        ]
        label = node_label(graph.nodes[node])
        for part in paginate(rows, relations_src(graph, node), cfg.page_size * 2):
            src = part.src
            out = [f"# Liên kết của {md_text(label)}{part_suffix(part)}\n\n"]
            out.append(f"Trở lại {node_link(graph, node, src)}.\n\n")
            out.append("| Hướng | Văn bản | Quan hệ | Cơ quan | Ngày |\n|---|---|---|---|---|\n")
            for direction, other, etype in part.items:
                a = graph.nodes[other]
                out.append(
                    f"| {direction} | {node_link(graph, other, src)} | {EDGE_LABELS[etype]} "
                    f"| {md_text(a.get('agency_name') or '')} | {short_date(a.get('date') or '')} |\n"
                )
            out.append("\n" + pager(part, cfg.scheme))
            pages.append(Page(src, f"Liên kết của {label}{part_suffix(part)}", "".join(out)))
    return pages
