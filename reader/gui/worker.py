"""Load and analyse a corpus off the GUI thread, with progress and cancel.

As novelWriter's dispatcher: one worker object moved to a thread, a job id per request, and
a result whose job is no longer the current one is dropped (Meld's rule: inputs changed).
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable

from PySide6.QtCore import QObject, QThread, Signal, Slot

from reader.core.collect import bulk_allocation
from reader.core.corpus import AnalysisCancelled, Corpus, Progress
from reader.core.substance import substantive
from reader.gui.statement_map import map_figures

log = logging.getLogger(__name__)

Pair = tuple[str, str] | None


class _Job(QObject):
    progressed = Signal(int, str, float)
    finished = Signal(int, object)
    failed = Signal(int, str)

    def __init__(self) -> None:
        super().__init__()
        self.cancelled: set[int] = set()

    @Slot(int, object, object)
    def run(self, job: int, make: Callable[[], Corpus], first: Callable[[Corpus], Pair]) -> None:
        def progress(stage: str, done: float) -> None:
            if job in self.cancelled:
                raise AnalysisCancelled
            self.progressed.emit(job, stage, done)

        try:
            with bulk_allocation():
                corpus = _prepared(make, first, progress)
        except AnalysisCancelled:
            return
        except Exception as exc:  # reported to the window, which shows it
            log.error("analysis failed:\n%s", traceback.format_exc())
            self.failed.emit(job, str(exc) or exc.__class__.__name__)
            return
        self.finished.emit(job, corpus)


def _prepared(
    make: Callable[[], Corpus], first: Callable[[Corpus], Pair], progress: Progress
) -> Corpus:
    """Build and analyse a corpus, with everything the window shows first computed here."""
    progress("reading the sources", 0.0)
    corpus = make()
    corpus.analysis(progress)
    pair = first(corpus)
    if pair is not None:  # align the first pair here too: it opens at once
        progress("comparing", 1.0)
        substantive(corpus.comparison(*pair))
    if corpus.analysis().statement.passages:  # the statement map, ready to draw
        progress("comparing", 1.0)
        map_figures(corpus)
    return corpus


class AnalysisRunner(QObject):
    """Analyse corpora in a background thread; only the latest request reports back."""

    progressed = Signal(str, float)
    finished = Signal(object)
    failed = Signal(str)
    _start = Signal(int, object, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread = QThread(self)
        self._thread.setObjectName("analysis")
        self._job_object = _Job()
        self._job_object.moveToThread(self._thread)
        self._start.connect(self._job_object.run)
        self._job_object.progressed.connect(self._on_progress)
        self._job_object.finished.connect(self._on_finished)
        self._job_object.failed.connect(self._on_failed)
        self._thread.start()
        self._job = 0

    def analyse(
        self, make: Callable[[], Corpus], first: Callable[[Corpus], Pair] = lambda corpus: None
    ) -> None:
        """Build a corpus with `make`, analyse it and compare the pair `first` picks in it.

        An earlier request is cancelled.
        """
        self.cancel()
        self._job += 1
        self._start.emit(self._job, make, first)

    def cancel(self) -> None:
        self._job_object.cancelled.add(self._job)

    def stop(self) -> None:
        self.cancel()
        self._thread.quit()
        self._thread.wait(5000)

    def _on_progress(self, job: int, stage: str, done: float) -> None:
        if job == self._job:
            self.progressed.emit(stage, done)

    def _on_finished(self, job: int, corpus: Corpus) -> None:
        if job == self._job:
            self.finished.emit(corpus)

    def _on_failed(self, job: int, message: str) -> None:
        if job == self._job:
            self.failed.emit(message)
