"""Per-page citation graphs as inline SVG, drawn at build time: no JavaScript, no CDN.

Layout: a fixed layered layout written in Python, top to bottom —

    Kế hoạch cấp trên   the parent chain, root first, one centred box per level
    Văn bản này dẫn tới  what the document points to (căn cứ, dẫn chiếu, sửa đổi …), 2 columns
    ▣ the document
    Dẫn tới văn bản này  what points to it (plans that cite or implement it, amendments), 2 columns

Edges run along one vertical bus in the gap between the two columns, with a short tick to each
box, so no edge ever crosses a box whatever the number of nodes. Why not a general graph layout:

- Graphviz (``dot``) would lay out arbitrary graphs better, but a neighbourhood is a star
  plus a chain, for which a fixed layered layout is already optimal; ``dot`` is a system
  dependency, and spawning it once per page costs tens of milliseconds, i.e. minutes for a
  national corpus; batching all pages through one process would avoid that but ties every
  page's bytes to one external program's version and output order.
- Force-directed layouts (networkx ``spring_layout``) need NumPy and a seed, move when one
  neighbour is added, and place labels on top of each other.

The layout here is a few arithmetic steps per node (all per-page SVGs of a 2,000-plan corpus
in about 1.5 s, one thread: ``scripts/bench_graph.py``), depends only on the sorted
neighbourhood (same input → same bytes), is 360 units wide so it is legible on a 390 px phone
without zooming (CSS shows it at 480 px on wider screens), and has a bounded size: at most ``max_nodes`` boxes plus one
"+N văn bản khác" box linking to the full list.

Accessibility: every box is an ``<a>`` with ``tabindex`` and an ``aria-label`` sentence, the
``<svg>`` is a labelled group whose ``<desc>`` is the same relations as text; colour is never
alone (each document category has its own shape, each relation its own line style, and the
relation is written in the box); colours are CSS variables with a dark variant for Material's
``slate`` scheme.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from functools import lru_cache

import networkx as nx

from .collation import sort_key
from .graph import EDGE_LABELS, EDGE_PRIORITY, edge_types, graph_of, short_type
from .models import PartialDate
from .site import urls

MAX_NODES = 12
MAX_CHAIN = 3

W = 360  # viewBox width
PAD = 8
BUS_GAP = 28
COL_W = (W - 2 * PAD - BUS_GAP) // 2  # 158
BUS_X = W // 2
NODE_H = 38
ROW_GAP = 8
TITLE_H = 20
FOCUS_W = 264
FOCUS_H = 46
CHAIN_W = 204

# Downstream order: what changed the document first (a reader must see an amendment), then
# implementing plans, plans resting on it, plans mentioning it.
_DOWN_ORDER = {
    t: i
    for i, t in enumerate(
        (
            "thay_the",
            "bai_bo",
            "sua_doi_bo_sung",
            "hop_nhat",
            "huong_dan",
            "thuc_hien",
            "can_cu",
            "dan_chieu",
        )
    )
}
_UP_ORDER = {t: i for i, t in enumerate(EDGE_PRIORITY)}

TITLES = ("Kế hoạch cấp trên", "Văn bản này dẫn tới", "Dẫn tới văn bản này")
CATEGORY_LABELS = {
    "plan": "Kế hoạch",
    "normative": "Văn bản quy phạm pháp luật",
    "admin": "Văn bản hành chính, cá biệt",
    "party": "Văn bản của Đảng",
    "unresolved": "Chưa xác định được văn bản",
    "agency": "Cơ quan",
}
# Line style groups; the legend names each group present.
LINE_GROUPS = {
    "thuc_hien": ("l-th", "thực hiện"),
    "can_cu": ("l-cc", "căn cứ"),
    "dan_chieu": ("l-dc", "dẫn chiếu"),
    "sua_doi_bo_sung": ("l-sd", "sửa đổi, thay thế, hướng dẫn, bãi bỏ"),
    "thay_the": ("l-sd", "sửa đổi, thay thế, hướng dẫn, bãi bỏ"),
    "huong_dan": ("l-sd", "sửa đổi, thay thế, hướng dẫn, bãi bỏ"),
    "bai_bo": ("l-sd", "sửa đổi, thay thế, hướng dẫn, bãi bỏ"),
    "hop_nhat": ("l-sd", "sửa đổi, thay thế, hướng dẫn, bãi bỏ"),
}

# Node and line colours on a dark page (contrast >= 3:1 on Material's slate background).
_DARK = (
    "--g-plan:#9fa8da;--g-normative:#80cbc4;--g-admin:#ffb74d;--g-party:#ef9a9a;"
    "--g-unresolved:#bdbdbd;--g-agency:#ce93d8;--g-line:#9aa0a6"
)
STYLE = (
    ".cchc-g{width:480px;max-width:100%;height:auto;display:block;margin:0 auto;"
    "--g-plan:#3949ab;--g-normative:#00695c;--g-admin:#a64b00;--g-party:#b71c1c;"
    "--g-unresolved:#616161;--g-agency:#6a1b9a;--g-line:#5f6368;--g-fg:var(--md-default-fg-color,#1f1f1f);"
    "--g-bg:var(--md-default-bg-color,#fff);--g-focus:var(--md-accent-fg-color,#c2185b)}"
    f'[data-md-color-scheme="slate"] .cchc-g{{{_DARK}}}'
    # Without Material's JavaScript the palette never switches: follow the reader's system.
    f"@media (prefers-color-scheme:dark){{[data-md-color-scheme=default] .cchc-g{{{_DARK}}}}}"
    ".cchc-g text{fill:var(--g-fg);font:12px/1 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif}"
    ".cchc-g .t1{font-weight:600}.cchc-g .t2{font-size:10.5px;font-weight:400}"
    ".cchc-g .bt{font-size:11px;font-weight:600;fill:var(--g-line)}"
    ".cchc-g .n{stroke:var(--c);fill:var(--c);fill-opacity:.1;stroke-width:1.5}"
    ".cchc-g .f .n{stroke-width:3;fill-opacity:.2}"
    ".cchc-g .k-plan{--c:var(--g-plan)}.cchc-g .k-normative{--c:var(--g-normative)}"
    ".cchc-g .k-admin{--c:var(--g-admin)}.cchc-g .k-party{--c:var(--g-party)}"
    ".cchc-g .k-agency{--c:var(--g-agency)}.cchc-g .k-unresolved{--c:var(--g-unresolved)}.cchc-g .k-unresolved,.cchc-g .more{stroke-dasharray:4 3}"
    ".cchc-g .more{stroke:var(--g-line);fill:none;stroke-width:1.2}"
    ".cchc-g .e{stroke:var(--g-line);stroke-width:1.5;fill:none}"
    ".cchc-g .l-th{stroke-width:2.6}.cchc-g .l-dc{stroke-dasharray:4 3}"
    ".cchc-g .l-sd{stroke-dasharray:7 2 1.5 2}"
    ".cchc-g marker path{fill:var(--g-line)}"
    ".cchc-g a:hover .n,.cchc-g a:focus .n{fill-opacity:.3}"
    ".cchc-g a:focus{outline:none}"
    ".cchc-g a:focus .n,.cchc-g a:focus .more{stroke:var(--g-focus);stroke-width:3.5;stroke-dasharray:none}"
    ".cchc-g a:hover text{text-decoration:underline}"
)


@dataclass
class Neighbourhood:
    focus: str
    chain: list[str]  # root ancestor first, immediate parent last
    up: list[tuple[str, str]]  # (node, edge type) the focus points to
    down: list[tuple[str, str]]  # (node, edge type) pointing to the focus
    hidden_up: list[tuple[str, str]] = field(default_factory=list)
    hidden_down: list[tuple[str, str]] = field(default_factory=list)

    @property
    def hidden(self) -> int:
        return len(self.hidden_up) + len(self.hidden_down)


@lru_cache(maxsize=65536)
def label_key(text: str) -> tuple:
    """``collation.sort_key``, memoised: the same labels are sorted on many pages."""
    return sort_key(text)


def _node_key(graph: nx.DiGraph, node: str) -> tuple:
    return (label_key(graph.nodes[node]["label"]), node)


def parent_chain(graph: nx.DiGraph, doc_id: str, limit: int = MAX_CHAIN) -> list[str]:
    """The first parent (by label), its parent, …: root first, cycle-safe, at most ``limit``."""
    chain: list[str] = []
    seen = {doc_id}
    current = doc_id
    while len(chain) < limit:
        parents = sorted(
            (v for _, v, d in graph.out_edges(current, data=True) if d["type"] == "thuc_hien"),
            key=lambda n: _node_key(graph, n),
        )
        if not parents or parents[0] in seen:
            break
        current = parents[0]
        seen.add(current)
        chain.append(current)
    return list(reversed(chain))


def relations(
    graph: nx.DiGraph, doc_id: str
) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """All (node, edge type) the document points to, and all pointing to it, in display order."""
    up = sorted(
        ((v, d["type"]) for _, v, d in graph.out_edges(doc_id, data=True)),
        key=lambda it: (
            _UP_ORDER[it[1]],
            -graph.edges[doc_id, it[0]].get("count", 0),
            *_node_key(graph, it[0]),
        ),
    )
    down = sorted(
        ((u, d["type"]) for u, _, d in graph.in_edges(doc_id, data=True)),
        key=lambda it: (
            _DOWN_ORDER[it[1]],
            -graph.edges[it[0], doc_id].get("count", 0),
            *_node_key(graph, it[0]),
        ),
    )
    return up, down


def neighbourhood(graph: nx.DiGraph, doc_id: str, max_nodes: int = MAX_NODES) -> Neighbourhood:
    """Radius 1 plus the parent chain, at most ``max_nodes`` documents including the focus."""
    chain = parent_chain(graph, doc_id)
    up, down = relations(graph, doc_id)
    if chain:
        up = [it for it in up if it[0] != chain[-1]]
    budget = max(2, max_nodes - 1 - len(chain))
    n_up, n_down = len(up), len(down)
    if n_up + n_down > budget:
        half = budget // 2
        if n_up <= half:
            n_down = budget - n_up
        elif n_down <= budget - half:
            n_up = budget - n_down
        else:
            n_up, n_down = budget - half, half
    return Neighbourhood(doc_id, chain, up[:n_up], down[:n_down], up[n_up:], down[n_down:])


def relations_src(graph: nx.DiGraph, doc_id: str) -> str:
    """Page listing every relation of a document whose drawing is capped (graph_pages makes it)."""
    attrs = graph.nodes[doc_id]
    if attrs["kind"] == "unresolved":
        return f"{urls.GRAPH_DIR}/chua-xac-dinh/{attrs['key']}.md"
    return f"{urls.GRAPH_DIR}/van-ban/{doc_id}.md"


# ---------------------------------------------------------------------------------------------
# Drawing helpers

_NARROW = set("il.,:;|!'()[]/1 ftjrI-")
_WIDE = set("mwMWĐDOQGHNU")


def _text_width(text: str, size: float) -> float:
    width = 0.0
    for ch in text:
        if ch in _NARROW:
            width += 0.32
        elif ch in _WIDE or ch.isupper():
            width += 0.7
        else:
            width += 0.56
    return width * size


def fit(text: str, px: float, size: float = 12) -> str:
    """Cut ``text`` to ``px`` at ``size`` px, ending with "…" when cut."""
    text = " ".join(text.split())
    if _text_width(text, size) <= px:
        return text
    while text and _text_width(text + "…", size) > px:
        text = text[:-1]
    return text.rstrip(" ,·-") + "…"


def fit_size(text: str, px: float, sizes: tuple[float, ...]) -> tuple[float, str]:
    """The largest of ``sizes`` at which ``text`` fits, else the smallest with "…"."""
    for size in sizes:
        if _text_width(" ".join(text.split()), size) <= px:
            return size, " ".join(text.split())
    return sizes[-1], fit(text, px, sizes[-1])


_AGENCY_SHORT = (
    (re.compile(r"Ủy ban nhân dân"), "UBND"),
    (re.compile(r"Hội đồng nhân dân"), "HĐND"),
    (re.compile(r"^(Sở .+?) tỉnh "), r"\1 "),  # Sở Xây dựng tỉnh Đồng Nai → Sở Xây dựng Đồng Nai
)


def short_agency(name: str) -> str:
    for pattern, repl in _AGENCY_SHORT:
        name = pattern.sub(repl, name)
    return name


def _x(text: str) -> str:
    return html.escape(text, quote=True)


def _num(v: float) -> str:
    return f"{v:.1f}".rstrip("0").rstrip(".")


def _shape(cat: str, x: float, y: float, w: float, h: float, cls: str = "n") -> str:
    k = f"{cls} k-{cat}"
    if cat == "plan":
        return f'<rect class="{k}" x="{_num(x)}" y="{_num(y)}" width="{_num(w)}" height="{_num(h)}" rx="10"/>'
    if cat == "admin":  # cut corners
        c = 6
        pts = [
            (x + c, y),
            (x + w - c, y),
            (x + w, y + c),
            (x + w, y + h - c),
            (x + w - c, y + h),
            (x + c, y + h),
            (x, y + h - c),
            (x, y + c),
        ]
    elif cat == "party":  # pointed ends
        c = 9
        pts = [
            (x + c, y),
            (x + w - c, y),
            (x + w, y + h / 2),
            (x + w - c, y + h),
            (x + c, y + h),
            (x, y + h / 2),
        ]
    else:  # normative and unresolved: square corners
        return (
            f'<rect class="{k}" x="{_num(x)}" y="{_num(y)}" width="{_num(w)}" height="{_num(h)}"/>'
        )
    points = " ".join(f"{_num(px)},{_num(py)}" for px, py in pts)
    return f'<polygon class="{k}" points="{points}"/>'


def _lines(attrs: dict) -> tuple[str, str]:
    """Box text: số ký hiệu (or issuer for a numberless plan), then the type."""
    if attrs.get("number"):
        first = attrs["number"]
    elif attrs["kind"] == "unresolved":
        first = attrs["label"]
    else:
        first = short_agency(attrs.get("agency_name") or "") or attrs["label"]
    kind = attrs.get("type") or "Văn bản"
    year = attrs.get("year")
    if not attrs.get("number") and year and attrs["kind"] != "unresolved":
        kind = f"{kind} năm {year}"
    return first, kind


def _href(graph: nx.DiGraph, node: str, from_src: str) -> str | None:
    src = graph.nodes[node].get("src")
    return urls.relative_url(from_src, src) if src else None


def short_date(iso: str) -> str:
    """ISO (possibly reduced or year-less) → 15/12/2024, 12/2024, …/12/… as documents write."""
    try:
        date = PartialDate.parse(iso)
    except ValueError:
        return iso
    parts = [date.day, date.month, date.year]
    while parts and parts[0] is None and len(parts) > 1 and date.year is not None:
        parts.pop(0)
    return "/".join(f"{p:02d}" if p and p < 100 else (str(p) if p else "…") for p in parts)


def _describe(graph: nx.DiGraph, node: str) -> str:
    attrs = graph.nodes[node]
    parts = [attrs["label"]]
    if attrs.get("agency_name") and attrs["kind"] != "unresolved":
        parts.append(attrs["agency_name"])
    if attrs.get("date"):
        parts.append(short_date(attrs["date"]))
    return ", ".join(parts)


class _Svg:
    def __init__(self, graph: nx.DiGraph, from_src: str, prefix: str, focus: str = ""):
        self.graph = graph
        self.focus = focus
        self.from_src = from_src
        self.prefix = prefix
        self.parts: list[str] = []
        self.categories: set[str] = set()
        self.lines: set[str] = set()

    def box(
        self, node: str, x: float, y: float, w: float, h: float, note: str, focus: bool = False
    ):
        attrs = self.graph.nodes[node]
        cat = attrs["category"]
        self.categories.add(cat)
        first, second = _lines(attrs)
        numbered = bool(attrs.get("number"))
        if focus and numbered and attrs.get("agency_name"):
            second = attrs["agency_name"]
        elif not focus and note:
            kind = short_type(attrs.get("type"))
            if not numbered and attrs.get("year") and attrs["kind"] in ("plan", "legal"):
                kind = f"{kind} {attrs['year']}"
            second = f"{kind if numbered or attrs['kind'] != 'agency' else second} · {note}"
        size1, t1 = fit_size(first, w - 14, (13, 12, 11) if focus else (12, 11, 10.5))
        t2 = fit(second, w - 14, 10.5)
        label = _describe(self.graph, node) + (f" — {note}" if note else "")
        href = _href(self.graph, node, self.from_src)
        cx = x + w / 2
        inner = (
            f"<title>{_x(label + (' — ' + attrs['summary'] if attrs.get('summary') else ''))}</title>"
            + _shape(cat, x, y, w, h)
            + f'<text class="t1" x="{_num(cx)}" y="{_num(y + h / 2 - 3)}" text-anchor="middle"'
            + (f' style="font-size:{_num(size1)}px"' if size1 != 12 else "")
            # One <text> with the second line as a <tspan>: the link's visible text reads
            # "t1 t2" (with the space), which its aria-label starts with (WCAG 2.5.3).
            + f'>{_x(t1)} <tspan class="t2" x="{_num(cx)}" y="{_num(y + h / 2 + 11)}">'
            + f"{_x(t2)}</tspan></text>"
        )
        cls = ' class="f"' if focus else ""
        if href is None:
            self.parts.append(f"<g{cls}>{inner}</g>")
            return
        current = ' aria-current="page"' if focus else ""
        self.parts.append(
            f'<a href="{_x(href)}" tabindex="0" aria-label="{_x(f"{t1} {t2}: {label}")}"{cls}{current}>{inner}</a>'
        )

    def more(self, href: str, count: int, x: float, y: float, w: float, h: float):
        text = f"+{count} văn bản khác"
        self.parts.append(
            f'<a href="{_x(href)}" tabindex="0" aria-label="{_x(text + ": xem danh sách đầy đủ")}">'
            f"<title>{_x('Xem danh sách đầy đủ')}</title>"
            f'<rect class="more" x="{_num(x)}" y="{_num(y)}" width="{_num(w)}" height="{_num(h)}" rx="4"/>'
            f'<text class="t1" x="{_num(x + w / 2)}" y="{_num(y + h / 2 + 4)}" text-anchor="middle">{_x(text)}</text></a>'
        )

    def line(self, x1, y1, x2, y2, cls: str = "", arrow: bool = False):
        marker = f' marker-end="url(#{self.prefix}-a)"' if arrow else ""
        klass = f"e {cls}".strip()
        self.parts.append(
            f'<path class="{klass}" d="M{_num(x1)} {_num(y1)}L{_num(x2)} {_num(y2)}"{marker}/>'
        )

    def title(self, text: str, y: float):
        self.parts.append(f'<text class="bt" x="{PAD}" y="{_num(y + 13)}">{_x(text)}</text>')


def _note(svg: _Svg, node: str, etype: str, upward: bool) -> str:
    """The relation written in a box; with a count when the edge aggregates several plans."""
    graph, focus = svg.graph, svg.focus
    data = graph.edges[focus, node] if upward else graph.edges[node, focus]
    count = data.get("count")
    return EDGE_LABELS[etype] + (f" ({count})" if count else "")


def _band(
    svg: _Svg, items: list[tuple[str, str]], y: float, upward: bool, more: tuple[str, int] | None
) -> tuple[float, float, float]:
    """Lay out a two-column band from ``y``; return (bottom y, first row centre, last row centre)."""
    cells = [("node", it) for it in items]
    if more and more[1]:
        cells.append(("more", more))
    first_c = last_c = y + NODE_H / 2
    for i, (what, it) in enumerate(cells):
        col, row = i % 2, i // 2
        x = PAD if col == 0 else BUS_X + BUS_GAP / 2
        top = y + row * (NODE_H + ROW_GAP)
        cy = top + NODE_H / 2
        last_c = cy
        edge_x = x + COL_W if col == 0 else x
        if what == "more":
            svg.line(BUS_X, cy, edge_x, cy, "l-dc")
            svg.more(it[0], it[1], x, top, COL_W, NODE_H)
            continue
        node, etype = it
        cls, _ = LINE_GROUPS[etype]
        svg.lines.add(etype)
        svg.line(BUS_X, cy, edge_x, cy, cls, arrow=upward)
        svg.box(node, x, top, COL_W, NODE_H, _note(svg, node, etype, upward))
    rows = -(-len(cells) // 2)
    bottom = y + rows * (NODE_H + ROW_GAP) - ROW_GAP if rows else y
    return bottom, first_c, last_c


def _legend(svg: _Svg, y: float) -> float:
    svg.parts.append(f'<text class="bt" x="{PAD}" y="{_num(y + 13)}">Chú giải</text>')
    y += TITLE_H
    items: list[tuple[str, str]] = [("cat", c) for c in CATEGORY_LABELS if c in svg.categories]
    groups = []
    for etype in EDGE_PRIORITY:
        if etype in svg.lines:
            cls, label = LINE_GROUPS[etype]
            if (cls, label) not in groups:
                groups.append((cls, label))
    items += [("line", g) for g in groups]
    row_h = 18
    for i, (what, it) in enumerate(items):
        top = y + i * row_h
        if what == "cat":
            svg.parts.append(_shape(it, PAD, top + 2, 26, 13))
            text = CATEGORY_LABELS[it]
        else:
            cls, text = it
            svg.parts.append(f'<path class="e {cls}" d="M{PAD} {_num(top + 8.5)}h26"/>')
        svg.parts.append(
            f'<text class="t2" x="{PAD + 34}" y="{_num(top + 12.5)}">{_x(text)}</text>'
        )
    return y + len(items) * row_h


def neighbourhood_svg(
    graph_or_corpus,
    doc_id: str,
    from_src: str,
    *,
    max_nodes: int = MAX_NODES,
    more_src: str | None = None,
    titles: tuple[str, str, str] | None = None,
) -> str:
    """Inline SVG of ``doc_id``'s neighbourhood for the page whose source path is ``from_src``.

    Accepts the graph or a corpus (whose graph is built once and cached). Returns "" for an
    id that is not in the graph.
    """
    graph = graph_of(graph_or_corpus)
    if doc_id not in graph:
        return ""
    hood = neighbourhood(graph, doc_id, max_nodes)
    prefix = "g-" + re.sub(r"[^a-z0-9-]", "-", doc_id)
    svg = _Svg(graph, from_src, prefix, doc_id)
    t_chain, t_up, t_down = titles or TITLES
    more_href = urls.relative_url(from_src, more_src or relations_src(graph, doc_id))
    y = PAD
    chain_bottom = None
    if hood.chain:
        svg.title(t_chain, y)
        y += TITLE_H
        for i, node in enumerate(hood.chain):
            svg.lines.add("thuc_hien")
            if i:
                svg.line(BUS_X, y, BUS_X, chain_bottom, "l-th", arrow=True)
            svg.box(node, BUS_X - CHAIN_W / 2, y, CHAIN_W, NODE_H, "")
            chain_bottom = y + NODE_H
            y += NODE_H + 14
        y += 4
    up_first = None
    if hood.up or hood.hidden_up:
        svg.title(f"{t_up} ({len(hood.up) + len(hood.hidden_up)})", y)
        y += TITLE_H
        more = (more_href, len(hood.hidden_up)) if hood.hidden_up else None
        y, up_first, _ = _band(svg, hood.up, y, True, more)
        y += 16
    focus_top = y + 4
    # The bus to everything above: up to the parent chain, else to the first upper row.
    if chain_bottom is not None:
        svg.line(BUS_X, focus_top, BUS_X, chain_bottom, "l-th", arrow=True)
    elif up_first is not None:
        svg.line(BUS_X, focus_top, BUS_X, up_first)
    svg.box(doc_id, BUS_X - FOCUS_W / 2, focus_top, FOCUS_W, FOCUS_H, "", focus=True)
    y = focus_top + FOCUS_H + 16
    if hood.down or hood.hidden_down:
        svg.title(f"{t_down} ({len(hood.down) + len(hood.hidden_down)})", y)
        y += TITLE_H
        more = (more_href, len(hood.hidden_down)) if hood.hidden_down else None
        start = len(svg.parts)
        bottom, _, last_c = _band(svg, hood.down, y, False, more)
        svg.parts.insert(start, _bus_up(svg.prefix, focus_top + FOCUS_H, last_c))
        y = bottom + 16
    y = _legend(svg, y) + PAD
    height = _num(y)
    title = f"Sơ đồ liên kết của {graph.nodes[doc_id]['label']}"
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="cchc-g" viewBox="0 0 {W} {height}" '
        f'width="{W}" height="{height}" role="group" aria-labelledby="{prefix}-t" '
        f'aria-describedby="{prefix}-d">'
        f'<title id="{prefix}-t">{_x(title)}</title>'
        f'<desc id="{prefix}-d">{_x(_text_alternative(graph, hood, (t_chain, t_up, t_down)))}</desc>'
        f"<style>{STYLE}</style>"
        f'<defs><marker id="{prefix}-a" viewBox="0 0 8 8" refX="7.5" refY="4" markerWidth="5" '
        f'markerHeight="5" orient="auto-start-reverse"><path d="M0 0L8 4L0 8z"/></marker></defs>'
        + "".join(svg.parts)
        + "</svg>"
    )


def _bus_up(prefix: str, focus_bottom: float, last_c: float) -> str:
    return (
        f'<path class="e" d="M{BUS_X} {_num(last_c)}L{BUS_X} {_num(focus_bottom)}" '
        f'marker-end="url(#{prefix}-a)"/>'
    )


def _text_alternative(graph: nx.DiGraph, hood: Neighbourhood, titles=TITLES) -> str:
    parts = []
    if hood.chain:
        parts.append(f"{titles[0]}: " + " → ".join(graph.nodes[n]["label"] for n in hood.chain))
    if hood.up:
        parts.append(
            f"{titles[1]}: "
            + "; ".join(f"{EDGE_LABELS[t]} {graph.nodes[n]['label']}" for n, t in hood.up)
            + (f"; và {len(hood.hidden_up)} văn bản khác" if hood.hidden_up else "")
        )
    if hood.down:
        parts.append(
            f"{titles[2]}: "
            + "; ".join(f"{graph.nodes[n]['label']} ({EDGE_LABELS[t]})" for n, t in hood.down)
            + (f"; và {len(hood.hidden_down)} văn bản khác" if hood.hidden_down else "")
        )
    return ". ".join(parts) + "." if parts else "Chưa có liên kết nào."


def neighbourhood_list_markdown(
    graph_or_corpus,
    doc_id: str,
    from_src: str,
    *,
    max_nodes: int = MAX_NODES,
    more_src: str | None = None,
) -> str:
    """The drawing's relations as a Markdown list (Markdown links, so a strict build checks them)."""
    from .site.md import md_text

    graph = graph_of(graph_or_corpus)
    if doc_id not in graph:
        return ""
    hood = neighbourhood(graph, doc_id, max_nodes)

    def link(node: str) -> str:
        src = graph.nodes[node].get("src")
        text = md_text(_describe(graph, node))
        return f"[{text}]({urls.relative_src(from_src, src)})" if src else text

    lines = []
    if hood.chain:
        lines.append("- Kế hoạch cấp trên: " + " → ".join(link(n) for n in hood.chain))
    for title, items, hidden in (
        ("Văn bản này dẫn tới", hood.up, hood.hidden_up),
        ("Dẫn tới văn bản này", hood.down, hood.hidden_down),
    ):
        if not items and not hidden:
            continue
        lines.append(f"- {title}:")
        lines += [f"    - {link(n)} — {EDGE_LABELS[t]}" for n, t in items]
        if hidden:
            more = urls.relative_src(from_src, more_src or relations_src(graph, doc_id))
            lines.append(f"    - [+{len(hidden)} văn bản khác]({more})")
    return "\n".join(lines) + "\n" if lines else ""


__all__ = [
    "MAX_NODES",
    "Neighbourhood",
    "edge_types",
    "neighbourhood",
    "neighbourhood_list_markdown",
    "neighbourhood_svg",
    "parent_chain",
    "relations",
    "relations_src",
]
