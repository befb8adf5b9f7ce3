"""Two sources side by side: headers, panes, the link map, scroll sync, difference stepping.

The view asks the corpus for the comparison and turns it into what each pane shows; it keeps
the two panes level through the alignment (ScrollSync) and steps through the rows that
differ (DifferenceTable). It computes nothing of its own.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable, Sequence

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from reader.core.compare import Comparison, Row, Stop
from reader.core.corpus import Corpus
from reader.core.model import Label
from reader.core.statement import STATEMENT_ID
from reader.core.substance import Highlight, highlights
from reader.gui import plain
from reader.gui.elide import ElidedLabel, display_title
from reader.gui.kept_documents import AHEAD_CHARACTERS, Kept
from reader.gui.legend import Legend
from reader.gui.link_map import LinkMap, RowIndex, row_index
from reader.gui.navigation import DifferenceTable, sentence_at
from reader.gui.pane import PaneContent, SourcePane, build_document, mark_paragraphs
from reader.gui.per_corpus import PerCorpus
from reader.gui.scroll_sync import ScrollSync

LEFT, RIGHT = -1, 1


class ComparisonView(QWidget):
    """The centre of the window: the pair being read."""

    differenceChanged = Signal(int, int)  # 1-based position of the current difference, total
    laidOut = Signal()  # both panes' texts are laid out (a long one takes a moment)
    # Documents to build in the worker: what builds them (FirstDocuments), the corpus, the pair.
    documentsWanted = Signal(object, object, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.left = SourcePane()
        self.left.setObjectName("leftPane")
        self.right = SourcePane()
        self.right.setObjectName("rightPane")
        self.link_map = LinkMap(self.left, self.right)
        self.headers = {LEFT: _header(), RIGHT: _header()}
        self.legend = Legend()
        self.corpus: Corpus | None = None
        self.comparison: Comparison | None = None
        self.labels: dict[int, tuple[Label, ...]] = {LEFT: (), RIGHT: ()}
        self.differences = DifferenceTable(None)
        self.current_difference: Stop | None = None
        # The pair shown seen from the other side, and its filter, once it is laid out.
        self._ahead: tuple[tuple[str, str], bool] | None = None
        self.sync = self._sync(())
        self._layout()
        self._relayout = QTimer(self)  # a resize reflows the text: re-measure once it settles
        self._relayout.setSingleShot(True)
        self._relayout.setInterval(80)
        self._relayout.timeout.connect(self._remeasure)
        for side, pane in ((LEFT, self.left), (RIGHT, self.right)):
            pane.scrolledTo.connect(lambda line, side=side: self._scrolled(side, line))
            pane.textClicked.connect(lambda p, at, side=side: self.bring_counterpart(side, p, at))
            pane.documentSizeChanged.connect(self._relayout.start)
            pane.background_layout.finished.connect(self._on_laid_out)
            pane.background_layout.advanced.connect(self._on_layout_advanced)

    def laid_out(self) -> bool:
        return self.left.background_layout.done() and self.right.background_layout.done()

    def _on_layout_advanced(self) -> None:
        """Lines were laid out in a pane: the geometry the panes follow by has moved."""
        self.sync.invalidate()
        self.link_map.update()

    def _on_laid_out(self) -> None:
        if self.laid_out():
            self._build_ahead()
            self.laidOut.emit()

    def _layout(self) -> None:
        row = QHBoxLayout()
        row.setSpacing(0)
        panes: tuple[tuple[int, SourcePane | None], ...] = (
            (LEFT, self.left),
            (0, None),
            (RIGHT, self.right),
        )
        for side, pane in panes:
            if pane is None:
                column = QVBoxLayout()
                column.addSpacing(self.headers[LEFT].sizeHint().height())
                column.addWidget(self.link_map, 1)
                row.addLayout(column)
                continue
            column = QVBoxLayout()
            column.setSpacing(2)
            column.addWidget(self.headers[side])
            column.addWidget(pane, 1)
            row.addLayout(column, 1)
        row.setContentsMargins(0, 0, 0, 0)
        outer = QVBoxLayout()
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(2)
        outer.addLayout(row, 1)
        outer.addWidget(self.legend)
        self.setLayout(outer)

    # Showing a pair --------------------------------------------------------------------------

    def show_pair(
        self, corpus: Corpus, left_id: str, right_id: str, hide_boilerplate: bool
    ) -> None:
        """Lay out two sources as aligned; both panes start at the top."""
        self._analysis_shown(corpus)
        comparison = corpus.comparison(left_id, right_id)
        self.comparison = comparison
        panes = {LEFT: self.left, RIGHT: self.right}
        for side, source_id, content, key in pane_contents(
            corpus, (left_id, right_id), hide_boilerplate
        ):
            self.labels[side] = tuple(content.labels)
            panes[side].show_content(content, key)
            self._set_header(side, corpus, source_id)
        rows = comparison.rows
        self.sync = self._sync(rows)
        filtered = any(pane.content and pane.content.hidden for pane in (self.left, self.right))
        if filtered:  # the stops whose text is shown; else every stop, at no cost
            self.differences = DifferenceTable(comparison, keep=self._shown)
        else:
            self.differences = DifferenceTable(comparison)
        self.current_difference = None
        self.link_map.by_hand = corpus.corrected_pairs(left_id, right_id)
        index = rows_linked(corpus, (left_id, right_id))
        self.link_map.set_rows(rows, self.labels[LEFT], self.labels[RIGHT], index)
        self.legend.set_unpaired(
            *(len(pane.content.unpaired) if pane.content else 0 for pane in (self.left, self.right))
        )
        self.differenceChanged.emit(0, len(self.differences))
        longest = max(pane.document().characterCount() for pane in (self.left, self.right))
        long_pair = left_id != right_id and longest > AHEAD_CHARACTERS
        self._ahead = ((right_id, left_id), hide_boilerplate) if long_pair else None
        if self.laid_out():
            self._build_ahead()

    def _build_ahead(self) -> None:
        """Once a long pair is laid out, have the worker build the documents of the pair
        seen from the other side (what a swap shows) while this one is read: building them
        here would freeze the window, and building them sooner would slow the layout."""
        if self._ahead is None or self.corpus is None:
            return
        (mirror, hide_boilerplate), self._ahead = self._ahead, None
        known = _contents.known(self.corpus)
        contents = known.get((mirror, hide_boilerplate)) if known is not None else None
        if contents is not None and all(self._pane(s).kept.has(k) for s, _, _, k in contents):
            return  # held already
        self.documentsWanted.emit(self.first_documents(hide_boilerplate), self.corpus, mirror)

    def _analysis_shown(self, corpus: Corpus) -> None:
        if corpus is not self.corpus:  # documents built from another analysis
            self.forget_documents()
        self.corpus = corpus

    def forget_documents(self) -> None:
        """Build every pair anew when next shown (its tooltips are in another language)."""
        for pane in (self.left, self.right):
            pane.kept.forget(pane.document())

    def first_documents(self, hide_boilerplate: bool) -> FirstDocuments:
        """What builds the documents of the pair to show first, beside the analysis."""
        pane = self.left
        generations = {LEFT: self.left.kept.generation, RIGHT: self.right.kept.generation}
        return FirstDocuments(
            pane.font(), pane.palette(), hide_boilerplate, pane.first_screen(), generations
        )

    def take_documents(self, corpus: Corpus, built: Sequence[Built]) -> None:
        """Documents built for an analysis (FirstDocuments): the panes keep them to show,
        unless the font, palette or language changed while they were built."""
        fresh = self._fresh(built)
        self._analysis_shown(corpus)
        for (side, key, kept, _), usable in zip(built, fresh, strict=True):
            if usable:
                self._pane(side).adopt(kept.document)
                self._pane(side).kept.keep(key, kept)

    def take_documents_ahead(self, corpus: Corpus, built: Sequence[Built]) -> None:
        """Documents built ahead of a pair's showing (`documentsWanted`): the panes hold
        them, if still of the analysis shown and in its font, palette and language."""
        fresh = self._fresh(built) if corpus is self.corpus else [False] * len(built)
        for (side, key, kept, _), usable in zip(built, fresh, strict=True):
            if usable:
                self._pane(side).adopt(kept.document)
                self._pane(side).kept.offer(key, kept)

    def _pane(self, side: int) -> SourcePane:
        return self.left if side == LEFT else self.right

    def _fresh(self, built: Sequence[Built]) -> list[bool]:
        """Which documents were built in the pane's current font, palette and language (a
        stale one is deleted)."""
        fresh = []
        for side, _, kept, generation in built:
            fresh.append(generation == self._pane(side).kept.generation)
            if not fresh[-1]:
                kept.document.deleteLater()
        return fresh

    def _sync(self, rows: Sequence[Row]) -> ScrollSync:
        left, right = self.left, self.right
        return ScrollSync(
            rows,
            left.extent,
            right.extent,
            left.scroll_to_line,
            right.scroll_to_line,
            left.place,
            right.place,
        )

    def clear(self) -> None:
        self.comparison = None
        for pane in (self.left, self.right):
            pane.show_content(None)
        self.link_map.set_rows((), (), ())

    def _set_header(self, side: int, corpus: Corpus, source_id: str) -> None:
        source = corpus.source(source_id)
        if source_id == STATEMENT_ID:
            title = self.tr("The statement, reconstructed from the sources")
        else:
            title = display_title(source)
        outlet = f" — {source.outlet}" if source.outlet and source_id != STATEMENT_ID else ""
        header = self.headers[side]
        header.set_full_text(f"{title}{outlet}")
        where = str(source.path) if source.path else ""
        header.setToolTip(
            plain.tooltip("\n".join(filter(None, (title, source.outlet, source.id, where))))
        )

    def _shown(self, stop: Stop) -> bool:
        """A difference counts for navigation if its text is on screen (not filtered)."""
        assert self.comparison is not None
        row = self.comparison.rows[stop.row]
        if stop.sentence < 0:
            left, right = row.left, row.right
        else:
            pair = row.sentences[stop.sentence]
            left = tuple(s.paragraph for s in pair.left)
            right = tuple(s.paragraph for s in pair.right)
        return any(self.left.extent(p) is not None for p in left) or any(
            self.right.extent(p) is not None for p in right
        )

    # Scrolling ---------------------------------------------------------------------------------

    def _scrolled(self, side: int, line: float) -> None:
        self.sync.follow(side, line)
        self.link_map.update()

    def _remeasure(self) -> None:
        self.left.invalidate()
        self.right.invalidate()
        self.sync.invalidate()
        self.link_map.update()

    def bring_counterpart(self, side: int, paragraph: int, offset: int = -1) -> None:
        """Bring the counterpart of what was clicked level with it, and mark it: the
        sentence aligned with the one at `offset` (a character of the paragraph) if there
        is one, else the paragraph's counterpart."""
        if self.comparison is None:
            return
        rows = self.comparison.rows
        if (
            not 0
            <= paragraph
            < len(self.comparison.left_rows if side == LEFT else self.comparison.right_rows)
        ):
            return
        mine, other = (self.left, self.right) if side == LEFT else (self.right, self.left)
        pair = sentence_at(self.comparison, side, paragraph, offset)
        if pair is not None:
            own, counterpart = (pair.left, pair.right) if side == LEFT else (pair.right, pair.left)
            here, there = mine.place(own[0]), other.place(counterpart[0])
            if here is not None and there is not None:
                self._level(mine, math.floor(here[0]), other, math.floor(there[0]))
            self.left.mark_spans(pair.left)
            self.right.mark_spans(pair.right)
            self.link_map.update()
            return
        row = rows[self.comparison.row_of(side, paragraph)]
        counterpart_rows = row.right if side == LEFT else row.left
        if counterpart_rows:
            line = mine.extent(paragraph)
            target = other.extent(counterpart_rows[0])
            if line is not None and target is not None:
                self._level(mine, line[0], other, target[0])
            other.flash(counterpart_rows[0])
        self.link_map.update()

    def _level(self, mine: SourcePane, line: float, other: SourcePane, target: float) -> None:
        """Scroll `other` so that its `target` line stands level with `mine`'s `line`.

        The clicked pane stays where it is, unless the other cannot scroll that far (near
        its top or end): then the clicked one moves by what is left.
        """
        shown = line - mine.verticalScrollBar().value()  # lines from the top of the view
        with self.sync.paused():
            other.verticalScrollBar().setValue(round(target - shown))
            left = (target - other.verticalScrollBar().value()) - shown
            if abs(left) >= 1:
                bar = mine.verticalScrollBar()
                bar.setValue(round(bar.value() - left))

    # Differences -------------------------------------------------------------------------------

    def current_place(self) -> tuple[int, int]:
        """Just before the first row in view: stepping forward starts there."""
        if self.comparison is None:
            return (-1, -1)
        paragraph = self.left.paragraph_at_top()
        if paragraph is None:
            return (-1, -1)
        rows = self.comparison.rows
        first = self.comparison.row_of(LEFT, paragraph)
        # Right-only rows placed before it are in view too.
        while first > 0 and not rows[first - 1].left:
            first -= 1
        return (first - 1, 1 << 30)

    def step(self, forward: bool) -> bool:
        """Go to the next (or previous) difference; False if there is none."""
        if self.comparison is None:
            return False
        current = self.current_difference
        here = (current.row, current.sentence) if current is not None else self.current_place()
        target = self.differences.next(here) if forward else self.differences.previous(here)
        if target is None:
            return False
        self.go_to(target)
        return True

    def go_to(self, stop: Stop) -> None:
        """Show a difference in both panes: its sentences (their own characters, not their
        paragraphs), or the whole row."""
        if self.comparison is None:
            return
        row = self.comparison.rows[stop.row]
        self.current_difference = stop
        if stop.sentence < 0:
            for pane, paragraphs in zip(
                (self.left, self.right), (row.left, row.right), strict=True
            ):
                pane.mark(paragraphs)  # the whole difference, on both sides, until the next step
                if paragraphs:
                    pane.show_paragraph(paragraphs[0])
        else:
            pair = row.sentences[stop.sentence]
            for pane, spans in zip((self.left, self.right), (pair.left, pair.right), strict=True):
                pane.mark_spans(spans)  # the sentences, on both sides, until the next step
                placed = pane.place(spans[0]) if spans else None
                if placed is not None:
                    pane.scroll_to_line(math.floor(placed[0]) + 0.01)
        if not row.left and row.right:  # keep the left pane level with a right-only row
            self.sync.follow(RIGHT, self.right.reading_line())
        self.link_map.update()
        self.differenceChanged.emit(self.differences.position(stop) or 0, len(self.differences))

    def set_zoom(self, steps: int, base: QFont) -> None:
        for pane in (self.left, self.right):
            pane.set_zoom(steps, base)
        self._remeasure()


PaneContents = list[tuple[int, str, PaneContent, Hashable]]
# Per corpus, what the panes show of each pair (and filter) already shown: the labels, the
# unpaired and the corrected paragraphs of a book take a walk over thousands of them.
_contents: PerCorpus[dict[tuple[tuple[str, str], bool], PaneContents]] = PerCorpus(lambda _: {})


def pane_contents(corpus: Corpus, pair: tuple[str, str], hide_boilerplate: bool) -> PaneContents:
    """What each pane shows of a pair, with the key its document is kept under: (side,
    source id, content, key). Worked out once a corpus (the first pair in the worker)."""
    known = _contents(corpus)
    found = known.get((pair, hide_boilerplate))
    if found is None:
        found = known[pair, hide_boilerplate] = _pane_contents(corpus, pair, hide_boilerplate)
    return found


_indexes: PerCorpus[dict[tuple[str, str], RowIndex]] = PerCorpus(lambda _: {})


def rows_linked(corpus: Corpus, pair: tuple[str, str]) -> RowIndex:
    """The link map's index of a pair's rows, worked out once a corpus."""
    known = _indexes(corpus)
    found = known.get(pair)
    if found is None:
        found = known[pair] = row_index(corpus.comparison(*pair).rows)
    return found


def _pane_contents(corpus: Corpus, pair: tuple[str, str], hide_boilerplate: bool) -> PaneContents:
    comparison = corpus.comparison(*pair)
    found = []
    for side, source_id in zip((LEFT, RIGHT), pair, strict=True):
        analysed = corpus.paragraph_analysis(source_id)
        labels = tuple(p.label for p in analysed)
        hidden = frozenset(
            n for n, label in enumerate(labels) if hide_boilerplate and label == Label.BOILERPLATE
        )
        corrected = frozenset(n for n, a in enumerate(analysed) if a.corrected)
        content = PaneContent(
            corpus.source(source_id),
            labels,
            _lazy_highlights(comparison, side),
            hidden,
            _unpaired(comparison, side),
            corrected,
        )
        # The comparison stands for the source, its highlights and its rows: the corpus
        # keeps it, and the documents kept are forgotten with the corpus.
        found.append((side, source_id, content, (id(comparison), side, hidden)))
    return found


# A pane's side, the key, the document as marked, the pane's kept generation it was built in.
Built = tuple[int, Hashable, Kept, int]


class FirstDocuments:
    """Build the documents of a pair in the analysis worker, their first screen highlighted
    (a megabyte of text, its tints and the rows in view take a tenth of a second, a freeze
    on the GUI thread); `take_documents` hands them to the panes. The font, palette and
    first screen are taken here, on the GUI thread."""

    def __init__(
        self,
        font: QFont,
        palette: QPalette,
        hide_boilerplate: bool,
        first: range,
        generations: dict[int, int],
    ) -> None:
        self.generations = generations  # each pane's, when asked for
        self.font = QFont(font)
        self.palette = QPalette(palette)
        self.hide_boilerplate = hide_boilerplate
        self.first = first

    def __call__(self, corpus: Corpus, pair: tuple[str, str]) -> list[Built]:
        built = []
        for side, _, content, key in pane_contents(corpus, pair, self.hide_boilerplate):
            kept = Kept(build_document(content, self.font, self.palette))
            mark_paragraphs(kept, content, self.first, self.palette)
            built.append((side, key, kept, self.generations[side]))
        rows_linked(corpus, pair)  # the link map's too
        app = QCoreApplication.instance()
        assert app is not None  # a window asked for them
        gui = app.thread()
        for _, _, kept, _ in built:  # last: until here, a cancelled job deletes its own
            kept.document.moveToThread(gui)
        return built


def _header() -> ElidedLabel:
    label = ElidedLabel()
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    label.setContentsMargins(4, 2, 4, 2)
    return label


def _unpaired(comparison: Comparison, side: int) -> frozenset[int]:
    """The paragraphs of one side that no row pairs with anything on the other."""
    rows = comparison.left_rows if side == LEFT else comparison.right_rows
    return frozenset(p for p, r in enumerate(rows) if not comparison.rows[r].matched)


def _lazy_highlights(comparison: Comparison, side: int) -> Callable[[int], list[Highlight]]:
    """A paragraph's highlights on one side, worked out the first time it is asked for."""
    rows = comparison.left_rows if side == LEFT else comparison.right_rows

    def of(paragraph: int) -> list[Highlight]:
        if not 0 <= paragraph < len(rows):
            return []
        spans = highlights(comparison, rows[paragraph], side)
        return [h for h in spans if h.paragraph == paragraph]

    return of
