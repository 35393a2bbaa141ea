"""“Nhiệm vụ theo đơn vị chủ trì”: the appendix tasks of every plan, by lead unit and deadline."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ..model.collation import sort_key
from ..tasks import Task, deadline_key, lead_units, parse_tasks, plain_cell
from .common import agency_name
from .context import Context
from .fragments import block
from .md import md_text
from .page import Page
from .paginate import Slice, pager, paginate

TASKS_DIR = "nhiem-vu"
TASKS_SRC = f"{TASKS_DIR}/index.md"
TASK_COLUMNS = ("Nhiệm vụ", "Sản phẩm", "Phối hợp", "Thời gian", "Kế hoạch")


@dataclass(frozen=True)
class _Assignment:
    """One task as seen by one of its lead units; a unit is named within its plan's agency."""

    unit: str
    agency: str
    task: Task

    @property
    def group(self) -> str:
        return f"{self.unit} — {self.agency}"


def task_pages(ctx: Context) -> list[Page]:
    tasks = [t for p in ctx.corpus.plans.values() if not p.stub and p.body for t in parse_tasks(p)]
    assignments = [
        _Assignment(unit, agency_name(ctx.corpus, t.plan.issuer), t)
        for t in tasks
        for unit in lead_units(t.lead)
    ]
    assignments.sort(
        key=lambda a: (
            sort_key(a.unit),
            sort_key(a.agency),
            deadline_key(a.task),
            a.task.plan.id,
            sort_key(a.task.number),
        )
    )
    pages = []
    title = "Nhiệm vụ theo đơn vị chủ trì"
    totals: dict[str, int] = defaultdict(int)
    for a in assignments:
        totals[a.group] += 1
    for part in paginate(assignments, TASKS_SRC, ctx.settings.page_size):
        out = [f"# {title}\n\n"]
        out.append(
            f"{len(tasks)} nhiệm vụ trong phụ lục các kế hoạch, theo đơn vị chủ trì và thời hạn: "
            "ai phải làm gì, đến khi nào. Nhiệm vụ do nhiều đơn vị cùng chủ trì có ở mục của "
            "từng đơn vị.\n\n"
        )
        out.append(pager(part, ctx.settings.urls))
        out.append(_task_groups(ctx, part, totals))
        out.append(pager(part, ctx.settings.urls))
        suffix = f" (trang {part.number})" if part.number > 1 else ""
        pages.append(Page(part.src, title + suffix, "".join(out)))
    return pages


def _task_groups(ctx: Context, part: Slice, totals: dict[str, int]) -> str:
    links = ctx.links(part.src)
    out: list[str] = []
    rows: list[list[tuple[str, object]]] = []
    current = None

    def flush() -> None:
        if rows:
            out.append(block("task_table.html", columns=TASK_COLUMNS, rows=list(rows)))
            rows.clear()

    for a in part.items:
        if a.group != current:
            flush()
            current = a.group
            out.append(f"## {md_text(a.group)} ({totals[a.group]})\n")
        task = a.task
        cells = (
            plain_cell(task.task),
            plain_cell(task.product),
            plain_cell(task.partners),
            plain_cell(task.deadline),
            links.doc(task.plan),
        )
        rows.append(list(zip(TASK_COLUMNS, cells, strict=True)))
    flush()
    if not part.items:
        out.append("Chưa có kế hoạch nào có bảng nhiệm vụ.\n\n")
    return "".join(out)
