"""Sitemaps at any size: an index over files of at most N URLs, valid against the sitemaps.org
schema, dated by each document's own dates; MkDocs' single sitemap is gone; robots.txt points
to the index."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from conftest import ROOT, build_site, copy_repository
from lxml import etree

from cchc_kb.corpus import build_corpus
from cchc_kb.model.models import PartialDate
from cchc_kb.site import urls
from cchc_kb.site.settings import SiteSettings
from cchc_kb.site.sitemaps import document_dates, max_urls, sitemap_files
from cchc_kb.site.urls import UrlScheme
from cchc_kb.synthetic import write_repository

SCHEMAS = Path(__file__).parent / "data" / "sitemaps"
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
SITE_URL = "https://cong-thong-tin.example/cong-khai/cchc/"
SMALL_LIMIT = 500


def _schema(name: str) -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMAS / name)))


def read_sitemaps(site: Path) -> tuple[list[tuple[str, str | None]], dict[str, list]]:
    """(index entries, {part file: [(loc, lastmod)]}), each file checked against its schema."""
    index_doc = etree.parse(str(site / "sitemap.xml"))
    schema = _schema("siteindex.xsd")
    assert schema.validate(index_doc), schema.error_log
    index = [
        (e.findtext("s:loc", namespaces=NS), e.findtext("s:lastmod", namespaces=NS))
        for e in index_doc.getroot().findall("s:sitemap", NS)
    ]
    parts = {}
    part_schema = _schema("sitemap.xsd")
    for loc, _ in index:
        assert loc.startswith(SITE_URL), loc
        name = loc.removeprefix(SITE_URL)
        doc = etree.parse(str(site / name))
        assert part_schema.validate(doc), (name, part_schema.error_log)
        parts[name] = [
            (u.findtext("s:loc", namespaces=NS), u.findtext("s:lastmod", namespaces=NS))
            for u in doc.getroot().findall("s:url", NS)
        ]
    return index, parts


def html_pages(site: Path) -> set[str]:
    """Absolute URL of every page of the built site to index (404 is none, nor an old
    address that only leads to a document's new page: it says noindex)."""
    pages = set()
    for path in site.rglob("index.html"):
        if 'name="robots" content="noindex' in path.read_text("utf-8"):
            continue
        folder = path.parent.relative_to(site).as_posix()
        pages.add(SITE_URL + ("" if folder == "." else folder + "/"))
    return pages


@pytest.fixture(scope="module")
def large_site(tmp_path_factory):
    """2,000 synthetic plans (and the seeds), with a small per-file limit."""
    repo = write_repository(tmp_path_factory.mktemp("sitemap2000"), 2000, seed=7)
    build = build_site(repo, repo / "site", cchc={"sitemap_max_urls": SMALL_LIMIT})
    assert build.returncode == 0, build.log[-3000:]
    return build


@pytest.mark.slow
def test_large_site_has_a_sitemap_index_over_small_valid_files(large_site):
    site = large_site.site
    index, parts = read_sitemaps(site)
    pages = html_pages(site)
    assert len(pages) > 2000
    assert len(parts) == math.ceil(len(pages) / SMALL_LIMIT)
    assert all(1 <= len(entries) <= SMALL_LIMIT for entries in parts.values())
    locs = [loc for entries in parts.values() for loc, _ in entries]
    assert len(locs) == len(set(locs))
    assert set(locs) == pages
    # The index's date of each file is the latest date in it.
    for (loc, lastmod), entries in zip(index, parts.values(), strict=True):
        dated = [d for _, d in entries if d]
        assert lastmod == (max(dated) if dated else None), loc


@pytest.mark.slow
def test_large_site_lastmod_is_each_documents_own_date(large_site):
    corpus = build_corpus(large_site.repo)
    _, parts = read_sitemaps(large_site.site)
    lastmod = dict(entry for entries in parts.values() for entry in entries)
    checked = 0
    for plan in corpus.plans.values():
        loc = SITE_URL + urls.url_of(urls.plan_src(plan.id))
        expected = plan.issued.iso if plan.issued and plan.issued.is_complete else None
        assert lastmod[loc] == expected, plan.id
        checked += expected is not None
    assert checked > 1000
    # Pages that are not a document's carry no date: never the build's.
    assert lastmod[SITE_URL] is None
    assert lastmod[SITE_URL + "ke-hoach/"] is None


def test_real_site_replaces_mkdocs_sitemap(real_site):
    site = real_site.site
    assert not (site / "sitemap.xml.gz").exists()
    index, parts = read_sitemaps(site)
    assert [loc for loc, _ in index] == [SITE_URL + "sitemap-1.xml"]
    assert {loc for loc, _ in parts["sitemap-1.xml"]} == html_pages(site)
    robots = (site / "robots.txt").read_text("utf-8")
    assert f"Sitemap: {SITE_URL}sitemap.xml\n" in robots
    assert robots.startswith("User-agent: *\n")


def test_sitemap_follows_pages_served_as_html_files(tmp_path):
    """Without directory URLs every page is a .html file, and the sitemap names those."""
    repo = copy_repository(tmp_path / "repo")
    build = build_site(repo, tmp_path / "site", use_directory_urls=False)
    assert build.returncode == 0, build.log[-3000:]
    _, parts = read_sitemaps(build.site)
    lastmod = dict(entry for entries in parts.values() for entry in entries)
    files = (
        p.relative_to(build.site).as_posix()
        for p in build.site.rglob("*.html")
        if 'name="robots" content="noindex' not in p.read_text("utf-8")  # old addresses
    )
    pages = {SITE_URL + ("" if rel == "index.html" else rel) for rel in files if rel != "404.html"}
    assert set(lastmod) == pages
    dated = 0
    for plan in build_corpus(repo).plans.values():
        expected = plan.issued.iso if plan.issued and plan.issued.is_complete else None
        assert lastmod[SITE_URL + f"ke-hoach/{plan.id}.html"] == expected, plan.id
        dated += expected is not None
    assert dated
    assert lastmod[SITE_URL + "van-ban/index.html"] is None


def _settings(as_of: str = "2026-11-23") -> SiteSettings:
    return SiteSettings(as_of=PartialDate.parse(as_of))


def test_document_dates_use_the_latest_own_full_date_up_to_as_of():
    corpus = build_corpus(ROOT)
    dates = document_dates(corpus, _settings())
    # A plan dated only to the month ("ngày … tháng 02 năm 2022") gets no date.
    thai_binh = corpus.plans["so-xay-dung-thai-binh-2022-tuyen-truyen-cchc"]
    assert not thai_binh.issued.is_complete
    assert urls.plan_src(thai_binh.id) not in dates
    for src, date in dates.items():
        assert date.is_complete and (date.year, date.month, date.day) <= (2026, 11, 23), src
    legal = corpus.legal["61-2018-nd-cp"]
    own = [legal.issued, legal.effective] + (
        [legal.validity.since, legal.validity.known_on] if legal.validity else []
    )
    # Only full dates up to "today" count (the record's known_on may be later than as_of).
    full = [d for d in own if d and d.is_complete and (d.year, d.month, d.day) <= (2026, 11, 23)]
    assert dates[urls.legal_src(legal.id)] == max(full, key=lambda d: (d.year, d.month, d.day))
    # Nothing after "today" counts: an earlier as_of gives earlier or no dates.
    early = document_dates(corpus, _settings("2019-01-01"))
    assert all((d.year, d.month, d.day) <= (2019, 1, 1) for d in early.values())


D = PartialDate.parse


def _site_settings(limit: int, directory_urls: bool = True, site_url: str = SITE_URL):
    return SiteSettings(
        as_of=D("2026-11-23"),
        site_url=site_url,
        extra={"sitemap_max_urls": limit},
        urls=UrlScheme(directory_urls=directory_urls),
    )


@pytest.mark.parametrize(
    ("page_srcs", "dates", "limit", "directory_urls", "expected_parts"),
    [
        # the home page is the site's address itself
        (["index.md", "a.md"], {}, 10, True, [[("", None), ("a/", None)]]),
        # without directory URLs, pages are .html files and the home page stays the address
        (["index.md", "a.md", "b/index.md"], {}, 10, False, [[("", None), ("a.html", None), ("b/index.html", None)]]),
        # a document's date also dates the pages under it (its continued lists)
        (
            ["ke-hoach/x.md", "ke-hoach/x/trang-2.md", "ke-hoach/index.md"],
            {"ke-hoach/x.md": D("2025-01-15")},
            10,
            True,
            [[("ke-hoach/", None), ("ke-hoach/x/", "2025-01-15"), ("ke-hoach/x/trang-2/", "2025-01-15")]],
        ),
        (
            ["ke-hoach/x.md", "ke-hoach/x/trang-2.md"],
            {"ke-hoach/x.md": D("2025-01-15")},
            10,
            False,
            [[("ke-hoach/x.html", "2025-01-15"), ("ke-hoach/x/trang-2.html", "2025-01-15")]],
        ),
        # at most `limit` URLs per file, in a stable order; duplicates once
        (["c.md", "a.md", "b.md", "a.md"], {}, 2, True, [[("a/", None), ("b/", None)], [("c/", None)]]),
    ],
)  # fmt: skip
def test_sitemap_files(page_srcs, dates, limit, directory_urls, expected_parts):
    settings = _site_settings(limit, directory_urls)
    files = {f.path: f.content.decode("utf-8") for f in sitemap_files(page_srcs, dates, settings)}
    assert list(files) == [
        "sitemap.xml",
        *[f"sitemap-{n}.xml" for n in range(1, len(expected_parts) + 1)],
        "robots.txt",
    ]
    for n, expected in enumerate(expected_parts, start=1):
        root = etree.fromstring(files[f"sitemap-{n}.xml"].encode("utf-8"))
        assert _schema("sitemap.xsd").validate(root)
        got = [
            (u.findtext("s:loc", namespaces=NS), u.findtext("s:lastmod", namespaces=NS))
            for u in root.findall("s:url", NS)
        ]
        assert got == [(SITE_URL + url, date) for url, date in expected]


@pytest.mark.parametrize("limit", [0, -1, 50_001, "100", True, 2.5])
def test_sitemap_limit_must_be_a_whole_number_in_range(limit):
    with pytest.raises(ValueError, match="sitemap_max_urls"):
        max_urls(_site_settings(limit))


def test_loc_is_escaped():
    files = sitemap_files(["a.md"], {}, _site_settings(10, site_url="https://h.example/x?a=1&b=2/"))
    assert b"&amp;b=2" in files[1].content and b"a=1&b" not in files[1].content
