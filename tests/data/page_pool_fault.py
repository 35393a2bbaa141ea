"""A second MkDocs hook for tests/test_page_pool.py: a page error in a chosen process.

``PAGE_POOL_FAULT=other``: the first page a building process (hooks/page_pool.py) renders
raises in ``on_page_context`` there. ``PAGE_POOL_FAULT=build``: the build's own process raises
on its third page, while the building processes still have pages to build. Either way
``on_build_error`` (after the project's hook has run its own) logs the processes the build
still has as children: there must be none.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

log = logging.getLogger("mkdocs.hooks.page_pool_fault")
FAULT_ENV = "PAGE_POOL_FAULT"
_build_pid = os.getpid()
_built: list[str] = []


def on_page_context(context, page, config, nav):
    fault = os.environ.get(FAULT_ENV)
    if fault == "other" and os.getpid() != _build_pid:
        raise ValueError(f"fault injected on {page.file.src_uri}")
    return context


def on_post_page(output, page, config):
    if os.getpid() == _build_pid:
        _built.append(page.file.src_uri)
        if os.environ.get(FAULT_ENV) == "build" and len(_built) == 3:
            raise ValueError(f"fault injected on {page.file.src_uri}")
    return output


def on_build_error(error):
    children = []
    for task in Path("/proc/self/task").iterdir():
        children += (task / "children").read_text().split()
    log.error("fault hook: children left: %s", sorted(children))
