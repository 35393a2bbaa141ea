"""Validity of a legal document on a given date, from its recorded status and its relations.

A plan is judged against its legal bases twice: on the plan's own date (was the basis in force
when the plan was written?) and on the configured as-of date (is it still?). The record's own
``tinh_trang_hieu_luc`` says what was last known; relations stored on other documents ("118/2025
thay thế 61/2018 from 2025-07-01") say what changed and when. Partial dates make some answers
unknowable: those come back as ``in_force=None``, never as a guess.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ..corpus import Corpus
from ..model.models import RELATION_LABELS, Document, LegalDoc, PartialDate

# Relations after which the target is no longer in force at all.
ENDING_RELATIONS = ("thay_the", "bai_bo")


@dataclass(frozen=True)
class Change:
    """One event in a document's history: ``by`` did ``relation`` to it from ``effective``."""

    relation: str  # key of RELATION_LABELS
    by: str  # id of the acting document
    effective: PartialDate | None
    checked: bool

    @property
    def label(self) -> str:
        return RELATION_LABELS[self.relation][1]


@dataclass
class Judgement:
    status: str  # one of models.VALIDITY_STATUSES
    in_force: bool | None  # None: cannot be told from what is recorded
    since: PartialDate | None = None
    changed_by: list[Change] = field(default_factory=list)  # changes in effect on the date
    checked: bool = False  # every fact used was checked against the official text
    reason: str = ""  # Vietnamese explanation for the page


def is_checked(doc: Document, field_name: str) -> bool:
    """Whether a provenance entry covering ``field_name`` says it was checked."""
    return any(field_name in p.fields and p.checked for p in doc.provenance)


def history(corpus: Corpus, doc_id: str) -> list[Change]:
    """What other documents did to ``doc_id``, oldest first (unknown dates last)."""
    changes = [
        Change(relation, other.id, other.effective or other.issued, is_checked(other, relation))
        for relation, other in corpus.acted_on_by(doc_id)
    ]
    return sorted(
        changes, key=lambda c: (c.effective is None, c.effective or PartialDate(None), c.by)
    )


def acts_on(doc: LegalDoc) -> list[tuple[str, str]]:
    """What ``doc`` itself does to others: (relation, target id)."""
    return [(rel, target) for rel, targets in doc.relations.items() for target in targets]


def on_or_before(a: PartialDate | None, b: PartialDate | None) -> bool | None:
    """a <= b, or None when the known parts cannot tell (2025 vs 2025-07-01)."""
    if a is None or b is None or a.year is None or b.year is None:
        return None
    for x, y in ((a.year, b.year), (a.month, b.month), (a.day, b.day)):
        if x is None or y is None:
            return None if x != y else True
        if x != y:
            return x < y
    return True


def judge(corpus: Corpus, doc_id: str, on: PartialDate | None) -> Judgement | None:
    """The validity of legal document ``doc_id`` on date ``on``; None for non-legal records."""
    doc = corpus.legal.get(doc_id)
    if doc is None:
        return None
    changes = history(corpus, doc_id)
    in_effect = [c for c in changes if on_or_before(c.effective, on)]
    for change in in_effect:
        if change.relation in ENDING_RELATIONS:
            return Judgement(
                status="Hết hiệu lực toàn bộ",
                in_force=False,
                since=change.effective,
                changed_by=in_effect,
                checked=change.checked,
                reason=f"{change.label} {_number(corpus, change.by)}"
                + (f" từ {change.effective.vietnamese()}" if change.effective else ""),
            )
    recorded = doc.validity
    status_checked = is_checked(doc, "tinh_trang_hieu_luc")
    if doc.effective and on_or_before(on, doc.effective) and on != doc.effective:
        return Judgement(
            "Chưa có hiệu lực",
            False,
            doc.effective,
            in_effect,
            is_checked(doc, "ngay_co_hieu_luc"),
            f"có hiệu lực từ {doc.effective.vietnamese()}",
        )
    if recorded and recorded.status != "Chưa rõ":
        after_since = on_or_before(recorded.since, on) if recorded.since else True
        if after_since:
            in_force = recorded.status in ("Còn hiệu lực", "Hết hiệu lực một phần")
            return Judgement(
                recorded.status,
                in_force,
                recorded.since,
                in_effect,
                status_checked,
                "theo tình trạng hiệu lực đã ghi nhận",
            )
        if after_since is False and recorded.status.startswith("Hết hiệu lực"):
            # Ended later than the date asked about: it was in force then if it had started.
            started = on_or_before(doc.effective or doc.issued, on)
            if started:
                return Judgement(
                    "Còn hiệu lực",
                    True,
                    doc.effective,
                    in_effect,
                    status_checked,
                    f"hết hiệu lực từ {recorded.since.vietnamese()}, sau ngày xét",
                )
    if any(c.relation in ENDING_RELATIONS for c in changes):
        return Judgement(
            "Chưa rõ",
            None,
            None,
            in_effect,
            False,
            "đã bị thay thế hoặc bãi bỏ, nhưng không xác định được ngày so với ngày xét",
        )
    return Judgement("Chưa rõ", None, None, in_effect, False, "chưa có thông tin về hiệu lực")


def _number(corpus: Corpus, doc_id: str) -> str:
    doc = corpus.document(doc_id)
    if doc is None:
        return doc_id
    return f"{doc.doc_type} {doc.number or ''}".strip()


# How long a recorded status stays current, by status, in days: after that, a page built on a
# later as-of date says the status is due to be checked again. None: never due (a document that
# ceased as a whole stays ceased). A site may override it (``extra.cchc.status_check_days``).
STATUS_CHECK_DAYS: dict[str, int | None] = {
    "Còn hiệu lực": 180,
    "Hết hiệu lực một phần": 180,
    "Chưa có hiệu lực": 90,
    "Ngưng hiệu lực": 90,
    "Ngưng hiệu lực một phần": 90,
    "Chưa rõ": 90,
    "Hết hiệu lực toàn bộ": None,
}


@dataclass(frozen=True)
class StatusCheck:
    """When a document's recorded status was last checked, and whether that is too long ago."""

    checked_on: PartialDate | None  # tinh_trang_hieu_luc.ngay_cap_nhat
    age_days: int | None  # days from checked_on to as_of; None when either is unknown
    due: bool  # older than the period its status allows (or never checked)


def status_check(
    doc: LegalDoc, as_of: PartialDate, periods: dict[str, int | None] | None = None
) -> StatusCheck:
    """Whether ``doc``'s status was checked recently enough on ``as_of``. A partial check date
    counts from its first day, so a vague date is never taken for a recent one."""
    periods = STATUS_CHECK_DAYS if periods is None else periods
    validity = doc.validity
    checked_on = validity.known_on if validity else None
    status = validity.status if validity else "Chưa rõ"
    period = periods.get(status, STATUS_CHECK_DAYS.get(status))
    if checked_on is None or checked_on.year is None or not as_of.is_complete:
        return StatusCheck(checked_on, None, period is not None)
    start = date(checked_on.year, checked_on.month or 1, checked_on.day or 1)
    age = (date(as_of.year, as_of.month, as_of.day) - start).days
    return StatusCheck(checked_on, age, period is not None and age > period)
