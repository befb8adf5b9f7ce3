"""Work that stays linear: candidates bounded per sentence, repetitive text aligned in place."""

from __future__ import annotations

from collections import Counter
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.core import passages
from reader.core.corpus import Corpus
from reader.core.linking import link_corpus
from reader.core.loading import build_source
from reader.core.model import Source
from reader.core.segment import Block
from reader.core.units import UnitTable

pytestmark = pytest.mark.core

REFRAIN = (
    "Le conseil municipal a adopté la délibération sur le budget des écoles à l'unanimité "
    "des voix exprimées ce soir. Les membres présents ont signé le registre de la séance, "
    "puis le maire a levé la séance vers minuit."
)


def repeated(source_id: str, times: int) -> Source:
    return build_source([Block(REFRAIN, f"line {n + 1}") for n in range(times)], source_id)


def test_a_text_repeated_whole_aligns_with_itself_in_place() -> None:
    corpus = Corpus([repeated("left", 300), repeated("right", 300)])
    rows = corpus.comparison("left", "right").rows
    assert [(row.left, row.right) for row in rows] == [((n,), (n,)) for n in range(300)]


def test_each_sentence_of_a_repetitive_text_has_few_links() -> None:
    corpus = Corpus([repeated("left", 400), repeated("right", 400)])
    links = link_corpus(UnitTable(corpus.sources))
    degree = Counter([link.a for link in links] + [link.b for link in links])
    assert links and max(degree.values()) <= 2


def test_candidates_are_bounded_per_sentence_however_many_sources() -> None:
    shared = "Le ministre a promis douze nouvelles écoles dans la vallée avant l'hiver prochain."
    sources = [
        build_source(
            [Block(shared, "line 1"), Block(f"Texte propre numéro {n} sur un autre sujet.", "x")],
            f"s{n:02}",
        )
        for n in range(60)
    ]
    table = UnitTable(sources)
    a, b, _ = table.candidate_scores()
    per_unit = Counter([*a.tolist(), *b.tolist()])
    # Each copy of the shared sentence could pair with 59 others; it keeps its best few.
    assert max(per_unit.values()) <= 2 * 16
    assert len(a) <= 16 * len(table.units)


def _pieces_by_scan(units: list[int], sizes: list[int], words: int) -> list[list[int]]:
    """The even cut of a paragraph's sentences, by trying every cut (the definition)."""
    total = sum(sizes)
    pieces = max(1, min(len(units), round(total / words)))
    cumulative = [sum(sizes[: i + 1]) for i in range(len(sizes))]
    cuts: list[int] = []
    for k in range(1, pieces):
        goal = k * total / pieces
        candidates = range(cuts[-1] + 1 if cuts else 1, len(units) - (pieces - k) + 1)
        cuts.append(min(candidates, key=lambda i: abs(cumulative[i - 1] - goal)))
    bounds = [0, *cuts, len(units)]
    return [units[a:b] for a, b in pairwise(bounds)]


@given(st.lists(st.integers(min_value=0, max_value=80), min_size=1, max_size=60))
def test_passages_cut_a_long_paragraph_as_trying_every_cut_would(sizes: list[int]) -> None:
    units = list(range(len(sizes)))
    assert passages._balanced_pieces(units, sizes) == _pieces_by_scan(
        units, sizes, passages._PASSAGE_WORDS
    )
