"""The header parser on every shape a real header reaches plain text in (own examples)."""

from __future__ import annotations

import pytest

from cchc_kb.importer.agency import display_name
from cchc_kb.importer.header import parse_header

# (lines of a header, số ký hiệu, ISO date, place, type, issuer, parent)
HEADERS = [
    pytest.param(
        ["ỦY BAN NHÂN DÂN", "HUYỆN AN LÃO", "-------", "|", "CỘNG HÒA XÃ HỘI", "CHỦ NGHĨA VIỆT NAM",
         "Độc lập - Tự do - Hạnh phúc", "|", "Số: 45/KH-UBND", "|", "An Lão, ngày", "9 tháng 3 năm 2022",
         "|", "KẾ HOẠCH", "Cải cách hành chính năm 2022", "Căn cứ Luật Tổ chức chính quyền địa phương;"],
        "45/KH-UBND", "2022-03-09", "An Lão", "Kế hoạch", "ỦY BAN NHÂN DÂN HUYỆN AN LÃO", None,
        id="cells-on-lines-date-broken",
    ),
    pytest.param(
        ["SỞ NỘI VỤ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |",
         "Số: 3/QĐ-SNV | Bắc Kạn, ngày 1 tháng 2 năm 2021 |", "QUYẾT ĐỊNH", "Về việc ban hành kế hoạch"],
        "3/QĐ-SNV", "2021-02-01", "Bắc Kạn", "Quyết định", "SỞ NỘI VỤ", None,
        id="flattened-with-separators",
    ),
    pytest.param(
        ["HỘI ĐỒNG NHÂN DÂN", "TỈNH AN GIANG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
         "Độc lập Tự do Hạnh phúc", "Số: 9/2020/NQHĐND An Giang, ngày 10 tháng 7 năm 2020", "NGHỊ QUYẾT"],
        "9/2020/NQHĐND", "2020-07-10", "An Giang", "Nghị quyết", "HỘI ĐỒNG NHÂN DÂN TỈNH AN GIANG", None,
        id="number-place-date-run-together",
    ),
    pytest.param(
        ["UBND TỈNH PHÚ YÊN", "SỞ NỘI VỤ", "Số:07/QĐ-SNV", "Tuy Hòa, ngày 05 tháng 01 năm 2023"],
        "07/QĐ-SNV", "2023-01-05", "Tuy Hòa", "Quyết định", "SỞ NỘI VỤ", "UBND TỈNH PHÚ YÊN",
        id="no-space-leading-zero-parent-above",
    ),
    pytest.param(
        ["UBND XÃ HÒA AN", "Số: 01 /KH- UBND", "Hòa An, ngày 2 tháng 1 năm 2024", "KẾ HOẠCH"],
        "01/KH-UBND", "2024-01-02", "Hòa An", "Kế hoạch", "UBND XÃ HÒA AN", None,
        id="spaces-inside-the-symbol",
    ),
    pytest.param(
        ["BỘ TÀI NGUYÊN", "Hà Nội, ngày 14 tháng 11 năm 2019", "Số: 120/BTN-VP",
         "V/v góp ý dự thảo", "Kính gửi: Các đơn vị"],
        "120/BTN-VP", "2019-11-14", "Hà Nội", "Công văn", "BỘ TÀI NGUYÊN", None,
        id="number-after-the-date-cong-van",
    ),
    pytest.param(
        ["THỦ TƯỚNG CHÍNH", "PHỦ |", "CỘNG HÒA XÃ HỘI", "CHỦ NGHĨA VIỆT NAM |", "Số: 77/QĐ-TTg |",
         "Hà Nội, ngày 2 tháng 6 năm 2024 |", "BAN HÀNH KẾ HOẠCH THỰC HIỆN NGHỊ QUYẾT", "THỦ TƯỚNG CHÍNH PHỦ",
         "Căn cứ Luật Tổ chức Chính phủ;"],
        "77/QĐ-TTg", "2024-06-02", "Hà Nội", "Quyết định", "THỦ TƯỚNG CHÍNH PHỦ", None,
        id="no-type-line-type-from-symbol",
    ),
    pytest.param(
        ["Số: /KH-UBND", "Tân Lập, ngày tháng 3 năm 2025", "KẾ HOẠCH", "Dự thảo"],
        None, "2025-03", "Tân Lập", "Kế hoạch", None, None,
        id="draft-blank-number-partial-date",
    ),
    pytest.param(
        ["Số: 5/KH-UBND", "Tân Lập, ngày tháng năm 2025", "KẾ HOẠCH"],
        "5/KH-UBND", "2025", "Tân Lập", "Kế hoạch", None, None,
        id="year-only",
    ),
]  # fmt: skip


@pytest.mark.parametrize(
    ("lines", "number", "iso", "place", "doc_type", "issuer", "parent"), HEADERS
)
def test_header(lines, number, iso, place, doc_type, issuer, parent):
    header = parse_header(lines)
    assert header.number == number
    assert (header.date.iso if header.date else None) == iso
    assert header.place == place
    assert header.doc_type == doc_type
    assert header.issuer == issuer
    assert header.parent == parent


def test_title_stops_at_the_issuer_repeated_above_the_preamble():
    header = parse_header(
        ["BỘ Y TẾ", "Số: 3/QĐ-BYT", "Hà Nội, ngày 1 tháng 1 năm 2025", "QUYẾT ĐỊNH",
         "BAN HÀNH KẾ HOẠCH TRUYỀN THÔNG", "BỘ TRƯỞNG BỘ Y TẾ", "Căn cứ Nghị định số 1/2020/NĐ-CP;"]
    )  # fmt: skip
    assert header.title == ["BAN HÀNH KẾ HOẠCH TRUYỀN THÔNG"]


def test_impossible_date_is_left_for_a_person_with_a_warning():
    header = parse_header(["Số: 1/KH-UBND", "Hà Nội, ngày 31 tháng 02 năm 2022", "KẾ HOẠCH"])
    assert header.date is None
    assert header.place == "Hà Nội"
    assert header.warnings == ["ngày không tồn tại: «Hà Nội, ngày 31 tháng 02 năm 2022»"]


def test_prose_mentioning_a_number_is_not_a_header():
    header = parse_header(["Ngày 5/3/2025 UBND xã ban hành Quyết định số 11/QĐ-UBND về kế hoạch"])
    assert header.number is None
    assert header.date is None


@pytest.mark.parametrize(
    ("printed", "name"),
    [
        ("ỦY BAN NHÂN DÂN HUYỆN AN LÃO", "Ủy ban nhân dân huyện An Lão"),
        ("UBND XÃ HÒA AN", "UBND xã Hòa An"),
        ("Sở Nội vụ", "Sở Nội vụ"),
    ],
)
def test_display_name(printed, name):
    assert display_name(printed) == name


def test_title_stops_where_prose_begins():
    header = parse_header(
        ["KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2025",
         "Ngày 3 tháng 7 năm 2025 Ủy ban nhân dân xã đã ban hành Quyết định số 5/QĐ-UBND.",
         "I. MỤC ĐÍCH, YÊU CẦU"]
    )  # fmt: skip
    assert header.title == ["CẢI CÁCH HÀNH CHÍNH NĂM 2025"]
    assert header.number is None and header.date is None
