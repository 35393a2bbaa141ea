"""Plan files out: front-matter through ``yaml.safe_dump``, merged with what a person wrote,
written atomically (a temporary file renamed into place, so a failed import leaves nothing)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

import yaml

from ..source.frontmatter import parse_front_matter
from ..source.repository import validator

# Front-matter keys in the order a plan file lists them: the schema's order, one source of truth.
FIELD_ORDER: tuple[str, ...] = tuple(validator("plan").schema["properties"])

# What the importer derives from the text; everything else belongs to the person who checks it.
DERIVED_FIELDS: tuple[str, ...] = (
    "id",
    "so_ky_hieu",
    "so_ky_hieu_ke_hoach",
    "loai_van_ban",
    "trich_yeu",
    "co_quan_ban_hanh",
    "dia_danh",
    "ngay_ban_hanh",
    "nam",
    "tinh_trang",
    "nguoi_ky",
    "chuc_danh",
    "thuc_hien",
    "can_cu",
    "noi_nhan",
    "nguon",
)


class ExistsError(FileExistsError):
    """The target file exists and ``--force`` was not given."""


def format_front_matter(data: dict[str, Any], order: tuple[str, ...] = FIELD_ORDER) -> str:
    """YAML front-matter between ``---`` lines, keys in ``order`` then the rest."""
    keys = [k for k in order if k in data] + [k for k in data if k not in order]
    ordered = {k: data[k] for k in keys}
    text = yaml.safe_dump(
        ordered, allow_unicode=True, sort_keys=False, default_flow_style=False, width=4096
    )
    return "---\n" + text + "---\n"


def render(fields: dict[str, Any], body: str) -> str:
    return format_front_matter(fields) + "\n" + body


def read_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """(front-matter, body) of a plan file, dates kept as the strings written."""
    front, _ = parse_front_matter(text)
    if front is None or not isinstance(front.data, dict):
        return {}, text
    return front.data, front.body.removeprefix("\n")


def merge(imported: dict[str, Any], existing: dict[str, Any]) -> dict[str, Any]:
    """Derived fields from the import, everything else as the person left it."""
    merged = dict(existing)
    for key in DERIVED_FIELDS:
        merged[key] = imported.get(key)
    return merged


def default_provenance(fields: dict[str, Any], source_name: str) -> list[dict[str, Any]]:
    derived = [k for k in DERIVED_FIELDS if fields.get(k) not in (None, [], "")]
    return [
        {
            "truong": derived,
            "nguon": f"Trích tự động từ tệp {source_name} (cchc import); chưa đối chiếu",
            "da_kiem_tra": False,
        }
    ]


def target_path(out: Path, fields: dict[str, Any]) -> Path:
    if fields.get("co_quan_ban_hanh") and fields.get("nam"):
        return out / fields["co_quan_ban_hanh"] / str(fields["nam"]) / f"{fields['id']}.md"
    return out / f"{fields['id']}.md"


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, then rename it into place."""
    write_together([(path, data)])


def write_together(files: list[tuple[Path, bytes]]) -> None:
    """Write all the files or none: each goes to a temporary file beside it, then all are renamed
    into place. When a step fails, the temporaries are removed, a file already replaced gets its
    old content back (a new one is removed) and the folders made for them are removed again."""
    made: list[Path] = []
    staged: list[Path] = []
    replaced: list[tuple[Path, bytes | None]] = []
    try:
        for path, data in files:
            missing = [d for d in (path.parent, *path.parent.parents) if not d.exists()]
            path.parent.mkdir(parents=True, exist_ok=True)
            made.extend(missing)
            handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
            staged.append(Path(temporary))
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
        for (path, _), temporary in zip(files, staged, strict=True):
            old = path.read_bytes() if path.is_file() else None
            os.replace(temporary, path)
            replaced.append((path, old))
    except BaseException:
        for temporary in staged:
            temporary.unlink(missing_ok=True)
        for path, old in reversed(replaced):
            if old is None:
                path.unlink(missing_ok=True)
            else:
                path.write_bytes(old)
        for folder in made:  # deepest first
            if folder.is_dir() and not any(folder.iterdir()):
                folder.rmdir()
        raise
