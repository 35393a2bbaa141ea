"""The one URL scheme of the site: stable ASCII paths, relative links for sub-path hosting.

Every generated page has a source path (``ke-hoach/<id>.md``) from which MkDocs makes its URL
(``ke-hoach/<id>/`` or ``ke-hoach/<id>.html``, after ``use_directory_urls``). Markdown links use
source paths, so a strict build checks them; raw HTML (panels, SVG) uses
``UrlScheme.relative_url`` so the site works under any sub-path.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from ..model.models import Document, LegalDoc, Plan
from ..model.slug import is_safe_id

PLAN_DIR = "ke-hoach"
LEGAL_DIR = "van-ban"
UNRESOLVED_DIR = "van-ban/chua-xac-dinh"
AGENCY_DIR = "co-quan"
YEAR_DIR = "nam"
TYPE_DIR = "loai"
GRAPH_DIR = "do-thi"
DATA_DIR = "du-lieu"  # open-data exports: du-lieu/graph.json, …
PAGE_SEGMENT = "trang-{n}"  # page n >= 2 of a paginated list: <base>/trang-2.md


class UnsafeIdError(ValueError):
    pass


def relpath(path: str, start: str) -> str:
    """``posixpath.relpath`` for the site's relative paths, without its ``abspath`` calls (a
    build asks hundreds of thousands of times); anything else goes to ``posixpath.relpath``."""
    if path.startswith("/") or start.startswith("/"):
        return posixpath.relpath(path, start)
    to = [part for part in path.split("/") if part and part != "."]
    here = [part for part in start.split("/") if part and part != "."]
    if ".." in to or ".." in here:
        return posixpath.relpath(path, start)
    common = 0
    for a, b in zip(to, here, strict=False):
        if a != b:
            break
        common += 1
    return "/".join([".."] * (len(here) - common) + to[common:]) or "."


def _checked(doc_id: str) -> str:
    if not is_safe_id(doc_id):
        raise UnsafeIdError(f"mã không an toàn cho đường dẫn: {doc_id!r}")
    return doc_id


def plan_src(plan_id: str) -> str:
    return f"{PLAN_DIR}/{_checked(plan_id)}.md"


def legal_src(doc_id: str) -> str:
    return f"{LEGAL_DIR}/{_checked(doc_id)}.md"


def unresolved_src(key: str) -> str:
    return f"{UNRESOLVED_DIR}/{_checked(key)}.md"


def relations_src(doc_id: str) -> str:
    """The page listing every relation of a document whose drawing is capped."""
    return f"{GRAPH_DIR}/van-ban/{_checked(doc_id)}.md"


def unresolved_relations_src(key: str) -> str:
    return f"{GRAPH_DIR}/chua-xac-dinh/{_checked(key)}.md"


def agency_src(agency_id: str) -> str:
    return f"{AGENCY_DIR}/{_checked(agency_id)}.md"


def year_src(year: int) -> str:
    return f"{YEAR_DIR}/{int(year)}.md"


def type_src(type_slug: str) -> str:
    return f"{TYPE_DIR}/{_checked(type_slug)}.md"


def document_src(doc: Document) -> str:
    if isinstance(doc, Plan):
        return plan_src(doc.id)
    if isinstance(doc, LegalDoc):
        return legal_src(doc.id)
    raise TypeError(type(doc))


def paginated_src(base_src: str, page: int) -> str:
    """Page 1 is the base itself; page n is a sibling folder: ``nam/2025/trang-2.md``."""
    if page <= 1:
        return base_src
    stem = base_src.removesuffix(".md").removesuffix("/index")
    return f"{stem}/{PAGE_SEGMENT.format(n=page)}.md"


@dataclass(frozen=True)
class UrlScheme:
    """MkDocs' page URLs for one value of ``use_directory_urls`` (the adapter passes it in).

    With directory URLs ``ke-hoach/<id>.md`` is served at ``ke-hoach/<id>/``; without, at
    ``ke-hoach/<id>.html``. Markdown links name source paths and ``prerender`` rewrites them; raw
    HTML (panels, lists, SVG) needs the URL itself, so it asks the scheme.
    """

    directory_urls: bool = True

    def url_of(self, src: str) -> str:
        """URL of a source path relative to the site root ("" is the home page)."""
        stem = src.removesuffix(".md")
        if not self.directory_urls:
            return "" if stem == "index" else stem + ".html"
        if stem == "index":
            return ""
        if stem.endswith("/index"):
            return stem.removesuffix("index")
        return stem + "/"

    def relative_url(self, from_src: str, to: str) -> str:
        """Link from the page of ``from_src`` to a source path (``*.md``) or a site file."""
        target = self.url_of(to) if to.endswith(".md") else to
        here = self.url_of(from_src)
        base = here if here == "" or here.endswith("/") else posixpath.dirname(here)
        if target == "" and not self.directory_urls:
            target = "index.html"
        rel = relpath(target or ".", base or ".")
        if target.endswith("/") or target == "":
            rel = rel.rstrip("/") + "/"
            if rel == "./":
                return "./"
        return rel


DIRECTORY_URLS = UrlScheme(directory_urls=True)


def url_of(src: str) -> str:
    """Directory URL of a source path: the scheme of ``mkdocs.yml`` and of the tests."""
    return DIRECTORY_URLS.url_of(src)


def relative_url(from_src: str, to: str) -> str:
    """A link under directory URLs; pages take theirs from ``SiteSettings.urls``."""
    return DIRECTORY_URLS.relative_url(from_src, to)


def page_file(src: str, name: str) -> str:
    """A file that belongs to a page (a plan's source file, an agency's feed): in a folder
    named after the page, whatever the URL scheme (``ke-hoach/<id>/<name>``)."""
    return DIRECTORY_URLS.url_of(src) + name


def relative_src(from_src: str, to_src: str) -> str:
    """Markdown link target from one source path to another (``prerender`` resolves and checks it)."""
    return relpath(to_src, posixpath.dirname(from_src) or ".")
