"""The five seeds: every citation found, nothing else (precision and recall 1.0).

The seed texts are the source files beside their plans, ``plans/<agency>/<year>/<name>.txt``.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
import yaml

from cchc_kb.cite import find_citations, find_self_references
from cchc_kb.model.text import decode

ROOT = Path(__file__).resolve().parent.parent
EXPECTED = yaml.safe_load((ROOT / "tests" / "data" / "cite" / "seeds.yml").read_text("utf-8"))
_spec = importlib.util.spec_from_file_location("eval_cite", ROOT / "scripts" / "eval_cite.py")
eval_cite = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(eval_cite)
REGISTRY = eval_cite.load_registry()


def seed_path(name: str) -> Path:
    """A seed text lives beside its plan: plans/<agency>/<year>/<name>."""
    (path,) = ROOT.glob(f"plans/*/*/{name}")
    return path


def _seed(name: str) -> str:
    return decode(seed_path(name).read_bytes()).text


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_seed_citations(name):
    data = EXPECTED[name]
    text = _seed(name)
    found = find_citations(text, REGISTRY, eval_cite.context_of(data["context"]))
    assert [eval_cite.row(c) for c in found] == [
        eval_cite.expected_row(item) for item in data["citations"]
    ]
    for citation, item in zip(found, data["citations"], strict=True):
        assert text[citation.span[0] : citation.span[1]] == citation.text
        assert citation.kind == item["kind"]
        assert citation.in_preamble == item.get("in_preamble", False)
        assert len(citation.warnings) == item.get("warnings", 0), citation.warnings


def test_seeds_cite_31_distinct_documents():
    ids = {item["id"] for data in EXPECTED.values() for item in data["citations"] if item["id"]}
    assert len(ids) == 31


SELF = [
    ("000_83354d3036c33705.txt", [("header", None), ("appendix", None)]),
    ("002_b03aa447001753c0.txt", [("header", "02/KH-UBND"), ("appendix", "01/KH-UBND")]),
    ("004_ebd926cc18a967e2.txt", [("header", None)]),
]


@pytest.mark.parametrize(("name", "expected"), SELF)
def test_seed_self_references(name, expected):
    text = _seed(name)
    refs = find_self_references(text)
    assert [(r.where, r.number) for r in refs] == expected
    for ref in refs:
        assert text[ref.span[0] : ref.span[1]] == ref.text


def test_appendix_date_is_read():
    refs = find_self_references(_seed("002_b03aa447001753c0.txt"))
    assert refs[0].date.iso == "2024-01-02"
    assert refs[1].date.iso == "2024-01-01"
