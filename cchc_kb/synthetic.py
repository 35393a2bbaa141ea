"""A synthetic repository of plans for tests and benchmarks, written as real files.

Plans are shaped like the real ones: provinces issue yearly CCHC plans; their departments,
districts and communes implement them with plans of their own whose preambles cite the parent
("Thực hiện Kế hoạch số 15/KH-UBND ngày …") and whose bodies list the legal documents they
publicise. The map is the real one: the 63 provinces before 1/7/2025 and the 34 after it
(Nghị quyết 202/2025/QH15), recorded as in ``plans/agencies.yml`` — an absorbed province, its
departments, every district and every old commune end on 30/6/2025, the province and its
departments name their successor, new communes start on 1/7/2025. Plans dated before the merger
are issued by the old provinces, plans after it by the new ones.

The legal registry grows with the plans (about one document per five plans) and has amendment
and replacement chains; citations are skewed as in reality — a few documents (a government
programme such as 76/NQ-CP) are cited by most plans, the rest follow a long tail — and a plan
cites only documents issued before its year and still in force. Same ``seed`` → same files,
byte for byte.
"""

from __future__ import annotations

import argparse
import datetime
import itertools
import random
import shutil
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .model.slug import slugify

MERGER_DAY = datetime.date(2025, 7, 1)
LAST_DAY_BEFORE = "2025-06-30"
CITIES = {"Hà Nội", "Huế", "Hải Phòng", "Đà Nẵng", "Hồ Chí Minh", "Cần Thơ"}
# The 34 provinces from 1/7/2025, each with the provinces it absorbed (Nghị quyết 202/2025/QH15).
PROVINCES_2025: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Hà Nội", ()),
    ("Huế", ()),
    ("Lai Châu", ()),
    ("Điện Biên", ()),
    ("Sơn La", ()),
    ("Lạng Sơn", ()),
    ("Quảng Ninh", ()),
    ("Thanh Hóa", ()),
    ("Nghệ An", ()),
    ("Hà Tĩnh", ()),
    ("Cao Bằng", ()),
    ("Tuyên Quang", ("Hà Giang",)),
    ("Lào Cai", ("Yên Bái",)),
    ("Thái Nguyên", ("Bắc Kạn",)),
    ("Phú Thọ", ("Vĩnh Phúc", "Hòa Bình")),
    ("Bắc Ninh", ("Bắc Giang",)),
    ("Hưng Yên", ("Thái Bình",)),
    ("Hải Phòng", ("Hải Dương",)),
    ("Ninh Bình", ("Hà Nam", "Nam Định")),
    ("Quảng Trị", ("Quảng Bình",)),
    ("Đà Nẵng", ("Quảng Nam",)),
    ("Quảng Ngãi", ("Kon Tum",)),
    ("Gia Lai", ("Bình Định",)),
    ("Khánh Hòa", ("Ninh Thuận",)),
    ("Lâm Đồng", ("Đắk Nông", "Bình Thuận")),
    ("Đắk Lắk", ("Phú Yên",)),
    ("Hồ Chí Minh", ("Bình Dương", "Bà Rịa - Vũng Tàu")),
    ("Đồng Nai", ("Bình Phước",)),
    ("Tây Ninh", ("Long An",)),
    ("Cần Thơ", ("Sóc Trăng", "Hậu Giang")),
    ("Vĩnh Long", ("Bến Tre", "Trà Vinh")),
    ("Đồng Tháp", ("Tiền Giang",)),
    ("Cà Mau", ("Bạc Liêu",)),
    ("An Giang", ("Kiên Giang",)),
)
# Provinces the real records in plans/ come from: generated last, so a corpus written over the
# real records (``with_seeds_from``) overlaps them only at the largest sizes.
SEED_REGIONS = ("Hưng Yên", "Hải Phòng", "Đồng Nai")
DEPARTMENTS = (
    ("so-noi-vu", "Sở Nội vụ", "SNV"),
    ("so-tu-phap", "Sở Tư pháp", "STP"),
    ("so-y-te", "Sở Y tế", "SYT"),
    ("so-tai-chinh", "Sở Tài chính", "STC"),
)
DISTRICTS = 3
COMMUNES_PER_DISTRICT = 3
NEW_COMMUNES = 9
# Yearly plan themes: (slug, title). A province issues one plan per theme a year.
THEMES = (
    ("tuyen-truyen-cchc", "Tuyên truyền cải cách hành chính"),
    ("cchc", "Cải cách hành chính"),
    ("kiem-tra-cchc", "Kiểm tra công tác cải cách hành chính"),
    ("kiem-soat-tthc", "Kiểm soát thủ tục hành chính"),
    ("chuyen-doi-so", "Chuyển đổi số"),
    ("mot-cua", "Thực hiện cơ chế một cửa, một cửa liên thông"),
    ("van-thu-luu-tru", "Công tác văn thư, lưu trữ"),
    ("cong-vu", "Nâng cao kỷ luật, kỷ cương công vụ"),
    ("dao-tao-cong-chuc", "Đào tạo, bồi dưỡng cán bộ, công chức"),
    ("chi-so-cchc", "Nâng cao Chỉ số cải cách hành chính"),
    ("dich-vu-cong", "Cung cấp dịch vụ công trực tuyến"),
    ("tiep-can-thong-tin", "Bảo đảm quyền tiếp cận thông tin"),
)
YEARS = tuple(range(2021, 2027))
TOPICS = (
    "về thực hiện thủ tục hành chính trên môi trường điện tử",
    "quy định về tuyển dụng, sử dụng và quản lý công chức",
    "về công tác văn thư",
    "quy định chi tiết một số điều của Luật Tiếp cận thông tin",
    "về kiểm soát thủ tục hành chính",
    "về cơ chế tự chủ tài chính của đơn vị sự nghiệp công lập",
    "về đánh giá, xếp loại chất lượng cán bộ, công chức, viên chức",
    "về cung cấp thông tin và dịch vụ công trực tuyến",
    "về tổ chức các cơ quan chuyên môn thuộc Ủy ban nhân dân cấp tỉnh",
    "về đào tạo, bồi dưỡng cán bộ, công chức, viên chức",
)
AREAS = (
    "the_che",
    "thu_tuc_hanh_chinh",
    "to_chuc_bo_may",
    "che_do_cong_vu",
    "tai_chinh_cong",
    "chinh_quyen_so",
)
# Kinds of legal document: (share, type, number suffix, issuer id, issuer phrase, year in number).
LEGAL_KINDS = (
    (0.5, "Nghị định", "NĐ-CP", "chinh-phu", "Chính phủ", True),
    (0.3, "Quyết định", "QĐ-TTg", "thu-tuong-chinh-phu", "Thủ tướng Chính phủ", True),
    (0.2, "Nghị quyết", "NQ-CP", "chinh-phu", "Chính phủ", False),
)
# The few documents most plans cite, with the share of plans citing each (as 76/NQ-CP is).
CORE_SHARES = (0.85, 0.6, 0.4)
CORE_TOPICS = (
    "ban hành Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030",
    "phê duyệt Đề án tuyên truyền cải cách hành chính giai đoạn 2021 - 2025",
)
AMEND_SHARE = 0.12
REPLACE_SHARE = 0.08
FIRST_NUMBER = 300  # above the numbers of the real records, so the two never collide
SYNTHETIC_NOTE = "Dữ liệu tổng hợp dùng để kiểm thử, không phải văn bản thật."


@dataclass
class _LegalDoc:
    id: str
    kind: int  # index into LEGAL_KINDS
    number: str
    issued: datetime.date
    topic: str
    effective: datetime.date | None = None
    relations: dict[str, list[str]] = field(default_factory=dict)
    replaced_in: int | None = None  # year its replacement was issued

    @property
    def year(self) -> int:
        return self.issued.year

    def cite_line(self) -> str:
        _, doc_type, _, _, issuer, _ = LEGAL_KINDS[self.kind]
        date = f"{self.issued:%d/%m/%Y}"
        return f"- {doc_type} số {self.number} ngày {date} của {issuer} {self.topic};"


@dataclass(frozen=True)
class _Province:
    name: str
    successor: str | None  # name of the province it joined on 1/7/2025; None if it goes on

    @property
    def slug(self) -> str:
        return slugify(self.name)

    @property
    def is_city(self) -> bool:
        return self.name in CITIES

    @property
    def ubnd(self) -> str:
        return f"ubnd-{'tp' if self.is_city else 'tinh'}-{self.slug}"

    @property
    def title(self) -> str:
        return f"{'thành phố' if self.is_city else 'tỉnh'} {self.name}"


def _dump(data) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)


def _write_md(path: Path, front: dict, body: str = "") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\n{_dump(front)}---\n{body}", encoding="utf-8")


def _ended(successor: str | None) -> dict:
    return {"hieu_luc_den": LAST_DAY_BEFORE, "ke_thua": successor}


def _province_agencies(province: _Province, successor: _Province | None) -> list[dict]:
    """A province's UBND, departments, districts and communes, as they stood and changed."""
    p, ubnd = province.slug, province.ubnd
    absorbed = successor is not None
    out = [
        {
            "id": ubnd,
            "ten": f"Ủy ban nhân dân {province.title}",
            "ten_viet_tat": [f"UBND {province.title}"],
            "cap": "tinh",
            "cha": "chinh-phu",
            "tinh": ubnd,
            **(_ended(successor.ubnd) if successor else {}),
        }
    ]
    for dep_id, dep_name, abbr in DEPARTMENTS:
        out.append(
            {
                "id": f"{dep_id}-{p}",
                "ten": f"{dep_name} {province.title}",
                "ten_viet_tat": [abbr],
                "cap": "so",
                "cha": ubnd,
                "tinh": ubnd,
                **(_ended(f"{dep_id}-{successor.slug}") if successor else {}),
            }
        )
    # District level ends everywhere on 1/7/2025; communes are rearranged, with no single heir.
    for k in range(1, DISTRICTS + 1):
        district = f"ubnd-huyen-{p}-{k}"
        out.append(
            {
                "id": district,
                "ten": f"Ủy ban nhân dân huyện Số {k} {province.title}",
                "cap": "huyen",
                "cha": ubnd,
                "tinh": ubnd,
                **_ended(None),
            }
        )
        for j in range(1, COMMUNES_PER_DISTRICT + 1):
            out.append(
                {
                    "id": f"ubnd-xa-{p}-{k}-{j}",
                    "ten": f"Ủy ban nhân dân xã Số {j} huyện Số {k} {province.title}",
                    "cap": "xa",
                    "cha": district,
                    "tinh": ubnd,
                    **_ended(None),
                }
            )
    if not absorbed:
        for j in range(1, NEW_COMMUNES + 1):
            out.append(
                {
                    "id": f"ubnd-xa-{p}-{j}",
                    "ten": f"Ủy ban nhân dân xã Số {j} {province.title}",
                    "cap": "xa",
                    "cha": ubnd,
                    "tinh": ubnd,
                    "hieu_luc_tu": MERGER_DAY.isoformat(),
                }
            )
    return out


def _agencies(regions: list[tuple[_Province, list[_Province]]]) -> list[dict]:
    out = [
        {"id": "chinh-phu", "ten": "Chính phủ", "cap": "trung_uong", "cha": None},
        {
            "id": "thu-tuong-chinh-phu",
            "ten": "Thủ tướng Chính phủ",
            "cap": "trung_uong",
            "cha": "chinh-phu",
        },
    ]
    for survivor, absorbed in regions:
        out += _province_agencies(survivor, None)
        for old in absorbed:
            out += _province_agencies(old, survivor)
    return out


def _regions() -> list[tuple[_Province, list[_Province]]]:
    """The 34 provinces with what they absorbed; merged and unchanged ones alternate."""
    regions = [
        (_Province(name, None), [_Province(old, name) for old in absorbed])
        for name, absorbed in PROVINCES_2025
    ]
    seeds = [r for r in regions if r[0].name in SEED_REGIONS]
    merged = [r for r in regions if r[1] and r not in seeds]
    unchanged = [r for r in regions if not r[1]]
    alternating = [r for pair in itertools.zip_longest(merged, unchanged) for r in pair if r]
    return alternating + seeds


def _legal_registry(rng: random.Random, count: int) -> list[_LegalDoc]:
    """``count`` documents, oldest first, with amendment and replacement chains."""
    next_number: dict[tuple[int, int], int] = {}

    def new_doc(kind: int, issued: datetime.date, topic: str) -> _LegalDoc:
        _, _, suffix, _, _, year_in_number = LEGAL_KINDS[kind]
        key = (kind, issued.year)
        n = next_number.get(key, FIRST_NUMBER)
        next_number[key] = n + 1
        number = f"{n}/{issued.year}/{suffix}" if year_in_number else f"{n}/{suffix}"
        doc_id = slugify(number.replace("/", "-")) + ("" if year_in_number else f"-{issued.year}")
        return _LegalDoc(doc_id, kind, number, issued, topic)

    # The core: a government programme, a Prime Minister's decision and a decree, all 2021.
    core = [
        new_doc(2, datetime.date(2021, 7, 15), CORE_TOPICS[0]),
        new_doc(1, datetime.date(2020, 11, 20), CORE_TOPICS[1]),
        new_doc(0, datetime.date(2020, 9, 25), TOPICS[0]),
    ][: min(len(CORE_SHARES), count)]
    shares = [share for share, *_ in LEGAL_KINDS]
    dated = []
    for _ in range(count - len(core)):
        kind = rng.choices(range(len(LEGAL_KINDS)), shares)[0]
        issued = datetime.date(rng.randint(2012, 2025), rng.randint(1, 12), rng.randint(1, 28))
        dated.append((issued, kind, rng.choice(TOPICS)))
    dated.sort()
    others = [new_doc(kind, issued, topic) for issued, kind, topic in dated]
    # Chains: a later document of the same kind and topic amends or replaces an earlier one.
    latest: dict[tuple[int, str], list[_LegalDoc]] = {}
    for doc in others:
        earlier = [d for d in latest.get((doc.kind, doc.topic), []) if d.replaced_in is None]
        roll = rng.random()
        if earlier and roll < REPLACE_SHARE:
            target = earlier[-1]
            doc.relations["thay_the"] = [target.id]
            doc.effective = doc.issued + datetime.timedelta(days=45)
            target.replaced_in = doc.year
        elif earlier and roll < REPLACE_SHARE + AMEND_SHARE:
            doc.relations["sua_doi_bo_sung"] = [rng.choice(earlier[-3:]).id]
        latest.setdefault((doc.kind, doc.topic), []).append(doc)
    return core + others


def _legal_front(doc: _LegalDoc) -> dict:
    _, doc_type, _, issuer, _, _ = LEGAL_KINDS[doc.kind]
    front = {
        "id": doc.id,
        "so_ky_hieu": doc.number,
        "loai_van_ban": doc_type,
        "co_quan_ban_hanh": issuer,
        "ngay_ban_hanh": doc.issued.isoformat(),
        "trich_yeu": doc.topic[0].upper() + doc.topic[1:],
        "tinh_trang_hieu_luc": {"trang_thai": "Chưa rõ"},
    }
    if doc.effective:
        front["ngay_co_hieu_luc"] = doc.effective.isoformat()
    front.update(doc.relations)
    front["nguon_thong_tin"] = [
        {
            "truong": ["so_ky_hieu", "ngay_ban_hanh", "trich_yeu"],
            "nguon": SYNTHETIC_NOTE,
            "da_kiem_tra": False,
        }
    ]
    return front


class _Citations:
    """Draws the legal documents a plan cites: the core by share, the rest from a long tail."""

    def __init__(self, rng: random.Random, registry: list[_LegalDoc]) -> None:
        self.rng = rng
        self.core = registry[: len(CORE_SHARES)]
        tail = registry[len(CORE_SHARES) :]
        order = list(range(len(tail)))
        rng.shuffle(order)  # popularity does not follow age
        weight = {tail[i].id: 1 / (rank + 1) for rank, i in enumerate(order)}
        self.by_year: dict[int, tuple[list[_LegalDoc], list[float]]] = {}
        for year in YEARS:
            usable = [d for d in tail if d.year < year and (d.replaced_in or 9999) > year]
            self.by_year[year] = (usable, list(itertools.accumulate(weight[d.id] for d in usable)))

    def draw(self, year: int, k: int) -> list[_LegalDoc]:
        cited = [
            d
            for d, share in zip(self.core, CORE_SHARES, strict=False)
            if d.year < year and self.rng.random() < share
        ]
        usable, cumulative = self.by_year[year]
        if usable:
            total = cumulative[-1]
            for _ in range(k):
                cited.append(usable[bisect_left(cumulative, self.rng.random() * total)])
        return sorted({d.id: d for d in cited}.values(), key=lambda d: d.id)


def _plan_body(
    parent: tuple[str, str, str] | None,
    cited: list[_LegalDoc],
    year: int,
    issuer_name: str,
    theme: str,
) -> str:
    lines = ["", "## KẾ HOẠCH", f"### {theme} năm {year}", ""]
    if parent:
        number, pdate, pname = parent
        lines.append(
            f"Thực hiện Kế hoạch số {number} ngày {pdate} của {pname} về {theme.lower()} "
            f"năm {year}; {issuer_name} xây dựng kế hoạch như sau:"
        )
    else:
        lines.append(f"{issuer_name} xây dựng kế hoạch {theme.lower()} năm {year} như sau:")
    lines += [
        "",
        "### I. MỤC ĐÍCH, YÊU CẦU",
        "",
        "- Nâng cao nhận thức của cán bộ, công chức, viên chức và người dân về cải cách "
        "hành chính.",
        "",
        "### II. NỘI DUNG",
        "",
        "Tuyên truyền, phổ biến, triển khai các văn bản sau:",
        "",
    ]
    lines += [d.cite_line() for d in cited]
    lines += [
        "",
        "### III. TỔ CHỨC THỰC HIỆN",
        "",
        "| STT | Nhiệm vụ | Sản phẩm | Chủ trì | Phối hợp | Thời gian |",
        "|---|---|---|---|---|---|",
        f"| 1 | Đăng tin, bài về CCHC | Tin, bài | Văn phòng | Các phòng | Quý I/{year} |",
        f"| 2 | Báo cáo kết quả thực hiện | Báo cáo | Văn phòng | Các phòng | 12/{year} |",
        "",
    ]
    return "\n".join(lines)


def write_repository(
    out: Path,
    plans: int,
    seed: int = 0,
    with_seeds_from: Path | None = None,
    legal: int | None = None,
    provinces: Sequence[str] | None = None,
) -> Path:
    """Write a loadable repository of ``plans`` synthetic plans into ``out``.

    ``legal`` is the number of synthetic legal documents (default: one per five plans, at
    least 40). ``provinces`` (names of provinces after 1/7/2025) keeps the corpus to those and
    the provinces they absorbed, as one province's own repository. With ``with_seeds_from`` (a repository root), its plans, legal records and
    agencies are copied first, so a real seed page can be compared across corpus sizes.
    """
    rng = random.Random(seed)
    out = Path(out)
    (out / "plans").mkdir(parents=True, exist_ok=True)
    (out / "legal").mkdir(parents=True, exist_ok=True)
    agencies: list[dict] = []
    if with_seeds_from:
        for folder in ("plans", "legal"):
            shutil.copytree(Path(with_seeds_from) / folder, out / folder, dirs_exist_ok=True)
        agencies = yaml.safe_load((out / "plans" / "agencies.yml").read_text("utf-8")) or []
    taken = {p.stem for p in (out / "plans").rglob("*.md")}
    known = {a["id"] for a in agencies}
    # Enough provinces that each has at most ~140 plans over the six years of a theme.
    regions = [r for r in _regions() if provinces is None or r[0].name in provinces]
    if not regions:
        raise ValueError(f"no province after 1/7/2025 is named {', '.join(provinces or [])}")
    regions = regions[: max(1, min(len(regions), plans // 140 + 1))]
    agencies += [a for a in _agencies(regions) if a["id"] not in known]
    (out / "plans" / "agencies.yml").write_text(_dump(agencies), encoding="utf-8")

    registry = _legal_registry(rng, max(40, plans // 5) if legal is None else legal)
    for doc in registry:
        _write_md(out / "legal" / f"{doc.id}.md", _legal_front(doc))
    citations = _Citations(rng, registry)

    written = 0
    for theme_index, theme in enumerate(THEMES):
        for survivor, absorbed in regions:
            for year in YEARS:
                # Provinces plan in January: the old map until 2025, the new one from 2026.
                before = datetime.date(year, 1, 1) < MERGER_DAY
                for province in [survivor, *absorbed] if before else [survivor]:
                    if written >= plans:
                        return out
                    written += _write_family(
                        out, rng, citations, province, year, theme_index, theme,
                        plans - written, taken,
                    )  # fmt: skip
    raise ValueError(f"at most {written} synthetic plans can be written (asked for {plans})")


def _write_family(
    out: Path,
    rng: random.Random,
    citations: _Citations,
    province: _Province,
    year: int,
    theme_index: int,
    theme: tuple[str, str],
    budget: int,
    taken: set[str],
) -> int:
    """A province's plan on one theme for one year and its agencies' plans implementing it."""
    slug, title = theme
    p, ubnd = province.slug, province.ubnd
    parent_date = datetime.date(year, 1, rng.randint(2, 28))
    parent_no = f"{theme_index * 100 + rng.randint(1, 99)}/KH-UBND"
    parent_id = f"{ubnd}-{year}-{slug}"
    count = 0
    if parent_id not in taken:
        cited = citations.draw(year, 4)
        _write_md(
            out / "plans" / ubnd / str(year) / f"{parent_id}.md",
            _plan_front(parent_id, parent_no, ubnd, province.name, parent_date, title, [], cited),
            _plan_body(None, cited, year, f"Ủy ban nhân dân {province.title}", title),
        )
        count = 1
    parent = (parent_no, f"{parent_date:%d/%m/%Y}", f"UBND {province.title}")
    children = [f"{dep}-{p}" for dep, _, _ in DEPARTMENTS]
    if parent_date < MERGER_DAY:
        children += [f"ubnd-huyen-{p}-{k}" for k in range(1, DISTRICTS + 1)]
        children += [
            f"ubnd-xa-{p}-{k}-{j}"
            for k in range(1, DISTRICTS + 1)
            for j in range(1, COMMUNES_PER_DISTRICT + 1)
        ]
    else:
        children += [f"ubnd-xa-{p}-{j}" for j in range(1, NEW_COMMUNES + 1)]
    for agency in children:
        if count >= budget:
            break
        plan_id = f"{agency}-{year}-{slug}"
        if rng.random() < 0.15 or plan_id in taken:  # some agencies have not answered yet
            continue
        issued = parent_date + datetime.timedelta(days=rng.randint(1, 60))
        cited = citations.draw(year, rng.randint(2, 6))
        suffix = "UBND" if agency.startswith("ubnd") else "S"
        number = f"{theme_index * 100 + rng.randint(1, 99)}/KH-{suffix}"
        _write_md(
            out / "plans" / agency / str(year) / f"{plan_id}.md",
            _plan_front(plan_id, number, agency, province.name, issued, title, [parent_id], cited),
            _plan_body(parent, cited, year, "Cơ quan", title),
        )
        count += 1
    return count


def _plan_front(plan_id, number, agency, place, date, title, parents, cited) -> dict:
    return {
        "id": plan_id,
        "so_ky_hieu": number,
        "loai_van_ban": "Kế hoạch",
        "trich_yeu": f"{title} năm {date.year}",
        "co_quan_ban_hanh": agency,
        "dia_danh": place,
        "ngay_ban_hanh": date.isoformat(),
        "nam": date.year,
        "tinh_trang": "ban_hanh",
        "nguoi_ky": "Nguyễn Văn A",
        "chuc_danh": "KT. Chủ tịch, Phó Chủ tịch",
        "thuc_hien": list(parents),
        "can_cu": list(parents),
        "linh_vuc": sorted({AREAS[len(plan_id) % 6], "thu_tuc_hanh_chinh"}),
        "noi_nhan": ["Như trên;", "Lưu: VT."],
        "nguon_thong_tin": [{"truong": ["*"], "nguon": SYNTHETIC_NOTE, "da_kiem_tra": False}],
    }


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("out", type=Path, help="thư mục ghi kho dữ liệu tổng hợp")
    parser.add_argument("--plans", type=int, default=1000, help="số kế hoạch (mặc định 1000)")
    parser.add_argument(
        "--legal",
        type=int,
        default=None,
        help="số văn bản pháp luật (mặc định: cứ năm kế hoạch một văn bản, ít nhất 40)",
    )
    parser.add_argument("--seed", type=int, default=0, help="hạt giống ngẫu nhiên")
    parser.add_argument(
        "--tinh",
        action="append",
        default=None,
        metavar="TÊN",
        help="chỉ tỉnh này (tên sau 1/7/2025, kèm các tỉnh đã nhập vào); lặp lại được",
    )
    parser.add_argument(
        "--with-seeds",
        type=Path,
        default=None,
        help="chép trước dữ liệu thật từ kho này (plans/, legal/)",
    )


def run(args: argparse.Namespace) -> int:
    write_repository(args.out, args.plans, args.seed, args.with_seeds, args.legal, args.tinh)
    print(f"Đã ghi kho tổng hợp {args.plans} kế hoạch vào {args.out}")
    return 0
