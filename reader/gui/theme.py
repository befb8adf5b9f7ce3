"""How labels and differences look: tints that work on light and dark palettes, and markers
that tell the labels apart without colour (a letter and a bar pattern)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRect, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetrics, QPainter, QPainterPath, QPalette, QPen

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
# The rewording's second cue, its dashed underline: dark enough to show where the yellow
# and a label's tint are nearly the same grey (print, greyscale, some colour blindness).
WORDING_EDGE = QColor(150, 100, 0)
MEANING = QColor(230, 60, 50)  # a number, name, negation or sentence that differs
FLASH = QColor(80, 170, 255)  # the counterpart brought into view
MOVED = QColor(40, 110, 200)  # a sentence both sides carry, in another order


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def tint(label: Label, palette: QPalette) -> QColor | None:
    """A paragraph's background: faint, so that the text and the highlights stay legible."""
    if label == Label.COMMENTARY:
        return None
    color = QColor(STYLES[label].hue)
    color.setAlphaF(0.22 if is_dark(palette) else 0.10)
    return color


def wording_edge(palette: QPalette) -> QColor:
    """The rewording's dashed underline: dark on a light palette, light on a dark one."""
    return QColor(255, 210, 110) if is_dark(palette) else QColor(WORDING_EDGE)


def highlight(substantive: bool, palette: QPalette) -> QColor:
    color = QColor(MEANING if substantive else WORDING)
    color.setAlphaF(0.55 if is_dark(palette) else (0.40 if substantive else 0.55))
    return color


def moved_tint(palette: QPalette) -> QColor:
    """A sentence both sides carry in another order: faint blue, under any word highlight."""
    color = QColor(MOVED)
    color.setAlphaF(0.30 if is_dark(palette) else 0.16)
    return color


def moved_edge(palette: QPalette) -> QColor:
    """A moved sentence's wave: strong enough to read at a glance, on either palette."""
    return QColor(130, 180, 255) if is_dark(palette) else QColor(MOVED)


def draw_wave(painter: QPainter, start: QPointF, width: float, color: QColor) -> None:
    """The moved sentence's wave under a line of text, `start` its left end's middle.

    Two pixels either side of its middle, a period of six: a wave, not a rewording's dashes
    nor a meaning change's solid line, at reading distance and in grey print.
    """
    path = QPainterPath(start)
    x, up = start.x(), True
    while x < start.x() + width:
        step = min(3.0, start.x() + width - x)
        x += step
        path.quadTo(
            QPointF(x - step / 2, start.y() + (-_WAVE if up else _WAVE)), QPointF(x, start.y())
        )
        up = not up
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(color, 1.3)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(path)
    painter.restore()


_WAVE = 2.4  # the control point's height: the curve itself swings about half of it


def draw_unpaired(painter: QPainter, rect: QRect, palette: QPalette) -> None:
    """A paragraph with no counterpart: its margin hatched, across the whole paragraph."""
    painter.save()
    color = QColor(palette.text().color())
    color.setAlphaF(0.45)
    painter.fillRect(
        QRect(rect.left(), rect.top(), rect.width() - 7, rect.height()),
        QBrush(color, Qt.BrushStyle.FDiagPattern),
    )
    # Clear the corner the letter is drawn in, so that it stays legible over the hatching.
    font = painter.font()
    font.setBold(True)
    metrics = QFontMetrics(font)
    letter = QRect(rect.left(), rect.top(), metrics.horizontalAdvance("W") + 3, metrics.height())
    painter.fillRect(letter, palette.window())
    painter.restore()


def draw_corrected(painter: QPainter, rect: QRect, palette: QPalette) -> None:
    """A label set by hand: a folded corner beside the letter, in the text colour (a shape,
    not a hue, so that it shows in print and to every eye)."""
    right, top = rect.right() - 7, rect.top() + 1
    path = QPainterPath(QPointF(right - 8, top))
    path.lineTo(QPointF(right, top))
    path.lineTo(QPointF(right, top + 8))
    path.closeSubpath()
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.fillPath(path, palette.text())
    painter.restore()


def draw_marker(painter: QPainter, label: Label, rect: QRect, palette: QPalette) -> None:
    """A paragraph's marker in `rect`: its letter at the top left, a patterned bar at the right.

    The letter and the pattern tell the labels apart without colour.
    """
    style = STYLES[label]
    bar = QRect(rect.right() - 5, rect.top() + 1, 4, max(4, rect.height() - 2))
    painter.fillRect(bar, style.hue if style.pattern != Qt.BrushStyle.NoBrush else palette.mid())
    if style.pattern not in (Qt.BrushStyle.SolidPattern, Qt.BrushStyle.NoBrush):
        painter.fillRect(bar, style.pattern)  # the pattern, drawn over in the text colour
    painter.setPen(style.hue if label != Label.COMMENTARY else palette.text().color())
    font = painter.font()
    font.setBold(True)
    painter.setFont(font)
    line = painter.fontMetrics().height()
    painter.drawText(
        QRect(rect.left() + 2, rect.top(), rect.width() - 10, line),
        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
        style.letter,
    )
