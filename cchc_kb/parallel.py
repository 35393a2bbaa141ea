"""One function over many independent items on every core, the results in input order.

The workers are forked with the function and the items already in memory (the corpus, the
context, a Markdown converter), so only slice bounds travel to them and only results come back.
The order of the results is the order of the items whatever the number of processes, so a
build is the same on one core or many.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

# Below this many items a pool costs more than it saves (the tests' small sites).
POOL_THRESHOLD = 200
CHUNK = 32

# Set in the parent just before the fork; the workers read it.
_task: tuple[Callable, Sequence] | None = None


def _run_slice(bounds: tuple[int, int]) -> list:
    assert _task is not None
    function, items = _task
    return [function(item) for item in items[bounds[0] : bounds[1]]]


def available_cpus() -> int:
    return len(os.sched_getaffinity(0))


def ordered_map(
    function: Callable[[Item], Result], items: Sequence[Item], jobs: int | None = None
) -> list[Result]:
    """``[function(item) for item in items]``, in ``jobs`` processes (default: every CPU this
    process may use; one, or few items, runs here)."""
    return ordered_map_started(function, items, jobs)()


def ordered_map_started(
    function: Callable[[Item], Result], items: Sequence[Item], jobs: int | None = None
) -> Callable[[], list[Result]]:
    """``ordered_map`` begun now; calling what it returns waits for the results. Meanwhile
    this process is free for other work: the workers were forked with the memory as it was
    when the map began, so nothing done here after that reaches them. One process, or few
    items: the work is done when the results are asked for."""
    global _task
    jobs = jobs or available_cpus()
    if jobs < 2 or len(items) < POOL_THRESHOLD:
        return lambda: [function(item) for item in items]
    slices = [(start, min(start + CHUNK, len(items))) for start in range(0, len(items), CHUNK)]
    _task = (function, items)
    pool = ProcessPoolExecutor(jobs, mp_context=get_context("fork"))
    try:
        # Submitting forks every worker, with the task in its memory.
        chunks = pool.map(_run_slice, slices)
    except BaseException:
        pool.shutdown(cancel_futures=True)
        raise
    finally:
        _task = None

    def results() -> list[Result]:
        with pool:
            return [result for chunk in chunks for result in chunk]

    return results
