"""The theme's navigation and tabs, rendered once and reused (hooks/theme_reuse.py,
``ThemeReuse``), give the same bytes as Material rendering them on every page: each case builds
a site twice, with the reuse and with Material's own blocks (``CCHC_FRESH_THEME``), and
compares every file."""

from __future__ import annotations

import filecmp
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, hook_module, site_config

from cchc_kb.synthetic import write_repository

FRESH_THEME_ENV = "CCHC_FRESH_THEME"  # hooks/cchc.py reads it; the hook is not importable
REUSED = re.compile(r"Theme: (\d+) parts reused, (\d+) rendered")
POOL = re.compile(r"Pages: \d+ pages built by (\d+) processes")


def _build(config: Path, site: Path, fresh: bool) -> str:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("SOURCE_DATE_EPOCH", None)
    env.pop(FRESH_THEME_ENV, None)
    if fresh:
        env[FRESH_THEME_ENV] = "1"
    cmd = [sys.executable, "-m", "mkdocs", "build", "-v", "--strict", "-f", str(config)]
    proc = subprocess.run(
        [*cmd, "-d", str(site)], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return proc.stdout + proc.stderr


def _tree(site: Path) -> list[str]:
    return sorted(str(p.relative_to(site)) for p in site.rglob("*") if p.is_file())


def _seeds(tmp: Path) -> Path:
    return ROOT / "mkdocs.yml"


def _synthetic_file_urls(tmp: Path) -> Path:
    repo = write_repository(tmp / "repo", 30, seed=3)
    return site_config(repo, use_directory_urls=False)


@pytest.mark.parametrize("make_config", [_seeds, _synthetic_file_urls], ids=["seeds", "file-urls"])
def test_reused_navigation_equals_materials_own(tmp_path, make_config):
    config = make_config(tmp_path)
    reused_log = _build(config, tmp_path / "reused", fresh=False)
    fresh_log = _build(config, tmp_path / "fresh", fresh=True)

    reused, rendered = map(int, REUSED.search(reused_log).groups())
    pages = len(list((tmp_path / "reused").rglob("*.html")))
    # Each process that renders pages keeps its own fragments (hooks/page_pool.py).
    pool = POOL.search(reused_log)
    processes = 1 + (int(pool.group(1)) if pool else 0)
    # Most pages got a kept fragment: few distinct navigations for the whole site.
    assert reused > pages and rendered < processes * pages / 4, (reused, rendered, pages)
    assert REUSED.search(fresh_log).groups() == ("0", "0")

    assert _tree(tmp_path / "reused") == _tree(tmp_path / "fresh")
    files = _tree(tmp_path / "fresh")
    _, mismatch, errors = filecmp.cmpfiles(
        tmp_path / "fresh", tmp_path / "reused", files, shallow=False
    )
    assert not mismatch and not errors, (mismatch[:10], errors[:10])


def _theme_reuse():
    return hook_module("theme_reuse").ThemeReuse


NAV_URLS = ["", "ke-hoach/", "huong-dan/cai-dat/", "huong-dan/", "van-ban/index.html", "../x/"]
PAGE_URLS = [
    "",
    "index.html",
    "van-ban/a/",
    "van-ban/b/",
    "van-ban/a.html",
    "van-ban/b.html",
    "huong-dan/",
    "huong-dan/cai-dat/",
    "huong-dan/cai-dat/them/",
    "huong-dan/khac/",
    "huong-dan/khac.html",
    "ke-hoach/2024/x/",
    "ke-hoach/2025/y/",
    "co-quan/a/b/c/",
    "co-quan/d/e/f/",
    "nam/2024.5/",
]


def test_pages_share_a_key_only_with_the_same_relative_links():
    """The key a page's reused parts are kept under is worked out once per place in the site:
    each page's is exactly its base URL and its links to the nav's pages, relative to it."""
    from types import SimpleNamespace as Obj

    from mkdocs.utils import normalize_url

    items = [Obj(url=url, active=False) for url in NAV_URLS]
    nav = Obj(pages=items, items=items, homepage=None)
    config = Obj(theme={"logo": "assets/logo.svg"}, extra={})
    reuse = _theme_reuse()(config)
    urls = ["assets/logo.svg", *NAV_URLS]  # the fixed links, then the nav's
    for page_url in PAGE_URLS * 2:  # the second time from what the first kept
        page = Obj(url=page_url)
        context = {"nav": nav, "page": page, "base_url": "."}
        expected = (".", *(normalize_url(url, page, ".") for url in urls))
        assert reuse._key(context) == expected, page_url
    assert len(reuse.keys) < len(PAGE_URLS)
