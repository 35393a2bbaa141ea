"""What one edited plan costs to publish: build a synthetic corpus, edit one plan, rebuild,
and print the site's size against the files and bytes ``cchc publish`` would upload.

python scripts/bench_publish.py [--plans 2000] [--seed 7]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from cchc_kb.commands.publish import MANIFEST_PATH, compare, read_manifest  # noqa: E402
from cchc_kb.synthetic import write_repository  # noqa: E402

EDITED = ROOT / "plans/so-xay-dung-thai-binh/2022/so-xay-dung-thai-binh-2022-tuyen-truyen-cchc.md"
OLD, NEW = (
    "Tuyên truyền cải cách hành chính năm 2022",
    "Tuyên truyền về cải cách hành chính năm 2022",
)


def build(config: Path, site: Path) -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    cmd = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)]
    start = time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, env=env, check=True)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plans", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        repo = write_repository(Path(tmp) / "repo", args.plans, args.seed, with_seeds_from=ROOT)
        # The project's configuration, with the corpus root pointed at the synthetic repository.
        config = Path(tmp) / "mkdocs.yml"
        overrides = {
            "INHERIT": str(ROOT / "mkdocs.yml"),
            "docs_dir": str(ROOT / "docs"),
            "theme": {"custom_dir": str(ROOT / "overrides")},
            "hooks": [str(ROOT / "hooks" / "cchc.py")],
            "extra": {"cchc": {"root": str(repo)}},
        }
        config.write_text(yaml.safe_dump(overrides, allow_unicode=True), "utf-8")
        before = build(config, Path(tmp) / "a")
        plan = repo / EDITED.relative_to(ROOT)
        plan.write_text(plan.read_text("utf-8").replace(OLD, NEW, 1), "utf-8")
        after = build(config, Path(tmp) / "b")
        old = read_manifest(Path(tmp) / "a" / MANIFEST_PATH)
        new = read_manifest(Path(tmp) / "b" / MANIFEST_PATH)
        changes = compare(old, new)
        site_bytes = sum(e.size for e in new.values())
        upload_bytes = sum(new[p].size for p in changes.upload if p in new)
        upload_bytes += (Path(tmp) / "b" / MANIFEST_PATH).stat().st_size
        manifest = (Path(tmp) / "b" / MANIFEST_PATH).stat().st_size
    print(f"{args.plans} synthetic plans: builds {before:.1f} s and {after:.1f} s")
    print(
        f"site: {len(new) + 1} files, {site_bytes / 1e6:.1f} MB; manifest {manifest / 1e6:.2f} MB"
    )
    print(
        f"one plan's summary edited: upload {len(changes.upload)} files "
        f"({upload_bytes / 1e6:.2f} MB), delete {len(changes.removed)}"
    )
    by_top: dict[str, int] = {}
    for path in changes.upload + changes.removed:
        top = path.split("/")[0]
        by_top[top] = by_top.get(top, 0) + 1
    print("changed by folder: " + ", ".join(f"{k} {v}" for k, v in sorted(by_top.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
