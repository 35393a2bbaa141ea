"""Insert markup around spans of the original text (links around citations, for example)."""

from __future__ import annotations

from collections.abc import Callable, Iterable


def annotate(
    text: str,
    annotations: Iterable[tuple[tuple[int, int], str, str]],
    escape: Callable[[str], str] | None = None,
) -> str:
    """Wrap each ``(start, end)`` span of ``text`` in ``before`` … ``after``.

    ``escape`` (``html.escape``, say) is applied to the text outside and inside the spans, never
    to the inserted strings. Spans must not overlap; an overlapping or out-of-range span is
    skipped rather than producing broken markup.
    """
    esc = escape or (lambda part: part)
    out: list[str] = []
    cursor = 0
    for (start, end), before, after in sorted(annotations, key=lambda a: (a[0][0], -a[0][1])):
        if start < cursor or end > len(text) or start > end:
            continue
        out.append(esc(text[cursor:start]))
        out.append(before)
        out.append(esc(text[start:end]))
        out.append(after)
        cursor = end
    out.append(esc(text[cursor:]))
    return "".join(out)
