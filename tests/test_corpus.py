"""The corpus's lookups: each computed once, each with one rule the pages and drawings share."""

from __future__ import annotations

from graph_fixtures import corpus as fixture_corpus

from cchc_kb.analysis.graph import build_graph, node_name
from cchc_kb.model.collation import sort_key
from cchc_kb.site.svg import parent_chain as drawn_chain


def _ids(plans) -> list[str]:
    return [p.id for p in plans]


def test_based_on_and_referenced_by_on_the_seeds(real_corpus):
    """Against a scan per document, the rule as the pages state it."""
    c = real_corpus
    for doc in c.documents():
        based = [p.id for p in c.plans.values() if doc.id in p.legal_bases]
        cited = [
            p.id
            for p in c.plans.values()
            if p.id != doc.id
            and doc.id not in p.legal_bases
            and any(cit.id == doc.id for cit in p.citations)
        ]
        assert _ids(c.based_on(doc.id)) == based, doc.id
        assert _ids(c.referenced_by(doc.id)) == cited, doc.id
    assert any(c.referenced_by(d.id) for d in c.documents())
    assert any(c.based_on(d.id) for d in c.documents())


def test_referenced_by_rules():
    c = fixture_corpus()
    for doc in c.documents():
        citing = c.referenced_by(doc.id)
        assert len(citing) == len({p.id for p in citing}), doc.id  # each plan once
        for plan in citing:
            assert plan.id != doc.id and doc.id not in plan.legal_bases
            assert any(cit.id == doc.id for cit in plan.citations)
    assert any(c.referenced_by(d.id) for d in c.documents())  # the fixture exercises the rule


def test_one_parent_rule_for_pages_and_drawings():
    c = fixture_corpus()
    # A plan implementing two parents: the first as written is the one followed.
    child = next(p for p in c.plans.values() if p.implements)
    graph = build_graph(c)
    first = child.implements[0]
    other = min(
        (p for p in c.plans if p not in (child.id, first)),
        key=lambda p: sort_key(node_name(graph.nodes[p])),
    )
    # the second parent sorts first by name: a rule "first by label" would take it
    assert sort_key(node_name(graph.nodes[other])) < sort_key(node_name(graph.nodes[first]))
    child.implements = [first, other]
    graph = build_graph(c)
    for plan in c.plans.values():
        assert drawn_chain(graph, plan.id) == _ids(c.parent_chain(plan.id)), plan.id
    assert c.first_parent(child.id) == child.implements[0]
