"""Accessibility (WCAG 2.1 AA) and the phone experience, checked in headless Chromium.

axe-core (shipped with axe-playwright-python, no network) runs over a representative set of
built pages at desktop and phone width, in the light and the dark colour scheme; keyboard,
reflow, text size and tap-target checks cover what axe does not measure.
"""

from __future__ import annotations

from urllib.parse import quote_plus

import pytest

from cchc_kb.site import urls

PLAN = "ke-hoach/ubnd-xa-tien-tien-2024-tuyen-truyen-cchc/"

# One page of each kind a reader meets.
PAGES = {
    "home": "",
    "plan": PLAN,
    "legal": "van-ban/61-2018-nd-cp/",
    "stub": "ke-hoach/ubnd-tinh-hai-duong-2025-kh-236/",
    "agency": "co-quan/so-xay-dung-hai-duong/",
    "year": "nam/2018/",
    "tasks": "nhiem-vu/",
    "implementation": "do-thi/he-thong-ke-hoach/ubnd-tinh-hai-duong/",
    "lookup": "van-ban/",
    "graph-hub": "do-thi/",
    "ranking": "do-thi/van-ban-duoc-dan-nhieu-nhat/",
    "data-quality": "chat-luong-du-lieu/",
    "open-data": "du-lieu-mo/",
    "search": "tim-kiem/",
}
WIDTHS = {"desktop": 1280, "phone": 390}
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# axe leaves its experimental rules out unless asked; label-content-name-mismatch (WCAG 2.5.3,
# label in name) is one of them.
AXE_TAGS = [*WCAG_TAGS, "experimental"]


@pytest.fixture(scope="module")
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


def _open(browser, served_site, path, width, scheme="light", js=True):
    context = browser.new_context(
        viewport={"width": width, "height": 900 if width > 600 else 844},
        color_scheme=scheme,
        java_script_enabled=js,
    )
    page = context.new_page()
    response = page.goto(served_site + path)
    assert response.ok, path
    page.wait_for_load_state("load")
    return context, page


def _report(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        for node in v["nodes"]:
            lines.append(f"{v['id']} [{v['impact']}] {node['target']}: {v['help']}")
            summary = (node.get("failureSummary") or "").replace("\n", " ")
            lines.append(f"    {summary[:300]}")
    return "\n".join(lines)


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize("name", PAGES)
def test_axe_finds_no_wcag_violation(browser, served_site, axe, name, width, scheme):
    context, page = _open(browser, served_site, PAGES[name], width, scheme)
    try:
        violations = _violations(axe, page)
        assert violations == [], "\n" + _report(violations)
    finally:
        context.close()


def _violations(axe, page) -> list[dict]:
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    return axe.run(page, options=options).response["violations"]


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
def test_axe_finds_no_violation_in_search_results_and_filters(
    browser, served_site, axe, width, scheme
):
    """The search page as a reader uses it: results with their tags and validity badge, a
    filter group open and one value ticked."""
    path = PAGES["search"] + "?q=nghi+dinh+61&f=" + quote_plus("Loại văn bản:Nghị định")
    context, page = _open(browser, served_site, path, width, scheme)
    try:
        page.wait_for_selector(".pagefind-ui__result-tag")
        page.locator("summary.pagefind-ui__filter-name", has_text="Tỉnh/thành").click()
        violations = _violations(axe, page)
        assert violations == [], "\n" + _report(violations)
    finally:
        context.close()


def _has_focus_indicator(page) -> bool:
    """The focused element shows where focus is: an outline or a box shadow; a graph node link
    (SVG, no outline) thickens its node's stroke in the focus colour instead."""
    return page.evaluate(
        """() => {
          const e = document.activeElement;
          if (e.closest('svg')) {
            const shape = e.querySelector('.n, .more');
            return !!shape && parseFloat(getComputedStyle(shape).strokeWidth) >= 3;
          }
          const s = getComputedStyle(e);
          const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
          return outline || s.boxShadow !== 'none';
        }"""
    )


@pytest.mark.browser
def test_keyboard_reaches_body_citations_and_graph_nodes(browser, served_site):
    context, page = _open(browser, served_site, PLAN, 1280)
    try:
        # The first Tab stop is the skip link; following it moves focus past the navigation.
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.classList.contains('md-skip')")
        page.wait_for_timeout(400)  # Material fades the skip link in
        assert page.is_visible(".md-skip") and _has_focus_indicator(page)
        heading = page.eval_on_selector("article h1", "h => h.id")
        page.keyboard.press("Enter")
        assert page.evaluate("location.hash") == "#" + heading
        page.keyboard.press("Tab")
        assert page.evaluate("!!document.activeElement.closest('article')")

        seen = {"citation": False, "graph": False}
        missing_indicator = []
        for _ in range(400):
            kind = page.evaluate(
                """() => {
                  const e = document.activeElement;
                  if (e.closest('.cchc-graph svg')) return 'graph';
                  const inBody = e.matches('article a[href*="van-ban/"]')
                    && !e.closest('table, nav, .cchc-graph, .cchc-notice');
                  return inBody ? 'citation' : 'other';
                }"""
            )
            if kind in seen:
                seen[kind] = True
            if not _has_focus_indicator(page):
                missing_indicator.append(page.evaluate("document.activeElement.outerHTML"))
            if all(seen.values()):
                break
            page.keyboard.press("Tab")
        assert seen == {"citation": True, "graph": True}
        assert missing_indicator == []
    finally:
        context.close()


PAGE_WIDTH_JS = "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
SMALL_TEXT_JS = """() => [...document.querySelectorAll(
    'article p, article li, article td, article th, article dd')]
  .filter(e => e.offsetParent && e.textContent.trim())
  .map(e => [e.tagName, e.textContent.trim().slice(0, 40), parseFloat(getComputedStyle(e).fontSize)])
  .filter(([, , size]) => size < 16)"""
SMALL_TARGETS_JS = """sel => [...document.querySelectorAll(sel)]
  .map(e => [e.textContent.trim().slice(0, 30) || e.getAttribute('aria-label'),
             e.getBoundingClientRect()])
  .filter(([, r]) => r.width > 0 && r.height > 0 && r.right > 0 && r.left < innerWidth)
  .filter(([, r]) => r.width < 24 || r.height < 24)
  .map(([name, r]) => [name, Math.round(r.width), Math.round(r.height)])"""


@pytest.mark.browser
@pytest.mark.parametrize("name", [*PAGES, "lookup-page-2"])
def test_phone_page_does_not_scroll_sideways_and_reads_at_16px(browser, served_site, name):
    path = PAGES.get(name) or urls.url_of(urls.paginated_src("van-ban/index.md", 2))
    context, page = _open(browser, served_site, path, WIDTHS["phone"])
    try:
        scroll_width, width = page.evaluate(PAGE_WIDTH_JS)
        assert scroll_width <= width + 1
        assert page.evaluate(SMALL_TEXT_JS) == []
        # Pager and header controls: 24 x 24 px at least (WCAG 2.5.8).
        assert (
            page.evaluate(SMALL_TARGETS_JS, ".cchc-pager a, .md-header a, .md-header label") == []
        )
        # The navigation drawer opens without JavaScript; its links are large enough too.
        page.click("label.md-header__button[for='__drawer']")
        page.wait_for_timeout(400)
        assert page.evaluate(SMALL_TARGETS_JS, ".md-sidebar--primary .md-nav__link") == []
    finally:
        context.close()


@pytest.mark.browser
def test_phone_wide_tables_scroll_in_their_own_box(browser, served_site):
    context, page = _open(browser, served_site, PLAN, WIDTHS["phone"])
    try:
        box = page.locator(".cchc-scroll").first
        assert box.get_attribute("tabindex") == "0" and box.get_attribute("role") == "region"
        overflow, wider = box.evaluate(
            "b => [getComputedStyle(b).overflowX, b.scrollWidth > b.clientWidth]"
        )
        assert overflow == "auto" and wider  # the task appendix scrolls inside its box
        # Attribute panel and lists reflow within the page.
        for selector in ("table.cchc-panel", "table.cchc-list"):
            for right in page.eval_on_selector_all(
                selector, "ts => ts.map(t => t.getBoundingClientRect().right)"
            ):
                assert right <= WIDTHS["phone"]
        assert page.evaluate(PAGE_WIDTH_JS)[0] <= WIDTHS["phone"] + 1
    finally:
        context.close()


@pytest.mark.browser
def test_dark_scheme_follows_the_system_without_javascript(browser, served_site):
    """Material's palette switch needs its JavaScript, which the site does not ship: the CSS
    maps the reader's prefers-color-scheme instead, for the page and the inline SVG."""
    colours = {}
    for scheme in ("light", "dark"):
        context, page = _open(browser, served_site, PLAN, 1280, scheme, js=False)
        try:
            colours[scheme] = page.evaluate(
                """() => [getComputedStyle(document.body).backgroundColor,
                          getComputedStyle(document.querySelector('.cchc-g .e')).stroke,
                          getComputedStyle(document.querySelector('.cchc-g text')).fill]"""
            )
        finally:
            context.close()
    light, dark = colours["light"], colours["dark"]
    assert light[0] == "rgb(255, 255, 255)"
    assert dark[0] != light[0] and dark[1] != light[1] and dark[2] != light[2]
