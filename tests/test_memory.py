"""memory.release: the space of freed objects goes back to the system, not only to Python."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from cchc_kb.memory import available_bytes, resident_mb

# In a fresh interpreter: 200 MB in 2 KB blocks, nine in ten freed (the survivors keep the
# allocator from giving the space back by itself), then the resident size before and after.
_FRAGMENTED = """
import gc
from cchc_kb.memory import release, resident_mb
blocks = [bytes(2000) + i.to_bytes(4, "little") for i in range(100_000)]
kept = blocks[::10]
del blocks
gc.collect()
before = resident_mb()
release()
print(before, resident_mb(), len(kept))
"""


def test_release_gives_freed_memory_back_to_the_system():
    out = subprocess.run(
        [sys.executable, "-c", _FRAGMENTED], capture_output=True, text=True, check=True
    ).stdout.split()
    before, after = float(out[0]), float(out[1])
    assert before - after > 100, (before, after)  # of the 180 MB freed


def test_resident_size_is_read():
    assert resident_mb() > 10


class _Node:
    pass


def test_kept_objects_wait_for_release_to_be_collected():
    import gc
    import weakref

    from cchc_kb.memory import keep, release

    node = _Node()
    node.itself = node  # only the cyclic collector can free it
    alive = weakref.ref(node)
    try:
        keep()
        del node
        gc.collect()
        assert alive() is not None  # out of the collector's passes while the build runs
        release()
        assert alive() is None
    finally:
        gc.unfreeze()


@pytest.mark.parametrize(
    ("meminfo", "expected"),
    [
        # A machine whose memory holds a large site's file cache: little free, much available.
        ("MemTotal: 24000000 kB\nMemFree: 3500000 kB\nMemAvailable: 22000000 kB\n", 22000000),
        ("MemFree: 10 kB\nMemAvailable:       7 kB\nCached: 3 kB\n", 7),
    ],
)
def test_available_memory_counts_the_cache_the_system_can_drop(tmp_path, meminfo, expected):
    info = tmp_path / "meminfo"
    info.write_text(meminfo, "ascii")
    assert available_bytes(str(info)) == expected * 1024


def test_available_memory_without_meminfo_is_the_free_memory(tmp_path):
    free = os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    assert abs(available_bytes(str(tmp_path / "none")) - free) < 256 * 2**20


@pytest.mark.parametrize(("needed", "released"), [(0, False), (2**62, True)])
def test_kept_objects_are_released_only_when_memory_is_short(needed, released):
    import gc
    import weakref

    from cchc_kb.memory import keep, release, release_unless_room

    node = _Node()
    node.itself = node
    alive = weakref.ref(node)
    try:
        keep()
        del node
        assert release_unless_room(needed) is released
        gc.collect()
        assert (alive() is None) is released  # kept, and so left to the exit, when there is room
    finally:
        release()


def test_a_rebuilding_process_collects_once_what_it_keeps_has_grown(monkeypatch):
    import gc
    import weakref

    from cchc_kb import memory

    monkeypatch.setattr(memory, "_alive_after_collecting", 0)
    try:
        assert memory.keep_for_next_build()  # the first build: a full pass sets the measure
        kept = gc.get_freeze_count()
        assert kept > 0
        node = _Node()
        node.itself = node
        alive = weakref.ref(node)
        del node
        assert not memory.keep_for_next_build()  # grown by one object: kept, not collected
        gc.collect()
        assert alive() is not None  # out of the collector's passes
        cycles = []
        for _ in range(kept // 2):  # half as much again, garbage once the list goes
            pair = [None]
            pair[0] = [pair]
            cycles.append(pair)
        del cycles, pair
        assert memory.keep_for_next_build()
        assert alive() is None
        assert gc.get_freeze_count() < kept * 1.25
    finally:
        gc.unfreeze()
