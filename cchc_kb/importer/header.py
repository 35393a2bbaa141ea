"""The header of an administrative document (Nghị định 30/2020/NĐ-CP, Điều 8).

Issuing body and its parent, số ký hiệu, địa danh and date, loại and trích yếu, read from the
lines before the preamble. Real headers are a two-column table that reaches plain text in many
shapes: flattened into one line with ``|`` between the cells, a date broken across lines, the
number after the place-date line. So the header's cells are joined into one stream, with a
boundary mark between cells, and each field is searched in the stream rather than line by line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..cite.tables import DOC_TYPES, TYPE_ABBREVIATIONS
from ..model.models import PartialDate
from .lines import ROMAN_ITEM, is_upper, strip_markup

# Boundary between two cells of the header (never in a real text: it is a private-use sign).
CELL = "\ue000"
_GAP = rf"[\s{CELL}]*"
# Stands in the stream where the number or the date was, so cells keep their order.
FIELD_MARK = "\ue001"

# Headers never run longer than this many lines; past it the text is the body.
HEADER_MAX_LINES = 40

# The national motto (quốc hiệu và tiêu ngữ), which sits in the header's right-hand column.
MOTTO_PHRASES: tuple[str, ...] = (
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
)

# Lines that end the header: the preamble, a salutation, the first section of the body.
HEADER_END = re.compile(
    r"^(?:Căn cứ|Thực hiện|Triển khai|Theo đề nghị|Kính gửi|Điều 1\.|Phần I\b)"
)

# First words of a unit's name that start a new unit in the issuer block ("UBND TỈNH X" over
# "SỞ XÂY DỰNG": the parent above, the issuing body below).
UNIT_WORDS: tuple[str, ...] = (
    "SỞ",
    "PHÒNG",
    "BAN",
    "VĂN PHÒNG",
    "CỤC",
    "VỤ",
    "CHI CỤC",
    "TRUNG TÂM",
    "THANH TRA",
    "TRƯỜNG",
    "BỆNH VIỆN",
    "TỔNG CỤC",
)

# Header type words, longest first, upper-case as printed ("KẾ HOẠCH", "QUYẾT ĐỊNH").
HEADER_TYPES: tuple[str, ...] = tuple(
    sorted((t for t in DOC_TYPES if t != "Văn bản"), key=lambda t: (-len(t), t))
)

_SYMBOL_PART = r"[0-9A-ZĐ][0-9A-Za-zĐđ.]*"
NUMBER = re.compile(
    rf"(?<!\w)Số{_GAP}:?{_GAP}(?P<value>(?:\d[\d.]*)?\s*/\s*{_SYMBOL_PART}"
    rf"(?:\s*[/-]\s*{_SYMBOL_PART})*)"
)
PLACE_DATE = re.compile(
    rf"(?:^|{CELL})\s*(?P<place>[^{CELL},:;\d]+?)\s*,?{_GAP}ngày(?:{_GAP}(?P<day>\d{{1,2}}))?"
    rf"{_GAP}tháng(?:{_GAP}(?P<month>\d{{1,2}}))?{_GAP}năm{_GAP}(?P<year>\d{{4}})"
)
# A cell that cannot be part of a title: a sentence that opens with a date, a lead-in line.
TITLE_END = re.compile(r"^(?:Ngày \d|.*:$)")
TITLE_MAX_CELL = 300
SUBJECT_LINE = re.compile(r"^V/v\b")
DASHES_ONLY = re.compile(r"^[-–—_=.\s]*$")


def _spread(phrase: str) -> re.Pattern[str]:
    """A phrase whose words may be split across cells or lines, hyphens optional."""
    words = [re.escape(w) for w in phrase.replace("-", " ").split()]
    words = [w.replace("HÒA", "H(?:ÒA|OÀ)") for w in words]
    return re.compile(rf"{_GAP}[-–]?{_GAP}".join(words), re.IGNORECASE)


_MOTTO = tuple(_spread(p) for p in MOTTO_PHRASES)


@dataclass
class Header:
    number: str | None = None  # số ký hiệu as printed, spaces closed; None when left blank
    number_text: str | None = None  # "Số: …" as printed
    place: str | None = None
    date: PartialDate | None = None
    date_text: str | None = None  # "<place>, ngày … năm …" as printed
    doc_type: str | None = None  # from the type line, else from the symbol
    title: list[str] = field(default_factory=list)
    issuer: str | None = None  # the issuing body as printed (capitals), cells joined
    parent: str | None = None  # its parent body (cơ quan chủ quản), when printed above it
    subject: str | None = None  # "V/v …" of a công văn
    end: int = 0  # index of the first line after the header
    warnings: list[str] = field(default_factory=list)


def parse_number(value: str) -> str | None:
    """ "02 /KH-UBND" -> "02/KH-UBND"; a blank number ("/KH-SXD") -> None."""
    compact = re.sub(r"\s*([/-])\s*", r"\1", value.strip())
    if not re.match(r"^\w*\d\w*/", compact):
        return None
    return compact


def _date(day: str | None, month: str | None, year: str) -> PartialDate | None:
    d = int(day) if day else None
    m = int(month) if month else None
    if d is not None and m is None:
        d = None  # a day without its month says nothing usable
    try:
        return PartialDate.of(int(year), m, d)
    except ValueError:  # "ngày 31 tháng 02": the place stands, the date is for a person
        return None


def parse_place_date(line: str) -> tuple[str, PartialDate | None] | None:
    """ "Hải Dương, ngày tháng 01 năm 2025" -> ("Hải Dương", 2025-01); blanks stay unknown."""
    m = PLACE_DATE.match(strip_markup(line))
    if not m or not m["place"][:1].isupper():
        return None
    return m["place"].strip(), _date(m["day"], m["month"], m["year"])


def split_type(line: str) -> tuple[str, str] | None:
    """ "KẾ HOẠCH TUYÊN TRUYỀN Cải cách …" -> ("Kế hoạch", "TUYÊN TRUYỀN Cải cách …")."""
    text = strip_markup(line)
    for doc_type in HEADER_TYPES:
        head = doc_type.upper()
        if text == head or text.startswith(head + " "):
            return doc_type, text[len(head) :].strip()
    return None


def type_from_symbol(number: str | None) -> str | None:
    """ "288/QĐ-BYT" -> "Quyết định": the type part of a symbol (Phụ lục III, NĐ 30/2020)."""
    if not number or "/" not in number:
        return None
    for part in re.split(r"[/-]", number.split("/", 1)[1]):
        if part in TYPE_ABBREVIATIONS:
            return TYPE_ABBREVIATIONS[part]
    return None


def _cells(lines: list[str]) -> list[tuple[int, str]]:
    """(line index, text) of every non-empty cell; ``|`` separates cells within a line."""
    out = []
    for i, line in enumerate(lines):
        for part in line.split("|"):
            text = strip_markup(part)
            if text and not DASHES_ONLY.match(text):
                out.append((i, text))
    return out


def header_end(lines: list[str]) -> int:
    """Index of the line that ends the header (preamble, salutation, first section)."""
    for i, line in enumerate(lines[:HEADER_MAX_LINES]):
        text = strip_markup(line)
        if HEADER_END.match(text) or (ROMAN_ITEM.match(text) and i > 0):
            return i
    return min(len(lines), HEADER_MAX_LINES)


def _issuer_units(cells: list[str]) -> list[str]:
    """Upper-case cells before the number/date/type, grouped into units of the issuer block."""
    units: list[str] = []
    for text in cells:
        starts_unit = any(text == w or text.startswith(w + " ") for w in UNIT_WORDS)
        if units and not starts_unit:
            units[-1] += " " + text
        else:
            units.append(text)
    return units


def _repeats_issuer(text: str, issuer: str) -> bool:
    """ "BỘ TRƯỞNG BỘ Y TẾ" under a header of "BỘ Y TẾ": the authority line of a decision."""
    upper, name = text.upper(), issuer.upper()
    return is_upper(text) and (
        upper.startswith(name) or (upper.endswith(name) and " CỦA " not in upper)
    )


def parse_header(lines: list[str]) -> Header:
    """Read the header from the first lines of a document (see the module's docstring)."""
    header = Header(end=header_end(lines))
    cells = _cells(lines[: header.end])
    stream = CELL.join(text for _, text in cells)
    for motto in _MOTTO:
        stream = motto.sub(CELL, stream)

    if m := NUMBER.search(stream):
        header.number_text = "Số: " + re.sub(r"\s+", " ", m["value"].replace(CELL, " ")).strip()
        header.number = parse_number(m["value"].replace(CELL, " "))
        stream = stream[: m.start()] + CELL + FIELD_MARK + CELL + stream[m.end() :]
    elif m := re.search(rf"(?<!\w)Số{_GAP}:", stream):  # "Số:" with nothing legible after it
        header.number_text = "Số:"
        stream = stream[: m.start()] + CELL + FIELD_MARK + CELL + stream[m.end() :]

    if m := PLACE_DATE.search(stream):
        header.place = m["place"].strip()
        header.date = _date(m["day"], m["month"], m["year"])
        header.date_text = re.sub(rf"[\s{CELL}]+", " ", m.group(0)).strip(CELL + " ")
        if header.date is None:
            header.warnings.append(f"ngày không tồn tại: «{header.date_text}»")
        stream = stream[: m.start()] + CELL + FIELD_MARK + CELL + stream[m.end() :]

    rest = [c.strip() for c in stream.split(CELL) if c.strip() and not DASHES_ONLY.match(c)]
    marks = [k for k, text in enumerate(rest) if text == FIELD_MARK]
    before = rest[: marks[0]] if marks else []
    after = rest[marks[-1] + 1 :] if marks else rest
    units = _issuer_units([t for t in before if is_upper(t)])
    for k, text in enumerate(rest):
        if SUBJECT_LINE.match(text):
            words = [text]
            for following in rest[k + 1 :]:
                if following == FIELD_MARK or is_upper(following):
                    break
                words.append(following)
            header.subject = " ".join(words)
            after = [t for t in after if t not in words]
            break

    type_at = next((k for k, text in enumerate(after) if split_type(text)), None)
    if type_at is not None:
        header.doc_type, first = split_type(after[type_at])
        title_cells = ([first] if first else []) + after[type_at + 1 :]
    else:
        title_cells = [t for t in after if is_upper(t)]
    for text in title_cells:
        if units and _repeats_issuer(text, units[-1]):
            break  # the issuer's name again, above the preamble of a decision
        if TITLE_END.match(text) or len(text) > TITLE_MAX_CELL:
            break  # prose after a title: a portal's summary, the opening sentence
        header.title.append(text)
    if not header.doc_type:
        header.doc_type = type_from_symbol(header.number)
    if not header.doc_type and header.subject:
        header.doc_type = "Công văn"
    if units:
        header.issuer = units[-1]
        if len(units) > 1:
            header.parent = units[-2]
    return header
