"""When a legal record's status was last checked, and when it is due to be checked again."""

from __future__ import annotations

import pytest

from cchc_kb.analysis.validity import STATUS_CHECK_DAYS, status_check
from cchc_kb.model.models import VALIDITY_STATUSES, LegalDoc, PartialDate, Validity

D = PartialDate.parse


def _doc(status: str, checked_on: str | None) -> LegalDoc:
    known = D(checked_on) if checked_on else None
    return LegalDoc("x", "1/2020/NĐ-CP", "Nghị định", "", "chinh-phu", None,
                    validity=Validity(status, known_on=known))  # fmt: skip


# (status, checked on, as of, age in days, due)
ROWS = [
    ("Còn hiệu lực", "2026-06-01", "2026-11-23", 175, False),
    ("Còn hiệu lực", "2026-05-01", "2026-11-23", 206, True),
    ("Chưa rõ", "2026-08-01", "2026-11-23", 114, True),
    ("Hết hiệu lực toàn bộ", "2020-01-01", "2026-11-23", 2518, False),
    ("Còn hiệu lực", "2026-06", "2026-11-23", 175, False),  # a partial date counts from day 1
    ("Còn hiệu lực", None, "2026-11-23", None, True),
    ("Hết hiệu lực toàn bộ", None, "2026-11-23", None, False),
]


@pytest.mark.parametrize(("status", "checked_on", "as_of", "age", "due"), ROWS)
def test_status_check(status, checked_on, as_of, age, due):
    check = status_check(_doc(status, checked_on), D(as_of))
    assert (check.age_days, check.due) == (age, due)
    assert check.checked_on == (D(checked_on) if checked_on else None)


def test_the_period_is_configurable():
    doc = _doc("Còn hiệu lực", "2026-06-01")
    assert status_check(doc, D("2026-11-23"), {"Còn hiệu lực": 30}).due is True
    assert status_check(doc, D("2026-11-23"), {"Còn hiệu lực": None}).due is False


def test_every_status_has_a_period():
    assert set(STATUS_CHECK_DAYS) == set(VALIDITY_STATUSES)


def test_every_registry_record_says_when_its_status_was_checked(real_corpus):
    for doc in real_corpus.legal.values():
        assert status_check(doc, D("2026-11-30")).checked_on is not None, doc.id
