"""Parts of Material's page that most pages share, rendered once for all of them.

Beside hooks/cchc.py, which loads it (MkDocs puts a hook's folder on the import path while it
loads the hook): it knows MkDocs' nav and Jinja2's context, so it stays out of the package.
"""

from __future__ import annotations

from jinja2 import pass_context
from mkdocs.structure.nav import Section
from mkdocs.utils import normalize_url


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
        return (base_url, *(normalize_url(url, page, base_url) for url in self._urls(nav)))

    def _urls(self, nav) -> list[str]:
        if self.urls is None:
            urls = [nav.homepage.url if nav.homepage else None, *self.fixed]
            urls += [item.url for item in _walk(nav.items) if not isinstance(item, Section)]
            self.urls = [str(url) for url in urls if url is not None]
        return self.urls


def _walk(items):
    for item in items:
        yield item
        if isinstance(item, Section):
            yield from _walk(item.children)
