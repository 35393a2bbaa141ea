"""Ways contributors' files go wrong, as a table: each mutation damages one file of a repository
and says where ``cchc check`` must report it.

A mutation takes the repository, the file's path relative to it, a seeded ``random.Random`` and
a folder outside the repository; it changes the file and returns the ``Damage`` expected, or
None when the change is valid input that must simply build (a "²" in an agency's name).
"""

from __future__ import annotations

import codecs
import json
import os
import random
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

MEGABYTE = 1024 * 1024
QUOTES = "'\""
BOMB = (
    'bom_a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x"]\n'
    "bom_b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
    "bom_c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
    "bom_d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
    "bom_e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
    "bom_f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
    "bom_g: [*f, *f, *f, *f, *f, *f, *f, *f, *f]\n"
)
DEEP = "[" * 200 + "]" * 200
INVISIBLE = ("\u200b", "\u00ad", "\u202e", "\u2066", "\ufeff")
LOOKALIKES = {"H": "\u041d", "O": "\u041e", "o": "\u043e", "a": "\u0430", "p": "\u0440"}


@dataclass(frozen=True)
class Damage:
    path: str  # relative to the repository
    codes: frozenset[str]  # any of these codes reports it
    line: int | None = None  # None: any line


Mutation = Callable[[Path, str, random.Random, Path], "Damage | None"]


# -------------------------------------------------------------------------------------------
# Helpers over a Markdown record: lines are 1-based; line 1 is the opening '---'.


def _lines(repo: Path, rel: str) -> list[str]:
    return (repo / rel).read_text("utf-8").split("\n")


def _write(repo: Path, rel: str, lines: list[str]) -> None:
    (repo / rel).write_bytes("\n".join(lines).encode("utf-8", "surrogatepass"))


def _closing(lines: list[str]) -> int:
    """0-based index of the closing '---'."""
    return next(i for i in range(1, len(lines)) if lines[i].strip() == "---")


def _key_line(lines: list[str], keys: tuple[str, ...], rng: random.Random) -> int | None:
    """0-based index of a top-level front-matter line for one of ``keys`` with a value."""
    end = _closing(lines)
    found = [
        i
        for i in range(1, end)
        if re.match(rf"({'|'.join(keys)}): \S", lines[i])
        and lines[i].split(": ", 1)[1] not in ("null", "''")
    ]
    return rng.choice(found) if found else None


def _top_level_position(lines: list[str], rng: random.Random) -> int:
    """0-based index before which a new top-level key can go (not inside a nested block)."""
    end = _closing(lines)
    return rng.choice([i for i in range(1, end + 1) if i == end or re.match(r"[a-z_]+:", lines[i])])


def _body_line(lines: list[str], rng: random.Random, pattern: str = r"\S") -> int:
    """0-based index of a body line matching ``pattern``; one is appended if none does."""
    start = _closing(lines) + 1
    found = [i for i in range(start, len(lines)) if re.search(pattern, lines[i])]
    if found:
        return rng.choice(found)
    lines.append("Nội dung thêm.")
    return len(lines) - 1


def _insert(text: str, rng: random.Random, piece: str) -> str:
    at = rng.randrange(1, len(text)) if len(text) > 1 else len(text)
    return text[:at] + piece + text[at:]


# -------------------------------------------------------------------------------------------
# Record mutations (plans/**.md, legal/*.md)


def truncated_front_matter(repo, rel, rng, outside):
    lines = _lines(repo, rel)
    _write(repo, rel, lines[: rng.randrange(1, _closing(lines))])
    return Damage(rel, frozenset({"front-matter-unclosed"}), 1)


def _set_value(repo: Path, rel: str, rng: random.Random, keys: tuple[str, ...], value: str) -> int:
    """Give one of ``keys`` the YAML ``value``; return its 1-based line."""
    lines = _lines(repo, rel)
    index = _key_line(lines, keys, rng)
    lines[index] = f"{lines[index].split(':')[0]}: {value}"
    _write(repo, rel, lines)
    return index + 1


def wrong_type(repo, rel, rng, outside):
    value = rng.choice(["[1, 2]", "{sai: kieu}", "12.5", "true"])
    line = _set_value(repo, rel, rng, ("loai_van_ban", "co_quan_ban_hanh", "trich_yeu"), value)
    return Damage(rel, frozenset({"invalid-value"}), line)


def unknown_key(repo, rel, rng, outside):
    lines = _lines(repo, rel)
    at = _top_level_position(lines, rng)
    lines.insert(at, "truong_khong_co: gia tri")
    _write(repo, rel, lines)
    return Damage(rel, frozenset({"unknown-field"}), at + 1)


def duplicate_key(repo, rel, rng, outside):
    lines = _lines(repo, rel)
    index = _key_line(lines, ("loai_van_ban", "co_quan_ban_hanh", "trich_yeu", "id"), rng)
    lines.insert(index + 1, lines[index])
    _write(repo, rel, lines)
    return Damage(rel, frozenset({"duplicate-key"}), index + 2)


def nul_in_body(repo, rel, rng, outside):
    lines = _lines(repo, rel)
    index = _body_line(lines, rng)
    lines[index] = _insert(lines[index], rng, rng.choice(["\x00", "\x02", "\x1b"]))
    _write(repo, rel, lines)
    return Damage(rel, frozenset({"control-character"}), index + 1)


def nul_in_front_matter(repo, rel, rng, outside):
    lines = _lines(repo, rel)
    index = _key_line(lines, ("trich_yeu", "loai_van_ban", "id"), rng)
    lines[index] = lines[index] + "\x00"
    _write(repo, rel, lines)
    return Damage(rel, frozenset({"yaml-invalid"}), index + 1)


def invalid_utf8(repo, rel, rng, outside):
    lines = _lines(repo, rel)
    index = _body_line(lines, rng)
    data = "\n".join(lines[:index]).encode() + b"\n\xff\xfe" + "\n".join(lines[index:]).encode()
    (repo / rel).write_bytes(data)
    # Mostly-valid UTF-8 is an error at the bad byte; a file with few non-ASCII letters reads
    # as Windows-1258, with a warning that it is a guess.
    return Damage(rel, frozenset({"unreadable", "encoding-guessed"}))


def lone_surrogate(repo, rel, rng, outside):
    line = _set_value(repo, rel, rng, ("trich_yeu", "loai_van_ban"), '"Văn bản \\ud800 lỗi"')
    # libyaml refuses the escape while parsing; PyYAML's Python parser accepts it and the
    # character check refuses the value: an error at the line either way.
    return Damage(rel, frozenset({"control-character", "yaml-invalid"}), line)


def lone_surrogate_utf16(repo, rel, rng, outside):
    lines = _lines(repo, rel)
    index = _body_line(lines, rng)
    lines[index] = _insert(lines[index], rng, "\ud83d")
    data = codecs.BOM_UTF16_LE + "\n".join(lines).encode("utf-16-le", "surrogatepass")
    (repo / rel).write_bytes(data)
    return Damage(rel, frozenset({"unreadable"}), index + 1)


def invisible_in_front_matter(repo, rel, rng, outside):
    lines = _lines(repo, rel)
    index = _key_line(lines, ("so_ky_hieu", "trich_yeu", "nguoi_ky"), rng)
    key, value = lines[index].split(": ", 1)
    changed = _insert(value.strip(QUOTES), rng, rng.choice(INVISIBLE))
    lines[index] = f"{key}: {json.dumps(changed, ensure_ascii=False)}"
    _write(repo, rel, lines)
    return Damage(rel, frozenset({"invisible-character"}), index + 1)


def invisible_in_body_number(repo, rel, rng, outside):
    lines = _lines(repo, rel)
    index = _body_line(lines, rng, r"\d+/\d{4}/N[ĐD]-CP")
    if not re.search(r"\d+/\d{4}/N[ĐD]-CP", lines[index]):
        lines[index] = "Căn cứ Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ."
    lines[index] = re.sub(
        r"(N[ĐD])(-CP)", lambda m: m[1] + rng.choice(INVISIBLE) + m[2], lines[index], count=1
    )
    _write(repo, rel, lines)
    # Reported once, by the reader, for the line (not again as a citation warning).
    return Damage(rel, frozenset({"invisible-character"}), index + 1)


def lookalike_in_body(repo, rel, rng, outside):
    lines = _lines(repo, rel)
    index = _body_line(lines, rng, "[HOoap]")
    if not re.search("[HOoap]", lines[index]):
        lines[index] = "Căn cứ Nghị định số 61/2018/NĐ-CP của Chính phủ."
    letter = rng.choice([c for c in LOOKALIKES if c in lines[index]])
    lines[index] = lines[index].replace(letter, LOOKALIKES[letter], 1)
    _write(repo, rel, lines)
    return Damage(rel, frozenset({"mixed-script", "citation-warning"}), index + 1)


def lookalike_in_front_matter(repo, rel, rng, outside):
    lines = _lines(repo, rel)
    index = _key_line(lines, ("so_ky_hieu", "trich_yeu", "loai_van_ban"), rng)
    key, value = lines[index].split(": ", 1)
    value = value.strip(QUOTES) + " " + LOOKALIKES[rng.choice(sorted(LOOKALIKES))]
    lines[index] = f"{key}: {json.dumps(value, ensure_ascii=False)}"
    _write(repo, rel, lines)
    return Damage(rel, frozenset({"mixed-script"}), index + 1)


def megabyte_line(repo, rel, rng, outside):
    lines = _lines(repo, rel)
    lines.append("Dòng dán nhầm " + "x" * MEGABYTE)
    _write(repo, rel, lines)
    return Damage(rel, frozenset({"line-too-long"}), len(lines))


def markup_flood(repo, rel, rng, outside):
    """Unclosed brackets that make Python-Markdown rescan a paragraph for each of them."""
    lines = _lines(repo, rel)
    at = _body_line(lines, rng)
    flood = rng.choice(["[" * 20000, "![" * 5000, "[a](" * 3000, "<a " * 5000])
    lines[at:at] = ["", flood, ""]
    _write(repo, rel, lines)
    return Damage(rel, frozenset({"markup-too-complex"}), at + 2)


def alias_bomb(repo, rel, rng, outside):
    lines = _lines(repo, rel)
    bomb = BOMB.rstrip("\n").split("\n")
    lines[1:1] = bomb
    _write(repo, rel, lines)
    return Damage(rel, frozenset({"yaml-too-large"}))


def deep_nesting(repo, rel, rng, outside):
    lines = _lines(repo, rel)
    at = _top_level_position(lines, rng)
    lines.insert(at, f"sau: {DEEP}")
    _write(repo, rel, lines)
    return Damage(rel, frozenset({"yaml-too-deep"}), at + 1)


def empty_file(repo, rel, rng, outside):
    (repo / rel).write_bytes(b"")
    return Damage(rel, frozenset({"front-matter-missing"}), 1)


def directory(repo, rel, rng, outside):
    (repo / rel).unlink()
    (repo / rel).mkdir()
    (repo / rel / "ghi-chu.txt").write_text("thư mục đặt tên như một kế hoạch", "utf-8")
    return Damage(rel, frozenset({"not-a-file"}), 1)


def symlink_outside(repo, rel, rng, outside):
    """The link points at a valid copy whose summary carries a marker that must not appear."""
    target = outside / f"ngoai-{rng.randrange(10**9)}.md"
    text = (repo / rel).read_text("utf-8")
    target.write_text(text.replace("\n---\n", "\nghi_chu: [BI-MAT-NGOAI-KHO]\n---\n", 1), "utf-8")
    (repo / rel).unlink()
    os.symlink(target, repo / rel)
    return Damage(rel, frozenset({"symlink-outside"}), 1)


RECORD_MUTATIONS: dict[str, Mutation] = {
    f.__name__: f
    for f in (
        truncated_front_matter,
        wrong_type,
        unknown_key,
        duplicate_key,
        nul_in_body,
        nul_in_front_matter,
        invalid_utf8,
        lone_surrogate,
        lone_surrogate_utf16,
        invisible_in_front_matter,
        invisible_in_body_number,
        lookalike_in_body,
        lookalike_in_front_matter,
        megabyte_line,
        markup_flood,
        alias_bomb,
        deep_nesting,
        empty_file,
        directory,
        symlink_outside,
    )
}


# -------------------------------------------------------------------------------------------
# Agency registry mutations (plans/agencies.yml): items start with "- id:".


def _item_line(lines: list[str], key: str, rng: random.Random) -> int:
    found = [i for i, line in enumerate(lines) if re.match(rf"(- |  ){key}: \S", line)]
    return rng.choice(found)


def _rename(lines: list[str], index: int, change: Callable[[str], str]) -> None:
    """Rewrite the ``ten:`` value at ``index`` as a double-quoted YAML string."""
    head, value = lines[index].split("ten: ", 1)
    lines[index] = f"{head}ten: {json.dumps(change(value.strip(QUOTES)), ensure_ascii=False)}"


def registry_duplicate_key(repo, rel, rng, outside):
    lines = _lines(repo, rel)
    index = _item_line(lines, "ten", rng)
    lines.insert(index + 1, "  " + lines[index].lstrip("- "))
    _write(repo, rel, lines)
    return Damage(rel, frozenset({"duplicate-key"}), index + 2)


def registry_wrong_type(repo, rel, rng, outside):
    lines = _lines(repo, rel)
    index = _item_line(lines, "cap", rng)
    lines[index] = lines[index].split("cap:")[0] + "cap: [1, 2]"
    _write(repo, rel, lines)
    return Damage(rel, frozenset({"invalid-value"}), index + 1)


def registry_unknown_key(repo, rel, rng, outside):
    lines = _lines(repo, rel)
    index = _item_line(lines, "id", rng)
    lines.insert(index + 1, "  khoa_la: 1")
    _write(repo, rel, lines)
    return Damage(rel, frozenset({"unknown-field"}), index + 2)


def registry_invisible_name(repo, rel, rng, outside):
    lines = _lines(repo, rel)
    index = _item_line(lines, "ten", rng)
    _rename(lines, index, lambda name: _insert(name, rng, rng.choice(INVISIBLE)))
    _write(repo, rel, lines)
    return Damage(rel, frozenset({"invisible-character"}), index + 1)


def registry_lookalike_name(repo, rel, rng, outside):
    lines = _lines(repo, rel)
    index = _item_line(lines, "ten", rng)
    _rename(lines, index, lambda name: f"{name} {LOOKALIKES['o']}")
    _write(repo, rel, lines)
    return Damage(rel, frozenset({"mixed-script"}), index + 1)


def registry_superscript_name(repo, rel, rng, outside):
    """Valid input (digits that are not numbers) that once stopped the build in sorting."""
    lines = _lines(repo, rel)
    index = _item_line(lines, "ten", rng)
    _rename(lines, index, lambda name: name + rng.choice(["²", "³", "①"]))
    _write(repo, rel, lines)
    return None


def registry_nul(repo, rel, rng, outside):
    lines = _lines(repo, rel)
    index = _item_line(lines, "ten", rng)
    lines[index] += "\x00"
    _write(repo, rel, lines)
    return Damage(rel, frozenset({"yaml-invalid"}), index + 1)


def registry_alias_bomb(repo, rel, rng, outside):
    lines = _lines(repo, rel)
    lines.insert(0, "- " + BOMB.replace("\n", "\n  ").rstrip())
    _write(repo, rel, lines)
    return Damage(rel, frozenset({"yaml-too-large"}))


def registry_deep_nesting(repo, rel, rng, outside):
    lines = _lines(repo, rel)
    index = _item_line(lines, "id", rng)
    lines.insert(index + 1, f"  sau: {DEEP}")
    _write(repo, rel, lines)
    return Damage(rel, frozenset({"yaml-too-deep"}), index + 2)


def registry_truncated(repo, rel, rng, outside):
    lines = _lines(repo, rel)
    index = _item_line(lines, "cap", rng)
    _write(repo, rel, [*lines[:index], "  ca"])
    return Damage(rel, frozenset({"yaml-invalid"}))


def registry_megabyte_line(repo, rel, rng, outside):
    lines = _lines(repo, rel)
    index = _item_line(lines, "ten", rng)
    _rename(lines, index, lambda name: name + "x" * MEGABYTE)
    _write(repo, rel, lines)
    return Damage(rel, frozenset({"line-too-long"}), index + 1)


def registry_empty(repo, rel, rng, outside):
    (repo / rel).write_bytes(b"")
    return Damage(rel, frozenset({"agencies-empty"}), 1)


REGISTRY_MUTATIONS: dict[str, Mutation] = {
    f.__name__: f
    for f in (
        registry_duplicate_key,
        registry_wrong_type,
        registry_unknown_key,
        registry_invisible_name,
        registry_lookalike_name,
        registry_superscript_name,
        registry_nul,
        registry_alias_bomb,
        registry_deep_nesting,
        registry_truncated,
        registry_megabyte_line,
        registry_empty,
        directory,
        symlink_outside,
    )
}
