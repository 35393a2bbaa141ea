"""Which files of the repository are read: regular files inside it, and a word about the rest.

A symlink that leaves the repository is refused, never followed (a plan must not publish
``/etc/passwd`` as its source file); a directory or a FIFO named like a plan is reported, not
skipped in silence; a symlinked directory is not walked (it could loop), and says so.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Collection
from dataclasses import dataclass, field
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


@dataclass
class FolderFiles:
    """What a folder holds: the Markdown records that may be read (as their path and their
    repository-relative path, in path order), a finding for each entry named like one that may
    not, and the other regular files with one of the suffixes asked for (plans' source files),
    each list in a stable order."""

    markdown: list[tuple[str, str]] = field(default_factory=list)
    refused: list[Diagnostic] = field(default_factory=list)
    others: list[Path] = field(default_factory=list)


def folder_files(root: Path, folder: str, suffixes: Collection[str] = ()) -> FolderFiles:
    """The files under ``root/folder``, in one walk that asks the system about a file only
    when its directory entry leaves a doubt (a symlink)."""
    base = root / folder
    out = FolderFiles()
    if not base.is_dir():
        return out
    _walk(root, str(base), folder, suffixes, out)
    out.markdown.sort(key=lambda path_rel: path_rel[1].split("/"))  # as paths sort
    out.others.sort()
    return out


def _walk(
    root: Path, here: str, here_rel: str, suffixes: Collection[str], out: FolderFiles
) -> None:
    # Every file and folder of a large repository passes here on each reading (7,000 folders
    # at 10,000 plans): paths are made as text, a Path only for the few entries that need a
    # closer look.
    try:
        with os.scandir(here) as listing:
            entries = sorted(listing, key=lambda entry: entry.name)
    except OSError as exc:
        rel = Path(exc.filename).relative_to(root).as_posix() if exc.filename else here_rel
        out.refused.append(_error(rel, "unreadable", f"không đọc được thư mục: {exc.strerror}"))
        return
    directories, files = [], []
    for entry in entries:
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        (directories if is_dir else files).append(entry)
    walked = []
    for entry in directories:
        rel = f"{here_rel}/{entry.name}"
        if entry.is_symlink():
            out.refused.append(
                refused_source(root, Path(entry.path), rel)
                or Diagnostic(
                    rel,
                    1,
                    "warning",
                    "symlink-skipped",
                    "thư mục liên kết tượng trưng không được đọc (đọc thư mục thật)",
                )
            )
            continue
        if entry.name.endswith(".md"):
            out.refused.append(_error(rel, "not-a-file", "là một thư mục, không phải tệp"))
        walked.append((entry.path, rel))
    for entry in files:
        name = entry.name
        if not name.endswith(".md"):
            if os.path.splitext(name)[1].lower() in suffixes and _regular_file(entry):
                out.others.append(Path(entry.path))
            continue
        rel = f"{here_rel}/{name}"
        if _regular_file(entry):  # what refused_source passes, from the directory entry
            out.markdown.append((entry.path, rel))
            continue
        problem = refused_source(root, Path(entry.path), rel)
        if problem:
            out.refused.append(problem)
        else:
            out.markdown.append((entry.path, rel))
    for path, rel in walked:
        _walk(root, path, rel, suffixes, out)


def _regular_file(entry: os.DirEntry) -> bool:
    """A regular file that is no symlink."""
    try:
        return entry.is_file(follow_symlinks=False)
    except OSError:
        return False
