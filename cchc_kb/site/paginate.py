"""Fixed-size pages with stable ``trang-N`` URLs, so no page grows with the corpus."""

from __future__ import annotations

from collections.abc import Sequence
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

from . import urls
from .fragments import block

T = TypeVar("T")


@dataclass
class Slice(Generic[T]):
    number: int  # 1-based
    count: int  # number of pages
    items: Sequence[T]
    src: str
    base_src: str
    total: int
    first_index: int  # 0-based index of items[0] in the whole list


class SliceFilter(Protocol):
    """Which pages of which lists a build makes (``incremental.Selection``)."""

    def wants_list(self, base_src: str) -> bool: ...

    def keep_slice(self, part: Slice) -> bool: ...


# The preview's rebuilds render only the pages of a list an edit touches (site.incremental sets
# this while building); a full build keeps every slice.
SLICE_FILTER: ContextVar[SliceFilter | None] = ContextVar("slice_filter", default=None)


def list_wanted(base_src: str) -> bool:
    """Whether a page of the list at ``base_src`` may be made: a list no page of which is
    wanted need not even be sorted."""
    keep = SLICE_FILTER.get()
    return keep is None or keep.wants_list(base_src)


def paginate(items: Sequence[T], base_src: str, size: int) -> list[Slice[T]]:
    """Split ``items``; page 1 lives at ``base_src``, page n at ``<base>/trang-n.md``.

    An empty list still gets its first page, so links to it never break.
    """
    size = max(1, size)
    count = max(1, -(-len(items) // size))
    keep = SLICE_FILTER.get()
    slices = [
        Slice(
            number=n,
            count=count,
            items=items[(n - 1) * size : n * size],
            src=urls.paginated_src(base_src, n),
            base_src=base_src,
            total=len(items),
            first_index=(n - 1) * size,
        )
        for n in range(1, count + 1)
    ]
    return slices if keep is None else [part for part in slices if keep.keep_slice(part)]


def pager(slice_: Slice, scheme: urls.UrlScheme = urls.DIRECTORY_URLS) -> str:
    """Navigation between pages: first, previous, a window of numbers, next, last (bounded)."""
    if slice_.count <= 1:
        return ""
    n = slice_.number

    def item(k: int, text: str, rel: str = "") -> dict:
        target = urls.paginated_src(slice_.base_src, k)
        return {"href": scheme.relative_url(slice_.src, target), "text": text, "rel": rel}

    items = []
    if n > 1:
        items += [item(1, "« Đầu"), item(n - 1, "‹ Trước", "prev")]
    for k in range(max(1, n - 3), min(slice_.count, n + 3) + 1):
        items.append(item(k, str(k)) if k != n else {"href": "", "text": str(k), "rel": ""})
    if n < slice_.count:
        items += [item(n + 1, "Sau ›", "next"), item(slice_.count, "Cuối »")]
    return block(
        "pager.html",
        number=n,
        count=slice_.count,
        first=slice_.first_index + 1,
        last=slice_.first_index + len(slice_.items),
        total=slice_.total,
        items=items,
    )
