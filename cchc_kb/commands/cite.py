"""``cchc cite FILE [--json]``: the citations of one text file, as a table or a JSON list.

Outside ``cite/`` because it reads the repository (the registry the citations resolve
against), which the citation engine itself never does."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..cite import CitingContext, Registry, find_citations, find_self_references
from ..model.models import Citation, PartialDate, SelfReference
from ..model.text import UndecodableError, decode
from ..source.frontmatter import parse_front_matter
from ..source.repository import read_repository


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, help="tệp văn bản (UTF-8, UTF-16, có hoặc không BOM)")
    parser.add_argument(
        "--json",
        action="store_true",
        help="in danh sách JSON thay cho mỗi trích dẫn một dòng (dòng:cột: «văn bản» → id)",
    )
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


def _self_json(ref: SelfReference, offset: int) -> dict:
    return {
        "type": None,
        "number": ref.number,
        "date": ref.date.iso if ref.date else None,
        "kind": "self",
        "where": ref.where,
        "span": [ref.span[0] + offset, ref.span[1] + offset],
        "text": ref.text,
    }


def _citation_json(citation: Citation, offset: int) -> dict:
    item = citation.to_json()
    start, end = citation.span
    item["span"] = [start + offset, end + offset]
    return item


def _table(text: str, items: list[dict]) -> str:
    """``line:column: «text» → id`` per item (or why it has none), then its notes indented."""
    if not items:
        return "(không có trích dẫn nào)\n"
    lines = []
    for item in items:
        start = item["span"][0]
        line = text.count("\n", 0, start) + 1
        column = start - (text.rfind("\n", 0, start) + 1) + 1
        shown = " ".join(item["text"].split())
        if item["kind"] == "self":
            target = "số của chính văn bản này"
        else:
            target = item.get("id") or "chưa xác định"
        lines.append(f"{line}:{column}: «{shown}» → {target}")
        correction = item.get("correction")
        if correction:
            right = " ".join(filter(None, (correction["number"], correction["date"])))
            lines.append(f"    {correction['code']}: đúng là {right}")
        if item.get("suggestion"):
            lines.append(f"    gợi ý (chưa liên kết): {item['suggestion']}")
        lines.extend(f"    cảnh báo: {w}" for w in item.get("warnings", []))
    return "\n".join(lines) + "\n"


def run(args: argparse.Namespace) -> int:
    try:
        data = args.file.read_bytes()
        text = decode(data).text
    except (OSError, UndecodableError) as exc:
        print(f"cchc cite: không đọc được {args.file}: {exc}", file=sys.stderr)
        return 2
    registry, corpus = _load_registry(args.root, args.file)
    front, body_start = (
        _front_matter(text, args.file) if args.file.suffix.lower() == ".md" else ({}, 0)
    )
    context = _context_from_front(front) or _context_from_corpus(corpus, args.root, args.file)
    body = text[body_start:]
    citations = find_citations(body, registry=registry, context=context)
    out = [_self_json(ref, body_start) for ref in find_self_references(body)]
    out += [_citation_json(citation, body_start) for citation in citations]
    out.sort(key=lambda item: item["span"][0])
    if args.json:
        json.dump(out, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(_table(text, out))
    return 0
