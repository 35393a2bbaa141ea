"""The few ways page builders put template output into a page: a link, a block, a joined run.

Nothing here writes markup: links and blocks come from ``templates/``; ``join`` glues
``Markup`` and plain text, escaping the text.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from markupsafe import Markup

from .md import html_block, safe_href
from .render import fragment, render


def link(href: str, text: object, **attrs: str | bool | None) -> Markup:
    """An ``<a>``; a script-capable URL is refused (the text stays, unlinked).

    ``attrs``: ``cls`` for ``class``, and ``rel``, ``type``, ``download`` (True: bare).
    """
    pairs = tuple(("class" if name == "cls" else name, value) for name, value in attrs.items())
    try:
        return _link(href, text, type(text), pairs)
    except TypeError:  # a text that cannot be a key
        return _link.__wrapped__(href, text, type(text), pairs)


@lru_cache(maxsize=65536)
def _link(href: str, text: object, kind: type, attrs: tuple) -> Markup:
    """Memoised: pages of one folder link to the same pages with the same words. ``kind``
    keeps markup and the same text as plain text apart (they are equal as keys)."""
    return fragment("link.html", href=safe_href(href), text=text, attrs=attrs)


def block(template: str, **values: object) -> str:
    """A template's HTML as a block of the page's Markdown."""
    return html_block(render(template, **values))


def join(parts: Iterable[object], separator: str = "") -> Markup:
    """Fragments and text in a row; text is escaped, fragments are kept."""
    return Markup(separator).join(parts)
