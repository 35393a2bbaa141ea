"""Table-driven tests of the citation engine: one row per form seen in real texts."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from cchc_kb.cite import CitingContext, canonical_number, find_citations
from cchc_kb.model.models import PartialDate

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("eval_cite", ROOT / "scripts" / "eval_cite.py")
eval_cite = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(eval_cite)

REGISTRY = eval_cite.load_registry()
HD = CitingContext("so-xay-dung-hai-duong", 2024, PartialDate(2024, 3, 1))

# (form, text, [(text, type, number, date, issuer), …])
FORMS = [
    (
        "full citation",
        "Căn cứ Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ về một cửa;",
        [("Nghị định số 61/2018/NĐ-CP", "Nghị định", "61/2018/NĐ-CP", "2018-04-23", "chinh-phu")],
    ),
    (
        "administrative number",
        "Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ",
        [("Nghị quyết số 76/NQ-CP", "Nghị quyết", "76/NQ-CP", "2021-07-15", "chinh-phu")],
    ),
    (
        "resolution of the Standing Committee",
        "Nghị quyết số 35/2023/UBTVQH15 ngày 12/7/2023",
        [("Nghị quyết số 35/2023/UBTVQH15", "Nghị quyết", "35/2023/UBTVQH15", "2023-07-12",
          "uy-ban-thuong-vu-quoc-hoi")],
    ),
    (
        "resolution of the National Assembly",
        "Nghị quyết 43/2022/QH15 ngày 11/01/2022 của Quốc hội",
        [("Nghị quyết 43/2022/QH15", "Nghị quyết", "43/2022/QH15", "2022-01-11", "quoc-hoi")],
    ),
    (
        "party resolution",
        "Nghị quyết số 52-NQ/TW ngày 27/9/2019 của Bộ Chính trị",
        [("Nghị quyết số 52-NQ/TW", "Nghị quyết", "52-NQ/TW", "2019-09-27", "bo-chinh-tri")],
    ),
    (
        "party number in state format",
        "Nghị quyết số 52/NQ-TW ngày 27/9/2019 của Bộ Chính trị",
        [("Nghị quyết số 52/NQ-TW", "Nghị quyết", "52-NQ/TW", "2019-09-27", "bo-chinh-tri")],
    ),
    (
        "party programme of the provincial committee",
        "Chương trình số 22-CTr/TU ngày 19/8/2021 của Tỉnh ủy Hải Dương",
        [("Chương trình số 22-CTr/TU", "Chương trình", "22-CTr/TU", "2021-08-19",
          "tinh-uy-hai-duong")],
    ),
    (
        "line break inside the citation",
        "Quyết định số\n765/QĐ-BTTTT ngày 26 tháng\n4 năm 2024 của Bộ Thông tin và Truyền thông",
        [("Quyết định số\n765/QĐ-BTTTT", "Quyết định", "765/QĐ-BTTTT", "2024-04-26",
          "bo-thong-tin-va-truyen-thong")],
    ),
    (
        "blank lines of a PDF extraction",
        "Kế hoạch số 02/KH-SXD ngày \n\n21/01/2021 của Sở Xây dựng về CCHC",
        [("Kế hoạch số 02/KH-SXD", "Kế hoạch", "02/KH-SXD", "2021-01-21",
          "so-xay-dung-hai-duong")],
    ),
    (
        "hyphen lost",
        "Nghị định 40/2020/NĐCP ngày 06/4/2020",
        [("Nghị định 40/2020/NĐCP", "Nghị định", "40/2020/NĐ-CP", "2020-04-06", "chinh-phu")],
    ),
    (
        "hyphen lost, local issuer",
        "Nghị quyết 37/NQHĐND ngày 15/01/2025 của HĐND tỉnh",
        [("Nghị quyết 37/NQHĐND", "Nghị quyết", "37/NQ-HĐND", "2025-01-15",
          "hdnd-tinh-hai-duong")],
    ),
    (
        "hyphen turned into a space",
        "Quyết định số 282/QĐ TTg ngày 23/3/2023",
        [("Quyết định số 282/QĐ TTg", "Quyết định", "282/QĐ-TTg", "2023-03-23",
          "thu-tuong-chinh-phu")],
    ),
    (
        "party hyphen turned into a space",
        "Chỉ thị 48 CT/TW ngày 22/10/2010 của Bộ Chính trị",
        [("Chỉ thị 48 CT/TW", "Chỉ thị", "48-CT/TW", "2010-10-22", "bo-chinh-tri")],
    ),
    (
        "stray spaces",
        "Tờ trình số 118/TTr- STTTT ngày 3/2/2024; Quyết định số 01 /2018/QĐ-UBND ngày 5/1/2018",
        [
            ("Tờ trình số 118/TTr- STTTT", "Tờ trình", "118/TTr-STTTT", "2024-02-03", None),
            ("Quyết định số 01 /2018/QĐ-UBND", "Quyết định", "01/2018/QĐ-UBND", "2018-01-05",
             None),
        ],
    ),
    (
        "missing spaces",
        "Quyết định số111/QĐ-UBND ngày 01/02/2024 của Chính phủngày",
        [("Quyết định số111/QĐ-UBND", "Quyết định", "111/QĐ-UBND", "2024-02-01", "chinh-phu")],
    ),
    (
        "letter in the number",
        "Nghị quyết 30c/NQ-CP ngày 08/11/2011",
        [("Nghị quyết 30c/NQ-CP", "Nghị quyết", "30c/NQ-CP", "2011-11-08", "chinh-phu")],
    ),
    (
        "ampersand in the symbol",
        "Công văn số 2231/SNV-CCHC&PC ngày 05/9/2023",
        [("Công văn số 2231/SNV-CCHC&PC", "Công văn", "2231/SNV-CCHC&PC", "2023-09-05",
          "so-noi-vu-hai-duong")],
    ),
    (
        "upper-case title",
        "NGHỊ QUYẾT SỐ 11/NQ-CP NGÀY 30/01/2022 CỦA CHÍNH PHỦ",
        [("NGHỊ QUYẾT SỐ 11/NQ-CP", "Nghị quyết", "11/NQ-CP", "2022-01-30", "chinh-phu")],
    ),
    *[
        (
            f"dash look-alike U+{ord(dash):04X}",
            f"Nghị định số 61/2018/NĐ{dash}CP ngày 23{dash}4{dash}2018",
            [(f"Nghị định số 61/2018/NĐ{dash}CP", "Nghị định", "61/2018/NĐ-CP", "2018-04-23",
              "chinh-phu")],
        )
        for dash in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
    ],
    (
        "Đ written as D",
        "Quyết định số 15/QD-UBND ngày 15/01/2024 của UBND tỉnh",
        [("Quyết định số 15/QD-UBND", "Quyết định", "15/QĐ-UBND", "2024-01-15",
          "ubnd-tinh-hai-duong")],
    ),
    (
        "date with dashes",
        "Chỉ thị số 09/CT-TTg ngày 23-02-2023",
        [("Chỉ thị số 09/CT-TTg", "Chỉ thị", "09/CT-TTg", "2023-02-23", "thu-tuong-chinh-phu")],
    ),
    (
        "date in words",
        "Kế hoạch số 15/KH-UBND ngày 20 tháng 01 năm 2023 của UBND tỉnh",
        [("Kế hoạch số 15/KH-UBND", "Kế hoạch", "15/KH-UBND", "2023-01-20",
          "ubnd-tinh-hai-duong")],
    ),
    (
        "partial date without year",
        "Quyết định số 3396/QĐ – UBND ngày 15 tháng 12 của chủ tịch UBND tỉnh Hải Dương",
        [("Quyết định số 3396/QĐ – UBND", "Quyết định", "3396/QĐ-UBND", "--12-15",
          "ubnd-tinh-hai-duong")],
    ),
    (
        "list sharing a type",
        "các Nghị quyết của Hội đồng nhân dân tỉnh: số 340/NQ-HĐND ngày 14/7/2023, "
        "số 160/NQ-HĐND ngày 09/12/2022",
        [
            ("340/NQ-HĐND", "Nghị quyết", "340/NQ-HĐND", "2023-07-14", "hdnd-tinh-hai-duong"),
            ("160/NQ-HĐND", "Nghị quyết", "160/NQ-HĐND", "2022-12-09", "hdnd-tinh-hai-duong"),
        ],
    ),
    (
        "short form",
        "Quyết định số 765/QĐ-BTTTT ngày 26/4/2024. Thực hiện Quyết định số 765 nghiêm túc.",
        [
            ("Quyết định số 765/QĐ-BTTTT", "Quyết định", "765/QĐ-BTTTT", "2024-04-26",
             "bo-thong-tin-va-truyen-thong"),
            ("Quyết định số 765", "Quyết định", "765/QĐ-BTTTT", "2024-04-26",
             "bo-thong-tin-va-truyen-thong"),
        ],
    ),
    (
        "alias",
        "Chỉ thị số 09/CT-TTg ngày 23/02/2023 (sau đây viết tắt là Chỉ thị 09). Thực hiện Chỉ thị 09.",
        [
            ("Chỉ thị số 09/CT-TTg", "Chỉ thị", "09/CT-TTg", "2023-02-23", "thu-tuong-chinh-phu"),
            ("Chỉ thị 09", "Chỉ thị", "09/CT-TTg", "2023-02-23", "thu-tuong-chinh-phu"),
        ],
    ),
    (
        "law by name and date",
        "Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015",
        [("Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015", "Luật", None,
          "2015-06-19", "quoc-hoi")],
    ),
    (
        "type word and symbol disagree",
        "Quyết định 15/KH-UBND ngày 07/02/2022 của UBND tỉnh",
        [("Quyết định 15/KH-UBND", "Quyết định", "15/KH-UBND", "2022-02-07",
          "ubnd-tinh-hai-duong")],
    ),
    (
        "type inferred from the symbol",
        "thực hiện 11/CT-TTg ngày 29/3/2017",
        [("11/CT-TTg", "Chỉ thị", "11/CT-TTg", "2017-03-29", "thu-tuong-chinh-phu")],
    ),
    (
        "ngày glued to the symbol",
        "Quyết định số 15/QĐ-UBNDngày 03/02/2025 của UBND tỉnh",
        [("Quyết định số 15/QĐ-UBND", "Quyết định", "15/QĐ-UBND", "2025-02-03",
          "ubnd-tinh-hai-duong")],
    ),
    (
        "ngày glued to the issuer's level word",
        "Kế hoạch số 15/KH-UBND của UBND tỉnhngày 18/01/2024 về cải cách hành chính",
        [("Kế hoạch số 15/KH-UBND", "Kế hoạch", "15/KH-UBND", "2024-01-18",
          "ubnd-tinh-hai-duong")],
    ),
    (
        "ngày glued to the issuer before the date",
        "Chỉ thị số 09/CT-TTg của Thủ tướng Chính phủngày 23/02/2023",
        [("Chỉ thị số 09/CT-TTg", "Chỉ thị", "09/CT-TTg", "2023-02-23", "thu-tuong-chinh-phu")],
    ),
    (
        "ngày glued to the place name",
        "Quyết định số 3396/QĐ-UBND của UBND tỉnh Hải Dươngngày 15 tháng 12",
        [("Quyết định số 3396/QĐ-UBND", "Quyết định", "3396/QĐ-UBND", "--12-15",
          "ubnd-tinh-hai-duong")],
    ),
    (
        "về glued to the symbol",
        "Nghị quyết số 76/NQ-CPvề chương trình tổng thể",
        [("Nghị quyết số 76/NQ-CP", "Nghị quyết", "76/NQ-CP", None, "chinh-phu")],
    ),
    (
        "type word glued to the number",
        "Căn cứ Nghị định61/2018/NĐ-CP ngày 23/4/2018",
        [("Nghị định61/2018/NĐ-CP", "Nghị định", "61/2018/NĐ-CP", "2018-04-23", "chinh-phu")],
    ),
    ("letters glued to a number are not a type word", "mã ABC12/QĐ-UBND ngày 01/02/2024", []),
    (
        "two laws by name sharing one date",
        "Căn cứ Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 19/6/2015;",
        [
            ("Luật Tổ chức Chính phủ", "Luật", None, "2015-06-19", "quoc-hoi"),
            ("Luật Tổ chức chính quyền địa phương ngày 19/6/2015", "Luật", None, "2015-06-19",
             "quoc-hoi"),
        ],
    ),
    (
        "three laws by name in a list sharing one date",
        "Luật Tổ chức Quốc hội, Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương "
        "ngày 19 tháng 6 năm 2015",
        [
            ("Luật Tổ chức Quốc hội", "Luật", None, "2015-06-19", "quoc-hoi"),
            ("Luật Tổ chức Chính phủ", "Luật", None, "2015-06-19", "quoc-hoi"),
            ("Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015", "Luật", None,
             "2015-06-19", "quoc-hoi"),
        ],
    ),
    (
        "two laws by name with sửa đổi are one amending law",
        "Căn cứ Luật Cán bộ, công chức và Luật Viên chức sửa đổi ngày 25 tháng 11 năm 2019;",
        [("Luật Cán bộ, công chức và Luật Viên chức sửa đổi ngày 25 tháng 11 năm 2019", "Luật",
          None, "2019-11-25", "quoc-hoi")],
    ),
    (
        "law by name with a comma in its name",
        "Luật Cán bộ, công chức ngày 13 tháng 11 năm 2008",
        [("Luật Cán bộ, công chức ngày 13 tháng 11 năm 2008", "Luật", None, "2008-11-13",
          "quoc-hoi")],
    ),
    (
        "joint circular of two ministries",
        "Thông tư liên tịch số 14/2015/TTLT-BNNPTNT-BNV ngày 25/3/2015 của Bộ Nông nghiệp và "
        "Phát triển nông thôn và Bộ Nội vụ",
        [("Thông tư liên tịch số 14/2015/TTLT-BNNPTNT-BNV", "Thông tư liên tịch",
          "14/2015/TTLT-BNNPTNT-BNV", "2015-03-25",
          "bo-nong-nghiep-va-phat-trien-nong-thon, bo-noi-vu")],
    ),
    (
        "joint circular, type from the symbol",
        "hướng dẫn tại 03/2024/TTLT-BTP-BNV ngày 05/02/2024",
        [("03/2024/TTLT-BTP-BNV", "Thông tư liên tịch", "03/2024/TTLT-BTP-BNV", "2024-02-05",
          "bo-tu-phap, bo-noi-vu")],
    ),
    (
        "joint local document keeps unknown abbreviations",
        "Hướng dẫn liên tịch 01/2015/TTLT-SNV-STC",
        [("01/2015/TTLT-SNV-STC", "Thông tư liên tịch", "01/2015/TTLT-SNV-STC", None,
          "so-noi-vu-hai-duong, STC")],
    ),
    (
        "number with its year after the full citation",
        "Nghị định số 61/2018/NĐ-CP ngày 23/4/2018; Nghị định số 107/2020/NĐ-CP ngày 14/9/2020. "
        "Thực hiện Nghị định 61/2018 và Nghị định số 107/2020.",
        [
            ("Nghị định số 61/2018/NĐ-CP", "Nghị định", "61/2018/NĐ-CP", "2018-04-23",
             "chinh-phu"),
            ("Nghị định số 107/2020/NĐ-CP", "Nghị định", "107/2020/NĐ-CP", "2020-09-14",
             "chinh-phu"),
            ("Nghị định 61/2018", "Nghị định", "61/2018/NĐ-CP", "2018-04-23", "chinh-phu"),
            ("Nghị định số 107/2020", "Nghị định", "107/2020/NĐ-CP", "2020-09-14", "chinh-phu"),
        ],
    ),
    (
        "number with its year, no earlier full citation",
        "Thực hiện Nghị định 61/2018 về một cửa.",
        [("Nghị định 61/2018", "Nghị định", None, None, None)],
    ),
    (
        "number with its year before its full citation",
        "Nghị định 61/2018 ngày 23/4/2018 của Chính phủ, tức Nghị định số 61/2018/NĐ-CP",
        [
            ("Nghị định 61/2018", "Nghị định", None, "2018-04-23", "chinh-phu"),
            ("Nghị định số 61/2018/NĐ-CP", "Nghị định", "61/2018/NĐ-CP", None, "chinh-phu"),
        ],
    ),
    (
        "number with its year, earlier citation of another type",
        "Quyết định số 61/2018/QĐ-TTg ngày 02/5/2018; Nghị định 61/2018",
        [
            ("Quyết định số 61/2018/QĐ-TTg", "Quyết định", "61/2018/QĐ-TTg", "2018-05-02",
             "thu-tuong-chinh-phu"),
            ("Nghị định 61/2018", "Nghị định", None, None, None),
        ],
    ),
    (
        "number with its year matching two earlier citations",
        "Quyết định số 22/2020/QĐ-UBND ngày 12/8/2020 và Quyết định số 22/2020/QĐ-TTg ngày "
        "30/7/2020; thực hiện Quyết định 22/2020.",
        [
            ("Quyết định số 22/2020/QĐ-UBND", "Quyết định", "22/2020/QĐ-UBND", "2020-08-12",
             None),
            ("Quyết định số 22/2020/QĐ-TTg", "Quyết định", "22/2020/QĐ-TTg", "2020-07-30",
             "thu-tuong-chinh-phu"),
            ("Quyết định 22/2020", "Quyết định", None, None, None),
        ],
    ),
    ("a period is not a number with its year", "Kế hoạch 2021/2025; ngày 23/4/2018", []),
    (
        "lower-case symbols",
        "Nghị định 61/2018/nđ-cp ngày 23/4/2018 và Nghị quyết 76/nq-cp ngày 15/7/2021",
        [
            ("Nghị định 61/2018/nđ-cp", "Nghị định", "61/2018/NĐ-CP", "2018-04-23",
             "chinh-phu"),
            ("Nghị quyết 76/nq-cp", "Nghị quyết", "76/NQ-CP", "2021-07-15", "chinh-phu"),
        ],
    ),
    (
        "mixed-case symbols",
        "Chỉ thị 09/Ct-TTg ngày 23/02/2023; Quyết định 282/qd-ttg ngày 23/3/2023",
        [
            ("Chỉ thị 09/Ct-TTg", "Chỉ thị", "09/CT-TTg", "2023-02-23", "thu-tuong-chinh-phu"),
            ("Quyết định 282/qd-ttg", "Quyết định", "282/QĐ-TTg", "2023-03-23",
             "thu-tuong-chinh-phu"),
        ],
    ),
    (
        "lower case that is not a symbol",
        "5,5 tấn/ha; 30 km/h; hồ sơ số 1/tt-hc; 2 lần/năm và/hoặc 12 giờ/ngày",
        [],
    ),
    ("header number is the document itself", "Số: 02 /KH-UBND\n\nTiền Tiến, ngày 02 tháng 01 năm 2024\n", []),
    (
        "appendix caption is the document itself",
        "(Kèm theo Kế hoạch số 01 /KH- UBND, ngày 01 tháng 01 năm 2024 của UBND xã Tiên Tiến)",
        [],
    ),
]  # fmt: skip


@pytest.mark.parametrize(("form", "text", "expected"), FORMS, ids=[f[0] for f in FORMS])
def test_form(form, text, expected):
    found = find_citations(text, REGISTRY, HD)
    got = [(c.text, c.type, c.number, c.date.iso if c.date else None, c.issuer) for c in found]
    assert got == expected
    for citation in found:
        assert text[citation.span[0] : citation.span[1]] == citation.text


CANONICAL = [
    ("40/2020/NĐCP", "40/2020/NĐ-CP"),
    ("282/QĐ TTg", "282/QĐ-TTg"),
    ("22- CTTr/TU", "22-CTr/TU"),
    ("52/NQ-TW", "52-NQ/TW"),
    ("48 CT/TW", "48-CT/TW"),
    ("3396/QĐ – UBND", "3396/QĐ-UBND"),
    ("01 /2018/QĐ-UBND", "01/2018/QĐ-UBND"),
    ("15/QD-UBND", "15/QĐ-UBND"),
    ("5/HD-UBND", "5/HD-UBND"),
    ("12/ND-CP", "12/NĐ-CP"),
    ("2231/SNV-CCHC&PC", "2231/SNV-CCHC&PC"),
    ("35/2023/UBTVQH15", "35/2023/UBTVQH15"),
    ("02 /KH-UBND", "02/KH-UBND"),
    ("61/2018/nđ-cp", "61/2018/NĐ-CP"),
    ("76/nq-cp", "76/NQ-CP"),
    ("61/2018/Nđ-Cp", "61/2018/NĐ-CP"),
    ("282/qđ-ttg", "282/QĐ-TTg"),
    ("12/nd-cp", "12/NĐ-CP"),
    ("14/2015/TTLT-BNNPTNT-BNV", "14/2015/TTLT-BNNPTNT-BNV"),
    ("03/2024/TTLT-BTP - BNV", "03/2024/TTLT-BTP-BNV"),
    ("Nghị quyết", "Nghị quyết"),
]


@pytest.mark.parametrize(("written", "canonical"), CANONICAL)
def test_canonical_number(written, canonical):
    assert canonical_number(written) == canonical


WARNINGS = [
    ("Quyết định 15/KH-UBND ngày 07/02/2022", "không khớp ký hiệu"),
    ("Chương trình số 22- CTTr/TU ngày 19/8/2021", "CTTr"),
    ("Nghị quyết số 52/NQ-TW ngày 27/9/2019", "52-NQ/TW"),
    ("Nghị định 61/2018/nđ-cp ngày 23/4/2018", "chữ hoa, chữ thường «61/2018/nđ-cp»"),
    ("Nghị quyết 76/Nq-cp", "đúng là «76/NQ-CP»"),
    ("Thực hiện Nghị định 61/2018.", "chưa được dẫn đầy đủ"),
    (
        "Quyết định số 22/2020/QĐ-UBND; Quyết định số 22/2020/QĐ-TTg; Quyết định 22/2020",
        "22/2020/QĐ-TTg, 22/2020/QĐ-UBND",
    ),
    ("Luật Cán bộ, công chức và Luật Viên chức sửa đổi ngày 25/11/2019", "luật sửa đổi"),
]


@pytest.mark.parametrize(("text", "fragment"), WARNINGS)
def test_warnings(text, fragment):
    citation = find_citations(text, REGISTRY, HD)[-1]
    assert any(fragment in w for w in citation.warnings)


NO_WARNING = [
    "Nghị định số 61/2018/NĐ-CP ngày 23/4/2018",
    "Quyết định số 15/QĐ-UBNDngày 03/02/2025 của UBND tỉnhngày",
    "Thông tư liên tịch số 14/2015/TTLT-BNNPTNT-BNV ngày 25/3/2015",
    "Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 19/6/2015",
    "Chỉ thị 09/CT-TTg ngày 23/02/2023; Quy định 15/QĐi-UBND",
]


@pytest.mark.parametrize("text", NO_WARNING)
def test_no_warning_on_clean_citation(text):
    found = find_citations(text, REGISTRY, HD)
    assert found
    assert [c.warnings for c in found] == [[] for _ in found]


# (text, [(name, id), …]) of laws cited by name: each name as the law is called.
LAW_NAMES = [
    (
        "Căn cứ Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 19/6/2015;",
        [
            ("Luật Tổ chức Chính phủ", "luat-to-chuc-chinh-phu-2015"),
            ("Luật Tổ chức chính quyền địa phương", "luat-to-chuc-chinh-quyen-dia-phuong-2015"),
        ],
    ),
    (
        "Căn cứ Luật Cán bộ, công chức và Luật Viên chức sửa đổi ngày 25 tháng 11 năm 2019;",
        [("Luật Cán bộ, công chức và Luật Viên chức sửa đổi", None)],
    ),
    (
        "Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính "
        "quyền địa phương ngày 22 tháng 11 năm 2019",
        [
            ("Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức "
             "chính quyền địa phương", None),
        ],
    ),
    (
        "Luật Tổ chức Chính phủ ngày 19/6/2015 và Luật Tổ chức chính quyền địa phương ngày "
        "22/11/2019",
        [("Luật Tổ chức Chính phủ", "luat-to-chuc-chinh-phu-2015"),
         ("Luật Tổ chức chính quyền địa phương", None)],
    ),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), LAW_NAMES)
def test_law_names(text, expected):
    found = find_citations(text, REGISTRY, HD)
    assert [(c.name, c.id) for c in found] == expected
    assert all(c.number is None and c.kind == "legal" for c in found)


def test_joint_issuers_as_written():
    text = "Thông tư liên tịch số 03/2024/TTLT-BTP-BNV của Bộ Tư pháp, Bộ Nội vụ ngày 05/02/2024"
    (citation,) = find_citations(text, REGISTRY, HD)
    assert citation.issuer_text == "Bộ Tư pháp, Bộ Nội vụ"
    assert citation.kind == "legal" and citation.id is None


def test_number_with_year_is_never_guessed():
    # The symbol of a Nghị định is always NĐ-CP, yet without a full citation it is not written.
    (citation,) = find_citations("Nghị định 61/2018 về một cửa", REGISTRY, HD)
    assert (citation.number, citation.id, citation.kind) == (None, None, "legal")
