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


# ---------------------------------------------------------------------------------------------
# Each fact: checked against a named source, or not checked, on the page


def _cell(html: str, label: str) -> str:
    match = re.search(rf'<th scope="row">{re.escape(label)}</th><td>(.*?)</td></tr>', html, re.S)
    assert match, label
    return match.group(1)


# (record, panel row, checked, words the source line must say, link hosts in it)
FACTS = [
    ("22-2018-qd-ttg", "Số ký hiệu", False, "Chưa kiểm tra: theo trích dẫn trong", []),
    ("22-2018-qd-ttg", "Ngày ban hành", True, "Đã đối chiếu với", ["hoatieu.vn"]),
    (
        NEW,
        "Trích yếu",
        True,
        "Đã đối chiếu với",
        ["beta.thuvienphapluat.vn", "luatvietnam.vn", "tintuc.thuvienphapluat.com"],
    ),
    (NEW, "Tình trạng đã ghi nhận", False, "Chưa kiểm tra: suy ra từ ngày có hiệu lực", []),
    ("45-2025-nd-cp", "Ngày có hiệu lực", True, "Đã đối chiếu với", ["vietnamplus.vn"]),
]


@pytest.mark.parametrize(("doc_id", "label", "checked", "words", "hosts"), FACTS)
def test_a_fact_says_whether_it_is_checked_and_where_it_comes_from(
    real_site, doc_id, label, checked, words, hosts
):
    cell = _cell(real_site.html(f"van-ban/{doc_id}/"), label)
    state = "checked" if checked else "unchecked"
    opening = f'<small class="cchc-source cchc-source--{state}">'
    assert opening + words in cell
    line = cell.split(opening, 1)[1].split("</small>", 1)[0]
    linked = [a for a in parse(line).anchors if a["attrs"].get("rel") == "external noopener"]
    assert sorted(a["text"] for a in linked) == sorted(hosts)
    assert all(a["attrs"]["href"].startswith(("https://", "http://")) for a in linked)


def test_every_fact_of_every_legal_page_shows_its_source(real_site, real_corpus):
    rows = {
        "Số ký hiệu": "so_ky_hieu",
        "Loại văn bản": "loai_van_ban",
        "Cơ quan ban hành": "co_quan_ban_hanh",
        "Ngày ban hành": "ngay_ban_hanh",
        "Ngày có hiệu lực": "ngay_co_hieu_luc",
        "Trích yếu": "trich_yeu",
    }
    for doc in real_corpus.legal.values():
        html = real_site.html(f"van-ban/{doc.id}/")
        for label, field in rows.items():
            cell = _cell(html, label)
            checked = any(field in p.fields and p.checked for p in doc.provenance)
            assert ("cchc-source--checked" in cell) is checked, (doc.id, field)
            assert ("cchc-source--unchecked" in cell) is not checked, (doc.id, field)


def test_the_source_of_each_relation_is_shown(real_site):
    relations = real_site.html("van-ban/45-2025-nd-cp/").split('class="cchc-relations"', 1)[1]
    relations = relations.split("</ul>", 1)[0]
    # 45/2025 replacing 24/2014 and 107/2020 is likely but unsourced: the page must say so.
    assert relations.count("Chưa kiểm tra: cùng đối tượng điều chỉnh") == 2
    assert "cchc-source--checked" not in relations
    notice = real_site.html("van-ban/45-2025-nd-cp/").split("Thông tin chưa được kiểm tra", 1)[1]
    assert "quan hệ thay thế" in notice.split("</div>", 1)[0]


def test_another_reading_is_shown_as_nguon_khac_ghi(real_site):
    cell = _cell(real_site.html("van-ban/22-2018-qd-ttg/"), "Ngày ban hành")
    assert "Nguồn khác ghi ngày 09 tháng 5 năm 2018: phần tóm tắt" in cell


HOSTILE_SOURCES = [
    # (source text, the links it may give)
    ("javascript:alert(1) và https://a.example/x?q=1&b=2.", ["https://a.example/x?q=1&b=2"]),
    ('<script>alert("x")</script> data:text/html,1', []),
    ("http://b.example/a_(b) ; ftp://c.example/", ["http://b.example/a_(b"]),
]


@pytest.mark.parametrize(("text", "hrefs"), HOSTILE_SOURCES)
def test_a_source_links_only_http_addresses_and_escapes_the_rest(real_corpus, text, hrefs):
    from cchc_kb.site.common import Links
    from cchc_kb.site.facts import source_text

    html = str(source_text(text, Links(real_corpus, urls.DIRECTORY_URLS, "van-ban/x.md")))
    assert [a["attrs"]["href"] for a in parse(html).anchors] == hrefs
    assert "<script" not in html


# ---------------------------------------------------------------------------------------------
# Known misquotes on the page; the plans citing under one are among its citers


def test_known_misquotes_are_listed_on_the_legal_page(real_site):
    html = real_site.html(f"van-ban/{NEW}/")
    section = html.split("Một số văn bản trích dẫn sai thành:", 1)[1].split("</div>", 1)[0]
    assert "“Nghị định 61/2024/NĐ-CP ngày 16 tháng 8 năm 2024”" in section
    assert f"ke-hoach/{SEED_002}/" in section


def test_plans_citing_a_misquote_are_in_the_cited_by_lists(real_site, real_corpus):
    checked = 0
    for doc in real_corpus.legal.values():
        for plan in real_corpus.plans.values():
            misquoting = [
                c
                for c in plan.citations
                if c.id == doc.id and c.correction and c.correction.code == "misquoted-citation"
            ]
            if not misquoting:
                continue
            citers = real_corpus.based_on(doc.id) + real_corpus.referenced_by(doc.id)
            assert plan in citers, (doc.id, plan.id)
            anchors = parse(real_site.html(f"van-ban/{doc.id}/")).anchors
            cited_by = [
                a
                for a in anchors
                if a["attrs"]["href"].endswith(f"ke-hoach/{plan.id}/")
                and a["after_heading"].startswith(("uoc-can-cu-boi", "uoc-dan-chieu-boi"))
            ]
            assert cited_by, (doc.id, plan.id)
            checked += 1
    assert checked >= 1


# ---------------------------------------------------------------------------------------------
# A status checked too long before as_of says so; the periods are configurable

STALE = "Tình trạng hiệu lực được kiểm tra lần cuối ngày 30/11/2026; có thể đã thay đổi."


@pytest.fixture(scope="module")
def later_site(tmp_path_factory):
    """The seed a year later, with 'Chưa rõ' trusted for 400 days instead of 90."""
    import yaml
    from conftest import ROOT

    extra = yaml.safe_load((ROOT / "mkdocs.yml").read_text("utf-8"))["extra"]
    extra["cchc"].update(as_of="2027-12-01", status_check_days={"Chưa rõ": 400})
    tmp = tmp_path_factory.mktemp("later")
    build = build_site(copy_repository(tmp / "repo"), tmp / "site", extra=extra)
    assert build.returncode == 0, build.log
    return build


# (record, its recorded status, stale a year later with Chưa rõ at 400 days)
STALENESS = [
    (NEW, "Còn hiệu lực", True),  # 366 days > 180
    ("45-2025-nd-cp", "Chưa rõ", False),  # 366 days <= 400 (configured)
    ("22-2018-qd-ttg", "Hết hiệu lực toàn bộ", False),  # an ended document is never due
]


@pytest.mark.parametrize(("doc_id", "status", "stale"), STALENESS)
def test_a_status_checked_too_long_ago_says_so(real_site, later_site, doc_id, status, stale):
    later = later_site.html(f"van-ban/{doc_id}/")
    assert f"Tình trạng đã ghi nhận</th><td>{status}" in later
    assert (STALE in later) is stale
    assert (STALE in _cell(later, "Tình trạng đã ghi nhận")) is stale
    assert STALE not in real_site.html(f"van-ban/{doc_id}/")  # checked a week after as_of


# (extra.cchc.status_check_days, the periods read, or the words of the error)
PERIOD_SETTINGS = [
    (None, {}, None),
    ({"Còn hiệu lực": 30, "Chưa rõ": None}, {"Còn hiệu lực": 30, "Chưa rõ": None}, None),
    ({"Con hieu luc": 30}, None, "tình trạng không có: 'Con hieu luc'"),
    ({"Còn hiệu lực": -1}, None, "phải là số ngày"),
    ({"Còn hiệu lực": "180"}, None, "phải là số ngày"),
    ([180], None, "phải là bảng"),
]


@pytest.mark.parametrize(("configured", "changed", "error"), PERIOD_SETTINGS)
def test_status_check_days_is_read_through_site_settings(configured, changed, error):
    from cchc_kb.analysis.validity import STATUS_CHECK_DAYS
    from cchc_kb.site.settings import SiteSettings

    cchc = {"as_of": "2026-11-23", "status_check_days": configured}
    if error:
        with pytest.raises(ValueError, match=re.escape(error)):
            SiteSettings.from_config(cchc)
        return
    assert SiteSettings.from_config(cchc).status_check_days == {**STATUS_CHECK_DAYS, **changed}


# (id_cu given to 122/2018, the record reported (the later read) and the error, or None)
FORMER_IDS = [
    (
        ["22-2018-qd-ttg"],
        "122-2018-nd-cp",
        "id_cu: '22-2018-qd-ttg' đã là địa chỉ của '22-2018-qd-ttg'",
    ),
    ([OLD], NEW, f"id_cu: '{OLD}' đã là địa chỉ của '122-2018-nd-cp'"),
    (["61-2022-nd-cp"], None, None),
]


@pytest.mark.parametrize(("former", "reported", "error"), FORMER_IDS)
def test_an_old_address_leads_to_one_page_or_is_reported(tmp_path, former, reported, error):
    import yaml

    from cchc_kb.corpus import build_corpus
    from cchc_kb.site.redirects import former_addresses

    repo = copy_repository(tmp_path)
    path = repo / "legal" / "122-2018-nd-cp.md"
    head, front, body = path.read_text("utf-8").split("---", 2)
    data = yaml.safe_load(front)
    data["id_cu"] = former
    path.write_text(f"---\n{yaml.safe_dump(data, allow_unicode=True)}---{body}", "utf-8")
    corpus = build_corpus(repo)
    found = [d for d in corpus.diagnostics if d.code == "former-id-taken"]
    if error is None:
        assert found == [] and former_addresses(corpus)[former[0]] == "122-2018-nd-cp"
        return
    assert [(d.path, d.severity, d.message) for d in found] == [
        (f"legal/{reported}.md", "error", error)
    ]
    assert found[0].line > 1
    # A current record's id is no old address; a shared one stays with the record read first.
    holder = None if former[0] in corpus.legal else "122-2018-nd-cp"
    assert former_addresses(corpus).get(former[0]) == holder
