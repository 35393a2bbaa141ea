"""Atom feeds of plans by date: one for the whole site, one per agency.

Dates come from the plans and the configured as-of date, never the clock, so the feed is
byte-identical between builds. Entry ids are ``tag:`` URIs that do not depend on the host the
site is published under.
"""

from __future__ import annotations

import posixpath

from ..corpus import Corpus
from ..model.models import PartialDate, Plan
from . import urls
from .common import agency_name, date_vi, heading, newest_first
from .page import SiteFile
from .render import render
from .settings import SiteSettings

TAG_AUTHORITY = "cchc-kb,2024"


def _timestamp(date: PartialDate | None, fallback: PartialDate) -> str:
    date = date if date and date.year else fallback
    return f"{date.year:04d}-{date.month or 1:02d}-{date.day or 1:02d}T00:00:00Z"


def _href(settings: SiteSettings, feed_path: str, target: str) -> str:
    """Absolute when the portal sets ``site_url``, else relative to the feed's folder."""
    if settings.site_url:
        return settings.site_url + target
    relative = posixpath.relpath(target or ".", posixpath.dirname(feed_path) or ".")
    return relative if target.endswith(".html") else relative + "/"


def atom_feed(
    corpus: Corpus,
    settings: SiteSettings,
    path: str,
    title: str,
    plans: list[Plan],
    page_src: str,
) -> SiteFile:
    entries = []
    for plan in newest_first(plans, settings.feed_size):
        url = settings.urls.url_of(urls.plan_src(plan.id))
        author = agency_name(corpus, plan.issuer)
        entries.append(
            {
                "path": f"{urls.PLAN_DIR}/{plan.id}",
                "title": f"{heading(plan)}: {plan.summary}",
                "href": _href(settings, path, url),
                "updated": _timestamp(plan.issued, settings.as_of),
                "author": author,
                "summary": f"{plan.summary} — {author}, {date_vi(plan.issued)}",
            }
        )
    xml = render(
        "feed.xml",
        authority=TAG_AUTHORITY,
        feed_id=path.removesuffix(".xml"),
        title=title,
        updated=_timestamp(settings.as_of, settings.as_of),
        self_href=_href(settings, path, path).rstrip("/"),
        page_href=_href(settings, path, settings.urls.url_of(page_src)),
        author=settings.portal_name or settings.site_name,
        entries=entries,
    )
    return SiteFile(path, (xml + "\n").encode("utf-8"))
