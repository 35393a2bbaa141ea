"""YAML within bounds: a short document without anchors is composed before it is measured,
and must end exactly as measuring first would (same data, or the same error at the same line)."""

from __future__ import annotations

import pytest
import yaml

from cchc_kb.source.frontmatter import _NoDatesLoader
from cchc_kb.source.limits import MAX_YAML_DEPTH
from cchc_kb.source.yaml_guard import (
    COMPOSED_FIRST_CHARS,
    YamlLimitError,
    load_bounded,
    measure,
)

MAX_NODES = 40


def _measured_first(text: str, max_nodes: int):
    """The reading that always measures before composing."""
    measure(text, max_nodes, _NoDatesLoader)
    loader = _NoDatesLoader(text)
    try:
        node = loader.get_single_node()
        return node, loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()


def _outcome(read, text: str, max_nodes: int = MAX_NODES):
    try:
        node, data = read(text, max_nodes)
    except YamlLimitError as exc:
        return ("limit", exc.code, exc.line, exc.message)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        return ("yaml", type(exc).__name__, mark.line if mark else None, str(exc))
    return ("data", data, node.start_mark.line if node is not None else None)


def _fast(text: str, max_nodes: int):
    return load_bounded(text, max_nodes, _NoDatesLoader)


NEST = MAX_YAML_DEPTH
CASES = {
    "plain mapping": "id: a\nnam: 2025\nlinh_vuc: [x, y]\n",
    "empty": "",
    "deep, at the limit": "a: " + "[" * (NEST - 1) + "]" * (NEST - 1),
    "deep, past the limit": "a: " + "[" * NEST + "]" * NEST,
    "deep block sequences": "a:\n" + "".join("  " * i + "- \n" for i in range(NEST + 2)) + "x",
    "deep, then a syntax error": "a: " + "[" * (NEST + 3) + "\nb: ]]]: :",
    "a syntax error, then deep": "a: [: :\nb: " + "[" * (NEST + 3),
    "values at the limit": "a: [" + ", ".join(["1"] * (MAX_NODES - 3)) + "]",
    "values past the limit": "a: [" + ", ".join(["1"] * MAX_NODES) + "]",
    "too many values, then a syntax error": "a: [" + "1, " * MAX_NODES + "]\nb: : [",
    "an undefined alias": "a: *nowhere\n",
    "too many values before an undefined alias": "a: [" + "1, " * MAX_NODES + "]\nb: *x",
    "a complex key": "? [a, b]\n: c\n",
    "a NUL": "a: b\x00c\n",
    "anchors take the measured path": "a: &x [1, 2]\nb: *x\n",
    "a recursive alias": "a: &x [1, *x]\n",
    "an alias bomb": "a: &a [x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b]",
    "past the composed-first size": "a: [" + ", ".join(["1"] * (COMPOSED_FIRST_CHARS // 3)) + "]",
}


@pytest.mark.parametrize("text", CASES.values(), ids=CASES.keys())
def test_composing_first_ends_as_measuring_first(text):
    max_nodes = MAX_NODES if len(text) <= COMPOSED_FIRST_CHARS else 10**6
    assert _outcome(_fast, text, max_nodes) == _outcome(_measured_first, text, max_nodes)


def test_the_cases_reach_every_ending():
    outcomes = [_outcome(_measured_first, text) for text in CASES.values()]
    assert {outcome[0] for outcome in outcomes} == {"data", "limit", "yaml"}
    codes = {outcome[1] for outcome in outcomes if outcome[0] == "limit"}
    assert codes == {"yaml-too-deep", "yaml-too-large", "yaml-recursive"}
