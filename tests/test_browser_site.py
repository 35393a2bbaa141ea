"""The site in headless Chromium: hostile records run nothing; pages read without JavaScript;
nothing is requested from another host; it works under a portal's sub-path."""

from __future__ import annotations

import pytest
from conftest import SUBPATH, serve
from test_site_hostile import HOSTILE_URL, hostile_site  # noqa: F401 - shared fixture

from cchc_kb.site import urls


def _watch(page, base: str) -> dict:
    seen = {"dialogs": [], "foreign": [], "failed": [], "errors": []}
    page.on("dialog", lambda d: (seen["dialogs"].append(d.message), d.dismiss()))
    page.on(
        "request",
        lambda r: (
            None if r.url.startswith(base.split(SUBPATH)[0]) else seen["foreign"].append(r.url)
        ),
    )
    page.on("requestfailed", lambda r: seen["failed"].append(r.url))
    page.on("pageerror", lambda e: seen["errors"].append(str(e)))
    return seen


@pytest.mark.browser
def test_hostile_plan_runs_nothing(browser, hostile_site):  # noqa: F811
    with serve(hostile_site.site) as base:
        page = browser.new_page()
        seen = _watch(page, base)
        page.goto(base + HOSTILE_URL)
        page.wait_for_load_state("load")
        # Follow every link of the body, as a curious reader would.
        hrefs = page.eval_on_selector_all("a[href]", "els => els.map(e => e.getAttribute('href'))")
        assert not [h for h in hrefs if h.strip().lower().startswith("javascript")]
        for selector in ("article img", "article b", "article td"):
            for handle in page.query_selector_all(selector)[:20]:
                if handle.is_visible():
                    handle.hover(timeout=2000)
        assert page.evaluate("typeof window.__pwned") == "undefined"
        assert seen["dialogs"] == []
        assert seen["foreign"] == []
        text = page.inner_text("article")
        assert "<script>window.__pwned='body'" in text  # shown as text
        assert "{{ config }}" in text
        assert page.title().startswith("Kế hoạch <script>")
        page.close()


@pytest.mark.browser
@pytest.mark.parametrize(
    "src",
    [
        urls.plan_src("ubnd-xa-tien-tien-2024-tuyen-truyen-cchc"),
        urls.legal_src("61-2018-nd-cp"),
        urls.agency_src("so-xay-dung-hai-duong"),
        "index.md",
    ],
)
def test_pages_read_without_javascript_under_a_sub_path(browser, served_site, src):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    seen = _watch(page, served_site)
    response = page.goto(served_site + urls.url_of(src))
    assert response.ok
    page.wait_for_load_state("load")
    assert page.inner_text("h1").strip()
    assert page.is_visible("article")
    # The stylesheet applied: the header has the portal colour from mkdocs.yml.
    colour = page.eval_on_selector(".md-header", "e => getComputedStyle(e).backgroundColor")
    assert colour == "rgb(139, 26, 26)"
    assert seen["foreign"] == [] and seen["failed"] == [], seen
    context.close()


@pytest.mark.browser
def test_print_stylesheet_hides_navigation(browser, served_site):
    page = browser.new_page()
    page.goto(served_site + urls.url_of(urls.legal_src("61-2018-nd-cp")))
    page.emulate_media(media="print")
    assert not page.is_visible(".md-header")
    assert not page.is_visible(".md-sidebar--primary")
    assert page.is_visible("h1")
    page.close()
