"""The task view: who leads each appendix task, read from the "chủ trì" cell as written."""

from __future__ import annotations

import pytest
from conftest import parse

from cchc_kb.tasks import lead_units, plain_cell

# (cell as written in a plan's appendix, the lead units it names)
LEADS = [
    ("Văn phòng", ["Văn phòng"]),
    ("- Lãnh đạo Sở; - Văn phòng", ["Lãnh đạo Sở", "Văn phòng"]),  # seed 000
    ("- Văn phòng\n- Thanh tra Sở", ["Văn phòng", "Thanh tra Sở"]),
    ("Văn phòng HDND; UBND; VHTT", ["Văn phòng HDND; UBND; VHTT"]),  # no list marks: as written
    ("**Đài truyền thanh xã**", ["Đài truyền thanh xã"]),
    ("- Văn phòng; - Văn phòng", ["Văn phòng"]),
    ("", ["Không ghi đơn vị chủ trì"]),
]


@pytest.mark.parametrize("cell,units", LEADS)
def test_lead_units(cell: str, units: list[str]) -> None:
    assert lead_units(cell) == units


# (cell of the task, product, partners or deadline column, as the task view shows it)
CELLS = [
    ("**Quý IV/2025**", "Quý IV/2025"),
    ("Văn phòng\n  Thanh tra", "Văn phòng Thanh tra"),
    ("", ""),  # an empty cell stays empty: it is not a missing lead unit
]


@pytest.mark.parametrize("cell,shown", CELLS)
def test_plain_cell(cell: str, shown: str) -> None:
    assert plain_cell(cell) == shown


def test_a_task_with_two_leads_is_listed_under_each(real_site) -> None:
    html = (real_site.site / "nhiem-vu" / "index.html").read_text("utf-8")
    headings = [h[2] for h in parse(html).headings if h[0] == "h2"]
    assert "Lãnh đạo Sở — Sở Xây dựng tỉnh Hải Dương (1)" in headings
    assert any(h.startswith("Văn phòng — Sở Xây dựng tỉnh Hải Dương") for h in headings)
    assert not any(h.startswith("-") for h in headings)  # list marks never become names
