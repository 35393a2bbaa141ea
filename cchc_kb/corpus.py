"""The corpus: every record of a repository, its diagnostics and its resolved citations."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .models import Agency, Citation, Diagnostic, Document, LegalDoc, Plan


@dataclass
class Corpus:
    root: Path
    agencies: dict[str, Agency] = field(default_factory=dict)
    plans: dict[str, Plan] = field(default_factory=dict)  # full plans and stub plans
    legal: dict[str, LegalDoc] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def document(self, doc_id: str) -> Document | None:
        return self.plans.get(doc_id) or self.legal.get(doc_id)

    def documents(self) -> list[Document]:
        return [*self.plans.values(), *self.legal.values()]

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "error"]

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

    def citing(self, doc_id: str) -> list[tuple[Plan, Citation]]:
        """Every (plan, citation) whose citation resolved to ``doc_id``."""
        return self._citing.get(doc_id, [])

    @cached_property
    def _citing(self) -> dict[str, list[tuple[Plan, Citation]]]:
        out: dict[str, list[tuple[Plan, Citation]]] = defaultdict(list)
        for plan in self.plans.values():
            for citation in plan.citations:
                if citation.id:
                    out[citation.id].append((plan, citation))
        return out

    def based_on_by(self, doc_id: str) -> list[Plan]:
        """Plans naming ``doc_id`` as a legal basis (can_cu)."""
        return self._plans_naming[("can_cu", doc_id)]

    def implemented_by(self, plan_id: str) -> list[Plan]:
        """Plans that implement ``plan_id`` (thuc_hien)."""
        return self._plans_naming[("thuc_hien", plan_id)]

    @cached_property
    def _plans_naming(self) -> defaultdict[tuple[str, str], list[Plan]]:
        # One pass over the plans: pages ask this once per document, so a scan each time
        # would make the build quadratic in the corpus.
        out: defaultdict[tuple[str, str], list[Plan]] = defaultdict(list)
        for plan in self.plans.values():
            for doc_id in plan.legal_bases:
                out[("can_cu", doc_id)].append(plan)
            for parent in plan.implements:
                out[("thuc_hien", parent)].append(plan)
        return out

    def acted_on_by(self, doc_id: str) -> list[tuple[str, LegalDoc]]:
        """(relation, acting document) for every legal document that names ``doc_id``."""
        return self._relations_to.get(doc_id, [])

    @cached_property
    def _relations_to(self) -> dict[str, list[tuple[str, LegalDoc]]]:
        # Validity asks this for every cited document; a scan per call was quadratic.
        out: dict[str, list[tuple[str, LegalDoc]]] = defaultdict(list)
        for other in self.legal.values():
            for relation, targets in other.relations.items():
                for target in dict.fromkeys(targets):
                    out[target].append((relation, other))
        return out
