"""What every page builder needs, computed once per build."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from ..analysis.graph import build_graph
from ..corpus import Corpus, unresolved_key
from ..model.models import Citation, Diagnostic, Plan
from .common import Links
from .settings import SiteSettings


@dataclass
class Context:
    corpus: Corpus
    settings: SiteSettings
    diagnostics_by_path: dict[str, list[Diagnostic]]
    unresolved: dict[str, list[tuple[Plan, Citation]]]  # stub key -> citing (plan, citation)
    cache: dict = field(default_factory=dict)

    def links(self, src: str) -> Links:
        """Links from the page at source path ``src``."""
        return Links(self.corpus, self.settings.urls, src)

    def citing(self, kind: str, doc_id: str) -> list[Plan]:
        """Plans naming ``doc_id`` as a legal basis ("can_cu") or citing it ("dan_chieu")."""
        if kind == "can_cu":
            return self.corpus.based_on(doc_id)
        return self.corpus.referenced_by(doc_id)


def make_context(corpus: Corpus, settings: SiteSettings) -> Context:
    by_path: dict[str, list[Diagnostic]] = defaultdict(list)
    for diag in corpus.diagnostics:
        by_path[diag.path].append(diag)
    unresolved: dict[str, list[tuple[Plan, Citation]]] = defaultdict(list)
    for plan in corpus.plans.values():
        for citation in plan.citations:
            if not (citation.id and corpus.document(citation.id) is not None):
                unresolved[unresolved_key(citation)].append((plan, citation))
    return Context(corpus, settings, dict(by_path), dict(unresolved))


def graph_of(ctx: Context):
    """The corpus's citation graph: the one ``build_site`` made, or built once here."""
    if "graph" not in ctx.cache:
        ctx.cache["graph"] = build_graph(ctx.corpus, ctx.settings.as_of)
    return ctx.cache["graph"]
