"""Each export read back with the tool a user would use finds exactly the graph the build holds."""

from __future__ import annotations

import csv
import enum
import io
import json
import random
from pathlib import Path

import networkx as nx
import pytest
from graph_fixtures import corpus as fixture_corpus

from cchc_kb.analysis.graph import build_graph, edge_types
from cchc_kb.model.models import PartialDate
from cchc_kb.site import urls
from cchc_kb.site.build import build_site
from cchc_kb.site.exports import (
    EDGE_COLUMNS,
    EXPORTS,
    LEGAL_COLUMNS,
    PLAN_COLUMNS,
    export_graph,
    graph_files,
    graph_graphml,
    graph_json,
)
from cchc_kb.site.settings import SiteSettings

NAMES = ["graph.json", "graph.graphml", "edges.csv", "plans.csv", "legal.csv"]


@pytest.fixture(scope="module")
def exported():
    c = fixture_corpus()
    g = build_graph(c)
    return c, g, {Path(f.path).name: f for f in graph_files(c, g)}


def rows(content: bytes) -> list[dict]:
    return list(csv.DictReader(io.StringIO(content.decode("utf-8"))))


def test_exactly_these_files_at_stable_paths(exported):
    _, _, files = exported
    assert list(files) == NAMES == list(EXPORTS)
    assert all(f.path == f"du-lieu/{name}" for name, f in files.items())


def test_a_build_makes_the_exports_after_its_pages_where_it_writes_them(tmp_path):
    c = fixture_corpus()
    settings = SiteSettings(as_of=PartialDate(2026, 11, 30))
    site = build_site(c, settings)
    paths = [f"du-lieu/{name}" for name in EXPORTS]
    assert list(site.later.paths) == paths
    assert not {f.path for f in site.files} & set(paths)  # not among the files made at once
    site.later.write(tmp_path)
    expected = graph_files(c, build_graph(c, settings.as_of), settings.urls)
    assert {p: (tmp_path / p).read_bytes() for p in paths} == {f.path: f.content for f in expected}
    # A file of docs/ at an export's path wins: the build neither lists nor makes it.
    kept = build_site(c, settings, existing={"du-lieu/edges.csv"}).later
    assert "du-lieu/edges.csv" not in kept.paths
    assert "du-lieu/edges.csv" not in {f.path for f in kept.make()}


def same_graph(read: nx.DiGraph, built: nx.DiGraph) -> None:
    expected = export_graph(built)
    assert sorted(read.nodes) == sorted(built.nodes)
    assert sorted(read.edges) == sorted(built.edges)
    for node in built:
        assert dict(read.nodes[node]) == dict(expected.nodes[node]), node
    for u, v in built.edges:
        assert dict(read.edges[u, v]) == dict(expected.edges[u, v]), (u, v)
        # Lists survive as "|"-joined text.
        also = read.edges[u, v]["also"]
        assert (also.split("|") if also else []) == built.edges[u, v]["also"]


def test_node_link_json_reads_back(exported):
    _, g, files = exported
    data = json.loads(files["graph.json"].content.decode("utf-8"))
    assert {"nodes", "edges", "directed"} <= data.keys() and data["directed"] is True
    same_graph(nx.node_link_graph(data, edges="edges"), g)


def test_graphml_reads_back(exported, tmp_path):
    _, g, files = exported
    path = tmp_path / "graph.graphml"
    path.write_bytes(files["graph.graphml"].content)
    read = nx.read_graphml(path)
    assert isinstance(read, nx.DiGraph)
    same_graph(read, g)


def test_edges_csv(exported):
    _, g, files = exported
    table = rows(files["edges.csv"].content)
    assert list(table[0]) == [c[0] for c in EDGE_COLUMNS]
    assert [(r["nguon"], r["dich"]) for r in table] == sorted(g.edges)
    for r in table:
        d = g.edges[r["nguon"], r["dich"]]
        assert r["quan_he"] == d["type"]
        assert (r["quan_he_khac"].split("|") if r["quan_he_khac"] else []) == edge_types(d)[1:]
        assert int(r["so_lan_nhac"]) == d["mentions"]


def test_plans_csv(exported):
    c, _, files = exported
    table = rows(files["plans.csv"].content)
    assert list(table[0]) == [col[0] for col in PLAN_COLUMNS]
    assert [r["id"] for r in table] == sorted(c.plans)
    for r in table:
        p = c.plans[r["id"]]
        assert r["so_ky_hieu"] == (p.number or "")
        assert r["ngay_ban_hanh"] == (p.issued.iso if p.issued else "")
        assert (r["thuc_hien"].split("|") if r["thuc_hien"] else []) == p.implements
        assert (r["can_cu"].split("|") if r["can_cu"] else []) == p.legal_bases
        assert r["stub"] == ("true" if p.stub else "false")


@pytest.mark.parametrize(
    ("directory_urls", "plan_url"), [(True, "ke-hoach/{}/"), (False, "ke-hoach/{}.html")]
)
def test_page_urls_follow_the_sites_url_scheme(exported, directory_urls, plan_url):
    c, g, _ = exported
    scheme = urls.UrlScheme(directory_urls=directory_urls)
    files = {Path(f.path).name: f for f in graph_files(c, g, scheme)}
    plans = rows(files["plans.csv"].content)
    assert plans and all(r["duong_dan"] == plan_url.format(r["id"]) for r in plans)
    legal = rows(files["legal.csv"].content)
    assert legal and all(r["duong_dan"] == scheme.url_of(urls.legal_src(r["id"])) for r in legal)


def test_legal_csv_keeps_text_that_needs_quoting(exported):
    c, g, files = exported
    table = rows(files["legal.csv"].content)
    assert list(table[0]) == [col[0] for col in LEGAL_COLUMNS]
    assert [r["id"] for r in table] == sorted(c.legal)
    by_id = {r["id"]: r for r in table}
    assert by_id["3396-qd-ubnd-a"]["so_ky_hieu"] == c.legal["3396-qd-ubnd-a"].number
    assert int(by_id["61-2018-nd-cp"]["so_ke_hoach_can_cu"]) == sum(
        1
        for u in g.predecessors("61-2018-nd-cp")
        if "can_cu" in edge_types(g.edges[u, "61-2018-nd-cp"])
    )


def test_byte_identical_whatever_the_insertion_order():
    a = fixture_corpus()
    b = fixture_corpus()
    items = list(b.legal.items())
    random.Random(3).shuffle(items)
    b.legal = dict(items)
    fa = graph_files(a, build_graph(a))
    fb = graph_files(b, build_graph(b))
    assert [f.content for f in fa] == [f.content for f in fb]


def _graph(nodes: dict, edges: dict) -> nx.DiGraph:
    graph = nx.DiGraph()
    for node, attrs in nodes.items():
        graph.add_node(node, **attrs)
    for (u, v), attrs in edges.items():
        graph.add_edge(u, v, **attrs)
    return graph


# Graphs the streamed writers must print exactly as networkx does with the whole structure:
# empty, one node, mixed attribute types (a key per name and type), text with characters XML
# escapes and line breaks splitlines() knows, and the fixture corpus's export.
WRITTEN_GRAPHS = [
    ("empty", _graph({}, {})),
    ("one node", _graph({"a": {"kind": "plan"}}, {})),
    (
        "mixed types",
        _graph(
            {"a": {"x": 1, "y": "s", "b": True}, "b": {"x": "một", "y": 2.5}},
            {("a", "b"): {"w": 1, "t": "căn cứ"}, ("b", "a"): {"w": "nhiều"}},
        ),
    ),
    (
        "escaped text",
        _graph(
            {"a": {"s": "Về <b> & \"x\" 'y'\r\nhai\u2028ba\x1cbốn", "e": ""}, "b": {"s": " "}},
            {("a", "b"): {"s": "\n"}},
        ),
    ),
    ("fixture corpus", export_graph(build_graph(fixture_corpus()))),
]


class _Status(enum.StrEnum):
    DRAFT = "du_thao"


class _Level(enum.IntEnum):
    TWO = 2


# JSON holds what GraphML cannot: None, lists and mappings (laid out by json.dumps itself),
# subclasses of str and int, floats beside the types the exports hold.
JSON_GRAPHS = [
    *WRITTEN_GRAPHS,
    (
        "other values",
        _graph(
            {
                "a": {"n": None, "f": 0.1, "big": 10**30, "s": _Status.DRAFT, "l": _Level.TWO},
                "b": {"list": ["x", 1], "map": {"k": None}},
                "c": {},
            },
            {("a", "b"): {"n": None, "t": (1, "hai")}, ("b", "c"): {}},
        ),
    ),
]


@pytest.mark.parametrize("name,graph", JSON_GRAPHS, ids=[n for n, _ in JSON_GRAPHS])
def test_streamed_json_is_what_json_dumps_prints(name, graph):
    whole = nx.node_link_data(graph, edges="edges")
    expected = (json.dumps(whole, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode()
    assert graph_json(graph, graph) == expected


@pytest.mark.parametrize("name,graph", WRITTEN_GRAPHS, ids=[n for n, _ in WRITTEN_GRAPHS])
def test_streamed_graphml_is_what_networkx_prints(name, graph):
    expected = ("\n".join(nx.generate_graphml(graph)) + "\n").encode("utf-8")
    assert graph_graphml(graph, graph) == expected
