"""Tables of a document (the appendix's task table above all) as Markdown tables."""

from __future__ import annotations

import re


def markdown_table(rows: list[list[str]]) -> str:
    """Tab-separated rows (the first is the header, kept as written) as a Markdown table."""
    width = max(len(r) for r in rows)

    def cell(text: str) -> str:
        return re.sub(r"\s+", " ", text).strip().replace("|", "\\|")

    lines = []
    for i, row in enumerate(rows):
        cells = [cell(c) for c in row] + [""] * (width - len(row))
        lines.append("| " + " | ".join(cells) + " |")
        if i == 0:
            lines.append("|" + "|".join([" --- "] * width) + "|")
    return "\n".join(lines)


