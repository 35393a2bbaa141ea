"""One diagnostics path: ``cchc check`` and ``mkdocs build --strict`` report the same lines and
fail on the same errors, whether a finding comes from reading, content or the citation graph."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from conftest import build_site
from minirepo import AGENCIES, PARENT, PARENT_PATH, PLAN_PATH, write_minimal_repo
from test_load import run_check

PLAN_ID = Path(PLAN_PATH).stem


def _cycle(root: Path) -> str:
    """The parent plan implements its own child: a structural cycle (a graph finding)."""
    (root / PARENT_PATH).write_text(
        PARENT.replace("stub: true\n", f"stub: true\nthuc_hien: [{PLAN_ID}]\n"), "utf-8"
    )
    return "graph-cycle"


def _unknown_agency(root: Path) -> str:
    """A record naming an agency the registry lacks (a reading error)."""
    path = root / PLAN_PATH
    path.write_text(
        path.read_text("utf-8").replace(
            "co_quan_ban_hanh: so-xay-dung-hai-duong", "co_quan_ban_hanh: so-khong-co"
        ),
        "utf-8",
    )
    return "unknown-agency"


def _duplicate_agency_key(root: Path) -> str:
    """The agency registry with a key written twice: reported, never silently overwritten."""
    (root / "plans/agencies.yml").write_text(
        AGENCIES.replace("  cap: so\n", "  cap: so\n  cap: tinh\n"), "utf-8"
    )
    return "duplicate-key"


def _clean(root: Path) -> None:
    return None


CASES = [
    # (how the repository is broken, exit status of both)
    (_clean, 0),
    (_cycle, 1),
    (_unknown_agency, 1),
    (_duplicate_agency_key, 1),
]


@pytest.mark.parametrize(("breaks", "status"), CASES, ids=[c[0].__name__ for c in CASES])
def test_check_and_strict_build_report_the_same(tmp_path, breaks, status):
    repo = write_minimal_repo(tmp_path / "repo")
    code = breaks(repo)
    check = run_check(repo)
    build = build_site(repo, tmp_path / "site", strict=True)
    assert check.returncode == status, check.stdout + check.stderr
    assert (build.returncode != 0) == (status != 0), build.log
    lines = check.stdout.splitlines()
    if code:
        assert any(f": error: {code}: " in line for line in lines), check.stdout
    for line in lines:
        level = "ERROR" if ": error: " in line else "INFO"
        assert any(
            logged.startswith(level) and logged.endswith(line) for logged in build.log.splitlines()
        ), (line, build.log)


def test_cycle_message_names_the_file_and_line(tmp_path):
    repo = write_minimal_repo(tmp_path / "repo")
    _cycle(repo)
    errors = [line for line in run_check(repo).stdout.splitlines() if ": error: " in line]
    assert len(errors) == 1
    path, line, *_ = errors[0].split(":")
    assert path in (PLAN_PATH, PARENT_PATH) and int(line) > 1


def test_duplicate_agency_key_points_at_the_second_key(tmp_path):
    repo = write_minimal_repo(tmp_path / "repo")
    _duplicate_agency_key(repo)
    errors = [line for line in run_check(repo).stdout.splitlines() if "duplicate-key" in line]
    second = AGENCIES.replace("  cap: so\n", "  cap: so\n  cap: tinh\n").splitlines()
    expected_line = second.index("  cap: tinh", second.index("- id: so-xay-dung-hai-duong")) + 1
    assert errors and errors[0].startswith(f"plans/agencies.yml:{expected_line}: error:"), errors


def test_one_graph_and_one_analysis_per_build(real_corpus, monkeypatch):
    """Pages, exports and diagnostics share the graph and its analyses: each is made once."""
    import cchc_kb.analysis.graph as graph_module
    from cchc_kb.model.models import PartialDate
    from cchc_kb.site.build import build_site
    from cchc_kb.site.settings import SiteSettings

    calls = {"build_graph": 0, "analyses": 0}
    for name in calls:
        original = getattr(graph_module, name)

        def counted(*args, _name=name, _original=original, **kwargs):
            calls[_name] += 1
            return _original(*args, **kwargs)

        # every module that imported the function by name gets the counting one
        for module in [m for n, m in sys.modules.items() if n.startswith("cchc_kb")]:
            if getattr(module, name, None) is original:
                monkeypatch.setattr(module, name, counted)
    site = build_site(real_corpus, SiteSettings(as_of=PartialDate(2025, 9, 1)))
    assert site.pages and site.files
    assert calls == {"build_graph": 1, "analyses": 1}


def test_the_report_page_counts_what_cchc_check_prints(real_corpus):
    """The site's report lists each finding once: its counts are the checker's."""
    from cchc_kb.model.models import PartialDate
    from cchc_kb.site.build import build_site
    from cchc_kb.site.quality_report import REPORT_SRC
    from cchc_kb.site.settings import SiteSettings

    site = build_site(real_corpus, SiteSettings(as_of=PartialDate(2025, 9, 1)))
    report = next(p for p in site.pages if p.src == REPORT_SRC).markdown
    errors = sum(1 for d in site.diagnostics if d.severity == "error")
    warnings = sum(1 for d in site.diagnostics if d.severity == "warning")
    assert warnings and f"{errors} lỗi, {warnings} cảnh báo," in report


def test_duplicate_agency_key_is_named_without_the_list_index(tmp_path):
    repo = write_minimal_repo(tmp_path / "repo")
    _duplicate_agency_key(repo)
    assert "trường 'cap' xuất hiện hai lần" in run_check(repo).stdout
