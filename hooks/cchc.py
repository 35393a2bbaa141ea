"""MkDocs adapter: load the corpus, add the package's pages and files, pin "today", index;
after the build, the sitemaps and, last, the manifest ``cchc publish`` compares.

The only file that knows MkDocs. Diagnostics: errors (a record that could not become a page)
are logged at ERROR, so ``mkdocs build --strict`` stops on them; data-quality warnings are
logged at INFO, because they describe real texts that are published as they are and must not
break a build. The diagnostics come with the build (``SiteBuild.diagnostics``): the
same list ``cchc check`` prints, so both fail on the same errors.
"""

from __future__ import annotations

import contextlib
import logging
import os
import time
from datetime import UTC, datetime
from pathlib import Path

from jinja2 import ChoiceLoader, FileSystemLoader, PrefixLoader
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from page_pool import PagePool, hide  # hooks/page_pool.py
from theme_reuse import ThemeReuse  # hooks/theme_reuse.py
from watching import watch_by_events  # hooks/watching.py

from cchc_kb import phases
from cchc_kb.commands.publish import site_entries, write_manifest
from cchc_kb.corpus import build_corpus
from cchc_kb.memory import keep, keep_for_next_build, release, release_unless_room
from cchc_kb.parallel import available_cpus
from cchc_kb.site.build import build_site
from cchc_kb.site.incremental import PREVIEW_ENV, Preview, preview_for
from cchc_kb.site.pagefind import (
    BUNDLE_DIR,
    PageCopier,
    built_file,
    search_entries,
    ui_options,
)
from cchc_kb.site.prerender import (
    Converter,
    MarkdownConfig,
    broken_links,
    compresses_html,
    prerender,
)
from cchc_kb.site.settings import SiteSettings
from cchc_kb.site.share import attribute_text, report_href, report_target
from cchc_kb.site.sitemaps import document_dates, max_urls, write_sitemaps
from cchc_kb.source.repository import LEGAL_DIR, PLANS_DIR

log = logging.getLogger("mkdocs.hooks.cchc")
_state: dict = {}
# Set (to anything) to render the site navigation and tabs afresh on every page, as Material
# does: tests compare that site with the usual one, byte for byte.
FRESH_THEME_ENV = "CCHC_FRESH_THEME"
# Set (to anything) to build every page in the build's own process (tests compare).
ONE_PROCESS_ENV = "CCHC_ONE_PROCESS"


class _Unchanged(File):
    """A page or file the preview wrote before and the edit does not touch: MkDocs (serving
    with ``--dirty``) neither renders nor writes it again."""

    def is_modified(self) -> bool:
        return False


class _Prerendered(Page):
    """A generated page (``on_nav``). Its HTML comes from cchc_kb.site.prerender and its body
    is empty, so MkDocs has no Markdown to convert: the page events put in the HTML and its
    table of contents. What the conversion of an empty body gave is set here."""

    def render(self, config, files) -> None:
        self.content = ""
        self._title_from_render = None  # the title is the page meta's
        self.present_anchor_ids = set()
        self.links_to_anchors = {}


def on_startup(command, dirty):
    _state["command"] = command
    # `make preview` (serve --dirty): rebuilds render only the pages an edit touches.
    if command == "serve" and dirty:
        os.environ[PREVIEW_ENV] = "1"


def on_config(config):
    cchc = config.extra.get("cchc") or {}
    settings = SiteSettings.from_config(
        cchc, config.site_name, config.site_url, config.use_directory_urls
    )
    root = Path(config.config_file_path).parent / str(cchc.get("root") or ".")
    _state.update(settings=settings, root=root.resolve())
    if os.environ.get(PREVIEW_ENV):
        _state["preview"] = preview_for(root)
    report_target(cchc.get("report"))  # a javascript: or malformed address stops the build
    max_urls(settings)  # so does a sitemap size that is not a whole number in range
    phases.reset()
    # MkDocs dates the sitemap with the build time unless SOURCE_DATE_EPOCH is set: use as_of.
    as_of = settings.as_of
    epoch = datetime(as_of.year, as_of.month, as_of.day, tzinfo=UTC).timestamp()
    os.environ["SOURCE_DATE_EPOCH"] = str(int(epoch))
    return config


def on_files(files, config):
    settings: SiteSettings = _state["settings"]
    preview: Preview | None = _state.get("preview")
    selection = None
    if preview is None:
        corpus = build_corpus(_state["root"])
        keep()  # a full build only: a preview's corpus changes between rebuilds
    else:
        corpus = build_corpus(_state["root"], preview.cache)
        selection = preview.select(corpus, settings)
    # The pages come as finished HTML (cchc_kb.site.prerender): in a full build every page is
    # converted where it is made, on every core; a preview's below. MkDocs gets an empty body and the meta,
    # and the page events put the HTML and its table of contents in. A preview keeps each
    # page's Markdown instead: it tells which pages an edit changed.
    markdown_config = MarkdownConfig(tuple(config.markdown_extensions), config.mdx_configs or {})
    converter = None
    if preview is None:
        compress = compresses_html(len(corpus.plans) + len(corpus.legal))
        converter = Converter(markdown_config, settings.urls, compress)
    # (the Markdown of the pages converted where they are made is timed with them, in the
    # "pages" phase: in a full build, all but docs/)
    site = build_site(
        corpus,
        settings,
        {f.src_uri for f in files},
        selection,
        converter and converter.convert,
        converter and converter.convert_generated,
    )
    for diag in site.diagnostics:
        level = logging.ERROR if diag.severity == "error" else logging.INFO
        log.log(level, diag.format())
    # Material's JavaScript is not used (pages work without it) and its bundles and source maps
    # name other hosts (GitHub API, unpkg); leave them out of the site.
    for file in list(files):
        if file.src_uri.startswith("assets/javascripts/") or file.src_uri.endswith(".map"):
            files.remove(file)
    pages = site.pages
    kept: set[str] = set()  # what a preview's rebuild leaves as first built
    if preview is not None:  # a deleted plan's page must not be served on
        built = [page.src for page in site.pages] if selection.everything else None
        gone = preview.removed_pages(built)
        _remove_built(Path(config.site_dir), settings, gone)
    if selection is not None and not selection.everything:
        pages = preview.changed_pages(site.pages)
        kept = {*preview.digests, *preview.files}
        _add_unchanged(files, config, kept, {p.src for p in pages}, site.files)
    else:
        _state["search"] = search_entries(site.pages, settings.urls)
        _state["copier"] = PageCopier(_state["search"])  # the index's copies, as pages are written
        _state["later"] = site.later  # written after the pages, while Pagefind runs
        if preview is not None:
            preview.changed_pages(site.pages)
            preview.files = {item.path for item in site.files} | set(site.later.paths)
    for page in pages:
        files.append(File.generated(config, page.src, content=""))
    for item in site.files:
        files.append(File.generated(config, item.path, content=item.content))
    known = {f.src_uri for f in files} | kept | set(site.later.paths)
    rest = [page for page in pages if page.src not in site.rendered]
    with phases.timed("markdown"):
        converted, _ = prerender(rest, markdown_config, settings.urls, known)
        rendered = {**site.rendered, **{page.src: page for page in converted}}
    for diag in broken_links((rendered[page.src] for page in pages), known):
        log.error(diag.format())
    # Only the meta and the compressed HTML wait for the theme; each page's Markdown goes now.
    _state["pages"] = {page.src: (page.theme_meta(), rendered[page.src]) for page in pages}
    _state["page_count"] = len(pages)  # _state["pages"] empties as the theme writes them
    if "search" in _state:  # a full build (a preview's rebuild writes neither)
        _state["sitemap"] = (
            [f.src_uri for f in files.documentation_pages()],
            document_dates(corpus, settings),
        )
    _state["pooled"] = []  # the pages the pool builds: in a full build (a preview's first too)
    if "search" in _state and not os.environ.get(ONE_PROCESS_ENV) and available_cpus() > 1:
        # Built on every core (hooks/page_pool.py): MkDocs' loop builds the nav's pages only.
        named = _nav_sources(config.nav) if config.nav is not None else set(_state["pages"])
        _state["pooled"] = [page.src for page in pages if page.src not in named]
        hide(files, frozenset(_state["pooled"]))
    if preview is None:
        keep()  # the pages' meta and HTML wait for the theme: out of the collector's passes
    return files


def _remove_built(site_dir: Path, settings: SiteSettings, srcs: set[str]) -> None:
    for src in sorted(srcs):
        built = site_dir / built_file(settings.urls, src)
        built.unlink(missing_ok=True)
        if built.name == "index.html" and built.parent != site_dir:
            with contextlib.suppress(OSError):  # not empty: another page's folder too
                built.parent.rmdir()
        log.info("Bản xem trước: bỏ trang %s (văn bản không còn)", src)


def _add_unchanged(files, config, kept: set[str], rendered: set[str], site_files) -> None:
    """Of the pages and files the rebuild leaves as first built (``kept``), those the nav names,
    as unchanged: MkDocs draws the nav from them. Every other one stays as written, unknown to
    this build: MkDocs' work for each of tens of thousands of files would outweigh the rebuild.
    Without a nav in mkdocs.yml, MkDocs makes one of every page: all are added."""
    present = rendered | {item.path for item in site_files} | {f.src_uri for f in files}
    named = kept if config.nav is None else _nav_sources(config.nav) & kept
    for src in sorted(named - present):
        files.append(_Unchanged.generated(config, src, content=""))


def _nav_sources(item) -> set[str]:
    """The source paths of the pages a nav (mkdocs.yml ``nav``) names."""
    if isinstance(item, str):
        return {item} if item.endswith(".md") and "://" not in item else set()
    if isinstance(item, dict):
        item = list(item.values())
    if isinstance(item, list):
        return set().union(*(_nav_sources(child) for child in item))
    return set()


def on_serve(server, config, builder):
    # The corpus lives outside docs/: an edited plan, legal record or agency must rebuild too.
    for folder in (PLANS_DIR, LEGAL_DIR):
        if (_state["root"] / folder).is_dir():
            server.watch(str(_state["root"] / folder))
    if "preview" in _state:  # make preview: large repositories are watched without polling
        watch_by_events(server)
    return server


def on_nav(nav, config, files):
    # MkDocs has made a Page of each (the nav's with their nav titles): the generated ones
    # need no Markdown conversion.
    pooled = set(_state["pooled"])
    for src in _state["pages"]:
        if src not in pooled:  # the others are made where they are built
            files.get_file_from_path(src).page.__class__ = _Prerendered
    _state["nav"] = nav
    return nav


def on_env(env, config, files):
    env.globals["cchc_search_ui"] = ui_options()  # Pagefind UI options the index implies
    # overrides/partials/nav.html wraps Material's own, which it names "material/partials/…".
    material = [d for d in config.theme.dirs if d != config.theme.custom_dir]
    env.loader = ChoiceLoader([env.loader, PrefixLoader({"material": FileSystemLoader(material)})])
    env.globals["cchc_fresh_theme"] = bool(os.environ.get(FRESH_THEME_ENV))
    env.globals["cchc_reuse"] = _state["reuse"] = ThemeReuse(config)
    env.filters["cchc_text"] = attribute_text  # share metadata and report link
    env.filters["cchc_report_href"] = report_href
    if "preview" in _state:
        env.bytecode_cache = _state["preview"].templates  # compiled once for every rebuild
    else:
        keep()  # MkDocs has read every page: its pages and files live until the theme is done
    if _state["pooled"]:
        _state["pool"] = PagePool.start(
            env,
            config,
            files,
            _state["nav"],
            _state["pooled"],
            _Prerendered,
            _state["reuse"].counts,
            available_cpus(),
        )
        for src in _state["pooled"]:  # the pool has them: only the nav's wait here
            del _state["pages"][src]
    return env


# Markdown conversion runs between these two page events, the theme's templates between the
# next two: the spans are charged to their phases for benchmarks (cchc_kb.phases). Generated
# pages arrive with an empty body; their meta and table of contents are put in when MkDocs
# reads them, their HTML only while the theme renders each one (MkDocs reads every page before
# it renders the first, and would otherwise hold all their HTML at once).
def on_page_markdown(markdown, page, config, files):
    generated = _state.get("pages", {}).get(page.file.src_uri)
    if generated is not None:
        page.meta = generated[0]
    _state["span"] = time.perf_counter()
    return markdown


def on_page_content(html, page, config, files):
    phases.add("markdown", time.perf_counter() - _state.pop("span", time.perf_counter()))
    generated = _state.get("pages", {}).get(page.file.src_uri)
    if generated is None:
        return html
    page.toc = get_toc(generated[1].toc_tokens)
    return ""


def on_page_context(context, page, config, nav):
    generated = _state.get("pages", {}).get(page.file.src_uri)
    if generated is not None:
        page.content = (page.content or "") + generated[1].html  # after MkDocs' draft mark
    _state["span"] = time.perf_counter()
    return context


def on_post_page(output, page, config):
    phases.add("templates", time.perf_counter() - _state.pop("span", time.perf_counter()))
    if _state.get("pages", {}).pop(page.file.src_uri, None) is not None:
        page.content = None  # written: the page's HTML is not needed again
    if "copier" in _state:  # kept for the build's process when the pool built the page
        page.built = _state["copier"].add(page.file.dest_uri, output)
    return output


def on_build_error(error):
    if "pool" in _state:
        _state.pop("pool").stop()
    if "copier" in _state:
        _state.pop("copier").stop()


def on_post_build(config):
    reuse = [_state["reuse"].counts()]
    if "pool" in _state:
        pool: PagePool = _state.pop("pool")
        with phases.timed("templates"):  # what the pool had left when MkDocs' loop ended
            _state["copier"].record(pool.finish())
        reuse += pool.summaries
    site = Path(config.site_dir)
    log.debug("Theme: %d parts reused, %d rendered", *map(sum, zip(*reuse, strict=True)))
    if "search" not in _state:
        # A preview's rebuild: the search index, sitemaps and manifest stay as first built.
        rendered = _state.get("page_count", 0)
        timings = ", ".join(f"{name} {sec:.2f} s" for name, sec in phases.totals().items())
        log.info("Bản xem trước: dựng lại %d trang (%s)", rendered, timings)
        log.info(
            "Bản xem trước: tìm kiếm, đồ thị, báo cáo chất lượng dữ liệu, nhiệm vụ theo đơn vị"
            " chủ trì, nguồn tin Atom và dữ liệu mở vẫn như lúc khởi động (make build để có bản"
            " đầy đủ)"
        )
        keep_for_next_build()
        return
    copier: PageCopier = _state["copier"]
    with phases.timed("search index"):  # Pagefind starts, and runs while the rest is done
        copier.start(config.site_dir, _state["settings"].search_part_pages)
    _state.pop("later").write(site)  # the exports, on the core Pagefind leaves free
    if not write_sitemaps(site, *_state["sitemap"], _state["settings"]):
        # Not an error: a preview without an address is fine, it only cannot have sitemaps.
        log.info("site_url chưa được đặt trong mkdocs.yml: không ghi sitemap, robots.txt")
    # The pages are written: Pagefind runs beside a process no larger than it must be, where
    # memory is short; a serving process, which builds again, always collects what it kept.
    if _state.get("command") == "serve":
        release()
    else:
        release_unless_room(copier.memory())
    # All but the search index is written: the manifest lists it while Pagefind runs.
    written = site_entries(site, copier.digests, skip=frozenset({BUNDLE_DIR}))
    with phases.timed("search index"):
        pages = copier.finish()  # _pagefind/: "Tìm kiếm"
        _state.pop("search")
    log.debug("Pagefind indexed %d pages", pages)
    written.update(site_entries(site, folder=BUNDLE_DIR))
    write_manifest(site, entries=written)  # last: every file of the site
    _state.pop("copier").stop()  # the index's copies, removed while the manifest was written
    if "preview" in _state:  # its rebuilds start from what lives now
        keep_for_next_build()
    phases.write_if_requested()
