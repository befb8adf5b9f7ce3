"""What the panes draw, measured: layout after zoom, difference marks, unpaired paragraphs,
the greyscale cue of rewording, headers and legend that fit."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat, QTextCursor

from reader.gui import MainWindow, theme
from reader.gui.pane import SourcePane
from tests.conftest import SEED, open_window

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, home: Path) -> MainWindow:
    return open_window(qtbot, home, size=(1100, 700))


def drawn_lines(pane: SourcePane) -> list[tuple[int, float, float]]:
    """(block, top, bottom) of every line in view, where QPlainTextEdit draws it."""
    lines = []
    block = pane.firstVisibleBlock()
    offset = pane.contentOffset()
    while block.isValid():
        geometry = pane.blockBoundingGeometry(block).translated(offset)
        if geometry.top() > pane.viewport().height():
            break
        if block.isVisible():
            layout = block.layout()
            for n in range(layout.lineCount()):
                rect = layout.lineAt(n).rect().translated(geometry.topLeft())
                lines.append((block.blockNumber(), rect.top(), rect.bottom()))
        block = block.next()
    return lines


def assert_layout_is_current(pane: SourcePane) -> None:
    lines = drawn_lines(pane)
    assert lines
    for (_, _, bottom), (block, top, _) in pairwise(lines):
        assert top >= bottom - 0.5, f"block {block}: a line drawn over the one before"
    markers = pane._margin.markers()
    assert markers
    for paragraph, rect in markers:
        first = pane.cursorRect(QTextCursor(pane.document().findBlockByNumber(2 * paragraph)))
        assert abs(rect.top() - first.top()) <= 1, f"¶{paragraph}: marker off its first line"
        # The link map and the synchroniser place the paragraph at the same height.
        extent = pane.extent(paragraph)
        assert extent is not None
        assert abs(pane.line_to_y(extent[0]) - first.top()) <= 1, f"¶{paragraph}: band off"


@pytest.mark.parametrize("scroll_first", ["left", "right"])
def test_zoom_leaves_no_stale_layout(qtbot, window: MainWindow, scroll_first: str) -> None:
    window.show_pair(SEED["full"], SEED["partial"])
    view = window.view
    pane = view.left if scroll_first == "left" else view.right
    pane.verticalScrollBar().setValue(pane.verticalScrollBar().maximum() // 3)
    for _ in range(3):
        qtbot.keyClick(pane, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    qtbot.wait(150)
    for each in (view.left, view.right):
        assert_layout_is_current(each)
    # One more scroll step (a wheel notch is three lines), on the other pane.
    other = view.right if pane is view.left else view.left
    other.verticalScrollBar().setValue(other.verticalScrollBar().value() + 3)
    qtbot.wait(100)
    for each in (view.left, view.right):
        assert_layout_is_current(each)
    window.resize(900, 600)
    qtbot.wait(150)
    assert_layout_is_current(view.left)
    qtbot.keyClick(pane, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    qtbot.wait(100)
    assert_layout_is_current(view.right)


def test_the_current_difference_is_marked_on_both_sides(qtbot, window: MainWindow) -> None:
    """F8 marks a row's paragraphs whole, and a sentence difference by its own characters
    (not its paragraphs): a moment's tint, then a bar beside its lines."""
    from reader.gui.pane import utf16_offset

    window.show_pair(SEED["full"], SEED["partial"])
    view = window.view
    sentences = 0
    for _ in range(6):
        qtbot.keyClick(view.left, Qt.Key.Key_F8)
        stop = view.current_difference
        row = view.comparison.rows[stop.row]
        if stop.sentence < 0:
            for pane, paragraphs in zip(
                (view.left, view.right), (row.left, row.right), strict=True
            ):
                assert pane.marked == frozenset(paragraphs) and not pane.marked_spans
                marked = pane.extraSelections()  # a moment's tint, every line of it
                assert len(marked) == len(paragraphs)
                for selection, paragraph in zip(marked, paragraphs, strict=True):
                    block = pane.document().findBlockByNumber(2 * paragraph)
                    assert selection.cursor.selectionStart() == block.position()
                    assert selection.cursor.selectionEnd() == block.position() + block.length() - 1
            continue
        sentences += 1
        pair = row.sentences[stop.sentence]
        for pane, spans in zip((view.left, view.right), (pair.left, pair.right), strict=True):
            assert pane.marked == frozenset() and pane.marked_spans == tuple(spans)
            marked = pane.extraSelections()
            assert len(marked) == len(spans)
            for selection, span in zip(marked, spans, strict=True):
                block = pane.document().findBlockByNumber(2 * span.paragraph)
                text = block.text()
                assert selection.cursor.selectionStart() == block.position() + utf16_offset(
                    text, span.start
                )
                assert selection.cursor.selectionEnd() == block.position() + utf16_offset(
                    text, span.end
                )
            if spans:  # the sentence is in view
                first = pane.place(spans[0])
                assert first is not None
                top = pane.line_to_y(first[0])
                assert 0 <= top < pane.viewport().height()
    assert sentences  # the seeds' translations differ inside their paragraphs
    qtbot.wait(1700)  # the tint goes, so that the highlights show; the margin's bar stays
    pane = view.left if view.left.marked or view.left.marked_spans else view.right
    assert not pane.extraSelections()
    image = pane._margin.grab().toImage()
    lines = list(pane.marked_lines()) or [
        (r.top(), r.bottom()) for p, r in pane._margin.markers() if p in pane.marked
    ]
    assert lines
    if pane.marked_spans:
        lines = [(pane.line_to_y(a), pane.line_to_y(b)) for a, b in lines]
    for top, bottom in lines:
        for y in range(max(round(top), 0), min(round(bottom), image.height() - 1), 5):
            assert image.pixelColor(1, y).name() == theme.FLASH.name(), y


def test_a_paragraph_on_one_side_only_is_marked_and_counted(window: MainWindow) -> None:
    window.show_pair(SEED["fragments"], SEED["full"])
    view = window.view
    rows = view.comparison.rows
    alone = {p for row in rows if not row.right for p in row.left}
    paired = {p for row in rows if row.right for p in row.left}
    assert alone and paired
    assert view.left.content.unpaired == frozenset(alone)
    legend = window.view.legend.texts["unpaired"].text()
    right_alone = {p for row in rows if not row.left for p in row.right}
    assert f"{len(alone)} " in legend and f"{len(right_alone)} " in legend
    # Hatched in the margin: the margin's pixels differ beside an unpaired paragraph.
    image = view.left._margin.grab().toImage()
    for paragraph, rect in view.left._margin.markers():
        if rect.height() < 30 or rect.bottom() >= image.height():
            continue
        column = [image.pixelColor(8, y).lightness() for y in range(rect.top() + 20, rect.bottom())]
        assert (max(column) - min(column) > 40) == (paragraph in alone), paragraph


def test_rewording_has_a_cue_that_survives_greyscale(window: MainWindow) -> None:
    window.show_pair(SEED["full"], SEED["partial"])
    pane = window.view.left
    seen = set()
    block = pane.document().firstBlock()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fmt = iterator.fragment().charFormat()
            if fmt.background().style() != Qt.BrushStyle.NoBrush:
                style = fmt.underlineStyle()
                assert style != QTextCharFormat.UnderlineStyle.NoUnderline, (
                    iterator.fragment().text()
                )
                seen.add(style)
            iterator += 1
        block = block.next()
    assert QTextCharFormat.UnderlineStyle.DashUnderline in seen  # rewording
    assert len(seen) >= 2  # changes of meaning keep lines of their own


@pytest.mark.parametrize("size", [(1024, 700), (1280, 800)])
def test_headers_list_and_legend_are_never_cut_mid_word(qtbot, home: Path, size) -> None:
    window = open_window(qtbot, home, size=size)
    window.show_pair(SEED["background"], SEED["reported"])
    qtbot.wait(50)
    left, right = window.view.headers[-1], window.view.headers[1]
    # The reported source's title is its id: the header shows its first heading instead.
    assert SEED["reported"] not in right.text()
    for header in (left, right):
        shown = header.text()
        assert header.fontMetrics().horizontalAdvance(shown) <= header.contentsRect().width()
        if shown != header.full_text:
            assert shown.endswith("…")
            assert header.full_text.startswith(shown[:-1])
            assert header.full_text[len(shown) - 1] == " "  # cut between two words
        assert header.full_text.split(" — ")[0] in header.toolTip()
    legend = window.view.legend
    for entry in legend.entries.values():
        assert entry.geometry().right() <= legend.width(), entry.toolTip()
        assert entry.isVisible()
