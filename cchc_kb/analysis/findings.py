"""Data-quality findings, and ``diagnostics``: everything to report about a corpus.

The loader reports what makes a record unusable (errors). This module adds what a careful
reader of the texts would flag (warnings): blank numbers and dates, citations it could not
resolve or that contradict themselves, an appendix that names another number than the header,
letters of another script inside Vietnamese words. Warnings never change the exit status. The
citation graph's analyses (cycles, citations dated after the citing plan, lapsed legal bases)
come from ``graph.analyses`` and are reported with the rest.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from functools import partial

import networkx as nx

from ..cite import canonical_number, find_self_references, hidden_characters_warning
from ..corpus import Corpus
from ..model.models import Diagnostic, Document, LegalDoc, Plan
from ..parallel import ordered_map_started
from ..source.limits import FOREIGN_SCRIPT as _FOREIGN_SCRIPT
from . import places, wording
from .graph import Finding, analyses, build_graph


def _line_in_body(doc: Plan | LegalDoc, offset: int) -> int:
    return doc.body_line + doc.body.count("\n", 0, offset)


def findings(corpus: Corpus) -> list[Diagnostic]:
    """Warnings about the content of every record (run after citations are resolved)."""
    return document_findings(corpus, corpus.documents())


def document_findings(corpus: Corpus, documents: Iterable[Document]) -> list[Diagnostic]:
    """The findings about each of these records: the plans on every core, each plan's
    findings depending on it and the corpus only."""
    return _document_findings_started(corpus, documents)()


def _document_findings_started(
    corpus: Corpus, documents: Iterable[Document]
) -> Callable[[], list[Diagnostic]]:
    """``document_findings`` with the plans' begun on the other cores; calling what it
    returns waits for them and adds the legal records'."""
    documents = list(documents)
    plans = [doc for doc in documents if isinstance(doc, Plan)]
    pending = ordered_map_started(partial(_plan_and_name_findings, corpus), plans)

    def finish() -> list[Diagnostic]:
        out: list[Diagnostic] = []
        for found in pending():
            out.extend(found)
        for doc in documents:
            if not isinstance(doc, LegalDoc):
                continue
            out.extend(_mixed_script(doc))
            if not doc.provenance:
                out.append(
                    Diagnostic(
                        doc.path,
                        doc.line_of("id"),
                        "warning",
                        "provenance-missing",
                        "văn bản không ghi nguồn thông tin (nguon_thong_tin)",
                    )
                )
        return out

    return finish


def _plan_and_name_findings(corpus: Corpus, plan: Plan) -> list[Diagnostic]:
    return [*_plan_findings(corpus, plan), *places.plan_findings(corpus, plan)]


def _plan_findings(corpus: Corpus, plan: Plan) -> list[Diagnostic]:
    out: list[Diagnostic] = []

    def warn(line: int, code: str, message: str) -> None:
        out.append(Diagnostic(plan.path, line, "warning", code, message))

    if plan.stub:
        return out
    if plan.status == "ban_hanh" and not plan.number:
        warn(
            plan.line_of("so_ky_hieu") if "so_ky_hieu" in plan.lines else plan.line_of("id"),
            "number-blank",
            "kế hoạch đã ban hành nhưng số ký hiệu để trống trên văn bản",
        )
    if plan.issued is None:
        warn(
            plan.line_of("ngay_ban_hanh") if "ngay_ban_hanh" in plan.lines else plan.line_of("id"),
            "date-missing",
            "văn bản không ghi ngày ban hành",
        )
    elif not plan.issued.is_complete:
        warn(
            plan.line_of("ngay_ban_hanh"),
            "date-partial",
            f"ngày ban hành chưa đầy đủ trên văn bản: {plan.issued.vietnamese()}",
        )
    for citation in plan.citations:
        if not (citation.warnings or citation.correction is not None or citation.id is None):
            continue  # most citations: nothing to say
        line = _line_in_body(plan, citation.span[0])
        shown = " ".join(citation.text.split())
        # The reader already names each body line with an invisible character
        # (source.limits.body_characters), in plans and legal texts alike.
        repeated = hidden_characters_warning(citation.text)
        for message in citation.warnings:
            if message != repeated:
                warn(line, "citation-warning", f"«{shown}»: {message}")
        if citation.correction is not None:
            warn(line, citation.correction.code, f"«{shown}»: {citation.correction.message}")
        if citation.id is None:
            warn(
                line, "citation-unresolved", f"«{shown}»: chưa xác định được văn bản được dẫn chiếu"
            )
            if citation.suggestion:
                doc = corpus.document(citation.suggestion)
                title = (
                    f"{doc.doc_type} {doc.number}" if doc and doc.number else citation.suggestion
                )
                warn(
                    line,
                    "citation-suggestion",
                    f"«{shown}»: có lẽ là {title} ({citation.suggestion}); chưa liên kết, cần kiểm tra",
                )
            continue
    out.extend(_mixed_script(plan))
    out.extend(_self_reference_findings(plan))
    out.extend(wording.findings(plan))
    return out


def _mixed_script(doc: Plan | LegalDoc) -> list[Diagnostic]:
    out = []
    for match in _FOREIGN_SCRIPT.finditer(doc.body):
        script = unicodedata.name(match.group()[0]).split()[0].lower()
        out.append(
            Diagnostic(
                doc.path,
                _line_in_body(doc, match.start()),
                "warning",
                "mixed-script",
                f"chữ {'Kirin' if script == 'cyrillic' else 'Hy Lạp'} lẫn trong văn bản: «{match.group()}»",
            )
        )
    return out


def _self_reference_findings(plan: Plan) -> list[Diagnostic]:
    out = []
    own = canonical_number(plan.number) if plan.number else None
    for ref in find_self_references(plan.body):
        if ref.where != "appendix" or not ref.number:
            continue
        if own is None or ref.number != own:
            header = plan.number or "để trống"
            out.append(
                Diagnostic(
                    plan.path,
                    _line_in_body(plan, ref.span[0]),
                    "warning",
                    "self-reference-mismatch",
                    f"phụ lục ghi «{' '.join(ref.text.split())}» nhưng số ký hiệu "
                    f"của văn bản là {header}",
                )
            )
    return out


def diagnostics(
    corpus: Corpus,
    graph: nx.DiGraph | None = None,
    analysed: list[Finding] | None = None,
    recorded: list[Diagnostic] | None = None,
) -> list[Diagnostic]:
    """Everything to report about a corpus, sorted: reading, content and graph findings.

    The one diagnostics path: ``cchc check`` prints these and the site build returns them for
    the MkDocs hook to log, so both report the same lines and fail on the same errors.
    ``graph`` and ``analysed`` (``graph.analyses``): what a site build has computed already;
    the graph's validity date does not change any finding. ``recorded``:
    ``record_diagnostics(corpus)``, when computed already (the content findings are slow).
    """
    # The content findings run on the other cores while the graph is built and analysed here.
    recording = record_diagnostics_started(corpus) if recorded is None else lambda: recorded
    if analysed is None:
        graph = graph if graph is not None else build_graph(corpus)
        analysed = analyses(corpus, graph, reported_only=True)
    graph_found = [f.diagnostic() for f in analysed if f.severity in ("error", "warning")]
    return _sorted([*recording(), *graph_found])


def record_diagnostics(
    corpus: Corpus, documents: Iterable[Document] | None = None
) -> list[Diagnostic]:
    """What reading found and the content findings, sorted: each is about one record. With
    ``documents`` (the preview's rebuilds), the content findings of those records only."""
    return record_diagnostics_started(corpus, documents)()


def record_diagnostics_started(
    corpus: Corpus, documents: Iterable[Document] | None = None
) -> Callable[[], list[Diagnostic]]:
    """``record_diagnostics``, started on the other cores: call the result to wait for it."""
    finding = _document_findings_started(
        corpus, corpus.documents() if documents is None else documents
    )
    return lambda: _sorted([*corpus.diagnostics, *finding()])


def _sorted(found: list[Diagnostic]) -> list[Diagnostic]:
    return sorted(found, key=lambda d: (d.path, d.line, d.severity, d.code, d.message))
