"""Share metadata on every page kind and the "Báo lỗi, góp ý" link on every document page:
Open Graph and Twitter-card tags with correct Vietnamese, escaped once; the report link to the
configured address with subject and page address percent-encoded; javascript: refused."""

from __future__ import annotations

import re
import unicodedata
from html import unescape
from html.parser import HTMLParser
from urllib.parse import parse_qs, unquote

import pytest
from conftest import build_site, copy_repository

from cchc_kb.site.share import report_href, report_target

SITE_URL = "https://cong-thong-tin.example/cong-khai/cchc/"
SITE_NAME = "Kế hoạch cải cách hành chính"
REPORT = "mailto:gopy@cong-thong-tin.example"
# page kind -> URL in the seed site; the first five are document pages
DOCUMENT_PAGES = {
    "plan": "ke-hoach/so-xay-dung-thai-binh-2022-tuyen-truyen-cchc/",
    "stub plan": "ke-hoach/ubnd-tinh-thai-binh-2022-kh-15/",
    "legal": "van-ban/61-2018-nd-cp/",
    "agency": "co-quan/so-xay-dung-thai-binh/",
}
OTHER_PAGES = {
    "home": "",
    "plan list": "ke-hoach/",
    "plan list page 2": "van-ban/trang-2/",
    "implementation": "ke-hoach/ubnd-tinh-thai-binh-2022-kh-15/trien-khai/",
    "year": "nam/2022/",
    "type": "loai/ke-hoach/",
    "agencies": "co-quan/",
    "tasks": "nhiem-vu/",
    "graph": "do-thi/",
    "data quality": "chat-luong-du-lieu/",
    "open data": "du-lieu-mo/",
    "search": "tim-kiem/",
    "guide": "huong-dan/",
    "staff guide": "cap-nhat-ke-hoach/",
    "operator guide": "van-hanh/",
}
HELP_TO_CHECK = "Bạn có thể giúp kiểm tra"


class Head(HTMLParser):
    """meta properties/names, the canonical link, <title>, h1 text and the report box's links."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, list[str]] = {}
        self.canonical: str | None = None
        self.title = ""
        self.h1 = ""
        self.report_links: list[str] = []
        self._open: set[str] = set()  # "title" (in the head only), "h1"
        self._in_body = False
        self._report_depth = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "meta" and ("property" in a or "name" in a):
            self.meta.setdefault(a.get("property") or a["name"], []).append(a.get("content") or "")
        if tag == "link" and a.get("rel") == "canonical":
            self.canonical = a.get("href")
        if tag == "aside" and a.get("id") == "bao-loi":
            self._report_depth = 1
        elif tag == "aside" and self._report_depth:
            self._report_depth += 1
        if tag == "a" and self._report_depth:
            self.report_links.append(a.get("href") or "")
        self._in_body = self._in_body or tag == "body"
        if tag == "h1" or (tag == "title" and not self._in_body):  # not SVG titles
            self._open.add(tag)

    def handle_endtag(self, tag):
        if tag == "aside" and self._report_depth:
            self._report_depth -= 1
        self._open.discard(tag)

    def handle_data(self, data):
        if "title" in self._open:
            self.title += data
        if "h1" in self._open:
            self.h1 += data

    def one(self, key: str) -> str:
        values = self.meta.get(key, [])
        assert len(values) == 1, (key, values)
        return values[0]


def head_of(build, url: str) -> tuple[Head, str]:
    """The page at a directory URL ("ke-hoach/<id>/") or a file URL ("ke-hoach/<id>.html")."""
    html = (build.site / url).read_text("utf-8") if url.endswith(".html") else build.html(url)
    parsed = Head()
    parsed.feed(html)
    return parsed, html


def _expected_title(head: Head, url: str) -> str:
    if url == "":
        return SITE_NAME
    return head.title.removesuffix(f" - {SITE_NAME}").strip()


@pytest.mark.parametrize("url", [*DOCUMENT_PAGES.values(), *OTHER_PAGES.values()])
def test_every_page_kind_has_share_metadata(real_site, url):
    head, _ = head_of(real_site, url)
    assert head.canonical == SITE_URL + url
    assert head.one("og:url") == head.canonical
    assert head.one("og:title") == _expected_title(head, url) != ""
    assert head.one("og:site_name") == SITE_NAME
    assert head.one("og:description") == " ".join(head.one("description").split()) != ""
    kind = "article" if url in DOCUMENT_PAGES.values() else "website"
    assert head.one("og:type") == kind
    assert head.one("og:locale") == "vi_VN"
    assert head.one("og:image") == SITE_URL + "assets/logo.png"
    assert head.one("og:image:alt") == "Biểu trưng Sở Nội vụ"
    assert head.one("twitter:card") == "summary"
    assert head.one("twitter:title") == head.one("og:title")
    assert head.one("twitter:description") == head.one("og:description")
    for key, values in head.meta.items():
        for value in values:
            assert unicodedata.is_normalized("NFC", value), key
            assert "&" not in value or "&amp;" not in value, (key, value)  # escaped once


def test_document_page_share_title_is_its_heading(real_site):
    for url in DOCUMENT_PAGES.values():
        head, _ = head_of(real_site, url)
        assert head.one("og:title") == " ".join(head.h1.split()), url
    head, _ = head_of(real_site, DOCUMENT_PAGES["legal"])
    assert head.one("og:title") == "Nghị định 61/2018/NĐ-CP"
    assert head.one("og:description").startswith("Về thực hiện cơ chế một cửa")


def test_share_image_is_a_png_in_the_site(real_site):
    data = (real_site.site / "assets" / "logo.png").read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert width == height >= 200


def test_404_page_has_share_metadata(real_site):
    head = Head()
    head.feed((real_site.site / "404.html").read_text("utf-8"))
    assert head.one("og:locale") == "vi_VN"
    assert head.one("og:title") == SITE_NAME


def _report(head: Head) -> tuple[str, dict[str, list[str]]]:
    assert len(head.report_links) == 1, head.report_links
    href = head.report_links[0]
    assert re.fullmatch(r"[\x21-\x7e]+", href), href  # percent-encoded: ASCII, no spaces
    address, _, query = href.partition("?")
    return address, parse_qs(query)


@pytest.mark.parametrize("kind", DOCUMENT_PAGES)
def test_document_pages_link_to_report_an_error(real_site, kind):
    url = DOCUMENT_PAGES[kind]
    head, html = head_of(real_site, url)
    address, query = _report(head)
    assert address == REPORT
    assert query["subject"] == [f"Báo lỗi, góp ý: {head.one('og:title')}"]
    assert query["body"][0].startswith(f"Trang: {SITE_URL}{url}\r\n")
    assert "Báo lỗi về trang này" in html
    # Pages with facts not yet checked say how to help check them.
    unchecked = "Thông tin chưa được kiểm tra" in html
    assert (HELP_TO_CHECK in " ".join(html.split())) == unchecked
    if kind == "legal":
        assert unchecked


@pytest.mark.parametrize("url", OTHER_PAGES.values())
def test_other_pages_have_no_report_box(real_site, url):
    head, html = head_of(real_site, url)
    assert head.report_links == [] and 'id="bao-loi"' not in html


HOSTILE_ID = "so-xay-dung-hai-duong-2025-chia-se"
HOSTILE_SUMMARY = 'Tuyên truyền "CCHC" & <b>số hóa</b> </title><script>alert(1)</script> năm 2025'
HOSTILE_PLAN = f"""\
---
id: {HOSTILE_ID}
so_ky_hieu: 7/KH-SXD
loai_van_ban: Kế hoạch
trich_yeu: '{HOSTILE_SUMMARY}'
co_quan_ban_hanh: so-xay-dung-hai-duong
ngay_ban_hanh: "2025-02-03"
nam: 2025
tinh_trang: ban_hanh
thuc_hien: [ubnd-tinh-hai-duong-2025-kh-236]
can_cu: [ubnd-tinh-hai-duong-2025-kh-236]
linh_vuc: [thu_tuc_hanh_chinh]
---
Căn cứ Quyết định số 9876/QĐ-UBND ngày 05/01/2025 của UBND tỉnh Hải Dương.
"""
FORM = "https://gop-y.example/bao-loi?trang={url}&tieu-de={title}"


@pytest.fixture(scope="module")
def form_site(tmp_path_factory):
    """The seeds plus a plan with markup and quotes in its summary; reports go to a form; the
    portal serves pages as ``.html`` files (no directory URLs)."""
    base = tmp_path_factory.mktemp("share")
    repo = copy_repository(base / "repo")
    plan = repo / "plans" / "so-xay-dung-hai-duong" / "2025" / f"{HOSTILE_ID}.md"
    plan.write_text(HOSTILE_PLAN, "utf-8")
    build = build_site(repo, base / "site", cchc={"report": FORM}, use_directory_urls=False)
    assert build.returncode == 0, build.log[-3000:]
    return build


def test_hostile_summary_is_escaped_once_in_share_metadata(form_site):
    url = f"ke-hoach/{HOSTILE_ID}.html"
    head, html = head_of(form_site, url)
    assert head.one("og:description") == HOSTILE_SUMMARY
    assert head.one("twitter:description") == HOSTILE_SUMMARY
    assert "<script>alert(1)" not in html
    assert "&amp;lt;" not in html  # not escaped twice
    head_html = html.split("</head>", 1)[0]
    assert head_html.count("<title>") == 1


def test_report_goes_to_the_configured_form(form_site):
    url = f"ke-hoach/{HOSTILE_ID}.html"
    head, _ = head_of(form_site, url)
    assert head.canonical == head.one("og:url") == SITE_URL + url
    address, query = _report(head)
    assert address == "https://gop-y.example/bao-loi"
    assert query["trang"] == [SITE_URL + url]
    assert query["tieu-de"] == [head.one("og:title")] == ["Kế hoạch 7/KH-SXD"]


def test_unresolved_citation_page_has_share_metadata_and_report_link(form_site):
    pages = sorted((form_site.site / "van-ban" / "chua-xac-dinh").glob("*.html"))
    assert pages, "the unknown Quyết định gets a stub page"
    url = pages[0].relative_to(form_site.site).as_posix()
    head, _ = head_of(form_site, url)
    assert head.one("og:type") == "article"
    assert head.one("og:url") == SITE_URL + url
    address, query = _report(head)
    assert address == "https://gop-y.example/bao-loi" and query["trang"] == [SITE_URL + url]


@pytest.mark.parametrize(
    "target",
    [
        "javascript:alert(1)",
        " JavaScript:alert(1)",
        "data:text/html,x",
        "vbscript:x",
        "ftp://x.example/",
        "gopy@x.example",
        "mailto:gopy@x.example?subject=x",
    ],
)
def test_report_target_refuses_other_schemes(target):
    with pytest.raises(ValueError, match="extra.cchc.report"):
        report_target(target)
    with pytest.raises(ValueError):
        report_href(target, SITE_URL, "x")


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("", ""),
        (None, ""),
        (
            "mailto:a@b.example",
            "mailto:a@b.example?subject=B%C3%A1o%20l%E1%BB%97i%2C%20g%C3%B3p%20%C3%BD%3A%20"
            "Ngh%E1%BB%8B%20%C4%91%E1%BB%8Bnh%2061%2F2018%2FN%C4%90-CP%20%26%20x"
            "&body=Trang%3A%20https%3A%2F%2Fh.example%2Fa%2F%0D%0A%0D%0A"
            "Th%C3%B4ng%20tin%20c%E1%BA%A7n%20s%E1%BB%ADa%20%28ghi%20r%C3%B5%20ngu%E1%BB%93n"
            "%20n%E1%BA%BFu%20c%C3%B3%29%3A%0D%0A",
        ),
        ("https://f.example/?u={url}", "https://f.example/?u=https%3A%2F%2Fh.example%2Fa%2F"),
    ],
)
def test_report_href(target, expected):
    # The title reaches the filter escaped for HTML (front-matter) and comes out plain.
    href = report_href(target, "https://h.example/a/", "Nghị định 61/2018/NĐ-CP &amp; x")
    assert href == expected
    if href.startswith("mailto:"):
        assert unquote(href).startswith("mailto:a@b.example?subject=Báo lỗi, góp ý: Nghị định")
        assert unescape("&amp;") == "&"


def test_build_refuses_a_javascript_report_address(tmp_path):
    repo = copy_repository(tmp_path / "repo")
    build = build_site(repo, tmp_path / "site", cchc={"report": "javascript:alert(1)"})
    assert build.returncode != 0
    assert "extra.cchc.report" in build.log
    assert not (tmp_path / "site" / "index.html").exists()
