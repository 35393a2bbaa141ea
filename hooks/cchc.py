"""MkDocs adapter: load the corpus, add the package's pages and files, pin "today", index.

The only file that knows MkDocs. Diagnostics: errors (a record that could not become a page)
are logged at ERROR, so ``mkdocs build --strict`` stops on them; data-quality warnings are
logged at INFO, because they describe real texts that are published as they are and must not
break a build. ``cchc check`` prints both.
"""

from __future__ import annotations

import logging
import os
from datetime import UTC, datetime
from pathlib import Path

import yaml
from mkdocs.structure.files import File

from cchc_kb.load import load_corpus
from cchc_kb.site.build import build_pages, site_files
from cchc_kb.site.pagefind import index_site, ui_options
from cchc_kb.site.settings import SiteSettings

log = logging.getLogger("mkdocs.hooks.cchc")
_state: dict = {}


def on_config(config):
    cchc = config.extra.get("cchc") or {}
    settings = SiteSettings.from_config(cchc, config.site_name, config.site_url)
    root = Path(config.config_file_path).parent / str(cchc.get("root") or ".")
    _state.update(settings=settings, root=root.resolve())
    # MkDocs dates the sitemap with the build time unless SOURCE_DATE_EPOCH is set: use as_of.
    as_of = settings.as_of
    epoch = datetime(as_of.year, as_of.month, as_of.day, tzinfo=UTC).timestamp()
    os.environ["SOURCE_DATE_EPOCH"] = str(int(epoch))
    return config


def on_files(files, config):
    settings: SiteSettings = _state["settings"]
    corpus = load_corpus(_state["root"])
    for diag in corpus.diagnostics:
        level = logging.ERROR if diag.severity == "error" else logging.INFO
        log.log(level, diag.format())
    # Material's JavaScript is not used (pages work without it) and its bundles and source maps
    # name other hosts (GitHub API, unpkg); leave them out of the site.
    for file in list(files):
        if file.src_uri.startswith("assets/javascripts/") or file.src_uri.endswith(".map"):
            files.remove(file)
    existing = {f.src_uri for f in files}
    for page in build_pages(corpus, settings, existing):
        files.append(File.generated(config, page.src, content=_with_front_matter(page)))
    for item in site_files(corpus, settings):
        if item.path not in existing:
            files.append(File.generated(config, item.path, content=item.content))
    return files


def on_env(env, config, files):
    env.globals["cchc_search_ui"] = ui_options()  # Pagefind UI options the index implies
    return env


def on_page_context(context, page, config, nav):
    # What each page tells the search index beyond its text (cchc_kb/site/pagefind.py).
    if page.meta.get("search"):
        _state.setdefault("search", {})[page.file.dest_uri] = page.meta["search"]
    return context


def on_post_build(config):
    pages = index_site(config.site_dir, _state.pop("search", {}))  # _pagefind/ for "Tìm kiếm"
    log.debug("Pagefind indexed %d pages", pages)


def _with_front_matter(page) -> str:
    """Page meta as YAML front-matter. MkDocs' templates print the title unescaped: escape it."""
    from html import escape

    meta = {"title": escape(page.title, quote=True)}
    for key, value in page.meta.items():
        if key == "description":
            value = escape(" ".join(str(value or "").split()), quote=True)
        meta[key] = value
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=True, width=1000)
    return f"---\n{front}---\n\n{page.markdown}"
