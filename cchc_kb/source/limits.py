"""The largest input the loader accepts, and the checks that enforce it.

One contributor's file must not stall or exhaust the portal's build: every size here is far
above a real plan (the largest seed is 40 KB with 2 KB of front-matter) and far below what
would slow the build. Beyond a limit the file is refused with an error at its path and line;
the rest of the repository is built. The staff guide (docs/them-ke-hoach.md) and
ARCHITECTURE.md list the same numbers.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ..model.models import Diagnostic

MAX_FILE_BYTES = 2 * 1024 * 1024  # one plan or legal Markdown file
MAX_REGISTRY_BYTES = 4 * 1024 * 1024  # plans/agencies.yml
MAX_FRONT_MATTER_CHARS = 64 * 1024
MAX_BODY_CHARS = 1024 * 1024
MAX_LINE_CHARS = 64 * 1024  # a longer line is pasted data (an image, a table flattened)
# Python-Markdown rescans the rest of a paragraph for every "[" that is never closed (likewise
# "](" never closed by ")" and "<" never followed by ">"): 60,000 "[" on one line take hours.
# The sum over those characters of what follows them in their paragraph is capped; at the cap
# the worst paragraph ("[" repeated) renders in about two seconds.
MAX_UNCLOSED_MARKUP_SCAN = 500_000
MAX_YAML_DEPTH = 20  # nesting of lists and mappings
MAX_FRONT_MATTER_NODES = 5_000  # values after expanding YAML aliases (&a / *a)
MAX_REGISTRY_NODES = 200_000

# Characters that must not reach a page: C0/C1 controls except tab and newline, and lone
# surrogates (which cannot even be written as UTF-8). Python-Markdown also uses \x02/\x03 as
# placeholders, so a control character in a body could corrupt the page around it.
_CONTROL_CHARS = r"\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff"
_CONTROL = re.compile(f"[{_CONTROL_CHARS}]")
# Invisible characters that change what a reader or a search sees without showing: zero-width
# spaces and joiners, soft hyphen, word joiner, bidi embeddings, overrides and isolates, BOM.
_INVISIBLE_CHARS = r"\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
_INVISIBLE = re.compile(f"[{_INVISIBLE_CHARS}]")
# Data-quality notes quote the faults of the text they describe ("chữ Kirin «топ»").
QUOTING_KEYS = {"ghi_chu"}
# Letters of another script that look Latin ("НĐ" with a Cyrillic Н): Greek and Cyrillic.
_FOREIGN_CHARS = r"\u0370-\u03ff\u0400-\u04ff"
FOREIGN_SCRIPT = re.compile(f"[{_FOREIGN_CHARS}]+")
# What a YAML value must not hide: control characters are errors (they cannot be published);
# look-alike letters and invisible characters are warnings (published as written, reported).
_VALUE_RULES = (
    (_CONTROL, "error", "control-character", "ký tự điều khiển {chars} không được phép"),
    (FOREIGN_SCRIPT, "warning", "mixed-script", "chữ Kirin/Hy Lạp lẫn trong giá trị: «{matched}»"),
    (_INVISIBLE, "warning", "invisible-character", "ký tự vô hình {chars} trong giá trị «{shown}»"),
)
# Any character of _VALUE_RULES (of _BODY_RULES): the rules run only on the few texts that
# have one. One class, not an alternation of the rules' classes: one test per character.
_VALUE_SUSPECT = re.compile(f"[{_CONTROL_CHARS}{_FOREIGN_CHARS}{_INVISIBLE_CHARS}]")
_BODY_SUSPECT = re.compile(f"[{_CONTROL_CHARS}{_INVISIBLE_CHARS}]")


def _kib(size: int) -> str:
    return f"{size // 1024:,} KB".replace(",", ".")


def oversize(path: str, size: int, limit: int) -> Diagnostic | None:
    """A file larger than ``limit`` bytes, refused before it is read."""
    if size <= limit:
        return None
    return Diagnostic(
        path,
        1,
        "error",
        "file-too-large",
        f"tệp {_kib(size)} vượt giới hạn {_kib(limit)}: không đọc",
    )


def long_line(path: str, text: str) -> Diagnostic | None:
    """The first line longer than MAX_LINE_CHARS."""
    if len(text) <= MAX_LINE_CHARS:  # almost every file: no line of it can be
        return None
    for number, line in enumerate(text.split("\n"), start=1):
        if len(line) > MAX_LINE_CHARS:
            return Diagnostic(
                path,
                number,
                "error",
                "line-too-long",
                f"dòng dài {len(line):,} ký tự, vượt giới hạn {MAX_LINE_CHARS:,}".replace(",", "."),
            )
    return None


def part_too_large(path: str, line: int, part: str, size: int, limit: int) -> Diagnostic | None:
    """Front-matter or body longer than its limit (in characters)."""
    if size <= limit:
        return None
    return Diagnostic(
        path,
        line,
        "error",
        f"{part}-too-large",
        f"{'front-matter' if part == 'front-matter' else 'nội dung'} dài {size:,} ký tự, "
        f"vượt giới hạn {limit:,}".replace(",", "."),
    )


def _describe(ch: str) -> str:
    return f"U+{ord(ch):04X}"


def _unclosed_scan(block: str) -> int:
    """Characters Python-Markdown rescans for the unclosed "[" and "<" of one paragraph."""
    opened: list[int] = []
    previous = ""
    for offset, ch in enumerate(block):
        if previous == "\\":
            previous = ""
            continue
        if ch == "[":
            opened.append(offset)
        elif ch == "]" and opened:
            opened.pop()
        previous = ch
    unclosed = [*opened]
    for opener, closer in (("<", ">"), ("](", ")")):
        start = block.rfind(closer) + 1
        unclosed += [i for i in range(start, len(block)) if block.startswith(opener, i)]
    return sum(len(block) - i for i in unclosed)


def unclosed_markup(path: str, body: str, first_line: int) -> Diagnostic | None:
    """An error at the paragraph where unclosed "[" / "<" pass MAX_UNCLOSED_MARKUP_SCAN."""
    if "[" not in body and "<" not in body:
        return None
    total = 0
    line = first_line
    for block in re.split(r"(\n[ \t]*\n)", body):
        if block.strip():
            total += _unclosed_scan(block)
            if total > MAX_UNCLOSED_MARKUP_SCAN:
                leading = block[: len(block) - len(block.lstrip())]
                return Diagnostic(
                    path,
                    line + leading.count("\n"),
                    "error",
                    "markup-too-complex",
                    "quá nhiều dấu «[» (hoặc «<») không đóng: trang không dựng được trong "
                    "thời gian hợp lý; hãy xóa chúng hoặc viết «\\[»",
                )
        line += block.count("\n")
    return None


# What a body may hide, line by line: control characters are removed (they would corrupt the
# page); invisible characters stay as written (removing them could change a word) and are named.
_BODY_RULES = (
    (_CONTROL, "control-character", "ký tự điều khiển {chars} trong nội dung: đã bỏ khi xuất bản"),
    (_INVISIBLE, "invisible-character", "ký tự vô hình {chars} trong nội dung: «{shown}»"),
)


def body_characters(path: str, body: str, first_line: int) -> tuple[str, list[Diagnostic]]:
    """The body without control characters, and a warning at each line with a control or
    an invisible character."""
    if not _BODY_SUSPECT.search(body):
        return body, []
    found = []
    for number, line in enumerate(body.split("\n"), start=first_line):
        for pattern, code, template in _BODY_RULES:
            matched = pattern.findall(line)
            if matched:
                chars = ", ".join(sorted({_describe(c) for c in matched}))
                message = template.format(chars=chars, shown=_visible(_around(line, pattern)))
                found.append(Diagnostic(path, number, "warning", code, message))
    return _CONTROL.sub("", body), found


def _around(line: str, pattern: re.Pattern) -> str:
    """A few words around the first match, so the place can be found in a long line."""
    match = pattern.search(line)
    return line[max(0, match.start() - 30) : match.end() + 30]


def _strings(value: Any, key: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield key, value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _strings(k, key)
            yield from _strings(v, f"{key}.{k}" if key else str(k))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, f"{key}.{index}")


def may_hide_characters(yaml_text: str) -> bool:
    """Whether a string read from ``yaml_text`` may hold a character of _VALUE_RULES: only if
    the text has one, or an escape (``"\\u200b"``) that writes one. Most texts have neither,
    and their strings need not be looked at one by one."""
    return "\\" in yaml_text or _VALUE_SUSPECT.search(yaml_text) is not None


def value_characters(
    path: str, data: Any, line_of, default_line: int
) -> tuple[list[Diagnostic], set[str]]:
    """Findings of _VALUE_RULES in every string of a YAML document (keys included), each at
    the line of its key; returns them and the top-level keys with an error."""
    found: list[Diagnostic] = []
    faulty: set[str] = set()
    for key, text in _strings(data, ""):
        if not _VALUE_SUSPECT.search(text):
            continue
        top = key.split(".")[0]
        for pattern, severity, code, template in _VALUE_RULES:
            matched = pattern.findall(text)
            if not matched or (severity == "warning" and top in QUOTING_KEYS):
                continue
            message = template.format(
                chars=", ".join(sorted({_describe(c) for c in "".join(matched)})),
                matched="".join(matched),
                shown=_visible(text),
            )
            found.append(
                Diagnostic(
                    path,
                    line_of(key) or default_line,
                    severity,
                    code,
                    f"{key or '(khóa)'}: {message}",
                )
            )
            if severity == "error":
                faulty.add(top)
    return found, faulty


def _visible(text: str) -> str:
    shown = _INVISIBLE.sub(lambda m: f"[{_describe(m.group())}]", _CONTROL.sub("", text))
    return shown if len(shown) <= 80 else shown[:79] + "…"
