"""Search at scale: the quality set over the seeds plus synthetic plans, and the bytes a first
search fetches, in headless Chromium; print the figures.

python scripts/bench_search.py [--plans 2000] [--seed 0]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from conftest import build_site  # noqa: E402

from cchc_kb.preview import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402
from cchc_kb.site.pagefind import BUNDLE_DIR  # noqa: E402
from cchc_kb.site.search_eval import (  # noqa: E402
    FILE_KINDS,
    hit_rate,
    load_queries,
    query_bytes,
    report,
    run_queries,
)
from cchc_kb.synthetic import write_repository  # noqa: E402

QUALITY_SET = ROOT / "tests" / "data" / "search_queries.tsv"
WEIGHED_QUERIES = ("nghi dinh 61", "tien tien", "ke hoach hai phong 2025", "236/KH-UBND")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plans", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        repo = write_repository(Path(tmp), args.plans, args.seed, with_seeds_from=ROOT)
        started = time.perf_counter()
        build = build_site(repo, repo / "site")
        if build.returncode != 0:
            print(build.log[-3000:])
            return 1
        bundle = build.site / BUNDLE_DIR
        files = [p for p in bundle.rglob("*") if p.is_file()]
        print(
            f"site with seeds + {args.plans} synthetic plans built and indexed in "
            f"{time.perf_counter() - started:.1f} s; bundle: {len(files)} files, "
            f"{sum(p.stat().st_size for p in files) / 1e6:.1f} MB"
        )
        queries = load_queries(QUALITY_SET)
        with serve(build.site) as base_url, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=list(CHROMIUM_ARGS))
            try:
                page = browser.new_page()
                outcomes = run_queries(page, base_url, queries)
                page.close()
                print(report(outcomes))
                print(f"quality set: {len(queries)} queries, hit rate {hit_rate(outcomes):.1%}")
                print("bytes fetched by a first search (fresh browser), by kind:")
                kinds = [kind for kind, _ in FILE_KINDS]
                print(f"  {'query':<28}" + "".join(f"{k:>18}" for k in kinds) + f"{'total':>10}")
                for query in WEIGHED_QUERIES:
                    sizes = query_bytes(browser, base_url, query)
                    print(
                        f"  {query:<28}"
                        + "".join(f"{sizes[k]:>18,}" for k in kinds)
                        + f"{sum(sizes.values()):>10,}"
                    )
            finally:
                browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
