"""The search index as files: what the index's copy of a page adds, filters and their canonical
form, and pages that carry their text once (tests/test_site.py builds the site twice and
compares every file, the filter files included)."""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import build_site, parse, serve

from cchc_kb.model.models import PartialDate
from cchc_kb.parallel import available_cpus
from cchc_kb.site import urls
from cchc_kb.site.page import SearchEntry
from cchc_kb.site.pagefind import (
    BUNDLE_DIR,
    FILTERS,
    PAGE_MEMORY,
    PARTS_FILE,
    WORD_MEMORY,
    PageCopier,
    SearchIndexError,
    body_element,
    body_text,
    cbor_decode,
    cbor_encode,
    estimated_memory,
    fold_words,
    index_copy,
    index_head,
    index_site,
    indexed_words,
    pagefind_command,
    part_count,
    read_chunk,
    runs_at_once,
    scratch_folder,
)
from cchc_kb.site.search import document_search, province_names
from cchc_kb.site.search_eval import Query, run_queries
from cchc_kb.site.settings import SEARCH_PART_PAGES, SiteSettings
from cchc_kb.synthetic import write_repository

DECREE_61 = urls.url_of(urls.legal_src("61-2018-nd-cp"))
TIEN_TIEN_PLAN = urls.url_of(urls.plan_src("ubnd-xa-tien-tien-2024-tuyen-truyen-cchc"))
AS_OF = PartialDate(2026, 11, 23)


@pytest.mark.parametrize(
    "item",
    [0, 23, 24, 255, 256, 65_535, 65_536, 2**32, "", "Hải Dương", ["a", [1, 2, [3]]], [], -1],
)
def test_cbor_round_trip(item):
    assert cbor_decode(cbor_encode(item)) == item


@pytest.mark.parametrize(
    ("item", "encoded"),
    [(10, b"\x0a"), (24, b"\x18\x18"), (500, b"\x19\x01\xf4"), ("a", b"\x61a"), ([1], b"\x81\x01")],
)
def test_cbor_shortest_heads(item, encoded):
    """Pagefind's encoder (minicbor) writes the shortest head: so do we."""
    assert cbor_encode(item) == encoded


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Nghị định số 61 của Chính phủ", "dịnh"),
        ("Đỗ Thành Phương, Đào Duy Thái; đổi mới", "Dào Dỗ dổi"),
        ("không có chữ nào", ""),
    ],
)
def test_fold_words(text, words):
    assert fold_words(text) == words


@pytest.mark.parametrize(
    ("agency", "provinces"),
    [
        ("so-xay-dung-hai-duong", ["Hải Dương", "Hải Phòng"]),  # merged into Hải Phòng 2025
        ("ubnd-xa-tien-tien", ["Hải Dương", "Hải Phòng"]),
        ("ubnd-tinh-thai-binh", ["Thái Bình", "Hưng Yên"]),
        ("ubnd-tp-hai-phong", ["Hải Phòng"]),
        ("chinh-phu", ["Trung ương"]),
        ("no-such-agency", []),
    ],
)
def test_province_names_follow_the_successor_chain(real_corpus, agency, provinces):
    assert province_names(real_corpus, agency) == provinces


def test_document_entry(real_corpus):
    plan = document_search(
        real_corpus, real_corpus.plans["so-xay-dung-hai-duong-2025-tuyen-truyen-cchc"], AS_OF
    )
    assert plan["kind"] == "full"
    assert plan["filters"]["Tỉnh/thành"] == ["Hải Dương", "Hải Phòng"]
    assert plan["filters"]["Năm"] == ["2025"] and plan["filters"]["Loại văn bản"] == ["Kế hoạch"]
    assert "Phạm Cửu Long" in plan["terms"]
    stub = document_search(real_corpus, real_corpus.plans["ubnd-tinh-hai-duong-2025-kh-236"], AS_OF)
    assert stub["kind"] == "stub" and stub["numbers"][0] == "236/KH-UBND"
    decree = document_search(real_corpus, real_corpus.legal["61-2018-nd-cp"], AS_OF)
    assert decree["details"]["Văn bản"] == "Nghị định 61/2018/NĐ-CP"
    assert decree["details"]["Hiệu lực"] == decree["filters"]["Hiệu lực"][0]
    assert set(decree["filters"]) <= set(FILTERS)


def test_index_head_escapes_and_strips_markup():
    entry = SearchEntry(
        title='A "quoted" <b>title</b>',
        filters={"Cơ quan": ['<img src=x onerror="alert(1)">Sở X']},
        details={"Cơ quan": "Sở <X>"},
    )
    head = index_head("<div data-pagefind-body><p>đường</p></div>", entry)
    doc = parse(head)
    meta = {
        a["data-pagefind-meta"]: a["content"]
        for _, a in doc.elements
        if a.get("data-pagefind-meta")
    }
    assert meta["fold[content]"] == "dường"
    assert meta["Cơ quan[content]"] == "Sở <X>"  # an attribute value, escaped: shown as text
    filters = [a["content"] for _, a in doc.elements if a.get("data-pagefind-filter")]
    assert filters == ["img src=x onerror= alert(1) Sở X"]  # Pagefind's UI prints it as HTML
    assert "<b>" not in head and "<img" not in head


PAGE = """<html><head><title>T</title><meta data-pagefind-meta="title[content]" content="T">
</head><body><nav class="md-nav">Menu đầu trang</nav><article>
<div data-pagefind-body>
<h1>Kế hoạch 27/KH-UBND</h1>
<p class="cchc-lead">Tuyên truyền cải cách hành chính năm 2024</p>
<nav class="cchc-chain" aria-label="Chuỗi"><ol><li><a href="x/">Kế hoạch cấp trên</a></li></ol></nav>
<table class="cchc-panel"><caption>Thuộc tính văn bản</caption><tbody>
<tr><th scope="row">Cơ quan ban hành</th><td>UBND xã Tiền Tiến
<small class="cchc-source cchc-source--unchecked">Chưa kiểm tra: không ghi nguồn.</small>
</td></tr></tbody></table>
<div class="cchc-notice cchc-notice--warning" role="note">
<p class="cchc-notice__title">Thông tin chưa được kiểm tra</p>
<ul><li>Chưa kiểm tra với nguồn nào: số ký hiệu.</li></ul>
</div>
<h2 id="can-cu">Căn cứ</h2>
<ul><li><a href="a/">Nghị quyết 76/NQ-CP</a> — chương trình tổng thể</li></ul>
<h2 id="van-ban-dan-chieu">Văn bản dẫn chiếu</h2>
<ul><li><a href="b/">Nghị định 61/2018/NĐ-CP</a> — một cửa<br><span class="cchc-validity">Khi ban
hành: <span class="cchc-badge">Còn hiệu lực</span> · Ngày 30/11/2026: <span class="cchc-badge">Hết
hiệu lực</span></span></li></ul>
<h2 id="so-o-lien-ket">Sơ đồ liên kết</h2>
<figure class="cchc-graph"><svg><text>Nhãn sơ đồ</text></svg></figure>
<h2 id="noi-dung-van-ban">Nội dung văn bản</h2>
<div class="x"><p>Đẩy mạnh <b>chuyển đổi số</b></p><script>var đ = 1;</script></div>
<h2 id="ke-hoach">Kế hoạch</h2>
<p>Mục tiêu đến năm 2025.</p>
<h2 id="ke-hoach-3">Kế hoạch (3)</h2>
<ul><li>Kế hoạch khác của cơ quan</li></ul>
<h2 id="ghi-chu-ve-chat-luong-du-lieu">Ghi chú về chất lượng dữ liệu</h2>
<ul><li>Chưa được đối chiếu</li></ul>
</div>
<h2>Báo lỗi, góp ý</h2></article><footer>Chân trang</footer></body></html>"""


@pytest.mark.parametrize(
    ("text", "indexed"),
    [
        ("Kế hoạch 27/KH-UBND", True),  # the page's own heading
        ("Tuyên truyền cải cách", False),  # the lead: in the result title already
        ("UBND xã Tiền Tiến", False),  # the facts panel: in the result's details (meta)
        ("Cơ quan ban hành", False),  # its labels, the same on every page
        ("Thuộc tính văn bản", False),
        ("Chưa kiểm tra: không ghi nguồn.", False),  # where a fact comes from
        ("Thông tin chưa được kiểm tra", False),  # notices about the data
        ("Chưa kiểm tra với nguồn nào", False),
        ("Đẩy mạnh chuyển đổi số", True),  # the document's text
        ("Mục tiêu đến năm 2025.", True),  # under a heading of the text named like a list
        ("Kế hoạch cấp trên", False),  # the chain of parent plans
        ("Nghị quyết 76/NQ-CP", False),  # lists of other documents
        ("Nghị định 61/2018/NĐ-CP", False),
        ("Kế hoạch khác của cơ quan", False),
        ("Còn hiệu lực", False),  # cited documents' validity
        ("Nhãn sơ đồ", False),  # the drawing
        ("Chưa được đối chiếu", False),  # the sources of the facts
        ("var", False),  # scripts
        ("Menu đầu trang", False),  # outside the element: the theme
        ("Báo lỗi, góp ý", False),
        ("Chân trang", False),
    ],
)
def test_what_the_index_copy_of_a_page_indexes(text, indexed):
    assert (text in body_text(PAGE)) is indexed


@pytest.mark.parametrize(
    ("body", "text"),
    [
        ('<a title="a > b" href="x/">Kế hoạch</a>', "Kế hoạch"),  # ">" in a quoted value
        ("<a title='x>y' href=\"z\">A</a> B", "A B"),
        (  # each drawing ends at its own closing tag
            '<p>A</p><figure class="cchc-graph"><svg>B</svg></figure><p>C</p>'
            '<figure class="cchc-graph">D</figure><p>E</p>',
            "A C E",
        ),
        ('<p>A</p><figure class="cchc-graph"><svg>B</svg>', "A B"),  # never closed: kept
        ('<div class="cchc-notice" role="note"><div>X</div></div>Y', "X Y"),  # not a notice's
        ('<span class="cchc-validity">a <span class="b">c</span> d</span> e', "e"),
        ('<span class="cchc-validity">a <span><i>c</i></span> d</span> e', "a c d e"),
        (
            '<h2>Căn cứ</h2><p>A</p><h2 id="m">Mục tiêu</h2><p>B</p>'
            "<h2>Kế hoạch (2)</h2><p>C</p><h3>D</h3>",  # a list section runs to the end
            "Mục tiêu B",
        ),
    ],
)
def test_tags_and_left_out_elements_end_where_they_close(body, text):
    assert body_text(f"<div data-pagefind-body>{body}</div><p>Chân trang</p>") == text


def test_an_element_left_open_is_indexed_to_the_end_of_the_page():
    assert body_text("<div data-pagefind-body><p>Mục tiêu</p><p>đến 2025") == "Mục tiêu đến 2025"


def test_index_copy_is_the_body_element_with_the_index_tags():
    entry = SearchEntry(title="Kế hoạch 27/KH-UBND của UBND xã Tiền Tiến", numbers=["27/KH-UBND"])
    copy = index_copy(PAGE, entry)
    doc = parse(copy)
    meta = {
        a["data-pagefind-meta"]: a["content"]
        for _, a in doc.elements
        if a.get("data-pagefind-meta")
    }
    assert meta["title[content]"] == entry["title"]
    assert meta["so[content]"] == "27/KH-UBND"
    assert meta["fold[content]"] == "Dẩy dến dồ dổi"  # "đ" words of the indexed text only
    assert copy.count("data-pagefind-body") == 1 and "md-nav" not in copy
    assert copy.rstrip().endswith("</div></body></html>")
    assert body_element(copy) == body_element(PAGE)  # the copy's element is the page's, once


# ---------------------------------------------------------------------------------------------
# Built sites


def test_filters_are_written_in_canonical_order(real_site):
    bundle = real_site.site / BUNDLE_DIR
    (meta_file,) = bundle.glob("pagefind.*.pf_meta")
    meta = read_chunk(meta_file)
    assert [name for name, _ in meta[3]] == list(FILTERS)
    for name, file_hash in meta[3]:
        path = bundle / "filter" / f"{file_hash}.pf_filter"
        filter_name, values = read_chunk(path)
        assert filter_name == name
        assert values and all(pages == sorted(pages) for _, pages in values)
        raw = gzip.decompress(path.read_bytes())
        assert raw == b"pagefind_dcd" + cbor_encode([filter_name, values])
    assert len(list((bundle / "filter").iterdir())) == len(FILTERS)
    assert meta_file.name.removeprefix("pagefind.").removesuffix(".pf_meta") in (
        bundle / "pagefind-entry.json"
    ).read_text("utf-8")


HIDDEN_TEXT_JS = """() => [...document.querySelectorAll('body *')]
  .filter(e => !e.closest('script, style, noscript, template, svg title, details:not([open])'))
  .filter(e => e.hidden || e.closest('[hidden]') || getComputedStyle(e).display === 'none'
               || getComputedStyle(e).visibility === 'hidden')
  .filter(e => !e.closest('.md-sidebar, .md-nav, .md-header, .md-search, .md-dialog'))
  .map(e => [e.tagName, e.textContent.trim().slice(0, 60)])
  .filter(([, text]) => text.length > 0)"""


@pytest.mark.browser
@pytest.mark.parametrize("url", [DECREE_61, TIEN_TIEN_PLAN, "co-quan/ubnd-xa-tien-tien/"])
def test_pages_carry_their_text_once(browser, served_site, real_site, url):
    """No element hidden by the ``hidden`` attribute or by style carries page text, and the
    page has no folded ("Nghi dinh", "ND-CP") copy of its text."""
    html = real_site.html(url)
    assert "<div hidden>" not in html and "data-pagefind-weight" not in html
    assert "ND-CP" not in html and "Nghi dinh" not in html
    page = browser.new_page()
    try:
        page.goto(served_site + url)
        assert page.evaluate(HIDDEN_TEXT_JS) == []
    finally:
        page.close()


# ---------------------------------------------------------------------------------------------
# An index in parts (a large site): the same search as one index


PART_PAGES = 30  # a 30-plan site has about a hundred content pages: four parts
# Words every part holds. (Pagefind extends a query word to longer words of the index; a part
# lacking a word, as a part of a few dozen pages can lack "2024", then finds its extensions.)
PART_QUERIES = ("ke hoach", "tuyen truyen", "nghi dinh", "cai cach hanh chinh", "uy ban nhan dan")


@pytest.fixture(scope="module")
def parts_repo(tmp_path_factory):
    return write_repository(tmp_path_factory.mktemp("parts-repo"), 30, seed=3)


@pytest.fixture(scope="module")
def whole_and_split(parts_repo, tmp_path_factory):
    """One synthetic repository built twice: its index in one part, and in parts."""
    repo = parts_repo
    sites = tmp_path_factory.mktemp("parts-sites")
    whole = build_site(repo, sites / "whole")
    assert whole.returncode == 0, whole.log[-3000:]
    split = build_site(repo, sites / "split", cchc={"search_part_pages": PART_PAGES})
    assert split.returncode == 0, split.log[-3000:]
    return whole.site, split.site


def _page_count(bundle) -> int:
    (meta_file,) = bundle.glob("pagefind.*.pf_meta")
    return len(read_chunk(meta_file)[1])


def test_index_in_parts_is_listed_and_parts_hold_index_files_only(whole_and_split):
    whole, split = whole_and_split
    assert json.loads((whole / BUNDLE_DIR / PARTS_FILE).read_text("utf-8")) == []
    bundle = split / BUNDLE_DIR
    parts = json.loads((bundle / PARTS_FILE).read_text("utf-8"))
    assert parts == [f"part-{n}/" for n in range(2, len(parts) + 2)] and len(parts) >= 2
    sizes = [_page_count(bundle), *(_page_count(bundle / p) for p in parts)]
    assert sum(sizes) == _page_count(whole / BUNDLE_DIR)
    assert max(sizes) <= PART_PAGES and max(sizes) - min(sizes) <= 1  # round-robin
    for part in parts:
        names = sorted(p.name for p in (bundle / part).iterdir())
        assert names[:4] == ["filter", "fragment", "index", "pagefind-entry.json"]
        assert len(names) == 5 and names[4].endswith(".pf_meta")
        (meta_file,) = (bundle / part).glob("pagefind.*.pf_meta")
        assert [name for name, _ in read_chunk(meta_file)[3]] == list(FILTERS)  # canonical


def _tree(root) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_index_in_parts_is_byte_identical_when_built_again(parts_repo, whole_and_split, tmp_path):
    _, split = whole_and_split
    again = build_site(parts_repo, tmp_path / "again", cchc={"search_part_pages": PART_PAGES})
    assert again.returncode == 0, again.log[-3000:]
    first, second = _tree(split / BUNDLE_DIR), _tree(again.site / BUNDLE_DIR)
    assert len(json.loads(first[PARTS_FILE])) >= 2  # the parts are there to compare
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []


@pytest.mark.browser
def test_index_in_parts_finds_what_one_index_finds(browser, whole_and_split):
    """Every query finds the same pages whether the index is one Pagefind run or several
    merged in the browser by the site's module. (Their order follows each part's own word
    statistics: the quality set with the index in parts is in test_search.py.)"""
    found = []
    for site in whole_and_split:
        with serve(site) as base_url:
            page = browser.new_page()
            try:
                outcomes = run_queries(
                    page, base_url, [Query(q, "", "") for q in PART_QUERIES], 500
                )
            finally:
                page.close()
        found.append({o.query.text: o.found for o in outcomes})
    whole, split = found
    for query in PART_QUERIES:
        assert whole[query], query
        assert sorted(split[query]) == sorted(whole[query]), query


@pytest.mark.parametrize(
    "configured, expected",
    [(None, SEARCH_PART_PAGES), (30, 30), (1, 1), (0, None), (-5, None), ("abc", None),
     (True, None), (2.5, None)],
)  # fmt: skip
def test_search_part_pages_is_a_whole_number_of_pages(configured, expected):
    cchc = {"as_of": "2025-06-30"}
    if configured is not None:
        cchc["search_part_pages"] = configured
    if expected is None:
        with pytest.raises(ValueError, match="search_part_pages"):
            SiteSettings.from_config(cchc)
    else:
        assert SiteSettings.from_config(cchc).search_part_pages == expected


# ---------------------------------------------------------------------------------------------
# How many parts: by pages, and by the memory Pagefind is estimated to take


@pytest.mark.parametrize(
    ("copy", "words"),
    [
        ("<html><head></head><body><div data-pagefind-body><p>Kế hoạch số 5</p></div></body>", 4),
        (
            '<html><head><meta data-pagefind-meta="title[content]" content="Kế hoạch 5/KH">'
            '<meta data-pagefind-filter="Năm[content]" content="2024"></head>'
            "<body><div data-pagefind-body><h1>Kế <b>hoạch</b></h1></div></body>",
            5,  # the meta field's words count, a filter's do not
        ),
        ("<html><head></head><body><div data-pagefind-body></div></body>", 0),
    ],
)
def test_indexed_words_are_the_text_and_the_meta_fields(copy, words):
    assert indexed_words(copy) == words


MB = 2**20


@pytest.mark.parametrize(
    ("pages", "words", "part_pages", "part_memory", "parts"),
    [
        (0, 0, 13_000, 1_800 * MB, 1),
        (100, 40_000, 13_000, 1_800 * MB, 1),
        (25_404, 0, 13_000, 10_000 * MB, 2),  # by pages
        (12_000, 0, 13_000, 12_000 * PAGE_MEMORY, 1),  # the estimate exactly at the limit
        (12_000, 1, 13_000, 12_000 * PAGE_MEMORY, 2),  # one word over it
        (12_000, 30 * MB // WORD_MEMORY, 13_000, 200 * MB, 3),  # by memory: 535 MB
        (3, 10**9, 13_000, 1_800 * MB, 3),  # never more parts than pages
        (100, 0, 30, 1_800 * MB, 4),
    ],
)
def test_part_count_keeps_each_part_within_pages_and_memory(
    pages, words, part_pages, part_memory, parts
):
    assert part_count(pages, words, part_pages, part_memory) == parts
    assert estimated_memory(pages, words) == pages * PAGE_MEMORY + words * WORD_MEMORY


# ---------------------------------------------------------------------------------------------
# Copies made while the site is written: the same index as from the finished site


def _small_site(root) -> dict[str, SearchEntry]:
    """Six content pages, a page the theme did not mark and a hand-written HTML file."""
    entries = {}
    for number in range(6):
        rel = f"van-ban/{number}-kh-ubnd/index.html"
        entries[rel] = SearchEntry(
            title=f"Kế hoạch {number}/KH-UBND", numbers=[f"{number}/KH-UBND"]
        )
        words = " ".join(["Đẩy mạnh cải cách hành chính", "tuyên truyền"][: 1 + number % 2])
        html = f"<html><body><div data-pagefind-body><h1>Kế hoạch {number}</h1><p>{words}</p>"
        (root / rel).parent.mkdir(parents=True)
        (root / rel).write_text(html + "</div></body></html>", "utf-8")
    (root / "404.html").write_text("<html><body><h1>Không tìm thấy</h1></body></html>", "utf-8")
    (root / "huong-dan.html").write_text(
        "<html><body><div data-pagefind-body><p>Hướng dẫn đăng ký</p></div></body></html>", "utf-8"
    )
    return entries


@pytest.mark.parametrize("part_pages", [SEARCH_PART_PAGES, 3])
def test_copies_made_as_pages_are_written_index_as_the_finished_site(tmp_path, part_pages):
    written, finished = tmp_path / "written", tmp_path / "finished"
    entries = _small_site(written.mkdir() or written)
    _small_site(finished.mkdir() or finished)
    copier = PageCopier(entries)
    for rel in sorted(entries, reverse=True):  # the order MkDocs writes them in: any
        copier.add(rel, (written / rel).read_text("utf-8"))
    copier.add("404.html", (written / "404.html").read_text("utf-8"))
    copier.start(written, part_pages)
    assert copier.finish() == 7  # the hand-written file found afterwards
    copier.stop()
    assert index_site(finished, entries, part_pages) == 7
    assert not copier.work.exists()
    first, second = _tree(written / BUNDLE_DIR), _tree(finished / BUNDLE_DIR)
    assert len(json.loads(first[PARTS_FILE])) == (0 if part_pages > 7 else 2)
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []


def test_copier_hashes_each_page_as_mkdocs_writes_it(tmp_path):
    """The manifest takes each page's SHA-256 and size from the copier: they must be those of
    the bytes MkDocs writes (UTF-8, a lone surrogate as a character reference)."""
    entries = _small_site(tmp_path)
    pages = {rel: (tmp_path / rel).read_text("utf-8") for rel in entries}
    pages["404.html"] = "<html><body>Không tìm thấy \udc80</body></html>"
    copier = PageCopier(entries)
    for rel, html in pages.items():
        copier.add(rel, html)
    copier.start(tmp_path)
    copier.finish()
    copier.stop()
    for rel, html in pages.items():
        written = html.encode("utf-8", errors="xmlcharrefreplace")  # mkdocs.commands.build
        assert copier.digests[rel] == (hashlib.sha256(written).hexdigest(), len(written)), rel
    assert set(copier.digests) == set(pages)


@pytest.mark.parametrize(
    ("parts", "part_memory", "most"),
    [
        (1, 1, 1),  # one part: one run
        (8, 1, available_cpus()),  # one per core
        (8, 2**62, 1),  # not two in the free memory: one after the other
    ],
)
def test_runs_at_once(parts, part_memory, most):
    assert runs_at_once(parts, part_memory) == min(parts, most)


@pytest.mark.parametrize(
    ("folder", "pages", "tmpdir", "chosen"),
    [
        ("memory", 10, None, True),  # room for them: there
        ("memory", 2**50, None, False),  # no room: the system's temporary folder
        ("missing", 10, None, False),
        ("memory", 10, "set", False),  # TMPDIR says where temporary files go
    ],
)
def test_scratch_folder(tmp_path, monkeypatch, folder, pages, tmpdir, chosen):
    (tmp_path / "memory").mkdir()
    if tmpdir:
        monkeypatch.setenv("TMPDIR", str(tmp_path))
    else:
        monkeypatch.delenv("TMPDIR", raising=False)
    expected = str(tmp_path / folder) if chosen else None
    assert scratch_folder(pages, tmp_path / folder) == expected


def test_finishing_an_index_never_started_fails_and_stop_removes_the_copies(tmp_path):
    entries = _small_site(tmp_path)
    copier = PageCopier(entries)
    page = sorted(entries)[0]
    assert copier.add(page, (tmp_path / page).read_text("utf-8")).words
    assert copier.add("404.html", "<html><body>Không tìm thấy</body></html>").words is None
    assert (copier.work / "site" / page).exists()
    assert not (copier.work / "site" / "404.html").exists()  # not a content page
    with pytest.raises(SearchIndexError, match="start"):
        copier.finish()
    copier.stop()
    assert not copier.work.exists()


def test_pagefind_runs_as_its_own_binary_and_without_it_through_python(monkeypatch):
    command = pagefind_command()
    assert len(command) == 1 and Path(command[0]).is_file() and os.access(command[0], os.X_OK)
    version = subprocess.run([*command, "--version"], capture_output=True, text=True, check=True)
    assert version.stdout.startswith("pagefind ")
    pagefind_command.cache_clear()
    monkeypatch.setitem(sys.modules, "pagefind_bin", None)  # the package not installed
    try:
        assert pagefind_command() == (sys.executable, "-m", "pagefind")
    finally:
        pagefind_command.cache_clear()
