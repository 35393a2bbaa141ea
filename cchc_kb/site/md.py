"""Escaping for everything that comes from records, before Markdown or a browser sees it.

Markdown passes raw HTML through and turns ``[x](javascript:…)`` into a live link, so record
text never reaches it unescaped: HTML special characters become entities, and the bracket
that opens a link, image or reference definition is backslash-escaped. The only links in a
body are the ones the site itself inserts for citations.
"""

from __future__ import annotations

import html
import re

# Characters that start Markdown inline syntax in a line of record text.
_MD_INLINE = re.compile(r"([\\`*_\[\]|!#~^{}])")
_BODY_MD = re.compile(r"([\\\[\]])")
_H1 = re.compile(r"^#(?=\s)", re.MULTILINE)
_UNSAFE_SCHEME = re.compile(r"^(?:javascript|data|vbscript|file):", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x20\x7f]+")


def esc(text: object) -> str:
    """Text for an HTML element or a quoted attribute."""
    return html.escape("" if text is None else str(text), quote=True)


def md_text(text: object) -> str:
    """One line of record text inside generated Markdown: no HTML, no links, no emphasis."""
    flat = " ".join(str(text or "").split())
    return _MD_INLINE.sub(r"\\\1", html.escape(flat, quote=False))


def body_segment(text: str) -> str:
    """A piece of a plan or legal body: Markdown structure kept, raw HTML and links neutralised."""
    return _BODY_MD.sub(r"\\\1", html.escape(text, quote=False))


def demote_h1(markdown: str) -> str:
    """The page's own h1 is the document heading; a body h1 becomes h2."""
    return _H1.sub("##", markdown)


def safe_href(target: str) -> str | None:
    """A link target the site may emit, or None for script-capable schemes."""
    squeezed = _CONTROL.sub("", html.unescape(target))
    if _UNSAFE_SCHEME.match(squeezed):
        return None
    return target


def html_block(html_text: str) -> str:
    """Rendered HTML (from a template) as a Markdown block: blank lines around it."""
    return "\n" + str(html_text).strip() + "\n\n"
