"""The staff guide documents every schema field and its example is a valid record."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from cchc_kb.source.repository import validator

GUIDE = Path(__file__).resolve().parents[1] / "docs" / "them-ke-hoach.md"


def test_every_plan_field_is_documented() -> None:
    text = GUIDE.read_text("utf-8")
    documented = set(re.findall(r"^\| `([a-z_]+)` \|", text, flags=re.M))
    assert documented == set(validator("plan").schema["properties"])


def test_the_full_example_is_a_valid_plan() -> None:
    text = GUIDE.read_text("utf-8")
    block = re.search(r"```yaml\n---\n(.*?)\n---\n", text, flags=re.S).group(1)
    data = yaml.safe_load(block)
    errors = [e.message for e in validator("plan").iter_errors(data)]
    assert errors == []


def test_every_error_code_in_the_guide_is_tested() -> None:
    """A code the guide promises must be one the checker tests exercise."""
    text = GUIDE.read_text("utf-8")
    table = text.split("## Khi một trường sai", 1)[1]
    codes = set(re.findall(r"^\| `([a-z-]+)`(?:, `([a-z-]+)`)?", table, flags=re.M))
    codes = {c for pair in codes for c in pair if c}
    tests = "".join(
        (Path(__file__).parent / name).read_text("utf-8")
        for name in ("test_load.py", "test_robust.py", "mutations.py")
    )
    missing = {c for c in codes if c not in tests}
    assert not missing, f"codes in the guide without a test: {sorted(missing)}"
