"""The citation engine: clean → find → normalise → resolve → annotate.

>>> from cchc_kb.cite import canonical_number
>>> canonical_number("40/2020/NĐCP")
'40/2020/NĐ-CP'
"""

from __future__ import annotations

from .annotate import annotate
from .clean import CleanText, clean
from .find import find_citations, find_self_references, hidden_characters_warning
from .normalize import canonical_number
from .resolve import CitingContext, Registry

__all__ = [
    "CitingContext",
    "CleanText",
    "Registry",
    "annotate",
    "canonical_number",
    "clean",
    "find_citations",
    "find_self_references",
    "hidden_characters_warning",
]
