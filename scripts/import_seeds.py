"""Re-import the five seed plans from their source files kept in ``plans/``.

Fields the importer derives are rewritten from the text; fields a person added (``linh_vuc``,
``ghi_chu``, ``nguon_goc``, ``nguon_thong_tin``) are kept. Run from anywhere:
``.venv/bin/python scripts/import_seeds.py``; a clean ``git diff`` afterwards means the committed
plans are what the importer makes of their sources.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cchc_kb.importer import import_file  # noqa: E402
from cchc_kb.source.repository import load_agencies  # noqa: E402

# (source beside its plan, --agency where the text does not name its province)
SEEDS: tuple[tuple[str, str | None], ...] = (
    ("plans/so-xay-dung-hai-duong/2025/000_83354d3036c33705.txt", None),
    ("plans/so-xay-dung-thai-binh/2022/001_d2843fe3fe1389f0.txt", None),
    ("plans/ubnd-xa-tien-tien/2024/002_b03aa447001753c0.txt", None),
    ("plans/so-xay-dung-dong-nai/2021/003_9fb4ab6f11e7a9df.txt", "so-xay-dung-dong-nai"),
    ("plans/so-noi-vu-hung-yen/2023/004_ebd926cc18a967e2.txt", None),
)


def main() -> int:
    agencies, _ = load_agencies(ROOT)
    for source, agency in SEEDS:
        imported, _, path = import_file(
            ROOT / source, ROOT / "plans", agencies=agencies, agency=agency, root=ROOT
        )
        for warning in imported.warnings:
            print(f"{source}: warning: {warning}", file=sys.stderr)
        print(f"{source} -> {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
