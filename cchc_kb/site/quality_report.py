"""The data-quality report: every finding, grouped by severity and code, one page per group."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import networkx as nx

from ..analysis.findings import record_diagnostics
from ..analysis.graph import Finding
from ..analysis.unpublished import unpublished
from ..corpus import Corpus
from ..model.collation import sort_key
from ..model.models import Diagnostic
from .fragments import block
from .graph_view import (
    GraphPageSettings,
    node_link,
    node_src,
    page_link,
    part_suffix,
)
from .md import md_text
from .page import Page
from .paginate import pager, paginate

REPORT_SRC = "chat-luong-du-lieu.md"

# Report groups: code -> Vietnamese title. Unknown codes are shown under their own code.
CODE_TITLES: dict[str, str] = {
    "graph-cycle": "Vòng trích dẫn (một văn bản gián tiếp dựa vào chính nó)",
    "cited-not-in-registry": "Văn bản được dẫn nhưng chưa có trong danh mục",
    "stub-record": "Văn bản chỉ biết qua trích dẫn (bản ghi sơ lược)",
    "cited-after-document": "Văn bản được dẫn có ngày sau văn bản dẫn",
    "basis-not-in-force": "Căn cứ không còn hiệu lực vào ngày của kế hoạch",
    "amendment-chain": "Văn bản được dẫn đã được sửa đổi, thay thế",
    "citation-unresolved": "Trích dẫn chưa xác định được văn bản",
    "citation-warning": "Trích dẫn có điểm bất thường",
    "cited-after-plan": "Trích dẫn ghi ngày sau ngày của kế hoạch",
    "number-blank": "Số ký hiệu để trống",
    "date-missing": "Không ghi ngày ban hành",
    "date-partial": "Ngày ban hành chưa đầy đủ",
    "mixed-script": "Chữ của hệ chữ khác lẫn trong văn bản",
    "self-reference-mismatch": "Phụ lục ghi số khác với số của văn bản",
    "misspelling": "Chữ viết sai đã biết",
    "appendix-missing": "Văn bản nhắc phụ lục nhưng không có phụ lục",
    "citation-date-no-year": "Trích dẫn ghi ngày không có năm",
    "citation-date-year": "Kế hoạch được dẫn ghi ngày xa năm của kế hoạch",
    "provenance-missing": "Không ghi nguồn thông tin",
    "unknown-reference": "Tham chiếu tới mã không tồn tại",
    "unknown-agency": "Cơ quan không có trong danh mục",
    "unknown-field": "Trường không xác định",
    "missing-field": "Thiếu trường bắt buộc",
    "invalid-value": "Giá trị không hợp lệ",
    "invalid-date": "Ngày không hợp lệ",
    "invalid-id": "Mã không hợp lệ",
    "id-mismatch": "Mã khác tên tệp",
    "duplicate-id": "Trùng mã",
    "former-id-taken": "Mã cũ (id_cu) trùng mã đang dùng",
    "duplicate-key": "Trùng khóa",
    "source-missing": "Thiếu tệp nguồn",
    "orphan-source": "Tệp nguồn không thuộc kế hoạch nào",
    "yaml-invalid": "YAML không hợp lệ",
    "front-matter-missing": "Thiếu phần đầu (front-matter)",
    "front-matter-unclosed": "Phần đầu (front-matter) không được đóng",
    "unreadable": "Tệp không đọc được",
    "encoding-guessed": "Bảng mã của tệp là đoán",
    "file-too-large": "Tệp vượt giới hạn kích thước",
    "front-matter-too-large": "Phần đầu (front-matter) vượt giới hạn",
    "body-too-large": "Toàn văn vượt giới hạn",
    "line-too-long": "Dòng vượt giới hạn độ dài",
    "markup-too-complex": "Quá nhiều dấu «[» hoặc «<» không đóng",
    "yaml-too-large": "YAML nở ra quá nhiều giá trị (bí danh &/*)",
    "yaml-too-deep": "YAML lồng quá sâu",
    "yaml-recursive": "Bí danh YAML trỏ vào chính nó",
    "control-character": "Ký tự điều khiển",
    "invisible-character": "Ký tự vô hình",
    "not-a-file": "Thư mục hoặc tệp đặc biệt đặt tên như tệp dữ liệu",
    "symlink-outside": "Liên kết tượng trưng trỏ ra ngoài kho",
    "symlink-skipped": "Thư mục liên kết tượng trưng không được đọc",
    "agencies-empty": "Danh mục cơ quan rỗng",
}
SEVERITY_TITLES = {"error": "Lỗi", "warning": "Cảnh báo", "info": "Thông tin"}
SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


# ---------------------------------------------------------------------------------------------
# Data-quality report


@dataclass(frozen=True)
class _Item:
    severity: str
    code: str
    path: str
    line: int
    message: str
    doc_id: str | None
    related: tuple[str, ...]


def report_items(
    corpus: Corpus,
    graph: nx.DiGraph,
    findings: list[Finding],
    recorded: list[Diagnostic] | None = None,
) -> list[_Item]:
    """``recorded``: ``record_diagnostics(corpus)`` when the caller has it already."""
    if recorded is None:
        recorded = record_diagnostics(corpus)
    by_path = {a.get("path"): n for n, a in graph.nodes(data=True) if a.get("path")}
    items = [
        _Item(d.severity, d.code, d.path, d.line, d.message, by_path.get(d.path), ())
        for d in recorded
    ]
    items += [
        _Item(f.severity, f.code, f.path, f.line, f.message, f.doc_id, f.related) for f in findings
    ]
    return items


def _report_src(code: str) -> str:
    return f"chat-luong-du-lieu/{code}.md"


def report_pages(
    corpus: Corpus,
    graph: nx.DiGraph,
    findings: list[Finding],
    cfg: GraphPageSettings,
    recorded: list[Diagnostic] | None = None,
) -> list[Page]:
    items = report_items(corpus, graph, findings, recorded)
    groups: dict[tuple[str, str], list[_Item]] = defaultdict(list)
    for item in items:
        groups[(item.severity, item.code)].append(item)
    order = sorted(
        groups,
        key=lambda k: (SEVERITY_ORDER.get(k[0], 3), sort_key(CODE_TITLES.get(k[1], k[1])), k[1]),
    )
    src = REPORT_SRC
    out = ["# Báo cáo chất lượng dữ liệu\n\n"]
    errors = sum(1 for i in items if i.severity == "error")
    out.append(
        f"{errors} lỗi, {sum(1 for i in items if i.severity == 'warning')} cảnh báo, "
        f"{sum(1 for i in items if i.severity == 'info')} thông tin. Lỗi làm sai dữ liệu hoặc "
        "đồ thị và cần được sửa; cảnh báo là những điểm người đọc văn bản cần lưu ý (nhiều "
        "điểm là lỗi có thật trong văn bản gốc, được giữ nguyên); thông tin giúp cán bộ kiểm tra "
        "lại căn cứ. Mỗi mục ghi tệp và dòng trong kho dữ liệu.\n\n"
    )
    out.append("| Mức | Loại | Số mục |\n|---|---|---:|\n")
    pages: list[Page] = []
    for severity, code in order:
        group = sorted(
            groups[(severity, code)], key=lambda i: (i.path == "", i.path, i.line, i.message)
        )
        shared = sum(1 for _, c in order if c == code) > 1  # one code at two severities
        base = _report_src(f"{code}-{severity}" if shared else code)
        title = CODE_TITLES.get(code, code)
        out.append(
            f"| {SEVERITY_TITLES.get(severity, severity)} | {page_link(title, src, base)} "
            f"| {len(group)} |\n"
        )
        pages += _group_pages(graph, group, base, severity, code, title, cfg)
    if not order:
        out.append("| | Không có mục nào. | |\n")
    if order:
        codes = ", ".join(f"`{code}`" for _, code in order)
        out.append(f"\nMã nhóm (như `cchc check` in ra): {codes}.\n")
    out.append(_unpublished_section(corpus))
    return [Page(src, "Báo cáo chất lượng dữ liệu", "".join(out)), *pages]


def _unpublished_section(corpus: Corpus) -> str:
    """The files that have no page on the site, so a reader sees what is missing and why."""
    files = unpublished(corpus)
    out = ["\n## Tệp chưa thành trang\n\n"]
    if not files:
        return out[0] + "Mọi tệp trong kho dữ liệu đều đã thành trang.\n"
    out.append(
        f"{len(files)} tệp có lỗi chưa được xuất bản thành trang; mỗi tệp ghi lỗi đầu tiên "
        "(tệp, dòng, mã, nội dung).\n\n"
    )
    out.append(block("report/unpublished.html", files=files))
    return "".join(out)


def _group_pages(graph, group: list[_Item], base: str, severity, code, title, cfg) -> list[Page]:
    pages = []
    for part in paginate(group, base, cfg.page_size * 2):
        src = part.src
        out = [f"# {md_text(title)}{part_suffix(part)}\n\n"]
        out.append(
            f"{SEVERITY_TITLES.get(severity, severity)} · mã `{code}` · {len(group)} mục · "
            f"{page_link('Báo cáo chất lượng dữ liệu', src, REPORT_SRC)}\n\n"
        )
        for item in part.items:
            where = f"`{md_text(item.path)}:{item.line}`" if item.path else ""
            links = []
            if (
                item.doc_id
                and item.doc_id in graph
                and node_src(item.doc_id, graph.nodes[item.doc_id])
            ):
                links.append(node_link(graph, item.doc_id, src))
            links += [
                node_link(graph, r, src)
                for r in item.related[:6]
                if r in graph and node_src(r, graph.nodes[r])
            ]
            line = " — ".join(x for x in (where, md_text(item.message)) if x)
            if links:
                line += " (" + ", ".join(dict.fromkeys(links)) + ")"
            out.append(f"- {line}\n")
        out.append("\n" + pager(part, cfg.scheme))
        pages.append(Page(src, f"{title}{part_suffix(part)}", "".join(out)))
    return pages
