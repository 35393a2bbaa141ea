"""Helpers on single lines of a source text, shared by the header, body and signature parsers."""

from __future__ import annotations

import re

from ..model.models import Agency

# Words that put a place name after an agency's generic name ("Sở Xây dựng | tỉnh | Hải Dương").
PLACE_MARKERS = r"tỉnh|thành phố|huyện|thị xã|quận|xã|phường|thị trấn"

TERMINAL_PUNCTUATION = ".;:!?…"

# A word that is (part of) a document number keeps its capitals: "124/2019/NQ-HĐND".
SYMBOL = re.compile(r"\d|/")
LIST_ITEM = re.compile(r"^[-+•]\s")
ROMAN_ITEM = re.compile(r"^[IVXL]+\.\s")
NUMBERED_ITEM = re.compile(r"^\d+\.(?:\d+\.?)*\s")
SUBNUMBERED_ITEM = re.compile(r"^\d+\.\d+\.?\s")
LETTER_ITEM = re.compile(r"^[a-zđ][.)]\s")


def strip_markup(line: str) -> str:
    """Text of a line without Markdown heading marks, emphasis and surrounding blanks."""
    text = re.sub(r"^\s*#{1,6}\s+", "", line)
    text = text.replace("**", "")
    text = re.sub(r"^\*+|\*+$", "", text.strip())
    return re.sub(r"\s+", " ", text).strip()


def is_upper(text: str) -> bool:
    """All letters upper-case, and at least two of them: "PHÓ GIÁM ĐỐC"."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def ends_sentence(text: str) -> bool:
    return bool(text) and text[-1] in TERMINAL_PUNCTUATION


def starts_item(text: str) -> bool:
    return bool(
        LIST_ITEM.match(text)
        or ROMAN_ITEM.match(text)
        or NUMBERED_ITEM.match(text)
        or LETTER_ITEM.match(text)
    )


def find_line(lines: list[str], predicate, start: int = 0) -> int | None:
    """Index of the first line (markup stripped) at or after ``start`` that ``predicate`` accepts."""
    for i in range(start, len(lines)):
        if predicate(strip_markup(lines[i])):
            return i
    return None


def proper_names(agencies: dict[str, Agency]) -> list[str]:
    """Names whose capitals survive sentence-casing: agency names, their heads and places."""
    names: set[str] = {"Chính phủ", "Nhà nước", "Trung ương", "Đảng"}
    for agency in agencies.values():
        names.add(agency.name)
        parts = re.split(rf"\s+(?:{PLACE_MARKERS})\s+", agency.name, maxsplit=1)
        names.update(p for p in parts if p)
    return sorted(names, key=lambda n: (-len(n), n))


def sentence_case(text: str, names: list[str] = ()) -> str:
    """Lower-case the all-capital words, capitalise the first letter, restore proper names."""
    words = text.split(" ")
    out = [
        w.lower() if (is_upper(w) or (len(w) == 1 and w.isupper())) and not SYMBOL.search(w) else w
        for w in words
    ]
    result = " ".join(out)
    for name in names:
        result = re.sub(rf"(?<!\w){re.escape(name)}(?!\w)", name, result, flags=re.IGNORECASE)
    return result[:1].upper() + result[1:]
