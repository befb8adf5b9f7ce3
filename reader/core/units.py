"""Sentence units of a corpus, weighted by how rare their words are.

Similarity between two units is the IDF-weighted overlap of their word keys: Dice for units of
like size, containment when one is a fragment of the other (a sentence quoted inside a longer
paragraph). Candidate pairs come from an inverted index over each unit's rarest keys, so the
cost grows with the corpus, not with its square. The index and the scoring are array joins
(`pairs`): the same sums a loop would make, in the same order, done in C by numpy.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import repeat
from typing import TYPE_CHECKING

from reader.core import calibration as cal
from reader.core.model import Source
from reader.core.spelling import bridged_keys

if TYPE_CHECKING:  # imported where used: loading a file, or a usage error, needs neither
    import numpy as np

    from reader.core import pairs

# A key that appears in more than this share of the units (and in more than _MIN_COMMON of
# them) is too common to find candidates with; it still counts when scoring a pair.
_COMMON_SHARE = 0.02
_MIN_COMMON = 40
# A fragment must carry this much weight (four or five uncommon words) before its containment
# in a longer unit counts as evidence.
_MIN_FRAGMENT_WEIGHT = 16.0
# Two units must share at least cal.UNCOMMON_WORDS to count as related (below it, one shared
# name or topic word is all they have in common), and candidate pairs rare keys of that weight
# before they are scored.
# …and only a unit's best few candidates in the whole corpus are scored: a bound per unit,
# not per other source, keeps the work linear in the number of sources.
_CANDIDATES_PER_UNIT = 16
# A key shared by more units than the common bound pairs each with this many neighbours on
# either side, by position: enough to reach a counterpart a little out of place.
_NEARBY = 16
# The common bound itself stops growing here, so that a large corpus does not pair every
# unit with a share of all the others (which would grow as the square of the corpus).
_MAX_COMMON = 400
# Units whose shared weights are computed at once, and pairs scored at once: the pairs of a
# block and the entries copied for a chunk are the largest arrays of linking (on a book, 512
# units and 10,000 pairs keep them to a few megabytes each; larger blocks buy no speed).
_BLOCK = 512
_PAIR_CHUNK = 10_000


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
        if self.overlap < cal.UNCOMMON_WORDS:
            return 0.0
        small_weight = min(self.weight_a, self.weight_b)
        contain = self.contain_a if self.weight_a <= self.weight_b else self.contain_b
        damp = min(1.0, small_weight / _MIN_FRAGMENT_WEIGHT)
        return max(self.dice, 0.8 * contain * damp)


class UnitTable:
    """All sentence units of a set of sources, with IDF weights and a candidate index."""

    def __init__(self, sources: Sequence[Source]) -> None:
        import numpy as np

        self.units: list[Unit] = []
        self.by_source: list[range] = []
        self.by_paragraph: dict[tuple[int, int], range] = {}
        # One key for a word two sources spell differently (an old print, no accents).
        bridged = bridged_keys(sources)
        for s, source in enumerate(sources):
            first = len(self.units)
            for paragraph in source.paragraphs:
                start = len(self.units)
                keys = paragraph.tokens.keys()
                if bridged:
                    keys = [bridged.get(key, key) for key in keys]
                for k, sentence in enumerate(paragraph.sentences):
                    bag = Counter(filter(None, keys[sentence.first_token : sentence.last_token]))
                    self.units.append(Unit(s, paragraph.index, k, dict(bag)))
                self.by_paragraph[(s, paragraph.index)] = range(start, len(self.units))
            self.by_source.append(range(first, len(self.units)))
        # Every (unit, key, count) as three columns: the weights, the index and the scoring
        # are array work over them.
        columns: dict[str, int] = {}
        rows: list[int] = []
        cols: list[int] = []
        counts: list[int] = []
        for u, unit in enumerate(self.units):
            rows.extend(repeat(u, len(unit.bag)))
            cols.extend([columns.setdefault(key, len(columns)) for key in unit.bag])
            counts.extend(unit.bag.values())
        row = np.asarray(rows, dtype=np.int64)
        col = np.asarray(cols, dtype=np.int64)
        count = np.asarray(counts, dtype=np.int64)
        n = max(1, len(self.units))
        df = np.bincount(col, minlength=len(columns))
        idf = np.log((n + 1) / (df + 0.5))
        self.df: Counter[str] = Counter(dict(zip(columns, df.tolist(), strict=True)))
        self.idf = dict(zip(columns, idf.tolist(), strict=True))
        unit_weights = np.bincount(row, weights=count * idf[col], minlength=len(self.units))
        self.weights: list[float] = unit_weights.tolist()
        self._entries = (row, col, count)
        self._columns = columns
        self._idf = idf
        self._common = max(_MIN_COMMON, min(int(_COMMON_SHARE * n), _MAX_COMMON))
        self._paragraph_bags: dict[tuple[int, int], tuple[dict[str, int], float]] = {}
        self._paragraph_scores: dict[tuple[tuple[int, int], tuple[int, int]], Score] = {}
        self._by_unit: pairs.Rows | None = None

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

    # Array form ------------------------------------------------------------------------------

    def _rows(self) -> pairs.Rows:
        """Every unit's (key column, count) entries, by column: the scoring reads them."""
        if self._by_unit is None:
            from reader.core import pairs

            row, col, count = self._entries
            self._by_unit = pairs.Rows.of(row, col, count, len(self.units))
        return self._by_unit

    def candidate_scores(
        self, sources: Iterable[int] | None = None
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Return candidate pairs (a < b, in different sources) and their score values.

        Candidates share rare keys weighing about two uncommon words (or one very rare one;
        or less when a unit has too few rare keys), and only each unit's best few across the
        whole corpus are scored, so that the work grows with the units, not with units ×
        sources.
        """
        a, b = self._candidates(sources)
        return a, b, self.values(a, b)

    def _candidates(self, sources: Iterable[int] | None) -> tuple[np.ndarray, np.ndarray]:
        import numpy as np

        from reader.core import pairs

        idf = self._idf
        row, col, short = self._signatures(sources)
        n = len(self.units)
        position = self.positions()
        # A key too common to pair every unit that has it with every other (the fallback of
        # a sentence made of common words; a text that repeats itself) pairs each unit with
        # its nearest neighbours by position instead.
        postings = np.bincount(col, minlength=len(self._columns))
        crowded = postings[col] > self._common
        ones = np.ones(int((~crowded).sum()), dtype=np.int64)
        by_unit = pairs.Rows.of(row[~crowded], col[~crowded], ones, n)
        by_key = pairs.Rows.of(col[~crowded], row[~crowded], ones, len(self._columns))
        nearby = _nearby(row[crowded], col[crowded], position, idf, n)
        source = np.array([unit.source for unit in self.units])
        lows, highs = [], []
        # Blocks of units keep the pairs (shared rare weight of every pair) small in memory.
        for first in range(0, n, _BLOCK):
            stop = min(n, first + _BLOCK)
            found = _block_pairs(first, stop, (by_unit, by_key), idf, nearby, source)
            low, high = _best_partners(*found, source, short, position)
            lows.append(low)
            highs.append(high)
        if not lows or not sum(len(x) for x in lows):
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
        ids = np.sort(np.concatenate(lows) * n + np.concatenate(highs))
        ids = ids[np.r_[True, ids[1:] != ids[:-1]]]  # each pair once
        return ids // n, ids % n

    def _signatures(self, sources: Iterable[int] | None) -> tuple[np.ndarray, ...]:
        """Every unit's signature (as `signature` gives it) as (unit, key) columns, and
        which units have two keys or fewer in theirs."""
        import numpy as np

        row, col, _ = self._entries
        df = np.bincount(col, minlength=len(self._columns))
        if sources is not None:
            source = np.array([unit.source for unit in self.units], dtype=np.int64)
            allowed = np.zeros(len(self.by_source), dtype=bool)
            allowed[np.fromiter(sources, dtype=np.int64)] = True
            kept = allowed[source[row]]
            row, col = row[kept], col[kept]
        by_name = np.empty(len(self._columns), dtype=np.int64)
        by_name[[self._columns[key] for key in sorted(self._columns)]] = np.arange(len(by_name))
        size = np.bincount(row, minlength=len(self.units))  # keys in each unit's bag
        shared = df[col] > 1
        row, col = row[shared], col[shared]
        order = np.lexsort((by_name[col], df[col], row))  # each unit's keys, rarest first
        row, col = row[order], col[order]
        first = np.searchsorted(row, np.arange(len(self.units)))
        rank = np.arange(len(row)) - first[row]
        rare = np.bincount(row, weights=df[col] <= self._common, minlength=len(self.units))
        # Up to 4 + a quarter of the bag of the rare keys; a sentence of common words only
        # still needs a way in: its two rarest.
        limit = np.where(rare >= 2, np.minimum(4 + size // 4, rare), 2)
        chosen = rank < limit[row]
        row, col = row[chosen], col[chosen]
        short = np.bincount(row, minlength=len(self.units)) <= 2
        return row, col, short

    def positions(self) -> np.ndarray:
        """Each unit's place in its source, from 0 (first) to 1 (last)."""
        import numpy as np

        position = np.zeros(len(self.units))
        for span in self.by_source:
            if len(span):
                position[span.start : span.stop] = np.arange(len(span)) / max(1, len(span) - 1)
        return position

    def values(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        """Return Score.value for many pairs at once."""
        import numpy as np

        from reader.core import pairs

        if len(a) == 0:
            return np.zeros(0)
        rows = self._rows()
        keys = pairs.entry_keys(rows, len(self._idf))
        overlap = np.zeros(len(a))
        for first in range(0, len(a), _PAIR_CHUNK):  # chunks bound the entries copied at once
            part = slice(first, first + _PAIR_CHUNK)
            # The overlap, sum of min(count_a, count_b) × idf, as sums of the keys held at
            # least once, twice, … by both.
            for level in pairs.shared_weights(a[part], b[part], rows, self._idf, keys):
                overlap[part] += level
        weights = np.asarray(self.weights)
        wa, wb = weights[a], weights[b]
        total = wa + wb
        dice = np.divide(2 * overlap, total, out=np.zeros_like(overlap), where=total > 0)
        small = np.minimum(wa, wb)
        contain = np.divide(overlap, small, out=np.zeros_like(overlap), where=small > 0)
        damp = np.minimum(1.0, small / _MIN_FRAGMENT_WEIGHT)
        value = np.maximum(dice, 0.8 * contain * damp)
        return np.where(overlap >= cal.UNCOMMON_WORDS, value, 0.0)


def _nearby(
    row: np.ndarray, col: np.ndarray, position: np.ndarray, idf: np.ndarray, n: int
) -> tuple[np.ndarray, np.ndarray]:
    """Pair each (unit, key) entry with the _NEARBY entries of that key closest in position.

    Sorted by key, then by position in the source, each entry meets the next _NEARBY ones of
    the same key (and they meet it): at most 2 × _NEARBY partners per entry, however many
    units share the key. Returns the pairs seen from both sides, as ids a × n + b in
    increasing order, and their summed key weights.
    """
    import numpy as np

    from reader.core import pairs

    order = np.lexsort((position[row], col))
    row, col = row[order], col[order]
    lows, highs, weights = [], [], []
    for step in range(1, _NEARBY + 1):
        same = col[step:] == col[:-step]
        if not same.any():
            break
        lows.append(row[:-step][same])
        highs.append(row[step:][same])
        weights.append(idf[col[step:][same]])
    if not lows:
        return np.zeros(0, dtype=np.int64), np.zeros(0)
    low, high, weight = np.concatenate(lows), np.concatenate(highs), np.concatenate(weights)
    ids = np.concatenate([low * n + high, high * n + low])
    found, sums, _ = pairs.grouped_sums(ids, np.concatenate([weight, weight]))
    return found, sums


def _block_pairs(
    first: int,
    stop: int,
    signatures: tuple[pairs.Rows, pairs.Rows],
    idf: np.ndarray,
    nearby: tuple[np.ndarray, np.ndarray],
    source: np.ndarray,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Pairs of the units first..stop - 1 with the units of other sources and the rare
    weight they share, and for each a rank among its unit's partners, which settles ties.

    A unit meets its partners key by key, by column, each key's units in order: ties go to
    the partner met first, after the ones only a crowded key brings, taken from the last;
    when no unit of the block meets two partners in increasing order, all go by index. (The
    order the sparse matrix products of earlier versions gave: kept, so that the same text
    gives the same links.)
    """
    import numpy as np

    from reader.core import pairs

    by_unit, by_key = signatures
    n = len(source)
    counts = np.diff(by_unit.start[first : stop + 1])
    units = np.repeat(np.arange(first, stop), counts)
    keys = by_unit.column[by_unit.start[first] : by_unit.start[stop]]
    a, b, key = pairs.joined(units, keys, by_key)
    rising = _rising(a, b, (first, stop), by_unit, by_key)
    other = source[a] != source[b]
    ids, weight, met = pairs.grouped_sums((a[other] - first) * n + b[other], idf[key[other]])
    near_ids, near_weight = nearby
    span = np.searchsorted(near_ids, [first * n, stop * n])
    near_ids, near_weight = near_ids[span[0] : span[1]] - first * n, near_weight[span[0] : span[1]]
    at = np.searchsorted(ids, near_ids)
    inside = at < len(ids)
    inside[inside] = ids[at[inside]] == near_ids[inside]
    weight[at[inside]] += near_weight[inside]
    only = near_ids[~inside]
    if rising:
        rank = np.concatenate([met + n, n - 1 - only % n])
    else:
        rank = np.concatenate([ids % n, only % n])
    every = np.concatenate([ids, only])
    weight = np.concatenate([weight, near_weight[~inside]])
    return every // n + first, every % n, weight, rank


def _rising(
    a: np.ndarray, b: np.ndarray, block: tuple[int, int], by_unit: pairs.Rows, by_key: pairs.Rows
) -> bool:
    """Tell whether some unit of the block meets two partners in increasing order.

    A unit's first key brings only new partners, in order: two of them settle it. Else
    (seldom: no unit of the block shares its first key) every partner's first meeting tells.
    """
    import numpy as np

    from reader.core import pairs

    first, stop = block
    n = len(by_unit.start) - 1
    begin, end = by_unit.start[first:stop], by_unit.start[first + 1 : stop + 1]
    heads = by_unit.column[begin[end > begin]]
    if np.any(by_key.start[heads + 1] - by_key.start[heads] >= 2):
        return True
    ids, _, met = pairs.grouped_sums((a - first) * n + b, np.zeros(len(a)))
    return bool(np.any((ids[1:] // n == ids[:-1] // n) & (met[1:] > met[:-1])))


def _best_partners(
    a: np.ndarray,
    b: np.ndarray,
    weight: np.ndarray,
    rank: np.ndarray,
    source: np.ndarray,
    short: np.ndarray,
    position: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """Keep each unit's best few partners in the whole corpus, as (low, high) index pairs.

    Of partners that share as much, the nearest by position in their source come first (a
    text that repeats itself pairs each repetition with its own counterpart), then the one
    of lower rank. The pairs hold both (a, b) and (b, a), so every unit is seen from its own
    side.
    """
    import numpy as np

    keep = (source[a] != source[b]) & ((weight >= cal.UNCOMMON_WORDS) | short[a] | short[b])
    a, b, weight, rank = a[keep], b[keep], weight[keep], rank[keep]
    likely = _likely_best(a, weight)
    a, b, weight, rank = a[likely], b[likely], weight[likely], rank[likely]
    order = np.lexsort((rank, np.abs(position[a] - position[b]), -weight, a))
    a, b = a[order], b[order]
    group = np.r_[True, a[1:] != a[:-1]]
    start = np.maximum.accumulate(np.where(group, np.arange(len(a)), 0))
    best = (np.arange(len(a)) - start) < _CANDIDATES_PER_UNIT
    return np.minimum(a[best], b[best]), np.maximum(a[best], b[best])


def _likely_best(a: np.ndarray, weight: np.ndarray) -> np.ndarray:
    """Mask of the partners that may be among their unit's best _CANDIDATES_PER_UNIT: all
    those whose weight, rounded down to a sixteenth, reaches the rounded weight of the unit's
    best few (one sort of whole numbers; the exact order is then sought among these only).
    """
    import numpy as np

    if len(a) == 0:
        return np.ones(0, dtype=bool)
    # Rounding down keeps the order of the weights, so no true best partner is left out.
    unit = a - a.min()
    rounded = np.minimum((weight * 16).astype(np.int64), (1 << 24) - 1)
    key = (unit << 24) | ((1 << 24) - 1 - rounded)  # by unit, heaviest first
    ordered = np.sort(key)
    start = np.flatnonzero(np.r_[True, ordered[1:] >> 24 != ordered[:-1] >> 24])
    stop = np.r_[start[1:], len(ordered)]
    last = np.where(stop - start > _CANDIDATES_PER_UNIT, start + _CANDIDATES_PER_UNIT - 1, stop - 1)
    threshold = np.empty(int(unit.max()) + 1, dtype=np.int64)
    threshold[ordered[start] >> 24] = ordered[last]
    return key <= threshold[unit]
