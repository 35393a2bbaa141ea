"""Readers: a source file of any format staff have → the document's text (NFC, ``\\n`` lines).

Each reader returns a ``Source``; a format that needs a tool which is not installed raises
``FormatError`` with the message a person needs, never an empty text.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from itertools import zip_longest
from pathlib import Path

from ..model.text import decode, nfc, read_text
from .legacy import decode_legacy, detect, repair_legacy
from .signature import RECIPIENTS_HEAD, is_signing

# OCR words below this confidence (0-100, Tesseract's scale) are left for a person to check.
OCR_LOW_CONFIDENCE = 60
# A page whose text layer has fewer characters than this is a scan.
SCANNED_PAGE_CHARS = 20
# Resolution at which scanned pages are rendered for OCR.
OCR_DPI = 300
# Second-level list items are lettered (Vietnamese alphabet order, as plans letter them).
LETTERS = "abcdđeghiklmnopqrstuvxy"
PAGE_NUMBER = re.compile(r"^\s*(?:Trang\s*)?\d{1,3}(?:\s*/\s*\d{1,3})?\s*$", re.IGNORECASE)
# A table row as antiword prints it: "|cell   |cell   |".
ANTIWORD_ROW = re.compile(r"^\|.*\|$")
# Seconds LibreOffice may take to convert one .doc (its first start creates a profile).
LIBREOFFICE_TIMEOUT = 180


class FormatError(ValueError):
    """A file this run cannot read, with the reason and what to install."""


@dataclass
class Source:
    text: str
    warnings: list[str] = field(default_factory=list)
    ocr_confidence: float | None = None  # mean word confidence, 0-100, when the text is OCR's
    low_confidence: list[str] = field(default_factory=list)  # OCR words a person should check


def read_plain(path: Path) -> Source:
    return read_bytes_as_text(path.read_bytes())


def read_docx(path: Path) -> Source:
    """Paragraphs and tables in document order; numbering and bold headings kept as text."""
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = docx.Document(str(path))
    lines: list[str] = []
    counters: Counter[int] = Counter()
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            lines.extend(
                table_lines([[cell.text.strip() for cell in row.cells] for row in block.rows])
            )
            continue
        assert isinstance(block, Paragraph)
        text = block.text.strip()
        if not text:
            lines.append("")
            continue
        number = _list_number(block, counters)
        runs = [r for r in block.runs if r.text.strip()]
        bold = bool(runs) and all(r.bold for r in runs)
        if number:
            text = f"{number} {text}"
        lines.append(f"**{text}**" if bold and len(text) < 200 else text)
    return _source(*repair_legacy(nfc("\n".join(lines))))


def _unique(row: list[str]) -> list[str]:
    """Merged cells repeat their text in python-docx; keep each once."""
    out: list[str] = []
    for cell in row:
        if cell and (not out or out[-1] != cell):
            out.append(cell)
    return out


def _is_header_table(rows: list[list[str]]) -> bool:
    text = " ".join(" ".join(r) for r in rows)
    return bool(re.search(r"\bSố\s*:|CỘNG H[OÒ]", text)) and len(rows) <= 6


def _is_signature_table(rows: list[list[str]]) -> bool:
    """ "Nơi nhận" in one cell and the signature in another, side by side."""
    firsts = [cell.strip().split("\n")[0].replace("*", "").strip() for row in rows for cell in row]
    return any(RECIPIENTS_HEAD.match(f) for f in firsts) and any(is_signing(f) for f in firsts)


def table_lines(rows: list[list[str]]) -> list[str]:
    """A table (cells of one or more lines) as text lines: the header table with ``|`` between
    its cells, the recipients-and-signature table one column after the other, any other table
    as tab-separated rows (the body's table form, see body.convert_body)."""
    if _is_header_table(rows):
        return [" | ".join(_unique(row)) for row in rows]
    if _is_signature_table(rows):
        lines: list[str] = []
        for column in zip_longest(*rows, fillvalue=""):
            lines.extend(line for cell in column for line in cell.split("\n") if line.strip())
            lines.append("")
        return lines
    return ["\t".join(re.sub(r"\s+", " ", c) for c in row) for row in rows]


def antiword_tables(text: str) -> str:
    """antiword prints a table one screen line at a time ("|cell |cell |"), a long cell going
    on in the next line with the other cells blank; the lines are joined back into rows (in a
    data table, where a row starts with a filled first cell) and laid out as ``table_lines``."""
    out: list[str] = []
    block: list[list[str]] = []

    def flush() -> None:
        if not block:
            return
        rows = [row[:] for row in block]
        if not (_is_header_table(rows) or _is_signature_table(rows)):
            rows = []
            for row in block:
                if rows and not row[0]:
                    rows[-1] = [
                        f"{a} {b}".strip() for a, b in zip_longest(rows[-1], row, fillvalue="")
                    ]
                else:
                    rows.append(row)
        out.extend(table_lines(rows))
        block.clear()

    for line in text.split("\n"):
        if ANTIWORD_ROW.match(line.strip()):
            block.append([cell.strip() for cell in line.strip()[1:-1].split("|")])
            continue
        flush()
        out.append(line)
    flush()
    return "\n".join(out)


def _numbering(paragraph):
    """The paragraph's numbering properties, its own or its style's (``List Number``)."""
    for element in (paragraph._p, paragraph.style.element if paragraph.style else None):
        props = element.pPr if element is not None else None
        if props is not None and props.numPr is not None:
            return props.numPr
    return None


def _list_number(paragraph, counters: Counter[int]) -> str | None:
    """Word's automatic numbering ("1.", "a)") is not in the text; count it back in. Each
    level restarts under the level above, which is how plans number their lists."""
    numbering = _numbering(paragraph)
    if numbering is None:
        return None
    level = numbering.ilvl.val if numbering.ilvl is not None else 0
    counters[level] += 1
    for deeper in [k for k in counters if k > level]:
        del counters[deeper]
    if level == 0:
        return f"{counters[level]}."
    return f"{LETTERS[(counters[level] - 1) % len(LETTERS)]})"


def read_pdf(path: Path) -> Source:
    """Text layer by pypdfium2 (see scripts/bench_pdf_extract.py: it keeps a two-column
    header's columns apart and Vietnamese letters whole, where pypdf splits words around them
    and pdfplumber interleaves the columns); pages without a text layer go to OCR. Running
    heads and page numbers are dropped; hard line breaks are left to the body's healing."""
    import pypdfium2

    pdf = pypdfium2.PdfDocument(str(path))
    try:
        pages = [page.get_textpage().get_text_range().replace("\r\n", "\n") for page in pdf]
    finally:
        pdf.close()
    if all(len(p.strip()) < SCANNED_PAGE_CHARS for p in pages):
        return ocr_pdf(path)
    return _source(*repair_legacy(nfc("\n".join(drop_running_lines(pages)))))


def drop_running_lines(pages: list[str]) -> list[str]:
    """Running heads and footers, and bare page numbers, removed from the pages' edges.

    A running line is an edge line that stands alone on at least two pages and is at an edge
    of all pages but one; an extractor may glue it to the last line of text ("… năm tiếp
    theo. Sở Xây dựng – Kế hoạch"), so it is also cut off the start or end of an edge line."""
    split = [p.split("\n") for p in pages]
    edge_lines = [[x.strip() for x in lines[:2] + lines[-2:]] for lines in split]
    alone: Counter[str] = Counter()
    for edges in edge_lines:
        alone.update({x for x in edges if x})
    running = [
        line
        for line, n in alone.items()
        if len(split) >= 3
        and n >= 2
        and sum(any(e.startswith(line) or e.endswith(line) for e in edges) for edges in edge_lines)
        >= len(split) - 1
    ]
    out = []
    for lines in split:
        kept = []
        for k, line in enumerate(lines):
            at_edge = k < 2 or k >= len(lines) - 2
            text = line.strip()
            if at_edge:
                for run in running:
                    if text == run:
                        text = ""
                    elif text.endswith(" " + run):
                        text = text[: -len(run)].rstrip()
                    elif text.startswith(run + " "):
                        text = text[len(run) :].lstrip()
                if not text or PAGE_NUMBER.match(text):
                    continue
                line = text
            kept.append(line)
        out.append("\n".join(kept))
    return out


def _tesseract() -> str:
    binary = shutil.which("tesseract")
    if binary is None:
        raise FormatError(
            "tệp là bản quét, cần nhận dạng chữ (OCR) nhưng máy chưa cài Tesseract; "
            "cài: apt-get install tesseract-ocr tesseract-ocr-vie"
        )
    langs = subprocess.run([binary, "--list-langs"], capture_output=True, text=True).stdout
    if "vie" not in langs.split():
        raise FormatError(
            "Tesseract chưa có dữ liệu tiếng Việt; cài: apt-get install tesseract-ocr-vie"
        )
    return binary


def ocr_images(images: list) -> Source:
    """OCR of PIL images with Tesseract's Vietnamese data; confidence per word kept."""
    _tesseract()
    import pytesseract

    lines: list[str] = []
    confidences: list[float] = []
    low: list[str] = []
    for image in images:
        data = pytesseract.image_to_data(image, lang="vie", output_type=pytesseract.Output.DICT)
        current: dict[tuple[int, int, int], list[str]] = {}
        for k, word in enumerate(data["text"]):
            if not word.strip():
                continue
            conf = float(data["conf"][k])
            if conf >= 0:
                confidences.append(conf)
                if conf < OCR_LOW_CONFIDENCE:
                    low.append(word)
            key = (data["block_num"][k], data["par_num"][k], data["line_num"][k])
            current.setdefault(key, []).append(word)
        lines.extend(" ".join(words) for words in current.values())
        lines.append("")
    mean = round(sum(confidences) / len(confidences), 1) if confidences else 0.0
    warnings = [f"văn bản nhận dạng bằng OCR, độ tin cậy trung bình {mean}/100"]
    if low:
        warnings.append(f"{len(low)} từ OCR có độ tin cậy thấp, cần người đối chiếu")
    return Source(nfc("\n".join(lines)), warnings, mean, low)


def ocr_pdf(path: Path) -> Source:
    _tesseract()
    import pypdfium2

    pdf = pypdfium2.PdfDocument(str(path))
    try:
        images = [page.render(scale=OCR_DPI / 72).to_pil() for page in pdf]
    finally:
        pdf.close()
    return ocr_images(images)


def read_image(path: Path) -> Source:
    _tesseract()
    from PIL import Image

    with Image.open(path) as image:
        return ocr_images([image.convert("RGB")])


def doc_by_antiword(path: Path) -> Source | None:
    """antiword's text, UTF-8 whatever the locale, tables laid out as ``table_lines``."""
    binary = shutil.which("antiword")
    if binary is None:
        return None
    env = {**os.environ, "ANTIWORDHOME": "/usr/share/antiword"}
    done = subprocess.run(
        [binary, "-w", "0", "-m", "UTF-8.txt", str(path)], capture_output=True, env=env, check=False
    )
    if done.returncode != 0 or not done.stdout.strip():
        return None
    read = read_bytes_as_text(done.stdout)
    read.text = antiword_tables(read.text)
    return read


def doc_by_catdoc(path: Path) -> Source | None:
    binary = shutil.which("catdoc")
    if binary is None:
        return None
    done = subprocess.run(
        [binary, "-d", "utf-8", "-w", str(path)], capture_output=True, check=False
    )
    if done.returncode != 0 or not done.stdout.strip():
        return None
    return read_bytes_as_text(done.stdout)


def doc_by_libreoffice(path: Path) -> Source | None:
    """LibreOffice converts the file to .docx (in a private profile, so a running LibreOffice
    is not disturbed), read then as any .docx: tables stay tables."""
    binary = shutil.which("soffice") or shutil.which("libreoffice")
    if binary is None:
        return None
    with tempfile.TemporaryDirectory(prefix="cchc-doc-") as folder:
        work = Path(folder)
        done = subprocess.run(
            [binary, f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless",
             "--convert-to", "docx", "--outdir", str(work), str(path.resolve())],
            capture_output=True, check=False, timeout=LIBREOFFICE_TIMEOUT,
        )  # fmt: skip
        converted = work / f"{path.stem}.docx"
        if done.returncode != 0 or not converted.exists():
            return None
        return read_docx(converted)


# Word 97-2003 readers in the order tried: the small tools first.
DOC_READERS = (doc_by_antiword, doc_by_catdoc, doc_by_libreoffice)


def read_doc(path: Path) -> Source:
    """Word 97-2003 through antiword or catdoc, else LibreOffice; a clear message when none."""
    for reader in DOC_READERS:
        if (read := reader(path)) is not None:
            return read
    raise FormatError(
        "tệp .doc cần antiword, catdoc hoặc LibreOffice; cài: apt-get install antiword "
        "(hoặc libreoffice-writer-nogui)"
    )


def read_bytes_as_text(data: bytes) -> Source:
    """Bytes of a text file: UTF-8/16, Windows-1258, or legacy TCVN3/VNI bytes."""
    legacy = None if decode(data).encoding.startswith("utf") else detect(data)
    if legacy:
        text = decode_legacy(data, legacy).replace("\r\n", "\n").replace("\r", "\n")
    else:
        text, legacy = repair_legacy(read_text(data))
    return _source(text, legacy)


def _source(text: str, legacy: str | None) -> Source:
    return Source(text, [f"văn bản mã {legacy} đã được chuyển sang Unicode"] if legacy else [])


# Suffix -> reader; one row per format.
READERS = {
    ".txt": read_plain,
    ".md": read_plain,
    ".docx": read_docx,
    ".pdf": read_pdf,
    ".doc": read_doc,
    ".png": read_image,
    ".jpg": read_image,
    ".jpeg": read_image,
    ".tif": read_image,
    ".tiff": read_image,
}


def read_source(path: Path) -> Source:
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        known = ", ".join(sorted(READERS))
        raise FormatError(
            f"chưa hỗ trợ định dạng {path.suffix or '(không đuôi)'}; đọc được: {known}"
        )
    try:
        return reader(path)
    except (FormatError, OSError):
        raise
    except Exception as exc:  # noqa: BLE001 — a damaged file is reported, not a crash
        raise FormatError(f"tệp {path.suffix} hỏng hoặc không đọc được ({exc})") from exc
