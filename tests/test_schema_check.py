"""The compiled schema check that lets valid records skip jsonschema is never looser than it.

``repository._conforms`` says a record is valid without asking jsonschema; jsonschema only
explains the records it refuses. So a record it passes must have no jsonschema error at all
(if it refuses one that jsonschema accepts, jsonschema is asked and finds nothing: same report).
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cchc_kb.source.frontmatter import Sink, parse_yaml_mapping, split_front_matter
from cchc_kb.source.repository import AGENCIES_FILE, _conforms, validator

REPO = Path(__file__).resolve().parents[1]


def _records(folder: str) -> list[dict]:
    out = []
    for path in sorted((REPO / folder).rglob("*.md")):
        front = split_front_matter(path.read_text("utf-8"), Sink(path.name))
        assert front is not None
        out.append(front.data)
    return out


def _agencies() -> list[dict]:
    data, _ = parse_yaml_mapping((REPO / AGENCIES_FILE).read_text("utf-8"), Sink("a"))
    assert isinstance(data, list)
    return data


SEEDS: dict[str, list[dict]] = {
    "plan": _records("plans"),
    "legal": _records("legal"),
    "agency": _agencies(),
}


def _errors(kind: str, data: Any) -> list:
    return list(validator(kind).iter_errors(data))


@pytest.mark.parametrize("kind", sorted(SEEDS))
def test_valid_seed_records_pass_the_fast_check(kind: str) -> None:
    assert SEEDS[kind]
    for record in SEEDS[kind]:
        assert _errors(kind, record) == []
        assert _conforms(kind, record), record.get("id")


# (kind, key path, value): each makes the first seed record of its kind invalid.
FAULTS = [
    ("plan", ("id",), "Không-ASCII"),
    ("plan", ("id",), "a" * 121),
    ("plan", ("nam",), "2025"),
    ("plan", ("nam",), True),
    ("plan", ("nam",), 1989),
    ("plan", ("tinh_trang",), "da_ky"),
    ("plan", ("ngay_ban_hanh",), "25/01/2025"),
    ("plan", ("can_cu",), ["a-b", "a-b"]),
    ("plan", ("linh_vuc",), ["the_che", "khac"]),
    ("plan", ("noi_nhan",), ["Sở", 3]),
    ("plan", ("nguon_thong_tin",), [{"truong": [], "nguon": "x", "da_kiem_tra": True}]),
    ("plan", ("nguon_thong_tin",), [{"truong": ["a"], "nguon": "x", "da_kiem_tra": "có"}]),
    ("plan", ("khong_co",), "x"),
    ("plan", ("stub",), "true"),
    ("legal", ("so_ky_hieu",), ""),
    ("legal", ("tinh_trang_hieu_luc", "trang_thai"), "Còn hiệu lưc"),
    ("legal", ("tinh_trang_hieu_luc", "khac"), 1),
    ("legal", ("trich_dan_sai",), [{"ghi_chu": "chỉ có ghi chú"}]),
    ("legal", ("thay_the",), "61-2018-nd-cp"),
    ("agency", ("cap",), "phuong"),
    ("agency", ("cha",), "Không hợp lệ"),
    ("agency", ("hieu_luc_den",), 2025),
    ("agency", ("ten",), ""),
]


@pytest.mark.parametrize(("kind", "path", "value"), FAULTS)
def test_each_fault_fails_both_checks(kind: str, path: tuple[str, ...], value: Any) -> None:
    record = copy.deepcopy(SEEDS[kind][0])
    target = record
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    assert _errors(kind, record)
    assert not _conforms(kind, record)


@pytest.mark.parametrize("kind", sorted(SEEDS))
def test_missing_required_key_fails_both_checks(kind: str) -> None:
    record = copy.deepcopy(SEEDS[kind][0])
    del record["id"]
    assert _errors(kind, record)
    assert not _conforms(kind, record)


SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=1980, max_value=2110),
    st.floats(allow_nan=False),
    st.text(max_size=6),
    st.sampled_from(
        [
            "ban_hanh",
            "du_thao",
            "the_che",
            "2025-01",
            "2025-01-15\n",
            "--07",
            "ubnd-tinh-a",
            "Ubnd",
            "",
            "Còn hiệu lực",
            "tinh",
            "xa",
            "so_ky_hieu",
            "ngay_ban_hanh",
            "trang_thai",
        ]
    ),  # fmt: skip
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(
            st.sampled_from(["trang_thai", "so_ky_hieu", "truong", "x"]), inner, max_size=3
        )
    ),
    max_leaves=6,
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    kind=st.sampled_from(sorted(SEEDS)),
    index=st.integers(min_value=0, max_value=50),
    changes=st.dictionaries(st.text(min_size=1, max_size=25), VALUES, max_size=3),
    known=st.lists(st.integers(min_value=0, max_value=40), max_size=3),
    value=VALUES,
)
def test_fast_check_is_never_looser(kind, index, changes, known, value) -> None:
    seeds = SEEDS[kind]
    record = copy.deepcopy(seeds[index % len(seeds)])
    keys = sorted(record)
    for k in known:  # a known key given another value
        record[keys[k % len(keys)]] = value
    record.update(changes)
    if _conforms(kind, record):
        assert _errors(kind, record) == []
