"""Every input format and legacy encoding, with fixtures the tests make themselves: python-docx
writes the .docx, headless Chromium prints the PDF and renders the scan, bytes are typed out."""

from __future__ import annotations

import codecs
import os
import shutil
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest

from cchc_kb.importer import Registries, import_file, import_text
from cchc_kb.importer.formats import (
    FormatError,
    antiword_tables,
    doc_by_antiword,
    doc_by_catdoc,
    doc_by_libreoffice,
    drop_running_lines,
    read_source,
)
from cchc_kb.importer.legacy import TCVN3, decode_legacy, detect, repair_legacy
from cchc_kb.model.models import Plan
from cchc_kb.preview import CHROMIUM, CHROMIUM_ARGS, print_to_pdf
from cchc_kb.tasks import parse_tasks

ROOT = Path(__file__).resolve().parent.parent

needs_chromium = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Chromium not installed")

HEADER_HTML = """<!doctype html><meta charset="utf-8">
<style>body{{font:15pt serif;margin:40px}} td{{vertical-align:top;text-align:center;width:50%}}
footer{{position:fixed;bottom:0;font-size:9pt}}</style>
<table><tr><td>UBND TỈNH HẢI DƯƠNG<br><b>SỞ XÂY DỰNG</b><br>Số: 15/KH-SXD</td>
<td><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b><br>Độc lập - Tự do - Hạnh phúc<br>
<i>Hải Dương, ngày 12 tháng 5 năm 2023</i></td></tr></table>
<p style="text-align:center"><b>KẾ HOẠCH</b><br><b>Tuyên truyền cải cách hành chính năm 2023</b></p>
{body}"""

PREAMBLE = (
    "Thực hiện Kế hoạch số 236/KH-UBND ngày 15/01/2025 của UBND tỉnh về tuyên truyền cải "
    "cách hành chính; Sở Xây dựng xây dựng kế hoạch tuyên truyền năm 2023 như sau:"
)
LONG_PARAGRAPH = (
    "- Tăng cường công tác thông tin tuyên truyền nhằm nâng cao nhận thức, trách nhiệm của "
    "cán bộ, công chức, viên chức, người lao động trong việc triển khai thực hiện nhiệm vụ cải "
    "cách hành chính của Sở đã đề ra trong năm và những năm tiếp theo."
)


@cache
def registries() -> Registries:
    return Registries.load(ROOT)


# ---------------------------------------------------------------------------------------------
# Legacy encodings: real byte sequences as the old fonts stored them

LEGACY_BYTES = [
    # TCVN3 (ABC, .VnTime): "QuyÕt ®Þnh" as Latin-1
    (b"Quy\xd5t \xae\xdenh", "TCVN3", "Quyết định"),
    (b"C\xe9ng ho\xb5 x\xb7 h\xe9i ch\xf1 ngh\xdca Vi\xd6t Nam", "TCVN3", "Cộng hoà xã hội chủ nghĩa Việt Nam"),
    (b"H\xb6i D\xad\xacng, ng\xb5y 5 th\xb8ng 3 n\xa8m 2024", "TCVN3", "Hải Dương, ngày 5 tháng 3 năm 2024"),
    # VNI (VNI-Times): "Quyeát ñònh" as Windows-1252
    (b"Quye\xe1t \xf1\xf2nh", "VNI", "Quyết định"),
    (b"Co\xe4ng ho\xf8a xa\xf5 ho\xe4i chu\xfb ngh\xf3a Vie\xe4t Nam", "VNI", "Cộng hòa xã hội chủ nghĩa Việt Nam"),
    (b"Ha\xfbi D\xf6\xf4ng, nga\xf8y 5 tha\xf9ng 3 na\xeam 2024", "VNI", "Hải Dương, ngày 5 tháng 3 năm 2024"),
    (b"tr\xf6\xf4\xf8ng ho\xefc", "VNI", "trường học"),
]  # fmt: skip


@pytest.mark.parametrize(("data", "encoding", "text"), LEGACY_BYTES)
def test_legacy_bytes_are_detected_and_converted(data, encoding, text):
    assert detect(data) == encoding
    assert decode_legacy(data, encoding) == text


@pytest.mark.parametrize(("data", "encoding", "text"), LEGACY_BYTES)
def test_legacy_text_shown_as_latin1_is_repaired(data, encoding, text):
    """What a PDF text layer or a Word file with a legacy font gives."""
    assert repair_legacy(data.decode("cp1252" if encoding == "VNI" else "latin-1")) == (
        text,
        encoding,
    )


@pytest.mark.parametrize(
    "codec", ["utf-8", "utf-8-sig", "utf-16", "cp1258"], ids=["utf8", "bom", "utf16", "cp1258"]
)
def test_unicode_and_windows_1258_are_left_alone(tmp_path, codec):
    text = "Số: 02/KH-UBND\nHải Dương, ngày 5 tháng 3 năm 2024\nKẾ HOẠCH\nQuyết định ấy đã ổn.\n"
    path = tmp_path / "a.txt"
    path.write_bytes(codecs.encode(text, codec) if codec != "cp1258" else _cp1258(text))
    read = read_source(path)
    assert read.text == text
    assert read.warnings == []


def test_nfd_and_crlf_are_read_as_nfc_lines(tmp_path):
    """Decomposed letters (as macOS and some editors save them) and Windows line ends."""
    import unicodedata

    text = "Số: 02/KH-UBND\nHải Dương, ngày 5 tháng 3 năm 2024\nKẾ HOẠCH\n"
    path = tmp_path / "a.txt"
    path.write_bytes(unicodedata.normalize("NFD", text).replace("\n", "\r\n").encode("utf-8"))
    assert read_source(path).text == text


def _cp1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese editors wrote it: a letter it has (â, ơ, đ), else that
    letter's base form it has followed by the tone mark as a combining byte."""
    import unicodedata

    out = b""
    for char in text:
        try:
            out += char.encode("cp1258")
        except UnicodeEncodeError:
            base, *marks = unicodedata.normalize("NFD", char)
            with_first = unicodedata.normalize("NFC", base + marks[0])
            try:
                out += (with_first + "".join(marks[1:])).encode("cp1258")
            except UnicodeEncodeError:
                out += (base + "".join(marks)).encode("cp1258")
    return out


def test_a_tcvn3_text_file_imports(tmp_path):
    path = tmp_path / "tcvn3.txt"
    path.write_bytes(
        b"S\xe8: 12/KH-SXD\r\nH\xb6i D\xad\xacng, ng\xb5y 5 th\xb8ng 3 n\xa8m 2024\r\n"
        b"K\xd5 HO\xb9CH\r\nTuy\xaan truy\xd3n c\xb6i c\xb8ch h\xb5nh ch\xddnh\r\n"
        b"C\xb8n c\xf8 t\xddnh h\xddnh th\xf9c t\xd5, S\xeb X\xa9y d\xf9ng x\xa9y d\xf9ng k\xd5 ho\xb9ch.\r\n"
    )
    outcome = import_file(path, None, registries=registries(), agency="so-xay-dung-hai-duong")
    fields = outcome.imported.fields
    assert fields["so_ky_hieu"] == "12/KH-SXD"
    assert fields["ngay_ban_hanh"] == "2024-03-05"
    assert fields["dia_danh"] == "Hải Dương"
    assert "văn bản mã TCVN3 đã được chuyển sang Unicode" in outcome.warnings


# ---------------------------------------------------------------------------------------------
# .docx


def add_table(document, rows: list[list[str]]):
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    return table


def headed_docx():
    """A Word document with the two-column header table and the title, as staff start one."""
    import docx

    document = docx.Document()
    add_table(
        document,
        [
            [
                "UBND TỈNH HẢI DƯƠNG\nSỞ XÂY DỰNG",
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc",
            ],
            ["Số: 15/KH-SXD", "Hải Dương, ngày 12 tháng 5 năm 2023"],
        ],
    )
    document.add_paragraph().add_run("KẾ HOẠCH").bold = True
    document.add_paragraph().add_run("Tuyên truyền cải cách hành chính năm 2023").bold = True
    return document


def make_docx(path: Path) -> None:
    document = headed_docx()
    document.add_paragraph(PREAMBLE)
    document.add_paragraph().add_run("I. MỤC ĐÍCH, YÊU CẦU").bold = True
    document.add_paragraph("Nâng cao nhận thức của cán bộ.", style="List Number")
    document.add_paragraph("Công khai thủ tục hành chính.", style="List Number")
    document.add_paragraph().add_run("PHỤ LỤC NHIỆM VỤ").bold = True
    add_table(
        document,
        [
            ["TT", "Nhiệm vụ", "Đơn vị chủ trì", "Thời gian"],
            ["1", "Đăng tin trên Cổng thông tin", "Văn phòng Sở", "Hằng quý"],
            ["2", "Tập huấn | nghiệp vụ", "Phòng Quản lý", "Quý II"],
        ],
    )
    document.save(str(path))


def test_docx_header_table_numbering_headings_and_task_table(tmp_path):
    path = tmp_path / "ke-hoach.docx"
    make_docx(path)
    outcome = import_file(path, None, registries=registries())
    assert outcome.error is None
    fields = outcome.imported.fields
    assert fields["so_ky_hieu"] == "15/KH-SXD"
    assert fields["ngay_ban_hanh"] == "2023-05-12"
    assert fields["co_quan_ban_hanh"] == "so-xay-dung-hai-duong"
    assert fields["loai_van_ban"] == "Kế hoạch"
    assert fields["trich_yeu"] == "Tuyên truyền cải cách hành chính năm 2023"
    body = outcome.imported.body
    assert "## I. MỤC ĐÍCH, YÊU CẦU" in body
    assert "1. Nâng cao nhận thức của cán bộ.\n\n2. Công khai thủ tục hành chính." in body
    assert "| TT | Nhiệm vụ | Đơn vị chủ trì | Thời gian |" in body
    assert "| 2 | Tập huấn \\| nghiệp vụ | Phòng Quản lý | Quý II |" in body
    # The site's task view reads the appendix table as written.
    plan = Plan(
        id="x", number=None, doc_type="Kế hoạch", summary="", issuer="", issued=None, body=body
    )
    assert [(t.number, t.task, t.lead, t.deadline) for t in parse_tasks(plan)] == [
        ("1", "Đăng tin trên Cổng thông tin", "Văn phòng Sở", "Hằng quý"),
        ("2", "Tập huấn \\| nghiệp vụ", "Phòng Quản lý", "Quý II"),
    ]


# ---------------------------------------------------------------------------------------------
# .doc (Word 97-2003): python-docx writes a .docx, LibreOffice saves it as Word 97

BASES = [
    "Căn cứ Nghị định số 61/2018/NĐ-CP ngày 23 tháng 4 năm 2018 của Chính phủ về thực hiện cơ "
    "chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính;",
    "Căn cứ Nghị định số 107/2021/NĐ-CP ngày 06 tháng 12 năm 2021 của Chính phủ sửa đổi, bổ "
    "sung một số điều của Nghị định số 61/2018/NĐ-CP;",
]
LONG_TASK = (
    "Đăng tin, bài về cải cách thủ tục hành chính và cơ chế một cửa trên Cổng thông tin điện "
    "tử của Sở và trang mạng xã hội của các phòng"
)


def make_word97_source(path: Path) -> None:
    """A plan as staff write it in Word: header table, bases, a task table, and the recipients
    beside the signature in a borderless two-column table."""
    document = headed_docx()
    for basis in BASES:
        document.add_paragraph(basis)
    document.add_paragraph("Sở Xây dựng ban hành Kế hoạch tuyên truyền như sau:")
    document.add_paragraph().add_run("I. MỤC ĐÍCH, YÊU CẦU").bold = True
    document.add_paragraph("Nâng cao nhận thức của cán bộ, công chức về cải cách hành chính.")
    document.add_paragraph().add_run("PHỤ LỤC NHIỆM VỤ").bold = True
    add_table(
        document,
        [
            ["TT", "Nhiệm vụ", "Đơn vị chủ trì", "Thời gian"],
            ["1", LONG_TASK, "Văn phòng Sở", "Hằng quý"],
            ["2", "Tập huấn nghiệp vụ", "Phòng Quản lý", "Quý II"],
        ],
    )
    document.add_paragraph("Trên đây là Kế hoạch tuyên truyền năm 2023 của Sở Xây dựng./.")
    add_table(
        document,
        [
            [
                "Nơi nhận:\n- Sở Nội vụ;\n- Lãnh đạo Sở;\n- Lưu: VT, VP.",
                "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\n\nNguyễn Văn Bình",
            ]
        ],
    )
    document.add_paragraph("")  # Word ends every document with a paragraph
    document.save(str(path))


@pytest.fixture(scope="module")
def word97(tmp_path_factory) -> Path:
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice not installed (make import-tools)")
    folder = tmp_path_factory.mktemp("word97")
    source = folder / "ke-hoach.docx"
    make_word97_source(source)
    subprocess.run(
        [soffice, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
         "--convert-to", "doc", "--outdir", str(folder), str(source)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    doc = folder / "ke-hoach.doc"
    assert doc.read_bytes()[:8] == bytes.fromhex("d0cf11e0a1b11ae1")  # an OLE2 compound file
    return doc


WORD97_FIELDS = {
    "so_ky_hieu": "15/KH-SXD",
    "ngay_ban_hanh": "2023-05-12",
    "dia_danh": "Hải Dương",
    "co_quan_ban_hanh": "so-xay-dung-hai-duong",
    "loai_van_ban": "Kế hoạch",
    "trich_yeu": "Tuyên truyền cải cách hành chính năm 2023",
    "can_cu": ["61-2018-nd-cp", "107-2021-nd-cp"],
    "nguoi_ky": "Nguyễn Văn Bình",
    "chuc_danh": "KT. Giám đốc, Phó Giám đốc",
    "noi_nhan": ["Sở Nội vụ", "Lãnh đạo Sở", "Lưu: VT, VP"],
    "tinh_trang": "ban_hanh",
}


@pytest.mark.parametrize(
    ("tool", "reader"),
    [("antiword", doc_by_antiword), ("catdoc", doc_by_catdoc), ("soffice", doc_by_libreoffice)],
    ids=["antiword", "catdoc", "libreoffice"],
)
def test_word97_file_is_read_with_its_fields_and_tables(word97, tool, reader):
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} not installed (make import-tools)")
    read = reader(word97)
    assert read is not None
    result = import_text(read.text, source_name=word97.name, registries=registries())
    assert {key: result.fields[key] for key in WORD97_FIELDS} == WORD97_FIELDS
    plan = Plan(
        id="x",
        number=None,
        doc_type="Kế hoạch",
        summary="",
        issuer="",
        issued=None,
        body=result.body,
    )
    assert [(t.number, t.task, t.lead, t.deadline) for t in parse_tasks(plan)] == [
        ("1", LONG_TASK, "Văn phòng Sở", "Hằng quý"),
        ("2", "Tập huấn nghiệp vụ", "Phòng Quản lý", "Quý II"),
    ]
    assert "## I. MỤC ĐÍCH, YÊU CẦU" in result.body
    assert result.body.endswith("**KT. GIÁM ĐỐC**\n\n**PHÓ GIÁM ĐỐC**\n\n**Nguyễn Văn Bình**\n")


def test_word97_file_imports_through_the_command(word97, tmp_path):
    out = tmp_path / "plans"
    outcome = import_file(word97, out, registries=registries())
    assert outcome.error is None, outcome.error
    assert outcome.path == out / "so-xay-dung-hai-duong" / "2023" / (
        "so-xay-dung-hai-duong-2023-tuyen-truyen-cchc.md"
    )
    assert (outcome.path.parent / "ke-hoach.doc").read_bytes() == word97.read_bytes()


def test_antiword_table_lines_become_rows():
    """antiword's screen lines of a table: a long cell goes on with the other cells blank."""
    text = "\n".join(
        [
            "Trước bảng",
            "|TT |Nhiệm vụ            |Chủ trì     |",
            "|1  |Đăng tin trên Cổng  |Văn phòng   |",
            "|   |thông tin điện tử   |Sở          |",
            "|2  |Tập huấn            |Phòng QLXD  |",
            "Sau bảng",
        ]
    )
    assert antiword_tables(text).split("\n") == [
        "Trước bảng",
        "TT\tNhiệm vụ\tChủ trì",
        "1\tĐăng tin trên Cổng thông tin điện tử\tVăn phòng Sở",
        "2\tTập huấn\tPhòng QLXD",
        "Sau bảng",
    ]


# ---------------------------------------------------------------------------------------------
# .pdf with a text layer, printed by Chromium


@needs_chromium
def test_pdf_printed_by_chromium_heals_lines_and_drops_running_footers(tmp_path):
    body = (
        f"<p>{PREAMBLE}</p>"
        + "".join(f"<p>{LONG_PARAGRAPH}</p>" for _ in range(40))
        + "<footer>Sở Xây dựng Hải Dương - Kế hoạch tuyên truyền</footer>"
    )
    html = tmp_path / "kh.html"
    html.write_text(HEADER_HTML.format(body=body), "utf-8")
    pdf = tmp_path / "kh.pdf"
    print_to_pdf(html, pdf)
    outcome = import_file(pdf, None, registries=registries())
    assert outcome.error is None, outcome.error
    fields = outcome.imported.fields
    assert fields["so_ky_hieu"] == "15/KH-SXD"
    assert fields["ngay_ban_hanh"] == "2023-05-12"
    assert fields["dia_danh"] == "Hải Dương"
    assert fields["co_quan_ban_hanh"] == "so-xay-dung-hai-duong"
    text = outcome.imported.body
    assert text.count(LONG_PARAGRAPH) == 40  # each wrapped paragraph healed into one line
    assert "Kế hoạch tuyên truyền\n" not in text and "Sở Xây dựng Hải Dương -" not in text


def as_vntime(text: str) -> str:
    """What a PDF made with the .VnTime font shows in its text layer: each letter's TCVN3 byte
    as a Latin-1 character (capitals with a tone mark use the lower-case codes, as .VnTimeH)."""
    codes = {letter: chr(byte) for byte, letter in TCVN3.items()}
    return "".join(codes.get(c) or codes.get(c.lower()) or c for c in text)


@needs_chromium
def test_pdf_whose_text_layer_is_tcvn3_is_converted(tmp_path):
    # No "ư" here: its TCVN3 byte 0xAD is the soft hyphen in Latin-1, which Chromium does not
    # print, so a PDF printed from HTML cannot carry it (a .VnTime font's PDF does).
    lines = [
        "Số: 15/KH-SXD",
        "Hải Phòng, ngày 12 tháng 5 năm 2023",
        "KẾ HOẠCH",
        "Tuyên truyền cải cách hành chính năm 2023",
        "Căn cứ tình hình thực tế, Sở Xây dựng ban hành kế hoạch tuyên truyền:",
        "Đăng tin trên Cổng thông tin điện tử của Sở.",
    ]
    html = tmp_path / "vntime.html"
    html.write_text(
        '<!doctype html><meta charset="utf-8">'
        + "".join(f"<p>{as_vntime(line)}</p>" for line in lines),
        "utf-8",
    )
    pdf = tmp_path / "vntime.pdf"
    print_to_pdf(html, pdf)
    outcome = import_file(pdf, None, registries=registries(), agency="so-xay-dung-hai-duong")
    assert outcome.error is None, outcome.error
    fields = outcome.imported.fields
    assert (fields["so_ky_hieu"], fields["ngay_ban_hanh"], fields["dia_danh"]) == (
        "15/KH-SXD",
        "2023-05-12",
        "Hải Phòng",
    )
    assert "văn bản mã TCVN3 đã được chuyển sang Unicode" in outcome.warnings
    assert lines[4] in outcome.imported.body and lines[5] in outcome.imported.body


def test_running_lines_and_page_numbers_are_dropped():
    pages = [f"Tiêu đề chạy\nNội dung trang {n}\nđoạn {n} tiếp\n{n}" for n in range(1, 5)]
    pages[2] = pages[2].replace("đoạn 3 tiếp", "đoạn 3 tiếp Tiêu đề chạy")  # glued by the extractor
    kept = drop_running_lines(pages)
    assert kept[0] == "Nội dung trang 1\nđoạn 1 tiếp"
    assert kept[2] == "Nội dung trang 3\nđoạn 3 tiếp"
    assert all("Tiêu đề chạy" not in p for p in kept)


# ---------------------------------------------------------------------------------------------
# Scans: Chromium renders the header to an image; Tesseract reads it back


def screenshot(html: Path, png: Path) -> None:
    subprocess.run(
        [CHROMIUM, *CHROMIUM_ARGS, "--hide-scrollbars", "--window-size=1100,700",
         f"--screenshot={png}", html.as_uri()],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip


@pytest.fixture(scope="module")
def scanned(tmp_path_factory) -> tuple[Path, Path]:
    if not Path(CHROMIUM).exists():
        pytest.skip("Chromium not installed")
    folder = tmp_path_factory.mktemp("scan")
    html = folder / "scan.html"
    html.write_text(HEADER_HTML.format(body=f"<p>{PREAMBLE}</p>"), "utf-8")
    png = folder / "scan.png"
    screenshot(html, png)
    from PIL import Image

    pdf = folder / "scan.pdf"
    with Image.open(png) as image:
        image.convert("RGB").save(pdf, resolution=100)
    return png, pdf


@pytest.mark.parametrize("kind", [0, 1], ids=["png", "scanned-pdf"])
def test_scan_is_read_by_ocr_with_its_confidence(scanned, kind):
    outcome = import_file(scanned[kind], None, registries=registries())
    assert outcome.error is None, outcome.error
    fields = outcome.imported.fields
    assert fields["so_ky_hieu"] == "15/KH-SXD"
    assert fields["ngay_ban_hanh"] == "2023-05-12"
    assert any(
        w.startswith("văn bản nhận dạng bằng OCR, độ tin cậy trung bình") for w in outcome.warnings
    )


def run_without_tools(args: list[str]) -> subprocess.CompletedProcess:
    """``cchc`` with a PATH that holds only the virtual environment: no OCR, no antiword."""
    env = {**os.environ, "PATH": str(Path(sys.executable).parent)}
    return subprocess.run(
        [sys.executable, "-m", "cchc_kb.cli", *args], env=env, capture_output=True, text=True
    )


def test_scan_without_ocr_installed_says_what_to_install(scanned, tmp_path):
    out = tmp_path / "out"
    done = run_without_tools(["import", str(scanned[0]), "--out", str(out), "--root", str(ROOT)])
    assert done.returncode == 1
    assert "cài: apt-get install tesseract-ocr tesseract-ocr-vie" in done.stderr
    assert not out.exists()


def test_doc_without_a_converter_says_what_to_install(tmp_path):
    doc = tmp_path / "ke-hoach.doc"
    doc.write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 508)
    done = run_without_tools(["import", str(doc), "--out", "-", "--root", str(ROOT)])
    assert done.returncode == 1
    assert "tệp .doc cần antiword, catdoc hoặc LibreOffice" in done.stderr
    assert done.stdout == ""


def test_unreadable_format_is_a_format_error(tmp_path):
    path = tmp_path / "a.xyz"
    path.write_text("x")
    with pytest.raises(FormatError, match="chưa hỗ trợ định dạng .xyz"):
        read_source(path)


def test_low_confidence_header_fields_are_left_for_a_person():
    """Header fields read from words OCR was unsure of are emptied and named for a person."""
    from cchc_kb.importer import import_text
    from cchc_kb.importer.command import doubtful_fields
    from cchc_kb.importer.formats import Source

    text = "Số: 15/KH-SXD\nHải Dương, ngày 12 tháng 5 năm 2023\nKẾ HOẠCH\nTuyên truyền\n" + PREAMBLE
    result = import_text(text, source_name="scan.png", registries=registries())
    source = Source(text, ocr_confidence=71.0, low_confidence=["15/KH-SXD", "Tuyên"])
    warnings = doubtful_fields(result, source)
    assert result.fields["so_ky_hieu"] is None
    assert result.fields["ngay_ban_hanh"] == "2023-05-12"  # read with confidence: kept
    assert warnings == [
        "so_ky_hieu: OCR đọc «15/KH-SXD» với độ tin cậy thấp («15/KH-SXD»); để trống cho "
        "người nhập điền"
    ]
