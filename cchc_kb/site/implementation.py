"""The implementation view of a plan: which agencies under its issuer answered it, and when."""

from __future__ import annotations

from collections import defaultdict

from ..analysis import validity
from ..corpus import Corpus
from ..model.collation import sort_key
from ..model.models import Agency, PartialDate, Plan
from . import urls
from .common import agency_name, date_key, date_short, doc_date, short_label
from .context import Context
from .fragments import block
from .md import md_text
from .page import Page
from .paginate import pager, paginate

IMPLEMENTATION_PAGE = "trien-khai"


def implementation_src(plan_id: str) -> str:
    return f"{urls.PLAN_DIR}/{plan_id}/{IMPLEMENTATION_PAGE}.md"


def has_implementation_page(corpus: Corpus, plan: Plan) -> bool:
    """A plan has an implementation page when plans implement it or its agency has
    subordinate agencies (whose implementing plans the page awaits)."""
    return bool(corpus.implemented_by(plan.id) or corpus.children(plan.issuer))


def _descendants(corpus: Corpus, agency_id: str) -> list[Agency]:
    out, stack, seen = [], list(corpus.children(agency_id)), {agency_id}
    while stack:
        agency = stack.pop()
        if agency.id in seen:
            continue
        seen.add(agency.id)
        out.append(agency)
        stack.extend(corpus.children(agency.id))
    return out


def _entries(corpus: Corpus, plan: Plan) -> list[tuple[str, str, list[Plan]]]:
    """(agency name, agency id, its implementing plans) for every agency expected to answer,
    agencies still without a plan first: that is what a parent agency follows up."""
    by_agency: dict[str, list[Plan]] = defaultdict(list)
    for p in corpus.implemented_by(plan.id):
        by_agency[p.issuer].append(p)
    on = plan.issued or (PartialDate(plan.year) if plan.year else None)
    agency_ids: list[str] = []
    for agency in _descendants(corpus, plan.issuer):
        ended = validity.on_or_before(agency.valid_to, on) if agency.valid_to and on else None
        if ended and agency.valid_to != on and agency.id not in by_agency:
            continue  # no longer existed when the plan was issued
        agency_ids.append(agency.id)
    agency_ids += [a for a in by_agency if a not in agency_ids]
    entries = [
        (
            agency_name(corpus, agency_id),
            agency_id,
            sorted(by_agency.get(agency_id, []), key=lambda p: date_key(doc_date(p))),
        )
        for agency_id in agency_ids
    ]
    entries.sort(key=lambda e: (bool(e[2]), sort_key(e[0]), e[1]))
    return entries


def implementation_pages(ctx: Context, plan: Plan) -> list[Page]:
    """Which agencies under the issuer implemented this plan, with dates, and which have not."""
    entries = _entries(ctx.corpus, plan)
    done = sum(1 for e in entries if e[2])
    title = f"Triển khai {short_label(plan)}"
    pages = []
    for part in paginate(entries, implementation_src(plan.id), ctx.settings.page_size):
        links = ctx.links(part.src)
        out = [f"# Triển khai {md_text(short_label(plan))}\n\n"]
        out.append(
            block(
                "paragraph.html",
                parts=[
                    "Kế hoạch: ",
                    links.doc(plan),
                    f" — {plan.summary}. Cơ quan ban hành: ",
                    links.agency(plan.issuer),
                    ".",
                ],
                cls="",
            )
        )
        out.append(
            block(
                "paragraph.html",
                parts=[
                    f"{done} cơ quan đã ban hành kế hoạch thực hiện; {len(entries) - done} cơ "
                    "quan trực thuộc chưa có kế hoạch trong cơ sở dữ liệu."
                ],
                cls="",
            )
        )
        rows = [
            {
                "agency": links.agency(agency_id),
                "plans": [{"link": links.doc(p), "date": date_short(doc_date(p))} for p in plans],
            }
            for _name, agency_id, plans in part.items
        ]
        if rows:
            out.append(block("implementation_table.html", rows=rows))
        else:
            out.append("Chưa có cơ quan trực thuộc nào trong danh mục.\n\n")
        out.append(pager(part, ctx.settings.urls))
        pages.append(Page(src=part.src, title=title, markdown="".join(out)))
    return pages
