"""The list of sources: title, outlet, label counts and how much of the statement each quotes.

Click (or Enter) shows a source in the left pane; Ctrl+click (or Ctrl+Enter, or the context
menu) in the right one. The reconstructed statement is listed first, as a source of its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QItemSelectionModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QPainter,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QMenu,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from reader.core.corpus import Corpus
from reader.core.model import Label
from reader.core.statement import STATEMENT_ID
from reader.gui import plain, theme
from reader.gui.elide import display_title, elide_words
from reader.gui.per_corpus import PerCorpus

Index = QModelIndex | QPersistentModelIndex
SourceRole = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class SourceEntry:
    source_id: str
    title: str
    detail: str  # outlet, or the file's id when the text names no outlet
    counts: dict[Label, int]
    quoted: float
    paraphrased: float
    shown: str = ""  # what the list shows when the title is only the file's id
    corrected: int = 0  # labels and links a reader corrected by hand in this source

    @property
    def display(self) -> str:
        return self.shown or self.title


class _Figures(NamedTuple):
    counts: dict[Label, int]
    quoted: float
    paraphrased: float
    corrected: int


def _list_figures(corpus: Corpus) -> list[_Figures]:
    analysis = corpus.analysis()
    statement = analysis.statement
    return [
        _Figures(
            analysis.label_counts(n),
            statement.quoted_share(n),
            statement.paraphrased_share(n),
            corpus.placement().counts(n),
        )
        for n in range(len(corpus.sources))
    ]


# Each source's figures in the list, for an analysed corpus: worked out once (on a long
# text the shares of the statement take a while; the worker computes them).
list_figures = PerCorpus(_list_figures)


def entries(corpus: Corpus, with_statement: bool, statement_title: str) -> list[SourceEntry]:
    found = []
    analysed = corpus.analysed
    statement = corpus.analysis().statement if analysed else None
    figures = list_figures(corpus) if analysed else None
    if with_statement and statement is not None and statement.passages:
        found.append(
            SourceEntry(
                STATEMENT_ID,
                statement_title,
                QCoreApplication.translate("SourceList", "{n} passages").format(
                    n=len(statement.passages)
                ),
                {},
                1.0,
                0.0,
            )
        )
    for n, source in enumerate(corpus.sources):
        mine = figures[n] if figures is not None else _Figures({}, 0.0, 0.0, 0)
        found.append(
            SourceEntry(
                source.id,
                source.title,
                source.outlet or source.id,
                mine.counts,
                mine.quoted,
                mine.paraphrased,
                display_title(source),
                mine.corrected,
            )
        )
    return found


class SourceListModel(QAbstractListModel):
    def __init__(self) -> None:
        super().__init__()
        self.items: list[SourceEntry] = []
        self.left = ""
        self.right = ""

    def set_entries(self, items: list[SourceEntry]) -> None:
        self.beginResetModel()
        self.items = items
        self.endResetModel()

    def set_pair(self, left: str, right: str) -> None:
        """Mark the pair shown; only the entries whose mark changes are drawn again."""
        changed = {self.left, self.right, left, right}
        self.left, self.right = left, right
        for n, item in enumerate(self.items):
            if item.source_id in changed:
                self.dataChanged.emit(self.index(n), self.index(n))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        item = self.items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return item.display
        if role == SourceRole:
            return item
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(item)
        return None

    def row_of(self, source_id: str) -> int | None:
        return next((n for n, item in enumerate(self.items) if item.source_id == source_id), None)

    def _tooltip(self, item: SourceEntry) -> str:
        lines = (
            [item.display, item.title, item.detail]
            if item.shown != item.title
            else [item.title, item.detail]
        )
        if item.source_id != STATEMENT_ID:
            lines.append(
                self.tr("Quotes {q:.0%} of the statement, reports {p:.0%}").format(
                    q=item.quoted, p=item.paraphrased
                )
            )
        if item.corrected:
            lines.append(self.tr("{n} correction(s) by hand").format(n=item.corrected))
        lines.append(self.tr("Click: left pane · Ctrl+click: right pane"))
        return plain.tooltip("\n".join(lines))


class _Delegate(QStyledItemDelegate):
    """Two lines of text, the label counts, a bar of the statement quoted and reported."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        height = option.fontMetrics.height()  # type: ignore[attr-defined]
        return QSize(200, 3 * height + 16)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        item: SourceEntry = index.data(SourceRole)
        model: SourceListModel = index.model()  # type: ignore[assignment]
        painter.save()
        style = option.widget.style() if option.widget else None  # type: ignore[attr-defined]
        if style:
            style.drawPrimitive(
                QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, option.widget
            )  # type: ignore[attr-defined]
        rect: QRect = option.rect.adjusted(8, 4, -14, -4)  # type: ignore[attr-defined]
        metrics = option.fontMetrics  # type: ignore[attr-defined]
        line = metrics.height()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)  # type: ignore[attr-defined]
        text_color = (
            option.palette.highlightedText().color() if selected else option.palette.text().color()
        )  # type: ignore[attr-defined]
        badge = self._badge(model, item.source_id)
        bold = QFont(option.font)  # type: ignore[attr-defined]
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(text_color)
        title_rect = QRect(rect.left(), rect.top(), rect.width() - (28 if badge else 0), line)
        # Measured in the bold font it is drawn in, so that the "…" is never cut off.
        bold_metrics = QFontMetrics(bold)
        painter.drawText(
            title_rect,
            Qt.AlignmentFlag.AlignLeft,
            elide_words(bold_metrics, item.display, title_rect.width()),
        )
        if badge:
            painter.drawText(
                QRect(rect.right() - 26, rect.top(), 26, line), Qt.AlignmentFlag.AlignRight, badge
            )
        painter.setFont(option.font)  # type: ignore[attr-defined]
        dim = QColor(text_color)
        dim.setAlphaF(0.7)
        painter.setPen(dim)
        counts = (
            " ".join(f"{theme.STYLES[label].letter}{item.counts.get(label, 0)}" for label in Label)
            if item.counts
            else ""
        )
        if item.corrected:
            counts += f" ✎{item.corrected}"  # corrected by hand
        counts_width = metrics.horizontalAdvance(counts) + 8 if counts else 0
        second = QRect(rect.left(), rect.top() + line, rect.width(), line)
        painter.drawText(
            second.adjusted(0, 0, -counts_width, 0),
            Qt.AlignmentFlag.AlignLeft,
            elide_words(metrics, item.detail, second.width() - counts_width),
        )
        if counts:
            painter.drawText(second, Qt.AlignmentFlag.AlignRight, counts)
        if item.source_id != STATEMENT_ID:
            self._bar(painter, QRect(rect.left(), rect.top() + 2 * line + 4, rect.width(), 5), item)
        painter.restore()

    @staticmethod
    def _badge(model: SourceListModel, source_id: str) -> str:
        sides = [s for s, chosen in (("L", model.left), ("R", model.right)) if chosen == source_id]
        return "·".join(sides)

    @staticmethod
    def _bar(painter: QPainter, rect: QRect, item: SourceEntry) -> None:
        painter.fillRect(rect, QColor(128, 128, 128, 50))
        quoted = round(rect.width() * item.quoted)
        reported = round(rect.width() * item.paraphrased)
        painter.fillRect(
            QRect(rect.left(), rect.top(), quoted, rect.height()), theme.STYLES[Label.QUOTATION].hue
        )
        reported_rect = QRect(rect.left() + quoted, rect.top(), reported, rect.height())
        painter.fillRect(reported_rect, theme.STYLES[Label.PARAPHRASE].hue)
        painter.fillRect(reported_rect, Qt.BrushStyle.Dense5Pattern)  # readable without colour


class SourceList(QListView):
    leftRequested = Signal(str)
    rightRequested = Signal(str)
    editRequested = Signal(str)
    removeRequested = Signal(str)
    filesDropped = Signal(list)  # local paths dropped on the list, to add to the library

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sourceList")
        self.list_model = SourceListModel()
        self.setModel(self.list_model)
        self.setItemDelegate(_Delegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setUniformItemSizes(True)
        self.setMouseTracking(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(False)
        self.setStatusTip(self.tr("Click a source to show it on the left, Ctrl+click on the right"))

    def show_pair(self, left: str, right: str) -> None:
        """Say what the panes show: the L and R marks, and the left source selected."""
        self.list_model.set_pair(left, right)
        row = self.list_model.row_of(left)
        if row is None:
            self.clearSelection()
            return
        index = self.list_model.index(row)
        self.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self.scrollTo(index)

    def source_at(self, index: QModelIndex) -> str | None:
        if not index.isValid():
            return None
        return self.list_model.items[index.row()].source_id

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        source_id = self.source_at(self.indexAt(event.position().toPoint()))
        if source_id is None or event.button() != Qt.MouseButton.LeftButton:
            return
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.rightRequested.emit(source_id)
        else:
            self.leftRequested.emit(source_id)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            source_id = self.source_at(self.currentIndex())
            if source_id is not None:
                right = event.modifiers() & Qt.KeyboardModifier.ControlModifier
                (self.rightRequested if right else self.leftRequested).emit(source_id)
            return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        source_id = self.source_at(self.indexAt(event.pos()))
        if source_id is None:
            return
        menu = QMenu(self)
        menu.addAction(
            self.tr("Show on the left\tClick"), lambda: self.leftRequested.emit(source_id)
        )
        menu.addAction(
            self.tr("Show on the right\tCtrl+Click"), lambda: self.rightRequested.emit(source_id)
        )
        if source_id != STATEMENT_ID:
            menu.addSeparator()
            menu.addAction(self.tr("Edit details…\tF2"), lambda: self.editRequested.emit(source_id))
            menu.addAction(self.tr("Remove\tDel"), lambda: self.removeRequested.emit(source_id))
        menu.exec(event.globalPos())

    # Files dropped from a file manager ---------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _local_files(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if _local_files(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        files = _local_files(event.mimeData())
        if not files:
            event.ignore()
            return
        event.acceptProposedAction()
        self.filesDropped.emit(files)


def _local_files(mime: QMimeData) -> list[str]:
    """The local files in a drag (links to web addresses are not fetched: they are ignored)."""
    if not mime.hasUrls():
        return []
    return [url.toLocalFile() for url in mime.urls() if url.isLocalFile()]
