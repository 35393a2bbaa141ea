"""Forms of citation that real administrative texts use and the engine used to get wrong.

One row per form, with made-up passages (not copied from any real text). Each row lists every
citation the passage contains: (text as written, number, name, date, issuer, id, kind) and, when
given, a fragment every warning of that citation must contain.
"""

from __future__ import annotations

import json

import pytest

from cchc_kb.cite import CitingContext, Registry, find_citations, find_self_references
from cchc_kb.cli import main
from cchc_kb.model.models import Agency, Document, LegalDoc, PartialDate

D = PartialDate.parse

AGENCIES = {
    a.id: a
    for a in (
        Agency("chinh-phu", "Chính phủ", "trung_uong", short_names=["CP"]),
        Agency("quoc-hoi", "Quốc hội", "trung_uong", short_names=["QH"]),
        Agency("bo-chinh-tri", "Bộ Chính trị", "trung_uong"),
        Agency("bo-noi-vu", "Bộ Nội vụ", "trung_uong", parent="chinh-phu", short_names=["BNV"]),
        Agency(
            "ubnd-tinh-ninh-son", "Ủy ban nhân dân tỉnh Ninh Sơn", "tinh", parent="chinh-phu",
            province="ubnd-tinh-ninh-son", short_names=["UBND tỉnh Ninh Sơn"],
        ),
    )
}  # fmt: skip
REGISTRY = Registry.from_records(
    [
        LegalDoc("luat-thuy-loi-2017", None, "Luật", "Thủy lợi", "quoc-hoi", D("2017-06-19")),
        LegalDoc("30-2020-nd-cp", "30/2020/NĐ-CP", "Nghị định", "", "chinh-phu", D("2020-03-05")),
        LegalDoc("45-kl-tw-2019", "45-KL/TW", "Kết luận", "", "bo-chinh-tri", D("2019-02-01")),
        LegalDoc("52-nq-tw-2019", "52-NQ/TW", "Nghị quyết", "", "bo-chinh-tri", D("2019-09-27")),
        LegalDoc("61-2018-nd-cp", "61/2018/NĐ-CP", "Nghị định", "", "chinh-phu", D("2018-04-23")),
        Document("12-qd-ubnd-ninh-son-2024", "12/QĐ-UBND", "Quyết định", "", "ubnd-tinh-ninh-son",
                 D("2024-01-08")),
        Document("15-qd-ubnd-ninh-son-2024", "15/QĐ-UBND", "Quyết định", "", "ubnd-tinh-ninh-son",
                 D("2024-01-08")),
    ],
    AGENCIES,
)  # fmt: skip
CONTEXT = CitingContext("ubnd-tinh-ninh-son", 2024, D("2024-03-01"))

# (form, passage, [(text, number, name, date, issuer, id, kind, warning fragment or None), …])
ROWS = [
    (
        "law by name and year",
        "Căn cứ Luật Thủy lợi năm 2017; tiếp tục triển khai.",
        [("Luật Thủy lợi năm 2017", None, "Luật Thủy lợi", "2017", "quoc-hoi",
          "luat-thuy-loi-2017", "legal", None)],
    ),
    (
        "law by name and year, unknown to the registry",
        "Tuyên truyền Luật Dân quân tự vệ năm 2019 tới các thôn.",
        [("Luật Dân quân tự vệ năm 2019", None, "Luật Dân quân tự vệ", "2019", "quoc-hoi",
          None, "legal", None)],
    ),
    (
        "a year that dates an action, not the law",
        "Các xã triển khai Luật Thủy lợi trong năm 2024 và báo cáo.",
        [],
    ),
    (
        "law name stops at 'đã được sửa đổi, bổ sung'",
        "Căn cứ Luật Thủy lợi ngày 19 tháng 6 năm 2017 đã được sửa đổi, bổ sung một số điều;",
        [("Luật Thủy lợi ngày 19 tháng 6 năm 2017", None, "Luật Thủy lợi", "2017-06-19",
          "quoc-hoi", "luat-thuy-loi-2017", "legal", None)],
    ),
    (
        "law name before 'đã được sửa đổi, bổ sung' and the amendment's date",
        "Căn cứ Luật Thủy lợi đã được sửa đổi, bổ sung ngày 15 tháng 6 năm 2022;",
        [("Luật Thủy lợi", None, "Luật Thủy lợi", None, "quoc-hoi", "luat-thuy-loi-2017",
          "legal", None)],
    ),
    (
        "law name stops at a comma before another citation",
        "Căn cứ Luật Thủy lợi năm 2017, Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ;",
        [("Luật Thủy lợi năm 2017", None, "Luật Thủy lợi", "2017", "quoc-hoi",
          "luat-thuy-loi-2017", "legal", None),
         ("Nghị định số 61/2018/NĐ-CP", "61/2018/NĐ-CP", None, "2018-04-23", "chinh-phu",
          "61-2018-nd-cp", "legal", None)],
    ),
    (
        "a year written once after a list governs every item",
        "Thực hiện các Quyết định số 12/QĐ-UBND, 15/QĐ-UBND năm 2024 của UBND tỉnh.",
        [("Quyết định số 12/QĐ-UBND", "12/QĐ-UBND", None, "2024", "ubnd-tinh-ninh-son",
          "12-qd-ubnd-ninh-son-2024", "admin", None),
         ("15/QĐ-UBND", "15/QĐ-UBND", None, "2024", "ubnd-tinh-ninh-son",
          "15-qd-ubnd-ninh-son-2024", "admin", None)],
    ),
    (
        "a date written once after 'A và B' governs both",
        "Quyết định số 12/QĐ-UBND và 15/QĐ-UBND ngày 08/01/2024 của UBND tỉnh Ninh Sơn.",
        [("Quyết định số 12/QĐ-UBND", "12/QĐ-UBND", None, "2024-01-08", "ubnd-tinh-ninh-son",
          "12-qd-ubnd-ninh-son-2024", "admin", None),
         ("15/QĐ-UBND", "15/QĐ-UBND", None, "2024-01-08", "ubnd-tinh-ninh-son",
          "15-qd-ubnd-ninh-son-2024", "admin", None)],
    ),
    (
        "damaged symbol with a repeated tail keeps date and issuer",
        "Quán triệt Kết luận số 45-KL/TW KL/TW ngày 01/02/2019 của Bộ Chính trị.",
        [("Kết luận số 45-KL/TW", "45-KL/TW", None, "2019-02-01", "bo-chinh-tri",
          "45-kl-tw-2019", "party", "lặp")],
    ),
    (
        "symbol cut at the end of the text",
        "Xem thêm Quyết định số 1234/QĐ-U",
        [("Quyết định số 1234/QĐ-U", None, None, None, None, None, "admin", "bị cắt")],
    ),
    (
        "issuer text runs past the issuer",
        "Công văn số 88/BNV-CCHC ngày 02/02/2024 của Bộ Nội vụ Theo đó, các tỉnh báo cáo.",
        [("Công văn số 88/BNV-CCHC", "88/BNV-CCHC", None, "2024-02-02", "bo-noi-vu", None,
          "admin", None)],
    ),
    (
        "lower-case party symbol",
        "Quán triệt Nghị quyết 52-nq/tw ngày 27/9/2019 của Bộ Chính trị.",
        [("Nghị quyết 52-nq/tw", "52-NQ/TW", None, "2019-09-27", "bo-chinh-tri",
          "52-nq-tw-2019", "party", "chữ hoa")],
    ),
    (
        "lower-case symbol of a Công văn",
        "theo văn bản số 123/ubnd-vp ngày 05/02/2024 của UBND tỉnh",
        [("văn bản số 123/ubnd-vp", "123/UBND-VP", None, "2024-02-05", "ubnd-tinh-ninh-son",
          None, "admin", "chữ hoa")],
    ),
    (
        "zero-width space and soft hyphen inside a number",
        "Nghị định số 61/2018/NĐ\u200b-C\u00adP ngày 23/4/2018 của Chính phủ",
        [("Nghị định số 61/2018/NĐ\u200b-C\u00adP", "61/2018/NĐ-CP", None, "2018-04-23",
          "chinh-phu", "61-2018-nd-cp", "legal", "ký tự ẩn")],
    ),
    (
        "bidi control inside a number",
        "Nghị định số 61/2018\u202e/NĐ-CP ngày 23/4/2018",
        [("Nghị định số 61/2018\u202e/NĐ-CP", "61/2018/NĐ-CP", None, "2018-04-23", "chinh-phu",
          "61-2018-nd-cp", "legal", "ký tự ẩn")],
    ),
    (
        "Cyrillic look-alike letter inside a number",
        "Nghị định số 61/2018/\u041dĐ-CP ngày 23/4/2018 của Chính phủ",
        [("Nghị định số 61/2018/\u041dĐ-CP", "61/2018/NĐ-CP", None, "2018-04-23", "chinh-phu",
          "61-2018-nd-cp", "legal", "chữ cái")],
    ),
    (
        "an alias that is a bare type word names the text's own subject, not the citation",
        "Thực hiện Quyết định số 12/QĐ-UBND ngày 08/01/2024 của UBND tỉnh, Ủy ban ban hành Kế "
        "hoạch phát triển du lịch (sau đây gọi tắt là Kế hoạch). Kế hoạch được triển khai rộng.",
        [("Quyết định số 12/QĐ-UBND", "12/QĐ-UBND", None, "2024-01-08", "ubnd-tinh-ninh-son",
          "12-qd-ubnd-ninh-son-2024", "admin", None)],
    ),
    (
        "an alias in lower case is a common noun, not a document",
        "Quyết định số 15/QĐ-UBND ngày 08/01/2024 của UBND tỉnh giao các sở, ngành (sau đây "
        "gọi tắt là sở, ngành) thực hiện; các sở, ngành báo cáo.",
        [("Quyết định số 15/QĐ-UBND", "15/QĐ-UBND", None, "2024-01-08", "ubnd-tinh-ninh-son",
          "15-qd-ubnd-ninh-son-2024", "admin", None)],
    ),
    (
        "a symbol part with an inner dot",
        "Quy chế số 03/QC-TT.HĐND-UBND ngày 02/4/2024 về phối hợp.",
        [("Quy chế số 03/QC-TT.HĐND-UBND", "03/QC-TT.HĐND-UBND", None, "2024-04-02",
          None, None, "admin", None)],
    ),
    (
        "an upper-case law title with its number",
        "KẾ HOẠCH TRIỂN KHAI LUẬT THỦY LỢI SỐ 08/2017/QH14 TRÊN ĐỊA BÀN",
        [("LUẬT THỦY LỢI SỐ 08/2017/QH14", "08/2017/QH14", "Luật THỦY LỢI", None, "quoc-hoi",
          None, "legal", None)],
    ),
]  # fmt: skip


def _row(citation) -> tuple:
    return (
        citation.text,
        citation.number,
        citation.name,
        citation.date.iso if citation.date else None,
        citation.issuer,
        citation.id,
        citation.kind,
    )


@pytest.mark.parametrize(("form", "text", "expected"), ROWS, ids=[r[0] for r in ROWS])
def test_gap_rows(form, text, expected):
    found = find_citations(text, registry=REGISTRY, context=CONTEXT)
    assert [_row(c) for c in found] == [row[:7] for row in expected]
    for citation, row in zip(found, expected, strict=True):
        fragment = row[7]
        if fragment is None:
            assert citation.warnings == []
        else:
            assert citation.warnings and any(fragment in w for w in citation.warnings)


def test_cut_symbol_is_not_a_complete_number():
    [citation] = find_citations("Xem thêm Quyết định số 1234/QĐ-U", registry=REGISTRY)
    assert citation.number is None and citation.id is None


# -- the document's own number ---------------------------------------------------------------

HEADER = (
    "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "TỈNH NINH SƠN | Độc lập - Tự do - Hạnh phúc\n"
    "Số: 41/KH-UBND | Ninh Sơn, ngày 11 tháng 3 năm 2024\n"
    "KẾ HOẠCH\nTriển khai công tác năm 2024\n"
    "Căn cứ Quyết định số 12/QĐ-UBND ngày 08/01/2024 của UBND tỉnh;\n"
    "I. MỤC ĐÍCH\nNội dung.\n"
    "Phụ lục\n(Kèm theo Kế hoạch số 41/KH-UBND ngày 11/3/2024 của UBND tỉnh)\n"
)


def test_own_number_in_flattened_header_and_appendix_is_self():
    refs = find_self_references(HEADER)
    assert [(r.where, r.number) for r in refs] == [
        ("header", "41/KH-UBND"),
        ("appendix", "41/KH-UBND"),
    ]
    found = find_citations(HEADER, registry=REGISTRY, context=CONTEXT)
    assert [c.number for c in found] == ["12/QĐ-UBND"]


def test_cite_json_reports_own_number_as_self(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "ke-hoach.txt"
    path.write_text(HEADER, encoding="utf-8")
    assert main(["cite", str(path), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [(c["kind"], c["number"]) for c in out] == [
        ("self", "41/KH-UBND"),
        ("admin", "12/QĐ-UBND"),
        ("self", "41/KH-UBND"),
    ]
    assert all(HEADER[a:b] == c["text"] for c in out for a, b in [c["span"]])


# (header, own number, own date): headers flattened or written on one line.
HEADERS = [
    ("Số: 21/2024/NQ-HĐND Ninh Sơn, ngày 06 tháng 12 năm 2024\nNGHỊ QUYẾT\n", "21/2024/NQ-HĐND",
     "2024-12-06"),
    ("|\nSố: 06/KH-UBND\n|\nNinh Sơn, ngày\n13 tháng 4 năm 2024\n|\nKẾ HOẠCH\n", "06/KH-UBND",
     "2024-04-13"),
]  # fmt: skip


@pytest.mark.parametrize(("header", "number", "date"), HEADERS)
def test_own_number_of_a_header(header, number, date):
    [ref] = find_self_references(header + "Căn cứ Quyết định số 12/QĐ-UBND ngày 08/01/2024;\n")
    assert (ref.where, ref.number, ref.date.iso) == ("header", number, date)
    assert header[ref.span[0] : ref.span[1]].startswith("Số: ")


def test_appendix_issued_with_a_decision_names_the_decision_itself():
    text = "Điều 1. Nội dung.\n(Ban hành kèm theo Quyết định số 07/2024/QĐ-UBND ngày 02/5/2024)\n"
    refs = find_self_references(text)
    assert [(r.where, r.number) for r in refs] == [("appendix", "07/2024/QĐ-UBND")]
    assert find_citations(text, registry=REGISTRY) == []
