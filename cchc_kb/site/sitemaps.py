"""Sitemaps at any size: an index (``sitemap.xml``) over files of at most N URLs each, and
``robots.txt`` pointing to it.

``lastmod`` comes from each document's own dates, never from the build, so two builds of the
same data write the same bytes and an unchanged page does not look changed to a crawler. The
sitemap schema only accepts full dates (``xsd:date``): a document known only to the month or
the year gets no ``lastmod`` rather than an invented day. Pages that are not a document's
(indexes, guides) carry none either.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ..corpus import Corpus
from ..model.models import PartialDate
from . import urls
from .page import SiteFile
from .render import render
from .settings import SiteSettings

INDEX_PATH = "sitemap.xml"  # the address crawlers look for first
PART_PATH = "sitemap-{n}.xml"
ROBOTS_PATH = "robots.txt"
MAX_URLS = 50_000  # the protocol's limit per file


def _complete(dates: Iterable[PartialDate | None], as_of: PartialDate) -> list[PartialDate]:
    """Full dates on or before "today": a date in the future is not a modification yet."""
    full = [d for d in dates if d and d.is_complete]
    return [d for d in full if (d.year, d.month, d.day) <= (as_of.year, as_of.month, as_of.day)]


def _latest(dates: list[PartialDate]) -> PartialDate | None:
    return max(dates, key=lambda d: (d.year, d.month, d.day)) if dates else None


def document_dates(corpus: Corpus, settings: SiteSettings) -> dict[str, PartialDate]:
    """Source path of each document page -> the latest of that document's own dates."""
    as_of = settings.as_of
    dates: dict[str, PartialDate] = {}
    for plan in corpus.plans.values():
        latest = _latest(_complete([plan.issued], as_of))
        if latest:
            dates[urls.plan_src(plan.id)] = latest
    for doc in corpus.legal.values():
        validity = doc.validity
        own = [doc.issued, doc.effective]
        if validity:
            own += [validity.since, validity.known_on]
        latest = _latest(_complete(own, as_of))
        if latest:
            dates[urls.legal_src(doc.id)] = latest
    for agency in corpus.agencies.values():
        latest = _latest(_complete([agency.valid_from, agency.valid_to], as_of))
        if latest:
            dates[urls.agency_src(agency.id)] = latest
    return dates


def _lastmod(src: str, dates: dict[str, PartialDate]) -> str | None:
    """A document's date also dates the pages under its source path (its continued lists:
    ``co-quan/<id>/trang-2.md`` under ``co-quan/<id>.md``)."""
    date = dates.get(src)
    parts = src.removesuffix(".md").split("/")
    for end in range(len(parts) - 1, 0, -1):
        if date:
            break
        date = dates.get("/".join(parts[:end]) + ".md")
    return date.iso if date else None


def max_urls(settings: SiteSettings) -> int:
    """``extra.cchc.sitemap_max_urls``: URLs per sitemap file, at most the protocol's 50,000."""
    value = settings.extra.get("sitemap_max_urls")
    if value is None:
        return MAX_URLS
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= MAX_URLS:
        raise ValueError(
            f"extra.cchc.sitemap_max_urls phải là số nguyên từ 1 đến {MAX_URLS}: {value!r}"
        )
    return value


def sitemap_files(
    page_srcs: Iterable[str], dates: dict[str, PartialDate], settings: SiteSettings
) -> list[SiteFile]:
    """The sitemap index, its parts, and robots.txt, at ``settings.site_url``, with each
    page's URL from ``settings.urls`` (directory URLs or ``.html``)."""
    limit = max_urls(settings)
    site_url = settings.site_url
    if not site_url:
        raise ValueError("site_url chưa được đặt trong mkdocs.yml: sitemap cần địa chỉ tuyệt đối")
    pages = sorted({(settings.urls.url_of(src), src) for src in page_srcs})
    entries = [{"loc": site_url + url, "lastmod": _lastmod(src, dates)} for url, src in pages]
    parts = [entries[i : i + limit] for i in range(0, len(entries), limit)] or [[]]
    files, index = [], []
    for n, part in enumerate(parts, start=1):
        path = PART_PATH.format(n=n)
        files.append(SiteFile(path, _xml("sitemap.xml", entries=part)))
        dated = [e["lastmod"] for e in part if e["lastmod"]]
        index.append({"loc": site_url + path, "lastmod": max(dated) if dated else None})
    files.insert(0, SiteFile(INDEX_PATH, _xml("sitemap-index.xml", sitemaps=index)))
    files.append(SiteFile(ROBOTS_PATH, _xml("robots.txt", sitemap=site_url + INDEX_PATH)))
    return files


def write_sitemaps(
    site_dir: Path, page_srcs: Iterable[str], dates: dict[str, PartialDate], settings: SiteSettings
) -> list[str]:
    """Write the sitemaps into a built site; nothing without ``site_url`` (a preview). Returns
    the paths written."""
    if not settings.site_url:
        return []
    written = []
    for item in sitemap_files(page_srcs, dates, settings):
        (site_dir / item.path).write_bytes(item.content)
        written.append(item.path)
    return written


def _xml(template: str, **values: object) -> bytes:
    """A text file from its template (escaped like every template), ending with a newline."""
    return (str(render(template, **values)) + "\n").encode("utf-8")
