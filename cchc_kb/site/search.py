"""Site search with Pagefind: what each content page tells the index, the search page, and
indexing the built site.

Only content pages are indexed (plan, legal, agency and cited-but-unknown pages, and the
hand-written guides): their page meta carries a ``search`` entry (result title, search terms)
and the theme override wraps their content in ``data-pagefind-body``. Lists, graphs and
reports are not indexed, so a query lands on a document, not on a page that lists it.

No Pagefind filters (loại văn bản, cơ quan, năm): Pagefind 1.5.2 writes a filter's values in
hash-map order, which changes from run to run, so two builds of the same site would differ.
The index pages by type, agency and year do that job.

Pagefind 1.5 (measured on this site) matches queries typed without tone marks and vowel
diacritics ("tien tien" finds "Tiền Tiến", "hai duong" finds "Hải Dương"), but not "đ", which
Unicode does not decompose: "nghi dinh" found nothing for "Nghị định", "nd-cp" nothing for
"NĐ-CP". So each indexed page also carries a copy of its text with "đ" folded (``hidden``, so
neither shown nor read aloud), and a weighted, ASCII-folded line with its result title, issuer
and number in the forms people type ("61/2018", "ND-CP", "NDCP"). Only "đ" is folded in the
copy of the text, not every mark: Pagefind takes a result's excerpt from wherever the query
matches best, and an excerpt from the copy then still reads as Vietnamese.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from html.parser import HTMLParser
from pathlib import Path

from ..corpus import Corpus
from ..model.models import Agency, Citation, Document
from ..model.slug import ascii_fold
from . import urls
from .common import agency_name, short_label
from .fragments import block, link
from .md import esc
from .page import Page, PageMeta, SearchEntry

SEARCH_SRC = "tim-kiem.md"
BUNDLE_DIR = "_pagefind"
LANGUAGE = "vi"
# Pagefind writes three UIs and a highlighter; the site uses the default UI only.
UNUSED_BUNDLE_FILES = (
    "pagefind-component-ui.css",
    "pagefind-component-ui.js",
    "pagefind-highlight.js",
    "pagefind-modular-ui.css",
    "pagefind-modular-ui.js",
)

_NUMBER_PARTS = re.compile(r"[/\s]+")


# ---------------------------------------------------------------------------------------------
# What a page tells the index (page meta "search", read by overrides/main.html)


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


def document_search(corpus: Corpus, doc: Document) -> SearchEntry:
    """Result title (type + number + issuer + trích yếu) and search terms of a plan or legal
    page."""
    summary = " ".join((doc.summary or "").split())
    agency = corpus.agencies.get(doc.issuer or "")
    # "UBND xã Tiền Tiến" rather than "Ủy ban nhân dân xã Tiền Tiến"; never "CP" or "SXD".
    names = [n for n in (agency.short_names or []) if " " in n.strip()] if agency else []
    issuer = (names[0] if names else agency.name) if agency else ""
    title = short_label(doc) + (f" của {issuer}" if issuer else "")
    title += f" — {summary}" if summary else ""
    issuer_name = agency_name(corpus, doc.issuer) if doc.issuer else ""
    return SearchEntry(title=title, terms=[*number_forms(doc.number), issuer_name])


def agency_search(agency: Agency) -> SearchEntry:
    return SearchEntry(title=agency.name, terms=list(agency.short_names or []))


def unresolved_search(title: str, citation: Citation) -> SearchEntry:
    return SearchEntry(title=title, terms=number_forms(citation.number))


class _Text(HTMLParser):
    """The text of an HTML fragment, without scripts and styles."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def fold_d(text: str) -> str:
    """ "đ" -> "d", "Đ" -> "D": the one fold Pagefind does not do itself (it matches "tien" to
    "tiến" already). Other marks stay, so an excerpt taken from the copy still reads well."""
    return text.replace("đ", "d").replace("Đ", "D")


def identity_text(search: dict | None) -> str:
    """What identifies a document (result title with issuer, number forms), ASCII-folded, for
    the hidden copy's weighted line: a query naming the document ranks it above pages that
    only mention it. Fully folded because Pagefind ranks an exact match of an unaccented query
    ("tien tien" = "Tien Tien") far above a diacritic-insensitive one, and "tien tien" also
    matches "tiên tiến" (advanced) all over long texts. Escaped, ready for the template."""
    if not search:
        return ""
    text = " ".join(" ".join([search.get("title") or "", *(search.get("terms") or [])]).split())
    return esc(ascii_fold(text))


def folded_text(html: str) -> str:
    """The text of a page's content with "đ" folded, for the hidden copy. Escaped, ready for
    the template; empty when the page has no "đ"."""
    parser = _Text()
    parser.feed(html or "")
    parser.close()
    text = " ".join(" ".join(parser.parts).split())
    folded = fold_d(text)
    return "" if folded == text else esc(folded)


# ---------------------------------------------------------------------------------------------
# The search page


def search_page(
    scheme: urls.UrlScheme, lookup_src: str, index_srcs: list[tuple[str, str]]
) -> Page:
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


# ---------------------------------------------------------------------------------------------
# Indexing the built site


class SearchIndexError(RuntimeError):
    pass


def pagefind_command(site_dir: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "pagefind",
        "--site",
        str(site_dir),
        "--output-subdir",
        BUNDLE_DIR,
        "--force-language",
        LANGUAGE,
        "--quiet",
    ]


def index_site(site_dir: str | Path) -> str:
    """Run Pagefind over a built site and keep the files the search page uses.

    Pagefind reads a ``pagefind.*`` config file from its working directory and ``PAGEFIND_*``
    variables from the environment: it runs in an empty folder with neither, so the index
    depends on the site alone (and two builds of the same input are byte-identical).
    Returns Pagefind's log. Raises ``SearchIndexError`` when it fails.
    """
    site = Path(site_dir).resolve()
    bundle = site / BUNDLE_DIR
    if bundle.exists():
        shutil.rmtree(bundle)
    env = {k: v for k, v in os.environ.items() if not k.startswith("PAGEFIND_")}
    with tempfile.TemporaryDirectory() as cwd:
        proc = subprocess.run(
            pagefind_command(site), cwd=cwd, env=env, capture_output=True, text=True
        )
    log = (proc.stdout + proc.stderr).strip()
    if proc.returncode != 0 or not (bundle / "pagefind-ui.js").is_file():
        raise SearchIndexError(f"Pagefind failed ({proc.returncode}): {log}")
    for name in UNUSED_BUNDLE_FILES:
        (bundle / name).unlink(missing_ok=True)
    return log
