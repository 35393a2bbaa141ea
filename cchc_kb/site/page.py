"""A generated page: where it lives, its title and its Markdown (raw HTML already escaped)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Page:
    src: str  # source path under the site, e.g. "van-ban/61-2018-nd-cp.md" (see urls.py)
    title: str  # plain text, used for <title> and the h1
    markdown: str  # the page body; anything from records has been escaped by the renderer
    meta: dict = field(default_factory=dict)  # e.g. {"description": …, "json_ld": {...}}


@dataclass
class SiteFile:
    """A non-page file written into the built site (exports, feeds, SVG)."""

    path: str  # e.g. "du-lieu/graph.json"
    content: bytes
