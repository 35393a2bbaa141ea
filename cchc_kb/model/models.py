"""The domain's data classes: every stage of the pipeline speaks in these types.

Front-matter keys follow the field names of the national legal database (vbpl.vn), written
without diacritics; attributes here are English. ``FIELD_NAMES`` maps one to the other so the
loader, the checker and the renderers agree on a single table.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from typing import Literal

Severity = Literal["error", "warning"]
CitationKind = Literal["legal", "party", "admin"]


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date whose day, month or even year may be unknown.

    Texts leave parts blank ("ngày tháng 01 năm 2025") or omit the year ("ngày 15 tháng 12");
    the missing parts stay ``None`` and are never invented. ``iso`` gives ISO 8601 reduced
    forms: ``2025-01-15``, ``2025-01``, ``2025`` and, without a year, ``--12-15`` / ``--12``.
    """

    year: int | None
    month: int | None = None
    day: int | None = None

    _ISO = re.compile(r"^(?:(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?|--(\d{2})(?:-(\d{2}))?)$")

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Parse an ISO (reduced) date; raise ValueError for malformed or impossible dates."""
        m = cls._ISO.match(str(text).strip())
        if not m:
            raise ValueError(f"không phải ngày ISO (YYYY-MM-DD, YYYY-MM hoặc YYYY): {text!r}")
        if m.group(1):
            year = int(m.group(1))
            month = int(m.group(2)) if m.group(2) else None
            day = int(m.group(3)) if m.group(3) else None
        else:
            year, month = None, int(m.group(4))
            day = int(m.group(5)) if m.group(5) else None
        return cls.of(year, month, day)

    @classmethod
    def of(cls, year: int | None, month: int | None = None, day: int | None = None) -> PartialDate:
        """Build a date from parts, validating what is known (2022-02-31 is refused)."""
        if month is not None and not 1 <= month <= 12:
            raise ValueError(f"tháng không hợp lệ: {month}")
        if day is not None:
            if month is None:
                raise ValueError("có ngày mà không có tháng")
            # A year-less 29 February is possible; check it against a leap year.
            last = calendar.monthrange(year if year is not None else 2000, month)[1]
            if not 1 <= day <= last:
                raise ValueError(f"ngày không tồn tại: {day:02d}/{month:02d}/{year or '????'}")
        if year is not None and not 1900 <= year <= 2100:
            raise ValueError(f"năm ngoài khoảng hợp lý: {year}")
        return cls(year, month, day)

    @property
    def iso(self) -> str:
        if self.year is None:
            return "--" + "-".join(f"{p:02d}" for p in (self.month, self.day) if p is not None)
        parts = [f"{self.year:04d}"] + [f"{p:02d}" for p in (self.month, self.day) if p]
        return "-".join(parts)

    @property
    def is_complete(self) -> bool:
        return None not in (self.year, self.month, self.day)

    def vietnamese(self) -> str:
        """The date as Vietnamese documents write it, blanks kept visible.

        Nghị định 30/2020/NĐ-CP: days below 10 and months 1 and 2 take a leading zero
        ("ngày 02 tháng 01", "ngày 16 tháng 8").
        """
        d = f"{self.day:02d}" if self.day else "…"
        m = (f"{self.month:02d}" if self.month < 3 else str(self.month)) if self.month else "…"
        y = str(self.year) if self.year else "…"
        return f"ngày {d} tháng {m} năm {y}"

    def __str__(self) -> str:
        return self.iso

    def __reduce__(self) -> tuple:
        # Pickled as its parts: workers send tens of thousands of dates back (records,
        # citations), and rebuilding them from parts loads twice as fast as from their state.
        return (PartialDate, (self.year, self.month, self.day))


@dataclass(frozen=True)
class Diagnostic:
    """One finding of the loader or checker, printed as ``path:line: severity: code: message``."""

    path: str
    line: int
    severity: Severity
    code: str
    message: str

    def format(self) -> str:
        return f"{self.path}:{self.line}: {self.severity}: {self.code}: {self.message}"


@dataclass(frozen=True)
class Provenance:
    """Where a group of facts came from and whether it was checked against the official text."""

    fields: tuple[str, ...]
    source: str
    checked: bool


@dataclass(frozen=True)
class Misquote:
    """A wrong form under which a document is known to be cited (trich_dan_sai): the number
    and/or the date as the citing texts write them."""

    number: str | None  # as the record writes it
    date: PartialDate | None
    note: str | None = None


@dataclass(frozen=True)
class AlternativeReading:
    """A value of one field that another source gives (cach_doc_khac): both readings are kept."""

    field: str  # front-matter key
    value: str | None
    source: str


@dataclass(frozen=True)
class Correction:
    """What a citation should have written: the registry's number and date for a known misquote
    (``misquoted-citation``), or the number a normative citation lacking its year implies
    (``number-missing-year``)."""

    code: str
    number: str | None
    date: PartialDate | None
    message: str


@dataclass(frozen=True)
class Validity:
    """Tình trạng hiệu lực as last known: the status, since when, and on which date it was known."""

    status: str  # one of VALIDITY_STATUSES
    since: PartialDate | None = None
    known_on: PartialDate | None = None
    note: str | None = None


VALIDITY_STATUSES = (
    "Còn hiệu lực",
    "Hết hiệu lực toàn bộ",
    "Hết hiệu lực một phần",
    "Chưa có hiệu lực",
    "Ngưng hiệu lực",
    "Ngưng hiệu lực một phần",
    "Chưa rõ",
)

# Relations stored on the acting document (107/2021/NĐ-CP "sua_doi_bo_sung" 61/2018/NĐ-CP).
# Each has the label vbpl.vn shows for the active and the passive direction.
RELATION_LABELS: dict[str, tuple[str, str]] = {
    "sua_doi_bo_sung": ("Sửa đổi, bổ sung", "Được sửa đổi, bổ sung bởi"),
    "thay_the": ("Thay thế", "Bị thay thế bởi"),
    "huong_dan": ("Hướng dẫn", "Được hướng dẫn bởi"),
    "bai_bo": ("Bãi bỏ", "Bị bãi bỏ bởi"),
    "hop_nhat": ("Hợp nhất", "Được hợp nhất bởi"),
}

# The six CCHC areas of Nghị quyết 76/NQ-CP, used as tags (id -> label).
CCHC_AREAS: dict[str, str] = {
    "the_che": "Cải cách thể chế",
    "thu_tuc_hanh_chinh": "Cải cách thủ tục hành chính",
    "to_chuc_bo_may": "Cải cách tổ chức bộ máy",
    "che_do_cong_vu": "Cải cách chế độ công vụ",
    "tai_chinh_cong": "Cải cách tài chính công",
    "chinh_quyen_so": "Xây dựng, phát triển chính quyền điện tử, chính quyền số",
}

AGENCY_LEVELS: dict[str, str] = {
    "trung_uong": "Trung ương",
    "tinh": "Tỉnh, thành phố trực thuộc Trung ương",
    "so": "Sở, ban, ngành",
    "huyen": "Huyện, thị xã, thành phố thuộc tỉnh",
    "xa": "Xã, phường, thị trấn",
}
# Rank of a level, top first: lists of agencies follow the hierarchy, not the alphabet.
LEVEL_ORDER: dict[str, int] = {key: i for i, key in enumerate(AGENCY_LEVELS)}

PLAN_STATUSES: dict[str, str] = {"du_thao": "Dự thảo", "ban_hanh": "Đã ban hành"}


@dataclass
class Agency:
    id: str
    name: str  # full official name: "Sở Xây dựng tỉnh Hải Dương"
    level: str  # key of AGENCY_LEVELS
    short_names: list[str] = field(default_factory=list)
    parent: str | None = None
    valid_from: PartialDate | None = None
    valid_to: PartialDate | None = None
    successor: str | None = None
    province: str | None = None  # id of the provincial UBND whose territory it belongs to
    note: str | None = None
    path: str = ""
    line: int = 0


@dataclass
class Citation:
    """One citation found in a text: what it says, where it stands, what it resolved to."""

    span: tuple[int, int]  # [start, end) in the decoded text (BOM removed, nothing else)
    text: str  # the citation as written: decoded[start:end]
    kind: CitationKind
    type: str | None  # "Nghị định", "Kế hoạch", …; inferred from the symbol when not written
    number: str | None  # canonical: NFC, dashes unified, hyphen restored; None for laws by name
    name: str | None = None  # for laws cited by name ("Luật Tổ chức chính quyền địa phương")
    issuer: str | None = None  # agency id when known, else the issuer as written
    issuer_text: str | None = None  # "UBND tỉnh", "Thủ tướng Chính phủ", … as written
    date: PartialDate | None = None
    id: str | None = None  # registry id, or None when unresolved
    in_preamble: bool = False  # named by the opening "Căn cứ …" / "Thực hiện …"
    warnings: list[str] = field(default_factory=list)
    correction: Correction | None = None  # the right form, when the text misquotes it
    suggestion: str | None = None  # a likely intended document id: shown, never linked

    def to_json(self) -> dict:
        return {
            "type": self.type,
            "number": self.number,
            "name": self.name,
            "issuer": self.issuer,
            "issuer_text": self.issuer_text,
            "date": self.date.iso if self.date else None,
            "kind": self.kind,
            "id": self.id,
            "span": list(self.span),
            "text": self.text,
            "in_preamble": self.in_preamble,
            "warnings": list(self.warnings),
            "correction": (
                {
                    "code": self.correction.code,
                    "number": self.correction.number,
                    "date": self.correction.date.iso if self.correction.date else None,
                }
                if self.correction
                else None
            ),
            "suggestion": self.suggestion,
        }


@dataclass(frozen=True)
class SelfReference:
    """A document naming itself: its header ("Số: 02/KH-UBND") or an appendix caption
    ("(Kèm theo Kế hoạch số 01/KH-UBND ngày …)"). Never a citation; the checker compares them."""

    span: tuple[int, int]  # [start, end) in the decoded text
    text: str
    number: str | None  # canonical, or None when the text leaves it blank
    date: PartialDate | None
    where: Literal["header", "appendix"]


@dataclass
class Document:
    """What plans and legal documents share: identity, number, type, issuer, date, provenance."""

    id: str
    number: str | None  # số ký hiệu as written (NFC); None when the text leaves it blank
    doc_type: str  # loại văn bản: "Kế hoạch", "Nghị định", …
    summary: str  # trích yếu
    issuer: str  # agency id
    issued: PartialDate | None
    body: str = ""
    provenance: list[Provenance] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # hand-written data-quality notes
    path: str = ""  # repository-relative path of the source Markdown
    body_line: int = 1  # line of the body's first character in that file
    lines: dict[str, int] = field(default_factory=dict)  # front-matter key -> line

    def line_of(self, key: str) -> int:
        return self.lines.get(key, 1)


@dataclass
class Plan(Document):
    place: str | None = None  # địa danh
    year: int = 0  # nam: the plan's year
    status: str = "ban_hanh"  # key of PLAN_STATUSES
    signer: str | None = None
    signer_title: str | None = None  # with its KT./TM. prefix as written
    implements: list[str] = field(default_factory=list)  # thuc_hien: parent plan ids
    legal_bases: list[str] = field(default_factory=list)  # can_cu: ids the preamble names
    areas: list[str] = field(default_factory=list)  # linh_vuc: keys of CCHC_AREAS
    recipients: list[str] = field(default_factory=list)  # noi_nhan
    source_file: str | None = None  # nguon: file name beside the Markdown
    source_origin: str | None = None  # nguon_goc: where that file came from
    plan_number: str | None = None  # so_ky_hieu_ke_hoach: when the file is the decision issuing it
    stub: bool = False  # known only from citing texts; no body
    citations: list[Citation] = field(default_factory=list)  # filled by the citation engine


@dataclass
class LegalDoc(Document):
    effective: PartialDate | None = None  # ngay_co_hieu_luc
    validity: Validity | None = None
    relations: dict[str, list[str]] = field(default_factory=dict)  # RELATION_LABELS key -> ids
    stub: bool = False
    citations: list[Citation] = field(default_factory=list)
    former_ids: list[str] = field(default_factory=list)  # id_cu: old addresses lead here
    misquotes: list[Misquote] = field(default_factory=list)  # trich_dan_sai
    alternatives: list[AlternativeReading] = field(default_factory=list)  # cach_doc_khac


# Front-matter key -> attribute, per record kind. One table for loader, checker and docs.
COMMON_FIELDS = {
    "id": "id",
    "so_ky_hieu": "number",
    "loai_van_ban": "doc_type",
    "trich_yeu": "summary",
    "co_quan_ban_hanh": "issuer",
    "ngay_ban_hanh": "issued",
    "nguon_thong_tin": "provenance",
    "ghi_chu": "notes",
    "stub": "stub",
}
PLAN_FIELDS = COMMON_FIELDS | {
    "dia_danh": "place",
    "nam": "year",
    "tinh_trang": "status",
    "nguoi_ky": "signer",
    "chuc_danh": "signer_title",
    "thuc_hien": "implements",
    "can_cu": "legal_bases",
    "linh_vuc": "areas",
    "noi_nhan": "recipients",
    "nguon": "source_file",
    "nguon_goc": "source_origin",
    "so_ky_hieu_ke_hoach": "plan_number",
}
LEGAL_FIELDS = COMMON_FIELDS | {
    "ngay_co_hieu_luc": "effective",
    "tinh_trang_hieu_luc": "validity",
    **{key: "relations" for key in RELATION_LABELS},
    "id_cu": "former_ids",
    "trich_dan_sai": "misquotes",
    "cach_doc_khac": "alternatives",
}
