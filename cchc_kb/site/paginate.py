"""Fixed-size pages with stable ``trang-N`` URLs, so no page grows with the corpus."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from . import urls
from .md import esc

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


def paginate(items: Sequence[T], base_src: str, size: int) -> list[Slice[T]]:
    """Split ``items``; page 1 lives at ``base_src``, page n at ``<base>/trang-n.md``.

    An empty list still gets its first page, so links to it never break.
    """
    size = max(1, size)
    count = max(1, -(-len(items) // size))
    return [
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


def pager(slice_: Slice, label: Callable[[int], str] = lambda n: f"Trang {n}") -> str:
    """Navigation between pages: first, previous, a window of numbers, next, last (bounded)."""
    if slice_.count <= 1:
        return ""
    here = slice_.src

    def link(n: int, text: str, rel: str | None = None) -> str:
        href = urls.relative_url(here, urls.paginated_src(slice_.base_src, n))
        rel_attr = f' rel="{rel}"' if rel else ""
        return f'<a href="{esc(href)}"{rel_attr}>{esc(text)}</a>'

    parts = []
    n = slice_.number
    if n > 1:
        parts.append(link(1, "« Đầu"))
        parts.append(link(n - 1, "‹ Trước", "prev"))
    for k in range(max(1, n - 3), min(slice_.count, n + 3) + 1):
        if k == n:
            parts.append(f'<span aria-current="page">{k}</span>')
        else:
            parts.append(link(k, str(k)))
    if n < slice_.count:
        parts.append(link(n + 1, "Sau ›", "next"))
        parts.append(link(slice_.count, "Cuối »"))
    first = slice_.first_index + 1
    last = slice_.first_index + len(slice_.items)
    summary = f"{first}–{last} trên tổng số {slice_.total}"
    return (
        f'\n<nav class="cchc-pager" aria-label="Phân trang">'
        f'<span class="cchc-pager-summary">Trang {n}/{slice_.count} ({summary})</span> '
        + " ".join(parts)
        + "</nav>\n\n"
    )
