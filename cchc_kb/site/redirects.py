"""Old addresses of legal pages (``id_cu``): a small page at each that leads to the new one.

The page is a plain file, not a site page: it carries no heading, is not in the sitemap or a
list, is not indexed (Pagefind reads only ``data-pagefind-body``; robots ``noindex``), and its
canonical link names the new page, so the old number is never presented as a document.
"""

from __future__ import annotations

from ..corpus import Corpus
from . import urls
from .common import heading
from .md import safe_href
from .page import SiteFile
from .render import render
from .settings import SiteSettings


def former_addresses(corpus: Corpus) -> dict[str, str]:
    """Old id -> the id of the document now at that address. The repository check has
    refused (and reported) an old id that is a current record's or that two records claim."""
    return {old: doc.id for doc in corpus.legal.values() for old in doc.former_ids}


def redirect_path(scheme: urls.UrlScheme, src: str) -> str:
    """The file serving a page's URL: ``van-ban/x/index.html`` or ``van-ban/x.html``."""
    url = scheme.url_of(src)
    return url + "index.html" if url.endswith("/") else url


def former_address_files(corpus: Corpus, settings: SiteSettings) -> list[SiteFile]:
    files = []
    scheme = settings.urls
    for old, new_id in sorted(former_addresses(corpus).items()):
        old_src, new_src = urls.legal_src(old), urls.legal_src(new_id)
        href = safe_href(scheme.relative_url(old_src, new_src))
        canonical = settings.site_url + scheme.url_of(new_src) if settings.site_url else href
        html = render(
            "redirect.html", title=heading(corpus.legal[new_id]), href=href, canonical=canonical
        )
        files.append(SiteFile(redirect_path(scheme, old_src), (str(html) + "\n").encode()))
    return files
