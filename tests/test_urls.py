"""Page URLs under both values of MkDocs' ``use_directory_urls``, and links between pages."""

from __future__ import annotations

import posixpath

import pytest

from cchc_kb.site.settings import SiteSettings
from cchc_kb.site.urls import UrlScheme, relpath

DIRECTORY = UrlScheme(directory_urls=True)
FILES = UrlScheme(directory_urls=False)

# (scheme, source path, URL)
URLS = [
    (DIRECTORY, "index.md", ""),
    (DIRECTORY, "ke-hoach/index.md", "ke-hoach/"),
    (DIRECTORY, "ke-hoach/a.md", "ke-hoach/a/"),
    (FILES, "index.md", ""),
    (FILES, "ke-hoach/index.md", "ke-hoach/index.html"),
    (FILES, "ke-hoach/a.md", "ke-hoach/a.html"),
]

# (scheme, from page, to page or file, link)
LINKS = [
    (DIRECTORY, "ke-hoach/a.md", "van-ban/b.md", "../../van-ban/b/"),
    (DIRECTORY, "ke-hoach/a.md", "index.md", "../../"),
    (DIRECTORY, "index.md", "ke-hoach/feed.xml", "ke-hoach/feed.xml"),
    (DIRECTORY, "ke-hoach/a.md", "ke-hoach/a.md", "./"),
    (FILES, "ke-hoach/a.md", "van-ban/b.md", "../van-ban/b.html"),
    (FILES, "ke-hoach/a.md", "index.md", "../index.html"),
    (FILES, "index.md", "ke-hoach/index.md", "ke-hoach/index.html"),
    (FILES, "ke-hoach/a.md", "ke-hoach/a/van-ban-goc.pdf", "a/van-ban-goc.pdf"),
    (FILES, "du-lieu-mo.md", "du-lieu/graph.json", "du-lieu/graph.json"),
]


@pytest.mark.parametrize("scheme,src,url", URLS)
def test_url_of(scheme: UrlScheme, src: str, url: str) -> None:
    assert scheme.url_of(src) == url


@pytest.mark.parametrize("scheme,from_src,to,link", LINKS)
def test_relative_url(scheme: UrlScheme, from_src: str, to: str, link: str) -> None:
    assert scheme.relative_url(from_src, to) == link


@pytest.mark.parametrize("value", [True, False])
def test_settings_take_the_scheme_from_the_config(value: bool) -> None:
    settings = SiteSettings.from_config({"as_of": "2026-01-01"}, use_directory_urls=value)
    assert settings.urls == UrlScheme(directory_urls=value)


# (path, start): relpath must answer as posixpath.relpath does.
RELPATHS = [
    ("ke-hoach/a/", "ke-hoach/b/"),
    ("ke-hoach/a/", "ke-hoach/a/"),
    ("ke-hoach/a/", "."),
    (".", "ke-hoach/a/"),
    (".", "."),
    ("van-ban/b.html", "ke-hoach"),
    ("ke-hoach/a/van-ban-goc.pdf", "ke-hoach/a/"),
    ("ke-hoach/ab/", "ke-hoach/a/"),  # a common prefix of letters is not a common folder
    ("do-thi/co-quan/x/trang-2/", "do-thi/co-quan/x/"),
    ("do-thi/co-quan/x/", "do-thi/co-quan/x/trang-2/"),
    ("./ke-hoach//a/", "ke-hoach/./"),
    ("../ngoai/a/", "ke-hoach/"),  # outside the site: left to posixpath
    ("ke-hoach/../van-ban/b/", "ke-hoach/a/"),
    ("/tuyet-doi/a/", "/tuyet-doi/"),
]


@pytest.mark.parametrize("path,start", RELPATHS)
def test_relpath_answers_as_posixpath_does(path: str, start: str) -> None:
    assert relpath(path, start) == posixpath.relpath(path, start)
