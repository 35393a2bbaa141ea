"""The preview's rebuilds (``make preview``): which pages an edit touches, which of them changed.

After the first, full build, an edit rebuilds only the pages that show one of the edited
files' documents, before or after the edit (``touched_pages``): the document's own page, its
agency, year and type lists, the plan and document indexes, its parent and child plans, the
documents it cites or acts on and the plans citing it. Not the pages drawn from the whole
corpus, which a rebuild would have to compute whole: the graph pages, the quality report and
the task lists by lead unit stay as first built (the preview says so in its log). A list is named by its first page and
stands for all its pages; of those, only the pages holding an edited document or whose members
changed are built again (``Selection.keep_slice``, through ``paginate.SLICE_FILTER``). Of the
pages built, only those whose text differs from the last build are rendered again
(``Preview.changed_pages``); the adapter tells the generator every other page is unchanged.
The pages of a deleted document (or of one whose address an edit changed) are removed from the
served site (``gone_pages``, ``Preview.removed_pages``).

MkDocs executes the hook file afresh on each rebuild, so what one build leaves for the next
lives here, in the package, one ``Preview`` per repository (``preview_for``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
import networkx as nx

from .. import phases
from ..analysis.graph import build_graph, update_graph
from ..corpus import Corpus, CorpusCache, unresolved_key
from ..model.models import Document, LegalDoc, Plan
from ..source.repository import AGENCIES_FILE
from . import urls
from .common import doc_date, type_slug
from .implementation import has_implementation_page, implementation_src
from .indexes import (
    AGENCIES_INDEX_SRC,
    LOOKUP_SRC,
    PLANS_INDEX_SRC,
    TYPES_INDEX_SRC,
    YEARS_INDEX_SRC,
)
from .page import Page
from .paginate import SLICE_FILTER, Slice
from .settings import SiteSettings

PREVIEW_ENV = "CCHC_PREVIEW"  # set for the serving process: the hook keeps a Preview
HOME_SRC = "index.md"
# Lists every edit may change (counts, newest first, every document by number).
INDEX_SRCS = frozenset(
    {HOME_SRC, PLANS_INDEX_SRC, LOOKUP_SRC, YEARS_INDEX_SRC, TYPES_INDEX_SRC, AGENCIES_INDEX_SRC}
)


def touched_pages(old: Corpus | None, new: Corpus, changed: Collection[str]) -> set[str] | None:
    """Source paths of the pages showing a document of a ``changed`` file (repository-relative
    paths), in the corpus before the edit and after it; a list by its first page. ``None``:
    every page (no earlier build, or the agency registry changed: every page names agencies)."""
    if old is None or AGENCIES_FILE in changed:
        return None
    if not changed:
        return set()
    pages = set(INDEX_SRCS)
    for corpus in (old, new):
        by_path = {doc.path: doc for doc in corpus.documents()}
        for rel in changed:
            doc = by_path.get(rel)
            if doc is not None:
                pages |= _document_pages(corpus, doc)
    return pages


def gone_pages(old: Corpus, new: Corpus, changed: Collection[str]) -> set[str]:
    """Pages that existed because of a document of a ``changed`` file and no longer do: its
    own page, its implementation page and its unknown documents' pages, when no document of
    ``new`` makes them (the file was deleted, or its edit changed the document's address);
    and its parent plans' implementation pages, when no plan implements them any more."""
    edited = [doc for doc in old.documents() if doc.path in changed]
    before = set().union(*(_own_pages(old, doc) for doc in edited))
    before_unresolved = set().union(*(_unresolved_pages(old, doc) for doc in edited))
    # A parent plan whose last implementing plan went loses its implementation page.
    for parent_id in {
        parent for doc in edited if isinstance(doc, Plan) for parent in doc.implements
    }:
        parent = new.plans.get(parent_id)
        if parent is not None and not has_implementation_page(new, parent):
            before.add(implementation_src(parent_id))
    # A page named by a document's id is made only by the document of that id: only those are
    # asked, not every document of the corpus.
    same_ids = [doc for doc in (new.document(doc.id) for doc in edited) if doc is not None]
    owned = set().union(*(_own_pages(new, doc) for doc in same_ids))
    unresolved = before_unresolved - set().union(*(_unresolved_pages(new, doc) for doc in same_ids))
    if unresolved:  # still cited as unknown by any other plan?
        unresolved -= set().union(*(_unresolved_pages(new, doc) for doc in new.plans.values()))
    return (before - owned) | unresolved


def _own_pages(corpus: Corpus, doc: Document) -> set[str]:
    """The pages named by a document's id."""
    pages = {urls.document_src(doc), urls.relations_src(doc.id)}
    if isinstance(doc, Plan) and has_implementation_page(corpus, doc):
        pages.add(implementation_src(doc.id))
    return pages


def _unresolved_pages(corpus: Corpus, doc: Document) -> set[str]:
    """The pages of the unknown documents a plan cites."""
    pages = set()
    for citation in doc.citations if isinstance(doc, Plan) else ():
        if not (citation.id and corpus.document(citation.id) is not None):
            key = unresolved_key(citation)
            pages |= {urls.unresolved_src(key), urls.unresolved_relations_src(key)}
    return pages


def _document_pages(corpus: Corpus, doc: Document) -> set[str]:
    pages = {urls.document_src(doc), urls.type_src(type_slug(doc.doc_type))}
    if doc.issuer in corpus.agencies:
        pages.add(urls.agency_src(doc.issuer))
    date = doc_date(doc)
    if date and date.year:
        pages.add(urls.year_src(date.year))
    if isinstance(doc, Plan):
        pages.add(implementation_src(doc.id))
        for parent in doc.implements:
            pages |= {urls.plan_src(parent), implementation_src(parent)}
        pages |= {urls.plan_src(child.id) for child in corpus.implemented_by(doc.id)}
        for cited_id in [*doc.legal_bases, *(c.id for c in doc.citations if c.id)]:
            cited = corpus.document(cited_id)
            if cited is not None:
                pages.add(urls.document_src(cited))
        for citation in doc.citations:
            if not (citation.id and corpus.document(citation.id) is not None):
                pages.add(urls.unresolved_src(unresolved_key(citation)))
    if isinstance(doc, LegalDoc):
        for targets in doc.relations.values():
            pages |= {urls.legal_src(t) for t in targets if t in corpus.legal}
        pages |= {urls.legal_src(other.id) for _, other in corpus.acted_on_by(doc.id)}
        citing = [*corpus.based_on(doc.id), *corpus.referenced_by(doc.id)]
        pages |= {urls.plan_src(plan.id) for plan in citing}
    return pages


def _identity(item: object) -> object:
    """What a list item is, for telling whether a list page's members changed."""
    if isinstance(item, Document):
        return item.id
    if isinstance(item, list | tuple):
        return tuple(_identity(x) for x in item)
    ident = getattr(item, "id", None)
    return ident if isinstance(ident, str) else repr(item)


def _ids(identity: object) -> Iterator[object]:
    if isinstance(identity, tuple):
        for part in identity:
            yield from _ids(part)
    else:
        yield identity


@dataclass
class Selection:
    """Which pages a build makes: ``pages`` None is every page."""

    pages: set[str] | None
    changed_ids: set[str] = field(default_factory=set)  # documents of the edited files
    members: dict[str, tuple] = field(default_factory=dict)  # list page -> its members, last build
    graph: nx.DiGraph | None = None  # the corpus's citation graph, when the preview keeps one
    _seen: dict[str, tuple] | None = None

    @contextmanager
    def recording(self) -> Iterator[dict[str, tuple]]:
        """The list members seen meanwhile: a page builder in a worker process updates the
        worker's copy of ``members``, so they travel back with its pages."""
        self._seen = seen = {}
        try:
            yield seen
        finally:
            self._seen = None

    @property
    def everything(self) -> bool:
        return self.pages is None

    def wants(self, src: str) -> bool:
        return self.pages is None or src in self.pages

    def wants_list(self, base_src: str) -> bool:
        """A list is wanted by its first page, or by the page it belongs to
        (``co-quan/<id>/ke-hoach.md`` by ``co-quan/<id>.md``)."""
        if self.wants(base_src):
            return True
        parts = base_src.removesuffix(".md").split("/")
        return any(self.wants("/".join(parts[:n]) + ".md") for n in range(1, len(parts)))

    def keep_slice(self, part: Slice) -> bool:
        if not self.wants_list(part.base_src):
            return False
        members = (part.count, part.total, _identity(list(part.items)))
        before = self.members.get(part.src)
        self.members[part.src] = members
        if self._seen is not None:
            self._seen[part.src] = members
        return (
            self.everything
            or before != members
            or not self.changed_ids.isdisjoint(_ids(members[2]))
        )


@contextmanager
def selecting(selection: Selection | None) -> Iterator[None]:
    """Paginated lists make only the pages ``selection`` keeps."""
    token = SLICE_FILTER.set(selection)
    try:
        yield
    finally:
        SLICE_FILTER.reset(token)


def page_digest(page: Page) -> str:
    return hashlib.sha256(repr((page.title, page.markdown, page.meta)).encode()).hexdigest()


class TemplateCache(jinja2.BytecodeCache):
    """The theme's compiled templates, kept between rebuilds: MkDocs makes a new template
    environment for each build, which would compile every template again. A template whose
    source changed is compiled again (the bucket checks its source's checksum)."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


@dataclass
class Preview:
    """What one repository's preview keeps from build to build."""

    cache: CorpusCache = field(default_factory=CorpusCache)
    corpus: Corpus | None = None
    settings: SiteSettings | None = None
    members: dict[str, tuple] = field(default_factory=dict)
    graph: nx.DiGraph | None = None  # of ``corpus``, on ``settings.as_of``
    digests: dict[str, str] = field(default_factory=dict)  # page source path -> its text's hash
    files: set[str] = field(default_factory=set)  # site files (not pages) of the first build
    templates: TemplateCache = field(default_factory=TemplateCache)
    gone: set[str] = field(default_factory=set)  # pages the last edits removed (``select``)

    def select(self, corpus: Corpus, settings: SiteSettings) -> Selection:
        """The pages the edits since the last build touch (every page on the first build, and
        when the site's settings in mkdocs.yml changed)."""
        changed = self.cache.changed | self.cache.removed
        same = settings == self.settings
        pages = touched_pages(self.corpus if same else None, corpus, changed)
        self.gone = set() if self.corpus is None else gone_pages(self.corpus, corpus, changed)
        self.settings = settings
        ids = {
            doc.id
            for source in (self.corpus, corpus)
            if source is not None
            for doc in source.documents()
            if doc.path in changed
        }
        with phases.timed("graph"):
            edited = {plan.id for plan in corpus.plans.values() if plan.path in changed}
            if (
                self.graph is not None
                and same
                and not self.cache.registry_moved
                and len(edited) == len(changed)
            ):
                # Plans edited, nothing the registry resolves: only their edges change.
                update_graph(self.graph, corpus, edited, settings.as_of)
            else:
                self.graph = build_graph(corpus, settings.as_of)
        self.corpus = corpus
        return Selection(pages, ids, self.members, self.graph)

    def removed_pages(self, built: Collection[str] | None = None) -> set[str]:
        """Pages written before that this build no longer has, forgotten here: the pages of
        ``gone`` (a rebuild), or every page not ``built`` (a build of every page)."""
        gone = self.gone if built is None else set(self.digests) - set(built)
        removed = gone & self.digests.keys()
        for src in removed:
            del self.digests[src]
        return removed

    def changed_pages(self, pages: list[Page]) -> list[Page]:
        """The pages whose text differs from the last build's (or that are new); remembered."""
        out = []
        for page in pages:
            digest = page_digest(page)
            if self.digests.get(page.src) != digest:
                self.digests[page.src] = digest
                out.append(page)
        return out


_PREVIEWS: dict[Path, Preview] = {}


def preview_for(root: Path) -> Preview:
    """The preview of the repository at ``root`` (made on first use, kept for the process)."""
    return _PREVIEWS.setdefault(Path(root).resolve(), Preview())
