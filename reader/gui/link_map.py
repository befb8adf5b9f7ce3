"""The strip between the panes: a band from each paragraph to its counterpart, as Meld draws.

Only rows with a visible end are drawn. Bands are cubic curves filled with the row's label
colour, stronger where the paired texts are closer; a moved paragraph's band crosses the
others. Rows with no counterpart draw nothing: their paragraphs' tint says so in the pane.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from reader.core.compare import Row
from reader.core.model import Label
from reader.gui import theme
from reader.gui.pane import SourcePane


class LinkMap(QWidget):
    def __init__(self, left: SourcePane, right: SourcePane, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("linkMap")
        self.left = left
        self.right = right
        self.rows: Sequence[Row] = ()
        self.labels: tuple[Sequence[Label], Sequence[Label]] = ((), ())
        self._rows_of: tuple[dict[int, list[int]], dict[int, list[int]]] = ({}, {})
        self.setMinimumWidth(40)
        self.by_hand: frozenset[tuple[int, int]] = frozenset()  # (left, right) a reader linked

    def sizeHint(self) -> QSize:
        return QSize(64, 100)

    def set_rows(self, rows: Sequence[Row], left: Sequence[Label], right: Sequence[Label]) -> None:
        self.rows = rows
        self.labels = (left, right)
        self._rows_of = ({}, {})
        for n, row in enumerate(rows):
            if row.left and row.right:
                for side, paragraphs in zip(self._rows_of, (row.left, row.right), strict=True):
                    for p in paragraphs:
                        side.setdefault(p, []).append(n)
        self.update()

    def visible_bands(self) -> list[tuple[Row, tuple[float, float], tuple[float, float]]]:
        """Each paired row with a visible end, and its (top, bottom) on each side in pixels."""
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
            left = _span(self.left, row.left)
            right = _span(self.right, row.right)
            if left is None or right is None:
                continue
            if (left[1] < 0 and right[1] < 0) or (left[0] > height and right[0] > height):
                continue
            bands.append((row, left, right))
        return bands

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().window())
        width = float(self.width())
        offset_left = self.left.viewport().y() - self.y()
        offset_right = self.right.viewport().y() - self.y()
        for row, left, right in self.visible_bands():
            path = _band(
                width,
                (left[0] + offset_left, left[1] + offset_left),
                (right[0] + offset_right, right[1] + offset_right),
            )
            color = self._color(row)
            painter.fillPath(path, color)
            edge = QColor(color)
            edge.setAlphaF(min(1.0, color.alphaF() * 2))
            pen = QPen(edge, 1)
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
