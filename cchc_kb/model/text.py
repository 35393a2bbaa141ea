"""Bytes to text: detect the encoding, drop the BOM, normalise to NFC.

Real files arrive as UTF-8 with or without BOM, UTF-16 from Word's "Unicode text", or legacy
Windows-1258 (which writes tone marks as combining characters, hence NFC afterwards). Only a BOM
or valid UTF-8 is certain; every other reading is a guess and says so (``Decoded.warning``), so
mojibake is never published without a word. A general detector is not used: on short
Vietnamese texts it prefers Windows-1252 and returns "Kêì hoaòch" without doubt.
"""

from __future__ import annotations

import codecs
import unicodedata
from dataclasses import dataclass

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
LEGACY_ENCODING = "cp1258"
# UTF-8 damaged in a few places (a truncated copy, one stray byte) rather than legacy text:
# at least this many valid multi-byte characters per invalid byte.
_DAMAGED_UTF8_RATIO = 4


@dataclass(frozen=True)
class Decoded:
    text: str  # decoded, BOM removed, nothing else changed
    encoding: str
    warning: str | None = None  # set when the encoding is a guess the reader should check


class UndecodableError(ValueError):
    """Bytes that no supported encoding reads; ``line`` is where the first bad byte is."""

    def __init__(self, message: str, line: int = 1) -> None:
        super().__init__(message)
        self.line = line


def decode(data: bytes) -> Decoded:
    """Decode bytes without normalising them, so offsets into the result match the file."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            # The UTF-32-LE BOM is the UTF-16-LE BOM followed by U+0000: when the rest is not
            # UTF-32, it is UTF-16 starting with a NUL (which the loader then reports).
            if encoding.startswith("utf-32") and len(data) % 4:
                continue
            return Decoded(_strict(data[len(bom) :], encoding), encoding)
    try:
        utf8 = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8, bad = None, exc
    if _looks_utf16(data) and (utf8 is None or "\x00" in utf8):
        guessed = _utf16_guess(data)
        if guessed is not None:
            return guessed
    if utf8 is not None:
        return Decoded(utf8, "utf-8")
    if _damaged_utf8(data):
        raise UndecodableError(
            f"tệp UTF-8 có byte không hợp lệ (0x{data[bad.start]:02X}) ở vị trí {bad.start}",
            _line_at(data, bad.start, "utf-8"),
        )
    return Decoded(
        _strict(data, LEGACY_ENCODING),
        LEGACY_ENCODING,
        "tệp không phải UTF-8: đã đọc theo bảng mã Windows-1258 (đoán); "
        "hãy kiểm tra chữ tiếng Việt và lưu lại tệp dưới dạng UTF-8",
    )


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise UndecodableError(
            f"không giải mã được tệp theo {encoding}: dữ liệu hỏng ở byte {exc.start}",
            _line_at(data, exc.start, encoding),
        ) from exc


def _line_at(data: bytes, offset: int, encoding: str) -> int:
    return data[:offset].decode(encoding, errors="replace").count("\n") + 1


def _utf16_guess(data: bytes) -> Decoded | None:
    encoding = "utf-16-le" if data[1::2].count(0) > data[0::2].count(0) else "utf-16-be"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    return Decoded(
        text,
        encoding,
        f"tệp không có BOM: đã đọc theo {encoding.upper()} (đoán); hãy lưu lại dưới dạng UTF-8",
    )


def _damaged_utf8(data: bytes) -> bool:
    replaced = data.decode("utf-8", errors="replace")
    invalid = replaced.count("\ufffd")
    valid = sum(1 for ch in replaced if ch > "\x7f" and ch != "\ufffd")
    return valid >= _DAMAGED_UTF8_RATIO * invalid


def _looks_utf16(data: bytes) -> bool:
    """UTF-16 without BOM: mostly-ASCII text has a NUL in every other byte."""
    sample = data[:4096]
    if len(sample) < 4 or b"\x00" not in sample:  # almost every file: no NUL byte at all
        return False
    zeros_even, zeros_odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    return max(zeros_even, zeros_odd) > 0.3 * half and min(zeros_even, zeros_odd) < 0.05 * half


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def read(data: bytes) -> Decoded:
    """Decode, NFC-normalise and unify line endings: the form every record is parsed in."""
    decoded = decode(data)
    text = nfc(decoded.text).replace("\r\n", "\n").replace("\r", "\n")
    return Decoded(text, decoded.encoding, decoded.warning)


def read_text(data: bytes) -> str:
    return read(data).text
