"""The citation graph and its analyses, on a hand-built corpus with planted faults and on the seeds."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from graph_fixtures import D
from graph_fixtures import corpus as fixture_corpus

from cchc_kb.analysis.graph import (
    EDGE_LABELS,
    UNRESOLVED_PREFIX,
    analyses,
    build_graph,
    find_amendment_chains,
    find_anachronisms,
    find_bases_not_in_force,
    find_cycles,
    find_unresolved,
    node_name,
    pagerank,
    ranking,
)
from cchc_kb.site.graph_view import edge_label, node_category, node_src

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def built():
    c = fixture_corpus()
    return c, build_graph(c)


@pytest.mark.parametrize(
    ("source", "target", "etype", "also", "mentions"),
    [
        # implements and names the parent in "Căn cứ": one edge, both relations
        ("so-noi-vu-a-2022-tuyen-truyen", "ubnd-tinh-a-2022-kh-15", "thuc_hien", ["can_cu"], 1),
        ("so-noi-vu-a-2022-tuyen-truyen", "61-2018-nd-cp", "can_cu", [], 1),
        ("so-noi-vu-a-2022-tuyen-truyen", "107-2021-nd-cp", "dan_chieu", [], 1),
        ("ubnd-xa-a-2024-tuyen-truyen", "61-2018-nd-cp", "dan_chieu", [], 2),
        ("ubnd-xa-a-2024-tuyen-truyen", "ubnd-huyen-a-2023-kh-442", "thuc_hien", [], 1),
        ("107-2021-nd-cp", "61-2018-nd-cp", "sua_doi_bo_sung", [], 0),
        ("118-2025-nd-cp", "61-2018-nd-cp", "thay_the", [], 0),
        ("so-xay-dung-b-2026-tuyen-truyen", "61-2018-nd-cp", "can_cu", [], 0),
    ],
)
def test_typed_edges(built, source, target, etype, also, mentions):
    _, g = built
    data = g.edges[source, target]
    assert data["type"] == etype
    assert edge_label(data) == EDGE_LABELS[etype]
    assert data["also"] == also
    assert data["mentions"] == mentions
    assert data["weight"] == (mentions if etype == "dan_chieu" else 1)


def test_every_record_is_a_node_with_its_attributes(built):
    c, g = built
    assert set(c.plans) | set(c.legal) <= set(g)
    for plan_id, plan in c.plans.items():
        a = g.nodes[plan_id]
        assert (a["kind"], a["agency"], a["stub"]) == ("plan", plan.issuer, plan.stub)
        assert a["date"] == (plan.issued.iso if plan.issued else "")
    a = g.nodes["61-2018-nd-cp"]
    assert (a["kind"], a["type"], a["number"], a["date"], a["year"]) == (
        "legal",
        "Nghị định",
        "61/2018/NĐ-CP",
        "2018-04-23",
        2018,
    )
    assert node_name(a) == "Nghị định 61/2018/NĐ-CP"
    assert node_category(a) == "normative"
    assert node_category(g.nodes["52-nq-tw-2019"]) == "party"


def test_nodes_carry_domain_attributes_only(built):
    """No page, display label or colour on the graph: the site derives them."""
    _, g = built
    for _, attrs in g.nodes(data=True):
        assert not {"src", "label", "category"} & attrs.keys()
    for _, _, attrs in g.edges(data=True):
        assert "label" not in attrs


def test_unresolved_citation_is_a_stub_node(built):
    _, g = built
    stubs = [n for n, a in g.nodes(data=True) if a["kind"] == "unresolved"]
    assert len(stubs) == 1 and stubs[0].startswith(UNRESOLVED_PREFIX)
    a = g.nodes[stubs[0]]
    assert a["stub"] is True and a["number"] == "3396/QĐ-UBND"
    assert node_src(stubs[0], a).startswith("van-ban/chua-xac-dinh/")
    assert list(g.predecessors(stubs[0])) == ["ubnd-xa-a-2024-tuyen-truyen"]


def test_same_graph_whatever_the_insertion_order():
    a = fixture_corpus()
    b = fixture_corpus()
    items = list(b.plans.items())
    random.Random(1).shuffle(items)
    b.plans = dict(items)
    ga, gb = build_graph(a), build_graph(b)
    assert list(ga.nodes(data=True)) == list(gb.nodes(data=True))
    assert list(ga.edges(data=True)) == list(gb.edges(data=True))


def test_planted_cycles_are_errors(built):
    c, g = built
    found = find_cycles(c, g)
    groups = {frozenset((f.doc_id, *f.related)) for f in found}
    assert groups == {
        frozenset({"1-2020-qd-ubnd-a", "2-2020-qd-ubnd-a"}),
        frozenset({"ubnd-tinh-b-2023-a", "ubnd-tinh-b-2023-b"}),
    }
    assert all(f.severity == "error" and f.path for f in found)


def test_mentions_do_not_make_cycles(built):
    c, g = built
    g = g.copy()
    g.add_edge("61-2018-nd-cp", "so-noi-vu-a-2022-tuyen-truyen", type="dan_chieu", also=[])
    assert len(find_cycles(c, g)) == 2


def test_planted_anachronism_says_which_date(built):
    c, g = built
    found = {(f.doc_id, f.related[0]): f for f in find_anachronisms(c, g)}
    f = found[("ubnd-xa-a-2024-tuyen-truyen", "61-2024-nd-cp")]
    assert D("2024-08-16").vietnamese() in f.message  # as the citing text writes it
    assert D("2024-06-06").vietnamese() in f.message  # as the registry records it
    assert "cả ngày văn bản dẫn ghi và ngày trong danh mục" in f.message
    assert f.path.endswith("ubnd-xa-a-2024-tuyen-truyen.md") and f.line == 21
    # A basis dated before its plan is not reported.
    assert ("so-noi-vu-a-2022-tuyen-truyen", "61-2018-nd-cp") not in found


def test_only_the_registry_date_can_be_late():
    c = fixture_corpus()
    c.legal["61-2024-nd-cp"].issued = None
    c.plans["ubnd-xa-a-2024-tuyen-truyen"].citations[1].date = None
    g = build_graph(c)
    assert not [f for f in find_anachronisms(c, g) if f.related == ("61-2024-nd-cp",)]
    c.legal["61-2024-nd-cp"].issued = D("2024-06-06")
    f = [f for f in find_anachronisms(c, g) if f.related == ("61-2024-nd-cp",)]
    assert len(f) == 1 and "theo ngày trong danh mục" in f[0].message


def test_basis_not_in_force_on_the_plan_date(built):
    c, g = built
    found = find_bases_not_in_force(c, g)
    assert [(f.doc_id, f.related[0]) for f in found] == [
        ("so-xay-dung-b-2026-tuyen-truyen", "61-2018-nd-cp")
    ]
    assert "118/2025/NĐ-CP" in found[0].message
    assert "118-2025-nd-cp" in found[0].related


def test_amendment_chain_resolved(built):
    c, g = built
    chains = {f.doc_id: f for f in find_amendment_chains(c, g)}
    f = chains["61-2018-nd-cp"]
    assert f.related == ("107-2021-nd-cp", "118-2025-nd-cp")  # each acting document once
    assert (
        f"sửa đổi, bổ sung bởi Nghị định 107/2021/NĐ-CP từ {D('2022-02-01').vietnamese()}"
        in f.message
    )
    assert f"thay thế bởi Nghị định 118/2025/NĐ-CP từ {D('2025-07-01').vietnamese()}" in f.message


def test_unresolved_and_stub_findings(built):
    c, g = built
    found = find_unresolved(c, g)
    codes = {(f.code, f.doc_id) for f in found}
    assert ("stub-record", "ubnd-tinh-a-2022-kh-15") in codes
    unresolved = [f for f in found if f.code == "cited-not-in-registry"]
    assert len(unresolved) == 1 and "3396/QĐ-UBND" in unresolved[0].message
    assert unresolved[0].line == 24  # the body line of the citation


def test_every_finding_formats_as_a_diagnostic(built):
    c, g = built
    for f in analyses(c, g):
        line = f.format()
        assert f": {f.code}: " in line and line.split(":")[0] == f.path


def test_pagerank_matches_networkx_reference(built):
    nx_pr = pytest.importorskip("networkx.algorithms.link_analysis.pagerank_alg")
    _, g = built
    ours = pagerank(g)
    reference = nx_pr._pagerank_python(g, weight="weight", tol=1e-12, max_iter=500)
    assert ours.keys() == reference.keys()
    assert max(abs(ours[n] - reference[n]) for n in ours) < 1e-6


def test_ranking_counts(built):
    _, g = built
    top = ranking(g)[0]
    assert top.node == "61-2018-nd-cp"
    assert (top.citing, top.as_basis, top.mentioned) == (5, 2, 1)
    assert top.by_year == {2022: 1, 2024: 1, 2026: 1}


# ---------------------------------------------------------------------------------------------
# The seeds


@pytest.fixture(scope="module")
def seeds():
    if not (ROOT / "legal" / "61-2018-nd-cp.md").is_file():
        pytest.skip("seed content not in the repository yet")
    from cchc_kb.corpus import build_corpus

    c = build_corpus(ROOT)
    return c, build_graph(c)


def test_seed_61_2018_neighbours(seeds):
    _, g = seeds
    citing = set(g.predecessors("61-2018-nd-cp"))
    assert {
        "so-xay-dung-thai-binh-2022-tuyen-truyen-cchc",
        "so-xay-dung-dong-nai-2021-tuyen-truyen-cchc",
        "107-2021-nd-cp",
    } <= citing
    assert g.edges["107-2021-nd-cp", "61-2018-nd-cp"]["type"] == "sua_doi_bo_sung"


def test_seed_002_misquote_of_61_2023_is_not_after_the_plan(seeds):
    # "61/2024/NĐ-CP ngày 16/8/2024" is a known misquote of 61/2023/NĐ-CP of 16/8/2023, which
    # predates the plan (02/01/2024): the citation resolves to it and nothing is late.
    c, g = seeds
    assert g.has_edge("ubnd-xa-tien-tien-2024-tuyen-truyen-cchc", "61-2023-nd-cp")
    found = [
        f for f in find_anachronisms(c, g) if f.doc_id == "ubnd-xa-tien-tien-2024-tuyen-truyen-cchc"
    ]
    assert found == []


def test_seed_graph_has_no_cycle(seeds):
    c, g = seeds
    assert find_cycles(c, g) == []
