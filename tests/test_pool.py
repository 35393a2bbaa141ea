"""ordered_map: the same results in the same order on one process or several."""

from __future__ import annotations

import os

import pytest

from cchc_kb.parallel import POOL_THRESHOLD, ordered_map, ordered_map_started

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
