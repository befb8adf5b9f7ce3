"""Sentence units of a corpus, weighted by how rare their words are.

Similarity between two units is the IDF-weighted overlap of their word keys: Dice for units of
like size, containment when one is a fragment of the other (a sentence quoted inside a longer
paragraph). Candidate pairs come from an inverted index over each unit's rarest keys, so the
cost grows with the corpus, not with its square.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reader.core.model import Source

# A key that appears in more than this share of the units (and in more than _MIN_COMMON of
# them) is too common to find candidates with; it still counts when scoring a pair.
_COMMON_SHARE = 0.02
_MIN_COMMON = 60
# A fragment must carry this much weight (four or five uncommon words) before its containment
# in a longer unit counts as evidence.
_MIN_FRAGMENT_WEIGHT = 16.0
# Two units must share at least this weight (about two uncommon words) to count as related:
# below it, one shared name or topic word is all they have in common.
_MIN_OVERLAP = 6.0
# Candidate pairs must share rare keys of at least this weight before they are scored.
_MIN_SHARED_RARE = 6.0


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
        bag_a, weight_a = self.paragraph_bag(*a)
        bag_b, weight_b = self.paragraph_bag(*b)
        return self.score_bags(bag_a, bag_b, weight_a, weight_b)

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
        keys = [k for k in bag if 1 < self.df[k] <= self._common]
        keys.sort(key=lambda k: (self.df[k], k))
        return keys[: 4 + len(bag) // 4]

    def candidate_pairs(self, sources: Iterable[int] | None = None) -> list[tuple[int, int]]:
        """Return pairs (a, b), a < b, of units in different sources sharing rare keys.

        The rare keys in common must weigh about two uncommon words (or one very rare one),
        unless a unit has too few rare keys: sentences that carry the same words share more
        than one ordinary word.
        """
        allowed = None if sources is None else set(sources)
        signatures = [
            self.signature(u) if allowed is None or unit.source in allowed else []
            for u, unit in enumerate(self.units)
        ]
        postings: dict[str, list[int]] = defaultdict(list)
        for u, keys in enumerate(signatures):
            for key in keys:
                postings[key].append(u)
        shared: dict[tuple[int, int], float] = defaultdict(float)
        units, idf = self.units, self.idf
        for key, members in postings.items():
            if len(members) < 2:
                continue
            for i, a in enumerate(members):
                source_a = units[a].source
                for b in members[i + 1 :]:
                    if units[b].source != source_a:
                        shared[(a, b)] += idf[key]
        return [
            pair
            for pair, weight in shared.items()
            if weight >= _MIN_SHARED_RARE
            or min(len(signatures[pair[0]]), len(signatures[pair[1]])) <= 2
        ]
