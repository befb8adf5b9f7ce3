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
    QMessageBox,
    QPlainTextEdit,
    QTabWidget,
    QTreeWidget,
    QWidget,
)

from reader.core.statement import STATEMENT_ID
from reader.gui import MainWindow
from tests.builders import run_cli
from tests.conftest import DATA, SEED, open_window
from tests.test_window_corrections import click, press

pytestmark = pytest.mark.gui

# Words of English that French interface text never uses (shared words such as "source",
# "passage", "date" or "action" are left out, as are names of keys).
ENGLISH = set(
    """the of and to is with only this that from left right side change changes meaning
    difference differences statement quotation number name negation sentence leaves out file
    edit view help next previous swap hide show remove add cancel reset language map reworded
    commentary boilerplate counterpart quotes reports click analysing none found keyboard
    shortcuts read window keys open folder exported changes moved both another order more
    details set hand engine label link corrected longer nowhere""".split()
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


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The text and details of every message box the window shows (never waited on)."""
    shown: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "exec", lambda box: shown.append(f"{box.text()}\n{box.detailedText()}")
    )
    return shown


def test_refused_files_are_summed_up_in_french(qtbot, home: Path, boxes: list[str]) -> None:
    window = open_window(qtbot, home, size=(1100, 700))
    window.set_language("fr")
    empty = []
    for n in range(13):  # more than the message lists: the rest behind its details
        empty.append(home / f"vide{n}.txt")
        empty[-1].write_text(" \n\n", "utf-8")
    assert window.add_sources(empty) == []
    (box,) = boxes
    assert "3" in box.split("vide9.txt")[1].splitlines()[1]  # the line saying 3 more
    said = [line for line in box.splitlines() if ".txt" not in line]
    leftovers = english_left(window, said)
    assert not leftovers, "\n".join(leftovers)


def _write(path: Path, paragraphs: list[str]) -> Path:
    path.write_text("\n\n".join(paragraphs) + "\n", "utf-8")
    return path


def test_corrections_their_orphans_and_the_export_in_french(
    qtbot, home: Path, boxes: list[str]
) -> None:
    a = home / "trad_a.txt"
    a.write_text((DATA / "water" / "trad_a.txt").read_text("utf-8"), "utf-8")
    b = home / "trad_b.txt"
    b.write_text((DATA / "water" / "trad_b.txt").read_text("utf-8"), "utf-8")
    window = open_window(qtbot, home, paths=[a, b], size=(1100, 700))
    window.set_language("fr")
    window.activateWindow()
    window.view.left.setFocus()
    left = window.pair[0]
    paragraphs = [p.text for p in window.corpus.source(left).paragraphs]
    for paragraph in (1, len(paragraphs) - 1):  # Correct > Label as quotation, by its keys
        click(qtbot, window.view.left, paragraph)
        press(qtbot, window, Qt.Key.Key_1)
    tip = window.correction_actions.tooltip_text(left, 1)
    assert tip is not None and "citation" in tip
    # The engine's evidence is its own words; the lines around it follow the interface.
    said = [line for line in tip.splitlines() if not line.startswith("•")]
    leftovers = english_left(window, said)
    window.close()

    # The first paragraph corrected leaves the file: its correction is orphaned.
    _write(a, [p for n, p in enumerate(paragraphs) if n != 1])
    again = open_window(qtbot, home, paths=[a, b], size=(1100, 700))
    again.set_language("fr")
    again.correction_actions.act_orphans.trigger()
    (box,) = boxes
    assert "citation" in box and "trad_a" in box
    leftovers += english_left(again, [box, again.statusBar().currentMessage()])

    run = run_cli("export", a, b, "--language", "fr", "-o", home / "out.html", home=home)
    assert run.returncode == 0, run.stderr
    page = (home / "out.html").read_text("utf-8").split("</style>")[-1]
    page = html.unescape(re.sub(r"<[^>]+>", " ", page))  # what the reader reads
    for english in ("by hand", "engine:", "label quotation", "no longer find", "moved"):
        assert english not in page, english
    assert "citation" in page and "déplacé" in page
    assert not leftovers, "\n".join(leftovers)


def test_a_moved_sentence_is_named_in_french(qtbot, home: Path) -> None:
    first = "La commune ouvre un nouveau marché couvert place de la Halle."
    one = "Il accueillera quarante étals le samedi. Les producteurs locaux y auront la priorité."
    two = "Les producteurs locaux y auront la priorité. Il accueillera quarante étals le samedi."
    last = "Le maire a salué le travail des commerçants du quartier."
    a = _write(home / "annonce.txt", [first, one, last])
    b = _write(home / "reprise.txt", [first, two, last])
    window = open_window(qtbot, home, paths=[a, b], size=(1100, 700))
    window.set_language("fr")
    window.show_pair("annonce", "reprise")
    tips = set()
    for pane in (window.view.left, window.view.right):
        block = pane.document().begin()
        while block.isValid():
            fragments = block.begin()
            while not fragments.atEnd():
                tips.add(fragments.fragment().charFormat().toolTip())
                fragments += 1
            block = block.next()
    assert "déplacé" in tips, tips
    assert "moved" not in tips
    leftovers = english_left(window, [*tips, *visible_strings(window.view.legend)])
    assert not leftovers, "\n".join(leftovers)
