"""Titles that fit: cut between words with "…", the whole title in a tooltip; and a name for
a source whose title is only its file name."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from reader.core.model import Source

_HEADING_WORDS = 16  # a heading is a short line: longer ones are body text
_HEADING_SEARCH = 4  # look for it among the first few paragraphs only


def elide_words(metrics: QFontMetrics, text: str, width: int) -> str:
    """`text` if it fits in `width` pixels, else as many whole words as fit, then "…"."""
    text = " ".join(text.split())
    if metrics.horizontalAdvance(text) <= width:
        return text
    words = text.split(" ")
    low, high = 0, len(words)  # the most words that fit with the ellipsis
    while low < high:
        middle = (low + high + 1) // 2
        if metrics.horizontalAdvance(" ".join(words[:middle]) + "…") <= width:
            low = middle
        else:
            high = middle - 1
    if low == 0:  # not even one word: cut the first one, as Qt would
        return metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)
    return " ".join(words[:low]).rstrip(",;:") + "…"


def title_is_only_an_id(source: Source) -> bool:
    stem = source.path.stem if source.path else source.id
    return source.title.strip() in (source.id, stem, "")


def display_title(source: Source) -> str:
    """The title, or, where the title is only the file's id, the first heading-like line."""
    if not title_is_only_an_id(source):
        return source.title
    for paragraph in source.paragraphs[:_HEADING_SEARCH]:
        text = " ".join(paragraph.text.split())
        if text and len(text.split()) <= _HEADING_WORDS and not text.endswith((".", ":")):
            return text
    return source.title


class ElidedLabel(QLabel):
    """A one-line plain-text label that elides between words as it narrows."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)  # text from a source, never markup
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.full_text = ""

    def set_full_text(self, text: str) -> None:
        self.full_text = text
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        margins = self.contentsMargins()
        width = self.width() - margins.left() - margins.right()
        self.setText(elide_words(self.fontMetrics(), self.full_text, max(width, 10)))
