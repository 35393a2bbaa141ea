"""The manifest of a built site: every output file's path, size and SHA-256.

Every build writes ``du-lieu/manifest.json`` into the site, last. Builds are deterministic, so
comparing the manifest a portal last received with a new one names exactly the files to upload
and to delete (``cchc publish``, ``commands/publish.py``). The manifest travels with the site,
so the one last published can always be fetched back from the portal.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from .urls import DATA_DIR

MANIFEST_PATH = f"{DATA_DIR}/manifest.json"  # inside the site, with the open data
FORMAT = "cchc-manifest/1"


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


def site_entries(site: Path) -> dict[str, Entry]:
    """Every file of a built site except the manifest itself, by POSIX path."""
    entries = {}
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        rel = path.relative_to(site).as_posix()
        if rel != MANIFEST_PATH:
            entries[rel] = _digest(path)
    return entries


def manifest_bytes(entries: dict[str, Entry]) -> bytes:
    """JSON with one line per file, so the manifest stays small and diffs line by line."""
    lines = [
        f"  {json.dumps(path)}: {json.dumps({'sha256': e.sha256, 'size': e.size})}"
        for path, e in sorted(entries.items())
    ]
    text = f'{{"format": "{FORMAT}", "files": {{\n' + ",\n".join(lines) + "\n}}\n"
    return text.encode("utf-8")


def write_manifest(site: Path) -> Path:
    """Write the site's manifest; call it last, when nothing else writes into the site."""
    target = site / MANIFEST_PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(manifest_bytes(site_entries(site)))
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
