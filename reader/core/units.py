"""Sentence units of a corpus, weighted by how rare their words are.

Similarity between two units is the IDF-weighted overlap of their word keys: Dice for units of
like size, containment when one is a fragment of the other (a sentence quoted inside a longer
paragraph). Candidate pairs come from an inverted index over each unit's rarest keys, so the
cost grows with the corpus, not with its square. The index and the scoring are sparse matrix
products (scipy): the same sums a loop would make, done in C.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from reader.core.model import Source

# A key that appears in more than this share of the units (and in more than _MIN_COMMON of
# them) is too common to find candidates with; it still counts when scoring a pair.
_COMMON_SHARE = 0.02
_MIN_COMMON = 40
# A fragment must carry this much weight (four or five uncommon words) before its containment
# in a longer unit counts as evidence.
_MIN_FRAGMENT_WEIGHT = 16.0
# Two units must share at least this weight (about two uncommon words) to count as related:
# below it, one shared name or topic word is all they have in common.
_MIN_OVERLAP = 6.0
# Candidate pairs must share rare keys of at least this weight before they are scored.
_MIN_SHARED_RARE = 6.0
# …and only a unit's best few candidates in each other source are scored.
_CANDIDATES_PER_SOURCE = 16
_BLOCK = 2048  # units whose shared weights are computed at once
_PAIR_CHUNK = 50_000  # pairs scored at once


@dataclass(frozen=True, slots=True)
class Unit:
    source: int  # position of the source in the corpus
    paragraph: int
    sentence: int
    bag: dict[str, int]  # key -> count


@dataclass(frozen=True, slots=True)
class Score:
    dice: float
    contain_a: float  # share of a's weight found in b
    contain_b: float
    weight_a: float
    weight_b: float
    overlap: float

    @property
    def value(self) -> float:
        """One figure for 'how surely these carry the same words', in [0, 1]."""
        if self.overlap < _MIN_OVERLAP:
            return 0.0
        small_weight = min(self.weight_a, self.weight_b)
        contain = self.contain_a if self.weight_a <= self.weight_b else self.contain_b
        damp = min(1.0, small_weight / _MIN_FRAGMENT_WEIGHT)
        return max(self.dice, 0.8 * contain * damp)


class UnitTable:
    """All sentence units of a set of sources, with IDF weights and a candidate index."""

    def __init__(self, sources: Sequence[Source]) -> None:
        self.units: list[Unit] = []
        self.by_source: list[range] = []
        self.by_paragraph: dict[tuple[int, int], range] = {}
        for s, source in enumerate(sources):
            first = len(self.units)
            for paragraph in source.paragraphs:
                start = len(self.units)
                for k, sentence in enumerate(paragraph.sentences):
                    tokens = paragraph.tokens[sentence.first_token : sentence.last_token]
                    bag = Counter(t.key for t in tokens if t.key)
                    self.units.append(Unit(s, paragraph.index, k, dict(bag)))
                self.by_paragraph[(s, paragraph.index)] = range(start, len(self.units))
            self.by_source.append(range(first, len(self.units)))
        df: Counter[str] = Counter()
        for unit in self.units:
            df.update(unit.bag.keys())
        n = max(1, len(self.units))
        self.df = df
        self.idf = {key: math.log((n + 1) / (count + 0.5)) for key, count in df.items()}
        self.weights = [self.weight(u.bag) for u in self.units]
        self._common = max(_MIN_COMMON, int(_COMMON_SHARE * n))
        self._paragraph_bags: dict[tuple[int, int], tuple[dict[str, int], float]] = {}
        self._paragraph_scores: dict[tuple[tuple[int, int], tuple[int, int]], Score] = {}
        self._layers: tuple[dict[str, int], list[sparse.csr_matrix], np.ndarray] | None = None

    def paragraph_bag(self, source: int, paragraph: int) -> tuple[dict[str, int], float]:
        """Return the keys of a whole paragraph and their weight."""
        key = (source, paragraph)
        if key not in self._paragraph_bags:
            bag: Counter[str] = Counter()
            for u in self.by_paragraph[key]:
                bag.update(self.units[u].bag)
            self._paragraph_bags[key] = (dict(bag), self.weight(bag))
        return self._paragraph_bags[key]

    def paragraph_score(self, a: tuple[int, int], b: tuple[int, int]) -> Score:
        """Score two whole paragraphs, for text that one source splits and another merges."""
        key = (a, b)
        if key not in self._paragraph_scores:
            bag_a, weight_a = self.paragraph_bag(*a)
            bag_b, weight_b = self.paragraph_bag(*b)
            self._paragraph_scores[key] = self.score_bags(bag_a, bag_b, weight_a, weight_b)
        return self._paragraph_scores[key]

    def weight(self, bag: dict[str, int]) -> float:
        idf = self.idf
        return sum(count * idf.get(key, 1.0) for key, count in bag.items())

    def score(self, a: int, b: int) -> Score:
        return self.score_bags(
            self.units[a].bag, self.units[b].bag, self.weights[a], self.weights[b]
        )

    def score_bags(
        self, bag_a: dict[str, int], bag_b: dict[str, int], weight_a: float, weight_b: float
    ) -> Score:
        if len(bag_a) > len(bag_b):
            small, large = bag_b, bag_a
        else:
            small, large = bag_a, bag_b
        idf = self.idf
        overlap = 0.0
        for key, count in small.items():
            other = large.get(key)
            if other:
                overlap += min(count, other) * idf.get(key, 1.0)
        total = weight_a + weight_b
        return Score(
            dice=2 * overlap / total if total else 0.0,
            contain_a=overlap / weight_a if weight_a else 0.0,
            contain_b=overlap / weight_b if weight_b else 0.0,
            weight_a=weight_a,
            weight_b=weight_b,
            overlap=overlap,
        )

    def signature(self, unit: int) -> list[str]:
        """Return the unit's rarest keys: two units that share much share one of these.

        A key found in no other unit can match nothing, so it is no use here.
        """
        bag = self.units[unit].bag
        keys = sorted((k for k in bag if self.df[k] > 1), key=lambda k: (self.df[k], k))
        rare = [k for k in keys if self.df[k] <= self._common]
        # A sentence of common words only still needs a way in: its two rarest.
        return rare[: 4 + len(bag) // 4] if len(rare) >= 2 else keys[:2]

    # Matrix form -----------------------------------------------------------------------------

    def _matrices(self) -> tuple[dict[str, int], list[sparse.csr_matrix], np.ndarray]:
        """Return the key columns, count layers (count ≥ 1, ≥ 2, …) and the idf vector.

        Layer t holds a 1 where a unit has a key at least t times, so the overlap of two
        units, the sum over keys of min(count_a, count_b) × idf, is a sum of layer products.
        """
        if self._layers is None:
            columns = {key: i for i, key in enumerate(self.df)}
            idf = np.array([self.idf[key] for key in columns])
            rows, cols, counts = [], [], []
            for u, unit in enumerate(self.units):
                for key, count in unit.bag.items():
                    rows.append(u)
                    cols.append(columns[key])
                    counts.append(count)
            row, col, count = np.array(rows), np.array(cols), np.array(counts)
            shape = (len(self.units), len(columns))
            layers = [
                sparse.csr_matrix(
                    (
                        np.ones(int((count >= level).sum())),
                        (row[count >= level], col[count >= level]),
                    ),
                    shape=shape,
                )
                for level in range(1, int(count.max(initial=0)) + 1)
            ]
            self._layers = (columns, layers, idf)
        return self._layers

    def candidate_scores(
        self, sources: Iterable[int] | None = None
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Return candidate pairs (a < b, in different sources) and their score values.

        Candidates share rare keys weighing about two uncommon words (or one very rare one;
        or less when a unit has too few rare keys), and only each unit's best few in each
        other source are scored.
        """
        a, b = self._candidates(sources)
        return a, b, self.values(a, b)

    def _candidates(self, sources: Iterable[int] | None) -> tuple[np.ndarray, np.ndarray]:
        columns, _, idf = self._matrices()
        allowed = None if sources is None else set(sources)
        rows, cols = [], []
        short = np.zeros(len(self.units), dtype=bool)
        for u, unit in enumerate(self.units):
            if allowed is not None and unit.source not in allowed:
                continue
            keys = self.signature(u)
            short[u] = len(keys) <= 2
            rows.extend([u] * len(keys))
            cols.extend(columns[k] for k in keys)
        shape = (len(self.units), len(columns))
        signature = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=shape)
        weighted = signature.multiply(idf).tocsr()
        transposed = signature.T.tocsc()
        source = np.array([unit.source for unit in self.units])
        lows, highs = [], []
        # Row blocks keep the product (shared rare weight of every pair) small in memory.
        for first in range(0, len(self.units), _BLOCK):
            block = (weighted[first : first + _BLOCK] @ transposed).tocoo()
            low, high = _best_partners(block.row + first, block.col, block.data, source, short)
            lows.append(low)
            highs.append(high)
        if not lows or not sum(len(x) for x in lows):
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
        pairs = np.unique(np.stack([np.concatenate(lows), np.concatenate(highs)], axis=1), axis=0)
        return pairs[:, 0].astype(np.int64), pairs[:, 1].astype(np.int64)

    def values(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        """Return Score.value for many pairs at once."""
        if len(a) == 0:
            return np.zeros(0)
        _, layers, idf = self._matrices()
        overlap = np.zeros(len(a))
        for first in range(0, len(a), _PAIR_CHUNK):  # chunks bound the rows copied at once
            part = slice(first, first + _PAIR_CHUNK)
            for layer in layers:
                products = layer[a[part]].multiply(layer[b[part]])
                overlap[part] += np.asarray(products @ idf).ravel()
        weights = np.asarray(self.weights)
        wa, wb = weights[a], weights[b]
        total = wa + wb
        dice = np.divide(2 * overlap, total, out=np.zeros_like(overlap), where=total > 0)
        small = np.minimum(wa, wb)
        contain = np.divide(overlap, small, out=np.zeros_like(overlap), where=small > 0)
        damp = np.minimum(1.0, small / _MIN_FRAGMENT_WEIGHT)
        value = np.maximum(dice, 0.8 * contain * damp)
        return np.where(overlap >= _MIN_OVERLAP, value, 0.0)


def _best_partners(
    a: np.ndarray, b: np.ndarray, weight: np.ndarray, source: np.ndarray, short: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Keep each unit's best few partners in each other source, as (low, high) index pairs.

    The product holds both (a, b) and (b, a), so every unit is seen from its own side.
    """
    keep = (source[a] != source[b]) & ((weight >= _MIN_SHARED_RARE) | short[a] | short[b])
    a, b, weight = a[keep], b[keep], weight[keep]
    order = np.lexsort((-weight, source[b], a))
    a, b = a[order], b[order]
    group = np.r_[True, (a[1:] != a[:-1]) | (source[b][1:] != source[b][:-1])]
    start = np.maximum.accumulate(np.where(group, np.arange(len(a)), 0))
    best = (np.arange(len(a)) - start) < _CANDIDATES_PER_SOURCE
    return np.minimum(a[best], b[best]), np.maximum(a[best], b[best])
