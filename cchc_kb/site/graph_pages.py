"""Pages of the citation graph: hub, plan hierarchy, ranking, agency graphs, report, open data.

Every list that grows with the corpus is paginated (``paginate``): the hierarchy of a province
is cut into pages of rows with the path to the first row repeated on top, the ranking and the
report groups into fixed-size pages. Links between generated pages are Markdown links to source
paths, so a strict build checks them; links to export files (not pages) are HTML links.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

import networkx as nx

from ..collation import sort_key
from ..corpus import Corpus
from ..exports import (
    EDGE_ATTRIBUTES,
    EDGE_COLUMNS,
    EXPORTS,
    LEGAL_COLUMNS,
    NODE_ATTRIBUTES,
    PLAN_COLUMNS,
    export_path,
)
from ..exports import graph_files as _export_files
from ..graph import EDGE_LABELS, Finding, analyses, edge_types, ranking
from ..models import LEVEL_ORDER, Diagnostic, PartialDate
from ..svg import (
    label_key,
    neighbourhood,
    neighbourhood_list_markdown,
    neighbourhood_svg,
    relations,
    relations_src,
    short_date,
)
from . import urls
from .md import esc, html_block, md_text
from .page import Page, SiteFile
from .paginate import pager, paginate

HUB_SRC = f"{urls.GRAPH_DIR}/index.md"
HIERARCHY_SRC = f"{urls.GRAPH_DIR}/he-thong-ke-hoach.md"
RANKING_SRC = f"{urls.GRAPH_DIR}/van-ban-duoc-dan-nhieu-nhat.md"
AGENCY_INDEX_SRC = f"{urls.GRAPH_DIR}/co-quan.md"
REPORT_SRC = "chat-luong-du-lieu.md"
OPEN_DATA_SRC = "du-lieu-mo.md"
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

# Report groups: code -> Vietnamese title. Unknown codes are shown under their own code.
CODE_TITLES: dict[str, str] = {
    "graph-cycle": "Vòng trích dẫn (một văn bản gián tiếp dựa vào chính nó)",
    "cited-not-in-registry": "Văn bản được dẫn nhưng chưa có trong danh mục",
    "stub-record": "Văn bản chỉ biết qua trích dẫn (bản ghi sơ lược)",
    "cited-after-document": "Văn bản được dẫn có ngày sau văn bản dẫn",
    "basis-not-in-force": "Căn cứ không còn hiệu lực vào ngày của kế hoạch",
    "amendment-chain": "Văn bản được dẫn đã được sửa đổi, thay thế",
    "citation-unresolved": "Trích dẫn chưa xác định được văn bản",
    "citation-warning": "Trích dẫn có điểm bất thường",
    "cited-after-plan": "Trích dẫn ghi ngày sau ngày của kế hoạch",
    "number-blank": "Số ký hiệu để trống",
    "date-missing": "Không ghi ngày ban hành",
    "date-partial": "Ngày ban hành chưa đầy đủ",
    "mixed-script": "Chữ của hệ chữ khác lẫn trong văn bản",
    "self-reference-mismatch": "Phụ lục ghi số khác với số của văn bản",
    "provenance-missing": "Không ghi nguồn thông tin",
    "unknown-reference": "Tham chiếu tới mã không tồn tại",
    "unknown-agency": "Cơ quan không có trong danh mục",
    "unknown-field": "Trường không xác định",
    "missing-field": "Thiếu trường bắt buộc",
    "invalid-value": "Giá trị không hợp lệ",
    "invalid-date": "Ngày không hợp lệ",
    "invalid-id": "Mã không hợp lệ",
    "id-mismatch": "Mã khác tên tệp",
    "duplicate-id": "Trùng mã",
    "duplicate-key": "Trùng khóa",
    "source-missing": "Thiếu tệp nguồn",
    "orphan-source": "Tệp nguồn không thuộc kế hoạch nào",
    "yaml-invalid": "YAML không hợp lệ",
    "front-matter-missing": "Thiếu phần đầu (front-matter)",
    "front-matter-unclosed": "Phần đầu (front-matter) không được đóng",
}
SEVERITY_TITLES = {"error": "Lỗi", "warning": "Cảnh báo", "info": "Thông tin"}
SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}

LICENCE_MD = (
    "- Mã nguồn của dự án: giấy phép MIT.\n"
    "- Dữ liệu mô tả do dự án biên soạn (mã, thuộc tính, quan hệ, phân tích): "
    "[CC BY 4.0](https://creativecommons.org/licenses/by/4.0/deed.vi) — được dùng, chia sẻ, "
    "chỉnh sửa, kể cả vì mục đích thương mại, với điều kiện ghi nguồn.\n"
    "- Văn bản quy phạm pháp luật, văn bản hành chính của cơ quan nhà nước không thuộc đối "
    "tượng bảo hộ quyền tác giả (Điều 15 Luật Sở hữu trí tuệ).\n"
)


@dataclass
class _Settings:
    as_of: PartialDate | None = None
    page_size: int = 25
    scheme: urls.UrlScheme = urls.DIRECTORY_URLS


def _settings(settings, as_of) -> _Settings:
    if settings is None:
        return _Settings(as_of=as_of)
    return _Settings(
        as_of=getattr(settings, "as_of", as_of),
        page_size=getattr(settings, "page_size", 25),
        scheme=getattr(settings, "urls", urls.DIRECTORY_URLS),
    )


def _link(graph: nx.DiGraph, node: str, from_src: str, text: str | None = None) -> str:
    attrs = graph.nodes[node]
    label = md_text(text if text is not None else attrs["label"])
    src = attrs.get("src")
    return f"[{label}]({urls.relative_src(from_src, src)})" if src else label


def _md_link(text: str, from_src: str, to_src: str) -> str:
    return f"[{md_text(text)}]({urls.relative_src(from_src, to_src)})"


def _suffix(part) -> str:
    return f" (trang {part.number})" if part.number > 1 else ""


def graph_files(corpus: Corpus, graph: nx.DiGraph, settings=None) -> list[SiteFile]:
    """The open-data exports (see ``cchc_kb.exports``)."""
    return _export_files(corpus, graph)


def graph_pages(
    corpus: Corpus, graph: nx.DiGraph, settings=None, *, as_of: PartialDate | None = None
) -> list[Page]:
    """Every graph page. ``settings`` needs ``as_of`` and ``page_size`` (or pass ``as_of``)."""
    cfg = _settings(settings, as_of)
    findings = analyses(corpus, graph)
    pages = [hub_page(corpus, graph, findings)]
    pages += hierarchy_pages(corpus, graph, cfg)
    pages += ranking_pages(graph, cfg)
    pages += agency_graph_pages(corpus, graph, cfg)
    pages += relation_pages(graph, cfg)
    pages += report_pages(corpus, graph, findings, cfg)
    pages.append(open_data_page(corpus, graph, cfg.scheme))
    return pages


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
        f"- {_md_link('Hệ thống kế hoạch', src, HIERARCHY_SRC)}: từ chương trình của Trung ương "
        "tới kế hoạch của tỉnh, sở, huyện, xã.\n"
        f"- {_md_link('Văn bản được dẫn nhiều nhất', src, RANKING_SRC)}: số văn bản dẫn và PageRank.\n"
        f"- {_md_link('Đồ thị theo cơ quan', src, AGENCY_INDEX_SRC)}.\n"
        f"- {_md_link('Báo cáo chất lượng dữ liệu', src, REPORT_SRC)}: "
        f"{sum(1 for f in findings if f.severity == 'error')} lỗi của đồ thị.\n"
        f"- {_md_link('Dữ liệu mở', src, OPEN_DATA_SRC)}: tải đồ thị (JSON, GraphML, CSV).\n\n"
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
        label_key(a["label"]),
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
    text = _link(graph, node, src)
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
        line += "; thực hiện " + ", ".join(_link(graph, p, src) for p in sorted(outside))
    return line


def hierarchy_pages(corpus: Corpus, graph: nx.DiGraph, cfg: _Settings) -> list[Page]:
    buckets: dict[str, list[str]] = defaultdict(list)
    for node, a in graph.nodes(data=True):
        if a["kind"] == "plan":
            buckets[_province_of(graph, node)].append(node)
    order = sorted(
        buckets,
        key=lambda k: (k != CENTRAL, k == UNKNOWN_PROVINCE, sort_key(_bucket_name(corpus, k)), k),
    )
    pages: list[Page] = []
    for part in paginate(order, HIERARCHY_SRC, cfg.page_size * 2):
        src = part.src
        out = [f"# Hệ thống kế hoạch{_suffix(part)}\n\n"]
        out.append(
            "Kế hoạch của cấp dưới thực hiện kế hoạch của cấp trên: chương trình của Trung ương → "
            "kế hoạch của tỉnh → của sở, huyện → của xã. Chọn một địa bàn để xem cây kế hoạch.\n\n"
        )
        out.append("| Địa bàn | Số kế hoạch | Năm |\n|---|---:|---|\n")
        for key in part.items:
            years = sorted({graph.nodes[n].get("year") for n in buckets[key]} - {None, 0})
            span = f"{years[0]}–{years[-1]}" if len(years) > 1 else (str(years[0]) if years else "")
            out.append(
                f"| {_md_link(_bucket_name(corpus, key), src, _bucket_src(key))} "
                f"| {len(buckets[key])} | {span} |\n"
            )
        out.append("\n" + pager(part, cfg.scheme))
        pages.append(Page(src, "Hệ thống kế hoạch" + _suffix(part), "".join(out)))
    for key in order:
        pages += _bucket_pages(corpus, graph, key, buckets[key], cfg)
    return pages


def _bucket_pages(corpus, graph, key: str, plans: list[str], cfg: _Settings) -> list[Page]:
    rows = _tree_rows(graph, plans)
    name = _bucket_name(corpus, key)
    pages = []
    for part in paginate(rows, _bucket_src(key), cfg.page_size * 2):
        src = part.src
        out = [f"# Hệ thống kế hoạch: {md_text(name)}{_suffix(part)}\n\n"]
        out.append(f"{_md_link('← Tất cả địa bàn', src, HIERARCHY_SRC)}\n\n")
        items = list(part.items)
        if items and items[0][0] > 0:  # repeat the path to the first row
            for depth, node in enumerate(items[0][2]):
                out.append("    " * depth + f"- {_plan_line(graph, node, src, key)} (tiếp theo)\n")
        for depth, node, _ in items:
            out.append("    " * depth + f"- {_plan_line(graph, node, src, key)}\n")
        out.append("\n" + pager(part, cfg.scheme))
        pages.append(Page(src, f"Hệ thống kế hoạch: {name}{_suffix(part)}", "".join(out)))
    return pages


# ---------------------------------------------------------------------------------------------
# Ranking


def ranking_pages(graph: nx.DiGraph, cfg: _Settings) -> list[Page]:
    ranked = ranking(graph)
    by_pr = {
        r.node: i + 1 for i, r in enumerate(sorted(ranked, key=lambda r: (-r.pagerank, r.node)))
    }
    pages = []
    for part in paginate(ranked, RANKING_SRC, cfg.page_size * 2):
        src = part.src
        out = [f"# Văn bản được dẫn nhiều nhất{_suffix(part)}\n\n"]
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
                f"| {part.first_index + i + 1} | {_link(graph, r.node, src)} | {r.citing} "
                f"| {r.as_basis} | {r.mentioned} | {r.pagerank:.4f} ({by_pr[r.node]}) | {years} |\n"
            )
        if not ranked:
            out.append("| | Chưa có văn bản nào được dẫn. | | | | | |\n")
        out.append("\n" + pager(part, cfg.scheme))
        pages.append(Page(src, "Văn bản được dẫn nhiều nhất" + _suffix(part), "".join(out)))
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
        agg.add_edge(a, b, type=etype, label=EDGE_LABELS[etype], count=sum(c.values()))
    return agg


def agency_graph_pages(corpus: Corpus, graph: nx.DiGraph, cfg: _Settings) -> list[Page]:
    agg = agency_graph(corpus, graph)
    agencies = sorted(
        (n for n, a in agg.nodes(data=True) if a["kind"] == "agency"),
        key=lambda n: (label_key(agg.nodes[n]["label"]), n),
    )
    plans_of: dict[str, list[str]] = defaultdict(list)
    for node, a in graph.nodes(data=True):
        if a["kind"] == "plan":
            plans_of[a["agency"]].append(node)
    pages = []
    for part in paginate(agencies, AGENCY_INDEX_SRC, cfg.page_size * 2):
        src = part.src
        out = [f"# Đồ thị theo cơ quan{_suffix(part)}\n\n"]
        out.append("| Cơ quan | Cấp | Số kế hoạch |\n|---|---|---:|\n")
        for agency_id in part.items:
            a = agg.nodes[agency_id]
            out.append(
                f"| {_link(agg, agency_id, src)} | {md_text(a['type'])} | {len(plans_of[agency_id])} |\n"
            )
        out.append("\n" + pager(part, cfg.scheme))
        pages.append(Page(src, "Đồ thị theo cơ quan" + _suffix(part), "".join(out)))
    titles = (
        "Cơ quan cấp trên (qua kế hoạch)",
        "Cơ quan này thực hiện, dẫn tới",
        "Thực hiện kế hoạch của cơ quan này",
    )
    for agency_id in agencies:
        name = agg.nodes[agency_id]["label"]
        plans = sorted(
            plans_of[agency_id],
            key=lambda n: (-(graph.nodes[n].get("year") or 0), _plan_sort(graph, n)),
        )
        for part in paginate(plans, agency_graph_src(agency_id), cfg.page_size):
            src = part.src
            out = [f"# Đồ thị trích dẫn: {md_text(name)}{_suffix(part)}\n\n"]
            if agency_id in corpus.agencies:
                out.append(f"Trang cơ quan: {_md_link(name, src, urls.agency_src(agency_id))}.\n\n")
            if part.number == 1:
                out.append(
                    "Sơ đồ gộp các kế hoạch của cơ quan: cơ quan cấp trên có kế hoạch được thực "
                    "hiện, văn bản được dẫn nhiều nhất, cơ quan cấp dưới đã thực hiện kế hoạch "
                    "của cơ quan; số trong ngoặc là số kế hoạch.\n"
                )
                svg = neighbourhood_svg(
                    agg, agency_id, src, titles=titles, more_src=src, scheme=cfg.scheme
                )
                out.append(html_block(f'<figure class="cchc-graph">{svg}</figure>'))
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
                    f"| {_link(graph, node, src)} | {short_date(graph.nodes[node].get('date') or '')} "
                    f"| {', '.join(_link(graph, p, src) for p in sorted(parents))} | {cited} |\n"
                )
            out.append("\n" + pager(part, cfg.scheme))
            pages.append(Page(src, f"Đồ thị trích dẫn: {name}{_suffix(part)}", "".join(out)))
    return pages


def _retitle(listing: str, titles: tuple[str, str, str]) -> str:
    for old, new in zip(
        ("Kế hoạch cấp trên", "Văn bản này dẫn tới", "Dẫn tới văn bản này"), titles, strict=True
    ):
        listing = listing.replace(f"- {old}:", f"- {new}:")
    return listing


# ---------------------------------------------------------------------------------------------
# Full relation lists of documents whose drawing is capped


def relation_pages(graph: nx.DiGraph, cfg: _Settings, max_nodes: int | None = None) -> list[Page]:
    from ..svg import MAX_NODES

    pages = []
    for node in sorted(graph):
        if not graph.nodes[node].get("src"):
            continue
        hood = neighbourhood(graph, node, max_nodes or MAX_NODES)
        if not hood.hidden:
            continue
        up, down = relations(graph, node)
        rows = [("Văn bản này dẫn tới", n, t) for n, t in up] + [
            ("Dẫn tới văn bản này", n, t) for n, t in down
        ]
        label = graph.nodes[node]["label"]
        for part in paginate(rows, relations_src(graph, node), cfg.page_size * 2):
            src = part.src
            out = [f"# Liên kết của {md_text(label)}{_suffix(part)}\n\n"]
            out.append(f"Trở lại {_link(graph, node, src)}.\n\n")
            out.append("| Hướng | Văn bản | Quan hệ | Cơ quan | Ngày |\n|---|---|---|---|---|\n")
            for direction, other, etype in part.items:
                a = graph.nodes[other]
                out.append(
                    f"| {direction} | {_link(graph, other, src)} | {EDGE_LABELS[etype]} "
                    f"| {md_text(a.get('agency_name') or '')} | {short_date(a.get('date') or '')} |\n"
                )
            out.append("\n" + pager(part, cfg.scheme))
            pages.append(Page(src, f"Liên kết của {label}{_suffix(part)}", "".join(out)))
    return pages


# ---------------------------------------------------------------------------------------------
# Data-quality report


@dataclass(frozen=True)
class _Item:
    severity: str
    code: str
    path: str
    line: int
    message: str
    doc_id: str | None
    related: tuple[str, ...]


def report_items(corpus: Corpus, graph: nx.DiGraph, findings: list[Finding]) -> list[_Item]:
    by_path = {a.get("path"): n for n, a in graph.nodes(data=True) if a.get("path")}
    items = [
        _Item(d.severity, d.code, d.path, d.line, d.message, by_path.get(d.path), ())
        for d in corpus.diagnostics
        if isinstance(d, Diagnostic)
    ]
    items += [
        _Item(f.severity, f.code, f.path, f.line, f.message, f.doc_id, f.related) for f in findings
    ]
    return items


def _report_src(code: str) -> str:
    return f"chat-luong-du-lieu/{code}.md"


def report_pages(
    corpus: Corpus, graph: nx.DiGraph, findings: list[Finding], cfg: _Settings
) -> list[Page]:
    items = report_items(corpus, graph, findings)
    groups: dict[tuple[str, str], list[_Item]] = defaultdict(list)
    for item in items:
        groups[(item.severity, item.code)].append(item)
    order = sorted(
        groups,
        key=lambda k: (SEVERITY_ORDER.get(k[0], 3), sort_key(CODE_TITLES.get(k[1], k[1])), k[1]),
    )
    src = REPORT_SRC
    out = ["# Báo cáo chất lượng dữ liệu\n\n"]
    errors = sum(1 for i in items if i.severity == "error")
    out.append(
        f"{errors} lỗi, {sum(1 for i in items if i.severity == 'warning')} cảnh báo, "
        f"{sum(1 for i in items if i.severity == 'info')} thông tin. Lỗi làm sai dữ liệu hoặc "
        "đồ thị và cần được sửa; cảnh báo là những điểm người đọc văn bản cần lưu ý (nhiều "
        "điểm là lỗi có thật trong văn bản gốc, được giữ nguyên); thông tin giúp cán bộ kiểm tra "
        "lại căn cứ. Mỗi mục ghi tệp và dòng trong kho dữ liệu.\n\n"
    )
    out.append("| Mức | Loại | Số mục |\n|---|---|---:|\n")
    pages: list[Page] = []
    for severity, code in order:
        group = sorted(
            groups[(severity, code)], key=lambda i: (i.path == "", i.path, i.line, i.message)
        )
        shared = sum(1 for _, c in order if c == code) > 1  # one code at two severities
        base = _report_src(f"{code}-{severity}" if shared else code)
        title = CODE_TITLES.get(code, code)
        out.append(
            f"| {SEVERITY_TITLES.get(severity, severity)} | {_md_link(title, src, base)} "
            f"| {len(group)} |\n"
        )
        pages += _group_pages(graph, group, base, severity, code, title, cfg)
    if not order:
        out.append("| | Không có mục nào. | |\n")
    if order:
        codes = ", ".join(f"`{code}`" for _, code in order)
        out.append(f"\nMã nhóm (như `cchc check` in ra): {codes}.\n")
    return [Page(src, "Báo cáo chất lượng dữ liệu", "".join(out)), *pages]


def _group_pages(graph, group: list[_Item], base: str, severity, code, title, cfg) -> list[Page]:
    pages = []
    for part in paginate(group, base, cfg.page_size * 2):
        src = part.src
        out = [f"# {md_text(title)}{_suffix(part)}\n\n"]
        out.append(
            f"{SEVERITY_TITLES.get(severity, severity)} · mã `{code}` · {len(group)} mục · "
            f"{_md_link('Báo cáo chất lượng dữ liệu', src, REPORT_SRC)}\n\n"
        )
        for item in part.items:
            where = f"`{md_text(item.path)}:{item.line}`" if item.path else ""
            links = []
            if item.doc_id and item.doc_id in graph and graph.nodes[item.doc_id].get("src"):
                links.append(_link(graph, item.doc_id, src))
            links += [
                _link(graph, r, src)
                for r in item.related[:6]
                if r in graph and graph.nodes[r].get("src")
            ]
            line = " — ".join(x for x in (where, md_text(item.message)) if x)
            if links:
                line += " (" + ", ".join(dict.fromkeys(links)) + ")"
            out.append(f"- {line}\n")
        out.append("\n" + pager(part, cfg.scheme))
        pages.append(Page(src, f"{title}{_suffix(part)}", "".join(out)))
    return pages


# ---------------------------------------------------------------------------------------------
# Open data


def open_data_page(
    corpus: Corpus, graph: nx.DiGraph, scheme: urls.UrlScheme = urls.DIRECTORY_URLS
) -> Page:
    src = OPEN_DATA_SRC
    out = ["# Dữ liệu mở\n\n"]
    out.append(
        f"Toàn bộ dữ liệu của trang được xuất ở các tệp dưới đây, tạo lại ở mỗi lần dựng trang, "
        f"tại đường dẫn cố định. Hiện có {graph.number_of_nodes()} văn bản và "
        f"{graph.number_of_edges()} quan hệ. Mọi tệp mã hóa UTF-8; các dòng được sắp theo mã.\n\n"
    )
    out.append("## Giấy phép\n\n" + LICENCE_MD + "\n")
    out.append("## Các tệp\n\n")
    out.append("| Tệp | Nội dung | Định dạng |\n|---|---|---|\n")
    for name, (what, fmt) in EXPORTS.items():
        href = scheme.relative_url(src, export_path(name))
        out.append(
            f'| <a href="{esc(href)}">{esc(export_path(name))}</a> | {md_text(what)} | {md_text(fmt)} |\n'
        )
    out.append("\n")

    def table(title: str, rows) -> None:
        out.append(f"### {title}\n\n| Cột | Ý nghĩa |\n|---|---|\n")
        for name, meaning in rows:
            out.append(f"| `{name}` | {md_text(meaning)} |\n")
        out.append("\n")

    out.append("## Cột và thuộc tính\n\n")
    table(
        "graph.json, graph.graphml: thuộc tính của nút",
        [("id", "mã văn bản; văn bản chưa xác định: «chua-xac-dinh:» + khóa")]
        + [(k, v[0]) for k, v in NODE_ATTRIBUTES.items()],
    )
    table(
        "graph.json, graph.graphml: thuộc tính của cạnh",
        [("source, target", "mã văn bản dẫn và văn bản được dẫn")]
        + [(k, v[0]) for k, v in EDGE_ATTRIBUTES.items()],
    )
    table("edges.csv", [(c[0], c[1]) for c in EDGE_COLUMNS])
    table("plans.csv", [(c[0], c[1]) for c in PLAN_COLUMNS])
    table("legal.csv", [(c[0], c[1]) for c in LEGAL_COLUMNS])
    out.append(
        'Đọc bằng Python: `networkx.node_link_graph(json.load(f), edges="edges")`, '
        '`networkx.read_graphml(path)`, `csv.DictReader(open(path, encoding="utf-8"))`. '
        "Mở bằng Excel: Dữ liệu → Từ văn bản/CSV → chọn mã hóa UTF-8.\n"
    )
    return Page(src, "Dữ liệu mở", "".join(out))
