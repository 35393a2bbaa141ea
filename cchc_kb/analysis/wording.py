"""Data-quality findings about what a plan's text says of itself and of what it cites: a known
misspelling, an appendix announced but absent, a cited date without its year, a cited yearly
plan dated far from the year it is about.

Each finding gives the file, the line, the offending text quoted and a plain Vietnamese
explanation; the text is never changed (the source is what it is).
"""

from __future__ import annotations

import re

from ..cite.patterns import any_case
from ..model.models import Citation, Diagnostic, PartialDate, Plan

# Misspellings found in real plans -> the right form.
MISSPELLINGS: dict[str, str] = {
    "Công thông tin": "Cổng thông tin",
    "công thông tin": "cổng thông tin",
    "hành chánh": "hành chính",
}
# Each word's "not after a letter" is checked once its first letter has matched: a pattern that
# begins with literals lets the regex engine skip ahead to them, one that begins with a
# look-behind is tried at every character of every body.
_MISSPELLING = re.compile(
    "(?:" + "|".join(
        rf"{re.escape(w[0])}(?<!\w{re.escape(w[0])}){re.escape(w[1:])}"
        for w in sorted(MISSPELLINGS, key=len, reverse=True)
    ) + r")(?!\w)"
)  # fmt: skip

# "Nhiệm vụ cụ thể theo Phụ lục đính kèm", "(Có Phụ lục … kèm theo)": the text announces one.
_APPENDIX = any_case(["phụ lục"])
APPENDIX_ANNOUNCED = re.compile(
    rf"(?:{_APPENDIX})\s+(?:đính kèm|kèm theo)"
    rf"|(?:{any_case(['có', 'theo'])})\s+(?:{_APPENDIX})(?!\s+(?:I|II|III|\d))"
)
# Every announcement names "phụ lục": a body without it (most) is not searched further.
APPENDIX_WORD = re.compile(_APPENDIX)
# Where an appendix begins: its title ("PHỤ LỤC …", a heading "Phụ lục …") or its caption
# ("(Kèm theo Kế hoạch số …)").
APPENDIX_START = re.compile(
    r"^(?:[#*_ \t]*PHỤ LỤC\b|#{1,6}\s+[*_]*(?i:phụ lục)\b|[*_ \t]*\(\s*[*_]*\s*(?i:kèm theo)\b)",
    re.MULTILINE,
)

# "… về cải cách hành chính năm 2021": the year a cited plan is about, read after the citation
# up to the end of its clause (a date's "tháng 5 năm 2020" is not it).
SUBJECT_YEAR = re.compile(r"(?<!tháng \d )(?<!tháng \d\d )năm (?P<year>(?:19|20)\d\d)\b")
CLAUSE_END = re.compile(r"[;.\n]")
SUBJECT_SPAN = 200
# A plan for year Y is issued from the second half of Y - 1 to the end of Y; a cited date
# outside that is more likely a typing slip than a plan made so early or so late.
EARLIEST_MONTH_BEFORE = 7


def _line(plan: Plan, offset: int) -> int:
    return plan.body_line + plan.body.count("\n", 0, offset)


def findings(plan: Plan) -> list[Diagnostic]:
    """Every wording finding of one plan (not of stubs: they have no text)."""
    if plan.stub:
        return []
    return [
        *_misspellings(plan),
        *_missing_appendix(plan),
        *_dates_without_year(plan),
        *_yearly_plan_dates(plan),
    ]


def _warn(plan: Plan, offset: int, code: str, message: str) -> Diagnostic:
    return Diagnostic(plan.path, _line(plan, offset), "warning", code, message)


def _misspellings(plan: Plan) -> list[Diagnostic]:
    # Each misspelling after its first letter is a literal the body must hold: most hold none.
    if not any(wrong[1:] in plan.body for wrong in MISSPELLINGS):
        return []
    return [
        _warn(plan, m.start(), "misspelling", f"«{m[0]}» viết sai: đúng là «{MISSPELLINGS[m[0]]}»")
        for m in _MISSPELLING.finditer(plan.body)
    ]


def has_appendix(body: str) -> bool:
    return bool(APPENDIX_START.search(body))


def _missing_appendix(plan: Plan) -> list[Diagnostic]:
    if not APPENDIX_WORD.search(plan.body):
        return []
    announced = APPENDIX_ANNOUNCED.search(plan.body)
    if announced is None or has_appendix(plan.body):
        return []
    start = plan.body.rfind("\n", 0, announced.start()) + 1
    end = plan.body.find("\n", announced.end())
    quoted = plan.body[start : end if end >= 0 else None].strip(" *_()\t")
    return [
        _warn(
            plan,
            announced.start(),
            "appendix-missing",
            f"văn bản nhắc «{quoted}» nhưng không có phụ lục nào trong văn bản: "
            "bổ sung phụ lục từ bản gốc, hoặc ghi chú rằng bản gốc thiếu",
        )
    ]


def _shown(citation: Citation) -> str:
    return " ".join(citation.text.split())


def _dates_without_year(plan: Plan) -> list[Diagnostic]:
    return [
        _warn(
            plan,
            c.span[0],
            "citation-date-no-year",
            f"«{_shown(c)}» ghi ngày {c.date.day}/{c.date.month} mà không ghi năm",
        )
        for c in plan.citations
        if c.date is not None and c.date.year is None and c.date.month is not None
    ]


def subject_year(body: str, citation: Citation) -> int | None:
    """The year the cited document is about, from the words after it ("… năm 2021")."""
    after = body[citation.span[1] : citation.span[1] + SUBJECT_SPAN]
    if end := CLAUSE_END.search(after):
        after = after[: end.start()]
    m = SUBJECT_YEAR.search(after)
    return int(m["year"]) if m else None


def _too_far(date: PartialDate, year: int) -> bool:
    if date.year is None:
        return False
    if date.year > year or date.year < year - 1:
        return True
    return date.year == year - 1 and date.month is not None and date.month < EARLIEST_MONTH_BEFORE


def _yearly_plan_dates(plan: Plan) -> list[Diagnostic]:
    out = []
    for c in plan.citations:
        if c.type != "Kế hoạch" or c.date is None:
            continue
        year = subject_year(plan.body, c)
        if year is not None and _too_far(c.date, year):
            out.append(
                _warn(
                    plan,
                    c.span[0],
                    "citation-date-year",
                    f"«{_shown(c)}» ghi {c.date.vietnamese()} cho một kế hoạch về năm "
                    f"{year}: có lẽ ghi sai năm; đối chiếu văn bản gốc",
                )
            )
    return out
