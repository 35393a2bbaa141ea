"""``cchc legal import``: rows in the national database's field names merged into legal/."""

from __future__ import annotations

import json
import re
from pathlib import Path

from conftest import copy_repository

from cchc_kb.cli import main as cli_main
from cchc_kb.corpus import build_corpus
from cchc_kb.importer import read_front_matter

ROWS = """so_ky_hieu,loai_van_ban,ngay_ban_hanh,ngay_co_hieu_luc,co_quan_ban_hanh,trich_yeu,tinh_trang_hieu_luc
61/2018/NĐ-CP,Nghị định,23/04/2018,21/06/2018,Chính phủ,Về cơ chế một cửa,Còn hiệu lực
99/2024/NĐ-CP,Nghị định,01/02/2024,15/03/2024,Chính phủ,Quy định về thử nghiệm,Còn hiệu lực
5/QĐ-UBND,Quyết định,03/03/2023,,UBND tỉnh Hải Dương,Ban hành quy chế,
7/QĐ-UBND,Quyết định,03/03/2023,,Sở Không Có,Ban hành quy chế,
"""


def legal(repo: Path, doc_id: str) -> dict:
    return read_front_matter((repo / "legal" / f"{doc_id}.md").read_text("utf-8"))[0]


def without_effective_date(repo: Path, doc_id: str) -> None:
    """The record as it was before its effective date was known: the import must fill it."""
    path = repo / "legal" / f"{doc_id}.md"
    text = path.read_text("utf-8")
    text = re.sub(r"^ngay_co_hieu_luc: .*\n", "", text, flags=re.M)
    text = re.sub(r"^  - truong: \[ngay_co_hieu_luc\]\n(?:    .*\n)+", "", text, flags=re.M)
    path.write_text(text, "utf-8")


def test_rows_merge_without_losing_hand_written_facts(tmp_path, capsys):
    copy_repository(tmp_path)
    without_effective_date(tmp_path, "61-2018-nd-cp")
    before = legal(tmp_path, "61-2018-nd-cp")
    rows = tmp_path / "vbpl.csv"
    rows.write_text(ROWS, "utf-8")
    relations = tmp_path / "quan-he.jsonl"
    relations.write_text(
        json.dumps({"so_ky_hieu": "99/2024/NĐ-CP", "quan_he": "Thay thế",
                    "so_ky_hieu_lien_quan": "61/2018/NĐ-CP"}, ensure_ascii=False) + "\n",
        "utf-8",
    )  # fmt: skip
    status = cli_main(
        ["legal", "import", str(rows), "--relations", str(relations), "--root", str(tmp_path)]
    )
    err = capsys.readouterr().err
    assert status == 1  # the row with an unknown issuer
    assert f"{rows}:5: error: legal-row: co_quan_ban_hanh: không có «Sở Không Có»" in err
    assert (
        f"{rows}:2: warning: legal-conflict: trich_yeu: trong kho «{before['trich_yeu']}», "
        "tệp nhập «Về cơ chế một cửa»; giữ giá trị trong kho" in err
    )
    assert (
        f"{rows}:2: warning: legal-conflict: tinh_trang_hieu_luc: trong kho «Hết hiệu lực toàn bộ», "
        "tệp nhập «Còn hiệu lực»" in err
    )
    assert "Thêm 2, bổ sung 1 văn bản; lỗi 1 dòng." in err

    after = legal(tmp_path, "61-2018-nd-cp")
    assert after["ngay_co_hieu_luc"] == "2018-06-21"  # was empty: filled
    assert after["trich_yeu"] == before["trich_yeu"]  # hand-written: kept
    assert after["ghi_chu"] == before["ghi_chu"]
    assert after["nguon_thong_tin"][: len(before["nguon_thong_tin"])] == before["nguon_thong_tin"]
    assert after["nguon_thong_tin"][-1]["truong"] == ["ngay_co_hieu_luc"]

    new = legal(tmp_path, "99-2024-nd-cp")
    assert new["thay_the"] == ["61-2018-nd-cp"]
    assert new["ngay_ban_hanh"] == "2024-02-01"
    assert legal(tmp_path, "5-qd-ubnd-hai-duong-2023")["co_quan_ban_hanh"] == "ubnd-tinh-hai-duong"
    assert legal(tmp_path, "5-qd-ubnd-hai-duong-2023")["tinh_trang_hieu_luc"] == {
        "trang_thai": "Chưa rõ"
    }

    corpus = build_corpus(tmp_path)
    assert corpus.errors == []
    assert corpus.legal["99-2024-nd-cp"].relations["thay_the"] == ["61-2018-nd-cp"]


def test_json_lines_rows_and_a_csv_relations_table(tmp_path, capsys):
    """The other two file forms; a broken JSON line is reported at its line, the rest goes on."""
    copy_repository(tmp_path)
    rows = tmp_path / "vbpl.jsonl"
    rows.write_text(
        json.dumps({"so_ky_hieu": "98/2024/NĐ-CP", "loai_van_ban": "Nghị định",
                    "ngay_ban_hanh": "05/03/2024", "co_quan_ban_hanh": "Chính phủ",
                    "trich_yeu": "Sửa đổi Nghị định số 61/2018/NĐ-CP"}, ensure_ascii=False)
        + "\n{hỏng\n[1, 2]\n",
        "utf-8",
    )  # fmt: skip
    relations = tmp_path / "quan-he.csv"
    relations.write_text(
        'so_ky_hieu,quan_he,so_ky_hieu_lien_quan\n98/2024/NĐ-CP,"Sửa đổi, bổ sung",61/2018/NĐ-CP\n',
        "utf-8",
    )
    status = cli_main(
        ["legal", "import", str(rows), "--relations", str(relations), "--root", str(tmp_path)]
    )
    err = capsys.readouterr().err
    assert status == 1
    assert f"{rows}:2: error: legal-row: dòng JSON hỏng" in err
    assert f"{rows}:3: error: legal-row: dòng JSON không phải một đối tượng" in err
    assert "Thêm 1, bổ sung 0 văn bản; lỗi 2 dòng." in err
    new = legal(tmp_path, "98-2024-nd-cp")
    assert new["ngay_ban_hanh"] == "2024-03-05"
    assert new["sua_doi_bo_sung"] == ["61-2018-nd-cp"]
    assert build_corpus(tmp_path).errors == []
