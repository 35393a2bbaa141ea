"""Legacy Vietnamese 8-bit encodings still found in old files and in PDF text layers made with
.VnTime (TCVN3 / ABC) or VNI-Times fonts: detected by their telltale bytes, converted by table.

Such text reaches us either as raw bytes (a .txt saved by an old editor) or already decoded as
Latin-1/Windows-1252 ("QuyÕt ®Þnh", "Quyeát ñònh": what a PDF's text layer or a Word file
gives when the font, not the encoding, carried the Vietnamese letters).
"""

from __future__ import annotations

import re
import unicodedata

# TCVN 5712:1993 (VN3) byte -> letter. Capitals with a tone mark have no code: they were
# typed with the capitals font (.VnTimeH) using the lower-case codes.
TCVN3: dict[int, str] = {
    0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ",
    0xA8: "ă", 0xA9: "â", 0xAA: "ê", 0xAB: "ô", 0xAC: "ơ", 0xAD: "ư", 0xAE: "đ",
    0xB5: "à", 0xB6: "ả", 0xB7: "ã", 0xB8: "á", 0xB9: "ạ",
    0xBB: "ằ", 0xBC: "ẳ", 0xBD: "ẵ", 0xBE: "ắ", 0xC6: "ặ",
    0xC7: "ầ", 0xC8: "ẩ", 0xC9: "ẫ", 0xCA: "ấ", 0xCB: "ậ",
    0xCC: "è", 0xCE: "ẻ", 0xCF: "ẽ", 0xD0: "é", 0xD1: "ẹ",
    0xD2: "ề", 0xD3: "ể", 0xD4: "ễ", 0xD5: "ế", 0xD6: "ệ",
    0xD7: "ì", 0xD8: "ỉ", 0xDC: "ĩ", 0xDD: "í", 0xDE: "ị",
    0xDF: "ò", 0xE1: "ỏ", 0xE2: "õ", 0xE3: "ó", 0xE4: "ọ",
    0xE5: "ồ", 0xE6: "ổ", 0xE7: "ỗ", 0xE8: "ố", 0xE9: "ộ",
    0xEA: "ờ", 0xEB: "ở", 0xEC: "ỡ", 0xED: "ớ", 0xEE: "ợ",
    0xEF: "ù", 0xF1: "ủ", 0xF2: "ũ", 0xF3: "ú", 0xF4: "ụ",
    0xF5: "ừ", 0xF6: "ử", 0xF7: "ữ", 0xF8: "ứ", 0xF9: "ự",
    0xFA: "ỳ", 0xFB: "ỷ", 0xFC: "ỹ", 0xFD: "ý", 0xFE: "ỵ",
}  # fmt: skip

# VNI: a base letter followed by a mark byte (Windows-1252 positions). Marks by the bases
# they go with: tones on every vowel, the circumflex set on a/e/o, the breve set on a only.
_TONES = {"ù": "\u0301", "ø": "\u0300", "û": "\u0309", "õ": "\u0303", "ï": "\u0323"}
_CIRCUMFLEX = {
    "â": "\u0302", "á": "\u0302\u0301", "à": "\u0302\u0300",
    "å": "\u0302\u0309", "ã": "\u0302\u0303", "ä": "\u0302\u0323",
}  # fmt: skip
_BREVE = {
    "ê": "\u0306", "é": "\u0306\u0301", "è": "\u0306\u0300",
    "ú": "\u0306\u0309", "ü": "\u0306\u0303", "ë": "\u0306\u0323",
}  # fmt: skip
# Letters VNI writes as one byte of their own.
VNI_LETTERS: dict[str, str] = {
    "ô": "ơ", "ö": "ư", "ñ": "đ", "í": "í", "ì": "ì", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "î": "ỵ",
    "Ô": "Ơ", "Ö": "Ư", "Ñ": "Đ", "Í": "Í", "Ì": "Ì", "Æ": "Ỉ", "Ó": "Ĩ", "Ò": "Ị", "Î": "Ỵ",
}  # fmt: skip


def _both_cases(table: dict[str, str]) -> dict[str, str]:
    return {**table, **{k.upper(): v for k, v in table.items()}}


VNI_MARKS_BY_BASE: dict[str, dict[str, str]] = {}
for _base in "aeoiuyAEOIUYôöÔÖ":
    marks = dict(_both_cases(_TONES))
    if _base in "aeoAEO":
        marks |= _both_cases(_CIRCUMFLEX)
    if _base in "aA":
        marks |= _both_cases(_BREVE)
    VNI_MARKS_BY_BASE[_base] = marks
_VNI_PAIR = re.compile(
    "([aeoiuyAEOIUYôöÔÖ])([" + "".join(sorted(set().union(*VNI_MARKS_BY_BASE.values()))) + "])"
)

# Bytes that only one legacy encoding uses for Vietnamese letters and that are not letters of
# Vietnamese in Windows-1258/Latin-1: counting them tells the encodings apart.
TCVN3_TELLTALES = frozenset([*range(0xA1, 0xAF), *range(0xB5, 0xBA), *range(0xBB, 0xBF)])
VNI_TELLTALES = frozenset(b"\xf1\xd1\xf8\xd8\xfb\xdb\xef\xcf\xe5\xc5\xe4\xc4\xeb\xcb\xfc\xdc\xe6\xc6\xee\xce")
# Share of the bytes above 0x7F that must be telltales: a stray "®" or "ñ" in a long
# Windows-1258 text does not make it legacy.
MIN_TELLTALE_SHARE = 0.05
# Vietnamese letters outside Latin-1 (which the legacy encodings reuse): a text with these is
# already Unicode.
VIETNAMESE_LETTERS = re.compile("[ăđĩũơưĂĐĨŨƠƯ\u1ea0-\u1ef9]")


def detect(data: bytes) -> str | None:
    """ "TCVN3", "VNI" or None, from how often each encoding's telltale bytes occur."""
    tcvn = sum(1 for b in data if b in TCVN3_TELLTALES)
    vni = sum(1 for b in data if b in VNI_TELLTALES)
    high = sum(1 for b in data if b > 0x7F)
    if max(tcvn, vni) == 0 or max(tcvn, vni) < MIN_TELLTALE_SHARE * high:
        return None
    return "TCVN3" if tcvn >= vni else "VNI"


def decode_legacy(data: bytes, encoding: str) -> str:
    """Bytes in TCVN3 or VNI -> NFC Unicode text."""
    if encoding == "TCVN3":
        text = "".join(TCVN3.get(b) or chr(b) for b in data)
    else:
        latin = data.decode("cp1252", errors="replace")
        text = _VNI_PAIR.sub(lambda m: m[1] + VNI_MARKS_BY_BASE[m[1]][m[2]], latin)
        text = "".join(VNI_LETTERS.get(c, c) for c in text)
    return unicodedata.normalize("NFC", text)


def repair_legacy(text: str) -> tuple[str, str | None]:
    """A text decoded as Latin-1/Windows-1252 that is really TCVN3 or VNI, converted; any
    other text returned as it is. Returns (text, legacy encoding found or None)."""
    if VIETNAMESE_LETTERS.search(text):
        return text, None
    for codec in ("cp1252", "latin-1"):
        try:
            data = text.encode(codec)
        except UnicodeEncodeError:
            continue
        if encoding := detect(data):
            return decode_legacy(data, encoding), encoding
        return text, None
    return text, None
