"""Misquoted citations: known wrong forms resolve with a correction, unknown ones only suggest."""

from __future__ import annotations

import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest

from cchc_kb.analysis.graph import build_graph, find_anachronisms
from cchc_kb.cite import CitingContext, Registry, find_citations
from cchc_kb.corpus import build_corpus
from cchc_kb.model.models import Document, LegalDoc, Misquote, PartialDate

ROOT = Path(__file__).resolve().parent.parent
SEED_002 = "ubnd-xa-tien-tien-2024-tuyen-truyen-cchc"
D = PartialDate.parse


def _registry() -> Registry:
    """A made-up registry: a decree known to be misquoted, one misquoted by date only, and a
    decree with no known misquote that a near number should be suggested for."""
    return Registry.from_records(
        [
            LegalDoc(
                "14-2021-nd-cp",
                "14/2021/NĐ-CP",
                "Nghị định",
                "",
                "chinh-phu",
                D("2021-03-09"),
                misquotes=[Misquote("14/2022/NĐ-CP", D("2022-03-09"))],
            ),  # fmt: skip
            LegalDoc(
                "33-2019-nd-cp",
                "33/2019/NĐ-CP",
                "Nghị định",
                "",
                "chinh-phu",
                D("2019-05-20"),
                misquotes=[Misquote(None, D("2019-05-02"))],
            ),  # fmt: skip
            Document(
                "77-2020-nd-cp", "77/2020/NĐ-CP", "Nghị định", "", "chinh-phu", D("2020-11-04")
            ),
            Document("8-2017-nd-cp", "8/2017/NĐ-CP", "Nghị định", "", "chinh-phu", D("2017-06-12")),
            Document(
                "9-2017-tt-bnv", "9/2017/TT-BNV", "Thông tư", "", "bo-noi-vu", D("2017-06-12")
            ),
        ],
        {},
    )


CONTEXT = CitingContext(None, 2024, D("2024-05-01"))

# (case, text, number as written, id, correction (code, number, date) or None, suggestion)
ROWS = [
    (
        "known misquote of number and date",
        "Căn cứ Nghị định số 14/2022/NĐ-CP ngày 09/3/2022 của Chính phủ;",
        "14/2022/NĐ-CP", "14-2021-nd-cp", ("misquoted-citation", "14/2021/NĐ-CP", "2021-03-09"), None,
    ),
    (
        "known misquote written without a date",
        "theo Nghị định 14/2022/NĐ-CP về quản lý",
        "14/2022/NĐ-CP", "14-2021-nd-cp", ("misquoted-citation", "14/2021/NĐ-CP", "2021-03-09"), None,
    ),
    (
        "known misquote with another date is not that misquote",
        "Nghị định 14/2022/NĐ-CP ngày 01/12/2022",
        "14/2022/NĐ-CP", None, None, "14-2021-nd-cp",
    ),
    (
        "date-only misquote of a real number",
        "Nghị định 33/2019/NĐ-CP ngày 02/5/2019",
        "33/2019/NĐ-CP", "33-2019-nd-cp", ("misquoted-citation", "33/2019/NĐ-CP", "2019-05-20"), None,
    ),
    (
        "the right date of that number carries no correction",
        "Nghị định 33/2019/NĐ-CP ngày 20/5/2019",
        "33/2019/NĐ-CP", "33-2019-nd-cp", None, None,
    ),
    (
        "unknown number, year off by one, same day and month: suggested, not linked",
        "Nghị định 77/2021/NĐ-CP ngày 04/11/2021",
        "77/2021/NĐ-CP", None, None, "77-2020-nd-cp",
    ),
    (
        "unknown number, year off by one, another day: no suggestion",
        "Nghị định 77/2021/NĐ-CP ngày 15/01/2021",
        "77/2021/NĐ-CP", None, None, None,
    ),
    (
        "unknown number, year off by two: no suggestion",
        "Nghị định 77/2022/NĐ-CP ngày 04/11/2022",
        "77/2022/NĐ-CP", None, None, None,
    ),
    (
        "same serial, same date, other type: no suggestion",
        "Thông tư 8/2018/TT-BNV ngày 12/6/2018",
        "8/2018/TT-BNV", None, None, None,
    ),
    (
        "normative number without its year, registry has the proposed one",
        "Nghị định số 77/NĐ-CP ngày 04/11/2020 của Chính phủ",
        "77/NĐ-CP", "77-2020-nd-cp", ("number-missing-year", "77/2020/NĐ-CP", None), None,
    ),
    (
        "normative number without its year, registry does not have it",
        "Nghị định số 30/NĐ-CP ngày 05/3/2020",
        "30/NĐ-CP", None, ("number-missing-year", "30/2020/NĐ-CP", None), None,
    ),
    (
        "an administrative number without a year is not a missing year",
        "Nghị quyết số 30/NQ-CP ngày 05/3/2020",
        "30/NQ-CP", None, None, None,
    ),
]  # fmt: skip


@pytest.mark.parametrize(
    ("case", "text", "number", "doc_id", "correction", "suggestion"), ROWS, ids=[r[0] for r in ROWS]
)
def test_misquote_rows(case, text, number, doc_id, correction, suggestion):
    [citation] = find_citations(text, registry=_registry(), context=CONTEXT)
    assert citation.number == number  # the number is kept as written
    assert citation.id == doc_id
    got = citation.correction
    assert (got and (got.code, got.number, got.date.iso if got.date else None)) == (
        correction or None
    )
    assert citation.suggestion == suggestion
    if got is not None:
        assert number in got.message and got.number in got.message


@cache
def _seed_corpus():
    return build_corpus(ROOT)


def test_seed_002_cites_61_2023_through_its_misquote():
    plan = _seed_corpus().plans[SEED_002]
    [citation] = [c for c in plan.citations if c.number == "61/2024/NĐ-CP"]
    assert citation.id == "61-2023-nd-cp"
    assert citation.date.iso == "2024-08-16"  # as written
    assert (citation.correction.number, citation.correction.date.iso) == (
        "61/2023/NĐ-CP",
        "2023-08-16",
    )
    assert "61/2024/NĐ-CP" in citation.correction.message
    assert "61/2023/NĐ-CP" in citation.correction.message


def test_seed_002_has_no_anachronism_for_the_misquoted_decree():
    corpus = _seed_corpus()
    found = [
        f
        for f in find_anachronisms(corpus, build_graph(corpus))
        if f.doc_id == SEED_002 and "61-2023-nd-cp" in f.related
    ]
    assert found == []


def test_cchc_check_prints_the_misquote_warning():
    result = subprocess.run(
        [sys.executable, "-m", "cchc_kb.cli", "check", str(ROOT)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    lines = [line for line in result.stdout.splitlines() if ": misquoted-citation: " in line]
    assert len(lines) == 1
    assert lines[0].startswith(f"plans/ubnd-xa-tien-tien/2024/{SEED_002}.md:101: warning: ")
    assert "61/2024/NĐ-CP" in lines[0] and "61/2023/NĐ-CP" in lines[0]
    assert "61/2024" not in "\n".join(
        line for line in result.stdout.splitlines() if "anachronism" in line or "cited-not" in line
    )


def test_site_links_the_misquote_to_61_2023_and_shows_the_correction(real_site):
    from conftest import parse

    plan_page = real_site.html(f"ke-hoach/{SEED_002}/")
    links = parse(plan_page).anchors
    [link] = [a for a in links if a["text"] == "Nghị định 61/2024/NĐ-CP"]
    assert link["attrs"]["href"].endswith("van-ban/61-2023-nd-cp/")
    after = plan_page.split("Nghị định 61/2024/NĐ-CP</a>", 1)[1][:200]
    assert "đúng là: 61/2023/NĐ-CP ngày 16 tháng 8 năm 2023" in after
    legal_page = real_site.html("van-ban/61-2023-nd-cp/")
    assert f"ke-hoach/{SEED_002}/" in legal_page
    # No page presents 61/2024 as a document: its old address, if kept, leads to 61/2023.
    old = real_site.site / "van-ban" / "61-2024-nd-cp" / "index.html"
    if old.exists():
        assert "61-2023-nd-cp" in old.read_text("utf-8")
        assert not any("61/2024" in text for _, _, text in parse(old.read_text("utf-8")).headings)
    heading = [text for tag, _, text in parse(legal_page).headings if tag == "h1"]
    assert heading and heading[0].startswith("Nghị định 61/2023/NĐ-CP")
