"""File > Export comparison…: options, then where to write, then one line on how it went."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QMainWindow,
    QWidget,
)

from reader.core.corpus import Corpus
from reader.core.errors import ExportError
from reader.export import ExportOptions, export_comparison
from reader.gui import plain
from reader.gui.settings import Settings, start_folder


class ExportOptionsDialog(QDialog):
    """The choices users expect before writing: format, paper, orientation, furniture."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Export comparison"))
        self.format = QComboBox()
        self.format.addItem(self.tr("PDF document"), "pdf")
        self.format.addItem(self.tr("Web page (HTML)"), "html")
        self.paper = QComboBox()
        self.paper.addItem("A4", "a4")
        self.paper.addItem("Letter", "letter")
        self.paper.setCurrentIndex(1 if settings.get("export/paper") == "letter" else 0)
        self.landscape = QCheckBox(self.tr("Landscape"))
        self.landscape.setChecked(settings.get("export/landscape"))
        self.skip = QCheckBox(self.tr("Leave out boilerplate"))
        self.skip.setChecked(settings.get("export/skip_boilerplate"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Format"), self.format)
        form.addRow(self.tr("Paper"), self.paper)
        form.addRow("", self.landscape)
        form.addRow("", self.skip)
        form.addRow(buttons)
        self.settings = settings

    def options(self) -> ExportOptions:
        return ExportOptions(
            paper=self.paper.currentData(),
            landscape=self.landscape.isChecked(),
            skip_boilerplate=self.skip.isChecked(),
        )

    def file_filter(self, fmt: str) -> str:
        return self.tr("PDF document (*.pdf)") if fmt == "pdf" else self.tr("Web page (*.html)")

    def remember(self) -> None:
        options = self.options()
        self.settings.set("export/paper", options.paper)
        self.settings.set("export/landscape", options.landscape)
        self.settings.set("export/skip_boilerplate", options.skip_boilerplate)


def run_export_dialog(
    window: QMainWindow,
    corpus: Corpus,
    left_id: str,
    right_id: str,
    settings: Settings,
    protected: Sequence[str | Path] = (),  # files never to write over: the sources' originals
) -> Path | None:
    """Ask for options and a file, then export; return the file written, or None."""
    dialog = ExportOptionsDialog(settings, window)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    dialog.remember()
    fmt = dialog.format.currentData()
    folder = start_folder(settings, "export/folder")
    suggested = str(Path(folder) / f"{left_id}--{right_id}.{fmt}")
    filters = dialog.file_filter(fmt)
    chosen, _ = QFileDialog.getSaveFileName(window, dialog.windowTitle(), suggested, filters)
    if not chosen:
        return None
    path = Path(chosen)
    if not path.suffix:
        path = path.with_suffix(f".{fmt}")
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        export_comparison(corpus, left_id, right_id, path, fmt, dialog.options(), protected)
    except ExportError as error:
        QApplication.restoreOverrideCursor()
        plain.message(window, str(error), critical=True)
        return None
    QApplication.restoreOverrideCursor()
    settings.set("export/folder", str(path.parent))
    return path
