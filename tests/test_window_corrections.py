"""Corrections from the real window: set a label, link, unlink, take a passage out; undo and
redo each; they stay through a restart, an added source and re-analysis.

Paragraphs are clicked with the mouse and corrections made with the keys the Correct menu
shows; only message boxes and the context menu's modal loop are stubbed.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor

from reader.core.corrections import LinkCorrection
from reader.core.model import Label
from reader.core.statement import STATEMENT_ID
from reader.gui import MainWindow
from reader.gui.comparison_view import LEFT, RIGHT
from reader.gui.pane import SourcePane, utf16_offset
from tests.conftest import DATA, SEED, open_window

pytestmark = pytest.mark.gui

FULL, PARTIAL = SEED["full"], SEED["partial"]
CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = CTRL | Qt.KeyboardModifier.ShiftModifier


def point_in(pane: SourcePane, paragraph: int) -> QPoint:
    pane.show_paragraph(paragraph)
    block = pane.document().findBlockByNumber(2 * paragraph)
    rect = pane.blockBoundingGeometry(block).translated(pane.contentOffset())
    return QPoint(40, round(rect.top() + min(rect.height(), 12) / 2))


def click(qtbot, pane: SourcePane, paragraph: int) -> None:
    qtbot.mouseClick(pane.viewport(), Qt.MouseButton.LeftButton, pos=point_in(pane, paragraph))


def press(qtbot, window: MainWindow, key: Qt.Key, modifiers=CTRL) -> None:
    """A correction's keys; returns once the window has analysed again."""
    with qtbot.waitSignal(window.analysisFinished, timeout=30_000):
        qtbot.keyClick(window.view.left, key, modifiers)


def undo(qtbot, window: MainWindow, redo: bool = False) -> None:
    with qtbot.waitSignal(window.analysisFinished, timeout=30_000):
        (window.act_redo if redo else window.act_undo).trigger()


def label(window: MainWindow, source_id: str, paragraph: int) -> Label:
    return window.corpus.paragraph_analysis(source_id)[paragraph].label


def pairs(window: MainWindow) -> set[tuple[int, int]]:
    """The (left, right) paragraphs the link map joins."""
    return {(p, q) for row in window.view.link_map.rows for p in row.left for q in row.right}


def list_entry(window: MainWindow, source_id: str):
    return next(i for i in window.source_list.list_model.items if i.source_id == source_id)


@pytest.fixture
def window(qtbot, home: Path) -> MainWindow:
    window = open_window(qtbot, home, size=(1100, 700))
    window.show_pair(FULL, PARTIAL)
    window.activateWindow()
    window.view.left.setFocus()
    return window


def commentary_paragraph(window: MainWindow, source_id: str) -> int:
    analysed = window.corpus.paragraph_analysis(source_id)
    return next(n for n, a in enumerate(analysed) if a.label == Label.COMMENTARY and n > 0)


def labelled_otherwise(window: MainWindow, source_id: str, label: Label) -> int:
    analysed = window.corpus.paragraph_analysis(source_id)
    return next(n for n, a in enumerate(analysed) if a.label not in (label, Label.BOILERPLATE))


def test_a_label_set_by_key_stays_through_undo_redo_and_a_restart(
    qtbot, home: Path, window: MainWindow
) -> None:
    paragraph = commentary_paragraph(window, FULL)
    click(qtbot, window.view.left, paragraph)
    press(qtbot, window, Qt.Key.Key_1)  # Correct > Label as quotation
    assert label(window, FULL, paragraph) == Label.QUOTATION
    assert paragraph in window.view.left.content.corrected
    assert list_entry(window, FULL).corrected == 1
    tooltip = window.correction_actions.tooltip_text(FULL, paragraph)
    assert "Label set by hand: quotation" in tooltip
    assert "The engine's label: commentary" in tooltip

    undo(qtbot, window)
    assert label(window, FULL, paragraph) == Label.COMMENTARY
    assert window.view.left.content.corrected == frozenset()
    undo(qtbot, window, redo=True)
    assert label(window, FULL, paragraph) == Label.QUOTATION
    window.close()

    again = open_window(qtbot, home, size=(1100, 700))
    assert again.pair == (FULL, PARTIAL)
    assert label(again, FULL, paragraph) == Label.QUOTATION
    assert paragraph in again.view.left.content.corrected


def test_back_to_the_engines_label(qtbot, window: MainWindow) -> None:
    paragraph = commentary_paragraph(window, FULL)
    click(qtbot, window.view.left, paragraph)
    press(qtbot, window, Qt.Key.Key_4)
    assert label(window, FULL, paragraph) == Label.BOILERPLATE
    click(qtbot, window.view.left, paragraph)
    press(qtbot, window, Qt.Key.Key_Backspace)
    assert label(window, FULL, paragraph) == Label.COMMENTARY
    assert not window.corpus.paragraph_analysis(FULL)[paragraph].corrected


def test_a_correction_stays_when_another_source_is_added(
    qtbot, window: MainWindow, monkeypatch
) -> None:
    paragraph = labelled_otherwise(window, PARTIAL, Label.PARAPHRASE)
    click(qtbot, window.view.right, paragraph)
    press(qtbot, window, Qt.Key.Key_2)
    assert label(window, PARTIAL, paragraph) == Label.PARAPHRASE
    with qtbot.waitSignal(window.analysisFinished, timeout=30_000):
        window.add_sources([DATA / "water" / "report.txt"])
    assert "report" in window.source_ids()
    assert label(window, PARTIAL, paragraph) == Label.PARAPHRASE
    assert window.corpus.paragraph_analysis(PARTIAL)[paragraph].corrected


def test_unlinking_a_pair_removes_its_band_for_good(qtbot, home: Path, window: MainWindow) -> None:
    row = next(r for r in window.view.comparison.rows if len(r.left) == 1 and len(r.right) == 1)
    pair = (row.left[0], row.right[0])
    assert pair in pairs(window)
    click(qtbot, window.view.left, pair[0])
    press(qtbot, window, Qt.Key.Key_L, CTRL_SHIFT)
    assert pair not in pairs(window)
    assert not any(pair[0] in r.left and r.right for r in window.view.comparison.rows)
    undo(qtbot, window)
    assert pair in pairs(window)
    undo(qtbot, window, redo=True)
    assert pair not in pairs(window)
    window.close()
    again = open_window(qtbot, home, size=(1100, 700))
    assert pair not in pairs(again)


def test_linking_two_paragraphs_makes_a_row_with_its_diff(qtbot, window: MainWindow) -> None:
    rows = window.view.comparison.rows
    lone_left = next(r.left[0] for r in rows if r.left and not r.right)
    lone_right = next(r.right[0] for r in rows if r.right and not r.left)
    click(qtbot, window.view.left, lone_left)
    click(qtbot, window.view.right, lone_right)
    press(qtbot, window, Qt.Key.Key_L)
    assert (lone_left, lone_right) in pairs(window)
    row = next(r for r in window.view.comparison.rows if lone_left in r.left)
    assert lone_right in row.right and {op for op, _ in row.diff} >= {-1, 1}
    assert window.view.link_map.rows == window.view.comparison.rows
    assert window.view.link_map.by_hand == {(lone_left, lone_right)}
    undo(qtbot, window)
    assert (lone_left, lone_right) not in pairs(window)
    undo(qtbot, window, redo=True)
    assert (lone_left, lone_right) in pairs(window)


def test_a_passage_taken_out_of_the_statement(qtbot, window: MainWindow) -> None:
    window.show_pair(STATEMENT_ID, FULL)
    passages = [p.text for p in window.corpus.analysis().statement.passages]
    click(qtbot, window.view.left, 1)
    press(qtbot, window, Qt.Key.Key_Delete, CTRL_SHIFT)
    after = [p.text for p in window.corpus.analysis().statement.passages]
    assert after == passages[:1] + passages[2:]
    assert window.pair == (STATEMENT_ID, FULL)
    assert passages[1] not in window.view.left.toPlainText()
    undo(qtbot, window)
    assert [p.text for p in window.corpus.analysis().statement.passages] == passages


def test_the_context_menu_sets_a_label(qtbot, window: MainWindow) -> None:
    paragraph = labelled_otherwise(window, PARTIAL, Label.QUOTATION)
    menu = window.correction_actions.context_menu(RIGHT, point_in(window.view.right, paragraph))
    assert menu is not None
    actions = {a.text().replace("&", ""): a for a in menu.actions()}
    assert {"Label as paraphrase", "Back to the engine's label"} <= set(actions)
    with qtbot.waitSignal(window.analysisFinished, timeout=30_000):
        actions["Label as quotation"].trigger()
    assert label(window, PARTIAL, paragraph) == Label.QUOTATION
    assert window.correction_actions.side == RIGHT != LEFT


def test_a_link_from_selected_text_takes_the_selected_sentence_after_emoji(
    qtbot, home: Path, tmp_path: Path
) -> None:
    # Qt counts an emoji as two positions: the sentence must be found in characters.
    left, right = tmp_path / "left.txt", tmp_path / "right.txt"
    left.write_text(
        "Titre du billet\n"
        + "🎉" * 12
        + " Le conseil a voté le budget annuel ce soir. Les travaux commencent en mai.\n",
        encoding="utf-8",
    )
    right.write_text(
        "Autre titre\nLe conseil municipal a adopté le budget. Le chantier débute en mai.\n",
        encoding="utf-8",
    )
    window = open_window(qtbot, home, paths=[left, right], size=(1100, 700))
    ids = window.corpus.ids()
    window.show_pair(ids[0], ids[1])
    pane = window.view.left
    text = window.corpus.source(ids[0]).paragraphs[1].text
    first_end = window.corpus.source(ids[0]).paragraphs[1].sentences[0].end
    click(qtbot, window.view.right, 1)
    click(qtbot, pane, 1)
    cursor = pane.textCursor()
    block = pane.document().findBlockByNumber(2)
    word = text.rindex("soir")  # the last word of the first sentence
    cursor.setPosition(block.position() + utf16_offset(text, word))
    cursor.setPosition(
        block.position() + utf16_offset(text, word + 4), QTextCursor.MoveMode.KeepAnchor
    )
    pane.setTextCursor(cursor)
    assert word + 4 <= first_end
    press(qtbot, window, Qt.Key.Key_L)
    (made,) = window.correction_actions.corrections()
    assert isinstance(made, LinkCorrection) and made.linked
    assert made.a.anchor.sentence_index == 0
