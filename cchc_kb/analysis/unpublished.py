"""Files that could not become a page, with the errors that kept them out.

Nothing is lost in silence: the data-quality report lists these, so a reader of the site sees
that something is missing and why, not only a maintainer reading ``cchc check``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ..corpus import Corpus
from ..model.models import Diagnostic


@dataclass(frozen=True)
class Unpublished:
    path: str  # relative to the repository root
    errors: tuple[Diagnostic, ...]  # in line order; the first is the reason shown first


def unpublished(corpus: Corpus) -> list[Unpublished]:
    """Every file with an error that has no page, in path order. The agency registry is
    listed when some of its entries were refused (those agencies have no page)."""
    published = {doc.path for doc in corpus.documents()}
    errors: dict[str, list[Diagnostic]] = defaultdict(list)
    for diagnostic in corpus.diagnostics:
        if diagnostic.severity == "error" and diagnostic.path not in published:
            errors[diagnostic.path].append(diagnostic)
    return [
        Unpublished(path, tuple(sorted(found, key=lambda d: (d.line, d.code, d.message))))
        for path, found in sorted(errors.items())
    ]
