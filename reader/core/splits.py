"""Cut a many-to-many group of sentences where the two sources' sentence ends cross.

Two translations end their sentences in different places: one source's sentence A runs into
the other's C and D, whose D runs into the first's B. Kept whole, the group pairs every
paragraph of one side with every paragraph of the other, although A has nothing to do with
D. A cut at a sentence end on one side and a clause end (a comma, a semicolon, a colon) on
the other, where both halves still match, gives two smaller pairs that each say what they
pair. The halves are cut again while they are many-to-many.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

# Both halves of a cut must share at least this much (weighted Dice) with their counterpart:
# two renderings of one verse share a third or more of their words, unrelated text a tenth.
_HALF_MIN = 0.25
# Tokens after which a sentence may be cut: the ends of its clauses.
CLAUSE_ENDS = frozenset(",;:—–")

Piece = tuple[int, int, int]  # (sentence of the group, first token, one past the last)


@dataclass(frozen=True)
class Side:
    """A group's sentences on one side: each sentence's token keys and clause ends."""

    keys: Sequence[Sequence[str]]  # per sentence, the matching key of each token ("" if none)
    clause_ends: Sequence[Sequence[int]]  # per sentence, token offsets a cut may fall at


def split_group(
    left: Side, right: Side, weight: Callable[[str], float]
) -> list[tuple[list[Piece], list[Piece]]]:
    """Cut a group into smaller pairs where the texts allow; the whole group otherwise."""
    whole = (
        [(s, 0, len(k)) for s, k in enumerate(left.keys)],
        [(s, 0, len(k)) for s, k in enumerate(right.keys)],
    )
    return _split(left, right, whole, weight, depth=0)


def _split(
    left: Side,
    right: Side,
    part: tuple[list[Piece], list[Piece]],
    weight: Callable[[str], float],
    depth: int,
) -> list[tuple[list[Piece], list[Piece]]]:
    if len(part[0]) < 2 or len(part[1]) < 2 or depth > 6:
        return [part]
    left_flat, right_flat = _flat(left, part[0]), _flat(right, part[1])
    best, best_value = None, _HALF_MIN
    for mine, theirs, flip in ((left_flat, right_flat, False), (right_flat, left_flat, True)):
        for cut in mine.sentence_cuts:
            for other in theirs.clause_cuts:
                a, b = (other, cut) if flip else (cut, other)
                value = min(
                    _dice(left_flat.prefix(a), right_flat.prefix(b), weight),
                    _dice(left_flat.suffix(a), right_flat.suffix(b), weight),
                )
                if value > best_value:
                    best, best_value = (a, b), value
    if best is None:
        return [part]
    (l1, l2), (r1, r2) = left_flat.halves(best[0]), right_flat.halves(best[1])
    return _split(left, right, (l1, r1), weight, depth + 1) + _split(
        left, right, (l2, r2), weight, depth + 1
    )


class _Flat:
    """One side of a part as a run of tokens, with where it may be cut."""

    def __init__(self, side: Side, pieces: list[Piece]) -> None:
        self.pieces = pieces
        self.keys: list[str] = []
        self.places: list[tuple[int, int]] = []  # (piece, token offset in its sentence)
        self.sentence_cuts: list[int] = []
        self.clause_cuts: list[int] = []
        for n, (s, first, last) in enumerate(pieces):
            if n:
                self.sentence_cuts.append(len(self.keys))
                self.clause_cuts.append(len(self.keys))
            ends = set(side.clause_ends[s])
            for t in range(first, last):
                if t in ends and t > first:
                    self.clause_cuts.append(len(self.keys))
                self.keys.append(side.keys[s][t])
                self.places.append((n, t))
        self._counts: dict[int, tuple[dict[str, int], dict[str, int]]] = {}

    def prefix(self, cut: int) -> dict[str, int]:
        return self._halves(cut)[0]

    def suffix(self, cut: int) -> dict[str, int]:
        return self._halves(cut)[1]

    def _halves(self, cut: int) -> tuple[dict[str, int], dict[str, int]]:
        found = self._counts.get(cut)
        if found is None:
            found = self._counts[cut] = (_count(self.keys[:cut]), _count(self.keys[cut:]))
        return found

    def halves(self, cut: int) -> tuple[list[Piece], list[Piece]]:
        """The pieces before and after a cut (a piece the cut falls inside, in two)."""
        if cut >= len(self.places):
            return list(self.pieces), []
        n, t = self.places[cut]
        s, first, last = self.pieces[n]
        before = list(self.pieces[:n]) + ([(s, first, t)] if t > first else [])
        return before, [(s, t, last), *self.pieces[n + 1 :]]


def _flat(side: Side, pieces: list[Piece]) -> _Flat:
    return _Flat(side, pieces)


def _count(keys: Sequence[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for key in keys:
        if key:
            counts[key] = counts.get(key, 0) + 1
    return counts


def _dice(a: dict[str, int], b: dict[str, int], weight: Callable[[str], float]) -> float:
    if not a or not b:
        return 0.0
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    shared = sum(min(n, large[k]) * weight(k) for k, n in small.items() if k in large)
    total = sum(n * weight(k) for k, n in a.items()) + sum(n * weight(k) for k, n in b.items())
    return 2 * shared / total if total else 0.0
