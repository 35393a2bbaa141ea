"""``cchc import``: a plan's source text → plan Markdown with front-matter.

The importer reads what the text itself says and leaves the rest for a person: the header
(số, địa danh và ngày, loại và trích yếu), the signature block (KT./TM. + chức danh + họ tên),
"Nơi nhận", the issuing body (matched against ``plans/agencies.yml``) and the parent plan the
preamble names (found by the citation engine). The body is turned into Markdown: section
headings from their numbering, hard line breaks joined back into paragraphs, tab-separated
tables into Markdown tables. Fields it cannot derive are left null.

Every step is a small function working on plain strings, so each real form a text takes can be
tested on its own. Re-importing over an existing file keeps the fields a person wrote
(``linh_vuc``, ``ghi_chu``, ``nguon_goc``, ``nguon_thong_tin``, …) and replaces only those the
importer derives.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .cite import CitingContext, Registry, find_citations
from .model.models import Agency, PartialDate
from .model.slug import ascii_fold, slugify
from .model.text import read_text
from .source.frontmatter import parse_front_matter
from .source.repository import load_agencies, read_repository, validator

# ---------------------------------------------------------------------------------------------
# Tables

# Front-matter keys in the order a plan file lists them: the schema's order, one source of truth.
FIELD_ORDER: tuple[str, ...] = tuple(validator("plan").schema["properties"])

# What the importer derives from the text; everything else belongs to the person who checks it.
DERIVED_FIELDS: tuple[str, ...] = (
    "id",
    "so_ky_hieu",
    "loai_van_ban",
    "trich_yeu",
    "co_quan_ban_hanh",
    "dia_danh",
    "ngay_ban_hanh",
    "nam",
    "tinh_trang",
    "nguoi_ky",
    "chuc_danh",
    "thuc_hien",
    "can_cu",
    "noi_nhan",
    "nguon",
)

# Document type words a header can open with, longest first.
HEADER_TYPES: tuple[str, ...] = (
    "Kế hoạch",
    "Chương trình",
    "Quyết định",
    "Hướng dẫn",
    "Báo cáo",
    "Đề án",
    "Phương án",
    "Thông báo",
)

# Topic slug of a plan id, by what its trích yếu says (first match wins).
TOPICS: tuple[tuple[str, str], ...] = (
    (r"tuyên truyền.*cải cách hành chính", "tuyen-truyen-cchc"),
    (r"cải cách hành chính", "cchc"),
    (r"chuyển đổi số", "chuyen-doi-so"),
)

# Abbreviations expanded before an issuing body's name is compared with the registry.
NAME_ABBREVIATIONS: dict[str, str] = {
    "UBND": "Ủy ban nhân dân",
    "HĐND": "Hội đồng nhân dân",
    "TP": "thành phố",
    "TP.": "thành phố",
}

# Words that put a place name after an agency's generic name ("Sở Xây dựng | tỉnh | Hải Dương").
PLACE_MARKERS = r"tỉnh|thành phố|huyện|thị xã|quận|xã|phường|thị trấn"

# Signing forms (Điều 8.2 of Nghị định 30/2020/NĐ-CP).
SIGNING_PREFIXES: tuple[str, ...] = ("KT", "TM", "Q", "TL", "TUQ")

TERMINAL_PUNCTUATION = ".;:!?…"

# Share of mid-sentence line breaks above which a text counts as hard-wrapped (PDF extraction).
HARD_WRAP_RATIO = 0.25
# A numbered line longer than this is a paragraph, not a section heading.
HEADING_MAX_LENGTH = 80

# ---------------------------------------------------------------------------------------------
# Patterns (compiled from the tables above)

NUMBER_LINE = re.compile(r"^Số\s*:\s*(?P<value>.*?)\s*$")
PLACE_DATE = re.compile(
    r"^(?P<place>[^,\d]+?)\s*,\s*ngày\s*(?P<day>\d{1,2})?\s*tháng\s*(?P<month>\d{1,2})?"
    r"\s*năm\s*(?P<year>\d{4})"
)
PREAMBLE = re.compile(r"^(?:Căn cứ|Thực hiện)\s")
SIGNING = re.compile(r"^(?P<prefix>" + "|".join(SIGNING_PREFIXES) + r")\.\s*(?P<rest>\S.*)$")
RECIPIENTS_HEAD = re.compile(r"^Nơi nhận\s*:?$", re.IGNORECASE)
APPENDIX_NOTE = re.compile(r"^\(\s*Kèm theo\b", re.IGNORECASE)
LIST_ITEM = re.compile(r"^[-+•]\s")
ROMAN_ITEM = re.compile(r"^[IVXL]+\.\s")
NUMBERED_ITEM = re.compile(r"^\d+\.(?:\d+\.?)*\s")
SUBNUMBERED_ITEM = re.compile(r"^\d+\.\d+\.?\s")
LETTER_ITEM = re.compile(r"^[a-zđ][.)]\s")
YEAR_IN_TITLE = re.compile(r"\bnăm\s+(\d{4})\b", re.IGNORECASE)
ISSUER_IN_TEXT = re.compile(
    r"(?:^|[;,.]\s*)(?P<body>(?:Sở|Ủy ban nhân dân|UBND|Phòng|Ban)\s[^;,.:()\n]*?)\s+(?:xây dựng|ban hành)"
    r"\s+kế hoạch",
    re.IGNORECASE,
)
ISSUER_IN_TITLE = re.compile(
    r"\bcủa\s+(?P<body>(?:Sở|Ủy ban nhân dân|UBND)\s.+?)(?:\s+năm\s+\d{4}|$)", re.IGNORECASE
)


# ---------------------------------------------------------------------------------------------
# Small pieces, each tested on the real forms


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


def parse_number(value: str) -> str | None:
    """ "02 /KH-UBND" -> "02/KH-UBND"; a blank number ("/KH-SXD") -> None."""
    compact = re.sub(r"\s*([/-])\s*", r"\1", value.strip())
    if not re.match(r"^\w*\d\w*/", compact):
        return None
    return compact


def parse_place_date(line: str) -> tuple[str, PartialDate | None] | None:
    """ "Hải Dương, ngày tháng 01 năm 2025" -> ("Hải Dương", 2025-01); blanks stay unknown."""
    m = PLACE_DATE.match(strip_markup(line))
    if not m:
        return None
    day = int(m["day"]) if m["day"] else None
    month = int(m["month"]) if m["month"] else None
    if day is not None and month is None:
        day = None  # a day without its month says nothing usable
    try:
        date = PartialDate.of(int(m["year"]), month, day)
    except ValueError:  # "ngày 31 tháng 02": the place stands, the date is for a person
        date = None
    return m["place"].strip(), date


def split_type(line: str) -> tuple[str, str] | None:
    """ "KẾ HOẠCH TUYÊN TRUYỀN Cải cách …" -> ("Kế hoạch", "TUYÊN TRUYỀN Cải cách …")."""
    text = strip_markup(line)
    for doc_type in HEADER_TYPES:
        head = doc_type.upper()
        if text == head or text.startswith(head + " "):
            return doc_type, text[len(head) :].strip()
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
    out = [w.lower() if is_upper(w) or (len(w) == 1 and w.isupper()) else w for w in words]
    result = " ".join(out)
    for name in names:
        result = re.sub(rf"(?<!\w){re.escape(name)}(?!\w)", name, result, flags=re.IGNORECASE)
    return result[:1].upper() + result[1:]


def title_case_position(line: str) -> str:
    """ "PHÓ GIÁM ĐỐC" -> "Phó Giám đốc"; "ỦY BAN NHÂN DÂN" -> "Ủy ban nhân dân"."""
    text = line.strip().lower()
    text = text[:1].upper() + text[1:]
    if text.startswith("Phó ") and len(text) > 4:
        text = text[:4] + text[4].upper() + text[5:]
    return text


def signer_title(prefix: str, lines: list[str]) -> str:
    """("KT", ["GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]) -> "KT. Giám đốc, Phó Giám đốc"."""
    return f"{prefix}. " + ", ".join(title_case_position(line) for line in lines)


def recipient(line: str) -> str:
    """ "- UBND tỉnh (để b/c);" -> "UBND tỉnh (để b/c)"."""
    text = strip_markup(line)
    text = LIST_ITEM.sub("", text).strip()
    return text.rstrip(";,. ").strip()


def markdown_table(rows: list[list[str]]) -> str:
    """Tab-separated rows (the first is the header, kept as written) as a Markdown table."""
    width = max(len(r) for r in rows)

    def cell(text: str) -> str:
        return re.sub(r"\s+", " ", text).strip().replace("|", "\\|")

    lines = []
    for i, row in enumerate(rows):
        cells = [cell(c) for c in row] + [""] * (width - len(row))
        lines.append("| " + " | ".join(cells) + " |")
        if i == 0:
            lines.append("|" + "|".join([" --- "] * width) + "|")
    return "\n".join(lines)


def looks_like_heading(text: str) -> bool:
    """A section title: "I. MỤC ĐÍCH, YÊU CẦU", "1.1. Nội dung tuyên truyền", an all-caps line."""
    if not text:
        return False
    if ROMAN_ITEM.match(text) and is_upper(text):
        return True
    if NUMBERED_ITEM.match(text) and not LETTER_ITEM.match(text):
        return len(text) <= HEADING_MAX_LENGTH and text[-1] not in ".;,"
    return is_upper(text)


def heading_level(text: str) -> int:
    """Level from the numbering: I. -> 2, 1. -> 3, 1.1. -> 4; unnumbered titles -> 2."""
    if ROMAN_ITEM.match(text):
        return 2
    if SUBNUMBERED_ITEM.match(text):
        return 4
    if NUMBERED_ITEM.match(text):
        return 3
    return 2


def starts_item(text: str) -> bool:
    return bool(
        LIST_ITEM.match(text)
        or ROMAN_ITEM.match(text)
        or NUMBERED_ITEM.match(text)
        or LETTER_ITEM.match(text)
    )


def ends_sentence(text: str) -> bool:
    return bool(text) and text[-1] in TERMINAL_PUNCTUATION


def is_hard_wrapped(lines: list[str]) -> bool:
    """True when many lines break mid-sentence and go on in lower case: a PDF's layout."""
    texts = [strip_markup(line) for line in lines if line.strip() and "\t" not in line]
    if len(texts) < 4:
        return False
    breaks = sum(
        1
        for prev, cur in zip(texts, texts[1:], strict=False)
        if not ends_sentence(prev) and not looks_like_heading(prev) and cur[:1].islower()
    )
    return breaks / len(texts) >= HARD_WRAP_RATIO


# ---------------------------------------------------------------------------------------------
# Body: lines -> blocks -> Markdown


@dataclass
class _Para:
    text: str  # as written, markup kept, lines joined by a space
    heading: bool = False  # marked as a heading in the source (#)
    open_caps: bool = False  # ends with an all-caps line that the next line may continue


def _continues(prev: _Para, line: str, after_blank: bool, hard_wrapped: bool) -> bool:
    """Whether ``line`` goes on with the paragraph ``prev`` rather than starting a new one."""
    plain, prev_plain = strip_markup(line), strip_markup(prev.text)
    if prev.heading:
        return False
    if is_upper(plain):
        # An all-caps title broken over lines with no blank between them.
        return prev.open_caps and not after_blank
    if is_upper(prev_plain):
        return False
    if plain[:1].islower() and not starts_item(plain):
        # Lower case goes on with the sentence unless one clearly ended ("; " often breaks
        # a list item across lines in a PDF).
        return not prev_plain.endswith((".", "!", "?"))
    if ends_sentence(prev_plain):
        return False
    return (
        hard_wrapped
        and not starts_item(plain)
        and not plain.startswith("(")
        and not looks_like_heading(prev_plain)
    )


def _join(lines: list[str], hard_wrapped: bool) -> list[_Para]:
    """Group text lines into paragraphs, joining the lines a layout broke mid-sentence."""
    paras: list[_Para] = []
    after_blank = False
    for raw in lines:
        if not raw.strip():
            after_blank = True
            continue
        marked = bool(re.match(r"^\s*#{1,6}\s", raw))
        line = re.sub(r"^\s*#{1,6}\s+", "", raw).strip()
        caps = is_upper(strip_markup(line))
        if paras and not marked and _continues(paras[-1], line, after_blank, hard_wrapped):
            paras[-1].text += " " + line
            paras[-1].open_caps = caps
        else:
            paras.append(_Para(line, heading=marked, open_caps=caps))
        after_blank = False
    return paras


def _render_paras(paras: list[_Para]) -> list[str]:
    """Headings get their level from the numbering; an all-caps title over "(Kèm theo …)" is
    the appendix's heading; everything else stays as written."""
    blocks = []
    for i, para in enumerate(paras):
        plain = strip_markup(para.text)
        following = strip_markup(paras[i + 1].text) if i + 1 < len(paras) else ""
        numbered = bool(ROMAN_ITEM.match(plain) or NUMBERED_ITEM.match(plain))
        if (
            para.heading
            or (is_upper(plain) and bool(APPENDIX_NOTE.match(following)))
            or (numbered and looks_like_heading(plain))
        ):
            blocks.append("#" * heading_level(plain) + " " + plain)
        else:
            blocks.append(para.text)
    return blocks


# ---------------------------------------------------------------------------------------------
# The whole document


@dataclass
class Imported:
    """What the importer read from one source text."""

    fields: dict[str, Any] = field(default_factory=dict)
    body: str = ""
    warnings: list[str] = field(default_factory=list)
    issuing_body: str | None = None  # the issuer's name as the text writes it


def _find(lines: list[str], predicate, start: int = 0) -> int | None:
    for i in range(start, len(lines)):
        if predicate(strip_markup(lines[i])):
            return i
    return None


def parse_header(lines: list[str]) -> dict[str, Any]:
    """Số, địa danh + ngày, loại + trích yếu from the lines before the preamble."""
    out: dict[str, Any] = {
        "number": None,
        "number_line": None,
        "place": None,
        "date": None,
        "date_line": None,
        "doc_type": None,
        "title": [],
        "warnings": [],
    }
    type_seen = False
    for line in lines:
        text = strip_markup(line)
        if not text:
            continue
        if not type_seen and (m := NUMBER_LINE.match(text)):
            out["number"] = parse_number(m["value"])
            out["number_line"] = text
            continue
        if not type_seen and (pd := parse_place_date(text)):
            out["place"], out["date"] = pd
            out["date_line"] = text
            if out["date"] is None:
                out["warnings"].append(f"ngày không tồn tại: «{text}»")
            continue
        if not type_seen and (st := split_type(text)):
            out["doc_type"], rest = st
            type_seen = True
            if rest:
                out["title"].append(rest)
            continue
        if type_seen:
            out["title"].append(text)
    return out


def parse_signature(lines: list[str]) -> tuple[int, int, str | None, str | None] | None:
    """Find "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC / Họ tên": (start, end, chức danh, người ký)."""
    for i, line in enumerate(lines):
        m = SIGNING.match(strip_markup(line))
        if not m or not is_upper(m["rest"]):
            continue
        titles = [m["rest"]]
        name = None
        j = i + 1
        while j < len(lines):
            text = strip_markup(lines[j])
            j += 1
            if not text:
                continue
            if is_upper(text):
                titles.append(text)
                continue
            name = text
            break
        return i, j, signer_title(m["prefix"], titles), name
    return None


def parse_recipients(lines: list[str]) -> tuple[int, int, list[str]] | None:
    """Find "Nơi nhận:" and its list: (start, end, one item per line)."""
    start = _find(lines, lambda t: bool(RECIPIENTS_HEAD.match(t)))
    if start is None:
        return None
    items: list[str] = []
    end = start + 1
    for j in range(start + 1, len(lines)):
        text = strip_markup(lines[j])
        if not text:
            continue
        if not LIST_ITEM.match(text):
            break
        items.append(recipient(text))
        end = j + 1
    return start, end, items


def convert_body(lines: list[str], header: dict[str, Any]) -> str:
    """The Markdown body: header as written, then the text with headings, tables, signature."""
    blocks: list[str] = []
    if header["number_line"]:
        blocks.append(header["number_line"])
    if header["date_line"]:
        blocks.append(header["date_line"])
    if header["doc_type"]:
        title = " ".join([header["doc_type"].upper(), *header["title"]])
        blocks.append(f"**{title}**")

    hard = is_hard_wrapped(lines)
    sig = parse_signature(lines)
    rec = parse_recipients(lines)
    special: dict[int, tuple[int, str]] = {}
    if sig:
        start, end, _, _ = sig
        written = [strip_markup(x) for x in lines[start:end] if strip_markup(x)]
        special[start] = (end, "\n\n".join(f"**{t}**" for t in written))
    if rec:
        start, end, items = rec
        raw_items = [strip_markup(x) for x in lines[start + 1 : end] if strip_markup(x)]
        head = strip_markup(lines[start])
        special[start] = (end, f"**{head}**\n\n" + "\n".join(raw_items))
        del items

    pending: list[str] = []

    def flush() -> None:
        if pending:
            blocks.extend(_render_paras(_join(pending, hard)))
            pending.clear()

    i = 0
    while i < len(lines):
        if i in special:
            flush()
            end, block = special[i]
            blocks.append(block)
            i = end
            continue
        if "\t" in lines[i]:
            flush()
            rows = []
            while i < len(lines) and "\t" in lines[i]:
                rows.append(lines[i].split("\t"))
                i += 1
            blocks.append(markdown_table(rows))
            continue
        pending.append(lines[i])
        i += 1
    flush()
    return "\n\n".join(blocks) + "\n"


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


def parent_plans(
    text: str, agency: str | None, year: int | None, date: PartialDate | None, root: Path | None
) -> tuple[list[str], list[str]]:
    """Ids of what the preamble names (can_cu) and of the plans among them (thuc_hien)."""
    registry = None
    if root is not None:
        try:
            corpus = read_repository(root)
            registry = Registry.from_records(corpus.documents(), corpus.agencies)
        except Exception:  # noqa: BLE001 — a broken repository must not stop an import
            registry = None
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


def import_text(
    text: str,
    *,
    source_name: str,
    agencies: dict[str, Agency],
    agency: str | None = None,
    root: Path | None = None,
) -> Imported:
    """Read one plan text (already decoded and NFC) into front-matter fields and a body."""
    result = Imported()
    lines = [line.rstrip() for line in text.split("\n")]
    preamble = _find(lines, lambda t: bool(PREAMBLE.match(t)))
    if preamble is None:
        result.warnings.append("không tìm thấy phần mở đầu (“Căn cứ …” / “Thực hiện …”)")
        preamble = 0
    header = parse_header(lines[:preamble])
    result.warnings.extend(header["warnings"])
    names = proper_names(agencies)
    summary = sentence_case(" ".join(header["title"]), names) if header["title"] else None
    body_lines = lines[preamble:]
    body = convert_body(body_lines, header)
    result.body = body

    paragraphs = [p for p in body.split("\n\n")[:8] if p and not p.startswith("#")]
    issuing = find_issuing_body(paragraphs, summary or "")
    result.issuing_body = issuing
    date: PartialDate | None = header["date"]
    year = date.year if date else None
    if year is None and summary and (m := YEAR_IN_TITLE.search(summary)):
        year = int(m[1])
    agency_id = agency or match_agency(issuing, header["place"], agencies, date)
    if agency_id is None:
        result.warnings.append(
            "không xác định được cơ quan ban hành"
            + (f" (“{issuing}”)" if issuing else "")
            + "; dùng --agency"
        )
    sig = parse_signature(body_lines)
    rec = parse_recipients(body_lines)
    bases, parents = parent_plans(body, agency_id, year, date, root)
    f = result.fields
    f["id"] = derive_id(agency_id, year, summary or "", Path(source_name).stem)
    f["so_ky_hieu"] = header["number"]
    f["loai_van_ban"] = header["doc_type"] or "Kế hoạch"
    f["trich_yeu"] = summary
    f["co_quan_ban_hanh"] = agency_id
    f["dia_danh"] = header["place"]
    f["ngay_ban_hanh"] = date.iso if date else None
    f["nam"] = year
    f["tinh_trang"] = "ban_hanh" if (sig and sig[3]) or header["number"] else "du_thao"
    f["nguoi_ky"] = sig[3] if sig else None
    f["chuc_danh"] = sig[2] if sig else None
    f["thuc_hien"] = parents
    f["can_cu"] = bases
    f["noi_nhan"] = rec[2] if rec else []
    f["nguon"] = source_name
    return result


# ---------------------------------------------------------------------------------------------
# Writing


def _scalar(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    text = str(value)
    if re.fullmatch(r"(?=[a-z0-9_-]*[a-z])[a-z0-9_]+(?:-[a-z0-9]+)*", text) and text not in (
        "null",
        "true",
        "false",
        "yes",
        "no",
        "on",
        "off",
    ):
        return text  # ids and keys read best unquoted
    return json.dumps(text, ensure_ascii=False)


def _emit(key: str, value: Any, indent: str, out: list[str]) -> None:
    if isinstance(value, dict):
        out.append(f"{indent}{key}:")
        for k, v in value.items():
            _emit(k, v, indent + "  ", out)
    elif isinstance(value, list):
        if not value:
            out.append(f"{indent}{key}: []")
            return
        out.append(f"{indent}{key}:")
        for item in value:
            if isinstance(item, dict):
                first = True
                for k, v in item.items():
                    prefix = indent + ("  - " if first else "    ")
                    if isinstance(v, list) and all(isinstance(x, str) for x in v):
                        out.append(f"{prefix}{k}: [" + ", ".join(_scalar(x) for x in v) + "]")
                    else:
                        sub: list[str] = []
                        _emit(k, v, "", sub)
                        out.append(prefix + sub[0])
                        out.extend(indent + "    " + line for line in sub[1:])
                    first = False
            else:
                out.append(f"{indent}  - {_scalar(item)}")
    else:
        out.append(f"{indent}{key}: {_scalar(value)}")


def format_front_matter(data: dict[str, Any], order: tuple[str, ...] = FIELD_ORDER) -> str:
    """YAML front-matter, keys in ``order`` then the rest; strings other than ids quoted."""
    keys = [k for k in order if k in data] + [k for k in data if k not in order]
    out = ["---"]
    for key in keys:
        _emit(key, data[key], "", out)
    out.append("---")
    return "\n".join(out) + "\n"


def render(fields: dict[str, Any], body: str) -> str:
    return format_front_matter(fields) + "\n" + body


def read_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """(front-matter, body) of a plan file, dates kept as the strings written."""
    front, _ = parse_front_matter(text)
    if front is None or not isinstance(front.data, dict):
        return {}, text
    return front.data, front.body.removeprefix("\n")


def merge(imported: dict[str, Any], existing: dict[str, Any]) -> dict[str, Any]:
    """Derived fields from the import, everything else as the person left it."""
    merged = dict(existing)
    for key in DERIVED_FIELDS:
        merged[key] = imported.get(key)
    return merged


def default_provenance(fields: dict[str, Any], source_name: str) -> list[dict[str, Any]]:
    derived = [k for k in DERIVED_FIELDS if fields.get(k) not in (None, [], "")]
    return [
        {
            "truong": derived,
            "nguon": f"Trích tự động từ tệp {source_name} (cchc import); chưa đối chiếu",
            "da_kiem_tra": False,
        }
    ]


def target_path(out: Path, fields: dict[str, Any]) -> Path:
    if fields.get("co_quan_ban_hanh") and fields.get("nam"):
        return out / fields["co_quan_ban_hanh"] / str(fields["nam"]) / f"{fields['id']}.md"
    return out / f"{fields['id']}.md"


def import_file(
    source: Path,
    out: Path | None,
    *,
    agencies: dict[str, Agency],
    agency: str | None = None,
    root: Path | None = None,
) -> tuple[Imported, str, Path | None]:
    """Import one file; write it (and copy the source beside it) unless ``out`` is None."""
    text = read_text(source.read_bytes())
    imported = import_text(
        text, source_name=source.name, agencies=agencies, agency=agency, root=root
    )
    fields = dict(imported.fields)
    path = target_path(out, fields) if out is not None else None
    if path is not None and path.exists():
        existing, _ = read_front_matter(read_text(path.read_bytes()))
        fields = merge(fields, existing)
    else:
        fields["nguon_thong_tin"] = default_provenance(fields, source.name)
    content = render(fields, imported.body)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
        copy = path.parent / source.name
        if source.resolve() != copy.resolve():
            shutil.copyfile(source, copy)
    return imported, content, path


# ---------------------------------------------------------------------------------------------
# Command line


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", type=Path, metavar="TỆP", help="tệp .txt hoặc .md")
    parser.add_argument(
        "--out",
        required=True,
        help="thư mục đích (thường là plans/); '-' để in ra màn hình",
    )
    parser.add_argument("--agency", help="mã cơ quan ban hành khi văn bản không ghi rõ")
    parser.add_argument(
        "--root", type=Path, default=Path("."), help="thư mục kho dữ liệu (có plans/agencies.yml)"
    )


def run(args: argparse.Namespace) -> int:
    agencies, diagnostics = load_agencies(args.root)
    for diag in diagnostics:
        print(diag.format(), file=sys.stderr)
    out = None if args.out == "-" else Path(args.out)
    status = 0
    for source in args.files:
        if source.suffix.lower() not in (".txt", ".md"):
            print(f"{source}: error: import-format: chưa hỗ trợ định dạng này", file=sys.stderr)
            status = 1
            continue
        imported, content, path = import_file(
            source, out, agencies=agencies, agency=args.agency, root=args.root
        )
        for warning in imported.warnings:
            print(f"{source}:1: warning: import: {warning}", file=sys.stderr)
        if path is None:
            sys.stdout.write(content)
        else:
            print(f"{source} -> {path}", file=sys.stderr)
    return status
