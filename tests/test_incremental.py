"""The preview's rebuilds: which pages an edit touches, the corpus cache, the list pages kept,
and a rebuild that makes the same pages as a full build wherever the edit changed one."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import jinja2
import pytest
from minirepo import LEGAL_PATH, PARENT_PATH, PLAN_PATH, write_minimal_repo

from cchc_kb.analysis.findings import record_diagnostics
from cchc_kb.analysis.graph import analyses, build_graph, unresolved_node
from cchc_kb.corpus import CorpusCache, build_corpus, unresolved_key
from cchc_kb.model.models import PartialDate
from cchc_kb.site.build import build_site
from cchc_kb.site.graph_pages import graph_pages
from cchc_kb.site.implementation import has_implementation_page, implementation_src
from cchc_kb.site.incremental import (
    INDEX_SRCS,
    Preview,
    Selection,
    TemplateCache,
    _own_pages,
    _unresolved_pages,
    gone_pages,
    touched_pages,
)
from cchc_kb.site.paginate import Slice
from cchc_kb.site.settings import SiteSettings
from cchc_kb.site.task_pages import TASKS_DIR
from cchc_kb.site.urls import UNRESOLVED_DIR

PLAN_ID = "so-xay-dung-hai-duong-2025-tuyen-truyen-cchc"
PARENT_ID = "ubnd-tinh-hai-duong-2025-kh-236"
OWN = {
    f"ke-hoach/{PLAN_ID}.md",
    "co-quan/so-xay-dung-hai-duong.md",
    "loai/ke-hoach.md",
    f"ke-hoach/{PLAN_ID}/trien-khai.md",
    f"ke-hoach/{PARENT_ID}.md",  # its parent, and its basis
    f"ke-hoach/{PARENT_ID}/trien-khai.md",
    "van-ban/61-2018-nd-cp.md",  # cited in its text
}


def _edit(rel: str, old: str, new: str):
    def apply(root: Path) -> None:
        path = root / rel
        text = path.read_text("utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), "utf-8")

    return apply


def _remove(rel: str):
    return lambda root: (root / rel).unlink()


def _add_plan(root: Path) -> None:
    text = (root / PLAN_PATH).read_text("utf-8").replace(PLAN_ID, "so-xay-dung-hai-duong-2025-moi")
    target = root / PLAN_PATH.replace(PLAN_ID, "so-xay-dung-hai-duong-2025-moi")
    target.write_text(text.replace("Tuyên truyền cải cách", "Kiểm tra cải cách", 1), "utf-8")


# (edit, pages it must touch, pages it must not touch); None: every page.
CASES = [
    pytest.param(lambda root: None, set(), {*INDEX_SRCS}, id="no-edit"),
    pytest.param(
        _edit(PLAN_PATH, "về việc tuyên truyền.", "về việc tuyên truyền (sửa)."),
        {*OWN, *INDEX_SRCS, "nam/2025.md"},
        {"co-quan/ubnd-tinh-hai-duong.md", "co-quan/chinh-phu.md", "nam/2018.md"},
        id="plan-body",
    ),
    pytest.param(
        _edit(
            PLAN_PATH, 'ngay_ban_hanh: "2025-01"\nnam: 2025', 'ngay_ban_hanh: "2024-12"\nnam: 2024'
        ),
        {*OWN, "nam/2025.md", "nam/2024.md"},
        {"co-quan/ubnd-tinh-hai-duong.md"},
        id="plan-moves-year",
    ),
    pytest.param(
        _edit(PLAN_PATH, "- Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ", "- Nội dung"),
        {"van-ban/61-2018-nd-cp.md", f"ke-hoach/{PLAN_ID}.md"},  # cited before the edit
        set(),
        id="plan-no-longer-cites",
    ),
    pytest.param(
        _edit(LEGAL_PATH, "trich_yeu: Về thực hiện", "trich_yeu: Về việc thực hiện"),
        {
            "van-ban/61-2018-nd-cp.md",
            f"ke-hoach/{PLAN_ID}.md",
            "co-quan/chinh-phu.md",
            "nam/2018.md",
        },
        {f"ke-hoach/{PARENT_ID}.md", "co-quan/so-xay-dung-hai-duong.md"},
        id="legal-summary",
    ),
    pytest.param(
        _edit(PARENT_PATH, "trich_yeu: Tuyên truyền", "trich_yeu: Kế hoạch tuyên truyền"),
        {f"ke-hoach/{PARENT_ID}.md", f"ke-hoach/{PLAN_ID}.md", "co-quan/ubnd-tinh-hai-duong.md"},
        {"van-ban/61-2018-nd-cp.md", "co-quan/so-xay-dung-hai-duong.md"},
        id="parent-summary",
    ),
    pytest.param(
        _add_plan,
        {"ke-hoach/so-xay-dung-hai-duong-2025-moi.md", "co-quan/so-xay-dung-hai-duong.md"},
        {f"ke-hoach/{PLAN_ID}.md"},
        id="plan-added",
    ),
    pytest.param(
        _remove(PLAN_PATH),
        {*OWN, "nam/2025.md"},
        {"co-quan/ubnd-tinh-hai-duong.md"},
        id="plan-removed",
    ),
    pytest.param(
        _edit(
            "plans/agencies.yml", "ten: Sở Xây dựng tỉnh Hải Dương", "ten: Sở Xây dựng Hải Dương"
        ),
        None,
        set(),
        id="agency-registry",
    ),
]


@pytest.mark.parametrize(("edit", "touched", "untouched"), CASES)
def test_touched_pages(tmp_path, edit, touched, untouched):
    root = write_minimal_repo(tmp_path)
    cache = CorpusCache()
    before = build_corpus(root, cache)
    edit(root)
    after = build_corpus(root, cache)
    pages = touched_pages(before, after, cache.changed | cache.removed)
    if touched is None:
        assert pages is None
        return
    assert pages is not None
    assert touched <= pages, sorted(touched - pages)
    assert not untouched & pages, sorted(untouched & pages)


def test_the_cache_reads_and_cites_only_changed_files(tmp_path):
    root = write_minimal_repo(tmp_path)
    cache = CorpusCache()
    build_corpus(root, cache)
    assert LEGAL_PATH in cache.changed  # the first reading reads everything
    build_corpus(root, cache)
    assert cache.changed == set() and cache.removed == set()
    _edit(PLAN_PATH, "về việc tuyên truyền.", "về việc tuyên truyền (sửa).")(root)
    cached = build_corpus(root, cache)
    assert cache.changed == {PLAN_PATH}
    fresh = build_corpus(root)
    assert cached.plans.keys() == fresh.plans.keys()
    for plan_id, plan in fresh.plans.items():
        assert cached.plans[plan_id] == plan
    assert cached.diagnostics == fresh.diagnostics


def test_a_kept_plan_is_cited_again_when_the_registry_changes(tmp_path):
    root = write_minimal_repo(tmp_path)
    cache = CorpusCache()
    first = build_corpus(root, cache)
    assert [c.id for c in first.plans[PLAN_ID].citations if c.id] == [PARENT_ID, "61-2018-nd-cp"]
    _edit(LEGAL_PATH, "so_ky_hieu: 61/2018/NĐ-CP", "so_ky_hieu: 62/2018/NĐ-CP")(root)
    second = build_corpus(root, cache)
    assert cache.changed == {LEGAL_PATH}
    assert [c.id for c in second.plans[PLAN_ID].citations if c.id] == [PARENT_ID]
    assert second.plans[PLAN_ID].citations == build_corpus(root).plans[PLAN_ID].citations


def _slice(src: str, base: str, items: list, number: int = 1) -> Slice:
    return Slice(number, 2, items, src, base, 2 * len(items), 0)


class _Doc:
    def __init__(self, doc_id: str) -> None:
        self.id = doc_id


# (pages wanted, edited ids, members at the last build, the slice, kept)
SLICES = [
    (None, set(), None, _slice("nam/2025.md", "nam/2025.md", [_Doc("a")]), True),
    ({"nam/2024.md"}, {"a"}, None, _slice("nam/2025.md", "nam/2025.md", [_Doc("a")]), False),
    ({"nam/2025.md"}, {"a"}, "same", _slice("nam/2025.md", "nam/2025.md", [_Doc("a")]), True),
    ({"nam/2025.md"}, {"b"}, "same", _slice("nam/2025.md", "nam/2025.md", [_Doc("a")]), False),
    ({"nam/2025.md"}, {"b"}, "other", _slice("nam/2025.md", "nam/2025.md", [_Doc("a")]), True),
    (
        {"nam/2025.md"},
        {"b"},
        "same",
        _slice("nam/2025/trang-2.md", "nam/2025.md", [_Doc("a")], 2),
        False,
    ),
    (
        {"co-quan/x.md"},
        {"a"},
        "same",
        _slice("co-quan/x/ke-hoach.md", "co-quan/x/ke-hoach.md", [(_Doc("a"), [])]),
        True,
    ),
    (
        {"co-quan/x.md"},
        {"b"},
        "same",
        _slice("co-quan/x/ke-hoach.md", "co-quan/x/ke-hoach.md", [(_Doc("a"), [])]),
        False,
    ),
    (
        {"co-quan/y.md"},
        {"a"},
        "same",
        _slice("co-quan/x/ke-hoach.md", "co-quan/x/ke-hoach.md", [_Doc("a")]),
        False,
    ),
]


@pytest.mark.parametrize(("pages", "edited", "before", "part", "kept"), SLICES)
def test_the_list_pages_a_rebuild_keeps(pages, edited, before, part, kept):
    members: dict = {}
    if before is not None:
        probe = Selection(None, set(), members)
        probe.keep_slice(part)
        if before == "other":
            members[part.src] = ("another list",)
    assert Selection(pages, edited, members).keep_slice(part) is kept


SETTINGS = SiteSettings(as_of=PartialDate(2026, 11, 30))


def _graph_page_srcs(corpus) -> set[str]:
    graph = build_graph(corpus, SETTINGS.as_of)
    found = analyses(corpus, graph)
    pages = graph_pages(
        corpus, graph, SETTINGS, findings=found, recorded=record_diagnostics(corpus)
    )
    return {page.src for page in pages}


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("synthetic") / "repo"
    cchc = Path(sys.executable).parent / "cchc"
    subprocess.run(
        [str(cchc), "corpus", str(root), "--plans", "80", "--seed", "5"],
        check=True,
        capture_output=True,
    )
    return root


@pytest.mark.parametrize("change", ["body", "title", "year"])
def test_a_rebuild_makes_every_page_the_edit_changed_as_a_full_build(synthetic, tmp_path, change):
    root = tmp_path / "repo"
    shutil.copytree(synthetic, root)
    preview = Preview()
    first = build_corpus(root, preview.cache)
    before = {
        p.src: p for p in build_site(first, SETTINGS, only=preview.select(first, SETTINGS)).pages
    }
    preview.changed_pages(list(before.values()))
    plan = sorted((p for p in first.plans.values() if p.body and p.implements), key=lambda p: p.id)[
        0
    ]
    path = root / plan.path
    text = path.read_text("utf-8")
    edited = {
        "body": text + "\nĐoạn thêm.\n",
        "title": text.replace(f"trich_yeu: {plan.summary}", "trich_yeu: Tên mới của kế hoạch", 1),
        "year": text.replace(f"nam: {plan.year}", f"nam: {plan.year - 3}", 1),
    }[change]
    assert edited != text
    path.write_text(edited, "utf-8")

    corpus = build_corpus(root, preview.cache)
    selection = preview.select(corpus, SETTINGS)
    rebuilt = {
        p.src: p for p in preview.changed_pages(build_site(corpus, SETTINGS, only=selection).pages)
    }
    full = {p.src: p for p in build_site(build_corpus(root), SETTINGS).pages}

    start_state = _graph_page_srcs(corpus) | _graph_page_srcs(first)
    start_state |= {src for src in full if src.startswith(f"{TASKS_DIR}/")}  # lists by lead unit
    changed = {src for src, page in full.items() if src not in before or before[src] != page}
    assert f"ke-hoach/{plan.id}.md" in changed
    missing = changed - start_state - rebuilt.keys()
    assert not missing, sorted(missing)
    for src, page in rebuilt.items():
        assert full[src] == page, src
    assert len(rebuilt) < len(full) / 4


def test_changed_settings_rebuild_every_page(tmp_path):
    root = write_minimal_repo(tmp_path)
    preview = Preview()
    assert preview.select(build_corpus(root, preview.cache), SETTINGS).everything
    assert not preview.select(build_corpus(root, preview.cache), SETTINGS).everything
    smaller = replace(SETTINGS, page_size=10)
    assert preview.select(build_corpus(root, preview.cache), smaller).everything


def _graph_as_data(graph) -> tuple[dict, dict]:
    return dict(graph.nodes(data=True)), {(u, v): d for u, v, d in graph.edges(data=True)}


# Documents no registry holds: one cited by the edited plan alone, one also by a later plan in
# other words (a full build names its node after the first citing plan's words).
UNKNOWN = "Quyết định số 987/QĐ-UBND ngày 03/02/2024 của UBND tỉnh Hà Giang về kiểm tra"
SHARED = "Quyết định số 986/QĐ-UBND ngày 03/02/2024 của UBND tỉnh Hà Giang về kiểm tra"
SHARED_OTHER_WORDS = "Quyết định 986/QĐ-UBND ngày 3/2/2024 của UBND tỉnh Hà Giang"
ANOTHER = "Quyết định số 985/QĐ-UBND ngày 03/02/2024 của UBND tỉnh Hà Giang về tập huấn"
# An edit of one plan's text -> (the edit, whether the registry moves: the graph is built again)
GRAPH_EDITS = {
    "cites-an-unknown": (lambda text, plan: text + f"\n{ANOTHER}.\n", False),
    "drops-its-citations": (
        lambda text, plan: text.split("\n---\n", 1)[0] + "\n---\n\nBỏ.\n",
        False,
    ),
    "title": (lambda text, plan: text.replace(plan.summary, "Tên mới", 1), False),
    "no-parent": (
        lambda text, plan: re.sub(r"^thuc_hien:\n(- .*\n)+", "", text, flags=re.M),
        False,
    ),
    "year": (lambda text, plan: text.replace(f"nam: {plan.year}", f"nam: {plan.year - 3}"), False),
    "number": (lambda text, plan: text.replace(plan.number, "999/KH-UBND", 1), True),
}


@pytest.mark.parametrize(("edit", "moved"), list(GRAPH_EDITS.values()), ids=list(GRAPH_EDITS))
def test_the_kept_graph_equals_a_full_build_after_an_edit(synthetic, tmp_path, edit, moved):
    root = tmp_path / "repo"
    shutil.copytree(synthetic, root)
    first = build_corpus(root)
    citing = sorted(
        (p for p in first.plans.values() if p.body and p.implements and p.number),
        key=lambda p: p.id,
    )
    plan, later = citing[0], citing[-1]
    for doc, added in ((plan, f"{UNKNOWN}; {SHARED}."), (later, f"{SHARED_OTHER_WORDS}.")):
        with (root / doc.path).open("a", encoding="utf-8") as out:
            out.write(f"\n{added}\n")
    preview = Preview()
    first = build_corpus(root, preview.cache)
    preview.select(first, SETTINGS)
    kept = preview.graph
    shared, unknown = (
        unresolved_node(unresolved_key(c)) for c in first.plans[plan.id].citations[-2:][::-1]
    )
    assert set(kept.predecessors(shared)) == {plan.id, later.id}
    assert list(kept.predecessors(unknown)) == [plan.id]
    path = root / plan.path
    text = path.read_text("utf-8")
    path.write_text(edit(text, plan), "utf-8")

    corpus = build_corpus(root, preview.cache)
    assert preview.cache.changed == {plan.path}
    assert preview.cache.registry_moved is moved
    preview.select(corpus, SETTINGS)
    assert (preview.graph is kept) is not moved  # updated in place unless the registry moved
    full = build_graph(build_corpus(root), SETTINGS.as_of)
    assert _graph_as_data(preview.graph) == _graph_as_data(full)


def test_the_cache_rereads_a_file_only_when_its_bytes_changed(tmp_path):
    root = write_minimal_repo(tmp_path)
    cache = CorpusCache()
    build_corpus(root, cache)
    path = root / PLAN_PATH
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10**9))
    build_corpus(root, cache)
    assert cache.changed == set()  # touched, same bytes
    before = path.stat()
    text = path.read_text("utf-8")
    same_size = text.replace("tuyên truyền.", "tuyên truyềN.", 1)
    assert len(same_size.encode()) == len(text.encode()) and same_size != text
    path.write_text(same_size, "utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # as if never modified
    cached = build_corpus(root, cache)
    assert cache.changed == {PLAN_PATH}  # the change time tells
    assert cached.plans[PLAN_ID] == build_corpus(root).plans[PLAN_ID]


def test_a_kept_record_comes_back_whole_after_the_reference_checks_cut_it(tmp_path):
    root = write_minimal_repo(tmp_path)
    cache = CorpusCache()
    parent = (root / PARENT_PATH).read_bytes()
    plan = build_corpus(root, cache).plans[PLAN_ID]
    assert PARENT_ID in plan.legal_bases and PARENT_ID in plan.implements
    (root / PARENT_PATH).unlink()
    cut = build_corpus(root, cache).plans[PLAN_ID]  # an unknown reference is reported, dropped
    assert PARENT_ID not in cut.legal_bases and PARENT_ID not in cut.implements
    (root / PARENT_PATH).write_bytes(parent)
    whole = build_corpus(root, cache).plans[PLAN_ID]
    assert PARENT_ID in whole.legal_bases and PARENT_ID in whole.implements
    assert whole == build_corpus(root).plans[PLAN_ID]


def test_the_template_cache_compiles_a_template_once_for_each_source(tmp_path):
    (tmp_path / "page.html").write_text("{{ x }}", "utf-8")
    cache = TemplateCache()
    compiled = []

    class Counting(jinja2.Environment):
        def compile(self, source, *args, **kwargs):
            compiled.append(source)
            return super().compile(source, *args, **kwargs)

    def render(x: int) -> str:  # a new environment each time, as MkDocs makes for each build
        env = Counting(loader=jinja2.FileSystemLoader(tmp_path), bytecode_cache=cache)
        return env.get_template("page.html").render(x=x)

    assert [render(1), render(2)] == ["1", "2"]
    assert compiled == ["{{ x }}"]
    (tmp_path / "page.html").write_text("<{{ x }}>", "utf-8")
    assert render(3) == "<3>"
    assert compiled == ["{{ x }}", "<{{ x }}>"]


def test_the_cache_keeps_the_registry_while_what_it_is_made_of_is_unchanged(tmp_path):
    root = write_minimal_repo(tmp_path)
    cache = CorpusCache()
    first = cache.registry(build_corpus(root, cache))
    _edit(PLAN_PATH, "về việc tuyên truyền.", "về việc tuyên truyền (sửa).")(root)
    assert cache.registry(build_corpus(root, cache)) is first  # a body is not in the registry
    _edit(LEGAL_PATH, "so_ky_hieu: 61/2018/NĐ-CP", "so_ky_hieu: 62/2018/NĐ-CP")(root)
    corpus = build_corpus(root, cache)
    assert cache.registry(corpus) is not first
    assert "62/2018/NĐ-CP" in cache.registry(corpus).by_number


def test_a_corpus_with_other_diagnostics_keeps_its_lookups(tmp_path):
    corpus = build_corpus(write_minimal_repo(tmp_path))
    children = corpus.implemented_by(PARENT_ID)
    shown: list = []
    other = corpus.with_diagnostics(shown)
    assert other.diagnostics is shown and corpus.diagnostics is not shown
    assert other.implemented_by(PARENT_ID) is children  # not computed again
    assert other.plans is corpus.plans


@pytest.mark.parametrize("kind", ["plan", "legal"])
def test_a_rebuild_forgets_the_pages_of_a_deleted_document(synthetic, tmp_path, kind):
    """Every page of a deleted document that a full build no longer has is removed (and only
    pages a full build no longer has): the preview would serve it on otherwise."""
    root = tmp_path / "repo"
    shutil.copytree(synthetic, root)
    preview = Preview()
    first = build_corpus(root, preview.cache)
    before = build_site(first, SETTINGS, only=preview.select(first, SETTINGS)).pages
    preview.changed_pages(before)
    if kind == "plan":  # a plan with children: it has an implementation page too
        doc = sorted((p for p in first.plans.values() if first.implemented_by(p.id)),
                     key=lambda p: p.id)[0]  # fmt: skip
    else:
        doc = sorted(first.legal.values(), key=lambda d: d.id)[0]
    (root / doc.path).unlink()

    corpus = build_corpus(root, preview.cache)
    preview.changed_pages(build_site(corpus, SETTINGS, only=preview.select(corpus, SETTINGS)).pages)
    removed = preview.removed_pages()
    after = {p.src for p in build_site(build_corpus(root), SETTINGS).pages}
    vanished = {p.src for p in before} - after
    assert f"{'ke-hoach' if kind == 'plan' else 'van-ban'}/{doc.id}.md" in removed
    assert removed <= vanished
    own = {src for src in vanished if doc.id in src}
    assert own <= removed, sorted(own - removed)
    assert not removed & preview.digests.keys()
    # A build of every page forgets every page it no longer has.
    preview.changed_pages(before)
    assert preview.removed_pages(after) == vanished


def test_a_parent_plan_whose_last_child_is_deleted_loses_its_implementation_page(tmp_path):
    """The Sở's plan gets an implementing plan of its own (the Sở has no subordinate agency):
    deleting that plan takes the Sở plan's implementation page away."""
    root = write_minimal_repo(tmp_path)
    parent_id = Path(PLAN_PATH).stem
    child = root / PLAN_PATH.replace("tuyen-truyen", "kiem-tra")
    text = (root / PLAN_PATH).read_text("utf-8").replace("tuyen-truyen", "kiem-tra")
    child.write_text(re.sub(r"(thuc_hien|can_cu): \[.*\]", rf"\1: [{parent_id}]", text), "utf-8")
    preview = Preview()
    first = build_corpus(root, preview.cache)
    assert [p.id for p in first.implemented_by(parent_id)] == [child.stem]
    before = build_site(first, SETTINGS, only=preview.select(first, SETTINGS)).pages
    preview.changed_pages(before)
    page = implementation_src(parent_id)
    assert page in {p.src for p in before}
    child.unlink()

    corpus = build_corpus(root, preview.cache)
    preview.changed_pages(build_site(corpus, SETTINGS, only=preview.select(corpus, SETTINGS)).pages)
    assert page not in {p.src for p in build_site(build_corpus(root), SETTINGS).pages}
    assert page in preview.removed_pages()


def _gone_by_scanning(old, new, changed) -> set[str]:
    """What ``gone_pages`` answers, asking every document of the new corpus (its first,
    slower form): the oracle it is held to."""

    def made(corpus, docs) -> set[str]:
        pages = set()
        for doc in docs:
            pages |= _own_pages(corpus, doc) | _unresolved_pages(corpus, doc)
        return pages

    edited = [doc for doc in old.documents() if doc.path in changed]
    before = made(old, edited)
    for doc in edited:
        for parent_id in getattr(doc, "implements", []):
            parent = new.plans.get(parent_id)
            if parent is not None and not has_implementation_page(new, parent):
                before.add(implementation_src(parent_id))
    return before - made(new, new.documents())


CITED_ALONE = "Thực hiện Quyết định số 9901/QĐ-UBND ngày 05/05/2019 của UBND tỉnh Hà Giang."
CITED_BY_TWO = "Căn cứ Công văn số 8802/UBND-VX ngày 06/06/2019 của UBND tỉnh Cao Bằng."


def _cite_unknown_documents(root: Path) -> dict:
    """Plans citing documents the registry does not know (the synthetic corpus has none):
    two cite one alone each, two cite one together. The documents an edit starts from."""
    corpus = build_corpus(root)
    plans = sorted((p for p in corpus.plans.values() if p.body.strip()), key=lambda p: p.id)
    sentences = [CITED_ALONE, CITED_ALONE.replace("9901", "9902"), CITED_BY_TWO, CITED_BY_TWO]
    for plan, sentence in zip(plans[:4], sentences, strict=True):
        path = root / plan.path
        path.write_text(path.read_text("utf-8") + f"\n{sentence}\n", "utf-8")
    parent = sorted((p for p in corpus.plans.values() if corpus.implemented_by(p.id)),
                    key=lambda p: p.id)[0]  # fmt: skip
    legal = sorted(corpus.legal.values(), key=lambda d: d.id)[0]
    return {
        "a plan citing an unknown document alone, deleted": (plans[0], "delete"),
        "a plan citing an unknown document others cite, deleted": (plans[2], "delete"),
        "a plan with children, deleted": (parent, "delete"),
        "a legal record, deleted": (legal, "delete"),
        "a plan's id changed": (plans[1], "rename"),
        "a plan's unknown citations taken out of its text": (plans[0], "uncite"),
    }


@pytest.mark.parametrize(
    "edit",
    [
        "a plan citing an unknown document alone, deleted",
        "a plan citing an unknown document others cite, deleted",
        "a plan with children, deleted",
        "a legal record, deleted",
        "a plan's id changed",
        "a plan's unknown citations taken out of its text",
    ],
)
def test_the_pages_gone_are_those_every_document_would_say(synthetic, tmp_path, edit):
    """``gone_pages`` asks only the documents that can still make a page of the edited ones;
    it answers as asking all of them would."""
    root = tmp_path / "repo"
    shutil.copytree(synthetic, root)
    doc, how = _cite_unknown_documents(root)[edit]
    cache = CorpusCache()
    old = build_corpus(root, cache)
    assert len({page for p in old.plans.values() for page in _unresolved_pages(old, p)}) == 6
    path = root / doc.path
    if how == "delete":
        path.unlink()
    elif how == "rename":
        renamed = path.with_name(f"{doc.id}-moi.md")
        renamed.write_text(path.read_text("utf-8").replace(f"id: {doc.id}", f"id: {doc.id}-moi"))
        path.unlink()
    else:
        path.write_text(path.read_text("utf-8").replace(CITED_ALONE, "Không dẫn chiếu."), "utf-8")
    new = build_corpus(root, cache)
    changed = cache.changed | cache.removed
    gone = gone_pages(old, new, changed)
    assert gone == _gone_by_scanning(old, new, changed)
    assert gone  # every edit here takes a page away
    unknown = {src for src in gone if src.startswith(UNRESOLVED_DIR + "/")}
    assert bool(unknown) == (edit in UNKNOWN_GONE)


# The edits after which no plan cites one of the unknown documents any more (a plan whose id
# changed still cites its own).
UNKNOWN_GONE = {
    "a plan citing an unknown document alone, deleted",
    "a plan's unknown citations taken out of its text",
}
