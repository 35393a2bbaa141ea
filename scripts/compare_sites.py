"""Compare two built sites page by page: the same pages, visible text and links.

    python scripts/compare_sites.py OLD_SITE NEW_SITE

Markup and whitespace may differ; what a reader sees and where the links go may not. Prints
each difference and exits 1 when there is any. Used to check a restructuring against the
site built before it.
"""

from __future__ import annotations

import difflib
import sys
from html.parser import HTMLParser
from pathlib import Path

SKIPPED = {"script", "style", "template"}
LINKS = ("href", "src", "action")


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.words: list[str] = []
        self.links: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in SKIPPED:
            self._skip += 1
        for name, value in attrs:
            if name in LINKS and value:
                self.links.append(f"{tag}.{name}={value}")

    def handle_endtag(self, tag):
        if tag in SKIPPED and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.words.extend(data.split())


def read(page: Path) -> tuple[str, list[str]]:
    reader = _Reader()
    reader.feed(page.read_text("utf-8"))
    return " ".join(reader.words), sorted(reader.links)


def compare(old: Path, new: Path) -> list[str]:
    out: list[str] = []
    old_pages = {p.relative_to(old).as_posix() for p in old.rglob("*.html")}
    new_pages = {p.relative_to(new).as_posix() for p in new.rglob("*.html")}
    out += [f"only in old: {p}" for p in sorted(old_pages - new_pages)]
    out += [f"only in new: {p}" for p in sorted(new_pages - old_pages)]
    for page in sorted(old_pages & new_pages):
        old_text, old_links = read(old / page)
        new_text, new_links = read(new / page)
        if old_text != new_text:
            diff = difflib.unified_diff(
                old_text.split(". "), new_text.split(". "), lineterm="", n=0
            )
            out.append(f"text differs: {page}\n  " + "\n  ".join(list(diff)[2:12]))
        if old_links != new_links:
            removed = sorted(set(old_links) - set(new_links))[:5]
            added = sorted(set(new_links) - set(old_links))[:5]
            out.append(f"links differ: {page}\n  - {removed}\n  + {added}")
    return out


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    found = compare(Path(argv[0]), Path(argv[1]))
    print("\n".join(found) if found else "same pages, text and links")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
