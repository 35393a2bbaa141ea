"""A national site from province sites: one search over every province's Pagefind index and
one citation graph from their open-data exports, with links to each province's own pages.

Each province builds and publishes its own site from its own repository. The national site
builds nothing of theirs: its page loads Pagefind once and merges the provinces' indexes
(Pagefind's multisite search, ``mergeIndex``), each with the province's own base URL, so a
result opens the page where the province published it. The province sites and the national one
are sub-paths of one host and every address is relative: no request goes to another host.

Documents of central agencies (a decree, a government resolution) are one node in the national
graph however many provinces cite them; every other node is named after its province
(``<province>:<id>``), so two repositories may reuse an id without clashing.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..model.collation import sort_key
from ..model.slug import slugify
from . import urls
from .pagefind import BUNDLE_DIR, PARTS_FILE
from .render import render
from .search import SEARCH_SRC

GRAPH_FILE = f"{urls.DATA_DIR}/graph.json"
UI_DIR = "_pagefind-ui"  # the national page's own copy of Pagefind's UI
UI_FILES = ("pagefind-ui.js", "pagefind-ui.css")
CENTRAL_LEVEL = "trung_uong"
MOST_CITED = 20
TITLE = "Kế hoạch cải cách hành chính toàn quốc"


class FederationError(ValueError):
    """A province site lacks what the national site merges (its search bundle or graph)."""


@dataclass(frozen=True)
class ProvinceSite:
    name: str  # shown on the national page
    site_dir: Path  # the province's built site, to read its graph and check its bundle
    base: str  # the province site's URL relative to the national page, e.g. "../phu-tho/"

    @property
    def key(self) -> str:
        return slugify(self.name)


def _checked(site: ProvinceSite) -> dict:
    """The province's graph export; its search bundle must be there too."""
    if not site.base.endswith("/") or "//" in site.base or ":" in site.base:
        raise FederationError(
            f"{site.name}: error: base-not-relative: địa chỉ '{site.base}' phải là đường dẫn "
            "tương đối kết thúc bằng / (các trang cùng một máy chủ)"
        )
    for needed in (f"{BUNDLE_DIR}/pagefind.js", GRAPH_FILE):
        if not (site.site_dir / needed).is_file():
            raise FederationError(
                f"{site.site_dir / needed}: error: export-missing: trang của {site.name} "
                "chưa có tệp này (dựng lại trang tỉnh)"
            )
    return json.loads((site.site_dir / GRAPH_FILE).read_text("utf-8"))


def _bundles(site: ProvinceSite) -> list[str]:
    """The province's search bundle and the other parts of its index (a large site's)."""
    parts = site.site_dir / BUNDLE_DIR / PARTS_FILE
    listed = json.loads(parts.read_text("utf-8")) if parts.is_file() else []
    return [f"{site.base}{BUNDLE_DIR}/{part}" for part in ["", *listed]]


def merge_graphs(sites: list[ProvinceSite], graphs: list[dict]) -> dict:
    """One node-link graph: central documents shared, the rest named after their province;
    each node gets ``url`` (its page, relative to the national page) and ``sites``."""
    nodes: dict[str, dict] = {}
    edges: dict[tuple[str, str], dict] = {}
    for site, graph in zip(sites, graphs, strict=True):
        names: dict[str, str] = {}
        for node in graph["nodes"]:
            shared = node.get("kind") == "legal" and node.get("level") == CENTRAL_LEVEL
            name = node["id"] if shared else f"{site.key}:{node['id']}"
            names[node["id"]] = name
            merged = nodes.get(name)
            if merged is None:
                url = site.base + urls.url_of(node["src"]) if node.get("src") else ""
                nodes[name] = {**node, "id": name, "url": url, "sites": [site.name]}
            elif site.name not in merged["sites"]:
                merged["sites"].append(site.name)
        for edge in graph["edges"]:
            key = (names[edge["source"]], names[edge["target"]])
            edges.setdefault(key, {**edge, "source": key[0], "target": key[1]})
    return {
        "directed": True,
        "multigraph": False,
        "graph": {"sites": [{"name": s.name, "url": s.base} for s in sites]},
        "nodes": [nodes[k] for k in sorted(nodes)],
        "edges": [edges[k] for k in sorted(edges)],
    }


def most_cited(graph: dict, limit: int = MOST_CITED) -> list[dict]:
    """Legal documents by the number of plans citing them across the provinces."""
    kinds = {n["id"]: n.get("kind") for n in graph["nodes"]}
    citing = Counter(
        e["target"]
        for e in graph["edges"]
        if kinds.get(e["source"]) == "plan" and kinds.get(e["target"]) == "legal"
    )
    by_id = {n["id"]: n for n in graph["nodes"]}
    ranked = sorted(citing, key=lambda k: (-citing[k], sort_key(by_id[k].get("label") or k)))
    return [
        {
            "label": by_id[k].get("label") or k,
            "url": by_id[k]["url"],
            "citing": citing[k],
            "sites": by_id[k]["sites"],
        }
        for k in ranked[:limit]
    ]


def federate(sites: list[ProvinceSite], out: Path) -> Path:
    """Write the national site into ``out``: its page, Pagefind's UI and the merged graph."""
    if not sites:
        raise FederationError("cần ít nhất một trang tỉnh")
    graphs = [_checked(site) for site in sites]
    graph = merge_graphs(sites, graphs)
    out = Path(out)
    (out / UI_DIR).mkdir(parents=True, exist_ok=True)
    for name in UI_FILES:
        shutil.copyfile(sites[0].site_dir / BUNDLE_DIR / name, out / UI_DIR / name)
    (out / urls.DATA_DIR).mkdir(exist_ok=True)
    (out / GRAPH_FILE).write_text(
        json.dumps(graph, ensure_ascii=False, indent=1, sort_keys=True) + "\n", "utf-8"
    )
    kinds = [Counter(n.get("kind") for n in g["nodes"]) for g in graphs]
    page = render(
        "federation.html",
        title=TITLE,
        ui_dir=UI_DIR,
        search_url=urls.url_of(SEARCH_SRC),
        sites=[
            {"name": s.name, "base": s.base, "plans": k["plan"], "legal": k["legal"]}
            for s, k in zip(sites, kinds, strict=True)
        ],
        bundles=[{"bundle": b, "base": s.base} for s in sites for b in _bundles(s)],
        most_cited=most_cited(graph),
        graph_file=GRAPH_FILE,
        nodes=len(graph["nodes"]),
        edges=len(graph["edges"]),
    )
    (out / "index.html").write_text(page + "\n", "utf-8")
    return out


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("out", type=Path, help="thư mục ghi trang toàn quốc")
    parser.add_argument(
        "--tinh",
        nargs=3,
        action="append",
        required=True,
        metavar=("TÊN", "THƯ_MỤC_TRANG", "ĐỊA_CHỈ"),
        help="một trang tỉnh: tên, thư mục trang đã dựng, địa chỉ tương đối từ trang toàn "
        "quốc (vd. ../phu-tho/); lặp lại cho mỗi tỉnh",
    )


def run(args: argparse.Namespace) -> int:
    sites = [ProvinceSite(name, Path(site), base) for name, site, base in args.tinh]
    try:
        out = federate(sites, args.out)
    except FederationError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(f"Đã ghi trang toàn quốc ({len(sites)} tỉnh) vào {out}")
    return 0
