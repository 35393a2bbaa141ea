"""A small valid repository written by tests, so loader and checker tests control every byte."""

from __future__ import annotations

from pathlib import Path

AGENCIES = """\
- id: chinh-phu
  ten: Chính phủ
  cap: trung_uong
- id: ubnd-tinh-hai-duong
  ten: Ủy ban nhân dân tỉnh Hải Dương
  ten_viet_tat: [UBND tỉnh Hải Dương]
  cap: tinh
  cha: chinh-phu
  tinh: ubnd-tinh-hai-duong
- id: so-xay-dung-hai-duong
  ten: Sở Xây dựng tỉnh Hải Dương
  ten_viet_tat: [SXD]
  cap: so
  cha: ubnd-tinh-hai-duong
  tinh: ubnd-tinh-hai-duong
"""

LEGAL = """\
---
id: 61-2018-nd-cp
so_ky_hieu: 61/2018/NĐ-CP
loai_van_ban: Nghị định
co_quan_ban_hanh: chinh-phu
ngay_ban_hanh: "2018-04-23"
trich_yeu: Về thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính
tinh_trang_hieu_luc:
  trang_thai: Chưa rõ
nguon_thong_tin:
  - truong: [so_ky_hieu, ngay_ban_hanh, trich_yeu]
    nguon: Theo trích dẫn trong kế hoạch
    da_kiem_tra: false
---
Tóm tắt.
"""

PARENT = """\
---
id: ubnd-tinh-hai-duong-2025-kh-236
so_ky_hieu: 236/KH-UBND
loai_van_ban: Kế hoạch
trich_yeu: Tuyên truyền cải cách hành chính nhà nước tỉnh Hải Dương năm 2025
co_quan_ban_hanh: ubnd-tinh-hai-duong
ngay_ban_hanh: "2025-01-15"
nam: 2025
tinh_trang: ban_hanh
stub: true
---
"""

PLAN = """\
---
id: so-xay-dung-hai-duong-2025-tuyen-truyen-cchc
so_ky_hieu: null
loai_van_ban: Kế hoạch
trich_yeu: Tuyên truyền cải cách hành chính của Sở Xây dựng năm 2025
co_quan_ban_hanh: so-xay-dung-hai-duong
dia_danh: Hải Dương
ngay_ban_hanh: "2025-01"
nam: 2025
tinh_trang: ban_hanh
nguoi_ky: Phạm Cửu Long
chuc_danh: KT. Giám đốc, Phó Giám đốc
thuc_hien: [ubnd-tinh-hai-duong-2025-kh-236]
can_cu: [ubnd-tinh-hai-duong-2025-kh-236]
linh_vuc: [thu_tuc_hanh_chinh]
noi_nhan: [Sở Nội vụ;]
---
Căn cứ Kế hoạch số 236/KH-UBND ngày 15/01/2025 của UBND tỉnh về việc tuyên truyền.

- Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ về thực hiện cơ chế một cửa.
"""

PLAN_PATH = "plans/so-xay-dung-hai-duong/2025/so-xay-dung-hai-duong-2025-tuyen-truyen-cchc.md"
PARENT_PATH = "plans/ubnd-tinh-hai-duong/2025/ubnd-tinh-hai-duong-2025-kh-236.md"
LEGAL_PATH = "legal/61-2018-nd-cp.md"


def write_minimal_repo(root: Path) -> Path:
    for rel, text in (
        ("plans/agencies.yml", AGENCIES),
        (LEGAL_PATH, LEGAL),
        (PARENT_PATH, PARENT),
        (PLAN_PATH, PLAN),
    ):
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root
