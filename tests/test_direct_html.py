"""Parts of document pages written as HTML directly give the HTML Python-Markdown made of the
Markdown they replace: the same page, byte for byte, with less Markdown to convert."""

from __future__ import annotations

import pytest

from cchc_kb.site.fragments import block, join, link
from cchc_kb.site.page import Page
from cchc_kb.site.prerender import Converter, MarkdownConfig
from cchc_kb.site.urls import UrlScheme

CONFIG = MarkdownConfig(("toc", "tables", "sane_lists", "admonition", "cchc_kb.site.tables"))
SUMMARIES = ("Tuyên truyền cải cách hành chính", 'A & B <i>"x"</i> *y* [z](javascript:1)', "")


def _html(markdown: str) -> str:
    page = Page(src="van-ban/x.md", title="T", markdown=f"# T\n\n{markdown}")
    return Converter(CONFIG, UrlScheme(True)).convert(page).html


def _items(count: int) -> list:
    return [
        join([link(f"../../ke-hoach/k{i}/", f"Kế hoạch {i}/KH-UBND"), " — ", summary])
        for i, summary in zip(range(count), SUMMARIES * count, strict=False)
    ]


def _markdown_years(years: list) -> str:
    """The cited-by years as the page wrote them before: a Markdown line, then a list block."""
    out = []
    for label, total, items in years:
        if label is not None:
            out.append(f"**Năm {label}** ({total})\n\n")
        out.append(block("list.html", items=items, cls=""))
    return "".join(out)


YEARS = [
    # (case, [(year line label, total, items)])
    ("one year", [(2024, 3, _items(3))]),
    ("several years", [(2025, 1, _items(1)), (2024, 2, _items(2)), ("không rõ", 4, _items(3))]),
    ("no year line first", [(None, 0, _items(2)), (2023, 1, _items(1))]),
    ("unknown year", [("không rõ", 12, _items(1))]),
]


@pytest.mark.parametrize(("case", "years"), YEARS, ids=[case for case, _ in YEARS])
def test_cited_by_years_are_what_markdown_made(case, years):
    direct = block("cited_by_years.html", years=years)
    heading = "### Ủy ban nhân dân tỉnh A (5)\n\n"
    assert _html(heading + direct) == _html(heading + _markdown_years(years))


def test_the_comparison_can_fail():
    """A year line the template wrote differently would be caught."""
    years = [(2024, 1, _items(1))]
    assert _html(block("cited_by_years.html", years=years)) != _html(
        "**Năm 2024** (2)\n\n" + block("list.html", items=years[0][2], cls="")
    )
