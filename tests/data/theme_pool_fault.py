"""A second MkDocs hook for tests/test_theme_pool.py: a page error in a chosen process.

``THEME_POOL_FAULT=other``: the first page the theme's other process (hooks/theme_pool.py)
renders raises in ``on_page_context`` there. ``THEME_POOL_FAULT=build``: the build's own process
raises on a page after a few, while the other process still has pages to render. Either way
``on_build_error`` (after the project's hook has run its own) logs the processes the build
still has as children: there must be none.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

log = logging.getLogger("mkdocs.hooks.theme_pool_fault")
FAULT_ENV = "THEME_POOL_FAULT"
_build_pid = os.getpid()
_built: list[str] = []


def on_page_context(context, page, config, nav):
    fault = os.environ.get(FAULT_ENV)
    if fault == "other" and os.getpid() != _build_pid:
        raise ValueError(f"fault injected on {page.file.src_uri}")
    return context


def on_post_page(output, page, config):
    _built.append(page.file.src_uri)
    if os.environ.get(FAULT_ENV) == "build" and len(_built) == 12:
        raise ValueError(f"fault injected on {page.file.src_uri}")
    return output


def on_build_error(error):
    children = []
    for task in Path("/proc/self/task").iterdir():
        children += (task / "children").read_text().split()
    log.error("fault hook: children left: %s", sorted(children))
