"""CPU time of a full build's pages pool, in one process: every page made and converted as the
pool's workers do it (documents, lists, graph pages), and the share of the Markdown
conversion; print the figures. On a shared machine CPU seconds, not wall time, compare two
versions: run each a few times, alternating (a fresh process each: the memoised pieces start
cold, as in a build's workers), and take the least.

python scripts/bench_pages_cpu.py [--plans 2000] [--seed 7]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench_generated_pages import CONFIG  # noqa: E402 - mkdocs.yml's Markdown

from cchc_kb import parallel  # noqa: E402
from cchc_kb.corpus import build_corpus  # noqa: E402
from cchc_kb.model.models import PartialDate  # noqa: E402
from cchc_kb.site import build  # noqa: E402
from cchc_kb.site.build import build_site  # noqa: E402
from cchc_kb.site.prerender import Converter  # noqa: E402
from cchc_kb.site.settings import SiteSettings  # noqa: E402
from cchc_kb.synthetic import write_repository  # noqa: E402


class _Timed:
    """A callable that adds its CPU time to ``spent``."""

    def __init__(self, function):
        self.function = function
        self.spent = 0.0

    def __call__(self, *args, **kwargs):
        start = time.process_time()
        try:
            return self.function(*args, **kwargs)
        finally:
            self.spent += time.process_time() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plans", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = build_corpus(write_repository(Path(tmp), args.plans, args.seed))
    settings = SiteSettings(as_of=PartialDate(2026, 11, 30))
    parallel.available_cpus = lambda: 1  # the pool's work, here: its CPU is this process's
    print(f"{args.plans} plans, load average {os.getloadavg()[0]:.1f}")
    print(f"{'pages CPU-s':>12} {'Markdown CPU-s':>15} {'pages':>7}")
    converter = Converter(CONFIG, settings.urls)
    convert = _Timed(converter.convert)
    convert_generated = _Timed(converter.convert_generated)
    pages = _Timed(build._pages)
    build._pages = pages
    try:
        site = build_site(corpus, settings, convert=convert, convert_generated=convert_generated)
    finally:
        build._pages = pages.function
    # (what convert_generated leaves to Python-Markdown is in its own time, not convert's)
    markdown = convert_generated.spent + convert.spent
    print(f"{pages.spent:12.2f} {markdown:15.2f} {len(site.pages):7}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
