"""Alignment accuracy against verse ids, on a few books of two French New Testaments.

The full-size figures (1 MB a side) are in tests/benchmarks; this quick version keeps an
accuracy regression from passing CI. Skipped when ../shared/corpora is absent.
"""

from __future__ import annotations

import pytest

from reader.core import Corpus
from reader.core.loading import build_source
from reader.core.segment import Block
from tests import ntcorpus as nt

pytestmark = [
    pytest.mark.core,
    pytest.mark.skipif(not nt.available(), reason="../shared/corpora/nt-fr is not present"),
]

BOOKS = ["Philippians", "Colossians", "James", "I Peter"]


def scores(left: str, right: str, lg: int, rg: int, drop=None) -> tuple[float, float]:
    left_side, right_side = nt.pair(left, right, lg, rg, BOOKS, drop)
    corpus = Corpus(
        [
            build_source([Block(text, f"line {i + 1}") for i, text in enumerate(s.paragraphs)], n)
            for s, n in ((left_side, "left"), (right_side, "right"))
        ]
    )
    rows = corpus.comparison("left", "right").rows
    predicted = {(a, b) for row in rows for a in row.left for b in row.right}
    return nt.precision_recall(predicted, nt.truth(left_side, right_side))


@pytest.mark.parametrize(
    ("left", "right", "left_group", "right_group", "drop"),
    [
        ("FreStapfer1889", "FreOltramare1874", 2, 4, None),  # many-to-one
        ("FreStapfer1889", "FreOltramare1874", 3, 3, None),  # equal sizes
        ("FreStapfer1889", "FreOltramare1874", 2, 2, (0.4, 0.55)),  # a stretch missing
        ("FreSynodale1921", "FreStapfer1889", 1, 3, None),  # single verses, three to one
    ],
)
def test_paragraphs_that_share_verses_are_paired(
    left: str, right: str, left_group: int, right_group: int, drop
) -> None:
    precision, recall = scores(left, right, left_group, right_group, drop)
    assert precision >= 0.98, precision
    assert recall >= 0.98, recall


def test_a_defective_chapter_is_left_out_of_the_ground_truth() -> None:
    assert ("Matthew", 13) in nt.defective("FreOltramare1874")
    assert nt.defective("FreStapfer1889") == frozenset()
