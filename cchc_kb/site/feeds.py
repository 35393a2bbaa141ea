"""Atom feeds of plans by date: one for the whole site, one per agency.

Dates come from the plans and the configured as-of date, never the clock, so the feed is
byte-identical between builds. Entry ids are ``tag:`` URIs that do not depend on the host the
site is published under.
"""

from __future__ import annotations

import posixpath
from xml.sax.saxutils import escape, quoteattr

from ..model.models import PartialDate, Plan
from . import urls
from .common import agency_name, date_vi, heading, newest_first
from .page import SiteFile
from .settings import SiteSettings

TAG_AUTHORITY = "cchc-kb,2024"


def _timestamp(date: PartialDate | None, fallback: PartialDate) -> str:
    date = date if date and date.year else fallback
    return f"{date.year:04d}-{date.month or 1:02d}-{date.day or 1:02d}T00:00:00Z"


def _href(settings: SiteSettings, feed_path: str, target: str) -> str:
    if settings.site_url:
        return settings.site_url + target
    return posixpath.relpath(target or ".", posixpath.dirname(feed_path) or ".") + "/"


def atom_feed(
    corpus, settings: SiteSettings, path: str, title: str, plans: list[Plan], page_src: str
) -> SiteFile:
    entries = []
    for plan in newest_first(plans)[: settings.feed_size]:
        url = urls.url_of(urls.plan_src(plan.id))
        summary = f"{plan.summary} — {agency_name(corpus, plan.issuer)}, {date_vi(plan.issued)}"
        entries.append(
            "  <entry>\n"
            f"    <id>tag:{TAG_AUTHORITY}:{urls.PLAN_DIR}/{plan.id}</id>\n"
            f"    <title>{escape(heading(plan) + ': ' + plan.summary)}</title>\n"
            f'    <link rel="alternate" type="text/html" href={quoteattr(_href(settings, path, url))}/>\n'
            f"    <updated>{_timestamp(plan.issued, settings.as_of)}</updated>\n"
            f"    <author><name>{escape(agency_name(corpus, plan.issuer))}</name></author>\n"
            f"    <summary>{escape(summary)}</summary>\n"
            "  </entry>\n"
        )
    feed_id = path.removesuffix(".xml")
    xml = (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="vi">\n'
        f"  <id>tag:{TAG_AUTHORITY}:{escape(feed_id)}</id>\n"
        f"  <title>{escape(title)}</title>\n"
        f"  <updated>{_timestamp(settings.as_of, settings.as_of)}</updated>\n"
        f'  <link rel="self" href={quoteattr(_href(settings, path, path).rstrip("/"))}/>\n'
        f'  <link rel="alternate" type="text/html" href={quoteattr(_href(settings, path, urls.url_of(page_src)))}/>\n'
        f"  <author><name>{escape(settings.portal_name or settings.site_name)}</name></author>\n"
        + "".join(entries)
        + "</feed>\n"
    )
    return SiteFile(path, xml.encode("utf-8"))
