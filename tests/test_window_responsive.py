"""The window stays responsive with long texts: a book is laid out in slices between events,
and what the window shows after the pair (the statement map's changes of meaning) comes from
the worker, not from the event loop."""

from __future__ import annotations

import random
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QThread, QTimer
from PySide6.QtWidgets import QApplication

from reader.core.loading import load_source
from reader.core.model import Label
from reader.gui.lazy_layout import FIRST_SLICE_CHARACTERS, SLICE_SECONDS
from reader.gui.pane import PaneContent, SourcePane
from tests.conftest import open_window

pytestmark = pytest.mark.gui

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
WORDS = "river bank water town council said the report will cost more than before".split()


def long_source(tmp_path: Path, paragraphs: int, seed: int = 3):
    """A text far longer than a first slice: paragraphs of varied length, one a line."""
    rng = random.Random(seed)
    lines = [
        " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 120))).capitalize() + "."
        for _ in range(paragraphs)
    ]
    path = tmp_path / "long.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    return load_source(path)


def shown_pane(qtbot, source) -> SourcePane:
    pane = SourcePane()
    qtbot.addWidget(pane)
    pane.resize(500, 400)
    pane.show()
    labels = [Label.COMMENTARY] * len(source.paragraphs)
    pane.show_content(PaneContent(source, labels, lambda n: []))
    return pane


def test_a_long_text_is_laid_out_between_events_not_at_once(qtbot, tmp_path: Path) -> None:
    source = long_source(tmp_path, 3000)
    assert sum(len(p.text) for p in source.paragraphs) > 5 * FIRST_SLICE_CHARACTERS
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(2)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    pane = shown_pane(qtbot, source)
    assert not pane.background_layout.done()  # the rest waits behind the events
    assert pane.extent(0) is not None  # the top is laid out and measured at once
    qtbot.waitUntil(pane.background_layout.done, timeout=60_000)
    timer.stop()
    assert len(ticks) >= 3  # the event loop ran while the text was laid out
    # Laid out in slices, every paragraph stands where laying it all out at once puts it.
    at_once = shown_pane(qtbot, source)
    QApplication.processEvents()  # its scroll bar shows: the width it is laid out at
    at_once.background_layout.finish()
    extents = [pane.extent(n) for n in range(len(source.paragraphs))]
    assert extents == [at_once.extent(n) for n in range(len(source.paragraphs))]
    assert any(e is not None and e[1] - e[0] > 1 for e in extents)  # long ones wrap


def test_a_slice_keeps_the_event_loop_waiting_only_briefly(qtbot, tmp_path: Path) -> None:
    pane = shown_pane(qtbot, long_source(tmp_path, 3000, seed=5))
    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(1)
    timer.timeout.connect(tick)
    timer.start()
    qtbot.waitUntil(pane.background_layout.done, timeout=60_000)
    timer.stop()
    # Well within a slice and the ticks' own wait, with room for a busy machine.
    assert sorted(gaps)[len(gaps) // 2] < 20 * SLICE_SECONDS


def test_scrolling_during_the_layout_keeps_the_reading_point(qtbot, tmp_path: Path) -> None:
    pane = shown_pane(qtbot, long_source(tmp_path, 3000, seed=7))
    pane.show_paragraph(1500)
    QApplication.processEvents()
    shown = pane.paragraph_at_reading_line()
    qtbot.waitUntil(pane.background_layout.done, timeout=60_000)
    # Blocks above were laid out meanwhile (their line counts grew): the view kept its text.
    assert shown is not None and abs(pane.paragraph_at_reading_line() - shown) <= 1


def test_the_map_changes_arrive_after_the_pair_shows(qtbot, home: Path) -> None:
    window = open_window(qtbot, home)
    assert window.statement_map.model() is not None  # the grid shows with the pair
    qtbot.waitUntil(window.is_settled, timeout=60_000)
    assert not window.statement_map.pending()
    tree = window.statement_map.differences
    assert tree.topLevelItemCount() > 0


def test_the_first_pair_is_built_and_highlighted_beside_the_analysis(
    qtbot, home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.gui import comparison_view

    built: list[tuple[object, bool]] = []  # each document, and whether the GUI thread built it
    real = comparison_view.build_document

    def recording(*args):
        document = real(*args)
        app = QApplication.instance()
        built.append((document, app is not None and QThread.currentThread() is app.thread()))
        return document

    marked_off_gui: list[bool] = []
    real_mark = comparison_view.mark_paragraphs

    def marking(*args):
        app = QApplication.instance()
        marked_off_gui.append(app is not None and QThread.currentThread() is not app.thread())
        real_mark(*args)

    monkeypatch.setattr(comparison_view, "build_document", recording)
    monkeypatch.setattr(comparison_view, "mark_paragraphs", marking)
    paths = []
    for n in range(2):
        source = long_source(tmp_path, 400, seed=n)
        path = tmp_path / f"long{n}.txt"
        path.write_text("\n".join(p.text for p in source.paragraphs), encoding="utf-8")
        paths.append(path)
    window = open_window(qtbot, home, paths=paths)
    shown = [window.view.left.document(), window.view.right.document()]
    # Those two first; the pair's other side may follow (texts this long are built ahead).
    assert len(built) >= 2 and not any(on_gui for _, on_gui in built)
    assert shown == [document for document, _ in built[:2]]
    assert len(marked_off_gui) >= 2 and all(marked_off_gui)  # first screens marked there too
    # Adopted by the panes: shown, deleted with them, in the GUI thread.
    for pane, document in zip((window.view.left, window.view.right), shown, strict=True):
        assert document.parent() is pane and document.thread() is pane.thread()
        assert pane.content is not None
        assert document.toPlainText().split("\n\n")[0] == pane.content.source.paragraphs[0].text
    qtbot.keyClick(window, Qt.Key.Key_F8)  # and it reads as any other: the first difference
    assert window.view.current_difference is not None


def test_the_analysis_hands_the_interpreter_to_the_window_often(
    qtbot, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    from reader.gui import worker

    seen: list[float] = []
    real = worker._prepared

    def recording(*args):
        seen.append(sys.getswitchinterval())
        return real(*args)

    monkeypatch.setattr(worker, "_prepared", recording)
    before = sys.getswitchinterval()
    window = open_window(qtbot, home)
    qtbot.waitUntil(window.is_settled, timeout=60_000)
    assert seen == [worker.SWITCH_SECONDS] and before > worker.SWITCH_SECONDS
    assert sys.getswitchinterval() == before  # restored once the work is done


def test_the_analysis_says_each_step_once_and_in_order(qtbot, home: Path) -> None:
    from PySide6.QtCore import QSettings

    from reader.gui import MainWindow

    settings = QSettings(str(home / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings=settings)
    qtbot.addWidget(window)
    said: list[tuple[str, float]] = []
    window.runner.progressed.connect(lambda stage, done: said.append((stage, done)))
    window.show()  # what the worker said so far waits in the event queue
    qtbot.waitUntil(window.is_ready, timeout=30_000)
    assert said[0] == ("reading the sources", 0.0) and said[-1] == ("done", 1.0)
    stages = [stage for stage, _ in said]
    # The first pair is aligned once its sentences are linked, before the labels.
    assert stages.index("linking") < stages.index("comparing") < stages.index("labelling")
    assert len(said) == len(set(said))
    assert [done for _, done in said] == sorted(done for _, done in said)


def test_a_long_pair_seen_from_the_other_side_is_built_in_the_worker(
    qtbot, home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.gui import comparison_view, kept_documents, pane

    paths = []
    for n, seed in enumerate((11, 12)):
        source = long_source(tmp_path, 320, seed=seed)
        path = tmp_path / f"long{n}.txt"
        path.write_text("\n".join(p.text for p in source.paragraphs), encoding="utf-8")
        paths.append(path)
    built_here: list[object] = []  # documents built on the GUI thread
    built_aside: list[object] = []  # in the worker

    def recording(real):
        def build(*args):
            document = real(*args)
            gui = QThread.currentThread() is QApplication.instance().thread()
            (built_here if gui else built_aside).append(document)
            return document

        return build

    monkeypatch.setattr(pane, "build_document", recording(pane.build_document))
    monkeypatch.setattr(
        comparison_view, "build_document", recording(comparison_view.build_document)
    )
    window = open_window(qtbot, home, paths)
    assert window.view.left.document().characterCount() > kept_documents.AHEAD_CHARACTERS
    for _ in range(3):
        # The reader reads the pair: laid out, and what the worker does meanwhile done.
        qtbot.waitUntil(lambda: window.is_settled() and window.view.laid_out(), timeout=60_000)
        shown = window.pair
        assert shown is not None
        qtbot.keyClick(window, Qt.Key.Key_X, CTRL_SHIFT)
        assert window.pair == (shown[1], shown[0])
        panes = (window.view.left, window.view.right)
        assert all(p.document() in built_aside for p in panes)
    assert built_here == []


def test_the_first_analysis_starts_once_the_window_is_shown(qtbot, home: Path) -> None:
    """Nothing shares the interpreter with building and first painting the window: the
    analysis is asked for from the event loop, and only once."""
    from PySide6.QtCore import QSettings

    from reader.gui import MainWindow

    settings = QSettings(str(home / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings=settings)
    qtbot.addWidget(window)
    assert window.runner.jobs() == 0
    window.show()
    qtbot.waitUntil(window.is_ready, timeout=30_000)
    assert window.runner.jobs() == 1


def test_sources_added_before_the_first_analysis_are_analysed_once(
    qtbot, home: Path, tmp_path: Path
) -> None:
    from PySide6.QtCore import QSettings

    from reader.gui import MainWindow

    added = tmp_path / "added.txt"
    added.write_text("« Nous tiendrons bon », a déclaré la ministre.", encoding="utf-8")
    settings = QSettings(str(home / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings=settings)
    qtbot.addWidget(window)
    window.add_sources([added])  # before the event loop has run once
    window.show()
    qtbot.waitUntil(window.is_ready, timeout=30_000)
    assert window.runner.jobs() == 1
    assert len(window.source_ids()) == 6
