"""The statement map: passages down, sources across, how each source carries each passage.

A cell shows whether a source quotes a passage (Q), reports it (P) or leaves it out (—), how
much of it and how closely, as a heat map in the spirit of Juxta's. The last row holds each
source's totals. Below the grid, the differences that change meaning in each source's
quotations. All figures come from reader.core.overview; this module only draws them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.core.corpus import Corpus
from reader.core.model import Label
from reader.core.overview import Cell, Grid, coverage_grid, substantive_differences
from reader.core.substance import Change
from reader.export.wording import describe
from reader.gui import plain
from reader.gui.per_corpus import PerCorpus

# Hues for the two ways of carrying a passage; their strength follows closeness × share.
QUOTED_HUE = QColor(46, 110, 200)
REPORTED_HUE = QColor(214, 140, 30)
PassageIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class MapFigures:
    """What the map shows of a corpus, computed once (in the analysis worker)."""

    grid: Grid
    differences: dict[str, list[tuple[str, Change]]]  # by source id


# The grid of an analysed corpus (cheap: read off the statement), computed once.
map_grid = PerCorpus(coverage_grid)


def compute_map_figures(corpus: Corpus, check: Callable[[], None] = lambda: None) -> MapFigures:
    """Compare every source with the statement for its changes of meaning (seconds, on a
    long text: the worker does it); `check` runs between sources, to stop early."""
    differences = {}
    for source_id in corpus.ids():
        check()
        differences[source_id] = substantive_differences(corpus, source_id)
    return MapFigures(map_grid(corpus), differences)


# The map's figures for an analysed corpus, computed the first time unless handed over.
map_figures = PerCorpus(compute_map_figures)


@dataclass(frozen=True)
class _Column:
    source_id: str
    title: str


class StatementGridModel(QAbstractTableModel):
    """Passages (rows, and a last row of totals) against sources (columns after the first)."""

    def __init__(self, grid: Grid, titles: dict[str, str]) -> None:
        super().__init__()
        self.grid = grid
        self.columns = [_Column(i, titles.get(i, i)) for i in grid.source_ids]

    def rowCount(self, parent: PassageIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.grid.passages) + 1

    def columnCount(self, parent: PassageIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns) + 1

    def is_totals(self, row: int) -> bool:
        return row == len(self.grid.passages)

    def cell(self, index: PassageIndex) -> Cell | None:
        if index.column() == 0 or self.is_totals(index.row()):
            return None
        return self.grid.cells[index.row()][index.column() - 1]

    def data(self, index: PassageIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(index)
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = self._tooltip(index)  # holds a source's title or text: never markup
            return None if tip is None else plain.tooltip(tip)
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._background(index)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Vertical:
            if role == Qt.ItemDataRole.DisplayRole:
                return self.tr("All") if self.is_totals(section) else self.grid.passages[section].id
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.tr("Passage") if section == 0 else self.columns[section - 1].title
        if role == Qt.ItemDataRole.ToolTipRole and section > 0:
            column = self.columns[section - 1]
            return plain.tooltip(f"{column.title}\n{column.source_id}")
        return None

    def _text(self, index: PassageIndex) -> str:
        row, column = index.row(), index.column()
        if self.is_totals(row):
            if column == 0:
                return self.tr("Quoted · reported, share of the statement")
            totals = self.grid.totals[column - 1]
            return f"{totals.quoted:.0%} · {totals.paraphrased:.0%}"
        if column == 0:
            return self.grid.passages[row].text
        cell = self.grid.cells[row][column - 1]
        if cell.mode is None:
            return "—"
        letter = "Q" if cell.mode == Label.QUOTATION else "P"
        return f"{letter} {cell.share:.0%}"

    def _tooltip(self, index: PassageIndex) -> str | None:
        row, column = index.row(), index.column()
        if column == 0:
            return None if self.is_totals(row) else self.grid.passages[row].text
        title = self.columns[column - 1].title
        if self.is_totals(row):
            totals = self.grid.totals[column - 1]
            closeness = "—" if totals.closeness is None else f"{totals.closeness:.2f}"
            return self.tr(
                "{title}: quotes {q:.0%} of the statement, reports {p:.0%}; "
                "closeness of its quotations {c}"
            ).format(title=title, q=totals.quoted, p=totals.paraphrased, c=closeness)
        cell = self.grid.cells[row][column - 1]
        passage = self.grid.passages[row].id
        if cell.mode is None:
            return self.tr("{title} leaves out {passage}").format(title=title, passage=passage)
        how = self.tr("quotes") if cell.mode == Label.QUOTATION else self.tr("reports")
        return self.tr("{title} {how} {share:.0%} of {passage}, closeness {c:.2f}").format(
            title=title, how=how, share=cell.share, passage=passage, c=cell.closeness
        )

    def _background(self, index: PassageIndex) -> QColor | None:
        cell = self.cell(index)
        if cell is None or cell.mode is None:
            return None
        color = QColor(QUOTED_HUE if cell.mode == Label.QUOTATION else REPORTED_HUE)
        color.setAlphaF(0.15 + 0.6 * cell.share * max(cell.closeness, 0.3))
        return color


class StatementMap(QWidget):
    """The overview: the reconstructed statement and where each source stands on it."""

    # A passage and a source were chosen: show that source against the statement there.
    passageRequested = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("overview")
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.table = QTableView()
        self.table.setObjectName("statementGrid")
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.activated.connect(self._activated)
        self.table.clicked.connect(self._activated)
        self.differences = QTreeWidget()
        self.differences.setObjectName("substantiveDifferences")
        self.differences.setHeaderLabels([self.tr("Changes of meaning in quotations")])
        self.differences.setRootIsDecorated(True)
        self.differences.itemActivated.connect(self._difference_activated)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.differences)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        self._model: StatementGridModel | None = None
        self._waiting_for: Corpus | None = None
        self.show_corpus(None)

    def show_corpus(
        self, corpus: Corpus | None, figures: MapFigures | None = None, wait: bool = False
    ) -> None:
        """Fill the map from an analysed corpus (None empties it).

        `figures`, computed elsewhere (the window's worker), are kept for the corpus. With
        `wait` and none known yet, the grid shows at once and the changes of meaning when
        they are passed in (`pending()` says so meanwhile); else they are computed here.
        """
        self.differences.clear()
        self.differences.setHeaderLabels([self.tr("Changes of meaning in quotations")])
        self._waiting_for = None
        if corpus is None or not corpus.analysed or not corpus.analysis().statement.passages:
            self.summary.setText(self.tr("No statement found: add sources that carry one."))
            self.table.setModel(None)
            self._model = None
            return
        if figures is not None:
            map_figures.keep(corpus, figures)
        figures = map_figures.known(corpus)
        if figures is None and not wait:
            figures = map_figures(corpus)
        grid = map_grid(corpus)
        titles = {i: corpus.source(i).title for i in grid.source_ids}
        if self._model is None or self._model.grid is not grid:
            self._show_grid(grid, titles)
        self.summary.setText(self._summary(corpus, grid))
        if figures is None:
            self._waiting_for = corpus
        else:
            self._fill_differences(corpus, titles, figures)

    def pending(self) -> bool:
        """Whether the changes of meaning are still being computed."""
        return self._waiting_for is not None

    def _show_grid(self, grid: Grid, titles: dict[str, str]) -> None:
        self._model = StatementGridModel(grid, titles)
        self.table.setModel(self._model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setTextElideMode(Qt.TextElideMode.ElideRight)
        header.setMinimumSectionSize(60)
        width = self.fontMetrics().horizontalAdvance("Q 100% ·  00%") + 16
        for column in range(1, self._model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, width)

    def model(self) -> StatementGridModel | None:
        return self._model

    def _summary(self, corpus: Corpus, grid: Grid) -> str:
        statement = corpus.analysis().statement
        reference = corpus.sources[statement.reference or 0].title
        return self.tr(
            "The statement, reconstructed: {n} passages, in the order of “{reference}”. "
            "Q quoted, P reported, — left out; the stronger the colour, the closer the wording."
        ).format(n=len(grid.passages), reference=_short(reference, 60))

    def _fill_differences(
        self, corpus: Corpus, titles: dict[str, str], figures: MapFigures
    ) -> None:
        for source_id in corpus.ids():
            found = figures.differences.get(source_id, [])
            if not found:
                continue
            parent = QTreeWidgetItem([f"{_short(titles[source_id], 50)} ({len(found)})"])
            parent.setToolTip(0, plain.tooltip(titles[source_id]))
            for passage, change in found:
                child = QTreeWidgetItem([f"{passage}: {describe(change, True)}"])
                child.setToolTip(0, plain.tooltip(f"{change.left}\n→\n{change.right}"))
                child.setData(0, Qt.ItemDataRole.UserRole, (passage, source_id))
                parent.addChild(child)
            self.differences.addTopLevelItem(parent)
            parent.setExpanded(True)
        if not self.differences.topLevelItemCount():
            self.differences.addTopLevelItem(
                QTreeWidgetItem([self.tr("No quotation changes a number, a name or a negation.")])
            )

    def _activated(self, index: QModelIndex) -> None:
        model = self._model
        if model is None or index.column() == 0 or model.is_totals(index.row()):
            return
        passage = model.grid.passages[index.row()].id
        self.passageRequested.emit(passage, model.columns[index.column() - 1].source_id)

    def _difference_activated(self, item: QTreeWidgetItem) -> None:
        target = item.data(0, Qt.ItemDataRole.UserRole)
        if target:
            self.passageRequested.emit(*target)


def _short(text: str, limit: int = 28) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
