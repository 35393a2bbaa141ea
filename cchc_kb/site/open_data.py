"""The open-data page and the export files it lists."""

from __future__ import annotations

import networkx as nx

from ..corpus import Corpus
from . import urls
from .exports import (
    EDGE_ATTRIBUTES,
    EDGE_COLUMNS,
    EXPORTS,
    LEGAL_COLUMNS,
    NODE_ATTRIBUTES,
    PLAN_COLUMNS,
    export_path,
)
from .exports import graph_files as _export_files
from .md import md_text
from .page import Page, SiteFile
from .render import render

OPEN_DATA_SRC = "du-lieu-mo.md"

LICENCE_MD = (
    "- Mã nguồn của dự án: giấy phép MIT.\n"
    "- Dữ liệu mô tả do dự án biên soạn (mã, thuộc tính, quan hệ, phân tích): "
    "[CC BY 4.0](https://creativecommons.org/licenses/by/4.0/deed.vi) — được dùng, chia sẻ, "
    "chỉnh sửa, kể cả vì mục đích thương mại, với điều kiện ghi nguồn.\n"
    "- Văn bản quy phạm pháp luật, văn bản hành chính của cơ quan nhà nước không thuộc đối "
    "tượng bảo hộ quyền tác giả (Điều 15 Luật Sở hữu trí tuệ).\n"
)


def graph_files(corpus: Corpus, graph: nx.DiGraph, settings=None) -> list[SiteFile]:
    """The open-data exports (see ``cchc_kb.site.exports``), page URLs under the site's scheme."""
    return _export_files(corpus, graph, getattr(settings, "urls", urls.DIRECTORY_URLS))


# ---------------------------------------------------------------------------------------------
# Open data


def open_data_page(
    corpus: Corpus, graph: nx.DiGraph, scheme: urls.UrlScheme = urls.DIRECTORY_URLS
) -> Page:
    src = OPEN_DATA_SRC
    out = ["# Dữ liệu mở\n\n"]
    out.append(
        f"Toàn bộ dữ liệu của trang được xuất ở các tệp dưới đây, tạo lại ở mỗi lần dựng trang, "
        f"tại đường dẫn cố định. Hiện có {graph.number_of_nodes()} văn bản và "
        f"{graph.number_of_edges()} quan hệ. Mọi tệp mã hóa UTF-8; các dòng được sắp theo mã.\n\n"
    )
    out.append("## Giấy phép\n\n" + LICENCE_MD + "\n")
    out.append("## Các tệp\n\n")
    out.append("| Tệp | Nội dung | Định dạng |\n|---|---|---|\n")
    for name, (what, fmt) in EXPORTS.items():
        href = scheme.relative_url(src, export_path(name))
        link = render("graph/export_link.html", href=href, path=export_path(name))
        out.append(f"| {link} | {md_text(what)} | {md_text(fmt)} |\n")
    out.append("\n")

    def table(title: str, rows) -> None:
        out.append(f"### {title}\n\n| Cột | Ý nghĩa |\n|---|---|\n")
        for name, meaning in rows:
            out.append(f"| `{name}` | {md_text(meaning)} |\n")
        out.append("\n")

    out.append("## Cột và thuộc tính\n\n")
    table(
        "graph.json, graph.graphml: thuộc tính của nút",
        [("id", "mã văn bản; văn bản chưa xác định: «chua-xac-dinh:» + khóa")]
        + [(k, v[0]) for k, v in NODE_ATTRIBUTES.items()],
    )
    table(
        "graph.json, graph.graphml: thuộc tính của cạnh",
        [("source, target", "mã văn bản dẫn và văn bản được dẫn")]
        + [(k, v[0]) for k, v in EDGE_ATTRIBUTES.items()],
    )
    table("edges.csv", [(c[0], c[1]) for c in EDGE_COLUMNS])
    table("plans.csv", [(c[0], c[1]) for c in PLAN_COLUMNS])
    table("legal.csv", [(c[0], c[1]) for c in LEGAL_COLUMNS])
    out.append(
        'Đọc bằng Python: `networkx.node_link_graph(json.load(f), edges="edges")`, '
        '`networkx.read_graphml(path)`, `csv.DictReader(open(path, encoding="utf-8"))`. '
        "Mở bằng Excel: Dữ liệu → Từ văn bản/CSV → chọn mã hóa UTF-8.\n"
    )
    return Page(src, "Dữ liệu mở", "".join(out))
