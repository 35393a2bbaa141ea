"""Generated pages to finished HTML, on every core, so the generator does not parse them again.

MkDocs would convert each generated page's Markdown itself, scan its raw HTML for anchors and
rewrite its links; for thousands of pages that is most of a build. Here each page is converted
once with the site's own Markdown extensions: the HTML blocks the templates produced
(``md.html_block``) go straight into Python-Markdown's stash instead of through its HTML
parser, and Markdown links naming source paths (``../van-ban/x.md``) become the URLs of the
site's scheme. A link to a source path that is not in the site is an error, as it is in a
strict MkDocs build: each page notes its relative links and ``broken_links`` checks them once
every page of the site is known, so a page can be converted where it is made
(``build_site(..., convert)``). The adapter hands MkDocs an empty body and substitutes the HTML
and the table of contents (``toc_tokens``, as MkDocs would get them).

Pages are independent: they are converted in a pool of processes, and the results come back
in the order of the input, so the site is the same whatever the number of processes.
"""

from __future__ import annotations

import posixpath
import re
import xml.etree.ElementTree as etree
import zlib
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from html import unescape as unescape_entities
from urllib.parse import unquote, urlsplit, urlunsplit

import markdown
from markdown.extensions import toc as toc_extension
from markdown.extensions.toc import TocTreeprocessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import InlineProcessor, Treeprocessor

from ..model.models import Diagnostic
from ..parallel import ordered_map
from . import generated_markdown
from .md import HTML_BLOCK_END, HTML_BLOCK_START
from .page import Page
from .urls import UrlScheme


@dataclass(frozen=True)
class MarkdownConfig:
    """The site's Markdown: extension names and their configs, as ``mkdocs.yml`` lists them."""

    extensions: tuple[str, ...]
    configs: dict = field(default_factory=dict)


# Every page waits for the theme until the last is converted: with more documents than this
# its HTML waits compressed, else as text. As text, tens of thousands of pages would be most
# of the build's memory (23 KB a document, 5 compressed); at 2,000 plans (2,400 documents)
# compressing took 0.35 CPU-s and decompressing for the theme 0.30, of 25, for 44 MB.
RAW_HTML_DOCUMENTS = 5000


def compresses_html(documents: int) -> bool:
    """Whether the HTML of a site with ``documents`` documents waits compressed."""
    return documents > RAW_HTML_DOCUMENTS


@dataclass
class RenderedPage:
    src: str
    html_bytes: bytes  # the HTML as UTF-8, compressed (zlib) if ``compressed``
    toc_tokens: list  # Python-Markdown's toc extension tokens: the adapter's page.toc
    # Its relative links, "target<TAB>href" a line, compressed: checked against the site's
    # source paths once every page is known (``broken_links``).
    packed_links: bytes
    compressed: bool = True

    @classmethod
    def of(
        cls, src: str, html: str, toc_tokens: list, links: list[str], compress: bool = True
    ) -> RenderedPage:
        data = _pack(html) if compress else html.encode("utf-8")
        return cls(src, data, toc_tokens, _pack("\n".join(links)), compress)

    @property
    def html(self) -> str:
        data = zlib.decompress(self.html_bytes) if self.compressed else self.html_bytes
        return data.decode("utf-8")

    def links(self) -> list[tuple[str, str]]:
        """(target source path, href as written) of each relative link, in page order."""
        text = zlib.decompress(self.packed_links).decode("utf-8")
        return [tuple(line.split("\t", 1)) for line in text.splitlines()]  # type: ignore[misc]


def _pack(text: str) -> bytes:
    return zlib.compress(text.encode("utf-8"), 1)


class _StashHtmlBlocks(Preprocessor):
    """Template HTML between the ``html_block`` markers goes to the stash unparsed."""

    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        held: list[str] | None = None
        for line in lines:
            if held is None:
                if line == HTML_BLOCK_START:
                    held = []
                else:
                    out.append(line)
            elif line == HTML_BLOCK_END:
                out += ["", self.md.htmlStash.store("\n".join(held)), ""]
                held = None
            else:
                held.append(line)
        if held is not None:  # an unclosed block: leave it to Markdown as it was
            out += [HTML_BLOCK_START, *held]
        return out


class _SourceLinks(Treeprocessor):
    """Relative links to ``*.md`` source paths → the page URLs of the site's scheme; each
    relative link is noted, to be checked once every page of the site is known."""

    def __init__(self, md, urls: UrlScheme) -> None:
        super().__init__(md)
        self.urls = urls
        self.src = ""
        self.links: list[str] = []

    def run(self, root: etree.Element) -> None:
        for element in root.iter("a"):
            href = element.get("href")
            if href:
                element.set("href", self._url(href))

    def _url(self, href: str) -> str:
        resolved = _resolved(posixpath.dirname(self.src), href)
        if resolved is None:
            return href
        target, query, anchor = resolved
        self.links.append(f"{target}\t{href}")
        if not target.endswith(".md"):
            return href
        return urlunsplit(("", "", self.urls.relative_url(self.src, target), query, anchor))


@lru_cache(maxsize=65536)
def _resolved(folder: str, href: str) -> tuple[str, str, str] | None:
    """The source path a relative link from a page in ``folder`` names, with its query and
    anchor; None for a link elsewhere. Memoised: the pages of a folder share most links."""
    scheme, netloc, path, query, anchor = urlsplit(href)
    if scheme or netloc or not path or href.startswith(("/", "\\")):
        return None
    return posixpath.normpath(posixpath.join(folder, unquote(path))), query, anchor


class Converter:
    """Pages to HTML with the site's Markdown: one Markdown instance, reset between pages
    (building one per page is slow). Its ``convert`` runs wherever the pages are made."""

    def __init__(self, config: MarkdownConfig, urls: UrlScheme, compress: bool = True):
        self.compress = compress  # the HTML (``compresses_html``)
        self.md = markdown.Markdown(
            extensions=list(config.extensions), extension_configs=config.configs
        )
        # Before Python-Markdown's own HTML block step (priority 20).
        self.md.preprocessors.register(_StashHtmlBlocks(self.md), "cchc_html_blocks", 25)
        self.links = _SourceLinks(self.md, urls)
        self.md.treeprocessors.register(self.links, "cchc_source_links", 0)
        # The site's own pages skip the block parser and the inline patterns when the
        # extensions are ones ``generated_markdown.read`` knows (``convert_generated``).
        _quicken(self.md)
        _quicken_inline(self.md)
        inline = self.md.treeprocessors["inline"]
        self.tree_steps = [step for step in self.md.treeprocessors if step is not inline]
        self.reads_generated = set(config.extensions) <= generated_markdown.EXTENSIONS and not any(
            config.configs.get(name)
            for name in config.extensions
            if name.rpartition(".")[2] != "toc"
        )

    def convert(self, page: Page) -> RenderedPage:
        self.md.reset()
        self.links.src, self.links.links = page.src, []
        html = self.md.convert(page.markdown)
        toc = getattr(self.md, "toc_tokens", [])
        return RenderedPage.of(page.src, html, toc, self.links.links, self.compress)

    def convert_generated(self, page: Page) -> RenderedPage:
        """A page whose Markdown the site wrote (list and graph pages; around a document's
        own text, ``Page.authored``, document pages): the same HTML and table of contents as
        ``convert``, without Python-Markdown's parsers where the site's Markdown keeps to the
        shapes ``generated_markdown.read`` makes."""
        if not self.reads_generated:
            return self.convert(page)
        self.md.reset()
        self.links.src, self.links.links = page.src, []
        try:
            root = generated_markdown.read(page.markdown, self.md, page.authored)
        except generated_markdown.Unsupported:
            return self.convert(page)
        for step in self.tree_steps:
            root = step.run(root) or root
        html = self._serialized(root)
        toc = getattr(self.md, "toc_tokens", [])
        return RenderedPage.of(page.src, html, toc, self.links.links, self.compress)

    def _serialized(self, root: etree.Element) -> str:
        """What ``Markdown.convert`` does after its tree processors."""
        output = self.md.serializer(root)
        tag = self.md.doc_tag
        output = output[output.index(f"<{tag}>") + len(tag) + 2 : output.rindex(f"</{tag}>")]
        output = output.strip()
        for step in self.md.postprocessors:
            output = step.run(output)
        return output.strip()


def _quicken(md: markdown.Markdown) -> None:
    """Checks Python-Markdown makes for every element of every page, answered the same for
    less: whether a tag is block-level (a scan of a list of 60 names, asked for each element
    by the prettify step and for each stashed block), whether the page has the
    table-of-contents marker (the toc step gathers each element's text to look for it), and
    the table of contents itself (``_quick_toc``)."""
    block_level = frozenset(md.block_level_elements)

    def is_block_level(tag: object) -> bool:
        return isinstance(tag, str) and tag.lower().rstrip("/") in block_level

    md.is_block_level = is_block_level  # type: ignore[method-assign]
    if "toc" not in md.treeprocessors:
        return
    toc = md.treeprocessors["toc"]
    replace_marker = toc.replace_marker

    def has_marker(root: etree.Element) -> bool:
        # The toc step replaces only an element without children whose text is the marker.
        marker = toc.marker
        return bool(marker) and any(
            not len(element) and element.text and element.text.strip() == marker
            for element in root.iter()
        )

    def replace_marker_if_any(root: etree.Element, elem: etree.Element) -> None:
        if has_marker(root):
            replace_marker(root, elem)

    toc.replace_marker = replace_marker_if_any
    if not toc.use_anchors and toc.use_permalinks in (False, None):
        toc.run = _quick_toc(toc, has_marker)


# What each of Python-Markdown's inline patterns needs in a text to match there (any one of
# these strings): a text with none of them is left as it is by every pattern (``_QuickInline``).
_INLINE_NEEDS = {
    "backtick": ("`",),
    "escape": ("\\",),
    "reference": ("[",),
    "link": ("[",),
    "image_link": ("[",),
    "image_reference": ("[",),
    "short_reference": ("[",),
    "short_image_ref": ("[",),
    "autolink": ("<",),
    "automail": ("<",),
    "linebreak": ("  \n",),
    "html": ("<",),
    "entity": ("&",),
    "em_strong": ("*", "_"),
    "em_strong2": ("_",),
    "not_strong": ("*", "_"),
}
_INLINE_MAY_MATCH = re.compile(
    "|".join(
        re.escape(need) for need in sorted({n for needs in _INLINE_NEEDS.values() for n in needs})
    )
)


class _QuickInline(InlineProcessor):
    """Python-Markdown's inline step, which tries each of its patterns in turn on every text
    of the tree, given a text none of them can match (most texts of a plan) back at once:
    that is what the patterns would give."""

    def _InlineProcessor__handleInline(self, data: str, patternIndex: int = 0) -> str:  # noqa: N802, N803 - the step's own (private) method
        if patternIndex == 0 and _INLINE_MAY_MATCH.search(data) is None:
            return data
        return super()._InlineProcessor__handleInline(data, patternIndex)  # type: ignore[misc]


def _quicken_inline(md: markdown.Markdown) -> None:
    """The quick inline step in place of Python-Markdown's, when every inline pattern is one
    whose needs ``_INLINE_NEEDS`` knows (an extension may add others)."""
    if type(md.treeprocessors["inline"]) is not InlineProcessor:
        return
    if not {item.name for item in md.inlinePatterns._priority} <= _INLINE_NEEDS.keys():
        return
    priority = next(item.priority for item in md.treeprocessors._priority if item.name == "inline")
    md.treeprocessors.register(_QuickInline(md), "inline", priority)


def _quick_toc(
    toc: TocTreeprocessor, has_marker: Callable[[etree.Element], bool]
) -> Callable[[etree.Element], None]:
    """Python-Markdown's toc step (``TocTreeprocessor.run``, without anchors or permalinks)
    giving the same ids and ``toc_tokens`` for less, on a page whose headings are plain text
    (no child element, no attribute, no stash placeholder); any other page gets the step
    itself. A plain heading's inner HTML, name and slug are functions of its text alone (the
    postprocessors change only placeholders), so they are worked out once per text: most
    headings recur on every page of a kind. The contents block (``md.toc``), which nothing
    here reads, is made only to replace the marker on a page that has it."""
    md = toc.md
    full_run = toc.run

    @lru_cache(maxsize=4096)
    def named(text: str) -> tuple[str, str, str]:
        heading = etree.Element("h1")
        heading.text = text
        inner_html = toc_extension.render_inner_html(heading, md)
        name = toc_extension.strip_tags(inner_html)
        return inner_html, name, toc.slugify(unescape_entities(name), toc.sep)

    def run(doc: etree.Element) -> None:
        used_ids: set[str] = set()
        headings: list[etree.Element] = []
        for element in doc.iter():
            if "id" in element.attrib:
                used_ids.add(element.attrib["id"])
            if isinstance(element.tag, str) and toc.header_rgx.match(element.tag):
                if len(element) or element.attrib or not _plain(element.text or ""):
                    full_run(doc)
                    return
                headings.append(element)
        counters: dict[str, int] = {}
        tokens = []
        for heading in headings:
            toc.set_level(heading)
            inner_html, name, slug = named(heading.text or "")
            heading.attrib["id"] = toc_extension.unique(slug, used_ids, counters)
            level = int(heading.tag[-1])
            if toc.toc_top <= level <= toc.toc_bottom:
                tokens.append(
                    {
                        "level": level,
                        "id": toc_extension.unescape(heading.attrib["id"]),
                        "name": name,
                        "html": inner_html,
                        "data-toc-label": "",
                    }
                )
        tokens = toc_extension.nest_toc_tokens(tokens)
        if has_marker(doc):
            toc.replace_marker(doc, toc.build_toc_div(tokens))
        md.toc_tokens = tokens

    return run


def _plain(text: str) -> bool:
    """Text without Python-Markdown's placeholder marks."""
    return "\x02" not in text and "\x03" not in text


def broken_links(rendered: Iterable[RenderedPage], known: Collection[str]) -> list[Diagnostic]:
    """An error per link to a source path that is not in the site, in page and link order.

    ``known``: every source path of the site (pages, files, docs/)."""
    return [
        Diagnostic(
            page.src,
            1,
            "error",
            "lien-ket-hong",
            f"liên kết tới '{href}' nhưng trang đích không có trong trang web",
        )
        for page in rendered
        for target, href in page.links()
        if target not in known
    ]


def prerender(
    pages: Sequence[Page],
    config: MarkdownConfig,
    urls: UrlScheme,
    known: Collection[str],
    jobs: int | None = None,
) -> tuple[list[RenderedPage], list[Diagnostic]]:
    """Every page as HTML, in input order, and an error per link to a missing source path.

    ``known``: every source path of the site (pages, files, docs/). ``jobs``: processes
    (default: the CPUs this process may use).
    """
    rendered = ordered_map(Converter(config, urls).convert_generated, pages, jobs)
    return rendered, broken_links(rendered, frozenset(known))
