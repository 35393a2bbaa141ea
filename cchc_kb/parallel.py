"""One function over many independent items on every core, the results in input order.

The workers are forked with the function and the items already in memory (the corpus, the
context, a Markdown converter), so only slice bounds travel to them and only results come back.
The order of the results is the order of the items whatever the number of processes, so a
build is the same on one core or many.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

# Below this many items a pool costs more than it saves (the tests' small sites).
POOL_THRESHOLD = 200
CHUNK = 32  # items in a slice at least
SHARES_PER_JOB = 4  # a slice is at most 1/(jobs * SHARES_PER_JOB) of what is left
# The results of every worker come back through one pipe, one message at a time under a lock:
# a worker whose results do not fit the pipe's buffer (64 KiB) waits until the build's process
# has read them, and the other workers wait for the lock. A larger buffer (Linux) took 0.1-0.2 s
# off the load and cite phases at 10,000 plans (~3 s each). Where the pipe cannot be widened,
# the map works as before.
RESULT_PIPE_BYTES = 1 << 20

# Set in the parent just before the fork; the workers read it.
_task: tuple[Callable, Sequence] | None = None


def _run_slice(bounds: tuple[int, int]) -> list:
    assert _task is not None
    function, items = _task
    return [function(item) for item in items[bounds[0] : bounds[1]]]


def _slices(count: int, jobs: int) -> list[tuple[int, int]]:
    """Contiguous slices of ``count`` items, each a share of what is left (at least
    ``CHUNK``): long ones first, short ones last. Each slice is a round trip through the build's
    process, which hands out the next and reads the results between its other threads: with
    slices of 32 items, at 10,000 plans, the cite workers spent 73-75% of their time on their
    work and the rest waiting for their next slice or sending results; with these, 84-93% (the
    check workers 83-86% → 99%, the loading ones 85% → 92-96%). Short slices at the end let
    the workers finish together."""
    slices, start = [], 0
    while start < count:
        end = min(count, start + max(CHUNK, (count - start) // (jobs * SHARES_PER_JOB)))
        slices.append((start, end))
        start = end
    return slices


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
    when the map began, so nothing done here after that reaches them. One process, few items,
    or no worker could be forked: the work is done here when the results are asked for."""
    global _task
    jobs = jobs or available_cpus()
    if jobs < 2 or len(items) < POOL_THRESHOLD:
        return lambda: [function(item) for item in items]
    slices = _slices(len(items), jobs)
    _task = (function, items)
    pool = ProcessPoolExecutor(jobs, mp_context=get_context("fork"))
    _widen_result_pipe(pool)
    try:
        # Submitting forks every worker, with the task in its memory.
        chunks = pool.map(_run_slice, slices)
    except OSError:
        # No process to fork (a container's process limit, no memory to commit): the build
        # goes on here, slower, rather than failing.
        _end_workers(pool)
        return lambda: [function(item) for item in items]
    except BaseException:
        pool.shutdown(cancel_futures=True)
        raise
    finally:
        _task = None

    def results() -> list[Result]:
        with pool:
            return [result for chunk in chunks for result in chunk]

    return results


def _end_workers(pool: ProcessPoolExecutor) -> None:
    """End a pool whose workers were not all forked: those that were wait for work that its
    manager, never started, would send, and would keep this process from exiting."""
    forked = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in forked:
        process.terminate()
        process.join()


def widen_pipe(fd: int) -> None:
    """Let the pipe ``fd`` hold ``RESULT_PIPE_BYTES`` where the system allows it, so that its
    writer goes on while the reader is busy elsewhere."""
    with contextlib.suppress(AttributeError, OSError):
        fcntl.fcntl(fd, fcntl.F_SETPIPE_SZ, RESULT_PIPE_BYTES)


def _widen_result_pipe(pool: ProcessPoolExecutor) -> None:
    writer = getattr(getattr(pool, "_result_queue", None), "_writer", None)
    if writer is not None:
        widen_pipe(writer.fileno())
