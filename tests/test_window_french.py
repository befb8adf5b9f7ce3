"""The window in French: every string a reader sees follows the interface language."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QTabWidget,
    QTreeWidget,
    QWidget,
)

from reader.core.statement import STATEMENT_ID
from reader.gui import MainWindow
from tests.conftest import SEED, open_window

pytestmark = pytest.mark.gui

# Words of English that French interface text never uses (shared words such as "source",
# "passage", "date" or "action" are left out, as are names of keys).
ENGLISH = set(
    """the of and to is with only this that from left right side change changes meaning
    difference differences statement quotation number name negation sentence leaves out file
    edit view help next previous swap hide show remove add cancel reset language map reworded
    commentary boilerplate counterpart quotes reports click analysing none found keyboard
    shortcuts read window keys open folder exported changes""".split()
)


def visible_strings(root: QWidget) -> list[str]:
    """The texts of every visible widget under root: labels, buttons, tabs, menus, lists."""
    found: list[str] = []
    widgets = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        if not widget.isVisible():
            continue
        if isinstance(widget, (QLabel, QAbstractButton)):
            found.append(widget.text())
        elif isinstance(widget, QTabWidget):
            found.extend(widget.tabText(n) for n in range(widget.count()))
        elif isinstance(widget, QTreeWidget):
            found.append(widget.headerItem().text(0))
            for n in range(widget.topLevelItemCount()):
                item = widget.topLevelItem(n)
                found.append(item.text(0))
                found.extend(item.child(c).text(0) for c in range(item.childCount()))
        elif isinstance(widget, QPlainTextEdit) and widget.objectName() == "guideText":
            found.append(widget.toPlainText())
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            found.extend(_model_strings(widget))
        if widget.toolTip():
            found.append(widget.toolTip())
    return found


def _model_strings(view: QAbstractItemView) -> list[str]:
    model = view.model()
    texts = []
    for row in range(min(model.rowCount(QModelIndex()), 40)):
        for column in range(30):
            index = model.index(row, column)
            if not index.isValid():
                break
            if row == 0:
                header = model.headerData(column, Qt.Orientation.Horizontal)
                texts.append(header if isinstance(header, str) else "")
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.data(index, role)
                if isinstance(value, str):
                    texts.append(value)
    return texts


def menu_strings(window: MainWindow) -> list[str]:
    found = []
    for action in window.menuBar().actions():
        found.append(action.text())
        menu = action.menu()
        if isinstance(menu, QMenu):
            found.extend(a.text() for a in menu.actions() if not a.isSeparator())
            found.extend(a.toolTip() for a in menu.actions() if not a.isSeparator())
    return found


def english_left(window: MainWindow, texts: list[str]) -> list[str]:
    """The texts with an English word, once the sources' own words are taken out."""
    corpus = window.corpus
    assert corpus is not None
    own = set()
    for source_id in [*corpus.ids(), STATEMENT_ID]:
        source = corpus.source(source_id)
        own.update(filter(None, (source.title, source.outlet, source.id, str(source.path))))
        own.update(" ".join(p.text.split()) for p in source.paragraphs)
    leftovers = []
    for text in texts:
        plain = html.unescape(re.sub(r"<[^>]+>", " ", text)).replace("&", "")
        plain = " ".join(plain.split())
        for piece in sorted(own, key=len, reverse=True):
            if len(piece) > 3:
                plain = plain.replace(piece, " ")
        words = set(re.findall(r"[a-z]+", plain.lower()))
        if words & ENGLISH:
            leftovers.append(f"{text!r}: {sorted(words & ENGLISH)}")
    return leftovers


def test_every_visible_string_is_french(qtbot, home: Path) -> None:
    window = open_window(qtbot, home, size=(1280, 800))
    window.show_pair(SEED["full"], SEED["partial"])
    window.act_next.trigger()  # the status bar counts differences
    window.set_language("fr")
    texts = visible_strings(window) + menu_strings(window)
    assert "Différence 1 sur" in " ".join(texts) or "Différence 1 de" in " ".join(texts)
    # The statement against a source, the map and its changes of meaning, the help pages.
    window.show_pair(STATEMENT_ID, SEED["partial"])
    texts += visible_strings(window)
    window.tabs.setCurrentWidget(window.statement_map)
    texts += visible_strings(window)
    for dialog in (window.show_shortcuts(), window.show_guide()):
        texts += visible_strings(dialog)
        dialog.close()
    leftovers = english_left(window, texts)
    assert not leftovers, "\n".join(leftovers)
    # And back: the same walk finds English, so the walk sees what it should.
    window.set_language("en")
    assert english_left(window, visible_strings(window) + menu_strings(window))
