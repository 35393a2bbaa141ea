"""HTML fragments from Jinja2 templates, autoescaped: record text never reaches a page raw.

Every piece of HTML the site generates lives in ``site/templates/``; Python code passes values
and never concatenates markup. ``render("name.html", **values)`` returns ``Markup``; so does
``fragment("name.html", **values)`` for the small pieces a page has hundreds of (links, badges):
their template is one macro named after the file, and calling it costs a fifth of a render
(no new template context).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined, Template, select_autoescape
from markupsafe import Markup, escape


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("cchc_kb.site", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,  # a missing value is a bug, not an empty string
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
        auto_reload=False,  # templates are package data: no stat() of the file per render
    )
    return env


@cache
def _template(name: str) -> Template:
    template = environment().get_template(name)
    # The compiled template prints every value through its module's ``escape``; a drawing
    # prints tens of thousands, most of them numbers.
    namespace = template.root_render_func.__globals__
    if namespace.get("escape") is escape:
        namespace["escape"] = _escape
    return template


_new_str = str.__new__


def _escape(value: object) -> Markup:
    """``markupsafe.escape``, sooner for what templates print most: text with nothing to
    escape (numbers, most names) is wrapped as it is, and markup passes as it is."""
    kind = type(value)
    if kind is Markup:
        return value  # type: ignore[return-value]
    if kind is str and not (
        "&" in value or "<" in value or ">" in value or "'" in value or '"' in value  # type: ignore[operator]
    ):
        return _new_str(Markup, value)
    return escape(value)


def render(template: str, **values: object) -> Markup:
    """One template rendered with ``values``; the result is safe HTML."""
    return Markup(_template(template).render(**values))


@cache
def _macro(template: str) -> Callable[..., Markup]:
    name = template.rsplit("/", 1)[-1].split(".", 1)[0]
    return getattr(_template(template).module, name)


def fragment(template: str, **values: object) -> Markup:
    """A fragment template's macro (``link.html`` defines ``link``) called with ``values``."""
    return _macro(template)(**values)
