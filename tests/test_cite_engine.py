"""Cleaning offsets, annotation, resolution rules, the command and the evaluation script."""

from __future__ import annotations

import html
import importlib.util
import json
import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from cchc_kb.cite import CitingContext, Registry, annotate, clean, find_citations
from cchc_kb.cli import main
from cchc_kb.model.models import Agency, Document, PartialDate

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("eval_cite", ROOT / "scripts" / "eval_cite.py")
eval_cite = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(eval_cite)

# -- clean ----------------------------------------------------------------------------------

CLEAN = [
    ("Quyết định số\r\n\r\n765/QĐ\u2013UBND", "Quyết định số 765/QĐ-UBND"),
    ("a\u00a0\u00a0b\tc", "a b c"),
    ("NĐ\u200b-CP", "NĐ-CP"),
    ("\u00d0ồng", "Đồng"),
    (unicodedata.normalize("NFD", "Nghị định số 5"), "Nghị định số 5"),
]


@pytest.mark.parametrize(("raw", "cleaned"), CLEAN)
def test_clean_text(raw, cleaned):
    assert clean(raw).text == cleaned


@pytest.mark.parametrize(("raw", "cleaned"), CLEAN)
def test_clean_offsets_map_back(raw, cleaned):
    ct = clean(raw)
    # Every word of the cleaned text maps back to the same word (up to NFC) in the original.
    position = 0
    for word in cleaned.split(" "):
        start = ct.text.index(word, position)
        end = start + len(word)
        a, b = ct.span_to_original(start, end)
        original = unicodedata.normalize("NFC", raw[a:b]).translate({0x2013: "-", 0xD0: "Đ"})
        assert original.replace("\u200b", "") == word
        position = end


# -- annotate -------------------------------------------------------------------------------


def test_annotate_escapes_text_not_markup():
    text = "A <b> Nghị định 61/2018/NĐ-CP & C"
    start = text.index("Nghị")
    end = start + len("Nghị định 61/2018/NĐ-CP")
    out = annotate(text, [((start, end), '<a href="x">', "</a>")], escape=html.escape)
    assert out == 'A &lt;b&gt; <a href="x">Nghị định 61/2018/NĐ-CP</a> &amp; C'


def test_annotate_skips_overlaps_and_keeps_text():
    text = "0123456789"
    out = annotate(text, [((2, 5), "[", "]"), ((4, 6), "{", "}"), ((7, 8), "(", ")")])
    assert out == "01[234]56(7)89"


def test_annotate_links_every_citation_in_place():
    (path,) = ROOT.glob("plans/*/*/003_9fb4ab6f11e7a9df.txt")
    text = path.read_text("utf-8")
    citations = find_citations(text)
    out = annotate(text, [(c.span, "⟦", "⟧") for c in citations])
    assert out.count("⟦") == len(citations) == 15
    assert out.replace("⟦", "").replace("⟧", "") == text


# -- resolution -----------------------------------------------------------------------------

AGENCIES = {
    "ubnd-tinh-a": Agency("ubnd-tinh-a", "Ủy ban nhân dân tỉnh A", "tinh", province="ubnd-tinh-a"),
    "so-noi-vu-a": Agency(
        "so-noi-vu-a", "Sở Nội vụ tỉnh A", "so", parent="ubnd-tinh-a", province="ubnd-tinh-a"
    ),
}


def _doc(doc_id, number, issued, issuer="ubnd-tinh-a"):
    return Document(doc_id, number, "Kế hoạch", "", issuer, issued)


RESOLVE = [
    ("one in the window", [_doc("k-2022", "7/KH-UBND", PartialDate(2022, 3, 1))], 2024, "k-2022"),
    ("outside the window", [_doc("k-2010", "7/KH-UBND", PartialDate(2010, 3, 1))], 2024, None),
    (
        "two in the window",
        [
            _doc("k-2022", "7/KH-UBND", PartialDate(2022, 3, 1)),
            _doc("k-2023", "7/KH-UBND", PartialDate(2023, 3, 1)),
        ],
        2024,
        None,
    ),
    ("record without date fits", [_doc("k", "7/KH-UBND", None)], 2024, "k"),
    ("other issuer", [_doc("k", "7/KH-UBND", None, issuer="ubnd-tinh-b")], 2024, None),
    ("later than the plan year", [_doc("k", "7/KH-UBND", PartialDate(2025, 1, 1))], 2024, None),
]


@pytest.mark.parametrize(("case", "docs", "year", "expected"), RESOLVE, ids=[r[0] for r in RESOLVE])
def test_year_window(case, docs, year, expected):
    registry = Registry.from_records(docs, AGENCIES)
    context = CitingContext("so-noi-vu-a", year)
    (citation,) = find_citations(
        "Thực hiện Kế hoạch số 7/KH-UBND của UBND tỉnh.", registry, context
    )
    assert citation.issuer == "ubnd-tinh-a"
    assert citation.id == expected


def test_without_context_no_window():
    registry = Registry.from_records([_doc("k", "7/KH-UBND", None)], AGENCIES)
    (citation,) = find_citations("Kế hoạch số 7/KH-UBND của UBND tỉnh.", registry)
    assert citation.id is None


def test_own_number_is_not_a_citation():
    context = CitingContext("so-noi-vu-a", 2024, PartialDate(2024, 1, 2), own_number="02/KH-SNV")
    text = "Kế hoạch số 02/KH-SNV này; Kế hoạch số 02/KH-SNV ngày 05/01/2023 năm trước."
    found = find_citations(text, Registry.from_records([], AGENCIES), context)
    assert [c.date.iso for c in found] == ["2023-01-05"]


def test_preamble_only_covers_opening_clauses():
    text = (
        "Căn cứ Nghị định số 61/2018/NĐ-CP ngày 23/4/2018;\n"
        "Thực hiện Kế hoạch số 7/KH-UBND ngày 01/02/2024 của UBND tỉnh.\n\n"
        "Sở xây dựng kế hoạch theo Chỉ thị số 11/CT-TTg ngày 29/3/2017.\n\n"
        "I. MỤC ĐÍCH\n\nNghị định số 45/2020/NĐ-CP ngày 08/4/2020.\n"
    )
    assert [c.in_preamble for c in find_citations(text)] == [True, True, False, False]


# -- command --------------------------------------------------------------------------------

SAMPLE = "Thực hiện Kế hoạch số 236/KH-UBND ngày 15/01/2025 của UBND tỉnh.\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le"])
def test_command_json_spans_into_decoded_text(tmp_path, capsys, monkeypatch, encoding):
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "van-ban.txt"
    path.write_bytes(("\r\n" + SAMPLE).encode(encoding))
    assert main(["cite", str(path), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    decoded = "\r\n" + SAMPLE
    assert [c["number"] for c in out] == ["236/KH-UBND"]
    start, end = out[0]["span"]
    assert decoded[start:end] == out[0]["text"] == "Kế hoạch số 236/KH-UBND"
    assert out[0]["id"] is None and out[0]["kind"] == "admin" and out[0]["date"] == "2025-01-15"


def test_command_markdown_plan_uses_front_matter(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    front = "---\nco_quan_ban_hanh: so-xay-dung-hai-duong\nnam: 2025\nso_ky_hieu: 02/KH-SXD\n---\n"
    path = tmp_path / "ke-hoach.md"
    path.write_text(front + "Số: 02/KH-SXD\n\n" + SAMPLE, encoding="utf-8")
    assert main(["cite", str(path), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    text = path.read_text(encoding="utf-8")
    assert [(c["kind"], text[a:b]) for c in out for a, b in [c["span"]]] == [
        ("self", "Số: 02/KH-SXD"),
        ("admin", "Kế hoạch số 236/KH-UBND"),
    ]
    assert out[0]["number"] == "02/KH-SXD"


def test_command_without_json_prints_one_line_each(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "van-ban.txt"
    path.write_text("Số: 07/KH-UBND\n\n" + SAMPLE, encoding="utf-8")
    assert main(["cite", str(path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "1:1: «Số: 07/KH-UBND» → số của chính văn bản này"
    assert lines[1].startswith("3:") and "236/KH-UBND" in lines[1]


def test_command_unreadable_file(tmp_path, capsys):
    assert main(["cite", str(tmp_path / "khong-co.txt"), "--json"]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and "không đọc được" in captured.err


def test_command_resolves_against_repository(tmp_path):
    sys.path.insert(0, str(ROOT / "tests"))
    try:
        from minirepo import PLAN_PATH, write_minimal_repo
    finally:
        sys.path.remove(str(ROOT / "tests"))
    write_minimal_repo(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "cchc_kb.cli", "cite", PLAN_PATH, "--json"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    found = [c for c in found if c["kind"] != "self"]
    assert [(c["number"], c["id"], c["in_preamble"]) for c in found] == [
        ("236/KH-UBND", "ubnd-tinh-hai-duong-2025-kh-236", True),
        ("61/2018/NĐ-CP", "61-2018-nd-cp", False),
    ]
    text = (tmp_path / PLAN_PATH).read_text(encoding="utf-8")
    assert all(text[a:b] == c["text"] for c in found for a, b in [c["span"]])


# -- evaluation set -------------------------------------------------------------------------


def test_evaluation_set_precision_and_recall():
    path = ROOT / "tests" / "data" / "cite" / "eval.yml"
    precision, recall, count = eval_cite.evaluate(path, eval_cite.load_registry())
    assert count >= 67
    assert (precision, recall) == (1.0, 1.0)


def test_evaluation_script_prints_figures():
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "eval_cite.py")], capture_output=True, text=True
    )
    assert result.returncode == 0
    assert "precision: 1.0000" in result.stdout and "recall: 1.0000" in result.stdout
