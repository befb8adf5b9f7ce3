"""Lay out a long document a slice at a time, between events, so the window never freezes.

QPlainTextEdit lays a block out only when it paints it, and counts one line for every block
it has not laid out: a megabyte of text opens at once, but line numbers (what the scroll
bars, the scroll synchroniser and the link map work in) are right only where it has
painted. Laying the whole text out at once takes about a second on a book, a freeze. This
lays it out in slices of a few milliseconds, queued behind the events, from the part in view
to the end and then from the start, and says when each slice has changed the line counts.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QPlainTextDocumentLayout, QPlainTextEdit

# How long one slice may keep the event loop waiting: well under a frame at 60 Hz, so that
# scrolling and typing stay smooth while a book is laid out.
SLICE_SECONDS = 0.010
# A text up to this long is laid out whole as soon as it shows: a press article or a few
# (so their line numbers are exact at once, however busy the machine), about 15 ms of work;
# counted in characters, not time, so that what is laid out at once does not depend on the
# machine's load. A longer one (a book) lays out only the screen in view at once: the rest
# would not be exact at once anyway, and 40,000 characters more would add 15 ms a pane to
# the stall of showing it.
FIRST_SLICE_CHARACTERS = 40_000
_BLOCKS_BETWEEN_CLOCKS = 16  # reading the clock costs more than laying out an empty block


class BackgroundLayout(QObject):
    """Lay out the blocks of an edit's document in slices, the part in view first."""

    advanced = Signal()  # line counts changed: line numbers after them have moved
    finished = Signal()  # every block is laid out

    def __init__(self, edit: QPlainTextEdit) -> None:
        super().__init__(edit)
        self._edit = edit
        self._todo: list[tuple[int, int]] = []  # ranges of block numbers left, in order
        self._timer = QTimer(self)
        # One millisecond, not none: Qt runs zero-interval timers back to back ahead of the
        # others, and a book's slices then kept every other timer of the window waiting
        # 80 ms at a time; laying out a book takes a millisecond a slice longer.
        self._timer.setInterval(1)
        self._timer.timeout.connect(self._slice)

    def restart(self) -> None:
        """Lay the document out again (new text, new width): a first slice now, the rest
        queued behind the events."""
        document = self._edit.document()
        count = document.blockCount()
        first = max(0, self._edit.firstVisibleBlock().blockNumber())
        self._todo = [(first, count), (0, first)] if first else [(0, count)]
        if document.characterCount() <= FIRST_SLICE_CHARACTERS:
            self._run(None)
        else:
            self._run(None, lines=self._screen_lines())
        if self._todo:
            self._timer.start()
        else:
            self._stop()

    def finish(self) -> None:
        """Lay out whatever is left, now."""
        self._run(None)
        self._stop()

    def done(self) -> bool:
        return not self._todo

    def _slice(self) -> None:
        self._run(SLICE_SECONDS)
        if not self._todo:
            self._stop()

    def _stop(self) -> None:
        self._timer.stop()
        self.finished.emit()

    def _screen_lines(self) -> int:
        """How many lines the view shows."""
        spacing = max(1, self._edit.fontMetrics().lineSpacing())
        return self._edit.viewport().height() // spacing + 1

    def _run(self, seconds: float | None, lines: int | None = None) -> None:
        document = self._edit.document()
        layout = document.documentLayout()
        if not isinstance(layout, QPlainTextDocumentLayout):
            self._todo = []
            return
        deadline = None if seconds is None else time.perf_counter() + seconds
        counted = document.lineCount()
        # One size change said once per slice, not once per block: each tells the edit to
        # measure its scroll range again.
        blocked = layout.blockSignals(True)
        try:
            self._lay_out(document, layout, deadline, lines)
        finally:
            layout.blockSignals(blocked)
        if document.lineCount() != counted:
            layout.documentSizeChanged.emit(layout.documentSize())
            self.advanced.emit()

    def _lay_out(
        self,
        document: QTextDocument,
        layout: QPlainTextDocumentLayout,
        deadline: float | None,
        lines: int | None,
    ) -> None:
        """Lay out the blocks left, until the deadline or that many lines are done."""
        while self._todo:
            start, stop = self._todo[0]
            block = document.findBlockByNumber(start)
            number = start
            while number < stop and block.isValid():
                layout.ensureBlockLayout(block)
                if lines is not None:
                    lines -= block.lineCount()
                block = block.next()
                number += 1
                if (lines is not None and lines <= 0) or (
                    deadline is not None
                    and number % _BLOCKS_BETWEEN_CLOCKS == 0
                    and time.perf_counter() > deadline
                ):
                    self._todo[0] = (number, stop)
                    return
            self._todo.pop(0)
