"""Pages of documents that plans cite but the corpus does not know: what the citations say."""

from __future__ import annotations

from ..model.collation import sort_key
from ..model.models import Citation, Plan
from . import urls
from .body import target_src
from .common import agency_name, date_vi, unresolved_label
from .context import Context
from .document_parts import panel
from .fragments import block, join
from .md import md_text
from .page import Page, PageMeta
from .paginate import pager, paginate
from .search import unresolved_search


def unresolved_pages(ctx: Context, key: str, citing: list[tuple[Plan, Citation]]) -> list[Page]:
    base = urls.unresolved_src(key)
    first = citing[0][1]
    label = unresolved_label(first)
    title = f"{label} (chưa xác định)"
    known = [
        ("Loại văn bản", first.type or "không rõ"),
        ("Số ký hiệu", first.number or "không rõ"),
        ("Cơ quan ban hành (theo trích dẫn)", first.issuer_text or first.issuer or "không rõ"),
        ("Ngày (theo trích dẫn)", date_vi(first.date, "không ghi")),
    ]
    ordered = sorted(
        citing, key=lambda pc: (sort_key(agency_name(ctx.corpus, pc[0].issuer)), pc[0].id)
    )
    pages = []
    for part in paginate(ordered, base, ctx.settings.page_size):
        links = ctx.links(part.src)
        out = [f"# {md_text(label)} (chưa xác định)\n\n"]
        out.append(
            "Văn bản này được trích dẫn nhưng chưa có trong cơ sở dữ liệu, hoặc trích dẫn chưa "
            "đủ thông tin để xác định đúng văn bản. Dưới đây là những gì các văn bản trích dẫn "
            "ghi.\n\n"
        )
        out.append(panel(known, "Thông tin theo trích dẫn"))
        out.append(f"## Được trích dẫn trong ({len(citing)})\n")
        items = []
        for plan, citation in part.items:
            assert target_src(ctx.corpus, citation) == base
            quoted = " ".join(citation.text.split())
            warnings = f" — {'; '.join(citation.warnings)}" if citation.warnings else ""
            agency = agency_name(ctx.corpus, plan.issuer)
            items.append(join([links.doc(plan), f" ({agency}): “{quoted}”{warnings}"]))
        out.append(block("list.html", items=items, cls=""))
        out.append(pager(part, ctx.settings.urls))
        meta = PageMeta(search=unresolved_search(title, first)) if part.number == 1 else PageMeta()
        pages.append(Page(src=part.src, title=title, markdown="".join(out), meta=meta))
    return pages
