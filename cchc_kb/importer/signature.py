"""The signature block (Điều 8.2, NĐ 30/2020: KT./TM./Q./TL./TUQ. + chức danh + họ tên) and
the "Nơi nhận" list at the end of a document."""

from __future__ import annotations

import re

from ..cite.tables import DOC_TYPES
from .lines import LIST_ITEM, find_line, is_upper, strip_markup

# Signing forms (Điều 8.2 of Nghị định 30/2020/NĐ-CP).
SIGNING_PREFIXES: tuple[str, ...] = ("KT", "TM", "Q", "TL", "TUQ")

SIGNING = re.compile(r"^(?P<prefix>" + "|".join(SIGNING_PREFIXES) + r")\.\s*(?P<rest>\S.*)$")
RECIPIENTS_HEAD = re.compile(r"^Nơi nhận\s*:?$", re.IGNORECASE)
# "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH": the most title lines a signature has.
SIGNATURE_MAX_TITLES = 3
# Document types as a title line prints them: where a signature block has certainly ended.
TYPE_LINES = frozenset(t.upper() for t in DOC_TYPES)

# Side by side, "Nơi nhận" on the left and the signature on the right, flattened into one line
# each (a PDF's text layer, a two-column table as text).
RECIPIENTS_HEAD_AND_MORE = re.compile(r"^(?P<head>Nơi nhận\s*:?)\s*(?P<rest>.*)$", re.IGNORECASE)
# Two columns apart: a run of spaces, a tab, or a table's cell border.
COLUMN_GAP = re.compile(r"\s{2,}|\t|\s*\|\s*")
# Where a recipient ends on a flattened line and the right column's text may begin.
ITEM_END = re.compile(r"[;.,)](?=\s+\S)")
# Lines looked at past "Nơi nhận" for the rest of the two columns.
SIDE_BY_SIDE_MAX_LINES = 40


def title_case_position(line: str) -> str:
    """ "PHÓ GIÁM ĐỐC" -> "Phó Giám đốc"; "ỦY BAN NHÂN DÂN" -> "Ủy ban nhân dân"."""
    text = line.strip().lower()
    text = text[:1].upper() + text[1:]
    if text.startswith("Phó ") and len(text) > 4:
        text = text[:4] + text[4].upper() + text[5:]
    return text


def signer_title(prefix: str, lines: list[str]) -> str:
    """("KT", ["GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]) -> "KT. Giám đốc, Phó Giám đốc"; a second signing
    form keeps its prefix ("TM. Ủy ban nhân dân, KT. Chủ tịch, Phó Chủ tịch")."""
    parts = []
    for line in lines:
        m = SIGNING.match(line)
        parts.append(
            f"{m['prefix']}. {title_case_position(m['rest'])}" if m else title_case_position(line)
        )
    return f"{prefix}. " + ", ".join(parts)


def recipient(line: str) -> str:
    """ "- UBND tỉnh (để b/c);" -> "UBND tỉnh (để b/c)"."""
    text = strip_markup(line)
    text = LIST_ITEM.sub("", text).strip()
    return text.rstrip(";,. ").strip()


def parse_signature(lines: list[str]) -> tuple[int, int, str | None, str | None] | None:
    """Find "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC / Họ tên": (start, end, chức danh, người ký).

    The block is short: the signing form, at most ``SIGNATURE_MAX_TITLES`` lines of titles in
    all, then the name. A document type in capitals ("KẾ HOẠCH" of an issued plan that follows a
    decision whose name was lost) or a line that cannot be a name ends it without one."""
    for i, line in enumerate(lines):
        m = SIGNING.match(_cell_text(line))
        if not m or not is_upper(m["rest"]):
            continue
        titles = [m["rest"]]
        name = None
        j = i + 1
        while j < len(lines):
            text = _cell_text(lines[j])
            if not text:
                j += 1
                continue
            if text in TYPE_LINES:
                break
            if (is_position(text) or is_signing(text)) and len(titles) < SIGNATURE_MAX_TITLES:
                titles.append(text)
                j += 1
                continue
            if _could_be_name(text):
                name = text
                j += 1
            break
        return i, j, signer_title(m["prefix"], titles), name
    return None


def _cell_text(line: str) -> str:
    """A line's text without markup or the cell borders of a table printed as text."""
    return strip_markup(line).strip("| ").strip()


def _could_be_name(text: str) -> bool:
    """The signer's name as printed: capitalised words, or at least no sentence or number."""
    if is_person_name(text):
        return True
    return not is_upper(text) and len(text.split()) <= 6 and not re.search(r"[\d()/:;]", text)


def parse_recipients(lines: list[str]) -> tuple[int, int, list[str]] | None:
    """Find "Nơi nhận:" and its list: (start, end, one item per line)."""
    start = find_line(lines, lambda t: bool(RECIPIENTS_HEAD.match(t)))
    if start is None:
        return None
    items: list[str] = []
    end = start + 1
    for j in range(start + 1, len(lines)):
        text = strip_markup(lines[j])
        if not text:
            continue
        if not LIST_ITEM.match(text):
            break
        items.append(recipient(text))
        end = j + 1
    return start, end, items


def is_person_name(text: str) -> bool:
    """Two to six capitalised words: "Nguyễn Văn Bình", "Hồ Thị Ánh"."""
    words = text.split()
    return 2 <= len(words) <= 6 and all(
        w.isalpha() and w[0].isupper() and (len(w) == 1 or w[1:].islower()) for w in words
    )


def is_signing(text: str) -> bool:
    """ "KT. CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN"."""
    m = SIGNING.match(text)
    return bool(m) and is_upper(m["rest"])


def is_position(text: str) -> bool:
    """A position in capitals ("PHÓ CHỦ TỊCH"), not an abbreviation list ("VT, VP.")."""
    return is_upper(text) and len(text.split()) >= 2 and not re.search(r"[\d.,;:()/]", text)


def _signer_part(text: str) -> bool:
    """Text of the signature column: the signing form, a position or the signer's name."""
    return is_signing(text) or is_position(text) or is_person_name(text)


def split_columns(line: str) -> tuple[str, str]:
    """(recipients column, signature column) of one flattened line; either may be empty."""
    raw = line.replace("**", "").rstrip()
    parts = [part.strip() for part in COLUMN_GAP.split(raw)]
    if len(parts) >= 2:
        item, signer = parts[0], strip_markup(" ".join(p for p in parts[1:] if p))
        if _signer_part(signer):
            return strip_markup(item), signer
    text = strip_markup(raw)
    if not LIST_ITEM.match(text) and _signer_part(text):
        return "", text
    # "- Lưu: VT, VP. PHÓ CHỦ TỊCH": the right column is what follows the item's last stop.
    for m in reversed(list(ITEM_END.finditer(text))):
        tail = text[m.end() :].strip()
        if _signer_part(tail):
            return text[: m.end()].strip(), tail
    return text, ""


def find_last_text(lines: list[str], before: int) -> int | None:
    """Index of the last non-blank line before ``before``."""
    for i in range(before - 1, -1, -1):
        if lines[i].strip():
            return i
    return None


def unfold_side_by_side(lines: list[str]) -> list[str]:
    """Recipients beside the signature, flattened line by line, set one column after the other:
    "Nơi nhận: KT. CHỦ TỊCH" / "- Sở Nội vụ; PHÓ CHỦ TỊCH" / "- Lưu: VT." / "Nguyễn Văn A"
    becomes "Nơi nhận:", the recipients, a blank line, "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH" and the
    name. When no line holds both columns the lines are returned as given."""
    for head, line in enumerate(lines):
        if re.match(r"^Nơi nhận\b", strip_markup(line), re.IGNORECASE):
            unfolded = _unfold_at(lines, head)
            if unfolded is not None:
                return unfolded
    return lines


def _unfold_at(lines: list[str], head: int) -> list[str] | None:
    m = RECIPIENTS_HEAD_AND_MORE.match(strip_markup(lines[head]))
    assert m is not None
    first = strip_markup(m["rest"].lstrip("| "))
    if first and not _signer_part(first):
        return None
    left, right = [m["head"]], [first] if first else []
    side_by_side = bool(first)
    start = head
    above = find_last_text(lines, head)
    if above is not None and is_signing(strip_markup(lines[above])):
        # The signing form printed a line higher than "Nơi nhận".
        right.insert(0, strip_markup(lines[above]))
        start = above
    kept = end = head + 1
    named = bool(right) and is_person_name(right[-1])
    while end < len(lines) and end - head <= SIDE_BY_SIDE_MAX_LINES:
        if not lines[end].strip():
            end += 1
            continue
        item, signer = split_columns(lines[end])
        broken = bool(item) and not LIST_ITEM.match(item) and len(left) > 1
        broken = broken and not left[-1].endswith((";", "."))
        if (item and not LIST_ITEM.match(item) and not broken) or (signer and named):
            break
        if broken:
            left[-1] += " " + item
        elif item:
            left.append(item)
        if signer:
            right.append(signer)
            named = is_person_name(signer)
        side_by_side = side_by_side or bool(item and signer)
        end = kept = end + 1
    if not side_by_side:
        return None
    return [*lines[:start], *left, "", *right, *lines[kept:]]
