"""What the window works out of an analysed corpus, kept for as long as the corpus lives.

A figure or a view's content computed once (in the analysis worker, most of them) and read
again at every pair shown; a new analysis is a new corpus, so nothing is ever stale.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Generic, TypeVar

from reader.core.corpus import Corpus

T = TypeVar("T")


class PerCorpus(Generic[T]):
    """`compute(corpus)`, called once a corpus: `self(corpus)` gives it, worked out the
    first time; `known` what is kept, if anything; `keep` keeps what was worked out
    elsewhere."""

    def __init__(self, compute: Callable[[Corpus], T]) -> None:
        self._compute = compute
        self._kept: weakref.WeakKeyDictionary[Corpus, T] = weakref.WeakKeyDictionary()

    def __call__(self, corpus: Corpus) -> T:
        found = self._kept.get(corpus)
        if found is None:
            found = self._kept[corpus] = self._compute(corpus)
        return found

    def known(self, corpus: Corpus) -> T | None:
        return self._kept.get(corpus)

    def keep(self, corpus: Corpus, value: T) -> None:
        self._kept[corpus] = value
