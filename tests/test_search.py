"""Search with Pagefind: what is indexed, and the "Tìm kiếm" page in headless Chromium —
queries typed without diacritics and by number, ``?q=``, the Vietnamese "no results" message,
result links that resolve under a portal's sub-path, and no request to another host."""

from __future__ import annotations

import urllib.request
from urllib.parse import quote_plus

import pytest
from conftest import SUBPATH, parse

from cchc_kb.site import urls
from cchc_kb.site.pagefind import BUNDLE_DIR, UNUSED_BUNDLE_FILES
from cchc_kb.site.search import SEARCH_SRC, number_forms

SEARCH_URL = urls.url_of(SEARCH_SRC)
TOP = 5  # what Pagefind's UI shows before "load more"
TIEN_TIEN_PLAN = urls.url_of(urls.plan_src("ubnd-xa-tien-tien-2024-tuyen-truyen-cchc"))
HAI_DUONG_PLAN = urls.url_of(urls.plan_src("so-xay-dung-hai-duong-2025-tuyen-truyen-cchc"))
DECREE_61 = urls.url_of(urls.legal_src("61-2018-nd-cp"))
QUERIES = [
    ("nghi dinh 61", DECREE_61),
    ("61/2018", DECREE_61),
    ("tien tien", TIEN_TIEN_PLAN),
    ("ke hoach tuyen truyen hai duong", HAI_DUONG_PLAN),
]


# ---------------------------------------------------------------------------------------------
# The built site, read as files


def test_number_forms():
    assert number_forms("61/2018/NĐ-CP") == ["61/2018/ND-CP", "61/2018", "ND-CP", "NDCP"]
    assert number_forms("02/KH-UBND") == ["02/KH-UBND", "KH-UBND", "KHUBND"]
    assert number_forms(None) == []


def test_bundle_is_built_and_trimmed(real_site):
    bundle = real_site.site / BUNDLE_DIR
    for name in ("pagefind-ui.js", "pagefind-ui.css", "pagefind.js", "pagefind-entry.json"):
        assert (bundle / name).is_file(), name
    assert list((bundle / "index").iterdir()) and list((bundle / "fragment").iterdir())
    assert not [n for n in UNUSED_BUNDLE_FILES if (bundle / n).exists()]
    assert not (bundle / "playground").exists()


@pytest.mark.parametrize(
    ("url", "indexed"),
    [
        (DECREE_61, True),
        (TIEN_TIEN_PLAN, True),
        (urls.url_of(urls.agency_src("ubnd-xa-tien-tien")), True),
        ("huong-dan/", True),
        ("", False),
        ("van-ban/", False),
        ("ke-hoach/", False),
        (SEARCH_URL, False),
    ],
)
def test_only_content_pages_are_indexed(real_site, url, indexed):
    doc = parse(real_site.html(url))
    bodies = [a for tag, a in doc.elements if "data-pagefind-body" in a]
    assert len(bodies) == (1 if indexed else 0), url


def test_result_title(real_site):
    titles = [
        a.get("content")
        for tag, a in parse(real_site.html(DECREE_61)).elements
        if tag == "meta" and a.get("data-pagefind-meta") == "title[content]"
    ]
    assert len(titles) == 1
    assert titles[0].startswith("Nghị định 61/2018/NĐ-CP của Chính phủ — Về thực hiện cơ chế")
    # Filters, identity and folded words go to the index only (cchc_kb/site/pagefind.py).
    assert "data-pagefind-filter" not in real_site.html(DECREE_61)


def test_search_page_works_without_javascript(real_site):
    page = real_site.html(SEARCH_URL)
    doc = parse(page)
    assert any(tag == "noscript" for tag, _ in doc.elements)
    noscript = page[page.index("<noscript>") : page.index("</noscript>")]
    assert "Tra cứu văn bản" in noscript
    hrefs = [a["attrs"]["href"] for a in parse(noscript).anchors]
    assert len(hrefs) >= 4
    for href in hrefs:
        assert (real_site.site / SEARCH_URL / href / "index.html").resolve().is_file(), href
    # The home page's plain form submits to it; the lookup page links to it.
    home = parse(real_site.html(""))
    forms = [
        a for tag, a in home.elements if tag == "form" and a.get("class") == "cchc-search-form"
    ]
    assert forms and forms[0]["action"] == SEARCH_URL and forms[0]["method"] == "get"
    assert any(a.get("name") == "q" for tag, a in home.elements if tag == "input")
    lookup = parse(real_site.html(urls.url_of(urls.LEGAL_DIR + "/index.md")))
    assert any(a["attrs"].get("href") == f"../{SEARCH_URL}" for a in lookup.anchors)


@pytest.mark.parametrize("url", ["", DECREE_61, "van-ban/", "nam/2018/", "huong-dan/"])
def test_header_search_form_on_every_page(real_site, url):
    """A plain GET form in the header, its action relative to the page (the site is served
    under a portal's sub-path), a labelled search field and a named submit button."""
    page = real_site.html(url)
    header = page[page.index("<header") : page.index("</header>")]
    doc = parse(header)
    forms = [a for tag, a in doc.elements if tag == "form" and a.get("role") == "search"]
    assert len(forms) == 1, url
    form = forms[0]
    assert form["method"] == "get"
    assert not form["action"].startswith(("/", "http"))
    target = (real_site.site / url / form["action"]).resolve()
    assert target == (real_site.site / SEARCH_URL).resolve(), form["action"]
    fields = [a for tag, a in doc.elements if tag == "input"]
    assert len(fields) == 1 and fields[0]["type"] == "search" and fields[0]["name"] == "q"
    assert fields[0]["placeholder"] == "Tìm văn bản, kế hoạch…"
    labels = [a for tag, a in doc.elements if tag == "label" and a.get("for") == fields[0]["id"]]
    assert len(labels) == 1
    assert f'for="{fields[0]["id"]}">Tìm kiếm</label>' in header
    buttons = [a for tag, a in doc.elements if tag == "button"]
    assert len(buttons) == 1 and buttons[0]["type"] == "submit" and buttons[0]["aria-label"]


def test_search_page_has_no_header_form(real_site):
    """The search page has its own box (Pagefind's UI), which gets the query from ?q=."""
    page = real_site.html(SEARCH_URL)
    assert 'role="search"' not in page[page.index("<header") : page.index("</header>")]


# ---------------------------------------------------------------------------------------------
# The search page in Chromium


@pytest.fixture
def search_page(browser, served_site):
    """A tab on the search page that records requests to other hosts and script errors."""
    page = browser.new_page()
    seen = {"foreign": [], "errors": []}
    origin = served_site.split(SUBPATH)[0]
    page.on("request", lambda r: None if r.url.startswith(origin) else seen["foreign"].append(r))
    page.on("pageerror", lambda e: seen["errors"].append(str(e)))
    yield page, seen
    assert seen == {"foreign": [], "errors": []}
    page.close()


def _wait_for_message(page, query: str) -> None:
    """Pagefind's line above the results says "9 kết quả cho …" or "Không tìm thấy kết quả
    cho …" once the search is done ("Đang tìm kiếm cho …" while it runs)."""
    page.wait_for_function(
        "q => (document.querySelector('.pagefind-ui__message') || {})"
        ".textContent?.includes('kết quả cho ' + q)",
        arg=query,
        timeout=10_000,
    )


def _results(page) -> list[str]:
    """The first result links, once Pagefind has drawn them (it loads each result's data and
    draws it on its own, so the first link appears before the fifth)."""
    page.wait_for_function(
        """n => {
          const m = (document.querySelector('.pagefind-ui__message') || {}).textContent || '';
          const total = parseInt(m, 10);
          const links = document.querySelectorAll('.pagefind-ui__result-link').length;
          return total > 0 && links >= Math.min(total, n);
        }""",
        arg=TOP,
        timeout=10_000,
    )
    return page.eval_on_selector_all(
        ".pagefind-ui__result-link", "els => els.map(e => e.getAttribute('href'))"
    )


@pytest.mark.browser
@pytest.mark.parametrize(("query", "expected"), QUERIES)
def test_query_finds_the_page(search_page, served_site, query, expected):
    page, _ = search_page
    page.goto(served_site + SEARCH_URL)
    page.fill(".pagefind-ui__search-input", query)
    _wait_for_message(page, query)
    hrefs = _results(page)[:TOP]
    target = "/" + SUBPATH + "/" + expected
    assert target in hrefs, (query, hrefs)
    # The link resolves (under the sub-path) to the page itself.
    with urllib.request.urlopen(served_site.split(SUBPATH)[0].rstrip("/") + target) as response:
        assert response.status == 200
    page.click(f".pagefind-ui__result-link[href='{target}']")
    page.wait_for_url("**" + target)
    assert page.inner_text("h1").strip()


@pytest.mark.browser
def test_query_in_the_address(search_page, served_site):
    page, _ = search_page
    page.goto(served_site + SEARCH_URL + "?q=" + quote_plus("nghi dinh 61"))
    hrefs = _results(page)[:TOP]
    assert "/" + SUBPATH + "/" + DECREE_61 in hrefs
    assert page.input_value(".pagefind-ui__search-input") == "nghi dinh 61"


@pytest.mark.browser
def test_home_form_submits_to_search(search_page, served_site):
    page, _ = search_page
    page.goto(served_site)
    page.fill(".cchc-search-form input[name=q]", "tien tien")
    page.click(".cchc-search-form button")
    page.wait_for_url("**/" + SEARCH_URL + "?q=tien+tien")
    assert "/" + SUBPATH + "/" + TIEN_TIEN_PLAN in _results(page)[:TOP]


@pytest.mark.browser
def test_absurd_query_says_no_results_in_vietnamese(search_page, served_site):
    page, _ = search_page
    page.goto(served_site + SEARCH_URL)
    page.fill(".pagefind-ui__search-input", "qqzzxxw")
    _wait_for_message(page, "qqzzxxw")
    assert page.inner_text(".pagefind-ui__message").strip() == "Không tìm thấy kết quả cho qqzzxxw"
    assert page.query_selector_all(".pagefind-ui__result-link") == []


@pytest.mark.browser
@pytest.mark.parametrize("width", [1280, 390], ids=["desktop", "phone"])
def test_header_box_searches_from_any_page(search_page, served_site, width):
    page, _ = search_page
    page.set_viewport_size({"width": width, "height": 844})
    page.goto(served_site + DECREE_61)
    assert page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1"
    )
    box = page.get_by_role("search").get_by_role("searchbox", name="Tìm kiếm")
    assert box.is_visible()
    button = page.get_by_role("search").get_by_role("button")
    size = button.bounding_box()
    assert size["width"] >= 24 and size["height"] >= 24
    box.fill("nghi dinh 61")
    box.press("Enter")
    page.wait_for_url("**/" + SUBPATH + "/" + SEARCH_URL + "?q=nghi+dinh+61")
    assert "/" + SUBPATH + "/" + DECREE_61 in _results(page)[:TOP]
    assert page.input_value(".pagefind-ui__search-input") == "nghi dinh 61"


@pytest.mark.browser
def test_header_box_submits_without_javascript(browser, served_site):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    try:
        page = context.new_page()
        page.goto(served_site + DECREE_61)
        page.fill("header input[name=q]", "nghi dinh 61")
        page.click("header form[role=search] button[type=submit]")
        page.wait_for_url("**/" + SUBPATH + "/" + SEARCH_URL + "?q=nghi+dinh+61")
        assert page.evaluate("location.pathname") == "/" + SUBPATH + "/" + SEARCH_URL
        assert "Tra cứu văn bản" in page.content()  # the page's no-JavaScript guidance
    finally:
        context.close()
