"""schema.org ``Legislation`` of a plan or legal page (printed by the theme from page meta)."""

from __future__ import annotations

from ..analysis import validity
from ..model.models import LegalDoc, Plan
from . import urls
from .common import agency_name, heading, legal_force
from .context import Context

AMENDING_RELATIONS = ("sua_doi_bo_sung", "thay_the", "bai_bo")


def json_ld(ctx: Context, doc: Plan | LegalDoc, src: str) -> dict:
    data: dict = {
        "@context": "https://schema.org",
        "@type": "Legislation",
        "name": f"{heading(doc)} {doc.summary}".strip(),
        "legislationIdentifier": doc.number or doc.id,
        "legislationType": doc.doc_type,
        "legislationPassedBy": {
            "@type": "GovernmentOrganization",
            "name": agency_name(ctx.corpus, doc.issuer),
        },
        "inLanguage": "vi",
    }
    if doc.issued and doc.issued.year:
        data["legislationDate"] = doc.issued.iso
    if isinstance(doc, LegalDoc):
        judgement = validity.judge(ctx.corpus, doc.id, ctx.settings.as_of)
        force = legal_force(judgement.status, judgement.in_force) if judgement else None
        if force:
            data["legislationLegalForce"] = force
        amends = [
            ctx.corpus.legal[target]
            for relation in AMENDING_RELATIONS
            for target in doc.relations.get(relation, [])
            if target in ctx.corpus.legal
        ]
        if amends:
            data["legislationAmends"] = [
                {
                    "@type": "Legislation",
                    "legislationIdentifier": other.number or other.id,
                    "url": ctx.settings.urls.relative_url(src, urls.legal_src(other.id)),
                }
                for other in amends
            ]
    return data
