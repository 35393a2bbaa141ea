"""Every page and file of the site from a corpus: what the MkDocs hook adds, nothing more."""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, field, replace
from functools import partial
from importlib import resources
from pathlib import Path

from .. import phases
from ..analysis.findings import diagnostics, record_diagnostics, record_diagnostics_started
from ..analysis.graph import analyses, build_graph
from ..corpus import Corpus
from ..model.models import Diagnostic, Plan
from ..parallel import ordered_map_started
from . import urls
from .agency_pages import agency_feed_path, agency_index_pages, agency_pages
from .context import make_context
from .exports import EXPORTS, export_path
from .feeds import atom_feed
from .graph_pages import PagePart, graph_page_parts, graph_pages, one_page
from .implementation import has_implementation_page, implementation_pages
from .incremental import Selection, selecting
from .indexes import (
    AGENCIES_INDEX_SRC,
    FEED_PATH,
    LOOKUP_SRC,
    PLANS_INDEX_SRC,
    TYPES_INDEX_SRC,
    YEARS_INDEX_SRC,
    home_page,
    lookup_pages,
    plan_index_pages,
    type_pages,
    year_pages,
)
from .legal_pages import legal_page
from .open_data import graph_files
from .page import Page, SiteFile
from .plan_pages import plan_page, source_path
from .prerender import RenderedPage
from .redirects import former_address_files
from .search import search_page
from .settings import SiteSettings
from .task_pages import TASKS_SRC, task_pages
from .unresolved_pages import unresolved_pages

ASSET_DIR = "assets/cchc"
ASSETS = ("cchc.css", "search.js", "pagefind.js")


@dataclass(frozen=True)
class LaterFiles:
    """Files the build writes after the pages: the graph's exports. Making them took 0.46
    CPU-s of 26 at 2,000 plans, from cores the pages need; once the pages are written, the
    search index leaves a core free for them. ``paths``: where they go, known at once (links
    to them are checked with the pages')."""

    paths: tuple[str, ...] = ()
    make: Callable[[], list[SiteFile]] = list

    def write(self, site_dir: Path) -> None:
        """Make the files and write them into the built site."""
        for item in self.make():
            target = site_dir / item.path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(item.content)


@dataclass
class SiteBuild:
    """What a build adds to the generator, and what it must report."""

    pages: list[Page]  # Markdown pages
    files: list[SiteFile]  # feeds, sources, stylesheet, former addresses
    diagnostics: list[Diagnostic]  # analysis.findings.diagnostics: what `cchc check` prints
    # Pages already converted where they were made (``convert``), by source path: their
    # Page has an empty Markdown body.
    rendered: dict[str, RenderedPage] = field(default_factory=dict)
    later: LaterFiles = LaterFiles()  # the exports, in a full build


def build_site(
    corpus: Corpus,
    settings: SiteSettings,
    existing: Collection[str] = frozenset(),
    only: Selection | None = None,
    convert: Callable[[Page], RenderedPage] | None = None,
    convert_generated: Callable[[Page], RenderedPage] | None = None,
) -> SiteBuild:
    """Every page and file in a stable order, and the diagnostics, from one graph.

    The citation graph and its analyses are computed once here and shared by the pages, the
    exports and the diagnostics. ``existing``: source paths already in docs/ (they win).
    The exports are made when the caller asks (``SiteBuild.later``).
    ``only`` (the preview's rebuilds, ``site.incremental``): the pages an edit touches, their
    documents' findings and source files; no graph pages, exports or feeds.
    ``convert`` (``prerender.Converter.convert``): the document pages are converted on the
    core that made them, so their Markdown never waits in memory for the rest of the site.
    ``convert_generated`` (``prerender.Converter.convert_generated``), in a full build: the
    list pages are converted, and the graph pages made and converted, on every core too, in
    the same pool as the documents'; without it they come back as Markdown.
    """
    if only is not None and not only.everything:
        return _partial_site(corpus, settings, existing, only)
    with phases.timed("check"):
        # The content findings (computed once, used thrice) run on the other cores meanwhile.
        recording = record_diagnostics_started(corpus)
    with phases.timed("graph"):
        graph = _graph(corpus, settings, only)
    with phases.timed("check"):
        analysed = analyses(corpus, graph)
        recorded = recording()
        found = diagnostics(corpus, graph, analysed, recorded)
        # Pages show each record's findings; the graph's findings have pages of their own. The
        # report gets the corpus as read and the findings apart (else it lists each twice).
        shown = replace(corpus, diagnostics=recorded)
    with phases.timed("pages"):
        ctx = make_context(shown, settings)
        ctx.cache["graph"] = graph
        on_every_core = only is None and convert_generated is not None
        made = (graph_page_parts if on_every_core else graph_pages)(
            corpus, graph, settings, findings=analysed, recorded=recorded
        )
        rendered: dict[str, RenderedPage] = {}
        files: list[SiteFile] = []

        def make_files() -> None:
            # Here, while the pool's workers make the pages: they need nothing of these.
            with phases.timed("files"):
                files.extend(_files(shown, settings, existing))

        with selecting(only):
            if on_every_core:
                work = _Work(convert, convert_generated, made)
                pages = _pages(ctx, [], existing, only, convert, rendered, work, make_files)
            else:
                pages = _pages(ctx, made, existing, only, convert, rendered, None, make_files)
    paths = tuple(path for path in map(export_path, EXPORTS) if path not in existing)
    exports = LaterFiles(paths, partial(_exports, shown, graph, settings, frozenset(paths)))
    return SiteBuild(pages, files, found, rendered, exports)


def _exports(corpus: Corpus, graph, settings: SiteSettings, paths: frozenset[str]):
    with phases.timed("files"):
        return [f for f in graph_files(corpus, graph, settings) if f.path in paths]


def _partial_site(
    corpus: Corpus, settings: SiteSettings, existing: Collection[str], only: Selection
) -> SiteBuild:
    with phases.timed("graph"):
        graph = _graph(corpus, settings, only)
    with phases.timed("check"):
        shown = [d for d in corpus.documents() if only.wants(urls.document_src(d))]
        recorded = record_diagnostics(corpus, shown)
        edited = {d.path for d in corpus.documents() if d.id in only.changed_ids}
        found = [d for d in recorded if d.path in edited]
    with phases.timed("pages"):
        ctx = make_context(corpus.with_diagnostics(recorded), settings)
        ctx.cache["graph"] = graph
        with selecting(only):
            pages = _pages(ctx, [], existing, only)
    with phases.timed("files"):
        plans = [d for d in shown if isinstance(d, Plan)]
        files = [f for f in _source_files(corpus, plans) if f.path not in existing]
    return SiteBuild(pages, files, found)


def _graph(corpus: Corpus, settings: SiteSettings, only: Selection | None):
    """The citation graph: the one the preview keeps up to date, else built."""
    if only is not None and only.graph is not None:
        return only.graph
    return build_graph(corpus, settings.as_of)


@dataclass
class _Work:
    """What a full build's pool does besides the documents: make and convert the home and
    list pages (``lists``) and the graph pages (``graph_parts``)."""

    convert: Callable[[Page], RenderedPage] | None
    convert_generated: Callable[[Page], RenderedPage]
    graph_parts: list[PagePart]
    lists: list[PagePart] = field(default_factory=list)

    def pages(self, kind: str, key: str) -> tuple[list[Page], list[RenderedPage]]:
        parts = self.lists if kind == "list" else self.graph_parts
        return _converted(parts[int(key)](), self.convert_generated)


def _list_parts(ctx, only: Selection | None) -> list[PagePart]:
    """The home page and the lists, in page order, as parts that can run on any core."""
    lists = [
        ("Tất cả kế hoạch", PLANS_INDEX_SRC),
        ("Theo cơ quan", AGENCIES_INDEX_SRC),
        ("Theo năm", YEARS_INDEX_SRC),
        ("Theo loại văn bản", TYPES_INDEX_SRC),
    ]
    parts: list[PagePart] = [
        partial(one_page, home_page, ctx),
        partial(plan_index_pages, ctx),
        partial(lookup_pages, ctx),
        partial(one_page, search_page, ctx.settings.urls, LOOKUP_SRC, lists),
        partial(agency_index_pages, ctx),
        partial(year_pages, ctx),
        partial(type_pages, ctx),
    ]
    if only is None or only.wants(TASKS_SRC):
        parts.append(partial(task_pages, ctx))
    return parts


def _pages(
    ctx,
    graph_pages_: list[Page],
    existing: Collection[str],
    only: Selection | None = None,
    convert: Callable[[Page], RenderedPage] | None = None,
    rendered: dict[str, RenderedPage] | None = None,
    work: _Work | None = None,
    meanwhile: Callable[[], None] = lambda: None,
) -> list[Page]:
    """The pages in page order, made on every core; ``meanwhile`` runs in this process while
    the workers make them."""
    corpus = ctx.corpus
    lists = _list_parts(ctx, only)
    pages: list[Page] = []
    if work is None:
        pages = [page for part in lists for page in part()]
    # Each document's pages depend on the context only: built on every core, in this order.
    documents = [("plan", key) for key in sorted(corpus.plans)]
    documents += [("legal", key) for key in sorted(corpus.legal)]
    documents += [("unresolved", key) for key in sorted(ctx.unresolved)]
    documents += [("agency", key) for key in sorted(corpus.agencies)]
    if only is not None:
        documents = [d for d in documents if only.wants(_DOCUMENT_SRC[d[0]](d[1]))]
    if work is not None:  # the list pages are made and converted there too, first
        work.lists = lists
        documents = [("list", str(n)) for n in range(len(lists))] + documents
        documents += [("graph", str(n)) for n in range(len(work.graph_parts))]
    converted_of: dict[int, RenderedPage] = {}  # by the id of its Page, kept in ``pages``
    made = ordered_map_started(partial(_recorded_pages, ctx, only, convert, work), documents)
    meanwhile()
    for built, converted, members in made():
        if only is not None:
            only.members.update(members)
        pages += built
        converted_of.update((id(page), html) for page, html in zip(built, converted, strict=False))
    pages += graph_pages_
    seen: set[str] = set()
    unique = []
    for page in pages:
        if page.src in seen or page.src in existing:
            continue
        seen.add(page.src)
        unique.append(page)
        if id(page) in converted_of and rendered is not None:
            rendered[page.src] = converted_of[id(page)]
    return unique


def _recorded_pages(
    ctx,
    only: Selection | None,
    convert: Callable[[Page], RenderedPage] | None,
    work: _Work | None,
    document: tuple[str, str],
) -> tuple[list[Page], list[RenderedPage], dict[str, tuple]]:
    if work is not None and document[0] in ("list", "graph"):
        return (*work.pages(*document), {})
    if only is None:
        return (*_document_pages(ctx, convert, document, work and work.convert_generated), {})
    with only.recording() as members:
        return (*_document_pages(ctx, convert, document), members)


def _document_pages(
    ctx,
    convert: Callable[[Page], RenderedPage] | None,
    document: tuple[str, str],
    convert_generated: Callable[[Page], RenderedPage] | None = None,
) -> tuple[list[Page], list[RenderedPage]]:
    # The site's own Markdown, around a plan's text (``Page.authored``, which Python-Markdown
    # reads), and legal texts of the shapes it writes.
    return _converted(_made_pages(ctx, document), convert and (convert_generated or convert))


def _converted(
    pages: list[Page], convert: Callable[[Page], RenderedPage] | None
) -> tuple[list[Page], list[RenderedPage]]:
    """The pages with their Markdown dropped, and converted; or as they are, without
    ``convert``."""
    if convert is None:
        return pages, []
    return [replace(page, markdown="", authored=None) for page in pages], [
        convert(page) for page in pages
    ]


def _made_pages(ctx, document: tuple[str, str]) -> list[Page]:
    kind, key = document
    corpus = ctx.corpus
    if kind == "plan":
        plan = corpus.plans[key]
        pages = plan_page(ctx, plan)
        if has_implementation_page(corpus, plan):
            pages += implementation_pages(ctx, plan)
        return pages
    if kind == "legal":
        return legal_page(ctx, corpus.legal[key])
    if kind == "unresolved":
        return unresolved_pages(ctx, key, ctx.unresolved[key])
    return agency_pages(ctx, corpus.agencies[key])


def _files(corpus: Corpus, settings: SiteSettings, existing: Collection[str]) -> list[SiteFile]:
    """Feeds, source files for download, stylesheet, and the pages' former addresses."""
    files = [
        atom_feed(
            corpus,
            settings,
            FEED_PATH,
            f"Kế hoạch mới — {settings.site_name}",
            list(corpus.plans.values()),
            PLANS_INDEX_SRC,
        )
    ]
    by_agency: dict[str, list] = {}
    for plan in corpus.plans.values():
        by_agency.setdefault(plan.issuer, []).append(plan)
    for agency_id in sorted(by_agency):
        if agency_id not in corpus.agencies:
            continue
        files.append(
            atom_feed(
                corpus,
                settings,
                agency_feed_path(agency_id),
                f"Kế hoạch của {corpus.agencies[agency_id].name}",
                by_agency[agency_id],
                urls.agency_src(agency_id),
            )
        )
    files += _source_files(corpus, [corpus.plans[plan_id] for plan_id in sorted(corpus.plans)])
    files += asset_files()
    files += former_address_files(corpus, settings)
    return [f for f in files if f.path not in existing]


def _source_files(corpus: Corpus, plans: list[Plan]) -> list[SiteFile]:
    """The plans' source files, offered for download beside their pages."""
    files = []
    for plan in plans:
        if not plan.source_file:
            continue
        source = (corpus.root / plan.path).parent / plan.source_file
        if "/" in plan.source_file or "\\" in plan.source_file or not source.is_file():
            continue
        files.append(SiteFile(source_path(plan), source.read_bytes()))
    return files


_DOCUMENT_SRC = {
    "plan": urls.plan_src,
    "legal": urls.legal_src,
    "unresolved": urls.unresolved_src,
    "agency": urls.agency_src,
}


def asset_files() -> list[SiteFile]:
    base = resources.files("cchc_kb").joinpath("assets")
    return [SiteFile(f"{ASSET_DIR}/{name}", base.joinpath(name).read_bytes()) for name in ASSETS]
