"""Throughput of the citation engine in MB/s over a corpus of plan texts.

    python scripts/bench_cite.py [--mb 50] [--seed 1]

The corpus is written at run time into a temporary folder: the five seed plans, replicated
with their numbers, dates and line breaks varied so that no two files are alike, until it
reaches ``--mb`` megabytes of UTF-8. Each file is then read, decoded and searched on one core
with the same registry and contexts as the tests; the figure counts the bytes of the files.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from eval_cite import context_of, load_registry  # noqa: E402

from cchc_kb.cite import find_citations  # noqa: E402
from cchc_kb.model.text import decode  # noqa: E402

CONTEXTS = {
    "000": {"agency": "so-xay-dung-hai-duong", "year": 2025, "date": "2025-01"},
    "001": {"agency": "so-xay-dung-thai-binh", "year": 2022, "date": "2022-02"},
    "002": {"agency": "ubnd-xa-tien-tien", "year": 2024, "date": "2024-01-02"},
    "003": {"agency": "so-xay-dung-dong-nai", "year": 2021},
    "004": {"agency": "so-noi-vu-hung-yen", "year": 2023, "date": "2023"},
}
_SERIAL = re.compile(r"(?<![\d/])(\d{2,5})(?=\s?/\s?(?:\d{4}/)?[A-ZĐ]|-[A-Z])")


def _variant(text: str, rng: random.Random) -> str:
    """A seed with other numbers, and some spaces turned into line breaks (as PDFs do)."""
    text = _SERIAL.sub(lambda m: str(rng.randint(1, 20000)), text)
    if rng.random() < 0.5:
        text = re.sub(r"(?<=\S) (?=\S)", lambda m: "\n" if rng.random() < 0.02 else " ", text)
    return text


def write_corpus(folder: Path, megabytes: float, seed: int) -> list[tuple[Path, str]]:
    rng = random.Random(seed)
    # The seed texts beside their plans: plans/<agency>/<year>/<NNN>_<hash>.txt.
    seeds = sorted(
        (p for p in ROOT.glob("plans/*/*/*_*.txt") if p.name[:3] in CONTEXTS),
        key=lambda p: p.name,
    )
    sources = [(p.name[:3], decode(p.read_bytes()).text) for p in seeds]
    files: list[tuple[Path, str]] = []
    total = 0
    index = 0
    while total < megabytes * 1_000_000:
        key, text = sources[index % len(sources)]
        data = _variant(text, rng).encode("utf-8")
        path = folder / f"{index:06d}_{key}.txt"
        path.write_bytes(data)
        files.append((path, key))
        total += len(data)
        index += 1
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=50.0, help="corpus size in MB (default 50)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    registry = load_registry()
    contexts = {key: context_of(value) for key, value in CONTEXTS.items()}
    with tempfile.TemporaryDirectory() as tmp:
        files = write_corpus(Path(tmp), args.mb, args.seed)
        size = sum(path.stat().st_size for path, _ in files)
        citations = 0
        started = time.perf_counter()
        for path, key in files:
            text = decode(path.read_bytes()).text
            citations += len(find_citations(text, registry, contexts[key]))
        elapsed = time.perf_counter() - started
    print(f"files: {len(files)}")
    print(f"corpus: {size / 1_000_000:.1f} MB")
    print(f"citations: {citations}")
    print(f"time: {elapsed:.2f} s")
    print(f"throughput: {size / 1_000_000 / elapsed:.1f} MB/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
