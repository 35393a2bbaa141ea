"""Loader and checker: each error named by the foundation issue, with its file and line."""

from __future__ import annotations

import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from minirepo import LEGAL_PATH, PARENT_PATH, PLAN, PLAN_PATH, write_minimal_repo

from cchc_kb.model.models import PartialDate
from cchc_kb.source.repository import read_repository

REPO = Path(__file__).resolve().parents[1]


def run_check(root: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "cchc_kb.cli", "check", str(root)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,  # a YAML alias bomb once kept it running for minutes
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return write_minimal_repo(tmp_path)


def test_minimal_repository_loads_clean(repo: Path) -> None:
    corpus = read_repository(repo)
    assert corpus.errors == []
    plan = corpus.plans["so-xay-dung-hai-duong-2025-tuyen-truyen-cchc"]
    assert plan.issued == PartialDate(2025, 1)
    assert plan.signer_title == "KT. Giám đốc, Phó Giám đốc"
    assert plan.implements == ["ubnd-tinh-hai-duong-2025-kh-236"]
    assert plan.body.startswith("Căn cứ Kế hoạch số 236")
    # The body's first line is line 20 of the file: line numbers of findings depend on it.
    assert (
        plan.body_line
        == PLAN.splitlines().index(
            "Căn cứ Kế hoạch số 236/KH-UBND ngày 15/01/2025 của UBND tỉnh về việc tuyên truyền."
        )
        + 1
    )
    assert corpus.legal["61-2018-nd-cp"].validity.status == "Chưa rõ"
    assert run_check(repo).returncode == 0


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture no longer contains {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _line_of(path: Path, needle: str) -> int:
    return next(
        i for i, line in enumerate(path.read_text("utf-8").splitlines(), 1) if needle in line
    )


# (what is broken, file, old text, new text, expected code, text on the reported line)
BROKEN = [
    ("invalid YAML", PLAN_PATH, "nam: 2025", "nam: [2025", "yaml-invalid", None),
    (
        "unknown field",
        PLAN_PATH,
        "nam: 2025",
        "nam: 2025\nso_trang: 12",
        "unknown-field",
        "so_trang:",
    ),
    ("missing field", PLAN_PATH, "tinh_trang: ban_hanh\n", "", "missing-field", None),
    ("impossible date", PLAN_PATH, '"2025-01"', '"2022-02-31"', "invalid-date", "ngay_ban_hanh"),
    (
        "id differs from file name",
        PLAN_PATH,
        "id: so-xay-dung-hai-duong-2025-tuyen-truyen-cchc",
        "id: so-xay-dung-hai-duong-2025-khac",
        "id-mismatch",
        "id:",
    ),
    (
        "can_cu names no record",
        PLAN_PATH,
        "can_cu: [ubnd-tinh-hai-duong-2025-kh-236]",
        "can_cu: [ubnd-tinh-hai-duong-2025-kh-999]",
        "unknown-reference",
        "can_cu:",
    ),
    (
        "thuc_hien names no record",
        PLAN_PATH,
        "thuc_hien: [ubnd-tinh-hai-duong-2025-kh-236]",
        "thuc_hien: [khong-co]",
        "unknown-reference",
        "thuc_hien:",
    ),
    (
        "unknown agency",
        PLAN_PATH,
        "co_quan_ban_hanh: so-xay-dung-hai-duong",
        "co_quan_ban_hanh: so-khong-co",
        "unknown-agency",
        "co_quan_ban_hanh:",
    ),
    ("unsafe id", LEGAL_PATH, "id: 61-2018-nd-cp", "id: ../../61-2018-nd-cp", "invalid-id", "id:"),
    (
        "invalid status",
        LEGAL_PATH,
        "trang_thai: Chưa rõ",
        "trang_thai: Có lẽ",
        "invalid-value",
        "trang_thai:",
    ),
    ("duplicate key", PLAN_PATH, "nam: 2025", "nam: 2025\nnam: 2024", "duplicate-key", "nam: 2024"),
    (
        "source file missing",
        PLAN_PATH,
        "noi_nhan: [Sở Nội vụ;]",
        "noi_nhan: [Sở Nội vụ;]\nnguon: khong-co.pdf",
        "source-missing",
        "nguon:",
    ),
    ("no front-matter", PARENT_PATH, "---\nid:", "id:", "front-matter-missing", None),
]


@pytest.mark.parametrize("what,rel,old,new,code,line_text", BROKEN, ids=[b[0] for b in BROKEN])
def test_broken_copy_reports_file_line_and_code(repo, what, rel, old, new, code, line_text):
    path = repo / rel
    _replace(path, old, new)
    result = run_check(repo)
    assert result.returncode == 1, result.stdout
    errors = [line for line in result.stdout.splitlines() if f": error: {code}:" in line]
    assert errors, f"no {code} error in:\n{result.stdout}"
    reported_path, reported_line = errors[0].split(":")[:2]
    assert reported_path == rel
    if line_text:
        assert int(reported_line) == _line_of(path, line_text)
    else:
        assert int(reported_line) >= 1


def test_duplicate_id_is_reported_at_the_later_file(repo: Path) -> None:
    later = repo / "plans/zz-copy" / "61-2018-nd-cp.md"
    (repo / "legal/61-2018-nd-cp.md").rename(repo / "legal/61-2018-nd-cp.md")
    # Same id in legal/ and again under plans/: legal/ is read first, plans/ is the later one.
    later.parent.mkdir(parents=True)
    later.write_text(
        (repo / LEGAL_PATH)
        .read_text("utf-8")
        .replace(
            "so_ky_hieu: 61/2018/NĐ-CP\n",
            "so_ky_hieu: 61/2018/NĐ-CP\nnam: 2018\ntinh_trang: ban_hanh\n",
        )
        .replace("tinh_trang_hieu_luc:\n  trang_thai: Chưa rõ\n", ""),
        encoding="utf-8",
    )
    corpus = read_repository(repo)
    dup = [d for d in corpus.errors if d.code == "duplicate-id"]
    assert [d.path for d in dup] == ["plans/zz-copy/61-2018-nd-cp.md"]
    assert "legal/61-2018-nd-cp.md" in dup[0].message
    assert (
        corpus.legal["61-2018-nd-cp"].path == LEGAL_PATH
    )  # the first one is kept, not overwritten


def test_two_plans_with_one_id_keep_the_first(repo: Path) -> None:
    copy = repo / "plans/so-xay-dung-hai-duong/2026" / Path(PLAN_PATH).name
    copy.parent.mkdir(parents=True)
    copy.write_text(PLAN, encoding="utf-8")
    corpus = read_repository(repo)
    dup = [d for d in corpus.errors if d.code == "duplicate-id"]
    assert len(dup) == 1 and dup[0].path.endswith("2026/" + Path(PLAN_PATH).name)
    assert dup[0].line == 2


def test_a_citation_cycle_fails_the_check(repo: Path) -> None:
    """Two decrees amending each other is an error of the data, found by the graph analyses."""
    legal = repo / LEGAL_PATH
    other = legal.with_name("107-2021-nd-cp.md")
    other.write_text(
        legal.read_text("utf-8")
        .replace("61-2018-nd-cp", "107-2021-nd-cp")
        .replace("61/2018/NĐ-CP", "107/2021/NĐ-CP")
        .replace("tinh_trang_hieu_luc:", "sua_doi_bo_sung: [61-2018-nd-cp]\ntinh_trang_hieu_luc:"),
        encoding="utf-8",
    )
    _replace(
        legal, "tinh_trang_hieu_luc:", "sua_doi_bo_sung: [107-2021-nd-cp]\ntinh_trang_hieu_luc:"
    )
    result = run_check(repo)
    assert result.returncode == 1
    assert ": error: graph-cycle:" in result.stdout


def test_warnings_do_not_fail_the_check(repo: Path) -> None:
    # A blank number on an issued plan is a data-quality warning, not an error.
    result = run_check(repo)
    assert result.returncode == 0
    assert f"{PLAN_PATH}:3: warning: number-blank:" in result.stdout


def _to_cp1258(text: str) -> bytes:
    """Windows-1258 stores base letters precomposed and tone marks as combining characters."""
    tones = "\u0300\u0301\u0303\u0309\u0323"
    out = []
    for ch in text:
        try:
            ch.encode("cp1258")
            out.append(ch)
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
            out.append(base + "".join(c for c in parts if c in tones))
    return "".join(out).encode("cp1258")


ENCODINGS = {
    "utf-16": lambda t: t.encode("utf-16"),
    "utf-16-le without BOM": lambda t: t.encode("utf-16-le"),
    "utf-8 BOM + CRLF": lambda t: b"\xef\xbb\xbf" + t.replace("\n", "\r\n").encode("utf-8"),
    "NFD": lambda t: unicodedata.normalize("NFD", t).encode("utf-8"),
    "windows-1258": _to_cp1258,
}


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_reencoded_copy_is_still_valid(repo: Path, encoding: str) -> None:
    path = repo / PLAN_PATH
    path.write_bytes(ENCODINGS[encoding](PLAN))
    corpus = read_repository(repo)
    assert corpus.errors == []
    plan = corpus.plans["so-xay-dung-hai-duong-2025-tuyen-truyen-cchc"]
    assert plan.signer == "Phạm Cửu Long"
    assert unicodedata.is_normalized("NFC", plan.body)
    assert plan.body.startswith("Căn cứ Kế hoạch số 236/KH-UBND")


def test_every_source_file_is_a_record_or_a_diagnostic(repo: Path) -> None:
    stray = repo / "plans/so-xay-dung-hai-duong/2025/ban-goc.txt"
    stray.write_text("Văn bản gốc", encoding="utf-8")
    corpus = read_repository(repo)
    assert any(
        d.code == "orphan-source" and d.path.endswith("ban-goc.txt") for d in corpus.diagnostics
    )


def test_impossible_dates_are_refused() -> None:
    for text in ("2022-02-31", "2023-02-29", "2025-13", "--02-30"):
        with pytest.raises(ValueError):
            PartialDate.parse(text)
    assert PartialDate.parse("2024-02-29").iso == "2024-02-29"
    assert PartialDate.parse("--12-15") == PartialDate(None, 12, 15)
    assert PartialDate.parse("2025-01").vietnamese() == "ngày … tháng 01 năm 2025"


def test_the_repository_itself_checks_clean() -> None:
    result = run_check(REPO)
    assert result.returncode == 0, result.stdout[-3000:]
