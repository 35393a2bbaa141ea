"""The generated pages built on every core (hooks/page_pool.py): the site is the same bytes as
when the build's own process builds every page; a page error in a building process fails the
build naming the page, and a failed build leaves no process behind; a preview (``make
preview``) starts with the same full build."""

from __future__ import annotations

import filecmp
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, site_config

from cchc_kb.parallel import available_cpus
from cchc_kb.site.incremental import PREVIEW_ENV
from cchc_kb.synthetic import write_repository

ONE_PROCESS_ENV = "CCHC_ONE_PROCESS"  # hooks/cchc.py reads it
FAULT_ENV = "PAGE_POOL_FAULT"  # tests/data/page_pool_fault.py reads it
FAULT_HOOK = ROOT / "tests" / "data" / "page_pool_fault.py"
POOLED = re.compile(r"Pages: (\d+) pages built by (\d+) processes")

pytestmark = pytest.mark.skipif(
    available_cpus() < 2, reason="the pages are built in other processes only with two CPUs or more"
)


@pytest.fixture(scope="module")
def config(tmp_path_factory) -> Path:
    repo = write_repository(tmp_path_factory.mktemp("pool") / "repo", 30, seed=3)
    return site_config(repo, hooks=["hooks/cchc.py", str(FAULT_HOOK)])


def _build(config: Path, site: Path, **env_vars: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **env_vars}
    for name in ("SOURCE_DATE_EPOCH", ONE_PROCESS_ENV, FAULT_ENV, PREVIEW_ENV):
        if name not in env_vars:
            env.pop(name, None)
    cmd = [sys.executable, "-m", "mkdocs", "build", "-v", "--strict", "-f", str(config)]
    # A hang (a process waiting on the other for ever) fails the test instead of blocking it.
    return subprocess.run(
        [*cmd, "-d", str(site)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600
    )


def _nav_pages(config: Path) -> set[str]:
    def pages(item) -> set[str]:
        if isinstance(item, str):
            return {item}
        items = item.values() if isinstance(item, dict) else item
        return set().union(*(pages(child) for child in items))

    return pages(yaml.safe_load(config.read_text("utf-8"))["nav"])


def _tree(site: Path) -> list[str]:
    return sorted(str(p.relative_to(site)) for p in site.rglob("*") if p.is_file())


def test_site_is_the_same_with_the_pages_built_on_every_core(tmp_path, config):
    pooled = _build(config, tmp_path / "pooled")
    alone = _build(config, tmp_path / "alone", **{ONE_PROCESS_ENV: "1"})
    assert pooled.returncode == 0, pooled.stdout + pooled.stderr
    assert alone.returncode == 0, alone.stdout + alone.stderr

    pages = len(list((tmp_path / "pooled").rglob("*.html")))
    built, processes = map(int, POOLED.search(pooled.stderr).groups())
    assert processes == available_cpus()
    # Every page but the nav's (docs/ and the lists it names) and the 404 page.
    assert built == pages - len(_nav_pages(config)) - 1, (built, pages)
    assert not POOLED.search(alone.stderr)

    files = _tree(tmp_path / "alone")
    assert _tree(tmp_path / "pooled") == files
    _, mismatch, errors = filecmp.cmpfiles(
        tmp_path / "alone", tmp_path / "pooled", files, shallow=False
    )
    assert not mismatch and not errors, (mismatch[:10], errors[:10])


def _failed_build(config: Path, site: Path, fault: str) -> tuple[str, str]:
    """The log of a build with a page error injected (``fault``: in which process), and the
    page; the build failed, named the page and left no process behind."""
    proc = _build(config, site, **{FAULT_ENV: fault})
    log = proc.stdout + proc.stderr
    assert proc.returncode != 0, log
    page = re.search(r"ValueError: fault injected on (\S+)", log).group(1)
    assert f"Error building page '{page}'" in log
    assert "fault hook: children left: []" in log
    return log, page


def test_a_page_error_in_a_building_process_fails_the_build_naming_the_page(tmp_path, config):
    log, page = _failed_build(config, tmp_path / "site", "other")
    assert f"Pages: error building page '{page}'" in log


def test_a_failed_build_ends_the_building_processes(tmp_path, config):
    log, _ = _failed_build(config, tmp_path / "site", "build")
    assert "Pages: error building" not in log


def test_a_previews_first_build_builds_on_every_core_the_same_site(tmp_path, config):
    # `make preview` starts with a full build: on every core too, the same bytes as in one
    # process (its rebuilds render only the pages an edit touches, in the build's process).
    pooled = _build(config, tmp_path / "pooled", **{PREVIEW_ENV: "1"})
    alone = _build(config, tmp_path / "alone", **{PREVIEW_ENV: "1", ONE_PROCESS_ENV: "1"})
    assert pooled.returncode == 0, pooled.stdout + pooled.stderr
    assert alone.returncode == 0, alone.stdout + alone.stderr
    assert POOLED.search(pooled.stderr) and not POOLED.search(alone.stderr)
    files = _tree(tmp_path / "alone")
    assert _tree(tmp_path / "pooled") == files
    _, mismatch, errors = filecmp.cmpfiles(
        tmp_path / "alone", tmp_path / "pooled", files, shallow=False
    )
    assert not mismatch and not errors, (mismatch[:10], errors[:10])
