"""How the citation graph's nodes show on the site: their name, their page, their colour class.

The graph (``analysis.graph``) carries domain attributes only. A graph the site builds for
drawing (the agencies' graph) may set ``label``, ``src`` and ``category`` itself; for the
citation graph they are derived here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import networkx as nx

from ..analysis.graph import EDGE_LABELS, node_name
from ..model.models import PartialDate
from . import urls
from .md import md_text

# Document categories drive colour and shape in the drawings (the colours are in cchc.css).
_NORMATIVE_NUMBER = re.compile(r"/\d{4}/")
_PARTY_NUMBER = re.compile(r"^\s*\d+[a-zA-Z]?\s*-\s*[A-Za-zĐđ]+\s*/")
_PARTY_ISSUER = re.compile(
    r"^(bo-chinh-tri|ban-chap-hanh-trung-uong|ban-bi-thu|tinh-uy|huyen-uy|dang-uy|thanh-uy|trung-uong)"
)


# Short type names for labels that must fit a small box.
SHORT_TYPES: dict[str, str] = {
    "Kế hoạch": "KH",
    "Nghị định": "NĐ",
    "Nghị quyết": "NQ",
    "Quyết định": "QĐ",
    "Chỉ thị": "CT",
    "Thông tư": "TT",
    "Thông tư liên tịch": "TTLT",
    "Chương trình": "CTr",
    "Kết luận": "KL",
    "Luật": "Luật",
    "Bộ luật": "Bộ luật",
    "Hướng dẫn": "HD",
    "Công văn": "CV",
    "Thông báo": "TB",
    "Đề án": "ĐA",
    "Pháp lệnh": "PL",
}


def short_type(doc_type: str | None) -> str:
    if not doc_type:
        return "VB"
    return SHORT_TYPES.get(doc_type, doc_type)


def category(doc_type: str | None, number: str | None, issuer: str | None, kind: str) -> str:
    """plan / normative (số/năm/KÝ HIỆU, Luật) / party (Đảng) / admin (cá biệt) / unresolved."""
    if kind == "unresolved":
        return "unresolved"
    if kind == "plan" or doc_type == "Kế hoạch":
        return "plan"
    if (number and _PARTY_NUMBER.match(number)) or (issuer and _PARTY_ISSUER.match(issuer)):
        return "party"
    if (number and _NORMATIVE_NUMBER.search(number)) or doc_type in ("Luật", "Bộ luật"):
        return "normative"
    return "admin"


def node_label(attrs: dict) -> str:
    return attrs["label"] if "label" in attrs else node_name(attrs)


def node_category(attrs: dict) -> str:
    if "category" in attrs:
        return attrs["category"]
    return category(attrs.get("type"), attrs.get("number"), attrs.get("agency"), attrs["kind"])


def node_src(node: str, attrs: dict) -> str:
    """The page of a node's document (a Markdown source path), or "" when it has none."""
    if "src" in attrs:
        return attrs["src"]
    if attrs["kind"] == "plan":
        return urls.plan_src(node)
    if attrs["kind"] == "legal":
        return urls.legal_src(node)
    if attrs.get("missing"):
        return ""  # a front-matter id with no record: the loader reports it, no page is made
    return urls.unresolved_src(attrs["key"])


def edge_label(attrs: dict) -> str:
    return attrs["label"] if "label" in attrs else EDGE_LABELS[attrs["type"]]


# ---------------------------------------------------------------------------------------------
# Links and settings shared by the graph's pages


@dataclass
class GraphPageSettings:
    """What the graph's pages need of the site settings."""

    as_of: PartialDate | None = None
    page_size: int = 25
    scheme: urls.UrlScheme = urls.DIRECTORY_URLS


def page_settings(settings, as_of) -> GraphPageSettings:
    if settings is None:
        return GraphPageSettings(as_of=as_of)
    return GraphPageSettings(
        as_of=getattr(settings, "as_of", as_of),
        page_size=getattr(settings, "page_size", 25),
        scheme=getattr(settings, "urls", urls.DIRECTORY_URLS),
    )


def node_link(graph: nx.DiGraph, node: str, from_src: str, text: str | None = None) -> str:
    attrs = graph.nodes[node]
    label = md_text(text if text is not None else node_label(attrs))
    src = node_src(node, attrs)
    return f"[{label}]({urls.relative_src(from_src, src)})" if src else label


def page_link(text: str, from_src: str, to_src: str) -> str:
    return f"[{md_text(text)}]({urls.relative_src(from_src, to_src)})"


def part_suffix(part) -> str:
    return f" (trang {part.number})" if part.number > 1 else ""


