"""Markdown extension: each plain table (a body's task appendix, a Markdown table of a page)
goes in a box that scrolls sideways on its own, so a phone page never does.

The box is a keyboard-focusable region named after the heading above the table (WCAG 2.1.1:
a region that scrolls must be reachable without a mouse). Tables with a class (attribute
panels, lists) are styled by the site's CSS and left alone. Enabled in ``mkdocs.yml``
(``markdown_extensions: - cchc_kb.site.tables``).
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


class ScrollTables(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        self._wrap(root, [None])

    def _wrap(self, parent: etree.Element, heading: list) -> None:
        for index, child in enumerate(list(parent)):
            if child.tag in HEADINGS and child.get("id"):
                heading[0] = child.get("id")
            if child.tag == "table" and not child.get("class"):
                box = etree.Element("div", {"class": "cchc-scroll", "role": "region"})
                box.set("tabindex", "0")
                if heading[0]:
                    box.set("aria-labelledby", heading[0])
                else:
                    box.set("aria-label", "Bảng")
                box.tail, child.tail = child.tail, None
                parent.remove(child)
                box.append(child)
                parent.insert(index, box)
            elif child.tag not in ("table", "svg"):
                self._wrap(child, heading)


class ScrollTablesExtension(Extension):
    def extendMarkdown(self, md) -> None:  # noqa: N802 - Markdown's API
        # After "toc" (priority 5), which gives the headings their ids.
        md.treeprocessors.register(ScrollTables(md), "cchc_scroll_tables", 4)


def makeExtension(**kwargs) -> ScrollTablesExtension:  # noqa: N802 - Markdown's API
    return ScrollTablesExtension(**kwargs)
