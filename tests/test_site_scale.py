"""Page size does not grow with the corpus: the same seed pages at 50 and 1,000 plans."""

from __future__ import annotations

import pytest
from conftest import ROOT, build_site

from cchc_kb.site import urls
from cchc_kb.synthetic import write_repository

SEED_PLANS = (
    "so-xay-dung-hai-duong-2025-tuyen-truyen-cchc",
    "so-xay-dung-thai-binh-2022-tuyen-truyen-cchc",
    "ubnd-xa-tien-tien-2024-tuyen-truyen-cchc",
    "so-xay-dung-dong-nai-2021-tuyen-truyen-cchc",
    "so-noi-vu-hung-yen-2023-tuyen-truyen-cchc",
)
# Pages whose lists grow with the corpus: they must be paginated, not longer.
GROWING = (
    "index.md",
    "ke-hoach/index.md",
    "van-ban/index.md",
    "co-quan/index.md",
    "nhiem-vu/index.md",
    "co-quan/chinh-phu.md",
)


@pytest.fixture(scope="module")
def two_sizes(tmp_path_factory):
    builds = {}
    for n in (50, 1000):
        repo = write_repository(tmp_path_factory.mktemp(f"syn{n}"), n, with_seeds_from=ROOT)
        build = build_site(repo, repo / "site")
        assert build.returncode == 0, build.log[-3000:]
        builds[n] = build
    return builds


def _size(build, src: str) -> int:
    return (build.site / urls.url_of(src) / "index.html").stat().st_size


@pytest.mark.slow
@pytest.mark.parametrize("plan_id", SEED_PLANS)
def test_seed_page_size_is_independent_of_corpus_size(two_sizes, plan_id):
    small, large = (_size(two_sizes[n], urls.plan_src(plan_id)) for n in (50, 1000))
    assert abs(large - small) / small < 0.05, (plan_id, small, large)


@pytest.mark.slow
@pytest.mark.parametrize("src", GROWING)
def test_index_pages_are_paginated(two_sizes, src):
    small, large = (_size(two_sizes[n], src) for n in (50, 1000))
    assert large < small * 1.5, (src, small, large)


@pytest.mark.slow
def test_large_corpus_has_more_pages_not_longer_ones(two_sizes):
    large = two_sizes[1000].site
    assert (large / "ke-hoach" / "trang-2" / "index.html").exists()
    pages = sorted((large / "ke-hoach").glob("trang-*/index.html"))
    assert len(pages) >= 1000 // 25 - 1
    sizes = [p.stat().st_size for p in pages[:-1]]
    assert max(sizes) < 2 * min(sizes)
