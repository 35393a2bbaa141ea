"""ASCII identifiers and URL slugs from Vietnamese text."""

from __future__ import annotations

import re
import unicodedata

_NON_WORD = re.compile(r"[^a-z0-9]+")


def ascii_fold(text: str) -> str:
    """Remove diacritics: "Đồng Nai" -> "Dong Nai". đ/Đ has no decomposition, so map it."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def slugify(text: str) -> str:
    """ASCII slug: "Sở Xây dựng tỉnh Hải Dương" -> "so-xay-dung-tinh-hai-duong".

    Numbers keep their digits: "61/2018/NĐ-CP" -> "61-2018-nd-cp".
    """
    return _NON_WORD.sub("-", ascii_fold(text).lower()).strip("-")


ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def is_safe_id(value: str) -> bool:
    """An id that can be used as a path segment without leaving its folder."""
    return bool(ID_PATTERN.match(value)) and len(value) <= 120
