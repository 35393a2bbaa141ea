"""Shared building blocks: Vietnamese collation, decoding, slugs, validity, the generator."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from cchc_kb.analysis.validity import history, judge, on_or_before
from cchc_kb.corpus import Corpus, build_corpus
from cchc_kb.model.collation import sort_key, sorted_vi
from cchc_kb.model.models import LegalDoc, PartialDate, Provenance, Validity
from cchc_kb.model.slug import is_safe_id, slugify
from cchc_kb.model.text import decode, read_text
from cchc_kb.synthetic import write_repository

# (earlier, later): each row one rule of Vietnamese ordering.
COLLATION = [
    ("An Giang", "Ă"),  # a < ă
    ("Ăn", "Ân"),  # ă < â
    ("Dương", "Đồng Nai"),  # d < đ, and đ before e, not after z
    ("Đồng Nai", "Eo"),
    ("Hải Dương", "Hải Phòng"),  # same letters up to D < P
    ("Huế", "Hưng Yên"),  # u < ư
    ("o", "ô"),
    ("ô", "ơ"),
    ("Tiên", "Tiền"),  # tone is secondary: ngang < huyền
    ("Tiền", "Tiển"),  # huyền < hỏi
    ("Tiển", "Tiễn"),  # hỏi < ngã
    ("Tiễn", "Tiến"),  # ngã < sắc
    ("Tiến", "Tiện"),  # sắc < nặng
    ("Tiện", "Tim"),  # letters decide before tones
    ("9/KH-UBND", "10/KH-UBND"),  # numbers as numbers
    ("Kế hoạch 2/KH", "Kế hoạch 15/KH"),
    ("Yên Bái", "Zeta"),
]


@pytest.mark.parametrize("earlier,later", COLLATION)
def test_vietnamese_collation(earlier: str, later: str) -> None:
    assert sort_key(earlier) < sort_key(later)
    assert sorted_vi([later, earlier]) == [earlier, later]


def test_collation_ignores_normalisation_form() -> None:
    word = "Thừa Thiên Huế"
    assert sort_key(unicodedata.normalize("NFD", word)) == sort_key(word)


# (encoded bytes, expected text)
SAMPLE = "Kế hoạch số 02/KH-UBND ngày 02 tháng 01 năm 2024 của Ủy ban nhân dân xã Tiền Tiến"
DECODINGS = [
    (SAMPLE.encode("utf-8"), "utf-8"),
    (b"\xef\xbb\xbf" + SAMPLE.encode("utf-8"), "utf-8"),
    (SAMPLE.encode("utf-16"), "utf-16-le"),
    (SAMPLE.encode("utf-16-be"), "utf-16-be"),
    (SAMPLE.encode("utf-16-le"), "utf-16-le"),
]


@pytest.mark.parametrize("data,encoding", DECODINGS, ids=[e for _, e in DECODINGS])
def test_decode_detects_encoding_and_drops_bom(data: bytes, encoding: str) -> None:
    decoded = decode(data)
    assert decoded.encoding.replace("_", "-").startswith(encoding.split("-")[0])
    assert decoded.text == SAMPLE


def test_read_text_normalises_to_nfc_and_lf() -> None:
    data = unicodedata.normalize("NFD", "Hải Dương\r\nngày").encode("utf-8")
    assert read_text(data) == "Hải Dương\nngày"


SLUGS = [
    ("Sở Xây dựng tỉnh Hải Dương", "so-xay-dung-tinh-hai-duong"),
    ("61/2018/NĐ-CP", "61-2018-nd-cp"),
    ("Ủy ban nhân dân xã Tiền Tiến", "uy-ban-nhan-dan-xa-tien-tien"),
    ("../../etc/passwd", "etc-passwd"),
]


@pytest.mark.parametrize("text,slug", SLUGS)
def test_slugify(text: str, slug: str) -> None:
    assert slugify(text) == slug
    assert is_safe_id(slug)


@pytest.mark.parametrize("bad", ["../x", "a/b", "A-b", "a--b", "", "-a", "a b", "ạ"])
def test_unsafe_ids_are_refused(bad: str) -> None:
    assert not is_safe_id(bad)


def _legal(doc_id, number, issued, effective=None, validity=None, relations=None, checked=False):
    return LegalDoc(
        id=doc_id,
        number=number,
        doc_type="Nghị định",
        summary="",
        issuer="chinh-phu",
        issued=PartialDate.parse(issued),
        effective=PartialDate.parse(effective) if effective else None,
        validity=validity,
        relations=relations or {},
        provenance=[Provenance(("thay_the", "sua_doi_bo_sung"), "thử", checked)],
    )


@pytest.fixture
def legal_corpus() -> Corpus:
    corpus = Corpus(root=Path("."))
    for doc in (
        _legal("61-2018-nd-cp", "61/2018/NĐ-CP", "2018-04-23", "2018-06-21", Validity("Chưa rõ")),
        _legal(
            "107-2021-nd-cp",
            "107/2021/NĐ-CP",
            "2021-12-06",
            None,
            None,
            {"sua_doi_bo_sung": ["61-2018-nd-cp"]},
        ),
        _legal(
            "118-2025-nd-cp",
            "118/2025/NĐ-CP",
            "2025-06-09",
            "2025-07-01",
            None,
            {"thay_the": ["61-2018-nd-cp", "107-2021-nd-cp"]},
        ),
        _legal(
            "1-2030-nd-cp",
            "1/2030/NĐ-CP",
            "2030-01-01",
            "2030-03-01",
            Validity("Còn hiệu lực", known_on=PartialDate(2030, 3, 1)),
        ),
    ):
        corpus.legal[doc.id] = doc
    return corpus


# (document, date asked about, status, in force)
VALIDITY = [
    ("61-2018-nd-cp", "2022-02", "Chưa rõ", None),  # nothing ended it yet; status not recorded
    ("61-2018-nd-cp", "2025-07-01", "Hết hiệu lực toàn bộ", False),  # replaced from that day
    ("61-2018-nd-cp", "2026-11-23", "Hết hiệu lực toàn bộ", False),
    ("61-2018-nd-cp", "2025", "Chưa rõ", None),  # a year alone cannot tell before/after July
    ("61-2018-nd-cp", "2018-05-01", "Chưa có hiệu lực", False),  # issued, not yet effective
    ("1-2030-nd-cp", "2031-01-01", "Còn hiệu lực", True),
]


@pytest.mark.parametrize("doc_id,on,status,in_force", VALIDITY)
def test_validity_on_a_date(legal_corpus, doc_id, on, status, in_force) -> None:
    judgement = judge(legal_corpus, doc_id, PartialDate.parse(on))
    assert (judgement.status, judgement.in_force) == (status, in_force)


def test_history_lists_amendments_then_replacement(legal_corpus) -> None:
    events = [(c.relation, c.by) for c in history(legal_corpus, "61-2018-nd-cp")]
    assert events == [("sua_doi_bo_sung", "107-2021-nd-cp"), ("thay_the", "118-2025-nd-cp")]
    amended = judge(legal_corpus, "61-2018-nd-cp", PartialDate(2022, 1, 1))
    assert [c.by for c in amended.changed_by] == ["107-2021-nd-cp"]
    assert judge(legal_corpus, "khong-co", None) is None


def test_partial_date_comparison() -> None:
    d = PartialDate.parse
    assert on_or_before(d("2024-01-02"), d("2024-08-16")) is True
    assert on_or_before(d("2024-08-16"), d("2024-01-02")) is False
    assert on_or_before(d("2024"), d("2024-08-16")) is None
    assert on_or_before(d("--12-15"), d("2024-01-02")) is None


def test_synthetic_repository_is_deterministic_and_loads_clean(tmp_path: Path) -> None:
    a = write_repository(tmp_path / "a", plans=120, seed=7)
    b = write_repository(tmp_path / "b", plans=120, seed=7)
    files_a = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    assert files_a == sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    assert all((a / f).read_bytes() == (b / f).read_bytes() for f in files_a)
    corpus = build_corpus(a)
    assert corpus.diagnostics == []  # a realistic corpus: no errors, no data-quality findings
    assert len(corpus.plans) == 120
    cited = [c for plan in corpus.plans.values() for c in plan.citations]
    assert cited and all(c.id for c in cited)  # every generated citation resolves
