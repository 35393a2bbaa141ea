"""A generated page: where it lives, its title, its Markdown and the meta the theme reads."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TypedDict


class SearchEntry(TypedDict):
    title: str  # the result title Pagefind shows
    terms: list[str]  # number forms and names people type (search.py)


class PageMeta(TypedDict, total=False):
    """Every page-meta key ``overrides/main.html`` reads; the adapter writes them as the page's
    front-matter. No other key is read by the theme.

    - ``description``: the ``<meta name="description">`` text (escaped by the adapter).
    - ``json_ld``: a schema.org object, printed in ``<script type="application/ld+json">``.
    - ``search``: a content page Pagefind indexes, with its result title and search terms.
    - ``search_ui``: the search page: loads Pagefind's UI and leaves out the header search box.
    - ``feed``: path of the page's own Atom feed (an agency's), linked as ``rel=alternate``.
    """

    description: str
    json_ld: dict
    search: SearchEntry
    search_ui: bool
    feed: str


@dataclass
class Page:
    src: str  # source path under the site, e.g. "van-ban/61-2018-nd-cp.md" (see urls.py)
    title: str  # plain text, used for <title> and the h1
    markdown: str  # the page body; anything from records has been escaped by the renderer
    meta: PageMeta = field(default_factory=PageMeta)


@dataclass
class SiteFile:
    """A non-page file written into the built site (exports, feeds, SVG)."""

    path: str  # e.g. "du-lieu/graph.json"
    content: bytes
