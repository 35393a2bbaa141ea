"""Property-based tests of every function that takes text from outside.

Profiles: ``ci`` (the default: derandomized, so ``make test`` is deterministic, and bounded)
and ``fuzz`` (``HYPOTHESIS_PROFILE=fuzz``, used by ``make fuzz``: many more random examples).
"""

from __future__ import annotations

import codecs
import os
import tempfile
import unicodedata
from pathlib import Path

import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from minirepo import PLAN, PLAN_PATH

from cchc_kb.cite import find_citations
from cchc_kb.model.collation import sort_key
from cchc_kb.model.slug import ID_PATTERN, slugify
from cchc_kb.model.text import UndecodableError, decode, read_text
from cchc_kb.source.repository import load_record

settings.register_profile(
    "ci",
    derandomize=True,
    max_examples=100,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "fuzz", max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

# Any code point, lone surrogates included: text can come from YAML escapes ("\ud800").
ANY_TEXT = st.text(st.characters(codec=None, categories=None))
VIETNAMESE = st.text(
    st.sampled_from(
        "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯ àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợ"
        "ùúủũụừứửữựỳýỷỹỵ0123456789/-.,;:()\n"
    )
)
# Text a person writes: no control characters and no surrogates (the loader reports those).
PRINTABLE = st.text(st.characters(exclude_categories=("Cc", "Cs")), max_size=40)
CITATION_PIECES = st.sampled_from(
    [
        "Căn cứ Nghị định số ",
        "61/2018/NĐ-CP",
        " ngày 23/4/2018 ",
        "Kế hoạch số 02/KH-UBND",
        "Quyết định 3373/QĐ-UBND",
        "Nghị quyết 76/NQ-CP",
        "\u200b",
        "\u00ad",
        "\u202e",
        "Н",
        "²",
        "/",
        "-",
        "\n",
        " của Chính phủ",
        "số",
    ]
)
CITING_TEXT = st.lists(st.one_of(CITATION_PIECES, ANY_TEXT.map(lambda t: t[:6])), max_size=30).map(
    "".join
)


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


# ---------------------------------------------------------------------------------------------
# Collation


@given(ANY_TEXT, ANY_TEXT)
def test_sort_key_compares_any_two_strings(a, b):
    ka, kb = sort_key(a), sort_key(b)
    assert (ka < kb) + (ka == kb) + (ka > kb) == 1
    assert (ka == kb) == (_nfc(a) == _nfc(b))


@given(ANY_TEXT, ANY_TEXT, ANY_TEXT)
def test_sort_key_is_transitive(a, b, c):
    x, y, z = sorted([sort_key(a), sort_key(b), sort_key(c)])
    assert x <= y <= z and x <= z


@given(st.lists(ANY_TEXT, max_size=12), st.randoms(use_true_random=False))
def test_sorting_does_not_depend_on_input_order(items, rng):
    shuffled = list(items)
    rng.shuffle(shuffled)
    assert [_nfc(s) for s in sorted(items, key=sort_key)] == [
        _nfc(s) for s in sorted(shuffled, key=sort_key)
    ]


# ---------------------------------------------------------------------------------------------
# Decoding


@given(st.text())
def test_utf8_with_and_without_bom_round_trips(text):
    for data in (text.encode(), codecs.BOM_UTF8 + text.encode()):
        decoded = decode(data)
        if "\x00" in text and decoded.text != text:
            assert decoded.warning  # NULs every other byte look like UTF-16: a stated guess
            continue
        assert decoded.text == text
        assert decoded.warning is None


@given(st.text().filter(lambda t: not t.startswith("\x00")))
def test_utf16_with_bom_round_trips(text):
    # "\xff\xfe" + U+0000 is the UTF-32-LE BOM: a UTF-16 text starting with NUL is ambiguous.
    for bom, encoding in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        decoded = decode(bom + text.encode(encoding))
        assert (decoded.text, decoded.encoding, decoded.warning) == (text, encoding, None)


TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"


def to_windows_1258(text: str) -> bytes:
    """Windows-1258 as legacy Vietnamese editors wrote it: base letter, then the tone mark."""
    out = bytearray()
    for ch in _nfc(text):
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            tone = "".join(c for c in parts if c in TONE_MARKS)
            base = "".join(c for c in parts if c not in TONE_MARKS)
            out += _nfc(base).encode("cp1258") + tone.encode("cp1258")
    return bytes(out)


@given(VIETNAMESE)
def test_windows_1258_round_trips_with_a_warning(text):
    assume(not text.isascii())
    decoded = decode(to_windows_1258(text))
    assert _nfc(decoded.text) == _nfc(text)
    assert decoded.encoding == "cp1258" and decoded.warning


@given(st.binary(max_size=200))
def test_decode_never_returns_an_unannounced_guess(data):
    try:
        decoded = decode(data)
    except UndecodableError as exc:
        assert exc.line >= 1
        return
    if decoded.warning is None:
        bom = len(data) - len(decoded.text.encode(decoded.encoding))
        assert decoded.text.encode(decoded.encoding) == data[bom:]
        assert decoded.encoding != "cp1258"


def test_short_windows_1258_text_is_vietnamese_not_cp1252_mojibake():
    decoded = decode(to_windows_1258("Kế hoạch số 02/KH-UBND"))
    assert _nfc(decoded.text) == "Kế hoạch số 02/KH-UBND"
    assert decoded.warning and "Windows-1258" in decoded.warning


# ---------------------------------------------------------------------------------------------
# Front-matter written with yaml.safe_dump reads back to the same record

PLAN_STRINGS = {
    "trich_yeu": PRINTABLE.filter(lambda s: s != ""),  # required, minLength 1
    "dia_danh": PRINTABLE,
    "nguoi_ky": PRINTABLE,
    "chuc_danh": PRINTABLE,
    "so_ky_hieu": PRINTABLE.filter(lambda s: s != ""),
}


@given(
    st.fixed_dictionaries(PLAN_STRINGS),
    st.lists(PRINTABLE, max_size=4),
    st.lists(PRINTABLE, max_size=3),
)
def test_front_matter_round_trips_through_the_loader(fields, recipients, notes):
    front = yaml.safe_load(PLAN.split("---\n")[1])
    front.update(fields, noi_nhan=recipients, ghi_chu=notes)
    text = "---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False) + "---\nNội dung.\n"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / Path(PLAN_PATH).name
        path.write_text(text, "utf-8")
        plan, diagnostics = load_record(path, PLAN_PATH, "plan")
    errors = [d for d in diagnostics if d.severity == "error"]
    assert plan is not None and not errors, [d.format() for d in diagnostics]
    normal = {k: _nfc(v).replace("\r\n", "\n").replace("\r", "\n") for k, v in fields.items()}
    assert plan.summary == normal["trich_yeu"]
    assert plan.place == normal["dia_danh"]
    assert plan.signer == normal["nguoi_ky"]
    assert plan.signer_title == normal["chuc_danh"]
    assert plan.number == normal["so_ky_hieu"]
    assert plan.recipients == [_nfc(r) for r in recipients]
    assert plan.notes == [_nfc(n) for n in notes]


# Tab and newline are the control characters a value may hold.
CONTROL = st.characters(categories=("Cc", "Cs"), exclude_characters="\t\n")


@given(st.text(CONTROL, min_size=1, max_size=3), PRINTABLE)
def test_control_characters_in_a_value_are_reported_not_published(bad, around):
    front = yaml.safe_load(PLAN.split("---\n")[1])
    front["trich_yeu"] = around + bad
    dumped = yaml.safe_dump(front, allow_unicode=False, sort_keys=False)  # escapes them
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / Path(PLAN_PATH).name
        path.write_bytes(("---\n" + dumped + "---\nNội dung.\n").encode("utf-8", "surrogatepass"))
        plan, diagnostics = load_record(path, PLAN_PATH, "plan")
    assert any(d.code in ("control-character", "yaml-invalid") for d in diagnostics)
    assert plan is None or bad not in plan.summary


# ---------------------------------------------------------------------------------------------
# Citations and slugs


@given(CITING_TEXT)
def test_find_citations_never_raises_and_spans_index_the_text(text):
    for citation in find_citations(text):
        start, end = citation.span
        assert 0 <= start < end <= len(text)
        assert text[start:end] == citation.text


@given(ANY_TEXT)
def test_slugify_is_an_ascii_id_or_empty(text):
    slug = slugify(text)
    assert slug == "" or ID_PATTERN.match(slug)


@given(st.binary(max_size=300))
def test_read_text_of_any_bytes_is_text_or_a_clear_error(data):
    try:
        text = read_text(data)
    except UndecodableError as exc:
        assert str(exc) and exc.line >= 1
        return
    assert "\r" not in text
