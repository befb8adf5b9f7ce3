"""What a new reader meets in the window: help, the list following the panes, file dialogs."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from reader.core.statement import STATEMENT_ID
from reader.gui import MainWindow
from tests.conftest import SEED, open_window

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, home: Path) -> MainWindow:
    return open_window(qtbot, home)


def shortcut_table(window: MainWindow) -> dict[str, str]:
    dialog = window.show_shortcuts()
    table = dialog.findChild(object, "shortcutsTable")
    rows = {table.item(n, 0).text(): table.item(n, 1).text() for n in range(table.rowCount())}
    dialog.close()
    return rows


def test_the_shortcut_list_comes_from_the_actions_themselves(window: MainWindow) -> None:
    rows = shortcut_table(window)
    for action in (window.act_next, window.act_swap, window.act_zoom_in, window.act_export):
        name = action.text().replace("&", "").rstrip("…")
        assert name in rows, (name, rows)
        assert action.shortcut().toString() in rows[name]
    assert "F8" in rows["Next difference"] and "Alt+Down" in rows["Next difference"]
    # A shortcut given to an action later is listed too: nothing is written twice.
    window.act_map.setShortcuts(["Ctrl+Shift+M"])
    assert "Ctrl+Shift+M" in shortcut_table(window)["Statement map"]


def test_the_shortcut_list_speaks_the_interface_language(window: MainWindow) -> None:
    window.set_language("fr")
    rows = shortcut_table(window)
    assert "Différence suivante" in rows
    assert "Next difference" not in rows
    window.set_language("en")


def test_the_reading_guide_explains_labels_highlights_bands_and_map(window: MainWindow) -> None:
    window.act_guide.trigger()
    dialog = window.findChild(QDialog, "guideDialog")
    assert dialog is not None and dialog.isVisible()
    text = dialog.findChild(object, "guideText").toPlainText()
    for word in ("quotation", "paraphrase", "commentary", "boilerplate", "band", "map", "F8"):
        assert word in text.lower() or word in text, word
    dialog.close()


def selected_source(window: MainWindow) -> str | None:
    indexes = window.source_list.selectionModel().selectedIndexes()
    return window.source_list.source_at(indexes[0]) if indexes else None


def test_the_list_says_what_the_panes_show_after_a_map_click(qtbot, window: MainWindow) -> None:
    window.show_pair(SEED["full"], SEED["partial"])
    assert selected_source(window) == SEED["full"]
    model = window.statement_map.model()
    assert model is not None
    column = 1 + model.grid.source_ids.index(SEED["fragments"])
    row = next(r for r in range(len(model.grid.passages)) if model.grid.cells[r][column - 1].mode)
    window.tabs.setCurrentWidget(window.statement_map)
    table = window.statement_map.table
    rect = table.visualRect(model.index(row, column))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.pair == (STATEMENT_ID, SEED["fragments"])
    assert selected_source(window) == STATEMENT_ID
    assert (window.source_list.list_model.left, window.source_list.list_model.right) == window.pair
    window.swap()
    assert selected_source(window) == SEED["fragments"]


def test_add_sources_opens_in_documents_never_the_working_directory(
    window: MainWindow, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def dialog(parent, caption, folder, filters):
        asked.append(folder)
        return [], ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", dialog)
    monkeypatch.setenv("HOME", str(home))
    documents = home / "Documents"
    window.act_add.trigger()  # no Documents folder yet: home, an existing folder
    documents.mkdir()
    window.act_add.trigger()
    last = home / "sources"
    last.mkdir()
    window.settings.set("import/folder", str(last))
    window.act_add.trigger()
    assert asked == [str(home), str(documents), str(last)]


def test_an_export_says_where_it_went_and_opens_its_folder(
    window: MainWindow, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.gui import export_dialog

    monkeypatch.setenv("HOME", str(home))
    (home / "Documents").mkdir()
    offered: list[str] = []
    target = home / "out" / "pair.pdf"
    target.parent.mkdir()

    def save(parent, caption, suggested, filters):
        offered.append(suggested)
        return str(target), ""

    opened: list[QUrl] = []
    monkeypatch.setattr(export_dialog.ExportOptionsDialog, "exec", lambda d: 1)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", save)
    monkeypatch.setattr(QMessageBox, "exec", lambda box: pytest.fail(box.text()))
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    window.show_pair(SEED["full"], SEED["partial"])
    window.act_export.trigger()
    assert Path(offered[0]).parent == home / "Documents"
    assert str(target) in window.statusBar().currentMessage()
    button = window.open_folder_button
    assert button.isVisible()
    button.click()
    assert opened == [QUrl.fromLocalFile(str(target.parent))]
    window.act_export.trigger()  # the next export starts where the last one went
    assert Path(offered[1]).parent == target.parent
