"""Regression tests for the robustness issue: each reproduced defect, each kind of damage from
the mutation table on a small repository, and the loader's limits."""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest
from conftest import build_site
from minirepo import LEGAL_PATH, PLAN, PLAN_PATH, write_minimal_repo
from mutations import BOMB, RECORD_MUTATIONS, REGISTRY_MUTATIONS, Damage
from test_load import run_check
from test_properties import to_windows_1258

from cchc_kb.analysis.findings import diagnostics
from cchc_kb.analysis.unpublished import unpublished
from cchc_kb.corpus import build_corpus
from cchc_kb.model.collation import sort_key
from cchc_kb.model.text import decode
from cchc_kb.source import limits
from cchc_kb.source.repository import AGENCIES_FILE

PLAN_ID = Path(PLAN_PATH).stem


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return write_minimal_repo(tmp_path / "repo")


@pytest.mark.parametrize("text", ["²", "³", "①", "Sở ² và ③", "٣", "1" * 5000])
def test_sort_key_accepts_digits_that_are_not_numbers(text):
    assert sorted([text, "a", "10", "9"], key=sort_key)  # no ValueError
    assert sort_key("9") < sort_key("10") < sort_key("a")


def test_agency_name_with_a_superscript_builds(repo, tmp_path):
    registry = repo / AGENCIES_FILE
    registry.write_text(
        registry.read_text("utf-8").replace("ten: Chính phủ", "ten: Chính phủ²"), "utf-8"
    )
    assert run_check(repo).returncode == 0
    build = build_site(repo, tmp_path / "site")
    assert build.returncode == 0, build.log
    assert "Traceback" not in build.log


def test_short_windows_1258_plan_reads_right_and_says_it_guessed(repo):
    path = repo / PLAN_PATH
    path.write_bytes(to_windows_1258(path.read_text("utf-8")))
    corpus = build_corpus(repo)
    assert corpus.plans[PLAN_ID].summary.startswith("Tuyên truyền cải cách hành chính")
    [guess] = [d for d in corpus.diagnostics if d.code == "encoding-guessed"]
    assert (guess.path, guess.line, guess.severity) == (PLAN_PATH, 1, "warning")
    assert decode(to_windows_1258("Kế hoạch số 02/KH-UBND")).encoding == "cp1258"


def test_alias_bomb_is_refused_at_its_line_without_stalling(repo):
    path = repo / PLAN_PATH
    path.write_text(PLAN.replace("---\n", "---\n" + BOMB, 1), "utf-8")
    result = run_check(repo)
    assert result.returncode == 1
    # bom_d (line 5) names 9**4 values, past the limit of 5,000.
    assert f"{PLAN_PATH}:5: error: yaml-too-large:" in result.stdout, result.stdout


def _reported(corpus, expected: Damage) -> None:
    """The one diagnostics path (what cchc check prints) reports the damage at its path and
    line."""
    reported = diagnostics(corpus)
    found = {d.line for d in reported if d.path == expected.path and d.code in expected.codes}
    assert found and (expected.line is None or expected.line in found), [
        d.format() for d in reported
    ]


def _damage(repo: Path, tmp_path: Path, mutation, rel: str):
    """Apply one mutation to ``rel`` (seeded) and read the damaged repository."""
    outside = tmp_path / "outside"
    outside.mkdir()
    expected = mutation(repo, rel, random.Random(0), outside)
    return expected, build_corpus(repo)


@pytest.mark.parametrize("name", sorted(RECORD_MUTATIONS))
def test_damaged_plan_is_reported_where_it_is(repo, tmp_path, name):
    expected, corpus = _damage(repo, tmp_path, RECORD_MUTATIONS[name], PLAN_PATH)
    _reported(corpus, expected)
    errors = [d for d in corpus.diagnostics if d.path == PLAN_PATH and d.severity == "error"]
    if PLAN_ID not in corpus.plans:
        assert errors  # never dropped in silence
        assert PLAN_PATH in {item.path for item in unpublished(corpus)}
    assert LEGAL_PATH.split("/")[1].removesuffix(".md") in corpus.legal  # the rest still loads


@pytest.mark.parametrize("name", sorted(REGISTRY_MUTATIONS))
def test_damaged_registry_is_reported_where_it_is(repo, tmp_path, name):
    expected, corpus = _damage(repo, tmp_path, REGISTRY_MUTATIONS[name], AGENCIES_FILE)
    if expected is None:  # valid input
        assert corpus.errors == [], [d.format() for d in corpus.errors]
        return
    _reported(corpus, expected)


def test_symlink_out_of_the_repository_is_never_followed(repo, tmp_path):
    secret = tmp_path / "secret.md"
    secret.write_text(PLAN.replace("Tuyên truyền", "BÍ MẬT"), "utf-8")
    (repo / PLAN_PATH).unlink()
    os.symlink(secret, repo / PLAN_PATH)
    corpus = build_corpus(repo)
    assert PLAN_ID not in corpus.plans
    assert [(d.line, d.code) for d in corpus.diagnostics if d.path == PLAN_PATH] == [
        (1, "symlink-outside")
    ]


def test_source_file_linked_out_of_the_repository_is_not_offered(repo, tmp_path):
    secret = tmp_path / "passwd.txt"
    secret.write_text("root:x:0:0", "utf-8")
    plan = repo / PLAN_PATH
    os.symlink(secret, plan.parent / "nguon.txt")
    plan.write_text(PLAN.replace("noi_nhan:", "nguon: nguon.txt\nnoi_nhan:"), "utf-8")
    corpus = build_corpus(repo)
    assert corpus.plans[PLAN_ID].source_file is None  # the site copies only accepted sources
    [refused] = [d for d in corpus.diagnostics if d.code == "symlink-outside"]
    nguon_line = next(
        i for i, line in enumerate(PLAN.split("\n"), 1) if line.startswith("noi_nhan")
    )
    assert (refused.path, refused.line) == (PLAN_PATH, nguon_line)


def test_fifo_named_like_a_plan_is_reported_not_read(repo):
    fifo = repo / "plans" / "so-xay-dung-hai-duong" / "2025" / "dong-ong.md"
    os.mkfifo(fifo)
    result = run_check(repo)  # reading a FIFO would block forever
    assert "plans/so-xay-dung-hai-duong/2025/dong-ong.md:1: error: not-a-file:" in result.stdout


LIMIT_CASES = [
    (
        "file",
        lambda: PLAN + ("Đoạn văn.\n" * (limits.MAX_FILE_BYTES // 10)),
        1,
        "file-too-large",
    ),
    (
        "front-matter",
        lambda: PLAN.replace("noi_nhan:", "ghi_chu:\n" + "  - ghi chú\n" * 7000 + "noi_nhan:"),
        2,
        "front-matter-too-large",
    ),
    (
        "body",
        lambda: PLAN + ("Đoạn văn dài.\n" * (limits.MAX_BODY_CHARS // 14 + 1)),
        PLAN.split("\n").index("---", 1) + 2,
        "body-too-large",
    ),
    (
        "line",
        lambda: PLAN + "x" * (limits.MAX_LINE_CHARS + 1) + "\n",
        PLAN.count("\n") + 1,
        "line-too-long",
    ),
]


@pytest.mark.parametrize(
    ("what", "make", "line", "code"), LIMIT_CASES, ids=[c[0] for c in LIMIT_CASES]
)
def test_input_beyond_a_limit_is_an_error_at_its_line(repo, what, make, line, code):
    (repo / PLAN_PATH).write_text(make(), "utf-8")
    corpus = build_corpus(repo)
    assert PLAN_ID not in corpus.plans
    assert [(d.line, d.code) for d in corpus.errors if d.path == PLAN_PATH] == [(line, code)]


def test_limits_are_documented_with_their_values():
    guide = (Path(__file__).resolve().parents[1] / "docs" / "them-ke-hoach.md").read_text("utf-8")
    architecture = (Path(__file__).resolve().parents[1] / "ARCHITECTURE.md").read_text("utf-8")
    for value in (
        limits.MAX_FILE_BYTES,
        limits.MAX_FRONT_MATTER_CHARS,
        limits.MAX_BODY_CHARS,
        limits.MAX_LINE_CHARS,
    ):
        shown = f"{value // 1024:,}".replace(",", ".") + " KB"
        assert shown in guide, shown
    assert "cchc_kb/source/limits.py" in architecture or "`source/limits.py`" in architecture


@pytest.mark.parametrize(
    ("yaml_line", "code"),
    [("sau: &a [1, *a]", "yaml-recursive"), ("sau: " + "[" * 30 + "]" * 30, "yaml-too-deep")],
)
def test_recursive_or_deep_yaml_is_refused(repo, yaml_line, code):
    (repo / PLAN_PATH).write_text(PLAN.replace("---\n", f"---\n{yaml_line}\n", 1), "utf-8")
    corpus = build_corpus(repo)
    assert [(d.line, d.code) for d in corpus.errors if d.path == PLAN_PATH] == [(2, code)]


def test_report_page_lists_the_files_that_have_no_page(repo, tmp_path):
    path = repo / PLAN_PATH
    path.write_text(path.read_text("utf-8").replace("nam: ", "nam: <script>", 1), "utf-8")
    corpus = build_corpus(repo)
    [missing] = unpublished(corpus)
    first = missing.errors[0]
    assert (missing.path, first.severity) == (PLAN_PATH, "error")
    build = build_site(repo, tmp_path / "site", strict=False)
    assert "Traceback" not in build.log
    report = (tmp_path / "site" / "chat-luong-du-lieu" / "index.html").read_text("utf-8")
    section = report.split("Tệp chưa thành trang", 1)[1]
    listed = section.split('<ul class="cchc-unpublished">', 1)[1].split("</ul>", 1)[0]
    assert f"<code>{PLAN_PATH}</code> — dòng {first.line}, <code>{first.code}</code>:" in listed
    assert "&lt;script&gt;" in listed and "<script>" not in listed  # quoted value, escaped
