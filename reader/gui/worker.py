"""Load and analyse a corpus off the GUI thread, with progress and cancel.

As novelWriter's dispatcher: one worker object moved to a thread, a job id per request, and
a result whose job is no longer the current one is dropped (Meld's rule: inputs changed).

An analysis reports `finished` as soon as the first pair can be shown. What the window shows
later (the statement map's changes of meaning, the first pair seen from the other side,
every row of it classified) is asked for apart, with `complete`, once the window has laid
the pair out: the two never share the processor, and the window stays quick meanwhile.
"""

from __future__ import annotations

import gc
import logging
import sys
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QObject, QThread, Signal, Slot

from reader.core.collect import no_collection
from reader.core.corpus import AnalysisCancelled, Corpus, Progress
from reader.core.substance import substantive
from reader.gui.source_list import list_figures
from reader.gui.statement_map import MapFigures, compute_map_figures, map_grid

log = logging.getLogger(__name__)

Pair = tuple[str, str] | None
# Built beside the analysis for the first pair (the panes' documents); handed over as is.
Prepare = Callable[[Corpus, tuple[str, str]], object]


# How long the worker holds the interpreter before handing it to the GUI thread when that
# waits: with Python's 5 ms, every paint callback (margins, bands, list entries) waited up to
# 5 ms while an analysis ran, and a first paint makes dozens: a 385-440 ms stall on the 1 MB
# pair; with 1 ms, 61-67 ms, the analysis no slower (bench_window.py).
SWITCH_SECONDS = 0.001


@contextmanager
def gui_first() -> Iterator[None]:
    """Run a job handing the interpreter over to the GUI thread more often."""
    before = sys.getswitchinterval()
    sys.setswitchinterval(SWITCH_SECONDS)
    try:
        yield
    finally:
        sys.setswitchinterval(before)


@contextmanager
def no_collection_pauses() -> Iterator[None]:
    """Run a job with the cycle collector off, then freeze what it built.

    The collector holds the interpreter lock while it walks the heap, whichever thread it runs
    in, so the window freezes for as long as it takes: on a 1 MB pair (two million tracked
    objects) a full pass takes about a second. An analysis builds that heap and leaves almost
    no cycles behind (a few hundred objects on the 1 MB pair), so it runs with the collector
    off; after it, what it built is frozen (moved out of the generations the collector
    walks), so that no later pass walks it either. Objects freed later are freed as before,
    by their reference counts.
    """
    with no_collection():
        try:
            yield
        finally:
            gc.freeze()  # before the collector is back on


class _Job(QObject):
    progressed = Signal(int, str, float)
    finished = Signal(int, object, object)
    completed = Signal(int, object, object)
    built = Signal(int, int, object, object)
    failed = Signal(int, str)

    def __init__(self) -> None:
        super().__init__()
        self.cancelled: set[int] = set()
        self.latest_ask = 0  # the newest request for documents built ahead (set by the window)

    @Slot(int, object, object, object)
    def run(
        self,
        job: int,
        make: Callable[[], Corpus],
        first: Callable[[Corpus], Pair],
        prepare: Prepare | None,
    ) -> None:
        def check() -> None:
            if job in self.cancelled:
                raise AnalysisCancelled

        def progress(stage: str, done: float) -> None:
            check()
            self.progressed.emit(job, stage, done)

        try:
            with gui_first(), no_collection_pauses():
                corpus, prepared = _prepared(make, first, progress, check, prepare)
        except AnalysisCancelled:
            return
        except Exception as exc:  # reported to the window, which shows it
            log.error("analysis failed:\n%s", traceback.format_exc())
            self.failed.emit(job, str(exc) or exc.__class__.__name__)
            return
        self.finished.emit(job, corpus, prepared)

    @Slot(int, object, object)
    def complete(self, job: int, corpus: Corpus, pair: Pair) -> None:
        def check() -> None:
            if job in self.cancelled:
                raise AnalysisCancelled

        try:
            with gui_first(), no_collection_pauses():
                figures = _completed(corpus, pair, check)
        except AnalysisCancelled:
            return
        except Exception:  # the window keeps what it shows; the rest is computed if asked
            log.error("completing the analysis failed:\n%s", traceback.format_exc())
            figures = None
        self.completed.emit(job, corpus, figures)

    @Slot(int, int, object, object, object)
    def build(self, job: int, ask: int, prepare: Prepare, corpus: Corpus, pair: Pair) -> None:
        """Build a pair's documents ahead of their showing (None if the request is stale:
        a newer analysis or a newer request for documents came in)."""
        built = None
        if job not in self.cancelled and ask == self.latest_ask and pair is not None:
            try:
                with gui_first(), no_collection_pauses():
                    built = prepare(corpus, pair)
            except Exception:  # the pane builds them itself if they are shown
                log.error("building documents ahead failed:\n%s", traceback.format_exc())
        self.built.emit(job, ask, corpus, built)


def _prepared(
    make: Callable[[], Corpus],
    first: Callable[[Corpus], Pair],
    progress: Progress,
    check: Callable[[], None],
    prepare: Prepare | None = None,
) -> tuple[Corpus, object]:
    """Build and analyse a corpus, with everything the window shows first computed here:
    the first pair aligned, the figures of the source list and the map, and what `prepare`
    makes of the pair (last: nothing is cancelled after it). `progress` says how far it
    got, `check` raises AnalysisCancelled once a newer request came in (so does progress)."""
    progress("reading the sources", 0.0)
    corpus = make()
    corpus.read_apart()  # a long corpus's own words are read on the other core meanwhile
    pair = first(corpus)
    try:
        if pair is not None and not corpus.analysed:
            # Align the first pair here too (it opens at once), and before the labels: the
            # rows need only the links, and the second process is still reading meanwhile.
            corpus.linking(progress)
            progress("comparing", 0.5)
            corpus.compare_ahead(*pair)
        corpus.analysis(progress)
    finally:
        corpus.stop_reading()  # cancelled or failed before the labels: not left running
    if pair is not None:
        corpus.comparison(*pair)
    map_grid(corpus)
    list_figures(corpus)
    check()  # the last point a newer request cancels this one
    prepared = prepare(corpus, pair) if prepare is not None and pair is not None else None
    return corpus, prepared


def _completed(corpus: Corpus, pair: Pair, check: Callable[[], None]) -> MapFigures | None:
    """What the window shows after the first pair: computed while the reader reads it.

    `check` raises AnalysisCancelled when a newer request came in.
    """
    if pair is not None:
        check()
        corpus.comparison(pair[1], pair[0])  # swapping the panes shows this
    figures = None
    if corpus.analysis().statement.passages:
        check()
        figures = compute_map_figures(corpus, check)
    if pair is not None:  # classify the rows the panes highlight, before they scroll there
        for comparison in (corpus.comparison(*pair), corpus.comparison(pair[1], pair[0])):
            check()
            substantive(comparison)
    return figures


class AnalysisRunner(QObject):
    """Analyse corpora in a background thread; only the latest request reports back."""

    progressed = Signal(str, float)
    finished = Signal(object, object)  # the corpus, what `prepare` made (or None)
    completed = Signal(object, object)  # the corpus, its MapFigures (None without a statement)
    built = Signal(object, object)  # the corpus, what `prepare` made of a pair (`build`)
    failed = Signal(str)
    _start = Signal(int, object, object, object)
    _complete = Signal(int, object, object)
    _build = Signal(int, int, object, object, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread = QThread(self)
        self._thread.setObjectName("analysis")
        self._job_object = _Job()
        self._job_object.moveToThread(self._thread)
        self._start.connect(self._job_object.run)
        self._complete.connect(self._job_object.complete)
        self._build.connect(self._job_object.build)
        self._job_object.built.connect(self._on_built)
        self._job_object.progressed.connect(self._on_progress)
        self._job_object.finished.connect(self._on_finished)
        self._job_object.completed.connect(self._on_completed)
        self._job_object.failed.connect(self._on_failed)
        self._thread.start()
        self._job = 0
        self._busy = False
        self._asks = 0  # requests for documents built ahead
        self._building = 0  # of which not answered yet

    def analyse(
        self,
        make: Callable[[], Corpus],
        first: Callable[[Corpus], Pair] = lambda corpus: None,
        prepare: Prepare | None = None,
    ) -> None:
        """Build a corpus with `make`, analyse it, compare the pair `first` picks in it and
        have `prepare` make what the window shows of it (in the worker: no widgets).

        An earlier request is cancelled.
        """
        self.cancel()
        self._job += 1
        self._busy = True
        self._start.emit(self._job, make, first, prepare)

    def complete(self, corpus: Corpus, pair: Pair) -> None:
        """Compute what the window shows after the pair `finished` gave (statement map,
        the pair swapped, its rows classified); `completed` brings it."""
        self._busy = True
        self._complete.emit(self._job, corpus, pair)

    def build(self, prepare: Prepare, corpus: Corpus, pair: tuple[str, str]) -> None:
        """Have `prepare` build a pair's documents in the worker, once it is free; `built`
        brings them. A newer request makes an older one not yet started moot."""
        self._asks += 1
        self._building += 1
        self._job_object.latest_ask = self._asks
        self._build.emit(self._job, self._asks, prepare, corpus, pair)

    def jobs(self) -> int:
        """How many analyses were asked for so far."""
        return self._job

    def busy(self) -> bool:
        """Whether the latest request has more to report, documents built ahead included."""
        return self._busy or self._building > 0

    def cancel(self) -> None:
        self._job_object.cancelled.add(self._job)
        self._busy = False

    def stop(self) -> None:
        self.cancel()
        self._thread.quit()
        self._thread.wait(5000)

    def _on_progress(self, job: int, stage: str, done: float) -> None:
        if job == self._job:
            self.progressed.emit(stage, done)

    def _on_finished(self, job: int, corpus: Corpus, prepared: object) -> None:
        if job == self._job:
            self._busy = False
            self.finished.emit(corpus, prepared)

    def _on_completed(self, job: int, corpus: Corpus, figures: MapFigures | None) -> None:
        if job == self._job:
            self._busy = False
            self.completed.emit(corpus, figures)

    def _on_built(self, job: int, ask: int, corpus: Corpus, built: object) -> None:
        self._building -= 1
        if job == self._job and ask == self._asks and built is not None:
            self.built.emit(corpus, built)

    def _on_failed(self, job: int, message: str) -> None:
        if job == self._job:
            self._busy = False
            self.failed.emit(message)
