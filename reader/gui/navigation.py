"""Next and previous difference, sentence by sentence, from the comparison's own table."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable

from reader.core.compare import Comparison, SentencePair, Stop

# A place in a comparison: (row, sentence); sentence -1 stands for a whole row.
Place = tuple[int, int]


class DifferenceTable:
    """The differences worth stopping at, in reading order, for O(log n) next/previous."""

    def __init__(
        self, comparison: Comparison | None, keep: Callable[[Stop], bool] = lambda stop: True
    ) -> None:
        found = comparison.differences if comparison is not None else ()
        self.stops = [stop for stop in found if keep(stop)]
        self._keys = [(stop.row, stop.sentence) for stop in self.stops]

    def __len__(self) -> int:
        return len(self.stops)

    def next(self, current: Place) -> Stop | None:
        """The first difference after `current` ((-1, -1) for the start), or None."""
        i = bisect_right(self._keys, current)
        return self.stops[i] if i < len(self.stops) else None

    def previous(self, current: Place) -> Stop | None:
        """The last difference before `current`, or None."""
        i = bisect_left(self._keys, current)
        return self.stops[i - 1] if i > 0 else None

    def position(self, stop: Stop) -> int | None:
        """1-based rank of a difference, for "difference 3 of 12"."""
        key = (stop.row, stop.sentence)
        i = bisect_left(self._keys, key)
        return i + 1 if i < len(self._keys) and self._keys[i] == key else None


def sentence_at(
    comparison: Comparison, side: int, paragraph: int, offset: int
) -> SentencePair | None:
    """The aligned sentence pair holding a character of a paragraph (side -1 left, 1 right),
    if that sentence has a counterpart; only the paragraph's own row is looked through."""
    if offset < 0:
        return None
    row = comparison.rows[comparison.row_of(side, paragraph)]
    for pair in row.sentences:
        if pair.matched and any(
            s.paragraph == paragraph and s.start <= offset <= s.end
            for s in (pair.left if side == -1 else pair.right)
        ):
            return pair
    return None
