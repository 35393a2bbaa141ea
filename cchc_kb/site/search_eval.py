"""Search quality and weight, measured in Chromium on a served site.

The query set (``tests/data/search_queries.tsv``) holds queries typed the way staff and
citizens type them, each with the page expected among the first results. ``run_queries``
asks the site's own Pagefind bundle, with the ranking the search page uses, from a tab on
the search page; ``query_bytes`` loads the search page in a fresh tab, types a query into
Pagefind's UI and sums what the browser fetched, by kind of file.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from .build import ASSET_DIR
from .pagefind import BUNDLE_DIR, PARTS_FILE, ui_options
from .search import SEARCH_SRC
from .urls import DIRECTORY_URLS, UrlScheme

TOP = 3

# Bundle files by kind (file name endings), for the bytes a query fetches.
FILE_KINDS = (
    ("fragments", (".pf_fragment",)),
    ("index chunks", (".pf_index",)),
    ("filters", (".pf_filter",)),
    ("entry + metadata", (".pf_meta", "pagefind-entry.json", PARTS_FILE)),
    ("runtime", ("",)),  # pagefind.js, the UI and its CSS, the WebAssembly: cached after a visit
)
QUERY_PARTS = tuple(kind for kind, _ in FILE_KINDS if kind != "runtime")


@dataclass(frozen=True)
class Query:
    text: str
    expected: str  # site-relative URL of the page ("van-ban/61-2018-nd-cp/")
    why: str


@dataclass(frozen=True)
class Outcome:
    query: Query
    found: list[str]  # site-relative URLs, best first

    @property
    def rank(self) -> int | None:
        return (
            self.found.index(self.query.expected) + 1 if self.query.expected in self.found else None
        )

    @property
    def hit(self) -> bool:
        return self.rank is not None and self.rank <= TOP


def load_queries(path: Path) -> list[Query]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.reader(handle, delimiter="\t") if r and not r[0].startswith("#")]
    header, *rows = rows
    if header[:3] != ["query", "expected", "why"]:
        raise ValueError(f"{path}:1: error: bad-header: expected query, expected, why")
    return [Query(text, expected, why) for text, expected, why in rows]


# The site's module (assets/pagefind.js): Pagefind's, with the index's parts merged in.
SEARCH_JS = """async ([module, ranking, query, n]) => {
  if (!window.__cchcPagefind) {
    const pagefind = await import(module);
    await pagefind.options({ ranking });
    window.__cchcPagefind = pagefind;
  }
  const search = await window.__cchcPagefind.search(query);
  const data = await Promise.all(search.results.slice(0, n).map(r => r.data()));
  return data.map(d => d.url);
}"""


def run_queries(
    page,
    base_url: str,
    queries: list[Query],
    depth: int = 10,
    scheme: UrlScheme = DIRECTORY_URLS,
) -> list[Outcome]:
    """Each query's first ``depth`` result URLs, asked from a tab (``page``) on the site."""
    page.goto(base_url + scheme.url_of(SEARCH_SRC))
    root = "/" + base_url.split("/", 3)[3]
    module = root + ASSET_DIR + "/pagefind.js"
    ranking = ui_options()["ranking"]
    outcomes = []
    for query in queries:
        found = page.evaluate(SEARCH_JS, [module, ranking, query.text, depth])
        outcomes.append(Outcome(query, [u.removeprefix(root) for u in found]))
    return outcomes


def hit_rate(outcomes: list[Outcome]) -> float:
    return sum(o.hit for o in outcomes) / len(outcomes) if outcomes else 0.0


def report(outcomes: list[Outcome]) -> str:
    lines = [
        f"{'ok ' if o.hit else 'MISS'} {o.rank or '-':>3}  {o.query.text}  ->  {o.query.expected}"
        for o in outcomes
    ]
    lines.append(f"hit rate (expected page in the top {TOP}): {hit_rate(outcomes):.1%}")
    return "\n".join(lines)


def file_kind(url: str) -> str:
    path = url.split("?")[0]
    return next(kind for kind, endings in FILE_KINDS if path.endswith(endings))


FILTER_PANEL = "filter panel, on opening"  # not part of a first query


def query_bytes(
    browser,
    base_url: str,
    query: str,
    scheme: UrlScheme = DIRECTORY_URLS,
    quiet_ms: int = 1500,
    open_filter_panel: bool = False,
    timeout_ms: int = 60_000,
) -> dict[str, int]:
    """Bytes a first search fetches from the bundle, by kind, in a fresh browser context: the
    search page is loaded, the query typed, and the count taken once the results are shown
    and no file has arrived for ``quiet_ms`` (Pagefind's UI loads the fragments of the
    results it shows after the first answer; its worker's requests are not announced before
    they finish). With ``open_filter_panel``, the reader then opens the filter panel, and what
    that fetches is counted apart (``FILTER_PANEL``)."""
    context = browser.new_context()
    sizes: dict[str, int] = {kind: 0 for kind, _ in FILE_KINDS}
    arrived = [0]
    try:
        page = context.new_page()

        def finished(request) -> None:
            arrived[0] += 1
            response = request.response()
            if f"/{BUNDLE_DIR}/" in request.url and response is not None and response.ok:
                # Read before adding: other handlers run while the body is fetched.
                size = len(response.body())
                sizes[file_kind(request.url)] += size

        def settled() -> None:
            quiet, seen = 0, -1
            while quiet < quiet_ms:
                page.wait_for_timeout(100)
                quiet, seen = (quiet + 100, seen) if arrived[0] == seen else (0, arrived[0])

        context.on("requestfinished", finished)
        page.goto(base_url + scheme.url_of(SEARCH_SRC))
        page.fill(".pagefind-ui__search-input", query)
        page.wait_for_function(
            "() => /kết quả cho/.test((document.querySelector('.pagefind-ui__message')"
            " || {}).textContent || '')",
            timeout=timeout_ms,
        )
        settled()
        if open_filter_panel:
            before = dict(sizes)
            page.get_by_role("button", name="Lọc kết quả").click()
            page.wait_for_selector(".pagefind-ui__filter-checkbox", state="attached")
            settled()
            sizes[FILTER_PANEL] = sum(sizes.values()) - sum(before.values())
            sizes.update(before)
    finally:
        context.close()
    return sizes
