"""Edit a source's details: title, outlet, date and address, as the user wants them shown."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from reader.core.model import Source


class SourceDialog(QDialog):
    """The four fields, filled with what the source says now; an empty title reverts to the
    one the file gives."""

    def __init__(self, source: Source, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sourceDialog")
        self.setWindowTitle(self.tr("Details of {id}").format(id=source.id))
        self.fields = {
            "title": QLineEdit(source.title),
            "outlet": QLineEdit(source.outlet or ""),
            "date": QLineEdit(source.date or ""),
            "url": QLineEdit(source.url or ""),
        }
        self.fields["date"].setPlaceholderText(self.tr("e.g. 2024-09-05"))
        self.fields["url"].setPlaceholderText("https://…")
        for field in self.fields.values():
            field.setMinimumWidth(420)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        file_name = QLabel(source.path.name if source.path else source.id)
        file_name.setTextFormat(Qt.TextFormat.PlainText)  # a file name is text, never markup
        form.addRow(self.tr("File"), file_name)
        form.addRow(self.tr("&Title"), self.fields["title"])
        form.addRow(self.tr("&Outlet"), self.fields["outlet"])
        form.addRow(self.tr("&Date"), self.fields["date"])
        form.addRow(self.tr("&Address"), self.fields["url"])
        form.addRow(buttons)

    def values(self) -> dict[str, str]:
        return {name: field.text() for name, field in self.fields.items()}
