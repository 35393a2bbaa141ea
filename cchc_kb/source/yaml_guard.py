"""YAML read within bounds: no alias bombs, no nesting deep enough to exhaust the stack.

PyYAML shares the object behind an alias, so constructing ``&a [*b, *b, …]`` ten levels deep is
quick, but everything that walks the result afterwards (line lookup, schema validation, pages)
sees billions of values. The document's events are counted first, with every alias counted at
the size of what it names, and a document beyond the limits is refused before it is composed.
"""

from __future__ import annotations

import re
from functools import cache
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
    """One document read: the 0-based line its root value starts on (None when the document
    is empty), its data, and each key as ``(dotted path, 0-based line, written before in the
    same mapping)``; a list item is a key named by its index (``linh_vuc.0``)."""

    start_line: int | None
    data: Any
    keys: list[tuple[str, int, bool]]


def load_bounded(text: str, max_nodes: int, loader_class: type) -> YamlDocument:
    """One YAML document within the limits, read by ``loader_class`` (the front-matter
    parser's one loader): line by line when it is in the block form the project writes,
    else composed by PyYAML."""
    read = read_plain_block(text, _scalar_types(loader_class), max_nodes)
    return read if read is not None else load_composed(text, max_nodes, loader_class)


@cache
def _scalar_types(loader_class: type) -> ScalarTypes:
    return ScalarTypes(loader_class)


def load_composed(text: str, max_nodes: int, loader_class: type) -> YamlDocument:
    """``load_bounded`` by PyYAML's composer, for any document."""
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
    return YamlDocument(node.start_mark.line, data, walk.keys)


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


# ---------------------------------------------------------------------------------------------
# The block form the project writes, read line by line


# What the line reader reads: only these characters (no tab, no line break other than "\n"
# and no byte-order mark, which YAML reads in ways of their own); anything else goes to PyYAML.
_PLAIN_TEXT = re.compile(
    "[\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]*"
)
# One line: its indent, a list dash, a key ("key:" then a space or the end), what follows.
_LINE = re.compile(r"^( *)(- +)?(?:([A-Za-z_][A-Za-z0-9_]*):(?: +|$))?(.*)$", re.MULTILINE)
# A plain scalar the line reader takes: not beginning with an indicator, no ": " or " #" in it
# and no ":" at its end (a key, or an error), no "\" (an escape only when quoted, but kept out).
_PLAIN_SCALAR = re.compile(r"[^\-?:,\[\]{}#&*!|>'\"%@`\s](?:(?!: | #)[^\\])*(?<![:\s])")
_SINGLE_QUOTED = re.compile(r"'((?:[^']|'')*)' *")
_DOUBLE_QUOTED = re.compile(r'"([^"\\]*)" *')
# A list written on one line ("[a, b]", "[]") of words without spaces or flow indicators.
_FLOW_ITEM = r"[A-Za-z0-9_][A-Za-z0-9_.\-/]*"
_FLOW_SEQUENCE = re.compile(rf"\[ *((?:{_FLOW_ITEM} *, *)*{_FLOW_ITEM})? *\] *")
# Plain scalars of up to this many characters are remembered, this many at most.
_SCALARS_KEPT = 100_000
_KEPT_CHARS = 64


class _NotPlainBlock(Exception):
    """The text is not in the block form the line reader takes: PyYAML reads it."""


def read_plain_block(text: str, types: ScalarTypes, max_nodes: int) -> YamlDocument | None:
    """The document as PyYAML reads it, when it is written in the block form the project's
    writer and the dumper use (keys of letters, digits and "_"; plain or quoted scalars of one
    line; lists with "- ", or of words on one line in "[…]"; no anchor, tag, comment, mapping
    in "{…}" or block scalar), within the limits; None for anything else."""
    if not _PLAIN_TEXT.fullmatch(text):
        return None
    lines = [
        [len(indent), dash, key, rest, number]
        # One match a line (an empty line's is empty), so the count is the line number.
        for number, (indent, dash, key, rest) in enumerate(_LINE.findall(text))
        if dash or key or rest
    ]
    if not lines:
        return None
    reader = _BlockReader(lines, types)
    try:
        data, end = reader.block(0, "", 0)
    except _NotPlainBlock:
        return None
    if end != len(lines) or reader.nodes > max_nodes:
        return None  # PyYAML's reading reports the limit, and where
    return YamlDocument(lines[0][4], data, reader.keys)


class _BlockReader:
    """The lines of one document, as ``[indent, dash, key, rest, number]`` ("" for a part the
    line does not have): a list item
    written "- key: value" is turned into its mapping's first line when it is read."""

    def __init__(self, lines: list[list], types: ScalarTypes) -> None:
        self.lines = lines
        self.types = types
        self.nodes = 0
        self.keys: list[tuple[str, int, bool]] = []

    def block(self, i: int, prefix: str, depth: int) -> tuple[Any, int]:
        """The collection beginning at line ``i``, and the line after it."""
        if depth >= MAX_YAML_DEPTH:
            raise _NotPlainBlock
        self.nodes += 1
        indent, dash = self.lines[i][:2]
        if dash:
            return self.sequence(i, indent, prefix, depth)
        return self.mapping(i, indent, prefix, depth)

    def mapping(self, i: int, indent: int, prefix: str, depth: int) -> tuple[dict, int]:
        out: dict[Any, Any] = {}
        seen: set[str] = set()
        lines, keys, values = self.lines, self.keys, self.types.values
        count = len(lines)
        while i < count:
            at, dash, written, rest, number = lines[i]
            if at != indent or dash:
                if at > indent:  # a scalar going on over lines, or a stray indent
                    raise _NotPlainBlock
                break
            if not written:
                raise _NotPlainBlock
            path = prefix + written
            keys.append((path, number, path in seen))
            seen.add(path)
            key = values.get(written, values)
            if key is values:
                key = self.types.of(written)
            i += 1
            self.nodes += 1
            if rest:
                value = self.value(rest, path + ".", number, depth + 1)
            elif i < count and (lines[i][0] > indent or lines[i][0] == indent and lines[i][1]):
                value, i = self.block(i, path + ".", depth + 1)
            else:
                self.nodes += 1
                value = None
            out[key] = value
        return out, i

    def sequence(self, i: int, indent: int, prefix: str, depth: int) -> tuple[list, int]:
        out: list[Any] = []
        lines = self.lines
        count = len(lines)
        while i < count:
            line = lines[i]
            at, dash, written, rest, number = line
            if at != indent or not dash:
                if at > indent:
                    raise _NotPlainBlock
                break
            path = f"{prefix}{len(out)}"
            self.keys.append((path, number, False))
            if written:
                # "- key: value": a mapping whose keys stand where this one does.
                line[0], line[1] = indent + len(dash), None
                value, i = self.block(i, path + ".", depth + 1)
            elif rest:
                value = self.value(rest, path + ".", number, depth + 1)
                i += 1
            else:
                raise _NotPlainBlock  # "-" alone: an empty item, or one on the next lines
            out.append(value)
        return out, i

    def value(self, written: str, prefix: str, number: int, depth: int) -> Any:
        """The value written on line ``number`` after a key or a dash."""
        first = written[0]
        if first == "[":
            return self.flow_sequence(written, prefix, number, depth)
        self.nodes += 1
        if first == "'":
            match = _SINGLE_QUOTED.fullmatch(written)
            if match is None:
                raise _NotPlainBlock
            return match[1].replace("''", "'")
        if first == '"':
            match = _DOUBLE_QUOTED.fullmatch(written)
            if match is None:
                raise _NotPlainBlock
            return match[1]
        written = written.rstrip(" ")
        values = self.types.values
        value = values.get(written, values)
        return self.types.of(written) if value is values else value

    def flow_sequence(self, written: str, prefix: str, number: int, depth: int) -> list:
        match = _FLOW_SEQUENCE.fullmatch(written)
        if match is None or depth >= MAX_YAML_DEPTH:
            raise _NotPlainBlock
        items = [item.strip(" ") for item in match[1].split(",")] if match[1] else []
        self.nodes += 1 + len(items)
        for index in range(len(items)):
            self.keys.append((f"{prefix}{index}", number, False))
        return [self.types.of(item) for item in items]


class ScalarTypes:
    """A loader's resolver and constructors, for plain scalars read by the line reader, with
    the values they gave before: keys and most values repeat from record to record."""

    def __init__(self, loader_class: type) -> None:
        self.loader = loader_class("")
        self.values: dict[str, Any] = {}

    def of(self, written: str) -> Any:
        """A plain scalar's value, typed as PyYAML types it."""
        values = self.values
        kept = values.get(written, values)
        if kept is not values:
            return kept
        if not _PLAIN_SCALAR.fullmatch(written):
            raise _NotPlainBlock
        loader = self.loader
        tag = loader.resolve(yaml.ScalarNode, written, (True, False))
        if tag == _STR:
            value = written
        elif tag in _SCALARS:
            value = loader.yaml_constructors[tag](loader, yaml.ScalarNode(tag, written))
        else:
            raise _NotPlainBlock
        if len(written) <= _KEPT_CHARS:
            if len(values) >= _SCALARS_KEPT:
                values.clear()
            values[written] = value
        return value
