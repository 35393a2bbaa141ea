"""Screenshots of a plan, a legal and an agency page at phone and desktop width, light and dark.

    .venv/bin/python scripts/screenshots.py [SITE_DIR] [--out tests/_artifacts]

Builds the site first when SITE_DIR is not given. Uses Debian's Chromium (apt-get install
chromium); serves the site from a local port under a sub-path, as a portal would.
"""

from __future__ import annotations

import argparse
import itertools
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from cchc_kb.preview import CHROMIUM, CHROMIUM_ARGS, serve

ROOT = Path(__file__).resolve().parent.parent
PAGES = {
    "ke-hoach": "ke-hoach/ubnd-xa-tien-tien-2024-tuyen-truyen-cchc/",
    "van-ban": "van-ban/61-2018-nd-cp/",
    "co-quan": "co-quan/so-xay-dung-hai-duong/",
}
WIDTHS = {"dien-thoai": 390, "may-tinh": 1280}
# The reader's system colour scheme (prefers-color-scheme), which the site follows without JS.
SCHEMES = {"sang": "light", "toi": "dark"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", type=Path)
    parser.add_argument("--out", type=Path, default=ROOT / "tests" / "_artifacts")
    args = parser.parse_args(argv)
    if not Path(CHROMIUM).exists():
        print("run: apt-get install chromium", file=sys.stderr)
        return 1
    site = args.site
    if site is None:
        site = Path(tempfile.mkdtemp(prefix="cchc-site-")) / "site"
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)],
            cwd=ROOT,
            check=True,
        )
    from playwright.sync_api import sync_playwright

    args.out.mkdir(parents=True, exist_ok=True)
    with serve(site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=list(CHROMIUM_ARGS))
        for (width_name, width), (scheme_name, scheme) in itertools.product(
            WIDTHS.items(), SCHEMES.items()
        ):
            page = browser.new_page(
                viewport={"width": width, "height": 1000 if width > 600 else 844},
                color_scheme=scheme,
            )
            for name, path in PAGES.items():
                page.goto(base + path)
                # The first screen is what a reader sees; the full page shows the rest.
                for suffix, full in (("", False), ("-toan-trang", True)):
                    target = args.out / f"{name}-{width_name}-{scheme_name}{suffix}.png"
                    page.screenshot(path=str(target), full_page=full)
                    print(target)
            page.close()
        browser.close()
    if args.site is None:
        shutil.rmtree(site.parent, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
