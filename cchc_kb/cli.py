"""The ``cchc`` console script: one sub-command per verb, each delegating to its module."""

from __future__ import annotations

import argparse
import sys
from importlib import import_module

# sub-command -> (module, help). Each module has ``add_arguments(parser)`` and ``run(args)``
# returning the exit status, so a new verb is one row here and one module.
COMMANDS: dict[str, tuple[str, str]] = {
    "check": (
        "cchc_kb.check",
        "kiểm tra toàn bộ dữ liệu; in path:line: error|warning: code: message",
    ),
    "cite": ("cchc_kb.cite.command", "liệt kê các trích dẫn văn bản trong một tệp (JSON)"),
    "import": ("cchc_kb.importer", "chuyển văn bản .txt/.md/.docx/.pdf thành kế hoạch Markdown"),
    "corpus": ("cchc_kb.synthetic", "ghi một kho kế hoạch tổng hợp để kiểm thử, đo hiệu năng"),
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="cchc", description="Cơ sở tri thức kế hoạch CCHC")
    sub = parser.add_subparsers(dest="command", required=True, metavar="LỆNH")
    modules = {}
    for name, (module_name, help_text) in COMMANDS.items():
        module = import_module(module_name)
        modules[name] = module
        module.add_arguments(sub.add_parser(name, help=help_text, description=help_text))
    args = parser.parse_args(argv)
    return int(modules[args.command].run(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
