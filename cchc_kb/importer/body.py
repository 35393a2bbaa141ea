"""The body of a document as Markdown: paragraphs healed, headings from their numbering,
tables kept, the signature block and the recipients set apart."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .header import Header
from .lines import (
    LETTER_ITEM,
    NUMBERED_ITEM,
    ROMAN_ITEM,
    SUBNUMBERED_ITEM,
    ends_sentence,
    is_upper,
    starts_item,
    strip_markup,
)
from .signature import parse_recipients, parse_signature
from .tasks import markdown_table

# Share of mid-sentence line breaks above which a text counts as hard-wrapped (PDF extraction).
HARD_WRAP_RATIO = 0.25
# A numbered line longer than this is a paragraph, not a section heading.
HEADING_MAX_LENGTH = 80

APPENDIX_NOTE = re.compile(r"^\(\s*Kèm theo\b", re.IGNORECASE)


def looks_like_heading(text: str) -> bool:
    """A section title: "I. MỤC ĐÍCH, YÊU CẦU", "1.1. Nội dung tuyên truyền", an all-caps line."""
    if not text:
        return False
    if ROMAN_ITEM.match(text) and is_upper(text):
        return True
    if NUMBERED_ITEM.match(text) and not LETTER_ITEM.match(text):
        return len(text) <= HEADING_MAX_LENGTH and text[-1] not in ".;,"
    return is_upper(text)


def heading_level(text: str) -> int:
    """Level from the numbering: I. -> 2, 1. -> 3, 1.1. -> 4; unnumbered titles -> 2."""
    if ROMAN_ITEM.match(text):
        return 2
    if SUBNUMBERED_ITEM.match(text):
        return 4
    if NUMBERED_ITEM.match(text):
        return 3
    return 2


def is_hard_wrapped(lines: list[str]) -> bool:
    """True when many lines break mid-sentence and go on in lower case: a PDF's layout."""
    texts = [strip_markup(line) for line in lines if line.strip() and "\t" not in line]
    if len(texts) < 4:
        return False
    breaks = sum(
        1
        for prev, cur in zip(texts, texts[1:], strict=False)
        if not ends_sentence(prev) and not looks_like_heading(prev) and cur[:1].islower()
    )
    return breaks / len(texts) >= HARD_WRAP_RATIO


@dataclass
class _Para:
    text: str  # as written, markup kept, lines joined by a space
    heading: bool = False  # marked as a heading in the source (#)
    open_caps: bool = False  # ends with an all-caps line that the next line may continue


def _continues(prev: _Para, line: str, after_blank: bool, hard_wrapped: bool) -> bool:
    """Whether ``line`` goes on with the paragraph ``prev`` rather than starting a new one."""
    plain, prev_plain = strip_markup(line), strip_markup(prev.text)
    if prev.heading:
        return False
    if is_upper(plain):
        # An all-caps title broken over lines with no blank between them.
        return prev.open_caps and not after_blank
    if is_upper(prev_plain):
        return False
    if plain[:1].islower() and not starts_item(plain):
        # Lower case goes on with the sentence unless one clearly ended ("; " often breaks
        # a list item across lines in a PDF).
        return not prev_plain.endswith((".", "!", "?"))
    if ends_sentence(prev_plain):
        return False
    return (
        hard_wrapped
        and not starts_item(plain)
        and not plain.startswith("(")
        and not looks_like_heading(prev_plain)
    )


def _join(lines: list[str], hard_wrapped: bool) -> list[_Para]:
    """Group text lines into paragraphs, joining the lines a layout broke mid-sentence."""
    paras: list[_Para] = []
    after_blank = False
    for raw in lines:
        if not raw.strip():
            after_blank = True
            continue
        marked = bool(re.match(r"^\s*#{1,6}\s", raw))
        line = re.sub(r"^\s*#{1,6}\s+", "", raw).strip()
        caps = is_upper(strip_markup(line))
        if paras and not marked and _continues(paras[-1], line, after_blank, hard_wrapped):
            paras[-1].text += " " + line
            paras[-1].open_caps = caps
        else:
            paras.append(_Para(line, heading=marked, open_caps=caps))
        after_blank = False
    return paras


def _render_paras(paras: list[_Para]) -> list[str]:
    """Headings get their level from the numbering; an all-caps title over "(Kèm theo …)" is
    the appendix's heading; everything else stays as written."""
    blocks = []
    for i, para in enumerate(paras):
        plain = strip_markup(para.text)
        following = strip_markup(paras[i + 1].text) if i + 1 < len(paras) else ""
        numbered = bool(ROMAN_ITEM.match(plain) or NUMBERED_ITEM.match(plain))
        if (
            para.heading
            or (is_upper(plain) and bool(APPENDIX_NOTE.match(following)))
            or (numbered and looks_like_heading(plain))
        ):
            blocks.append("#" * heading_level(plain) + " " + plain)
        else:
            blocks.append(para.text)
    return blocks


def convert_body(lines: list[str], header: Header) -> str:
    """The Markdown body: header as written, then the text with headings, tables, signature."""
    blocks: list[str] = []
    if header.number_text:
        blocks.append(header.number_text)
    if header.date_text:
        blocks.append(header.date_text)
    if header.doc_type:
        title = " ".join([header.doc_type.upper(), *header.title])
        blocks.append(f"**{title}**")

    hard = is_hard_wrapped(lines)
    sig = parse_signature(lines)
    rec = parse_recipients(lines)
    special: dict[int, tuple[int, str]] = {}
    if sig:
        start, end, _, _ = sig
        written = [strip_markup(x) for x in lines[start:end] if strip_markup(x)]
        special[start] = (end, "\n\n".join(f"**{t}**" for t in written))
    if rec:
        start, end, items = rec
        raw_items = [strip_markup(x) for x in lines[start + 1 : end] if strip_markup(x)]
        head = strip_markup(lines[start])
        special[start] = (end, f"**{head}**\n\n" + "\n".join(raw_items))
        del items

    pending: list[str] = []

    def flush() -> None:
        if pending:
            blocks.extend(_render_paras(_join(pending, hard)))
            pending.clear()

    i = 0
    while i < len(lines):
        if i in special:
            flush()
            end, block = special[i]
            blocks.append(block)
            i = end
            continue
        if "\t" in lines[i]:
            flush()
            rows = []
            while i < len(lines) and "\t" in lines[i]:
                rows.append(lines[i].split("\t"))
                i += 1
            blocks.append(markdown_table(rows))
            continue
        pending.append(lines[i])
        i += 1
    flush()
    return "\n\n".join(blocks) + "\n"


