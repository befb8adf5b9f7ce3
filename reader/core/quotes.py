"""What part of a paragraph a source presents as the speaker's own words.

Between quotation marks, the quoted words; a paragraph with no quotation marks that the
classifier calls a quotation (a translation printed as it is) is quoted whole. An opening
mark whose closing mark falls in a later paragraph (a quote running over several paragraphs,
each opened again) quotes to the paragraph's end; a closing mark with no opening quotes from
the paragraph's start.
"""

from __future__ import annotations

# Opening mark -> the closing marks that end it. The straight quote both opens and closes.
_PAIRS = {"«": "»", "“": "”", "„": "“”", "‹": "›", '"': '"'}
_CLOSERS = frozenset("»”›")


def quoted_ranges(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) character ranges of the quoted words, without marks or outer spaces."""
    ranges: list[tuple[int, int]] = []
    opened: str | None = None  # the outermost open mark
    start = 0
    saw_mark = False
    for i, ch in enumerate(text):
        if opened is None:
            if ch in _PAIRS:
                opened, start, saw_mark = ch, i + 1, True
            elif ch in _CLOSERS:  # closes a quote opened in an earlier paragraph
                if not saw_mark:
                    ranges.append((0, i))
                saw_mark = True
        elif ch in _PAIRS[opened]:
            ranges.append((start, i))
            opened = None
    if opened is not None:
        ranges.append((start, len(text)))
    if not saw_mark:
        ranges.append((0, len(text)))
    return tuple(_trimmed(text, a, b) for a, b in ranges if text[a:b].strip())


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
