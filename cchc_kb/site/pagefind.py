"""Indexing the built site with Pagefind, and making its output byte-identical run to run.

Pages carry their text once. What Pagefind needs beyond the visible text goes to it in a copy
of the page made for the index, never into the published page: of each content page (marked
``data-pagefind-body`` by the theme override) a small document is written outside the site
(``templates/pagefind_copy.html``) with only that element — less what is not about the page
(``NOT_INDEXED``, ``LIST_SECTIONS``) — and extra ``<meta>`` tags
(``templates/pagefind_meta.html``), and Pagefind indexes the copies under the pages' own
addresses:

- searchable metadata fields (Pagefind 1.5 indexes every meta field and ranks a match in a
  field by the field's weight, ``ranking.metaWeights`` in the UI):
  ``ids`` — result title, issuer and number forms, ASCII-folded, for full plans, legal
  documents and agencies; ``ids_stub`` — the same for pages known only from citations, at a
  lower weight, so a full text outranks a stub that matches the same words; ``so`` — the
  number in the forms people type ("61/2018/ND-CP", "61/2018", "NDCP"), weighted highest, so
  an exact number puts its document first; ``fold`` — the page's words that contain "đ",
  folded to "d", because Pagefind folds other marks itself but not "đ" ("nghi dinh" would not
  find "Nghị định");
- the facts a result shows (``DETAILS``: type and number, agency, date, validity), which the
  search page shows as tags under the result's title, and nothing else;
- the filters (loại văn bản, cơ quan, tỉnh/thành, năm, lĩnh vực, hiệu lực).

Excerpts come from the page's own text, so they always read with their diacritics.

The copies are made as each page is written, by the process that wrote it (``PageCopier``):
the generated pages are built on every core (hooks/page_pool.py), and so are their copies.

A large site is indexed in parts (at most ``settings.SEARCH_PART_PAGES`` pages and
``settings.SEARCH_PART_MEMORY`` of estimated memory each, ``part_count``), each by its own
Pagefind run: Pagefind holds a run's whole index in memory, and its search time grows
with the square of the pages a query matches in one index (at 20,000 plans "cai cach hanh
chinh" matched 20,000 pages of one index and took over a minute in a loaded browser). The
first part is the bundle in ``_pagefind/``, the others are index files only in
``_pagefind/part-N/``, listed in ``PARTS_FILE``; the site's module (``assets/pagefind.js``)
merges them in the browser with Pagefind's ``mergeIndex``. Parts are round-robin over the
pages in path order, so each is a sample of the whole and their scores compare. The parts'
runs go at once, one per core (``runs_at_once``): a run keeps about one core busy, most of it
compressing its word index at gzip's highest level (Pagefind 1.5.2 compresses and writes every
file of a run in one task; compressing the output of one run over a 10,000-plan site again
at that level took 5.9 CPU-seconds for its 17.6 MB of index chunks, 0.7 for its 13,394
fragments).

Pagefind 1.5.2 writes each filter's values, and the list of filter files in its metadata, in
hash-map order, which changes from run to run. ``canonicalize`` rewrites those files after
indexing: decode (gzip + Pagefind's CBOR), sort, encode, rename by content hash and point the
metadata and the entry file at the new names.
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from html import unescape
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from markupsafe import Markup

from ..files import site_files
from ..memory import available_bytes
from ..model.collation import sort_key
from ..model.slug import ascii_fold
from ..parallel import available_cpus, ordered_map
from ..scratch import ScratchFolder
from .cited_by import TITLES as CITED_BY_TITLES
from .page import Page, SearchEntry
from .render import render
from .settings import SEARCH_PART_MEMORY, SEARCH_PART_PAGES
from .urls import UrlScheme

BUNDLE_DIR = "_pagefind"
LANGUAGE = "vi"
# Pagefind writes three UIs and a highlighter; the site uses the default UI only.
UNUSED_BUNDLE_FILES = (
    "pagefind-component-ui.css",
    "pagefind-component-ui.js",
    "pagefind-highlight.js",
    "pagefind-modular-ui.css",
    "pagefind-modular-ui.js",
)
BODY_MARK = "data-pagefind-body"
PARTS_FILE = "cchc-parts.json"  # in the first part: the folders of the others
PART_DIR = "part-{}"
# What a part other than the first keeps: its index (the first part's module and WebAssembly
# search it, mergeIndex).
PART_FILES = ("pagefind-entry.json", "pagefind.*.pf_meta", "index", "fragment", "filter")

# Searchable fields the index's copy adds, and their ranking weights (Pagefind's default for
# "title" is 5). A full document's identity outranks a stub's; its number outranks both.
META_WEIGHTS = {"title": 5.0, "so": 20.0, "ids": 10.0, "ids_stub": 1.0, "fold": 1.0}
STUB_KINDS = ("stub",)
# What a result shows under its title, in this order (the UI shows no other meta field).
DETAILS = ("Văn bản", "Cơ quan", "Ngày ban hành", "Hiệu lực")

# Filters, in a fixed order in the index files (Pagefind's UI lists them alphabetically).
FILTERS = ("Loại văn bản", "Cơ quan", "Tỉnh/thành", "Năm", "Lĩnh vực CCHC", "Hiệu lực")
# Pagefind's UI prints filter names and values as HTML: keep markup characters out of them.
_MARKUP = re.compile(r"[<>&\"'`]")

_GZIP_PREFIX = b"pagefind_dcd"


class SearchIndexError(RuntimeError):
    pass


def ui_options() -> dict:
    """The options of Pagefind's UI that follow from how pages are indexed."""
    return {
        "ranking": {"metaWeights": META_WEIGHTS},
        "details": list(DETAILS),
    }


# ---------------------------------------------------------------------------------------------
# What the index's copy of a page adds


# Reading a built page with patterns, not a parser: the pages are the theme's own output, and
# parsing every page's HTML in Python took longer than Pagefind's whole run.
_SCRIPT_OR_STYLE = re.compile(r"<(script|style)\b.*?</\1\s*>", re.S | re.I)
# A tag: quoted attribute values may hold ">". Written as runs of plain characters between
# quoted values, not one alternation per character: Python's engine steps through each
# alternative at every character, and these patterns run over every page the build writes
# (so do the ones below, which stop at their closing tag the same way).
_TAG = re.compile(r"<[^>\"']*(?:(?:\"[^\"]*\"|'[^']*')[^>\"']*)*>")


def _up_to(closing: str) -> str:
    """Any text up to, not including, the first ``<`` followed by ``closing``."""
    return rf"[^<]*(?:<(?!{closing})[^<]*)*"


# What a content page shows that says nothing new about the page, left out of its copy: the
# neighbourhood drawing (its labels are the linked documents, listed on the page in text), the
# lead (a document's trích yếu, already in its result title, indexed at a higher weight), the
# chain of parent plans (each one's title is on its own page), the validity badges of the
# documents it cites, and the labels of the facts panel ("Số ký hiệu", "Cơ quan ban hành"…):
# the same few words on every page, which only lengthen the index entries of common words.
# Nor the facts panel: its values are indexed once, in the fields the result shows (type and
# number, agency, date, validity: ``DETAILS``), the filters, or the pages they link to (parent
# plan, parent agency). Nor where each fact comes from ("Chưa kiểm tra: không ghi nguồn.") and
# the notices about the data ("Thông tin chưa được kiểm tra"): the same sentences on every
# page of one source. Pagefind's memory grows with each word it indexes (``PART_MEMORY``):
# these were a fifth of the words of a 20,000-plan site.
NOT_INDEXED = re.compile(
    r"<(figure) class=\"cchc-graph\">" + _up_to("/figure>") + r"</\1>"
    r"|<(span) class=\"cchc-validity\">[^<]*"  # at most one span inside
    r"(?:(?:<(?!/?\2\b)|<\2\b[^>]*>[^<]*</\2>)[^<]*)*</\2>"
    r"|<(th) scope=\"row\">[^<]*</\3>"
    r"|<(caption)>Thuộc tính văn bản</\4>"
    r"|<(nav) class=\"cchc-chain\"[^>]*>" + _up_to("/nav>") + r"</\5>"
    r"|<(p) class=\"cchc-lead\">[^<]*</\6>"
    r"|<(small) class=\"cchc-source[^\"]*\">[^<]*</\7>"
    r"|<(div) class=\"cchc-notice[^\"]*\" role=\"note\">" + _up_to(r"/?div\b") + r"</\8>"
    r"|<(table) class=\"cchc-panel\">" + _up_to("/table>") + r"</\9>"
)
# Sections that list other documents or agencies, by their headings (a count in brackets where
# the page gives one): the words of each item belong to that item's own page, and indexed here
# they would make this page a result for every query about one of them — and they were a
# fifth of the index (a plan's cited documents and bases, a legal document's citing plans, an
# agency's plans, documents and subordinate agencies).
LIST_SECTIONS = (
    ("Căn cứ", False),
    ("Văn bản dẫn chiếu", False),
    *((title, True) for title in CITED_BY_TITLES.values()),
    ("Kế hoạch", True),
    ("Văn bản pháp luật và văn bản chỉ đạo", True),
    ("Cơ quan trực thuộc", True),
    # The sources of a page's facts: the same sentences on every page of one source.
    ("Ghi chú về chất lượng dữ liệu", False),
)
_LIST_SECTION = re.compile(
    r"<(h2)\b[^>]*>\s*(?:"
    + "|".join(re.escape(t) + (r" \(\d+\)" if counted else "") for t, counted in LIST_SECTIONS)
    + r")\s*</\1>"
    + _up_to(r"h2\b")  # to the next section or the end
)


def body_element(html: str) -> str:
    """A page's ``data-pagefind-body`` element, without what is not indexed; the whole page
    if it has no such element."""
    mark = html.find(BODY_MARK)
    if mark < 0:
        return NOT_INDEXED.sub("", html)
    start = html.rfind("<", 0, mark)
    name = re.match(r"<([a-zA-Z][a-zA-Z0-9-]*)", html[start:mark])
    inner, end = html.find(">", mark) + 1, len(html)
    inner_end = end  # an element left open runs to the end of the page
    if name:
        depth = 0
        for tag in re.finditer(rf"<(/?){re.escape(name.group(1))}\b[^>]*>", html[start:]):
            depth += -1 if tag.group(1) else 1
            if depth == 0:
                inner_end, end = start + tag.start(), start + tag.end()
                break
    content = _LIST_SECTION.sub("", html[inner:inner_end])
    return NOT_INDEXED.sub("", html[start:inner] + content + html[inner_end:end])


def body_text(html: str) -> str:
    """The text of a page's indexed element, tags, scripts and styles left out."""
    text = _TAG.sub(" ", _SCRIPT_OR_STYLE.sub(" ", body_element(html)))
    return " ".join(unescape(text).split())


def fold_words(text: str) -> str:
    """The distinct words of a text that contain "đ", with it folded to "d", in a fixed order:
    what lets a query typed without "đ" find them."""
    # "đ" lower-cased comes only from "Đ"; each distinct word is looked at once.
    words = {
        w.replace("đ", "d").replace("Đ", "D") for w in set(text.split()) if "đ" in w or "Đ" in w
    }
    return " ".join(sorted(words, key=lambda w: (sort_key(w), w)))


def identity_text(entry: SearchEntry) -> str:
    """Result title, search terms and numbers, ASCII-folded: Pagefind ranks an exact match of
    an unaccented query ("tien tien" = "Tien Tien") far above a diacritic-insensitive one, and
    "tien tien" also matches "tiên tiến" (advanced) all over long texts."""
    words = [entry["title"], *entry.get("terms", []), *entry.get("numbers", [])]
    return ascii_fold(" ".join(" ".join(words).split()))


def plain_value(text: str) -> str:
    return " ".join(_MARKUP.sub(" ", text).split())


def index_head(html: str, entry: SearchEntry | None) -> str:
    """The ``<meta>`` tags the index's copy of a page gets (escaped by the template)."""
    fields: list[tuple[str, str]] = [("fold", fold_words(body_text(html)))]
    filters: list[tuple[str, str]] = []
    if entry is not None:
        fields.insert(0, ("title", entry["title"]))
        kind = entry.get("kind", "full")
        fields.append(("ids_stub" if kind in STUB_KINDS else "ids", identity_text(entry)))
        fields.append(("so", ascii_fold(" ".join(entry.get("numbers", [])))))
        fields.extend((k, v) for k, v in entry.get("details", {}).items() if k in DETAILS)
        given = entry.get("filters", {})
        filters = [(name, plain_value(v)) for name in FILTERS for v in given.get(name, [])]
    return str(
        render(
            "pagefind_meta.html",
            fields=[(n, v) for n, v in fields if v],
            filters=[(n, v) for n, v in filters if v],
        )
    )


def index_copy(html: str, entry: SearchEntry | None) -> str:
    """The index's copy of a page: a small document with the index's tags and the page's
    ``data-pagefind-body`` element, nothing of the theme around it (Pagefind reads nothing
    else, and parsing it cost more than the rest of the indexing)."""
    element = body_element(html)
    return str(
        render("pagefind_copy.html", head=Markup(index_head(element, entry)), body=Markup(element))
    )


def built_file(scheme: UrlScheme, src: str) -> str:
    """The file MkDocs writes a page's source path to, under either URL scheme."""
    url = scheme.url_of(src)
    return url + "index.html" if url == "" or url.endswith("/") else url


def search_entries(pages: Iterable[Page], scheme: UrlScheme) -> dict[str, SearchEntry]:
    """Built file ("van-ban/x/index.html" or "van-ban/x.html") -> page meta ``search``: what
    ``index_site`` adds to each page's copy."""
    return {built_file(scheme, p.src): p.meta["search"] for p in pages if p.meta.get("search")}


# ---------------------------------------------------------------------------------------------
# Indexing


def _copy_page(job: tuple[Path, Path, SearchEntry | None]) -> int | None:
    """Write the index's copy of one built page; its words, None for a page the theme did
    not mark."""
    page, target, entry = job
    return _write_copy(page.read_text("utf-8"), target, entry)


def _write_copy(html: str, target: Path, entry: SearchEntry | None) -> int | None:
    if BODY_MARK not in html:
        return None
    copy = index_copy(html, entry)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(copy, "utf-8")
    return indexed_words(copy)


_META_VALUE = re.compile(r"<(?:meta) data-pagefind-meta=\"[^\"]*\" content=\"([^\"]*)\"")


def indexed_words(copy: str) -> int:
    """The words Pagefind indexes in a copy of a page: its text and its meta fields' values."""
    mark = copy.find(BODY_MARK)
    head_end = mark if mark >= 0 else len(copy)
    text = copy[copy.find(">", mark) + 1 :] if mark >= 0 else copy
    meta = _META_VALUE.findall(copy, 0, head_end)
    return len(_TAG.sub(" ", text).split()) + sum(len(value.split()) for value in meta)


def estimated_memory(pages: int, words: int) -> int:
    """Pagefind's peak memory in bytes for one run over ``pages`` copies holding ``words``."""
    return pages * PAGE_MEMORY + words * WORD_MEMORY


def part_count(pages: int, words: int, part_pages: int, part_memory: int) -> int:
    """The fewest parts (Pagefind runs) with at most ``part_pages`` pages and an estimated
    ``part_memory`` bytes each, the pages dealt out evenly; at least one, at most a page each."""
    memory = estimated_memory(pages, words)
    parts = max(-(-pages // max(part_pages, 1)), -(-memory // max(part_memory, 1)), 1)
    return min(parts, max(pages, 1))


@functools.cache
def pagefind_command() -> tuple[str, ...]:
    """Pagefind's binary from its ``pagefind_bin`` package, run directly: ``python -m
    pagefind`` starts an interpreter only to find it (50 ms before each run, at the build's
    end); that where the package is not found."""
    try:
        from pagefind_bin import get_executable

        return (str(get_executable().absolute()),)
    except (ImportError, OSError):
        return (sys.executable, "-m", "pagefind")


@dataclass
class _Run:
    """One Pagefind run over the copies in ``copies``, writing into ``bundle``."""

    copies: Path
    bundle: Path
    process: subprocess.Popen | None = None
    output: BinaryIO | None = None

    def start(self, work: Path) -> None:
        """Pagefind's command, not its Python API: at a few thousand pages the API's service
        stalled with both sides waiting, and once left an empty entry file. Pagefind reads a
        ``pagefind.*`` config file from its working directory and ``PAGEFIND_*`` variables
        from the environment: it runs in an empty folder with neither, so the index depends on
        the copies alone."""
        env = {k: v for k, v in os.environ.items() if not k.startswith("PAGEFIND_")}
        command = [
            *pagefind_command(), "--site", str(self.copies),
            "--output-path", str(self.bundle), "--force-language", LANGUAGE, "--quiet",
        ]  # fmt: skip
        cwd = work / "cwd"
        cwd.mkdir(exist_ok=True)
        self.copies.mkdir(parents=True, exist_ok=True)  # a site without content pages
        # Its messages to a file, not a pipe: none is read while it runs.
        self.output = (work / f"{self.copies.name}.out").open("w+b")
        self.process = subprocess.Popen(
            command, cwd=cwd, env=env, stdout=self.output, stderr=subprocess.STDOUT
        )

    def ended(self) -> bool:
        return self.process is None or self.process.poll() is not None

    def wait(self) -> None:
        assert self.process is not None and self.output is not None
        code = self.process.wait()
        self.output.seek(0)
        text = self.output.read().decode("utf-8", "replace")
        self.output.close()
        if code != 0:
            raise SearchIndexError(f"Pagefind failed ({code}): {text}")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        if self.output is not None:
            self.output.close()


RUN_POLL = 0.02  # seconds between looks at the runs, waiting for one to end
COPIES_DIR = "site"  # in the work folder: the index's copies, laid out as the site is
# Pagefind's peak memory (resident set) for one run grows with the pages and the words it
# indexes, not with their markup (measured with /usr/bin/time -v on the copies of 2,000- and
# 20,000-plan sites: half the text, a quarter less memory; the tags taken out, the same):
# about 42 KB a page and 340 bytes a word, the 2,000-plan fit within 6 % at 20,000 (there:
# two parts of 1,743 MiB estimated, 1,725 MiB the larger measured). Later measures of the
# same 20,000-plan corpus gave 1,833 and 1,919 MiB for those parts (up to 10 % over) and
# 1,313 MiB for three parts of 1,162 (13 % over): about 100 MiB of a run does not grow with
# its pages. A part at SEARCH_PART_MEMORY, 13 % over, still stays under 2 GiB.
PAGE_MEMORY = 42_000
WORD_MEMORY = 340


def index_site(
    site_dir: str | Path,
    entries: Mapping[str, SearchEntry] | None = None,
    part_pages: int = SEARCH_PART_PAGES,
    part_memory: int = SEARCH_PART_MEMORY,
) -> int:
    """Index the content pages of a built site into ``_pagefind/`` and make the output
    deterministic. ``entries`` (``search_entries``) maps a page's built file to its page meta
    ``search``; more than ``part_pages`` pages, or more than Pagefind can index within
    ``part_memory`` bytes (``estimated_memory``), are indexed in parts. Returns the number of
    pages indexed; raises ``SearchIndexError``.

    Every page is read back from the site here; a build makes the copies as it writes the
    pages instead (``PageCopier``)."""
    site = Path(site_dir).resolve()
    with _work_folder(len(entries or {})) as work:
        words = _copy_built(site, work / COPIES_DIR, entries or {}, set())
        indexing = _Indexing(site, work, words, part_pages, part_memory)
        try:
            return indexing.wait()
        finally:
            indexing.stop()


# Where the copies go: tens of thousands of small files, written, read once by Pagefind and
# removed. On a disk that is most of the cost (removing the 13,394 copies of a 10,000-plan site
# took 28-38 s on a busy ext4 mounted with "discard", 0.35 s in memory), so they go into
# memory when the system has a memory file system with room for them, unless TMPDIR says
# where temporary files go. A killed build's copies are removed by the next (``scratch``).
MEMORY_FOLDER = Path("/dev/shm")
WORK_PREFIX = "cchc-index-"
COPY_ROOM = 32 * 1024  # bytes a copy may take there (they average 9 KB with their folders)


def scratch_folder(pages: int, memory_folder: Path = MEMORY_FOLDER) -> str | None:
    """The folder for the copies of ``pages`` pages: ``memory_folder`` if it has room for them
    (and twice as much left), else the system's temporary folder (None)."""
    if os.environ.get("TMPDIR"):
        return None
    try:
        stats = os.statvfs(memory_folder)
    except OSError:
        return None
    room = stats.f_bavail * stats.f_frsize
    if not os.access(memory_folder, os.W_OK) or room < 2 * pages * COPY_ROOM + COPY_ROOM:
        return None
    return str(memory_folder)


def _work_folder(pages: int) -> ScratchFolder:
    """The index's work folder, for the copies of ``pages`` pages (``scratch_folder``)."""
    return ScratchFolder(WORK_PREFIX, scratch_folder(pages))


def _copy_built(
    site: Path, copies: Path, entries: Mapping[str, SearchEntry], seen: set[str]
) -> dict[str, int]:
    """Copies of the site's HTML files not ``seen`` yet, made on every core
    (``parallel.ordered_map``): reading the pages and cutting out their indexed element is
    most of the Python side of indexing a built site."""
    rels = [
        rel
        for rel, _ in site_files(site)
        if rel.endswith(".html") and not rel.startswith(BUNDLE_DIR + "/") and rel not in seen
    ]
    rels.sort(key=PurePosixPath)
    jobs = [(site / rel, copies / rel, entries.get(rel)) for rel in rels]
    counted = zip(rels, ordered_map(_copy_page, jobs), strict=True)
    return {rel: words for rel, words in counted if words is not None}


def runs_at_once(parts: int, part_memory: int) -> int:
    """How many parts' Pagefind runs go at once: Pagefind keeps about one core busy (it
    compresses and writes its files one after the other), so one per core, as many as the
    available memory holds at ``part_memory`` each; at least one."""
    room = available_bytes() or part_memory
    return max(1, min(parts, available_cpus(), room // max(part_memory, 1)))


class _Indexing:
    """Pagefind over the copies in ``work`` (``words``: each one's indexed words): one run, or
    as few parts as keep each within ``part_pages`` and ``part_memory``, round-robin over the
    pages in path order, so each part is a sample of the whole and their scores compare (in
    the order MkDocs writes them, plans come first, then legal documents, stubs and agencies:
    parts cut from it would each rank with the word statistics of one kind of page). The runs
    start at once (``runs_at_once``); ``wait`` finishes the bundle."""

    def __init__(
        self, site: Path, work: Path, words: Mapping[str, int], part_pages: int, part_memory: int
    ) -> None:
        self.work = work
        self.bundle = site / BUNDLE_DIR
        if self.bundle.exists():
            shutil.rmtree(self.bundle)
        whole = work / COPIES_DIR
        copied = sorted(words, key=PurePosixPath)
        self.pages = len(copied)
        total_words = sum(words.values())
        parts = part_count(len(copied), total_words, part_pages, part_memory)
        # Each part's copies move to its own folder in path order, one part too: Pagefind
        # numbers the pages in the order the file system lists them, which follows the order
        # they were made in (in memory) or their names' hashes (on disk), never the build's.
        self.runs = []
        for number in range(parts):
            copies = work / f"part-{number}"
            for rel in copied[number::parts]:
                (copies / rel).parent.mkdir(parents=True, exist_ok=True)
                (whole / rel).rename(copies / rel)
            part_bundle = self.bundle / PART_DIR.format(number + 1) if number else self.bundle
            self.runs.append(_Run(copies, part_bundle))
        self.waiting = list(self.runs)
        self.running: list[_Run] = []
        self.at_once = runs_at_once(parts, part_memory)
        # What the runs going at once take, by the estimate that sized the parts.
        self.memory = -(-estimated_memory(len(copied), total_words) // parts) * self.at_once
        self._start_next()

    def _start_next(self) -> None:
        while self.waiting and len(self.running) < self.at_once:
            run = self.waiting.pop(0)
            run.start(self.work)
            self.running.append(run)

    def wait(self, ended: Callable[[Path], object] = lambda copies: None) -> int:
        """Wait for the runs, then keep what the site uses, canonical; the pages indexed.
        Each run's part is finished as soon as the run ends, while the others still run, and
        ``ended`` gets the folder of its copies, which nothing reads any more."""
        while self.running:
            run = self._first_ended()
            self.running.remove(run)
            run.wait()
            ended(run.copies)
            self._start_next()
            if run.bundle == self.bundle:
                if not (self.bundle / "pagefind-ui.js").is_file():
                    raise SearchIndexError(f"Pagefind wrote no bundle into {self.bundle}")
                for name in UNUSED_BUNDLE_FILES:
                    (self.bundle / name).unlink(missing_ok=True)
            else:
                _keep_index_only(run.bundle)
            canonicalize(run.bundle)
        listed = [f"{run.bundle.relative_to(self.bundle).as_posix()}/" for run in self.runs[1:]]
        (self.bundle / PARTS_FILE).write_text(json.dumps(listed), "utf-8")
        return self.pages

    def _first_ended(self) -> _Run:
        while True:
            for run in self.running:
                if run.ended():
                    return run
            time.sleep(RUN_POLL)

    def stop(self) -> None:
        for run in self.runs:
            run.stop()


# ---------------------------------------------------------------------------------------------
# Copies made while the site is built

# How MkDocs encodes a page it writes: the copier hashes the same bytes.
PAGE_ENCODING = ("utf-8", "xmlcharrefreplace")


@dataclass(frozen=True)
class CopiedPage:
    """What the copier keeps of a page it copied: its words in the index (None: not a content
    page) and the SHA-256 and size of the file MkDocs writes (the site's manifest)."""

    built_file: str
    words: int | None
    sha256: str
    size: int


class PageCopier:
    """The index's copies, made as the build writes each page.

    ``add`` each page's built file and HTML as it is written, in any process forked from the
    one that made the copier (the copies go to its work folder; each call returns what the
    build's process must ``record``); ``start`` copies any HTML file of the site not added (a
    hand-written ``.html``) and starts Pagefind, which runs while the build does what else is
    left; ``finish`` waits for it; ``stop`` ends it all and removes the copies (also if the
    build fails). The index is the one ``index_site`` makes of the finished site: the same
    copies, the same parts."""

    def __init__(self, entries: Mapping[str, SearchEntry]) -> None:
        self.entries = entries
        self.scratch = _work_folder(len(entries))
        self.added: set[str] = set()
        self.words: dict[str, int] = {}  # built file -> indexed words, for content pages
        self.digests: dict[str, tuple[str, int]] = {}  # built file -> SHA-256, size in bytes
        self.indexing: _Indexing | None = None
        self.removers: list[subprocess.Popen] = []

    @property
    def work(self) -> Path:
        return self.scratch.path

    def add(self, built_file: str, html: str) -> CopiedPage:
        data = html.encode(*PAGE_ENCODING)
        words = _write_copy(html, self.work / COPIES_DIR / built_file, self.entries.get(built_file))
        copied = CopiedPage(built_file, words, hashlib.sha256(data).hexdigest(), len(data))
        self.record([copied])
        return copied

    def record(self, pages: Iterable[CopiedPage]) -> None:
        """Pages another process copied."""
        for page in pages:
            self.added.add(page.built_file)
            self.digests[page.built_file] = (page.sha256, page.size)
            if page.words is not None:
                self.words[page.built_file] = page.words

    def start(
        self,
        site_dir: str | Path,
        part_pages: int = SEARCH_PART_PAGES,
        part_memory: int = SEARCH_PART_MEMORY,
    ) -> None:
        """Copy what was not added and start indexing the copies as ``index_site`` does
        (everything ended, ``stop``, if that fails)."""
        try:
            site = Path(site_dir).resolve()
            words = dict(self.words)
            words.update(_copy_built(site, self.work / COPIES_DIR, self.entries, self.added))
            self.indexing = _Indexing(site, self.work, words, part_pages, part_memory)
        except BaseException:
            self.stop()
            raise
        self._remove(self.work / COPIES_DIR)  # the folders the copies were moved out of

    def memory(self) -> int:
        """The memory, in bytes, the index's runs going at once are estimated to take."""
        return self.indexing.memory if self.indexing is not None else 0

    def finish(self) -> int:
        """The pages indexed, once the index ``start`` began is written; the copies are
        removed meanwhile, each part's when its run ends, until ``stop``."""
        if self.indexing is None:
            raise SearchIndexError("no index to finish: start() was not called")
        try:
            return self.indexing.wait(self._remove)
        except BaseException:
            self.stop()
            raise

    def _remove(self, folder: Path) -> None:
        """Remove ``folder`` beside the build, by ``rm``: a thread removing tens of thousands of
        files held the interpreter's lock between its calls, and the manifest written meanwhile
        took 1.8 s at 10,000 plans (0.7 s beside ``rm``, 0.25 s alone)."""
        self.removers.append(
            subprocess.Popen(["rm", "-rf", "--", str(folder)], stdin=subprocess.DEVNULL)
        )

    def stop(self) -> None:
        if self.indexing is not None:
            self.indexing.stop()
        for remover in self.removers:
            remover.wait()
        self.scratch.remove()


def _keep_index_only(part_bundle: Path) -> None:
    keep = {p for pattern in PART_FILES for p in part_bundle.glob(pattern)}
    for path in part_bundle.iterdir():
        if path not in keep:
            shutil.rmtree(path) if path.is_dir() else path.unlink()


# ---------------------------------------------------------------------------------------------
# Canonical filter files (Pagefind's CBOR: definite lengths, shortest integer heads)


def _head(major: int, value: int) -> bytes:
    if value < 24:
        return bytes([major << 5 | value])
    for extra, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if value < 1 << (8 * size):
            return bytes([major << 5 | extra]) + value.to_bytes(size, "big")
    raise ValueError(f"CBOR integer too large: {value}")


def cbor_encode(item) -> bytes:
    if isinstance(item, bool) or item is None:
        raise TypeError(f"not in Pagefind's CBOR: {item!r}")
    if isinstance(item, int):
        return _head(0, item) if item >= 0 else _head(1, -1 - item)
    if isinstance(item, str):
        data = item.encode("utf-8")
        return _head(3, len(data)) + data
    if isinstance(item, list):
        return _head(4, len(item)) + b"".join(cbor_encode(x) for x in item)
    raise TypeError(f"not in Pagefind's CBOR: {item!r}")


def cbor_decode(data: bytes):
    item, end = _decode_at(data, 0)
    if end != len(data):
        raise ValueError(f"CBOR: {len(data) - end} bytes after the item")
    return item


def _decode_at(data: bytes, pos: int):
    major, info = data[pos] >> 5, data[pos] & 31
    pos += 1
    if info < 24:
        value = info
    elif info <= 27:
        size = 1 << (info - 24)
        value = int.from_bytes(data[pos : pos + size], "big")
        pos += size
    else:
        raise ValueError(f"CBOR: unsupported head {data[pos - 1]:#x} at {pos - 1}")
    if major == 0:
        return value, pos
    if major == 1:
        return -1 - value, pos
    if major == 3:
        return data[pos : pos + value].decode("utf-8"), pos + value
    if major == 4:
        items = []
        for _ in range(value):
            item, pos = _decode_at(data, pos)
            items.append(item)
        return items, pos
    raise ValueError(f"CBOR: unsupported major type {major} at {pos - 1}")


def read_chunk(path: Path):
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(_GZIP_PREFIX):
        raise SearchIndexError(f"{path}: not a Pagefind file")
    return cbor_decode(data[len(_GZIP_PREFIX) :])


def write_chunk(folder: Path, suffix: str, item, hex_length: int, taken: set[str]) -> str:
    """Write ``item`` as ``<hash>.<suffix>`` the way Pagefind names files (language, "_",
    the start of the SHA-1 of the encoded item, longer on a clash); returns the hash."""
    data = cbor_encode(item)
    digest = "".join(f"{b:x}" for b in hashlib.sha1(data).digest())  # Pagefind's own form
    length = hex_length
    name = f"{LANGUAGE}_{digest[:length]}"
    while name in taken and length < len(digest):
        length += 1
        name = f"{LANGUAGE}_{digest[:length]}"
    taken.add(name)
    packed = gzip.compress(_GZIP_PREFIX + data, compresslevel=9, mtime=0)
    (folder / f"{name}.{suffix}").write_bytes(packed)
    return name


def _filter_key(name_hash: list) -> tuple:
    """Filters in the order of FILTERS, others after."""
    name = name_hash[0]
    return (FILTERS.index(name) if name in FILTERS else len(FILTERS), name, name_hash[1])


def _value_key(value_pages: list) -> tuple:
    value = value_pages[0]
    return (sort_key(value), value)


def canonicalize(bundle: Path) -> None:
    """Rewrite the filter files and the metadata naming them in a fixed order."""
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text("utf-8"))
    language = entry["languages"].get(LANGUAGE)
    if language is None:
        raise SearchIndexError(f"{entry_path}: no '{LANGUAGE}' index")
    meta_path = bundle / f"pagefind.{language['hash']}.pf_meta"
    meta = read_chunk(meta_path)
    filter_dir = bundle / "filter"
    taken: set[str] = set()
    filters = []
    for name, old_hash in sorted(meta[3], key=_filter_key):
        old = filter_dir / f"{old_hash}.pf_filter"
        filter_name, values = read_chunk(old)
        values = sorted(([v, sorted(pages)] for v, pages in values), key=_value_key)
        old.unlink()
        filters.append(
            [name, write_chunk(filter_dir, "pf_filter", [filter_name, values], 7, taken)]
        )
    meta[3] = filters
    meta_path.unlink()
    new_hash = write_chunk(bundle, "pf_meta", meta, 10, set())
    (bundle / f"{new_hash}.pf_meta").rename(bundle / f"pagefind.{new_hash}.pf_meta")
    raw = entry_path.read_text("utf-8")
    entry_path.write_text(raw.replace(f'"{language["hash"]}"', f'"{new_hash}"'), "utf-8")
