"""A national site from two province sites: one Pagefind search over both indexes (mergeIndex)
and one graph from both exports, with links that open each province's own pages — and no
request to another host. The province sites are built from their own synthetic repositories."""

from __future__ import annotations

import json
import urllib.request

import pytest
from conftest import build_site, parse, serve

from cchc_kb.site.federation import GRAPH_FILE, FederationError, ProvinceSite, federate
from cchc_kb.synthetic import write_repository

HOST_DIR = "cong"  # the one host's folder holding every site
PART_PAGES = {"search_part_pages": 30}
# (province after 1/7/2025, sub-path of its site, a query typed without diacritics that only
# its plans answer, the province whose plan it finds: one it absorbed on 1/7/2025)
PROVINCES = (
    ("Phú Thọ", "phu-tho", "ke hoach tuyen truyen vinh phuc", "Vĩnh Phúc"),
    ("Cà Mau", "ca-mau", "ke hoach tuyen truyen bac lieu", "Bạc Liêu"),
)


@pytest.fixture(scope="module")
def host(tmp_path_factory):
    """Two province sites and the national one, side by side under one folder."""
    root = tmp_path_factory.mktemp("host")
    sites = []
    for seed, (name, folder, _, _) in enumerate(PROVINCES):
        repo = write_repository(tmp_path_factory.mktemp(folder), 40, seed=seed, provinces=[name])
        # The second province's index is in parts, as a large province's is.
        build = build_site(repo, root / folder, cchc=PART_PAGES if seed else None)
        assert build.returncode == 0, build.log[-3000:]
        sites.append(ProvinceSite(name, root / folder, f"../{folder}/"))
    federate(sites, root / "quoc-gia")
    return root, sites


def test_graph_merges_both_provinces_and_shares_central_documents(host):
    root, sites = host
    graph = json.loads((root / "quoc-gia" / GRAPH_FILE).read_text("utf-8"))
    nodes = {n["id"]: n for n in graph["nodes"]}
    for site in sites:
        own = json.loads((site.site_dir / GRAPH_FILE).read_text("utf-8"))
        plans = [n["id"] for n in own["nodes"] if n["kind"] == "plan"]
        assert plans and all(f"{site.key}:{p}" in nodes for p in plans)
        plan = nodes[f"{site.key}:{plans[0]}"]
        assert plan["sites"] == [site.name] and plan["url"].startswith(site.base)
        assert (root / "quoc-gia" / plan["url"] / "index.html").resolve().is_file()
    shared = [n for n in graph["nodes"] if len(n["sites"]) == 2]
    assert shared and all(n["kind"] == "legal" and n["level"] == "trung_uong" for n in shared)
    ids = {n["id"] for n in graph["nodes"]}
    assert all(e["source"] in ids and e["target"] in ids for e in graph["edges"])


def test_national_page_reads_without_javascript(host):
    root, sites = host
    page = parse((root / "quoc-gia" / "index.html").read_text("utf-8"))
    hrefs = [a["attrs"].get("href") or "" for a in page.anchors]
    for site in sites:
        assert site.base in hrefs  # the province's own site
        assert any(h.startswith(site.base + "van-ban/") for h in hrefs)  # most-cited table
    assert all(not h.startswith(("http:", "https:", "//")) for h in hrefs)
    srcs = [a.get("src") or a.get("href") or "" for _, a in page.elements]
    assert all(not s.startswith(("http:", "https:", "//")) for s in srcs)


def test_missing_export_is_refused_with_its_path(tmp_path):
    with pytest.raises(FederationError, match=r"_pagefind/pagefind.js: error: export-missing"):
        federate([ProvinceSite("Huế", tmp_path, "../hue/")], tmp_path / "out")
    with pytest.raises(FederationError, match="base-not-relative"):
        federate([ProvinceSite("Huế", tmp_path, "https://example.org/")], tmp_path / "out")


def _result_count(browser, url: str, query: str) -> int:
    """The number of results Pagefind's UI announces for ``query`` on the page at ``url``."""
    page = browser.new_page()
    try:
        page.goto(url)
        page.fill(".pagefind-ui__search-input", query)
        message = page.wait_for_function(
            "q => { const m = document.querySelector('.pagefind-ui__message');"
            " return m && m.textContent.includes('kết quả cho ' + q) && m.textContent; }",
            arg=query,
            timeout=15_000,
        ).json_value()
    finally:
        page.close()
    return int(message.split()[0].replace(".", ""))


@pytest.mark.browser
def test_national_search_merges_every_part_of_a_province_index(host, browser):
    """A province indexed in parts: the national search answers from all of them: as many
    results as the two provinces' own searches together."""
    root, sites = host
    listed = json.loads((sites[1].site_dir / "_pagefind" / "cchc-parts.json").read_text("utf-8"))
    assert len(listed) >= 2, listed  # the first part and at least two more
    national = (root / "quoc-gia" / "index.html").read_text("utf-8")
    assert all(f"{sites[1].base}_pagefind/{part}" in national for part in listed)
    name, folder, query, _ = PROVINCES[1]
    with serve(root, HOST_DIR) as base:
        own = _result_count(browser, base + f"{folder}/tim-kiem/", query)
        assert own > len(listed) + 1  # answers from more than one part
        other = _result_count(browser, base + f"{PROVINCES[0][1]}/tim-kiem/", query)
        assert _result_count(browser, base + "quoc-gia/", query) == own + other


@pytest.mark.browser
@pytest.mark.parametrize(("name", "folder", "query", "place"), PROVINCES)
def test_national_search_finds_each_province_plan(host, browser, name, folder, query, place):
    root, _ = host
    with serve(root, HOST_DIR) as base:
        origin = base.split(HOST_DIR)[0]
        page = browser.new_page()
        foreign, errors = [], []
        page.on("request", lambda r: None if r.url.startswith(origin) else foreign.append(r.url))
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(base + "quoc-gia/")
        page.fill(".pagefind-ui__search-input", query)
        page.wait_for_function(
            "q => (document.querySelector('.pagefind-ui__message') || {})"
            ".textContent?.includes('kết quả cho ' + q)",
            arg=query,
            timeout=15_000,
        )
        page.wait_for_selector(".pagefind-ui__result-link", timeout=15_000)
        hrefs = page.eval_on_selector_all(
            ".pagefind-ui__result-link", "els => els.map(e => e.getAttribute('href'))"
        )
        prefix = f"/{HOST_DIR}/{folder}/ke-hoach/"
        mine = [h for h in hrefs if h.startswith(prefix)]
        assert mine, (query, hrefs)
        with urllib.request.urlopen(origin.rstrip("/") + mine[0]) as response:
            assert response.status == 200
        page.click(f".pagefind-ui__result-link[href='{mine[0]}']")
        page.wait_for_url("**" + mine[0])
        assert place in page.inner_text("h1") + page.inner_text("body")
        page.close()
        assert (foreign, errors) == ([], [])


def test_federating_again_gives_the_same_bytes(host, tmp_path):
    root, sites = host
    again = federate(sites, tmp_path / "again")
    for rel in ("index.html", GRAPH_FILE):
        assert (again / rel).read_bytes() == (root / "quoc-gia" / rel).read_bytes()
