"""YAML read within bounds: no alias bombs, no nesting deep enough to exhaust the stack.

PyYAML shares the object behind an alias, so constructing ``&a [*b, *b, …]`` ten levels deep is
quick, but everything that walks the result afterwards (line lookup, schema validation, pages)
sees billions of values. The document's events are counted first, with every alias counted at
the size of what it names, and a document beyond the limits is refused before it is composed.
"""

from __future__ import annotations

from typing import Any

import yaml

from .limits import MAX_YAML_DEPTH

_START = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
_END = (yaml.MappingEndEvent, yaml.SequenceEndEvent)


class YamlLimitError(Exception):
    """A document beyond the limits; ``line`` is 0-based within the YAML text."""

    def __init__(self, line: int, code: str, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.code = code
        self.message = message


def measure(text: str, max_nodes: int, loader_class: type, max_depth: int = MAX_YAML_DEPTH) -> int:
    """The number of values in the document with aliases expanded; raises YamlLimitError
    beyond ``max_nodes`` or ``max_depth``, and yaml.YAMLError on invalid YAML."""
    loader = loader_class(text)
    expanded: dict[str, int] = {}  # anchor -> values under it, aliases expanded
    open_anchors: set[str] = set()
    frames: list[list] = []  # open collections: [anchor, values under it so far]
    total = 0
    # Every event of every record passes here: the loop tests the event's class by identity,
    # scalars (most events) first.
    try:
        while loader.check_event():
            event = loader.get_event()
            kind = event.__class__
            if kind in _START:
                if len(frames) >= max_depth:
                    raise YamlLimitError(
                        event.start_mark.line,
                        "yaml-too-deep",
                        f"YAML lồng quá {max_depth} tầng danh sách/bảng khóa",
                    )
                if event.anchor:
                    open_anchors.add(event.anchor)
                frames.append([event.anchor, 1])
                total += 1  # counted in its parent when it ends, with what it holds
                size = 0
            elif kind in _END:
                anchor, inner = frames.pop()
                if anchor:
                    open_anchors.discard(anchor)
                    expanded[anchor] = inner
                if frames:
                    frames[-1][1] += inner
                continue
            elif kind is yaml.ScalarEvent:
                size = 1
                if event.anchor:
                    expanded[event.anchor] = 1
            elif kind is yaml.AliasEvent:
                if event.anchor in open_anchors:
                    raise YamlLimitError(
                        event.start_mark.line,
                        "yaml-recursive",
                        f"bí danh *{event.anchor} tự trỏ vào chính nó",
                    )
                size = expanded.get(event.anchor, 1)
            else:
                continue
            total += size
            if total > max_nodes:
                raise YamlLimitError(
                    event.start_mark.line,
                    "yaml-too-large",
                    f"YAML có hơn {max_nodes:,} giá trị (kể cả bí danh &/* được mở rộng)".replace(
                        ",", "."
                    ),
                )
            if frames and size:
                frames[-1][1] += size
    finally:
        loader.dispose()
    return total


# Up to this many characters a document is composed before it is measured, when it has no
# anchor (so no alias can expand): nesting that short cannot exhaust the C composer's stack (it
# fails past about 30,000 levels), and its nodes are then counted instead of its events.
COMPOSED_FIRST_CHARS = 4096


def load_bounded(text: str, max_nodes: int, loader_class: type) -> tuple[yaml.Node | None, Any]:
    """The node graph (for lines) and the data of one YAML document within the limits, read
    by ``loader_class`` (the front-matter parser's one loader)."""
    composed_first = len(text) <= COMPOSED_FIRST_CHARS and "&" not in text
    if not composed_first:
        measure(text, max_nodes, loader_class)
    loader = loader_class(text)
    try:
        try:
            node = loader.get_single_node()
        except yaml.YAMLError:
            if composed_first:  # a limit passed before the fault is what is reported
                measure(text, max_nodes, loader_class)
            raise
        if composed_first and node is not None and not _within(node, max_nodes):
            measure(text, max_nodes, loader_class)  # raises, at the event past the limit
        data = loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()
    return node, data


def _within(root: yaml.Node, max_nodes: int, max_depth: int = MAX_YAML_DEPTH) -> bool:
    """Whether a document without aliases is within what ``measure`` allows: one value per
    node, and no collection inside ``max_depth`` others."""
    count = 0
    stack = [(root, 0)]
    while stack:
        node, depth = stack.pop()
        count += 1
        if count > max_nodes:
            return False
        if isinstance(node, yaml.ScalarNode):
            continue
        if depth >= max_depth:
            return False
        if isinstance(node, yaml.SequenceNode):
            stack.extend((item, depth + 1) for item in node.value)
        else:
            stack.extend((part, depth + 1) for pair in node.value for part in pair)
    return True
