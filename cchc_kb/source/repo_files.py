"""Which files of the repository are read: regular files inside it, and a word about the rest.

A symlink that leaves the repository is refused, never followed (a plan must not publish
``/etc/passwd`` as its source file); a directory or a FIFO named like a plan is reported, not
skipped in silence; a symlinked directory is not walked (it could loop), and says so.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from ..model.models import Diagnostic


def _error(rel: str, code: str, message: str) -> Diagnostic:
    return Diagnostic(rel, 1, "error", code, message)


def _inside(root: Path, target: Path) -> bool:
    return target == root or root in target.parents


def refused_source(root: Path, path: Path, rel: str) -> Diagnostic | None:
    """Why ``path`` must not be read (a symlink out of the repository, not a regular file),
    or None when it may be read or does not exist."""
    root = root.resolve()
    if path.is_symlink():
        target = path.resolve()
        if not _inside(root, target):
            return _error(
                rel, "symlink-outside", "liên kết tượng trưng trỏ ra ngoài kho dữ liệu: không đọc"
            )
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return (
            _error(rel, "unreadable", "liên kết tượng trưng trỏ tới tệp không tồn tại")
            if (path.is_symlink())
            else None
        )
    except OSError as exc:
        return _error(rel, "unreadable", f"không đọc được tệp: {exc.strerror or exc}")
    if stat.S_ISDIR(mode):
        return _error(rel, "not-a-file", "là một thư mục, không phải tệp")
    if not stat.S_ISREG(mode):
        return _error(rel, "not-a-file", "không phải tệp thường (FIFO, thiết bị, socket)")
    return None


def _regular_file(path: Path) -> bool:
    """A regular file that is no symlink."""
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False


def markdown_files(root: Path, folder: str) -> tuple[list[Path], list[Diagnostic]]:
    """The ``*.md`` files under ``root/folder`` that may be read, in a stable order, and a
    finding for each entry named like one that may not (or a folder not walked)."""
    base = root / folder
    if not base.is_dir():
        return [], []
    found: list[Path] = []
    refused: list[Diagnostic] = []

    def unreadable(exc: OSError) -> None:
        rel = Path(exc.filename).relative_to(root).as_posix() if exc.filename else folder
        refused.append(_error(rel, "unreadable", f"không đọc được thư mục: {exc.strerror}"))

    for current, dirs, files in os.walk(base, onerror=unreadable, followlinks=False):
        here = Path(current)
        for name in sorted(dirs):
            path = here / name
            rel = path.relative_to(root).as_posix()
            if path.is_symlink():
                problem = refused_source(root, path, rel)
                refused.append(
                    problem
                    or Diagnostic(
                        rel,
                        1,
                        "warning",
                        "symlink-skipped",
                        "thư mục liên kết tượng trưng không được đọc (đọc thư mục thật)",
                    )
                )
            elif name.endswith(".md"):
                refused.append(_error(rel, "not-a-file", "là một thư mục, không phải tệp"))
        dirs[:] = sorted(d for d in dirs if not (here / d).is_symlink())
        for name in sorted(files):
            if not name.endswith(".md"):
                continue
            path = here / name
            if _regular_file(path):  # what refused_source passes, in one system call
                found.append(path)
                continue
            problem = refused_source(root, path, path.relative_to(root).as_posix())
            if problem:
                refused.append(problem)
            else:
                found.append(path)
    return sorted(found), refused
