"""The build's phase timings: nested phases charge only their own time; the JSON is written."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from conftest import ROOT, copy_repository, site_config

from cchc_kb import phases


def test_nested_phase_pauses_the_outer_one(monkeypatch):
    clock = iter([0.0, 1.0, 3.0, 4.0])  # outer starts, inner starts, inner ends, outer ends
    monkeypatch.setattr(phases.time, "perf_counter", lambda: next(clock))
    phases.reset()
    with phases.timed("outer"), phases.timed("inner"):
        pass
    assert phases.totals() == {"outer": 2.0, "inner": 2.0}  # inner's 2 s not counted twice


def test_spans_add_up_and_are_written_when_asked(tmp_path, monkeypatch):
    phases.reset()
    phases.add("markdown", 0.25)
    phases.add("markdown", 0.5)
    monkeypatch.delenv(phases.ENV_VAR, raising=False)
    assert phases.write_if_requested() is None
    target = tmp_path / "phases.json"
    monkeypatch.setenv(phases.ENV_VAR, str(target))
    assert phases.write_if_requested() == target
    assert json.loads(target.read_text("utf-8")) == {"markdown": 0.75}


def test_a_real_build_reports_every_phase(tmp_path):
    repo = copy_repository(tmp_path / "repo")
    target = tmp_path / "phases.json"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", phases.ENV_VAR: str(target)}
    cmd = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(site_config(repo))]
    run = subprocess.run([*cmd, "-d", str(tmp_path / "site")], cwd=ROOT, env=env)
    assert run.returncode == 0
    got = json.loads(target.read_text("utf-8"))
    expected = {"load", "cite", "check", "graph", "pages", "files", "markdown", "templates"}
    assert expected | {"search index"} == set(got)
    assert all(seconds > 0 for seconds in got.values())
