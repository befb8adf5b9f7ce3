"""The legend under the panes: what the margin letters, bars, hatching, corner and highlights
mean.

Its entries flow onto a second line when the window is narrow, rather than being cut off.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QSize, Qt
from PySide6.QtGui import QPainter, QPixmap, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from reader.core.model import Label
from reader.gui import theme

_ICON_HEIGHT = 16
_GAP = 14  # between entries: a chip must not touch the next entry's text


class _Entry(QWidget):
    """An icon and its text, kept together on one line."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.icon, self.text = QLabel(), QLabel()
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.icon)
        layout.addWidget(self.text)


class Legend(QWidget):
    """The four labels as the margin draws them, the mark of a label set by hand, the unpaired
    mark, the highlight kinds."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("legend")
        self.entries: dict[object, _Entry] = {}
        for key in (*theme.STYLES, "corrected", "unpaired", "wording", "meaning", "moved"):
            self.entries[key] = _Entry(self)
        self.icons = {key: entry.icon for key, entry in self.entries.items()}
        self.texts = {key: entry.text for key, entry in self.entries.items()}
        self._unpaired = (0, 0)
        self._height = 0
        self.setMinimumWidth(1)  # a narrow window wraps the legend, it is not held wide by it
        self.retranslate()

    def set_unpaired(self, left: int, right: int) -> None:
        """How many paragraphs of each pane have no counterpart (only that entry changes)."""
        if (left, right) == self._unpaired:
            return
        self._unpaired = (left, right)
        text = self._unpaired_text()
        self.texts["unpaired"].setText(text)
        self.entries["unpaired"].setToolTip(text)
        self._flow()

    def _unpaired_text(self) -> str:
        left, right = self._unpaired
        return self.tr("no counterpart ({left} left, {right} right)").format(left=left, right=right)

    def retranslate(self) -> None:
        names = {
            Label.QUOTATION: self.tr("quotation"),
            Label.PARAPHRASE: self.tr("paraphrase"),
            Label.COMMENTARY: self.tr("commentary"),
            Label.BOILERPLATE: self.tr("boilerplate"),
            "corrected": self.tr("label set by hand"),
            "unpaired": self._unpaired_text(),
            "wording": self.tr("reworded: only on this side"),
            "meaning": self.tr("change of meaning (number, name, negation, sentence)"),
            "moved": self.tr("moved: on both sides, in another order"),
        }
        for key, text in names.items():
            self.texts[key].setText(text)
            self.entries[key].setToolTip(text)
        self._draw_icons()
        self._flow()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._draw_icons()
        super().changeEvent(event)

    # Flowing the entries -------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._flow()

    def sizeHint(self) -> QSize:
        return QSize(400, self._height or self._line_height() + 4)

    def minimumSizeHint(self) -> QSize:
        return QSize(1, self._height or self._line_height() + 4)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._place(width, move=False)

    def _line_height(self) -> int:
        return max(e.sizeHint().height() for e in self.entries.values())

    def _flow(self) -> None:
        height = self._place(self.width(), move=True)
        if height != self._height:
            self._height = height
            self.setFixedHeight(height)
            self.updateGeometry()

    def _place(self, width: int, move: bool) -> int:
        x, y, line = 4, 2, self._line_height()
        for entry in self.entries.values():
            size = entry.sizeHint()
            if x > 4 and x + size.width() > width - 4:
                x, y = 4, y + line + 2
            if move:
                entry.setGeometry(QRect(QPoint(x, y), size))
            x += size.width() + _GAP
        return y + line + 2

    # Icons ---------------------------------------------------------------------------------------

    def _draw_icons(self) -> None:
        for label in theme.STYLES:
            self.icons[label].setPixmap(self._marker(label))
        self.icons["corrected"].setPixmap(self._corrected_icon())
        self.icons["unpaired"].setPixmap(self._unpaired_icon())
        for key, substantive in (("wording", False), ("meaning", True)):
            self.icons[key].setPixmap(self._swatch(substantive))
        self.icons["moved"].setPixmap(self._moved_swatch())

    def _marker(self, label: Label) -> QPixmap:
        """The margin's marker: the letter and the bar with its pattern."""
        return self._margin_icon(
            lambda painter, rect: theme.draw_marker(painter, label, rect, self.palette())
        )

    def _corrected_icon(self) -> QPixmap:
        """The folded corner the margin adds beside a label a reader set, on a blank marker."""
        return self._margin_icon(
            lambda painter, rect: theme.draw_corrected(painter, rect, self.palette())
        )

    def _unpaired_icon(self) -> QPixmap:
        return self._margin_icon(
            lambda painter, rect: theme.draw_unpaired(
                painter, rect.adjusted(0, -_ICON_HEIGHT, 0, 0), self.palette()
            )
        )

    def _margin_icon(self, draw: Callable[[QPainter, QRect], None]) -> QPixmap:
        """A margin mark as the panes draw it, in a margin-wide icon."""
        pixmap = self._blank(22)
        painter = QPainter(pixmap)
        draw(painter, QRect(0, 0, 22, _ICON_HEIGHT))
        painter.end()
        return pixmap

    def _swatch(self, substantive: bool) -> QPixmap:
        pixmap = self._blank(30)
        painter = QPainter(pixmap)
        box = QRect(0, 2, 30, _ICON_HEIGHT - 4)
        painter.fillRect(box, theme.highlight(substantive, self.palette()))
        y = box.bottom() - 1
        if substantive:
            painter.setPen(self.palette().text().color())
        else:  # the dashed underline rewording carries in the panes
            pen = painter.pen()
            pen.setColor(theme.wording_edge(self.palette()))
            pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
        painter.drawLine(box.left() + 3, y, box.right() - 3, y)
        painter.end()
        return pixmap

    def _moved_swatch(self) -> QPixmap:
        """The tint and the wave a moved sentence carries in the panes, drawn as they draw it."""
        pixmap = self._blank(30)
        painter = QPainter(pixmap)
        box = QRect(0, 1, 30, _ICON_HEIGHT - 6)
        painter.fillRect(box, theme.moved_tint(self.palette()))
        edge = theme.moved_edge(self.palette())
        theme.draw_wave(painter, QPointF(box.left() + 2, _ICON_HEIGHT - 3.5), 26, edge)
        painter.end()
        return pixmap

    def _blank(self, width: int) -> QPixmap:
        ratio = self.devicePixelRatioF()
        pixmap = QPixmap(round(width * ratio), round(_ICON_HEIGHT * ratio))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        return pixmap
