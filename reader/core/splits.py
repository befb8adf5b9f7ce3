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
from itertools import accumulate
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # numpy loads with the engine's work, not with the command line
    import numpy as np

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
    counts = _Counts(left, right, weight)
    return _split(left, right, whole, counts, depth=0)


def _split(
    left: Side,
    right: Side,
    part: tuple[list[Piece], list[Piece]],
    counts: _Counts,
    depth: int,
) -> list[tuple[list[Piece], list[Piece]]]:
    if len(part[0]) < 2 or len(part[1]) < 2 or depth > 6:
        return [part]
    left_flat, right_flat = _Flat(left, part[0]), _Flat(right, part[1])
    # Every cut the pieces allow, in the order they are tried: a sentence end on one side
    # against a clause end on the other; the first of equal bests is kept.
    cuts = [(cut, other) for cut in left_flat.sentence_cuts for other in right_flat.clause_cuts] + [
        (other, cut) for cut in right_flat.sentence_cuts for other in left_flat.clause_cuts
    ]
    if not cuts:
        return [part]
    best = counts.best_cut(cuts, left_flat, right_flat)
    if best is None:
        return [part]
    (l1, l2), (r1, r2) = left_flat.halves(best[0]), right_flat.halves(best[1])
    return _split(left, right, (l1, r1), counts, depth + 1) + _split(
        left, right, (l2, r2), counts, depth + 1
    )


class _Counts:
    """Running key counts along each side of a whole group, for the Dice of any halves.

    A part of the group is a contiguous run of its tokens, so the keys before a cut are a
    difference of two rows of the running counts: every cut of a part is weighed at once.
    """

    def __init__(self, left: Side, right: Side, weight: Callable[[str], float]) -> None:
        import numpy as np

        vocabulary: dict[str, int] = {}
        columns = []
        for side in (left, right):
            ids = [
                vocabulary.setdefault(k, len(vocabulary)) if k else -1
                for ks in side.keys
                for k in ks
            ]
            columns.append(np.asarray(ids, dtype=np.int64))
        self.weights = np.array([weight(k) for k in vocabulary], dtype=np.float64)
        self.running = tuple(_running(ids, len(vocabulary)) for ids in columns)
        self.starts = tuple(
            list(accumulate((len(k) for k in side.keys), initial=0)) for side in (left, right)
        )

    def best_cut(
        self, cuts: list[tuple[int, int]], left: _Flat, right: _Flat
    ) -> tuple[int, int] | None:
        """The cut whose weaker half matches best, if both halves match well enough."""
        import numpy as np

        values = None
        positions = np.asarray(cuts, dtype=np.int64)
        halves = []
        for side, flat, column in ((0, left, positions[:, 0]), (1, right, positions[:, 1])):
            running = self.running[side]
            lo = self.starts[side][flat.pieces[0][0]] + flat.pieces[0][1]
            hi = lo + flat.length
            at = running[lo + column]
            halves.append((at - running[lo], running[hi] - at))
        for a, b in zip(halves[0], halves[1], strict=True):
            value = self._dice(a, b)
            values = value if values is None else np.minimum(values, value)
        assert values is not None
        best = int(np.argmax(values))
        return cuts[best] if values[best] > _HALF_MIN else None

    def _dice(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        import numpy as np

        shared = np.minimum(a, b) @ self.weights
        total = a @ self.weights + b @ self.weights
        usable = (a.any(axis=1)) & (b.any(axis=1)) & (total != 0)
        return np.where(usable, 2 * shared / np.where(usable, total, 1.0), 0.0)


def _running(ids: np.ndarray, size: int) -> np.ndarray:
    """Row t: how many of each key the first t tokens hold."""
    import numpy as np

    counts = np.zeros((len(ids) + 1, size), dtype=np.float64)
    kept = np.flatnonzero(ids >= 0)
    counts[kept + 1, ids[kept]] = 1.0
    return np.cumsum(counts, axis=0)


class _Flat:
    """One side of a part as a run of tokens, with where it may be cut."""

    def __init__(self, side: Side, pieces: list[Piece]) -> None:
        self.pieces = pieces
        self.places: list[tuple[int, int]] = []  # (piece, token offset in its sentence)
        self.sentence_cuts: list[int] = []
        self.clause_cuts: list[int] = []
        for n, (s, first, last) in enumerate(pieces):
            if n:
                self.sentence_cuts.append(len(self.places))
                self.clause_cuts.append(len(self.places))
            ends = side.clause_ends[s]
            self.clause_cuts.extend(len(self.places) + t - first for t in ends if first < t < last)
            self.places.extend((n, t) for t in range(first, last))
        self.length = len(self.places)

    def halves(self, cut: int) -> tuple[list[Piece], list[Piece]]:
        """The pieces before and after a cut (a piece the cut falls inside, in two)."""
        if cut >= len(self.places):
            return list(self.pieces), []
        n, t = self.places[cut]
        s, first, last = self.pieces[n]
        before = list(self.pieces[:n]) + ([(s, first, t)] if t > first else [])
        return before, [(s, t, last), *self.pieces[n + 1 :]]
