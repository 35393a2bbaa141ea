"""The registries the seeds stand on: 31 cited documents, the legal relations, the agencies."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest
import yaml

from cchc_kb.cite import tables
from cchc_kb.corpus import build_corpus
from cchc_kb.importer import read_front_matter
from cchc_kb.model.models import RELATION_LABELS
from cchc_kb.source.repository import validator

ROOT = Path(__file__).resolve().parent.parent

# The documents the five seeds cite: id -> (number as it must be recorded, issuer).
STUB_PLANS = {
    "ubnd-tinh-hai-duong-2025-kh-236": ("236/KH-UBND", "ubnd-tinh-hai-duong"),
    "ubnd-tinh-thai-binh-2022-kh-15": ("15/KH-UBND", "ubnd-tinh-thai-binh"),
    "ubnd-tp-hai-duong-2023-kh-442": ("442/KH-UBND", "ubnd-tp-hai-duong"),
    "ubnd-tinh-hai-duong-2021-kh-2338": ("2338/KH-UBND", "ubnd-tinh-hai-duong"),
    "ubnd-tinh-dong-nai-2020-kh-1376": ("1376/KH-UBND", "ubnd-tinh-dong-nai"),
    "ubnd-tinh-dong-nai-2020-kh-15965": ("15965/KH-UBND", "ubnd-tinh-dong-nai"),
    "so-xay-dung-dong-nai-2021-kh-02": ("02/KH-SXD", "so-xay-dung-dong-nai"),
    "ubnd-tinh-hung-yen-2022-kh-205": ("205/KH-UBND", "ubnd-tinh-hung-yen"),
}
LEGAL_DOCS = {
    "76-nq-cp-2021": ("76/NQ-CP", "chinh-phu"),
    "61-2018-nd-cp": ("61/2018/NĐ-CP", "chinh-phu"),
    "107-2021-nd-cp": ("107/2021/NĐ-CP", "chinh-phu"),
    "3373-qd-ubnd-thai-binh-2021": ("3373/QĐ-UBND", "ubnd-tinh-thai-binh"),
    "2726-qd-ubnd-thai-binh-2021": ("2726/QĐ-UBND", "ubnd-tinh-thai-binh"),
    "3396-qd-ubnd-hai-duong": ("3396/QĐ-UBND", "ubnd-tinh-hai-duong"),
    "11-ct-ttg-2017": ("11/CT-TTg", "thu-tuong-chinh-phu"),
    "22-2018-qd-ttg": ("22/2018/QĐ-TTg", "thu-tuong-chinh-phu"),
    "122-2018-nd-cp": ("122/2018/NĐ-CP", "chinh-phu"),
    "61-2023-nd-cp": ("61/2023/NĐ-CP", "chinh-phu"),
    "22-ctr-tu-hai-duong-2021": ("22-CTr/TU", "tinh-uy-hai-duong"),
    "17-nq-cp": ("17/NQ-CP", "chinh-phu"),
    "52-nq-tw-2019": ("52-NQ/TW", "bo-chinh-tri"),
    "45-2020-nd-cp": ("45/2020/NĐ-CP", "chinh-phu"),
    "107-2020-nd-cp": ("107/2020/NĐ-CP", "chinh-phu"),
    "24-2014-nd-cp": ("24/2014/NĐ-CP", "chinh-phu"),
    "115-2020-nd-cp": ("115/2020/NĐ-CP", "chinh-phu"),
    "138-2020-nd-cp": ("138/2020/NĐ-CP", "chinh-phu"),
    "1263-kl-tu-dong-nai-2020": ("1263-KL/TU", "tinh-uy-dong-nai"),
    "20-nq-hdnd-dong-nai-2020": ("20/NQ-HĐND", "hdnd-tinh-dong-nai"),
    "4690-qd-ubnd-dong-nai-2020": ("4690/QĐ-UBND", "ubnd-tinh-dong-nai"),
    "5003-qd-ubnd-dong-nai-2020": ("5003/QĐ-UBND", "ubnd-tinh-dong-nai"),
    "22-2020-qd-ubnd-hung-yen": ("22/2020/QĐ-UBND", "ubnd-tinh-hung-yen"),
}
CITED = {**STUB_PLANS, **LEGAL_DOCS}

# Relations stored on the acting document: (actor, relation, target).
RELATIONS = (
    ("107-2021-nd-cp", "sua_doi_bo_sung", "61-2018-nd-cp"),
    ("107-2020-nd-cp", "sua_doi_bo_sung", "24-2014-nd-cp"),
    ("118-2025-nd-cp", "thay_the", "61-2018-nd-cp"),
    ("118-2025-nd-cp", "thay_the", "107-2021-nd-cp"),
    ("45-2025-nd-cp", "thay_the", "24-2014-nd-cp"),
    ("45-2025-nd-cp", "thay_the", "107-2020-nd-cp"),
    ("61-2023-nd-cp", "thay_the", "22-2018-qd-ttg"),
    ("86-2023-nd-cp", "thay_the", "122-2018-nd-cp"),
    ("170-2025-nd-cp", "thay_the", "138-2020-nd-cp"),
)

# Party bodies end at the Politburo; elected councils at the National Assembly; the state
# administration at the Government.
ROOTS = {"chinh-phu", "bo-chinh-tri", "quoc-hoi", "ban-chap-hanh-trung-uong", "chu-tich-nuoc"}

# The 2025 reorganisation: agency -> (last day, successor or None when not a single body).
REORGANISATION = {
    "ubnd-tinh-hai-duong": ("2025-06-30", "ubnd-tp-hai-phong"),
    "so-xay-dung-hai-duong": ("2025-06-30", "so-xay-dung-hai-phong"),
    "ubnd-tinh-thai-binh": ("2025-06-30", "ubnd-tinh-hung-yen"),
    "so-xay-dung-thai-binh": ("2025-06-30", "so-xay-dung-hung-yen"),
    "ubnd-tinh-binh-phuoc": ("2025-06-30", "ubnd-tinh-dong-nai"),
    "ubnd-tp-hai-duong": ("2025-06-30", None),
    "ubnd-xa-tien-tien": ("2025-06-30", None),
}


@cache
def corpus():
    return build_corpus(ROOT)


def _record_path(doc_id: str) -> Path:
    if doc_id in STUB_PLANS:
        issuer = STUB_PLANS[doc_id][1]
        year = re.search(r"-(\d{4})-kh-", doc_id)[1]
        return ROOT / "plans" / issuer / year / f"{doc_id}.md"
    return ROOT / "legal" / f"{doc_id}.md"


def test_thirty_one_distinct_documents_are_cited():
    assert len(CITED) == 31


@pytest.mark.parametrize("doc_id", sorted(CITED))
def test_cited_document_has_a_valid_record(doc_id):
    path = _record_path(doc_id)
    assert path.is_file(), f"thiếu tệp {path.relative_to(ROOT)}"
    data, body = read_front_matter(path.read_text(encoding="utf-8"))
    kind = "plan" if doc_id in STUB_PLANS else "legal"
    errors = [e.message for e in validator(kind).iter_errors(data)]
    assert errors == []
    assert data["id"] == doc_id == path.stem
    number, issuer = CITED[doc_id]
    assert data["so_ky_hieu"] == number
    assert data["co_quan_ban_hanh"] == issuer
    assert issuer in corpus().agencies
    # Every fact says where it came from; nothing copied from a plan claims to be checked, and
    # a fact marked checked names the address of the source it was checked against.
    assert data["nguon_thong_tin"], "thiếu nguon_thong_tin"
    for entry in data["nguon_thong_tin"]:
        if entry["nguon"].startswith("Theo trích dẫn"):
            assert entry["da_kiem_tra"] is False
        if entry["da_kiem_tra"] and "trich_dan_sai" not in entry["truong"]:
            assert re.search(r"https?://\S+", entry["nguon"]), entry["nguon"]
    if kind == "plan":
        assert data["stub"] is True and body.strip() == ""


@pytest.mark.parametrize("doc_id", sorted(STUB_PLANS))
def test_stub_plan_names_the_plan_citing_it(doc_id):
    plan = corpus().plans[doc_id]
    citing = {p.id for p in corpus().plans.values() if not p.stub}
    sources = " ".join(p.source for p in plan.provenance)
    assert any(c in sources for c in citing)


@pytest.mark.parametrize("doc_id", sorted(LEGAL_DOCS))
def test_legal_record_has_validity_with_the_date_it_was_known(doc_id):
    doc = corpus().legal[doc_id]
    assert doc.validity is not None
    assert doc.validity.known_on is not None


@pytest.mark.parametrize(("actor", "relation", "target"), RELATIONS)
def test_relation_is_stored_on_the_acting_document(actor, relation, target):
    legal = corpus().legal
    assert target in legal[actor].relations.get(relation, [])
    assert actor in legal and target in legal


def test_every_relation_target_exists():
    legal = corpus().legal
    for doc in legal.values():
        for relation, targets in doc.relations.items():
            assert relation in RELATION_LABELS
            for target in targets:
                assert target in legal, f"{doc.id}.{relation} -> {target}"


# Facts checked against public sources: (id, field, value, an address the source has).
CHECKED_FACTS = [
    ("61-2023-nd-cp", "issued", "2023-08-16", "thuvienphapluat.vn"),
    ("61-2023-nd-cp", "effective", "2023-08-16", "luatvietnam.vn"),
    ("22-2018-qd-ttg", "validity.since", "2023-08-16", "luatvietnam.vn"),
    ("22-2018-qd-ttg", "effective", "2018-07-01", "hoatieu.vn"),
    ("3396-qd-ubnd-hai-duong", "issued", "2022-12-15", "haiduong.gov.vn"),
    ("122-2018-nd-cp", "validity.since", "2024-01-30", "vnanet.vn"),
    ("86-2023-nd-cp", "issued", "2023-12-07", "vnanet.vn"),
    ("138-2020-nd-cp", "validity.since", "2025-07-01", "soytequangninh.gov.vn"),
    ("170-2025-nd-cp", "effective", "2025-07-01", "soytequangninh.gov.vn"),
    ("118-2025-nd-cp", "issued", "2025-06-09", "hethongphapluat.vn"),
    ("45-2025-nd-cp", "issued", "2025-02-28", "vietnamplus.vn"),
    ("17-nq-cp", "issued", "2019-03-07", "thuvienphapluat.vn"),
    ("61-2018-nd-cp", "validity.since", "2025-07-01", "hethongphapluat.vn"),
]
_KEY_OF = {
    "issued": "ngay_ban_hanh",
    "effective": "ngay_co_hieu_luc",
    "validity.since": "tinh_trang_hieu_luc",
}


@pytest.mark.parametrize(("doc_id", "attribute", "value", "host"), CHECKED_FACTS)
def test_checked_fact_has_its_value_and_its_source(doc_id, attribute, value, host):
    doc = corpus().legal[doc_id]
    actual = doc.validity.since if attribute == "validity.since" else getattr(doc, attribute)
    assert actual.iso == value
    sources = [p for p in doc.provenance if _KEY_OF[attribute] in p.fields]
    assert sources and all(p.checked for p in sources)
    assert any(host in p.source for p in sources)


def test_61_2024_is_not_a_document_and_its_old_address_leads_to_61_2023():
    legal = corpus().legal
    assert "61-2024-nd-cp" not in legal
    assert not any(d.number == "61/2024/NĐ-CP" for d in corpus().documents())
    doc = legal["61-2023-nd-cp"]
    assert doc.former_ids == ["61-2024-nd-cp"]
    assert (doc.doc_type, doc.issuer, doc.validity.status) == (
        "Nghị định",
        "chinh-phu",
        "Còn hiệu lực",
    )
    assert [(m.number, m.date.iso) for m in doc.misquotes] == [("61/2024/NĐ-CP", "2024-08-16")]


def test_former_ids_never_name_a_record_that_exists():
    known = {d.id for d in corpus().documents()}
    for doc in corpus().legal.values():
        assert not set(doc.former_ids) & known, doc.id


def test_22_2018_ceased_when_61_2023_took_effect():
    legal = corpus().legal
    old, new = legal["22-2018-qd-ttg"], legal["61-2023-nd-cp"]
    assert old.validity.status == "Hết hiệu lực toàn bộ"
    assert old.validity.since == new.effective
    # The signing date one source gives differently is kept beside the main reading.
    assert [(a.field, a.value) for a in old.alternatives] == [("ngay_ban_hanh", "2018-05-09")]
    assert "hoatieu.vn" in old.alternatives[0].source


def test_3396_has_its_year_and_its_wider_subject():
    doc = corpus().legal["3396-qd-ubnd-hai-duong"]
    assert doc.issued.iso == "2022-12-15"
    assert "huyện, thị xã, thành phố" in doc.summary
    assert any("Chủ tịch" in note for note in doc.notes)


def test_unsourced_replacement_of_24_2014_and_107_2020_stays_unchecked():
    doc = corpus().legal["45-2025-nd-cp"]
    assert set(doc.relations["thay_the"]) == {"24-2014-nd-cp", "107-2020-nd-cp"}
    relation = [p for p in doc.provenance if "thay_the" in p.fields]
    assert relation and not any(p.checked for p in relation)
    for old in ("24-2014-nd-cp", "107-2020-nd-cp"):
        status = [p for p in corpus().legal[old].provenance if "tinh_trang_hieu_luc" in p.fields]
        assert status and not any(p.checked for p in status)


def test_sources_that_disagree_keep_both_readings():
    legal = corpus().legal
    assert legal["45-2020-nd-cp"].issued.iso == "2020-04-08"
    assert [a.value for a in legal["45-2020-nd-cp"].alternatives] == ["2020-04-22"]
    assert legal["76-nq-cp-2021"].summary.startswith("Về Chương trình")
    assert legal["76-nq-cp-2021"].alternatives[0].value.startswith("Ban hành Chương trình")


def test_repository_loads_without_errors():
    assert [d.format() for d in corpus().errors] == []


def _agency_file():
    return yaml.safe_load((ROOT / "plans" / "agencies.yml").read_text(encoding="utf-8"))


def test_agency_file_validates_against_its_schema():
    errors = [e.message for e in validator("agencies").iter_errors(_agency_file())]
    assert errors == []


def test_every_agency_reaches_a_root():
    agencies = corpus().agencies
    for agency in agencies.values():
        chain = corpus().agency_chain(agency.id)
        assert chain[-1].id in ROOTS, f"{agency.id} dừng ở {chain[-1].id}"
        assert chain[-1].parent is None


def test_party_bodies_reach_the_politburo_and_councils_the_national_assembly():
    agencies = corpus().agencies
    for agency in agencies.values():
        top = corpus().agency_chain(agency.id)[-1].id
        if agency.id.startswith("tinh-uy-"):
            assert top == "bo-chinh-tri"
        elif agency.id.startswith("hdnd-"):
            assert top == "quoc-hoi"
        elif agency.id.startswith(("ubnd-", "so-", "thu-tuong-")):
            assert top == "chinh-phu"


def test_every_issuer_and_its_province_is_in_the_registry():
    agencies = corpus().agencies
    for doc in corpus().documents():
        assert doc.issuer in agencies
    for agency in agencies.values():
        if agency.level == "trung_uong":
            assert agency.province is None
        else:
            province = agencies[agency.province]
            assert province.level == "tinh" and province.id.startswith("ubnd-")


@pytest.mark.parametrize(
    ("agency_id", "last_day", "successor"), [(k, *v) for k, v in sorted(REORGANISATION.items())]
)
def test_2025_reorganisation(agency_id, last_day, successor):
    agency = corpus().agencies[agency_id]
    assert agency.valid_to.iso == last_day
    assert agency.successor == successor
    if successor is None:
        assert agency.note, "không có cơ quan kế thừa duy nhất phải có ghi chú"
    else:
        assert corpus().agencies[successor].valid_to is None


def test_agency_names_are_full_official_names():
    for agency in corpus().agencies.values():
        assert agency.name[0].isupper()
        if agency.level in ("so", "huyen", "xa") or agency.id.startswith("ubnd-"):
            assert agency.name.startswith(("Sở ", "Ủy ban nhân dân ")), agency.name


def test_every_issuer_the_citation_tables_name_is_a_registered_agency():
    agencies = corpus().agencies
    for abbreviation, agency_id in tables.CENTRAL_ISSUER_ABBREVIATIONS.items():
        assert agency_id in agencies, agency_id
        assert abbreviation in agencies[agency_id].short_names, (abbreviation, agency_id)
    for phrase, target in tables.ISSUER_PHRASES.items():
        if not target.startswith("~"):
            assert target in agencies, (phrase, target)


def test_merged_ministries_name_a_registered_successor():
    agencies = corpus().agencies
    for agency in agencies.values():
        if agency.level == "trung_uong" and agency.valid_to is not None:
            assert agency.successor in agencies
            assert agencies[agency.successor].valid_to is None
            assert "chưa đối chiếu" in agency.note
