"""``cchc new``: a draft implementing a parent plan, on a copy of the repository."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import copy_repository

from cchc_kb.cli import main as cli_main
from cchc_kb.corpus import build_corpus
from cchc_kb.importer import read_front_matter

PARENT = """---
id: ubnd-tinh-hai-duong-2025-kh-cchc
so_ky_hieu: "9/KH-UBND"
loai_van_ban: "Kế hoạch"
trich_yeu: "Cải cách hành chính năm 2025"
co_quan_ban_hanh: ubnd-tinh-hai-duong
ngay_ban_hanh: "2025-01-10"
nam: 2025
tinh_trang: ban_hanh
---

Căn cứ Nghị định số 107/2020/NĐ-CP ngày 14/9/2020 của Chính phủ; Căn cứ Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ;

Ủy ban nhân dân tỉnh ban hành kế hoạch.
"""


@pytest.fixture
def repo(tmp_path) -> Path:
    copy_repository(tmp_path)
    folder = tmp_path / "plans" / "ubnd-tinh-hai-duong" / "2025"
    (folder / "ubnd-tinh-hai-duong-2025-kh-cchc.md").write_text(PARENT, "utf-8")
    return tmp_path


def new(repo: Path, *extra: str) -> int:
    return cli_main(
        ["new", "--agency", "so-xay-dung-hai-duong", "--implements",
         "ubnd-tinh-hai-duong-2025-kh-cchc", "--root", str(repo), *extra]
    )  # fmt: skip


def test_draft_carries_the_parent_and_its_bases_and_warns_on_lapsed_ones(repo, capsys):
    assert new(repo, "--date", "2026-01") == 0
    err = capsys.readouterr().err
    path = repo / "plans/so-xay-dung-hai-duong/2026/so-xay-dung-hai-duong-2026-cchc.md"
    front, body = read_front_matter(path.read_text("utf-8"))
    assert front["thuc_hien"] == ["ubnd-tinh-hai-duong-2025-kh-cchc"]
    assert front["can_cu"] == [
        "107-2020-nd-cp",
        "61-2018-nd-cp",
        "ubnd-tinh-hai-duong-2025-kh-cchc",
    ]
    assert front["tinh_trang"] == "du_thao"
    assert front["trich_yeu"] == "Cải cách hành chính năm 2026"
    assert "Căn cứ Nghị định số 107/2020/NĐ-CP ngày 14/09/2020 của Chính phủ" in body
    assert (
        "Thực hiện Kế hoạch số 9/KH-UBND ngày 10/01/2025 của Ủy ban nhân dân tỉnh Hải Dương" in body
    )
    for heading in (
        "## I. MỤC ĐÍCH, YÊU CẦU",
        "## II. NỘI DUNG",
        "## III. TỔ CHỨC THỰC HIỆN",
        "## PHỤ LỤC",
    ):
        assert heading in body
    lapsed = [line for line in err.splitlines() if "basis-not-in-force" in line]
    assert len(lapsed) == 2
    assert "107/2020/NĐ-CP" in lapsed[0] and "thay bằng Nghị định số 45/2025/NĐ-CP" in lapsed[0]
    assert "61/2018/NĐ-CP" in lapsed[1] and "thay bằng Nghị định số 118/2025/NĐ-CP" in lapsed[1]
    corpus = build_corpus(repo)
    assert [
        d for d in corpus.diagnostics if d.path.endswith(path.name) and d.severity == "error"
    ] == []
    assert corpus.plans[path.stem].implements == ["ubnd-tinh-hai-duong-2025-kh-cchc"]


def test_draft_on_a_date_when_the_bases_were_in_force_warns_nothing(repo, capsys):
    assert new(repo, "--date", "2024", "--out", "-") == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("---\nid: so-xay-dung-hai-duong-2024-cchc\n")
    assert "basis-not-in-force" not in captured.err


def test_draft_refuses_unknown_ids_and_existing_files(repo, capsys):
    assert cli_main(["new", "--agency", "khong-co", "--implements", "x", "--root", str(repo)]) == 1
    err = capsys.readouterr().err
    assert "không có cơ quan 'khong-co'" in err and "không có kế hoạch 'x'" in err
    assert new(repo) == 0
    assert new(repo) == 1
    assert "dùng --force" in capsys.readouterr().err
