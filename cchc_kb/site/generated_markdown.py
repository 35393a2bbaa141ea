"""The Markdown the site writes for its own pages, read without Python-Markdown's parsers.

The list and graph pages are Markdown the site composes from a few shapes: headings,
paragraphs, pipe tables, ``-`` lists nested by four spaces, template blocks (``md.html_block``)
and, inline, escaped record text (``md.md_text``) and links. Python-Markdown's block parser
and inline patterns are most of a build's Markdown time, and for these shapes their result is
known: ``read`` makes the same element tree directly, and ``prerender.Converter`` runs the
rest of Python-Markdown on it (table of contents, the site's tree processors, the serializer,
the postprocessors), so the HTML and the table of contents are Python-Markdown's own.

Anything outside those shapes (raw HTML, emphasis, code, ordered lists, a list continued after
a blank line…) raises ``Unsupported`` and the page goes through Python-Markdown whole:
``read`` never guesses. ``tests/test_generated_markdown.py`` compares both ways for every
kind of generated page.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Markdown

from .md import HTML_BLOCK_END, HTML_BLOCK_START

# Python-Markdown extensions that change nothing ``read`` makes (it leaves fenced code and
# admonitions to Python-Markdown), or that act on the tree after it (toc, the site's tables
# box): with any other, ``read`` is not used. MkDocs always adds toc, tables and fenced_code.
EXTENSIONS = frozenset(
    {
        "tables",
        "fenced_code",
        "markdown.extensions.fenced_code",
        "sane_lists",
        "admonition",
        "toc",
        "cchc_kb.site.tables",
        "markdown.extensions.tables",
        "markdown.extensions.sane_lists",
        "markdown.extensions.admonition",
        "markdown.extensions.toc",
    }
)

# Python-Markdown's normalisation: a line of spaces only is an empty line.
_SPACES_LINE = re.compile(r"(?<=\n) +\n")
# What Python-Markdown's preprocessors would touch (fences anywhere, even in a template
# block); read leaves such a page to it (``_preprocessed``).
_PREPROCESSED_CHARS = "\t\r\x02\x03"
_FENCE = re.compile("^(?:~~~|```)", re.MULTILINE)
_HEADING_TAGS = frozenset(f"h{level}" for level in range(1, 7))
# A line that may start a block other than a paragraph (or continue one oddly): list markers,
# headings (setext too), rules, quotes, tables, fences, admonitions, references, indented code.
_BLOCK_START = re.compile(r" {0,3}(?:[-*+#>|=_`~]|\d+[.)]|!!!|\?\?\?|\[[^\]]*\]:)| {4}")
_HEADING = re.compile(r"(#{1,6})(.*)")
_TABLE_SEPARATOR = re.compile(r"\|?(?: *:?-+:? *\|)*(?: *:?-+:? *)\|?")
_ITEM = re.compile(r"((?:    )*)- (?! )(.*)")
# Inline: an escape, a link with plain text and target, or a character that starts anything else.
_INLINE = re.compile(
    r"\\(.)"
    r"|\[((?:\\.|[^\\\[\]\n])*)\]\(([^\s()<>\"'\\]*)\)"
    r"|[\[\]`*_<]|!\[|  \n",
    re.DOTALL,
)
_ALIGN = {(True, True): "center", (True, False): "left", (False, True): "right"}


class Unsupported(ValueError):
    """The text has a shape ``read`` does not make: Python-Markdown must read it."""


def read(text: str, md: Markdown, authored: tuple[int, int] | None = None) -> etree.Element:
    """The tree Python-Markdown's preprocessors, block parser and inline patterns make of
    ``text`` (template blocks stored in ``md.htmlStash``), or ``Unsupported``.

    ``authored`` (``Page.authored``): the part of ``text`` that is a document's own text, which
    Python-Markdown reads (``_read_around``)."""
    if authored is not None:
        return _read_around(text, authored, md)
    if not text.strip() or _preprocessed(text):
        raise Unsupported("empty, not normalised, or with fenced code")
    if " \n" in text:  # a look-behind tried at every character costs more than this search
        text = _SPACES_LINE.sub("\n", text)
    lines = text.split("\n")
    root = etree.Element(md.doc_tag)
    escaped = frozenset(md.ESCAPED_CHARS)
    index, previous = 0, ""
    while index < len(lines):
        line = lines[index]
        if not line.strip(" "):
            index += 1
            continue
        if line == HTML_BLOCK_START:
            try:
                end = lines.index(HTML_BLOCK_END, index + 1)
            except ValueError:
                raise Unsupported("a template block without its end") from None
            paragraph = etree.SubElement(root, "p")
            paragraph.text = md.htmlStash.store("\n".join(lines[index + 1 : end]))
            index, previous = end + 1, "html"
            continue
        end = index + 1
        # Python-Markdown takes a heading line out of its block and reads the lines under it
        # as the next block (a line with a pipe could make the block a table instead).
        if not line.startswith("#") or "|" in line:
            while end < len(lines) and lines[end].strip(" ") and lines[end] != HTML_BLOCK_START:
                end += 1
        block = lines[index:end]
        index = end
        if HTML_BLOCK_END in block:
            raise Unsupported("a template block end without its start")
        first = block[0]
        if first.startswith("#"):
            _heading(root, block, escaped)
            previous = "heading"
        elif first.startswith("|"):
            _table(root, block, escaped)
            previous = "table"
        elif first.startswith("- "):
            if previous == "list":  # Python-Markdown would join them in one loose list
                raise Unsupported("two lists apart")
            _list(root, block, escaped)
            previous = "list"
        else:
            _paragraph(root, block, escaped)
            previous = "paragraph"
    return root


def _preprocessed(text: str) -> bool:
    """Whether Python-Markdown's preprocessors would change ``text``. Substring searches
    first: a pattern with a line start among its alternatives is tried at every character."""
    if any(char in text for char in _PREPROCESSED_CHARS):
        return True
    return ("~~~" in text or "```" in text) and _FENCE.search(text) is not None


def _read_around(text: str, authored: tuple[int, int], md: Markdown) -> etree.Element:
    """``read`` of a page with a document's own text in it: the site's Markdown before and
    after it read directly, the document's text by Python-Markdown's preprocessors, block
    parser and inline patterns, alone.

    Alone it gives the tree it gives within the page when nothing around it reaches in or out,
    which is what is required here. Python-Markdown reads a block in the light of the element
    before it (a list, a quote, a code block or an admonition goes on), so the text must follow
    a heading after a blank line, and what comes after it must start with a heading line, which
    no block takes in. Blank lines after a code block become part of it, so the text must not
    end in one. Python-Markdown's preprocessors run over the whole page: raw HTML ("<") may run
    past the text's end and is refused; a fence cannot (``read`` refuses fences around it)."""
    start, end = authored
    before, own, after = text[:start], text[start:end], text[end:]
    root = read(before, md)
    if not before.endswith("\n\n") or root[-1].tag not in _HEADING_TAGS:
        raise Unsupported("a document's text that does not follow a heading")
    if "<" in own:
        raise Unsupported("raw HTML in a document's text")
    first_after = next((line for line in after.split("\n") if line.strip(" ")), None)
    if first_after is not None and not (own.endswith("\n\n") and first_after.startswith("#")):
        raise Unsupported("a document's text not followed by a heading")
    lines = own.split("\n")
    for step in md.preprocessors:
        lines = step.run(lines)
    parsed = md.parser.parseDocument(lines).getroot()
    parsed = md.treeprocessors["inline"].run(parsed) or parsed
    if len(parsed) and parsed[-1].tag == "pre":
        raise Unsupported("a document's text that ends in a code block")
    root.extend(parsed)
    if first_after is not None:
        root.extend(read(after, md))
    return root


def _heading(root: etree.Element, block: list[str], escaped: frozenset[str]) -> None:
    match = _HEADING.fullmatch(block[0])
    text = match.group(2).strip() if match else ""
    if len(block) > 1 or not text or text.startswith("#") or text.endswith("#"):
        raise Unsupported("a heading with more on its lines")
    _inline(etree.SubElement(root, f"h{len(match.group(1))}"), text, escaped)


def _paragraph(root: etree.Element, block: list[str], escaped: frozenset[str]) -> None:
    for line in block:
        if _BLOCK_START.match(line) or line.endswith(" "):
            raise Unsupported("a line that is not plain paragraph text")
    _inline(etree.SubElement(root, "p"), "\n".join(block).lstrip(), escaped)


def _table(root: etree.Element, block: list[str], escaped: frozenset[str]) -> None:
    rows = [row.strip(" ") for row in block]
    if len(rows) < 2 or not _TABLE_SEPARATOR.fullmatch(rows[1]):
        raise Unsupported("a table without its separator row")
    header = _cells(rows[0])
    separator = _cells(rows[1])
    if len(header) < 2 or len(separator) != len(header):
        raise Unsupported("a table whose header and separator differ")
    if any(not row.startswith("|") for row in rows[2:]):
        raise Unsupported("a table row without its leading pipe")
    align = [
        _ALIGN.get((cell.strip(" ").startswith(":"), cell.strip(" ").endswith(":")))
        for cell in separator
    ]
    table = etree.SubElement(root, "table")
    _row(etree.SubElement(table, "thead"), "th", header, align, escaped)
    body = etree.SubElement(table, "tbody")
    for row in rows[2:]:
        _row(body, "td", _cells(row), align, escaped)
    if len(rows) == 2:  # an empty table: one row of empty cells, without their alignment
        empty = etree.SubElement(body, "tr")
        for _ in align:
            etree.SubElement(empty, "td")


def _cells(row: str) -> list[str]:
    """A row's cells as Python-Markdown's tables extension splits them (the row has a leading
    pipe; a trailing one not escaped ends it)."""
    if "`" in row:
        raise Unsupported("code in a table")
    row = row[1:] if row.startswith("|") else row
    if "\\" not in row:
        cells = row.split("|")
        return cells[:-1] if len(cells) > 1 and row.endswith("|") else cells
    cells, start, position = [], 0, 0
    while position < len(row):
        char = row[position]
        if char == "\\":
            position += 2
            continue
        if char == "|":
            cells.append(row[start:position])
            start = position + 1
        position += 1
    if start < len(row) or not cells:
        cells.append(row[start:])
    return cells


def _row(
    parent: etree.Element, tag: str, cells: list[str], align: list, escaped: frozenset[str]
) -> None:
    row = etree.SubElement(parent, "tr")
    for number, alignment in enumerate(align):
        cell = etree.SubElement(row, tag)
        text = cells[number].strip(" ") if number < len(cells) else ""
        if text:
            _inline(cell, text, escaped)
        else:
            cell.text = ""
        if alignment:
            cell.set("style", f"text-align: {alignment};")


def _list(root: etree.Element, block: list[str], escaped: frozenset[str]) -> None:
    """A tight ``-`` list; each level four more spaces, one level deeper at most per line."""
    lists = [etree.SubElement(root, "ul")]
    for line in block:
        match = _ITEM.fullmatch(line)
        if not match:
            raise Unsupported("a list line that is not an item")
        depth = len(match.group(1)) // 4
        text = match.group(2)
        if depth > len(lists) or (depth == len(lists) and not len(lists[-1])):
            raise Unsupported("a list item deeper than its parent's level")
        if _BLOCK_START.match(text) or text.endswith(" "):
            raise Unsupported("a list item that is not plain text")
        if depth == len(lists):
            lists.append(etree.SubElement(lists[-1][-1], "ul"))
        del lists[depth + 1 :]
        _inline(etree.SubElement(lists[depth], "li"), text, escaped)


def _inline(element: etree.Element, text: str, escaped: frozenset[str]) -> None:
    """Text with escapes and links into ``element`` as the inline patterns would put it."""
    last: etree.Element | None = None
    pieces: list[str] = []
    position = 0
    for match in _INLINE.finditer(text):
        pieces.append(text[position : match.start()])
        position = match.end()
        char, label, href = match.group(1, 2, 3)
        if char is not None:
            pieces.append(char if char in escaped else match.group(0))
            continue
        if href is None:
            raise Unsupported(f"inline markup {match.group(0)!r}")
        _place(element, last, "".join(pieces))
        pieces = []
        last = etree.SubElement(element, "a", {"href": href})
        _inline(last, label, escaped)
    pieces.append(text[position:])
    _place(element, last, "".join(pieces))


def _place(element: etree.Element, last: etree.Element | None, text: str) -> None:
    if not text:
        return
    if last is None:
        element.text = text
    else:
        last.tail = text
