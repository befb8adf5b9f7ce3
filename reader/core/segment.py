"""Cut a text into paragraphs, and paragraphs into sentences.

A paragraph is a non-empty line; but where a file is hard-wrapped (blank lines separate blocks
whose lines are wrapped at a fixed width), a paragraph is the block.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from reader.core.lang import union

_LINE_BREAKS = re.compile(r"\r\n|\r|\u2028|\u2029|\x0b|\x0c|\x85")
_LIST_ITEM = re.compile(r"^\s*(?:[-*•▪◦–]\s|\d{1,3}[.)]\s|>)")

# The widest a hard-wrapped file is commonly wrapped at (e-mail 72, Markdown 80, some 100+).
_MAX_WRAP_WIDTH = 120
# A wrapped line inside a paragraph fills at least this share of the width.
_FULL = 0.6


@dataclass(frozen=True)
class Block:
    """A paragraph's text as displayed, with where it came from in the file."""

    text: str
    origin: str


def normalise_line_endings(text: str) -> str:
    """Return text with every kind of line break turned into '\\n'."""
    return _LINE_BREAKS.sub("\n", text)


def split_paragraphs(text: str) -> list[Block]:
    """Split a plain text into paragraphs as DESIGN.md defines them."""
    lines = normalise_line_endings(text).split("\n")
    blocks = _blocks(lines)
    width = _wrap_width(lines, blocks)
    if width:
        return [b for start, end in blocks for b in _join_block(lines, start, end, width)]
    return [
        Block(line.strip(), f"line {number + 1}")
        for number, line in enumerate(lines)
        if line.strip()
    ]


def _blocks(lines: list[str]) -> list[tuple[int, int]]:
    """Return (first, last+1) line numbers of each run of non-blank lines."""
    blocks: list[tuple[int, int]] = []
    start: int | None = None
    for number, line in enumerate(lines):
        if line.strip():
            if start is None:
                start = number
        elif start is not None:
            blocks.append((start, number))
            start = None
    if start is not None:
        blocks.append((start, len(lines)))
    return blocks


def _wrap_width(lines: list[str], blocks: list[tuple[int, int]]) -> int | None:
    """Return the width the multi-line blocks are wrapped at, if they are prose wrapped at
    one fixed width (else None)."""
    multi = [(s, e) for s, e in blocks if e - s >= 2]
    if not multi:
        return None
    lines_in_multi = sum(e - s for s, e in multi)
    non_blank = sum(e - s for s, e in blocks)
    if lines_in_multi < 0.5 * non_blank:
        return None
    widths = [len(lines[n].rstrip()) for s, e in multi for n in range(s, e)]
    width = max(widths)
    if width > _MAX_WRAP_WIDTH or width < 30:
        return None
    # Lines that are not the last of their block fill the width, give or take one word.
    inner = [
        len(lines[n].rstrip())
        for s, e in multi
        for n in range(s, e - 1)
        if not _LIST_ITEM.match(lines[n + 1])
    ]
    if len(inner) < 2:
        return None
    import statistics  # only wrapped text needs it (10 ms to import: it brings random)

    full = sum(1 for w in inner if w >= _FULL * width)
    wrapped = full >= 0.8 * len(inner) and statistics.median(inner) >= 0.75 * width
    return width if wrapped else None


def _join_block(lines: list[str], start: int, end: int, width: int) -> list[Block]:
    """Join a wrapped block into paragraphs; list items and quotes start their own.

    A line that stops where the next line's first word would still have fitted ends its
    paragraph: text copied from a PDF is wrapped with no blank line between paragraphs.
    """
    paragraphs: list[Block] = []
    parts: list[str] = []
    first = start
    for number in range(start, end):
        line = lines[number].strip()
        continues_quote = line.startswith(">") and bool(parts) and parts[0].startswith(">")
        item = bool(_LIST_ITEM.match(line)) and not continues_quote
        if parts and (item or _ends_early(lines[number - 1], line, width)):
            paragraphs.append(_block(parts, first, number - 1))
            parts, first = [], number
        if parts and line.startswith(">") and parts[0].startswith(">"):
            line = line.lstrip(">").strip()
        parts.append(line)
    paragraphs.append(_block(parts, first, end - 1))
    return paragraphs


def _ends_early(line: str, following: str, width: int) -> bool:
    """Tell whether a line stopped before the next line's first word would have filled it."""
    first_word = following.split(maxsplit=1)[0] if following.strip() else ""
    return len(line.rstrip()) + 1 + len(first_word) <= width


def _block(parts: list[str], first: int, last: int) -> Block:
    origin = f"line {first + 1}" if first == last else f"lines {first + 1}–{last + 1}"
    return Block(" ".join(parts), origin)


# Sentences ---------------------------------------------------------------------------------

_ABBREVIATIONS = union().abbreviations
_END = re.compile(r"[.!?…]+(?:[ \u00a0\u202f]*[»”])?[\"”’)\]]*(?=\s|$)")
# A sentence end with no space before the next one ("fin.Début"): the mark, then the look
# around it (the mark first, so that the search skips ahead to each mark).
_GLUED = re.compile(r"[.!?](?<=[a-zà-ÿ]{3}.)(?=[A-ZÀ-Ý][a-zà-ÿ]{2})")


@lru_cache(maxsize=50_000)
def sentence_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Return (start, end) offsets of the sentences of a paragraph, covering all its words.

    Cached: reading cuts a paragraph into sentences, and its speech is then read sentence by
    sentence from the same cuts."""
    cuts: list[int] = []
    for match in _END.finditer(text):
        end = match.end()
        if not _is_sentence_end(text, match.start(), end):
            continue
        cuts.append(end)
    cuts.extend(m.end() for m in _GLUED.finditer(text))
    spans: list[tuple[int, int]] = []
    start = 0
    for cut in sorted(set(cuts)):
        span = _trimmed(text[start:cut], start)
        if span:
            spans.append(span)
            start = cut
    span = _trimmed(text[start:], start)
    if span:
        spans.append(span)
    return tuple(spans)


def _trimmed(part: str, offset: int) -> tuple[int, int] | None:
    """The span of part without its surrounding whitespace, as offsets into the text part
    starts at offset in; None for whitespace only."""
    stripped = part.strip()
    if not stripped:
        return None
    start = offset + len(part) - len(part.lstrip())
    return start, start + len(stripped)


_WORD_BEFORE = re.compile(r"\w+$")
_LEADING_SPACE = re.compile(r"\s*")
_NEXT_CHARACTER = re.compile(r"\s*(\S)")
# Longer than any abbreviation or list number; looking no further back keeps a paragraph of
# a megabyte (a text with no line breaks) linear instead of quadratic.
_LOOK_BACK = 40


def _is_sentence_end(text: str, start: int, end: int) -> bool:
    if text[start] == ".":
        word = _WORD_BEFORE.search(text, max(0, start - _LOOK_BACK), start)
        if word:
            token = word.group()
            if token.lower() in _ABBREVIATIONS or (len(token) == 1 and token.isupper()):
                return False
            if token.isdigit() and _only_space_before(text, word.start()):
                return False  # "1. Telegram dispose…": a list number, not an end
    after = _NEXT_CHARACTER.match(text, end)
    # A sentence continues after "…" or "!" when the next word starts in lower case.
    return not (after and after.group(1).islower() and text[start] in "…!?")


def _only_space_before(text: str, index: int) -> bool:
    match = _LEADING_SPACE.match(text, 0, index)
    return match is not None and match.end() == index
