"""The strip between the panes: a band from each paragraph to its counterpart, as Meld draws.

A band joins each pair of paragraphs that an aligned sentence links (so a row pairing two
paragraphs with three reads as the sentences pair them, not as one block). Only bands with a
visible end are drawn. Bands are cubic curves filled with the row's label colour, stronger
where the paired texts are closer; a moved sentence's band crosses the others, outlined in
the moved colour. Rows with no counterpart draw nothing: their paragraphs' tint says so.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from PySide6.QtCore import QPointF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from reader.core.compare import Row
from reader.core.model import Label
from reader.gui import theme
from reader.gui.pane import SourcePane


class Band(NamedTuple):
    row: Row
    left: tuple[float, float]  # top and bottom on the left edge, in pixels
    right: tuple[float, float]
    moved: bool


# Per side, the rows that pair each paragraph with the other side.
RowIndex = tuple[dict[int, list[int]], dict[int, list[int]]]


def row_index(rows: Sequence[Row]) -> RowIndex:
    """Which rows link each paragraph to the other side (a walk over every row: a book's
    is worked out once, in the worker)."""
    index: RowIndex = ({}, {})
    for n, row in enumerate(rows):
        if row.left and row.right:
            for side, paragraphs in zip(index, (row.left, row.right), strict=True):
                for p in paragraphs:
                    side.setdefault(p, []).append(n)
    return index


class LinkMap(QWidget):
    def __init__(self, left: SourcePane, right: SourcePane, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("linkMap")
        self.left = left
        self.right = right
        self.rows: Sequence[Row] = ()
        self.labels: tuple[Sequence[Label], Sequence[Label]] = ((), ())
        self._rows_of: tuple[dict[int, list[int]], dict[int, list[int]]] = ({}, {})
        # Per row, the (left paragraph, right paragraph, moved) pairs its sentences link.
        self._pairs: dict[int, list[tuple[int, int, bool]]] = {}
        self.setMinimumWidth(40)
        self.by_hand: frozenset[tuple[int, int]] = frozenset()  # (left, right) a reader linked

    def sizeHint(self) -> QSize:
        return QSize(64, 100)

    def set_rows(
        self,
        rows: Sequence[Row],
        left: Sequence[Label],
        right: Sequence[Label],
        index: RowIndex | None = None,
    ) -> None:
        """Show these rows; `index` is `row_index(rows)` if already worked out."""
        self.rows = rows
        self.labels = (left, right)
        self._rows_of = index if index is not None else row_index(rows)
        self._pairs = {}
        self.update()

    def _linked(self, n: int) -> list[tuple[int, int, bool]]:
        """The paragraph pairs a row's aligned sentences link (worked out when first drawn)."""
        found = self._pairs.get(n)
        if found is None:
            row = self.rows[n]
            pairs: dict[tuple[int, int], bool] = {}
            for pair in row.sentences:
                for a in pair.left:
                    for b in pair.right:
                        key = (a.paragraph, b.paragraph)
                        pairs[key] = pairs.get(key, True) and pair.moved
            if not pairs:  # a row built without sentences: its paragraphs as one block
                pairs = {(p, q): False for p in row.left for q in row.right}
            found = self._pairs[n] = [(a, b, moved) for (a, b), moved in pairs.items()]
        return found

    def visible_bands(self) -> list[Band]:
        """Each linked pair of paragraphs with a visible end, with its extents in pixels."""
        bands = []
        height = self.height()
        # Only rows with a paragraph in view on either side: the work follows the screen.
        candidates = {
            n
            for pane, rows_of in zip((self.left, self.right), self._rows_of, strict=True)
            for p in pane.visible_paragraphs()
            for n in rows_of.get(p, ())
        }
        for n in sorted(candidates):
            row = self.rows[n]
            for a, b, moved in self._linked(n):
                left = _span(self.left, (a,))
                right = _span(self.right, (b,))
                if left is None or right is None:
                    continue
                if (left[1] < 0 and right[1] < 0) or (left[0] > height and right[0] > height):
                    continue
                bands.append(Band(row, left, right, moved))
        return bands

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().window())
        width = float(self.width())
        offset_left = self.left.viewport().y() - self.y()
        offset_right = self.right.viewport().y() - self.y()
        for row, left, right, moved in self.visible_bands():
            path = _band(
                width,
                (left[0] + offset_left, left[1] + offset_left),
                (right[0] + offset_right, right[1] + offset_right),
            )
            color = self._color(row)
            painter.fillPath(path, color)
            edge = QColor(theme.MOVED) if moved else QColor(color)
            edge.setAlphaF(0.9 if moved else min(1.0, color.alphaF() * 2))
            pen = QPen(edge, 1.5 if moved else 1)
            if moved:  # text both sides carry in another order: the band that crosses
                pen.setStyle(Qt.PenStyle.DotLine)
            if self.by_hand and any(
                (p, q) in self.by_hand for p in row.left for q in row.right
            ):  # a reader's link: its edge dashed and stronger, visible in print too
                pen = QPen(self.palette().text().color(), 1.5, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawPath(path)

    def _color(self, row: Row) -> QColor:
        left_labels = self.labels[0]
        label = left_labels[row.left[0]] if row.left[0] < len(left_labels) else Label.COMMENTARY
        color = QColor(theme.STYLES[label].hue)
        color.setAlphaF(0.15 + 0.35 * row.similarity)
        return color


def _span(pane: SourcePane, paragraphs: Sequence[int]) -> tuple[float, float] | None:
    extents = [e for e in (pane.extent(p) for p in paragraphs) if e is not None]
    if not extents:
        return None
    top = min(e[0] for e in extents)
    bottom = max(e[1] for e in extents)
    return pane.line_to_y(top), pane.line_to_y(bottom)


def _band(width: float, left: tuple[float, float], right: tuple[float, float]) -> QPainterPath:
    """A band from a span on the left edge to one on the right edge, with cubic sides."""
    middle = width / 2
    path = QPainterPath(QPointF(0, left[0]))
    path.cubicTo(QPointF(middle, left[0]), QPointF(middle, right[0]), QPointF(width, right[0]))
    path.lineTo(QPointF(width, right[1]))
    path.cubicTo(QPointF(middle, right[1]), QPointF(middle, left[1]), QPointF(0, left[1]))
    path.closeSubpath()
    return path
