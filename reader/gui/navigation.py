"""Next and previous difference: the rows worth stopping at, found once per comparison."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence

from reader.core.compare import Row
from reader.core.substance import ChangeKind, changes


def is_difference(row: Row) -> bool:
    """A row differs if one side has no counterpart, or their words differ beyond typography."""
    if not (row.left and row.right):
        return True
    return any(change.kind != ChangeKind.IGNORED for change in changes(row))


class DifferenceTable:
    """The indices of the rows that differ, for O(log n) next/previous from any row."""

    def __init__(self, rows: Sequence[Row], keep: Callable[[Row], bool] = lambda row: True):
        self.targets = [i for i, row in enumerate(rows) if keep(row) and is_difference(row)]

    def __len__(self) -> int:
        return len(self.targets)

    def next(self, current: int) -> int | None:
        """The first differing row after `current` (-1 for the start), or None."""
        i = bisect_right(self.targets, current)
        return self.targets[i] if i < len(self.targets) else None

    def previous(self, current: int) -> int | None:
        """The last differing row before `current`, or None."""
        i = bisect_left(self.targets, current)
        return self.targets[i - 1] if i > 0 else None

    def position(self, row: int) -> int | None:
        """1-based rank of a differing row, for "difference 3 of 12"."""
        i = bisect_left(self.targets, row)
        return i + 1 if i < len(self.targets) and self.targets[i] == row else None
