"""Scratch folders: a killed build's copies are removed by the next build, a live one's kept."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

import pytest

from cchc_kb.scratch import LOCK_GRACE_SECONDS, ScratchFolder, remove_abandoned
from cchc_kb.site.pagefind import WORK_PREFIX, PageCopier

# Makes a scratch folder with a file in it, prints its path and waits to be killed; with "fork",
# a forked child (a pool worker) outlives it.
_HOLDER = textwrap.dedent(
    """
    import os, sys, time
    from cchc_kb.scratch import ScratchFolder
    folder = ScratchFolder(sys.argv[1], sys.argv[2])
    (folder.path / "copy.html").write_text("<p>bản sao</p>", encoding="utf-8")
    if sys.argv[3] == "fork" and os.fork() == 0:
        time.sleep(60)
        os._exit(0)
    print(folder.path, flush=True)
    time.sleep(60)
    """
)


def _holder(parent: Path, prefix: str, fork: bool = False) -> tuple[subprocess.Popen, Path]:
    process = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, prefix, str(parent), "fork" if fork else "alone"],
        stdout=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    return process, Path(process.stdout.readline().strip())


def _kill(process: subprocess.Popen, group: bool = False) -> None:
    os.killpg(process.pid, signal.SIGKILL) if group else process.kill()
    process.wait()
    process.stdout.close()


def _age(folder: Path) -> None:
    old = time.time() - 2 * LOCK_GRACE_SECONDS
    os.utime(folder, (old, old))


def test_the_folder_of_a_killed_process_is_removed_and_a_live_ones_kept(tmp_path):
    killed, abandoned = _holder(tmp_path, "cchc-index-")
    alive, in_use = _holder(tmp_path, "cchc-index-")
    other, not_ours = _holder(tmp_path, "other-")
    try:
        _kill(killed)
        _kill(other)
        for folder in (abandoned, in_use, not_ours):
            _age(folder)
        with ScratchFolder("cchc-index-", str(tmp_path)) as new:
            assert new.is_dir() and new.name.startswith("cchc-index-")
            assert not abandoned.exists()
            assert (in_use / "copy.html").exists()  # its build still runs
            assert (not_ours / "copy.html").exists()  # another prefix
            assert remove_abandoned(str(tmp_path), "cchc-index-", grace=0) == []  # new is held
        assert not new.exists()
    finally:
        _kill(alive)
    assert remove_abandoned(str(tmp_path), "cchc-index-") == [str(in_use)]


def test_a_folder_is_in_use_while_a_forked_worker_lives(tmp_path):
    parent, folder = _holder(tmp_path, "cchc-index-", fork=True)
    parent.kill()  # the build's own process only: its worker lives on
    parent.wait()
    _age(folder)
    try:
        assert remove_abandoned(str(tmp_path), "cchc-index-") == []
    finally:
        _kill(parent, group=True)  # the worker too
    deadline = time.monotonic() + 10
    while remove_abandoned(str(tmp_path), "cchc-index-") == [] and time.monotonic() < deadline:
        time.sleep(0.05)  # the worker's end reaches the kernel's lock a moment later
    assert not folder.exists()


@pytest.mark.parametrize("age", [0.0, LOCK_GRACE_SECONDS / 2])
def test_a_young_unlocked_folder_may_be_one_not_yet_locked_and_is_kept(tmp_path, age):
    young = tmp_path / "cchc-index-young"
    young.mkdir()
    now = young.stat().st_mtime + age
    assert remove_abandoned(str(tmp_path), "cchc-index-", now=now) == []
    later = now + LOCK_GRACE_SECONDS
    assert remove_abandoned(str(tmp_path), "cchc-index-", now=later) == [str(young)]


def test_a_file_named_like_a_folder_and_a_missing_parent_are_left_alone(tmp_path):
    (tmp_path / "cchc-index-file").write_text("x")
    assert remove_abandoned(str(tmp_path), "cchc-index-", grace=0) == []
    assert remove_abandoned(str(tmp_path / "missing"), "cchc-index-", grace=0) == []
    assert (tmp_path / "cchc-index-file").exists()


def test_the_search_copies_of_a_killed_build_are_removed_by_the_next(tmp_path, monkeypatch):
    monkeypatch.setenv("TMPDIR", str(tmp_path))  # scratch_folder: the temporary folder
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    killed, abandoned = _holder(tmp_path, WORK_PREFIX)
    _kill(killed)
    _age(abandoned)
    copier = PageCopier({})
    try:
        assert copier.work.parent == tmp_path
        assert copier.scratch.abandoned == [str(abandoned)]
        assert not abandoned.exists()
    finally:
        copier.stop()
    assert not copier.work.exists()
    assert list(tmp_path.iterdir()) == []
