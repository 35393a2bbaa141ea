"""The foundation's promise, checked on the built site: the seeds and everything they cite."""

from __future__ import annotations

import re

from conftest import parse

from cchc_kb.cite import canonical_number
from cchc_kb.site import urls

SEED_PLANS = {
    "so-xay-dung-hai-duong-2025-tuyen-truyen-cchc": "Phạm Cửu Long",
    "so-xay-dung-thai-binh-2022-tuyen-truyen-cchc": "Đào Duy Thái",
    "ubnd-xa-tien-tien-2024-tuyen-truyen-cchc": "Lê Thị Hợp",
    "so-xay-dung-dong-nai-2021-tuyen-truyen-cchc": "Đỗ Thành Phương",
    "so-noi-vu-hung-yen-2023-tuyen-truyen-cchc": "Nguyễn Thị Tươi",
}


def _text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_the_seeds_cite_31_distinct_documents_all_resolved(real_corpus) -> None:
    cited = {c.id for pid in SEED_PLANS for c in real_corpus.plans[pid].citations}
    assert None not in cited
    assert len(cited) == 31


def test_every_cited_document_has_a_page_whose_h1_carries_its_number(real_site, real_corpus):
    cited = sorted({c.id for pid in SEED_PLANS for c in real_corpus.plans[pid].citations})
    for doc_id in cited:
        doc = real_corpus.document(doc_id)
        page = real_site.site / urls.url_of(urls.document_src(doc)) / "index.html"
        h1 = [h[2] for h in parse(page.read_text("utf-8")).headings if h[0] == "h1"]
        assert len(h1) == 1, doc_id
        assert h1[0].startswith(doc.doc_type), (doc_id, h1)
        assert canonical_number(doc.number) in h1[0], (doc_id, h1)


def test_each_seed_page_shows_its_attributes(real_site, real_corpus) -> None:
    for plan_id, signer in SEED_PLANS.items():
        plan = real_corpus.plans[plan_id]
        html = (real_site.site / urls.url_of(urls.plan_src(plan_id)) / "index.html").read_text()
        text = _text(html)
        agency = real_corpus.agencies[plan.issuer].name
        for value in (signer, plan.signer_title, agency, plan.summary.split(",")[0]):
            assert value in text, (plan_id, value)
        assert ("Số ký hiệu" in text) and (plan.number or "để trống") in text, plan_id


def test_no_browser_title_repeats_the_site_name(real_site) -> None:
    site_name = "Kế hoạch cải cách hành chính"
    for page in real_site.site.rglob("*.html"):
        title = re.search(r"<title>(.*?)</title>", page.read_text("utf-8"), flags=re.S)
        assert title and title.group(1).count(site_name) <= 1, (page, title and title.group(1))
