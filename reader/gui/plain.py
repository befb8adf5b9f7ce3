"""Text from sources and files shown as text: message boxes and tooltips that never render
markup (a title "<img src=…>" must not load anything, "<b>" must not turn bold)."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from reader import APP_NAME


def tooltip(text: str) -> str:
    """A tooltip showing `text` as it is: escaped, its line breaks kept."""
    return "<p style='white-space:pre-wrap'>" + html.escape(text).replace("\n", "<br>") + "</p>"


def message(parent: QWidget | None, text: str, critical: bool = False, details: str = "") -> None:
    """A modal message whose text is plain text, whatever characters it holds; `details`
    (a long list) waits behind the box's Show Details button."""
    icon = QMessageBox.Icon.Critical if critical else QMessageBox.Icon.Warning
    box = QMessageBox(icon, APP_NAME, text, QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    if details:
        box.setDetailedText(details)  # always shown as plain text
    box.exec()
