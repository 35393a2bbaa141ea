"""The corpus: every record of a repository, its resolved citations, and every lookup, once.

``build_corpus(root)`` is the pipeline's middle: read the repository (``source``), find and
resolve the citations of every plan body (``cite``), then index. Every lookup the pages and the
analyses ask for (plans by basis, implementers, children, agency chains, parent chains) is
computed in one pass the first time it is asked, never by a scan per question: pages ask once
per document, so a scan each time would make the build quadratic in the corpus.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path

from . import phases
from .cite import CitingContext, Registry, find_citations
from .cite.resolve import NAMED_TYPES
from .model.models import Agency, Citation, Diagnostic, LegalDoc, Plan
from .model.slug import is_safe_id, slugify
from .parallel import ordered_map
from .source.repository import RecordCache, Repository, read_repository


@dataclass
class Corpus(Repository):
    """A repository with its citations resolved, and the lookups over it."""

    def with_diagnostics(self, diagnostics: list[Diagnostic]) -> Corpus:
        """The same records with other diagnostics, keeping the lookups computed so far (they
        depend on the records alone)."""
        other = replace(self, diagnostics=diagnostics)
        for name in _LOOKUPS & self.__dict__.keys():
            other.__dict__[name] = self.__dict__[name]
        return other

    def agency_chain(self, agency_id: str) -> list[Agency]:
        """The agency and its parents up to the top (Chính phủ), nearest first."""
        chain: list[Agency] = []
        seen: set[str] = set()
        current = self.agencies.get(agency_id)
        while current is not None and current.id not in seen:
            chain.append(current)
            seen.add(current.id)
            current = self.agencies.get(current.parent) if current.parent else None
        return chain

    def children(self, agency_id: str) -> list[Agency]:
        return self._children.get(agency_id, [])

    @cached_property
    def _children(self) -> dict[str, list[Agency]]:
        out: dict[str, list[Agency]] = defaultdict(list)
        for agency in self.agencies.values():
            if agency.parent:
                out[agency.parent].append(agency)
        return out

    def first_parent(self, plan_id: str) -> str | None:
        """The plan a plan implements first, as its front-matter lists them (``thuc_hien[0]``).

        The one parent rule: the page's breadcrumb of parents and the drawing's chain of
        boxes above a plan both follow it.
        """
        plan = self.plans.get(plan_id)
        if plan is None or not plan.implements or plan.implements[0] not in self.plans:
            return None
        return plan.implements[0]

    def parent_chain(self, plan_id: str) -> list[Plan]:
        """The first parent, its parent, … up to the central programme; top first, cycle-safe."""
        chain: list[Plan] = []
        seen = {plan_id}
        current = self.first_parent(plan_id)
        while current is not None and current not in seen:
            chain.append(self.plans[current])
            seen.add(current)
            current = self.first_parent(current)
        return list(reversed(chain))

    def based_on(self, doc_id: str) -> list[Plan]:
        """Plans naming ``doc_id`` as a legal basis (can_cu)."""
        return self._plans_naming[("can_cu", doc_id)]

    def implemented_by(self, plan_id: str) -> list[Plan]:
        """Plans that implement ``plan_id`` (thuc_hien)."""
        return self._plans_naming[("thuc_hien", plan_id)]

    def referenced_by(self, doc_id: str) -> list[Plan]:
        """Plans citing ``doc_id`` in their text but not naming it in can_cu; each plan once."""
        return self._plans_naming[("dan_chieu", doc_id)]

    def acted_on_by(self, doc_id: str) -> list[tuple[str, LegalDoc]]:
        """(relation, legal document) for every record amending, replacing, guiding, repealing
        or consolidating ``doc_id``, in corpus order: the input of its validity history."""
        return self._acted_on.get(doc_id, [])

    @cached_property
    def _acted_on(self) -> dict[str, list[tuple[str, LegalDoc]]]:
        out: dict[str, list[tuple[str, LegalDoc]]] = defaultdict(list)
        for other in self.legal.values():
            for relation, targets in other.relations.items():
                for target in dict.fromkeys(targets):
                    out[target].append((relation, other))
        return out

    @cached_property
    def _plans_naming(self) -> defaultdict[tuple[str, str], list[Plan]]:
        out: defaultdict[tuple[str, str], list[Plan]] = defaultdict(list)
        for plan in self.plans.values():
            for doc_id in plan.legal_bases:
                out[("can_cu", doc_id)].append(plan)
            for parent in plan.implements:
                out[("thuc_hien", parent)].append(plan)
            seen: set[str] = {*plan.legal_bases, plan.id}
            for citation in plan.citations:
                if citation.id and citation.id not in seen and self.document(citation.id):
                    seen.add(citation.id)
                    out[("dan_chieu", citation.id)].append(plan)
        return out


_LOOKUPS = frozenset(
    name for name, attr in vars(Corpus).items() if isinstance(attr, cached_property)
)


def unresolved_key(citation: Citation) -> str:
    """Stable key of a cited-but-unknown document: type, number (or name), issuer, year."""
    parts = [
        citation.type or "",
        citation.number or citation.name or citation.text,
        citation.issuer or citation.issuer_text or "",
        str(citation.date.year) if citation.date and citation.date.year else "",
    ]
    key = slugify(" ".join(parts))[:110].strip("-")
    return key if key and is_safe_id(key) else "khong-ro"


def registry_of(corpus: Corpus) -> Registry:
    """What citations are resolved against: every document and agency of the corpus."""
    return Registry.from_records(corpus.documents(), corpus.agencies)


def cite_corpus(
    corpus: Corpus,
    keep: Callable[[Plan], bool] = lambda plan: False,
    registry_for: Callable[[Corpus], Registry] = registry_of,
) -> None:
    """Find and resolve the citations of every plan body against the corpus registry.

    ``keep(plan)``: the plan already has the citations it would get (the preview's cache);
    ``registry_for``: the registry (the preview's cache keeps one while its inputs last).
    """
    citing = [
        plan
        for plan in corpus.plans.values()
        if not plan.stub and plan.body.strip() and not keep(plan)
    ]
    if not citing:
        return
    registry = registry_for(corpus)

    def cite(plan: Plan) -> list[Citation]:
        context = CitingContext(
            agency_id=plan.issuer, year=plan.year, date=plan.issued, own_number=plan.number
        )
        return find_citations(plan.body, registry=registry, context=context)

    for plan, citations in zip(citing, ordered_map(cite, citing), strict=True):
        plan.citations = citations


@dataclass
class CorpusCache:
    """What one repository's readings keep for the next (the preview): each file's loaded
    record by content hash, and each plan's citations while its bytes and the registry's
    inputs are unchanged. ``changed`` and ``removed``: the files that differ from the last
    reading (repository-relative paths)."""

    records: RecordCache = field(default_factory=RecordCache)
    citations: dict[str, tuple[str, list[Citation]]] = field(default_factory=dict)
    registry_inputs: dict[str, str] = field(default_factory=dict)  # path -> digest
    registry_key: str = ""
    registry_moved: bool = True  # at the last reading: every plan was cited again
    _registry: tuple[str, Registry] | None = None  # (registry_key, the registry made of it)

    @property
    def changed(self) -> set[str]:
        return self.records.changed

    @property
    def removed(self) -> set[str]:
        return self.records.removed

    def update_registry(self, corpus: Corpus) -> bool:
        """Whether what the citation registry is made of changed since the last reading: the
        agencies, the legal records, and the plans without their bodies."""
        for rel in self.removed:
            self.registry_inputs.pop(rel, None)
        by_path = {doc.path: doc for doc in corpus.documents()}
        for rel in self.changed:
            doc = by_path.get(rel)
            if isinstance(doc, Plan):
                self.registry_inputs[rel] = _digest(repr(_registry_identity(doc)).encode())
            else:
                self.registry_inputs[rel] = self.records.digest(rel)
        key = _digest(repr(sorted(self.registry_inputs.items())).encode())
        self.registry_moved, self.registry_key = key != self.registry_key, key
        return self.registry_moved

    def registry(self, corpus: Corpus) -> Registry:
        """The registry of ``corpus``: the one made at an earlier reading while what it is made
        of is unchanged (it reads of a plan only what ``_registry_identity`` keeps)."""
        if self._registry is None or self._registry[0] != self.registry_key:
            self._registry = (self.registry_key, registry_of(corpus))
        return self._registry[1]

    def kept(self, plan: Plan) -> bool:
        entry = self.citations.get(plan.path)
        if entry is None or entry[0] != self._plan_key(plan):
            return False
        plan.citations = entry[1]
        return True

    def remember(self, corpus: Corpus) -> None:
        self.citations = {
            plan.path: (self._plan_key(plan), plan.citations) for plan in corpus.plans.values()
        }

    def _plan_key(self, plan: Plan) -> str:
        return self.records.digest(plan.path) + self.registry_key


def _registry_identity(plan: Plan) -> tuple:
    """What ``cite.Registry`` reads of a plan: editing anything else (its title, its text, its
    bases) changes no other plan's citations."""
    named = plan.summary if plan.doc_type in NAMED_TYPES else None
    return (plan.id, plan.number, plan.doc_type, plan.issuer, plan.issued, named)


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def build_corpus(root: Path | str, cache: CorpusCache | None = None) -> Corpus:
    """Read the repository at ``root`` and resolve its citations (with a ``cache``, only
    what changed since its last reading is read and cited again)."""
    with phases.timed("load"):
        repo = read_repository(root, cache.records if cache else None)
    corpus = Corpus(
        root=repo.root,
        agencies=repo.agencies,
        plans=repo.plans,
        legal=repo.legal,
        diagnostics=repo.diagnostics,
    )
    with phases.timed("cite"):
        if cache is None:
            cite_corpus(corpus)
        else:
            cache.update_registry(corpus)
            cite_corpus(corpus, cache.kept, cache.registry)
            cache.remember(corpus)
    return corpus
