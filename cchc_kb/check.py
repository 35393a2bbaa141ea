"""Data-quality findings and the ``cchc check`` command.

The loader reports what makes a record unusable (errors). This module adds what a careful
reader of the texts would flag (warnings): blank numbers and dates, citations it could not
resolve or that contradict themselves, an appendix that names another number than the header,
letters of another script inside Vietnamese words. Warnings never change the exit status. The
citation graph's analyses (cycles, citations dated after the citing plan, lapsed legal bases)
come from ``graph.analyses`` and are printed with the rest.
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from pathlib import Path

from .corpus import Corpus
from .models import Diagnostic, Plan

# A letter of another script glued to or standing between Vietnamese words ("trong топ đầu").
_FOREIGN_SCRIPT = re.compile(r"[\u0370-\u03ff\u0400-\u04ff]+")


def _line_in_body(plan: Plan, offset: int) -> int:
    return plan.body_line + plan.body.count("\n", 0, offset)


def findings(corpus: Corpus) -> list[Diagnostic]:
    """Warnings about the content of every record (run after citations are resolved)."""
    out: list[Diagnostic] = []
    for plan in corpus.plans.values():
        out.extend(_plan_findings(corpus, plan))
    for doc in corpus.legal.values():
        if not doc.provenance:
            out.append(
                Diagnostic(
                    doc.path,
                    doc.line_of("id"),
                    "warning",
                    "provenance-missing",
                    "văn bản không ghi nguồn thông tin (nguon_thong_tin)",
                )
            )
    return out


def _plan_findings(corpus: Corpus, plan: Plan) -> list[Diagnostic]:
    out: list[Diagnostic] = []

    def warn(line: int, code: str, message: str) -> None:
        out.append(Diagnostic(plan.path, line, "warning", code, message))

    if plan.stub:
        return out
    if plan.status == "ban_hanh" and not plan.number:
        warn(
            plan.line_of("so_ky_hieu") if "so_ky_hieu" in plan.lines else plan.line_of("id"),
            "number-blank",
            "kế hoạch đã ban hành nhưng số ký hiệu để trống trên văn bản",
        )
    if plan.issued is None:
        warn(
            plan.line_of("ngay_ban_hanh") if "ngay_ban_hanh" in plan.lines else plan.line_of("id"),
            "date-missing",
            "văn bản không ghi ngày ban hành",
        )
    elif not plan.issued.is_complete:
        warn(
            plan.line_of("ngay_ban_hanh"),
            "date-partial",
            f"ngày ban hành chưa đầy đủ trên văn bản: {plan.issued.vietnamese()}",
        )
    for citation in plan.citations:
        line = _line_in_body(plan, citation.span[0])
        shown = " ".join(citation.text.split())
        for message in citation.warnings:
            warn(line, "citation-warning", f"«{shown}»: {message}")
        if citation.id is None:
            warn(
                line, "citation-unresolved", f"«{shown}»: chưa xác định được văn bản được dẫn chiếu"
            )
            continue
    for match in _FOREIGN_SCRIPT.finditer(plan.body):
        script = unicodedata.name(match.group()[0]).split()[0].lower()
        warn(
            _line_in_body(plan, match.start()),
            "mixed-script",
            f"chữ {'Kirin' if script == 'cyrillic' else 'Hy Lạp'} lẫn trong văn bản: «{match.group()}»",
        )
    out.extend(_self_reference_findings(plan))
    return out


def _self_reference_findings(plan: Plan) -> list[Diagnostic]:
    from .cite import canonical_number, find_self_references

    out = []
    own = canonical_number(plan.number) if plan.number else None
    for ref in find_self_references(plan.body):
        if ref.where != "appendix" or not ref.number:
            continue
        if own is None or ref.number != own:
            header = plan.number or "để trống"
            out.append(
                Diagnostic(
                    plan.path,
                    _line_in_body(plan, ref.span[0]),
                    "warning",
                    "self-reference-mismatch",
                    f"phụ lục ghi «{' '.join(ref.text.split())}» nhưng số ký hiệu "
                    f"của văn bản là {header}",
                )
            )
    return out


def graph_findings(corpus: Corpus) -> list[Diagnostic]:
    """The citation graph's errors and warnings: cycles, late citations, lapsed bases."""
    from .graph import analyses

    return [f.diagnostic() for f in analyses(corpus) if f.severity in ("error", "warning")]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "root",
        nargs="?",
        type=Path,
        default=Path("."),
        help="thư mục gốc của kho dữ liệu (mặc định: thư mục hiện tại)",
    )
    parser.add_argument("--errors-only", action="store_true", help="chỉ in lỗi, không in cảnh báo")


def run(args: argparse.Namespace) -> int:
    from . import place_findings
    from .load import load_corpus

    corpus = load_corpus(args.root)
    diagnostics = sorted(
        [*corpus.diagnostics, *graph_findings(corpus), *place_findings.findings(corpus)],
        key=lambda d: (d.path, d.line, d.severity, d.code, d.message),
    )
    for diagnostic in diagnostics:
        if not args.errors_only or diagnostic.severity == "error":
            print(diagnostic.format())
    errors = sum(d.severity == "error" for d in diagnostics)
    warnings = len(diagnostics) - errors
    print(
        f"{len(corpus.plans)} kế hoạch, {len(corpus.legal)} văn bản, {len(corpus.agencies)} cơ quan: "
        f"{errors} lỗi, {warnings} cảnh báo",
        file=sys.stderr,
    )
    return 1 if errors else 0
