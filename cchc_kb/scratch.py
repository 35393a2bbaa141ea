"""Scratch folders that do not outlive their build.

A build's search copies go to a scratch folder, in memory when there is room: tens of thousands
of files, hundreds of megabytes at national sizes. A build that is killed (a CI job's time
limit, the out-of-memory killer) cannot remove them, and what it left in ``/dev/shm`` keeps its
memory until the machine restarts. So each folder is locked (``flock`` on the folder itself)
for as long as a process of its build lives: the kernel lets go of the lock when the last one
ends, however it ends, and the next build removes the folders of its kind whose lock it can take.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import tempfile
import time
from pathlib import Path

# A folder this young may be one whose build has made it and not yet locked it.
LOCK_GRACE_SECONDS = 60.0
_OPEN_FOLDER = os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC  # for flock on the folder itself


class ScratchFolder:
    """A new folder named ``prefix``… in ``parent`` (None: the system's temporary folder),
    locked until ``remove``; made after removing the abandoned folders named ``prefix``… there
    (``abandoned``: their paths). Processes forked meanwhile share the lock: the folder is in
    use while any of them lives."""

    def __init__(self, prefix: str, parent: str | None = None) -> None:
        parent = parent or tempfile.gettempdir()
        self.abandoned = remove_abandoned(parent, prefix)
        self.path = Path(tempfile.mkdtemp(prefix=prefix, dir=parent))
        self._lock: int | None = os.open(self.path, _OPEN_FOLDER)
        fcntl.flock(self._lock, fcntl.LOCK_EX)

    def remove(self) -> None:
        shutil.rmtree(self.path, ignore_errors=True)
        if self._lock is not None:
            os.close(self._lock)
            self._lock = None

    def __enter__(self) -> Path:
        return self.path

    def __exit__(self, *exc) -> None:
        self.remove()


def remove_abandoned(
    parent: str, prefix: str, grace: float = LOCK_GRACE_SECONDS, now: float | None = None
) -> list[str]:
    """Remove the folders named ``prefix``… in ``parent`` that no process holds locked and that
    have not changed for ``grace`` seconds; returns their paths, sorted. Folders of other users
    cannot be opened and are left alone."""
    now = time.time() if now is None else now
    removed = []
    try:
        entries = [e for e in os.scandir(parent) if e.name.startswith(prefix)]
    except OSError:
        return removed
    for entry in entries:
        try:
            if not entry.is_dir(follow_symlinks=False):
                continue
            if now - entry.stat(follow_symlinks=False).st_mtime < grace:
                continue
            lock = os.open(entry.path, _OPEN_FOLDER)
        except OSError:
            continue
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            continue  # in use
        else:
            shutil.rmtree(entry.path, ignore_errors=True)
            removed.append(entry.path)
        finally:
            os.close(lock)
    return sorted(removed)
