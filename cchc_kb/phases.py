"""Wall time of a build's phases by name, so a benchmark can say where the time goes.

Phases nest; each is charged only its own time (a phase inside another pauses the outer one),
so the figures add up to the time spent in phases. ``CCHC_PHASES=<path>`` makes a build write
them as JSON when it ends; without it they are only kept in memory.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ENV_VAR = "CCHC_PHASES"
_totals: dict[str, float] = {}
_stack: list[list] = []  # [name, start of the running stretch]


def reset() -> None:
    _totals.clear()
    _stack.clear()


def add(name: str, seconds: float) -> None:
    """Charge ``seconds`` to ``name`` (for spans measured between two events)."""
    _totals[name] = _totals.get(name, 0.0) + seconds


@contextmanager
def timed(name: str) -> Iterator[None]:
    now = time.perf_counter()
    if _stack:
        outer = _stack[-1]
        add(outer[0], now - outer[1])
    _stack.append([name, now])
    try:
        yield
    finally:
        now = time.perf_counter()
        add(name, now - _stack.pop()[1])
        if _stack:
            _stack[-1][1] = now


def totals() -> dict[str, float]:
    return dict(_totals)


def write_if_requested() -> Path | None:
    """Write the totals to the file named by ``CCHC_PHASES``, if it is set."""
    target = os.environ.get(ENV_VAR)
    if not target:
        return None
    path = Path(target)
    path.write_text(json.dumps(totals(), indent=2, sort_keys=True), encoding="utf-8")
    return path
