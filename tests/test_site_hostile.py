"""Hostile input stays inert: markup, handlers, script links and template syntax from a record
are shown as text; an id that tries to leave its folder is an error and builds nothing."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import build_site, copy_repository, parse

from cchc_kb.site import md, urls
from cchc_kb.site.urls import UnsafeIdError

HOSTILE_ID = "so-xay-dung-hai-duong-2025-thu-nghiem-doc-hai"
HOSTILE_URL = urls.url_of(urls.plan_src(HOSTILE_ID))
HOSTILE = f"""\
---
id: {HOSTILE_ID}
so_ky_hieu: "<script>window.__pwned='so'</script>/KH-SXD"
loai_van_ban: Kế hoạch
trich_yeu: "Tuyên truyền <script>window.__pwned='title';alert('title')</script> {{{{ config.site_name }}}} </title><img src=x onerror=alert(1)>"
co_quan_ban_hanh: so-xay-dung-hai-duong
dia_danh: "<img src=x onerror=\\"window.__pwned='place'\\">"
ngay_ban_hanh: "2025-02-03"
nam: 2025
tinh_trang: ban_hanh
nguoi_ky: "javascript:alert('signer')"
chuc_danh: "{{% raw %}}KT. Giám đốc{{% endraw %}} \\" onmouseover=\\"alert(2)"
thuc_hien: [ubnd-tinh-hai-duong-2025-kh-236]
can_cu: [ubnd-tinh-hai-duong-2025-kh-236, 61-2018-nd-cp]
linh_vuc: [thu_tuc_hanh_chinh]
noi_nhan: ["<b onclick=alert(3)>Sở Nội vụ</b>"]
ghi_chu: ["<iframe src=javascript:alert(4)></iframe>"]
---
Căn cứ Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ.

<script>window.__pwned='body';alert('body')</script>

<img src=x onerror="window.__pwned='img';alert('img')">

[bấm vào đây](javascript:window.__pwned='link')

[chữ hoa](  JaVa	Script:alert('mixed'))

![ảnh](https://evil.example/a.png)

<a href="javascript:alert('a')">liên kết</a>

<http://evil.example/>

[ref]: javascript:alert('ref')

Xem [ref] và {{{{ config }}}} và {{% if true %}}jinja{{% endif %}}.

<style>body{{background:url(https://evil.example/x.png)}}</style>

| STT | Nhiệm vụ | Chủ trì | Thời gian |
|---|---|---|---|
| 1 | <script>alert('task')</script> | <b onmouseover=alert('lead')>Văn phòng</b> | Quý I/2025 |
"""
BAD_ID = """\
---
id: ../../thoat-ra
loai_van_ban: Kế hoạch
trich_yeu: Kế hoạch có mã đi ra ngoài thư mục
co_quan_ban_hanh: so-xay-dung-hai-duong
nam: 2025
tinh_trang: ban_hanh
---
Nội dung.
"""
BAD_PATH = "plans/so-xay-dung-hai-duong/2025/thoat-ra.md"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    base = tmp_path_factory.mktemp("hostile")
    repo = copy_repository(base / "repo")
    plan = repo / "plans" / "so-xay-dung-hai-duong" / "2025" / f"{HOSTILE_ID}.md"
    plan.write_text(HOSTILE, "utf-8")
    (repo / BAD_PATH).write_text(BAD_ID, "utf-8")
    before = sorted(p.relative_to(base).as_posix() for p in base.rglob("*"))
    build = build_site(repo, base / "out" / "site", strict=False)
    build.before = before
    build.base = base
    return build


def test_bad_id_is_an_error_and_the_rest_builds(hostile_site):
    assert hostile_site.returncode == 0, hostile_site.log
    errors = [line for line in hostile_site.log.splitlines() if line.startswith("ERROR")]
    assert errors and all(BAD_PATH in line for line in errors), errors
    assert "invalid-id" in errors[0]
    assert (hostile_site.site / HOSTILE_URL / "index.html").exists()
    assert (hostile_site.site / "ke-hoach" / "ubnd-xa-tien-tien-2024-tuyen-truyen-cchc").is_dir()


def test_nothing_is_written_outside_the_site_folder(hostile_site):
    after = sorted(
        p.relative_to(hostile_site.base).as_posix() for p in hostile_site.base.rglob("*")
    )
    new = [p for p in after if p not in hostile_site.before]
    assert new and all(p.split("/")[0] == "out" or p == "repo/mkdocs.yml" for p in new), new
    assert not any("thoat-ra" in p for p in new)


def test_hostile_text_is_shown_not_run(hostile_site):
    page = (hostile_site.site / HOSTILE_URL / "index.html").read_text("utf-8")
    doc = parse(page)
    for tag, attrs in doc.elements:
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name, value)
            if name in ("href", "src", "action", "formaction"):
                squeezed = re.sub(r"[\x00-\x20]", "", value or "").lower()
                assert not squeezed.startswith(("javascript:", "data:", "vbscript:")), value
                assert "evil.example" not in squeezed, value
        assert tag not in ("iframe", "object", "embed"), tag
        if tag == "img":
            assert attrs.get("src") != "x"
    scripts = [e for e in doc.elements if e[0] == "script"]
    for (_tag, attrs), script in zip(scripts, doc.scripts, strict=True):
        if attrs.get("type") == "application/ld+json":
            assert "<" not in script  # data only, and it cannot close its own element
        else:
            assert "__pwned" not in script and "alert(" not in script
    assert "<style>body{background" not in page
    # The text itself is there, escaped, for the reader to see.
    assert "&lt;script&gt;window.__pwned=&#x27;body&#x27;" in page or (
        "&lt;script&gt;window.__pwned='body'" in page
    )
    assert "{{ config }}" in page
    assert "onerror=" in page  # as text
    assert "Nghị định 61/2018/NĐ-CP" in page  # citations still linked


def test_title_cannot_break_out_of_the_head(hostile_site):
    page = (hostile_site.site / HOSTILE_URL / "index.html").read_text("utf-8")
    title = re.search(r"<title>(.*?)</title>", page, re.S).group(1)
    assert "<" not in title and "&lt;script&gt;" in title


@pytest.mark.parametrize("bad", ["../../x", "..", "a/b", "A", "x y", "", "-a", "a--b", "é"])
def test_urls_refuse_unsafe_ids(bad):
    for make in (urls.plan_src, urls.legal_src, urls.agency_src, urls.unresolved_src):
        with pytest.raises(UnsafeIdError):
            make(bad)


@pytest.mark.parametrize(
    ("text", "_absent"),
    [
        ("<script>alert(1)</script>", "<script"),
        ("[x](javascript:alert(1))", "](javascript"),
        ("![x](https://evil.example/a.png)", "!["),
        ("<img src=x onerror=alert(1)>", "<img"),
        ("a | b", "a | b"),
    ],
)
def test_md_text_neutralises_markup(text, _absent):
    import markdown

    out = markdown.markdown(md.md_text(text), extensions=["tables"])
    assert not re.search(r"<(a|img|script)\b", out), out


def test_source_name_stays_in_its_folder():
    from cchc_kb.model.models import Plan
    from cchc_kb.site.plan_pages import source_name

    for name in ("../../etc/passwd", "a/b.txt", ".hidden", "tệp gốc.docx"):
        plan = Plan("x", None, "Kế hoạch", "", "a", None, source_file=name)
        out = source_name(plan)
        assert "/" not in out and not out.startswith(".") and Path(out).name == out
