"""HTML comes from templates: no markup in the site's Python, record text always escaped,
script-capable URLs refused, and no template left unused."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import markupsafe
import pytest
from markupsafe import Markup

from cchc_kb.site.fragments import join, link
from cchc_kb.site.render import _escape, _template, fragment

SITE = Path(__file__).resolve().parent.parent / "cchc_kb" / "site"
TEMPLATES = SITE / "templates"
_TAG = re.compile(r"<(?:[a-zA-Z][a-zA-Z0-9-]*[\s>/]|/[a-zA-Z])")


def _docstrings(tree: ast.Module) -> set[int]:
    """ids of the docstring nodes of a module, its classes and functions."""
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                out.add(id(body[0].value))
    return out


def _markup_literals(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text("utf-8"))
    skip = _docstrings(tree)
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in skip
        and _TAG.search(node.value)
    ]


@pytest.mark.parametrize("module", sorted(p.name for p in SITE.glob("*.py")))
def test_no_markup_in_python(module: str) -> None:
    assert _markup_literals(SITE / module) == []


def test_the_markup_check_finds_markup(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text('"""A <a> in a docstring is prose."""\nx = f"<td>{1}</td>"\n', "utf-8")
    assert {line for line, _ in _markup_literals(sample)} == {2}


def test_record_text_is_escaped_and_fragments_are_kept() -> None:
    hostile = '<script>alert("x")</script> & [link](javascript:alert(1))'
    html = str(join([link("../a/", hostile), " — ", hostile]))
    assert "<script>" not in html
    assert html.count("&lt;script&gt;") == 2
    assert html.startswith('<a href="../a/">')


@pytest.mark.parametrize("href", ["javascript:alert(1)", " JavaScript:x", "data:text/html,x"])
def test_script_capable_links_are_refused(href: str) -> None:
    assert str(link(href, "tên")) == "tên"


def test_attribute_values_are_escaped() -> None:
    badge = str(fragment("badge.html", klass="cchc-badge--ok", status="x", title='"><b>'))
    assert 'title="&#34;&gt;&lt;b&gt;"' in badge


def test_every_template_is_used() -> None:
    code = "\n".join(p.read_text("utf-8") for p in SITE.glob("*.py"))
    unused = [
        t.name
        for t in TEMPLATES.iterdir()
        if t.suffix in (".html", ".xml") and f'"{t.name}"' not in code
    ]
    assert unused == []


class _Html:
    def __html__(self) -> str:
        return "<b>kept</b>"


ESCAPED_VALUES = [
    "12.5",
    "Nghị định 30/2020/NĐ-CP",
    "a & b",
    "<i>",
    "a > b",
    "it's",
    'say "x"',
    "",
    Markup("<b>safe</b>"),
    7,
    None,
    _Html(),
]


@pytest.mark.parametrize("value", ESCAPED_VALUES)
def test_templates_escape_as_markupsafe_does(value) -> None:
    quick = _escape(value)
    assert type(quick) is Markup
    assert quick == markupsafe.escape(value)
    assert fragment("emphasis.html", text=value) == f"<em>{markupsafe.escape(value)}</em>"


def test_templates_print_through_the_quick_escape() -> None:
    assert _template("link.html").root_render_func.__globals__["escape"] is _escape
