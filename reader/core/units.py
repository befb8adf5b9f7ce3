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
from functools import reduce
from itertools import chain
from operator import add
from typing import TYPE_CHECKING

from reader.core import calibration as cal
from reader.core.model import Source
from reader.core.spelling import bridged_keys

if TYPE_CHECKING:  # imported where used: loading a file, or a usage error, needs neither
    import numpy as np

    from reader.core import pairs
    from reader.core.text import Tokens

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
# The common bound itself stops growing here, so that a large corpus does not pair every
# unit with a share of all the others (which would grow as the square of the corpus).
_MAX_COMMON = 400
# Pairs scored at once: the entries copied for a chunk are among the largest arrays of linking
# (on a book, 10,000 pairs keep them to a few megabytes; larger chunks buy no speed).
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
        self._bridged = bridged_keys(sources)
        # Each paragraph's tokens, where it has a sentence (its sentences then hold them
        # all, the trailing ones going to the last): its whole bag is counted from them when
        # asked (paragraph_bag), not kept.
        self._paragraph_tokens: dict[tuple[int, int], Tokens] = {}
        for s, source in enumerate(sources):
            first = len(self.units)
            for paragraph in source.paragraphs:
                start = len(self.units)
                keys = self._matching_keys(paragraph.tokens)
                for k, sentence in enumerate(paragraph.sentences):
                    bag = Counter(filter(None, keys[sentence.first_token : sentence.last_token]))
                    self.units.append(Unit(s, paragraph.index, k, dict(bag)))
                self.by_paragraph[(s, paragraph.index)] = range(start, len(self.units))
                if paragraph.sentences:
                    self._paragraph_tokens[(s, paragraph.index)] = paragraph.tokens
            self.by_source.append(range(first, len(self.units)))
        # Every (unit, key, count) as three columns: the weights, the index and the scoring
        # are array work over them.
        # Keys are numbered in the order they first come (the order of the joins' sums).
        bags = [unit.bag for unit in self.units]
        keys = list(chain.from_iterable(bags))
        columns = {key: n for n, key in enumerate(dict.fromkeys(keys))}
        sizes = np.fromiter(map(len, bags), dtype=np.int64, count=len(bags))
        row = np.repeat(np.arange(len(bags), dtype=np.int64), sizes)
        col = np.fromiter(map(columns.__getitem__, keys), dtype=np.int64, count=len(keys))
        values = chain.from_iterable(map(dict.values, bags))
        count = np.fromiter(values, dtype=np.int64, count=len(keys))
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
        self._paragraph_weights: dict[tuple[int, int], float] = {}
        self._paragraph_scores: dict[tuple[tuple[int, int], tuple[int, int]], Score] = {}
        self._by_unit: pairs.Rows | None = None

    def paragraph_bag(self, source: int, paragraph: int) -> tuple[dict[str, int], float]:
        """Return the keys of a whole paragraph and their weight.

        Its sentences cover its tokens one after the other, so counting the tokens' keys
        gives its units' bags summed, keys in the same order. Counted again at each call
        rather than kept: a book's paragraph bags held about 7 MB at the peak of labelling,
        and counting one is a C-level pass over its keys."""
        key = (source, paragraph)
        tokens = self._paragraph_tokens.get(key)
        bag = dict(Counter(filter(None, self._matching_keys(tokens)))) if tokens else {}
        weight = self._paragraph_weights.get(key)
        if weight is None:
            weight = self._paragraph_weights[key] = self.weight(bag)
        return bag, weight

    def _matching_keys(self, tokens: Tokens) -> list[str]:
        """Each token's matching key, with the spellings this corpus bridges made one."""
        keys = tokens.keys()
        bridged = self._bridged
        return [bridged.get(key, key) for key in keys] if bridged else keys

    def paragraph_score(self, a: tuple[int, int], b: tuple[int, int]) -> Score:
        """Score two whole paragraphs, for text that one source splits and another merges."""
        key = (a, b)
        found = self._paragraph_scores.get(key)
        if found is None:
            bag_a, weight_a = self.paragraph_bag(*a)
            bag_b, weight_b = self.paragraph_bag(*b)
            mirror = self._paragraph_scores.get((b, a))
            # The pair seen from the other side, when it was: the same sums (the smaller
            # bag is read either way), its two sides swapped. Bags of one size are read
            # from the first, so their sums may differ in the last bit: worked out again.
            if mirror is not None and len(bag_a) != len(bag_b):
                found = Score(
                    mirror.dice,
                    mirror.contain_b,
                    mirror.contain_a,
                    weight_a,
                    weight_b,
                    mirror.overlap,
                )
            else:
                found = self.score_bags(bag_a, bag_b, weight_a, weight_b)
            self._paragraph_scores[key] = found
        return found

    def holders(self, keys: Iterable[str], units: Sequence[int]) -> dict[str, set[int]]:
        """For each key, the places in `units` (distinct unit indices) of the units that
        hold it: a set filled in increasing order, as adding them one by one would."""
        import numpy as np

        wanted = [self._columns[key] for key in keys if key in self._columns]
        if not wanted or not units:
            return {}
        place = np.full(len(self.units), -1, dtype=np.int64)
        place[np.asarray(units, dtype=np.int64)] = np.arange(len(units))
        row, col, _ = self._entries
        asked = np.zeros(len(self._columns), dtype=bool)
        asked[wanted] = True
        chosen = asked[col] & (place[row] >= 0)
        col, at = col[chosen], place[row[chosen]]
        if len(col) == 0:
            return {}
        order = np.lexsort((at, col))
        col, at = col[order], at[order]
        bounds = np.flatnonzero(np.r_[True, col[1:] != col[:-1], True]).tolist()
        names = list(self._columns)
        found = at.tolist()
        return {
            names[c]: set(found[lo:hi])
            for c, lo, hi in zip(col[bounds[:-1]].tolist(), bounds, bounds[1:], strict=False)
        }

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
        weight, other = self.idf.get, large.get
        # Added one by one in the smaller bag's order, from 0.0, as a loop adds them: not
        # sum(), which from Python 3.12 compensates its rounding and so gives other last bits.
        shared = [
            min(count, n) * weight(key, 1.0) for key, count in small.items() if (n := other(key))
        ]
        overlap = reduce(add, shared, 0.0)
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

        from reader.core import candidates

        row, col, short = self._signatures(sources)
        n = len(self.units)
        position = self.positions()
        # A key too common to pair every unit that has it with every other (the fallback of
        # a sentence made of common words; a text that repeats itself) pairs each unit with
        # its nearest neighbours by position instead.
        postings = np.bincount(col, minlength=len(self._columns))
        crowded = postings[col] > self._common
        signatures = candidates.Signatures.of(row[~crowded], col[~crowded], n, len(self._columns))
        nearby = candidates.nearby_pairs(row[crowded], col[crowded], position, self._idf, n)
        source = np.array([unit.source for unit in self.units], dtype=np.int64)
        starts = np.array([span.start for span in self.by_source], dtype=np.int64)
        ends = np.array([span.stop for span in self.by_source], dtype=np.int64)
        units = candidates.UnitColumns(
            source, starts[source], ends[source], position, short, self._idf
        )
        return candidates.best_partners(signatures, nearby, units, _CANDIDATES_PER_UNIT)

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
        overlap = np.zeros(len(a))
        for first in range(0, len(a), _PAIR_CHUNK):  # chunks bound the entries copied at once
            part = slice(first, first + _PAIR_CHUNK)
            # The overlap, sum of min(count_a, count_b) × idf, as sums of the keys held at
            # least once, twice, … by both.
            for level in pairs.shared_weights(a[part], b[part], rows, self._idf):
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
