"""`mkdocs serve` watches the corpus: an edited plan, legal record or agency shows in the preview."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from conftest import ROOT, copy_repository, site_config

from cchc_kb.site import urls

PLAN = ("so-noi-vu-hung-yen-2023-tuyen-truyen-cchc", "plans/so-noi-vu-hung-yen/2023")
LEGAL = "legal/24-2014-nd-cp.md"
WAIT = 180  # seconds: a full rebuild of the small repository on a loaded machine


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def _wait_for(url: str, text: str, process: subprocess.Popen) -> str:
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        assert process.poll() is None, "mkdocs serve stopped"
        page = _get(url)
        if page and text in page:
            return page
        time.sleep(1)
    pytest.fail(f"{url} did not show «{text}» within {WAIT} s")


@pytest.fixture
def served(tmp_path):
    repo = copy_repository(tmp_path / "repo")
    config = site_config(repo)
    port = _free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    log = (tmp_path / "serve.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-f", str(config), "-a", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        yield repo, f"http://127.0.0.1:{port}/cong-khai/cchc/", process
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()


def _url(base: str, src: str) -> str:
    return base + urls.url_of(src)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")


def test_edits_to_the_corpus_show_in_the_preview(served):
    repo, base, process = served
    plan_id, folder = PLAN
    plan_url = _url(base, urls.plan_src(plan_id))
    _wait_for(plan_url, "<h1", process)

    plan_file = repo / folder / f"{plan_id}.md"
    text = plan_file.read_text("utf-8")
    plan_file.write_text(text + "\nĐoạn thêm để kiểm tra bản xem trước.\n", "utf-8")
    _wait_for(plan_url, "Đoạn thêm để kiểm tra bản xem trước.", process)

    legal_url = _url(base, urls.legal_src("24-2014-nd-cp"))
    _edit(repo / LEGAL, 'trich_yeu: "', 'trich_yeu: "Bản sửa thử - ')
    _wait_for(legal_url, "Bản sửa thử - ", process)

    _edit(
        repo / "plans" / "agencies.yml",
        "ten: Sở Nội vụ tỉnh Hưng Yên",
        "ten: Sở Nội vụ Hưng Yên (sửa thử)",
    )
    _wait_for(plan_url, "Sở Nội vụ Hưng Yên (sửa thử)", process)
