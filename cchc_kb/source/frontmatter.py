"""The one front-matter parser: YAML with the line of every key, duplicate keys reported.

Plans, legal records, the agency registry and ``cchc cite`` all read YAML through here, so a
key written twice is an error with its path and line wherever it appears. Dates stay the
strings written (partial dates must survive). PyYAML's C parser composes the nodes when it is
available; the line marks are the same.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from ..model.models import Diagnostic
from . import limits
from .yaml_guard import YamlLimitError, load_bounded

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _NoDatesLoader(_BaseLoader):
    """Safe loader that keeps dates as the strings written: partial dates must survive."""


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
    return FrontMatter(data, key_lines, body, end + 2)


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
        node, data = load_bounded(yaml_text, max_nodes, _NoDatesLoader)
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
    if node is None:
        if not allow_empty:
            sink.error(first_line, "yaml-empty", "khối YAML rỗng")
        return None, {}
    key_lines: dict[str, int] = {}
    _record_key_lines(node, "", first_line, key_lines, sink)
    return data, key_lines


def _newlines_before(yaml_text: str, position: int) -> int:
    """Lines before a reader error's position: the C parser counts UTF-8 bytes, the Python
    one characters."""
    if _BaseLoader is yaml.SafeLoader:
        return yaml_text.count("\n", 0, position)
    return yaml_text.encode("utf-8", "surrogatepass").count(b"\n", 0, position)


def _record_key_lines(node, prefix: str, first_line: int, out: dict[str, int], sink: Sink) -> None:
    """Line of every key, nested ones as dotted paths ("tinh_trang_hieu_luc.trang_thai")."""
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = prefix + str(key_node.value)
            line = first_line + key_node.start_mark.line
            if key in seen:
                # keys of a list item (an agency) are named without the item's index
                shown = key.split(".", 1)[1] if key[:1].isdigit() else key
                sink.error(line, "duplicate-key", f"trường '{shown}' xuất hiện hai lần")
            else:
                seen.add(key)
                out.setdefault(key, line)
            _record_key_lines(value_node, key + ".", first_line, out, sink)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            out.setdefault(f"{prefix}{index}", first_line + item.start_mark.line)
            _record_key_lines(item, f"{prefix}{index}.", first_line, out, sink)

