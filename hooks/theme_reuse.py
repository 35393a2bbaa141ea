"""Parts of Material's page that most pages share, rendered once for all of them.

Beside hooks/cchc.py, which loads it (MkDocs puts a hook's folder on the import path while it
loads the hook): it knows MkDocs' nav and Jinja2's context, so it stays out of the package.
"""

from __future__ import annotations

from jinja2 import pass_context
from mkdocs.structure.nav import Section
from mkdocs.utils import _get_norm_url, _norm_parts, normalize_url


class ThemeReuse:
    """``{% call cchc_reuse(name) %}…{% endcall %}`` in overrides/: the site navigation, the
    tabs, the page configuration, the header but for the page's title.

    They differ between pages only in the nav item marked active (on the few hand-written
    pages the nav lists: those are rendered afresh) and in their links, relative to the page.
    So a fragment is kept under the page's base URL and its relative address of each link the
    nav holds; a page whose addresses all match gets the same HTML. Most pages are generated
    ones, outside the nav, and share a few dozen fragments.
    """

    def __init__(self, config) -> None:
        self.fixed = [config.theme.get("logo"), config.extra.get("homepage")]
        self.urls: list[str] | None = None  # the nav is complete once the theme renders
        self.prefixes: set[tuple[str, ...]] = set()  # of the folders of those links
        self.keys: dict[tuple, tuple] = {}  # (base URL, a page's place) -> its key
        self.page = self.key = None
        self.fragments: dict[tuple, str | list[str]] = {}
        self.reused = 0

    def counts(self) -> tuple[int, int]:
        """Parts reused, parts rendered."""
        return self.reused, len(self.fragments)

    @pass_context
    def __call__(self, context, name: str, vary: object = None, *, caller) -> str:
        """The part ``caller`` renders for this page. ``vary``: the one value of the page the
        part shows (its title in the header); the part is kept around it when it appears
        exactly once in the rendering, so that the kept text is all the rest."""
        page = context["page"]
        if page is not self.page:  # the same page asks for each part in turn
            self.page, self.key = page, self._key(context)
        if self.key is None:
            return caller()
        kept = self.fragments.get((name, *self.key))
        if kept is None:
            fragment = caller()
            if vary is None:
                self.fragments[(name, *self.key)] = fragment
            elif fragment.count(str(vary)) == 1:
                self.fragments[(name, *self.key)] = fragment.split(str(vary))
            return fragment
        self.reused += 1
        return kept if vary is None else str(vary).join(kept)

    def _key(self, context) -> tuple | None:
        nav, page, base_url = context["nav"], context["page"], context["base_url"]
        if page is None or any(item.active for item in nav.pages):
            return None
        urls = self._urls(nav)
        place = (base_url, *self._place(page.url))
        key = self.keys.get(place)
        if key is None:
            key = self.keys[place] = (
                base_url,
                *(normalize_url(url, page, base_url) for url in urls),
            )
        return key

    def _urls(self, nav) -> list[str]:
        if self.urls is None:
            urls = [nav.homepage.url if nav.homepage else None, *self.fixed]
            urls += [item.url for item in _walk(nav.items) if not isinstance(item, Section)]
            self.urls = [str(url) for url in urls if url is not None]
            for url in self.urls:
                path, level = _get_norm_url(url)
                if level != -1:  # relative to the page
                    parts = tuple(_norm_parts(path))
                    self.prefixes.update(parts[:n] for n in range(1, len(parts) + 1))
        return self.urls

    def _place(self, url: str) -> tuple[int, tuple[str, ...]]:
        """What a link relative to the page at ``url`` depends on: MkDocs writes it from the
        page's folders (``get_relative_url``), climbing out of each below the part they share
        with the link's. So its depth and its longest start that begins a link's folders say
        it all; most generated pages of one kind share them. (``_get_norm_url`` and
        ``_norm_parts`` are how ``normalize_url`` reads a link and a page's URL.)"""
        folder, _, name = url.rpartition("/")
        parts = _norm_parts(folder if "." in name else url)
        shared = 0
        while shared < len(parts) and tuple(parts[: shared + 1]) in self.prefixes:
            shared += 1
        return len(parts), tuple(parts[:shared])


def _walk(items):
    for item in items:
        yield item
        if isinstance(item, Section):
            yield from _walk(item.children)
