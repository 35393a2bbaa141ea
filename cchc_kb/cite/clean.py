"""Clean a text for matching and keep the way back to the original offsets.

Matching runs on a cleaned copy: NFC, every dash look-alike turned into "-", line breaks and
runs of spaces collapsed into one space, invisible characters dropped. Each step that changes
lengths records anchors ``(clean_offset, delta)`` so that an offset in the cleaned text maps
back to the original one (``original = clean + delta`` of the last anchor at or before it), as
eyecite's ``SpanUpdater`` does. Spans found in the clean text are reported in the original.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field
from itertools import accumulate, count, repeat
from operator import add, sub

from . import tables

# One-to-one replacements (no offset change), applied only where they occur: str.translate
# with a table walks every character, which costs more than the whole search.
_LOOKALIKE = {
    **{d: "-" for d in tables.DASHES},
    **tables.CHAR_LOOKALIKES,
    **{
        ch: readings[0]
        for ch, readings in tables.SCRIPT_LOOKALIKES.items()
        if len(readings[0]) == 1
    },
}
_INVISIBLE = f"[{tables.INVISIBLES}]"
# Every whitespace run except a lone plain space; runs of invisibles are dropped first.
_SPACE_RUNS = re.compile("  +")
_INVISIBLE_RUNS = re.compile(f"{_INVISIBLE}+")
# A base character followed by combining marks: the only places NFC changes the text.
_COMBINING = re.compile(r".[\u0300-\u036f\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+", re.DOTALL)


@dataclass
class OffsetMap:
    """Monotone map from offsets of a derived text to offsets of its source."""

    positions: list[int] = field(default_factory=lambda: [0])
    deltas: list[int] = field(default_factory=lambda: [0])

    def __call__(self, offset: int) -> int:
        return offset + self.deltas[bisect_right(self.positions, offset) - 1]

    def add(self, position: int, delta: int) -> None:
        if delta == self.deltas[-1]:
            return
        if position == self.positions[-1]:
            self.deltas[-1] = delta
        else:
            self.positions.append(position)
            self.deltas.append(delta)


@dataclass
class CleanText:
    """The cleaned text and the maps that lead back to the original."""

    original: str
    text: str
    maps: tuple[OffsetMap, ...]  # applied last to first

    def to_original(self, offset: int) -> int:
        for offset_map in self.maps:
            offset = offset_map(offset)
        return offset

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        return self.to_original(start), self.to_original(end)


def _substitute(text: str, pattern: re.Pattern, replace) -> tuple[str, OffsetMap]:
    """``pattern.sub(replace, text)`` that also records the offset anchors of the result."""
    out: list[str] = []
    offset_map = OffsetMap()
    last = 0
    clean_len = 0
    for match in pattern.finditer(text):
        start, end = match.span()
        new = replace(match)
        if new == match.group():
            continue
        out.append(text[last:start])
        clean_len += start - last
        out.append(new)
        clean_len += len(new)
        last = end
        offset_map.add(clean_len, end - clean_len)
    if last == 0:
        return text, offset_map
    out.append(text[last:])
    return "".join(out), offset_map


def _collapse_spaces(text: str) -> tuple[str, OffsetMap]:
    """Whitespace runs to one space. This is the hot path of the whole engine: other
    whitespace becomes a plain space one to one (str.replace), then runs of spaces are found
    by a literal search and the anchors computed with C-level iteration, not per match."""
    for ch in tables.WHITESPACE:
        if ch in text:
            text = text.replace(ch, " ")
    pieces = _SPACE_RUNS.split(text)
    if len(pieces) == 1:
        return text, OffsetMap()
    run_lengths = map(len, _SPACE_RUNS.findall(text))
    # After run i the delta grows by (its length - 1); the anchor sits where piece i+1 starts.
    deltas = list(accumulate(map(sub, run_lengths, repeat(1))))
    positions = list(map(add, accumulate(map(len, pieces[:-1])), count(1)))
    return " ".join(pieces), OffsetMap([0, *positions], [0, *deltas])


def _compose(match: re.Match) -> str:
    return unicodedata.normalize("NFC", match.group())


def clean(text: str) -> CleanText:
    """Clean ``text`` for matching; offsets map back with ``CleanText.to_original``."""
    maps: list[OffsetMap] = []
    current = text
    if not unicodedata.is_normalized("NFC", current):
        current, nfc_map = _substitute(current, _COMBINING, _compose)
        # Characters NFC composes without combining marks (rare) are left as they are.
        maps.append(nfc_map)
    for old, new in _LOOKALIKE.items():
        if old in current:
            current = current.replace(old, new)
    if any(ch in current for ch in tables.INVISIBLES):
        current, invisible_map = _substitute(current, _INVISIBLE_RUNS, lambda m: "")
        maps.append(invisible_map)
    current, space_map = _collapse_spaces(current)
    maps.append(space_map)
    return CleanText(text, current, tuple(reversed(maps)))
