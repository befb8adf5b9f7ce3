"""Scroll one pane so that the other's counterpart text stands level with it.

A pure class, as ReText's syncscroll and Meld's `_sync_vscroll`: it knows the rows of a
comparison and, through injected callbacks, where each paragraph of each pane lies (in the
pane's document lines). A point of one pane maps to the other through the row that holds it,
and through an unmatched stretch by interpolating between the neighbouring paired blocks.
Inside a row the aligned sentences are the anchors: the line a sentence starts on maps to
the line its counterpart starts on, so that in a tall row (many paragraphs facing many, or
sentences of very different lengths) each sentence scrolls level with its counterpart, not
merely the row's top and bottom. A re-entry guard keeps the two panes from feeding each other.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from reader.core.compare import Row, Span

# (top, bottom) of a paragraph in its pane's document lines, or None if hidden.
Extent = Callable[[int], tuple[float, float] | None]
# (start, end) of a span of a paragraph's text in its pane's lines, a fraction of a line
# counted along it (so that a sentence starting mid-line has an anchor between lines).
Place = Callable[[Span], tuple[float, float] | None]
# (from_top, from_bottom, to_top, to_bottom): a stretch of one pane facing one of the other.
Key = tuple[float, float, float, float]


@dataclass(frozen=True)
class _Span:
    """A stretch of the left pane that corresponds to a stretch of the right pane."""

    left_top: float
    left_bottom: float
    right_top: float
    right_bottom: float
    row: int = -1

    def key(self, side: int) -> Key:
        if side == -1:
            return (self.left_top, self.left_bottom, self.right_top, self.right_bottom)
        return (self.right_top, self.right_bottom, self.left_top, self.left_bottom)


class ScrollSync:
    """Map a vertical position in one pane to the matching position in the other."""

    def __init__(
        self,
        rows: Sequence[Row],
        left_extent: Extent,
        right_extent: Extent,
        scroll_left: Callable[[float], None],
        scroll_right: Callable[[float], None],
        left_place: Place | None = None,
        right_place: Place | None = None,
    ) -> None:
        self._rows = rows
        self._left_extent = left_extent
        self._right_extent = right_extent
        self._place = (left_place, right_place)
        self._scroll = {-1: scroll_left, 1: scroll_right}
        self._spans: list[_Span] | None = None
        self._keys: dict[int, list[Key]] = {}
        # Per row, its sentence anchors (worked out when a position first falls in the row).
        self._anchors: dict[int, list[_Span]] = {}
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
        self._keys = {}
        self._anchors = {}

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
        keys = self._keys.get(side)
        if keys is None:  # once per geometry: a scroll step costs a bisection, not a pass
            keys = self._keys[side] = [s.key(side) for s in spans]
        i = bisect_right(keys, (position, float("inf"))) - 1
        if i >= 0 and position <= keys[i][1]:
            # Inside a row, from sentence to sentence, line by line: the line at the reading
            # point maps, and the other pane keeps the same share of a line (both panes'
            # reading points stand at the same share), so that a sentence's first line
            # there brings its counterpart's first line there too.
            inner = self._row_anchors(spans[i]) or _ends(spans[i])
            line = math.floor(position)
            return _interpolate([s.key(side) for s in inner], line) + (position - line)
        return _interpolate(keys, position)

    def _monotone_spans(self) -> list[_Span]:
        """Paired blocks that follow both orders (moved text would make scrolling jump)."""
        if self._spans is not None:
            return self._spans
        spans: list[_Span] = []
        for n, row in enumerate(self._rows):
            if not (row.left and row.right):
                continue
            left = _union(self._left_extent, row.left)
            right = _union(self._right_extent, row.right)
            if left is None or right is None:
                continue
            span = _Span(left[0], left[1], right[0], right[1], n)
            if spans and (
                span.right_top < spans[-1].right_bottom or span.left_top < spans[-1].left_bottom
            ):
                continue  # a crossing row: shown by the link map, not followed by the scroll
            spans.append(span)
        self._spans = spans
        return spans

    def _row_anchors(self, block: _Span) -> list[_Span]:
        """A row's aligned sentences as anchor points (the line each starts on, both sides),
        framed by the row's top and bottom.

        Only sentences in both orders anchor (a moved one would make the scroll jump back),
        each on a later line than the one before on both sides; a row whose sentences all
        start on its first line is mapped as a whole.
        """
        found = self._anchors.get(block.row)
        if found is not None:
            return found
        left_place, right_place = self._place
        found = []
        if left_place is not None and right_place is not None:
            points = [(block.left_top, block.right_top)]
            for pair in self._rows[block.row].sentences:
                if pair.moved or not pair.matched:
                    continue
                left, right = left_place(pair.left[0]), right_place(pair.right[0])
                if left is None or right is None:
                    continue
                point = (float(math.floor(left[0])), float(math.floor(right[0])))
                if point[0] > points[-1][0] and point[1] > points[-1][1]:
                    points.append(point)
            end = (block.left_bottom, block.right_bottom)
            while len(points) > 1 and not (end[0] > points[-1][0] and end[1] > points[-1][1]):
                points.pop()  # a sentence starting on the row's last line on one side
            if len(points) > 1:  # a sentence starts inside the row, not only at its top
                found = [_Span(a, a, b, b, block.row) for a, b in (*points, end)]
        self._anchors[block.row] = found
        return found


def _ends(block: _Span) -> list[_Span]:
    """A row's top and bottom as the only anchors."""
    top = _Span(block.left_top, block.left_top, block.right_top, block.right_top, block.row)
    bottom = (block.left_bottom, block.left_bottom, block.right_bottom, block.right_bottom)
    return [top, _Span(*bottom, block.row)]


def _union(extent: Extent, paragraphs: Sequence[int]) -> tuple[float, float] | None:
    found = [e for e in (extent(p) for p in paragraphs) if e is not None]
    if not found:
        return None
    return min(top for top, _ in found), max(bottom for _, bottom in found)


def _interpolate(keys: list[Key], position: float) -> float:
    """Map through (from_top, from_bottom, to_top, to_bottom) blocks sorted by from_top."""
    i = bisect_right(keys, (position, float("inf"))) - 1
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
