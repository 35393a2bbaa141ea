"""The page-meta contract with the theme (``site.page.PAGE_META``) is the one the templates read."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cchc_kb.site.build import build_site
from cchc_kb.site.page import PAGE_META, Page
from cchc_kb.site.settings import SiteSettings

ROOT = Path(__file__).resolve().parents[1]


def test_templates_read_only_keys_of_the_contract():
    read = set()
    for template in (ROOT / "overrides").rglob("*.html"):
        read |= set(re.findall(r"page\.meta\.([a-z_]+)", template.read_text("utf-8")))
    assert read and read <= set(PAGE_META)


def test_pages_carry_only_keys_of_the_contract(real_corpus):
    import yaml

    settings = SiteSettings.from_config(
        yaml.safe_load((ROOT / "mkdocs.yml").read_text("utf-8"))["extra"]["cchc"], "KB", ""
    )
    pages = build_site(real_corpus, settings).pages
    used = set().union(*(p.meta for p in pages))
    assert used <= set(PAGE_META)
    assert {"description", "json_ld", "search", "search_ui", "feed"} <= used


def test_a_key_outside_the_contract_is_refused():
    with pytest.raises(ValueError, match="khong-co"):
        Page("a.md", "A", "", meta={"khong-co": 1})
