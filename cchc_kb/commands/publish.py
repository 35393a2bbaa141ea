"""Publish only what changed: the manifest of a built site and ``cchc publish``.

Every build writes ``du-lieu/manifest.json`` into the site, last (the hook calls
``write_manifest``): each output file's path, size and SHA-256. Builds are deterministic, so
comparing the manifest a portal last received with the new site names exactly the files to
upload and the files to delete; a rebuild that changed one plan uploads a few dozen files, not
the whole site. The manifest travels with the site, so the one last published can always be
fetched back from the portal.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ..files import site_files

MANIFEST_PATH = "du-lieu/manifest.json"  # inside the site, with the open data (urls.DATA_DIR)
FORMAT = "cchc-manifest/1"
UPLOAD_LIST = "upload.txt"  # rsync --files-from: added and changed files
DELETE_LIST = "delete.txt"  # files to remove from the portal
FILES_DIR = "files"  # the files to upload, in the site's layout


@dataclass(frozen=True)
class Entry:
    sha256: str
    size: int


def _digest(path: Path) -> Entry:
    sha = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            sha.update(block)
    return Entry(sha.hexdigest(), path.stat().st_size)


def site_entries(
    site: Path,
    known: Mapping[str, tuple[str, int]] | None = None,
    folder: str = "",
    skip: frozenset[str] = frozenset(),
) -> dict[str, Entry]:
    """Every file of a built site except the manifest itself, by POSIX path. ``known``: the
    SHA-256 and size of files the build hashed as it wrote them (the pages), taken for a
    file of that size instead of reading it back. ``folder`` and ``skip``: only the files of
    one folder of the site, or all but those of some (``files.site_files``)."""
    known = known or {}
    entries = {}
    for rel, entry in site_files(site, folder, skip):
        if rel != MANIFEST_PATH:
            sha256, size = known.get(rel, ("", -1))
            if entry.stat().st_size == size:
                entries[rel] = Entry(sha256, size)
            else:
                entries[rel] = _digest(Path(entry.path))
    return dict(sorted(entries.items()))


def manifest_bytes(entries: dict[str, Entry]) -> bytes:
    """JSON with one line per file, so the manifest stays small and diffs line by line."""
    lines = [
        f"  {json.dumps(path)}: {json.dumps({'sha256': e.sha256, 'size': e.size})}"
        for path, e in sorted(entries.items())
    ]
    text = f'{{"format": "{FORMAT}", "files": {{\n' + ",\n".join(lines) + "\n}}\n"
    return text.encode("utf-8")


def write_manifest(
    site: Path,
    known: Mapping[str, tuple[str, int]] | None = None,
    entries: Mapping[str, Entry] | None = None,
) -> Path:
    """Write the site's manifest; call it last, when nothing else writes into the site.
    ``known``: as for ``site_entries``. ``entries``: the site's files, listed by the caller
    (a build lists what is finished while its search index is still being written), instead
    of reading them now."""
    if entries is None:
        entries = site_entries(site, known)
    target = site / MANIFEST_PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(manifest_bytes(dict(entries)))
    return target


class ManifestError(ValueError):
    pass


def read_manifest(path: Path) -> dict[str, Entry]:
    """The entries of a manifest file; a clear error naming the file when it is not one."""
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ManifestError(f"{path}:1: error: manifest-unreadable: {exc}") from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ManifestError(f"{path}:1: error: manifest-format: không phải tệp {FORMAT}")
    try:
        return {p: Entry(str(v["sha256"]), int(v["size"])) for p, v in data["files"].items()}
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ManifestError(f"{path}:1: error: manifest-format: mục hỏng ({exc})") from exc


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
