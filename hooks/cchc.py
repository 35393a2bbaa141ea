"""MkDocs adapter: load the corpus, add the package's pages and files, pin "today", index.

The only file that knows MkDocs. Diagnostics: errors (a record that could not become a page)
are logged at ERROR, so ``mkdocs build --strict`` stops on them; data-quality warnings are
logged at INFO, because they describe real texts that are published as they are and must not
break a build. The diagnostics come with the build (``SiteBuild.diagnostics``): the
same list ``cchc check`` prints, so both fail on the same errors.
"""

from __future__ import annotations

import logging
import os
import time
from datetime import UTC, datetime
from html import escape
from pathlib import Path

import yaml
from mkdocs.structure.files import File

from cchc_kb import phases
from cchc_kb.corpus import build_corpus
from cchc_kb.site.build import build_site
from cchc_kb.site.pagefind import index_site, search_entries, ui_options
from cchc_kb.site.settings import SiteSettings
from cchc_kb.source.repository import LEGAL_DIR, PLANS_DIR

log = logging.getLogger("mkdocs.hooks.cchc")
_state: dict = {}


def on_config(config):
    cchc = config.extra.get("cchc") or {}
    settings = SiteSettings.from_config(
        cchc, config.site_name, config.site_url, config.use_directory_urls
    )
    root = Path(config.config_file_path).parent / str(cchc.get("root") or ".")
    _state.update(settings=settings, root=root.resolve())
    phases.reset()
    # MkDocs dates the sitemap with the build time unless SOURCE_DATE_EPOCH is set: use as_of.
    as_of = settings.as_of
    epoch = datetime(as_of.year, as_of.month, as_of.day, tzinfo=UTC).timestamp()
    os.environ["SOURCE_DATE_EPOCH"] = str(int(epoch))
    return config


def on_files(files, config):
    settings: SiteSettings = _state["settings"]
    site = build_site(build_corpus(_state["root"]), settings, {f.src_uri for f in files})
    for diag in site.diagnostics:
        level = logging.ERROR if diag.severity == "error" else logging.INFO
        log.log(level, diag.format())
    # Material's JavaScript is not used (pages work without it) and its bundles and source maps
    # name other hosts (GitHub API, unpkg); leave them out of the site.
    for file in list(files):
        if file.src_uri.startswith("assets/javascripts/") or file.src_uri.endswith(".map"):
            files.remove(file)
    _state["search"] = search_entries(site.pages, settings.urls)
    for page in site.pages:
        files.append(File.generated(config, page.src, content=_with_front_matter(page)))
    for item in site.files:
        files.append(File.generated(config, item.path, content=item.content))
    return files


def on_serve(server, config, builder):
    # The corpus lives outside docs/: an edited plan, legal record or agency must rebuild too.
    for folder in (PLANS_DIR, LEGAL_DIR):
        if (_state["root"] / folder).is_dir():
            server.watch(str(_state["root"] / folder))
    return server


def on_env(env, config, files):
    env.globals["cchc_search_ui"] = ui_options()  # Pagefind UI options the index implies
    return env


# Markdown conversion runs between these two page events, the theme's templates between the
# next two: the spans are charged to their phases for benchmarks (cchc_kb.phases).
def on_page_markdown(markdown, page, config, files):
    _state["span"] = time.perf_counter()
    return markdown


def on_page_content(html, page, config, files):
    phases.add("markdown", time.perf_counter() - _state.pop("span", time.perf_counter()))
    return html


def on_page_context(context, page, config, nav):
    _state["span"] = time.perf_counter()
    return context


def on_post_page(output, page, config):
    phases.add("templates", time.perf_counter() - _state.pop("span", time.perf_counter()))
    return output


def on_post_build(config):
    with phases.timed("search index"):
        pages = index_site(config.site_dir, _state.pop("search", {}))  # _pagefind/: "Tìm kiếm"
    log.debug("Pagefind indexed %d pages", pages)
    phases.write_if_requested()


def _with_front_matter(page) -> str:
    """Page meta as YAML front-matter. MkDocs' templates print the title unescaped: escape it."""
    meta = {"title": escape(page.title, quote=True)}
    for key, value in page.meta.items():
        if key == "description":
            value = escape(" ".join(str(value or "").split()), quote=True)
        meta[key] = value
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=True, width=1000)
    return f"---\n{front}---\n\n{page.markdown}"
