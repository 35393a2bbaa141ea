"""The synthetic national corpus: the real map before and after 1/7/2025, a legal registry that
grows with the plans (chains, skew), determinism, and a clean `cchc check`."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
import yaml

from cchc_kb.analysis.findings import diagnostics
from cchc_kb.analysis.validity import judge, on_or_before
from cchc_kb.corpus import build_corpus
from cchc_kb.model.models import PartialDate
from cchc_kb.synthetic import PROVINCES_2025, write_repository

MERGER = PartialDate(2025, 7, 1)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = write_repository(tmp_path_factory.mktemp("national"), plans=900, seed=3)
    return build_corpus(root)


def test_the_map_has_63_provinces_before_and_34_after():
    survivors = [name for name, _ in PROVINCES_2025]
    absorbed = [old for _, olds in PROVINCES_2025 for old in olds]
    assert len(survivors) == 34
    assert len(set(survivors + absorbed)) == 63


def test_a_full_size_registry_records_every_merger(tmp_path):
    root = write_repository(tmp_path, plans=34 * 140, seed=1, legal=40)
    agencies = yaml.safe_load((root / "plans" / "agencies.yml").read_text("utf-8"))
    provinces = [a for a in agencies if a["cap"] == "tinh"]
    ended = [a for a in provinces if a.get("hieu_luc_den")]
    assert (len(provinces), len(ended)) == (63, 29)
    ids = {a["id"] for a in agencies}
    assert all(a["ke_thua"] in ids and a["hieu_luc_den"] == "2025-06-30" for a in ended)
    districts = [a for a in agencies if a["cap"] == "huyen"]
    assert districts and all(a["hieu_luc_den"] == "2025-06-30" for a in districts)


def test_generated_corpus_passes_cchc_check(corpus):
    assert [d.format() for d in diagnostics(corpus)] == []
    assert len(corpus.plans) == 900
    assert len(corpus.legal) == 900 // 5
    cited = [c for plan in corpus.plans.values() for c in plan.citations]
    assert cited and all(c.id for c in cited)


def test_check_command_exits_clean(tmp_path):
    root = write_repository(tmp_path, plans=150, seed=11, legal=60)
    run = subprocess.run(
        [sys.executable, "-m", "cchc_kb.cli", "check", str(root)], capture_output=True, text=True
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "0 lỗi, 0 cảnh báo" in run.stderr  # the summary goes to stderr


def test_same_seed_same_bytes_other_seed_other_bytes(tmp_path):
    def snapshot(root: Path) -> dict[str, bytes]:
        return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*.md")}

    a = snapshot(write_repository(tmp_path / "a", plans=200, seed=5, legal=70))
    b = snapshot(write_repository(tmp_path / "b", plans=200, seed=5, legal=70))
    c = snapshot(write_repository(tmp_path / "c", plans=200, seed=6, legal=70))
    assert a == b
    assert a != c


def test_plans_before_the_merger_are_issued_by_the_old_provinces(corpus):
    before = after = 0
    for plan in corpus.plans.values():
        agency = corpus.agencies[plan.issuer]
        if on_or_before(plan.issued, PartialDate(2025, 6, 30)):
            before += 1
            assert agency.valid_from is None
        else:
            after += 1
            assert agency.valid_to is None, plan.id  # nobody that ended issues after it
            assert agency.level != "huyen"
    assert before and after
    ended_issuers = {
        corpus.agencies[p.issuer].province
        for p in corpus.plans.values()
        if corpus.agencies[corpus.agencies[p.issuer].province].successor
    }
    assert ended_issuers  # absorbed provinces issued plans of their own before the merger


def test_legal_registry_has_amendment_and_replacement_chains(corpus):
    relations = Counter(rel for doc in corpus.legal.values() for rel in doc.relations)
    assert relations["thay_the"] >= 3 and relations["sua_doi_bo_sung"] >= 5
    replaced = [t for doc in corpus.legal.values() for t in doc.relations.get("thay_the", [])]
    for target in replaced:
        assert judge(corpus, target, PartialDate(2026, 11, 23)).in_force is False


def test_a_few_documents_are_cited_by_most_plans(corpus):
    citing = Counter(
        c.id for plan in corpus.plans.values() for c in {x.id: x for x in plan.citations}.values()
    )
    legal_counts = sorted(
        (n for doc_id, n in citing.items() if doc_id in corpus.legal), reverse=True
    )
    assert legal_counts[0] > 0.6 * len(corpus.plans)
    median = legal_counts[len(legal_counts) // 2]
    assert median < 0.05 * len(corpus.plans)


def test_no_plan_cites_a_document_replaced_before_its_year(corpus):
    for plan in corpus.plans.values():
        for citation in plan.citations:
            if citation.id in corpus.legal:
                verdict = judge(corpus, citation.id, plan.issued)
                assert verdict.in_force is not False, (plan.id, citation.id)
