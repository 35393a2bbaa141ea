"""Site settings read from ``extra.cchc`` in ``mkdocs.yml``: the one "today" and the portal."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model.models import PartialDate
from .urls import DIRECTORY_URLS, UrlScheme

DEFAULT_PAGE_SIZE = 25
FEED_SIZE = 50


@dataclass(frozen=True)
class SiteSettings:
    as_of: PartialDate  # "today" for validity and feed dates; never the clock
    site_name: str = "Cơ sở dữ liệu kế hoạch cải cách hành chính"
    portal_name: str = ""  # the publishing agency, e.g. "Sở Nội vụ tỉnh Hưng Yên"
    site_url: str = ""  # absolute base for feeds when the portal sets one; "" keeps links relative
    page_size: int = DEFAULT_PAGE_SIZE
    feed_size: int = FEED_SIZE
    extra: dict = field(default_factory=dict)
    urls: UrlScheme = DIRECTORY_URLS  # MkDocs' use_directory_urls, passed in by the adapter

    @classmethod
    def from_config(
        cls,
        cchc: dict | None,
        site_name: str | None = None,
        site_url: str | None = None,
        use_directory_urls: bool = True,
    ) -> SiteSettings:
        cchc = dict(cchc or {})
        as_of = cchc.get("as_of")
        if not as_of:
            raise ValueError("extra.cchc.as_of phải được đặt (ngày ISO), để bản dựng tái lập được")
        date = PartialDate.parse(str(as_of))
        if not date.is_complete:
            raise ValueError(f"extra.cchc.as_of phải là ngày đầy đủ YYYY-MM-DD: {as_of!r}")
        portal = cchc.get("portal") or {}
        return cls(
            as_of=date,
            site_name=site_name or cls.site_name,
            portal_name=str(portal.get("name") or ""),
            site_url=(site_url or "").rstrip("/") + "/" if site_url else "",
            page_size=int(cchc.get("page_size") or DEFAULT_PAGE_SIZE),
            feed_size=int(cchc.get("feed_size") or FEED_SIZE),
            extra=cchc,
            urls=UrlScheme(directory_urls=use_directory_urls),
        )
