"""The library from the window (issue: the library): add by menu and by drop, refuse bad files
in one message, remove with undo, correct details, and find it all again after a restart.

Only the dialogs are stubbed: the file chooser returns paths, the details dialog is filled in,
and message boxes record their text instead of waiting for a click.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, QSettings, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from reader.gui import MainWindow
from reader.gui.source_dialog import SourceDialog
from reader.library import Library, default_data_dir
from tests.builders import paragraphs_of, web_page, word_file
from tests.conftest import DATA, SEED, click_entry, open_window

pytestmark = pytest.mark.gui

TRAD_B = DATA / "water" / "trad_b.txt"


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()))
    return shown


@pytest.fixture
def downloads(tmp_path: Path) -> Path:
    """The user's folder: the same translation as a cp1252 text, a saved page, a Word file."""
    folder = tmp_path / "Téléchargements"
    folder.mkdir()
    paragraphs = paragraphs_of(TRAD_B)
    (folder / "dépêche.txt").write_bytes("\r\n".join(paragraphs).encode("cp1252"))
    (folder / "page.html").write_text(web_page(paragraphs), "utf-8")
    word_file(folder / "note.docx", paragraphs)
    return folder


def wait_for(qtbot, window: MainWindow, condition) -> None:
    qtbot.waitUntil(lambda: condition(window.source_ids()), timeout=30_000)


def titles(window: MainWindow) -> dict[str, str]:
    return {item.source_id: item.title for item in window.source_list.list_model.items}


def test_added_files_are_analysed_and_still_there_after_a_restart(
    qtbot, home: Path, downloads: Path, messages: list[str]
) -> None:
    window = open_window(qtbot, home, size=(1100, 700))
    paths = sorted(downloads.iterdir())
    added = window.add_sources(paths)
    assert sorted(added) == ["dépêche", "note", "page"]
    wait_for(qtbot, window, lambda ids: set(added) <= set(ids))
    assert messages == []
    # The three formats give the same text, hence the same labels.
    labels = {i: [p.label for p in window.corpus.paragraph_analysis(i)] for i in added}
    assert labels["dépêche"] == labels["note"] == labels["page"]
    window.show_pair("dépêche", "page")
    assert paragraphs_of(TRAD_B)[1][:40] in window.view.left.toPlainText()
    window.close()

    again = open_window(qtbot, home, size=(1100, 700))
    assert set(added) <= set(again.source_ids())
    assert again.pair == ("dépêche", "page")  # the last pair too
    # The library holds its own copies; the user's files were only read.
    library = default_data_dir()
    assert library.is_relative_to(home / "data")
    assert len(list((library / "sources").iterdir())) == 3


def test_bad_files_are_named_in_one_message_and_change_nothing(
    qtbot, home: Path, downloads: Path, messages: list[str]
) -> None:
    window = open_window(qtbot, home, size=(1100, 700))
    before = window.source_ids()
    empty = home / "vide.txt"
    empty.write_text(" \n\n \n", "utf-8")
    image = home / "photo.txt"
    image.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    missing = home / "absent.txt"
    added = window.add_sources([empty, image, missing, downloads / "note.docx"])
    assert added == ["note"]
    assert len(messages) == 1
    for name in ("vide.txt", "photo.txt", "absent.txt"):
        assert name in messages[0]
    assert "note.docx" not in messages[0]
    wait_for(qtbot, window, lambda ids: "note" in ids)
    assert window.source_ids() == [*before, "note"]


def test_add_sources_from_the_file_menu(
    qtbot, home: Path, downloads: Path, monkeypatch: pytest.MonkeyPatch, messages: list[str]
) -> None:
    window = open_window(qtbot, home, size=(1100, 700))
    chosen = [str(downloads / "page.html")]
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: (chosen, ""))
    assert window.act_add in window.menu_file.actions()
    window.act_add.trigger()
    wait_for(qtbot, window, lambda ids: "page" in ids)
    assert titles(window)["page"] == "Le message de la directrice"  # from the page itself


def test_files_dropped_on_the_list_are_added(qtbot, home: Path, downloads: Path) -> None:
    window = open_window(qtbot, home, size=(1100, 700))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(downloads / "dépêche.txt"))])
    drop = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.source_list.dropEvent(drop)
    wait_for(qtbot, window, lambda ids: "dépêche" in ids)


def test_remove_then_undo_puts_the_source_back_in_its_place(qtbot, home: Path) -> None:
    window = open_window(qtbot, home, size=(1100, 700))
    order = window.source_ids()
    window.show_pair(SEED["full"], SEED["partial"])
    window.remove_source(SEED["reported"])
    wait_for(qtbot, window, lambda ids: SEED["reported"] not in ids)
    assert window.pair == (SEED["full"], SEED["partial"])  # the pair in view stays
    assert window.act_undo.isEnabled()
    window.act_undo.trigger()
    wait_for(qtbot, window, lambda ids: ids == order)
    window.act_redo.trigger()
    wait_for(qtbot, window, lambda ids: SEED["reported"] not in ids)


def test_removing_a_source_in_view_shows_another_pair(qtbot, home: Path) -> None:
    window = open_window(qtbot, home, size=(1100, 700))
    window.show_pair(SEED["full"], SEED["partial"])
    window.source_list.setCurrentIndex(
        window.source_list.list_model.index(window.source_list.list_model.row_of(SEED["full"]))
    )
    window.act_remove.trigger()
    wait_for(qtbot, window, lambda ids: SEED["full"] not in ids)
    assert window.pair is not None and SEED["full"] not in window.pair
    assert window.view.left.toPlainText()


def test_details_can_be_corrected_and_the_correction_undone(
    qtbot, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot, home, size=(1100, 700))
    source_id = SEED["reported"]
    original = titles(window)[source_id]

    def fill(dialog: SourceDialog) -> int:
        assert dialog.fields["title"].text() == original
        dialog.fields["title"].setText("Le récit de <b>Durov</b>")
        dialog.fields["outlet"].setText("Journal des essais")
        dialog.fields["date"].setText("2024-09-06")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(SourceDialog, "exec", fill)
    window.source_list.setCurrentIndex(
        window.source_list.list_model.index(window.source_list.list_model.row_of(source_id))
    )
    window.show_pair(source_id, SEED["full"])
    window.act_edit.trigger()
    qtbot.waitUntil(lambda: titles(window)[source_id] == "Le récit de <b>Durov</b>", timeout=30_000)
    source = window.corpus.source(source_id)
    assert (source.outlet, source.date) == ("Journal des essais", "2024-09-06")
    header = window.view.headers[-1]
    assert header.text().startswith("Le récit de <b>Durov</b>")
    assert header.textFormat() == Qt.TextFormat.PlainText  # shown as typed, not as markup
    window.close()

    again = open_window(qtbot, home, size=(1100, 700))
    assert titles(again)[source_id] == "Le récit de <b>Durov</b>"
    again.close()
    window = open_window(qtbot, home, size=(1100, 700))
    window.library_actions.edit(source_id, {"title": "", "outlet": "", "date": "", "url": ""})
    qtbot.waitUntil(lambda: titles(window)[source_id] == original, timeout=30_000)
    window.act_undo.trigger()
    qtbot.waitUntil(lambda: titles(window)[source_id] != original, timeout=30_000)


def test_a_damaged_library_state_is_set_aside_and_said_once(
    qtbot, home: Path, messages: list[str]
) -> None:
    folder = default_data_dir()
    folder.mkdir(parents=True)
    (folder / "library.json").write_bytes(b"\x00\xffnot json at all")
    window = open_window(qtbot, home, size=(1100, 700))
    assert window.source_ids() == list(SEED.values())  # started on the bundled sources
    kept = [p for p in folder.iterdir() if p.name.startswith("library.unreadable-")]
    assert len(kept) == 1 and kept[0].read_bytes() == b"\x00\xffnot json at all"
    assert len(messages) == 1 and str(kept[0]) in messages[0]
    window.close()
    messages.clear()
    open_window(qtbot, home, size=(1100, 700))
    assert messages == []  # said once, not at every start


@pytest.mark.parametrize("stay", [False, True], ids=["closed at once", "left on the pair"])
def test_the_pair_clicked_is_the_pair_the_window_opens_on_next_time(
    qtbot, home: Path, stay: bool
) -> None:
    window = open_window(qtbot, home)
    ids = window.source_ids()
    opened = window.pair
    click_entry(qtbot, window, ids[3])
    click_entry(qtbot, window, ids[1], ctrl=True)
    assert window.pair == (ids[3], ids[1]) != opened
    if stay:  # the reader stays on the pair: it is written without waiting for the close
        qtbot.waitUntil(
            lambda: Library.open(default_data_dir())[0].last_pair == (ids[3], ids[1]),
            timeout=5_000,
        )
        settings = QSettings(str(home / "settings.ini"), QSettings.Format.IniFormat)
        assert (settings.value("pair/left"), settings.value("pair/right")) == (ids[3], ids[1])
    window.close()
    again = open_window(qtbot, home)
    assert again.pair == (ids[3], ids[1])
