"""Build fuzzing: a synthetic repository damaged at random, checked and built for real.

For each case, ``cchc check`` and ``mkdocs build --strict`` run in subprocesses bounded in time
and memory. They must agree (both pass, or both report the same ``path:line`` errors), neither
may print a traceback, every damaged file must be reported at its path (and line, where the
damage has one), every file without an error must become its page, and every file that did not
must be listed as unpublished with its error. A symlink out of the repository is never followed.

``make test`` runs a few seeded cases; ``make fuzz`` runs many (``CCHC_FUZZ_CASES``,
``CCHC_FUZZ_SEED``).
"""

from __future__ import annotations

import os
import random
import re
import resource
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import ROOT, site_config
from minirepo import PARENT_PATH, PLAN_PATH, write_minimal_repo
from mutations import RECORD_MUTATIONS, REGISTRY_MUTATIONS, Damage

from cchc_kb.analysis.unpublished import unpublished
from cchc_kb.corpus import build_corpus
from cchc_kb.site import urls
from cchc_kb.source.repository import AGENCIES_FILE
from cchc_kb.synthetic import write_repository

CASES = int(os.environ.get("CCHC_FUZZ_CASES", "4"))
SEED = int(os.environ.get("CCHC_FUZZ_SEED", "20261130"))
CASE_SECONDS = 180  # per command; a real build of this repository takes a few seconds
MEMORY_BYTES = 4 * 1024**3  # address space per command
SECRET = "BI-MAT-NGOAI-KHO"  # in the targets of symlinks out of the repository
_DIAGNOSTIC = re.compile(
    r"^(?:ERROR\s+-\s+|INFO\s+-\s+)?(\S+?):(\d+): (error|warning): ([a-z0-9-]+): ", re.M
)


@dataclass(frozen=True)
class Found:
    path: str
    line: int
    severity: str
    code: str


def _bounded() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_BYTES, MEMORY_BYTES))


def _run(cmd: list[str], what: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("SOURCE_DATE_EPOCH", None)
    try:
        return subprocess.run(
            cmd,
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=CASE_SECONDS,
            preexec_fn=_bounded,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"{what} ran longer than {CASE_SECONDS} s")


def _found(output: str) -> set[Found]:
    return {Found(m[1], int(m[2]), m[3], m[4]) for m in _DIAGNOSTIC.finditer(output)}


def _errors(found: set[Found]) -> set[tuple[str, int, str]]:
    return {(f.path, f.line, f.code) for f in found if f.severity == "error"}


def _markdown(repo: Path) -> list[str]:
    return sorted(
        p.relative_to(repo).as_posix()
        for folder in ("plans", "legal")
        for p in (repo / folder).rglob("*.md")
    )


def damage(repo: Path, rng: random.Random, outside: Path) -> list[tuple[str, Damage | None]]:
    """One to three mutations on distinct files; the registry is one file among them."""
    files = _markdown(repo)
    chosen: list[tuple[str, Damage | None]] = []
    targets = rng.sample([AGENCIES_FILE, *files], rng.randint(1, 3))
    for rel in targets:
        table = REGISTRY_MUTATIONS if rel == AGENCIES_FILE else RECORD_MUTATIONS
        name = rng.choice(sorted(table))
        chosen.append((f"{name}({rel})", table[name](repo, rel, rng, outside)))
    return chosen


def _page(site: Path, doc) -> Path:
    src = urls.plan_src(doc.id) if doc.path.startswith("plans/") else urls.legal_src(doc.id)
    return site / urls.url_of(src) / "index.html"


def fuzz_case(tmp_path: Path, case: int) -> None:
    """Run one case: damage, check, build, and compare."""
    rng = random.Random(f"{SEED}-{case}")
    repo = write_repository(tmp_path / "repo", plans=rng.randint(3, 6), seed=rng.randrange(1000))
    outside = tmp_path / "outside"
    outside.mkdir()
    files = _markdown(repo)
    mutations = damage(repo, rng, outside)
    described = ", ".join(name for name, _ in mutations)

    check = _run([sys.executable, "-m", "cchc_kb.cli", "check", str(repo)], "cchc check")
    site = tmp_path / "site"
    config = site_config(repo)
    build = _run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site)],
        "mkdocs build",
    )
    check_out = check.stdout + check.stderr
    build_out = build.stdout + build.stderr
    context = f"case {case} [{described}]"
    assert "Traceback" not in check_out, f"{context}\n{check_out[-3000:]}"
    assert "Traceback" not in build_out, f"{context}\n{build_out[-3000:]}"
    assert check.returncode in (0, 1), f"{context}\n{check_out[-3000:]}"

    reported = _found(check.stdout)
    errors = _errors(reported)
    assert errors == _errors(_found(build_out)), (
        f"{context}: check and build disagree\ncheck: {sorted(errors)}\n"
        f"build: {sorted(_errors(_found(build_out)))}"
    )
    assert (check.returncode == 0) == (not errors), f"{context}\n{check_out[-3000:]}"
    assert (build.returncode == 0) == (not errors), f"{context}\n{build_out[-3000:]}"

    for name, expected in mutations:
        if expected is None:
            continue
        hit = any(
            f.path == expected.path
            and f.code in expected.codes
            and (expected.line is None or f.line == expected.line)
            for f in reported
        )
        assert hit, (
            f"{context}: {name} not reported as {sorted(expected.codes)} at "
            f"{expected.path}:{expected.line or '*'}\n"
            + "\n".join(
                sorted(f"{f.path}:{f.line} {f.code}" for f in reported if f.path == expected.path)
            )
        )

    corpus = build_corpus(repo)
    published = {doc.path for doc in corpus.documents()}
    failed = {path for path, _, _ in errors}
    for rel in files:
        assert rel in published or rel in failed, f"{context}: {rel} lost without an error"
    for doc in corpus.documents():
        assert _page(site, doc).is_file(), f"{context}: {doc.path} has no page"
    listed = {item.path for item in unpublished(corpus)}
    assert {rel for rel in files if rel not in published} <= listed, context
    for path in site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".json", ".csv", ".xml", ".md", ".txt"):
            assert SECRET not in path.read_text("utf-8", errors="replace"), f"{context}: {path}"


@pytest.mark.parametrize("case", range(CASES))
def test_damaged_repository_is_checked_and_built_alike(tmp_path, case):
    fuzz_case(tmp_path, case)


def test_citation_cycle_is_an_error_for_check_and_build_alike(tmp_path):
    repo = write_minimal_repo(tmp_path / "repo")
    parent = repo / PARENT_PATH
    parent.write_text(
        parent.read_text("utf-8").replace(
            "stub: true", f"stub: true\nthuc_hien: [{Path(PLAN_PATH).stem}]"
        ),
        "utf-8",
    )
    check = _run([sys.executable, "-m", "cchc_kb.cli", "check", str(repo)], "cchc check")
    build = _run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "-f",
            str(site_config(repo)),
            "-d",
            str(tmp_path / "site"),
        ],
        "mkdocs build",
    )
    errors = _errors(_found(check.stdout))
    assert any(code == "graph-cycle" for _, _, code in errors)
    assert errors == _errors(_found(build.stdout + build.stderr))
    assert build.returncode != 0
