"""Shared fixtures: real MkDocs builds into temporary folders, and an HTML reader for them."""

from __future__ import annotations

import importlib
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from types import ModuleType

import pytest
import yaml

from cchc_kb import preview
from cchc_kb.preview import CHROMIUM, CHROMIUM_ARGS, SUBPATH, serve

ROOT = Path(__file__).resolve().parent.parent


def hook_module(name: str) -> ModuleType:
    """A module of hooks/, imported from beside the hook, as MkDocs loads it."""
    sys.path.insert(0, str(ROOT / "hooks"))
    try:
        return importlib.import_module(name)
    finally:
        sys.path.remove(str(ROOT / "hooks"))


@dataclass
class Build:
    repo: Path
    site: Path
    returncode: int
    log: str

    def html(self, url_path: str) -> str:
        """HTML of a page by its directory URL ("ke-hoach/<id>/")."""
        return (self.site / url_path / "index.html").read_text("utf-8")


def site_config(repo: Path, cchc: dict | None = None, **settings: object) -> Path:
    """The project's mkdocs.yml pointed at ``repo`` (cchc_kb.preview.site_config), with
    ``cchc`` merged into ``extra.cchc``."""
    if cchc:
        extra = yaml.safe_load((ROOT / "mkdocs.yml").read_text("utf-8"))["extra"]
        extra["cchc"].update(cchc)
        settings["extra"] = extra
    return preview.site_config(repo, ROOT, **settings)


def build_site(
    repo: Path, site: Path, strict: bool = True, cchc: dict | None = None, **settings: object
) -> Build:
    """Run ``mkdocs build`` in a subprocess, as a maintainer would."""
    config = repo / "mkdocs.yml" if repo == ROOT else site_config(repo, cchc, **settings)
    cmd = [sys.executable, "-m", "mkdocs", "build", "-f", str(config), "-d", str(site)]
    cmd.append("--strict" if strict else "--no-strict")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("SOURCE_DATE_EPOCH", None)
    proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
    return Build(repo, site, proc.returncode, proc.stdout + proc.stderr)


def copy_repository(target: Path) -> Path:
    """The project's content (plans, legal records, agencies) in a scratch folder."""
    for folder in ("plans", "legal"):
        shutil.copytree(ROOT / folder, target / folder)
    return target


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Build:
    """The real repository built once per session with ``--strict``."""
    build = build_site(ROOT, tmp_path_factory.mktemp("real") / "site")
    assert build.returncode == 0, build.log
    return build


@pytest.fixture(scope="session")
def real_corpus():
    from cchc_kb.corpus import build_corpus

    return build_corpus(ROOT)


class Links(HTMLParser):
    """Every element with its attributes, plus the text of each <a>, in document order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.anchors: list[dict] = []
        self._open: list[dict] = []
        self.headings: list[tuple[str, str, str]] = []  # (tag, id, text)
        self._heading: list | None = None
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.elements.append((tag, attributes))
        if tag == "a":
            anchor = {"attrs": attributes, "text": "", "after_heading": self._last_heading()}
            self.anchors.append(anchor)
            self._open.append(anchor)
        if tag in ("h1", "h2", "h3"):
            self._heading = [tag, attributes.get("id") or "", ""]
        if tag == "script":
            self._in_script = True
            self.scripts.append("")

    def _last_heading(self) -> str:
        h2 = [h for h in self.headings if h[0] in ("h1", "h2")]
        return h2[-1][1] if h2 else ""

    def handle_endtag(self, tag):
        if tag == "a" and self._open:
            self._open.pop()
        if tag in ("h1", "h2", "h3") and self._heading:
            self.headings.append(tuple(self._heading))
            self._heading = None
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        for anchor in self._open:
            anchor["text"] += data
        if self._heading is not None:
            self._heading[2] += data
        if self._in_script:
            self.scripts[-1] += data


def parse(html: str) -> Links:
    parser = Links()
    parser.feed(html)
    return parser


@pytest.fixture(scope="session")
def chromium_path() -> str:
    if not Path(CHROMIUM).exists():
        pytest.fail("run: apt-get install chromium")
    return CHROMIUM


@pytest.fixture(scope="session")
def served_site(real_site):
    """The real site on 127.0.0.1 under the portal-like sub-path; yields its base URL."""
    with serve(real_site.site) as base_url:
        yield base_url


@pytest.fixture(scope="session")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=chromium_path, args=list(CHROMIUM_ARGS))
        yield launched
        launched.close()


__all__ = ["CHROMIUM_ARGS", "SUBPATH", "parse", "serve"]
