"""Validity of a legal document on a given date, from its recorded status and its relations.

A plan is judged against its legal bases twice: on the plan's own date (was the basis in force
when the plan was written?) and on the configured as-of date (is it still?). The record's own
``tinh_trang_hieu_luc`` says what was last known; relations stored on other documents ("118/2025
thay thế 61/2018 from 2025-07-01") say what changed and when. Partial dates make some answers
unknowable: those come back as ``in_force=None``, never as a guess.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .corpus import Corpus
from .models import RELATION_LABELS, Document, LegalDoc, PartialDate

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
