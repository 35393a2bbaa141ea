"""The citation regression table: the citation engine against every passage of the set.

    python scripts/eval_cite.py [tests/data/cite/eval.yml] [--verbose]

The table was written alongside the features it tests, so its figures say that nothing
regressed, not how well the engine does on texts it has not seen. Each passage lists every citation it contains with its expected text, type, number,
date, issuer and registry id; a found citation counts as correct only when all of them match.
The registry the passages resolve against is tests/data/cite/registry.yml.
"""

from __future__ import annotations

import argparse
import sys
import unicodedata
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cchc_kb.cite import CitingContext, Registry, find_citations  # noqa: E402
from cchc_kb.model.models import Agency, LegalDoc, Misquote, PartialDate  # noqa: E402

DATA = ROOT / "tests" / "data" / "cite"
FIELDS = ("text", "type", "number", "name", "date", "issuer", "id")


def load_registry(path: Path = DATA / "registry.yml") -> Registry:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    agencies = {
        a["id"]: Agency(
            id=a["id"],
            name=a["name"],
            level=a["level"],
            short_names=a.get("short_names", []),
            parent=a.get("parent"),
            province=a.get("province"),
        )
        for a in data["agencies"]
    }
    documents = [
        LegalDoc(
            id=d["id"],
            number=d["number"],
            doc_type=d["type"],
            summary=d.get("summary", ""),
            issuer=d["issuer"],
            issued=_date(d.get("issued")),
            misquotes=[
                Misquote(m.get("number"), _date(m.get("date"))) for m in d.get("misquotes", [])
            ],
        )
        for d in data["documents"]
    ]
    return Registry.from_records(documents, agencies)


def _date(value) -> PartialDate | None:
    return PartialDate.parse(str(value)) if value else None


def context_of(data: dict | None) -> CitingContext | None:
    if not data:
        return None
    return CitingContext(
        agency_id=data.get("agency"),
        year=data.get("year"),
        date=PartialDate.parse(str(data["date"])) if data.get("date") else None,
        own_number=data.get("own_number"),
    )


def row(citation) -> tuple:
    """The compared fields of a found citation."""
    values = citation.to_json()
    return tuple(values.get(key) for key in FIELDS)


def expected_row(item: dict) -> tuple:
    return tuple(
        str(item[key]) if key == "date" and item.get(key) is not None else item.get(key)
        for key in FIELDS
    )


def evaluate(path: Path, registry: Registry, verbose: bool = False) -> tuple[float, float, int]:
    passages = yaml.safe_load(path.read_text(encoding="utf-8"))
    true_positive = found_total = expected_total = 0
    for index, passage in enumerate(passages, 1):
        text, items = passage["text"], passage.get("expected") or []
        if passage.get("nfd"):
            # Legacy encodings decode to decomposed text: spans must still index it as given.
            text = unicodedata.normalize("NFD", text)
            items = [item | {"text": unicodedata.normalize("NFD", item["text"])} for item in items]
        context = context_of(passage.get("context"))
        found = Counter(row(c) for c in find_citations(text, registry, context))
        expected = Counter(expected_row(item) for item in items)
        hits = sum((found & expected).values())
        true_positive += hits
        found_total += sum(found.values())
        expected_total += sum(expected.values())
        if verbose and found != expected:
            print(f"-- đoạn {index}: {passage.get('form', '')}")
            for item in (expected - found).elements():
                print("   thiếu:", dict(zip(FIELDS, item, strict=True)))
            for item in (found - expected).elements():
                print("   thừa: ", dict(zip(FIELDS, item, strict=True)))
    precision = true_positive / found_total if found_total else 1.0
    recall = true_positive / expected_total if expected_total else 1.0
    return precision, recall, len(passages)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=DATA / "eval.yml")
    parser.add_argument("--verbose", action="store_true", help="in các trích dẫn thiếu/thừa")
    args = parser.parse_args(argv)
    precision, recall, count = evaluate(args.path, load_registry(), args.verbose)
    print(f"passages: {count}")
    print(f"precision: {precision:.4f}")
    print(f"recall: {recall:.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
