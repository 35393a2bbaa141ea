"""Site search with Pagefind: what each content page tells the index, and the search page.

Only content pages are indexed (plan, legal, agency and cited-but-unknown pages, and the
hand-written guides): their page meta carries a ``search`` entry (``page.SearchEntry``: result
title, search terms, numbers, the facts a result shows, filter values) and the theme override
wraps their content in ``data-pagefind-body``. Lists, graphs and reports are not indexed, so a
query lands on a document, not on a page that lists it. ``pagefind.py`` turns the entries into
the index.
"""

from __future__ import annotations

import re

from ..analysis import validity
from ..corpus import Corpus
from ..model.models import CCHC_AREAS, Agency, Citation, Document, LegalDoc, PartialDate, Plan
from ..model.slug import ascii_fold
from . import urls
from .common import agency_name, date_short, doc_date, short_label
from .fragments import block, link
from .page import Page, PageMeta, SearchEntry

SEARCH_SRC = "tim-kiem.md"

_NUMBER_PARTS = re.compile(r"[/\s]+")
# "Ủy ban nhân dân tỉnh Hải Dương" -> "Hải Dương": the place a provincial agency governs.
_PROVINCE_NAME = re.compile(r"^(?:Ủy ban nhân dân|UBND)\s+(?:tỉnh|thành phố)\s+(.+)$")
CENTRAL = "Trung ương"


# ---------------------------------------------------------------------------------------------
# What a page tells the index (page meta "search", read by overrides/main.html and pagefind.py)


def number_forms(number: str | None) -> list[str]:
    """The ways a number is typed: "61/2018/NĐ-CP" -> its ASCII form, "61/2018", "ND-CP",
    "NDCP". Pagefind finds "61/2018" inside the full number by itself; the ASCII symbol is
    what it cannot find, because "Đ" does not fold."""
    number = " ".join((number or "").split())
    if not number:
        return []
    folded = ascii_fold(number)
    parts = [p for p in _NUMBER_PARTS.split(folded) if p]
    digits = [p for p in parts if p.isdigit()]
    symbol = [p for p in parts if not p.isdigit()]
    forms = [folded]
    if len(digits) > 1:
        forms.append("/".join(digits))
    for part in symbol:
        forms.append(part)
        if "-" in part:
            forms.append(part.replace("-", ""))
    seen: set[str] = set()
    return [f for f in forms if not (f in seen or seen.add(f))]


def province_names(corpus: Corpus, agency_id: str | None) -> list[str]:
    """The provinces an agency's documents belong to: its own, then every successor of that
    province (a plan of Hải Dương from before 01/7/2025 is found under Hải Phòng too), or
    "Trung ương" for central agencies."""
    agency = corpus.agencies.get(agency_id or "")
    if agency is None:
        return []
    if agency.level == "trung_uong":
        return [CENTRAL]
    names: list[str] = []
    current = corpus.agencies.get(agency.province or "") or (
        agency if agency.level == "tinh" else None
    )
    seen: set[str] = set()
    while current is not None and current.id not in seen:
        seen.add(current.id)
        match = _PROVINCE_NAME.match(current.name)
        if match and match.group(1) not in names:
            names.append(match.group(1))
        current = corpus.agencies.get(current.successor or "")
    return names


def issuer_short_name(corpus: Corpus, agency_id: str | None) -> str:
    """ "UBND xã Tiền Tiến" rather than "Ủy ban nhân dân xã Tiền Tiến"; never "CP" or "SXD"."""
    agency = corpus.agencies.get(agency_id or "")
    if agency is None:
        return agency_id or ""
    names = [n for n in (agency.short_names or []) if " " in n.strip()]
    return names[0] if names else agency.name


def document_search(corpus: Corpus, doc: Document, as_of: PartialDate) -> SearchEntry:
    """Result title (type + number + issuer + trích yếu), search terms, what a result shows
    and the filter values of a plan or legal page; validity is judged on ``as_of``."""
    summary = " ".join((doc.summary or "").split())
    issuer = issuer_short_name(corpus, doc.issuer) if doc.issuer else ""
    title = short_label(doc) + (f" của {issuer}" if issuer else "")
    title += f" — {summary}" if summary else ""
    date = doc_date(doc)
    year = date.year if date and date.year else None
    details = {"Văn bản": short_label(doc), "Cơ quan": issuer}
    if doc.issued and doc.issued.year:
        details["Ngày ban hành"] = date_short(doc.issued)
    filters: dict[str, list[str]] = {
        "Loại văn bản": [doc.doc_type],
        "Cơ quan": [issuer] if issuer else [],
        "Tỉnh/thành": province_names(corpus, doc.issuer),
        "Năm": [str(year)] if year else [],
    }
    if isinstance(doc, Plan):
        filters["Lĩnh vực CCHC"] = [CCHC_AREAS[a] for a in doc.areas if a in CCHC_AREAS]
        signer = [doc.signer] if doc.signer else []
    else:
        signer = []
    if isinstance(doc, LegalDoc):
        judgement = validity.judge(corpus, doc.id, as_of)
        if judgement is not None:
            details["Hiệu lực"] = judgement.status
            filters["Hiệu lực"] = [judgement.status]
    return SearchEntry(
        title=title,
        kind="stub" if getattr(doc, "stub", False) else "full",
        # Province names with successors: "hai phong" finds a Hải Dương plan from before 2025.
        terms=[
            agency_name(corpus, doc.issuer) if doc.issuer else "",
            *signer,
            *filters["Tỉnh/thành"],
        ],
        numbers=number_forms(doc.number),
        details={k: v for k, v in details.items() if v},
        filters={k: v for k, v in filters.items() if v},
    )


def agency_search(agency: Agency) -> SearchEntry:
    return SearchEntry(title=agency.name, terms=list(agency.short_names or []))


def unresolved_search(title: str, citation: Citation) -> SearchEntry:
    return SearchEntry(title=title, kind="stub", numbers=number_forms(citation.number))


# ---------------------------------------------------------------------------------------------
# The search page


def search_page(scheme: urls.UrlScheme, lookup_src: str, index_srcs: list[tuple[str, str]]) -> Page:
    """ "Tìm kiếm": Pagefind's UI (loaded by the theme override), a plain form for ``?q=``
    and, without JavaScript, the index pages that do the same job."""
    src = SEARCH_SRC
    targets = [("Tra cứu văn bản", lookup_src), *index_srcs]
    links = [link(scheme.relative_url(src, to), text) for text, to in targets]
    body = (
        "# Tìm kiếm\n\n"
        "Tìm kế hoạch, văn bản pháp luật và cơ quan theo tên, số ký hiệu hoặc trích yếu. "
        "Có thể gõ không dấu (“nghi dinh 61”) hoặc chỉ số hiệu (“61/2018”).\n\n"
        + block("search_box.html", links=links)
    )
    meta = PageMeta(description="Tìm kiếm kế hoạch và văn bản", search_ui=True)
    return Page(src=src, title="Tìm kiếm", markdown=body, meta=meta)


def search_form(scheme: urls.UrlScheme, from_src: str) -> str:
    """A plain GET form to the search page: works without JavaScript (the page reads ?q=)."""
    return block("search_form.html", action=scheme.relative_url(from_src, SEARCH_SRC))
