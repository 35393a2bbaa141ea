"""Screenshots for the staff guide (docs/cap-nhat-ke-hoach.md), from a built site.

    make build && .venv/bin/python scripts/guide_screenshots.py [SITE_DIR] [--out docs/assets/huong-dan]

The pages a staff member looks at after uploading a plan: the plan list, the plan's page, the
data-quality report, and the "Báo lỗi, góp ý" box readers use. Small desktop-width PNGs of the
first screen (or of one element), committed beside the guide; run again when the pages change.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cchc_kb.preview import CHROMIUM, CHROMIUM_ARGS, serve

ROOT = Path(__file__).resolve().parent.parent
# file name -> (page, CSS selector of the part to show; None: the first screen)
SHOTS = {
    "danh-sach-ke-hoach.png": ("ke-hoach/", None),
    "trang-ke-hoach.png": ("ke-hoach/so-xay-dung-thai-binh-2022-tuyen-truyen-cchc/", None),
    "chat-luong-du-lieu.png": ("chat-luong-du-lieu/", None),
    "bao-loi.png": ("van-ban/61-2018-nd-cp/", "#bao-loi"),
}
VIEWPORT = {"width": 1024, "height": 640}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", type=Path, default=ROOT / "site")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "assets" / "huong-dan")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").is_file():
        print(f"{args.site}: chưa dựng site (make build)", file=sys.stderr)
        return 1
    from playwright.sync_api import sync_playwright

    args.out.mkdir(parents=True, exist_ok=True)
    with serve(args.site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=list(CHROMIUM_ARGS))
        page = browser.new_page(viewport=VIEWPORT, color_scheme="light")
        for name, (path, selector) in SHOTS.items():
            page.goto(base + path)
            target = args.out / name
            if selector:
                page.locator(selector).screenshot(path=str(target))
            else:
                page.screenshot(path=str(target))
            print(target)
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
