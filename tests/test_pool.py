"""ordered_map: the same results in the same order on one process or several."""

from __future__ import annotations

import errno
import fcntl
import os
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context

import pytest

from cchc_kb.parallel import (
    CHUNK,
    POOL_THRESHOLD,
    RESULT_PIPE_BYTES,
    _slices,
    _widen_result_pipe,
    ordered_map,
    ordered_map_started,
    widen_pipe,
)

SIZES = [0, 1, POOL_THRESHOLD - 1, POOL_THRESHOLD, POOL_THRESHOLD * 3 + 7]


def _square_and_pid(n: int) -> tuple[int, int]:
    return n * n, os.getpid()


@pytest.mark.parametrize("size", SIZES)
def test_results_in_input_order(size):
    items = list(range(size))[::-1]
    pooled = ordered_map(_square_and_pid, items, jobs=2)
    assert [value for value, _ in pooled] == [n * n for n in items]


def test_a_large_run_uses_other_processes_and_a_small_one_does_not():
    large = ordered_map(_square_and_pid, range(POOL_THRESHOLD * 2), jobs=2)
    small = ordered_map(_square_and_pid, range(POOL_THRESHOLD - 1), jobs=2)
    assert {pid for _, pid in large} - {os.getpid()}
    assert {pid for _, pid in small} == {os.getpid()}


@pytest.mark.parametrize("size", SIZES)
def test_a_started_map_gives_the_results_of_ordered_map(size):
    items = list(range(size))[::-1]
    pending = ordered_map_started(_square_and_pid, items, jobs=2)
    meanwhile = sum(n * n for n in items)  # this process works while the workers run
    results = pending()
    assert [value for value, _ in results] == [n * n for n in items]
    assert sum(value for value, _ in results) == meanwhile
    workers = {pid for _, pid in results} - {os.getpid()}
    assert bool(workers) == (size >= POOL_THRESHOLD)


@pytest.mark.parametrize("forks_before_failing", [0, 1])
def test_when_no_worker_can_be_forked_the_map_runs_here(monkeypatch, forks_before_failing):
    real_fork, forked = os.fork, []

    def fork():
        if len(forked) >= forks_before_failing:
            raise BlockingIOError(errno.EAGAIN, "Resource temporarily unavailable")
        forked.append(real_fork())
        return forked[-1]

    monkeypatch.setattr(os, "fork", fork)
    items = list(range(POOL_THRESHOLD * 2))
    results = ordered_map(_square_and_pid, items, jobs=2)
    assert [value for value, _ in results] == [n * n for n in items]
    assert {pid for _, pid in results} == {os.getpid()}
    assert len(forked) == forks_before_failing
    for pid in forked:  # the worker that was forked has ended, and been waited for
        with pytest.raises(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)


@pytest.mark.skipif(not hasattr(fcntl, "F_GETPIPE_SZ"), reason="pipe sizes are Linux's")
def test_the_results_pipe_holds_a_chunk_of_large_results():
    with ProcessPoolExecutor(2, mp_context=get_context("fork")) as pool:
        writer = pool._result_queue._writer.fileno()
        before = fcntl.fcntl(writer, fcntl.F_GETPIPE_SZ)
        _widen_result_pipe(pool)
        assert fcntl.fcntl(writer, fcntl.F_GETPIPE_SZ) == RESULT_PIPE_BYTES > before
        assert list(pool.map(len, ["x" * RESULT_PIPE_BYTES] * 3)) == [RESULT_PIPE_BYTES] * 3


@pytest.mark.parametrize("count", [1, CHUNK, CHUNK + 1, 1000, 10_007])
@pytest.mark.parametrize("jobs", [2, 3, 8])
def test_slices_cover_the_items_in_order_long_first_and_short_last(count, jobs):
    slices = _slices(count, jobs)
    assert [start for start, _ in slices] == [0, *(end for _, end in slices[:-1])]
    assert slices[-1][1] == count
    sizes = [end - start for start, end in slices]
    assert sizes == sorted(sizes, reverse=True)[: len(sizes) - 1] + sizes[-1:]
    assert all(size >= CHUNK for size in sizes[:-1]) and 0 < sizes[-1] <= max(sizes)
    if count > 10_000:
        assert sizes[0] > CHUNK and sizes[-2] == CHUNK  # few round trips, an even end


@pytest.mark.skipif(not hasattr(fcntl, "F_GETPIPE_SZ"), reason="pipe sizes are Linux's")
def test_a_widened_pipe_takes_a_megabyte_before_its_writer_waits():
    read_end, write_end = os.pipe()
    try:
        widen_pipe(write_end)
        os.set_blocking(write_end, False)
        written = 0
        with pytest.raises(BlockingIOError):
            while True:
                written += os.write(write_end, b"x" * 65536)
        assert written == RESULT_PIPE_BYTES
    finally:
        os.close(read_end)
        os.close(write_end)
