"""Generated pages to HTML in the package: links, template blocks, order, and a broken link."""

from __future__ import annotations

import markdown as markdown_module
import pytest
from conftest import build_site, copy_repository

from cchc_kb.parallel import POOL_THRESHOLD
from cchc_kb.site.md import html_block
from cchc_kb.site.page import Page
from cchc_kb.site.prerender import Converter, MarkdownConfig, prerender
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
