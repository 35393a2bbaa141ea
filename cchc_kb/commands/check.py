"""``cchc check``: every diagnostic of a repository, as ``path:line: severity: code: message``."""

from __future__ import annotations

import argparse
import gc
import sys
from pathlib import Path

from ..analysis.findings import diagnostics
from ..corpus import build_corpus

# The program leaves without freeing what it read (cli.console): everything is printed by then.
EXIT_AT_ONCE = True


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
    # Every record read lives until the command ends, and the one cyclic garbage is the graph,
    # dropped at the end: the cyclic collector would only scan the records again and again as
    # they pile up (a sixth of the command's time at 10,000 plans). The workers inherit this.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _report(args)
    finally:
        if collecting:
            gc.enable()


def _report(args: argparse.Namespace) -> int:
    corpus = build_corpus(args.root)
    found = diagnostics(corpus)
    for diagnostic in found:
        if not args.errors_only or diagnostic.severity == "error":
            print(diagnostic.format())
    errors = sum(d.severity == "error" for d in found)
    warnings = len(found) - errors
    print(
        f"{len(corpus.plans)} kế hoạch, {len(corpus.legal)} văn bản, {len(corpus.agencies)} cơ quan: "
        f"{errors} lỗi, {warnings} cảnh báo",
        file=sys.stderr,
    )
    return 1 if errors else 0
