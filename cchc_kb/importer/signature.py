"""The signature block (Điều 8.2, NĐ 30/2020: KT./TM./Q./TL./TUQ. + chức danh + họ tên) and
the "Nơi nhận" list at the end of a document."""

from __future__ import annotations

import re

from .lines import LIST_ITEM, find_line, is_upper, strip_markup

# Signing forms (Điều 8.2 of Nghị định 30/2020/NĐ-CP).
SIGNING_PREFIXES: tuple[str, ...] = ("KT", "TM", "Q", "TL", "TUQ")

SIGNING = re.compile(r"^(?P<prefix>" + "|".join(SIGNING_PREFIXES) + r")\.\s*(?P<rest>\S.*)$")
RECIPIENTS_HEAD = re.compile(r"^Nơi nhận\s*:?$", re.IGNORECASE)


def title_case_position(line: str) -> str:
    """ "PHÓ GIÁM ĐỐC" -> "Phó Giám đốc"; "ỦY BAN NHÂN DÂN" -> "Ủy ban nhân dân"."""
    text = line.strip().lower()
    text = text[:1].upper() + text[1:]
    if text.startswith("Phó ") and len(text) > 4:
        text = text[:4] + text[4].upper() + text[5:]
    return text


def signer_title(prefix: str, lines: list[str]) -> str:
    """("KT", ["GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]) -> "KT. Giám đốc, Phó Giám đốc"."""
    return f"{prefix}. " + ", ".join(title_case_position(line) for line in lines)


def recipient(line: str) -> str:
    """ "- UBND tỉnh (để b/c);" -> "UBND tỉnh (để b/c)"."""
    text = strip_markup(line)
    text = LIST_ITEM.sub("", text).strip()
    return text.rstrip(";,. ").strip()


def parse_signature(lines: list[str]) -> tuple[int, int, str | None, str | None] | None:
    """Find "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC / Họ tên": (start, end, chức danh, người ký)."""
    for i, line in enumerate(lines):
        m = SIGNING.match(strip_markup(line))
        if not m or not is_upper(m["rest"]):
            continue
        titles = [m["rest"]]
        name = None
        j = i + 1
        while j < len(lines):
            text = strip_markup(lines[j])
            j += 1
            if not text:
                continue
            if is_upper(text):
                titles.append(text)
                continue
            name = text
            break
        return i, j, signer_title(m["prefix"], titles), name
    return None


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


