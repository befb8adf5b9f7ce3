"""Build aligned test pairs from the French New Testaments in ../shared/corpora/nt-fr.

Verses are grouped into paragraphs on the shared verse grid (k verses per paragraph, counted
on the grid so that groups of 2 and 4 share boundaries), verse ids are dropped from the text,
and kept aside as the ground truth: two paragraphs should be paired exactly when they share a
verse.

The corpus has one known defect: FreOltramare1874 repeats Mark 13 under the label Matthew 13.
A chapter whose opening verses repeat another chapter of the same translation has no true
counterpart, so `side` leaves such chapters out (on both sides of a pair, via `defective`).
"""

from __future__ import annotations

import csv
import html
import random
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import accumulate
from pathlib import Path

from tests.shared_corpora import corpus_dir

NT_DIR = corpus_dir("nt-fr")

VerseId = tuple[str, int, int]


@dataclass(frozen=True)
class Side:
    paragraphs: list[str]
    verses: list[frozenset[VerseId]]  # the verse ids of each paragraph
    # Where each verse starts in its paragraph's text: (offset, verse id), in order.
    starts: list[tuple[tuple[int, VerseId], ...]] = field(default_factory=list)

    def verses_at(self, paragraph: int, start: int, end: int) -> list[VerseId]:
        """The verses that characters [start, end) of a paragraph belong to."""
        marks = self.starts[paragraph]
        found = []
        for n, (offset, vid) in enumerate(marks):
            stop = marks[n + 1][0] if n + 1 < len(marks) else len(self.paragraphs[paragraph])
            if offset < end and stop > start:
                found.append(vid)
        return found


def available() -> bool:
    return (NT_DIR / "FreStapfer1889.csv").is_file()


@cache
def _verses(name: str) -> tuple[tuple[VerseId, str], ...]:
    rows = []
    with (NT_DIR / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
        for book, chapter, verse, text in csv.reader(handle):
            if book == "Book":
                continue
            rows.append(((book, int(chapter), int(verse)), html.unescape(text).strip()))
    return tuple(rows)


@cache
def defective(name: str) -> frozenset[tuple[str, int]]:
    """Chapters whose opening verses repeat an earlier chapter of the same translation."""
    openings: dict[tuple[str, int], list[str]] = {}
    for (book, chapter, _), text in _verses(name):
        if text:
            words = " ".join(re.findall(r"\w+", text.casefold()))  # spacing and punctuation vary
            openings.setdefault((book, chapter), []).append(words)
    seen: dict[str, tuple[str, int]] = {}
    repeated = set()
    for chapter, texts in openings.items():
        key = "|".join(texts[:3])
        if key in seen:
            repeated |= {chapter, seen[key]}
        seen.setdefault(key, chapter)
    return frozenset(repeated)


def side(
    name: str,
    group: int | Sequence[int],
    books: Sequence[str] | None = None,
    drop: tuple[float, float] | None = None,
    exclude: frozenset[tuple[str, int]] = frozenset(),
    grid_ids: Sequence[VerseId] | None = None,
) -> Side:
    """Paragraphs of `group` grid verses each; `drop` removes a stretch (shares of the text).

    `group` may also be a sequence of sizes, used in turn (irregular breaks). `grid_ids`, the
    verse grid to count on (the translation's own rows by default); a verse the translation
    lacks counts as an empty one.

    Chapters in `exclude` (and the translation's own defective ones) are left out.
    """
    skip = exclude | defective(name)
    texts = dict(_verses(name))
    ids = grid_ids if grid_ids is not None else list(texts)
    grid = [(vid, texts.get(vid, "")) for vid in ids if books is None or vid[0] in books]
    grid = [item for item in grid if _in_nt(item[0]) and item[0][:2] not in skip]
    if drop is not None:
        start, end = int(drop[0] * len(grid)), int(drop[1] * len(grid))
        grid = grid[:start] + [(vid, "") for vid, _ in grid[start:end]] + grid[end:]
    paragraphs: list[str] = []
    verses: list[frozenset[VerseId]] = []
    starts: list[tuple[tuple[int, VerseId], ...]] = []
    sizes = [group] if isinstance(group, int) else list(group)
    first, n = 0, 0
    while first < len(grid):
        size = sizes[n % len(sizes)]
        chunk = [(vid, text) for vid, text in grid[first : first + size] if text]
        first, n = first + size, n + 1
        if chunk:
            paragraphs.append(" ".join(text for _, text in chunk))
            verses.append(frozenset(vid for vid, _ in chunk))
            offsets = accumulate((len(text) + 1 for _, text in chunk[:-1]), initial=0)
            starts.append(tuple(zip(offsets, (vid for vid, _ in chunk), strict=True)))
    return Side(paragraphs, verses, starts)


_NT_BOOKS = None


def _in_nt(vid: VerseId) -> bool:
    global _NT_BOOKS
    if _NT_BOOKS is None:
        stapfer = {v[0] for v, text in _verses("FreStapfer1889") if text}
        _NT_BOOKS = stapfer
    return vid[0] in _NT_BOOKS


def irregular(seed: int, low: int, high: int, count: int = 20000) -> tuple[int, ...]:
    """Seeded random paragraph sizes between low and high verses (both included)."""
    rng = random.Random(seed)
    return tuple(rng.randint(low, high) for _ in range(count))


def pair(
    left_name: str,
    right_name: str,
    left_group: int | Sequence[int],
    right_group: int | Sequence[int],
    books: Sequence[str] | None = None,
    drop: tuple[float, float] | None = None,
) -> tuple[Side, Side]:
    """Two sides built on the same chapters (defective ones left out of both), counted on
    one verse grid: equal sizes give equal breaks even where one translation has a verse
    row the other lacks (Geneve 1669 numbers two verses more)."""
    exclude = defective(left_name) | defective(right_name)
    grid = shared_grid(left_name, right_name)
    return (
        side(left_name, left_group, books, exclude=exclude, grid_ids=grid),
        side(right_name, right_group, books, drop=drop, exclude=exclude, grid_ids=grid),
    )


def shared_grid(first: str, second: str) -> list[VerseId]:
    """Both translations' verse ids in reading order: the first's, with the second's extra
    rows where they belong (by book order, chapter and verse)."""
    ids = [vid for vid, _ in _verses(first)]
    books = {book: n for n, book in enumerate(dict.fromkeys(vid[0] for vid in ids))}
    extra = set(vid for vid, _ in _verses(second)) - set(ids)
    if not extra:
        return ids
    return sorted([*ids, *extra], key=lambda v: (books.get(v[0], len(books)), v[1], v[2]))


def truth(left: Side, right: Side) -> set[tuple[int, int]]:
    where: dict[VerseId, int] = {}
    for r, ids in enumerate(right.verses):
        for vid in ids:
            where[vid] = r
    return {
        (l_index, where[vid])
        for l_index, ids in enumerate(left.verses)
        for vid in ids
        if vid in where
    }


def renumbered(left: VerseId | None, right: VerseId | None) -> bool:
    """Whether two verses are neighbours (two numbers apart at most, or across a chapter
    break): where two translations number the same words differently."""
    if left is None or right is None or left[0] != right[0]:
        return False
    if left[1] == right[1]:
        return abs(left[2] - right[2]) <= 2
    later = max(left, right)
    return abs(left[1] - right[1]) == 1 and later[2] <= 2


def same_words(one: str, other: str, least: float = 0.4) -> bool:
    """Whether either text has this share of its words (first five letters, accents and
    case aside, the old print's long s read as s) in the other."""
    a, b = _stems(one), _stems(other)
    shared = len(a & b)
    return bool(a and b) and max(shared / len(a), shared / len(b)) >= least


def _stems(text: str) -> set[str]:
    plain = unicodedata.normalize("NFD", text.casefold())
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch)).replace("f", "s")
    return {word[:5] for word in re.findall(r"\w+", plain) if len(word) > 3}


def precision_recall(
    predicted: set[tuple[int, int]], expected: set[tuple[int, int]]
) -> tuple[float, float]:
    hit = len(predicted & expected)
    return hit / max(1, len(predicted)), hit / max(1, len(expected))


def write(side_: Side, path: Path) -> Path:
    path.write_text("\n".join(side_.paragraphs) + "\n", encoding="utf-8")
    return path
