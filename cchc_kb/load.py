"""Read a repository into records: bytes → text → front-matter + body → validated records.

Every file under ``plans/`` and ``legal/`` ends as a record or as a diagnostic with its path
and line; nothing is dropped silently. A record with a structural fault (YAML, id, a required
field) is left out of the corpus and reported; softer faults (an unknown reference, an unknown
field) are reported and the rest of the record is kept, so one bad field does not hide a page.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from . import phases
from .corpus import Corpus
from .models import (
    LEGAL_FIELDS,
    PLAN_FIELDS,
    RELATION_LABELS,
    Agency,
    Diagnostic,
    LegalDoc,
    PartialDate,
    Plan,
    Provenance,
    Validity,
)
from .slug import is_safe_id
from .text import UndecodableError, read_text

AGENCIES_FILE = "plans/agencies.yml"
PLANS_DIR = "plans"
LEGAL_DIR = "legal"
SOURCE_SUFFIXES = {".txt", ".docx", ".pdf", ".doc", ".odt"}


class _NoDatesLoader(yaml.CSafeLoader):
    """SafeLoader that keeps dates as the strings written: partial dates must survive.

    libyaml's C parser gives the same nodes with their line marks, several times faster than
    the pure-Python composer; every record's front-matter goes through it."""


_NoDatesLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass
class FrontMatter:
    data: dict[str, Any]
    lines: dict[str, int]  # key -> 1-based line in the file
    body: str
    body_line: int


@dataclass
class _Sink:
    """Collects diagnostics for one file."""

    path: str
    items: list[Diagnostic] = field(default_factory=list)

    def error(self, line: int, code: str, message: str) -> None:
        self.items.append(Diagnostic(self.path, line, "error", code, message))

    def warning(self, line: int, code: str, message: str) -> None:
        self.items.append(Diagnostic(self.path, line, "warning", code, message))

    @property
    def failed(self) -> bool:
        return any(d.severity == "error" for d in self.items)


# ---------------------------------------------------------------------------------------------
# Schemas


@cache
def _schema_registry() -> Registry:
    resources_ = []
    for name in ("plan", "legal", "agencies"):
        schema = json.loads(
            resources.files("cchc_kb.schema").joinpath(f"{name}.schema.json").read_text("utf-8")
        )
        resources_.append((schema["$id"], Resource.from_contents(schema)))
    return Registry().with_resources(resources_)


@cache
def validator(kind: str) -> Draft202012Validator:
    """The JSON Schema validator for ``plan``, ``legal``, ``agencies`` or one ``agency``."""
    registry = _schema_registry()
    if kind == "agency":  # one item of the agencies list, so errors point at its own lines
        schema = {"$ref": "cchc-kb/agencies.schema.json#/items"}
    else:
        schema = registry.contents(f"cchc-kb/{kind}.schema.json")
    return Draft202012Validator(schema, registry=registry)


def _schema_diagnostics(
    kind: str, data: Any, lines: dict[str, int], sink: _Sink, base: int = 1
) -> set[str]:
    """Report schema violations; return the top-level keys found faulty."""
    faulty: set[str] = set()
    for err in sorted(
        validator(kind).iter_errors(data), key=lambda e: (list(map(str, e.path)), e.message)
    ):
        key = str(err.path[0]) if err.path else None
        if err.validator == "additionalProperties":
            for extra in sorted(set(err.instance) - set(err.schema.get("properties", {}))):
                sink.error(
                    _line_for([*err.path, extra], lines, base),
                    "unknown-field",
                    f"trường không có trong lược đồ: {extra}",
                )
                faulty.add(extra)
            continue
        if err.validator == "required":
            missing = err.message.split("'")[1] if "'" in err.message else err.message
            sink.error(
                _line_for(err.path, lines, base),
                "missing-field",
                f"thiếu trường bắt buộc: {missing}",
            )
            faulty.add(missing)
            continue
        where = ".".join(str(p) for p in err.path) or "(bản ghi)"
        code = "invalid-id" if key == "id" else "invalid-value"
        sink.error(_line_for(err.path, lines, base), code, f"{where}: {_vi_schema_message(err)}")
        if key:
            faulty.add(key)
    return faulty


def _vi_schema_message(err) -> str:
    value = json.dumps(err.instance, ensure_ascii=False)
    if err.validator == "pattern":
        return f"giá trị {value} sai định dạng (mẫu {err.validator_value})"
    if err.validator == "enum":
        allowed = ", ".join(json.dumps(v, ensure_ascii=False) for v in err.validator_value)
        return f"giá trị {value} không thuộc danh sách cho phép: {allowed}"
    if err.validator in ("type", "anyOf"):
        return f"giá trị {value} sai kiểu dữ liệu"
    if err.validator in ("minimum", "maximum"):
        return f"giá trị {value} ngoài khoảng cho phép"
    if err.validator == "uniqueItems":
        return f"danh sách có phần tử lặp: {value}"
    if err.validator == "minLength":
        return "giá trị không được để trống"
    return err.message


# ---------------------------------------------------------------------------------------------
# Front-matter


def split_front_matter(text: str, sink: _Sink) -> FrontMatter | None:
    """Split ``---`` YAML ``---`` + body; YAML errors are reported with their line."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        sink.error(1, "front-matter-missing", "tệp không bắt đầu bằng khối front-matter '---'")
        return None
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() in ("---", "..."))
    except StopIteration:
        sink.error(1, "front-matter-unclosed", "khối front-matter không có dòng '---' đóng")
        return None
    yaml_text = "\n".join(lines[1:end])
    data, key_lines = parse_yaml_mapping(yaml_text, sink, first_line=2)
    if data is None:
        return None
    body = "\n".join(lines[end + 1 :])
    return FrontMatter(data, key_lines, body, end + 2)


def parse_front_matter(text: str, path: str = "") -> tuple[FrontMatter | None, list[Diagnostic]]:
    """Front-matter and body of a Markdown text, with the findings of reading it."""
    sink = _Sink(path)
    return split_front_matter(text, sink), sink.items


def parse_yaml_mapping(
    yaml_text: str, sink: _Sink, first_line: int = 1
) -> tuple[dict | list | None, dict[str, int]]:
    """Parse YAML keeping the line of each top-level key; duplicate keys are errors."""
    loader = _NoDatesLoader(yaml_text)
    try:
        node = loader.get_single_node()
        if node is None:
            sink.error(first_line, "yaml-empty", "khối YAML rỗng")
            return None, {}
        data = loader.construct_document(node)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = first_line + (mark.line if mark else 0)
        problem = getattr(exc, "problem", None) or str(exc)
        sink.error(line, "yaml-invalid", f"YAML không hợp lệ: {problem}")
        return None, {}
    finally:
        loader.dispose()
    key_lines: dict[str, int] = {}
    _record_key_lines(node, "", first_line, key_lines, sink)
    return data, key_lines


def _record_key_lines(node, prefix: str, first_line: int, out: dict[str, int], sink: _Sink) -> None:
    """Line of every key, nested ones as dotted paths ("tinh_trang_hieu_luc.trang_thai")."""
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = prefix + str(key_node.value)
            line = first_line + key_node.start_mark.line
            if key in seen:
                sink.error(line, "duplicate-key", f"trường '{key}' xuất hiện hai lần")
            else:
                seen.add(key)
                out.setdefault(key, line)
            _record_key_lines(value_node, key + ".", first_line, out, sink)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            out.setdefault(f"{prefix}{index}", first_line + item.start_mark.line)
            _record_key_lines(item, f"{prefix}{index}.", first_line, out, sink)


def _line_for(path, lines: dict[str, int], base: int) -> int:
    """The line of the deepest key of an error path that has one."""
    parts = [str(p) for p in path]
    while parts:
        line = lines.get(".".join(parts))
        if line:
            return line
        parts.pop()
    return base


def _read(path: Path, rel: str, sink: _Sink) -> str | None:
    try:
        return read_text(path.read_bytes())
    except (OSError, UndecodableError) as exc:
        sink.error(1, "unreadable", f"không đọc được tệp: {exc}")
        return None


# ---------------------------------------------------------------------------------------------
# Field conversion


def _date(data: dict, key: str, lines: dict[str, int], sink: _Sink) -> PartialDate | None:
    value = data.get(key)
    if value in (None, ""):
        return None
    try:
        return PartialDate.parse(str(value))
    except ValueError as exc:
        sink.error(lines.get(key, 1), "invalid-date", f"{key}: {exc}")
        return None


def _provenance(data: dict) -> list[Provenance]:
    out = []
    for item in data.get("nguon_thong_tin") or []:
        if isinstance(item, dict) and {"truong", "nguon", "da_kiem_tra"} <= item.keys():
            out.append(
                Provenance(tuple(item["truong"]), str(item["nguon"]), bool(item["da_kiem_tra"]))
            )
    return out


def _common(data: dict, lines: dict[str, int], sink: _Sink, rel: str, fm: FrontMatter) -> dict:
    return {
        "id": data["id"],
        "number": (data.get("so_ky_hieu") or None),
        "doc_type": data["loai_van_ban"],
        "summary": data.get("trich_yeu") or "",
        "issuer": data["co_quan_ban_hanh"],
        "issued": _date(data, "ngay_ban_hanh", lines, sink),
        "body": fm.body,
        "provenance": _provenance(data),
        "notes": [str(n) for n in data.get("ghi_chu") or []],
        "path": rel,
        "body_line": fm.body_line,
        "lines": dict(lines),
    }


def _plan(data: dict, lines: dict[str, int], sink: _Sink, rel: str, fm: FrontMatter) -> Plan:
    return Plan(
        **_common(data, lines, sink, rel, fm),
        place=data.get("dia_danh"),
        year=int(data["nam"]),
        status=data["tinh_trang"],
        signer=data.get("nguoi_ky"),
        signer_title=data.get("chuc_danh"),
        implements=list(data.get("thuc_hien") or []),
        legal_bases=list(data.get("can_cu") or []),
        areas=list(data.get("linh_vuc") or []),
        recipients=[str(r) for r in data.get("noi_nhan") or []],
        source_file=data.get("nguon"),
        source_origin=data.get("nguon_goc"),
        decision_number=data.get("so_quyet_dinh"),
        stub=bool(data.get("stub", False)),
    )


def _legal(data: dict, lines: dict[str, int], sink: _Sink, rel: str, fm: FrontMatter) -> LegalDoc:
    status = data.get("tinh_trang_hieu_luc") or {"trang_thai": "Chưa rõ"}
    line = lines.get("tinh_trang_hieu_luc", 1)
    validity = Validity(
        status=status["trang_thai"],
        since=_date(status, "tu_ngay", {"tu_ngay": line}, sink),
        known_on=_date(status, "ngay_cap_nhat", {"ngay_cap_nhat": line}, sink),
        note=status.get("ghi_chu"),
    )
    return LegalDoc(
        **_common(data, lines, sink, rel, fm),
        effective=_date(data, "ngay_co_hieu_luc", lines, sink),
        validity=validity,
        relations={k: list(data[k]) for k in RELATION_LABELS if data.get(k)},
        stub=bool(data.get("stub", False)),
    )


_REQUIRED = {
    "plan": ("id", "loai_van_ban", "co_quan_ban_hanh", "nam", "tinh_trang"),
    "legal": ("id", "so_ky_hieu", "loai_van_ban", "co_quan_ban_hanh"),
}


def load_record(path: Path, rel: str, kind: str) -> tuple[Plan | LegalDoc | None, list[Diagnostic]]:
    """Load one plan or legal Markdown file. Returns the record (None if unusable) and findings."""
    sink = _Sink(rel)
    text = _read(path, rel, sink)
    fm = split_front_matter(text, sink) if text is not None else None
    if fm is None:
        return None, sink.items
    if not isinstance(fm.data, dict):
        sink.error(2, "yaml-not-mapping", "front-matter phải là một bảng khóa: giá trị")
        return None, sink.items
    data = fm.data
    faulty = _schema_diagnostics(kind, data, fm.lines, sink, base=2)
    if any(k in faulty or data.get(k) in (None, "") for k in _REQUIRED[kind]):
        return None, sink.items
    doc_id = str(data["id"])
    if not is_safe_id(doc_id):
        return None, sink.items
    if doc_id != path.stem:
        sink.error(
            fm.lines.get("id", 2), "id-mismatch", f"id '{doc_id}' khác tên tệp '{path.stem}'"
        )
        return None, sink.items
    known = PLAN_FIELDS if kind == "plan" else LEGAL_FIELDS
    clean = {
        k: v for k, v in data.items() if k in known and k not in faulty or k in _REQUIRED[kind]
    }
    build = _plan if kind == "plan" else _legal
    return build(clean, fm.lines, sink, rel, fm), sink.items


def load_agencies(root: Path) -> tuple[dict[str, Agency], list[Diagnostic]]:
    path = root / AGENCIES_FILE
    sink = _Sink(AGENCIES_FILE)
    if not path.exists():
        sink.error(1, "agencies-missing", "thiếu danh mục cơ quan")
        return {}, sink.items
    text = _read(path, AGENCIES_FILE, sink)
    if text is None:
        return {}, sink.items
    loader = _NoDatesLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else []
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        sink.error(1 + (mark.line if mark else 0), "yaml-invalid", f"YAML không hợp lệ: {exc}")
        return {}, sink.items
    finally:
        loader.dispose()
    if not isinstance(data, list) or not isinstance(node, yaml.SequenceNode):
        sink.error(1, "yaml-not-list", "danh mục cơ quan phải là một danh sách")
        return {}, sink.items
    agencies: dict[str, Agency] = {}
    for item, item_node in zip(data, node.value, strict=True):
        line = item_node.start_mark.line + 1
        lines = {}
        if isinstance(item_node, yaml.MappingNode):
            lines = {str(k.value): k.start_mark.line + 1 for k, _ in item_node.value}
        item_sink = _Sink(AGENCIES_FILE)
        faulty = _schema_diagnostics("agency", item, lines, item_sink, base=line)
        sink.items.extend(item_sink.items)
        if not isinstance(item, dict) or faulty & {"id", "ten", "cap"}:
            continue
        agency_id = item["id"]
        if agency_id in agencies:
            sink.error(
                lines.get("id", line),
                "duplicate-id",
                f"mã cơ quan '{agency_id}' đã có ở dòng {agencies[agency_id].line}",
            )
            continue
        agencies[agency_id] = Agency(
            id=agency_id,
            name=item["ten"],
            level=item["cap"],
            short_names=list(item.get("ten_viet_tat") or []),
            parent=item.get("cha"),
            valid_from=_date(item, "hieu_luc_tu", lines, sink),
            valid_to=_date(item, "hieu_luc_den", lines, sink),
            successor=item.get("ke_thua"),
            province=item.get("tinh"),
            note=item.get("ghi_chu"),
            path=AGENCIES_FILE,
            line=line,
        )
    for agency in agencies.values():
        for key, target in (
            ("cha", agency.parent),
            ("ke_thua", agency.successor),
            ("tinh", agency.province),
        ):
            if target and target not in agencies:
                sink.error(
                    agency.line, "unknown-agency", f"{agency.id}.{key}: không có cơ quan '{target}'"
                )
    return agencies, sink.items


# ---------------------------------------------------------------------------------------------
# The whole repository


def _markdown_files(root: Path, folder: str) -> list[Path]:
    base = root / folder
    if not base.is_dir():
        return []
    return sorted(p for p in base.rglob("*.md") if p.is_file())


def load_corpus(root: Path | str, *, cite: bool = True) -> Corpus:
    """Load agencies, legal documents and plans; check references; find citations."""
    root = Path(root)
    corpus = Corpus(root=root)
    corpus.agencies, diags = load_agencies(root)
    corpus.diagnostics.extend(diags)
    first_seen: dict[str, str] = {}
    for kind, folder, target in (
        ("legal", LEGAL_DIR, corpus.legal),
        ("plan", PLANS_DIR, corpus.plans),
    ):
        for path in _markdown_files(root, folder):
            rel = path.relative_to(root).as_posix()
            record, diags = load_record(path, rel, kind)
            corpus.diagnostics.extend(diags)
            if record is None:
                continue
            if record.id in first_seen:
                corpus.diagnostics.append(
                    Diagnostic(
                        rel,
                        record.line_of("id"),
                        "error",
                        "duplicate-id",
                        f"id '{record.id}' đã dùng ở {first_seen[record.id]}",
                    )
                )
                continue
            first_seen[record.id] = rel
            target[record.id] = record
    _check_references(corpus)
    _check_source_files(corpus)
    if cite:
        from .check import findings

        with phases.timed("cite"):
            cite_corpus(corpus)
        with phases.timed("check"):
            corpus.diagnostics.extend(findings(corpus))
    corpus.diagnostics.sort(key=lambda d: (d.path, d.line, d.severity, d.code, d.message))
    return corpus


def _check_references(corpus: Corpus) -> None:
    def report(doc, key: str, message: str, code: str = "unknown-reference") -> None:
        corpus.diagnostics.append(Diagnostic(doc.path, doc.line_of(key), "error", code, message))

    for doc in corpus.documents():
        if doc.issuer not in corpus.agencies:
            report(
                doc,
                "co_quan_ban_hanh",
                f"không có cơ quan '{doc.issuer}' trong {AGENCIES_FILE}",
                "unknown-agency",
            )
    for plan in corpus.plans.values():
        for key, ids in (("can_cu", plan.legal_bases), ("thuc_hien", plan.implements)):
            for ref in list(ids):
                if corpus.document(ref) is None:
                    report(plan, key, f"{key}: không có văn bản '{ref}'")
                    ids.remove(ref)
                elif key == "thuc_hien" and ref not in corpus.plans:
                    report(plan, key, f"thuc_hien: '{ref}' không phải là một kế hoạch")
                    ids.remove(ref)
    for doc in corpus.legal.values():
        for key, ids in doc.relations.items():
            for ref in list(ids):
                if ref not in corpus.legal:
                    report(doc, key, f"{key}: không có văn bản '{ref}' trong legal/")
                    ids.remove(ref)


def _check_source_files(corpus: Corpus) -> None:
    """A plan's source must exist; a source file that no plan names is reported, not ignored."""
    named: set[Path] = set()
    for plan in corpus.plans.values():
        if not plan.source_file:
            continue
        source = (corpus.root / plan.path).parent / plan.source_file
        if "/" in plan.source_file or "\\" in plan.source_file or not source.is_file():
            corpus.diagnostics.append(
                Diagnostic(
                    plan.path,
                    plan.line_of("nguon"),
                    "error",
                    "source-missing",
                    f"nguon: không có tệp '{plan.source_file}' cạnh tệp kế hoạch",
                )
            )
            continue
        named.add(source.resolve())
    plans_dir = corpus.root / PLANS_DIR
    if not plans_dir.is_dir():
        return
    for path in sorted(plans_dir.rglob("*")):
        if (
            path.is_file()
            and path.suffix.lower() in SOURCE_SUFFIXES
            and path.resolve() not in named
        ):
            corpus.diagnostics.append(
                Diagnostic(
                    path.relative_to(corpus.root).as_posix(),
                    1,
                    "warning",
                    "orphan-source",
                    "tệp nguồn không thuộc kế hoạch nào (chưa có trường nguon trỏ tới)",
                )
            )


def cite_corpus(corpus: Corpus) -> None:
    """Find and resolve the citations of every plan body against the corpus registry."""
    from .cite import CitingContext, Registry, find_citations

    registry = Registry.from_records(corpus.documents(), corpus.agencies)
    for plan in corpus.plans.values():
        if plan.stub or not plan.body.strip():
            continue
        context = CitingContext(
            agency_id=plan.issuer, year=plan.year, date=plan.issued, own_number=plan.number
        )
        plan.citations = find_citations(plan.body, registry=registry, context=context)
