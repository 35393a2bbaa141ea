"""``cchc legal import FILE [--relations FILE]``: bulk additions to the legal registry.

Rows come as CSV or JSON Lines with the national database's field names (so_ky_hieu,
loai_van_ban, ngay_ban_hanh, ngay_co_hieu_luc, co_quan_ban_hanh, trich_yeu,
tinh_trang_hieu_luc); relations as rows of (so_ky_hieu, quan_he, so_ky_hieu_lien_quan). A row
merges with the record already in legal/ for its number and issuer: an empty field is filled,
a field already written by hand is kept, and every disagreement is reported with both values.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..cite import canonical_number
from ..model.models import RELATION_LABELS, VALIDITY_STATUSES, Agency, PartialDate
from ..model.slug import ascii_fold, slugify
from ..model.text import read_text
from ..source.repository import load_agencies
from .writer import read_front_matter, render, write_atomically

# Fields taken from a row, in the order a legal record lists them.
ROW_FIELDS: tuple[str, ...] = (
    "so_ky_hieu", "loai_van_ban", "co_quan_ban_hanh", "ngay_ban_hanh", "ngay_co_hieu_luc",
    "trich_yeu", "tinh_trang_hieu_luc",
)  # fmt: skip
DATE_FIELDS = ("ngay_ban_hanh", "ngay_co_hieu_luc")
# Agency levels whose documents carry the province in their id ("22-2020-qd-ubnd-hung-yen").
LOCAL_LEVELS = ("tinh", "so", "huyen", "xa")
# Relation written as the database writes it -> the record's key.
RELATION_NAMES: dict[str, str] = {
    **{key: key for key in RELATION_LABELS},
    **{ascii_fold(label).casefold(): key for key, (label, _) in RELATION_LABELS.items()},
}
VN_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


@dataclass
class Report:
    lines: list[str] = field(default_factory=list)
    failed: int = 0
    created: int = 0
    updated: int = 0

    def add(self, where: str, severity: str, code: str, message: str) -> None:
        self.lines.append(f"{where}: {severity}: {code}: {message}")
        if severity == "error":
            self.failed += 1


def read_rows(path: Path, report: Report) -> list[tuple[int, dict[str, Any]]]:
    """(line, row) of a CSV (header line first) or JSON Lines file; a JSON line that is no
    object is reported at its line and left out."""
    text = read_text(path.read_bytes())
    if path.suffix.lower() == ".csv":
        reader = csv.DictReader(text.splitlines())
        return [(reader.line_num, {k: (v or "").strip() for k, v in row.items()}) for row in reader]
    rows = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            report.add(f"{path}:{n}", "error", "legal-row", f"dòng JSON hỏng ({exc.msg})")
            continue
        if not isinstance(row, dict):
            report.add(f"{path}:{n}", "error", "legal-row", "dòng JSON không phải một đối tượng")
            continue
        rows.append((n, row))
    return rows


def parse_date(value: Any) -> str | None:
    """ "23/04/2018" or "2018-04-23" -> "2018-04-23"; blank -> None. ValueError when wrong."""
    if value in (None, ""):
        return None
    text = str(value).strip()
    if m := VN_DATE.match(text):
        text = f"{m[3]}-{int(m[2]):02d}-{int(m[1]):02d}"
    return PartialDate.parse(text).iso


def agency_id(name: str, agencies: dict[str, Agency]) -> str | None:
    """The registry id for an issuer's name, id or short name (compared without diacritics)."""
    if name in agencies:
        return name
    wanted = ascii_fold(name).casefold()
    for agency in agencies.values():
        if wanted in (ascii_fold(n).casefold() for n in (agency.name, *agency.short_names)):
            return agency.id
    return None


def legal_id(number: str, issuer: Agency, agencies: dict[str, Agency], year: int | None) -> str:
    """The id scheme of ARCHITECTURE.md: the number in ASCII, the province for a local issuer,
    the year when the number does not carry one."""
    parts = [slugify(number)]
    province = agencies.get(issuer.province or "")
    if issuer.level in LOCAL_LEVELS and province is not None:
        parts.append(slugify(re.sub(r"^.*?(?:tỉnh|thành phố)\s+", "", province.name)))
    if year and not re.search(r"/\d{4}/", number):
        parts.append(str(year))
    return "-".join(parts)


def record_from_row(row: dict[str, Any], agencies: dict[str, Agency]) -> dict[str, Any]:
    """A legal record's fields from one row; ValueError naming the field that is wrong."""
    fields: dict[str, Any] = {}
    number = canonical_number(str(row.get("so_ky_hieu") or ""))
    if not number:
        raise ValueError("thiếu so_ky_hieu")
    fields["so_ky_hieu"] = number
    issuer = agency_id(str(row.get("co_quan_ban_hanh") or ""), agencies)
    if issuer is None:
        raise ValueError(
            f"co_quan_ban_hanh: không có «{row.get('co_quan_ban_hanh')}» trong plans/agencies.yml"
        )
    fields["co_quan_ban_hanh"] = issuer
    for key in DATE_FIELDS:
        try:
            fields[key] = parse_date(row.get(key))
        except ValueError as exc:
            raise ValueError(f"{key}: {exc}") from exc
    for key in ("loai_van_ban", "trich_yeu"):
        fields[key] = str(row.get(key) or "").strip() or None
    status = str(row.get("tinh_trang_hieu_luc") or "").strip()
    if status and status not in VALIDITY_STATUSES:
        raise ValueError(f"tinh_trang_hieu_luc: «{status}» không thuộc danh sách cho phép")
    fields["tinh_trang_hieu_luc"] = {"trang_thai": status} if status else None
    return fields


def merge_record(
    existing: dict[str, Any], incoming: dict[str, Any], source: str, where: str, report: Report
) -> bool:
    """Fill what is empty, keep what is written, report each disagreement; True if changed."""
    filled = []
    for key, value in incoming.items():
        if value in (None, ""):
            continue
        current = existing.get(key)
        if key == "tinh_trang_hieu_luc" and isinstance(current, dict):
            if current.get("trang_thai") in (None, "Chưa rõ"):
                existing[key] = {**current, **value}
                filled.append(key)
            elif current.get("trang_thai") != value["trang_thai"]:
                report.add(where, "warning", "legal-conflict",
                           f"{key}: trong kho «{current.get('trang_thai')}», tệp nhập «{value['trang_thai']}»; giữ giá trị trong kho")  # fmt: skip
            continue
        if current in (None, "", []):
            existing[key] = value
            filled.append(key)
        elif current != value:
            report.add(where, "warning", "legal-conflict",
                       f"{key}: trong kho «{current}», tệp nhập «{value}»; giữ giá trị trong kho")  # fmt: skip
    if filled:
        existing.setdefault("nguon_thong_tin", []).append(
            {"truong": filled, "nguon": source, "da_kiem_tra": False}
        )
    return bool(filled)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", choices=["import"], help="import: nhập văn bản hàng loạt")
    parser.add_argument("file", type=Path, metavar="TỆP", help="tệp .csv hoặc .jsonl")
    parser.add_argument("--relations", type=Path, help="bảng quan hệ (.csv/.jsonl)")
    parser.add_argument("--root", type=Path, default=Path("."), help="thư mục kho dữ liệu")


def run(args: argparse.Namespace) -> int:
    agencies, diagnostics = load_agencies(args.root)
    for diag in diagnostics:
        print(diag.format(), file=sys.stderr)
    folder = Path(args.root) / "legal"
    records: dict[str, tuple[dict[str, Any], str]] = {}  # id -> (front-matter, body)
    by_number: dict[tuple[str, str], str] = {}
    for path in sorted(folder.glob("*.md")):
        front, body = read_front_matter(read_text(path.read_bytes()))
        if front.get("id"):
            records[front["id"]] = (front, body)
            number = canonical_number(str(front.get("so_ky_hieu") or ""))
            by_number[(number, str(front.get("co_quan_ban_hanh")))] = front["id"]
    report = Report()
    changed: set[str] = set()
    source = f"Nhập từ tệp {args.file.name} (cchc legal import); chưa đối chiếu văn bản gốc"
    for line, row in read_rows(args.file, report):
        where = f"{args.file}:{line}"
        try:
            incoming = record_from_row(row, agencies)
        except ValueError as exc:
            report.add(where, "error", "legal-row", str(exc))
            continue
        key = (incoming["so_ky_hieu"], incoming["co_quan_ban_hanh"])
        year = int(incoming["ngay_ban_hanh"][:4]) if incoming["ngay_ban_hanh"] else None
        doc_id = by_number.get(key) or legal_id(
            incoming["so_ky_hieu"], agencies[incoming["co_quan_ban_hanh"]], agencies, year
        )
        if doc_id in records:
            if merge_record(records[doc_id][0], incoming, source, where, report):
                changed.add(doc_id)
                report.updated += 1
            continue
        missing = [k for k in ("loai_van_ban", "trich_yeu") if not incoming[k]]
        if missing:
            report.add(where, "error", "legal-row", f"văn bản mới thiếu {', '.join(missing)}")
            continue
        front = {"id": doc_id, **{k: incoming[k] for k in ROW_FIELDS}}
        front["tinh_trang_hieu_luc"] = incoming["tinh_trang_hieu_luc"] or {"trang_thai": "Chưa rõ"}
        filled = [k for k in ROW_FIELDS if incoming[k] not in (None, "")]
        front["nguon_thong_tin"] = [{"truong": filled, "nguon": source, "da_kiem_tra": False}]
        records[doc_id] = (front, "")
        by_number[key] = doc_id
        changed.add(doc_id)
        report.created += 1
    if args.relations:
        relation_rows(args.relations, records, by_number, report, changed)
    for doc_id in sorted(changed):
        front, body = records[doc_id]
        write_atomically(folder / f"{doc_id}.md", render(front, body).encode("utf-8"))
    for line in report.lines:
        print(line, file=sys.stderr)
    print(
        f"Thêm {report.created}, bổ sung {report.updated} văn bản; lỗi {report.failed} dòng.",
        file=sys.stderr,
    )
    return 1 if report.failed else 0


def relation_rows(
    path: Path,
    records: dict[str, tuple[dict[str, Any], str]],
    by_number: dict[tuple[str, str], str],
    report: Report,
    changed: set[str],
) -> None:
    """Add each (acting number, relation, target number) to the acting record, once."""
    ids_by_number: dict[str, list[str]] = {}
    for (number, _), doc_id in by_number.items():
        ids_by_number.setdefault(number, []).append(doc_id)
    for line, row in read_rows(path, report):
        where = f"{path}:{line}"
        relation = RELATION_NAMES.get(ascii_fold(str(row.get("quan_he") or "")).casefold())
        ends = []
        for key in ("so_ky_hieu", "so_ky_hieu_lien_quan"):
            found = ids_by_number.get(canonical_number(str(row.get(key) or "")), [])
            if len(found) != 1:
                report.add(where, "error", "legal-relation",
                           f"{key}: «{row.get(key)}» " + ("chưa có trong kho" if not found else "trùng nhiều văn bản"))  # fmt: skip
            ends.append(found[0] if len(found) == 1 else None)
        if relation is None:
            report.add(
                where, "error", "legal-relation", f"quan_he: «{row.get('quan_he')}» không rõ"
            )
            continue
        acting, target = ends
        if acting is None or target is None:
            continue
        front = records[acting][0]
        targets = front.setdefault(relation, [])
        if target not in targets:
            targets.append(target)
            front.setdefault("nguon_thong_tin", []).append(
                {"truong": [relation], "nguon": f"Nhập từ bảng quan hệ {path.name}; chưa đối chiếu",
                 "da_kiem_tra": False}
            )  # fmt: skip
            changed.add(acting)
