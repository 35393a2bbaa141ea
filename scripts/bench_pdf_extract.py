"""Which PDF text extractor reads Vietnamese best: pypdf, pdfplumber or pypdfium2.

Prints, for PDFs that headless Chromium prints from HTML (a two-column header, NFC text, the
same text in NFD with combining marks, a ".VnTime"-like text layer of TCVN3 codes shown as
Latin-1, a 20-page plan with running footers), the share of the true words each extractor gives
back in order, and its time. pdfplumber and pypdf come with the dev dependencies (a missing
one is skipped).

    python scripts/bench_pdf_extract.py
"""

from __future__ import annotations

import difflib
import html
import importlib.util
import re
import tempfile
import time
import unicodedata
from pathlib import Path

from cchc_kb.importer.legacy import TCVN3, repair_legacy
from cchc_kb.preview import print_to_pdf

HEADER = (
    "<table><tr><td>UBND TỈNH HẢI DƯƠNG<br><b>SỞ XÂY DỰNG</b><br>Số: 15/KH-SXD</td>"
    "<td><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b><br>Độc lập - Tự do - Hạnh phúc<br>"
    "<i>Hải Dương, ngày 12 tháng 5 năm 2023</i></td></tr></table>"
)
PARAGRAPH = (
    "Thực hiện Kế hoạch số 236/KH-UBND ngày 15/01/2023 của Ủy ban nhân dân tỉnh về tuyên "
    "truyền cải cách hành chính; Sở Xây dựng xây dựng kế hoạch tuyên truyền, phổ biến đến "
    "cán bộ, công chức, viên chức và người dân những nội dung trọng tâm của năm."
)
STYLE = "<style>body{font:13pt serif} td{vertical-align:top;text-align:center;width:50%}</style>"
TO_TCVN3 = {v: chr(k) for k, v in TCVN3.items()}


def page(body: str) -> str:
    return f'<!doctype html><meta charset="utf-8">{STYLE}{body}'


def header_and_text() -> tuple[str, str]:
    truth = "UBND TỈNH HẢI DƯƠNG SỞ XÂY DỰNG Số: 15/KH-SXD CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM "
    truth += "Độc lập - Tự do - Hạnh phúc Hải Dương, ngày 12 tháng 5 năm 2023 " + PARAGRAPH
    return page(HEADER + f"<p>{PARAGRAPH}</p>"), truth


def cases() -> dict[str, tuple[str, str, bool]]:
    """name -> (HTML, true text, whether the text layer is legacy)."""
    nfc_html, truth = header_and_text()
    nfd = unicodedata.normalize("NFD", PARAGRAPH)
    legacy = "".join(TO_TCVN3.get(c, c) for c in PARAGRAPH.lower())
    long_body = "".join(
        f"<p>{PARAGRAPH}</p>"
        + ("<div style='break-after:page'>Trang chân</div>" if i % 6 == 5 else "")
        for i in range(120)
    )
    return {
        "header+NFC": (nfc_html, truth, False),
        "NFD marks": (page(f"<p>{html.escape(nfd)}</p>"), PARAGRAPH, False),
        "TCVN3 layer": (page(f"<p>{html.escape(legacy)}</p>"), PARAGRAPH.lower(), True),
        "20 pages": (page(long_body), " ".join([PARAGRAPH] * 120), False),
    }


def extract_pypdf(path: Path) -> str:
    import pypdf

    return "\n".join(p.extract_text() or "" for p in pypdf.PdfReader(str(path)).pages)


def extract_pdfplumber(path: Path) -> str:
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        return "\n".join(p.extract_text() or "" for p in pdf.pages)


def extract_pypdfium2(path: Path) -> str:
    import pypdfium2

    pdf = pypdfium2.PdfDocument(str(path))
    return "\n".join(p.get_textpage().get_text_range() for p in pdf)


EXTRACTORS = {
    "pypdf": extract_pypdf,
    "pdfplumber": extract_pdfplumber,
    "pypdfium2": extract_pypdfium2,
}


def words(text: str) -> list[str]:
    return re.findall(r"\w+", unicodedata.normalize("NFC", text).lower())


def word_recall(got: str, truth: str) -> float:
    """Share of the true words found in order (longest matching blocks)."""
    want = words(truth)
    matcher = difflib.SequenceMatcher(None, want, words(got), autojunk=False)
    return sum(b.size for b in matcher.get_matching_blocks()) / len(want)


def main() -> None:
    available = {n: f for n, f in EXTRACTORS.items() if importlib.util.find_spec(n)}
    with tempfile.TemporaryDirectory() as tmp:
        print(f"{'case':14} " + " ".join(f"{n:>22}" for n in available))
        for name, (markup, truth, legacy) in cases().items():
            source = Path(tmp) / "case.html"
            source.write_text(markup, "utf-8")
            pdf = Path(tmp) / "case.pdf"
            print_to_pdf(source, pdf)
            cells = []
            for extract in available.values():
                start = time.perf_counter()
                text = extract(pdf)
                took = time.perf_counter() - start
                if legacy:
                    text, _ = repair_legacy(text)
                cells.append(f"{word_recall(text, truth):6.1%} words {took * 1000:6.0f} ms")
            print(f"{name:14} " + " ".join(f"{c:>22}" for c in cells))


if __name__ == "__main__":
    main()
