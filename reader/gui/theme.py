"""How labels and differences look: tints that work on light and dark palettes, and markers
that tell the labels apart without colour (a letter and a bar pattern)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette

from reader.core.model import Label


@dataclass(frozen=True)
class LabelStyle:
    letter: str
    hue: QColor
    pattern: Qt.BrushStyle  # the margin bar's pattern, for black-and-white and colour blindness


STYLES = {
    Label.QUOTATION: LabelStyle("Q", QColor(46, 110, 200), Qt.BrushStyle.SolidPattern),
    Label.PARAPHRASE: LabelStyle("P", QColor(214, 140, 30), Qt.BrushStyle.Dense3Pattern),
    Label.COMMENTARY: LabelStyle("C", QColor(128, 128, 128), Qt.BrushStyle.NoBrush),
    Label.BOILERPLATE: LabelStyle("B", QColor(150, 110, 160), Qt.BrushStyle.BDiagPattern),
}

WORDING = QColor(255, 200, 60)  # rewording: only on this side
MEANING = QColor(230, 60, 50)  # a number, name, negation or sentence that differs
FLASH = QColor(80, 170, 255)  # the counterpart brought into view


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def tint(label: Label, palette: QPalette) -> QColor | None:
    """A paragraph's background: faint, so that the text and the highlights stay legible."""
    if label == Label.COMMENTARY:
        return None
    color = QColor(STYLES[label].hue)
    color.setAlphaF(0.22 if is_dark(palette) else 0.10)
    return color


def highlight(substantive: bool, palette: QPalette) -> QColor:
    color = QColor(MEANING if substantive else WORDING)
    color.setAlphaF(0.55 if is_dark(palette) else (0.40 if substantive else 0.55))
    return color
