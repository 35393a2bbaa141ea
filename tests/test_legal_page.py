"""The legal page a citizen can trust: old addresses, known misquotes, and seed 002's note."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import build_site, copy_repository, parse

from cchc_kb.site import urls
from cchc_kb.site.indexes import FEED_PATH

SEED_002 = "ubnd-xa-tien-tien-2024-tuyen-truyen-cchc"
OLD, NEW = "61-2024-nd-cp", "61-2023-nd-cp"


@pytest.fixture(scope="module")
def flat_site(tmp_path_factory):
    """The seed repository built without directory URLs (``x.html`` pages)."""
    tmp = tmp_path_factory.mktemp("flat")
    build = build_site(copy_repository(tmp / "repo"), tmp / "site", use_directory_urls=False)
    assert build.returncode == 0, build.log
    return build


def _redirect(html: str) -> tuple[str, str, str]:
    """(refresh target, canonical, link target) of an old-address page."""
    refresh = re.search(r'http-equiv="refresh" content="0; url=([^"]+)"', html)
    canonical = re.search(r'<link rel="canonical" href="([^"]+)"', html)
    links = [a["attrs"]["href"] for a in parse(html).anchors]
    assert refresh and canonical and len(links) == 1, html
    return refresh.group(1), canonical.group(1), links[0]


PORTAL = "https://cong-thong-tin.example/cong-khai/cchc/"

# (build fixture, old file, the file its links lead to, its canonical link)
ADDRESSES = [
    ("real_site", f"van-ban/{OLD}/index.html", f"van-ban/{NEW}/index.html", f"van-ban/{NEW}/"),
    ("flat_site", f"van-ban/{OLD}.html", f"van-ban/{NEW}.html", f"van-ban/{NEW}.html"),
]


@pytest.mark.parametrize(("fixture", "old_file", "new_file", "canonical_url"), ADDRESSES)
def test_the_old_address_leads_to_the_new_page(request, fixture, old_file, new_file, canonical_url):
    site: Path = request.getfixturevalue(fixture).site
    html = (site / old_file).read_text("utf-8")
    refresh, canonical, href = _redirect(html)
    assert refresh == href
    target = (site / old_file).parent / href
    if href.endswith("/"):
        target = target / "index.html"
    assert target.resolve() == (site / new_file).resolve()
    assert canonical == PORTAL + canonical_url
    assert 'name="robots" content="noindex' in html
    assert "<script" not in html and "data-pagefind-body" not in html
    assert "61/2024" not in html and "Nghị định 61/2023/NĐ-CP" in html


@pytest.mark.parametrize("fixture", ["real_site", "flat_site"])
def test_no_page_presents_61_2024_as_a_document(request, fixture):
    site: Path = request.getfixturevalue(fixture).site
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 50
    for page in pages:
        html = page.read_text("utf-8")
        parsed = parse(html)
        headings = [text for tag, _, text in parsed.headings]
        assert not any("61/2024" in text for text in headings), page
        title = re.search(r"<title>([^<]*)</title>", html)
        assert title and "61/2024" not in title.group(1), page
        if "61/2024" in html:  # only where a plan writes it, beside the correction
            assert "61/2023/NĐ-CP" in html, page
    for listing in ("sitemap.xml", "du-lieu/graph.json", FEED_PATH):
        text = (site / listing).read_text("utf-8")
        assert OLD not in text and "61/2024" not in text, listing


def test_the_old_address_leads_to_61_2023_in_a_browser_without_javascript(browser, served_site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(served_site + urls.url_of(urls.legal_src(OLD)))
    page.wait_for_url(re.compile(rf"/van-ban/{NEW}/$"), timeout=10_000)
    assert page.locator("h1").first.inner_text().startswith("Nghị định 61/2023/NĐ-CP")
    context.close()


def test_seed_002_note_calls_61_2024_a_misquote_of_61_2023(real_corpus):
    notes = real_corpus.plans[SEED_002].notes
    [note] = [n for n in notes if "61/2024/NĐ-CP" in n]
    assert "trích dẫn sai" in note and "61/2023/NĐ-CP" in note
    assert "muộn hơn" not in note
