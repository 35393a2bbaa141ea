"""Per-page SVG: well-formed, every link resolves, deterministic, capped, escaped, small."""

from __future__ import annotations

import posixpath
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from graph_fixtures import corpus as fixture_corpus
from graph_fixtures import many_children

from cchc_kb.analysis.graph import build_graph, node_name
from cchc_kb.site import urls
from cchc_kb.site.graph_pages import graph_pages
from cchc_kb.site.graph_view import node_src
from cchc_kb.site.svg import (
    MAX_NODES,
    neighbourhood,
    neighbourhood_list_markdown,
    neighbourhood_svg,
)

SVG = "{http://www.w3.org/2000/svg}"
ROOT = Path(__file__).resolve().parents[1]


def resolve(from_src: str, href: str) -> str:
    """The directory URL a relative href from the page of ``from_src`` points to."""
    base = urls.url_of(from_src)
    joined = posixpath.normpath(posixpath.join(base, href.split("#")[0]))
    return "" if joined == "." else joined.rstrip("/") + "/"


def known_urls(corpus, graph) -> set[str]:
    """URLs of every page the site has for these records (document pages + graph pages)."""
    srcs = {node_src(n, a) for n, a in graph.nodes(data=True) if node_src(n, a)}
    srcs |= {p.src for p in graph_pages(corpus, graph)}
    return {urls.url_of(s) for s in srcs}


def svg_links(svg: str) -> list[str]:
    root = ET.fromstring(svg)
    return [a.get("href") for a in root.iter(f"{SVG}a")]


def page_src(graph, node) -> str:
    return node_src(node, graph.nodes[node])


@pytest.fixture(scope="module")
def big():
    c = many_children(40)
    return c, build_graph(c)


def test_every_svg_is_well_formed_and_its_links_resolve(big):
    c, g = big
    known = known_urls(c, g)
    for node, attrs in g.nodes(data=True):
        if not node_src(node, attrs):
            continue
        src = node_src(node, attrs)
        svg = neighbourhood_svg(g, node, src)
        root = ET.fromstring(svg)  # raises on malformed XML
        assert root.tag == f"{SVG}svg" and root.get("role") == "group"
        labelled = {e.get("id") for e in root.iter() if e.get("id")}
        assert set(root.get("aria-labelledby").split()) <= labelled
        links = svg_links(svg)
        assert links, node
        for href in links:
            assert resolve(src, href) in known, (node, href)


def test_nodes_are_focusable_links_with_labels(big):
    _, g = big
    root = ET.fromstring(neighbourhood_svg(g, "61-2018-nd-cp", "van-ban/61-2018-nd-cp.md"))
    anchors = list(root.iter(f"{SVG}a"))
    assert anchors
    for a in anchors:
        assert a.get("tabindex") == "0"
        assert a.get("aria-label")
        assert a.find(f"{SVG}title") is not None


def test_capped_with_more_link(big):
    c, g = big
    hood = neighbourhood(g, "61-2018-nd-cp")
    shown = 1 + len(hood.chain) + len(hood.up) + len(hood.down)
    assert shown <= MAX_NODES and hood.hidden == g.in_degree("61-2018-nd-cp") - len(hood.down)
    svg = neighbourhood_svg(g, "61-2018-nd-cp", "van-ban/61-2018-nd-cp.md")
    assert f"+{hood.hidden} văn bản khác" in svg
    # The amendments come before the many citing plans.
    assert [n for n, _ in hood.down[:2]] == ["118-2025-nd-cp", "107-2021-nd-cp"]
    full = next(p for p in graph_pages(c, g) if p.src == "do-thi/van-ban/61-2018-nd-cp.md")
    assert full.markdown.count("ke-hoach/ubnd-xa-a-2024-kh-") >= 40


def test_parent_chain_is_drawn(big):
    _, g = big
    hood = neighbourhood(g, "ubnd-xa-a-2024-kh-1")
    assert hood.chain == [
        "chinh-phu-2021-ctr",
        "ubnd-tinh-a-2022-kh-15",
        "ubnd-huyen-a-2023-kh-442",
    ]
    svg = neighbourhood_svg(g, "ubnd-xa-a-2024-kh-1", "ke-hoach/ubnd-xa-a-2024-kh-1.md")
    assert "Kế hoạch cấp trên" in svg and "442/KH-UBND" in svg


def test_deterministic():
    a, b = build_graph(fixture_corpus()), build_graph(fixture_corpus())
    for node in a:
        src = node_src(node, a.nodes[node]) or "index.md"
        assert neighbourhood_svg(a, node, src) == neighbourhood_svg(b, node, src)


# (scheme, pages the drawings are made for): one build's drawings share their boxes.
SHARED_BOXES = [
    (urls.DIRECTORY_URLS, ["ke-hoach/a.md", "ke-hoach/b.md", "van-ban/c.md", "index.md"]),
    (urls.UrlScheme(False), ["ke-hoach/a.md", "do-thi/van-ban/c.md"]),
]


@pytest.mark.parametrize(("scheme", "pages"), SHARED_BOXES)
def test_boxes_drawn_once_a_build_give_the_same_drawings(big, scheme, pages):
    """Boxes kept by everything they show: each drawing as drawn alone, whatever page it is
    for; and the boxes do repeat (else the keeping is hollow)."""
    _, graph = big
    drawn: dict = {}
    boxes = 0
    for node in sorted(graph):
        for src in pages:
            alone = neighbourhood_svg(graph, node, src, scheme=scheme)
            assert neighbourhood_svg(graph, node, src, scheme=scheme, drawn=drawn) == alone
            boxes += alone.count("<title>")
    assert len(drawn) < boxes / 2


def test_a_new_build_draws_a_changed_document_anew(big):
    """What is kept lives with one build's graph: a preview's rebuild, whose graph may have
    changed in place, starts with none."""
    _, graph = big
    node = next(n for n in sorted(graph) if graph.nodes[n].get("number"))
    first = neighbourhood_svg(graph, node, "index.md", drawn={})
    changed = graph.copy()
    changed.nodes[node]["number"] = "99/KH-MOI"
    again = neighbourhood_svg(changed, node, "index.md", drawn={})
    assert "99/KH-MOI" in again and "99/KH-MOI" not in first


def test_labels_are_escaped():
    g = build_graph(fixture_corpus())
    svg = neighbourhood_svg(g, "so-xay-dung-b-2026-tuyen-truyen", "ke-hoach/x.md")
    ET.fromstring(svg)
    assert "<b>" not in svg and "&lt;b&gt;" in svg


def test_text_alternative_lists_the_same_relations(big):
    _, g = big
    node = "ubnd-xa-a-2024-tuyen-truyen"
    src = page_src(g, node)
    svg = neighbourhood_svg(g, node, src)
    desc = ET.fromstring(svg).find(f"{SVG}desc").text
    listing = neighbourhood_list_markdown(g, node, src)
    hood = neighbourhood(g, node)
    for other, _ in hood.up + hood.down:
        label = node_name(g.nodes[other])
        assert label in desc
        assert label.split()[-1] in listing
    for line in listing.splitlines():
        for target in [p.split(")")[0] for p in line.split("](")[1:]]:
            assert target.endswith(".md")


def test_unknown_document_draws_nothing():
    g = build_graph(fixture_corpus())
    svg = neighbourhood_svg(g, "61-2018-nd-cp", "van-ban/61-2018-nd-cp.md")
    assert svg.startswith("<svg") and neighbourhood_svg(g, "khong-co", "x.md") == ""


def test_dark_scheme_and_legend():
    g = build_graph(fixture_corpus())
    svg = neighbourhood_svg(g, "ubnd-xa-a-2024-tuyen-truyen", "ke-hoach/x.md")
    assert "<style" not in svg and 'class="cchc-g"' in svg  # colours are the theme's CSS
    css = (Path(__file__).resolve().parents[1] / "cchc_kb/assets/cchc.css").read_text("utf-8")
    assert '[data-md-color-scheme="slate"] .cchc-g' in css and ".cchc-g .k-party" in css
    for legend in ("Kế hoạch", "Văn bản quy phạm pháp luật", "Chưa xác định được văn bản"):
        assert legend in svg


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    from cchc_kb.corpus import build_corpus
    from cchc_kb.synthetic import write_repository

    root = write_repository(tmp_path_factory.mktemp("syn"), plans=2000, seed=0)
    c = build_corpus(root)
    return c, build_graph(c)


def test_svg_size_on_a_2000_plan_corpus(synthetic):
    c, g = synthetic
    assert sum(1 for _, a in g.nodes(data=True) if a["kind"] == "plan") >= 2000
    most_cited = max((n for n, a in g.nodes(data=True) if a["kind"] == "legal"), key=g.in_degree)
    assert g.in_degree(most_cited) > 500  # the long tail: one decree cited by most plans
    sizes = {}
    for node, attrs in g.nodes(data=True):
        if attrs["kind"] in ("plan", "legal"):
            sizes[node] = len(neighbourhood_svg(g, node, node_src(node, attrs)).encode("utf-8"))
    assert max(sizes.values()) < 30_000, max(sizes.items(), key=lambda kv: kv[1])
    assert sizes[most_cited] < 30_000


def test_seed_61_2018_drawing_shows_citing_plans_and_amendment():
    if not (ROOT / "legal" / "61-2018-nd-cp.md").is_file():
        pytest.skip("seed content not in the repository yet")
    from cchc_kb.corpus import build_corpus

    c = build_corpus(ROOT)
    g = build_graph(c)
    src = urls.legal_src("61-2018-nd-cp")
    links = {resolve(src, h) for h in svg_links(neighbourhood_svg(g, "61-2018-nd-cp", src))}
    for target in (
        urls.plan_src("so-xay-dung-thai-binh-2022-tuyen-truyen-cchc"),
        urls.plan_src("so-xay-dung-dong-nai-2021-tuyen-truyen-cchc"),
        urls.legal_src("107-2021-nd-cp"),
    ):
        assert urls.url_of(target) in links
