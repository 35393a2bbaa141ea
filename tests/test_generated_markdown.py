"""The site's own pages read without Python-Markdown's parsers give Python-Markdown's HTML.

``Converter.convert_generated`` makes the element tree of a list or graph page directly
(``generated_markdown.read``) and ``Converter.convert`` has Python-Markdown parse it: the HTML,
the table of contents and the links noted must be the same, for every kind of generated page,
and each kind must really be read directly (not left to Python-Markdown, which would make the
comparison hollow).
"""

from __future__ import annotations

import re

import pytest
from conftest import ROOT
from test_prerender import python_markdowns_steps

from cchc_kb.corpus import build_corpus
from cchc_kb.model.models import PartialDate
from cchc_kb.site import generated_markdown
from cchc_kb.site.build import build_site
from cchc_kb.site.md import html_block, md_text
from cchc_kb.site.page import Page
from cchc_kb.site.prerender import Converter, MarkdownConfig
from cchc_kb.site.settings import SiteSettings
from cchc_kb.site.urls import UrlScheme
from cchc_kb.synthetic import write_repository

# mkdocs.yml's Markdown
CONFIG = MarkdownConfig(
    ("toc", "tables", "fenced_code", "sane_lists", "admonition", "cchc_kb.site.tables"),
    {"toc": {"permalink": False}},
)

# (kind, source paths of that kind): every generated page that is not a document's.
KINDS = [
    ("home", r"index\.md"),
    ("search", r"tim-kiem\.md"),
    ("plan list", r"ke-hoach/(index|trang-\d+)\.md"),
    ("lookup", r"van-ban/(index|trang-\d+)\.md"),
    ("agency list", r"co-quan/(index|trang-\d+)\.md"),
    ("years", r"nam/.*"),
    ("types", r"loai/.*"),
    ("tasks", r"nhiem-vu/.*"),
    ("graph hub", r"do-thi/index\.md"),
    ("hierarchy", r"do-thi/he-thong-ke-hoach(/trang-\d+)?\.md"),
    ("province tree", r"do-thi/he-thong-ke-hoach/[^/]+(/trang-\d+)?\.md"),
    ("ranking", r"do-thi/van-ban-duoc-dan-nhieu-nhat.*"),
    ("agency graph index", r"do-thi/co-quan(/trang-\d+)?\.md"),
    ("agency graph", r"do-thi/co-quan/[^/]+(/trang-\d+)?\.md"),
    ("relations", r"do-thi/(van-ban|chua-xac-dinh)/.*"),
]


SETTINGS = SiteSettings(as_of=PartialDate(2026, 11, 30), page_size=6)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """A synthetic repository with small pages: pagination, nested trees, capped drawings,
    and enough documents for the pool of processes."""
    root = tmp_path_factory.mktemp("generated") / "repo"
    write_repository(root, plans=240, seed=3)
    return build_corpus(root)


@pytest.fixture(scope="module")
def generated_pages(corpus) -> list[Page]:
    """Its list and graph pages."""
    site = build_site(corpus, SETTINGS, convert=lambda page: None)
    return [page for page in site.pages if page.src not in site.rendered]


def test_the_pool_makes_every_page_python_markdown_would(corpus):
    """A full build makes and converts every page in the pool (list and graph pages read
    directly): the same pages, in the same order, as made here and converted by
    Python-Markdown."""
    converter = Converter(CONFIG, SETTINGS.urls)
    pooled = build_site(
        corpus, SETTINGS, convert=converter.convert, convert_generated=converter.convert_generated
    )
    made = build_site(corpus, SETTINGS)
    assert [page.src for page in pooled.pages] == [page.src for page in made.pages]
    assert set(pooled.rendered) == {page.src for page in made.pages}
    for page in made.pages:
        expected = converter.convert(page)
        assert pooled.rendered[page.src].html == expected.html, page.src
        assert pooled.rendered[page.src].toc_tokens == expected.toc_tokens, page.src


def _same(page: Page) -> None:
    urls = UrlScheme()
    parsed = Converter(CONFIG, urls).convert(page)
    direct = Converter(CONFIG, urls).convert_generated(page)
    assert direct.html == parsed.html, page.src
    assert direct.toc_tokens == parsed.toc_tokens, page.src
    assert direct.links() == parsed.links(), page.src


def _read_directly(page: Page) -> None:
    converter = Converter(CONFIG, UrlScheme())
    assert converter.reads_generated
    # raises if left to Python-Markdown
    generated_markdown.read(page.markdown, converter.md, page.authored)


@pytest.mark.parametrize(("kind", "pattern"), KINDS, ids=[kind for kind, _ in KINDS])
def test_each_kind_of_generated_page_is_read_directly_to_the_same_html(
    generated_pages, kind, pattern
):
    pages = [page for page in generated_pages if re.fullmatch(pattern, page.src)]
    assert pages, f"no {kind} page"
    for page in pages:
        _read_directly(page)
        _same(page)


def test_every_generated_page_gives_the_same_html(generated_pages):
    for page in generated_pages:
        _same(page)


ODD_TEXT = "A & B <i> \\ * _ ` ~ ^ | # [x](javascript:alert(1)) {y} &amp; ! -- «Đà Nẵng»"

# (case, Markdown the site could write): read directly, same HTML as Python-Markdown's.
SHAPES = [
    ("escaped record text", f"# {md_text(ODD_TEXT)}\n\n{md_text(ODD_TEXT)}\n"),
    ("record text in a link", f"# T\n\n[{md_text(ODD_TEXT)}](../van-ban/b.md) and after\n"),
    (
        "table, alignments, escaped pipe, empty and missing cells",
        "## Bảng\n\n| a | b | c | d |\n|:---|---:|:-:|---|\n"
        f"| {md_text('x|y')} | 2 | | [l](a.md#m) |\n| only |\n",
    ),
    ("table without rows", "| a | b |\n|---|---:|\n"),
    ("table without outer pipes on rows", "| a | b |\n|---|---|\n| 1 | 2\n| 3 |\n"),
    (
        "nested list, back out two levels",
        "- a\n    - b\n        - c\n- d — [e](x.md)\n    - f\n",
    ),
    ("template blocks", "# T\n" + html_block("<div>\n\n<p>x</p>\n</div>") + "text\n"),
    ("same headings", "# T\n\n## Mục\n\n## Mục\n\n### Mục\n"),
    ("heading of escapes only", "## \\# \\[\\]\n"),
    ("paragraph over lines", "one\ntwo [x](y.md)\n  three\n"),
    ("blank lines of spaces", "a\n   \n\n\nb\n"),
    ("escaped characters Markdown keeps", "a \\~ \\^ \\& b\n"),
    ("heading with text or a list under it", "# T\ntext\n\n## U\n- a\n"),
]

# (case, Markdown): left to Python-Markdown, which still gives the HTML.
UNSUPPORTED = [
    ("raw HTML", "a <b>x</b>\n"),
    ("emphasis", "*a*\n"),
    ("code", "`a`\n"),
    ("ordered list", "1. a\n"),
    ("two lists apart", "- a\n\n- b\n"),
    ("list item too deep", "- a\n        - b\n"),
    ("lazy list line", "- a\nb\n"),
    ("setext heading", "T\n---\n"),
    ("quote", "> a\n"),
    ("line break", "a  \nb\n"),
    ("image", "![a](b.png)\n"),
    ("link with a title", '[a](b.md "t")\n'),
    ("unclosed template block", html_block("<p>x</p>").replace("<!--/cchc:html-->", "") + "a\n"),
    ("tab", "a\tb\n"),
    ("reference definition", "[a]: b.md\n"),
    ("fenced code in a template block", html_block("<div>\n```\n\n- a\n```\n</div>")),
    ("table without separator", "| a | b |\n| 1 | 2 |\n"),
    ("heading with a pipe over a table", "## a | b\n|---|---|\n"),
]


@pytest.mark.parametrize(("case", "markdown"), SHAPES, ids=[case for case, _ in SHAPES])
def test_shapes_read_directly_give_python_markdowns_html(case, markdown):
    page = Page("do-thi/x.md", "T", markdown)
    _read_directly(page)
    _same(page)


@pytest.mark.parametrize(("case", "markdown"), UNSUPPORTED, ids=[case for case, _ in UNSUPPORTED])
def test_other_shapes_are_left_to_python_markdown(case, markdown):
    page = Page("do-thi/x.md", "T", markdown)
    converter = Converter(CONFIG, UrlScheme())
    with pytest.raises(generated_markdown.Unsupported):
        generated_markdown.read(markdown, converter.md)
    _same(page)


def _document(before: str, text: str, after: str) -> Page:
    start = len(before)
    return Page("ke-hoach/x.md", "T", before + text + after, authored=(start, start + len(text)))


# Around a document's own text (``Page.authored``), as a plan page has it.
PLAN_BEFORE = "# T\n" + html_block("<dl><dt>a</dt></dl>") + "## Nội dung văn bản\n\n"
PLAN_AFTER = "## Ghi chú\n\n- " + md_text(ODD_TEXT) + "\n"

# (case, a document's text): read around it, the same HTML as Python-Markdown's.
AUTHORED = [
    ("prose and links", "Thực hiện [Kế hoạch 1](y.md) *nay*.\n\n## Mục\n\nb `c`\n\n"),
    ("ends with a list", "1. a\n2. b\n\n- c\n    - d\n\n"),
    ("starts indented, ends with a quote", "    code\n\n> a\n> b\n\n"),
    ("setext headings and a rule first", "---\n\nT\n===\n\nU\n---\n\n"),
    ("a table and an admonition", "| a | b |\n|---|---|\n| 1 | 2 |\n\n!!! note\n    x\n\n"),
    ("a reference used inside", "[a][r]\n\n[r]: b.md\n\n"),
    ("fenced code inside", "```\n[x](y.md)\n```\n\n"),
    ("blank lines of spaces and a tab", "\n   \na\tb\n\n  \n\n"),
    ("the page's end", "    code\n\na\n"),
]

# (case, before, text, after): left to Python-Markdown, which still gives the HTML.
AUTHORED_UNSUPPORTED = [
    ("code block before more blocks", PLAN_BEFORE, "    code\n\n", PLAN_AFTER),
    ("code block at the end", PLAN_BEFORE, "a\n\n    code\n", "\n\n"),
    ("raw HTML", PLAN_BEFORE, "<div>\n\na\n\n", PLAN_AFTER),
    ("not after a heading", "# T\n\ntext\n\n", "    code\n\n", PLAN_AFTER),
    ("a list after it", PLAN_BEFORE, "- a\n\n", "- b\n"),
    ("indented text after it", PLAN_BEFORE, "- a\n\n", "    b\n\n## U\n"),
    ("after it on its last line", PLAN_BEFORE, "a\n", "## U\n"),
]


@pytest.mark.parametrize(("case", "text"), AUTHORED, ids=[case for case, _ in AUTHORED])
def test_around_a_documents_text_read_directly_gives_python_markdowns_html(case, text):
    after = "" if case == "the page's end" else PLAN_AFTER
    page = _document(PLAN_BEFORE, text, after)
    converter = Converter(CONFIG, UrlScheme())
    generated_markdown.read(page.markdown, converter.md, page.authored)  # not left to it
    _same(page)


@pytest.mark.parametrize(
    ("case", "before", "text", "after"),
    AUTHORED_UNSUPPORTED,
    ids=[case for case, *_ in AUTHORED_UNSUPPORTED],
)
def test_what_could_reach_into_a_documents_text_is_left_to_python_markdown(
    case, before, text, after
):
    page = _document(before, text, after)
    converter = Converter(CONFIG, UrlScheme())
    with pytest.raises(generated_markdown.Unsupported):
        generated_markdown.read(page.markdown, converter.md, page.authored)
    _same(page)


def test_plan_pages_are_read_around_the_plans_text(corpus):
    site = build_site(corpus, SETTINGS)
    plans = [page for page in site.pages if page.authored is not None]
    assert len(plans) >= 100
    for page in plans:
        assert page.src.startswith("ke-hoach/")
        _read_directly(page)
        _same(page)


def test_every_page_gets_python_markdowns_inline_step_and_table_of_contents(corpus):
    """The converter's quick inline and toc steps against Python-Markdown's own, on every
    page of a site, each read as the pool reads it."""
    reference = python_markdowns_steps(CONFIG)
    quick = Converter(CONFIG, UrlScheme())
    for page in build_site(corpus, SETTINGS).pages:
        got, expected = quick.convert_generated(page), reference.convert_generated(page)
        assert got.html == expected.html, page.src
        assert got.toc_tokens == expected.toc_tokens, page.src


def test_another_extension_turns_direct_reading_off():
    config = MarkdownConfig((*CONFIG.extensions, "attr_list"), CONFIG.configs)
    assert not Converter(config, UrlScheme()).reads_generated
    page = Page("do-thi/x.md", "T", "# T {: #own }\n")
    assert 'id="own"' in Converter(config, UrlScheme()).convert_generated(page).html


def test_the_seeds_list_and_graph_pages(real_corpus):
    site = build_site(
        real_corpus, SiteSettings(as_of=PartialDate(2026, 11, 30)), convert=lambda page: None
    )
    pages = [page for page in site.pages if page.src not in site.rendered]
    assert len(pages) > 20
    for page in pages:
        _same(page)


def test_the_seeds_plan_pages(real_corpus):
    site = build_site(real_corpus, SiteSettings(as_of=PartialDate(2026, 11, 30)))
    plans = [page for page in site.pages if page.authored is not None]
    assert len(plans) >= 5
    for page in plans:
        _same(page)


def test_the_module_names_the_extensions_mkdocs_yml_lists():
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    section = text.split("\nmarkdown_extensions:\n", 1)[1].split("\n\n", 1)[0]
    listed = re.findall(r"^  - ([\w.]+)", section, re.M)
    mkdocs_adds = {"toc", "tables", "fenced_code"}
    assert listed and {*listed, *mkdocs_adds} <= generated_markdown.EXTENSIONS
