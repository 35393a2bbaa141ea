"""The ``cchc`` console script: one sub-command per verb, each delegating to its module."""

from __future__ import annotations

import argparse
import sys
from importlib import import_module

# sub-command -> (module, help). Each module has ``add_arguments(parser)`` and ``run(args)``
# returning the exit status, so a new verb is one row here and one module.
COMMANDS: dict[str, tuple[str, str]] = {
    "check": (
        "cchc_kb.commands.check",
        "kiểm tra toàn bộ dữ liệu; in path:line: error|warning: code: message",
    ),
    "cite": (
        "cchc_kb.commands.cite",
        "liệt kê các trích dẫn văn bản trong một tệp (bảng, hoặc JSON với --json)",
    ),
    "import": (
        "cchc_kb.importer.command",
        "chuyển văn bản .txt/.md/.docx/.doc/.pdf/ảnh quét thành kế hoạch Markdown",
    ),
    "legal": ("cchc_kb.importer.legal", "nhập văn bản pháp luật hàng loạt (CSV, JSON Lines)"),
    "new": ("cchc_kb.importer.draft", "tạo dự thảo kế hoạch thực hiện một kế hoạch cấp trên"),
    "corpus": ("cchc_kb.synthetic", "ghi một kho kế hoạch tổng hợp để kiểm thử, đo hiệu năng"),
    "federate": (
        "cchc_kb.site.federation",
        "gộp tìm kiếm và đồ thị của các trang tỉnh thành trang toàn quốc",
    ),
}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = argparse.ArgumentParser(prog="cchc", description="Cơ sở tri thức kế hoạch CCHC")
    sub = parser.add_subparsers(dest="command", required=True, metavar="LỆNH")
    # Only the module of the command asked for is imported: `cchc cite` stays fast and one
    # command's heavy imports never break another.
    chosen = next((a for a in argv if not a.startswith("-")), None)
    module = None
    for name, (module_name, help_text) in COMMANDS.items():
        sub_parser = sub.add_parser(name, help=help_text, description=help_text)
        if name == chosen:
            module = import_module(module_name)
            module.add_arguments(sub_parser)
    args = parser.parse_args(argv)
    assert module is not None  # argparse has refused unknown commands already
    return int(module.run(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
