"""The full build against plain MkDocs on the same synthetic plans: time, CPU, peak RSS, pages.

    python scripts/bench_build.py [PLANS ...]      (default: 300)

For each size: ``cchc corpus --seed 7``, then (1) plain MkDocs + Material with its search
plugin building the plan Markdown as it is, one page per plan, and (2) the knowledge base
(``mkdocs build --strict`` with the project's config pointed at the corpus). Wall time depends
on the machine's load; CPU time (user + system, the build's processes included) less so.
"""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cchc_kb.preview import site_config  # noqa: E402

BIN = Path(sys.executable).parent


def run(cmd: list[str], cwd: Path) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds and peak RSS (MB) of one command and its processes."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run(cmd, cwd=cwd, env=env, check=True, capture_output=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, after.ru_maxrss // 1024


def plain_config(work: Path, corpus: Path) -> Path:
    docs = work / "plain-docs"
    for plan in sorted((corpus / "plans").rglob("*.md")):
        target = docs / plan.relative_to(corpus / "plans")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(plan, target)
    (docs / "index.md").write_text("# Kế hoạch\n", "utf-8")
    config = {
        "site_name": "Plain",
        "docs_dir": str(docs),
        "theme": {"name": "material", "language": "vi", "font": False},
        "plugins": ["search"],
        "nav": ["index.md"],
        "validation": {"nav": {"omitted_files": "ignore"}},
    }
    path = work / "plain.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True), "utf-8")
    return path


def bench(plans: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        corpus = work / "corpus"
        cchc = str(BIN / "cchc")
        subprocess.run(
            [cchc, "corpus", str(corpus), "--plans", str(plans), "--seed", "7"],
            check=True,
            capture_output=True,
        )
        mkdocs = str(BIN / "mkdocs")
        plain = run(
            [
                mkdocs,
                "build",
                "-q",
                "-f",
                str(plain_config(work, corpus)),
                "-d",
                str(work / "plain-site"),
            ],
            ROOT,
        )
        full = run(
            [
                mkdocs,
                "build",
                "-q",
                "--strict",
                "-f",
                str(site_config(corpus, ROOT)),
                "-d",
                str(work / "kb-site"),
            ],
            ROOT,
        )
        pages = sum(1 for _ in (work / "kb-site").rglob("*.html"))
        print(f"{plans} plans: {pages} pages")
        for name, (wall, cpu, rss) in (("plain MkDocs", plain), ("knowledge base", full)):
            print(f"  {name:15} wall {wall:7.1f} s  CPU {cpu:7.1f} s  peak RSS {rss} MB")
        print(f"  ratio: wall {full[0] / plain[0]:.2f}  CPU {full[1] / plain[1]:.2f}")


if __name__ == "__main__":
    for size in [int(arg) for arg in sys.argv[1:]] or [300]:
        bench(size)
