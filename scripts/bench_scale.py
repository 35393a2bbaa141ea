"""The knowledge base against plain MkDocs on the same plans, at national sizes; print a table.

python scripts/bench_scale.py [--sizes 2000 10000 20000] [--seed 7] [--profile 2000]

For each size: a synthetic corpus (``cchc corpus``), ``cchc check`` on it, a plain MkDocs +
Material build of the same plan Markdown (plans out of the nav, Material's search plugin on,
one process), and the knowledge base's own build. Each build runs in a fresh subprocess so its
wall time and peak RSS are its own. The targets of the national-scale note are printed with
whether each holds. Results also go to ``bench/bench.json`` (git-ignored); ``--profile N``
writes a cProfile of the knowledge-base build at N plans and prints its top entries.
"""

from __future__ import annotations

import argparse
import json
import os
import pstats
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import yaml
from tqdm import tqdm

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from cchc_kb.phases import ENV_VAR  # noqa: E402
from cchc_kb.preview import CHROMIUM, CHROMIUM_ARGS, serve, site_config  # noqa: E402
from cchc_kb.site.pagefind import BUNDLE_DIR  # noqa: E402
from cchc_kb.site.search_eval import FILTER_PANEL, QUERY_PARTS, query_bytes  # noqa: E402
from cchc_kb.synthetic import write_repository  # noqa: E402

OUT = ROOT / "bench"
PHASE_ORDER = (
    "load",
    "cite",
    "check",
    "graph",
    "pages",
    "files",
    "markdown",
    "templates",
    "search index",
)
# Typed into the search page of each built site for the bytes of a first query: common words
# (long index entries), a number, a place and a year.
FIRST_QUERIES = ("cai cach hanh chinh", "nghi quyet 76", "ke hoach ha noi 2024")
# Run a command and report its peak RSS: RUSAGE_CHILDREN of a fresh process covers only it.
_MEASURE = (
    "import resource, subprocess, sys\n"
    "code = subprocess.run(sys.argv[2:]).returncode\n"
    "open(sys.argv[1], 'w').write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))\n"
    "sys.exit(code)\n"
)


def measured(cmd: list[str], env: dict | None = None, log: Path | None = None) -> dict:
    """Wall seconds, peak RSS (MB) and exit code of ``cmd`` run in its own process."""
    with tempfile.NamedTemporaryFile("r", suffix=".rss", delete=False) as rss_file:
        rss_path = rss_file.name
    out = log.open("w") if log else subprocess.DEVNULL
    start = time.perf_counter()
    try:
        code = subprocess.run(
            [sys.executable, "-c", _MEASURE, rss_path, *cmd],
            cwd=ROOT,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
            stdout=out,
            stderr=subprocess.STDOUT,
        ).returncode
    finally:
        if log:
            out.close()
    wall = time.perf_counter() - start
    rss_text = Path(rss_path).read_text() or "0"
    Path(rss_path).unlink()
    return {"wall_s": round(wall, 2), "peak_rss_mb": round(int(rss_text) / 1024), "exit": code}


def mkdocs_build(config: Path, site: Path) -> list[str]:
    return [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)]


def plain_config(repo: Path, work: Path) -> Path:
    """Plain MkDocs + Material over the same plan Markdown: plans out of the nav, lunr search."""
    docs = work / "plain-docs"
    shutil.copytree(repo / "plans", docs / "plans", ignore=shutil.ignore_patterns("*.yml"))
    (docs / "index.md").write_text("# Kế hoạch\n", "utf-8")
    config = {
        "site_name": "Kế hoạch",
        "docs_dir": str(docs),
        "theme": {"name": "material", "language": "vi"},
        "plugins": ["search"],
        "markdown_extensions": ["tables", "sane_lists", "admonition", "toc"],
        "nav": [{"Trang chủ": "index.md"}],
    }
    path = work / "plain.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), "utf-8")
    return path


def site_stats(site: Path) -> dict:
    pages = Counter()
    largest = (0, "")
    total = 0
    for path in site.rglob("*"):
        if not path.is_file():
            continue
        size = path.stat().st_size
        total += size
        if path.name == "index.html" or path.suffix == ".html":
            rel = path.relative_to(site).as_posix()
            pages[rel.split("/", 1)[0] if "/" in rel else "(gốc)"] += 1
            largest = max(largest, (size, rel))
    return {
        "pages": sum(pages.values()),
        "pages_by_kind": dict(sorted(pages.items(), key=lambda kv: -kv[1])),
        "site_mb": round(total / 2**20, 1),
        "largest_page_kb": round(largest[0] / 1024, 1),
        "largest_page": largest[1],
    }


def first_query_bytes(site: Path) -> dict:
    """Bytes a first search fetches, by part, measured in headless Chromium: for each query of
    ``FIRST_QUERIES``, a fresh browser context loads the search page, types the query into
    Pagefind's UI and waits for the results (``search_eval.query_bytes``); the heaviest query
    is kept. The runtime (JS, WebAssembly, CSS) is cached after a first visit. The filter
    files load only when the reader then opens the filter panel: counted apart."""
    if not (site / BUNDLE_DIR).is_dir():
        return {}
    from playwright.sync_api import sync_playwright

    measured_kb = {}
    with serve(site) as base_url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=list(CHROMIUM_ARGS))
        try:
            for query in FIRST_QUERIES:
                sizes = query_bytes(browser, base_url, query, open_filter_panel=True)
                parts = {k: round(v / 1024, 1) for k, v in sizes.items()}
                parts["total without runtime"] = round(sum(sizes[k] for k in QUERY_PARTS) / 1024, 1)
                measured_kb[query] = parts
        finally:
            browser.close()
    heaviest = max(measured_kb, key=lambda q: measured_kb[q]["total without runtime"])
    return {**measured_kb[heaviest], "query": heaviest, "by query": measured_kb}


def bench_size(n: int, seed: int, work: Path, bar: tqdm) -> dict:
    repo = work / "repo"
    bar.set_description(f"{n}: corpus")
    start = time.perf_counter()
    write_repository(repo, n, seed)
    result: dict = {"plans": n, "corpus_s": round(time.perf_counter() - start, 2)}
    bar.update()

    bar.set_description(f"{n}: cchc check")
    result["check"] = measured([str(Path(sys.executable).parent / "cchc"), "check", str(repo)])
    bar.update()

    bar.set_description(f"{n}: plain MkDocs")
    plain = measured(mkdocs_build(plain_config(repo, work), work / "plain-site"),
                     log=OUT / f"plain-{n}.log")  # fmt: skip
    plain.update(site_stats(work / "plain-site"))
    result["plain"] = plain
    bar.update()

    bar.set_description(f"{n}: knowledge base")
    phase_file = work / "phases.json"
    kb = measured(
        mkdocs_build(site_config(repo, ROOT), work / "kb-site"),
        env={ENV_VAR: str(phase_file)},
        log=OUT / f"kb-{n}.log",
    )
    kb.update(site_stats(work / "kb-site"))
    kb["phases_s"] = {
        k: round(v, 1) for k, v in json.loads(phase_file.read_text("utf-8")).items()
    } if phase_file.exists() else {}  # fmt: skip
    try:
        kb["first_query_kb"] = first_query_bytes(work / "kb-site")
    except Exception as error:  # noqa: BLE001 - a failed measurement must not lose the build's
        kb["first_query_kb"] = {"error": f"{type(error).__name__}: {str(error).splitlines()[0]}"}
    result["kb"] = kb
    result["ratio"] = round(kb["wall_s"] / plain["wall_s"], 2) if plain["wall_s"] else None
    bar.update()
    return result


def profile(n: int, seed: int, work: Path, top: int = 30) -> dict:
    repo = work / "repo"
    write_repository(repo, n, seed)
    prof = OUT / f"kb-{n}.prof"
    build = mkdocs_build(site_config(repo, ROOT), work / "site")
    subprocess.run(
        [sys.executable, "-m", "cProfile", "-o", str(prof), *build[1:]],
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=True,
    )
    stats = pstats.Stats(str(prof))
    rows = []
    for (file, line, func), (_, _, tottime, cumtime, _) in stats.stats.items():
        rows.append((cumtime, tottime, f"{Path(file).name}:{line}({func})"))
    total = max(cum for cum, _, _ in rows)
    # Leave out the command-line wrappers that hold the whole run.
    by_cum = sorted((r for r in rows if r[0] < 0.98 * total), reverse=True)[:top]
    by_own = sorted(rows, key=lambda r: r[1], reverse=True)[:top]
    print(f"\ncProfile of the knowledge-base build at {n} plans: {total:.1f} s in Python")
    print(f"{'cumulative':>10} {'%':>5} {'own':>8}  function")
    for cum, own, name in by_cum:
        print(f"{cum:>10.1f} {100 * cum / total:>5.1f} {own:>8.1f}  {name}")
    print(f"\n{'own':>10} {'%':>5}  function (by own time)")
    for _, own, name in by_own:
        print(f"{own:>10.1f} {100 * own / total:>5.1f}  {name}")
    return {
        "plans": n,
        "total_s": round(total, 1),
        "top_cumulative": [[round(c, 2), name] for c, _, name in by_cum],
        "top_own": [[round(o, 2), name] for _, o, name in by_own],
        "file": prof.name,
    }


def print_table(results: list[dict]) -> None:
    head = f"{'':28}" + "".join(f"{r['plans']:>20,}" for r in results)
    print("\n" + head.replace(",", "."))

    def row(label: str, cell) -> None:
        print(f"{label:28}" + "".join(f"{cell(r):>20}" for r in results))

    row("plain MkDocs: wall s", lambda r: r["plain"]["wall_s"])
    row("knowledge base: wall s", lambda r: r["kb"]["wall_s"])
    row("ratio (KB / plain)", lambda r: r["ratio"])
    row(
        "peak RSS MB plain / KB",
        lambda r: f"{r['plain']['peak_rss_mb']} / {r['kb']['peak_rss_mb']}",
    )
    row("pages plain / KB", lambda r: f"{r['plain']['pages']} / {r['kb']['pages']}")
    row("site MB plain / KB", lambda r: f"{r['plain']['site_mb']} / {r['kb']['site_mb']}")
    row("largest page KB plain / KB",
        lambda r: f"{r['plain']['largest_page_kb']} / {r['kb']['largest_page_kb']}")  # fmt: skip
    row("cchc check s", lambda r: r["check"]["wall_s"])
    for phase in PHASE_ORDER:
        row(f"  phase: {phase} s", lambda r, p=phase: r["kb"]["phases_s"].get(p, "-"))
    row("  in phases s", lambda r: round(sum(r["kb"]["phases_s"].values()), 1))
    kinds = sorted({k for r in results for k in r["kb"]["pages_by_kind"]})
    for kind in kinds:
        row(f"  pages: {kind}", lambda r, k=kind: r["kb"]["pages_by_kind"].get(k, 0))
    row("  first query (heaviest)", lambda r: r["kb"]["first_query_kb"].get("query", "-"))
    for part in (*QUERY_PARTS, "total without runtime", "runtime", FILTER_PANEL):
        row(f"  first query KB: {part}", lambda r, p=part: r["kb"]["first_query_kb"].get(p, "-"))
    for r in results:
        print(f"largest KB page at {r['plans']}: {r['kb']['largest_page']}")
        if "error" in r["kb"]["first_query_kb"]:
            print(f"first query not measured at {r['plans']}: {r['kb']['first_query_kb']['error']}")


def targets(results: list[dict]) -> list[tuple[str, bool | None]]:
    by_n = {r["plans"]: r for r in results}
    out = []
    for n in (2000, 10000):
        if n in by_n:
            out.append((f"build ≤ 2× plain MkDocs at {n}", by_n[n]["ratio"] <= 2))
            out.append((f"build ≤ 1.3× plain MkDocs at {n} (aim)", by_n[n]["ratio"] <= 1.3))
    if 10000 in by_n and 20000 in by_n:
        growth = by_n[20000]["kb"]["wall_s"] / by_n[10000]["kb"]["wall_s"]
        out.append((f"20,000 ≤ 2.1 × 10,000 (is {growth:.2f})", growth <= 2.1))
    if 20000 in by_n:
        out.append(("peak RSS ≤ 2 GB at 20,000", by_n[20000]["kb"]["peak_rss_mb"] <= 2048))
        first = by_n[20000]["kb"]["first_query_kb"].get("total without runtime")
        out.append(("first query < 1 MB without runtime at 20,000", first and first < 1024))
    if 10000 in by_n:
        out.append(("cchc check < 10 s at 10,000", by_n[10000]["check"]["wall_s"] < 10))
    for r in results:
        out.append((f"every page < 100 KB at {r['plans']}", r["kb"]["largest_page_kb"] < 100))
    if len(by_n) > 1:
        # No page lists the whole corpus: the largest page stays the same size as it grows.
        small, large = by_n[min(by_n)], by_n[max(by_n)]
        grown = large["kb"]["largest_page_kb"] / small["kb"]["largest_page_kb"]
        out.append((
            f"largest page the same size at {small['plans']} and {large['plans']} "
            f"(×{grown:.2f}, within 10 %)", grown <= 1.1,
        ))  # fmt: skip
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 10000, 20000])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--profile", type=int, default=None, metavar="N",
                        help="profile the knowledge-base build at N plans")  # fmt: skip
    parser.add_argument("--out", type=Path, default=OUT / "bench.json")
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    report: dict = {"seed": args.seed, "cores": os.cpu_count(), "sizes": []}
    with tqdm(total=4 * len(args.sizes), unit="step") as bar:
        for n in args.sizes:
            with tempfile.TemporaryDirectory(prefix=f"cchc-bench-{n}-") as tmp:
                report["sizes"].append(bench_size(n, args.seed, Path(tmp), bar))
            args.out.write_text(json.dumps(report, indent=2, ensure_ascii=False), "utf-8")
    failed = [r for r in report["sizes"] for k in ("plain", "kb", "check") if r[k]["exit"]]
    print_table(report["sizes"])
    report["targets"] = targets(report["sizes"])
    print()
    for label, holds in report["targets"]:
        print(f"{'holds ' if holds else 'MISSED'}  {label}")
    if args.profile:
        with tempfile.TemporaryDirectory(prefix="cchc-profile-") as tmp:
            report["profile"] = profile(args.profile, args.seed, Path(tmp))
    args.out.write_text(json.dumps(report, indent=2, ensure_ascii=False), "utf-8")
    print(f"\nresults: {args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out}")
    if failed:
        print(f"a build failed at {sorted({r['plans'] for r in failed})}: see its log")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
