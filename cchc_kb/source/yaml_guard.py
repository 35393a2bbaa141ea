"""YAML read within bounds: no alias bombs, no nesting deep enough to exhaust the stack.

PyYAML shares the object behind an alias, so constructing ``&a [*b, *b, …]`` ten levels deep is
quick, but everything that walks the result afterwards (line lookup, schema validation, pages)
sees billions of values. The document's events are counted first, with every alias counted at
the size of what it names, and a document beyond the limits is refused before it is composed.
"""

from __future__ import annotations

from typing import Any, NamedTuple

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

# Tags whose values the walk takes as they are (str) or builds with the loader's own
# constructor one scalar at a time; a document with any other tag (a merge key "<<", !!set,
# !!omap, a tag of its own, …) is built whole by the loader, whose rules then apply unchanged.
_STR = "tag:yaml.org,2002:str"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"
_SCALARS = frozenset(f"tag:yaml.org,2002:{name}" for name in ("null", "bool", "int", "float"))


class YamlDocument(NamedTuple):
    """One document read: its root node (None when empty), its data, and each key as
    ``(dotted path, 0-based line, written before in the same mapping)``; a list item is a key
    named by its index (``linh_vuc.0``)."""

    node: yaml.Node | None
    data: Any
    keys: list[tuple[str, int, bool]]


def load_bounded(text: str, max_nodes: int, loader_class: type) -> YamlDocument:
    """One YAML document within the limits, read by ``loader_class`` (the front-matter
    parser's one loader)."""
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
        if node is None:
            return YamlDocument(None, None, [])
        # The data is built here unless the document has anchors: the loader shares the value
        # behind an alias. Measured already: the walk needs no limits (aliases may nest deeper
        # than the document's own collections, as they always could).
        building = "&" not in text
        try:
            walk = _Walk(loader, building, *((max_nodes, MAX_YAML_DEPTH) if composed_first else ()))
            data = walk.value(node, "", 0)
        except _Beyond:
            measure(text, max_nodes, loader_class)  # raises, at the event past the limit
            walk = _Walk(loader, building)
            data = walk.value(node, "", 0)
        if not walk.building:
            data = loader.construct_document(node)
    finally:
        loader.dispose()
    return YamlDocument(node, data, walk.keys)


class _Beyond(Exception):
    """More values than allowed, or nesting too deep: ``measure`` says which and where."""


class _Walk:
    """One pass over a composed document: the line of every key, the limits (one value per
    node, no collection inside ``max_depth`` others), and the data where every tag is a plain
    one. PyYAML's constructor is written for every case: on 12,000 records it took 4.0 s where
    this walk, key lines and limits included, takes 0.85 s (front-matter holds strings, lists
    and mappings)."""

    def __init__(
        self,
        loader: Any,
        building: bool,
        max_nodes: float = float("inf"),
        max_depth: float = float("inf"),
    ) -> None:
        self.loader = loader
        self.building = building  # every tag so far is one the walk builds
        self.left = max_nodes
        self.max_depth = max_depth
        self.keys: list[tuple[str, int, bool]] = []

    def value(self, node: yaml.Node, prefix: str, depth: int) -> Any:
        """The data of ``node`` (None once the walk no longer builds); ``prefix``: the dotted
        path of its keys."""
        self.left -= 1
        if self.left < 0:
            raise _Beyond
        kind = node.__class__
        if kind is yaml.ScalarNode:
            if not self.building:
                return None
            if node.tag == _STR:
                return node.value
            if node.tag in _SCALARS:
                return self.loader.construct_object(node)
            self.building = False
            return None
        if depth >= self.max_depth:
            raise _Beyond
        if kind is yaml.SequenceNode:
            self.building = self.building and node.tag == _SEQ
            items = []
            for index, item in enumerate(node.value):
                path = f"{prefix}{index}"
                self.keys.append((path, item.start_mark.line, False))
                items.append(self.value(item, path + ".", depth + 1))
            return items
        self.building = self.building and node.tag == _MAP
        mapping: dict[Any, Any] = {}
        seen: set[str] = set()
        for key_node, value_node in node.value:
            path = prefix + str(key_node.value)
            self.keys.append((path, key_node.start_mark.line, path in seen))
            seen.add(path)
            if key_node.__class__ is yaml.ScalarNode:
                key = self.value(key_node, prefix, depth + 1)
            else:  # a list or mapping as a key: the loader refuses it (not hashable)
                self.building = False
                key = self._count(key_node, depth + 1)
            value = self.value(value_node, path + ".", depth + 1)
            if self.building:
                mapping[key] = value
        return mapping

    def _count(self, node: yaml.Node, depth: int) -> None:
        """Count a complex key's values against the limits (its keys have no lines)."""
        self.left -= 1
        if self.left < 0:
            raise _Beyond
        if node.__class__ is yaml.ScalarNode:
            return
        if depth >= self.max_depth:
            raise _Beyond
        children = node.value if node.__class__ is yaml.SequenceNode else sum(node.value, ())
        for child in children:
            self._count(child, depth + 1)
