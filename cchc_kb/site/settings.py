"""Site settings read from ``extra.cchc`` in ``mkdocs.yml``: the one "today" and the portal."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..analysis.validity import STATUS_CHECK_DAYS
from ..model.models import VALIDITY_STATUSES, PartialDate
from .urls import DIRECTORY_URLS, UrlScheme

DEFAULT_PAGE_SIZE = 25
FEED_SIZE = 50
# Pages per Pagefind run: more are indexed in parts merged in the browser (site.pagefind).
# A query's search time grows with the square of the pages it matches in one part; and each
# part adds its own index chunks for every query word (at 20,000 plans, 25,404 pages, the
# heaviest first query: two parts 795 KB; three 1,143 KB before the facts panel left the index).
SEARCH_PART_PAGES = 13_000
# And at most this much memory for one Pagefind run, as site.pagefind estimates it from the
# pages and words of a part: 2 GB less a tenth, the estimate's error measured at 20,000 plans.
SEARCH_PART_MEMORY = 1_800 * 2**20


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
    # Days a recorded validity status stays trusted, per status (None: never due); the
    # defaults of analysis.validity, overridden by extra.cchc.status_check_days.
    status_check_days: dict[str, int | None] = field(
        default_factory=lambda: dict(STATUS_CHECK_DAYS)
    )
    search_part_pages: int = SEARCH_PART_PAGES

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
            status_check_days=_status_check_days(cchc.get("status_check_days")),
            search_part_pages=_search_part_pages(cchc.get("search_part_pages")),
        )


def _search_part_pages(configured: object) -> int:
    """``extra.cchc.search_part_pages``: a whole number of pages, at least 1."""
    if configured is None:
        return SEARCH_PART_PAGES
    if isinstance(configured, bool) or not isinstance(configured, int) or configured < 1:
        raise ValueError(
            f"extra.cchc.search_part_pages phải là số nguyên từ 1 trở lên: {configured!r}"
        )
    return configured


def _status_check_days(configured: object) -> dict[str, int | None]:
    """STATUS_CHECK_DAYS with the statuses ``extra.cchc.status_check_days`` sets."""
    if configured is None:
        return dict(STATUS_CHECK_DAYS)
    if not isinstance(configured, dict):
        raise ValueError("extra.cchc.status_check_days phải là bảng: tình trạng hiệu lực: số ngày")
    periods = dict(STATUS_CHECK_DAYS)
    for status, days in configured.items():
        if status not in VALIDITY_STATUSES:
            known = ", ".join(VALIDITY_STATUSES)
            raise ValueError(
                f"extra.cchc.status_check_days: tình trạng không có: {status!r} (có: {known})"
            )
        if days is not None and (isinstance(days, bool) or not isinstance(days, int) or days < 0):
            raise ValueError(
                f"extra.cchc.status_check_days.{status}: phải là số ngày (≥ 0) hoặc null: {days!r}"
            )
        periods[status] = days
    return periods
