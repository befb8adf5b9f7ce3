"""Scroll one pane so that the other's counterpart text stands level with it.

A pure class, as ReText's syncscroll and Meld's `_sync_vscroll`: it knows the rows of a
comparison and, through injected callbacks, where each paragraph of each pane lies (in the
pane's document pixels). A point of one pane maps to the other through the row that holds
it: proportionally inside a paired block, and through an unmatched stretch by interpolating
between the neighbouring paired blocks. A re-entry guard keeps the two panes from feeding
each other.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from reader.core.compare import Row

# (top, bottom) of a paragraph in its pane's document coordinates, or None if hidden.
Extent = Callable[[int], tuple[float, float] | None]


@dataclass(frozen=True)
class _Span:
    """A stretch of the left pane that corresponds to a stretch of the right pane."""

    left_top: float
    left_bottom: float
    right_top: float
    right_bottom: float


class ScrollSync:
    """Map a vertical position in one pane to the matching position in the other."""

    def __init__(
        self,
        rows: Sequence[Row],
        left_extent: Extent,
        right_extent: Extent,
        scroll_left: Callable[[float], None],
        scroll_right: Callable[[float], None],
    ) -> None:
        self._rows = rows
        self._left_extent = left_extent
        self._right_extent = right_extent
        self._scroll = {-1: scroll_left, 1: scroll_right}
        self._spans: list[_Span] | None = None
        self._busy = False

    @contextmanager
    def paused(self) -> Iterator[None]:
        """Move a pane on purpose (to a counterpart) without the other following it."""
        busy, self._busy = self._busy, True
        try:
            yield
        finally:
            self._busy = busy

    def invalidate(self) -> None:
        """Forget the geometry (after a resize, a zoom or a filter change)."""
        self._spans = None

    def follow(self, side: int, position: float) -> None:
        """The pane on `side` (-1 left, 1 right) shows `position`: bring the other level."""
        if self._busy:
            return  # the other pane is moving because we moved it
        self._busy = True
        try:
            target = self.map(side, position)
            if target is not None:
                self._scroll[-side](target)
        finally:
            self._busy = False

    def map(self, side: int, position: float) -> float | None:
        """Return the position in the other pane that matches `position` in pane `side`."""
        spans = self._monotone_spans()
        if not spans:
            return None
        if side == -1:
            keys = [(s.left_top, s.left_bottom, s.right_top, s.right_bottom) for s in spans]
        else:
            keys = [(s.right_top, s.right_bottom, s.left_top, s.left_bottom) for s in spans]
        return _interpolate(keys, position)

    def _monotone_spans(self) -> list[_Span]:
        """Paired blocks that follow both orders (moved text would make scrolling jump)."""
        if self._spans is not None:
            return self._spans
        spans: list[_Span] = []
        for row in self._rows:
            if not (row.left and row.right):
                continue
            left = _union(self._left_extent, row.left)
            right = _union(self._right_extent, row.right)
            if left is None or right is None:
                continue
            span = _Span(left[0], left[1], right[0], right[1])
            if spans and (
                span.right_top < spans[-1].right_bottom or span.left_top < spans[-1].left_bottom
            ):
                continue  # a crossing row: shown by the link map, not followed by the scroll
            spans.append(span)
        self._spans = spans
        return spans


def _union(extent: Extent, paragraphs: Sequence[int]) -> tuple[float, float] | None:
    found = [e for e in (extent(p) for p in paragraphs) if e is not None]
    if not found:
        return None
    return min(top for top, _ in found), max(bottom for _, bottom in found)


def _interpolate(keys: list[tuple[float, float, float, float]], position: float) -> float:
    """Map through (from_top, from_bottom, to_top, to_bottom) blocks sorted by from_top."""
    tops = [k[0] for k in keys]
    i = bisect_right(tops, position) - 1
    if i < 0:  # before the first block: keep the same distance to it
        return keys[0][2] - (keys[0][0] - position)
    from_top, from_bottom, to_top, to_bottom = keys[i]
    if position <= from_bottom:  # inside a block: proportionally
        share = (position - from_top) / (from_bottom - from_top) if from_bottom > from_top else 0
        return to_top + share * (to_bottom - to_top)
    if i + 1 < len(keys):  # between two blocks: through the gap, proportionally
        next_top, _, next_to_top, _ = keys[i + 1]
        gap = next_top - from_bottom
        share = (position - from_bottom) / gap if gap > 0 else 0
        return to_bottom + share * (next_to_top - to_bottom)
    return to_bottom + (position - from_bottom)  # after the last block
