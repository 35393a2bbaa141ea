"""The regular expressions of numbers and symbols, compiled from the tables.

Shared by the finder (which searches texts with them) and the normaliser (which reads a
number written on its own), so neither has to import the other.
"""

from __future__ import annotations

import re

from . import tables


def alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def any_case(words, after_first: str = "") -> str:
    """The words in any case, as ``(?i:…)`` reads them, in a form the regex engine searches
    fast: each branch begins with one literal letter, so the engine skips to the letters that
    can begin a match. ``(?i:…)`` (or a first letter in a class) makes it try every branch at
    every character: five times slower on a plan's body. ``after_first`` goes right after the
    first letter: a look-behind placed there (``(?<!\\w.)``, "not after a letter") keeps the
    skipping that one at the start would lose. Only for letters whose cases are their
    ``lower()`` and ``upper()`` (tested: every letter the tables use here). Branches keep the
    order of ``words``: put a word before any word it begins with."""

    def cases(ch: str) -> str:
        both = "".join(dict.fromkeys((ch.lower(), ch.upper())))
        return re.escape(ch) if len(both) == 1 else f"[{both}]"

    return "|".join(
        f"{re.escape(first)}{after_first}{''.join(map(cases, word[1:]))}"
        for word in dict.fromkeys(words)
        for first in dict.fromkeys((word[0].lower(), word[0].upper()))
    )


def with_plain_d(parts) -> list[str]:
    """Known symbol parts, plus their spelling with Đ typed as D ("NĐ" -> "ND")."""
    return [variant for part in parts for variant in {part, part.replace("Đ", "D")}]


TYPE_WORDS_LONGEST_FIRST = sorted(
    {*tables.DOC_TYPES, *tables.TYPE_WORD_VARIANTS}, key=lambda w: (-len(w), w)
)
TYPE_WORDS = alternation(TYPE_WORDS_LONGEST_FIRST)
# The end of a word, or a lower-case word glued to it when a space was lost ("UBNDngày").
END = rf"(?:(?![^\W\d_])|(?=(?:{alternation(tables.GLUED_WORDS)})(?![^\W\d_])))"
# A symbol part; "TT.HĐND" (Thường trực HĐND) keeps its inner dot, a sentence's final dot never.
PART = rf"[A-ZĐ][A-Za-zĐđ&]*(?:\.[A-ZĐ][A-ZĐ&]+)?\d{{0,2}}{END}"
# A known part in any case, for the lower-case symbols of OCR ("61/2018/nđ-cp"); lower-case
# parts are only read at the start of a symbol or right after a hyphen.
ANY_CASE_PART = (
    "(?i:"
    + alternation(
        with_plain_d(
            [
                *tables.TYPE_ABBREVIATIONS,
                *tables.CENTRAL_ISSUER_ABBREVIATIONS,
                *tables.LOCAL_ISSUER_ABBREVIATIONS,
                *tables.PARTY_ISSUERS,
                *tables.OTHER_SYMBOL_PARTS,
            ]
        )
    )
    + rf")\d{{0,2}}{END}"
)
SPACED_PARTS = alternation(
    [
        *tables.CENTRAL_ISSUER_ABBREVIATIONS,
        *(k for k in tables.LOCAL_ISSUER_ABBREVIATIONS if len(k) > 2),
        *tables.PARTY_ISSUERS,
    ]
)

# The master regex: a number in the state format (serial[/year]/SYMBOL) or the party format
# (serial-TYPE/ISSUER), tolerant of the stray spaces and lost hyphens of real texts.
NUMBER_RE = re.compile(
    rf"""(?P<num>\d{{1,6}}[a-zA-Z]?)
    (?:
        (?:\ ?-\ ?|\ )(?P<ptype>{PART}|{ANY_CASE_PART})\ ?/\ ?
            (?P<piss>(?:{PART}|{ANY_CASE_PART})(?:\ ?-\ ?{PART})*)
      |
        (?:\ ?/\ ?(?P<year>(?:19|20)\d\d))?\ ?/\ ?
        (?P<sym>(?:{PART}|{ANY_CASE_PART})
            (?:\ ?-\ ?{PART}|-{ANY_CASE_PART}|\ (?:{SPACED_PARTS}){END})*)
    )""",
    re.VERBOSE,
)
