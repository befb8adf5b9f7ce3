"""The statement's fragment search picks the same candidates as counting every item."""

from __future__ import annotations

import heapq
from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.core.passages import most_shared


def _counted(postings: list[set[int]], n: int) -> list[int]:
    shared: Counter[int] = Counter()
    for posting in postings:
        shared.update(posting)
    return heapq.nlargest(n, shared, key=shared.__getitem__)


@given(
    postings=st.lists(st.sets(st.integers(0, 60) | st.integers(0, 10**9), max_size=40), max_size=3),
    n=st.integers(0, 20),
)
def test_the_most_shared_items_come_in_the_order_counting_gives(
    postings: list[set[int]], n: int
) -> None:
    assert most_shared(postings, n) == _counted(postings, n)


def test_items_in_more_postings_come_first_then_the_order_found() -> None:
    first, second, third = {5, 1, 9}, {9, 2, 5}, {9, 7}
    assert most_shared([first, second, third], 12) == _counted([first, second, third], 12)
    assert most_shared([first, second, third], 2) == [9, 5]


def test_more_than_three_postings_are_refused() -> None:
    with pytest.raises(ValueError):
        most_shared([{1}, {2}, {3}, {4}], 3)
