"""`mkdocs serve` watches the corpus: an edited plan, legal record or agency shows in the preview."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT, copy_repository, hook_module, site_config

from cchc_kb.preview import fetch_text, first_listed_plan, free_port, make_preview
from cchc_kb.site import urls

PLAN = ("so-noi-vu-hung-yen-2023-tuyen-truyen-cchc", "plans/so-noi-vu-hung-yen/2023")
LEGAL = "legal/24-2014-nd-cp.md"
WAIT = 180  # seconds: a full rebuild of the small repository on a loaded machine


def _wait_for(url: str, text: str, process: subprocess.Popen) -> str:
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        assert process.poll() is None, "mkdocs serve stopped"
        page = fetch_text(url)
        if page and text in page:
            return page
        time.sleep(1)
    pytest.fail(f"{url} did not show «{text}» within {WAIT} s")


@pytest.fixture
def served(tmp_path):
    repo = copy_repository(tmp_path / "repo")
    config = site_config(repo)
    port = free_port()
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


MARKER = "Tiêu đề sửa trong bản xem trước"


def _html_mtimes(site: Path) -> dict[str, int]:
    return {p.relative_to(site).as_posix(): p.stat().st_mtime_ns for p in site.rglob("*.html")}


def test_make_preview_renders_only_the_pages_an_edit_touches(tmp_path):
    """`make preview` on a generated repository: an edited plan's title shows on its page and
    its agency's; pages the edit does not touch are not written again."""
    repo = tmp_path / "repo"
    cchc = Path(sys.executable).parent / "cchc"
    subprocess.run(
        [str(cchc), "corpus", str(repo), "--plans", "60", "--seed", "3"],
        check=True,
        capture_output=True,
    )
    config = site_config(repo)
    agencies = sorted({p.parent.parent.name for p in (repo / "plans").rglob("*-cchc.md")})
    agency, other = agencies[0], agencies[-1]
    port = free_port()
    base = f"http://127.0.0.1:{port}/cong-khai/cchc/"
    temp = tmp_path / "tmp"
    temp.mkdir()
    log_path = tmp_path / "preview.log"
    with make_preview(ROOT, config, port, log_path, temp) as process:
        agency_url = _url(base, urls.agency_src(agency))
        plan_id = first_listed_plan(_wait_for(agency_url, "ke-hoach/", process))
        assert plan_id
        while "Serving on" not in log_path.read_text("utf-8"):
            assert process.poll() is None, log_path.read_text("utf-8")
            time.sleep(0.5)
        (site,) = temp.glob("mkdocs_*")
        first = _html_mtimes(site)
        agency_before = fetch_text(agency_url)

        plan_file = next((repo / "plans").rglob(f"{plan_id}.md"))
        text = plan_file.read_text("utf-8")
        edited = re.sub(r"^trich_yeu: .*$", f"trich_yeu: {MARKER}", text, count=1, flags=re.M)
        plan_file.write_text(edited, "utf-8")
        _wait_for(_url(base, urls.plan_src(plan_id)), MARKER, process)
        agency_after = _wait_for(agency_url, MARKER, process)
        while "Bản xem trước: dựng lại" not in log_path.read_text("utf-8"):
            assert process.poll() is None, log_path.read_text("utf-8")
            time.sleep(0.5)
        second = _html_mtimes(site)
        # Watched by the system's events (hooks/watching.py), which the build's own reading of
        # every record must not set off again: one edit, one rebuild.
        log = log_path.read_text("utf-8")
        assert "theo dõi thay đổi bằng sự kiện của hệ thống tệp" in log
        time.sleep(3)
        assert log_path.read_text("utf-8").count("Building documentation") == 2

        # A deleted plan leaves the preview: its page answers 404, its agency lists it no more.
        other_url = _url(base, urls.agency_src(other))
        deleted = first_listed_plan(_wait_for(other_url, "ke-hoach/", process))
        next((repo / "plans").rglob(f"{deleted}.md")).unlink()
        deadline = time.monotonic() + WAIT
        while fetch_text(_url(base, urls.plan_src(deleted))) is not None:
            assert process.poll() is None and time.monotonic() < deadline, deleted
            time.sleep(1)
        assert f"ke-hoach/{deleted}/" not in _wait_for(other_url, "ke-hoach/", process)
        assert not (site / "ke-hoach" / deleted).exists()

    written = {page for page, mtime in second.items() if first.get(page) != mtime}
    assert f"ke-hoach/{plan_id}/index.html" in written
    assert f"co-quan/{agency}/index.html" in written
    assert f"co-quan/{other}/index.html" not in written
    assert "huong-dan/index.html" not in written  # docs/ pages: not rebuilt either
    assert 0 < len(written) < len(first) / 5, sorted(written)
    # The rebuilt page is the first build's but for the title: the same nav, header and lists.
    title = re.search(r"^trich_yeu: (.*)$", text, flags=re.M).group(1)

    def served_page(html: str) -> str:  # MkDocs' live-reload call names the build's epoch
        return re.sub(r"reload\(\d+, \d+\)", "reload()", html)

    assert served_page(agency_after.replace(MARKER, title)) == served_page(agency_before)


def test_a_preview_started_from_a_background_job_still_stops_on_interrupt():
    """A background job starts with SIGINT ignored and its children inherit that: the preview's
    MkDocs must get Python's ^C handler back, or stopping it waits for ever."""
    from cchc_kb.preview import _interruptible

    probe = "import signal; print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)"
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        ignored = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
        restored = subprocess.run(
            [sys.executable, "-c", probe], capture_output=True, text=True, preexec_fn=_interruptible
        )
    finally:
        signal.signal(signal.SIGINT, previous)
    assert ignored.stdout.strip() == "False"  # what a background job's child gets
    assert restored.stdout.strip() == "True"


@pytest.fixture
def live_server(tmp_path):
    from mkdocs.livereload import LiveReloadServer

    server = LiveReloadServer(lambda: None, "127.0.0.1", free_port(), str(tmp_path))
    for name in ("plans", "docs"):
        (tmp_path / name).mkdir()
        server.watch(str(tmp_path / name))
    server.watch(str(tmp_path / "plans"))  # watched twice: unwatched once, still watched
    yield server
    server.observer.stop()
    server.server_close()


def test_the_preview_watches_by_events_every_path_mkdocs_watched(live_server, tmp_path):
    from watchdog.observers.polling import PollingObserver

    watching = hook_module("watching")
    watched = dict(live_server._watched_paths)
    assert watching.watch_by_events(live_server)
    assert not isinstance(live_server.observer, PollingObserver)
    assert live_server._watched_paths == watched
    assert {watch.path for watch in live_server._watch_refs.values()} == {
        str(tmp_path / "plans"),
        str(tmp_path / "docs"),
    }
    # A changed file asks for a rebuild; reading one does not.
    (tmp_path / "plans" / "a.md").write_text("x", "utf-8")
    deadline = time.monotonic() + 10
    while not live_server._want_rebuild and time.monotonic() < deadline:
        time.sleep(0.05)
    assert live_server._want_rebuild
    _settle(live_server)
    (tmp_path / "plans" / "a.md").read_text("utf-8")
    time.sleep(1)
    assert not live_server._want_rebuild


def _settle(server, quiet: float = 0.5, at_most: float = 10) -> None:
    """Wait until the events of the last write have all arrived: a write is several (the file
    modified, then closed after writing), and on a loaded machine the last can come after the
    first has asked for a rebuild."""
    deadline = time.monotonic() + at_most
    while time.monotonic() < deadline:
        server._want_rebuild = False
        time.sleep(quiet)
        if not server._want_rebuild:
            return
    raise AssertionError("the watched folder never went quiet")


def test_the_preview_polls_when_asked_or_when_events_cannot_be_had(
    live_server, monkeypatch, tmp_path
):
    from watchdog.observers.polling import PollingObserver

    watching = hook_module("watching")
    polling, watched = live_server.observer, dict(live_server._watched_paths)
    monkeypatch.setenv(watching.POLL_ENV, "1")
    assert not watching.watch_by_events(live_server)
    assert live_server.observer is polling
    monkeypatch.delenv(watching.POLL_ENV)

    def no_watch_left(self):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(watching._ChangeObserver, "start", no_watch_left)
    assert not watching.watch_by_events(live_server)
    assert isinstance(live_server.observer, PollingObserver)
    assert live_server.observer is polling and live_server._watched_paths == watched
