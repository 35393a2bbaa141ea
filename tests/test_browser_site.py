"""The site in headless Chromium: hostile records run nothing; pages read without JavaScript;
nothing is requested from another host; it works under a portal's sub-path."""

from __future__ import annotations

import functools
import http.server
import threading

import pytest
from conftest import CHROMIUM_ARGS
from test_site_hostile import HOSTILE_URL, hostile_site  # noqa: F401 - shared fixture

from cchc_kb.site import urls

SUBPATH = "cong-khai/cchc"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def _serve(site, tmp_path):
    """Serve a built site under /cong-khai/cchc/, as a portal publishes it."""
    mount = tmp_path / "www"
    (mount / SUBPATH).parent.mkdir(parents=True)
    (mount / SUBPATH).symlink_to(site, target_is_directory=True)
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_Quiet, directory=str(mount))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}/{SUBPATH}/"


@pytest.fixture(scope="module")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        yield b
        b.close()


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
def test_hostile_plan_runs_nothing(browser, hostile_site, tmp_path):  # noqa: F811
    server, base = _serve(hostile_site.site, tmp_path)
    try:
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
    finally:
        server.shutdown()


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
def test_pages_read_without_javascript_under_a_sub_path(browser, real_site, tmp_path, src):
    server, base = _serve(real_site.site, tmp_path)
    try:
        context = browser.new_context(java_script_enabled=False)
        page = context.new_page()
        seen = _watch(page, base)
        response = page.goto(base + urls.url_of(src))
        assert response.ok
        page.wait_for_load_state("load")
        assert page.inner_text("h1").strip()
        assert page.is_visible("article")
        # The stylesheet applied: the header has the portal colour from mkdocs.yml.
        colour = page.eval_on_selector(".md-header", "e => getComputedStyle(e).backgroundColor")
        assert colour == "rgb(139, 26, 26)"
        assert seen["foreign"] == [] and seen["failed"] == [], seen
        context.close()
    finally:
        server.shutdown()


@pytest.mark.browser
def test_print_stylesheet_hides_navigation(browser, real_site, tmp_path):
    server, base = _serve(real_site.site, tmp_path)
    try:
        page = browser.new_page()
        page.goto(base + urls.url_of(urls.legal_src("61-2018-nd-cp")))
        page.emulate_media(media="print")
        assert not page.is_visible(".md-header")
        assert not page.is_visible(".md-sidebar--primary")
        assert page.is_visible("h1")
        page.close()
    finally:
        server.shutdown()
