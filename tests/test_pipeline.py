"""The staff pipeline run locally: the same make targets the CI files call, on a copy of the
seed repository with a plan text and a Word file dropped into inbox/. A failed check publishes
nothing."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
import yaml
from conftest import ROOT

from cchc_kb.commands.publish import (
    DELETE_LIST,
    FILES_DIR,
    MANIFEST_PATH,
    UPLOAD_LIST,
    read_manifest,
)

PIPELINE = ["inbox", "findings", "build", "publish"]
INBOX_TEXT = Path(__file__).parent / "data" / "inbox" / "Kế hoạch tuyên truyền CCHC 2023.txt"
NEW_PLAN = "so-xay-dung-thai-binh-2023-tuyen-truyen-cchc"
# The same text with another number and title, uploaded as a Word file.
INBOX_DOCX = "Kế hoạch kiểm tra CCHC 2023.docx"
DOCX_PLAN = "so-xay-dung-thai-binh-2023-cchc"
DOCX_EDITS = {
    "45/KH-SXD": "46/KH-SXD",
    "TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH NĂM 2023": "KIỂM TRA CÔNG TÁC CẢI CÁCH HÀNH CHÍNH NĂM 2023",
}
BAD_TEXT = (
    "Số: 12/KH-ABC\n\nHà Nội, ngày 05 tháng 3 năm 2024\n\nKẾ HOẠCH\nThử nghiệm\n\nNội dung.\n"
)
# What a repository holds besides the package (installed in the project's .venv).
REPOSITORY = ("plans", "legal", "docs", "overrides", "hooks", "inbox")
FILES = ("mkdocs.yml", "Makefile", "pyproject.toml", "constraints.txt")


def copy_project(target: Path) -> Path:
    for folder in REPOSITORY:
        shutil.copytree(ROOT / folder, target / folder)
    for name in FILES:
        shutil.copy2(ROOT / name, target / name)
        # Older than the project's .venv stamp: make uses that environment as it is.
        os.utime(target / name, (0, 0))
    return target


def make(repo: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("SOURCE_DATE_EPOCH", None)
    cmd = ["make", "--no-print-directory", "-C", str(repo), f"VENV={ROOT / '.venv'}", *args]
    return subprocess.run(cmd, env=env, capture_output=True, text=True)


def write_docx(path: Path) -> None:
    """A Word file as staff upload them: one paragraph per line of the inbox text, edited."""
    text = INBOX_TEXT.read_text("utf-8")
    for old, new in DOCX_EDITS.items():
        assert old in text
        text = text.replace(old, new)
    document = docx.Document()
    for line in text.split("\n"):
        document.add_paragraph(line)
    document.save(str(path))


def inbox_files(repo: Path) -> list[str]:
    return sorted(p.name for p in (repo / "inbox").iterdir())


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """The seeds built and published once; then a plan uploaded into inbox/ and the pipeline."""
    repo = copy_project(tmp_path_factory.mktemp("pipeline") / "repo")
    first = make(repo, "build")
    assert first.returncode == 0, first.stdout + first.stderr
    shutil.copy2(repo / "site" / MANIFEST_PATH, repo / "last-manifest.json")
    shutil.copy2(INBOX_TEXT, repo / "inbox" / INBOX_TEXT.name)
    write_docx(repo / "inbox" / INBOX_DOCX)
    run = make(repo, *PIPELINE, "SINCE=last-manifest.json")
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    return repo, run


def test_inbox_file_becomes_a_plan_and_the_inbox_is_emptied(published):
    repo, _ = published
    assert inbox_files(repo) == ["README.md"]
    folder = repo / "plans" / "so-xay-dung-thai-binh" / "2023"
    assert (folder / f"{NEW_PLAN}.md").is_file()
    assert (folder / INBOX_TEXT.name).read_bytes() == INBOX_TEXT.read_bytes()
    page = (repo / "site" / "ke-hoach" / NEW_PLAN / "index.html").read_text("utf-8")
    assert "Kế hoạch 45/KH-SXD" in page


def test_a_word_file_in_the_inbox_becomes_a_plan(published):
    repo, _ = published
    folder = repo / "plans" / "so-xay-dung-thai-binh" / "2023"
    plan = (folder / f"{DOCX_PLAN}.md").read_text("utf-8")
    assert "so_ky_hieu: 46/KH-SXD" in plan
    assert (folder / INBOX_DOCX).is_file()  # the original, beside the plan
    page = (repo / "site" / "ke-hoach" / DOCX_PLAN / "index.html").read_text("utf-8")
    assert "Kế hoạch 46/KH-SXD" in page
    assert "Kiểm tra công tác cải cách hành chính năm 2023" in page


def test_a_plan_uploaded_again_updates_its_file(tmp_path):
    """The second upload of a plan is imported over the first (make inbox passes --force),
    keeping the fields a person wrote by hand."""
    repo = copy_project(tmp_path / "repo")
    shutil.copy2(INBOX_TEXT, repo / "inbox" / INBOX_TEXT.name)
    first = make(repo, "inbox")
    assert first.returncode == 0, first.stderr
    plan = repo / "plans" / "so-xay-dung-thai-binh" / "2023" / f"{NEW_PLAN}.md"
    hand_written = "linh_vuc:\n- chinh_quyen_so\n"
    plan.write_text(plan.read_text("utf-8").replace("---\n", "---\n" + hand_written, 1), "utf-8")
    changed = INBOX_TEXT.read_text("utf-8").replace("20 tháng 02", "21 tháng 02")
    (repo / "inbox" / INBOX_TEXT.name).write_text(changed, "utf-8")
    again = make(repo, "inbox")
    assert again.returncode == 0, again.stderr
    assert inbox_files(repo) == ["README.md"]
    text = plan.read_text("utf-8")
    assert "ngay_ban_hanh: '2023-02-21'" in text and hand_written in text


def test_findings_are_kept_for_the_comment(published):
    repo, run = published
    findings = (repo / "findings.txt").read_text("utf-8")
    assert re.search(r"\d+ kế hoạch, \d+ văn bản, \d+ cơ quan: 0 lỗi, \d+ cảnh báo", findings)
    assert ": warning: " in findings and ": error: " not in findings
    assert findings.strip() in run.stdout


def test_only_the_changed_files_are_published(published):
    repo, _ = published
    out = repo / "publish"
    upload = (out / UPLOAD_LIST).read_text("utf-8").splitlines()
    for path in (
        f"ke-hoach/{NEW_PLAN}/index.html",
        f"ke-hoach/{DOCX_PLAN}/index.html",
        "ke-hoach/index.html",
        "ke-hoach/feed.xml",
        "sitemap-1.xml",
        "du-lieu/plans.csv",
        MANIFEST_PATH,
    ):
        assert path in upload, path
    total = read_manifest(repo / "site" / MANIFEST_PATH)
    assert len(upload) < len(total) / 2
    # An agency the new plan has nothing to do with is not uploaded again.
    assert "co-quan/ubnd-tinh-dong-nai/index.html" in total
    assert "co-quan/ubnd-tinh-dong-nai/index.html" not in upload
    copied = sorted(
        p.relative_to(out / FILES_DIR).as_posix()
        for p in (out / FILES_DIR).rglob("*")
        if p.is_file()
    )
    assert copied == upload
    assert (out / DELETE_LIST).is_file()


def test_a_failed_check_publishes_nothing(tmp_path):
    repo = copy_project(tmp_path / "repo")
    (repo / "inbox" / "khong-ro-co-quan.txt").write_text(BAD_TEXT, "utf-8")
    run = make(repo, *PIPELINE)
    assert run.returncode != 0
    findings = (repo / "findings.txt").read_text("utf-8")
    assert re.search(r"^plans/\S+\.md:\d+: error: ", findings, flags=re.M), findings
    assert not (repo / "site").exists()
    assert not (repo / "publish").exists()


def test_an_unreadable_upload_stays_in_the_inbox(tmp_path):
    repo = copy_project(tmp_path / "repo")
    (repo / "inbox" / "ke-hoach.odt").write_bytes(b"PK\x03\x04")
    run = make(repo, *PIPELINE)
    assert run.returncode != 0
    assert "ke-hoach.odt" in run.stderr
    assert "ke-hoach.odt" in inbox_files(repo)
    assert not (repo / "publish").exists()


def _make_targets(commands: list[str]) -> list[str]:
    return [m for command in commands for m in re.findall(r"\bmake ([a-z-]+)", command)]


def test_ci_files_run_the_same_make_targets():
    makefile = (ROOT / "Makefile").read_text("utf-8")
    github = yaml.safe_load((ROOT / ".github" / "workflows" / "cap-nhat.yml").read_text("utf-8"))
    steps = github["jobs"]["cap-nhat"]["steps"]
    assert _make_targets([s["run"] for s in steps if "run" in s]) == ["import-tools", *PIPELINE]
    assert "inbox/**" in github[True]["push"]["paths"]  # YAML reads the key "on" as True
    gitlab = yaml.safe_load((ROOT / ".gitlab-ci.yml").read_text("utf-8"))
    assert _make_targets(gitlab["cap-nhat"]["script"]) == ["import-tools", *PIPELINE]
    for target in ["import-tools", *PIPELINE]:
        assert re.search(rf"^{target}:", makefile, flags=re.M), target
