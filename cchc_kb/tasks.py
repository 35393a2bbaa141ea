"""The tasks of a plan: rows of its appendix tables, who leads them, and by when.

A plan's body keeps its task appendix as a Markdown table (STT, nhiệm vụ, sản phẩm, chủ trì,
phối hợp, thời gian); the header words that name each column are data (``COLUMNS``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .model.models import Plan


@dataclass
class Task:
    plan: Plan
    number: str
    task: str
    product: str
    lead: str
    partners: str
    deadline: str


# Task field -> words a header cell contains (casefolded, NFC).
COLUMNS = (
    ("number", ("stt", "tt")),
    ("task", ("nhiệm vụ", "nội dung", "hoạt động")),
    ("product", ("sản phẩm", "kết quả")),
    ("lead", ("chủ trì",)),
    ("partners", ("phối hợp",)),
    ("deadline", ("thời gian", "thời hạn", "tiến độ")),
)
NO_LEAD = "Không ghi đơn vị chủ trì"
_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_MARKDOWN_MARKS = re.compile(r"[\\*_`]")
# A lead cell written as a list ("- Lãnh đạo Sở; - Văn phòng") names several units; a cell
# without list marks ("Văn phòng HDND; UBND; VHTT") is kept as written rather than guessed at.
_LIST_MARK = re.compile(r"(?:^|[;\n])\s*[-–•+]\s+")


def _cells(line: str) -> list[str]:
    line = line.strip()
    if line.startswith("|"):
        line = line[1:]
    if line.endswith("|") and not line.endswith("\\|"):
        line = line[:-1]
    return [c.strip() for c in re.split(r"(?<!\\)\|", line)]


def _columns(header_line: str) -> dict[str, int]:
    """Task field -> column index, for the fields the header names."""
    header = [unicodedata.normalize("NFC", h).casefold() for h in _cells(header_line)]
    columns: dict[str, int] = {}
    for name, keys in COLUMNS:
        for idx, cell in enumerate(header):
            if idx not in columns.values() and any(k in cell for k in keys):
                columns.setdefault(name, idx)
                break
    return columns


def _task(plan: Plan, row: list[str], columns: dict[str, int]) -> Task | None:
    def get(name: str) -> str:
        idx = columns.get(name)
        return row[idx] if idx is not None and idx < len(row) else ""

    if not get("task") and not get("lead"):
        return None
    return Task(
        plan,
        get("number"),
        get("task"),
        get("product"),
        get("lead"),
        get("partners"),
        get("deadline"),
    )


def parse_tasks(plan: Plan) -> list[Task]:
    """Rows of the plan's task tables: Markdown tables whose header has a "chủ trì" column."""
    lines = plan.body.split("\n")
    tasks: list[Task] = []
    i = 0
    while i < len(lines) - 1:
        if not ("|" in lines[i] and _SEPARATOR.match(lines[i + 1])):
            i += 1
            continue
        columns = _columns(lines[i])
        i += 2
        rows = []
        while i < len(lines) and "|" in lines[i] and lines[i].strip():
            rows.append(_cells(lines[i]))
            i += 1
        if "lead" not in columns or "task" not in columns:
            continue
        tasks += [t for row in rows if (t := _task(plan, row, columns)) is not None]
    return tasks


def deadline_key(task: Task) -> tuple[int, int]:
    """(year, month) a deadline ends by; unknown or "thường xuyên" sort last in their year."""
    text = task.deadline.casefold()
    year_match = re.search(r"(19|20)\d\d", text)
    year = int(year_match.group(0)) if year_match else task.plan.year or 0
    month = 13
    if m := re.search(r"quý\s*(iv|iii|ii|i|[1-4])\b", text):
        q = _ROMAN.get(m.group(1)) or int(m.group(1))
        month = 3 * q
    elif (m := re.search(r"tháng\s*(\d{1,2})", text)) or (
        m := re.search(r"\b\d{1,2}/(\d{1,2})/(?:19|20)\d\d", text)
    ):
        month = min(12, int(m.group(1)))
    return (year, month)


def plain_cell(text: str) -> str:
    """A cell's text without Markdown emphasis marks, on one line."""
    return " ".join(_MARKDOWN_MARKS.sub("", text).split())


def lead_units(lead: str) -> list[str]:
    """The units a task's "chủ trì" cell names, each once, in the order written."""
    text = _MARKDOWN_MARKS.sub("", lead)
    parts = _LIST_MARK.split(text) if _LIST_MARK.match(text) else [text]
    units = [" ".join(p.split()).strip(" ;,.") for p in parts]
    return list(dict.fromkeys(u for u in units if u)) or [NO_LEAD]
