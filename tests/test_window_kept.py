"""Pairs shown again: the panes take back the documents they built, as they were, within a
budget; a new size of text or a filter builds them anew."""

from __future__ import annotations

from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtWidgets import QApplication

from reader.core.model import Label
from reader.gui import MainWindow
from reader.gui.kept_documents import KEPT_CHARACTERS, KeptDocuments
from reader.gui.pane import SourcePane
from tests.conftest import click_entry, open_window

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, home: Path) -> MainWindow:
    return open_window(qtbot, home, size=(1200, 760))


def choose(qtbot, window: MainWindow, left: str, right: str) -> None:
    click_entry(qtbot, window, right, ctrl=True)
    click_entry(qtbot, window, left)
    assert window.pair == (left, right)
    qtbot.waitUntil(window.view.laid_out, timeout=10_000)
    QApplication.processEvents()


def looks(window: MainWindow) -> tuple[QImage, QImage]:
    return tuple(p.viewport().grab().toImage() for p in (window.view.left, window.view.right))


def documents(pane: SourcePane) -> int:
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    return len(pane.findChildren(QTextDocument))


def test_a_pair_shown_again_is_taken_back_as_it_was(qtbot, window: MainWindow) -> None:
    a, b, c, d = window.source_ids()[:4]
    choose(qtbot, window, a, b)
    first = looks(window)
    built = (window.view.left.document(), window.view.right.document())
    choose(qtbot, window, c, d)
    assert looks(window) != first
    choose(qtbot, window, a, b)
    assert (window.view.left.document(), window.view.right.document()) == built
    assert looks(window) == first
    # Seen from the other side, each text is another document: its rows and highlights differ.
    choose(qtbot, window, b, a)
    assert window.view.left.document() not in built


def test_the_documents_kept_stay_within_their_budget(qtbot, window: MainWindow) -> None:
    ids = window.source_ids()
    pairs = [(x, y) for x in ids for y in ids if x != y]
    for _ in range(2):
        for pair in pairs:
            window.show_pair(*pair)
            QApplication.processEvents()
    for pane in (window.view.left, window.view.right):
        kept = sum(d.characterCount() for d in pane.findChildren(QTextDocument))
        # Every document built and dropped is deleted: none is left behind the budget.
        assert kept <= KEPT_CHARACTERS + pane.document().characterCount()
        assert documents(pane) <= len(pairs)


def test_past_its_budget_a_pane_drops_the_documents_shown_longest_ago(
    qtbot, window: MainWindow
) -> None:
    a, b, c, d = window.source_ids()[:4]
    pane = window.view.left
    size = {}
    for source in (a, c, d):
        choose(qtbot, window, source, b)
        size[source] = pane.document().characterCount()
    pane.kept.forget(pane.document())
    # Room for the first text and the longer of the two others, not for all three.
    pane.kept = KeptDocuments(size[a] + max(size[c], size[d]))
    choose(qtbot, window, a, b)
    first = pane.document()
    choose(qtbot, window, c, b)
    dropped = pane.document()
    choose(qtbot, window, a, b)  # shown again: now the most recently shown
    assert pane.document() is first
    choose(qtbot, window, d, b)  # over the budget: the text shown longest ago goes
    documents(pane)
    assert not shiboken6.isValid(dropped)
    assert pane.kept.holds(first) and not pane.kept.holds(dropped)
    choose(qtbot, window, a, b)
    assert pane.document() is first
    choose(qtbot, window, c, b)  # built anew
    assert shiboken6.isValid(pane.document()) and pane.document() is not dropped


def hidden(pane: SourcePane) -> list[int]:
    document = pane.document()
    return [
        n
        for n in range(pane.paragraph_count())
        if not document.findBlockByNumber(2 * n).isVisible()
    ]


def test_a_new_text_size_or_filter_builds_the_pair_anew(qtbot, window: MainWindow) -> None:
    # The fourth and fifth sources carry boilerplate, the first none.
    ids = window.source_ids()
    a, b, c = ids[3], ids[4], ids[0]
    choose(qtbot, window, a, b)
    built = window.view.left.document()
    choose(qtbot, window, c, b)
    qtbot.keyClick(window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert window.settings.get("zoom") == 1
    choose(qtbot, window, a, b)
    pane = window.view.left
    assert pane.document() is not built
    assert pane.document().defaultFont().pointSizeF() == pane.font().pointSizeF()
    assert hidden(pane) == []
    qtbot.keyClick(window, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert window.act_hide.isChecked()
    labels = pane.content.labels if pane.content else ()
    boilerplate = [n for n, label in enumerate(labels) if label == Label.BOILERPLATE]
    assert boilerplate and hidden(pane) == boilerplate
    qtbot.keyClick(window, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert hidden(pane) == []


@pytest.mark.parametrize("changed", [False, True], ids=["nothing changed", "font changed"])
def test_documents_built_beside_an_analysis_are_kept_only_if_still_in_the_current_font(
    qtbot, window: MainWindow, changed: bool
) -> None:
    corpus = window.corpus
    assert corpus is not None and window.pair is not None
    build = window.view.first_documents(hide_boilerplate=False)
    built = build(corpus, window.pair)
    if changed:  # the reader zooms while the worker builds
        qtbot.keyClick(window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    window.view.take_documents(corpus, built)
    panes = {-1: window.view.left, 1: window.view.right}
    assert [panes[side].kept.holds(kept.document) for side, _, kept, _ in built] == [
        not changed
    ] * len(built)
