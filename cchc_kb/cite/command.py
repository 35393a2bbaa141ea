"""``cchc cite FILE [--json]``: the citations of one text file, one a line or as a JSON list."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..model.models import PartialDate
from ..model.text import UndecodableError, decode
from ..source.frontmatter import parse_front_matter
from ..source.repository import read_repository
from .find import find_citations
from .resolve import CitingContext, Registry


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, help="tệp văn bản (UTF-8, UTF-16, có hoặc không BOM)")
    parser.add_argument("--json", action="store_true", help="in danh sách JSON (loại, số, cơ quan, ngày, id, vị trí) thay cho mỗi trích dẫn một dòng")
    parser.add_argument(
        "--root",
        type=Path,
        default=None,
        help="thư mục kho dữ liệu để tra số hiệu (mặc định: thư mục hiện tại nếu có plans/ và legal/)",
    )


def _front_matter(text: str, path: Path) -> tuple[dict, int]:
    """The front-matter mapping and the offset where the body starts (0 when there is none)."""
    if not text.startswith("---"):
        return {}, 0
    front, found = parse_front_matter(text, str(path))
    for diagnostic in found:
        print(diagnostic.format(), file=sys.stderr)
    if front is None or not isinstance(front.data, dict):
        return {}, 0
    return front.data, len(text) - len(front.body)


def _date(value) -> PartialDate | None:
    if value is None:
        return None
    try:
        return PartialDate.parse(str(value))
    except ValueError:
        return None


def _context_from_front(front: dict) -> CitingContext | None:
    if not front:
        return None
    year = front.get("nam")
    return CitingContext(
        agency_id=front.get("co_quan_ban_hanh"),
        year=year if isinstance(year, int) else None,
        date=_date(front.get("ngay_ban_hanh")),
        own_number=front.get("so_ky_hieu") or None,
    )


def _load_registry(root: Path | None, file: Path):
    """The corpus registry (and the corpus) from ``root``, or (None, None) without one."""
    if root is None:
        cwd = Path.cwd()
        if not ((cwd / "plans").is_dir() and (cwd / "legal").is_dir()):
            return None, None
        root = cwd
    try:
        corpus = read_repository(root)
    except Exception as exc:  # a broken repository must not hide the file's citations
        print(f"cảnh báo: không đọc được kho dữ liệu {root}: {exc}", file=sys.stderr)
        return None, None
    return Registry.from_records(corpus.documents(), corpus.agencies), corpus


def _context_from_corpus(corpus, root: Path | None, file: Path) -> CitingContext | None:
    """A source file beside its plan (``nguon``) is cited in that plan's context."""
    if corpus is None:
        return None
    resolved = file.resolve()
    for plan in corpus.plans.values():
        if plan.source_file and plan.path:
            source = (corpus.root / plan.path).parent / plan.source_file
            if source.resolve() == resolved:
                return CitingContext(plan.issuer, plan.year, plan.issued, plan.number)
    return None


def run(args: argparse.Namespace) -> int:
    try:
        data = args.file.read_bytes()
        text = decode(data).text
    except (OSError, UndecodableError) as exc:
        print(f"cchc cite: không đọc được {args.file}: {exc}", file=sys.stderr)
        return 2
    registry, corpus = _load_registry(args.root, args.file)
    front, body_start = _front_matter(text, args.file) if args.file.suffix.lower() == ".md" else ({}, 0)
    context = _context_from_front(front) or _context_from_corpus(corpus, args.root, args.file)
    citations = find_citations(text[body_start:], registry=registry, context=context)
    out = []
    for citation in citations:
        item = citation.to_json()
        start, end = citation.span
        item["span"] = [start + body_start, end + body_start]
        out.append(item)
    if args.json:
        json.dump(out, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        for item in out:
            print(_readable(text, item))
    return 0


def _readable(text: str, item: dict) -> str:
    """``line:column: «text» → id`` (or why it is not known), one citation a line."""
    start = item["span"][0]
    line = text.count("\n", 0, start) + 1
    column = start - (text.rfind("\n", 0, start) + 1) + 1
    shown = " ".join(item["text"].split())
    target = item["id"] or "chưa xác định"
    notes = "".join(f" ({warning})" for warning in item["warnings"])
    return f"{line}:{column}: «{shown}» → {target}{notes}"
