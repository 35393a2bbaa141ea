"""Every real defect of the five seed texts is found by `cchc check`, at its line; and the
wording findings on own examples, found and not found."""

from __future__ import annotations

from pathlib import Path

import pytest

from cchc_kb.analysis import wording
from cchc_kb.analysis.findings import diagnostics
from cchc_kb.cite import find_citations
from cchc_kb.model.models import PartialDate, Plan

ROOT = Path(__file__).resolve().parent.parent

SEED_PLANS = {
    0: "plans/so-xay-dung-hai-duong/2025/so-xay-dung-hai-duong-2025-tuyen-truyen-cchc.md",
    1: "plans/so-xay-dung-thai-binh/2022/so-xay-dung-thai-binh-2022-tuyen-truyen-cchc.md",
    2: "plans/ubnd-xa-tien-tien/2024/ubnd-xa-tien-tien-2024-tuyen-truyen-cchc.md",
    3: "plans/so-xay-dung-dong-nai/2021/so-xay-dung-dong-nai-2021-tuyen-truyen-cchc.md",
    4: "plans/so-noi-vu-hung-yen/2023/so-noi-vu-hung-yen-2023-tuyen-truyen-cchc.md",
}

# (seed, line, code, text the message quotes): one row per defect the seeds' notes describe.
SEED_DEFECTS = [
    (0, 3, "number-blank", "số ký hiệu để trống"),
    (0, 8, "date-partial", "ngày … tháng 01 năm 2025"),
    (1, 3, "number-blank", "số ký hiệu để trống"),
    (1, 8, "date-partial", "ngày … tháng 02 năm 2022"),
    (1, 47, "citation-warning", "«Quyết định 15/KH-UBND»: tên loại «Quyết định» không khớp"),
    (2, 65, "mixed-script", "«топ»"),
    (2, 197, "place-name-spelling", "«Tiên Tiến»"),
    (2, 222, "place-name-spelling", "«Tiên Tiến»"),
    (2, 89, "place-name-other", "«xã Nam Đồng»"),
    (2, 222, "self-reference-mismatch", "Kế hoạch số 01 /KH- UBND, ngày 01 tháng 01 năm 2024"),
    (2, 123, "misspelling", "«Công thông tin» viết sai: đúng là «Cổng thông tin»"),
    (2, 99, "citation-date-no-year", "«Quyết định số 3396/QĐ – UBND» ghi ngày 15/12"),
    (2, 101, "misquoted-citation", "«61/2024/NĐ-CP ngày 16 tháng 8 năm 2024»"),
    (2, 103, "citation-warning", "ký hiệu viết sai «CTTr», đúng là «CTr»"),
    (3, 3, "number-blank", "số ký hiệu để trống"),
    (3, 8, "date-missing", "không ghi ngày ban hành"),
    (3, 49, "citation-date-year", "«Kế hoạch số 1376/KH-UBND» ghi ngày 04 tháng 02 năm 2020"),
    (3, 87, "citation-warning", "«52/NQ-TW», đúng là «52-NQ/TW»"),
    (4, 3, "number-blank", "số ký hiệu để trống"),
    (4, 7, "place-name-spelling", "địa danh «Hung Yên»"),
    (4, 8, "date-partial", "ngày … tháng … năm 2023"),
    (4, 110, "appendix-missing", "«Nhiệm vụ cụ thể theo Phụ lục đính kèm»"),
]


@pytest.fixture(scope="module")
def reported(real_corpus) -> list[tuple[str, int, str, str]]:
    return [(d.path, d.line, d.code, d.message) for d in diagnostics(real_corpus)]


@pytest.mark.parametrize(("seed", "line", "code", "quoted"), SEED_DEFECTS)
def test_seed_defect_is_found(reported, seed, line, code, quoted):
    at = [m for path, n, c, m in reported if (path, n, c) == (SEED_PLANS[seed], line, code)]
    assert any(quoted in message for message in at), at


def plan(body: str, issued: str = "2024-01-02") -> Plan:
    date = PartialDate.parse(issued)
    found = Plan(
        id="x", number=None, doc_type="Kế hoạch", summary="Kế hoạch", issuer="ubnd-tinh-hai-duong",
        issued=date, body=body, path="plans/x.md", body_line=10, year=date.year,
    )  # fmt: skip
    found.citations = find_citations(body)
    return found


WORDING = [
    ("Đăng tin trên công thông tin điện tử của xã.", [(10, "misspelling", "«công thông tin»")]),
    ("Đăng tin trên Cổng thông tin điện tử; công tác thông tin.", []),
    (
        "Mở đầu.\n\n(Có Phụ lục nhiệm vụ kèm theo)",
        [(12, "appendix-missing", "«Có Phụ lục nhiệm vụ kèm theo»")],
    ),
    ("(Có Phụ lục nhiệm vụ kèm theo)\n\n## PHỤ LỤC NHIỆM VỤ\n\n| TT | Nhiệm vụ |", []),
    ("Nhiệm vụ theo Phụ lục đính kèm.\n\n(Kèm theo Kế hoạch số 5/KH-UBND)", []),
    ("Thực hiện theo Phụ lục II của Nghị định.", []),
    (
        "Căn cứ Quyết định số 12/QĐ-UBND ngày 3 tháng 4 của UBND tỉnh.",
        [(10, "citation-date-no-year", "ghi ngày 3/4 mà không ghi năm")],
    ),
    ("Căn cứ Quyết định số 12/QĐ-UBND ngày 3 tháng 4 năm 2023 của UBND tỉnh.", []),
    (
        "Thực hiện Kế hoạch số 8/KH-UBND ngày 10/3/2022 của UBND tỉnh về cải cách hành chính năm "
        "2024;",
        [(10, "citation-date-year", "ghi ngày 10 tháng 3 năm 2022 cho một kế hoạch về năm 2024")],
    ),
    (
        "Thực hiện Kế hoạch số 8/KH-UBND ngày 20/12/2023 của UBND tỉnh về cải cách hành chính năm "
        "2024;",
        [],
    ),
    (
        "Thực hiện Kế hoạch số 8/KH-UBND ngày 20/01/2020 của UBND tỉnh thực hiện Luật ngày 19 "
        "tháng 6 năm 2015;",
        [],
    ),
]


@pytest.mark.parametrize(("body", "expected"), WORDING)
def test_wording_findings(body, expected):
    got = [(d.line, d.code, d.message) for d in wording.findings(plan(body))]
    assert len(got) == len(expected), got
    for (line, code, message), (want_line, want_code, quoted) in zip(got, expected, strict=True):
        assert (line, code) == (want_line, want_code)
        assert quoted in message
