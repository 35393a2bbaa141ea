"""Generated pages to HTML in the package: links, template blocks, order, and a broken link."""

from __future__ import annotations

import markdown as markdown_module
import pytest
from conftest import build_site, copy_repository
from markdown.treeprocessors import InlineProcessor

from cchc_kb.parallel import POOL_THRESHOLD
from cchc_kb.site.md import html_block
from cchc_kb.site.page import Page
from cchc_kb.site.prerender import (
    RAW_HTML_DOCUMENTS,
    Converter,
    MarkdownConfig,
    RenderedPage,
    compresses_html,
    prerender,
)
from cchc_kb.site.urls import UrlScheme

CONFIG = MarkdownConfig(("toc", "tables", "sane_lists", "admonition", "cchc_kb.site.tables"))
KNOWN = {"index.md", "ke-hoach/a.md", "van-ban/b.md", "du-lieu/graph.json"}
PANEL = '<div class="cchc-panel"><p>a</p>\n\n<p>b &lt;i&gt;</p></div>'

LINKS = [
    # (use_directory_urls, page, Markdown link target, href in the HTML)
    (True, "ke-hoach/a.md", "../van-ban/b.md", "../../van-ban/b/"),
    (True, "ke-hoach/a.md", "../van-ban/b.md#can-cu", "../../van-ban/b/#can-cu"),
    (True, "ke-hoach/a.md", "../index.md", "../../"),
    (True, "ke-hoach/a.md", "../du-lieu/graph.json", "../du-lieu/graph.json"),
    (True, "index.md", "van-ban/b.md", "van-ban/b/"),
    (False, "ke-hoach/a.md", "../van-ban/b.md", "../van-ban/b.html"),
    (False, "van-ban/b.md", "../index.md", "../index.html"),
    (True, "ke-hoach/a.md", "https://example.org/x", "https://example.org/x"),
    (True, "ke-hoach/a.md", "#muc", "#muc"),
]


@pytest.mark.parametrize(("directory_urls", "src", "target", "href"), LINKS)
def test_source_links_become_page_urls(directory_urls, src, target, href):
    page = Page(src=src, title="T", markdown=f"# T\n\n[x]({target})\n")
    [done], problems = prerender([page], CONFIG, UrlScheme(directory_urls), KNOWN, jobs=1)
    assert f'href="{href}"' in done.html
    assert problems == []


def test_link_to_a_missing_page_is_an_error_naming_the_page():
    page = Page(src="ke-hoach/a.md", title="T", markdown="[x](../van-ban/khong-co.md)\n")
    _, problems = prerender([page], CONFIG, UrlScheme(), KNOWN, jobs=1)
    assert [(d.path, d.severity, d.code) for d in problems] == [
        ("ke-hoach/a.md", "error", "lien-ket-hong")
    ]
    assert "../van-ban/khong-co.md" in problems[0].format()


def test_template_blocks_pass_unchanged_and_headings_give_the_toc():
    markdown = "# Tiêu đề\n\n## Căn cứ\n" + html_block(PANEL) + "Sau *bảng*.\n"
    [done], _ = prerender([Page("index.md", "T", markdown)], CONFIG, UrlScheme(), KNOWN, jobs=1)
    assert PANEL in done.html
    assert "cchc:html" not in done.html
    assert "<em>bảng</em>" in done.html
    assert [t["id"] for t in done.toc_tokens[0]["children"]] == ["can-cu"]


def test_a_pool_gives_the_same_pages_in_the_same_order():
    pages = [
        Page(f"ke-hoach/p{n}.md", "T", f"# Trang {n}\n\n[x](../index.md)\n" + html_block(PANEL))
        for n in range(POOL_THRESHOLD + 30)
    ]
    known = {"index.md"} | {p.src for p in pages}
    serial, _ = prerender(pages, CONFIG, UrlScheme(), known, jobs=1)
    pooled, _ = prerender(pages, CONFIG, UrlScheme(), known, jobs=2)
    assert [p.src for p in pooled] == [p.src for p in pages]
    assert [p.html for p in pooled] == [p.html for p in serial]


def test_html_waiting_as_text_or_compressed_reads_back_the_same():
    page = Page("ke-hoach/a.md", "T", "# Trang «một»\n\n[x](../index.md)\n" + html_block(PANEL))
    compressed = Converter(CONFIG, UrlScheme()).convert_generated(page)
    as_text = Converter(CONFIG, UrlScheme(), compress=False).convert_generated(page)
    assert compressed.compressed and not as_text.compressed
    assert as_text.html_bytes == as_text.html.encode("utf-8") != compressed.html_bytes
    assert as_text.html == compressed.html and "«một»" in as_text.html
    assert as_text.toc_tokens == compressed.toc_tokens and as_text.links() == compressed.links()
    assert RenderedPage.of("a.md", "<p>é</p>", [], [], compress=False).html == "<p>é</p>"


@pytest.mark.parametrize(
    ("documents", "compressed"),
    [(0, False), (RAW_HTML_DOCUMENTS, False), (RAW_HTML_DOCUMENTS + 1, True), (50_000, True)],
)
def test_a_large_site_waits_for_the_theme_compressed(documents, compressed):
    assert compresses_html(documents) is compressed


def test_strict_build_fails_on_a_broken_generated_link(tmp_path, monkeypatch):
    """The link check the generator did for these pages is ours now: it must still stop a
    strict build. A page builder is made to emit a link to a page that does not exist."""
    repo = copy_repository(tmp_path / "repo")
    hook = tmp_path / "broken_hook.py"
    hook.write_text(
        "from cchc_kb.site import build\n"
        "_home_page = build.home_page\n"
        "def _broken(*args, **kwargs):\n"
        "    page = _home_page(*args, **kwargs)\n"
        "    page.markdown += '\\n[x](khong-co.md)\\n'\n"
        "    return page\n"
        "build.home_page = _broken\n",
        "utf-8",
    )
    result = build_site(repo, tmp_path / "site", hooks=[str(hook), "hooks/cchc.py"])
    assert result.returncode != 0
    assert "index.md:1: error: lien-ket-hong" in result.log


MARKER_PAGES = [
    # (Markdown, whether the table of contents replaces a paragraph)
    ("# T\n\n[TOC]\n\n## A\n", True),
    ("# T\n\n  [TOC]  \n\n## A\n", True),
    ("# T\n\n[TOC] and more\n\n## A\n", False),
    ("# T\n\n- [TOC]\n\n## A\n", True),
    ("# T\n\n## A\n", False),
]


@pytest.mark.parametrize(("markdown", "replaced"), MARKER_PAGES)
def test_the_toc_marker_is_replaced_as_python_markdown_does(markdown, replaced):
    page = Page(src="index.md", title="T", markdown=markdown)
    [done], _ = prerender([page], CONFIG, UrlScheme(), {"index.md"}, jobs=1)
    plain = markdown_module.markdown(markdown, extensions=list(CONFIG.extensions))
    assert done.html == plain
    assert ('<div class="toc">' in done.html) is replaced


@pytest.mark.parametrize("tag", ["p", "P", "div", "hr/", "span", "a", "table", "svg", "x", None, 3])
def test_block_level_tags_are_those_of_python_markdown(tag):
    quick = Converter(CONFIG, UrlScheme()).md
    assert quick.is_block_level(tag) == markdown_module.Markdown().is_block_level(tag)


RAW_HTML_PAGES = [
    "<div>a</div>\n\ntext <b>b</b> &amp; c\n",
    "<!-- note -->\n\n<span>inline</span> d\n",
    "<div>\n<p>e</p>\n</div>\n\n- <i>f</i> &copy;\n",
    "para with <br> break\n\n<table><tr><td>g</td></tr></table>\n",
]


@pytest.mark.parametrize("markdown", RAW_HTML_PAGES)
def test_raw_html_comes_back_as_python_markdown_puts_it(markdown):
    page = Page(src="index.md", title="T", markdown=markdown)
    [done], _ = prerender([page], CONFIG, UrlScheme(), {"index.md"}, jobs=1)
    assert done.html == markdown_module.markdown(markdown, extensions=list(CONFIG.extensions))


def python_markdowns_steps(config: MarkdownConfig) -> Converter:
    """A converter whose table-of-contents and inline steps are Python-Markdown's own."""
    converter = Converter(config, UrlScheme())
    md = converter.md
    toc = md.treeprocessors["toc"]
    del toc.run, toc.replace_marker  # the instance's quick steps: the class's run again
    md.treeprocessors.register(InlineProcessor(md), "inline", 20)
    converter.tree_steps = [
        step for step in md.treeprocessors if step.__class__ is not InlineProcessor
    ]
    return converter


TOC_CONFIGS = {
    "site": MarkdownConfig((*CONFIG.extensions, "fenced_code"), {"toc": {"permalink": False}}),
    "depth and base level": MarkdownConfig(
        CONFIG.extensions, {"toc": {"toc_depth": "2-3", "baselevel": 2}}
    ),
    "another marker": MarkdownConfig(CONFIG.extensions, {"toc": {"marker": "[MỤC LỤC]"}}),
}

# (case, Markdown): the quick table of contents gives Python-Markdown's ids, tokens and HTML.
HEADINGS = [
    ("plain headings of every level", "# A\n\n## B\n\n### C\n\n#### D\n\n##### E\n\n###### F\n"),
    ("same text thrice", "## Căn cứ\n\n## Căn cứ\n\n## CĂN CỨ\n"),
    ("a text like a repeated id", "## a\n\n## a_1\n\n## a\n\n## a_2\n\n## a\n"),
    ("escapes and entities", "## A &amp; B < C > \\*D\\* &copy; &#x41;\n"),
    ("no letters to slug", "## !!!\n\n## ???\n\n## —\n"),
    ("emphasis, code and a link", "## *A* `b` [c](../index.md)\n\n## A b c\n"),
    ("raw HTML in a heading", "## A <span>b</span>\n\n## A b\n"),
    ("a template block before", "# T\n" + html_block(PANEL) + "## Căn cứ\n"),
    ("the marker", "[TOC]\n\n# A\n\n## B\n\nx [TOC] y\n"),
    ("the other marker", "[MỤC LỤC]\n\n# A\n\n## B\n"),
    ("a heading in a list and a table", "- a\n\n| ## x | y |\n|---|---|\n\n## Mục\n"),
    ("no heading", "text only\n"),
]


@pytest.mark.parametrize("config_name", TOC_CONFIGS)
@pytest.mark.parametrize(("case", "markdown"), HEADINGS, ids=[case for case, _ in HEADINGS])
def test_the_quick_table_of_contents_is_python_markdowns(config_name, case, markdown):
    config = TOC_CONFIGS[config_name]
    quick = Converter(config, UrlScheme())
    assert "run" in vars(quick.md.treeprocessors["toc"])  # the quick step is in place
    reference = python_markdowns_steps(config)
    page = Page("ke-hoach/a.md", "T", markdown)
    for _ in range(2):  # a second time from what the first remembered
        for convert in (Converter.convert, Converter.convert_generated):
            got, expected = convert(quick, page), convert(reference, page)
            assert got.html == expected.html, case
            assert got.toc_tokens == expected.toc_tokens, case


def test_anchors_or_permalinks_keep_python_markdowns_own_step():
    for option in ({"permalink": True}, {"anchorlink": True}):
        config = MarkdownConfig(CONFIG.extensions, {"toc": option})
        assert "run" not in vars(Converter(config, UrlScheme()).md.treeprocessors["toc"])


# (case, Markdown): texts each inline pattern needs, and texts none of them can match.
INLINE = [
    ("plain Vietnamese", "Đẩy mạnh cải cách hành chính, nâng cao chất lượng phục vụ.\n"),
    ("punctuation no pattern needs", "a (b) {c} ~d~ ^e^ #f @g !h 'i' \"j\" -- k: l; m / n | o.\n"),
    ("code", "a `b` c\n"),
    ("escape", "a \\* b \\\\ c\n"),
    ("links and references", "[a](b.md) [c][d] [d] ![e](f.png) ![g][d]\n\n[d]: h.md\n"),
    ("autolinks", "<https://example.org/x> <a@example.org>\n"),
    ("raw HTML and entities", "a <b>c</b> &amp; &#65; &copy; & d\n"),
    ("emphasis", "*a* _b_ **c** __d__ ***e*** snake_case 2*3\n"),
    ("asterisks only", "*a* **b** 2 * 3\n"),
    ("underscores only", "_a_ __b__ snake_case\n"),
    ("line break", "a  \nb\n"),
    ("trailing spaces without a break", "a  \n"),
    (
        "a list, a table and a heading",
        "## T *x*\n\n- a\n- b [c](d.md)\n\n| a | b |\n|---|---|\n| *x* | y |\n",
    ),
]


@pytest.mark.parametrize(("case", "markdown"), INLINE, ids=[case for case, _ in INLINE])
def test_the_quick_inline_step_is_python_markdowns(case, markdown):
    config = TOC_CONFIGS["site"]
    quick = Converter(config, UrlScheme())
    assert type(quick.md.treeprocessors["inline"]) is not InlineProcessor  # the quick step
    reference = python_markdowns_steps(config)
    assert type(reference.md.treeprocessors["inline"]) is InlineProcessor
    page = Page("ke-hoach/a.md", "T", markdown)
    for convert in (Converter.convert, Converter.convert_generated):
        assert convert(quick, page).html == convert(reference, page).html, case


def test_an_extension_with_other_inline_patterns_keeps_python_markdowns_inline_step():
    config = MarkdownConfig((*CONFIG.extensions, "nl2br"))
    converter = Converter(config, UrlScheme())
    assert type(converter.md.treeprocessors["inline"]) is InlineProcessor
    assert "a<br />\nb" in converter.convert(Page("ke-hoach/a.md", "T", "a\nb\n")).html
