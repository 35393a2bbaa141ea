"""Patterns written for the regex engine's speed find what their plain forms find.

``any_case`` spells a word's cases out letter by letter so that the engine can skip ahead to
the letters that may begin a match. Each rewritten pattern is compared with the plain
``(?i:…)`` form it replaces, on texts made of the words it looks for.
"""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from cchc_kb.analysis import places, wording
from cchc_kb.cite import find
from cchc_kb.cite.patterns import TYPE_WORDS_LONGEST_FIRST, any_case

WORDS = [*places.PLACE_MARKERS, "phụ lục", "có", "theo"]
_EVERY_CHARACTER = "".join(
    chr(code) for code in range(sys.maxunicode + 1) if not 0xD800 <= code <= 0xDFFF
)

# The patterns as they were written before: the oracles.
PLACE_PLAIN = re.compile(
    rf"(?<!\w)(?P<marker>{'|'.join(places.PLACE_MARKERS)})\s+"
    rf"(?P<name>{places._WORD}(?:[ \t]+{places._WORD}){{0,3}})",
    re.IGNORECASE,
)
ANNOUNCED_PLAIN = re.compile(
    r"(?i:phụ lục)\s+(?:đính kèm|kèm theo)|(?i:có|theo)\s+(?i:phụ lục)(?!\s+(?:I|II|III|\d))"
)


@pytest.mark.parametrize("letter", sorted({ch for word in WORDS for ch in word if ch.isalpha()}))
def test_a_letter_in_any_case_is_what_ignorecase_matches(letter):
    """Over every character there is: ``any_case`` writes a letter as its lower and upper
    case, which is right only if no third character matches it without regard to case."""
    matched = set(re.compile(re.escape(letter), re.IGNORECASE).findall(_EVERY_CHARACTER))
    assert matched == {letter.lower(), letter.upper()}


@pytest.mark.parametrize(
    ("words", "text", "expected"),
    [
        (["xã"], "Xã xã XÃ xÃ", ["Xã", "xã", "XÃ", "xÃ"]),
        (["thị xã", "xã"], "thị xã, Xã", ["thị xã", "Xã"]),
        (["có"], "cÓ CÓ co", ["cÓ", "CÓ"]),
    ],
)
def test_any_case(words, text, expected):
    assert re.findall(any_case(words), text) == expected


_PIECES = [
    *places.PLACE_MARKERS, "THÀNH PHỐ", "Thành Phố", "tHÀNH pHỐ", "XÃ", "Xã", "Thị xã", "HUYỆN",
    "Tiền", "Tiến", "TIỀN", "Hải", "Dương", "Nam Đồng", "thu", "Thu",
    "phụ lục", "Phụ lục", "PHỤ LỤC", "pHỤ lỤC", "kèm theo", "đính kèm", "có", "Có", "CÓ",
    "theo", "Theo", "THEO", "I", "II", "IV", "3",
    " ", "  ", "\n", "\t", ",", ".", "-", "_", "1", "a", "đ", "x", "t", "h", "ã",
]  # fmt: skip
TEXTS = st.one_of(
    st.lists(st.sampled_from(_PIECES), max_size=24).map("".join),
    st.text(alphabet="tThHpPxXqQuUãÃàÀốỐịỊụỤ lLcCóÓeEoO\n\t1_,aĐ", max_size=40),
)


def _matches(pattern: re.Pattern, text: str) -> list[tuple]:
    return [(m.span(), m.groupdict()) for m in pattern.finditer(text)]


@settings(max_examples=600, deadline=None)
@given(TEXTS)
def test_place_markers_are_found_as_before(text):
    assert _matches(places.PLACE, text) == _matches(PLACE_PLAIN, text)


@settings(max_examples=600, deadline=None)
@given(TEXTS)
def test_an_announced_appendix_is_found_as_before(text):
    found = wording.APPENDIX_ANNOUNCED.search(text)
    plain = ANNOUNCED_PLAIN.search(text)
    assert (found and found.span()) == (plain and plain.span())
    if plain:  # the shortcut taken on bodies without the word never hides one
        assert wording.APPENDIX_WORD.search(text)


# -- a name's spelling searched for folded -------------------------------------------------------

_NAMES = ["Tiền Tiến", "Yên Bái", "Phường 2", "Bà Rịa-Vũng Tàu", "Đắk Lắk", "Ea Súp", "Ý Yên"]
_WORDS = [
    "Tiền", "Tiên", "TIỀN", "tiền", "Tiến", "Tien", "tiến", "Yên", "YÊN", "Bái", "bái", "Bai",
    "Đắk", "Dak", "Lắk", "Lak", "Rịa-Vũng", "Ria-Vung", "Tàu", "Bà", "Ba", "Ea", "Súp", "Ý", "Y",
    "Phường", "Phuong", "2", "aTiên", "2Tiên", "Tiên2", "_Tiên", "ſúp", "Tiê\u0300n", "Bái\u0301",
]  # fmt: skip
_GAPS = [" ", "  ", "\n", ", ", " - ", "_", " 3", "3", "", " a ", "ß", " Ж ", "Ⅻ", "²", "\u212a"]
# Bodies made of the names' words and their misspellings, between gaps of every kind.
_BODIES = st.lists(st.tuples(st.sampled_from(_WORDS), st.sampled_from(_GAPS)), max_size=8).map(
    lambda pairs: "".join(word + gap for word, gap in pairs)
)


@settings(max_examples=1500, deadline=None)
@given(_BODIES, st.sets(st.sampled_from(_NAMES), min_size=1, max_size=3))
@example("Tiên Tiền Tiến", {"Tiền Tiến"})  # two runs sharing a word
@example("aTiên Tiến, 2Tiên Tiến", {"Tiền Tiến"})  # inside a word; after digits
@example("Tiên 3Tiến, Tiên_Tiến", {"Tiền Tiến"})  # a gap with a digit; "_" joins words
@example("Phuong 2", {"Phường 2"})  # a word that is a number is never a word
def test_a_names_spelling_is_found_as_word_by_word(body, names):
    assert places.misspelt_names(body, names) == places._misspelt_word_by_word(body, names)


@pytest.mark.parametrize(
    ("body", "searched_folded"),
    [
        ("Xã Tiên Tiến, tỉnh Hưng Yên, năm 2025: «ĐẮK LẮK» – kế hoạch số 12/KH-UBND", True),
        ("Ủy ban nhân dân xã Tiền Tiến\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True),
        ("Xã Tiên Tiến và НĐ", False),  # a Cyrillic letter: folded word by word
        ("Straße Tiên Tiến", False),  # ß folds to two letters
    ],
)
def test_which_bodies_are_searched_folded(body, searched_folded):
    assert (places._UNFOLDED_WORD_CHARACTER.search(body) is None) == searched_folded


# -- the type word before a number, read backwards ----------------------------------------------

_TYPE_PIECES = [
    *TYPE_WORDS_LONGEST_FIRST, "NGHỊ ĐỊNH", "nghị định", "pháp lệnh", "BỘ LUẬT", "số", "Số", "SỐ",
    "sỐ", ":", " ", "  ", "x", "Đ", "3", "_", "-", ",", "lệnh", "luật", "hoạch", "Kế",
]  # fmt: skip


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_TYPE_PIECES), max_size=8).map("".join).map(lambda t: t[-32:]))
@example("xPháp lệnh số ")  # the longer word not at a word's start, the shorter one is
@example("Bộ luật số: ")
def test_the_type_word_before_a_number_is_read_as_the_search_reads_it(tail):
    searched = find._DIRECT_RE.search(tail)
    expected = (searched["type"], len(tail) - searched.start("type")) if searched else None
    assert find._direct_type(tail) == expected
