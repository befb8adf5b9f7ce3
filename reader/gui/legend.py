"""The legend under the panes: what the margin letters, bars and highlights mean."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, Qt
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from reader.core.model import Label
from reader.gui import theme

_ICON_HEIGHT = 16


class Legend(QWidget):
    """One line: the four labels as the margin draws them, then the two highlight kinds."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("legend")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.setSpacing(4)
        self.icons: dict[object, QLabel] = {}
        self.texts: dict[object, QLabel] = {}
        for key in (*theme.STYLES, "wording", "meaning"):
            icon, text = QLabel(), QLabel()
            self.icons[key], self.texts[key] = icon, text
            layout.addWidget(icon)
            layout.addWidget(text)
            layout.addSpacing(12)
        layout.addStretch(1)
        # A narrow window cuts the legend short rather than being held wide by it.
        self.setMinimumWidth(1)
        self.retranslate()

    def retranslate(self) -> None:
        names = {
            Label.QUOTATION: self.tr("quotation"),
            Label.PARAPHRASE: self.tr("paraphrase"),
            Label.COMMENTARY: self.tr("commentary"),
            Label.BOILERPLATE: self.tr("boilerplate"),
            "wording": self.tr("reworded: only on this side"),
            "meaning": self.tr("change of meaning (number, name, negation, sentence)"),
        }
        for key, text in names.items():
            self.texts[key].setText(text)
            self.icons[key].setToolTip(text)
        self._draw_icons()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._draw_icons()
        super().changeEvent(event)

    def _draw_icons(self) -> None:
        for label in theme.STYLES:
            self.icons[label].setPixmap(self._marker(label))
        for key, substantive in (("wording", False), ("meaning", True)):
            self.icons[key].setPixmap(self._swatch(substantive))

    def _marker(self, label: Label) -> QPixmap:
        """The margin's marker: the letter and the bar with its pattern."""
        pixmap = self._blank(22)
        painter = QPainter(pixmap)
        theme.draw_marker(painter, label, QRect(0, 0, 22, _ICON_HEIGHT), self.palette())
        painter.end()
        return pixmap

    def _swatch(self, substantive: bool) -> QPixmap:
        pixmap = self._blank(30)
        painter = QPainter(pixmap)
        box = QRect(0, 2, 30, _ICON_HEIGHT - 4)
        painter.fillRect(box, theme.highlight(substantive, self.palette()))
        if substantive:
            painter.setPen(self.palette().text().color())
            painter.drawLine(box.left() + 3, box.bottom() - 1, box.right() - 3, box.bottom() - 1)
        painter.end()
        return pixmap

    def _blank(self, width: int) -> QPixmap:
        ratio = self.devicePixelRatioF()
        pixmap = QPixmap(round(width * ratio), round(_ICON_HEIGHT * ratio))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        return pixmap
