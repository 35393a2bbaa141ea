"""Search with Pagefind: what is indexed, and the "Tìm kiếm" page in headless Chromium —
queries typed without diacritics and by number, ``?q=``, the Vietnamese "no results" message,
result links that resolve under a portal's sub-path, and no request to another host."""

from __future__ import annotations

import urllib.request
from pathlib import Path
from urllib.parse import quote_plus

import pytest
from conftest import SUBPATH, build_site, copy_repository, parse, serve

from cchc_kb.model.collation import sort_key
from cchc_kb.model.models import VALIDITY_STATUSES
from cchc_kb.site import urls
from cchc_kb.site.pagefind import BUNDLE_DIR, FILTERS, UNUSED_BUNDLE_FILES
from cchc_kb.site.search import SEARCH_SRC, number_forms
from cchc_kb.site.search_eval import load_queries, report, run_queries

SEARCH_URL = urls.url_of(SEARCH_SRC)
QUALITY_SET = Path(__file__).parent / "data" / "search_queries.tsv"
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


# ---------------------------------------------------------------------------------------------
# Filters, ranking, result entries and the quality set


HAI_DUONG_STUB = urls.url_of(urls.plan_src("ubnd-tinh-hai-duong-2025-kh-236"))
DONG_NAI_PLAN = urls.url_of(urls.plan_src("so-xay-dung-dong-nai-2021-tuyen-truyen-cchc"))


def _site_relative(hrefs: list[str]) -> list[str]:
    return [h.removeprefix("/" + SUBPATH + "/") for h in hrefs]


@pytest.mark.browser
def test_filter_by_keyboard_on_a_phone_and_the_address_carries_it(search_page, served_site):
    """A pre-2025 plan of Hải Dương is found under Hải Phòng (its successor); the filter is
    reached and ticked with the keyboard at phone width; the address carries query and filter,
    and Back returns to the unfiltered search."""
    page, _ = search_page
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(served_site + SEARCH_URL)
    query = "tuyen truyen"
    page.fill(".pagefind-ui__search-input", query)
    _wait_for_message(page, query)
    unfiltered = page.inner_text(".pagefind-ui__message")
    page.wait_for_url("**?q=tuyen+truyen")
    _open_filter_panel(page)
    summary = page.locator("summary.pagefind-ui__filter-name", has_text="Tỉnh/thành")
    summary.focus()
    page.keyboard.press("Enter")
    box = page.locator(".pagefind-ui__filter-checkbox[name='Tỉnh/thành'][value='Hải Phòng']")
    for _ in range(60):
        page.keyboard.press("Tab")
        if box.evaluate("e => e === document.activeElement"):
            break
    assert box.evaluate("e => e === document.activeElement")
    page.keyboard.press("Space")
    assert box.is_checked()
    page.wait_for_url("**&f=T%E1%BB%89nh%2Fth%C3%A0nh%3AH%E1%BA%A3i+Ph%C3%B2ng")
    page.wait_for_function(
        "m => document.querySelector('.pagefind-ui__message').textContent !== m", arg=unfiltered
    )
    hrefs = _site_relative(_results(page))
    assert HAI_DUONG_PLAN in hrefs and TIEN_TIEN_PLAN in hrefs
    assert DONG_NAI_PLAN not in hrefs
    assert page.evaluate("document.documentElement.scrollWidth") <= 391
    page.go_back()
    page.wait_for_url("**?q=tuyen+truyen")
    page.wait_for_function(
        "m => document.querySelector('.pagefind-ui__message').textContent === m", arg=unfiltered
    )
    assert not box.is_checked()


@pytest.mark.browser
def test_shared_address_opens_the_filtered_search(search_page, served_site):
    page, _ = search_page
    page.goto(served_site + SEARCH_URL + "?q=tuyen+truyen&f=" + quote_plus("Tỉnh/thành:Đồng Nai"))
    hrefs = _site_relative(_results(page))
    assert DONG_NAI_PLAN in hrefs and HAI_DUONG_PLAN not in hrefs
    assert page.input_value(".pagefind-ui__search-input") == "tuyen truyen"
    assert page.is_checked(".pagefind-ui__filter-checkbox[name='Tỉnh/thành'][value='Đồng Nai']")


def _open_filter_panel(page) -> None:
    """Press "Lọc kết quả" with the keyboard and wait for the panel's checkboxes."""
    toggle = page.get_by_role("button", name="Lọc kết quả")
    toggle.focus()
    page.keyboard.press("Enter")
    assert toggle.get_attribute("aria-expanded") == "true"
    page.wait_for_selector(".pagefind-ui__filter-checkbox", state="attached")


@pytest.mark.browser
@pytest.mark.parametrize(
    ("address", "opened_by_reader"),
    [
        ("?q=nghi+dinh+61&f=" + quote_plus("Loại văn bản:Nghị định"), False),
        ("?q=nghi+dinh+61", True),
    ],
    ids=["address-with-filter", "panel-opened-after-the-query"],
)
def test_a_search_from_the_address_shows_every_filter_group(
    browser, served_site, address, opened_by_reader
):
    """Pagefind's UI keeps the filter groups of the first search's results when that search
    ends before every filter file is loaded: a search opened from an address showed only
    "Loại văn bản" about one load in three. Each fresh tab must show all six groups — at once
    for an address that carries a filter, and once the reader opens the panel after a query
    that loaded no filter file."""
    url = served_site + SEARCH_URL + address
    for _ in range(8):
        context = browser.new_context()  # nothing cached: the race starts afresh each time
        try:
            page = context.new_page()
            filter_files = []
            page.on(
                "request", lambda r, seen=filter_files: ".pf_filter" in r.url and seen.append(r.url)
            )
            page.goto(url)
            page.wait_for_selector(".pagefind-ui__result-tag")
            if opened_by_reader:
                assert filter_files == [] and not page.query_selector(".pagefind-ui__filter-name")
                _open_filter_panel(page)
            page.wait_for_selector(".pagefind-ui__filter-panel")
            names = page.locator("summary.pagefind-ui__filter-name").all_inner_texts()
            assert sorted(names) == sorted(FILTERS)
            assert len(set(filter_files)) == len(FILTERS)
        finally:
            context.close()


@pytest.mark.browser
def test_filter_panel_closes_and_opens_again(search_page, served_site):
    page, _ = search_page
    page.goto(served_site + SEARCH_URL + "?q=tuyen+truyen")
    _results(page)
    _open_filter_panel(page)
    panel = page.locator(".pagefind-ui__filter-panel")
    assert panel.is_visible()
    toggle = page.get_by_role("button", name="Lọc kết quả")
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "false" and panel.is_hidden()
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true" and panel.is_visible()


@pytest.mark.browser
@pytest.mark.parametrize(
    ("query", "first", "below"),
    [
        # A full plan above the stub that matches the same words (place + year).
        ("ke hoach tuyen truyen hai duong 2025", HAI_DUONG_PLAN, HAI_DUONG_STUB),
        (
            "tuyen truyen thai binh 2022",
            "ke-hoach/so-xay-dung-thai-binh-2022-tuyen-truyen-cchc/",
            "ke-hoach/ubnd-tinh-thai-binh-2022-kh-15/",
        ),
        # An exact number first: the document itself, not the pages citing it.
        ("61/2018/ND-CP", DECREE_61, "van-ban/107-2021-nd-cp/"),
        ("236/KH-UBND", HAI_DUONG_STUB, HAI_DUONG_PLAN),
    ],
)
def test_ranking(search_page, served_site, query, first, below):
    page, _ = search_page
    page.goto(served_site + SEARCH_URL + "?q=" + quote_plus(query))
    hrefs = _site_relative(_results(page))
    assert hrefs[0] == first, hrefs
    assert below not in hrefs or hrefs.index(below) > 0, hrefs


@pytest.mark.browser
def test_result_entry_shows_number_agency_date_and_validity(search_page, served_site):
    page, _ = search_page
    page.goto(served_site + SEARCH_URL + "?q=nghi+dinh+61")
    _results(page)
    entry = page.locator(".pagefind-ui__result", has=page.locator(f"a[href$='/{DECREE_61}']"))
    entry.locator(".pagefind-ui__result-tag").first.wait_for()
    tags = entry.locator(".pagefind-ui__result-tag").all_inner_texts()
    assert [t.split(":")[0] for t in tags] == ["Văn bản", "Cơ quan", "Ngày ban hành", "Hiệu lực"]
    assert tags[0].strip() == "Văn bản: Nghị định 61/2018/NĐ-CP"
    assert tags[1].strip() == "Cơ quan: Chính phủ"
    assert tags[2].strip() == "Ngày ban hành: 23/04/2018"
    assert tags[3].split(":")[1].strip() in VALIDITY_STATUSES
    # The excerpt is the page's own text, with its diacritics, the match highlighted.
    excerpts = page.locator(".pagefind-ui__result-excerpt").all_inner_texts()
    marks = entry.locator(".pagefind-ui__result-excerpt mark").all_inner_texts()
    assert marks and "Nghị" in " ".join(marks)
    joined = " ".join(excerpts)
    assert "Nghi dinh" not in joined and "dịnh" not in joined and "ND-CP" not in joined


@pytest.mark.browser
def test_search_quality_on_the_seed_site(browser, served_site, capsys):
    """Every query of the quality set finds its page in the top 3 (``make bench`` runs the set
    at 2,000 plans)."""
    page = browser.new_page()
    try:
        outcomes = run_queries(page, served_site, load_queries(QUALITY_SET))
    finally:
        page.close()
    with capsys.disabled():  # the hit rate shows in `make test`'s output
        print("\nsearch quality set on the seed site: " + report(outcomes).splitlines()[-1])
    assert len(outcomes) >= 30
    assert [o.query.text for o in outcomes if not o.hit] == [], "\n" + report(outcomes)


SEED_PART_PAGES = 46  # the seed site's 92 content pages in two parts


@pytest.mark.browser
def test_search_quality_with_the_index_in_parts(browser, tmp_path_factory, capsys):
    """The quality set on the seed site indexed in parts, as a large site is (each part one
    Pagefind run, merged in the browser): every query still finds its page in the top 3."""
    repo = copy_repository(tmp_path_factory.mktemp("parts-repo"))
    build = build_site(repo, repo / "site", cchc={"search_part_pages": SEED_PART_PAGES})
    assert build.returncode == 0, build.log[-3000:]
    assert (build.site / BUNDLE_DIR / "part-2").is_dir()
    with serve(build.site) as base_url:
        page = browser.new_page()
        try:
            outcomes = run_queries(page, base_url, load_queries(QUALITY_SET))
        finally:
            page.close()
    with capsys.disabled():
        print("\nsearch quality set, index in parts: " + report(outcomes).splitlines()[-1])
    assert [o.query.text for o in outcomes if not o.hit] == [], "\n" + report(outcomes)


FILTER_VALUES_JS = """() => Object.fromEntries(
  [...document.querySelectorAll('.pagefind-ui__filter-block')].map(block => [
    block.querySelector('.pagefind-ui__filter-name').textContent.trim(),
    [...block.querySelectorAll('.pagefind-ui__filter-checkbox')].map(box => box.value),
  ]))"""


@pytest.mark.browser
def test_filter_values_are_listed_in_vietnamese_order(search_page, served_site):
    """Each filter's values as the page draws them follow ``collation.sort_key`` ("Đồng Nai"
    before "Hải Dương", not after "Trung ương" as code points would have it), after a first
    query and after a second one changes the counts."""
    page, _ = search_page
    page.goto(served_site + SEARCH_URL)
    for query in ("tuyen truyen", "ke hoach"):
        page.fill(".pagefind-ui__search-input", query)
        _wait_for_message(page, query)
        if query == "tuyen truyen":
            _open_filter_panel(page)
        page.wait_for_selector(".pagefind-ui__filter-checkbox", state="attached")
        drawn = page.evaluate(FILTER_VALUES_JS)
        assert "Tỉnh/thành" in drawn and set(drawn) <= set(FILTERS), drawn
        for name, values in drawn.items():
            assert values == sorted(values, key=sort_key), (name, values)
        provinces = drawn["Tỉnh/thành"]
        assert provinces.index("Đồng Nai") < provinces.index("Hải Dương")
        assert sorted(provinces) != provinces  # code-point order would differ: the test can fail
