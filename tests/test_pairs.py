"""The array joins of linking give what a plain loop over the same entries gives, bit for bit."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core import pairs
from reader.core.loading import build_source
from reader.core.segment import Block
from reader.core.units import UnitTable

pytestmark = pytest.mark.core

WORDS = [f"mot{letter}{other}" for letter in "abcdefgh" for other in "xyz"]

bags = st.lists(
    st.dictionaries(st.integers(0, 15), st.integers(1, 4), max_size=8), min_size=1, max_size=12
)


@given(st.lists(st.tuples(st.integers(0, 30), st.floats(0.1, 9.0)), max_size=60))
def test_grouped_sums_add_each_ids_weights_in_the_order_they_come(
    entries: list[tuple[int, float]],
) -> None:
    ids = np.array([i for i, _ in entries], dtype=np.int64)
    weights = np.array([w for _, w in entries])
    found, sums, first = pairs.grouped_sums(ids, weights)
    expected: dict[int, float] = {}
    first_seen: dict[int, int] = {}
    for at, (i, w) in enumerate(entries):
        expected[i] = expected.get(i, 0.0) + w
        first_seen.setdefault(i, at)
    assert found.tolist() == sorted(expected)
    assert sums.tolist() == [expected[i] for i in sorted(expected)]  # exactly: same order
    assert first.tolist() == [first_seen[i] for i in sorted(expected)]


@given(bags, st.data(), st.sampled_from([pairs._TABLE_BYTES, 0]))
def test_shared_weights_sum_the_keys_both_hold_level_by_level(
    units: list[dict[int, int]], data: st.DataObject, cells: int
) -> None:
    """Both ways of finding the shared keys (a table of counts, or a binary search when the
    table would be too large: a limit of 0 bytes forces it) give the loop's sums."""
    idf = np.array(data.draw(st.lists(st.floats(0.1, 9.0), min_size=16, max_size=16)))
    row = np.array([u for u, bag in enumerate(units) for _ in bag], dtype=np.int64)
    col = np.array([k for bag in units for k in bag], dtype=np.int64)
    count = np.array([c for bag in units for c in bag.values()], dtype=np.int64)
    rows = pairs.Rows.of(row, col, count, len(units))
    index = st.integers(0, len(units) - 1)
    chosen = data.draw(st.lists(st.tuples(index, index), min_size=1, max_size=20))
    a = np.array([x for x, _ in chosen], dtype=np.int64)
    b = np.array([y for _, y in chosen], dtype=np.int64)
    limit, pairs._TABLE_BYTES = pairs._TABLE_BYTES, cells
    try:
        levels = pairs.shared_weights(a, b, rows, idf)
    finally:
        pairs._TABLE_BYTES = limit
    for i, (x, y) in enumerate(chosen):
        shared = sorted(units[x].keys() & units[y].keys())
        for level in range(1, 5):
            expected = 0.0
            for key in shared:  # by column, from zero
                if min(units[x][key], units[y][key]) >= level:
                    expected += idf[key]
            got = levels[level - 1][i] if level <= len(levels) else 0.0
            assert got == expected


def test_shared_weights_count_a_key_held_hundreds_of_times() -> None:
    # A count past 255 does not fit the byte a cell of the table of counts holds.
    row, col = np.array([0, 0, 1, 1]), np.array([2, 5, 2, 5])
    rows = pairs.Rows.of(row, col, np.array([300, 1, 280, 1]), 2)
    idf = np.arange(8, dtype=np.float64) + 0.5
    levels = pairs.shared_weights(np.array([0]), np.array([1]), rows, idf)
    assert len(levels) == 280
    assert levels[0].tolist() == [2.5 + 5.5] and levels[1].tolist() == levels[279].tolist() == [2.5]


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.lists(st.lists(st.sampled_from(WORDS), min_size=1, max_size=9), min_size=1, max_size=5),
        min_size=2,
        max_size=6,
    )
)
def test_candidate_values_are_the_scores_of_the_pairs(texts: list[list[list[str]]]) -> None:
    sources = [
        build_source(
            [
                Block(" ".join(words).capitalize() + ".", f"line {n}")
                for n, words in enumerate(paragraphs)
            ],
            f"s{s}",
        )
        for s, paragraphs in enumerate(texts)
    ]
    table = UnitTable(sources)
    a, b, values = table.candidate_scores()
    for x, y, value in zip(a.tolist(), b.tolist(), values.tolist(), strict=True):
        assert x < y and table.units[x].source != table.units[y].source
        assert value == pytest.approx(table.score(x, y).value, abs=1e-9)


def test_a_sentence_two_sources_share_is_paired_with_its_repeated_words_counted() -> None:
    sentence = "Le budget, le budget et encore le budget des écoles communales du canton."
    filler = [Block(f"Phrase {word} sans rapport numéro {n}.", "x") for n, word in enumerate(WORDS)]
    sources = [
        build_source([*filler[:12], Block(sentence, "line 1")], "gauche"),
        build_source([Block(sentence, "line 1"), *filler[12:]], "droite"),
    ]
    table = UnitTable(sources)
    a, b, values = table.candidate_scores()
    left, right = table.by_paragraph[(0, 12)].start, table.by_paragraph[(1, 0)].start
    assert Counter(table.units[left].bag)["budget"] == 3
    found = dict(zip(zip(a.tolist(), b.tolist(), strict=True), values.tolist(), strict=True))
    assert found[(left, right)] == pytest.approx(1.0)


@settings(max_examples=30, deadline=None)
@given(
    st.lists(st.lists(st.sampled_from(WORDS), min_size=1, max_size=9), min_size=2, max_size=12),
    st.data(),
)
def test_holders_are_the_sets_adding_each_place_in_turn_gives(
    sentences: list[list[str]], data: st.DataObject
) -> None:
    source = build_source(
        [
            Block(" ".join(words).capitalize() + ".", f"line {n}")
            for n, words in enumerate(sentences)
        ],
        "s",
    )
    table = UnitTable([source])
    units = data.draw(st.permutations(range(len(table.units))))[: data.draw(st.integers(0, 12))]
    keys = data.draw(st.sets(st.sampled_from([*WORDS, "absent"])))
    expected: dict[str, set[int]] = {}
    for at, u in enumerate(units):
        for key in table.units[u].bag.keys() & keys:
            expected.setdefault(key, set()).add(at)
    found = table.holders(keys, units)
    assert found == expected
    assert all(list(found[key]) == list(expected[key]) for key in expected)  # same order


def _summed_bags(table: UnitTable, source: int, paragraph: int) -> dict[str, int]:
    summed: dict[str, int] = {}
    for u in table.by_paragraph[(source, paragraph)]:
        for key, count in table.units[u].bag.items():
            summed[key] = summed.get(key, 0) + count
    return summed


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.lists(st.lists(st.sampled_from(WORDS), min_size=1, max_size=6), min_size=1, max_size=4),
        min_size=1,
        max_size=6,
    ),
    st.sampled_from([". ", " ; ", "? "]),
)
def test_a_paragraphs_bag_is_its_sentences_bags_summed(
    paragraphs: list[list[list[str]]], stop: str
) -> None:
    """Counted from the paragraph's tokens, the bag has its units' keys, counts and order
    (the order its weight is summed in), a paragraph of punctuation alone too."""
    texts = [stop.join(" ".join(words) for words in sentences) + "." for sentences in paragraphs]
    source = build_source([Block(t, f"line {n}") for n, t in enumerate([*texts, "…"])], "s")
    table = UnitTable([source])
    for p in range(len(source.paragraphs)):
        bag, weight = table.paragraph_bag(0, p)
        summed = _summed_bags(table, 0, p)
        assert list(bag.items()) == list(summed.items())
        assert weight == table.weight(summed)


def test_a_bridged_paragraphs_bag_counts_the_shared_keys() -> None:
    from tests.test_spelling import MODERN, OLD, sources

    table = UnitTable(sources(MODERN, OLD))
    assert table._bridged  # the old print's habit is bridged
    for s, p in table.by_paragraph:
        bag, _ = table.paragraph_bag(s, p)
        assert list(bag.items()) == list(_summed_bags(table, s, p).items())
    old, modern = table.paragraph_bag(1, 2)[0], table.paragraph_bag(0, 2)[0]
    assert len(old.keys() & modern.keys()) >= len(modern) - 1
