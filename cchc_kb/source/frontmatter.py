"""The one front-matter parser: YAML with the line of every key, duplicate keys reported.

Plans, legal records, the agency registry and ``cchc cite`` all read YAML through here, so a
key written twice is an error with its path and line wherever it appears. Dates stay the
strings written (partial dates must survive). PyYAML's C parser composes the nodes when it is
available; the line marks are the same.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from typing import Any, ClassVar

import yaml

from ..model.models import Diagnostic
from . import limits
from .yaml_guard import YamlLimitError, load_bounded

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _NoDatesLoader(_BaseLoader):
    """Safe loader that keeps dates as the strings written: partial dates must survive."""

    # The composer asks the tag of every scalar of every record, and the answer depends only on
    # the scalar's text and quoting (the loader has no path resolvers): keys, ids and field
    # values repeat from record to record, so short ones are answered from what was asked
    # before (the regular expressions behind an answer cost about four times as much).
    _tags: ClassVar[dict[tuple[str, tuple[bool, bool]], str]] = {}
    _TAGGED_CHARS = 64
    _TAGS_KEPT = 100_000

    def resolve(self, kind, value, implicit):
        if kind is not yaml.ScalarNode or len(value) > self._TAGGED_CHARS:
            return super().resolve(kind, value, implicit)
        key = (value, implicit)
        tag = self._tags.get(key)
        if tag is None:
            if len(self._tags) >= self._TAGS_KEPT:
                self._tags.clear()
            tag = self._tags[key] = super().resolve(kind, value, implicit)
        return tag


_NoDatesLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass
class FrontMatter:
    data: dict[str, Any]
    lines: dict[str, int]  # key -> 1-based line in the file
    body: str
    body_line: int
    # Whether a value may hold a character limits.value_characters looks for: every character
    # of a value is written in the YAML text, or written there as an escape.
    suspect: bool = True


@dataclass
class Sink:
    """Collects diagnostics for one file."""

    path: str
    items: list[Diagnostic] = field(default_factory=list)

    def error(self, line: int, code: str, message: str) -> None:
        self.items.append(Diagnostic(self.path, line, "error", code, message))

    def warning(self, line: int, code: str, message: str) -> None:
        self.items.append(Diagnostic(self.path, line, "warning", code, message))

    @property
    def failed(self) -> bool:
        return any(d.severity == "error" for d in self.items)


def split_front_matter(text: str, sink: Sink) -> FrontMatter | None:
    """Split ``---`` YAML ``---`` + body; YAML errors are reported with their line."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        sink.error(1, "front-matter-missing", "tệp không bắt đầu bằng khối front-matter '---'")
        return None
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() in ("---", "..."))
    except StopIteration:
        sink.error(1, "front-matter-unclosed", "khối front-matter không có dòng '---' đóng")
        return None
    yaml_text = "\n".join(lines[1:end])
    body = "\n".join(lines[end + 1 :])
    oversized = limits.part_too_large(
        sink.path, 2, "front-matter", len(yaml_text), limits.MAX_FRONT_MATTER_CHARS
    ) or limits.part_too_large(sink.path, end + 2, "body", len(body), limits.MAX_BODY_CHARS)
    if oversized:
        sink.items.append(oversized)
        return None
    data, key_lines = parse_yaml_mapping(yaml_text, sink, first_line=2)
    if data is None:
        return None
    return FrontMatter(data, key_lines, body, end + 2, limits.may_hide_characters(yaml_text))


def parse_front_matter(text: str, path: str = "") -> tuple[FrontMatter | None, list[Diagnostic]]:
    """Front-matter and body of a Markdown text, with the findings of reading it."""
    sink = Sink(path)
    return split_front_matter(text, sink), sink.items


def parse_yaml_mapping(
    yaml_text: str,
    sink: Sink,
    first_line: int = 1,
    *,
    allow_empty: bool = False,
    max_nodes: int = limits.MAX_FRONT_MATTER_NODES,
) -> tuple[dict | list | None, dict[str, int]]:
    """Parse YAML within the limits (aliases expanded, nesting) keeping the line of each key;
    duplicate keys are errors."""
    try:
        document = load_bounded(yaml_text, max_nodes, _NoDatesLoader)
    except YamlLimitError as exc:
        sink.error(first_line + exc.line, exc.code, exc.message)
        return None, {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = first_line + (mark.line if mark else 0)
        if isinstance(exc, yaml.reader.ReaderError):  # a character YAML refuses (NUL, …)
            line = first_line + _newlines_before(yaml_text, exc.position)
        problem = getattr(exc, "problem", None) or str(exc)
        sink.error(line, "yaml-invalid", f"YAML không hợp lệ: {problem}")
        return None, {}
    if document.start_line is None:
        if not allow_empty:
            sink.error(first_line, "yaml-empty", "khối YAML rỗng")
        return None, {}
    return document.data, _key_lines(document.keys, first_line, sink)


def _newlines_before(yaml_text: str, position: int) -> int:
    """Lines before a reader error's position: the C parser counts UTF-8 bytes, the Python
    one characters."""
    if _BaseLoader is yaml.SafeLoader:
        return yaml_text.count("\n", 0, position)
    return yaml_text.encode("utf-8", "surrogatepass").count(b"\n", 0, position)


def _key_lines(keys: list[tuple[str, int, bool]], first_line: int, sink: Sink) -> dict[str, int]:
    """Line of every key, nested ones as dotted paths ("tinh_trang_hieu_luc.trang_thai"),
    the first where a path repeats; a key written twice in one mapping is an error."""
    out: dict[str, int] = {}
    for key, line, repeated in keys:
        if repeated:
            # keys of a list item (an agency) are named without the item's index
            shown = key.split(".", 1)[1] if key[:1].isdigit() else key
            sink.error(first_line + line, "duplicate-key", f"trường '{shown}' xuất hiện hai lần")
        else:
            # Interned: every record names the same keys, and a worker's records then reach
            # the parent with each key pickled once (records of 10,000 plans: 24.5 -> 21.0 MB).
            out.setdefault(sys.intern(key), first_line + line)
    return out
