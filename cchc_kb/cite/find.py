"""Find citations: one compiled master regex for numbers over the cleaned text, then local
parsing around each hit (type word before; date and issuer after), then the passes that need
the whole text (laws by name, short forms, aliases).

The master regex starts with a digit, so the regex engine skips most of the text with its
first-character check; everything else only runs where a number was found.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from ..model.models import Citation, Correction, PartialDate, SelfReference
from . import tables
from .clean import CleanText, clean
from .normalize import (
    Number,
    canonical_number,
    canonical_type,
    fix_part,
    make_date,
    number_from_match,
    parse_number,
    parse_number_text,
    types_agree,
)
from .patterns import END, NUMBER_RE, PART, TYPE_WORDS, TYPE_WORDS_LONGEST_FIRST, alternation
from .resolve import CitingContext, Registry

_SYMBOL_SLASH = re.compile(r"/ ?(?:[A-ZĐ]|[a-zđ]{1,7}-[A-Za-zĐđ]|[a-zđ]{2,4}(?![^\W\d_]))")

_SO = r"(?:[Ss]ố|SỐ)"
_TYPE = rf"(?<![^\W\d_])(?P<type>(?i:{TYPE_WORDS}))"
_DIRECT_RE = re.compile(rf"{_TYPE} ?(?:{_SO} ?:? ?)?\Z")
# The same read backwards, matched from the start of the reversed text: a search for a pattern
# anchored at the end tries every position before it (a third of the time of a number's
# parsing went there). Type words are in longest-first order, as in _DIRECT_RE.
_DIRECT_REVERSED = re.compile(
    r"(?: ?:? ?(?:ố[Ss]|ỐS))? ?"
    rf"(?P<type>(?i:{'|'.join(re.escape(w[::-1]) for w in TYPE_WORDS_LONGEST_FIRST)}))"
    r"(?![^\W\d_])"
)
_LAW_NAMED_RE = re.compile(
    r"(?<![^\W\d_])(?P<type>(?i:bộ luật|luật|pháp lệnh))"
    rf"(?P<lawname> [^\d/;:().]{{2,120}}?) ?{_SO} ?\Z"
)
_HEAD_RE = re.compile(
    rf"(?:(?i:các|những) )?{_TYPE}(?: (?i:của|do) (?P<head>[^:;.]{{2,120}}?))? ?: ?(?:{_SO} ?)?\Z"
)
_BARE_RE = re.compile(rf"(?<![^\W\d_]){_SO} ?:? ?\Z")

_DATE = (
    r"(?:(?P<d1>\d{1,2}) ?[/.-] ?(?P<m1>\d{1,2}) ?[/.-] ?(?P<y1>\d{4})(?!\d)"
    r"|(?P<d2>\d{1,2}) ?(?i:tháng) ?(?P<m2>\d{1,2})(?!\d)(?: ?,? ?(?i:năm) ?(?P<y2>\d{4})(?!\d))?)"
)
_DATE_RE = re.compile(rf" ?,? ?(?:(?i:ban hành|ký) )?(?i:ngày) ?{_DATE}")
_YEAR_ONLY_RE = re.compile(r" ?,? ?(?i:năm) (?P<y3>\d{4})(?!\d)")

_ORGANS = alternation(tables.ISSUER_ORGANS)
_MINISTRIES = alternation(tables.MINISTRY_NAMES)
_LEVELS = alternation(tables.LEVEL_WORDS)
_ISSUER_BODY = (
    rf"(?P<organ>(?i:{_ORGANS}|(?:bộ|sở) (?:{_MINISTRIES}))){END}"
    rf"(?: (?P<level>(?i:{_LEVELS})){END})?"
)
_ISSUER_RE = re.compile(rf" ?,? ?(?i:của|do) {_ISSUER_BODY}")
_ISSUER_ONLY_RE = re.compile(_ISSUER_BODY)
_JOINT_ISSUER_RE = re.compile(rf" ?(?:,|(?i:và)) {_ISSUER_BODY}")
_PLACE_WORD = re.compile(r" ([^\W\d_][^\W_]*)")
_GLUED_TAIL = re.compile(rf"(?:{alternation(tables.GLUED_WORDS)})\Z")

# No look-behind in front, so the engine can jump to the first letters; checked in code.
_LAW_NAME_RE = re.compile(
    r"(?P<type>Bộ luật|Luật|Pháp lệnh|BỘ LUẬT|LUẬT|PHÁP LỆNH)"
    rf"(?P<name> [^\W\d_][^\d/;:().]{{0,150}}?) ?,? "
    rf"(?:(?i:ngày) ?{_DATE}|(?i:năm) ?(?P<y3>(?:19|20)\d\d)(?!\d))"
)
_LAW_NAME_STOP = re.compile(rf" ?,? (?:{alternation(tables.LAW_NAME_STOPS)})(?![^\W\d_])")
# Another law named inside a law's name: ", Luật Viên chức", " và Luật Tổ chức Chính phủ".
_NEXT_LAW_RE = re.compile(r"(?:,| và) (?P<type>Bộ luật|Luật|Pháp lệnh) (?=[^\W\d_])")
_ALIAS_RE = re.compile(
    rf"\( ?(?i:{alternation(tables.ALIAS_INTRODUCERS)}):? ?[\"“”']?(?P<alias>[^()\"“”']{{2,60}}?)"
    r"[\"“”']? ?\)"
)
_HEADING_I = re.compile(r"^[ \t#*_>]*I[ \t]*[.:][ \t]", re.M)
_PREAMBLE_START = re.compile(
    rf"^[ \t>*_-]*(?:{alternation(tables.PREAMBLE_OPENERS)})(?![^\W\d_])", re.M
)
_CLAUSE_END = re.compile(r"[.:][ \t*_]*(?:\n|\Z)")
# The header's "Số: …" line; a header flattened into a table row keeps it between "|" cells.
_HEADER_RE = re.compile(
    r"(?:^|\|)[ \t*_#>]*(?:Số|SỐ)[ \t]*:?[ \t]*(?P<rest>[^\n|]{0,80}?)[ \t*_]*(?:\||$)", re.M
)
_BLANK_NUMBER_RE = re.compile(rf"\ ?/\ ?{PART}(?:\ ?-\ ?{PART})*\Z")
_HEADER_DATE_RE = re.compile(
    r"ngày[\s.…_]*(?P<d>\d{1,2})?[\s.…_]*tháng[\s.…_]*(?P<m>\d{1,2})?[\s.…_]*năm\s*(?P<y>\d{4})"
)
_APPENDIX_RE = re.compile(r"\( ?[*_]* ?(?:(?i:ban hành) )?(?i:kèm theo) (?P<body>[^()]{0,300})\)")
# A number written first on the header's "Số:" line, with place and date after it on the same line
# ("Số: 21/2024/NQ-HĐND Ninh Sơn, ngày …").
_INLINE_HEADER_TAIL = re.compile(r" [^\W\d_][^\n]*(?i:ngày)")
_LOOSE_DATE_RE = re.compile(
    r"(?i:ngày) ?(?P<d>\d{1,2})?[ .…_]*(?:/|(?i:tháng)) ?(?P<m>\d{1,2}) ?(?:/|,? ?(?i:năm)) ?(?P<y>\d{4})"
)

# A short form: type word, optional "số", a bare serial not followed by a symbol.
_SHORT_RE = re.compile(r"[^\d](?P<serial>\d{1,6}[a-z]?)(?![\w/]| ?[/-] ?\w)")
_SHORT_TYPE_RE = re.compile(rf"{_TYPE}(?: ?{_SO})? ?\Z")
# A number with its year and no symbol ("Nghị định 61/2018"): the slash and the year first
# (a literal the regex engine finds fast), then the serial before it.
_YEAR_SLASH_RE = re.compile(r"/ ?(?P<year>(?:19|20)\d\d)(?![^\W_]| ?/ ?[^\W\d_]| ?- ?[^\W\d_])")
_YEAR_SERIAL_RE = re.compile(r"(?<![\d/.,-])(?P<serial>\d{1,6}[a-z]?) ?\Z")

# What joins the items of a list that share one date and issuer.
_LIST_JOINER = re.compile(r" ?(?:,|;|(?i:và)) ?(?:(?i:số) ?)?")

_WINDOW = 160
_LIST_REACH = 400


_INVISIBLE_RE = re.compile(f"[{tables.INVISIBLES}]")
_LOOKALIKE_RE = re.compile(f"[{''.join(tables.SCRIPT_LOOKALIKES)}]")
_LAW_WORDS = ("uật", "UẬT", "lệnh", "LỆNH")  # a law named before its number


def hidden_characters_warning(written: str) -> str | None:
    """The warning for invisible characters inside a citation as written, or None."""
    if not _INVISIBLE_RE.search(written):  # almost every citation: no loop over its letters
        return None
    hidden = sorted({ch for ch in written if ch in tables.INVISIBLES})
    if not hidden:
        return None
    codes = ", ".join(f"U+{ord(ch):04X}" for ch in hidden)
    return f"ký tự ẩn trong trích dẫn ({codes}) đã được bỏ qua khi đối chiếu; nên xóa"


@dataclass
class _Hit:
    start: int  # clean offsets
    end: int
    tail: int  # end of the date / issuer phrase after the number
    citation: Citation
    serial: str | None = None
    year: int | None = None
    list_type: str | None = None
    list_issuer: tuple[str | None, str | None] | None = None
    number: Number | None = None
    own_date: bool = False  # the date was written right after this number
    own_issuer: bool = False  # an issuer phrase was written right after this number


def _parse_date(s: str, pos: int) -> tuple[PartialDate | None, int, bool]:
    """A date right after ``pos``: (date, end, found)."""
    m = _DATE_RE.match(s, pos)
    if m:
        if m.group("y1"):
            return make_date(m.group("d1"), m.group("m1"), m.group("y1")), m.end(), True
        return make_date(m.group("d2"), m.group("m2"), m.group("y2")), m.end(), True
    m = _YEAR_ONLY_RE.match(s, pos)
    if m:
        return make_date(None, None, m.group("y3")), m.end(), True
    return None, pos, False


def _place_after(s: str, pos: int) -> tuple[str | None, int]:
    words: list[str] = []
    end = pos
    while len(words) < 4:
        m = _PLACE_WORD.match(s, end)
        # An upper-case title stops at the same words: "TỈNH QUY ĐỊNH …" as "tỉnh Quy định …".
        if (
            not m
            or not m.group(1)[0].isupper()
            or m.group(1).capitalize() in tables.PLACE_STOPWORDS
        ):
            break
        glued = _GLUED_TAIL.search(m.group(1), 1)
        if glued:  # "Dươngngày": the place ends where the glued word starts
            words.append(m.group(1)[: glued.start()])
            end = m.start(1) + glued.start()
            break
        words.append(m.group(1))
        end = m.end()
    return (" ".join(words) or None), end


def _issuer_at(match: re.Match, s: str) -> tuple[str, str | None, str | None, int, int]:
    """(organ, level, place, start, end) of an issuer phrase match."""
    organ, level = match.group("organ"), match.group("level")
    end = match.end()
    place = None
    if level or not organ.lower().startswith(("bộ ", "sở ")):
        place, end = _place_after(s, end)
    if level is None and organ.lower().startswith(("sở ",)):
        # "Sở Xây dựng tỉnh Đồng Nai" names its province after the department's name.
        m = re.match(rf" (?i:{_LEVELS})(?![^\W\d_])", s[end : end + 20])
        if m:
            level = m.group().strip()
            place, end = _place_after(s, end + m.end())
    return organ, level, place, match.start("organ"), end


class _Finder:
    def __init__(self, text: str, registry: Registry | None, context: CitingContext | None):
        self.text = text
        self.ct = clean(text)
        self.s = self.ct.text
        self.text_end = len(self.s.rstrip())  # where a number cut off at the end would stop
        self.registry = registry or Registry.from_records([], {})
        self.context = context
        self.self_refs = _self_references(text, self.ct)
        self.excluded = [r.span for r in self.self_refs]
        self.alias_defs: list[tuple[int, int]] = []
        self.preamble = _preamble_ranges(text)
        # What most texts do not have at all, asked once rather than at every number.
        self.has_hidden = _INVISIBLE_RE.search(text) is not None
        self.has_lookalikes = _LOOKALIKE_RE.search(text) is not None
        self.has_law_words = any(w in self.s for w in _LAW_WORDS)

    def issuer(self, organ, level, place, text) -> tuple[str | None, str]:
        return self.registry.resolve_issuer(organ, level, place, self.context), text

    def run(self) -> list[Citation]:
        hits = self.numbers()
        self.share_list_tails(hits)
        self.date_later_mentions(hits)
        full = list(hits)
        if hits:
            hits += self.short_forms(hits)
        if "/1" in self.s or "/2" in self.s or "/ " in self.s:
            hits += self.year_forms(full)
        if "uật" in self.s or "UẬT" in self.s or "háp lệnh" in self.s or "HÁP LỆNH" in self.s:
            hits += self.laws_by_name()
        hits.sort(key=lambda h: (h.start, -h.end))
        out: list[Citation] = []
        last_end = -1
        for hit in hits:
            if hit.start < last_end:
                continue
            last_end = hit.end
            out.append(hit.citation)
        return out

    # -- numbers ----------------------------------------------------------------------------

    def make(self, start: int, end: int, **fields) -> Citation:
        a, b = self.ct.span_to_original(start, end)
        hidden = hidden_characters_warning(self.text[a:b]) if self.has_hidden else None
        if hidden:
            fields["warnings"] = [*fields.get("warnings", []), hidden]
        return Citation(
            span=(a, b),
            text=self.text[a:b],
            in_preamble=any(p <= a < q for p, q in self.preamble),
            **fields,
        )

    def numbers(self) -> list[_Hit]:
        s = self.s
        hits: list[_Hit] = []
        previous: _Hit | None = None
        last_end = 0
        # Pre-filter: every number has a slash before an upper-case symbol part, a literal the
        # regex engine finds fast; the master regex then runs only in a window around it.
        for slash in _SYMBOL_SLASH.finditer(s):
            p = slash.start()
            if p < last_end:
                continue
            for m in NUMBER_RE.finditer(s, max(last_end, p - 30), p + 160):
                if m.end() <= p:
                    continue
                if m.start() > p:
                    break
                last_end = m.end()
                hit = self.number_at(m, previous)
                if hit is not None:
                    hits.append(hit)
                    previous = hit
                break
        return hits

    def number_at(self, m: re.Match, previous: _Hit | None) -> _Hit | None:
        s = self.s
        start = m.start()
        if start:
            before = s[start - 1]
            if before.isdigit() or before in "/.,-":
                return None
            if (
                before.isascii()
                and before.isalpha()
                and not _DIRECT_RE.search(s, max(0, start - 32), start)
            ):
                return None  # inside a word, unless a type word is glued to it ("định61")
        number = number_from_match(m)
        if not number.known:
            return None
        if self.excluded:
            orig = self.ct.to_original(start)
            if any(a <= orig < b for a, b in self.excluded):
                return None
        lookalike_warning = None
        if self.has_lookalikes:
            a, b = self.ct.span_to_original(start, m.end())
            if any(ch in tables.SCRIPT_LOOKALIKES for ch in self.text[a:b]):
                number, lookalike_warning = self.read_lookalikes(self.text[a:b], number, start)
        hit = self.number_hit(m, number, previous)
        if hit is not None and lookalike_warning:
            hit.citation.warnings.append(lookalike_warning)
        return hit

    def read_lookalikes(self, written: str, number: Number, start: int) -> tuple[Number, str]:
        """A number with letters of another script: every reading of them, keeping the one
        the registry knows, else the one the type word agrees with, else the look-alike."""
        foreign = sorted({ch for ch in written if ch in tables.SCRIPT_LOOKALIKES})
        type_match = _DIRECT_RE.search(self.s, max(0, start - 32), start)
        type_word = canonical_type(type_match.group("type")) if type_match else None
        choices = []
        for combination in itertools.product(*(tables.SCRIPT_LOOKALIKES[ch] for ch in foreign)):
            variant = written
            for ch, latin in zip(foreign, combination, strict=True):
                variant = variant.replace(ch, latin)
            parsed = parse_number_text(variant)
            if parsed is not None and parsed.known:
                choices.append((combination, parsed))
        best = next((c for c in choices if self.registry.by_number.get(c[1].canonical)), None)
        if best is None and type_word:
            best = next((c for c in choices if types_agree(type_word, c[1])), None)
        combination, chosen = best or (tuple(tables.SCRIPT_LOOKALIKES[ch][0] for ch in foreign),
                                       number)  # fmt: skip
        shown = ", ".join(
            f"«{ch}» (U+{ord(ch):04X}) đọc là «{latin}»"
            for ch, latin in zip(foreign, combination, strict=True)
        )
        return chosen, f"chữ cái của bảng chữ khác trong số ký hiệu: {shown}; nên gõ lại"

    def number_hit(self, m: re.Match, number: Number, previous: _Hit | None) -> _Hit | None:
        s = self.s
        start = m.start()
        window_start = max(0, start - _WINDOW)
        window = s[window_start:start]
        span_start = start
        written_type = None
        name = None
        list_type = None
        list_issuer = None
        direct = _direct_type(window[-32:])
        if direct:
            written_type, before = direct
            span_start = start - before
        elif (
            self.has_law_words
            and any(w in window for w in _LAW_WORDS)
            and (pm := _LAW_NAMED_RE.search(window))
        ):
            written_type = pm.group("type")
            name = f"{canonical_type(written_type)}{pm.group('lawname')}".strip()
            span_start = window_start + pm.start("type")
        elif ":" in window and (pm := _HEAD_RE.search(window)):
            list_type = canonical_type(pm.group("type"))
            head = pm.group("head")
            if head:
                im = _ISSUER_ONLY_RE.match(head)
                if im:
                    organ, level, place, _, _ = _issuer_at(im, head)
                    list_issuer = self.issuer(organ, level, place, head.strip())
        elif (
            previous is not None
            and (previous.list_type or previous.list_issuer)
            and start - previous.tail <= _LIST_REACH
            and not re.search(r"\.(?: |$)", s[previous.tail : start])
        ):
            list_type, list_issuer = previous.list_type, previous.list_issuer
        warnings = list(number.warnings)
        citation_type = None
        if written_type:
            citation_type = canonical_type(written_type)
            if citation_type in tables.GENERIC_TYPE_WORDS:
                citation_type = number.symbol_type
            elif not types_agree(citation_type, number):
                implied = number.symbol_type or "?"
                warnings.append(
                    f"tên loại «{written_type}» không khớp ký hiệu «{number.type_abbr}» ({implied})"
                )
        elif list_type and types_agree(list_type, number):
            citation_type = (
                number.symbol_type if list_type in tables.GENERIC_TYPE_WORDS else list_type
            )
        else:
            citation_type = number.symbol_type
        # Date and issuer, in either order, after a repeated symbol tail ("45-KL/TW KL/TW").
        pos = m.end()
        tail = _symbol_tail(m)
        if tail and s.startswith(" " + tail, pos):
            pos += len(tail) + 1
            warnings.append(f"ký hiệu bị lặp «{tail}» sau số «{number.canonical}»")
        if (
            pos >= self.text_end
            and number.issuer_parts
            and not fix_part(number.issuer_parts[-1]).known
        ):
            warnings.append(f"số ký hiệu bị cắt ở cuối văn bản «{number.canonical}»: chưa đầy đủ")
            citation = self.make(
                span_start, m.end(), kind=number.kind, type=citation_type, number=None,
                warnings=warnings,
            )  # fmt: skip
            return _Hit(span_start, m.end(), m.end(), citation)
        date, pos, has_date = _parse_date(s, pos)
        own_date = has_date
        issuer_id = issuer_text = None
        joint = number.type_abbr in tables.JOINT_TYPE_ABBREVIATIONS and len(number.issuer_parts) > 1
        im = _ISSUER_RE.match(s, pos)
        if im:
            organ, level, place, istart, iend = _issuer_at(im, s)
            while joint and (jm := _JOINT_ISSUER_RE.match(s, iend)):
                iend = _issuer_at(jm, s)[4]  # "của Bộ Tư pháp và Bộ Nội vụ"
            issuer_text = s[istart:iend]
            issuer_id = self.registry.resolve_issuer(organ, level, place, self.context)
            pos = iend
            if not has_date:
                date, pos, has_date = _parse_date(s, pos)
                own_date = has_date
        elif list_issuer is not None:
            issuer_id, issuer_text = list_issuer
        if joint:
            # A joint document is issued by every body its symbol names, in that order.
            issuer_id = self.registry.joint_issuers(number, self.context)
        elif issuer_id is None and im is None:
            issuer_id = self.registry.issuer_from_symbol(number, self.context)
        context = self.context
        if (
            context is not None
            and context.own_number
            and number.canonical == canonical_number(context.own_number)
            and (date is None or context.date is None or date == context.date)
        ):
            return None
        if citation_type in ("Luật", "Bộ luật", "Hiến pháp") and issuer_id is None:
            issuer_id = "quoc-hoi"
        doc_id = self.registry.resolve(number, issuer_id, date, context)
        doc_id, correction = self.correct(number, date, doc_id)
        suggestion = None
        if doc_id is None and not self.registry.by_number.get(number.canonical):
            suggestion = self.registry.suggest(number, citation_type, date)
        citation = self.make(
            span_start,
            m.end(),
            kind=number.kind,
            type=citation_type,
            number=number.canonical,
            name=name,
            issuer=issuer_id or issuer_text,
            issuer_text=issuer_text,
            date=date,
            id=doc_id,
            warnings=warnings,
            correction=correction,
            suggestion=suggestion,
        )
        hit = _Hit(span_start, m.end(), pos, citation, serial=number.serial, year=number.year,
                   number=number, own_date=own_date, own_issuer=im is not None)  # fmt: skip
        if list_type or list_issuer:
            hit.list_type, hit.list_issuer = list_type, list_issuer
        return hit

    def share_list_tails(self, hits: list[_Hit]) -> None:
        """A date or issuer written once after a list ("số 12/QĐ-UBND, 15/QĐ-UBND năm 2024 của
        UBND tỉnh", "số A và B ngày …") belongs to every item of the list: give it, from the
        last item back, to each earlier item joined to the next by a comma or "và" only."""
        for earlier, later in reversed(list(zip(hits, hits[1:], strict=False))):
            between = self.s[earlier.end : later.start]
            if not _LIST_JOINER.fullmatch(between) or earlier.number is None:
                continue
            if earlier.own_date or earlier.own_issuer or earlier.number.kind != later.number.kind:
                continue
            c, source = earlier.citation, later.citation
            c.date, c.issuer, c.issuer_text = source.date, source.issuer, source.issuer_text
            if c.correction is None and c.id is None:
                c.id = self.registry.resolve(earlier.number, source.issuer, c.date, self.context)
            earlier.own_date, earlier.own_issuer = later.own_date, later.own_issuer

    def date_later_mentions(self, hits: list[_Hit]) -> None:
        """A number cited again without a date ("Kết luận số 169-KL/TW … nêu trên") is the
        document its earlier dated citation in the same text names: it takes that date (and
        the issuer when it names none), when the earlier citations agree on one reading."""
        dated: dict[str, list[Citation]] = {}
        for hit in hits:
            c = hit.citation
            if not c.number or hit.number is None:
                continue
            if c.date is not None:
                dated.setdefault(c.number, []).append(c)
                continue
            earlier = dated.get(c.number, [])
            readings = {(e.date, e.issuer) for e in earlier}
            if len(readings) != 1 or c.issuer not in (None, earlier[-1].issuer):
                continue
            source = earlier[-1]
            c.date, c.issuer = source.date, source.issuer
            c.issuer_text = c.issuer_text or source.issuer_text
            if c.correction is None and c.id is None:
                c.id = source.id

    def correct(
        self, number: Number, date: PartialDate | None, doc_id: str | None
    ) -> tuple[str | None, Correction | None]:
        """A known misquote of a registry document (trich_dan_sai), or a normative number
        written without its year while the date gives it: (resolved id, correction)."""
        found = self.registry.misquoted(number.canonical, date)
        if found is not None and doc_id in (None, found[0].id):
            doc, _ = found
            written = _shown(number.canonical, date)
            right = _shown(canonical_number(doc.number or ""), doc.issued)
            return doc.id, Correction(
                "misquoted-citation",
                canonical_number(doc.number) if doc.number else None,
                doc.issued,
                f"văn bản dẫn ghi «{written}», đúng là «{right}»",
            )
        if (
            number.year is None
            and number.kind == "admin"
            and number.type_abbr in tables.NORMATIVE_TYPE_ABBREVIATIONS
            and date is not None
            and date.year is not None
        ):
            symbol = "-".join((number.type_abbr, *number.issuer_parts))
            proposed = parse_number(number.serial, str(date.year), symbol)
            message = (
                f"số «{number.canonical}» thiếu năm ban hành; theo ngày ban hành có lẽ là "
                f"«{proposed.canonical}»"
            )
            if doc_id is None and len(self.registry.by_number.get(proposed.canonical, [])) == 1:
                doc_id = self.registry.by_number[proposed.canonical][0].id
            return doc_id, Correction("number-missing-year", proposed.canonical, None, message)
        return doc_id, None

    # -- laws cited by name -----------------------------------------------------------------

    def laws_by_name(self) -> list[_Hit]:
        hits = []
        s = self.s
        for m in _LAW_NAME_RE.finditer(s):
            if m.start() and (s[m.start() - 1].isalnum() or s[m.start() - 1] == "_"):
                continue
            words = m.group("name").strip()
            if not (words[0].isupper() or words.lower().startswith("sửa đổi")):
                continue
            if m.group("y1"):
                date = make_date(m.group("d1"), m.group("m1"), m.group("y1"))
            elif m.group("y3"):
                if words.rsplit(" ", 1)[-1].lower() in tables.LAW_YEAR_BLOCKERS:
                    continue
                date = make_date(None, None, m.group("y3"))
            else:
                date = make_date(m.group("d2"), m.group("m2"), m.group("y2"))
            name_end, law_end = m.end("name"), m.end()
            stop = _LAW_NAME_STOP.search(s, m.start("name"), m.end("name"))
            if stop:
                # "Luật A đã được sửa đổi, bổ sung ngày …": the date is the amending law's.
                words = s[m.start("name") : stop.start()].strip()
                name_end = law_end = stop.start()
                date = None
                if not words:
                    continue
            # Several laws named before one date ("Luật A và Luật B ngày …"): each is cited
            # with that date, unless the words make it one amending law of them all.
            names = [(m.start(), m.group("type"))]
            if not words.lower().startswith(tables.AMENDING_WORDS):
                names += [
                    (n.start("type"), n.group("type"))
                    for n in _NEXT_LAW_RE.finditer(s, m.start("name"), m.end("name"))
                    if s[n.end()].isupper()
                ]
            warnings = []
            if len(names) > 1 and any(w in words.lower() for w in tables.AMENDING_WORDS):
                warnings.append(
                    "tên viết gộp nhiều luật: đây là một luật sửa đổi, bổ sung các luật được "
                    "nêu (ngày là của luật sửa đổi), không phải các luật đó; cần ghi tên chính thức"
                )
                names = names[:1]
            ends = [_name_end(s, start) for start, _ in names[1:]] + [name_end]
            for (start, written), each_end in zip(names, ends, strict=True):
                last = each_end == name_end
                type_name = canonical_type(written)
                name = f"{type_name} {s[start + len(written) : each_end].strip()}"
                issuer = "uy-ban-thuong-vu-quoc-hoi" if type_name == "Pháp lệnh" else "quoc-hoi"
                end = law_end if last else each_end
                citation = self.make(
                    start,
                    end,
                    kind="legal",
                    type=type_name,
                    number=None,
                    name=name,
                    issuer=issuer,
                    issuer_text=None,
                    date=date,
                    id=self.registry.resolve_name(type_name, name, date),
                    warnings=list(warnings),
                )
                hits.append(_Hit(start, end, end, citation))
        return hits

    # -- short forms and aliases ------------------------------------------------------------

    def short_forms(self, hits: list[_Hit]) -> list[_Hit]:
        s = self.s
        out: list[_Hit] = []
        full = [h for h in hits if h.serial and h.citation.type]
        aliases: list[tuple[str, _Hit, int]] = []  # (alias, antecedent, defined at)
        if "tắt là" in s or "gọi là" in s:
            for m in _ALIAS_RE.finditer(s):
                before = [h for h in full if h.tail <= m.start() and m.start() - h.tail <= 300]
                if before and _document_alias(m.group("alias").strip()):
                    aliases.append((m.group("alias").strip(), before[-1], m.end()))
                    self.alias_defs.append(m.span())
        taken = [(h.start, h.end) for h in hits] + self.alias_defs
        by_serial: dict[str, list[_Hit]] = {}
        for h in full:
            by_serial.setdefault(h.serial.lstrip("0") or "0", []).append(h)
        for serial, antecedents_of_serial in by_serial.items():
            first = min(h.end for h in antecedents_of_serial)
            position = s.find(serial, first)
            while position != -1:
                m = _SHORT_RE.match(s, position - 1) if position else None
                position = s.find(serial, position + len(serial))
                if m is None or (m.group("serial").lstrip("0") or "0") != serial:
                    continue
                serial_start = m.start("serial")
                tm = _SHORT_TYPE_RE.search(s[max(0, serial_start - 24) : serial_start])
                if tm is None:
                    continue
                start = serial_start - (
                    len(s[max(0, serial_start - 24) : serial_start]) - tm.start()
                )
                end = m.end("serial")
                if any(a < end and start < b for a, b in taken):
                    continue
                type_name = canonical_type(tm.group("type"))
                antecedents = [
                    h
                    for h in antecedents_of_serial
                    if h.end <= start and h.citation.type == type_name
                ]
                if antecedents:
                    out.append(self.copy(antecedents[-1], start, end))
        for alias, antecedent, defined in aliases:
            for m in re.finditer(rf"(?<![^\W\d_]){re.escape(alias)}(?![^\W\d_])", s[defined:]):
                start, end = defined + m.start(), defined + m.end()
                if any(a < end and start < b for a, b in taken):
                    continue
                out.append(self.copy(antecedent, start, end))
        return out

    def year_forms(self, full: list[_Hit]) -> list[_Hit]:
        """Numbers written with their year but without the symbol ("Nghị định 61/2018"): the
        earlier full citation of that number and type, when there is exactly one; otherwise
        an unresolved citation with a warning (the symbol is never guessed)."""
        s = self.s
        out: list[_Hit] = []
        for m in _YEAR_SLASH_RE.finditer(s):
            sm = _YEAR_SERIAL_RE.search(s, max(0, m.start() - 9), m.start())
            if sm is None:
                continue
            serial_start = sm.start("serial")
            if serial_start and s[serial_start - 1] in "/.,-":
                continue
            tm = _SHORT_TYPE_RE.search(s, max(0, serial_start - 24), serial_start)
            if tm is None:
                continue
            serial, year = sm.group("serial").lower(), int(m.group("year"))
            if re.fullmatch(r"(?:19|20)\d\d", serial) and int(serial) < year:
                continue  # a period ("giai đoạn 2021/2025"), not a number
            start, end = tm.start("type"), m.end()
            if any(a <= self.ct.to_original(start) < b for a, b in self.excluded):
                continue
            type_name = canonical_type(tm.group("type"))
            if type_name in tables.GENERIC_TYPE_WORDS:
                type_name = None
            antecedents = [
                h
                for h in full
                if h.end <= start
                and h.year == year
                and (h.serial.lstrip("0") or "0") == (serial.lstrip("0") or "0")
                and type_name in (None, h.citation.type)
            ]
            numbers = sorted({h.citation.number for h in antecedents})
            if len(numbers) == 1:
                out.append(self.copy(antecedents[-1], start, end))
                continue
            written = " ".join(s[sm.start("serial") : end].split())
            if numbers:
                warning = (
                    f"số «{written}» thiếu ký hiệu và khớp nhiều văn bản đã dẫn trước đó "
                    f"({', '.join(numbers)}): chưa xác định được văn bản"
                )
            else:
                warning = (
                    f"số «{written}» thiếu ký hiệu và chưa được dẫn đầy đủ trước đó: "
                    "chưa xác định được văn bản"
                )
            date, pos, _ = _parse_date(s, end)
            issuer_id = issuer_text = None
            im = _ISSUER_RE.match(s, pos)
            if im:
                organ, level, place, istart, iend = _issuer_at(im, s)
                issuer_text = s[istart:iend]
                issuer_id = self.registry.resolve_issuer(organ, level, place, self.context)
            citation = self.make(
                start,
                end,
                kind="legal",
                type=type_name,
                number=None,
                issuer=issuer_id or issuer_text,
                issuer_text=issuer_text,
                date=date,
                id=None,
                warnings=[warning],
            )
            out.append(_Hit(start, end, end, citation))
        return out

    def copy(self, antecedent: _Hit, start: int, end: int) -> _Hit:
        c = antecedent.citation
        citation = self.make(
            start,
            end,
            kind=c.kind,
            type=c.type,
            number=c.number,
            name=c.name,
            issuer=c.issuer,
            issuer_text=c.issuer_text,
            date=c.date,
            id=c.id,
        )
        return _Hit(start, end, end, citation)


def _document_alias(alias: str) -> bool:
    """Whether an alias can stand for a cited document: it starts with a capital and is more
    than a bare type word ("Chỉ thị số 09", "Nghị quyết 52" — not "Chương trình", which the
    text goes on using for its own subject, nor "cơ quan, đơn vị")."""
    return alias[:1].isupper() and canonical_type(alias) not in tables.DOC_TYPES


def _direct_type(tail: str) -> tuple[str, int] | None:
    """``_DIRECT_RE.search(tail)``'s type word, and how far before the end of ``tail`` it
    starts."""
    match = _DIRECT_REVERSED.match(tail[::-1])
    return (match["type"][::-1], match.end("type")) if match else None


def _symbol_tail(m: re.Match) -> str | None:
    """The symbol of a matched number as written after the serial ("KL/TW", "QĐ-UBND")."""
    if m.group("ptype"):
        return f"{m.group('ptype')}/{m.group('piss')}"
    return m.group("sym")


def _shown(number: str, date: PartialDate | None) -> str:
    return f"{number} {date.vietnamese()}" if date else number


def _name_end(s: str, next_law: int) -> int:
    """Where the name before another law's type word ends (before its ", " or " và ")."""
    head = s[:next_law].rstrip()
    if head.endswith(" và"):
        head = head[:-3]
    return len(head.rstrip(" ,"))


def _preamble_ranges(text: str) -> list[tuple[int, int]]:
    """Original spans of the opening "Căn cứ …" / "Thực hiện …" clauses before heading I."""
    heading = _HEADING_I.search(text)
    limit = heading.start() if heading else min(len(text), 3000)
    out = []
    for m in _PREAMBLE_START.finditer(text, 0, limit):
        if out and m.start() < out[-1][1]:
            continue
        end = _CLAUSE_END.search(text, m.end(), limit)
        out.append((m.start(), end.end() if end else limit))
    return out


def _self_references(text: str, ct: CleanText | None) -> list[SelfReference]:
    """``ct``: the cleaned text, when there is one already (else cleaned if needed)."""
    refs: list[SelfReference] = []
    heading = _HEADING_I.search(text)
    limit = heading.start() if heading else min(len(text), 2000)
    for m in _HEADER_RE.finditer(text, 0, limit):
        rest = m.group("rest")
        cleaned_rest = clean(rest)
        cleaned = cleaned_rest.text.strip()
        full = NUMBER_RE.fullmatch(cleaned)
        lead = None if full else NUMBER_RE.match(cleaned)
        if lead and _INLINE_HEADER_TAIL.match(cleaned, lead.end()):
            full = lead
            rest = rest[: cleaned_rest.to_original(lead.end())]
        if not full and not _BLANK_NUMBER_RE.match(cleaned):
            continue
        date = None
        after = m.start("rest") + len(rest)
        dm = _HEADER_DATE_RE.search(text, after, after + 300)
        if dm:
            date = make_date(dm.group("d"), dm.group("m"), dm.group("y"))
        start = m.start() + len(m.group()) - len(m.group().lstrip(" \t*_#>|"))
        end = m.start("rest") + len(rest.rstrip())
        refs.append(
            SelfReference(
                (start, end),
                text[start:end],
                number_from_match(full).canonical if full else None,
                date,
                "header",
            )
        )
        break
    # An appendix caption is in brackets; cleaning neither adds nor removes one.
    if "(" in text:
        ct = ct or clean(text)
        for m in _APPENDIX_RE.finditer(ct.text):
            body = m.group("body")
            if not re.match(rf"(?i:{TYPE_WORDS})(?![^\W\d_])", body):
                continue
            nm = NUMBER_RE.search(body)
            dm = _LOOSE_DATE_RE.search(body)
            date = make_date(dm.group("d"), dm.group("m"), dm.group("y")) if dm else None
            a, b = ct.span_to_original(m.start(), m.end())
            refs.append(
                SelfReference(
                    (a, b),
                    text[a:b],
                    canonical_number(nm.group()) if nm else None,
                    date,
                    "appendix",
                )
            )
    return refs


def find_self_references(text: str) -> list[SelfReference]:
    """The document's own number in its header and in appendix captions: not citations."""
    return _self_references(text, None)


def find_citations(
    text: str, registry: Registry | None = None, context: CitingContext | None = None
) -> list[Citation]:
    """Every citation in ``text``, in order, with spans into ``text`` as given."""
    if not text:
        return []
    return _Finder(text, registry, context).run()
