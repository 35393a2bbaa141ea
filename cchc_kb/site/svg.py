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

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from types import SimpleNamespace

import networkx as nx
from markupsafe import Markup

from ..analysis.graph import EDGE_LABELS, EDGE_PRIORITY, edge_types
from ..model.collation import sort_key
from ..model.models import PartialDate
from . import urls
from .graph_view import node_category, node_label, node_src, short_type
from .md import md_text
from .render import fragment, render

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
    return (label_key(node_label(graph.nodes[node])), node)


def parent_chain(graph: nx.DiGraph, doc_id: str, limit: int = MAX_CHAIN) -> list[str]:
    """The parent, its parent, …: root first, cycle-safe, at most ``limit``.

    A plan's parent is ``Corpus.first_parent`` (the node's ``parent``), the rule its page's
    breadcrumb follows too. A node the site draws without one (an agency) goes up its first
    ``thuc_hien`` edge by label.
    """
    chain: list[str] = []
    seen = {doc_id}
    current = doc_id
    while len(chain) < limit:
        attrs = graph.nodes[current]
        if "parent" in attrs:
            parent = attrs["parent"]
        else:
            parents = sorted(
                (v for _, v, d in graph.out_edges(current, data=True) if d["type"] == "thuc_hien"),
                key=lambda n: _node_key(graph, n),
            )
            parent = parents[0] if parents else None
        if parent is None or parent not in graph or parent in seen:
            break
        current = parent
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
        return urls.unresolved_relations_src(attrs["key"])
    return urls.relations_src(doc_id)


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


# Text fitting and dates are pure and memoised: a document is drawn on every page near it.
@lru_cache(maxsize=65536)
def fit(text: str, px: float, size: float = 12) -> str:
    """Cut ``text`` to ``px`` at ``size`` px, ending with "…" when cut."""
    text = " ".join(text.split())
    if _text_width(text, size) <= px:
        return text
    while text and _text_width(text + "…", size) > px:
        text = text[:-1]
    return text.rstrip(" ,·-") + "…"


@lru_cache(maxsize=65536)
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


# An element of the drawing for the template: attributes, not dict keys, because Jinja looks an
# attribute up before an item and a dict fails the first lookup (an exception) every time.
_Part = SimpleNamespace


def _num(v: float) -> str:
    return f"{v:.1f}".rstrip("0").rstrip(".")


def _shape(cat: str, x: float, y: float, w: float, h: float, cls: str = "n") -> _Part:
    """A category's shape (colour is never alone): rounded, square, cut or pointed corners."""
    k = f"{cls} k-{cat}"
    rect = {"el": "shape", "tag": "rect", "cls": k, "x": _num(x), "y": _num(y), "w": _num(w)}
    if cat == "plan":
        return _Part(**rect, h=_num(h), rx="10")
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
        return _Part(**rect, h=_num(h), rx="")
    points = " ".join(f"{_num(px)},{_num(py)}" for px, py in pts)
    return _Part(el="shape", tag="polygon", cls=k, points=points)


def _lines(attrs: dict) -> tuple[str, str]:
    """Box text: số ký hiệu (or issuer for a numberless plan), then the type."""
    if attrs.get("number"):
        first = attrs["number"]
    elif attrs["kind"] == "unresolved":
        first = node_label(attrs)
    else:
        first = short_agency(attrs.get("agency_name") or "") or node_label(attrs)
    kind = attrs.get("type") or "Văn bản"
    year = attrs.get("year")
    if not attrs.get("number") and year and attrs["kind"] != "unresolved":
        kind = f"{kind} năm {year}"
    return first, kind


def _href(
    graph: nx.DiGraph, node: str, from_src: str, scheme: urls.UrlScheme = urls.DIRECTORY_URLS
) -> str | None:
    src = node_src(node, graph.nodes[node])
    return scheme.relative_url(from_src, src) if src else None


@lru_cache(maxsize=65536)
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
    parts = [node_label(attrs)]
    if attrs.get("agency_name") and attrs["kind"] != "unresolved":
        parts.append(attrs["agency_name"])
    if attrs.get("date"):
        parts.append(short_date(attrs["date"]))
    return ", ".join(parts)


# Boxes and shapes drawn (``graph/box.svg``), by everything they show: (category, markup).
Drawn = dict[tuple, tuple[str, Markup]]


class _Svg:
    def __init__(
        self,
        graph: nx.DiGraph,
        from_src: str,
        prefix: str,
        focus: str,
        scheme: urls.UrlScheme,
        drawn: Drawn | None = None,
    ):
        self.scheme = scheme
        self.graph = graph
        self.focus = focus
        self.from_src = from_src
        self.prefix = prefix
        self.parts: list[_Part] = []  # elements for the template, in drawing order
        self.categories: set[str] = set()
        self.lines: set[str] = set()
        self.drawn: Drawn = {} if drawn is None else drawn

    def _draw(self, key: tuple, part: Callable[[], tuple[str, _Part]]) -> None:
        """A box or a shape, drawn once per ``key`` (``part`` lays it out)."""
        if key not in self.drawn:
            category, laid_out = part()
            self.drawn[key] = category, fragment("graph/box.svg", part=laid_out)
        category, markup = self.drawn[key]
        self.categories.add(category)
        self.parts.append(_Part(el="drawn", markup=markup))

    def shape(self, cat: str, x: float, y: float, w: float, h: float) -> None:
        self._draw(("shape", cat, x, y, w, h), lambda: (cat, _shape(cat, x, y, w, h)))

    def box(
        self, node: str, x: float, y: float, w: float, h: float, note: str, focus: bool = False
    ):
        # The graph's node attributes and the page's scheme are the same for a whole build;
        # the page counts only through the link.
        href = _href(self.graph, node, self.from_src, self.scheme)
        key = ("box", node, x, y, w, h, note, focus, href)
        self._draw(key, lambda: self._box(node, x, y, w, h, note, focus, href))

    def _box(
        self,
        node: str,
        x: float,
        y: float,
        w: float,
        h: float,
        note: str,
        focus: bool,
        href: str | None,
    ) -> tuple[str, _Part]:
        attrs = self.graph.nodes[node]
        cat = node_category(attrs)
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
        cx = x + w / 2
        return (
            cat,
            _Part(
                el="box",
                href=href,
                label=label,
                focus=focus,
                title=label + (" — " + attrs["summary"] if attrs.get("summary") else ""),
                shape=_shape(cat, x, y, w, h),
                t1=_Part(
                    x=_num(cx),
                    y=_num(y + h / 2 - 3),
                    size=_num(size1) if size1 != 12 else "",
                    text=t1,
                ),
                t2=_Part(x=_num(cx), y=_num(y + h / 2 + 11), text=t2),
            ),
        )

    def more(self, href: str, count: int, x: float, y: float, w: float, h: float):
        self.parts.append(
            _Part(
                el="more",
                href=href,
                text=f"+{count} văn bản khác",
                x=_num(x),
                y=_num(y),
                w=_num(w),
                h=_num(h),
                tx=_num(x + w / 2),
                ty=_num(y + h / 2 + 4),
            )
        )

    def line(self, x1, y1, x2, y2, cls: str = "", arrow: bool = False):
        self.parts.append(
            _path(f"e {cls}".strip(), f"M{_num(x1)} {_num(y1)}L{_num(x2)} {_num(y2)}", arrow)
        )

    def title(self, text: str, y: float):
        self.parts.append(_text("bt", PAD, y + 13, text))


def _path(cls: str, d: str, arrow: bool = False) -> _Part:
    return _Part(el="path", cls=cls, d=d, arrow=arrow)


def _text(cls: str, x: float, y: float, text: str) -> _Part:
    return _Part(el="text", cls=cls, x=_num(x), y=_num(y), text=text)


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
    svg.parts.append(_text("bt", PAD, y + 13, "Chú giải"))
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
            svg.shape(it, PAD, top + 2, 26, 13)
            text = CATEGORY_LABELS[it]
        else:
            cls, text = it
            svg.parts.append(_path(f"e {cls}", f"M{PAD} {_num(top + 8.5)}h26"))
        svg.parts.append(_text("t2", PAD + 34, top + 12.5, text))
    return y + len(items) * row_h


def neighbourhood_svg(
    graph: nx.DiGraph,
    doc_id: str,
    from_src: str,
    *,
    max_nodes: int = MAX_NODES,
    more_src: str | None = None,
    titles: tuple[str, str, str] | None = None,
    scheme: urls.UrlScheme = urls.DIRECTORY_URLS,
    drawn: Drawn | None = None,
) -> str:
    """Inline SVG of ``doc_id``'s neighbourhood for the page whose source path is ``from_src``.

    Returns "" for an id that is not in the graph. The markup is the template
    ``graph/neighbourhood.svg``; this function lays the drawing out. ``drawn``: the boxes and
    shapes already drawn with this graph, kept for one build (a document is drawn on every
    page near it); only as long as the graph and its nodes stay as they are.
    """
    if doc_id not in graph:
        return ""
    hood = neighbourhood(graph, doc_id, max_nodes)
    prefix = "g-" + re.sub(r"[^a-z0-9-]", "-", doc_id)
    svg = _Svg(graph, from_src, prefix, doc_id, scheme, drawn)
    t_chain, t_up, t_down = titles or TITLES
    more_href = scheme.relative_url(from_src, more_src or relations_src(graph, doc_id))
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
        svg.parts.insert(start, _bus_up(focus_top + FOCUS_H, last_c))
        y = bottom + 16
    y = _legend(svg, y) + PAD
    return render(
        "graph/neighbourhood.svg",
        width=W,
        height=_num(y),
        prefix=prefix,
        title=f"Sơ đồ liên kết của {node_label(graph.nodes[doc_id])}",
        description=_text_alternative(graph, hood, (t_chain, t_up, t_down)),
        parts=svg.parts,
    )


def _bus_up(focus_bottom: float, last_c: float) -> _Part:
    return _path("e", f"M{BUS_X} {_num(last_c)}L{BUS_X} {_num(focus_bottom)}", arrow=True)


def _text_alternative(graph: nx.DiGraph, hood: Neighbourhood, titles=TITLES) -> str:
    parts = []
    if hood.chain:
        parts.append(f"{titles[0]}: " + " → ".join(node_label(graph.nodes[n]) for n in hood.chain))
    if hood.up:
        parts.append(
            f"{titles[1]}: "
            + "; ".join(f"{EDGE_LABELS[t]} {node_label(graph.nodes[n])}" for n, t in hood.up)
            + (f"; và {len(hood.hidden_up)} văn bản khác" if hood.hidden_up else "")
        )
    if hood.down:
        parts.append(
            f"{titles[2]}: "
            + "; ".join(f"{node_label(graph.nodes[n])} ({EDGE_LABELS[t]})" for n, t in hood.down)
            + (f"; và {len(hood.hidden_down)} văn bản khác" if hood.hidden_down else "")
        )
    return ". ".join(parts) + "." if parts else "Chưa có liên kết nào."


def neighbourhood_list_markdown(
    graph: nx.DiGraph,
    doc_id: str,
    from_src: str,
    *,
    max_nodes: int = MAX_NODES,
    more_src: str | None = None,
) -> str:
    """The drawing's relations as a Markdown list (Markdown links, so a strict build checks them)."""
    if doc_id not in graph:
        return ""
    hood = neighbourhood(graph, doc_id, max_nodes)

    def link(node: str) -> str:
        src = node_src(node, graph.nodes[node])
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
