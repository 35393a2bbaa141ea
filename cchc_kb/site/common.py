"""Shared pieces of every page: headings, dates, agency names, badges, links from a page."""

from __future__ import annotations

import functools
import heapq
from dataclasses import dataclass

from markupsafe import Markup

from ..corpus import Corpus
from ..model.collation import sort_key
from ..model.models import Citation, Document, PartialDate, Plan
from ..model.slug import is_safe_id, slugify
from . import urls
from .fragments import link
from .render import fragment

# Labels of front-matter keys, for "chưa được đối chiếu" notes.
FIELD_LABELS = {
    "so_ky_hieu": "số ký hiệu",
    "loai_van_ban": "loại văn bản",
    "trich_yeu": "trích yếu",
    "co_quan_ban_hanh": "cơ quan ban hành",
    "ngay_ban_hanh": "ngày ban hành",
    "ngay_co_hieu_luc": "ngày có hiệu lực",
    "tinh_trang_hieu_luc": "tình trạng hiệu lực",
    "sua_doi_bo_sung": "quan hệ sửa đổi, bổ sung",
    "thay_the": "quan hệ thay thế",
    "huong_dan": "quan hệ hướng dẫn",
    "bai_bo": "quan hệ bãi bỏ",
    "hop_nhat": "quan hệ hợp nhất",
    "nguoi_ky": "người ký",
    "chuc_danh": "chức danh",
    "trich_dan_sai": "trích dẫn sai đã biết",
}

# Words that keep their capital mid-sentence (names: "Luật …", "Chính phủ", "Bộ …", "Ủy ban …").
CAPITALISED_WORDS = ("Luật", "Chính", "Bộ", "Ủy", "Hội", "Thủ")

# CSS class of each validity status: text always says the status, colour only repeats it.
BADGE_CLASS = {
    "Còn hiệu lực": "cchc-badge--ok",
    "Hết hiệu lực toàn bộ": "cchc-badge--ended",
    "Hết hiệu lực một phần": "cchc-badge--partial",
    "Chưa có hiệu lực": "cchc-badge--pending",
    "Ngưng hiệu lực": "cchc-badge--ended",
    "Ngưng hiệu lực một phần": "cchc-badge--partial",
    "Chưa rõ": "cchc-badge--unknown",
}


def heading(doc: Document) -> str:
    """h1 text: type + số ký hiệu, or "(chưa ghi số)" when the text leaves it blank."""
    number = (doc.number or "").strip()
    return f"{doc.doc_type} {number}" if number else f"{doc.doc_type} (chưa ghi số)"


def mid_sentence(text: str) -> str:
    """Text that opens with a capital, to follow other words: "Về …" becomes "về …"; a name
    or a web address keeps its first letter."""
    text = " ".join(text.split())
    if not text or text.startswith("http") or text.split(" ", 1)[0] in CAPITALISED_WORDS:
        return text
    return text[0].lower() + text[1:]


def short_label(doc: Document) -> str:
    """Label of a link to a document: heading plus year when the number has none."""
    label = heading(doc)
    if not doc.number and doc.issued and doc.issued.year:
        label += f" năm {doc.issued.year}"
    elif not doc.number and isinstance(doc, Plan) and doc.year:
        label += f" năm {doc.year}"
    return label


def date_vi(date: PartialDate | None, unknown: str = "không rõ ngày") -> str:
    """The date as documents write it (``PartialDate.vietnamese``), or ``unknown``."""
    return date.vietnamese() if date is not None else unknown


def date_short(date: PartialDate | None) -> str:
    """02/01/2024; partial dates keep their blanks (…/01/2025)."""
    if date is None:
        return "không rõ"
    d = f"{date.day:02d}" if date.day else "…"
    m = f"{date.month:02d}" if date.month else "…"
    y = str(date.year) if date.year else "…"
    return f"{d}/{m}/{y}"


def citation_date(date: PartialDate | None) -> str:
    """Date in the form documents cite, or "" when not even the year is known."""
    return "" if date is None or date.year is None else date.vietnamese()


def date_key(date: PartialDate | None) -> tuple[int, int, int]:
    if date is None:
        return (0, 0, 0)
    return (date.year or 0, date.month or 0, date.day or 0)


def doc_date(doc: Document) -> PartialDate | None:
    if doc.issued:
        return doc.issued
    if isinstance(doc, Plan) and doc.year:
        return PartialDate(doc.year)
    return None


def newest_first(docs: list, first: int | None = None) -> list:
    """Newest first; ties broken by collation of the label so the order is stable. With
    ``first``: only that many, found without sorting the rest."""
    if first is not None:
        return heapq.nsmallest(first, docs, key=_newest_first_key)
    return sorted(docs, key=_newest_first_key)


def _newest_first_key(doc: Document) -> tuple:
    year, month, day = date_key(doc_date(doc))
    return (-year, -month, -day, sort_key(short_label(doc)), doc.id)


def agency_name(corpus: Corpus, agency_id: str | None) -> str:
    if not agency_id:
        return "không rõ"
    agency = corpus.agencies.get(agency_id)
    return agency.name if agency else agency_id


@dataclass(frozen=True)
class Links:
    """Links from one page (``here``, a source path), relative under the site's URL scheme."""

    corpus: Corpus
    scheme: urls.UrlScheme
    here: str

    def href(self, to: str) -> str:
        return self.scheme.relative_url(self.here, to)

    def to(self, to: str, text: object, **attrs: str | bool | None) -> Markup:
        """A link to a source path (``*.md``) or a site file."""
        return link(self.href(to), text, **attrs)

    def doc(self, doc: Document, label: str | None = None) -> Markup:
        return self.to(urls.document_src(doc), label or short_label(doc))

    def agency(self, agency_id: str | None) -> Markup:
        """A link to an agency page, or the name (the id) when the registry does not know it."""
        if agency_id and agency_id in self.corpus.agencies and is_safe_id(agency_id):
            return self.to(urls.agency_src(agency_id), self.corpus.agencies[agency_id].name)
        return Markup.escape(agency_name(self.corpus, agency_id))


def badge(status: str, when: str | None = None) -> Markup:
    klass = BADGE_CLASS.get(status, "cchc-badge--unknown")
    return fragment("badge.html", klass=klass, status=status, title=when)


@functools.lru_cache(maxsize=1024)  # a few types, asked for every document of every list
def type_slug(doc_type: str) -> str:
    slug = slugify(doc_type)[:100].strip("-")
    return slug if slug and is_safe_id(slug) else "khac"


def unresolved_label(citation: Citation) -> str:
    if citation.number:
        return f"{citation.type or 'Văn bản'} {citation.number}".strip()
    if citation.name:
        return citation.name
    return " ".join(citation.text.split())


def provenance_notes(doc: Document) -> list[str]:
    """Vietnamese sentences for facts recorded without being checked against the official text."""
    out = []
    for prov in doc.provenance:
        if prov.checked:
            continue
        fields = ", ".join(FIELD_LABELS.get(f, f) for f in prov.fields)
        out.append(f"Chưa được đối chiếu với văn bản gốc: {fields} (nguồn: {prov.source}).")
    return out


def legal_force(status: str, in_force: bool | None) -> str | None:
    """schema.org legislationLegalForce value."""
    if status in ("Hết hiệu lực một phần", "Ngưng hiệu lực một phần"):
        return "PartiallyInForce"
    if in_force is True:
        return "InForce"
    if in_force is False:
        return "NotInForce"
    return None
