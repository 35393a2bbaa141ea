"""Number and date accuracy of the header parser on a folder of real document beginnings.

    python scripts/header_accuracy.py DIR scripts/header_truth.csv

The truth file has the columns file, so_ky_hieu, ngay_ban_hanh (ISO) for every file that shows a
header; the script prints one row per file and the totals.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

from cchc_kb.importer.header import parse_header
from cchc_kb.model.text import read_text


def main(folder: Path, truth_file: Path) -> None:
    rows = list(csv.DictReader(truth_file.open(encoding="utf-8")))
    numbers = dates = 0
    for row in rows:
        text = read_text((folder / row["file"]).read_bytes())
        lines = [x for x in text.split("\n") if not x.startswith("# ")]
        header = parse_header(lines)
        got_date = header.date.iso if header.date else ""
        ok_number = (header.number or "") == row["so_ky_hieu"]
        ok_date = got_date == row["ngay_ban_hanh"]
        numbers += ok_number
        dates += ok_date
        print(
            f"{row['file'][:40]:40} {'✓' if ok_number else '✗'} {header.number!s:24} "
            f"{'✓' if ok_date else '✗'} {got_date}"
        )
    print(f"number {numbers}/{len(rows)}, date {dates}/{len(rows)}")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
