"""``cchc import FILE… --out DIR``: read, parse, write; never interactive.

Exit status 0 when every file was imported (warnings and unknown agencies included), 1 when
any failed. Nothing is overwritten without ``--force``; two inputs that map to one plan id are
an error for both; a progress bar shows for many files; a summary ends the run.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from ..model.text import read_text
from .agency import Registries
from .document import Imported, import_text
from .formats import FormatError, Source, read_source
from .writer import (
    ExistsError,
    default_provenance,
    merge,
    read_front_matter,
    render,
    target_path,
    write_together,
)

# From this many files on, a progress bar shows on standard error.
PROGRESS_FROM = 5


@dataclass
class Outcome:
    source: Path
    imported: Imported | None = None
    content: str = ""
    path: Path | None = None
    error: str | None = None
    warnings: list[str] = field(default_factory=list)


def prepare(source: Path, registries: Registries, agency: str | None) -> Outcome:
    """Read and parse one file; nothing is written yet."""
    outcome = Outcome(source)
    try:
        read: Source = read_source(source)
    except (FormatError, OSError, ValueError) as exc:
        outcome.error = str(exc)
        return outcome
    if not read.text.strip():
        outcome.error = "tệp không có chữ nào đọc được"
        return outcome
    result = import_text(read.text, source_name=source.name, registries=registries, agency=agency)
    outcome.imported = result
    outcome.warnings = read.warnings + result.warnings + doubtful_fields(result, read)
    return outcome


# Fields read from the header, with the header text each was read from.
HEADER_FIELDS: dict[str, str] = {
    "so_ky_hieu": "number_text",
    "ngay_ban_hanh": "date_text",
    "dia_danh": "date_text",
}


def doubtful_fields(result: Imported, read: Source) -> list[str]:
    """Header fields OCR read with low confidence: emptied, and named for a person to fill."""
    header = result.header
    if not read.low_confidence or header is None:
        return []
    doubtful = set(read.low_confidence)
    warnings = []
    for key, attribute in HEADER_FIELDS.items():
        text = getattr(header, attribute) or ""
        words = [w for w in text.split() if w in doubtful]
        if words and result.fields.get(key) is not None:
            warnings.append(
                f"{key}: OCR đọc «{result.fields[key]}» với độ tin cậy thấp "
                f"(«{' '.join(words)}»); để trống cho người nhập điền"
            )
            result.fields[key] = None
    return warnings


def finish(outcome: Outcome, out: Path | None, force: bool) -> None:
    """Front-matter (merged with an existing file's hand-written fields) and the write."""
    assert outcome.imported is not None
    fields = dict(outcome.imported.fields)
    path = target_path(out, fields) if out is not None else None
    if path is not None and path.exists():
        if not force:
            raise ExistsError(f"{path} đã có; dùng --force để ghi đè (giữ các trường nhập tay)")
        existing, _ = read_front_matter(read_text(path.read_bytes()))
        fields = merge(fields, existing)
    else:
        fields["nguon_thong_tin"] = default_provenance(fields, outcome.source.name)
    outcome.content = render(fields, outcome.imported.body)
    outcome.path = path
    if path is not None:
        # The plan and a copy of its source beside it (the file readers download), or neither.
        files = [(path, outcome.content.encode("utf-8"))]
        copy = path.parent / outcome.source.name
        if outcome.source.resolve() != copy.resolve():
            files.append((copy, outcome.source.read_bytes()))
        write_together(files)


def import_file(
    source: Path,
    out: Path | None,
    *,
    registries: Registries,
    agency: str | None = None,
    force: bool = False,
) -> Outcome:
    """Import one file and write it (and copy the source beside it) unless ``out`` is None."""
    outcome = prepare(source, registries, agency)
    if outcome.error is None:
        finish(outcome, out, force)
    return outcome


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "files",
        nargs="+",
        type=Path,
        metavar="TỆP",
        help="tệp .txt, .md, .docx, .doc, .pdf (có lớp chữ hoặc bản quét), .png/.jpg/.tif",
    )
    parser.add_argument(
        "--out", required=True, help="thư mục đích (thường là plans/); '-' để in ra màn hình"
    )
    parser.add_argument("--agency", help="mã cơ quan ban hành khi văn bản không ghi rõ")
    parser.add_argument(
        "--root", type=Path, default=Path("."), help="thư mục kho dữ liệu (có plans/agencies.yml)"
    )
    parser.add_argument(
        "--force", action="store_true", help="ghi đè tệp đã có (giữ các trường nhập tay)"
    )


def _duplicates(outcomes: list[Outcome]) -> None:
    """Two inputs mapping to one plan id: both fail, each naming the other."""
    by_id: dict[str, list[Outcome]] = {}
    for outcome in outcomes:
        if outcome.imported is not None:
            by_id.setdefault(outcome.imported.fields["id"], []).append(outcome)
    for plan_id, group in by_id.items():
        if len(group) > 1:
            names = ", ".join(str(o.source) for o in group)
            for outcome in group:
                outcome.error = f"nhiều tệp cùng ra mã kế hoạch '{plan_id}': {names}"


def run(args: argparse.Namespace) -> int:
    registries = Registries.load(args.root)
    for diag in registries.diagnostics:
        print(diag.format(), file=sys.stderr)
    out = None if args.out == "-" else Path(args.out)
    files: list[Path] = args.files
    bar = len(files) >= PROGRESS_FROM
    outcomes = [
        prepare(source, registries, args.agency)
        for source in tqdm(files, desc="Đọc", unit="tệp", disable=not bar, file=sys.stderr)
    ]
    _duplicates(outcomes)
    for outcome in outcomes:
        if outcome.error is None:
            try:
                finish(outcome, out, args.force)
            except OSError as exc:
                outcome.error = str(exc)
        for warning in outcome.warnings:
            print(f"{outcome.source}:1: warning: import: {warning}", file=sys.stderr)
        if outcome.error is not None:
            print(f"{outcome.source}:1: error: import: {outcome.error}", file=sys.stderr)
            continue
        assert outcome.imported is not None
        if outcome.imported.proposed_agency:
            print(
                f"{outcome.source}:1: warning: import-agency: cơ quan chưa có trong "
                "plans/agencies.yml; đề xuất thêm:\n" + outcome.imported.proposed_agency,
                file=sys.stderr,
            )
        if outcome.path is None:
            sys.stdout.write(outcome.content)
        else:
            print(f"{outcome.source} -> {outcome.path}", file=sys.stderr)
    print(summary(outcomes), file=sys.stderr)
    return 1 if any(o.error for o in outcomes) else 0


def summary(outcomes: list[Outcome]) -> str:
    done = [o for o in outcomes if o.error is None]
    warned = sum(1 for o in done if o.warnings)
    failed = [o for o in outcomes if o.error is not None]
    lines = [f"Đã nhập {len(done)} tệp ({warned} có cảnh báo), lỗi {len(failed)} tệp."]
    lines += [f"  lỗi: {o.source}: {o.error}" for o in failed]
    return "\n".join(lines)
