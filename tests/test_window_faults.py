"""The window under bad input: source text never rendered as markup, a bad file costs only
itself, one source alone still shows, a library of lost files says so once, and an error on
start-up never leaves the analysis thread running.

The real main window, offscreen; only message boxes are stubbed (they record what they say).
"""

from __future__ import annotations

import html
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex
from PySide6.QtGui import (
    Qt,  # QtGui's Qt namespace has mightBeRichText
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from reader.core.statement import STATEMENT_ID
from reader.library import Library, default_data_dir
from tests.builders import ROOT
from tests.conftest import DATA, open_window

pytestmark = pytest.mark.gui

PAYLOADS = ("<b>x</b>", "<img src=x>", "<a href='file:///etc/passwd'>y</a>")
BOLD, IMAGE, LINK = PAYLOADS


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[QMessageBox]:
    shown: list[QMessageBox] = []

    def record(box: QMessageBox) -> int:
        shown.append(box)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "exec", record)
    return shown


def seen(text: str, rich: bool) -> str:
    """What a person reads of text Qt shows as rich text or as plain text."""
    if not rich:
        return text
    document = QTextDocument()
    document.setHtml(text)
    return document.toPlainText()


def is_rich(text: str, text_format: Qt.TextFormat = Qt.TextFormat.AutoText) -> bool:
    if text_format == Qt.TextFormat.AutoText:
        return Qt.mightBeRichText(text)
    return text_format == Qt.TextFormat.RichText


def shown_strings(window: QWidget) -> list[tuple[str, str]]:
    """Every string the window shows, as given to Qt and as read: tooltips, labels, item
    texts and tooltips (headers too), the panes' text."""
    found: list[tuple[str, str]] = []

    def add(text: object, text_format=Qt.TextFormat.AutoText, tooltip: bool = False) -> None:
        if isinstance(text, str) and text:
            rich = is_rich(text) if tooltip else is_rich(text, text_format)
            found.append((text, seen(text, rich)))

    for widget in [window, *window.findChildren(QWidget)]:
        add(widget.toolTip(), tooltip=True)
        if isinstance(widget, QLabel):
            add(widget.text(), widget.textFormat())
        if isinstance(widget, (QTextEdit, QPlainTextEdit)):
            found.append((widget.toPlainText(), widget.toPlainText()))
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            found += model_strings(widget.model())
    for action in window.findChildren(type(window.actions()[0])):
        add(action.toolTip(), tooltip=True)
    return found


def _columns(model: QAbstractItemModel, parent: QModelIndex) -> int:
    try:
        return model.columnCount(parent)
    except TypeError:  # a list model keeps columnCount private: it has one column
        return 1


def model_strings(model: QAbstractItemModel, parent: QModelIndex | None = None) -> list:
    parent = parent if parent is not None else QModelIndex()
    found = []
    for row in range(model.rowCount(parent)):
        for column in range(_columns(model, parent)):
            index = model.index(row, column, parent)
            display = model.data(index, Qt.ItemDataRole.DisplayRole)
            if isinstance(display, str):  # item views draw their text as plain text
                found.append((display, display))
            tip = model.data(index, Qt.ItemDataRole.ToolTipRole)
            if isinstance(tip, str) and tip:
                found.append((tip, seen(tip, is_rich(tip))))
            if index.column() == 0 and model.rowCount(index) > 0:
                found += model_strings(model, index)
    for orientation, count in (
        (Qt.Orientation.Horizontal, _columns(model, parent)),
        (Qt.Orientation.Vertical, model.rowCount(parent)),
    ):
        for section in range(count):
            tip = model.headerData(section, orientation, Qt.ItemDataRole.ToolTipRole)
            if isinstance(tip, str) and tip:
                found.append((tip, seen(tip, is_rich(tip))))
    return found


def assert_shown_as_text(strings: list[tuple[str, str]]) -> int:
    """Wherever a payload was put in (as is, or escaped), the reader sees its characters."""
    checked = 0
    for given, read in strings:
        for payload in PAYLOADS:
            if payload in given or payload in html.unescape(given):
                checked += 1
                assert payload in read, f"{payload!r} rendered as markup in {given!r}"
    return checked


def hostile_library(home: Path) -> list[str]:
    """The library, with two translations whose text, title and outlet carry markup."""
    downloads = home / "downloads"
    downloads.mkdir()
    paths = []
    for name in ("trad_a", "trad_b", "report"):
        lines = (DATA / "water" / f"{name}.txt").read_text("utf-8").splitlines()
        lines = [f"{line} {PAYLOADS[n % 3]}" if n % 2 else line for n, line in enumerate(lines)]
        path = downloads / f"{name}.txt"
        path.write_text("\n".join(lines), "utf-8")
        paths.append(path)
    library, _ = Library.open(default_data_dir())
    added = library.add(paths).added
    for n, source_id in enumerate(added):
        library.update(source_id, title=f"Titre {BOLD} {n}", outlet=f"Journal {IMAGE} {LINK}")
    library.set_last_pair(added[0], added[1])
    return added


def test_every_string_from_a_source_is_shown_as_text(
    qtbot, home: Path, messages: list[QMessageBox]
) -> None:
    added = hostile_library(home)
    window = open_window(qtbot, home)
    checked = 0
    for pair in ((added[0], added[1]), (STATEMENT_ID, added[1]), (added[2], added[0])):
        window.show_pair(*pair)
        checked += assert_shown_as_text(shown_strings(window))
    window.tabs.setCurrentWidget(window.statement_map)
    assert window.statement_map.model() is not None  # the map has passages, cells, headers
    checked += assert_shown_as_text(shown_strings(window))
    assert checked > 50  # not a walk that found nothing
    for box in messages:  # none expected, but any would be plain text
        assert box.textFormat() == Qt.TextFormat.PlainText


def test_a_crashing_file_in_a_batch_of_three_costs_only_itself(
    qtbot, home: Path, messages: list[QMessageBox], monkeypatch: pytest.MonkeyPatch
) -> None:
    import reader.library

    folder = home / "batch"
    folder.mkdir()
    good_a, bad, good_b = (folder / f"{n}.txt" for n in ("première", "piège", "seconde"))
    good_a.write_text("Le conseil municipal a voté le budget hier soir.\n", "utf-8")
    bad.write_text("Un texte que le lecteur ne sait pas lire.\n", "utf-8")
    good_b.write_text("La piscine rouvrira ses portes au printemps.\n", "utf-8")
    real = reader.library.source_from_bytes

    def reader_with_a_bug(data: bytes, path: Path, source_id: str | None = None):
        if path.name == bad.name:
            raise ValueError("All strings must be XML compatible")  # as lxml once did
        return real(data, path, source_id)

    monkeypatch.setattr(reader.library, "source_from_bytes", reader_with_a_bug)
    window = open_window(qtbot, home)
    added = window.add_sources([good_a, bad, good_b])
    assert added == ["première", "seconde"]
    assert len(messages) == 1 and "piège.txt" in messages[0].text()
    assert "première" not in messages[0].text()
    qtbot.waitUntil(lambda: {"première", "seconde"} <= set(window.source_ids()), timeout=30_000)
    window.close()
    again = open_window(qtbot, home)
    assert {"première", "seconde"} <= set(again.source_ids())
    copies = sorted(p.name for p in (default_data_dir() / "sources").iterdir())
    assert copies == ["première.txt", "seconde.txt"]  # none left unlisted


def test_one_source_without_a_statement_shows(
    qtbot, home: Path, messages: list[QMessageBox]
) -> None:
    library, _ = Library.open(default_data_dir())
    for source_id in library.ids():
        library.remove(source_id)
    alone = home / "seul.txt"
    alone.write_text("Il a plu toute la nuit sur la côte.\nLes routes sont fermées.\n", "utf-8")
    library.add([alone])
    window = open_window(qtbot, home)
    assert window.source_ids() == ["seul"]
    assert window.pair == ("seul", STATEMENT_ID)
    assert "Les routes sont fermées." in window.view.left.toPlainText()
    assert messages == []


def test_a_library_of_lost_files_says_so_once_with_the_list_behind_details(
    qtbot, home: Path, messages: list[QMessageBox]
) -> None:
    library, _ = Library.open(default_data_dir())
    folder = home / "lost"
    folder.mkdir()
    paths = []
    for n in range(300):
        path = folder / f"article{n:03}.txt"
        path.write_text(f"Article numéro {n}, une phrase à lui.\n", "utf-8")
        paths.append(path)
    assert len(library.add(paths).added) == 300
    for copy in (default_data_dir() / "sources").iterdir():
        copy.unlink()
    window = open_window(qtbot, home)
    assert len(messages) == 1
    assert "300 sources could not be loaded" in messages[0].text()
    details = messages[0].detailedText().splitlines()
    assert len(details) == 300 and details[0].startswith("article000: ")
    assert window.is_ready()


STARTS_AND_FAILS = textwrap.dedent(
    """
    import gc, sys
    from PySide6.QtWidgets import QApplication
    import reader.gui.main_window as main_window

    def broken(*args, **kwargs):
        raise RecursionError("maximum recursion depth exceeded")

    main_window.Library.open = broken
    app = QApplication(sys.argv[:1])
    try:
        main_window.MainWindow()
    except RecursionError:
        print("start-up failed", flush=True)
    gc.collect()
    app.processEvents()
    del app
    gc.collect()
    """
)


def test_an_error_on_start_up_never_leaves_the_thread_running(home: Path) -> None:
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
    }
    result = subprocess.run(
        [sys.executable, "-c", STARTS_AND_FAILS],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "start-up failed"
    assert "QThread" not in result.stderr


DAMAGED = {
    "nested 100 000 deep": b'{"format": 1, "entries": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
    "a 5,000-digit number": b'{"format": 1, "entries": [], "last_pair": ' + b"7" * 5000 + b"}",
    "a lone surrogate in a title": b'{"format": 1, "entries": [{"id": "000_8b7e65dfbabc7047", '
    b'"bundled": true, "overrides": {"title": "\\ud800"}}]}',
}


@pytest.mark.parametrize("case", list(DAMAGED))
def test_a_damaged_state_is_said_once_and_the_window_works(
    qtbot, home: Path, messages: list[QMessageBox], case: str
) -> None:
    library, _ = Library.open(default_data_dir())
    mine = home / "mien.txt"
    mine.write_text("Un texte importé par l'utilisateur, à garder.\n", "utf-8")
    assert library.add([mine]).added == ["mien"]
    (default_data_dir() / "library.json").write_bytes(DAMAGED[case])
    window = open_window(qtbot, home)
    assert len(messages) == 1 and "could not be used" in messages[0].text()
    assert "mien" in window.source_ids()  # the imported copy is listed again
    ids = window.source_ids()
    window.show_pair(ids[0], "mien")
    window.show_pair("mien", ids[1])  # every pair shown saves the last pair: no error
    assert len(messages) == 1
    window.close()
    again = open_window(qtbot, home)
    assert "mien" in again.source_ids() and len(messages) == 1


def test_the_window_never_exports_over_a_file_the_user_added(
    qtbot, home: Path, messages: list[QMessageBox], monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QDialog, QFileDialog

    from reader.gui import export_dialog

    # In a folder of its own: the window writes its settings beside `home` at any turn of
    # the event loop (through a lock file and a temporary one), which is not the export.
    folder = home / "articles"
    folder.mkdir()
    original = folder / "mon-article.html"
    original.write_text((DATA / "water" / "trad_a.txt").read_text("utf-8"), "utf-8")
    library, _ = Library.open(default_data_dir())
    assert library.add([original]).added == ["mon-article"]
    before = original.read_bytes()
    window = open_window(qtbot, home)
    monkeypatch.setattr(
        export_dialog.ExportOptionsDialog, "exec", lambda d: QDialog.DialogCode.Accepted
    )
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(original), ""))
    window.show_pair("mon-article", window.source_ids()[0])
    window.act_export.trigger()
    assert len(messages) == 1 and "is one of the sources being compared" in messages[0].text()
    assert original.read_bytes() == before
    assert [p.name for p in folder.iterdir()] == ["mon-article.html"]  # nothing beside it
