"""The plan page: attributes, the chain of parent plans, legal bases with their validity,
references, implementation, who cites it, graph, linked body, notes, source file."""

from __future__ import annotations

import re

from markupsafe import Markup

from ..corpus import unresolved_key
from ..model.collation import sort_key
from ..model.models import CCHC_AREAS, PLAN_STATUSES, Citation, LegalDoc, Plan
from . import urls
from .body import linked_body
from .cited_by import cited_by_sections
from .common import (
    Links,
    badge,
    date_short,
    date_vi,
    provenance_notes,
    short_label,
    unresolved_label,
)
from .context import Context
from .document_parts import (
    change_notes,
    diagnostic_notes,
    document_page,
    graph_section,
    judgement_badge,
    notes_section,
    notice,
    panel,
    title_and_lead,
)
from .fragments import block
from .implementation import implementation_src
from .page import Page
from .render import fragment

_PLAIN_FILE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,100}")


def source_name(plan: Plan) -> str:
    """Published name of the source file: the original when it is a plain safe name."""
    name = plan.source_file or ""
    if _PLAIN_FILE_NAME.fullmatch(name):
        return name
    suffix = re.sub(r"[^a-z0-9.]", "", ("." + name.rsplit(".", 1)[-1].lower())[:8])
    return "van-ban-goc" + (suffix if len(suffix) > 1 else ".bin")


def source_path(plan: Plan) -> str:
    """Where the plan's source file is published: beside its page."""
    return urls.page_file(urls.plan_src(plan.id), source_name(plan))


def _cited_document(ctx: Context, doc: Plan | LegalDoc, plan: Plan, links: Links) -> Markup:
    """A cited document with its validity on the plan's date and today, and what changed it."""
    validity = None
    if isinstance(doc, LegalDoc):
        then, _ = judgement_badge(ctx, doc.id, plan.issued, "tại ngày ban hành kế hoạch")
        now, judgement_now = judgement_badge(ctx, doc.id, ctx.settings.as_of, "tại ngày cập nhật")
        validity = {
            "plan_date": date_short(plan.issued),
            "then": then,
            "as_of": date_short(ctx.settings.as_of),
            "now": now,
            "changes": change_notes(judgement_now, links),
        }
    return fragment(
        "cited_document.html", link=links.doc(doc), summary=doc.summary, validity=validity
    )


def _attributes(ctx: Context, plan: Plan, links: Links) -> str:
    corpus = ctx.corpus
    if plan.number:
        number: object = plan.number
    elif plan.status == "du_thao":
        number = fragment("emphasis.html", text="dự thảo, chưa có số")
    else:
        number = fragment("emphasis.html", text="văn bản để trống số")
    place_date = ", ".join(
        x for x in (plan.place or "", date_vi(plan.issued, "không ghi ngày")) if x
    )
    signer = " ".join(x for x in (plan.signer_title or "", plan.signer or "") if x)
    year = links.to(urls.year_src(plan.year), plan.year) if plan.year else "không rõ"
    areas = "; ".join(CCHC_AREAS.get(a, a) for a in plan.areas)
    rows: list[tuple[str, object]] = [
        ("Số ký hiệu", number),
        ("Loại văn bản", plan.doc_type),
        ("Cơ quan ban hành", links.agency(plan.issuer)),
        ("Địa danh và ngày", place_date),
        ("Năm kế hoạch", year),
        ("Người ký", signer or fragment("emphasis.html", text="không rõ")),
        ("Tình trạng", PLAN_STATUSES.get(plan.status, plan.status)),
        ("Lĩnh vực CCHC", areas or fragment("emphasis.html", text="chưa phân loại")),
    ]
    if plan.plan_number:
        rows.insert(2, ("Số, ký hiệu của kế hoạch", plan.plan_number))
    parents = [corpus.plans[p] for p in plan.implements if p in corpus.plans]
    if parents:
        rows.append(("Kế hoạch cấp trên", Markup(", ").join(links.doc(p) for p in parents)))
    return panel(rows, "Thuộc tính văn bản")


def _references(ctx: Context, plan: Plan, links: Links) -> list[Markup]:
    """Every other document the body cites, and the ones nobody has on file."""
    refs: list[Markup] = []
    seen: set[str] = set(plan.legal_bases)
    unknown: dict[str, Citation] = {}
    for citation in plan.citations:
        doc = ctx.corpus.document(citation.id) if citation.id else None
        if doc is not None:
            if doc.id not in seen and doc.id != plan.id:
                seen.add(doc.id)
                refs.append(_cited_document(ctx, doc, plan, links))
        else:
            unknown.setdefault(unresolved_key(citation), citation)
    for key, citation in sorted(unknown.items(), key=lambda kv: sort_key(kv[0])):
        target = links.to(urls.unresolved_src(key), unresolved_label(citation))
        refs.append(target + Markup(" ") + badge("chưa xác định"))
    return refs


def plan_page(ctx: Context, plan: Plan) -> list[Page]:
    corpus, src = ctx.corpus, urls.plan_src(plan.id)
    links = ctx.links(src)
    out: list[str] = [title_and_lead(plan)]

    chain = corpus.parent_chain(plan.id)
    if chain:
        out.append(
            block(
                "parent_chain.html",
                links=[links.doc(p) for p in chain],
                current=short_label(plan),
            )
        )
    out.append(_attributes(ctx, plan, links))

    if plan.stub:
        out.append(
            notice(
                "note",
                "Chỉ biết qua trích dẫn",
                "Cơ sở dữ liệu chưa có toàn văn kế hoạch này; các thông tin trên lấy từ văn bản "
                "dẫn chiếu đến nó và chưa được đối chiếu với văn bản gốc.",
            )
        )

    # Legal bases, judged on the plan's date and on the as-of date.
    if plan.legal_bases:
        out.append("## Căn cứ\n")
        bases = [corpus.document(d) for d in plan.legal_bases]
        items = [_cited_document(ctx, doc, plan, links) for doc in bases if doc is not None]
        out.append(block("list.html", items=items, cls="cchc-bases"))

    refs = _references(ctx, plan, links)
    if refs:
        out.append("## Văn bản dẫn chiếu\n")
        out.append(block("list.html", items=refs, cls=""))

    implementers = corpus.implemented_by(plan.id)
    if implementers or corpus.children(plan.issuer):
        done = len({p.issuer for p in implementers})
        out.append("## Triển khai thực hiện\n")
        out.append(
            f"{done} cơ quan đã ban hành kế hoạch thực hiện kế hoạch này "
            f"({len(implementers)} kế hoạch).\n"
        )
        more = links.to(implementation_src(plan.id), "Xem cơ quan nào đã và chưa triển khai")
        out.append(block("paragraph.html", parts=[more], cls=""))

    cited_by, extra_pages = cited_by_sections(ctx, plan, src, keep_empty=False)
    out.append(cited_by)

    out.append(graph_section(ctx, plan.id, src))

    authored = None
    if plan.body.strip():
        out.append("## Nội dung văn bản\n\n")
        start = sum(map(len, out))
        out.append(linked_body(corpus, plan.body, plan.citations, src).rstrip() + "\n\n")
        authored = (start, start + len(out[-1]))

    out.append(notes_section(diagnostic_notes(ctx, plan) + provenance_notes(plan)))

    if plan.source_file:
        out.append("## Văn bản gốc\n")
        name = source_name(plan)
        download = links.to(source_path(plan), f"Tải tệp văn bản gốc ({name})", download=True)
        origin = f" Nguồn: {plan.source_origin}." if plan.source_origin else ""
        out.append(block("paragraph.html", parts=[download, ".", origin], cls=""))

    page = document_page(ctx, plan, src, "".join(out), authored=authored)
    return [page, *extra_pages]
