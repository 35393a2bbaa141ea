"""The ``cchc`` verbs: help texts that say what each command does, and ``cchc cite``'s two outputs."""

from __future__ import annotations

import json

import pytest

from cchc_kb.cli import COMMANDS, main

SAMPLE = "Căn cứ Kế hoạch số 236/KH-UBND ngày 15/01/2025 của UBND tỉnh.\n"


def help_text(capsys, command: str) -> str:
    with pytest.raises(SystemExit):
        main([command, "--help"])
    return capsys.readouterr().out


@pytest.mark.parametrize(
    ("command", "says", "never"),
    [
        ("import", [".txt", ".md", ".docx", ".doc", ".pdf", "ảnh quét"], []),
        ("legal", ["CSV", "JSON Lines"], []),
        ("new", ["dự thảo"], []),
        ("cite", ["--json", "mỗi trích dẫn một dòng"], []),
        ("check", ["path:line"], []),
        ("publish", ["--since", "manifest", "upload.txt", "delete.txt"], []),
        ("federate", ["--tinh", "trang toàn quốc"], []),
    ],
)
def test_help_says_what_the_command_does(capsys, command, says, never):
    text = help_text(capsys, command)
    assert all(word in text for word in says), text
    assert not any(word in text for word in never), text


def test_every_verb_is_one_row():
    assert set(COMMANDS) == {
        "check",
        "cite",
        "import",
        "legal",
        "new",
        "publish",
        "corpus",
        "federate",
    }


def test_cite_prints_one_readable_line_per_citation(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "van-ban.txt"
    path.write_text("Dòng đầu.\n" + SAMPLE, encoding="utf-8")
    assert main(["cite", str(path)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "2:8: «Kế hoạch số 236/KH-UBND» → chưa xác định"
    ]
    assert main(["cite", str(path), "--json"]) == 0
    assert [c["number"] for c in json.loads(capsys.readouterr().out)] == ["236/KH-UBND"]


def test_cite_reports_a_duplicate_front_matter_key(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "ke-hoach.md"
    path.write_text("---\nnam: 2025\nnam: 2024\n---\n" + SAMPLE, encoding="utf-8")
    assert main(["cite", str(path)]) == 0
    err = capsys.readouterr().err
    assert f"{path}:3: error: duplicate-key:" in err


def test_the_program_prints_every_finding_before_it_leaves(tmp_path):
    """``cchc check`` leaves without freeing its objects (cli.console): with its output in a
    pipe, block-buffered, every line is still written, and the exit status is kept."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    from cchc_kb.analysis.findings import diagnostics
    from cchc_kb.corpus import build_corpus

    root = Path(__file__).resolve().parent.parent
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    result = subprocess.run(
        [sys.executable, "-m", "cchc_kb.cli", "check", str(root)],
        capture_output=True, text=True, encoding="utf-8", env=env, timeout=300,
    )  # fmt: skip
    found = diagnostics(build_corpus(root))
    assert result.stdout.splitlines() == [d.format() for d in found]
    assert len(found) > 10
    assert result.returncode == (1 if any(d.severity == "error" for d in found) else 0)
    assert "kế hoạch" in result.stderr  # the summary line
