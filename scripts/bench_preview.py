"""`make preview` at scale: start-up, then edits of one plan until its page and its agency's
are served updated.

    python scripts/bench_preview.py [--plans 10000] [--seed 7] [--edits 3] [--legal-edit]

Writes a synthetic repository (``cchc corpus``), starts ``make preview`` on it, waits for the
first page, then changes one plan's title (the newest plan on its agency's page) ``--edits``
times, one after another, and polls both pages over HTTP until they show each new title.
Prints the start-up time; for each edit the load average when it was made, the seconds from
the edit to both pages updated, MkDocs' own build time and the rebuild's log line (pages
rendered, seconds by phase); the median (target < 5 s); and the peak RSS of the serving
process. ``--legal-edit``: then the trích yếu of a legal record, an input of the citation
registry (every plan is cited again), until its page shows it. Figures depend on the
machine's load."""

from __future__ import annotations

import argparse
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cchc_kb.preview import (  # noqa: E402
    fetch_text,
    first_listed_plan,
    free_port,
    make_preview,
    site_config,
)
from cchc_kb.site import urls  # noqa: E402

BIN = Path(sys.executable).parent
START_TIMEOUT = 3600  # seconds: the first build of 10,000 plans on a loaded machine
EDIT_TIMEOUT = 600
MARKER = "Tiêu đề đã sửa để đo bản xem trước"


def wait_for(url: str, check, process: subprocess.Popen, timeout: float) -> float:
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if process.poll() is not None:
            raise SystemExit(f"make preview stopped (exit {process.returncode})")
        page = fetch_text(url)
        if page is not None and check(page):
            return time.perf_counter() - start
        time.sleep(0.1)
    raise SystemExit(f"{url}: not updated within {timeout} s")


def plan_file(repo: Path, plan_id: str) -> Path:
    return next((repo / "plans").rglob(f"{plan_id}.md"))


def edit_legal_record(
    repo: Path, base: str, process: subprocess.Popen, log_path: Path
) -> tuple[float, float]:
    """Change the trích yếu of the first legal record: an input of the citation registry, so
    the preview cites every plan again. Seconds until its page shows it, and the load then."""
    path = sorted((repo / "legal").glob("*.md"))[0]
    url = base + urls.url_of(urls.legal_src(path.stem))
    text = path.read_text("utf-8")
    edited = re.sub(r"^trich_yeu: .*$", f"trich_yeu: {MARKER}", text, count=1, flags=re.M)
    assert edited != text
    builds = log_path.read_text("utf-8").count("Documentation built")
    load = os.getloadavg()[0]
    start = time.perf_counter()
    path.write_text(edited, "utf-8")
    wait_for(url, lambda page: MARKER in page, process, EDIT_TIMEOUT)
    seconds = time.perf_counter() - start
    while log_path.read_text("utf-8").count("Documentation built") <= builds:
        time.sleep(0.2)
    print(f"legal record edit: its page served updated in {seconds:.2f} s", flush=True)
    return seconds, load


def bench(plans: int, seed: int, edits: int, legal_edit: bool = False) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        repo = work / "repo"
        print(f"writing {plans} plans (cchc corpus --seed {seed}) …", flush=True)
        subprocess.run(
            [str(BIN / "cchc"), "corpus", str(repo), "--plans", str(plans), "--seed", str(seed)],
            check=True,
            capture_output=True,
        )
        config = site_config(repo, ROOT)
        first_plan = sorted((repo / "plans").rglob("*-tuyen-truyen-cchc.md"))[0]
        agency_id = first_plan.parent.parent.name
        port = free_port()
        base = f"http://127.0.0.1:{port}/cong-khai/cchc/"
        agency_url = base + urls.url_of(urls.agency_src(agency_id))
        log_path = work / "preview.log"
        print("starting make preview …", flush=True)
        with make_preview(ROOT, config, port, log_path, work) as process:
            startup = wait_for(agency_url, lambda page: "<h1" in page, process, START_TIMEOUT)
            plan_id = first_listed_plan(fetch_text(agency_url) or "")
            if plan_id is None:
                raise SystemExit("the agency page lists no plan")
            plan_url = base + urls.url_of(urls.plan_src(plan_id))
            path = plan_file(repo, plan_id)
            results = []
            for edit in range(edits):
                marker = f"{MARKER} {edit + 1}"
                text = path.read_text("utf-8")
                edited = re.sub(
                    r"^trich_yeu: .*$", f"trich_yeu: {marker}", text, count=1, flags=re.M
                )
                assert edited != text
                builds = log_path.read_text("utf-8").count("Documentation built")
                load = os.getloadavg()[0]
                start = time.perf_counter()
                path.write_text(edited, "utf-8")
                page_s = wait_for(plan_url, lambda page, m=marker: m in page, process, EDIT_TIMEOUT)
                wait_for(agency_url, lambda page, m=marker: m in page, process, EDIT_TIMEOUT)
                both = time.perf_counter() - start
                while log_path.read_text("utf-8").count("Documentation built") <= builds:
                    time.sleep(0.2)
                results.append((page_s, both, load))
                print(f"edit {edit + 1}: plan and agency pages served updated in {both:.2f} s "
                      f"(load average {load:.1f})", flush=True)  # fmt: skip
            if legal_edit:
                legal = edit_legal_record(repo, base, process, log_path)
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
        log = log_path.read_text("utf-8")
        rebuilt = re.findall(r"Bản xem trước: dựng lại .*", log)
        took = re.findall(r"Documentation built in ([0-9.]+) seconds", log)
        print(f"plans: {plans}")
        print(f"start-up (first page served): {startup:.1f} s")
        for n, (page_s, both, load) in enumerate(results):
            print(
                f"edit {n + 1} (load average {load:.1f}): plan page {page_s:.2f} s, plan and "
                f"agency pages {both:.2f} s; MkDocs' build {took[n + 1] if n + 1 < len(took) else '?'} s"
            )
            print(f"  {rebuilt[n] if n < len(rebuilt) else '(rebuild not logged)'}")
        if legal_edit:
            seconds, load = legal
            print(
                f"legal record edit (load average {load:.1f}): its page served updated in "
                f"{seconds:.2f} s; MkDocs' build {took[-1]} s"
            )
            print(f"  {rebuilt[-1] if len(rebuilt) > len(results) else '(rebuild not logged)'}")
        middle = statistics.median(both for _, both, _ in results)
        print(
            f"edit → plan page and agency page updated, median of {len(results)}: {middle:.2f} s "
            f"(target < 5 s: {'holds' if middle < 5 else 'does not hold'})"
        )
        print(f"peak RSS (largest process): {peak} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plans", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--edits", type=int, default=3, help="edits measured one after another")
    parser.add_argument("--legal-edit", action="store_true",
                        help="then edit a legal record: the registry changes, every plan is cited again")  # fmt: skip
    args = parser.parse_args()
    bench(args.plans, args.seed, args.edits, args.legal_edit)


if __name__ == "__main__":
    main()
