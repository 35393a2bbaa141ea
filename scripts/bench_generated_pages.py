"""CPU time of converting the list and graph pages, by kind: Python-Markdown's parsers against
``generated_markdown.read`` (the same HTML); print the figures.

python scripts/bench_generated_pages.py [--plans 2000] [--seed 7]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from cchc_kb.corpus import build_corpus  # noqa: E402
from cchc_kb.model.models import PartialDate  # noqa: E402
from cchc_kb.site.build import build_site  # noqa: E402
from cchc_kb.site.prerender import Converter, MarkdownConfig  # noqa: E402
from cchc_kb.site.settings import SiteSettings  # noqa: E402
from cchc_kb.synthetic import write_repository  # noqa: E402

# mkdocs.yml's Markdown, with the extensions MkDocs adds
CONFIG = MarkdownConfig(
    ("toc", "tables", "fenced_code", "sane_lists", "admonition", "cchc_kb.site.tables"),
    {"toc": {"permalink": False}},
)


def _kind(src: str) -> str:
    parts = src.removesuffix(".md").split("/")
    return "/".join(parts[:2]) if parts[0] == "do-thi" and len(parts) > 2 else parts[0]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plans", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = write_repository(Path(tmp), args.plans, args.seed)
        corpus = build_corpus(root)
    settings = SiteSettings(as_of=PartialDate(2026, 11, 30))
    site = build_site(corpus, settings, convert=lambda page: None)
    by_kind = defaultdict(list)
    for page in site.pages:
        if page.src not in site.rendered:
            by_kind[_kind(page.src)].append(page)
    converter = Converter(CONFIG, settings.urls)
    print(f"{args.plans} plans, load average {os.getloadavg()[0]:.1f}; CPU ms per page")
    print(f"{'kind':32} {'pages':>6} {'Python-Markdown':>16} {'read':>8} {'ratio':>6}")
    totals = [0.0, 0.0]
    for kind, pages in sorted(by_kind.items(), key=lambda item: -len(item[1])):
        spent = []
        for convert in (converter.convert, converter.convert_generated):
            start = time.process_time()
            for page in pages:
                convert(page)
            spent.append(time.process_time() - start)
        totals = [totals[0] + spent[0], totals[1] + spent[1]]
        per_page = [1000 * s / len(pages) for s in spent]
        print(
            f"{kind:32} {len(pages):6} {per_page[0]:16.2f} {per_page[1]:8.2f} "
            f"{spent[0] / max(spent[1], 1e-9):6.1f}"
        )
    print(f"{'all':32} {sum(map(len, by_kind.values())):6} {totals[0]:15.2f}s {totals[1]:7.2f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
