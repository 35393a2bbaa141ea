"""``cchc new --agency ID --implements PARENT_ID``: a draft plan that implements a parent plan.

Front-matter and the standard skeleton (mục đích, yêu cầu; nội dung; tổ chức thực hiện; phụ
lục), with the "Thực hiện …" line and the legal bases taken from the parent, each in the
standard citation form. A basis no longer in force on the new plan's date is still listed
(the person decides) but warned about, naming what replaced it.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import Any

from ..analysis.validity import ENDING_RELATIONS, judge
from ..corpus import Corpus, build_corpus
from ..model.models import Document, PartialDate, Plan
from .agency import derive_topic
from .writer import render, target_path, write_atomically

# Types named without "số" in a citation ("Luật Tổ chức chính quyền địa phương ngày …").
UNNUMBERED_TYPES = ("Hiến pháp", "Bộ luật", "Luật", "Pháp lệnh")

SKELETON = """\
## I. MỤC ĐÍCH, YÊU CẦU

### 1. Mục đích

### 2. Yêu cầu

## II. NỘI DUNG

## III. TỔ CHỨC THỰC HIỆN

## PHỤ LỤC

| TT | Nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian hoàn thành | Sản phẩm |
| --- | --- | --- | --- | --- | --- |
"""


def short_date(date: PartialDate | None) -> str:
    """ "ngày 15/01/2025", "tháng 01/2025", "năm 2025", or nothing when unknown."""
    if date is None or date.year is None:
        return ""
    if date.month is None:
        return f"năm {date.year}"
    if date.day is None:
        return f"tháng {date.month:02d}/{date.year}"
    return f"ngày {date.day:02d}/{date.month:02d}/{date.year}"


def citation_text(corpus: Corpus, doc: Document) -> str:
    """ "Nghị định số 61/2018/NĐ-CP ngày 23/04/2018 của Chính phủ về …": the standard form."""
    issuer = corpus.agencies.get(doc.issuer)
    about = doc.summary[:1].lower() + doc.summary[1:] if doc.summary else ""
    if doc.doc_type in UNNUMBERED_TYPES:
        parts = [doc.doc_type, doc.summary, short_date(doc.issued)]
    else:
        parts = [
            f"{doc.doc_type} số {doc.number}" if doc.number else doc.doc_type,
            short_date(doc.issued),
            f"của {issuer.name}" if issuer else "",
            about if about.startswith(("về", "quy định", "hướng dẫn", "ban hành")) else
            (f"về {about}" if about else ""),
        ]  # fmt: skip
    return " ".join(p for p in parts if p)


def parent_bases(parent: Plan, corpus: Corpus) -> list[str]:
    """What the parent rests on: its can_cu and the legal documents its preamble cites."""
    ids = list(parent.legal_bases)
    ids += [c.id for c in parent.citations if c.in_preamble and c.id]
    seen: list[str] = []
    for doc_id in ids:
        if doc_id not in seen and doc_id in corpus.legal:
            seen.append(doc_id)
    return seen


def lapsed_warnings(corpus: Corpus, bases: list[str], on: PartialDate) -> list[str]:
    """One warning per basis not in force on ``on``, naming what replaced or repealed it."""
    warnings = []
    for doc_id in bases:
        judgement = judge(corpus, doc_id, on)
        if judgement is None or judgement.in_force is not False:
            continue
        doc = corpus.legal[doc_id]
        replaced = [
            corpus.legal[c.by]
            for c in judgement.changed_by
            if c.relation in ENDING_RELATIONS and c.by in corpus.legal
        ]
        named = "; thay bằng " + ", ".join(citation_text(corpus, r) for r in replaced) if replaced else ""
        warnings.append(
            f"{doc.doc_type} {doc.number or doc_id} không còn hiệu lực vào {on.iso} "
            f"({judgement.reason}){named}"
        )
    return warnings


def draft(corpus: Corpus, agency_id: str, parent_id: str, date: PartialDate, topic: str | None):
    """(front-matter, body, warnings) of the new draft plan."""
    parent = corpus.plans[parent_id]
    agency = corpus.agencies[agency_id]
    bases = parent_bases(parent, corpus)
    warnings = lapsed_warnings(corpus, bases, date)
    summary = re.sub(r"\bnăm \d{4}\b", f"năm {date.year}", parent.summary or "")
    plan_id = f"{agency_id}-{date.year}-{topic or derive_topic(summary)}"
    fields: dict[str, Any] = {
        "id": plan_id,
        "so_ky_hieu": None,
        "loai_van_ban": "Kế hoạch",
        "trich_yeu": summary or "(trích yếu)",
        "co_quan_ban_hanh": agency_id,
        "dia_danh": None,
        "ngay_ban_hanh": None,
        "nam": date.year,
        "tinh_trang": "du_thao",
        "nguoi_ky": None,
        "chuc_danh": None,
        "thuc_hien": [parent_id],
        "can_cu": [*bases, parent_id],
        "noi_nhan": [],
        "nguon": None,
        "nguon_thong_tin": [
            {
                "truong": ["thuc_hien", "can_cu", "trich_yeu"],
                "nguon": f"Tạo bằng cchc new từ kế hoạch {parent_id}; chưa đối chiếu",
                "da_kiem_tra": False,
            }
        ],
    }
    if warnings:
        fields["ghi_chu"] = warnings
    lines = ["**KẾ HOẠCH**", f"**{summary}**" if summary else "", ""]
    lines += [f"Căn cứ {citation_text(corpus, corpus.legal[b])};" for b in bases]
    lines.append(
        f"Thực hiện {citation_text(corpus, parent)}, {agency.name} xây dựng Kế hoạch "
        f"{summary[:1].lower() + summary[1:]} như sau:"
    )
    body = "\n\n".join(x for x in lines if x) + "\n\n" + SKELETON
    return fields, body, warnings


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--agency", required=True, help="mã cơ quan ban hành kế hoạch mới")
    parser.add_argument("--implements", required=True, help="mã kế hoạch cấp trên được thực hiện")
    parser.add_argument("--date", help="ngày dự kiến (YYYY, YYYY-MM, YYYY-MM-DD); mặc định năm của kế hoạch cấp trên")
    parser.add_argument("--topic", help="chủ đề trong mã kế hoạch (mặc định theo trích yếu)")
    parser.add_argument("--root", type=Path, default=Path("."), help="thư mục kho dữ liệu")
    parser.add_argument("--out", default=None, help="thư mục đích (mặc định ROOT/plans); '-' để in ra màn hình")
    parser.add_argument("--force", action="store_true", help="ghi đè tệp đã có")


def run(args: argparse.Namespace) -> int:
    corpus = build_corpus(args.root)
    problems = []
    if args.agency not in corpus.agencies:
        problems.append(f"không có cơ quan '{args.agency}' trong plans/agencies.yml")
    if args.implements not in corpus.plans:
        problems.append(f"không có kế hoạch '{args.implements}'")
    try:
        date = PartialDate.parse(args.date) if args.date else None
    except ValueError as exc:
        problems.append(f"--date: {exc}")
        date = None
    for problem in problems:
        print(f"error: new: {problem}", file=sys.stderr)
    if problems:
        return 1
    date = date or PartialDate.of(corpus.plans[args.implements].year)
    fields, body, warnings = draft(corpus, args.agency, args.implements, date, args.topic)
    for warning in warnings:
        print(f"warning: new: basis-not-in-force: {warning}", file=sys.stderr)
    content = render(fields, body)
    if args.out == "-":
        sys.stdout.write(content)
        return 0
    path = target_path(Path(args.out) if args.out else Path(args.root) / "plans", fields)
    if path.exists() and not args.force:
        print(f"error: new: {path} đã có; dùng --force để ghi đè", file=sys.stderr)
        return 1
    write_atomically(path, content.encode("utf-8"))
    print(f"-> {path}", file=sys.stderr)
    return 0
