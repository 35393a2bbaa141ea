"""Canonical forms: number and symbol, type, date.

``40/2020/NĐCP`` → ``40/2020/NĐ-CP``; ``282/QĐ TTg`` → ``282/QĐ-TTg``; ``22- CTTr/TU`` →
``22-CTr/TU`` (with a warning); ``52/NQ-TW`` → ``52-NQ/TW`` (a party number written in the
state format, with a warning); ``QD-UBND`` → ``QĐ-UBND`` where only one reading exists.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from ..model.models import CitationKind, PartialDate
from . import tables
from .clean import clean
from .patterns import NUMBER_RE

TYPE_BY_WORD: dict[str, str] = {name.lower(): name for name in tables.DOC_TYPES} | {
    variant.lower(): name for variant, name in tables.TYPE_WORD_VARIANTS.items()
}

_KNOWN_PARTS: dict[str, str] = {
    part: part
    for part in itertools.chain(
        tables.TYPE_ABBREVIATIONS,
        tables.CENTRAL_ISSUER_ABBREVIATIONS,
        tables.LOCAL_ISSUER_ABBREVIATIONS,
        tables.PARTY_ISSUERS,
        tables.OTHER_SYMBOL_PARTS,
    )
}
_KNOWN_BY_UPPER: dict[str, list[str]] = {}
for _part in _KNOWN_PARTS:
    _KNOWN_BY_UPPER.setdefault(_part.upper(), []).append(_part)
_NUMBERED = re.compile(rf"^({'|'.join(tables.NUMBERED_ISSUERS)})(\d{{1,2}})$", re.I)
_ISSUER_PARTS = (
    set(tables.CENTRAL_ISSUER_ABBREVIATIONS)
    | set(tables.LOCAL_ISSUER_ABBREVIATIONS)
    | tables.PARTY_ISSUERS
)


@dataclass(frozen=True)
class Part:
    text: str  # canonical
    known: bool
    warning: str | None = None


@lru_cache(maxsize=4096)
def fix_part(raw: str) -> Part:
    """One symbol part in its canonical spelling, and a warning when it was misspelt."""
    if raw in _KNOWN_PARTS:
        return Part(raw, True)
    numbered = _NUMBERED.match(raw)
    if numbered:
        return Part(numbered.group(1).upper() + numbered.group(2), True)
    if raw in tables.KNOWN_MISSPELLINGS:
        right = tables.KNOWN_MISSPELLINGS[raw]
        return Part(right, True, f"ký hiệu viết sai «{raw}», đúng là «{right}»")
    # Đ typed as D: accept the reading only when exactly one known part has it.
    if "D" in raw:
        positions = [i for i, ch in enumerate(raw) if ch == "D"]
        readings = set()
        for mask in itertools.product((False, True), repeat=min(len(positions), 4)):
            chars = list(raw)
            for flip, i in zip(mask, positions, strict=False):
                if flip:
                    chars[i] = "Đ"
            candidate = "".join(chars)
            if candidate != raw and candidate in _KNOWN_PARTS:
                readings.add(candidate)
        if len(readings) == 1:
            return Part(readings.pop(), True)
    by_case = _KNOWN_BY_UPPER.get(raw.upper(), [])
    if len(by_case) == 1:
        return Part(by_case[0], True)
    if raw.upper() in tables.KNOWN_MISSPELLINGS:
        right = tables.KNOWN_MISSPELLINGS[raw.upper()]
        return Part(right, True, f"ký hiệu viết sai «{raw}», đúng là «{right}»")
    if raw != raw.upper():
        # Lower case seen in OCR ("nđ", "nd"): read it as upper case (Đ typed as D included).
        upper = fix_part(raw.upper())
        if upper.known:
            return upper
    return Part(raw, False)


def case_changed(raw: str, part: Part) -> bool:
    """Whether reading ``raw`` as ``part`` changed lower case into upper case ("nđ" -> "NĐ",
    "ttg" -> "TTg"); "TTg" and "QD" -> "QĐ" are not case changes."""
    return (
        raw != part.text
        and part.known
        and any(ch.islower() and ch != right for ch, right in zip(raw, part.text, strict=False))
    )


def _split_glued(raw: str) -> list[Part] | None:
    """A symbol whose hyphen was lost ("NĐCP", "NQHĐND"): type abbreviation + issuer."""
    for size in range(min(len(raw) - 1, 4), 0, -1):
        head, rest = fix_part(raw[:size]), fix_part(raw[size:])
        if (
            head.known
            and head.text in tables.TYPE_ABBREVIATIONS
            and rest.known
            and (rest.text in _ISSUER_PARTS or _NUMBERED.match(rest.text))
        ):
            return [head, rest]
    return None


_PART_SPLIT = re.compile(r" ?- ?| ")


@dataclass(frozen=True)
class Number:
    """A parsed số ký hiệu (one object for each way of writing it: ``parse_number`` keeps
    them)."""

    canonical: str
    serial: str  # "61", "30c", "02"
    year: int | None  # normative numbers carry their year
    type_abbr: str | None
    issuer_parts: tuple[str, ...]
    kind: CitationKind
    warnings: tuple[str, ...] = ()
    known: bool = True  # at least one part of the symbol is a known abbreviation

    @property
    def symbol_type(self) -> str | None:
        """The type the symbol implies (None when it does not say)."""
        if self.type_abbr:
            return tables.TYPE_ABBREVIATIONS[self.type_abbr]
        if self.issuer_parts:
            head = re.sub(r"\d+$", "", self.issuer_parts[0])
            if head in tables.TYPE_BY_ISSUER_ONLY:
                return tables.TYPE_BY_ISSUER_ONLY[head]
            if self.kind == "admin":
                return "Công văn"  # Công văn has no type abbreviation: 15/UBND-VP
        return None

    @property
    def local(self) -> bool:
        """Issued by a local body (the province is part of its identity)."""
        return any(
            p in tables.LOCAL_ISSUER_ABBREVIATIONS or p in tables.PARTY_ISSUERS - {"TW"}
            for p in self.issuer_parts
        )


def _case_warning(written: str, canonical: str) -> str:
    shown = " ".join(written.split())
    return f"ký hiệu viết sai chữ hoa, chữ thường «{shown}», đúng là «{canonical}»"


@lru_cache(maxsize=1 << 15)  # the same numbers are cited by plan after plan
def parse_number(
    serial: str,
    year: str | None,
    symbol: str,
    party_type: str | None = None,
    written: str | None = None,
) -> Number:
    """Build the canonical number from the groups the finder captured.

    State format: ``serial[/year]/symbol``; party format: ``serial-party_type/symbol``.
    """
    serial = serial.strip().lower()
    warnings: list[str] = []
    raw_parts = [p for p in _PART_SPLIT.split(symbol.strip()) if p]
    parts: list[Part] = []
    for raw in raw_parts:
        part = fix_part(raw)
        if not part.known and len(raw_parts) == 1:
            parts.extend(_split_glued(raw) or [part])
        else:
            parts.append(part)
    type_part = fix_part(party_type) if party_type else None
    for part in [type_part, *parts]:
        if part and part.warning:
            warnings.append(part.warning)
    known = any(p.known for p in parts) or bool(type_part and type_part.known)
    read = list(zip(raw_parts, parts, strict=False)) if len(parts) == len(raw_parts) else []
    if type_part is not None:
        read.insert(0, (party_type, type_part))
    lowered = any(raw != part.text and case_changed(raw, part) for raw, part in read)
    if lowered and read[0][0][0].islower():
        # A symbol that starts in lower case is read only when it is fully known parts led by
        # a type abbreviation or an issuer ("nđ-cp", "ubnd-vp"); anything else ("ha/ct") is
        # ordinary text.
        whole = [part for _, part in read]
        if not (
            len(whole) >= 2
            and all(part.known for part in whole)
            and (whole[0].text in tables.TYPE_ABBREVIATIONS or whole[0].text in _ISSUER_PARTS)
        ):
            known = False
    if type_part is not None:
        type_abbr = type_part.text if type_part.text in tables.TYPE_ABBREVIATIONS else None
        issuers = tuple(p.text for p in parts)
        canonical = f"{serial}-{type_part.text}/{'-'.join(issuers)}"
        if lowered:
            warnings.append(_case_warning(written or f"{serial}-{party_type}/{symbol}", canonical))
        return Number(canonical, serial, None, type_abbr, issuers, "party", tuple(warnings), known)
    texts = [p.text for p in parts]
    type_abbr = texts[0] if texts and texts[0] in tables.TYPE_ABBREVIATIONS else None
    issuers = tuple(texts[1:] if type_abbr else texts)
    if not year and type_abbr and issuers and issuers[-1] in tables.PARTY_ISSUERS:
        canonical = f"{serial}-{type_abbr}/{'-'.join(issuers)}"
        shown = written or f"{serial}/{'-'.join(texts)}"
        warnings.append(
            f"số văn bản của Đảng viết theo kiểu văn bản nhà nước «{shown}», đúng là «{canonical}»"
        )
        if lowered:
            warnings.append(_case_warning(shown, canonical))
        return Number(canonical, serial, None, type_abbr, issuers, "party", tuple(warnings), known)
    head = f"{serial}/{year}/" if year else f"{serial}/"
    canonical = head + "-".join(texts)
    if lowered:
        warnings.append(_case_warning(written or f"{head}{symbol}", canonical))
    kind: CitationKind = "legal" if year else "admin"
    return Number(canonical, serial, int(year) if year else None, type_abbr, issuers, kind,
                  tuple(warnings), known)  # fmt: skip


def canonical_type(word: str) -> str:
    """A type word as written ("NGHỊ QUYẾT", "Kế Hoạch") -> its canonical name."""
    word = " ".join(unicodedata.normalize("NFC", word).split())
    return TYPE_BY_WORD.get(word.lower(), word)


def types_agree(type_name: str, number: Number) -> bool:
    """Whether the type word and the symbol name the same kind of document."""
    if type_name in tables.GENERIC_TYPE_WORDS:
        return True
    if number.type_abbr is None:
        head = re.sub(r"\d+$", "", number.issuer_parts[0]) if number.issuer_parts else ""
        if head in tables.TYPE_BY_ISSUER_ONLY:
            return (type_name, head) in tables.TYPE_AGREEMENTS
        return True  # a Công văn is named by its subject: any word fits it
    return number.symbol_type == type_name


@lru_cache(maxsize=1 << 14)  # dates repeat from citation to citation; PartialDate is frozen
def make_date(day: str | None, month: str | None, year: str | None) -> PartialDate | None:
    """A partial date from the parts the text gives; None when they cannot be a date."""
    try:
        return PartialDate.of(
            int(year) if year else None,
            int(month) if month else None,
            int(day) if day else None,
        )
    except ValueError:
        return None


@lru_cache(maxsize=1 << 14)  # a plan's own number is compared with each number it cites
def canonical_number(text: str) -> str:
    """The canonical form of a số ký hiệu written on its own: ``40/2020/NĐCP`` → ``40/2020/NĐ-CP``.

    Text that is not a number is returned cleaned (NFC, dashes unified, spaces collapsed)."""
    number = parse_number_text(text)
    return number.canonical if number else clean(text).text.strip()


def number_from_match(match: re.Match) -> Number:
    if match.group("ptype"):
        return parse_number(match.group("num"), None, match.group("piss"), match.group("ptype"))
    return parse_number(match.group("num"), match.group("year"), match.group("sym"),
                        written=match.group())  # fmt: skip


@lru_cache(maxsize=1 << 15)  # registries and citing texts repeat numbers (12/KH-UBND)
def parse_number_text(text: str) -> Number | None:
    """A số ký hiệu written on its own, parsed; None when it is not one."""
    match = NUMBER_RE.fullmatch(clean(text).text.strip())
    return number_from_match(match) if match else None
