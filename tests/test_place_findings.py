"""Name findings: place names against the issuer, ended issuers, a unit written two ways."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from cchc_kb.analysis.places import findings
from cchc_kb.cli import main as cli_main
from cchc_kb.corpus import Corpus
from cchc_kb.model.models import PartialDate, Plan
from cchc_kb.source.repository import load_agencies

ROOT = Path(__file__).resolve().parent.parent


@cache
def agencies():
    return load_agencies(ROOT)[0]


def plan(issuer: str, body: str = "", place: str | None = None, issued: str = "2024-01-02",
         recipients: tuple[str, ...] = ()) -> Plan:  # fmt: skip
    date = PartialDate.parse(issued)
    return Plan(
        id="x", number=None, doc_type="Kế hoạch", summary="Kế hoạch", issuer=issuer,
        issued=date, body=body, path="plans/x.md", body_line=10, place=place,
        year=date.year, recipients=list(recipients), lines={"dia_danh": 5, "noi_nhan": 7,
        "co_quan_ban_hanh": 4},
    )  # fmt: skip


def found(p: Plan) -> list[tuple[int, str, str]]:
    corpus = Corpus(ROOT, agencies=agencies(), plans={p.id: p})
    return [(d.line, d.code, d.message) for d in findings(corpus)]


CASES = [
    pytest.param(
        plan("ubnd-xa-tien-tien", "Dòng đầu.\nKế hoạch của Ủy ban nhân dân xã Tiên Tiến."),
        [(11, "place-name-spelling", "«Tiên Tiến» viết sai dấu: tên đúng là «Tiền Tiến» (cơ quan ban hành)")],
        id="commune-name-without-its-tone",
    ),
    pytest.param(
        plan("so-noi-vu-hung-yen", "Sở Nội vụ tỉnh Hưng Yên.", place="Hung Yên"),
        [(5, "place-name-spelling", "địa danh «Hung Yên» viết sai dấu: cơ quan ban hành ở «Hưng Yên»")],
        id="place-line-without-its-diacritic",
    ),
    pytest.param(
        plan("ubnd-xa-tien-tien", "Tuyên truyền trên địa bàn xã Nam Đồng."),
        [(10, "place-name-other", "«xã Nam Đồng» là xã khác: kế hoạch này của xã Tiền Tiến; "
          "xem lại có phải chép từ kế hoạch khác")],
        id="another-communes-name",
    ),
    pytest.param(
        plan("ubnd-xa-tien-tien",
             "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nUBND XÃ TIỀN TIẾN\nxã Tiền Tiến, thành phố Hải Dương."
             "\nĐối với UBND xã Thu thập tin tức."),
        [],
        id="motto-capitals-and-next-sentence-are-not-findings",
    ),
    pytest.param(
        plan("ubnd-tinh-hai-duong", "Kế hoạch.", issued="2025-08-01"),
        [(4, "agency-ended", "«Ủy ban nhân dân tỉnh Hải Dương» đã thôi hoạt động từ sau ngày 30 "
          "tháng 6 năm 2025, trước ngày của kế hoạch (ngày 01 tháng 8 năm 2025); cơ quan kế thừa: "
          "Ủy ban nhân dân thành phố Hải Phòng (ubnd-tp-hai-phong)")],
        id="issuer-ended-in-2025-names-its-successor",
    ),
    pytest.param(plan("ubnd-tinh-hai-duong", "Kế hoạch.", issued="2025-06-30"), [], id="issuer-still-there"),
    pytest.param(
        plan("ubnd-xa-tien-tien", "Gửi Ủy ban nhân dân thành phố để báo cáo.",
             recipients=("UBND thành phố (để b/c)", "Ủy ban nhân dân Thành phố")),
        [(7, "name-two-ways", "«Ủy ban nhân dân Thành phố» và «UBND thành phố» là một nơi nhận viết hai cách"),
         (10, "name-two-ways", "«Ủy ban nhân dân thành phố» trong văn bản, «UBND thành phố» ở nơi nhận: "
          "một đơn vị viết hai cách (viết tắt và viết đủ)")],
        id="recipient-abbreviated-and-in-full",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("record", "expected"), CASES)
def test_findings(record, expected):
    assert found(record) == expected


def test_check_reports_the_seed_defects(capsys):
    """Each defect the seeds' notes describe is found by `cchc check`."""
    cli_main(["check", str(ROOT)])
    out = capsys.readouterr().out
    tien_tien = "plans/ubnd-xa-tien-tien/2024/ubnd-xa-tien-tien-2024-tuyen-truyen-cchc.md"
    hung_yen = "plans/so-noi-vu-hung-yen/2023/so-noi-vu-hung-yen-2023-tuyen-truyen-cchc.md"
    assert f"{tien_tien}:197: warning: place-name-spelling: «Tiên Tiến»" in out
    assert f"{tien_tien}:222: warning: place-name-spelling: «Tiên Tiến»" in out
    assert f"{tien_tien}:89: warning: place-name-other: «xã Nam Đồng»" in out
    assert f"{hung_yen}:7: warning: place-name-spelling: địa danh «Hung Yên»" in out
