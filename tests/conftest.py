"""Shared fixtures. Qt runs offscreen: the tests need no screen."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

from pathlib import Path

import pytest

from reader.core import Corpus, Label
from reader.paths import bundled_sources

DATA = Path(__file__).parent / "data"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
NT_DIR = SHARED / "corpora" / "nt-fr"

SEED = {
    "full": "000_8b7e65dfbabc7047",
    "reported": "001_867c554bc3ca06e4",
    "partial": "002_6c039120364b0048",
    "fragments": "003_ef0302142bc4b362",
    "background": "004_f3b0aea526ad21d8",
}


@pytest.fixture(autouse=True)
def no_unexpected_dialog(monkeypatch: pytest.MonkeyPatch) -> None:
    """A modal message nobody answers would hang the run: fail at once, saying what it said.
    Tests that expect a message replace QMessageBox.exec themselves."""
    from PySide6.QtWidgets import QMessageBox

    def refuse(box: QMessageBox) -> int:
        raise AssertionError(f"unexpected message box: {box.text()}")

    monkeypatch.setattr(QMessageBox, "exec", refuse)


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Keep the library and the settings of a test in its own folder."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    return tmp_path


def open_window(qtbot, home: Path, paths=None, size=(1200, 760)):
    """The real main window, settings in `home`, shown and analysed."""
    from PySide6.QtCore import QSettings

    from reader.gui import MainWindow

    settings = QSettings(str(home / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(paths=paths, settings=settings)
    qtbot.addWidget(window)
    if size is not None:
        window.resize(*size)
    window.show()
    qtbot.waitUntil(window.is_ready, timeout=30_000)
    return window


def click_entry(qtbot, window, source_id: str, ctrl: bool = False) -> None:
    """Click a source in the list (Ctrl+click: the right pane), as a reader would."""
    from PySide6.QtCore import Qt

    view = window.source_list
    row = view.list_model.row_of(source_id)
    assert row is not None
    rect = view.visualRect(view.list_model.index(row))
    modifier = Qt.KeyboardModifier.ControlModifier if ctrl else Qt.KeyboardModifier.NoModifier
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())


@pytest.fixture(scope="session")
def seeds() -> Corpus:
    """The bundled sources, analysed once for the whole session."""
    corpus = Corpus.from_paths(bundled_sources())
    corpus.analysis()
    return corpus


@pytest.fixture(scope="session")
def water() -> Corpus:
    """An independent case written for the tests: one statement, five kinds of source."""
    corpus = Corpus.from_paths(sorted((DATA / "water").glob("*.txt")))
    corpus.analysis()
    return corpus


def labels_of(corpus: Corpus, source_id: str) -> list[Label]:
    return [p.label for p in corpus.paragraph_analysis(source_id)]


def paragraph_index(corpus: Corpus, source_id: str, starts_with: str) -> int:
    """Find a paragraph by how it begins (tests name paragraphs by their text, not a number)."""
    wanted = " ".join(starts_with.split())  # any run of spaces, no-break ones included
    for paragraph in corpus.source(source_id).paragraphs:
        if " ".join(paragraph.text.split()).startswith(wanted):
            return paragraph.index
    raise AssertionError(f"no paragraph of {source_id} starts with {starts_with!r}")
