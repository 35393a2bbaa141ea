"""Resolution: issuer phrases to agency ids, citations to registry ids.

Rules (DESIGN.md, "Identity"): a normative number is found by its number (plus the province
when its issuer part is local); an administrative or party number by issuer + number + date,
never by number alone. Without a date in the citing text, the citing plan's year window is
searched and only a single fitting record is accepted; a record whose own date is unknown fits
any window. Anything else stays unresolved (``None``): never guessed.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from ..model.models import Agency, Document, Misquote, PartialDate
from ..model.slug import ascii_fold
from . import tables
from .normalize import Number, canonical_number, parse_number_text


@dataclass(frozen=True)
class CitingContext:
    """Who cites, and when: resolves "UBND tỉnh", year windows and the document's own number."""

    agency_id: str | None = None
    year: int | None = None
    date: PartialDate | None = None
    own_number: str | None = None


_ABBREVIATION = re.compile(
    r"(?<![^\W\d_])(" + "|".join(re.escape(a) for a in tables.NAME_ABBREVIATIONS) + r")(?![^\W\d_])"
)


@lru_cache(maxsize=8192)
def fold_name(name: str) -> str:
    """A comparison key for agency names: abbreviations expanded, no diacritics, lower case."""
    name = _ABBREVIATION.sub(lambda m: tables.NAME_ABBREVIATIONS[m.group(1)], name)
    name = name.replace("uỷ", "ủy").replace("Uỷ", "Ủy")
    return " ".join(re.sub(r"[^a-z0-9]+", " ", ascii_fold(name).lower()).split())


_PHRASES = {fold_name(k): v for k, v in tables.ISSUER_PHRASES.items()}
_GENERIC_ORGANS = tuple(fold_name(organ) for organ in tables.GENERIC_LOCAL_ORGANS)
_LOCAL_GENERIC = {
    k: fold_name(v) for k, v in tables.LOCAL_ISSUER_ABBREVIATIONS.items() if v is not None
}


def _date_fits(record: PartialDate | None, cited: PartialDate) -> bool:
    if record is None:
        return True
    for mine, theirs in ((record.year, cited.year), (record.month, cited.month),
                         (record.day, cited.day)):  # fmt: skip
        if mine is not None and theirs is not None and mine != theirs:
            return False
    return True


# Types cited by name ("Luật Cán bộ, công chức"): the registry knows them by their summary too.
NAMED_TYPES = ("Luật", "Bộ luật", "Pháp lệnh", "Hiến pháp")


class Registry:
    """Every known document by canonical number and by name, and the agencies by name."""

    def __init__(self, documents: Iterable[Document], agencies: Mapping[str, Agency]):
        self.agencies: dict[str, Agency] = dict(agencies)
        self.by_number: dict[str, list[Document]] = defaultdict(list)
        # The same by number and issuer: a number such as 12/KH-UBND is written by hundreds of
        # bodies, so an administrative citation is looked up with its issuer, never scanned.
        self._by_number_issuer: dict[tuple[str, str], list[Document]] = defaultdict(list)
        self.by_name: dict[str, list[Document]] = defaultdict(list)
        # Documents by serial and symbol without the year, for suggestions: (serial, symbol
        # parts) -> [(document, its parsed number)].
        self.by_serial: dict[tuple, list[tuple[Document, Number]]] = defaultdict(list)
        documents_list = list(documents)
        for doc in documents_list:
            if doc.number:
                parsed = parse_number_text(doc.number)
                canonical = parsed.canonical if parsed else canonical_number(doc.number)
                self.by_number[canonical].append(doc)
                self._by_number_issuer[(canonical, doc.issuer)].append(doc)
                if parsed is not None:
                    self.by_serial[_serial_key(parsed)].append((doc, parsed))
            if doc.doc_type in NAMED_TYPES and doc.summary:
                summary = doc.summary
                if not fold_name(summary).startswith(fold_name(doc.doc_type)):
                    summary = f"{doc.doc_type} {summary}"
                self.by_name[fold_name(summary)].append(doc)
        # Known wrong forms (trich_dan_sai): written number -> (document, misquote); a
        # misquote of the date alone is kept under the document's own number.
        self.misquotes: dict[str, list[tuple[Document, Misquote]]] = defaultdict(list)
        for doc in documents_list:
            for misquote in getattr(doc, "misquotes", ()):
                written = misquote.number or doc.number
                if written:
                    self.misquotes[canonical_number(written)].append((doc, misquote))
        self._keys: dict[str, tuple[str, ...]] = {}
        self._relative: dict[tuple[str, str | None], str | None] = {}
        self.by_agency_name: dict[str, list[str]] = defaultdict(list)
        for agency in self.agencies.values():
            for name in {agency.name, *agency.short_names}:
                key = fold_name(name)
                if key and agency.id not in self.by_agency_name[key]:
                    self.by_agency_name[key].append(agency.id)

    @classmethod
    def from_records(
        cls, documents: Iterable[Document], agencies: Mapping[str, Agency] | None = None
    ) -> Registry:
        return cls(documents, agencies or {})

    # -- agencies ---------------------------------------------------------------------------

    def _agency_keys(self, agency: Agency) -> tuple[str, ...]:
        keys = self._keys.get(agency.id)
        if keys is None:
            keys = (fold_name(agency.name), *map(fold_name, agency.short_names))
            self._keys[agency.id] = keys
        return keys

    def province_of(self, agency_id: str | None) -> str | None:
        agency = self.agencies.get(agency_id) if agency_id else None
        if agency is None:
            return None
        if agency.province:
            return agency.province
        return agency.id if agency.level == "tinh" else None

    def _chain(self, agency_id: str | None) -> list[Agency]:
        chain: list[Agency] = []
        seen: set[str] = set()
        current = self.agencies.get(agency_id) if agency_id else None
        while current is not None and current.id not in seen:
            chain.append(current)
            seen.add(current.id)
            current = self.agencies.get(current.parent) if current.parent else None
        return chain

    def relative_agency(self, generic: str, context: CitingContext | None) -> str | None:
        """The agency a generic name ("ủy ban nhân dân tỉnh", "sở xây dựng") means for the
        citing agency: one of its ancestors, else the single such agency of its province."""
        if context is None or not context.agency_id:
            return None
        key = (generic, context.agency_id)
        if key not in self._relative:
            self._relative[key] = self._relative_agency(generic, context.agency_id)
        return self._relative[key]

    def _relative_agency(self, generic: str, agency_id: str) -> str | None:
        def fits(agency: Agency) -> bool:
            return any(
                key == generic or key.startswith(generic + " ") for key in self._agency_keys(agency)
            )

        for agency in self._chain(agency_id):
            if fits(agency):
                return agency.id
        province = self.province_of(agency_id)
        if province is None:
            return None
        found = [
            a.id
            for a in self.agencies.values()
            if (a.province == province or a.id == province) and fits(a)
        ]
        return found[0] if len(found) == 1 else None

    def resolve_issuer(
        self, organ: str, level: str | None, place: str | None, context: CitingContext | None
    ) -> str | None:
        """An issuer phrase ("UBND tỉnh", "Chủ tịch UBND tỉnh Hải Dương", "Bộ Chính trị")
        -> agency id, or None when it cannot be told."""
        organ_key = fold_name(organ)
        for prefix in ("chu tich ", "thuong truc "):
            if organ_key.startswith(prefix) and organ_key != "chu tich nuoc":
                organ_key = organ_key[len(prefix) :]
        level_key = fold_name(level) if level else ""
        generic = f"{organ_key} {level_key}".strip()
        if place:
            full = f"{generic} {fold_name(place)}"
            found = self.by_agency_name.get(full, [])
            if len(found) == 1:
                return found[0]
        target = _PHRASES.get(generic) or _PHRASES.get(organ_key)
        if target and not target.startswith("~"):
            return target
        if place:
            return None
        if target:
            generic = fold_name(target[1:])
        found = self.by_agency_name.get(generic, [])
        generic_organ = any(
            organ_key == name or organ_key.startswith(name + " ") for name in _GENERIC_ORGANS
        )
        if len(found) == 1 and not level_key and not generic_organ:
            return found[0]
        return self.relative_agency(generic, context)

    def issuer_from_symbol(self, number: Number, context: CitingContext | None) -> str | None:
        """The issuer a symbol names on its own: central bodies, or local bodies that are
        unique in the citing province (Tỉnh ủy, a Sở)."""
        for part in reversed(number.issuer_parts):
            if part in tables.CENTRAL_ISSUER_ABBREVIATIONS:
                return tables.CENTRAL_ISSUER_ABBREVIATIONS[part]
            head = re.sub(r"\d+$", "", part)
            if head in tables.CENTRAL_ISSUER_ABBREVIATIONS:
                return tables.CENTRAL_ISSUER_ABBREVIATIONS[head]
        if number.issuer_parts and number.issuer_parts[0] in _LOCAL_GENERIC:
            return self.relative_agency(_LOCAL_GENERIC[number.issuer_parts[0]], context)
        return None

    def joint_issuers(self, number: Number, context: CitingContext | None) -> str:
        """The issuers of a joint document ("TTLT-BTP-BNV"), in the symbol's order: each an
        agency id when the part names one, else the abbreviation itself."""
        issuers = []
        for part in number.issuer_parts:
            single = Number(part, number.serial, number.year, None, (part,), number.kind)
            issuers.append(self.issuer_from_symbol(single, context) or part)
        return tables.JOINT_ISSUER_SEPARATOR.join(issuers)

    # -- documents --------------------------------------------------------------------------

    def resolve(
        self,
        number: Number,
        issuer: str | None,
        date: PartialDate | None,
        context: CitingContext | None,
    ) -> str | None:
        candidates = self.by_number.get(number.canonical, [])
        if not candidates:
            return None
        if number.kind == "legal":
            if number.local:
                province = self.province_of(issuer) or (
                    self.province_of(context.agency_id) if context else None
                )
                if province is None:
                    return None
                candidates = [d for d in candidates if self.province_of(d.issuer) == province]
            return candidates[0].id if len(candidates) == 1 else None
        if issuer is None:
            return None
        candidates = self._by_number_issuer.get((number.canonical, issuer), [])
        if date is not None and date.year is not None:
            candidates = [d for d in candidates if _date_fits(d.issued, date)]
        else:
            if context is None or context.year is None:
                return None
            window = range(context.year - tables.YEAR_WINDOW + 1, context.year + 1)
            candidates = [
                d
                for d in candidates
                if (d.issued is None or d.issued.year is None or d.issued.year in window)
                and (date is None or _date_fits(d.issued, date))
            ]
        return candidates[0].id if len(candidates) == 1 else None

    def resolve_name(self, type_name: str, name: str, date: PartialDate | None) -> str | None:
        """A law cited by name and date ("Luật Tổ chức chính quyền địa phương ngày …")."""
        candidates = self.by_name.get(fold_name(name), [])
        if date is not None:
            candidates = [d for d in candidates if _date_fits(d.issued, date)]
        return candidates[0].id if len(candidates) == 1 else None

    # -- misquotes and suggestions ----------------------------------------------------------

    def misquoted(self, number: str, date: PartialDate | None) -> tuple[Document, Misquote] | None:
        """The document a citation means when it writes one of the document's known wrong
        forms: the number as recorded, and the date too when both give one."""
        found = [
            (doc, misquote)
            for doc, misquote in self.misquotes.get(number, [])
            if (misquote.date is None or date is None or misquote.date == date)
            and (misquote.number is not None or (misquote.date is not None and date is not None))
        ]
        return found[0] if len({doc.id for doc, _ in found}) == 1 else None

    def suggest(self, number: Number, doc_type: str | None, date: PartialDate | None) -> str | None:
        """The registry document a citation of an unknown number most likely means: the same
        serial and type with its year off by one (in the number or in a full date whose day and
        month agree), or the same serial and symbol with the cited date, or the document one of
        whose known wrong numbers it writes (with another date). Never a link, only a
        hint for the maintainer; None unless exactly one document fits."""
        known_wrong = {doc.id for doc, _ in self.misquotes.get(number.canonical, [])}
        if len(known_wrong) == 1:  # a known wrong number written with another date
            return known_wrong.pop()
        wanted_type = doc_type or number.symbol_type
        if not wanted_type:
            return None
        found = set()
        for doc, theirs in self.by_serial.get(_serial_key(number), []):
            if doc.doc_type != wanted_type:
                continue
            if (
                _year_off_by_one(theirs.year, number.year)
                and (date is None or doc.issued is None or _same_day_month(doc.issued, date))
                or date is not None
                and date.is_complete
                and doc.issued == date
            ):
                found.add(doc.id)
        return found.pop() if len(found) == 1 else None


def _serial_key(number: Number) -> tuple:
    return (number.serial.lstrip("0") or "0", number.type_abbr, number.issuer_parts)


def _year_off_by_one(a: int | None, b: int | None) -> bool:
    return a is not None and b is not None and abs(a - b) == 1


def _same_day_month(a: PartialDate, b: PartialDate) -> bool:
    return a.day is not None and (a.day, a.month) == (b.day, b.month)
