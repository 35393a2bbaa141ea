"""``cchc publish``: the files of a built site added, changed or removed since a publication.

It compares the site's manifest (``site/manifest.py``, written by every build) with the one
the portal last received, so a rebuild that changed one plan uploads a few dozen files, not
the whole site.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

from ..site.manifest import MANIFEST_PATH, Entry, ManifestError, read_manifest, site_entries

UPLOAD_LIST = "upload.txt"  # rsync --files-from: added and changed files
DELETE_LIST = "delete.txt"  # files to remove from the portal
FILES_DIR = "files"  # the files to upload, in the site's layout


@dataclass
class Changes:
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

    @property
    def upload(self) -> list[str]:
        return sorted(self.added + self.changed)

    def status_lines(self) -> list[str]:
        """``A path`` / ``M path`` / ``D path``, by path, like ``git diff --name-status``."""
        marked = (
            [(p, "A") for p in self.added]
            + [(p, "M") for p in self.changed]
            + [(p, "D") for p in self.removed]
        )
        return [f"{mark} {path}" for path, mark in sorted(marked)]


def compare(old: dict[str, Entry], new: dict[str, Entry]) -> Changes:
    changes = Changes(
        added=sorted(set(new) - set(old)),
        changed=sorted(p for p in set(new) & set(old) if new[p] != old[p]),
        removed=sorted(set(old) - set(new)),
    )
    # The new manifest goes up with any change, so the next publish can start from it.
    if changes.added or changes.changed or changes.removed:
        if old:
            changes.changed = sorted([*changes.changed, MANIFEST_PATH])
        else:
            changes.added = sorted([*changes.added, MANIFEST_PATH])
    return changes


def copy_changes(site: Path, changes: Changes, target: Path) -> None:
    """``target/files/…`` (the files to upload), ``upload.txt`` and ``delete.txt``."""
    if target.exists() and any(target.iterdir()):
        # A previous publish output is replaced; any other folder is left alone.
        if {p.name for p in target.iterdir()} - {FILES_DIR, UPLOAD_LIST, DELETE_LIST}:
            raise FileExistsError(f"{target}: thư mục đích phải trống hoặc chưa tồn tại")
        shutil.rmtree(target)
    files = target / FILES_DIR
    files.mkdir(parents=True, exist_ok=True)
    for rel in changes.upload:
        dest = files / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(site / rel, dest)
    (target / UPLOAD_LIST).write_text("".join(f"{p}\n" for p in changes.upload), "utf-8")
    (target / DELETE_LIST).write_text("".join(f"{p}\n" for p in changes.removed), "utf-8")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--since",
        type=Path,
        help="manifest của lần đăng trước (du-lieu/manifest.json); bỏ trống: đăng toàn bộ",
    )
    parser.add_argument("--site", type=Path, default=Path("site"), help="thư mục site đã dựng")
    parser.add_argument(
        "--to",
        type=Path,
        help="chép các tệp cần tải lên vào DIR/files/, kèm DIR/upload.txt và DIR/delete.txt",
    )


def run(args: argparse.Namespace) -> int:
    manifest = args.site / MANIFEST_PATH
    if not manifest.is_file():
        print(
            f"{manifest}:1: error: manifest-missing: chưa dựng site (make build)", file=sys.stderr
        )
        return 1
    try:
        new = read_manifest(manifest)
        old = read_manifest(args.since) if args.since else {}
    except ManifestError as exc:
        print(exc, file=sys.stderr)
        return 1
    actual = site_entries(args.site)
    if actual != new:
        print(
            f"{manifest}:1: error: manifest-stale: manifest không khớp với các tệp trong "
            f"{args.site} (có tệp bị sửa sau khi dựng); hãy dựng lại",
            file=sys.stderr,
        )
        return 1
    changes = compare(old, new)
    for line in changes.status_lines():
        print(line)
    if args.to:
        try:
            copy_changes(args.site, changes, args.to)
        except FileExistsError as exc:
            print(f"{exc}", file=sys.stderr)
            return 1
    print(
        f"{len(changes.added)} tệp mới, {len(changes.changed)} tệp thay đổi, "
        f"{len(changes.removed)} tệp cần xóa (trên tổng số {len(new) + 1} tệp)",
        file=sys.stderr,
    )
    return 0
