"""Time the citation graph and every per-page SVG on a synthetic corpus; print the figures.

python scripts/bench_graph.py [--plans 2000] [--seed 0]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from cchc_kb.analysis.graph import analyses, build_graph  # noqa: E402
from cchc_kb.corpus import build_corpus  # noqa: E402
from cchc_kb.site.exports import graph_files  # noqa: E402
from cchc_kb.site.graph_pages import graph_pages  # noqa: E402
from cchc_kb.site.graph_view import node_src  # noqa: E402
from cchc_kb.site.svg import neighbourhood_svg  # noqa: E402
from cchc_kb.synthetic import write_repository  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plans", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        root = write_repository(Path(tmp), args.plans, args.seed)
        corpus = build_corpus(root)
        print(
            f"corpus: {len(corpus.plans)} plans, {len(corpus.legal)} legal "
            f"(written and loaded in {time.perf_counter() - t:.2f} s)"
        )
    t = time.perf_counter()
    graph = build_graph(corpus)
    print(
        f"graph: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges "
        f"in {time.perf_counter() - t:.3f} s"
    )
    t = time.perf_counter()
    sizes = {}
    for node, attrs in graph.nodes(data=True):
        if attrs["kind"] in ("plan", "legal"):
            sizes[node] = len(neighbourhood_svg(graph, node, node_src(node, attrs)).encode("utf-8"))
    elapsed = time.perf_counter() - t
    biggest = max(sizes, key=sizes.get)
    top = max((n for n in sizes if graph.nodes[n]["kind"] == "legal"), key=graph.in_degree)
    print(f"per-page SVG: {len(sizes)} drawings in {elapsed:.2f} s")
    print(
        f"  size: max {sizes[biggest] / 1024:.1f} KB ({biggest}), "
        f"mean {statistics.mean(sizes.values()) / 1024:.1f} KB"
    )
    print(f"  most-cited ({top}, {graph.in_degree(top)} citing): {sizes[top] / 1024:.1f} KB")
    t = time.perf_counter()
    findings = analyses(corpus, graph)
    print(f"analyses: {len(findings)} findings in {time.perf_counter() - t:.2f} s")
    t = time.perf_counter()
    pages = graph_pages(corpus, graph)
    print(
        f"graph pages: {len(pages)} in {time.perf_counter() - t:.2f} s, "
        f"largest {max(len(p.markdown.encode()) for p in pages) / 1024:.1f} KB"
    )
    t = time.perf_counter()
    files = graph_files(corpus, graph)
    print(
        "exports: "
        + ", ".join(f"{f.path} {len(f.content) / 1024:.0f} KB" for f in files)
        + f" in {time.perf_counter() - t:.2f} s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
