"""Where each fact of a legal page comes from, in words a citizen reads: "Đã đối chiếu với …"
(the source's addresses as links) or "Chưa kiểm tra: …", and "Nguồn khác ghi …" where sources
disagree. The record's ``nguon_thong_tin`` says it; nothing here guesses."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from markupsafe import Markup

from ..model.models import Document, LegalDoc, PartialDate, Provenance
from ..model.slug import is_safe_id
from .common import FIELD_LABELS, Links, date_vi, mid_sentence
from .fragments import join, link
from .render import fragment

# The facts of a legal record, in the order the page shows them; relations follow.
FACT_FIELDS = (
    "so_ky_hieu",
    "loai_van_ban",
    "co_quan_ban_hanh",
    "ngay_ban_hanh",
    "ngay_co_hieu_luc",
    "trich_yeu",
    "tinh_trang_hieu_luc",
)
DATE_FIELDS = frozenset({"ngay_ban_hanh", "ngay_co_hieu_luc"})

CHECKED = "Đã đối chiếu với "
UNCHECKED = "Chưa kiểm tra: "
NO_SOURCE = "Chưa kiểm tra: không ghi nguồn."
OTHER_READING = "Nguồn khác ghi "

# In a source's text: a web address (only http and https become links; trailing punctuation
# is the sentence's): group 1; or a record id, linked when the repository knows it.
_SOURCE_TOKEN = re.compile(r"(https?://[^\s<>\"]+[^\s<>\".,;:)])|(\b[a-z0-9]+(?:-[a-z0-9]+)+\b)")


def provenance_of(doc: Document, field_name: str) -> list[Provenance]:
    """The ``nguon_thong_tin`` entries a fact rests on: the checked ones when a source was
    checked (an unchecked entry then only says where the value was first read), else all."""
    entries = [p for p in doc.provenance if field_name in p.fields]
    checked = [p for p in entries if p.checked]
    return checked or entries


def source_text(text: str, links: Links) -> Markup:
    """A source as written, its web addresses and the records it names turned into links."""
    parts: list[object] = []
    position = 0
    for match in _SOURCE_TOKEN.finditer(text):
        token, before = match.group(), text[position : match.start()]
        if match.group(1):
            host = (urlsplit(token).hostname or token).removeprefix("www.")
            parts += [before, link(token, host, rel="external noopener")]
        else:
            record = links.corpus.document(token) if is_safe_id(token) else None
            if record is None:
                continue
            named = record.doc_type.lower() + " "  # "trong kế hoạch <id>": the link names it
            if before.lower().endswith(named):
                before = before[: -len(named)]
            parts += [before, links.doc(record)]
        position = match.end()
    parts.append(text[position:])
    return join(parts)


def source_lines(doc: Document, field_name: str, links: Links) -> tuple[list[Markup], bool]:
    """ "Đã đối chiếu với …" or "Chưa kiểm tra: …", one per source of a fact, and whether the
    fact is checked."""
    entries = provenance_of(doc, field_name)
    if not entries:
        return [Markup.escape(NO_SOURCE)], False
    checked = entries[0].checked
    lead = CHECKED if checked else UNCHECKED
    return [join([lead, source_text(mid_sentence(p.source), links)]) for p in entries], checked


def other_readings(doc: Document, field_name: str, links: Links) -> list[Markup]:
    """ "Nguồn khác ghi 09 tháng 5 năm 2018: …" for each other reading of the fact."""
    out = []
    for reading in getattr(doc, "alternatives", []):
        if reading.field != field_name:
            continue
        value = reading.value or "không có giá trị này"
        if field_name in DATE_FIELDS and reading.value:
            value = date_vi(PartialDate.parse(reading.value), reading.value)
        out.append(
            join([OTHER_READING, value, ": ", source_text(mid_sentence(reading.source), links)])
        )
    return out


def fact(doc: Document, field_name: str, value: object, links: Links) -> Markup:
    """A fact's value with its source line and the other readings under it."""
    sources, checked = source_lines(doc, field_name, links)
    others = other_readings(doc, field_name, links)
    return fragment("fact.html", value=value, sources=sources, checked=checked, others=others)


def unchecked_facts(doc: LegalDoc) -> list[str]:
    """Names of the facts no source was checked for, in page order."""
    fields = [*FACT_FIELDS, *doc.relations]
    if doc.misquotes:
        fields.append("trich_dan_sai")
    return [
        FIELD_LABELS.get(name, name)
        for name in fields
        if not any(p.checked for p in provenance_of(doc, name))
    ]
