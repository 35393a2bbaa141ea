"""The built site, read as HTML: citations linked in place, both directions, no broken or
external links, headings, JSON-LD, feeds, sitemap, byte-identical rebuilds."""

from __future__ import annotations

import filecmp
import gzip
import html
import json
import posixpath
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml
from conftest import ROOT, Build, build_site, copy_repository, parse

from cchc_kb.site import urls
from cchc_kb.site.body import target_src
from cchc_kb.site.pagefind import BUNDLE_DIR

SITE_HOST = urlsplit(yaml.safe_load((ROOT / "mkdocs.yml").read_text("utf-8"))["site_url"]).netloc
AS_OF = yaml.safe_load((ROOT / "mkdocs.yml").read_text("utf-8"))["extra"]["cchc"]["as_of"]
# Identifiers that look like URLs but are never requested.
NAMESPACES = {"www.w3.org", "schema.org", "www.sitemaps.org"}
LINK_ATTRS = ("href", "src", "srcset", "action", "poster", "data", "formaction")


def _page_file(site: Path, src: str) -> Path:
    return site / urls.url_of(src) / "index.html"


def _resolve(site: Path, page: Path, href: str) -> Path:
    path = unquote(urlsplit(href).path)
    base = page.parent.relative_to(site).as_posix()
    target = posixpath.normpath(posixpath.join(base, path)) if path else base
    resolved = site / target
    if href.split("#")[0].split("?")[0].endswith("/") or resolved.is_dir():
        resolved = resolved / "index.html"
    return resolved


def _all_pages(site: Path, first_src: str) -> list[Path]:
    """A page and the pages of its paginated lists (duoc-can-cu, duoc-dan-chieu, trang-N)."""
    folder = site / urls.url_of(first_src)
    return sorted(folder.rglob("index.html"))


def _links_to(build: Build, pages: list[Path], target_src_: str) -> bool:
    target = _page_file(build.site, target_src_)
    for page in pages:
        for tag, attrs in parse(page.read_text("utf-8")).elements:
            href = attrs.get("href")
            if (
                tag == "a"
                and href
                and not urlsplit(href).scheme
                and _resolve(build.site, page, href) == target
            ):
                return True
    return False


# ---------------------------------------------------------------------------------------------


def test_seed_citations_are_links_in_place(real_site, real_corpus):
    """Every citation of every seed body is a link, in body order, with its own text, to the
    page of the document it resolved to (or the stub page of an unknown one)."""
    checked = 0
    for plan in real_corpus.plans.values():
        if plan.stub or not plan.citations:
            continue
        src = urls.plan_src(plan.id)
        page = _page_file(real_site.site, src)
        text = page.read_text("utf-8")
        body = text[text.index('id="noi-dung-van-ban"') :]
        for end_id in ('id="ghi-chu-ve-chat-luong-du-lieu"', 'id="van-ban-goc"'):
            if end_id in body:
                body = body[: body.index(end_id)]
        # Links inserted in the body carry a title (the document's name); nothing else there does.
        body_links = [a for a in parse(body).anchors if a["attrs"].get("title")]
        cited = sorted(plan.citations, key=lambda c: c.span)
        texts = [" ".join(a["text"].split()) for a in body_links]
        for citation in cited:
            want = " ".join(citation.text.split())
            assert want in texts, (plan.id, want)
            anchor = body_links[texts.index(want)]
            texts[texts.index(want)] = None  # each link used once, in order
            resolved = _resolve(real_site.site, page, anchor["attrs"]["href"])
            expected = _page_file(real_site.site, target_src(real_corpus, citation))
            assert resolved == expected, (plan.id, want, anchor["attrs"]["href"])
            assert resolved.exists()
            checked += 1
    assert checked >= 31  # the seeds cite 31 distinct documents, some several times


def test_plans_and_cited_documents_link_both_ways(real_site, real_corpus):
    pairs = 0
    for plan in real_corpus.plans.values():
        plan_page = _page_file(real_site.site, urls.plan_src(plan.id))
        cited = set(plan.legal_bases) | {c.id for c in plan.citations if c.id}
        cited.discard(plan.id)
        for doc_id in sorted(cited):
            doc = real_corpus.document(doc_id)
            doc_src = urls.document_src(doc)
            assert _links_to(real_site, [plan_page], doc_src), (plan.id, doc_id)
            assert _links_to(
                real_site, _all_pages(real_site.site, doc_src), urls.plan_src(plan.id)
            ), (doc_id, plan.id)
            pairs += 1
    assert pairs >= 31


def test_legal_bases_show_validity_now_and_then(real_site, real_corpus):
    plan = real_corpus.plans["so-xay-dung-thai-binh-2022-tuyen-truyen-cchc"]
    page = real_site.html(urls.url_of(urls.plan_src(plan.id)))
    assert "cchc-badge" in page
    legal_page = real_site.html("van-ban/61-2018-nd-cp/")
    # 118/2025/NĐ-CP replaced 61/2018 from 2025-07-01 (unchecked lead); as_of is later.
    assert "Hết hiệu lực toàn bộ" in legal_page
    assert "Nghị định 118/2025/NĐ-CP" in legal_page
    assert "Chưa kiểm tra: theo trích dẫn trong" in legal_page
    assert (
        "Nghị định số 61/2018/NĐ-CP ngày 23 tháng 4 năm 2018 của Chính phủ về thực hiện cơ chế"
        in html.unescape(legal_page)
    )


def _broken_links(site: Path) -> list[tuple[str, str]]:
    """(page, href) of every relative link or source that names no file of the site."""
    broken = []
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 60
    for page in pages:
        if page.name == "404.html":
            continue  # served at any depth, so it links from the site root
        for _tag, attrs in parse(page.read_text("utf-8")).elements:
            for name in ("href", "src"):
                value = attrs.get(name)
                if not value or value.startswith("#") or urlsplit(value).scheme:
                    continue
                assert not value.startswith("/"), (page, value)  # relative: sub-path hosting
                if not _resolve(site, page, value).exists():
                    broken.append((page.relative_to(site).as_posix(), value))
    return broken


def test_no_broken_internal_links(real_site):
    assert _broken_links(real_site.site) == []


@pytest.fixture(scope="module")
def flat_site(tmp_path_factory) -> Build:
    """The seed built with ``use_directory_urls: false`` (``page.html`` instead of ``page/``)."""
    tmp = tmp_path_factory.mktemp("flat")
    build = build_site(copy_repository(tmp / "repo"), tmp / "site", use_directory_urls=False)
    assert build.returncode == 0, build.log
    return build


def test_no_broken_links_without_directory_urls(flat_site):
    """A portal that serves ``page.html`` instead of ``page/`` gets working links too, in the
    Markdown MkDocs rewrites and in the raw HTML (panels, lists, pager, graphs) the site writes."""
    build = flat_site
    plan = build.site / "ke-hoach" / "ubnd-xa-tien-tien-2024-tuyen-truyen-cchc.html"
    assert plan.is_file()
    hrefs = [a.get("href") for tag, a in parse(plan.read_text("utf-8")).elements if tag == "a"]
    assert "../van-ban/122-2018-nd-cp.html" in hrefs  # a legal basis, from the raw-HTML list
    assert _broken_links(build.site) == []


def test_search_results_lead_to_pages_without_directory_urls(flat_site):
    """Each page Pagefind indexed is a built file at its result URL, and the search entries
    (numbers, filters) reached the index's copy of the ``.html`` pages too."""
    bundle = flat_site.site / BUNDLE_DIR
    fragments = {}
    for path in sorted((bundle / "fragment").glob("*.pf_fragment")):
        fragment = json.loads(gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd"))
        fragments[fragment["url"]] = fragment
    assert fragments and all((flat_site.site / u.lstrip("/")).is_file() for u in fragments)
    decree = fragments["/van-ban/61-2018-nd-cp.html"]
    assert decree["meta"]["so"].startswith("61/2018/ND-CP")
    assert decree["filters"]["Loại văn bản"] == ["Nghị định"]
    plan = fragments["/ke-hoach/ubnd-xa-tien-tien-2024-tuyen-truyen-cchc.html"]
    assert plan["filters"]["Tỉnh/thành"] == ["Hải Dương", "Hải Phòng"]


def _external(url: str) -> str | None:
    parts = urlsplit(url.strip())
    if parts.scheme in ("http", "https") or url.strip().startswith("//"):
        return parts.netloc
    return None


# Pagefind's bundle names hosts it never requests: translators' credits ("Name <https://…>")
# and dummy bases for URL parsing (new URL(path, "https://p"), `https://example.com${path}`).
# tests/test_search.py watches the browser: searching requests nothing from another host.
_PAGEFIND_INERT = re.compile(
    r'"[^"<>]*<https://[^">]+>"|new URL\([^()]*,\s*"https://p"\)|`https://example\.com\$\{'
)


def test_nothing_is_loaded_from_another_host(real_site):
    """No HTML attribute that loads something, CSS url()/@import or JavaScript in the site names
    another host. A plain link a reader may follow (a licence, say) loads nothing and is allowed;
    record text can never become one (see test_site_hostile)."""
    offenders = []
    for path in sorted(real_site.site.rglob("*")):
        rel = path.relative_to(real_site.site).as_posix()
        if path.suffix == ".html":
            for tag, attrs in parse(path.read_text("utf-8")).elements:
                for name in LINK_ATTRS:
                    host = _external(attrs.get(name) or "")
                    if host is None or (tag == "a" and name == "href"):
                        continue
                    own = host == SITE_HOST and (
                        tag == "link" and attrs.get("rel") in ("canonical", "alternate")
                    )
                    if not own:
                        offenders.append((rel, tag, attrs.get(name)))
                style = attrs.get("style") or ""
                if re.search(r"url\(\s*['\"]?(https?:)?//", style):
                    offenders.append((rel, tag, style))
        elif path.suffix == ".css":
            text = path.read_text("utf-8")
            for m in re.finditer(r"(?:url\(|@import)\s*['\"]?((?:https?:)?//[^'\")\s]+)", text):
                if _external(m.group(1)) not in NAMESPACES:
                    offenders.append((rel, m.group(1)))
        elif path.suffix in (".js", ".mjs"):
            text = path.read_text("utf-8")
            if rel.startswith("_pagefind/"):
                text = _PAGEFIND_INERT.sub("", text)
            for m in re.finditer(r"https?://([A-Za-z0-9.-]+)", text):
                if m.group(1) not in NAMESPACES:
                    offenders.append((rel, m.group(0)))
    assert offenders == []


def test_headings_follow_the_design(real_site, real_corpus):
    cases = [
        (urls.legal_src("61-2018-nd-cp"), "Nghị định 61/2018/NĐ-CP"),
        (urls.plan_src("ubnd-xa-tien-tien-2024-tuyen-truyen-cchc"), "Kế hoạch 02/KH-UBND"),
        (urls.plan_src("so-xay-dung-hai-duong-2025-tuyen-truyen-cchc"), "Kế hoạch (chưa ghi số)"),
        (urls.agency_src("so-xay-dung-hai-duong"), "Sở Xây dựng tỉnh Hải Dương"),
        (urls.agency_src("ubnd-xa-tien-tien"), real_corpus.agencies["ubnd-xa-tien-tien"].name),
    ]
    for src, h1 in cases:
        doc = parse(_page_file(real_site.site, src).read_text("utf-8"))
        first = [h for h in doc.headings if h[0] == "h1"]
        assert len(first) == 1 and first[0][2].strip() == h1, (src, first)


def test_json_ld_on_plan_and_legal_pages(real_site):
    for url, identifier, force in (
        ("van-ban/61-2018-nd-cp/", "61/2018/NĐ-CP", "NotInForce"),
        ("van-ban/107-2021-nd-cp/", "107/2021/NĐ-CP", "NotInForce"),
        ("ke-hoach/ubnd-xa-tien-tien-2024-tuyen-truyen-cchc/", "02/KH-UBND", None),
    ):
        doc = parse(real_site.html(url))
        blocks = [
            json.loads(s)
            for (tag, attrs), s in zip(
                [e for e in doc.elements if e[0] == "script"], doc.scripts, strict=True
            )
            if attrs.get("type") == "application/ld+json"
        ]
        assert len(blocks) == 1, url
        data = blocks[0]
        assert data["@type"] == "Legislation"
        assert data["legislationIdentifier"] == identifier
        assert data["legislationPassedBy"]["name"]
        assert data.get("legislationLegalForce") == force
    amends = json.loads(
        re.search(
            r'<script type="application/ld\+json">(.*?)</script>',
            real_site.html("van-ban/107-2021-nd-cp/"),
        ).group(1)
    )["legislationAmends"]
    assert any(a["legislationIdentifier"] == "61/2018/NĐ-CP" for a in amends)


def test_feeds_and_sitemap_use_the_as_of_date(real_site, real_corpus):
    ns = {"a": "http://www.w3.org/2005/Atom"}
    feed = ET.parse(real_site.site / "ke-hoach" / "feed.xml").getroot()
    assert feed.find("a:updated", ns).text.startswith(AS_OF)
    entries = feed.findall("a:entry", ns)
    assert len(entries) == min(len(real_corpus.plans), 50)
    for agency_id in {p.issuer for p in real_corpus.plans.values()}:
        agency_feed = real_site.site / "co-quan" / agency_id / "feed.xml"
        root = ET.parse(agency_feed).getroot()
        assert root.findall("a:entry", ns)
    sitemap = (real_site.site / "sitemap.xml").read_text("utf-8")
    lastmods = set(re.findall(r"<lastmod>(.*?)</lastmod>", sitemap))
    assert lastmods == {AS_OF}


def test_source_files_are_offered_for_download(real_site, real_corpus):
    for plan in real_corpus.plans.values():
        if not plan.source_file:
            continue
        page = real_site.html(urls.url_of(urls.plan_src(plan.id)))
        hrefs = re.findall(r'href="([^"]+)" download', page)
        assert len(hrefs) == 1
        target = real_site.site / urls.url_of(urls.plan_src(plan.id)) / hrefs[0]
        source = ROOT / Path(plan.path).parent / plan.source_file
        assert target.read_bytes() == source.read_bytes()


def test_navigation_is_small_and_fixed(real_site):
    page = real_site.html("van-ban/61-2018-nd-cp/")
    nav = re.search(r'<nav class="md-tabs".*?</nav>', page, re.S).group(0)
    labels = [html.unescape(t).strip() for t in re.findall(r">\s*([^<>]+?)\s*</a>", nav)]
    assert labels == [
        "Trang chủ",
        "Kế hoạch",
        "Văn bản",
        "Cơ quan",
        "Nhiệm vụ",
        "Đồ thị",
        "Dữ liệu mở",
        "Tìm kiếm",
        "Hướng dẫn",
    ]


def test_task_view_lists_seed_tasks(real_site, real_corpus):
    from cchc_kb.tasks import parse_tasks

    tasks = [t for p in real_corpus.plans.values() for t in parse_tasks(p)]
    assert tasks, "the seeds have task appendices"
    text = html.unescape(
        "".join(p.read_text("utf-8") for p in (real_site.site / "nhiem-vu").rglob("index.html"))
    )
    for task in tasks:
        assert " ".join(task.task.replace("\\", "").replace("*", "").split())[:40] in text


def test_two_builds_are_byte_identical(real_site, tmp_path):
    again = build_site(ROOT, tmp_path / "site")
    assert again.returncode == 0, again.log
    assert (again.site / "_pagefind" / "pagefind-entry.json").is_file()  # the search index too
    assert list((again.site / "_pagefind" / "filter").iterdir())  # with its filters
    cmp = filecmp.dircmp(real_site.site, again.site)

    def differences(c) -> list[str]:
        out = c.left_only + c.right_only + c.funny_files
        _, mismatch, errors = filecmp.cmpfiles(c.left, c.right, c.common_files, shallow=False)
        out += mismatch + errors
        for sub in c.subdirs.values():
            out += differences(sub)
        return out

    assert differences(cmp) == []


@pytest.mark.parametrize(
    "src",
    [
        "index.md",
        "ke-hoach/index.md",
        "van-ban/index.md",
        "co-quan/index.md",
        "nam/index.md",
        "loai/index.md",
        "nhiem-vu/index.md",
        "huong-dan.md",
    ],
)
def test_entry_points_exist(real_site, src):
    assert _page_file(real_site.site, src).exists()
