"""The reading window, driven through pytest-qt offscreen (issue: the reading window)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from reader.core.compare import Row
from reader.core.model import Label
from reader.gui import MainWindow
from reader.gui.app import install_error_dialog
from reader.gui.scroll_sync import ScrollSync
from tests.conftest import SEED, open_window

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, home: Path) -> MainWindow:
    return open_window(qtbot, home)


def test_opens_on_the_bundled_sources(window: MainWindow) -> None:
    assert window.source_ids() == list(SEED.values())
    assert window.findChild(object, "sourceList") is window.source_list
    for name in ("leftPane", "rightPane", "linkMap", "overview"):
        assert window.findChild(object, name) is not None, name
    rows = window.source_list.list_model.rowCount()
    assert rows == len(SEED) + 1  # and the reconstructed statement


def test_shows_a_pair_with_its_texts(window: MainWindow) -> None:
    window.show_pair(SEED["full"], SEED["partial"])
    assert "Merci à tous pour votre soutien" in window.view.left.toPlainText()
    assert "$TON Un message de Durev" in window.view.right.toPlainText()
    assert window.view.headers[-1].text().startswith("Durov s'explique")
    assert len(window.view.link_map.visible_bands()) > 0


def paragraph_starting(window: MainWindow, source_id: str, start: str) -> int:
    for paragraph in window.corpus.source(source_id).paragraphs:
        if paragraph.text.startswith(start):
            return paragraph.index
    raise AssertionError(start)


def in_view(pane, paragraph: int) -> bool:
    top, bottom = pane.extent(paragraph)
    height = pane.viewport().height()
    return pane.line_to_y(bottom) > 0 and pane.line_to_y(top) < height


def test_scrolling_one_pane_brings_the_counterpart_level(qtbot, home: Path) -> None:
    window = open_window(qtbot, home, size=(1000, 480))  # short panes: both must scroll
    window.show_pair(SEED["full"], SEED["partial"])
    qtbot.wait(50)
    left, right = window.view.left, window.view.right
    assert right.verticalScrollBar().maximum() > 0
    sometimes = paragraph_starting(window, SEED["full"], "Parfois, nous ne parvenons")
    counterpart = paragraph_starting(window, SEED["partial"], "Il arrive que")
    assert not in_view(right, counterpart)
    left.scroll_to_line(left.extent(sometimes)[0])  # as if the reader scrolled there
    qtbot.waitUntil(lambda: in_view(right, counterpart), timeout=2000)
    assert in_view(left, sometimes)


def test_clicking_a_paragraph_brings_and_marks_its_counterpart(qtbot, home: Path) -> None:
    window = open_window(qtbot, home, size=(1000, 480))
    window.show_pair(SEED["partial"], SEED["full"])
    qtbot.wait(50)
    last = paragraph_starting(window, SEED["partial"], "Il arrive que")
    window.view.left.show_paragraph(last)
    with window.view.sync.paused():  # the right pane left elsewhere by earlier reading
        window.view.right.verticalScrollBar().setValue(0)
    window.view.bring_counterpart(-1, last)
    counterpart = paragraph_starting(window, SEED["full"], "Parfois, nous ne parvenons")
    assert in_view(window.view.right, counterpart)
    marked = window.view.right.extraSelections()
    assert marked and marked[0].cursor.block().blockNumber() == 2 * counterpart


def test_steps_through_differences_with_the_keyboard(qtbot, window: MainWindow) -> None:
    window.show_pair(SEED["full"], SEED["partial"])
    window.activateWindow()
    window.view.left.setFocus()
    qtbot.keyClick(window.view.left, Qt.Key.Key_F8)
    assert window.difference_label.text().startswith("Difference 1 of")
    qtbot.keyClick(window.view.left, Qt.Key.Key_F8)
    assert window.difference_label.text().startswith("Difference 2 of")
    qtbot.keyClick(window.view.left, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert window.difference_label.text().startswith("Difference 1 of")
    qtbot.keyClick(window.view.left, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert window.difference_label.text().startswith("Difference 2 of")


def test_hides_and_shows_boilerplate(qtbot, window: MainWindow) -> None:
    window.show_pair(SEED["background"], SEED["fragments"])
    labels = [p.label for p in window.corpus.paragraph_analysis(SEED["background"])]
    furniture = labels.index(Label.BOILERPLATE)
    assert window.view.left.extent(furniture) is not None
    qtbot.keyClick(window.view.left, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert window.act_hide.isChecked()
    assert window.view.left.extent(furniture) is None
    window.act_hide.trigger()
    assert window.view.left.extent(furniture) is not None


def test_switches_the_language_live(window: MainWindow) -> None:
    window.set_language("fr")
    assert window.menu_file.title() == "&Fichier"
    assert window.tabs.tabText(0) == "Côte à côte"
    window.set_language("en")
    assert window.menu_file.title() == "&File"


def test_restart_restores_pair_zoom_filter_and_language(qtbot, home: Path) -> None:
    first = open_window(qtbot, home)
    first.show_pair(SEED["fragments"], SEED["reported"])
    first.act_hide.setChecked(True)
    first.act_zoom_in.trigger()
    first.set_language("fr")
    first.resize(777, 555)  # within the offscreen screen, which restoreGeometry respects
    first.close()
    second = open_window(qtbot, home, size=None)
    assert second.pair == (SEED["fragments"], SEED["reported"])
    assert second.act_hide.isChecked()
    assert second.settings.get("zoom") == 1
    assert second.menu_file.title() == "&Fichier"
    assert (second.size().width(), second.size().height()) == (777, 555)


def test_source_markup_is_shown_as_text(qtbot, home: Path, tmp_path: Path) -> None:
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text("Titre\n<strong>Nous restons</strong> <script>alert(1)</script> ici.\n", "utf-8")
    b.write_text("Autre\n<strong>Nous restons</strong> ici.\n", "utf-8")
    window = open_window(qtbot, home, paths=[a, b])
    assert window.source_ids() == ["a", "b"]
    assert (
        "<strong>Nous restons</strong> <script>alert(1)</script>" in window.view.left.toPlainText()
    )


def test_an_unexpected_error_shows_a_dialog_and_the_log(monkeypatch, tmp_path: Path) -> None:
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    install_error_dialog(tmp_path / "synopsis.log")
    sys.excepthook(ValueError, ValueError("boom"), None)
    assert shown and "boom" in shown[0] and "synopsis.log" in shown[0]


# The synchroniser alone, with invented geometry -------------------------------------------------


def rows(*pairs: tuple[tuple[int, ...], tuple[int, ...]]) -> list[Row]:
    return [Row(left, right, 1.0, ()) for left, right in pairs]


def test_sync_maps_through_paired_blocks_and_gaps() -> None:
    left = {0: (0, 10), 1: (12, 20), 2: (22, 40)}
    right = {0: (0, 5), 1: (7, 30), 2: (32, 36)}
    moved: list[float] = []
    sync = ScrollSync(
        rows(((0,), (0,)), ((1,), ()), ((2,), (2,))),
        left.get,
        right.get,
        lambda y: None,
        moved.append,
    )
    assert sync.map(-1, 5) == pytest.approx(2.5)  # halfway through the first block
    assert sync.map(-1, 31) == pytest.approx(34)  # halfway through the last
    # the unmatched left paragraph and right paragraph 1 share the gap between the blocks
    assert 5 < sync.map(-1, 16) < 32
    sync.follow(-1, 5)
    assert moved == [pytest.approx(2.5)]


def test_sync_ignores_crossing_rows_and_guards_reentry() -> None:
    left = {0: (0, 10), 1: (10, 20), 2: (20, 30)}
    right = {0: (20, 30), 1: (0, 10), 2: (10, 20)}
    sync = ScrollSync(
        rows(((0,), (0,)), ((1,), (1,)), ((2,), (2,))),
        left.get,
        right.get,
        lambda y: None,
        lambda y: None,
    )
    assert sync.map(-1, 5) == pytest.approx(25)  # the first row is followed
    calls: list[float] = []
    loop = ScrollSync(
        rows(((0,), (0,))),
        {0: (0, 10)}.get,
        {0: (0, 10)}.get,
        lambda y: (calls.append(y), loop.follow(1, y)),
        lambda y: (calls.append(y), loop.follow(1, y)),
    )
    loop.follow(-1, 3)
    assert calls == [3]  # the echo from the other pane is not followed back


def test_the_qt_binding_keeps_none_alive() -> None:
    """A binding that drops a reference to None per call aborts a long session (PySide6 6.12.0
    on Python 3.11); the window makes millions of such calls, so refuse such a binding."""
    from PySide6.QtGui import QColor

    color = QColor("#336699")
    before = sys.getrefcount(None)
    for _ in range(2000):
        color.setAlphaF(0.5)
    assert sys.getrefcount(None) >= before - 10


def highlighted_text(pane) -> str:
    """The characters of a pane painted with a highlight background."""
    out = []
    block = pane.document().firstBlock()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            if fragment.charFormat().background().style() != Qt.BrushStyle.NoBrush:
                out.append(fragment.text())
            iterator += 1
        block = block.next()
    return " ".join(out)


def test_differences_are_highlighted_where_the_reader_looks(window: MainWindow, qtbot) -> None:
    window.show_pair(SEED["full"], SEED["partial"])
    left = window.view.left
    # The word the full translation has where the partial one has "réponses".
    assert "réponse" in highlighted_text(left)
    assert "pour votre soutien" not in highlighted_text(left)  # shared words are not marked
    # The last paragraph with a difference is marked once the reader gets there.
    content = left.content
    assert content is not None
    last = max(p for p in range(left.paragraph_count()) if content.highlights(p))
    span = content.highlights(last)[0]
    words = content.source.paragraphs[last].text[span.start : span.end]
    left.show_paragraph(last)
    qtbot.wait(50)
    assert last in left.visible_paragraphs()
    assert words in highlighted_text(left)


def test_the_legend_names_every_label(window: MainWindow) -> None:
    legend = window.findChild(object, "legend")
    assert legend is not None and legend.isVisible()
    window.set_language("en")
    texts = [label.text() for label in legend.texts.values()]
    for name in ("quotation", "paraphrase", "commentary", "boilerplate"):
        assert name in texts
    window.set_language("fr")
    assert "citation" in [label.text() for label in legend.texts.values()]
    window.set_language("en")


def test_the_legend_shows_the_mark_of_a_label_set_by_hand(window: MainWindow) -> None:
    """The folded corner the margin draws beside a corrected label, with its words."""
    legend = window.view.legend
    assert legend.texts["corrected"].text() == "label set by hand"
    image = legend.icons["corrected"].pixmap().toImage()
    inked = [
        (x, y)
        for x in range(image.width())
        for y in range(image.height())
        if image.pixelColor(x, y).alpha() > 0
    ]
    assert 10 <= len(inked) < image.width() * image.height() // 3  # a small mark, drawn
    window.set_language("fr")
    assert legend.texts["corrected"].text() == "étiquette posée à la main"
    window.set_language("en")


def test_a_second_window_switches_the_language_of_the_application(
    qtbot, home: Path, tmp_path: Path
) -> None:
    first = open_window(qtbot, home)
    first.set_language("fr")
    second_home = tmp_path / "second"
    second_home.mkdir()
    second = open_window(qtbot, second_home)  # the first one is still open
    second.set_language("en")
    assert second.menu_file.title() == "&File"
    assert "quotation" in [label.text() for label in second.view.legend.texts.values()]
