"""The rules of ARCHITECTURE.md, checked on the code: import-linter's contracts fire when broken,
and, with the standard library's ``ast``, no import circle, no ``site`` import outside the site
and the hook, no function-level import of the package's own modules."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "cchc_kb"
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


# ---------------------------------------------------------------------------------------------
# import-linter


def lint_imports(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(LINT_IMPORTS), "--config", str(project / "pyproject.toml"), "--no-cache"],
        cwd=project,
        env={"PYTHONPATH": str(project), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
    )


@pytest.fixture
def package_copy(tmp_path: Path) -> Path:
    shutil.copytree(PACKAGE, tmp_path / "cchc_kb", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def test_contracts_kept_on_the_package(package_copy: Path) -> None:
    result = lint_imports(package_copy)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


BROKEN_CONTRACTS = [
    # (module, import added at its top, contract reported broken)
    ("model/models.py", "from cchc_kb.site import urls", "The engine never imports the site"),
    ("analysis/graph.py", "from cchc_kb.site import urls", "The engine never imports the site"),
    ("site/md.py", "import mkdocs", "The package never imports MkDocs or Material"),
    ("model/text.py", "import material", "The package never imports MkDocs or Material"),
    ("corpus.py", "from cchc_kb.analysis import validity", "layers only import downwards"),
    ("source/repository.py", "from cchc_kb import corpus", "layers only import downwards"),
    ("site/urls.py", "from cchc_kb.commands import check", "layers only import downwards"),
    ("tasks.py", "from cchc_kb import corpus", "layers only import downwards"),
    ("tasks.py", "from cchc_kb.site import urls", "The engine never imports the site"),
]


@pytest.mark.parametrize(("module", "line", "contract"), BROKEN_CONTRACTS)
def test_a_forbidden_import_breaks_a_contract(
    package_copy: Path, module: str, line: str, contract: str
) -> None:
    path = package_copy / "cchc_kb" / module
    text = path.read_text("utf-8")
    anchor = "from __future__ import annotations\n"
    path.write_text(text.replace(anchor, f"{anchor}\n{line}  # noqa\n", 1), "utf-8")
    result = lint_imports(package_copy)
    assert result.returncode != 0
    broken = [row for row in result.stdout.splitlines() if row.endswith("BROKEN")]
    assert any(contract in row for row in broken), result.stdout


# ---------------------------------------------------------------------------------------------
# The same rules read with ast


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def package_modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def imported(path: Path, modules: dict[str, Path]) -> list[tuple[str, ast.stmt, bool]]:
    """(module imported, statement, at function level) for every import of a package module."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    tree = ast.parse(path.read_text("utf-8"))
    nested: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            nested |= {id(n) for n in ast.walk(node) if isinstance(n, ast.Import | ast.ImportFrom)}
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                origin = ".".join(base + ([node.module] if node.module else []))
            else:
                origin = node.module or ""
            # "from package import module" imports the module; "from module import name" the module
            targets = [
                f"{origin}.{alias.name}" if f"{origin}.{alias.name}" in modules else origin
                for alias in node.names
            ]
        else:
            continue
        for target in targets:
            if target.split(".")[0] == "cchc_kb":
                out.append((target, node, id(node) in nested))
    return out


def import_graph() -> nx.DiGraph:
    modules = package_modules()
    graph = nx.DiGraph()
    graph.add_nodes_from(modules)
    for name, path in modules.items():
        for target, _, _ in imported(path, modules):
            while target not in modules and "." in target:
                target = target.rpartition(".")[0]
            if target != name:
                graph.add_edge(name, target)
    return graph


def circles(prefix: str) -> list[list[str]]:
    graph = import_graph()
    return sorted(
        sorted(group)
        for group in nx.strongly_connected_components(graph)
        if len(group) > 1 and any(m.startswith(prefix) for m in group)
    )


PARTS = [
    "cchc_kb.model",
    "cchc_kb.source",
    "cchc_kb.cite",
    "cchc_kb.tasks",
    "cchc_kb.corpus",
    "cchc_kb.analysis",
    "cchc_kb.site",
    "cchc_kb.commands",
    "cchc_kb.importer",
    "cchc_kb.cli",
]


@pytest.mark.parametrize(
    "prefix",
    PARTS,
)
def test_no_import_circle(prefix: str) -> None:
    assert circles(prefix) == []


def test_the_circle_check_finds_a_circle() -> None:
    graph = nx.DiGraph([("a", "b"), ("b", "a"), ("b", "c")])
    assert [sorted(g) for g in nx.strongly_connected_components(graph) if len(g) > 1] == [
        ["a", "b"]
    ]


def test_site_is_imported_only_by_the_site_and_the_hook() -> None:
    modules = package_modules()
    offenders = [
        f"{path.relative_to(ROOT)}:{node.lineno}: {target}"
        for name, path in modules.items()
        if not name.startswith("cchc_kb.site")
        for target, node, _ in imported(path, modules)
        if target == "cchc_kb.site" or target.startswith("cchc_kb.site.")
    ]
    assert offenders == []


@pytest.mark.parametrize(
    "prefix",
    PARTS,
)
def test_no_function_level_import_of_the_package(prefix: str) -> None:
    modules = package_modules()
    offenders = [
        f"{path.relative_to(ROOT)}:{node.lineno}: {target}"
        for name, path in modules.items()
        if name.startswith(prefix)
        for target, node, nested in imported(path, modules)
        if nested
    ]
    assert offenders == []
