"""Publish only what changed: the manifest of a build and the changed-file list.

Two real builds of the seed repository, one plan edited in between: the files that change
must be that plan's pages, the pages that link to it, feeds, sitemaps, the search index and the
open-data exports — nothing else.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import build_site, copy_repository

from cchc_kb.commands.publish import (
    DELETE_LIST,
    FILES_DIR,
    MANIFEST_PATH,
    UPLOAD_LIST,
    Entry,
    compare,
    manifest_bytes,
    read_manifest,
    site_entries,
    write_manifest,
)
from cchc_kb.site import urls

PLAN_ID = "so-xay-dung-thai-binh-2022-tuyen-truyen-cchc"
PLAN_FILE = f"plans/so-xay-dung-thai-binh/2022/{PLAN_ID}.md"
# Files that show every plan, whatever was edited: feeds, sitemaps, search index, exports.
SHARED_PREFIXES = ("_pagefind/", "du-lieu/", "sitemap")
# what changes in the record -> (old text, new text, files that must change besides the page)
EDITS = {
    # The summary is shown in every list, feed and export.
    "trich_yeu": (
        "Tuyên truyền cải cách hành chính năm 2022 của Sở Xây dựng Thái Bình",
        "Tuyên truyền về cải cách hành chính năm 2022 của Sở Xây dựng Thái Bình",
        ["ke-hoach/feed.xml", "ke-hoach/index.html", "nam/2022/index.html", "du-lieu/plans.csv"],
    ),
    # The signer is shown on the plan's own page only (and found by search).
    "nguoi_ky": ("Đào Duy Thái", "Đào Duy Thành", ["_pagefind/pagefind-entry.json"]),
}


def cchc(*args: str) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "cchc_kb.cli", *args]
    return subprocess.run(cmd, capture_output=True, text=True)


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    """The seed repository built, built again unchanged, and once per edit."""
    base = tmp_path_factory.mktemp("publish")
    repo = copy_repository(base / "repo")
    out = {}
    for name in ("before", "again"):
        out[name] = build_site(repo, base / name)
    plan = repo / PLAN_FILE
    original = plan.read_text("utf-8")
    for field, (old, new, _) in EDITS.items():
        assert original.count(old) >= 1, field
        plan.write_text(original.replace(old, new), "utf-8")
        out[field] = build_site(repo, base / field)
    plan.write_text(original, "utf-8")
    for name, build in out.items():
        assert build.returncode == 0, (name, build.log[-3000:])
    return out


def _changes(builds, name):
    old = read_manifest(builds["before"].site / MANIFEST_PATH)
    return compare(old, read_manifest(builds[name].site / MANIFEST_PATH))


def test_manifest_lists_every_file_with_its_hash(builds):
    site = builds["before"].site
    manifest = read_manifest(site / MANIFEST_PATH)
    files = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    assert set(manifest) == files - {MANIFEST_PATH}
    assert manifest == site_entries(site)
    assert "index.html" in manifest and "sitemap.xml" in manifest
    assert "du-lieu/graph.json" in manifest  # written after the pages, listed all the same


def test_an_unchanged_rebuild_changes_nothing(builds):
    a = (builds["before"].site / MANIFEST_PATH).read_bytes()
    b = (builds["again"].site / MANIFEST_PATH).read_bytes()
    assert a == b
    changes = _changes(builds, "again")
    assert changes.upload == [] and changes.removed == []


@pytest.mark.parametrize("field", EDITS)
def test_one_plan_edited_changes_only_the_files_that_show_it(builds, field):
    changes = _changes(builds, field)
    own = urls.url_of(urls.plan_src(PLAN_ID))
    unexplained = []
    for path in changes.upload + changes.removed:
        if path.startswith(own) or path.startswith(SHARED_PREFIXES) or path.endswith("feed.xml"):
            continue
        # A page that lists the plan links to it, in the old build or the new one.
        pages = [builds[name].site / path for name in ("before", field)]
        if any(p.is_file() and f"{PLAN_ID}/" in p.read_text("utf-8") for p in pages):
            continue
        unexplained.append(path)
    assert unexplained == []
    for path in [f"{own}index.html", MANIFEST_PATH, *EDITS[field][2]]:
        assert path in changes.changed, path
    assert len(changes.upload) < len(read_manifest(builds[field].site / MANIFEST_PATH)) / 4


def test_pages_that_do_not_show_the_plan_stay_the_same(builds):
    changed = set(_changes(builds, "trich_yeu").changed)
    for unrelated in ("van-ban/24-2014-nd-cp/index.html", "co-quan/ubnd-tinh-dong-nai/index.html"):
        assert (builds["before"].site / unrelated).is_file(), unrelated
        assert unrelated not in changed


def _entries(**files: str) -> dict[str, Entry]:
    return {path.replace("__", "/"): Entry(digest, 1) for path, digest in files.items()}


@pytest.mark.parametrize(
    ("old", "new", "added", "changed", "removed"),
    [
        (_entries(a="1"), _entries(a="1"), [], [], []),
        (_entries(a="1"), _entries(a="2"), [], ["a", MANIFEST_PATH], []),
        (_entries(a="1"), _entries(a="1", b__c="3"), ["b/c"], [MANIFEST_PATH], []),
        (_entries(a="1", b="2"), _entries(a="1"), [], [MANIFEST_PATH], ["b"]),
        ({}, _entries(a="1"), ["a", MANIFEST_PATH], [], []),
    ],
)
def test_compare(old, new, added, changed, removed):
    changes = compare(old, new)
    assert (changes.added, changes.changed, changes.removed) == (added, changed, removed)


def test_manifest_is_deterministic_and_round_trips(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "x.html").write_text("x", "utf-8")
    (tmp_path / "a.xml").write_bytes(b"<a/>")
    write_manifest(tmp_path)
    first = (tmp_path / MANIFEST_PATH).read_bytes()
    assert first == manifest_bytes(site_entries(tmp_path))
    assert list(read_manifest(tmp_path / MANIFEST_PATH)) == ["a.xml", "b/x.html"]
    write_manifest(tmp_path)
    assert (tmp_path / MANIFEST_PATH).read_bytes() == first


def test_manifest_takes_a_known_digest_only_for_a_file_of_its_size(tmp_path):
    """The build hashes its pages as it writes them; a file whose size is not the one hashed
    (written again since) is read back."""
    (tmp_path / "a.html").write_text("aa", "utf-8")
    (tmp_path / "b.html").write_text("bbb", "utf-8")
    known = {"a.html": ("0" * 64, 2), "b.html": ("1" * 64, 2)}
    entries = site_entries(tmp_path, known)
    assert entries["a.html"] == Entry("0" * 64, 2)
    assert entries["b.html"] == site_entries(tmp_path)["b.html"] != Entry("1" * 64, 2)
    assert entries["b.html"].size == 3


def test_manifest_listed_in_two_steps_is_the_one_listed_at_once(tmp_path):
    """A build lists the finished part of its site while the search index is written, then
    reads the index's folder alone: the same manifest as one reading of the whole site."""
    for rel in ("index.html", "van-ban/x/index.html", "_pagefind/a.pf_meta", "_pagefind/p/b"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(rel, "utf-8")
    write_manifest(tmp_path)
    at_once = (tmp_path / MANIFEST_PATH).read_bytes()
    finished = site_entries(tmp_path, skip=frozenset({"_pagefind"}))
    assert sorted(finished) == ["index.html", "van-ban/x/index.html"]
    assert sorted(site_entries(tmp_path, folder="_pagefind")) == [
        "_pagefind/a.pf_meta",
        "_pagefind/p/b",
    ]
    (tmp_path / MANIFEST_PATH).unlink()
    write_manifest(tmp_path, entries={**finished, **site_entries(tmp_path, folder="_pagefind")})
    assert (tmp_path / MANIFEST_PATH).read_bytes() == at_once
    assert site_entries(tmp_path, folder="khong-co") == {}


def test_publish_command_lists_and_copies_the_changes(builds, tmp_path):
    site = builds["trich_yeu"].site
    since = builds["before"].site / MANIFEST_PATH
    target = tmp_path / "out"
    run = cchc("publish", "--since", str(since), "--site", str(site), "--to", str(target))
    assert run.returncode == 0, run.stderr
    changes = _changes(builds, "trich_yeu")
    assert run.stdout.splitlines() == changes.status_lines()
    upload = (target / UPLOAD_LIST).read_text("utf-8").splitlines()
    assert upload == changes.upload
    assert (target / DELETE_LIST).read_text("utf-8").splitlines() == changes.removed
    copied = sorted(
        p.relative_to(target / FILES_DIR).as_posix()
        for p in (target / FILES_DIR).rglob("*")
        if p.is_file()
    )
    assert copied == upload
    for path in upload:
        assert (target / FILES_DIR / path).read_bytes() == (site / path).read_bytes()
    # Removed pagefind chunks are listed for deletion, never copied.
    assert all(not (target / FILES_DIR / p).exists() for p in changes.removed)
    # Run again into the same folder: the previous output is replaced.
    again = cchc("publish", "--since", str(since), "--site", str(site), "--to", str(target))
    assert again.returncode == 0, again.stderr


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        ("no-site", "manifest-missing"),
        ("bad-since", "manifest-format"),
        ("stale", "manifest-stale"),
        ("foreign-target", "thư mục đích phải trống"),
    ],
)
def test_publish_command_refuses_with_a_clear_message(tmp_path, setup, message):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("a", "utf-8")
    write_manifest(site)
    args = ["publish", "--site", str(site)]
    if setup == "no-site":
        args = ["publish", "--site", str(tmp_path / "none")]
    elif setup == "bad-since":
        bad = tmp_path / "old.json"
        bad.write_text('{"files": []}', "utf-8")
        args += ["--since", str(bad)]
    elif setup == "stale":
        (site / "index.html").write_text("b", "utf-8")
    elif setup == "foreign-target":
        target = tmp_path / "mine"
        target.mkdir()
        (target / "keep.txt").write_text("x", "utf-8")
        args += ["--to", str(target)]
    run = cchc(*args)
    assert run.returncode == 1
    assert message in run.stderr
    if setup == "bad-since":
        assert f"{tmp_path / 'old.json'}:1: error:" in run.stderr
    if setup == "foreign-target":
        assert (tmp_path / "mine" / "keep.txt").read_text("utf-8") == "x"


def test_manifest_path_is_inside_the_data_folder():
    assert Path(MANIFEST_PATH).parts[0] == urls.DATA_DIR
