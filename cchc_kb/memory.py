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
import os
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


# Objects the collector's last full pass left alive, in a process that builds again (the
# preview): 0 before its first.
_alive_after_collecting = 0


def keep_for_next_build(growth: float = 0.25) -> bool:
    """In a process that builds again and again (the preview), once a build has written its
    pages: what is alive now is mostly what the next build starts from (records by content
    hash, the corpus, the graph, the pages' digests). Out of the collector's full passes, which
    would scan it again during every rebuild. The garbage a build leaves in reference cycles
    (MkDocs' pages and files, a template environment) is only found by a full pass: one is
    made when what is kept has grown by ``growth`` since the last, so it never grows by more.
    Whether it collected."""
    global _alive_after_collecting
    gc.freeze()
    if _alive_after_collecting and gc.get_freeze_count() <= _alive_after_collecting * (1 + growth):
        return False
    release()
    gc.freeze()
    _alive_after_collecting = gc.get_freeze_count()
    return True


def release_unless_room(needed: int) -> bool:
    """``release`` unless the system has twice ``needed`` bytes available (what a process
    about to start will take, as estimated): the collection walks every object the build kept
    (1.2 CPU-s at 10,000 plans, taken from the search index's runs beside it), for memory
    nothing else is waiting for. Whether it released."""
    if available_bytes() >= 2 * needed:
        return False
    release()
    return True


def available_bytes(meminfo: str = "/proc/meminfo") -> int:
    """Memory the system can give a new process without swapping: Linux's ``MemAvailable``,
    which counts the file cache it can drop. Not the free memory alone: after a build has
    written large sites, most memory holds their files' cache and little is "free" (on a 24 GB
    machine after 18 GB of files written: 3.4 GB free, 22.9 GB available), which read as room
    for one Pagefind run where there was room for several. Elsewhere, the free memory."""
    try:
        with open(meminfo, encoding="ascii") as info:
            for line in info:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    try:
        return os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (AttributeError, ValueError, OSError):
        return 0


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
