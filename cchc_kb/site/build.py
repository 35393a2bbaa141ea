"""Every page and file of the site from a corpus: what the MkDocs hook adds, nothing more."""

from __future__ import annotations

from importlib import resources

from ..corpus import Corpus
from . import urls
from .documents import (
    graph_of,
    implementation_pages,
    legal_page,
    make_context,
    plan_page,
    source_name,
    unresolved_pages,
)
from .feeds import atom_feed
from .graph_pages import graph_files, graph_pages
from .indexes import (
    AGENCIES_INDEX_SRC,
    FEED_PATH,
    LOOKUP_SRC,
    PLANS_INDEX_SRC,
    TYPES_INDEX_SRC,
    YEARS_INDEX_SRC,
    agency_feed_path,
    agency_index_pages,
    agency_pages,
    home_page,
    lookup_pages,
    plan_index_pages,
    task_pages,
    type_pages,
    year_pages,
)
from .page import Page, SiteFile
from .search import search_page
from .settings import SiteSettings

ASSET_DIR = "assets/cchc"
ASSETS = ("cchc.css", "search.js")


def _graph_extension(ctx) -> tuple[list[Page], list[SiteFile]]:
    """(pages, files) of the citation graph: its views, report, open-data page and exports."""
    graph = graph_of(ctx)
    return (
        list(graph_pages(ctx.corpus, graph, ctx.settings)),
        list(graph_files(ctx.corpus, graph, ctx.settings)),
    )


def build_pages(
    corpus: Corpus, settings: SiteSettings, existing: set[str] = frozenset()
) -> list[Page]:
    """All generated pages, in a stable order. ``existing``: source paths already in docs/."""
    ctx = make_context(corpus, settings)
    pages: list[Page] = [home_page(ctx)]
    pages += plan_index_pages(ctx)
    pages += lookup_pages(ctx)
    pages.append(
        search_page(
            LOOKUP_SRC,
            [
                ("Tất cả kế hoạch", PLANS_INDEX_SRC),
                ("Theo cơ quan", AGENCIES_INDEX_SRC),
                ("Theo năm", YEARS_INDEX_SRC),
                ("Theo loại văn bản", TYPES_INDEX_SRC),
            ],
        )
    )
    pages += agency_index_pages(ctx)
    pages += year_pages(ctx)
    pages += type_pages(ctx)
    pages += task_pages(ctx)
    for plan_id in sorted(corpus.plans):
        plan = corpus.plans[plan_id]
        pages += plan_page(ctx, plan)
        if corpus.implemented_by(plan.id) or corpus.children(plan.issuer):
            pages += implementation_pages(ctx, plan)
    for doc_id in sorted(corpus.legal):
        pages += legal_page(ctx, corpus.legal[doc_id])
    for key in sorted(ctx.unresolved):
        pages += unresolved_pages(ctx, key, ctx.unresolved[key])
    for agency_id in sorted(corpus.agencies):
        pages += agency_pages(ctx, corpus.agencies[agency_id])
    pages += _graph_extension(ctx)[0]
    seen: set[str] = set()
    unique = []
    for page in pages:
        if page.src in seen or page.src in existing:
            continue
        seen.add(page.src)
        unique.append(page)
    return unique


def site_files(corpus: Corpus, settings: SiteSettings) -> list[SiteFile]:
    """Feeds, source files for download, stylesheet, and the graph engine's exports."""
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
    for plan_id in sorted(corpus.plans):
        plan = corpus.plans[plan_id]
        if not plan.source_file:
            continue
        source = (corpus.root / plan.path).parent / plan.source_file
        if "/" in plan.source_file or "\\" in plan.source_file or not source.is_file():
            continue
        target = urls.url_of(urls.plan_src(plan.id)) + source_name(plan)
        files.append(SiteFile(target, source.read_bytes()))
    files += asset_files()
    files += _graph_extension(make_context(corpus, settings))[1]
    return files


def asset_files() -> list[SiteFile]:
    base = resources.files("cchc_kb").joinpath("assets")
    return [SiteFile(f"{ASSET_DIR}/{name}", base.joinpath(name).read_bytes()) for name in ASSETS]
