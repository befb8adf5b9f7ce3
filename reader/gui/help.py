"""Help > Keyboard shortcuts and Help > How to read this window.

The shortcuts are listed from the window's own actions (their text and keys as Qt shows
them in the interface language), so the list cannot drift from what the keys do.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


def shortcut_rows(actions: list[QAction]) -> list[tuple[str, str]]:
    """(what, keys) for every action with a shortcut, in the order given, each once."""
    rows, seen = [], set()
    for action in actions:
        keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()]
        text = action.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
        text = text.rstrip("…").strip()
        if not keys or not text or id(action) in seen:
            continue
        seen.add(id(action))
        rows.append((text, QCoreApplication.translate("Help", ", or ").join(keys)))
    return rows


def reading_guide() -> str:
    """The page "How to read this window", in the interface language (plain text)."""
    sections = [
        QCoreApplication.translate("Help", "How to read this window"),
        QCoreApplication.translate(
            "Help",
            "The source list (left) shows each source with its outlet, how many of its "
            "paragraphs carry each label (Q P C B) and a bar of how much of the statement it "
            "quotes (solid) and reports (hatched). L and R mark the sources in the panes. Click "
            "a source for the left pane, Ctrl+click for the right one.",
        ),
        QCoreApplication.translate(
            "Help",
            "Labels. Every paragraph has one label, shown in its margin as a letter and a bar "
            "pattern, and as a light tint: Q quotation (the statement's own words), P paraphrase "
            "(its content in indirect speech), C commentary (the outlet's own words), B "
            "boilerplate (page furniture).",
        ),
        QCoreApplication.translate(
            "Help",
            "Highlights. Words found only on one side of a paired paragraph are yellow with a "
            "dashed underline (rewording); a number, a name, a negation or a sentence that "
            "differs is red and underlined (a change of meaning). A hatched margin marks a "
            "paragraph that has no counterpart in the other source.",
        ),
        QCoreApplication.translate(
            "Help",
            "Bands. Between the panes, a band links each paragraph to its counterpart; the "
            "stronger its colour, the closer the two texts. A band that crosses the others "
            "belongs to a paragraph the source moved. The panes scroll together along the bands; "
            "click a paragraph to bring its counterpart level with it. F8 and Shift+F8 step "
            "through the paragraphs that differ, and mark the whole difference.",
        ),
        QCoreApplication.translate(
            "Help",
            "The map. The Statement map tab shows the statement's passages down and the sources "
            "across: Q where a source quotes a passage, P where it reports it, — where it leaves "
            "it out, with how much of it; the strength of a cell's colour says how closely. Click "
            "a cell to open that source beside the statement at that passage.",
        ),
        QCoreApplication.translate(
            "Help",
            "Labels depend on the other sources analysed with a pair: an export lists them (the "
            "context) beside the two compared.",
        ),
    ]
    return "\n\n".join(sections)


class HelpDialog(QDialog):
    """A small window beside the main one: a table of shortcuts, or the reading guide."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(560, 460)
        self.body = QVBoxLayout(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        self.buttons = buttons

    def finish(self) -> None:
        self.body.addWidget(self.buttons)


def shortcuts_dialog(actions: list[QAction], parent: QWidget) -> HelpDialog:
    dialog = HelpDialog(QCoreApplication.translate("Help", "Keyboard shortcuts"), parent)
    dialog.setObjectName("shortcutsDialog")
    rows = shortcut_rows(actions)
    table = QTableWidget(len(rows), 2)
    table.setObjectName("shortcutsTable")
    table.setHorizontalHeaderLabels(
        [QCoreApplication.translate("Help", "Action"), QCoreApplication.translate("Help", "Keys")]
    )
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
    for n, (what, keys) in enumerate(rows):
        table.setItem(n, 0, QTableWidgetItem(what))
        table.setItem(n, 1, QTableWidgetItem(keys))
    dialog.body.addWidget(table)
    dialog.finish()
    return dialog


def guide_dialog(parent: QWidget) -> HelpDialog:
    dialog = HelpDialog(QCoreApplication.translate("Help", "How to read this window"), parent)
    dialog.setObjectName("guideDialog")
    text = QPlainTextEdit()
    text.setObjectName("guideText")
    text.setReadOnly(True)
    text.setPlainText(reading_guide())  # plain text: nothing in it is markup
    text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
    text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    dialog.body.addWidget(text)
    dialog.finish()
    return dialog
