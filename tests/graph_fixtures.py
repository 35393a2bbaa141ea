"""A small corpus built from the model classes, with planted faults for the graph analyses.

Planted: a cycle of amendments between two legal records, a cycle of implementation between
two plans, a plan dated 02/01/2024 citing 61/2024/NĐ-CP "ngày 16/8/2024" (registry: 2024-06-06),
a plan of 2026 resting on 61/2018/NĐ-CP after 118/2025/NĐ-CP replaced it, citations that resolve
to nothing, a stub parent plan, and a record whose text needs escaping.
"""

from __future__ import annotations

from pathlib import Path

from cchc_kb.corpus import Corpus
from cchc_kb.model.models import Agency, Citation, LegalDoc, PartialDate, Plan, Provenance, Validity

D = PartialDate.parse


def agencies() -> dict[str, Agency]:
    rows = [
        ("chinh-phu", "Chính phủ", "trung_uong", None, None),
        ("thu-tuong-chinh-phu", "Thủ tướng Chính phủ", "trung_uong", "chinh-phu", None),
        ("bo-chinh-tri", "Bộ Chính trị", "trung_uong", None, None),
        ("ubnd-tinh-a", "Ủy ban nhân dân tỉnh Ánh Dương", "tinh", "chinh-phu", "ubnd-tinh-a"),
        ("so-noi-vu-a", "Sở Nội vụ tỉnh Ánh Dương", "so", "ubnd-tinh-a", "ubnd-tinh-a"),
        ("ubnd-huyen-a", "Ủy ban nhân dân huyện Bình An", "huyen", "ubnd-tinh-a", "ubnd-tinh-a"),
        ("ubnd-xa-a", "Ủy ban nhân dân xã Tiền Tiến", "xa", "ubnd-huyen-a", "ubnd-tinh-a"),
        ("ubnd-tinh-b", "Ủy ban nhân dân tỉnh Đồng Bằng", "tinh", "chinh-phu", "ubnd-tinh-b"),
        ("so-xay-dung-b", "Sở Xây dựng tỉnh Đồng Bằng", "so", "ubnd-tinh-b", "ubnd-tinh-b"),
    ]
    return {
        aid: Agency(aid, name, level, parent=parent, province=province, path="plans/agencies.yml")
        for aid, name, level, parent, province in rows
    }


def legal(
    doc_id: str,
    number: str,
    doc_type: str,
    issuer: str,
    issued: str | None,
    *,
    effective: str | None = None,
    relations: dict | None = None,
    status: str = "Chưa rõ",
    summary: str = "",
    stub: bool = False,
) -> LegalDoc:
    return LegalDoc(
        id=doc_id,
        number=number,
        doc_type=doc_type,
        summary=summary or f"Văn bản {number}",
        issuer=issuer,
        issued=D(issued) if issued else None,
        effective=D(effective) if effective else None,
        validity=Validity(status),
        relations=relations or {},
        provenance=[Provenance(("so_ky_hieu",), "kiểm thử", False)],
        path=f"legal/{doc_id}.md",
        stub=stub,
    )


def cite(body: str, text: str, target: str | None, **kw) -> Citation:
    start = body.index(text)
    return Citation(
        span=(start, start + len(text)),
        text=text,
        kind=kw.pop("kind", "legal"),
        type=kw.pop("type", "Nghị định"),
        number=kw.pop("number", None),
        id=target,
        **kw,
    )


def plan(
    plan_id: str,
    issuer: str,
    year: int,
    issued: str | None,
    *,
    number: str | None = None,
    implements=(),
    bases=(),
    body: str = "",
    cites=(),
    stub: bool = False,
) -> Plan:
    p = Plan(
        id=plan_id,
        number=number,
        doc_type="Kế hoạch",
        summary=f"Tuyên truyền cải cách hành chính năm {year}",
        issuer=issuer,
        issued=D(issued) if issued else None,
        year=year,
        implements=list(implements),
        legal_bases=list(bases),
        body=body,
        body_line=20,
        stub=stub,
        path=f"plans/{issuer}/{year}/{plan_id}.md",
        lines={"thuc_hien": 12, "can_cu": 13},
    )
    p.citations = [cite(body, *c[:2], **(c[2] if len(c) > 2 else {})) for c in cites]
    return p


XA_BODY = (
    "Thực hiện Kế hoạch số 442/KH-UBND ngày 28/12/2023.\n"
    "- Nghị định số 61/2024/NĐ-CP ngày 16/8/2024 của Chính phủ về hương ước;\n"
    "- Nghị định số 61/2018/NĐ-CP của Chính phủ;\n"
    "- Nghị định số 61/2018/NĐ-CP (nhắc lại);\n"
    "- Quyết định số 3396/QĐ-UBND ngày 15 tháng 12 của UBND tỉnh;\n"
)
SO_BODY = (
    "Căn cứ Kế hoạch số 15/KH-UBND ngày 07/02/2022 của UBND tỉnh;\n"
    "- Nghị định số 61/2018/NĐ-CP và Nghị định số 107/2021/NĐ-CP sửa đổi;\n"
    "- Nghị quyết số 52-NQ/TW ngày 27/9/2019 của Bộ Chính trị;\n"
)


def corpus() -> Corpus:
    c = Corpus(root=Path("."), agencies=agencies())
    for doc in [
        legal(
            "61-2018-nd-cp",
            "61/2018/NĐ-CP",
            "Nghị định",
            "chinh-phu",
            "2018-04-23",
            effective="2018-06-21",
            status="Còn hiệu lực",
            summary="Về thực hiện cơ chế một cửa, một cửa liên thông",
        ),
        legal(
            "107-2021-nd-cp",
            "107/2021/NĐ-CP",
            "Nghị định",
            "chinh-phu",
            "2021-12-06",
            effective="2022-02-01",
            relations={"sua_doi_bo_sung": ["61-2018-nd-cp"]},
        ),
        legal(
            "118-2025-nd-cp",
            "118/2025/NĐ-CP",
            "Nghị định",
            "chinh-phu",
            "2025-06-09",
            effective="2025-07-01",
            relations={"thay_the": ["61-2018-nd-cp", "107-2021-nd-cp"]},
        ),
        legal("61-2024-nd-cp", "61/2024/NĐ-CP", "Nghị định", "chinh-phu", "2024-06-06"),
        legal("52-nq-tw-2019", "52-NQ/TW", "Nghị quyết", "bo-chinh-tri", "2019-09-27"),
        # Planted cycle of amendments.
        legal(
            "1-2020-qd-ubnd-a",
            "1/2020/QĐ-UBND",
            "Quyết định",
            "ubnd-tinh-a",
            "2020-01-01",
            relations={"sua_doi_bo_sung": ["2-2020-qd-ubnd-a"]},
        ),
        legal(
            "2-2020-qd-ubnd-a",
            "2/2020/QĐ-UBND",
            "Quyết định",
            "ubnd-tinh-a",
            "2020-02-01",
            relations={"thay_the": ["1-2020-qd-ubnd-a"]},
        ),
        legal(
            "3396-qd-ubnd-a",
            '3396/QĐ-UBND <b>&"x"',  # text that must be escaped everywhere
            "Quyết định",
            "ubnd-tinh-a",
            None,
        ),
    ]:
        c.legal[doc.id] = doc
    plans = [
        plan("chinh-phu-2021-ctr", "chinh-phu", 2021, "2021-07-15", number="76/NQ-CP"),
        plan(
            "ubnd-tinh-a-2022-kh-15",
            "ubnd-tinh-a",
            2022,
            "2022-02-07",
            number="15/KH-UBND",
            implements=["chinh-phu-2021-ctr"],
            bases=["chinh-phu-2021-ctr"],
            stub=True,
        ),
        plan(
            "so-noi-vu-a-2022-tuyen-truyen",
            "so-noi-vu-a",
            2022,
            "2022-02",
            implements=["ubnd-tinh-a-2022-kh-15"],
            bases=["ubnd-tinh-a-2022-kh-15", "61-2018-nd-cp"],
            body=SO_BODY,
            cites=[
                ("Kế hoạch số 15/KH-UBND", "ubnd-tinh-a-2022-kh-15", {"type": "Kế hoạch"}),
                ("Nghị định số 61/2018/NĐ-CP", "61-2018-nd-cp"),
                ("Nghị định số 107/2021/NĐ-CP", "107-2021-nd-cp"),
                (
                    "Nghị quyết số 52-NQ/TW ngày 27/9/2019",
                    "52-nq-tw-2019",
                    {"kind": "party", "type": "Nghị quyết", "date": D("2019-09-27")},
                ),
            ],
        ),
        plan(
            "ubnd-huyen-a-2023-kh-442",
            "ubnd-huyen-a",
            2023,
            "2023-12-28",
            number="442/KH-UBND",
            implements=["ubnd-tinh-a-2022-kh-15"],
            stub=True,
        ),
        plan(
            "ubnd-xa-a-2024-tuyen-truyen",
            "ubnd-xa-a",
            2024,
            "2024-01-02",
            number="02/KH-UBND",
            implements=["ubnd-huyen-a-2023-kh-442"],
            body=XA_BODY,
            cites=[
                (
                    "Kế hoạch số 442/KH-UBND ngày 28/12/2023",
                    "ubnd-huyen-a-2023-kh-442",
                    {"type": "Kế hoạch", "date": D("2023-12-28")},
                ),
                (
                    "Nghị định số 61/2024/NĐ-CP ngày 16/8/2024",
                    "61-2024-nd-cp",
                    {"number": "61/2024/NĐ-CP", "date": D("2024-08-16")},
                ),
                ("Nghị định số 61/2018/NĐ-CP của", "61-2018-nd-cp"),
                ("Nghị định số 61/2018/NĐ-CP (", "61-2018-nd-cp"),
                (
                    "Quyết định số 3396/QĐ-UBND ngày 15 tháng 12",
                    None,
                    {
                        "type": "Quyết định",
                        "number": "3396/QĐ-UBND",
                        "kind": "admin",
                        "issuer_text": "UBND tỉnh",
                        "date": D("--12-15"),
                    },
                ),
            ],
        ),
        # A plan written after 118/2025 replaced 61/2018, still resting on 61/2018.
        plan(
            "so-xay-dung-b-2026-tuyen-truyen",
            "so-xay-dung-b",
            2026,
            "2026-01-10",
            bases=["61-2018-nd-cp", "3396-qd-ubnd-a"],
        ),
        # Planted cycle of implementation.
        plan(
            "ubnd-tinh-b-2023-a",
            "ubnd-tinh-b",
            2023,
            "2023-03-01",
            implements=["ubnd-tinh-b-2023-b"],
        ),
        plan(
            "ubnd-tinh-b-2023-b",
            "ubnd-tinh-b",
            2023,
            "2023-03-02",
            implements=["ubnd-tinh-b-2023-a"],
        ),
    ]
    for p in plans:
        c.plans[p.id] = p
    return c


def many_children(n: int) -> Corpus:
    """The fixture plus ``n`` commune plans implementing one district plan and citing 61/2018."""
    c = corpus()
    for i in range(n):
        body = "Thực hiện kế hoạch của huyện.\n- Nghị định số 61/2018/NĐ-CP của Chính phủ;\n"
        p = plan(
            f"ubnd-xa-a-2024-kh-{i + 1}",
            "ubnd-xa-a",
            2024,
            f"2024-02-{(i % 28) + 1:02d}",
            number=f"{i + 1}/KH-UBND",
            implements=["ubnd-huyen-a-2023-kh-442"],
            body=body,
            cites=[("Nghị định số 61/2018/NĐ-CP", "61-2018-nd-cp")],
        )
        c.plans[p.id] = p
    return c
