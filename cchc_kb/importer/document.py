"""One document's text → front-matter fields and a Markdown body."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .agency import (
    YEAR_IN_TITLE,
    Registries,
    derive_id,
    find_issuing_body,
    match_agency,
    preamble_citations,
    proposed_agency,
)
from .body import convert_body
from .header import NUMBER, Header, parse_header, parse_number
from .lines import find_line, proper_names, sentence_case, strip_markup
from .signature import parse_recipients, parse_signature, unfold_side_by_side

PREAMBLE = re.compile(r"^(?:Căn cứ|Thực hiện)\s")


def own_plan_number(lines: list[str], header: Header) -> str | None:
    """The plan's own "Số: …/KH-…" further down a file headed by another document (the
    Quyết định that issues it); None when the file is the plan itself or the plan has none."""
    if header.doc_type in (None, "Kế hoạch"):
        return None
    for line in lines:
        if (m := NUMBER.search(strip_markup(line))) and "KH" in m["value"]:
            return parse_number(m["value"])
    return None


@dataclass
class Imported:
    """What the importer read from one source text."""

    fields: dict[str, Any] = field(default_factory=dict)
    body: str = ""
    warnings: list[str] = field(default_factory=list)
    issuing_body: str | None = None  # the issuer's name as the text writes it
    header: Header | None = None
    proposed_agency: str | None = None  # a registry entry to add, when the issuer is unknown


def import_text(
    text: str,
    *,
    source_name: str,
    registries: Registries,
    agency: str | None = None,
) -> Imported:
    """Read one document text (already decoded and NFC) into front-matter fields and a body."""
    agencies = registries.agencies
    result = Imported()
    lines = unfold_side_by_side([line.rstrip() for line in text.split("\n")])
    header = parse_header(lines)
    result.header = header
    result.warnings.extend(header.warnings)
    preamble = find_line(lines, lambda t: bool(PREAMBLE.match(t)))
    if preamble is None:
        result.warnings.append("không tìm thấy phần mở đầu (“Căn cứ …” / “Thực hiện …”)")
    start = preamble if preamble is not None and preamble <= header.end else header.end
    names = proper_names(agencies)
    summary = sentence_case(" ".join(header.title), names) if header.title else None
    if summary is None and header.subject:
        summary = re.sub(r"^V/v\s*", "", header.subject)
        summary = summary[:1].upper() + summary[1:]
    body_lines = lines[start:]
    result.body = convert_body(body_lines, header)

    paragraphs = [p for p in result.body.split("\n\n")[:8] if p and not p.startswith("#")]
    date = header.date
    year = date.year if date else None
    if year is None and summary and (m := YEAR_IN_TITLE.search(summary)):
        year = int(m[1])
    agency_id = agency
    if agency_id is None and header.issuer:
        agency_id = match_agency(header.issuer, header.place, agencies, date)
        result.issuing_body = header.issuer
    if agency_id is None:
        issuing = find_issuing_body(paragraphs, summary or "")
        result.issuing_body = result.issuing_body or issuing
        agency_id = match_agency(issuing, header.place, agencies, date)
    if agency_id is None:
        result.warnings.append(
            "không xác định được cơ quan ban hành"
            + (f" (“{result.issuing_body}”)" if result.issuing_body else "")
            + "; dùng --agency"
        )
        if result.issuing_body:
            result.proposed_agency = proposed_agency(result.issuing_body, header.parent, agencies)
    sig = parse_signature(body_lines)
    rec = parse_recipients(body_lines)
    bases, parents = preamble_citations(result.body, agency_id, year, date, registries.citations)
    f = result.fields
    f["id"] = derive_id(agency_id, year, summary or "", Path(source_name).stem)
    f["so_ky_hieu"] = header.number
    f["so_ky_hieu_ke_hoach"] = own_plan_number(lines[header.end :], header)
    f["loai_van_ban"] = header.doc_type or "Kế hoạch"
    f["trich_yeu"] = summary
    f["co_quan_ban_hanh"] = agency_id
    f["dia_danh"] = header.place
    f["ngay_ban_hanh"] = date.iso if date else None
    f["nam"] = year
    f["tinh_trang"] = "ban_hanh" if (sig and sig[3]) or header.number else "du_thao"
    f["nguoi_ky"] = sig[3] if sig else None
    f["chuc_danh"] = sig[2] if sig else None
    f["thuc_hien"] = parents
    f["can_cu"] = bases
    f["noi_nhan"] = rec[2] if rec else []
    f["nguon"] = source_name
    return result
