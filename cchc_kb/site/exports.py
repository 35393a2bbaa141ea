"""Open-data exports of the citation graph at stable URLs under ``du-lieu/``.

``graph.json`` (networkx node-link, ``edges="edges"``), ``graph.graphml``, ``edges.csv``,
``plans.csv`` and ``legal.csv``: UTF-8, nodes and edges sorted by id, so the same corpus gives
byte-identical files. GraphML cannot store ``None`` or lists, so every attribute is encoded to a
string or a number by one function (``export_graph``) that JSON and GraphML share: unknown is
``""`` (0 for ``year``), lists are joined with ``|``, booleans stay booleans.

The column tables below are data: the exporter writes them and the "Dữ liệu mở" page documents
them from the same rows, so the two cannot drift apart.
"""

from __future__ import annotations

import csv
import functools
import io
import json
from collections.abc import Callable
from json.encoder import encode_basestring
from typing import Any

# _escape_attrib, _escape_cdata: the escaping tostring applies (``_GraphmlElements``).
from xml.etree.ElementTree import Element, _escape_attrib, _escape_cdata, tostring

import networkx as nx
from networkx.readwrite.graphml import GraphMLWriter

from ..analysis.graph import EDGE_LABELS, edge_types
from ..corpus import Corpus
from ..model.models import Plan
from . import urls
from .graph_view import edge_label, node_category, node_label, node_src
from .page import SiteFile

DATA_DIR = urls.DATA_DIR
LIST_SEP = "|"

# Node and edge attributes of graph.json / graph.graphml: name -> (meaning, default when unknown).
NODE_ATTRIBUTES: dict[str, tuple[str, object]] = {
    "kind": (
        "plan (kế hoạch), legal (văn bản pháp lý, văn bản của Đảng), unresolved (được dẫn nhưng chưa xác định)",
        "",
    ),
    "category": (
        "nhóm hiển thị: plan, normative (quy phạm pháp luật), admin (hành chính, cá biệt), party (Đảng), unresolved",
        "",
    ),
    "type": ("loại văn bản (Kế hoạch, Nghị định, …)", ""),
    "number": ("số ký hiệu như văn bản ghi; rỗng khi văn bản để trống", ""),
    "label": ("nhãn hiển thị: loại + số ký hiệu", ""),
    "agency": ("mã cơ quan ban hành (plans/agencies.yml)", ""),
    "agency_name": ("tên cơ quan ban hành", ""),
    "province": ("mã UBND tỉnh của địa bàn cơ quan", ""),
    "level": ("cấp cơ quan: trung_uong, tinh, so, huyen, xa", ""),
    "date": ("ngày ban hành, ISO 8601 (có thể rút gọn: 2025-01, 2025, --12-15)", ""),
    "year": ("năm (kế hoạch: năm kế hoạch); 0 khi không rõ", 0),
    "status": ("kế hoạch: Dự thảo/Đã ban hành; văn bản: tình trạng hiệu lực", ""),
    "stub": ("true khi chỉ biết qua trích dẫn", False),
    "summary": ("trích yếu", ""),
    "src": ("trang của văn bản trên trang web (đường dẫn nguồn .md)", ""),
    "path": ("tệp nguồn trong kho dữ liệu", ""),
    "key": ("khóa của văn bản chưa xác định", ""),
}
EDGE_ATTRIBUTES: dict[str, tuple[str, object]] = {
    "type": ("quan hệ chính: " + ", ".join(EDGE_LABELS), ""),
    "label": ("tên quan hệ bằng tiếng Việt", ""),
    "also": ("các quan hệ khác giữa cùng cặp văn bản, cách nhau bởi |", ""),
    "mentions": ("số lần văn bản nguồn nhắc văn bản đích trong nội dung", 0),
    "weight": ("trọng số: số lần nhắc với dẫn chiếu, 1 với quan hệ khác", 1),
    "line": ("dòng trong tệp nguồn nơi quan hệ được ghi", 0),
}


def _encode(value: object, default: object) -> object:
    if value is None:
        return default
    if isinstance(value, list | tuple | set):
        return LIST_SEP.join(str(v) for v in value)
    if isinstance(value, bool | int | float | str):
        return value
    return str(value)


def export_graph(graph: nx.DiGraph) -> nx.DiGraph:
    """A copy with scalar attributes only, nodes and edges in sorted order."""
    out = nx.DiGraph()
    for node in sorted(graph):
        attrs = graph.nodes[node]
        attrs = {
            **attrs,
            "category": node_category(attrs),
            "label": node_label(attrs),
            "src": node_src(node, attrs),
        }
        out.add_node(node, **{k: _encode(attrs.get(k), d) for k, (_, d) in NODE_ATTRIBUTES.items()})
    for u, v in sorted(graph.edges):
        attrs = {**graph.edges[u, v], "label": edge_label(graph.edges[u, v])}
        out.add_edge(u, v, **{k: _encode(attrs.get(k), d) for k, (_, d) in EDGE_ATTRIBUTES.items()})
    return out


def graph_json(graph: nx.DiGraph, export: nx.DiGraph | None = None) -> bytes:
    """networkx's node-link JSON (``edges="edges"``), indented by one space, keys sorted.

    Written a node or an edge at a time, the same bytes as ``json.dumps`` of
    ``nx.node_link_data``: at 20,000 plans the whole structure and its text at once were
    hundreds of MB at the build's busiest moment. ``export``: ``export_graph(graph)``, when
    the caller has it."""
    export = export if export is not None else export_graph(graph)
    fields = {
        "directed": export.is_directed(),
        "edges": ({**d, "source": u, "target": v} for u, v, d in export.edges(data=True)),
        "graph": export.graph,
        "multigraph": export.is_multigraph(),
        "nodes": ({**d, "id": n} for n, d in export.nodes(data=True)),
    }
    pieces = [b"{"]
    for i, (key, value) in enumerate(fields.items()):
        pieces.append(f"{',' if i else ''}\n {json.dumps(key)}: ".encode())
        if isinstance(value, dict | bool):
            pieces.append(_json_at(value, 1))
            continue
        count = 0
        for item in value:
            pieces.append(b",\n  " if count else b"[\n  ")
            pieces.append(_json_at(item, 2))
            count += 1
        pieces.append(b"\n ]" if count else b"[]")
    pieces.append(b"\n}\n")
    return b"".join(pieces)


_SCALAR_JSON = json.JSONEncoder(ensure_ascii=False)
# What that encoder writes for the exports' scalars, called directly; any other type (a float,
# a subclass) goes through it.
_SCALAR_TEXT: dict[type, Callable[[Any], str]] = {
    str: encode_basestring,  # json's C function for ensure_ascii=False
    int: int.__repr__,
    bool: {True: "true", False: "false"}.__getitem__,
    type(None): lambda _: "null",
}


def _json_at(value: object, level: int) -> bytes:
    """``value`` as ``json.dumps(..., indent=1)`` prints it ``level`` levels deep.

    A node's or an edge's flat mapping of scalars (the exports' only items) is laid out here,
    its values encoded as json's C encoder does: ``indent`` alone sends ``json.dumps`` to its
    pure-Python encoder, two thirds of graph.json's time. Every item has the same keys: their
    order and text are worked out once."""
    layout = _members(level, tuple(value)) if isinstance(value, dict) and value else None
    if layout is not None:
        parts = []
        for key, before in layout:
            item = value[key]
            encode = _SCALAR_TEXT.get(type(item))
            if encode is None:
                if not isinstance(item, str | int | float | bool):
                    break  # not flat
                encode = _SCALAR_JSON.encode
            parts += (before, encode(item))
        else:
            parts.append(f"\n{' ' * level}}}")
            return "".join(parts).encode()
    text = json.dumps(value, ensure_ascii=False, indent=1, sort_keys=True)
    return text.replace("\n", "\n" + " " * level).encode("utf-8")


@functools.cache
def _members(level: int, keys: tuple) -> list[tuple[str, str]] | None:
    """The keys of a flat mapping ``level`` levels deep in the order json writes them, each
    with the text before its value; None unless every key is text."""
    if not all(isinstance(key, str) for key in keys):
        return None
    pad = "\n" + " " * (level + 1)
    return [
        (key, ("{" if i == 0 else ",") + f"{pad}{_SCALAR_JSON.encode(key)}: ")
        for i, key in enumerate(sorted(keys))
    ]


# Where the graph element's children go in the GraphML skeleton (never a real element name).
_GRAPHML_CHILDREN = "cchc-children"


def graph_graphml(graph: nx.DiGraph, export: nx.DiGraph | None = None) -> bytes:
    """The bytes of ``nx.generate_graphml`` (lines joined with "\\n"), written a node or an
    edge at a time with networkx's own writer: its keys first (the same ids, in the same order),
    then each element indented as in the whole tree, which is never built (hundreds of MB at
    20,000 plans). ``export``: ``export_graph(graph)``, when the caller has it."""
    export = export if export is not None else export_graph(graph)
    rows = [("node", {"id": str(n)}, d) for n, d in export.nodes(data=True)]
    rows += [
        ("edge", {"source": str(u), "target": str(v)}, d) for u, v, d in export.edges(data=True)
    ]
    if not rows or export.graph or not export.is_directed() or export.is_multigraph():
        return ("\n".join(nx.generate_graphml(export)) + "\n").encode("utf-8")
    writer = GraphMLWriter(prettyprint=True)
    seen = set()  # networkx numbers its keys as they first come: each once, in that order
    for scope, _, data in rows:
        for k, v in data.items():
            if (k, type(v), scope) not in seen:
                seen.add((k, type(v), scope))
                writer.get_key(str(k), writer.get_xml_type(type(v)), scope, None)
    graph_element = Element("graph", edgedefault="directed")
    graph_element.append(Element(_GRAPHML_CHILDREN))
    writer.xml.append(graph_element)
    writer.indent(writer.xml)
    head, tail = tostring(writer.xml).decode("utf-8").split(f"<{_GRAPHML_CHILDREN} />")
    elements = _GraphmlElements(writer)
    body = "\n    ".join(elements.text(scope, attrs, data) for scope, attrs, data in rows)
    # ElementTree writes US-ASCII, anything else as character references.
    body = body.encode("ascii", "xmlcharrefreplace").decode("ascii")
    return b"".join([_graphml_lines(head), _graphml_lines(body), _graphml_lines(tail) + b"\n"])


# Stand for a value and for an element's children in the elements ElementTree writes once as
# patterns (letters only: nothing escapes them, and no tag or attribute name contains them).
_VALUE = "cchcvalue"
_CHILDREN = "cchcchildren"


class _GraphmlElements:
    """Node and edge elements with their data as ``tostring`` writes them once
    ``GraphMLWriter.indent`` has indented them at the graph's children's level (without their
    tail), without an element tree per node (two thirds of graph.graphml's time). ElementTree
    writes each kind of element once, with ``_VALUE`` for every value; the values go in with
    its own escaping."""

    def __init__(self, writer: GraphMLWriter) -> None:
        self.writer = writer
        self.heads: dict[tuple[str, tuple[str, ...]], tuple[list[str], str, list[str]]] = {}
        # (element, attribute, its value's type) -> the data element's text around its value
        self.data: dict[tuple[str, object, type], tuple[str, str, str]] = {}

    def text(self, tag: str, attrs: dict[str, str], data: dict[str, object]) -> str:
        names = tuple(attrs)
        if (tag, names) not in self.heads:
            self.heads[tag, names] = _element_pattern(tag, names)
        head, bare_end, around_children = self.heads[tag, names]
        out = []
        for piece, value in zip(head, attrs.values(), strict=True):
            out += [piece, _escape_attrib(value)]
        if not data:
            return "".join(out) + bare_end
        children = []
        for name, value in data.items():
            pattern = self.data.get((tag, name, type(value)))
            if pattern is None:
                xml_type = self.writer.get_xml_type(type(value))
                key = self.writer.get_key(str(name), xml_type, tag, None)
                pattern = self.data[tag, name, type(value)] = _data_pattern(key)
            start, end, empty = pattern
            text = str(value)
            children.append(start + _escape_cdata(text) + end if text else empty)
        return "".join([*out, around_children[0], "\n      ".join(children), around_children[1]])


def _element_pattern(tag: str, names: tuple[str, ...]) -> tuple[list[str], str, list[str]]:
    """The start tag's text around its attribute values (but for its end), how it ends when the
    element is empty, and the text before and after its children when it has some."""
    element = Element(tag, dict.fromkeys(names, _VALUE))
    bare = tostring(element).decode("ascii").split(_VALUE)
    element.append(Element(_CHILDREN))
    GraphMLWriter().indent(element, 2)
    element.tail = None
    child = tostring(Element(_CHILDREN)).decode("ascii")
    full = tostring(element).decode("ascii").replace(child, _CHILDREN).split(_VALUE)
    return bare[:-1], bare[-1], full[-1].split(_CHILDREN)


def _data_pattern(key: str) -> tuple[str, str, str]:
    """A data element's text before and after its value, and when it has none."""
    element = Element("data", key=key)
    empty = tostring(element).decode("ascii")
    element.text = _VALUE
    start, end = tostring(element).decode("ascii").split(_VALUE)
    return start, end, empty


def _graphml_lines(text: str) -> bytes:
    # generate_graphml yields the text's lines (any line break) and they are joined with "\n".
    return "\n".join(text.splitlines()).encode("utf-8")


# CSV columns: (name, description, getter). Names follow the front-matter keys (vbpl.vn).
# Plan and legal getters take (corpus, graph, record, the site's UrlScheme).
Column = tuple[str, str, Callable]


def _date(doc_date) -> str:
    return doc_date.iso if doc_date else ""


EDGE_COLUMNS: list[Column] = [
    ("nguon", "mã văn bản dẫn (đầu mũi tên)", lambda g, u, v, d: u),
    ("dich", "mã văn bản được dẫn", lambda g, u, v, d: v),
    ("quan_he", "quan hệ chính: " + ", ".join(EDGE_LABELS), lambda g, u, v, d: d["type"]),
    ("nhan", "tên quan hệ", lambda g, u, v, d: edge_label(d)),
    (
        "quan_he_khac",
        "quan hệ khác giữa cùng cặp, cách nhau bởi |",
        lambda g, u, v, d: LIST_SEP.join(edge_types(d)[1:]),
    ),
    ("so_lan_nhac", "số lần nhắc trong nội dung", lambda g, u, v, d: d.get("mentions", 0)),
    ("loai_nguon", "plan, legal", lambda g, u, v, d: g.nodes[u]["kind"]),
    ("loai_dich", "plan, legal, unresolved", lambda g, u, v, d: g.nodes[v]["kind"]),
]
PLAN_COLUMNS: list[Column] = [
    ("id", "mã kế hoạch", lambda c, g, p, s: p.id),
    ("so_ky_hieu", "số ký hiệu (rỗng: văn bản để trống)", lambda c, g, p, s: p.number or ""),
    ("loai_van_ban", "loại văn bản", lambda c, g, p, s: p.doc_type),
    ("trich_yeu", "trích yếu", lambda c, g, p, s: " ".join(p.summary.split())),
    ("co_quan_ban_hanh", "mã cơ quan ban hành", lambda c, g, p, s: p.issuer),
    (
        "ten_co_quan",
        "tên cơ quan ban hành",
        lambda c, g, p, s: c.agencies[p.issuer].name if p.issuer in c.agencies else "",
    ),
    (
        "ngay_ban_hanh",
        "ngày ban hành, ISO 8601 (có thể rút gọn)",
        lambda c, g, p, s: _date(p.issued),
    ),
    ("nam", "năm kế hoạch", lambda c, g, p, s: p.year or ""),
    ("tinh_trang", "du_thao hoặc ban_hanh", lambda c, g, p, s: p.status),
    ("stub", "true: chỉ biết qua trích dẫn", lambda c, g, p, s: "true" if p.stub else "false"),
    (
        "thuc_hien",
        "mã kế hoạch cấp trên, cách nhau bởi |",
        lambda c, g, p, s: LIST_SEP.join(p.implements),
    ),
    (
        "can_cu",
        "mã văn bản căn cứ, cách nhau bởi |",
        lambda c, g, p, s: LIST_SEP.join(p.legal_bases),
    ),
    (
        "so_van_ban_dan_chieu",
        "số văn bản được dẫn chiếu trong nội dung",
        lambda c, g, p, s: sum(
            1 for _, _, d in g.out_edges(p.id, data=True) if d["type"] == "dan_chieu"
        ),
    ),
    ("duong_dan", "trang trên trang web", lambda c, g, p, s: s.url_of(urls.plan_src(p.id))),
]
LEGAL_COLUMNS: list[Column] = [
    ("id", "mã văn bản", lambda c, g, d, s: d.id),
    ("so_ky_hieu", "số ký hiệu", lambda c, g, d, s: d.number or ""),
    ("loai_van_ban", "loại văn bản", lambda c, g, d, s: d.doc_type),
    ("trich_yeu", "trích yếu", lambda c, g, d, s: " ".join(d.summary.split())),
    ("co_quan_ban_hanh", "mã cơ quan ban hành", lambda c, g, d, s: d.issuer),
    ("ngay_ban_hanh", "ngày ban hành, ISO 8601", lambda c, g, d, s: _date(d.issued)),
    ("ngay_co_hieu_luc", "ngày có hiệu lực, ISO 8601", lambda c, g, d, s: _date(d.effective)),
    (
        "tinh_trang_hieu_luc",
        "tình trạng hiệu lực đã ghi nhận",
        lambda c, g, d, s: d.validity.status if d.validity else "",
    ),
    ("stub", "true: chỉ biết qua trích dẫn", lambda c, g, d, s: "true" if d.stub else "false"),
    (
        "so_ke_hoach_can_cu",
        "số kế hoạch lấy văn bản làm căn cứ",
        lambda c, g, d, s: _count_in(g, d.id, "can_cu"),
    ),
    (
        "so_van_ban_dan_chieu",
        "số văn bản dẫn chiếu văn bản trong nội dung",
        lambda c, g, d, s: _count_in(g, d.id, "dan_chieu"),
    ),
    ("duong_dan", "trang trên trang web", lambda c, g, d, s: s.url_of(urls.legal_src(d.id))),
]


def _count_in(graph: nx.DiGraph, node: str, etype: str) -> int:
    if node not in graph:
        return 0
    return sum(1 for _, _, d in graph.in_edges(node, data=True) if etype in edge_types(d))


def _csv(header: list[str], rows) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buf.getvalue().encode("utf-8")


def edges_csv(graph: nx.DiGraph) -> bytes:
    rows = (
        [get(graph, u, v, graph.edges[u, v]) for _, _, get in EDGE_COLUMNS]
        for u, v in sorted(graph.edges)
    )
    return _csv([c[0] for c in EDGE_COLUMNS], rows)


def plans_csv(
    corpus: Corpus, graph: nx.DiGraph, scheme: urls.UrlScheme = urls.DIRECTORY_URLS
) -> bytes:
    plans: list[Plan] = [corpus.plans[k] for k in sorted(corpus.plans)]
    rows = ([get(corpus, graph, p, scheme) for _, _, get in PLAN_COLUMNS] for p in plans)
    return _csv([c[0] for c in PLAN_COLUMNS], rows)


def legal_csv(
    corpus: Corpus, graph: nx.DiGraph, scheme: urls.UrlScheme = urls.DIRECTORY_URLS
) -> bytes:
    docs = [corpus.legal[k] for k in sorted(corpus.legal)]
    rows = ([get(corpus, graph, d, scheme) for _, _, get in LEGAL_COLUMNS] for d in docs)
    return _csv([c[0] for c in LEGAL_COLUMNS], rows)


# File name -> (Vietnamese description, format note). The "Dữ liệu mở" page lists them in order.
EXPORTS: dict[str, tuple[str, str]] = {
    "graph.json": (
        "Toàn bộ đồ thị trích dẫn: mỗi văn bản một nút, mỗi quan hệ một cạnh",
        'JSON theo định dạng node-link của networkx (khóa "nodes" và "edges"); đọc bằng '
        'networkx.node_link_graph(data, edges="edges")',
    ),
    "graph.graphml": (
        "Đồ thị trích dẫn cho các phần mềm phân tích mạng (Gephi, Cytoscape, yEd)",
        "GraphML; cùng nút, cạnh và thuộc tính với graph.json",
    ),
    "edges.csv": ("Danh sách quan hệ giữa các văn bản", "CSV, UTF-8, dòng đầu là tên cột"),
    "plans.csv": ("Danh sách kế hoạch", "CSV, UTF-8, dòng đầu là tên cột"),
    "legal.csv": (
        "Danh sách văn bản pháp lý và văn bản của Đảng",
        "CSV, UTF-8, dòng đầu là tên cột",
    ),
}


def export_path(name: str) -> str:
    return f"{DATA_DIR}/{name}"


def graph_files(
    corpus: Corpus, graph: nx.DiGraph, scheme: urls.UrlScheme = urls.DIRECTORY_URLS
) -> list[SiteFile]:
    """The five export files, in the order of ``EXPORTS``; page URLs under ``scheme``."""
    export = export_graph(graph)  # shared by JSON and GraphML
    contents = {
        "graph.json": graph_json(graph, export),
        "graph.graphml": graph_graphml(graph, export),
        "edges.csv": edges_csv(graph),
        "plans.csv": plans_csv(corpus, graph, scheme),
        "legal.csv": legal_csv(corpus, graph, scheme),
    }
    return [SiteFile(export_path(name), contents[name]) for name in EXPORTS]
