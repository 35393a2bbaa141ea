"""Vietnamese collation: a a ă â b c d đ e ê … with tone marks as a secondary key.

Python's default ordering puts "Đ" after "Z" and "ă" after "z". The order here is the one of
the Vietnamese alphabet; tones (ngang, huyền, hỏi, ngã, sắc, nặng) only break ties; case breaks
ties last; runs of digits compare as numbers, so 9/KH sorts before 10/KH. Any string has a
key, and two keys are equal only for canonically equal (same NFC) strings, so sorting is total.
"""

from __future__ import annotations

import functools
import re
import unicodedata

_ALPHABET = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
# Letters outside the Vietnamese alphabet (f, j, w, z) sort after their Latin neighbours.
_ORDER = {ch: i for i, ch in enumerate("aăâbcdđeêfghijklmnoôơpqrstuưvwxyz")}
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}  # huyền hỏi ngã sắc nặng
_BASE_MARKS = {"\u0306", "\u0302", "\u031b"}  # breve, circumflex, horn: part of the letter
# Decimal digits of any script (what ``int`` reads); "²" or "①" are digits to ``isdigit`` but
# not numbers, so they are matched as single characters and sorted as symbols.
_CHUNK = re.compile(r"(\d+)|(\D)")


@functools.lru_cache(maxsize=4096)  # a few hundred distinct characters; sorting asks millions
def _letter_and_tone(ch: str) -> tuple[str, int]:
    decomposed = unicodedata.normalize("NFD", ch)
    tone = 0
    kept = []
    for part in decomposed:
        if part in _TONES:
            tone = _TONES[part]
        else:
            kept.append(part)
    return unicodedata.normalize("NFC", "".join(kept)), tone


def _number_key(digits: str) -> tuple[int, int, str]:
    """Numbers by value without ``int``, which refuses more than 4,300 digits."""
    if not digits.isascii():
        digits = "".join(str(unicodedata.decimal(d)) for d in digits)
    significant = digits.lstrip("0")
    return (0, len(significant), significant)


@functools.lru_cache(maxsize=1 << 17)  # the same names and numbers are sorted again and again
def sort_key(text: str) -> tuple:
    """A key for ``sorted``: primary letters and numbers, then tones, then case; the text
    itself (NFC) last, so strings that collate alike ("09" and "9") still have one order."""
    primary: list[tuple] = []
    tones: list[int] = []
    cases: list[int] = []
    normalized = unicodedata.normalize("NFC", text)
    for number, chunk in _CHUNK.findall(normalized):
        if number:
            primary.append(_number_key(number))
            continue
        lower = chunk.lower()
        letter, tone = _letter_and_tone(lower)
        if letter in _ORDER:
            primary.append((2, _ORDER[letter]))
        elif letter.isspace():
            primary.append((1, " "))
        else:
            primary.append((1, letter))
        tones.append(tone)
        cases.append(0 if chunk == lower else 1)
    return (tuple(primary), tuple(tones), tuple(cases), normalized)


def sorted_vi(items, key=lambda x: x):
    """Sort items by the Vietnamese collation of ``key(item)``."""
    return sorted(items, key=lambda item: sort_key(key(item)))
