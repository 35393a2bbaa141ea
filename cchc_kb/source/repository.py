"""Read a repository into records: bytes → text → front-matter + body → validated records.

Every file under ``plans/`` and ``legal/`` ends as a record or as a diagnostic with its path
and line; nothing is dropped silently. A record with a structural fault (YAML, id, a required
field) is left out of the corpus and reported; softer faults (an unknown reference, an unknown
field) are reported and the rest of the record is kept, so one bad field does not hide a page.
"""

from __future__ import annotations

import copy
import hashlib
import json
import os
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, partial
from importlib import resources
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

import fastjsonschema
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

if TYPE_CHECKING:
    from referencing._core import Resolver

from ..model.models import (
    LEGAL_FIELDS,
    PLAN_FIELDS,
    RELATION_LABELS,
    Agency,
    AlternativeReading,
    Diagnostic,
    Document,
    LegalDoc,
    Misquote,
    PartialDate,
    Plan,
    Provenance,
    Validity,
)
from ..model.slug import is_safe_id
from ..model.text import UndecodableError, read
from ..parallel import ordered_map, ordered_map_started
from . import limits
from .frontmatter import FrontMatter, Sink, parse_yaml_mapping, split_front_matter
from .repo_files import folder_files, refused_source

AGENCIES_FILE = "plans/agencies.yml"
PLANS_DIR = "plans"
LEGAL_DIR = "legal"
SOURCE_SUFFIXES = {".txt", ".docx", ".pdf", ".doc", ".odt"}


# ---------------------------------------------------------------------------------------------
# Schemas


@cache
def _schema_registry() -> Registry:
    resources_ = []
    for name in ("plan", "legal", "agencies"):
        schema = json.loads(
            resources.files("cchc_kb.model.schema")
            .joinpath(f"{name}.schema.json")
            .read_text("utf-8")
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


def _inlined(node: Any, resolver: Resolver) -> Any:
    """A schema with every ``$ref`` replaced by what it names (the schemas have no cycles)."""
    if isinstance(node, list):
        return [_inlined(item, resolver) for item in node]
    if not isinstance(node, dict):
        return node
    out = {k: _inlined(v, resolver) for k, v in node.items() if k not in _NOT_INLINED}
    if "$ref" not in node:
        return out
    named = resolver.lookup(node["$ref"])
    target = _inlined(named.contents, named.resolver)
    return {"allOf": [target, out]} if out else target


# Keywords dropped from the copy the fast check compiles: identifiers and definitions only
# (every reference into ``$defs`` is inlined where it is used).
_NOT_INLINED = {"$ref", "$schema", "$id", "$defs"}


@cache
def _conforms_check(kind: str) -> Callable[[Any], Any]:
    """A compiled check of ``kind``'s schema: raises on any record ``validator(kind)`` would
    fault (it is no looser: same keywords, ``$`` in patterns read as the end of the text)."""
    schema = validator(kind).schema
    resolver = _schema_registry().resolver(base_uri=schema.get("$id", ""))
    return fastjsonschema.compile(_inlined(schema, resolver), use_default=False, use_formats=False)


def _conforms(kind: str, data: Any) -> bool:
    """Whether ``data`` is valid, fast: records are checked one by one in their thousands and
    almost all are valid; jsonschema then only explains the few that are not."""
    try:
        _conforms_check(kind)(data)
    except Exception:  # any doubt (a fault, a value of a type JSON does not have): explain
        return False
    return True


def _schema_diagnostics(
    kind: str, data: Any, lines: dict[str, int], sink: Sink, base: int = 1
) -> set[str]:
    """Report schema violations; return the top-level keys found faulty."""
    faulty: set[str] = set()
    if _conforms(kind, data):
        return faulty
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


def _line_for(path, lines: dict[str, int], base: int) -> int:
    """The line of the deepest key of an error path that has one."""
    parts = [str(p) for p in path]
    while parts:
        line = lines.get(".".join(parts))
        if line:
            return line
        parts.pop()
    return base


def _read(
    path: Path | str, rel: str, sink: Sink, max_bytes: int = limits.MAX_FILE_BYTES
) -> str | None:
    """The file's text, or None after reporting why it cannot be read (size, encoding, a
    line too long); a guessed encoding is a warning."""
    try:
        oversized = limits.oversize(rel, os.stat(path).st_size, max_bytes)
        if oversized:
            sink.items.append(oversized)
            return None
        with open(path, "rb") as source:
            decoded = read(source.read())
    except UndecodableError as exc:
        sink.error(exc.line, "unreadable", f"không đọc được tệp: {exc}")
        return None
    except OSError as exc:
        sink.error(1, "unreadable", f"không đọc được tệp: {exc.strerror or exc}")
        return None
    if decoded.warning:
        sink.warning(1, "encoding-guessed", decoded.warning)
    too_long = limits.long_line(rel, decoded.text)
    if too_long:
        sink.items.append(too_long)
        return None
    return decoded.text


# ---------------------------------------------------------------------------------------------
# Field conversion


def _date(data: dict, key: str, lines: dict[str, int], sink: Sink) -> PartialDate | None:
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


def _common(data: dict, lines: dict[str, int], sink: Sink, rel: str, fm: FrontMatter) -> dict:
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


def _plan(data: dict, lines: dict[str, int], sink: Sink, rel: str, fm: FrontMatter) -> Plan:
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
        plan_number=data.get("so_ky_hieu_ke_hoach"),
        stub=bool(data.get("stub", False)),
    )


def _legal(data: dict, lines: dict[str, int], sink: Sink, rel: str, fm: FrontMatter) -> LegalDoc:
    status = data.get("tinh_trang_hieu_luc") or {"trang_thai": "Chưa rõ"}
    line = lines.get("tinh_trang_hieu_luc", 1)
    line_of_misquotes = lines.get("trich_dan_sai", 1)
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
        former_ids=list(data.get("id_cu") or []),
        misquotes=[
            Misquote(
                item.get("so_ky_hieu") or None,
                _date(item, "ngay_ban_hanh", {"ngay_ban_hanh": line_of_misquotes}, sink),
                item.get("ghi_chu"),
            )
            for item in data.get("trich_dan_sai") or []
        ],
        alternatives=[
            AlternativeReading(str(item["truong"]), item.get("gia_tri"), str(item["nguon"]))
            for item in data.get("cach_doc_khac") or []
        ],
    )


_REQUIRED = {
    "plan": ("id", "loai_van_ban", "co_quan_ban_hanh", "nam", "tinh_trang"),
    "legal": ("id", "so_ky_hieu", "loai_van_ban", "co_quan_ban_hanh"),
}


def load_record(
    path: Path | str, rel: str, kind: str
) -> tuple[Plan | LegalDoc | None, list[Diagnostic]]:
    """Load one plan or legal Markdown file. Returns the record (None if unusable) and findings."""
    sink = Sink(rel)
    text = _read(path, rel, sink)
    fm = split_front_matter(text, sink) if text is not None else None
    if fm is None:
        return None, sink.items
    if not isinstance(fm.data, dict):
        sink.error(2, "yaml-not-mapping", "front-matter phải là một bảng khóa: giá trị")
        return None, sink.items
    data = fm.data
    faulty = _schema_diagnostics(kind, data, fm.lines, sink, base=2)
    if fm.suspect:
        found, unsafe = limits.value_characters(rel, data, fm.lines.get, 2)
        sink.items.extend(found)
        faulty |= unsafe
    fm.body, found = limits.body_characters(rel, fm.body, fm.body_line)
    sink.items.extend(found)
    too_complex = limits.unclosed_markup(rel, fm.body, fm.body_line)
    if too_complex:
        sink.items.append(too_complex)
        return None, sink.items
    if any(k in faulty or data.get(k) in (None, "") for k in _REQUIRED[kind]):
        return None, sink.items
    doc_id = str(data["id"])
    if not is_safe_id(doc_id):
        return None, sink.items
    stem = os.path.splitext(os.path.basename(path))[0]
    if doc_id != stem:
        sink.error(fm.lines.get("id", 2), "id-mismatch", f"id '{doc_id}' khác tên tệp '{stem}'")
        return None, sink.items
    known = PLAN_FIELDS if kind == "plan" else LEGAL_FIELDS
    clean = {
        k: v for k, v in data.items() if k in known and k not in faulty or k in _REQUIRED[kind]
    }
    build = _plan if kind == "plan" else _legal
    return build(clean, fm.lines, sink, rel, fm), sink.items


def load_agencies(root: Path) -> tuple[dict[str, Agency], list[Diagnostic]]:
    path = root / AGENCIES_FILE
    sink = Sink(AGENCIES_FILE)
    refusal = refused_source(root, path, AGENCIES_FILE)
    if refusal:
        sink.items.append(refusal)
        return {}, sink.items
    if not path.exists():
        sink.error(1, "agencies-missing", "thiếu danh mục cơ quan")
        return {}, sink.items
    text = _read(path, AGENCIES_FILE, sink, limits.MAX_REGISTRY_BYTES)
    if text is None:
        return {}, sink.items
    data, key_lines = parse_yaml_mapping(
        text, sink, allow_empty=True, max_nodes=limits.MAX_REGISTRY_NODES
    )
    if sink.failed:
        return {}, sink.items
    if data is None:
        sink.error(1, "agencies-empty", "danh mục cơ quan rỗng")
        return {}, sink.items
    if not isinstance(data, list):
        sink.error(1, "yaml-not-list", "danh mục cơ quan phải là một danh sách")
        return {}, sink.items
    # The lines of each item's own keys ("3.ten" -> item 3, "ten"), grouped in one pass.
    item_lines: dict[str, dict[str, int]] = defaultdict(dict)
    for key, at in key_lines.items():
        index, dot, rest = key.partition(".")
        if dot and "." not in rest:
            item_lines[index][rest] = at
    agencies: dict[str, Agency] = {}
    for index, item in enumerate(data):
        line = key_lines.get(str(index), 1)
        prefix = f"{index}."
        lines = item_lines.get(str(index), {})
        item_sink = Sink(AGENCIES_FILE)
        faulty = _schema_diagnostics("agency", item, lines, item_sink, base=line)
        found, unsafe = limits.value_characters(
            AGENCIES_FILE, item, lambda key, prefix=prefix: key_lines.get(prefix + key), line
        )
        item_sink.items.extend(found)
        faulty |= unsafe
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


@dataclass
class Repository:
    """Every record read from a repository, and what reading them found."""

    root: Path
    agencies: dict[str, Agency] = field(default_factory=dict)
    plans: dict[str, Plan] = field(default_factory=dict)  # full plans and stub plans
    legal: dict[str, LegalDoc] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def document(self, doc_id: str) -> Document | None:
        return self.plans.get(doc_id) or self.legal.get(doc_id)

    def documents(self) -> list[Document]:
        return [*self.plans.values(), *self.legal.values()]

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "error"]


def read_repository(root: Path | str, records: RecordCache | None = None) -> Repository:
    """Agencies, legal documents and plans, with their references checked (no citations).

    With ``records`` (the preview's rebuilds), a file whose bytes are unchanged is not parsed
    again; the cache also says which files changed since the last reading.
    """
    root = Path(root)
    repo = Repository(root=root)
    if records is not None:
        records.start()
    first_seen: dict[str, str] = {}
    folders = [
        (kind, target, folder_files(root, folder, SOURCE_SUFFIXES if kind == "plan" else ()))
        for kind, folder, target in (
            ("legal", LEGAL_DIR, repo.legal),
            ("plan", PLANS_DIR, repo.plans),
        )
    ]
    listed = {kind: found.markdown for kind, _, found in folders}
    if records is None:  # one pool for both kinds: the workers start once
        every = [(kind, path_rel) for kind, paths in listed.items() for path_rel in paths]
        loading = ordered_map_started(_load_kind, every)
        # Records load without the agencies: the registry is read here meanwhile.
        repo.agencies, diags = load_agencies(root)
        loaded_in_order = iter(loading())
    else:
        repo.agencies, diags = records.load_agencies(root)
    repo.diagnostics.extend(diags)
    for kind, target, found in folders:
        repo.diagnostics.extend(found.refused)
        paths = listed[kind]
        if records is None:
            loaded = list(islice(loaded_in_order, len(paths)))
        else:
            loaded = records.load(kind, paths)
        for (_, rel), (record, diags) in zip(paths, loaded, strict=True):
            repo.diagnostics.extend(diags)
            if record is None:
                continue
            if record.id in first_seen:
                repo.diagnostics.append(
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
    if records is not None:
        records.finish()
    _check_references(repo)
    _check_source_files(repo, [path for _, _, found in folders for path in found.others])
    return repo


@dataclass
class _Kept:
    """One file as the last reading found it: its stat, its bytes' hash, what loading gave."""

    stat: tuple[int, ...]
    digest: str
    loaded: Any  # (record, diagnostics), or (agencies, diagnostics) for the registry


@dataclass
class RecordCache:
    """Loaded records kept between readings of one repository (the preview's rebuilds).

    A file whose stat (modification and change times, size, inode) is unchanged is not read
    again; one whose stat changed is hashed, and loaded again only when its bytes changed. The
    reference checks set other lists on the records they are given, so each reading gets its
    own copies of the kept records (``_fresh``). ``changed`` lists the paths whose bytes differ
    from the previous reading (added ones included), ``removed`` those no longer there.
    """

    entries: dict[str, _Kept] = field(default_factory=dict)
    changed: set[str] = field(default_factory=set)
    removed: set[str] = field(default_factory=set)
    _seen: set[str] = field(default_factory=set)

    def start(self) -> None:
        self.changed, self._seen = set(), set()

    def digest(self, rel: str) -> str:
        """The SHA-256 of the file's bytes at the last reading ("" if not read)."""
        kept = self.entries.get(rel)
        return kept.digest if kept else ""

    def load_agencies(self, root: Path) -> tuple[dict[str, Agency], list[Diagnostic]]:
        path = root / AGENCIES_FILE
        if self._stale(path, AGENCIES_FILE):
            self._keep(path, AGENCIES_FILE, load_agencies(root))
        self._seen.add(AGENCIES_FILE)
        agencies, diags = self.entries[AGENCIES_FILE].loaded
        return {key: _fresh(agency) for key, agency in agencies.items()}, list(diags)

    def load(self, kind: str, paths: list[tuple[str, str]]) -> list:
        stale = [(path, rel) for path, rel in paths if self._stale(path, rel)]
        for (path, rel), loaded in zip(
            stale, ordered_map(partial(_load_one, kind), stale), strict=True
        ):
            self._keep(path, rel, loaded)
        self._seen.update(rel for _, rel in paths)
        out = []
        for _, rel in paths:
            record, diags = self.entries[rel].loaded
            out.append((_fresh(record) if record is not None else None, list(diags)))
        return out

    def finish(self) -> None:
        self.removed = set(self.entries) - self._seen
        for rel in self.removed:
            del self.entries[rel]

    def _stale(self, path: Path | str, rel: str) -> bool:
        """Whether the file must be loaded again: its bytes changed since the last reading. A
        file whose stat changed and bytes did not keeps its record, with the new stat."""
        kept = self.entries.get(rel)
        if kept is None:
            return True
        stat = _stat(path)
        if stat is not None and stat == kept.stat:
            return False
        if _digest(path) != kept.digest or stat is None:
            return True
        kept.stat = stat
        return False

    def _keep(self, path: Path | str, rel: str, loaded: Any) -> None:
        # The stat before the hash: a write between them leaves a stat that differs next time.
        stat = _stat(path) or ()
        self.entries[rel] = _Kept(stat, _digest(path), loaded)
        self.changed.add(rel)


def _stat(path: Path | str) -> tuple[int, ...] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None  # unreadable: loaded again, and load_record reports why
    return (st.st_mtime_ns, st.st_ctime_ns, st.st_size, st.st_ino)


def _fresh(record: Any) -> Any:
    """A kept record for one reading: an object of its own, so what a reading sets on it (the
    reference checks' cuts, citations, a refused source file) stays with that reading. Its
    lists and dicts are the kept record's: no reading edits them in place."""
    return copy.copy(record)


def _digest(path: Path | str) -> str:
    try:
        with open(path, "rb") as source:
            return hashlib.sha256(source.read()).hexdigest()
    except OSError:
        return ""  # unreadable: loaded again, and load_record reports why


def _load_one(kind: str, path_rel: tuple[str, str]):
    path, rel = path_rel
    return load_record(path, rel, kind)


def _load_kind(kind_path_rel: tuple[str, tuple[str, str]]):
    kind, path_rel = kind_path_rel
    return _load_one(kind, path_rel)


def _check_references(repo: Repository) -> None:
    def report(doc, key: str, message: str, code: str = "unknown-reference") -> None:
        repo.diagnostics.append(Diagnostic(doc.path, doc.line_of(key), "error", code, message))

    for doc in repo.documents():
        if doc.issuer not in repo.agencies:
            report(
                doc,
                "co_quan_ban_hanh",
                f"không có cơ quan '{doc.issuer}' trong {AGENCIES_FILE}",
                "unknown-agency",
            )
    # A reference cut is a new list set on the record, never an edit of the list it had: the
    # preview's cache hands out the same lists to every reading (``RecordCache``).
    for plan in repo.plans.values():
        for key, attr in (("can_cu", "legal_bases"), ("thuc_hien", "implements")):
            kept = []
            for ref in getattr(plan, attr):
                if repo.document(ref) is None:
                    report(plan, key, f"{key}: không có văn bản '{ref}'")
                elif key == "thuc_hien" and ref not in repo.plans:
                    report(plan, key, f"thuc_hien: '{ref}' không phải là một kế hoạch")
                else:
                    kept.append(ref)
            if len(kept) < len(getattr(plan, attr)):
                setattr(plan, attr, kept)
    for doc in repo.legal.values():
        for key, ids in doc.relations.items():
            kept = []
            for ref in ids:
                if ref in repo.legal:
                    kept.append(ref)
                else:
                    report(doc, key, f"{key}: không có văn bản '{ref}' trong legal/")
            if len(kept) < len(ids):  # the loop goes on over the mapping it started with
                doc.relations = {**doc.relations, key: kept}
    # An old address leads to one page: never a current record's, never two records'.
    claimed: dict[str, str] = {}
    for doc in repo.legal.values():
        former = []
        for old in doc.former_ids:
            if old in repo.legal or old in claimed:
                owner = old if old in repo.legal else claimed[old]
                report(
                    doc, "id_cu", f"id_cu: '{old}' đã là địa chỉ của '{owner}'", "former-id-taken"
                )
            else:
                claimed[old] = doc.id
                former.append(old)
        if len(former) < len(doc.former_ids):
            doc.former_ids = former


def _check_source_files(repo: Repository, candidates: list[Path]) -> None:
    """A plan's source must exist; a source file that no plan names is reported, not ignored.
    ``candidates``: the regular files under ``plans/`` with a source suffix, in path order."""
    named: set[Path] = set()
    for plan in repo.plans.values():
        if not plan.source_file:
            continue
        source = (repo.root / plan.path).parent / plan.source_file
        refusal = refused_source(repo.root, source, plan.path)
        if refusal:
            # Not offered for download either: the site copies only what the loader accepted.
            plan.source_file = None
            repo.diagnostics.append(
                Diagnostic(
                    plan.path,
                    plan.line_of("nguon"),
                    "error",
                    refusal.code,
                    f"nguon '{source.name}': {refusal.message}",
                )
            )
            continue
        if "/" in plan.source_file or "\\" in plan.source_file or not source.is_file():
            repo.diagnostics.append(
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
    for path in candidates:
        if path.resolve() not in named:
            repo.diagnostics.append(
                Diagnostic(
                    path.relative_to(repo.root).as_posix(),
                    1,
                    "warning",
                    "orphan-source",
                    "tệp nguồn không thuộc kế hoạch nào (chưa có trường nguon trỏ tới)",
                )
            )
