"""The citation graph of the corpus and the analyses the data-quality report shows.

One ``networkx.DiGraph``: a node per plan (stub or not), per legal document and per cited
document that could not be resolved; an edge per ordered pair of documents, typed:

- ``thuc_hien``: plan → the parent plan it implements (``thuc_hien`` in the front-matter);
- ``can_cu``: plan → a legal basis named by its preamble (``can_cu``);
- ``sua_doi_bo_sung``, ``thay_the``, ``huong_dan``, ``bai_bo``, ``hop_nhat``: legal → legal,
  stored on the acting document (107/2021/NĐ-CP ``sua_doi_bo_sung`` 61/2018/NĐ-CP);
- ``dan_chieu``: any other citation in a body (weight = number of mentions).

A DiGraph holds one edge per pair, so the strongest relation wins (``EDGE_PRIORITY``) and the
others are kept in ``also``: a plan that implements its parent and names it in "Căn cứ …" has
one ``thuc_hien`` edge with ``also=["can_cu"]``. Every edge also counts its body mentions.

Validity questions (was a basis in force on the plan's date?) are asked of
``cchc_kb.analysis.validity``; nothing here re-derives them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import partial

import networkx as nx

from ..corpus import Corpus, unresolved_key
from ..model.collation import sort_key
from ..model.models import (
    PLAN_STATUSES,
    Citation,
    Diagnostic,
    Document,
    LegalDoc,
    PartialDate,
    Plan,
)
from .validity import ENDING_RELATIONS, history, judge, on_or_before

# Edge type -> Vietnamese label (the relation as the acting document states it).
EDGE_LABELS: dict[str, str] = {
    "thuc_hien": "thực hiện",
    "can_cu": "căn cứ",
    "sua_doi_bo_sung": "sửa đổi, bổ sung",
    "thay_the": "thay thế",
    "huong_dan": "hướng dẫn",
    "bai_bo": "bãi bỏ",
    "hop_nhat": "hợp nhất",
    "dan_chieu": "dẫn chiếu",
}
# When one pair carries several relations, the first in this order names the edge.
EDGE_PRIORITY = tuple(EDGE_LABELS)
# Structural relations: a cycle among these is an error (a document cannot, through a chain
# of implementations, bases or amendments, rest on itself). Mentions may legitimately loop.
STRUCTURAL = frozenset(EDGE_PRIORITY) - {"dan_chieu"}

UNRESOLVED_PREFIX = "chua-xac-dinh:"


@dataclass(frozen=True)
class Finding:
    """One result of an analysis, shaped like a ``Diagnostic`` plus the documents it is about."""

    code: str
    severity: str  # "error", "warning" or "info"
    message: str
    path: str = ""
    line: int = 0
    doc_id: str | None = None  # the document the finding is about (node id)
    related: tuple[str, ...] = ()  # other node ids it names, in message order

    def diagnostic(self) -> Diagnostic:
        severity = "error" if self.severity == "error" else "warning"
        return Diagnostic(self.path, self.line, severity, self.code, self.message)

    def format(self) -> str:
        return self.diagnostic().format()


@dataclass
class _EdgeAcc:
    types: set[str] = field(default_factory=set)
    mentions: int = 0
    lines: list[int] = field(default_factory=list)


def unresolved_node(key: str) -> str:
    return UNRESOLVED_PREFIX + key


def node_name(attrs: dict) -> str:
    """How a node's document is named in messages: type and number, else what is known."""
    if attrs.get("number"):
        return f"{attrs.get('type') or 'Văn bản'} {attrs['number']}".strip()
    if attrs.get("name"):
        return attrs["name"]
    year = attrs.get("year")
    return (
        f"{attrs.get('type') or 'Văn bản'} (chưa ghi số" + (f", năm {year}" if year else "") + ")"
    )


def _doc_attrs(corpus: Corpus, doc: Document, kind: str, as_of: PartialDate | None) -> dict:
    agency = corpus.agencies.get(doc.issuer)
    if isinstance(doc, Plan):
        status = PLAN_STATUSES.get(doc.status, doc.status)
        year = doc.year or (doc.issued.year if doc.issued else None)
    else:
        assert isinstance(doc, LegalDoc)
        verdict = judge(corpus, doc.id, as_of) if as_of else None
        if verdict is not None:
            status = verdict.status
        else:
            status = doc.validity.status if doc.validity else "Chưa rõ"
        year = doc.issued.year if doc.issued else None
    return {
        "kind": kind,
        "type": doc.doc_type,
        "number": doc.number or "",
        "agency": doc.issuer,
        "agency_name": agency.name if agency else doc.issuer,
        "province": (agency.province or "") if agency else "",
        "level": agency.level if agency else "",
        "date": doc.issued.iso if doc.issued else "",
        "year": year,
        "status": status,
        "stub": bool(getattr(doc, "stub", False)),
        "summary": " ".join((doc.summary or "").split()),
        "path": doc.path,
        "parent": corpus.first_parent(doc.id) if kind == "plan" else None,
    }


def _unresolved_attrs(corpus: Corpus, key: str, citation: Citation) -> dict:
    issuer = citation.issuer if citation.issuer in corpus.agencies else ""
    agency = corpus.agencies.get(issuer) if issuer else None
    date = citation.date
    return {
        "kind": "unresolved",
        "type": citation.type or "",
        "number": citation.number or "",
        "agency": issuer,
        "agency_name": agency.name if agency else (citation.issuer_text or citation.issuer or ""),
        "province": (agency.province or "") if agency else "",
        "level": agency.level if agency else "",
        "date": date.iso if date else "",
        "year": date.year if date else None,
        "status": "Chưa xác định",
        "stub": True,
        "name": citation.name or " ".join(citation.text.split()),
        "summary": "",
        "path": "",
        "key": key,
    }


def _citing_documents(corpus: Corpus) -> list[Document]:
    return [
        *(corpus.plans[k] for k in sorted(corpus.plans)),
        *(corpus.legal[k] for k in sorted(corpus.legal)),
    ]


def build_graph(corpus: Corpus, as_of: PartialDate | None = None) -> nx.DiGraph:
    """The citation graph; nodes and edges inserted in sorted order, so output is stable.

    With ``as_of``, a legal node's ``status`` is its validity on that date (``validity.judge``);
    without, the status last recorded in its file.
    """
    graph = nx.DiGraph()
    for plan_id in sorted(corpus.plans):
        graph.add_node(plan_id, **_doc_attrs(corpus, corpus.plans[plan_id], "plan", as_of))
    for doc_id in sorted(corpus.legal):
        if doc_id in graph:  # the loader refuses duplicate ids; a hand-built corpus might not
            continue
        graph.add_node(doc_id, **_doc_attrs(corpus, corpus.legal[doc_id], "legal", as_of))
    acc: dict[tuple[str, str], _EdgeAcc] = defaultdict(_EdgeAcc)
    for doc in _citing_documents(corpus):
        _accumulate(graph, corpus, doc, acc)
    _add_edges(graph, acc)
    return graph


def update_graph(
    graph: nx.DiGraph, corpus: Corpus, plan_ids: set[str], as_of: PartialDate | None = None
) -> None:
    """Bring ``graph``, built for the corpus before an edit, to ``build_graph(corpus, as_of)``
    after an edit of the plans ``plan_ids`` alone that left the registry as it was: no document
    added, removed or renumbered, no legal record or agency changed, so every other plan's
    citations and every other node's attributes are what they were (the preview's rebuilds).
    Node and edge order may differ from a full build's; nothing reads the graph in that order.
    """
    loose: set[str] = set()  # unresolved nodes the plans pointed to or point to now
    for plan_id in plan_ids:
        targets = list(graph.successors(plan_id))
        loose.update(t for t in targets if graph.nodes[t]["kind"] == "unresolved")
        graph.remove_edges_from([(plan_id, t) for t in targets])
        attrs = graph.nodes[plan_id]
        attrs.clear()
        attrs.update(_doc_attrs(corpus, corpus.plans[plan_id], "plan", as_of))
    acc: dict[tuple[str, str], _EdgeAcc] = defaultdict(_EdgeAcc)
    for plan_id in sorted(plan_ids):
        loose |= _accumulate(graph, corpus, corpus.plans[plan_id], acc)
    _add_edges(graph, acc)
    for node in sorted(loose):
        # A full build names an unresolved node after its first citing document.
        citing = sorted(graph.predecessors(node), key=lambda n: (n not in corpus.plans, n))
        if not citing:
            graph.remove_node(node)
            continue
        first = corpus.document(citing[0])
        assert first is not None
        attrs = graph.nodes[node]
        attrs.clear()
        attrs.update(
            next(made() for target, _, _, made in _links(graph, corpus, first) if target == node)
        )


# A document's link to a node: (target node, relation or None for a mention in the body, line,
# the target's attributes when it is no document of the corpus, else None).
_Link = tuple[str, str | None, int, Callable[[], dict] | None]


def _links(graph: nx.DiGraph, corpus: Corpus, doc: Document) -> Iterator[_Link]:
    """What ``doc`` points to, in the order a build meets it."""

    if isinstance(doc, Plan):
        named = [("thuc_hien", doc.implements), ("can_cu", doc.legal_bases)]
    else:
        named = [(relation, doc.relations[relation]) for relation in sorted(doc.relations)]
    for relation, refs in named:
        for ref in refs:
            if ref in graph:
                yield ref, relation, doc.line_of(relation), None
            else:
                # Front-matter references to ids outside the registry (a hand-built corpus;
                # the loader removes them) still show, as unresolved nodes named after the id.
                missing = partial(_missing_attrs, ref)
                yield unresolved_node(ref), relation, doc.line_of(relation), missing
    for citation in getattr(doc, "citations", []) or []:
        line = doc.body_line + doc.body.count("\n", 0, citation.span[0])
        if citation.id and citation.id in graph and not citation.id.startswith(UNRESOLVED_PREFIX):
            if citation.id != doc.id:
                yield citation.id, None, line, None
        elif isinstance(doc, Plan):  # unknown documents get pages from plan citations
            key = unresolved_key(citation)
            yield (
                unresolved_node(key),
                None,
                line,
                partial(_unresolved_attrs, corpus, key, citation),
            )


def _accumulate(
    graph: nx.DiGraph, corpus: Corpus, doc: Document, acc: dict[tuple[str, str], _EdgeAcc]
) -> set[str]:
    """Add ``doc``'s links to ``acc`` and the nodes of documents not in the corpus to
    ``graph``; returns those nodes."""
    made: set[str] = set()
    for target, relation, line, attrs in _links(graph, corpus, doc):
        if attrs is not None:
            made.add(target)
            if target not in graph:
                graph.add_node(target, **attrs())
        a = acc[(doc.id, target)]
        if relation is not None:
            a.types.add(relation)
        else:
            a.mentions += 1
            if not a.types & {"thuc_hien", "can_cu"}:
                a.types.add("dan_chieu")
        a.lines.append(line)
    return made


def _add_edges(graph: nx.DiGraph, acc: dict[tuple[str, str], _EdgeAcc]) -> None:
    edges = []
    for (source, target), a in sorted(acc.items()):
        types = [t for t in EDGE_PRIORITY if t in a.types]
        if len(types) > 1 and "dan_chieu" in types:
            types.remove("dan_chieu")  # a mention of a basis is not a second relation
        main = types[0]
        edges.append(
            (
                source,
                target,
                {
                    "type": main,
                    "also": types[1:],
                    "mentions": a.mentions,
                    "weight": a.mentions if main == "dan_chieu" else 1,
                    "line": min(a.lines) if a.lines else 0,
                },
            )
        )
    graph.add_edges_from(edges)  # at once: add_edge clears networkx's caches at each call


def _missing_attrs(ref: str) -> dict:
    return {
        "kind": "unresolved",
        "type": "",
        "number": "",
        "agency": "",
        "agency_name": "",
        "province": "",
        "level": "",
        "date": "",
        "year": None,
        "status": "Không có trong danh mục",
        "stub": True,
        "name": ref,
        "summary": "",
        "path": "",
        "key": ref,
        "missing": True,  # a front-matter id with no record: reported, no page
    }


def edge_types(data: dict) -> list[str]:
    """All relation types an edge carries, the main one first."""
    return [data["type"], *data.get("also", [])]


# ---------------------------------------------------------------------------------------------
# Ranking


def pagerank(graph: nx.DiGraph, alpha: float = 0.85, tol: float = 1e-10) -> dict[str, float]:
    """PageRank by power iteration in pure Python (networkx's default needs SciPy).

    Nodes are visited in sorted order and dangling mass is spread uniformly, so the result is
    the textbook one and is the same on every run.
    """
    nodes = sorted(graph)
    n = len(nodes)
    if n == 0:
        return {}
    out_w = {
        u: sum(d.get("weight", 1) or 1 for _, _, d in graph.out_edges(u, data=True)) for u in nodes
    }
    rank = dict.fromkeys(nodes, 1.0 / n)
    for _ in range(200):
        dangling = alpha * sum(rank[u] for u in nodes if out_w[u] == 0) / n
        new = dict.fromkeys(nodes, (1.0 - alpha) / n + dangling)
        for u in nodes:
            if out_w[u] == 0:
                continue
            share = alpha * rank[u] / out_w[u]
            for _, v, d in graph.out_edges(u, data=True):
                new[v] += share * (d.get("weight", 1) or 1)
        err = sum(abs(new[u] - rank[u]) for u in nodes)
        rank = new
        if err < n * tol:
            break
    return rank


@dataclass
class Ranked:
    node: str
    citing: int  # distinct documents with an edge to it
    as_basis: int  # plans naming it as căn cứ
    mentioned: int  # documents citing it in the body only (dẫn chiếu)
    pagerank: float
    by_year: dict[int, int]  # citing plans per plan year


def ranking(graph: nx.DiGraph) -> list[Ranked]:
    """Legal documents by the number of documents citing them, then PageRank, then label."""
    pr = pagerank(graph)
    out = []
    for node, attrs in graph.nodes(data=True):
        if attrs["kind"] != "legal":
            continue
        as_basis = mentioned = 0
        by_year: dict[int, int] = defaultdict(int)
        for source, _, data in graph.in_edges(node, data=True):
            types = edge_types(data)
            if "can_cu" in types:
                as_basis += 1
            elif data["type"] == "dan_chieu":
                mentioned += 1
            year = graph.nodes[source].get("year")
            if graph.nodes[source]["kind"] == "plan" and year:
                by_year[int(year)] += 1
        citing = graph.in_degree(node)
        if citing == 0:
            continue
        out.append(
            Ranked(node, citing, as_basis, mentioned, pr[node], dict(sorted(by_year.items())))
        )
    out.sort(
        key=lambda r: (-r.citing, -r.pagerank, sort_key(node_name(graph.nodes[r.node])), r.node)
    )
    return out


# ---------------------------------------------------------------------------------------------
# Analyses


def analyses(
    corpus: Corpus, graph: nx.DiGraph | None = None, *, reported_only: bool = False
) -> list[Finding]:
    """Every finding of the graph analyses, in report order. ``reported_only``: leave out the
    analyses whose findings are all "info" (amendment chains), which only pages show."""
    graph = graph if graph is not None else build_graph(corpus)
    return [
        *find_cycles(corpus, graph),
        *find_unresolved(corpus, graph),
        *find_anachronisms(corpus, graph),
        *find_bases_not_in_force(corpus, graph),
        *([] if reported_only else find_amendment_chains(corpus, graph)),
    ]


def _name(graph: nx.DiGraph, node: str) -> str:
    return node_name(graph.nodes[node]) if node in graph else node


def _where(graph: nx.DiGraph, node: str) -> str:
    return graph.nodes[node].get("path", "") if node in graph else ""


def find_cycles(corpus: Corpus, graph: nx.DiGraph) -> list[Finding]:
    """Cycles of structural relations, one finding per strongly connected group.

    Strongly connected components are linear in the graph size; listing every simple cycle
    is not (it can be exponential), and one example cycle per group is what a maintainer needs
    to break it.
    """
    # A node with no structural edge is in no cycle: only the edges are taken.
    structural = nx.DiGraph(
        (u, v) for u, v, d in graph.edges(data=True) if not STRUCTURAL.isdisjoint(edge_types(d))
    )
    findings = []
    groups = [sorted(c) for c in nx.strongly_connected_components(structural)]
    for group in sorted(groups):
        if len(group) == 1 and not structural.has_edge(group[0], group[0]):
            continue
        start = group[0]
        cycle = nx.find_cycle(structural.subgraph(group), source=start)
        nodes = [u for u, _ in cycle]
        steps = []
        for u, v in cycle:
            steps.append(f"{_name(graph, u)} —{EDGE_LABELS[graph.edges[u, v]['type']]}→")
        text = " ".join(steps) + f" {_name(graph, nodes[0])}"
        findings.append(
            Finding(
                "graph-cycle",
                "error",
                f"vòng trích dẫn: {text}",
                _where(graph, start),
                graph.edges[cycle[0]].get("line", 0) or 1,
                start,
                tuple(nodes[1:]),
            )
        )
    return findings


def find_unresolved(corpus: Corpus, graph: nx.DiGraph) -> list[Finding]:
    """Cited documents not in the registry, and registry records known only from citations."""
    findings = []
    reported = [
        n for n, attrs in graph.nodes(data=True) if attrs["kind"] == "unresolved" or attrs["stub"]
    ]
    for node in sorted(reported, key=lambda n: (sort_key(node_name(graph.nodes[n])), n)):
        attrs = graph.nodes[node]
        citing = sorted(graph.predecessors(node))
        if attrs["kind"] == "unresolved":
            names = ", ".join(_name(graph, c) for c in citing[:5])
            more = f" và {len(citing) - 5} văn bản khác" if len(citing) > 5 else ""
            first = citing[0] if citing else None
            findings.append(
                Finding(
                    "cited-not-in-registry",
                    "warning",
                    f"«{node_name(attrs)}» được dẫn bởi {len(citing)} văn bản ({names}{more}) "
                    "nhưng chưa có trong danh mục văn bản",
                    _where(graph, first) if first else "",
                    graph.edges[first, node].get("line", 0) if first else 0,
                    node,
                    tuple(citing),
                )
            )
        elif attrs["stub"]:
            findings.append(
                Finding(
                    "stub-record",
                    "info",
                    f"{node_name(attrs)}: chỉ biết qua trích dẫn (bản ghi sơ lược), "
                    f"được dẫn bởi {len(citing)} văn bản",
                    attrs["path"],
                    1,
                    node,
                    tuple(citing),
                )
            )
    return findings


def _cited_dates(doc: Document) -> dict[str, PartialDate]:
    """The date the citing text gives for each document it cites: its first citation's that
    has one."""
    out: dict[str, PartialDate] = {}
    for citation in getattr(doc, "citations", []) or []:
        # A known misquote's date is the text's slip, not the date of the document it means.
        misquoted = citation.correction and citation.correction.code == "misquoted-citation"
        date = citation.correction.date if misquoted else citation.date
        if citation.id is not None and date is not None:
            out.setdefault(citation.id, date)
    return out


def find_anachronisms(corpus: Corpus, graph: nx.DiGraph) -> list[Finding]:
    """Documents citing something dated after themselves.

    Two dates can say so: the one the citing text writes next to the citation ("ngày
    16/8/2024"), and the registry's own date. Both are compared; the finding says which.
    Partial dates that cannot be ordered (2025-01 vs 2025-01-15) are not reported.
    """
    findings = []
    dates_of: tuple[str, dict[str, PartialDate]] = ("", {})  # the edges come source by source
    for source, target, data in sorted(graph.edges(data=True), key=lambda e: (e[0], e[1])):
        doc = corpus.document(source)
        if doc is None or doc.issued is None:
            continue
        mine = doc.issued
        if dates_of[0] != source:
            dates_of = (source, _cited_dates(doc))
        said = dates_of[1].get(target)
        record = corpus.document(target)
        registry = record.issued if record else None
        late_text = said is not None and on_or_before(said, mine) is False
        late_registry = registry is not None and on_or_before(registry, mine) is False
        if not (late_text or late_registry):
            continue
        reasons = []
        if late_text:
            reasons.append(f"văn bản dẫn ghi {said.vietnamese()}")
        if late_registry:
            reasons.append(f"danh mục ghi {registry.vietnamese()}")
        if late_text and late_registry:
            which = "theo cả ngày văn bản dẫn ghi và ngày trong danh mục"
        elif late_text:
            which = "theo ngày văn bản dẫn ghi"
            if registry:
                reasons.append(f"danh mục ghi {registry.vietnamese()}")
        else:
            which = "theo ngày trong danh mục"
            if said:
                reasons.append(f"văn bản dẫn ghi {said.vietnamese()}")
        findings.append(
            Finding(
                "cited-after-document",
                "warning",
                f"{_name(graph, source)} ({mine.vietnamese()}) {EDGE_LABELS[data['type']]} "
                f"{_name(graph, target)}, văn bản có ngày sau văn bản dẫn {which} "
                f"({'; '.join(reasons)})",
                doc.path,
                data.get("line", 0) or 1,
                source,
                (target,),
            )
        )
    return findings


def find_bases_not_in_force(corpus: Corpus, graph: nx.DiGraph) -> list[Finding]:
    """Legal bases (căn cứ) that were not in force on the plan's own date."""
    findings = []
    for plan_id in sorted(corpus.plans):
        plan = corpus.plans[plan_id]
        if plan.issued is None or plan_id not in graph:
            continue
        for target in sorted(graph.successors(plan_id)):
            data = graph.edges[plan_id, target]
            if "can_cu" not in edge_types(data) or target not in corpus.legal:
                continue
            verdict = judge(corpus, target, plan.issued)
            if verdict is None or verdict.in_force is not False:
                continue
            checked = "" if verdict.checked else " (thông tin chưa được đối chiếu văn bản gốc)"
            findings.append(
                Finding(
                    "basis-not-in-force",
                    "warning",
                    f"{_name(graph, plan_id)} căn cứ {_name(graph, target)}, văn bản "
                    f"{verdict.status.lower()} vào ngày của kế hoạch ({plan.issued.vietnamese()})"
                    f": {verdict.reason}{checked}",
                    plan.path,
                    data.get("line", 0) or plan.line_of("can_cu"),
                    plan_id,
                    (target, *(c.by for c in verdict.changed_by)),
                )
            )
    return findings


def amendment_chain(corpus: Corpus, doc_id: str, depth: int = 6) -> list[tuple[str, object]]:
    """What changed ``doc_id``, then what changed those, …: (changed id, validity.Change).

    Breadth-first, each acting document once: 118/2025 replacing both 61/2018 and its
    amendment 107/2021 is told once, at 61/2018.
    """
    out: list[tuple[str, object]] = []
    seen = {doc_id}
    frontier = [doc_id]
    for _ in range(depth):
        following = []
        for node in frontier:
            for change in history(corpus, node):
                if change.by in seen:
                    continue
                seen.add(change.by)
                out.append((node, change))
                following.append(change.by)
        frontier = following
    return out


def find_amendment_chains(corpus: Corpus, graph: nx.DiGraph) -> list[Finding]:
    """For every legal document that plans cite: what amended or replaced it, and when."""
    findings = []
    cited = sorted(
        {
            v
            for u, v in graph.edges
            if graph.nodes[u]["kind"] == "plan" and graph.nodes[v]["kind"] == "legal"
        },
        key=lambda n: (sort_key(node_name(graph.nodes[n])), n),
    )
    for doc_id in cited:
        chain = amendment_chain(corpus, doc_id)
        if not chain:
            continue
        steps = []
        for changed, change in chain:
            when = (
                f" từ {change.effective.vietnamese()}" if change.effective else " (không rõ ngày)"
            )
            mark = "" if change.checked else " [chưa đối chiếu]"
            who = "" if changed == doc_id else f"{_name(graph, changed)} "
            steps.append(f"{who}{change.label.lower()} {_name(graph, change.by)}{when}{mark}")
        ended = any(c == doc_id and ch.relation in ENDING_RELATIONS for c, ch in chain)
        related = [change.by for _, change in chain]
        plans = sorted(u for u in graph.predecessors(doc_id) if graph.nodes[u]["kind"] == "plan")
        findings.append(
            Finding(
                "amendment-chain",
                "info",
                f"{_name(graph, doc_id)} "
                + "; ".join(steps)
                + f". Được {len(plans)} kế hoạch dẫn"
                + ("; văn bản đã bị thay thế hoặc bãi bỏ" if ended else ""),
                graph.nodes[doc_id]["path"],
                1,
                doc_id,
                tuple(dict.fromkeys(related)),
            )
        )
    return findings
