"""Time the citation graph with validity judged on a date, as the legal registry grows.

python scripts/bench_validity.py [--sizes 500 1000 2000 4000]

Each legal document's validity reads what other documents did to it; this shows the cost per
legal document staying flat (linear growth) as the registry grows.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from cchc_kb.analysis.graph import build_graph  # noqa: E402
from cchc_kb.corpus import build_corpus  # noqa: E402
from cchc_kb.model.models import PartialDate  # noqa: E402
from cchc_kb.synthetic import write_repository  # noqa: E402

AS_OF = PartialDate(2026, 11, 23)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 1000, 2000, 4000])
    parser.add_argument("--plans", type=int, default=500)
    args = parser.parse_args()
    print(f"{'legal docs':>10} {'graph+validity s':>17} {'µs per doc':>11}")
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            corpus = build_corpus(write_repository(Path(tmp), args.plans, seed=0, legal=size))
        best = min(_timed(corpus) for _ in range(3))
        print(f"{size:>10} {best:>17.3f} {best / size * 1e6:>11.0f}")
    return 0


def _timed(corpus) -> float:
    corpus.__dict__.pop("_relations_to", None)  # index built inside the timing, as in a build
    start = time.perf_counter()
    build_graph(corpus, AS_OF)
    return time.perf_counter() - start


if __name__ == "__main__":
    raise SystemExit(main())
