"""Make the default share image (``docs/assets/logo.png``) from the portal logo, once.

    .venv/bin/python scripts/share_image.py [--logo docs/assets/logo.svg] [--out docs/assets/logo.png]

Chat apps (Zalo, Facebook, …) show PNG but not SVG previews, and need an absolute image
address: the site's pages name this file in og:image (overrides/partials/cchc-share.html). The
PNG is committed, so a build never depends on a browser; run this again after changing the
logo. A portal with its own image sets ``extra.cchc.portal.share_image`` instead.
"""

from __future__ import annotations

import argparse
import base64
from pathlib import Path

from cchc_kb.preview import CHROMIUM, CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parent.parent
SIZE = 512  # square: the "summary" card of chat apps and Twitter/X
PADDING = 64


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--logo", type=Path, default=ROOT / "docs" / "assets" / "logo.svg")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "assets" / "logo.png")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    data = base64.b64encode(args.logo.read_bytes()).decode("ascii")
    inner = SIZE - 2 * PADDING
    html = (
        f'<body style="margin:0;background:#fff;width:{SIZE}px;height:{SIZE}px">'
        f'<img src="data:image/svg+xml;base64,{data}" width="{inner}" height="{inner}" '
        f'style="display:block;margin:{PADDING}px" alt=""></body>'
    )
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=list(CHROMIUM_ARGS))
        page = browser.new_page(viewport={"width": SIZE, "height": SIZE})
        page.set_content(html)
        page.screenshot(path=str(args.out))
        browser.close()
    print(args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
