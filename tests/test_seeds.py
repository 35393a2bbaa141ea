"""Each seed plan's front-matter says what its source text says.

One row per seed, checked by hand against the text. Every test asserts two things: that the
committed front-matter holds the value, and that the source file beside it bears the value out
(the evidence is derived from the value wherever it can be, so the two cannot drift apart).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from cchc_kb.importer import read_front_matter
from cchc_kb.model.models import PartialDate
from cchc_kb.model.slug import ascii_fold
from cchc_kb.model.text import read_text
from cchc_kb.source.repository import load_agencies

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Seed:
    path: str  # the plan file, relative to the repository
    source: str  # the source file beside it
    number: str | None  # so_ky_hieu
    number_evidence: str | None  # how the text prints the number line (None: no header)
    date: str | None  # ngay_ban_hanh
    place: str | None  # dia_danh
    signer: str
    title: str  # chuc_danh
    summary: str  # trich_yeu
    parent: str  # thuc_hien (and can_cu)
    agency: str
    agency_evidence: str  # what in the text names the issuing body
    year: int


SEEDS = [
    Seed(
        "plans/so-xay-dung-hai-duong/2025/so-xay-dung-hai-duong-2025-tuyen-truyen-cchc.md",
        "000_83354d3036c33705.txt",
        None,
        "Số: /KH-SXD",
        "2025-01",
        "Hải Dương",
        "Phạm Cửu Long",
        "KT. Giám đốc, Phó Giám đốc",
        "Tuyên truyền Cải cách hành chính của Sở Xây dựng năm 2025",
        "ubnd-tinh-hai-duong-2025-kh-236",
        "so-xay-dung-hai-duong",
        "Sở Xây dựng xây dựng kế hoạch",
        2025,
    ),
    Seed(
        "plans/so-xay-dung-thai-binh/2022/so-xay-dung-thai-binh-2022-tuyen-truyen-cchc.md",
        "001_d2843fe3fe1389f0.txt",
        None,
        "Số: /KH-SXD",
        "2022-02",
        "Thái Bình",
        "Đào Duy Thái",
        "KT. Giám đốc, Phó Giám đốc",
        "Tuyên truyền cải cách hành chính năm 2022 của Sở Xây dựng Thái Bình",
        "ubnd-tinh-thai-binh-2022-kh-15",
        "so-xay-dung-thai-binh",
        "CỦA SỞ XÂY DỰNG THÁI BÌNH",
        2022,
    ),
    Seed(
        "plans/ubnd-xa-tien-tien/2024/ubnd-xa-tien-tien-2024-tuyen-truyen-cchc.md",
        "002_b03aa447001753c0.txt",
        "02/KH-UBND",
        "Số: 02 /KH-UBND",
        "2024-01-02",
        "Tiền Tiến",
        "Lê Thị Hợp",
        "TM. Ủy ban nhân dân, Chủ tịch",
        "Tuyên truyền về Cải cách hành chính năm 2024 trên địa bàn xã Tiền Tiến, thành phố Hải"
        " Dương, tỉnh Hải Dương",
        "ubnd-tp-hai-duong-2023-kh-442",
        "ubnd-xa-tien-tien",
        "Ủy ban nhân dân xã Tiền Tiến xây dựng kế hoạch",
        2024,
    ),
    Seed(
        "plans/so-xay-dung-dong-nai/2021/so-xay-dung-dong-nai-2021-tuyen-truyen-cchc.md",
        "003_9fb4ab6f11e7a9df.txt",
        None,
        None,
        None,
        None,
        "Đỗ Thành Phương",
        "KT. Giám đốc, Phó Giám đốc",
        "Thông tin, tuyên truyền cải cách hành chính năm 2021",
        "ubnd-tinh-dong-nai-2020-kh-1376",
        "so-xay-dung-dong-nai",
        "Báo Đồng nai",
        2021,
    ),
    Seed(
        "plans/so-noi-vu-hung-yen/2023/so-noi-vu-hung-yen-2023-tuyen-truyen-cchc.md",
        "004_ebd926cc18a967e2.txt",
        None,
        "Số: /KH - SNV",
        "2023",
        "Hung Yên",
        "Nguyễn Thị Tươi",
        "KT. Giám đốc, Phó Giám đốc",
        "Tuyên truyền cải cách hành chính năm 2023",
        "ubnd-tinh-hung-yen-2022-kh-205",
        "so-noi-vu-hung-yen",
        "Sở Nội vụ xây dựng Kế hoạch",
        2023,
    ),
]
IDS = [Path(s.path).stem for s in SEEDS]

SOURCE_SHA256 = {
    "000_83354d3036c33705.txt": "d6960420c5e4f27b2a97225f097d2ab2e9631d7044ceb94e662ba83aad875d4e",
    "001_d2843fe3fe1389f0.txt": "204345f67aea91419bb75a8abc4096ab928610394123878e396cbe42de4c9bb2",
    "002_b03aa447001753c0.txt": "d0447f6c2f38b09f06a3f85f1ceb95966ca6673a73607f63a41eee8a6359350b",
    "003_9fb4ab6f11e7a9df.txt": "26f46a86b5d116484455c48753e3ece2eeee9e0668eb32d549056b701f1a93e0",
    "004_ebd926cc18a967e2.txt": "7f2830f271c5c3f74efda4a09b91ef893de4336930b2112ca1cb2a9884610dd3",
}


def _plan(seed: Seed) -> dict:
    data, _ = read_front_matter((ROOT / seed.path).read_text(encoding="utf-8"))
    return data


def _source(seed: Seed) -> str:
    return read_text((ROOT / seed.path).parent.joinpath(seed.source).read_bytes())


def _flat(text: str) -> str:
    """Text without Markdown emphasis and with single spaces, for phrase searches."""
    return re.sub(r"\s+", " ", text.replace("*", "").replace("#", "")).strip()


def _date_regex(date: PartialDate) -> str:
    """ "ngày tháng 01 năm 2025" for 2025-01: the blank parts as blanks."""

    def part(value: int | None) -> str:
        return rf"0?{value}" if value is not None else ""

    return rf"ngày\s*{part(date.day)}\s*tháng\s*{part(date.month)}\s*năm\s*{date.year}"


def _date_forms(iso: str) -> list[str]:
    """How a full date is written in a citation: "15/01/2025" or "15 tháng 01 năm 2025"."""
    d = PartialDate.parse(iso)
    return [
        f"{d.day:02d}/{d.month:02d}/{d.year}",
        f"{d.day}/{d.month}/{d.year}",
        f"{d.day:02d} tháng {d.month:02d} năm {d.year}",
        f"{d.day} tháng {d.month} năm {d.year}",
    ]


@pytest.mark.parametrize("seed", SEEDS, ids=IDS)
def test_id_is_the_file_name_and_the_source_is_the_seed(seed):
    plan = _plan(seed)
    assert plan["id"] == Path(seed.path).stem
    assert plan["nguon"] == seed.source
    assert seed.source in plan["nguon_goc"]
    # The copy beside the plan is the seed byte for byte: its defects are never corrected.
    data = (ROOT / seed.path).parent.joinpath(seed.source).read_bytes()
    assert hashlib.sha256(data).hexdigest() == SOURCE_SHA256[seed.source]


@pytest.mark.parametrize("seed", SEEDS, ids=IDS)
def test_number(seed):
    plan = _plan(seed)
    assert plan["so_ky_hieu"] == seed.number
    source = _source(seed)
    if seed.number_evidence is None:
        assert not re.search(r"^\s*Số\s*:", source, re.MULTILINE)
        return
    line = next(x.strip() for x in source.splitlines() if x.strip().startswith("Số:"))
    assert line == seed.number_evidence
    printed = re.sub(r"\s+", "", line.removeprefix("Số:"))
    if seed.number is None:
        assert printed.startswith("/"), "văn bản in số trống"
    else:
        assert printed == seed.number


@pytest.mark.parametrize("seed", SEEDS, ids=IDS)
def test_place_and_date(seed):
    plan = _plan(seed)
    assert plan["dia_danh"] == seed.place
    assert plan["ngay_ban_hanh"] == seed.date
    source = _source(seed)
    if seed.date is None:
        assert not re.search(r"ngày\s*(\d+\s*)?tháng", source.split("Căn cứ")[0])
        return
    date = PartialDate.parse(seed.date)
    assert re.search(rf"^{re.escape(seed.place)},\s*{_date_regex(date)}", source, re.MULTILINE)


@pytest.mark.parametrize("seed", SEEDS, ids=IDS)
def test_signer_and_title(seed):
    plan = _plan(seed)
    assert plan["nguoi_ky"] == seed.signer
    assert plan["chuc_danh"] == seed.title
    assert plan["tinh_trang"] == "ban_hanh"
    flat = _flat(_source(seed))
    prefix, _, rest = seed.title.partition(". ")
    lines = [part.upper() for part in rest.split(", ")]
    block = rf"{prefix}\.\s*" + r"\s+".join(re.escape(x) for x in lines) + rf"\s+{seed.signer}"
    assert re.search(block, flat), f"không thấy khối chữ ký «{block}»"


@pytest.mark.parametrize("seed", SEEDS, ids=IDS)
def test_summary(seed):
    plan = _plan(seed)
    assert plan["loai_van_ban"] == "Kế hoạch"
    assert plan["trich_yeu"] == seed.summary
    flat = _flat(_source(seed)).lower()
    assert "kế hoạch " + seed.summary.lower() in flat


@pytest.mark.parametrize("seed", SEEDS, ids=IDS)
def test_parent_plan(seed):
    plan = _plan(seed)
    assert plan["thuc_hien"] == [seed.parent]
    assert plan["can_cu"] == [seed.parent]  # the preamble names only the parent plan
    parent_path = next((ROOT / "plans").rglob(f"{seed.parent}.md"))
    parent, _ = read_front_matter(parent_path.read_text(encoding="utf-8"))
    assert parent["stub"] is True
    source = _source(seed)
    preamble = _flat(next(p for p in source.split("\n\n") if re.match(r"\s*(Căn cứ|Thực hiện)", p)))
    number = parent["so_ky_hieu"].split("/")[0]
    assert re.search(rf"\b{number}\s*/\s*KH\s*-", preamble)
    assert any(form in preamble for form in _date_forms(parent["ngay_ban_hanh"]))


@pytest.mark.parametrize("seed", SEEDS, ids=IDS)
def test_agency(seed):
    plan = _plan(seed)
    assert plan["co_quan_ban_hanh"] == seed.agency
    agencies, _ = load_agencies(ROOT)
    agency = agencies[seed.agency]
    source = _flat(_source(seed))
    assert seed.agency_evidence in source
    # The evidence names the body (without its province) and, where printed, the place agrees
    # with the agency's name once diacritics are set aside ("Hung Yên" is a misprint).
    generic = re.split(r"\s+(?:tỉnh|xã)\s+", agency.name)[0]
    assert generic.lower() in seed.agency_evidence.lower() or seed.agency == "so-xay-dung-dong-nai"
    if seed.place:
        assert ascii_fold(seed.place).lower() in ascii_fold(agency.name).lower()
    else:
        province = ascii_fold(agencies[agency.province].name).lower()
        # 003 names no province; "Báo Đồng nai" (the provincial newspaper) places it.
        assert ascii_fold(seed.agency_evidence.removeprefix("Báo ")).lower() in province


@pytest.mark.parametrize("seed", SEEDS, ids=IDS)
def test_year(seed):
    plan = _plan(seed)
    assert plan["nam"] == seed.year
    assert f"năm {seed.year}" in _flat(_source(seed))
    if seed.date:
        assert PartialDate.parse(seed.date).year == seed.year
    assert f"-{seed.year}-" in plan["id"]


@pytest.mark.parametrize("seed", SEEDS, ids=IDS)
def test_hand_checked_fields_are_present_and_say_so(seed):
    plan = _plan(seed)
    assert plan["linh_vuc"], "thiếu lĩnh vực CCHC"
    assert plan["ghi_chu"], "thiếu ghi chú chất lượng dữ liệu"
    checked = [p for p in plan["nguon_thong_tin"] if p["da_kiem_tra"]]
    fields = {f for p in checked for f in p["truong"]}
    for key in ("so_ky_hieu", "ngay_ban_hanh", "nguoi_ky", "trich_yeu", "thuc_hien"):
        if plan.get(key) is not None:
            assert key in fields, f"{key} chưa ghi là đã đối chiếu"


# Defects of the texts that stay in the body and are listed in ghi_chu: (seed, in body, in note).
DEFECTS = [
    (2, "топ", "топ"),
    (2, "xã Tiên Tiến", "Tiên Tiến"),
    (2, "xã Nam Đồng", "Nam Đồng"),
    (2, "Công thông tin", "Công thông tin"),
    (2, "Kế hoạch số 01 /KH- UBND", "01 /KH- UBND"),
    (3, "1376/KH-UBND ngày 04/02/2020", "04/02/2020"),
    (4, "Hung Yên", "Hung Yên"),
    (4, "Phụ lục đính kèm", "Phụ lục"),
]


@pytest.mark.parametrize(("index", "in_body", "in_note"), DEFECTS)
def test_defects_are_kept_and_noted(index, in_body, in_note):
    seed = SEEDS[index]
    plan, body = read_front_matter((ROOT / seed.path).read_text(encoding="utf-8"))
    assert in_body in body
    assert in_body in _source(seed)
    assert any(in_note in note for note in plan["ghi_chu"])


def test_seed_003_lines_are_joined_and_appendices_are_tables():
    _, body_003 = read_front_matter((ROOT / SEEDS[3].path).read_text(encoding="utf-8"))
    assert "Căn cứ Kế hoạch số 1376/KH-UBND ngày 04/02/2020 của UBND tỉnh về thông tin" in body_003
    assert "\n## I. MỤC TIÊU, YÊU CẦU\n" in body_003
    for index in (0, 2):
        source = _source(SEEDS[index])
        header = next(x for x in source.splitlines() if x.startswith("STT\t"))
        _, body = read_front_matter((ROOT / SEEDS[index].path).read_text(encoding="utf-8"))
        assert "| " + " | ".join(header.split("\t")) + " |" in body
