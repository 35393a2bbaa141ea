"""Who issued a document and what it rests on: the issuing body matched against the agency
registry, the plan's id, and the preamble's citations resolved against the legal registry.

The registries are loaded once per run (``Registries.load``) and shared by every file."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..cite import CitingContext, Registry, find_citations
from ..cite.tables import NAME_ABBREVIATIONS
from ..model.models import Agency, Diagnostic, PartialDate
from ..model.slug import ascii_fold, slugify
from ..source.repository import load_agencies, read_repository
from .lines import PLACE_MARKERS

# Topic slug of a plan id, by what its trích yếu says (first match wins).
TOPICS: tuple[tuple[str, str], ...] = (
    (r"tuyên truyền.*cải cách hành chính", "tuyen-truyen-cchc"),
    (r"cải cách hành chính", "cchc"),
    (r"chuyển đổi số", "chuyen-doi-so"),
)

YEAR_IN_TITLE = re.compile(r"\bnăm\s+(\d{4})\b", re.IGNORECASE)
ISSUER_IN_TEXT = re.compile(
    r"(?:^|[;,.]\s*)(?P<body>(?:Sở|Ủy ban nhân dân|UBND|Phòng|Ban)\s[^;,.:()\n]*?)\s+(?:xây dựng|ban hành)"
    r"\s+kế hoạch",
    re.IGNORECASE,
)
ISSUER_IN_TITLE = re.compile(
    r"\bcủa\s+(?P<body>(?:Sở|Ủy ban nhân dân|UBND)\s.+?)(?:\s+năm\s+\d{4}|$)", re.IGNORECASE
)


@dataclass
class Registries:
    """The agency registry and the citation registry of one repository, read once per run."""

    agencies: dict[str, Agency]
    citations: Registry | None
    diagnostics: list[Diagnostic]

    @classmethod
    def load(cls, root: Path | None) -> Registries:
        if root is None:
            return cls({}, None, [])
        agencies, diagnostics = load_agencies(root)
        try:
            corpus = read_repository(root)
            registry = Registry.from_records(corpus.documents(), corpus.agencies)
        except Exception:  # noqa: BLE001 — a broken repository must not stop an import
            registry = None
        return cls(agencies, registry, diagnostics)


def find_issuing_body(paragraphs: list[str], title: str) -> str | None:
    """The issuer as the text names it: "…; Sở Xây dựng xây dựng kế hoạch" or "… của Sở …"."""
    for para in paragraphs:
        if m := ISSUER_IN_TEXT.search(para):
            return m["body"].strip()
    if m := ISSUER_IN_TITLE.search(title):
        return m["body"].strip()
    return None


def _tokens(text: str) -> list[str]:
    for short, full in NAME_ABBREVIATIONS.items():
        text = re.sub(rf"(?<!\w){re.escape(short)}(?!\w)", full, text)
    return ascii_fold(text).lower().replace(",", " ").split()


def _contains(haystack: list[str], needle: list[str]) -> bool:
    """Every needle token appears in the haystack, in order."""
    it = iter(haystack)
    return all(token in it for token in needle)


def match_agency(
    body: str | None,
    place: str | None,
    agencies: dict[str, Agency],
    date: PartialDate | None = None,
) -> str | None:
    """The registry id of the issuing body, or None when the text does not single one out.

    Names are compared without diacritics, so a misprinted place ("Hung Yên") still matches.
    """
    if not body:
        return None
    wanted = _tokens(body)
    found = [a for a in agencies.values() if _contains(_tokens(a.name), wanted)]
    if len(found) > 1 and place:
        near = [a for a in found if _contains(_tokens(a.name), _tokens(place))]
        found = near or found
    if len(found) > 1 and date is not None and date.year is not None:
        found = [
            a
            for a in found
            if (a.valid_to is None or (a.valid_to.year or 9999) >= date.year)
            and (a.valid_from is None or (a.valid_from.year or 0) <= date.year)
        ]
    return found[0].id if len(found) == 1 else None


def derive_topic(summary: str) -> str:
    low = summary.lower()
    for pattern, topic in TOPICS:
        if re.search(pattern, low):
            return topic
    words = [w for w in slugify(YEAR_IN_TITLE.sub("", summary)).split("-") if w]
    return "-".join(words[:6]) or "ke-hoach"


def derive_id(agency: str | None, year: int | None, summary: str, fallback: str) -> str:
    """``<agency-id>-<year>-<topic>``, the id a plan keeps when it later gets its number."""
    if agency and year:
        return f"{agency}-{year}-{derive_topic(summary)}"
    return slugify(fallback)


def preamble_citations(
    text: str, agency: str | None, year: int | None, date: PartialDate | None, registry: Registry | None
) -> tuple[list[str], list[str]]:
    """Ids of what the preamble names (can_cu) and of the plans among them (thuc_hien)."""
    context = CitingContext(agency_id=agency, year=year, date=date, own_number=None)
    citations = find_citations(text, registry=registry, context=context)
    bases: list[str] = []
    parents: list[str] = []
    for citation in citations:
        if not citation.in_preamble or not citation.id:
            continue
        if citation.id not in bases:
            bases.append(citation.id)
        is_plan = citation.type == "Kế hoạch" or "/KH-" in (citation.number or "")
        if is_plan and citation.id not in parents:
            parents.append(citation.id)
    return bases, parents


# Level of an unknown body, from the words of its name (first match wins).
LEVEL_WORDS: tuple[tuple[str, str], ...] = (
    (r"\b(?:xã|phường|thị trấn)\b", "xa"),
    (r"\b(?:huyện|quận|thị xã)\b", "huyen"),
    (r"^(?:Sở|Văn phòng|Ban|Thanh tra)\b", "so"),
    (r"\b(?:tỉnh|thành phố)\b", "tinh"),
)


def display_name(printed: str) -> str:
    """ "ỦY BAN NHÂN DÂN HUYỆN AN LÃO" -> "Ủy ban nhân dân huyện An Lão": the place after its
    marker keeps its capitals; other words of a capitalised name are left to a person."""
    if not printed.isupper():
        return printed
    low = printed.lower()
    low = re.sub(
        rf"\b({PLACE_MARKERS})\s+(.+)$",
        lambda m: m[1] + " " + " ".join(w[:1].upper() + w[1:] for w in m[2].split()),
        low,
    )
    for short in dict.fromkeys(k.upper() for k in NAME_ABBREVIATIONS):  # "Tp" is "TP" here
        low = re.sub(rf"(?<!\w){re.escape(short)}(?!\w)", short, low, flags=re.IGNORECASE)
    return low[:1].upper() + low[1:]


def proposed_agency(printed: str, parent_name: str | None, agencies: dict[str, Agency]) -> str:
    """A registry entry (YAML) for an issuing body the registry does not know yet."""
    name = display_name(printed)
    level = next(
        (lvl for pattern, lvl in LEVEL_WORDS if re.search(pattern, name, re.IGNORECASE)),
        "trung_uong",
    )
    entry = {
        "id": slugify(name),
        "ten": name,
        "cap": level,
        "cha": match_agency(parent_name, None, agencies) if parent_name else None,
    }
    return yaml.safe_dump([entry], allow_unicode=True, sort_keys=False).rstrip()
