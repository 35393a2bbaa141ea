"""Bytes to text: detect the encoding, drop the BOM, normalise to NFC.

Real files arrive as UTF-8 with or without BOM, UTF-16 from Word's "Unicode text", or legacy
Windows-1258 (which writes tone marks as combining characters, hence NFC afterwards).
"""

from __future__ import annotations

import codecs
import unicodedata
from dataclasses import dataclass

from charset_normalizer import from_bytes

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


@dataclass(frozen=True)
class Decoded:
    text: str  # decoded, BOM removed, nothing else changed
    encoding: str


class UndecodableError(ValueError):
    pass


def decode(data: bytes) -> Decoded:
    """Decode bytes without normalising them, so offsets into the result match the file."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return Decoded(data[len(bom) :].decode(encoding), encoding)
    if _looks_utf16(data):
        encoding = "utf-16-le" if data[1::2].count(0) > data[0::2].count(0) else "utf-16-be"
        return Decoded(data.decode(encoding), encoding)
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    # Not UTF-8: Vietnamese legacy text is almost always Windows-1258; let the detector
    # confirm among the candidates that can encode Vietnamese.
    best = from_bytes(data, cp_isolation=["cp1258", "cp1252", "utf_16"]).best()
    encoding = best.encoding if best else "cp1258"
    try:
        return Decoded(data.decode(encoding), encoding)
    except UnicodeDecodeError as exc:
        raise UndecodableError(f"không giải mã được tệp ({exc})") from exc


def _looks_utf16(data: bytes) -> bool:
    """UTF-16 without BOM: mostly-ASCII text has a NUL in every other byte."""
    sample = data[:4096]
    if len(sample) < 4:
        return False
    zeros_even, zeros_odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    return max(zeros_even, zeros_odd) > 0.3 * half and min(zeros_even, zeros_odd) < 0.05 * half


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def read_text(data: bytes) -> str:
    """Decode, NFC-normalise and unify line endings: the form every record is parsed in."""
    text = nfc(decode(data).text)
    return text.replace("\r\n", "\n").replace("\r", "\n")
