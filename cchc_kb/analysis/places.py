"""Data-quality findings about names in a plan: places that do not match the issuing body,
an issuing body that no longer existed on the plan's date, a unit written two ways.

Each finding gives the file, the line, the offending text quoted and a plain Vietnamese
explanation, so a person can fix the record or note that the source is wrong.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from ..cite.patterns import any_case
from ..corpus import Corpus
from ..model.models import Agency, Diagnostic, PartialDate, Plan
from ..model.slug import ascii_fold
from .validity import on_or_before

# Administrative unit words that introduce a place name, longest first ("thị xã" before "xã").
PLACE_MARKERS: tuple[str, ...] = (
    "thành phố", "thị trấn", "thị xã", "phường", "huyện", "quận", "tỉnh", "xã",
)  # fmt: skip
# Abbreviations that name the same unit as their full form.
UNIT_ABBREVIATIONS: dict[str, str] = {
    "UBND": "Ủy ban nhân dân",
    "HĐND": "Hội đồng nhân dân",
    "TP.": "thành phố",
}

_WORD = r"[^\W\d_][\w]*"
# A marker in any case, not after a letter (checked once its first letter has matched).
_NOT_AFTER_LETTER = r"(?<!\w.)"
PLACE = re.compile(
    rf"(?P<marker>{any_case(PLACE_MARKERS, after_first=_NOT_AFTER_LETTER)})"
    rf"\s+(?P<name>{_WORD}(?:[ \t]+{_WORD}){{0,3}})"
)
WORD_SPLIT = re.compile(f"({_WORD})")
_WORD_RE = re.compile(_WORD)
_is_word_character = re.compile(r"\w").match
_is_letter = re.compile(r"[^\W\d_]").match

# Splitting every body into words and folding each (``_misspelt_word_by_word``) took half of
# the findings' time. Where every word character of a body is one of these, each folds to one
# character, so a name's folded spelling can be searched for directly: a class of the
# characters folding to each of its letters. Vietnamese is written in these blocks.
_LATIN_BLOCKS = ((0x0000, 0x024F), (0x1E00, 0x1EFF))


def _folding_classes() -> tuple[dict[str, str], re.Pattern]:
    """Folded character -> the word characters of ``_LATIN_BLOCKS`` that fold to it alone; and
    a pattern of any other word character."""
    folding_to: dict[str, list[str]] = {}
    kept: list[int] = []
    for low, high in _LATIN_BLOCKS:
        for code in range(low, high + 1):
            ch = chr(code)
            folded = ascii_fold(ch).casefold()
            if _is_word_character(ch) and len(folded) == 1:
                folding_to.setdefault(folded, []).append(ch)
                kept.append(code)
    ranges, first = [], None
    for index, code in enumerate(kept):
        if first is None:
            first = code
        if index + 1 == len(kept) or kept[index + 1] != code + 1:
            ranges.append(f"\\U{first:08x}-\\U{code:08x}")
            first = None
    other = re.compile(f"[^\\W{''.join(ranges)}]")
    return {folded: "".join(chars) for folded, chars in folding_to.items()}, other


_FOLDING_TO, _UNFOLDED_WORD_CHARACTER = _folding_classes()


@lru_cache(maxsize=1 << 12)
def _folded_pattern(name: str) -> re.Pattern | None:
    """Runs of words folding as ``name``'s words do (None if no word can): each word's
    letters from ``_FOLDING_TO`` (its first one a letter, not a digit), words whole, joined by
    any gap without a letter."""
    words = []
    for word in name.split():
        folded = _fold(word)
        classes = []
        for index, ch in enumerate(folded):
            chars = _FOLDING_TO.get(ch, "")
            if index == 0:
                chars = "".join(c for c in chars if _is_letter(c))
            if not chars:
                return None
            classes.append(f"[{re.escape(chars)}]")
        if not classes:
            return None
        words.append("".join(classes) + r"(?!\w)")
    return re.compile(r"\W[\W\d_]*".join(words)) if words else None


def _word_starts_at(text: str, at: int) -> bool:
    """Whether the letter at ``at`` begins a word: the word characters before it (digits, "_")
    hold no letter."""
    before = at - 1
    while before >= 0 and _is_word_character(text[before]):
        if _is_letter(text[before]):
            return False
        before -= 1
    return True


def _capitalised_prefix(words: str) -> str:
    """ "Tiền Tiến cụ thể" -> "Tiền Tiến": a place name is its leading capitalised words."""
    kept = []
    for word in words.split():
        if not word[:1].isupper():
            break
        kept.append(word)
    return " ".join(kept)


def _title_word(word: str) -> bool:
    return word[:1].isupper() and (len(word) == 1 or not word[1:].isupper())


def places_in(text: str) -> Iterator[tuple[int, str, str]]:
    """(offset, marker, name) of every "<marker> <Capitalised Name>" in ``text``: markers in
    lower case or capitalised (not "XÃ HỘI" of the motto), names in title case."""
    for m in PLACE.finditer(text):
        marker = m["marker"]
        if marker != marker.lower() and not _title_word(marker):
            continue
        name = _capitalised_prefix(m["name"])
        if name and all(_title_word(w) for w in name.split()):
            yield m.start(), marker.lower(), name


@lru_cache(maxsize=1 << 12)  # every plan of an agency asks about the same names
def _places_in_name(name: str) -> tuple[tuple[int, str, str], ...]:
    return tuple(places_in(name))


def own_places(chain: list[Agency]) -> dict[str, str]:
    """marker -> name of the issuer and its parents ("xã" -> "Tiền Tiến", "tỉnh" -> …)."""
    out: dict[str, str] = {}
    for agency in chain:
        for _, marker, name in _places_in_name(agency.name):
            out.setdefault(marker, name)
    return out


@lru_cache(maxsize=1 << 16)  # body words repeat from plan to plan
def _fold(text: str) -> str:
    return ascii_fold(text).casefold()


def _line(plan: Plan, offset: int) -> int:
    return plan.body_line + plan.body.count("\n", 0, offset)


def _finding(plan: Plan, line: int, code: str, message: str) -> Diagnostic:
    return Diagnostic(plan.path, line, "warning", code, message)


def _indexes(items: list[str], wanted: str) -> Iterator[int]:
    """Where ``wanted`` is in ``items``, found by the list's own search."""
    k = -1
    while True:
        try:
            k = items.index(wanted, k + 1)
        except ValueError:
            return
        yield k


def misspelt_names(body: str, names: Iterable[str]) -> list[tuple[int, str, str]]:
    """``(offset, text, name)`` of every run of words of ``body`` written as one of ``names``
    but for diacritics or case: its words fold as the name's do, it is not the name in other
    letter case ("TIỀN TIẾN" in a title is right), and each of its words begins with a capital.
    Names in sorted order, each one's runs in the order of the body."""
    if _UNFOLDED_WORD_CHARACTER.search(body):
        return _misspelt_word_by_word(body, names)
    out = []
    for name in sorted(names):
        pattern = _folded_pattern(name)
        if pattern is None:
            continue
        at = 0
        while match := pattern.search(body, at):
            start = at = match.start()
            at += 1
            text = match.group()
            if (
                _word_starts_at(body, start)
                and text.casefold() != name.casefold()
                and all(word[:1].isupper() for word in _WORD_RE.findall(text))
            ):
                out.append((start, text, name))
    return out


def _misspelt_word_by_word(body: str, names: Iterable[str]) -> list[tuple[int, str, str]]:
    """``misspelt_names`` for any text: the body split into words, each word folded."""
    out = []
    # The body as [gap, word, gap, word, …, gap]: word k is parts[2k + 1].
    parts = WORD_SPLIT.split(body)
    words = parts[1::2]
    # Folding is word by word, so a run of words folds like the name only if each word does:
    # look only where the name's first word is, not at every window of the body.
    folded = list(map(_fold, words))
    for name in sorted(names):
        wanted = [_fold(word) for word in name.split()]
        size = len(wanted)
        for k in _indexes(folded, wanted[0]):
            if folded[k : k + size] != wanted:
                continue
            text = "".join(parts[2 * k + 1 : 2 * (k + size)])
            if text.casefold() != name.casefold() and all(
                w[:1].isupper() for w in words[k : k + size]
            ):
                out.append((sum(map(len, parts[: 2 * k + 1])), text, name))
    return out


def place_findings(corpus: Corpus, plan: Plan) -> list[Diagnostic]:
    chain = corpus.agency_chain(plan.issuer)
    own = own_places(chain)
    if not own:
        return []
    issuer_marker = next((m for _, m, _ in _places_in_name(chain[0].name)), None)
    out: list[Diagnostic] = []
    names = set(own.values())
    if plan.place and plan.place not in names:
        for name in names:
            if _fold(plan.place) == _fold(name):
                out.append(
                    _finding(
                        plan, plan.line_of("dia_danh"), "place-name-spelling",
                        f"địa danh «{plan.place}» viết sai dấu: cơ quan ban hành ở «{name}»",
                    )
                )  # fmt: skip
    for offset, text, name in misspelt_names(plan.body, names):
        out.append(
            _finding(
                plan, _line(plan, offset), "place-name-spelling",
                f"«{text}» viết sai dấu: tên đúng là «{name}» (cơ quan ban hành)",
            )
        )  # fmt: skip
    if issuer_marker:
        for offset, marker, name in places_in(plan.body):
            # A single word after the marker is too often the next sentence ("xã Thu thập").
            if len(name.split()) < 2:
                continue
            if marker == issuer_marker and _fold(name) != _fold(own[marker]):
                out.append(
                    _finding(
                        plan, _line(plan, offset), "place-name-other",
                        f"«{marker} {name}» là {marker} khác: kế hoạch này của "
                        f"{marker} {own[marker]}; xem lại có phải chép từ kế hoạch khác",
                    )
                )  # fmt: skip
    return out


def agency_findings(corpus: Corpus, plan: Plan) -> list[Diagnostic]:
    """The issuer had ended (2025 reorganisation) before the plan's date."""
    agency = corpus.agencies.get(plan.issuer)
    on = plan.issued or (PartialDate.of(plan.year) if plan.year else None)
    if agency is None or agency.valid_to is None or on is None:
        return []
    if on_or_before(on, agency.valid_to) is not False:
        return []
    successor = corpus.agencies.get(agency.successor) if agency.successor else None
    then = (
        f"; cơ quan kế thừa: {successor.name} ({successor.id})"
        if successor
        else "; danh mục chưa ghi cơ quan kế thừa"
    )
    return [
        _finding(
            plan, plan.line_of("co_quan_ban_hanh"), "agency-ended",
            f"«{agency.name}» đã thôi hoạt động từ sau {agency.valid_to.vietnamese()}, "
            f"trước ngày của kế hoạch ({on.vietnamese()}){then}",
        )
    ]  # fmt: skip


def _whole_words(text: str) -> re.Pattern:
    return re.compile(rf"(?<!\w){re.escape(text)}(?!\w)", re.IGNORECASE)


# Each unit word written one way (a pattern) and the other way: abbreviation first, then full.
_UNIT_WAYS = [
    ((_whole_words(short), full), (_whole_words(full), short))
    for short, full in UNIT_ABBREVIATIONS.items()
]


_BRACKETED = re.compile(r"\(.*?\)")
_SPACED_BRACKETED = re.compile(r"\s*\(.*?\)\s*")
_WORDS = re.compile(r"\w+")


def unit_key(name: str) -> str:
    """A unit's name compared without case, abbreviations or the note in brackets."""
    text = _BRACKETED.sub("", name)
    for (short, full), _ in _UNIT_WAYS:
        text = short.sub(full, text)
    return " ".join(_WORDS.findall(text.casefold()))


def abbreviation_forms(name: str) -> list[str]:
    """The other ways of writing ``name``: "UBND thành phố" -> ["Ủy ban nhân dân thành phố"]."""
    forms = []
    for ways in _UNIT_WAYS:
        for pattern, other in ways:
            if pattern.search(name):
                forms.append(pattern.sub(other, name))
    return forms


@lru_cache(maxsize=1 << 12)  # recipients repeat from plan to plan
def _written_as(form: str) -> re.Pattern:
    """``form`` as a text may write it: any case, any spaces between its words."""
    return re.compile(
        r"(?<!\w)" + r"\s+".join(map(re.escape, form.split())) + r"(?!\w)", re.IGNORECASE
    )


def naming_findings(plan: Plan) -> list[Diagnostic]:
    """A recipient written two ways: in "Nơi nhận" itself, or there and in the text."""
    out: list[Diagnostic] = []
    seen: dict[str, str] = {}
    for recipient in plan.recipients:
        core = _SPACED_BRACKETED.sub(" ", recipient).strip(" ;,.")
        key = unit_key(core)
        if len(key.split()) < 2:
            continue
        if key in seen and seen[key] != core:
            out.append(
                _finding(
                    plan, plan.line_of("noi_nhan"), "name-two-ways",
                    f"«{core}» và «{seen[key]}» là một nơi nhận viết hai cách",
                )
            )  # fmt: skip
        seen.setdefault(key, core)
    for core in seen.values():
        for form in abbreviation_forms(core):
            for m in _written_as(form).finditer(plan.body):
                out.append(
                    _finding(
                        plan, _line(plan, m.start()), "name-two-ways",
                        f"«{m.group()}» trong văn bản, «{core}» ở nơi nhận: một đơn vị viết "
                        "hai cách (viết tắt và viết đủ)",
                    )
                )  # fmt: skip
    return out


def plan_findings(corpus: Corpus, plan: Plan) -> list[Diagnostic]:
    """Every name finding of one plan (none for a stub, which has no text)."""
    if plan.stub:
        return []
    return [
        *place_findings(corpus, plan),
        *agency_findings(corpus, plan),
        *naming_findings(plan),
    ]


def findings(corpus: Corpus) -> list[Diagnostic]:
    """Every name finding of every plan with a text, in file order."""
    out: list[Diagnostic] = []
    for plan in sorted(corpus.plans.values(), key=lambda p: p.path):
        out += plan_findings(corpus, plan)
    return out
