"""The importer, piece by piece on the forms real texts take, and the seeds end to end."""

from __future__ import annotations

import codecs
from functools import cache
from pathlib import Path

import pytest
import yaml

from cchc_kb import importer as imp
from cchc_kb.cli import main as cli_main
from cchc_kb.importer import body
from cchc_kb.importer.lines import proper_names
from cchc_kb.importer.signature import unfold_side_by_side
from cchc_kb.model.text import read_text
from cchc_kb.source.repository import load_agencies

ROOT = Path(__file__).resolve().parent.parent

# (source beside its plan, --agency, committed plan)
SEEDS = [
    (
        "plans/so-xay-dung-hai-duong/2025/000_83354d3036c33705.txt",
        None,
        "plans/so-xay-dung-hai-duong/2025/so-xay-dung-hai-duong-2025-tuyen-truyen-cchc.md",
    ),
    (
        "plans/so-xay-dung-thai-binh/2022/001_d2843fe3fe1389f0.txt",
        None,
        "plans/so-xay-dung-thai-binh/2022/so-xay-dung-thai-binh-2022-tuyen-truyen-cchc.md",
    ),
    (
        "plans/ubnd-xa-tien-tien/2024/002_b03aa447001753c0.txt",
        None,
        "plans/ubnd-xa-tien-tien/2024/ubnd-xa-tien-tien-2024-tuyen-truyen-cchc.md",
    ),
    (
        "plans/so-xay-dung-dong-nai/2021/003_9fb4ab6f11e7a9df.txt",
        "so-xay-dung-dong-nai",
        "plans/so-xay-dung-dong-nai/2021/so-xay-dung-dong-nai-2021-tuyen-truyen-cchc.md",
    ),
    (
        "plans/so-noi-vu-hung-yen/2023/004_ebd926cc18a967e2.txt",
        None,
        "plans/so-noi-vu-hung-yen/2023/so-noi-vu-hung-yen-2023-tuyen-truyen-cchc.md",
    ),
]
SEED_IDS = [Path(s[2]).stem for s in SEEDS]


@cache
def agencies():
    found, diagnostics = load_agencies(ROOT)
    assert diagnostics == []
    return found


@cache
def registries() -> imp.Registries:
    return imp.Registries.load(ROOT)


@cache
def imported(index: int) -> imp.Imported:
    source, agency, _ = SEEDS[index]
    text = read_text((ROOT / source).read_bytes())
    return imp.import_text(
        text, source_name=Path(source).name, registries=registries(), agency=agency
    )


# ---------------------------------------------------------------------------------------------
# Header


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("/KH-SXD", None),
        (" /KH - SNV", None),
        ("02 /KH-UBND", "02/KH-UBND"),
        ("15/KH-UBND", "15/KH-UBND"),
        ("236 / KH - UBND", "236/KH-UBND"),
        ("", None),
    ],
)
def test_parse_number(value, expected):
    assert imp.parse_number(value) == expected


@pytest.mark.parametrize(
    ("line", "place", "iso"),
    [
        ("Hải Dương, ngày tháng 01 năm 2025", "Hải Dương", "2025-01"),
        ("Thái Bình, ngày tháng 02 năm 2022", "Thái Bình", "2022-02"),
        ("Tiền Tiến, ngày 02 tháng 01 năm 2024", "Tiền Tiến", "2024-01-02"),
        ("Hung Yên, ngày tháng năm 2023", "Hung Yên", "2023"),
        ("**Hà Nội, ngày 5 tháng 9 năm 2021**", "Hà Nội", "2021-09-05"),
        ("Hà Nội, ngày 31 tháng 02 năm 2022", "Hà Nội", None),  # impossible: left to a person
    ],
)
def test_parse_place_date(line, place, iso):
    got_place, got_date = imp.parse_place_date(line)
    assert got_place == place
    assert (got_date.iso if got_date else None) == iso


@pytest.mark.parametrize("line", ["Căn cứ Kế hoạch số 236/KH-UBND ngày 15/01/2025", "Số: /KH"])
def test_parse_place_date_ignores_other_lines(line):
    assert imp.parse_place_date(line) is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "## **KẾ HOẠCH TUYÊN TRUYỀN** **Cải cách hành chính của Sở Xây dựng năm 2025**",
            ("Kế hoạch", "TUYÊN TRUYỀN Cải cách hành chính của Sở Xây dựng năm 2025"),
        ),
        ("KẾ HOẠCH", ("Kế hoạch", "")),
        (" KẾ HOẠCH   ", ("Kế hoạch", "")),
        ("**KẾ HOẠCH**  ", ("Kế hoạch", "")),
        ("## KẾ HOẠCH", ("Kế hoạch", "")),
        ("QUYẾT ĐỊNH", ("Quyết định", "")),
        ("Kế hoạch số 236/KH-UBND", None),
        ("KẾ HOẠCHX", None),
    ],
)
def test_split_type(line, expected):
    assert imp.split_type(line) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        (
            "TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH NĂM 2022 CỦA SỞ XÂY DỰNG THÁI BÌNH",
            "Tuyên truyền cải cách hành chính năm 2022 của Sở Xây dựng Thái Bình",
        ),
        (
            "TUYÊN TRUYỀN Cải cách hành chính của Sở Xây dựng năm 2025",
            "Tuyên truyền Cải cách hành chính của Sở Xây dựng năm 2025",
        ),
        ("Tuyên truyền cải cách hành chính năm 2023", "Tuyên truyền cải cách hành chính năm 2023"),
        (
            "KẾ HOẠCH CỦA ỦY BAN NHÂN DÂN XÃ TIỀN TIẾN",
            "Kế hoạch của Ủy ban nhân dân xã Tiền Tiến",
        ),
    ],
)
def test_sentence_case_keeps_proper_names(title, expected):
    assert imp.sentence_case(title, proper_names(agencies())) == expected


def test_parse_header_of_a_full_header():
    lines = [
        "",
        "Số: 02 /KH-UBND",
        "",
        "Tiền Tiến, ngày 02 tháng 01 năm 2024",
        "## KẾ HOẠCH",
        "### Tuyên truyền về Cải cách hành chính năm 2024",
    ]
    header = imp.parse_header(lines)
    assert header.number == "02/KH-UBND"
    assert header.number_text == "Số: 02 /KH-UBND"
    assert header.place == "Tiền Tiến"
    assert header.date.iso == "2024-01-02"
    assert header.doc_type == "Kế hoạch"
    assert header.title == ["Tuyên truyền về Cải cách hành chính năm 2024"]


# ---------------------------------------------------------------------------------------------
# Signature and recipients


@pytest.mark.parametrize(
    ("block", "title", "name"),
    [
        (
            "**KT. GIÁM ĐỐC  \nPHÓ GIÁM ĐỐC**\n\n**Phạm Cửu Long**",
            "KT. Giám đốc, Phó Giám đốc",
            "Phạm Cửu Long",
        ),
        (
            "**KT.GIÁM ĐỐC\nPHÓ GIÁM ĐỐC**\n\nĐào Duy Thái",
            "KT. Giám đốc, Phó Giám đốc",
            "Đào Duy Thái",
        ),
        (
            "TM. ỦY BAN NHÂN DÂN\n\nCHỦ TỊCH\n\n\n\nLê Thị Hợp",
            "TM. Ủy ban nhân dân, Chủ tịch",
            "Lê Thị Hợp",
        ),
        (
            "KT. GIÁM ĐỐC \n\nPHÓ GIÁM ĐỐC \n\n \n\n \n\nĐỗ Thành Phương  \n ",
            "KT. Giám đốc, Phó Giám đốc",
            "Đỗ Thành Phương",
        ),
        ("KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn A", "KT. Chủ tịch, Phó Chủ tịch", "Nguyễn Văn A"),
        ("TL. GIÁM ĐỐC\nCHÁNH VĂN PHÒNG\n\nTrần B", "TL. Giám đốc, Chánh văn phòng", "Trần B"),
        (
            "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nHoàng Văn Cường",
            "TM. Ủy ban nhân dân, KT. Chủ tịch, Phó Chủ tịch",
            "Hoàng Văn Cường",
        ),
        # The name lost (a web page's text): what follows is no part of the signature.
        ("KT. BỘ TRƯỞNG |\nKẾ HOẠCH\nTHỰC HIỆN CHƯƠNG TRÌNH", "KT. Bộ trưởng", None),
        (
            "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n(Kèm theo Kế hoạch số 3/KH-SNV)",
            "KT. Giám đốc, Phó Giám đốc",
            None,
        ),
    ],
)
def test_parse_signature(block, title, name):
    found = imp.parse_signature(["Nội dung./.", "", *block.split("\n")])
    assert found is not None
    start, _, got_title, got_name = found
    assert start == 2
    assert (got_title, got_name) == (title, name)


@pytest.mark.parametrize("line", ["TM. là chữ viết tắt của thay mặt", "KT chưa có dấu chấm"])
def test_parse_signature_needs_a_prefix_and_capitals(line):
    assert imp.parse_signature([line, "Nguyễn Văn A"]) is None


@pytest.mark.parametrize(
    ("block", "items"),
    [
        (
            "#### ***Nơi nhận:***\n\n- Sở Nội vụ;\n- Lãnh đạo Sở;\n- Lưu: VP, (N.Hà).\n\n**KT. GIÁM ĐỐC",
            ["Sở Nội vụ", "Lãnh đạo Sở", "Lưu: VP, (N.Hà)"],
        ),
        (
            "Nơi nhận:                  \n- Sở Nội vụ; \n\n- Ban Giám đốc Sở; \n\n- Lưu: VT, VP. CCHC \n"
            " \n\nKT. GIÁM ĐỐC",
            ["Sở Nội vụ", "Ban Giám đốc Sở", "Lưu: VT, VP. CCHC"],
        ),
        (
            "### Nơi nhận:\n\n- UBND tỉnh (để b/c);\n- Lưu: VT, VP.",
            ["UBND tỉnh (để b/c)", "Lưu: VT, VP"],
        ),
    ],
)
def test_parse_recipients(block, items):
    found = imp.parse_recipients(block.split("\n"))
    assert found is not None
    assert found[2] == items


# Recipients on the left, the signature on the right, flattened one line each: (lines, the
# recipients, chức danh, người ký). Wide gaps as a layout-keeping extractor writes them, single
# spaces as a PDF text layer gives them, cell borders as a table printed as text.
SIDE_BY_SIDE = [
    (
        [
            "Nơi nhận:                              KT. CHỦ TỊCH",
            "- Như trên;                            PHÓ CHỦ TỊCH",
            "- Thường trực Huyện ủy;",
            "- Lưu: VT, VP.",
            "",
            "                                       Đinh Quang Khải",
        ],
        ["Như trên", "Thường trực Huyện ủy", "Lưu: VT, VP"],
        "KT. Chủ tịch, Phó Chủ tịch",
        "Đinh Quang Khải",
    ),
    (
        [
            "Nơi nhận: KT. CHỦ TỊCH",
            "- Phòng Nội vụ huyện; PHÓ CHỦ TỊCH",
            "- Lưu: VT.",
            "Vũ Thị Mai",
        ],
        ["Phòng Nội vụ huyện", "Lưu: VT"],
        "KT. Chủ tịch, Phó Chủ tịch",
        "Vũ Thị Mai",
    ),
    (
        [
            "**Nơi nhận:** **TM. ỦY BAN NHÂN DÂN**",
            "- UBND huyện (để b/c); **CHỦ TỊCH**",
            "- Đảng ủy, HĐND xã;",
            "- Lưu: VP. **Hà Văn Tuấn**",
        ],
        ["UBND huyện (để b/c)", "Đảng ủy, HĐND xã", "Lưu: VP"],
        "TM. Ủy ban nhân dân, Chủ tịch",
        "Hà Văn Tuấn",
    ),
    (
        [
            "Nơi nhận: | KT. GIÁM ĐỐC",
            "- Các phòng, đơn vị | PHÓ GIÁM ĐỐC",
            "thuộc Sở;",
            "- Lưu: VT, CCHC.",
            " | Lò Văn Sơn",
        ],
        ["Các phòng, đơn vị thuộc Sở", "Lưu: VT, CCHC"],
        "KT. Giám đốc, Phó Giám đốc",
        "Lò Văn Sơn",
    ),
    (
        [
            "                                        TL. BỘ TRƯỞNG",
            "Nơi nhận:                               VỤ TRƯỞNG VỤ PHÁP CHẾ",
            "- Văn phòng Chính phủ;",
            "- Lưu: VT, PC.                          Mai Xuân Trường",
        ],
        ["Văn phòng Chính phủ", "Lưu: VT, PC"],
        "TL. Bộ trưởng, Vụ trưởng vụ pháp chế",
        "Mai Xuân Trường",
    ),
]


@pytest.mark.parametrize(("lines", "items", "title", "name"), SIDE_BY_SIDE)
def test_recipients_beside_the_signature(lines, items, title, name):
    unfolded = unfold_side_by_side(
        ["Kế hoạch này thực hiện từ ngày ký./.", "", *lines, "", "PHỤ LỤC"]
    )
    assert unfolded[-1] == "PHỤ LỤC"
    recipients = imp.parse_recipients(unfolded)
    signature = imp.parse_signature(unfolded)
    assert recipients is not None and signature is not None
    assert recipients[2] == items
    assert signature[2:] == (title, name)


@pytest.mark.parametrize(
    "lines",
    [
        ["Nơi nhận:", "- Sở Nội vụ;", "- Lưu: VT.", "", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "", "Lê B"],
        ["Nơi nhận hồ sơ: Bộ phận một cửa của UBND xã.", "KT. GIÁM ĐỐC", "Lê Văn Bình"],
        ["Nơi nhận:", "- Sở Nội vụ;", "- Lưu: VT, VP."],
    ],
    ids=["columns-apart", "prose", "no-signature"],
)
def test_other_layouts_are_left_as_they_are(lines):
    assert unfold_side_by_side(lines) == lines


def test_side_by_side_signature_in_a_whole_import():
    text = "\n".join(
        [
            "UBND TỈNH HẢI DƯƠNG", "SỞ XÂY DỰNG", "Số: 21/KH-SXD",
            "Hải Dương, ngày 4 tháng 3 năm 2024", "KẾ HOẠCH", "Cải cách hành chính năm 2024",
            "Căn cứ tình hình thực tế, Sở Xây dựng ban hành kế hoạch.",
            "Kế hoạch này thực hiện từ ngày ký./.",
            "Nơi nhận: KT. GIÁM ĐỐC", "- Sở Nội vụ; PHÓ GIÁM ĐỐC", "- Lưu: VT, VP. Trần Văn Nam",
        ]
    )  # fmt: skip
    result = imp.import_text(text, source_name="kh.txt", registries=registries())
    assert result.fields["nguoi_ky"] == "Trần Văn Nam"
    assert result.fields["chuc_danh"] == "KT. Giám đốc, Phó Giám đốc"
    assert result.fields["noi_nhan"] == ["Sở Nội vụ", "Lưu: VT, VP"]
    assert result.body.endswith(
        "**Nơi nhận:**\n\n- Sở Nội vụ;\n- Lưu: VT, VP.\n\n"
        "**KT. GIÁM ĐỐC**\n\n**PHÓ GIÁM ĐỐC**\n\n**Trần Văn Nam**\n"
    )


# ---------------------------------------------------------------------------------------------
# Body

EMPTY_HEADER = imp.Header()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I. MỤC ĐÍCH, YÊU CẦU", "## I. MỤC ĐÍCH, YÊU CẦU"),
        ("### **I. MỤC ĐÍCH, YÊU CẦU**", "## I. MỤC ĐÍCH, YÊU CẦU"),
        ("**1. Mục đích**", "### 1. Mục đích"),
        ("#### **1. Mục đích:**", "### 1. Mục đích:"),
        ("## **2. Hình thức tuyên truyền**", "### 2. Hình thức tuyên truyền"),
        ("1.1. Nội dung tuyên truyền  ", "#### 1.1. Nội dung tuyên truyền"),
        (
            "4. Thời gian thực hiện tuyên truyền: Thường xuyên trong năm 2024.",
            "4. Thời gian thực hiện tuyên truyền: Thường xuyên trong năm 2024.",
        ),
        (
            "12. Tuyên truyền vai trò của hiện đại hóa nền hành chính góp phần công khai, minh bạch,"
            " tăng cường giám sát",
            "12. Tuyên truyền vai trò của hiện đại hóa nền hành chính góp phần công khai, minh bạch,"
            " tăng cường giám sát",
        ),
        ("a. Tuyên truyền, phổ biến.", "a. Tuyên truyền, phổ biến."),
        ("**3. Đối tượng:** Là cán bộ.", "**3. Đối tượng:** Là cán bộ."),
    ],
)
def test_headings_take_their_level_from_the_numbering(text, expected):
    assert imp.convert_body([text], EMPTY_HEADER).strip() == expected


@pytest.mark.parametrize(
    ("lines", "hard", "expected"),
    [
        # A sentence broken before a lower-case word is joined, whatever the layout.
        (
            ["- bằng nhiều hình thức, nội", "", "dung phong phú."],
            False,
            ["- bằng nhiều hình thức, nội dung phong phú."],
        ),
        # A list item or a new numbered item starts a new paragraph.
        (["- Một;", "- Hai;"], True, ["- Một;", "- Hai;"]),
        (
            ["### 1. Nội dung tuyên truyền", "a. Tuyên truyền."],
            False,
            ["### 1. Nội dung tuyên truyền", "a. Tuyên truyền."],
        ),
        # Hard-wrapped (PDF): an upper-case word can go on with the sentence ...
        (
            ["- Nghị định của Chính ", "", "Phủ quy định;"],
            True,
            ["- Nghị định của Chính Phủ quy định;"],
        ),
        (
            ["Trên đây là kế hoạch năm", "", "2021 của Sở./."],
            True,
            ["Trên đây là kế hoạch năm 2021 của Sở./."],
        ),
        # ... but not after a heading or after a finished sentence.
        (
            ["1.1. Nội dung tuyên truyền", "", "Các văn bản:"],
            True,
            ["#### 1.1. Nội dung tuyên truyền", "Các văn bản:"],
        ),
        (["Một câu xong.", "Câu khác."], True, ["Một câu xong.", "Câu khác."]),
        # A list item broken after ";" goes on in lower case.
        (
            ["- Hướng dẫn cách thức;", "", "các tiện ích mới."],
            True,
            ["- Hướng dẫn cách thức; các tiện ích mới."],
        ),
        # Without the PDF layout, lines are kept apart.
        (
            ["- Nghị định của Chính", "", "Phủ quy định;"],
            False,
            ["- Nghị định của Chính", "Phủ quy định;"],
        ),
    ],
)
def test_line_joining(lines, hard, expected):
    paras = body._render_paras(body._join(lines, hard))
    assert paras == expected


def test_appendix_title_and_table():
    lines = [
        "PHỤ LỤC THỰC HIỆN CÁC NHIỆM VỤ  ",
        "TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH NĂM 2024",
        "",
        "(Kèm theo Kế hoạch số 01 /KH- UBND)",
        "",
        "STT\tNỘI DUNG\tSẢN PHẨM",
        "1\tCập nhật | đăng tin\tTin, bài",
        "2\tBáo cáo",
    ]
    body = imp.convert_body(lines, EMPTY_HEADER)
    assert body == (
        "## PHỤ LỤC THỰC HIỆN CÁC NHIỆM VỤ TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH NĂM 2024\n\n"
        "(Kèm theo Kế hoạch số 01 /KH- UBND)\n\n"
        "| STT | NỘI DUNG | SẢN PHẨM |\n"
        "| --- | --- | --- |\n"
        "| 1 | Cập nhật \\| đăng tin | Tin, bài |\n"
        "| 2 | Báo cáo |  |\n"
    )


@pytest.mark.parametrize(
    ("index", "hard"), [(0, False), (1, False), (2, False), (3, True), (4, False)]
)
def test_only_the_pdf_extract_counts_as_hard_wrapped(index, hard):
    text = read_text((ROOT / SEEDS[index][0]).read_bytes())
    assert imp.is_hard_wrapped(text.split("\n")) is hard


# ---------------------------------------------------------------------------------------------
# Issuer, id


@pytest.mark.parametrize(
    ("paragraph", "body"),
    [
        (
            "Thực hiện Kế hoạch số 205/KH-UBND ngày 23/12/2022 của UBND tỉnh Hưng Yên ban hành Kế "
            "hoạch tuyên truyền; Sở Nội vụ xây dựng Kế hoạch tuyên truyền",
            "Sở Nội vụ",
        ),
        (
            "Ủy ban nhân dân xã Tiền Tiến xây dựng kế hoạch thực hiện",
            "Ủy ban nhân dân xã Tiền Tiến",
        ),
        ("của Tỉnh, Sở Xây dựng xây dựng kế hoạch CCHC năm 2025", "Sở Xây dựng"),
        ("năm 2021; Sở Xây dựng ban hành Kế hoạch thông tin", "Sở Xây dựng"),
        ("Không nêu cơ quan nào.", None),
    ],
)
def test_find_issuing_body(paragraph, body):
    assert imp.find_issuing_body([paragraph], "") == body


def test_find_issuing_body_falls_back_to_the_title():
    title = "Tuyên truyền cải cách hành chính năm 2022 của Sở Xây dựng Thái Bình"
    assert imp.find_issuing_body([], title) == "Sở Xây dựng Thái Bình"


@pytest.mark.parametrize(
    ("body", "place", "expected"),
    [
        ("Sở Xây dựng", "Hải Dương", "so-xay-dung-hai-duong"),
        ("Sở Xây dựng", "Thái Bình", "so-xay-dung-thai-binh"),
        ("Sở Xây dựng Thái Bình", None, "so-xay-dung-thai-binh"),
        ("Sở Nội vụ", "Hung Yên", "so-noi-vu-hung-yen"),  # misprinted place still matches
        ("Ủy ban nhân dân xã Tiền Tiến", "Tiền Tiến", "ubnd-xa-tien-tien"),
        ("UBND thành phố Hải Dương", None, "ubnd-tp-hai-duong"),
        ("Sở Xây dựng", None, None),  # four provinces have one: not enough to choose
        ("Sở Tư pháp", "Hải Dương", None),
        (None, "Hải Dương", None),
    ],
)
def test_match_agency(body, place, expected):
    assert imp.match_agency(body, place, agencies()) == expected


@pytest.mark.parametrize(
    ("agency", "year", "summary", "expected"),
    [
        (
            "so-xay-dung-hai-duong",
            2025,
            "Tuyên truyền Cải cách hành chính của Sở Xây dựng năm 2025",
            "so-xay-dung-hai-duong-2025-tuyen-truyen-cchc",
        ),
        (
            "so-noi-vu-hung-yen",
            2023,
            "Cải cách hành chính năm 2023",
            "so-noi-vu-hung-yen-2023-cchc",
        ),
        (
            "so-noi-vu-hung-yen",
            2023,
            "Phòng, chống thiên tai năm 2023",
            "so-noi-vu-hung-yen-2023-phong-chong-thien-tai",
        ),
        (None, 2023, "Tuyên truyền", "004-ebd926cc18a967e2"),
    ],
)
def test_derive_id(agency, year, summary, expected):
    assert imp.derive_id(agency, year, summary, "004_ebd926cc18a967e2") == expected


# ---------------------------------------------------------------------------------------------
# Front-matter writing


def test_front_matter_reads_back_with_dates_as_strings():
    data = {
        "id": "so-xay-dung-hai-duong-2025-tuyen-truyen-cchc",
        "so_ky_hieu": None,
        "trich_yeu": 'Có dấu "ngoặc": và #',
        "ngay_ban_hanh": "2025-01",
        "nam": 2025,
        "can_cu": ["61-2018-nd-cp"],
        "linh_vuc": [],
        "stub": False,
        "nguon_thong_tin": [{"truong": ["id", "nam"], "nguon": "Nhập tay", "da_kiem_tra": True}],
        "tinh_trang_hieu_luc": {"trang_thai": "Chưa rõ", "tu_ngay": None},
    }
    text = imp.format_front_matter(data)
    assert text.startswith("---\nid: so-xay-dung-hai-duong-2025-tuyen-truyen-cchc\n")
    back, body = imp.read_front_matter(text + "\nThân.\n")
    assert back == data
    assert body == "Thân.\n"
    assert yaml.safe_load(text.strip().strip("-")) == data


# ---------------------------------------------------------------------------------------------
# The seeds, end to end


# Fields a person curated in the committed seed plans; the importer never writes them.
CURATED_FIELDS = {"linh_vuc", "ghi_chu", "nguon_goc", "nguon_thong_tin"}


@pytest.mark.parametrize("index", range(len(SEEDS)), ids=SEED_IDS)
def test_import_reproduces_the_committed_plan(index):
    """Every field the importer derives, and the body, equal the committed file; the only other
    fields in it are the curated ones."""
    result = imported(index)
    committed, body = imp.read_front_matter((ROOT / SEEDS[index][2]).read_text(encoding="utf-8"))
    assert set(committed) - set(imp.DERIVED_FIELDS) == CURATED_FIELDS
    for key in imp.DERIVED_FIELDS:
        assert result.fields[key] == committed.get(key), key
    assert result.body == body
    assert result.warnings == []


def test_seed_003_without_agency_is_left_for_a_person():
    source = ROOT / SEEDS[3][0]
    result = imp.import_text(
        read_text(source.read_bytes()), source_name=source.name, registries=registries()
    )
    assert result.fields["co_quan_ban_hanh"] is None
    assert result.issuing_body == "Sở Xây dựng"
    assert any("--agency" in w for w in result.warnings)


@pytest.mark.parametrize(
    "encode",
    [
        lambda t: codecs.BOM_UTF8 + t.replace("\n", "\r\n").encode("utf-8"),
        lambda t: t.encode("utf-16"),
    ],
    ids=["bom-crlf", "utf-16"],
)
def test_re_encoded_source_imports_the_same(encode):
    source = ROOT / SEEDS[2][0]
    data = encode(read_text(source.read_bytes()))
    again = imp.import_text(read_text(data), source_name=source.name, registries=registries())
    assert again.fields == imported(2).fields
    assert again.body == imported(2).body


def test_import_file_writes_copies_and_keeps_hand_fields(tmp_path):
    source = ROOT / SEEDS[4][0]
    path = imp.import_file(source, tmp_path, registries=registries()).path
    assert path == tmp_path / "so-noi-vu-hung-yen" / "2023" / f"{SEED_IDS[4]}.md"
    assert (path.parent / source.name).read_bytes() == source.read_bytes()
    first, _ = imp.read_front_matter(path.read_text(encoding="utf-8"))
    assert first["nguon_thong_tin"][0]["da_kiem_tra"] is False
    # A person adds areas and notes and corrects nothing else; a re-import keeps them.
    first["linh_vuc"] = ["the_che"]
    first["ghi_chu"] = ["Ghi chú của người nhập."]
    first["trich_yeu"] = "Sửa tay sẽ bị thay bằng trích yếu trích từ văn bản"
    path.write_text(imp.render(first, "thân cũ\n"), encoding="utf-8")
    imp.import_file(source, tmp_path, registries=registries(), force=True)
    second, body = imp.read_front_matter(path.read_text(encoding="utf-8"))
    assert second["linh_vuc"] == ["the_che"]
    assert second["ghi_chu"] == ["Ghi chú của người nhập."]
    assert second["trich_yeu"] == "Tuyên truyền cải cách hành chính năm 2023"
    assert body == imported(4).body


def test_cli_prints_to_stdout(capsys):
    status = cli_main(["import", str(ROOT / SEEDS[1][0]), "--out", "-", "--root", str(ROOT)])
    out = capsys.readouterr().out
    assert status == 0
    assert out.startswith("---\nid: so-xay-dung-thai-binh-2022-tuyen-truyen-cchc\n")
    front, _ = imp.read_front_matter(out)
    assert front["chuc_danh"] == "KT. Giám đốc, Phó Giám đốc"


def test_cli_warns_when_the_agency_is_unknown(tmp_path, capsys):
    status = cli_main(
        ["import", str(ROOT / SEEDS[3][0]), "--out", str(tmp_path), "--root", str(ROOT)]
    )
    err = capsys.readouterr().err
    assert status == 0
    assert "warning: import: không xác định được cơ quan ban hành" in err
    written = list(tmp_path.glob("*.md"))
    assert [p.name for p in written] == ["003-9fb4ab6f11e7a9df.md"]


def test_cli_reports_a_damaged_file_and_leaves_nothing(tmp_path, capsys):
    docx = tmp_path / "ke-hoach.docx"
    docx.write_bytes(b"PK")
    out = tmp_path / "out"
    assert cli_main(["import", str(docx), "--out", str(out), "--root", str(ROOT)]) == 1
    err = capsys.readouterr().err
    assert f"{docx}:1: error: import: tệp .docx hỏng" in err
    assert "lỗi 1 tệp" in err
    assert not out.exists() or list(out.rglob("*")) == []


def test_cli_names_the_formats_it_reads(tmp_path, capsys):
    odt = tmp_path / "ke-hoach.odt"
    odt.write_bytes(b"x")
    assert cli_main(["import", str(odt), "--out", "-", "--root", str(ROOT)]) == 1
    assert "chưa hỗ trợ định dạng .odt; đọc được: .doc, .docx" in capsys.readouterr().err


def test_yaml_keeps_strings_that_look_like_numbers():
    """A hand-written emitter once wrote 0x1f bare, which YAML reads back as 31."""
    data = {"id": "a", "so_ky_hieu": "0x1f", "dia_danh": "1e3", "trich_yeu": "yes", "nam": 2025}
    back, _ = imp.read_front_matter(imp.format_front_matter(data) + "\n")
    assert back == data


def test_cli_never_overwrites_without_force(tmp_path, capsys):
    source = str(ROOT / SEEDS[1][0])
    args = ["import", source, "--out", str(tmp_path), "--root", str(ROOT)]
    assert cli_main(args) == 0
    written = next(tmp_path.rglob("*.md"))
    written.write_text(written.read_text("utf-8") + "sửa tay\n", "utf-8")
    assert cli_main(args) == 1
    assert "dùng --force" in capsys.readouterr().err
    assert written.read_text("utf-8").endswith("sửa tay\n")
    assert cli_main([*args, "--force"]) == 0
    assert not written.read_text("utf-8").endswith("sửa tay\n")


def test_cli_refuses_two_inputs_with_one_id(tmp_path, capsys):
    source = ROOT / SEEDS[1][0]
    twin = tmp_path / "ban-sao.txt"
    twin.write_bytes(source.read_bytes())
    out = tmp_path / "out"
    args = ["import", str(source), str(twin), "--out", str(out), "--root", str(ROOT)]
    assert cli_main(args) == 1
    err = capsys.readouterr().err
    assert "nhiều tệp cùng ra mã kế hoạch 'so-xay-dung-thai-binh-2022-tuyen-truyen-cchc'" in err
    assert "Đã nhập 0 tệp (0 có cảnh báo), lỗi 2 tệp." in err
    assert not out.exists()


def test_cli_failed_write_leaves_nothing_behind(tmp_path, capsys):
    """The plan is written, then its source copy fails (a folder has the copy's name): the plan
    is taken back, no temporary file stays, and a re-import with --force keeps the old plan."""
    source = ROOT / SEEDS[1][0]
    out = tmp_path / "out"
    folder = out / "so-xay-dung-thai-binh" / "2022"
    (folder / source.name).mkdir(parents=True)
    args = ["import", str(source), "--out", str(out), "--root", str(ROOT)]
    assert cli_main(args) == 1
    err = capsys.readouterr().err
    assert f"{source}:1: error: import: " in err
    assert "Đã nhập 0 tệp (0 có cảnh báo), lỗi 1 tệp." in err
    assert sorted(p.relative_to(out) for p in out.rglob("*")) == [
        Path("so-xay-dung-thai-binh"),
        Path("so-xay-dung-thai-binh/2022"),
        Path("so-xay-dung-thai-binh/2022") / source.name,
    ]
    plan = folder / f"{SEED_IDS[1]}.md"
    plan.write_text("---\nid: cũ\n---\n", "utf-8")
    assert cli_main([*args, "--force"]) == 1
    assert plan.read_text("utf-8") == "---\nid: cũ\n---\n"
    assert [p.name for p in folder.iterdir() if p.name.startswith(".")] == []


def test_new_folders_of_a_failed_write_are_removed(tmp_path):
    out = tmp_path / "out"
    blocker = out / "a" / "b" / "c.md"
    blocker.mkdir(parents=True)  # the second file cannot replace a folder
    with pytest.raises(IsADirectoryError):
        imp.write_together([(out / "x" / "y" / "p.md", b"1"), (blocker, b"2")])
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == ["a", "a/b", "a/b/c.md"]


def test_cli_shows_progress_for_many_files_and_a_summary_with_each_failure(tmp_path, capsys):
    damaged = tmp_path / "hong.docx"
    damaged.write_bytes(b"PK")
    odt = tmp_path / "ke-hoach.odt"
    odt.write_bytes(b"x")
    sources = [str(ROOT / SEEDS[i][0]) for i in (0, 1, 4)] + [str(damaged), str(odt)]
    out = tmp_path / "out"
    assert cli_main(["import", *sources, "--out", str(out), "--root", str(ROOT)]) == 1
    err = capsys.readouterr().err
    assert "Đọc: 100%" in err and "5/5" in err
    summary = err[err.index("Đã nhập") :].splitlines()
    assert summary[0] == "Đã nhập 3 tệp (0 có cảnh báo), lỗi 2 tệp."
    assert summary[1].startswith(f"  lỗi: {damaged}: tệp .docx hỏng hoặc không đọc được")
    assert summary[2].startswith(f"  lỗi: {odt}: chưa hỗ trợ định dạng .odt")
    assert len(list(out.rglob("*.md"))) == 3
    # Fewer files: no bar, the summary still.
    assert cli_main(["import", sources[0], "--out", "-", "--root", str(ROOT)]) == 0
    err = capsys.readouterr().err
    assert "Đọc:" not in err
    assert err.endswith("Đã nhập 1 tệp (0 có cảnh báo), lỗi 0 tệp.\n")


def test_the_repository_is_read_once_per_run(tmp_path, monkeypatch):
    from cchc_kb.importer import agency

    reads = []
    real = agency.read_repository
    monkeypatch.setattr(agency, "read_repository", lambda root: reads.append(root) or real(root))
    sources = [str(ROOT / SEEDS[i][0]) for i in (0, 1, 2, 4)]
    assert cli_main(["import", *sources, "--out", str(tmp_path), "--root", str(ROOT)]) == 0
    assert reads == [ROOT]


def test_the_importer_never_asks():
    """Never interactive: nothing in the importer reads standard input."""
    package = ROOT / "cchc_kb" / "importer"
    for module in package.glob("*.py"):
        text = module.read_text("utf-8")
        assert "input(" not in text and "stdin" not in text, module.name


def test_cli_proposes_an_agency_it_does_not_know(tmp_path, capsys):
    text = (
        "SỞ Y TẾ\nSố: 12/KH-SYT\nLong An, ngày 3 tháng 3 năm 2024\nKẾ HOẠCH\n"
        "Cải cách hành chính năm 2024\nCăn cứ tình hình thực tế, Sở Y tế ban hành kế hoạch.\n"
    )
    source = tmp_path / "kh.txt"
    source.write_text(text, "utf-8")
    assert cli_main(["import", str(source), "--out", "-", "--root", str(ROOT)]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("---\n")
    assert "import-agency" in captured.err
    assert "- id: so-y-te\n  ten: Sở y tế\n  cap: so" in captured.err


def test_a_decision_issuing_a_plan_keeps_both_numbers():
    text = "\n".join(
        [
            "UBND TỈNH HẢI DƯƠNG", "Số: 88/QĐ-UBND", "Hải Dương, ngày 3 tháng 2 năm 2025",
            "QUYẾT ĐỊNH", "Ban hành Kế hoạch cải cách hành chính năm 2025",
            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
            "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch cải cách hành chính năm 2025.",
            "UBND TỈNH HẢI DƯƠNG", "Số: 12/KH-UBND", "KẾ HOẠCH", "Cải cách hành chính năm 2025",
        ]
    )  # fmt: skip
    result = imp.import_text(text, source_name="qd.txt", registries=registries())
    assert result.fields["so_ky_hieu"] == "88/QĐ-UBND"
    assert result.fields["loai_van_ban"] == "Quyết định"
    assert result.fields["ngay_ban_hanh"] == "2025-02-03"
    assert result.fields["so_ky_hieu_ke_hoach"] == "12/KH-UBND"
    assert result.fields["co_quan_ban_hanh"] == "ubnd-tinh-hai-duong"


def test_sentence_case_keeps_document_numbers():
    assert (
        imp.sentence_case("BÃI BỎ NGHỊ QUYẾT SỐ 12/2019/NQ-HĐND CỦA HỘI ĐỒNG NHÂN DÂN")
        == "Bãi bỏ nghị quyết số 12/2019/NQ-HĐND của hội đồng nhân dân"
    )
