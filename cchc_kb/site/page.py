"""A generated page: where it lives, its title, its Markdown and the meta the theme reads."""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape
from typing import Required, TypedDict


class SearchEntry(TypedDict, total=False):
    """What an indexed page tells the index beyond its text (made in ``search.py``, given to
    Pagefind by ``pagefind.py``; none of it is printed in the page but the title)."""

    title: Required[str]  # the result title Pagefind shows
    kind: str  # "full" (plan, legal document, agency) or "stub" (known only from citations)
    terms: list[str]  # names people type: issuer, signer, provinces with their successors
    numbers: list[str]  # the number in the forms people type (search.number_forms)
    details: dict[str, str]  # what a result shows under its title: label -> value
    filters: dict[str, list[str]]  # filter name (pagefind.FILTERS) -> values


class PageMeta(TypedDict, total=False):
    """The contract with the theme: every key a page's meta may carry, and what reads it.

    The hook sets it as the page's meta (``theme_meta``); ``overrides/main.html`` (and
    Material's ``base.html`` for the title and description) read it. A key outside this
    definition is refused when the page is made.

    - ``title``: written by the hook from ``Page.title`` (escaped), never by a page; Material's
      ``<title>`` and the share tags (partials/cchc-share.html) read it.
    - ``description``: ``<meta name=description>`` (Material); the hook squeezes whitespace
      and escapes it.
    - ``json_ld``: a schema.org object, printed as ``<script type=application/ld+json>``
      (main.html).
    - ``search``: the page is indexed by Pagefind; its title is the result title (main.html),
      the rest goes to the index's copy of the page only (``cchc_kb.site.pagefind``, through
      the hook's ``search_entries``).
    - ``search_ui``: true on the 'Tìm kiếm' page: loads Pagefind's UI, its options and
      ``assets/cchc/search.js`` (main.html).
    - ``feed``: path of the Atom feed announced by ``<link rel=alternate>`` (main.html).
    - ``unchecked``: true when the page shows facts not yet checked against the original
      (the "Thông tin chưa được kiểm tra" notice): the "Báo lỗi, góp ý" box asks readers to
      help check them (partials/cchc-report.html).
    """

    title: str
    description: str
    json_ld: dict
    search: SearchEntry
    search_ui: bool
    feed: str
    unchecked: bool


# The keys of the contract, for the check below and the tests.
PAGE_META: frozenset[str] = PageMeta.__required_keys__ | PageMeta.__optional_keys__


@dataclass
class Page:
    src: str  # source path under the site, e.g. "van-ban/61-2018-nd-cp.md" (see urls.py)
    title: str  # plain text, used for <title> and the h1 (``theme_meta`` escapes it)
    markdown: str  # the page body; anything from records has been escaped by the renderer
    meta: PageMeta = field(default_factory=PageMeta)
    # (start, end) of the document's own text in ``markdown`` (a plan's body), the rest being
    # the site's own Markdown: ``generated_markdown.read`` reads only this part with
    # Python-Markdown's parsers.
    authored: tuple[int, int] | None = None

    def __post_init__(self) -> None:
        unknown = sorted(set(self.meta) - set(PAGE_META))
        if unknown:
            raise ValueError(f"{self.src}: page meta not in PAGE_META: {', '.join(unknown)}")
        if "title" in self.meta:
            raise ValueError(f"{self.src}: the title is Page.title, not page meta")

    def theme_meta(self) -> dict:
        """The meta the generator's page gets. MkDocs' templates print the title and the
        description unescaped: they are escaped here."""
        meta: dict = {"title": escape(self.title, quote=True)}
        for key, value in self.meta.items():
            if key == "description":
                value = escape(" ".join(str(value or "").split()), quote=True)
            meta[key] = value
        return meta


@dataclass
class SiteFile:
    """A non-page file written into the built site (exports, feeds, SVG)."""

    path: str  # e.g. "du-lieu/graph.json"
    content: bytes
