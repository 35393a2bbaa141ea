"""The model's enumerations and the JSON Schemas say the same thing: one can never drift alone."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from cchc_kb.model.models import (
    AGENCY_LEVELS,
    CCHC_AREAS,
    LEGAL_FIELDS,
    PLAN_FIELDS,
    PLAN_STATUSES,
    RELATION_LABELS,
    VALIDITY_STATUSES,
)


def schema(name: str) -> dict:
    path = resources.files("cchc_kb.model.schema").joinpath(f"{name}.schema.json")
    return json.loads(path.read_text("utf-8"))


def at(document: dict, pointer: str):
    for part in pointer.strip("/").split("/"):
        document = document[part]
    return document


ENUMS = [
    # (schema, JSON pointer to the enum, the model's values in order)
    ("plan", "properties/tinh_trang/enum", list(PLAN_STATUSES)),
    ("plan", "properties/linh_vuc/items/enum", list(CCHC_AREAS)),
    ("agencies", "items/properties/cap/enum", list(AGENCY_LEVELS)),
    ("legal", "properties/tinh_trang_hieu_luc/properties/trang_thai/enum", list(VALIDITY_STATUSES)),
]


@pytest.mark.parametrize(("name", "pointer", "values"), ENUMS)
def test_model_enum_equals_schema_enum(name: str, pointer: str, values: list[str]) -> None:
    assert at(schema(name), pointer) == values


def test_every_relation_is_a_legal_field() -> None:
    properties = schema("legal")["properties"]
    assert set(RELATION_LABELS) <= set(properties)


@pytest.mark.parametrize(("name", "fields"), [("plan", PLAN_FIELDS), ("legal", LEGAL_FIELDS)])
def test_front_matter_keys_are_the_schema_properties(name: str, fields) -> None:
    assert set(fields) == set(schema(name)["properties"])
