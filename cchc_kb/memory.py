"""Give back to the system the memory a build no longer holds.

Python frees a page's objects as soon as nothing refers to them, but the C allocator keeps the
freed space inside the process, between whatever is still alive: after the pages are written
the build still shows the size of its busiest moment while the search index, a second large
process, runs beside it. ``release`` collects the garbage left in reference cycles and asks
glibc to hand the free pages back (``malloc_trim``); elsewhere it only collects.
"""

from __future__ import annotations

import ctypes
import gc
from functools import cache


@cache
def _malloc_trim():
    try:
        return ctypes.CDLL(None).malloc_trim  # glibc; musl and macOS have none
    except (AttributeError, OSError):
        return None


def keep() -> None:
    """What is alive now lives until the pages are written (the corpus; then the pages waiting
    for the theme; then MkDocs' pages and files): take it out of the collector's full passes,
    which would otherwise rescan it again and again (about a tenth of a build's CPU at 2,000
    plans, and more the larger the site). Also before forking: workers then share it. Each call
    adds what has come alive since the last."""
    gc.freeze()


def release() -> None:
    """Give the kept objects back to the collector, collect cyclic garbage, then return the
    allocator's free pages to the system."""
    gc.unfreeze()
    gc.collect()
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


def resident_mb() -> float | None:
    """This process's resident memory in MB (Linux), for benchmarks and tests."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None
