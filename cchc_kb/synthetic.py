"""A synthetic repository of plans for tests and benchmarks, written as real files.

Plans are shaped like the real ones: provinces issue a yearly CCHC communication plan; their
departments, districts and communes implement it with plans of their own whose preambles cite
the parent ("Thực hiện Kế hoạch số 15/KH-UBND ngày …") and whose bodies list decrees to
publicise. Citation counts follow a long tail, so a few decrees are cited by most plans, as in
reality. Same ``seed`` → same files, byte for byte.
"""

from __future__ import annotations

import argparse
import datetime
import random
import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml

from .model.slug import slugify

PROVINCES = (
    "Hà Nội",
    "Huế",
    "Lai Châu",
    "Điện Biên",
    "Sơn La",
    "Lạng Sơn",
    "Quảng Ninh",
    "Thanh Hóa",
    "Nghệ An",
    "Hà Tĩnh",
    "Cao Bằng",
    "Tuyên Quang",
    "Lào Cai",
    "Thái Nguyên",
    "Phú Thọ",
    "Bắc Ninh",
    "Ninh Bình",
    "Quảng Trị",
    "Đà Nẵng",
    "Quảng Ngãi",
    "Gia Lai",
    "Khánh Hòa",
    "Lâm Đồng",
    "Đắk Lắk",
    "Tây Ninh",
    "Cần Thơ",
    "Vĩnh Long",
    "Đồng Tháp",
    "Cà Mau",
    "An Giang",
)
DEPARTMENTS = (
    ("so-noi-vu", "Sở Nội vụ", "SNV"),
    ("so-tu-phap", "Sở Tư pháp", "STP"),
    ("so-y-te", "Sở Y tế", "SYT"),
    ("so-tai-chinh", "Sở Tài chính", "STC"),
)
TOPICS = (
    "về thực hiện thủ tục hành chính trên môi trường điện tử",
    "quy định về tuyển dụng, sử dụng và quản lý công chức",
    "về công tác văn thư",
    "quy định chi tiết một số điều của Luật Tiếp cận thông tin",
    "về kiểm soát thủ tục hành chính",
    "về cơ chế tự chủ tài chính của đơn vị sự nghiệp công lập",
)
AREAS = (
    "the_che",
    "thu_tuc_hanh_chinh",
    "to_chuc_bo_may",
    "che_do_cong_vu",
    "tai_chinh_cong",
    "chinh_quyen_so",
)
SYNTHETIC_NOTE = "Dữ liệu tổng hợp dùng để kiểm thử, không phải văn bản thật."


@dataclass(frozen=True)
class _Decree:
    id: str
    number: str
    day: int
    month: int
    year: int
    topic: str


def _dump(data) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)


def _write_md(path: Path, front: dict, body: str = "") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\n{_dump(front)}---\n{body}", encoding="utf-8")


def _agencies(provinces: list[str]) -> list[dict]:
    out = [
        {"id": "chinh-phu", "ten": "Chính phủ", "cap": "trung_uong", "cha": None},
        {
            "id": "thu-tuong-chinh-phu",
            "ten": "Thủ tướng Chính phủ",
            "cap": "trung_uong",
            "cha": "chinh-phu",
        },
    ]
    for name in provinces:
        p = slugify(name)
        ubnd = f"ubnd-tinh-{p}"
        out.append(
            {
                "id": ubnd,
                "ten": f"Ủy ban nhân dân tỉnh {name}",
                "ten_viet_tat": [f"UBND tỉnh {name}"],
                "cap": "tinh",
                "cha": "chinh-phu",
                "tinh": ubnd,
            }
        )
        for dep_id, dep_name, abbr in DEPARTMENTS:
            out.append(
                {
                    "id": f"{dep_id}-{p}",
                    "ten": f"{dep_name} tỉnh {name}",
                    "ten_viet_tat": [abbr],
                    "cap": "so",
                    "cha": ubnd,
                    "tinh": ubnd,
                }
            )
        for k in range(1, 4):
            district = f"ubnd-huyen-{p}-{k}"
            out.append(
                {
                    "id": district,
                    "ten": f"Ủy ban nhân dân huyện Số {k} tỉnh {name}",
                    "cap": "huyen",
                    "cha": ubnd,
                    "tinh": ubnd,
                }
            )
            for j in range(1, 4):
                out.append(
                    {
                        "id": f"ubnd-xa-{p}-{k}-{j}",
                        "ten": f"Ủy ban nhân dân xã Số {j} huyện Số {k} tỉnh {name}",
                        "cap": "xa",
                        "cha": district,
                        "tinh": ubnd,
                    }
                )
    return out


def _decrees(rng: random.Random, count: int) -> list[_Decree]:
    decrees = []
    for i in range(count):
        year = 2015 + i % 10
        number = 500 + i
        decrees.append(
            _Decree(
                f"{number}-{year}-nd-cp",
                f"{number}/{year}/NĐ-CP",
                rng.randint(1, 28),
                rng.randint(1, 12),
                year,
                TOPICS[i % len(TOPICS)],
            )
        )
    return decrees


def _legal_front(decree: _Decree, amends: str | None) -> dict:
    front = {
        "id": decree.id,
        "so_ky_hieu": decree.number,
        "loai_van_ban": "Nghị định",
        "co_quan_ban_hanh": "chinh-phu",
        "ngay_ban_hanh": f"{decree.year}-{decree.month:02d}-{decree.day:02d}",
        "trich_yeu": decree.topic[0].upper() + decree.topic[1:],
        "tinh_trang_hieu_luc": {"trang_thai": "Chưa rõ"},
        "nguon_thong_tin": [
            {
                "truong": ["so_ky_hieu", "ngay_ban_hanh", "trich_yeu"],
                "nguon": SYNTHETIC_NOTE,
                "da_kiem_tra": False,
            }
        ],
    }
    if amends:
        front["sua_doi_bo_sung"] = [amends]
    return front


def _cite_line(decree: _Decree) -> str:
    return (
        f"- Nghị định số {decree.number} ngày {decree.day:02d}/{decree.month:02d}/{decree.year} "
        f"của Chính phủ {decree.topic};"
    )


def _plan_body(
    parent: tuple[str, int, str, str] | None, cited: list[_Decree], year: int, issuer_name: str
) -> str:
    lines = ["", "## KẾ HOẠCH", f"### Tuyên truyền cải cách hành chính năm {year}", ""]
    if parent:
        number, pyear, pdate, pname = parent
        lines.append(
            f"Thực hiện Kế hoạch số {number} ngày {pdate} của {pname} về tuyên truyền "
            f"cải cách hành chính năm {year}; {issuer_name} xây dựng kế hoạch như sau:"
        )
    else:
        lines.append(
            f"{issuer_name} xây dựng kế hoạch tuyên truyền cải cách hành chính năm {year} như sau:"
        )
    lines += [
        "",
        "### I. MỤC ĐÍCH, YÊU CẦU",
        "",
        "- Nâng cao nhận thức của cán bộ, công chức, viên chức và người dân về cải cách "
        "hành chính.",
        "",
        "### II. NỘI DUNG TUYÊN TRUYỀN",
        "",
        "Tuyên truyền, phổ biến các văn bản sau:",
        "",
    ]
    lines += [_cite_line(d) for d in cited]
    lines += [
        "",
        "### III. TỔ CHỨC THỰC HIỆN",
        "",
        "| STT | Nhiệm vụ | Sản phẩm | Chủ trì | Phối hợp | Thời gian |",
        "|---|---|---|---|---|---|",
        f"| 1 | Đăng tin, bài về CCHC | Tin, bài | Văn phòng | Các phòng | Quý I/{year} |",
        f"| 2 | Báo cáo kết quả tuyên truyền | Báo cáo | Văn phòng | Các phòng | 12/{year} |",
        "",
    ]
    return "\n".join(lines)


def write_repository(
    out: Path, plans: int, seed: int = 0, with_seeds_from: Path | None = None
) -> Path:
    """Write a loadable repository of about ``plans`` synthetic plans into ``out``.

    With ``with_seeds_from`` (a repository root), its plans, legal records and agencies are
    copied first, so a real seed page can be compared across corpus sizes.
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
    known = {a["id"] for a in agencies}
    # Enough provinces that each has at most ~60 plans a year, as in a real province.
    n_prov = max(1, min(len(PROVINCES), plans // 60 + 1))
    provinces = list(PROVINCES[:n_prov])
    agencies += [a for a in _agencies(provinces) if a["id"] not in known]
    (out / "plans" / "agencies.yml").write_text(_dump(agencies), encoding="utf-8")

    decrees = _decrees(rng, 40)
    for i, decree in enumerate(decrees):
        amends = decrees[i - 5].id if i % 7 == 6 else None
        _write_md(out / "legal" / f"{decree.id}.md", _legal_front(decree, amends))
    weights = [1 / (rank + 1) for rank in range(len(decrees))]  # long tail: Zipf-like

    written = 0
    years = list(range(2021, 2026))
    while written < plans:
        for year in years:
            for name in provinces:
                if written >= plans:
                    break
                written += _write_province_year(
                    out, rng, name, year, decrees, weights, plans - written
                )
    return out


def _write_province_year(
    out: Path, rng: random.Random, name: str, year: int, decrees, weights, budget: int
) -> int:
    p = slugify(name)
    ubnd = f"ubnd-tinh-{p}"
    # A plan cites only decrees issued before its year, as a real one would.
    earlier = [(d, w) for d, w in zip(decrees, weights, strict=True) if d.year < year]
    decrees, weights = [d for d, _ in earlier], [w for _, w in earlier]
    parent_no = rng.randint(1, 400)
    parent_id = f"{ubnd}-{year}-tuyen-truyen-cchc"
    parent_date = (year, 1, rng.randint(2, 28))
    cited = sorted(set(rng.choices(decrees, weights, k=4)), key=lambda d: d.id)
    _write_md(
        out / "plans" / ubnd / str(year) / f"{parent_id}.md",
        _plan_front(parent_id, f"{parent_no}/KH-UBND", ubnd, name, parent_date, year, [], cited),
        _plan_body(None, cited, year, f"Ủy ban nhân dân tỉnh {name}"),
    )
    count = 1
    parent = (f"{parent_no}/KH-UBND", year, f"{parent_date[2]:02d}/01/{year}", f"UBND tỉnh {name}")
    children = [f"{dep}-{p}" for dep, _, _ in DEPARTMENTS]
    children += [f"ubnd-huyen-{p}-{k}" for k in range(1, 4)]
    children += [f"ubnd-xa-{p}-{k}-{j}" for k in range(1, 4) for j in range(1, 4)]
    for agency in children:
        if count >= budget:
            break
        if rng.random() < 0.15:  # some agencies have not answered yet
            continue
        plan_id = f"{agency}-{year}-tuyen-truyen-cchc"
        issued = datetime.date(*parent_date) + datetime.timedelta(days=rng.randint(1, 60))
        date = (issued.year, issued.month, issued.day)
        cited = sorted(set(rng.choices(decrees, weights, k=rng.randint(2, 6))), key=lambda d: d.id)
        front = _plan_front(
            plan_id,
            f"{rng.randint(1, 300)}/KH-{'UBND' if 'ubnd' in agency else 'S'}",
            agency,
            name,
            date,
            year,
            [parent_id],
            cited,
        )
        _write_md(
            out / "plans" / agency / str(year) / f"{plan_id}.md",
            front,
            _plan_body(parent, cited, year, "Cơ quan"),
        )
        count += 1
    return count


def _plan_front(plan_id, number, agency, place, date, year, parents, cited) -> dict:
    return {
        "id": plan_id,
        "so_ky_hieu": number,
        "loai_van_ban": "Kế hoạch",
        "trich_yeu": f"Tuyên truyền cải cách hành chính năm {year}",
        "co_quan_ban_hanh": agency,
        "dia_danh": place,
        "ngay_ban_hanh": f"{date[0]}-{date[1]:02d}-{date[2]:02d}",
        "nam": year,
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
    parser.add_argument("--seed", type=int, default=0, help="hạt giống ngẫu nhiên")
    parser.add_argument(
        "--with-seeds",
        type=Path,
        default=None,
        help="chép trước dữ liệu thật từ kho này (plans/, legal/)",
    )


def run(args: argparse.Namespace) -> int:
    write_repository(args.out, args.plans, args.seed, args.with_seeds)
    print(f"Đã ghi kho tổng hợp {args.plans} kế hoạch vào {args.out}")
    return 0
