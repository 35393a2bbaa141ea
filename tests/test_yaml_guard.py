"""YAML within bounds: a short document without anchors is composed before it is measured,
and must end exactly as measuring first would (same data, or the same error at the same line)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from cchc_kb.source.frontmatter import _NoDatesLoader
from cchc_kb.source.limits import MAX_YAML_DEPTH, may_hide_characters, value_characters
from cchc_kb.source.yaml_guard import (
    COMPOSED_FIRST_CHARS,
    YamlLimitError,
    _scalar_types,
    load_bounded,
    load_composed,
    measure,
    read_plain_block,
)

MAX_NODES = 40


def _measured_first(text: str, max_nodes: int):
    """The reading that always measures before composing."""
    measure(text, max_nodes, _NoDatesLoader)
    loader = _NoDatesLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, None
        return node.start_mark.line, loader.construct_document(node)
    finally:
        loader.dispose()


def _outcome(read, text: str, max_nodes: int = MAX_NODES):
    try:
        start_line, data = read(text, max_nodes)
    except YamlLimitError as exc:
        return ("limit", exc.code, exc.line, exc.message)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        return ("yaml", type(exc).__name__, mark.line if mark else None, str(exc))
    return ("data", data, start_line)


def _fast(text: str, max_nodes: int):
    document = load_bounded(text, max_nodes, _NoDatesLoader)
    return document.start_line, document.data


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


# The walk builds the data of documents with plain tags itself and leaves every other document
# to PyYAML's constructor: both must give the same data, whichever builds it.
TAGGED = {
    "strings, quoted and not": "a: x\nb: 'y: z'\nc: \"\\u00e0 \\t\"\nd: |\n  hai\n  dòng\n",
    "numbers, YAML 1.1 forms": "a: 0x1F\nb: 1_000\nc: 1:30\nd: 0o17\ne: 017\nf: 1.5e3\ng: .inf\n",
    "booleans and nulls": "a: yes\nb: Off\nc: ~\nd: null\ne:\nf: TRUE\n",
    "dates stay strings": "a: 2025-01-15\nb: 2025-01-15 10:00:00\n",
    "keys not strings": "1: a\ntrue: b\n~: c\n2.5: d\n",
    "a key written twice": "a: 1\nb: 2\na: 3\n",
    "a merge key": "base: &b {x: 1}\nother:\n  <<: *b\n  y: 2\n",
    "a merge key without anchors": "other:\n  <<: {x: 1}\n  y: 2\n",
    "a set": "a: !!set {x, y}\n",
    "ordered pairs": "a: !!omap [x: 1, y: 2]\n",
    "an explicit string tag": "a: !!str 12\nb: !!int '7'\n",
    "a value key": "a: {=: 1}\n",
    "binary": "a: !!binary aGVsbG8=\n",
    "a tag of its own": "a: !mine x\n",
    "a complex key": "? [a, b]\n: c\n",
    "a list at the top": "- a\n- [b, {c: d}]\n",
    "a scalar at the top": "just text",
}


class _Uncached(_NoDatesLoader):
    """The front-matter loader without its memory of tags."""

    def resolve(self, kind, value, implicit):
        return yaml.resolver.BaseResolver.resolve(self, kind, value, implicit)


def _constructed(text: str):
    """PyYAML's own reading, or the name of the error it raises."""
    try:
        return ("data", yaml.load(text, Loader=_Uncached))
    except yaml.YAMLError as exc:
        return ("error", type(exc).__name__, str(exc))


def _walked(text: str):
    try:
        return ("data", load_bounded(text, 10**6, _NoDatesLoader).data)
    except yaml.YAMLError as exc:
        return ("error", type(exc).__name__, str(exc))


@pytest.mark.parametrize("text", TAGGED.values(), ids=TAGGED.keys())
def test_the_walk_builds_what_the_constructor_builds(text):
    assert _walked(text) == _constructed(text)


def test_the_walk_builds_most_documents_itself(monkeypatch):
    """The walk is not a detour to PyYAML's constructor: plain documents never reach it."""
    calls = []
    original = _NoDatesLoader.construct_document
    monkeypatch.setattr(
        _NoDatesLoader,
        "construct_document",
        lambda self, node: calls.append(node) or original(self, node),
    )
    plain = [TAGGED[name] for name in ("strings, quoted and not", "booleans and nulls")]
    for text in plain:
        load_bounded(text, 10**6, _NoDatesLoader)
    assert calls == []
    load_bounded(TAGGED["a set"], 10**6, _NoDatesLoader)
    assert len(calls) == 1


_scalars = st.one_of(
    st.text(max_size=12),
    st.integers(),
    st.booleans(),
    st.none(),
    st.floats(allow_nan=False),
    st.sampled_from(
        ["yes", "no", "~", "0x1F", "1:30", "2025-01-01", "<<", "=", ".nan", "&x", "*y"]
    ),
)
_values = st.recursive(
    _scalars,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.one_of(st.text(max_size=8), st.integers()), inner, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(_values, st.sampled_from([{}, {"default_flow_style": True}, {"default_style": '"'}]))
def test_any_dumped_document_reads_as_the_constructor_reads_it(value, style):
    text = yaml.safe_dump(value, allow_unicode=True, **style)
    assert _walked(text) == _constructed(text)


KEY_LINES = {
    "nested keys and list items": (
        "id: a\nten:\n  x: 1\n  y:\n    - p\n    - q: 2\n",
        [
            ("id", 0, False),
            ("ten", 1, False),
            ("ten.x", 2, False),
            ("ten.y", 3, False),
            ("ten.y.0", 4, False),
            ("ten.y.1", 5, False),
            ("ten.y.1.q", 5, False),
        ],
    ),
    "a key twice in one mapping, once in another": (
        "a: {k: 1, k: 2}\nb: {k: 3}\n",
        [("a", 0, False), ("a.k", 0, False), ("a.k", 0, True), ("b", 1, False), ("b.k", 1, False)],
    ),
    "keys under an alias, as often as it is named": (
        "a: &x {k: 1}\nb: *x\n",
        [("a", 0, False), ("a.k", 0, False), ("b", 1, False), ("b.k", 0, False)],
    ),
}


@pytest.mark.parametrize(("text", "keys"), KEY_LINES.values(), ids=KEY_LINES.keys())
def test_every_key_is_named_with_its_line(text, keys):
    assert load_bounded(text, 10**6, _NoDatesLoader).keys == keys


_suspect_text = st.text(
    st.sampled_from(
        list("aăđ Ê:-'\"\\\n\t")
        + ["\u200b", "\u00ad", "\u0416", "\u03b1", "\x01", "\x85", "\ufeff", "\u202e"]
    ),
    max_size=10,
)


@settings(max_examples=400, deadline=None)
@given(
    st.dictionaries(
        st.text("abc", min_size=1, max_size=3),
        _suspect_text | st.lists(_suspect_text, max_size=3),
        max_size=4,
    )
)
def test_a_text_without_suspect_characters_has_no_value_to_look_at(data):
    """``may_hide_characters`` lets the loader skip the value checks: never where they find
    something."""
    text = yaml.safe_dump(data, allow_unicode=True)
    found, _ = value_characters("x.md", yaml.load(text, Loader=_NoDatesLoader), lambda key: 1, 1)
    if found:
        assert may_hide_characters(text)


# -- the line reader ---------------------------------------------------------------------------


def _line_read(text: str, max_nodes: int = 10**6):
    return read_plain_block(text, _scalar_types(_NoDatesLoader), max_nodes)


def _front_matters(root: Path) -> dict[str, str]:
    out = {}
    for path in sorted([*root.glob("plans/**/*.md"), *root.glob("legal/*.md")]):
        lines = path.read_text("utf-8").split("\n")
        end = lines.index("---", 1)
        out[path.relative_to(root).as_posix()] = "\n".join(lines[1:end])
    return out


def test_the_records_the_project_writes_are_read_line_by_line(tmp_path):
    """The shortcut is taken where the time goes: on every record the corpus generator and
    the importer write (``yaml.safe_dump``), and on the hand-written records of this
    repository; and it reads each as PyYAML does."""
    from cchc_kb.synthetic import write_repository

    repo_root = Path(__file__).resolve().parent.parent
    written = _front_matters(write_repository(tmp_path / "corpus", plans=40, seed=3))
    by_hand = _front_matters(repo_root)
    assert len(written) > 40 and len(by_hand) > 30
    for text in [*written.values(), *by_hand.values()]:
        read = _line_read(text)
        assert read is not None, text
        assert read == load_composed(text, 10**6, _NoDatesLoader)


DECLINED = {
    "a comment": "id: a  # note\n",
    "a comment line": "# note\nid: a\n",
    "an anchor": "a: &x 1\nb: *x\n",
    "a tag": "a: !!str 1\n",
    "a block scalar": "a: |\n  text\n",
    "a plain scalar over two lines": "a: one\n  two\n",
    "a quoted scalar over two lines": "a: 'one\n  two'\n",
    "an escape": 'a: "x\\ty"\n',
    "a tab": "a:\tb\n",
    "a carriage return": "a: b\r\nc: d\n",
    "a flow mapping": "a: {b: 1}\n",
    "a nested flow list": "a: [b, [c]]\n",
    "an empty list item": "a:\n-\n- b\n",
    "a list in a list": "a:\n- - b\n",
    "a key of other characters": "ngày: 1\n",
    "a merge key": "a: <<\n",
    "a document marker": "---\na: 1\n",
    "a scalar alone": "text\n",
    "a line break of its own": "a: b\u2028c\n",
}


@pytest.mark.parametrize("text", DECLINED.values(), ids=DECLINED.keys())
def test_what_the_line_reader_leaves_to_pyyaml(text):
    assert _line_read(text) is None


def test_the_line_reader_leaves_a_document_past_the_limits_to_pyyaml():
    text = "a:\n" + "".join(f"- x{i}\n" for i in range(10))
    assert _line_read(text, max_nodes=13) is not None  # the mapping, a key, a list, 10 items
    assert _line_read(text, max_nodes=12) is None
    deep = "".join("  " * i + f"k{i}:\n" for i in range(MAX_YAML_DEPTH + 1)) + "v: 1"
    assert _line_read(deep) is None
    with pytest.raises(YamlLimitError, match="tầng"):
        load_bounded(deep, 10**6, _NoDatesLoader)


_KEYS = st.sampled_from(["id", "a", "b", "yes", "null", "On", "nam", "x_1", "k", "-k", "1"])
_WRITTEN = st.sampled_from(
    ["1", "-1", "0x1F", "1:30", "1_000", "2.5", ".inf", "~", "true", "No", "null", "x", "Như trên;",
     "Lưu: VT.", "a #b", "C#", "a:b", "x:", "'a'", "'a''b'", "'a' b", "''", '"q"', '""', '"a\\"',
     "[]", "[a, b]", "[ 1 ,x ]", "[a b]", "[a,]", "{}", "&x y", "*x", "!t", "|", ">", "%", "@",
     "`", "?", ": x", "- x", "-", "a  b", "x  ", "\u00a0x"]
)  # fmt: skip
_LINES = st.lists(
    st.tuples(
        st.sampled_from(["", "  ", "    ", " "]),
        st.sampled_from(["", "- ", "-  "]),
        st.one_of(st.just(""), _KEYS.map(lambda k: k + ":")),
        st.sampled_from(["", " ", "  "]),
        st.one_of(st.just(""), _WRITTEN),
    ).map("".join),
    min_size=1,
    max_size=8,
).map("\n".join)


def _outcome_of(read, text: str, max_nodes: int):
    try:
        return ("data", tuple(read(text, max_nodes, _NoDatesLoader)))
    except (YamlLimitError, yaml.YAMLError) as exc:
        return ("error", type(exc).__name__, str(exc))


# Records as the writers dump them: keys of the schema's form, words for values.
_RECORDS = st.recursive(
    st.one_of(st.sampled_from(["x", "Như trên;", "Lưu: VT.", "a'b", "1", "true", ""]), st.text()),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.from_regex(r"[a-z_][a-z0-9_]{0,4}", fullmatch=True), inner, max_size=4)
    ),
    max_leaves=12,
)


@settings(max_examples=1500, deadline=None)
@given(
    st.one_of(
        _LINES,
        _values.map(lambda v: yaml.safe_dump(v, allow_unicode=True, sort_keys=False)),
        _RECORDS.map(lambda v: yaml.safe_dump(v, allow_unicode=True, sort_keys=False)),
    ),
    st.integers(min_value=1, max_value=40),
)
def test_the_line_reader_reads_as_pyyaml_composes(text, max_nodes):
    """Where the line reader reads a text, PyYAML's composer reads the same data, key lines
    and start line from it, within the same limits; elsewhere both ways end the same."""
    read = _line_read(text, max_nodes)
    composed = _outcome_of(load_composed, text, max_nodes)
    if read is not None:
        assert composed == ("data", tuple(read))
    assert _outcome_of(load_bounded, text, max_nodes) == composed
