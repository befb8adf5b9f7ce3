"""A pane: one source as it reads, paragraph by paragraph, labelled and highlighted.

Each paragraph is one block of a QPlainTextEdit (fast on a megabyte of text), followed by an
empty block that spaces it from the next. Text is inserted as plain text, never markup. The
margin shows each paragraph's label as a letter and a patterned bar; its block is tinted. The
pane measures itself in lines: QPlainTextEdit scrolls by lines, and the scroll synchroniser
and the link map work in the same unit; `place` gives a sentence's start and end in lines, for
sentence anchors and marks. A moved sentence's wave is drawn by the pane over its text, as
Qt's own wave underline is a hairline. A long text is laid out a slice at a time between
events (BackgroundLayout); line numbers are the document's own, right where laid out.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPointF, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextLayout,
    QTextLine,
)
from PySide6.QtWidgets import QPlainTextDocumentLayout, QPlainTextEdit, QTextEdit, QWidget

from reader.core.compare import Span
from reader.core.model import Label, Source
from reader.core.substance import ChangeKind, Highlight
from reader.export.wording import kind_name
from reader.gui import theme
from reader.gui.kept_documents import Kept, KeptDocuments
from reader.gui.lazy_layout import BackgroundLayout

_MARGIN = 26
_FLASH_MS = 1500
# Marks a moved sentence's characters, so that the pane draws its wave under them.
MOVED_PROPERTY = QTextFormat.Property.UserProperty + 1


@dataclass(frozen=True)
class PaneContent:
    """What a pane shows: a source, its labels, and the spans that differ on this side.

    `highlights` gives a paragraph's spans when asked: the pane asks only for paragraphs that
    come into view, so a megabyte of text opens as fast as a page.
    """

    source: Source
    labels: Sequence[Label]
    highlights: Callable[[int], Sequence[Highlight]]
    hidden: frozenset[int] = frozenset()  # paragraphs not shown (boilerplate, when filtered)
    unpaired: frozenset[int] = frozenset()  # paragraphs with no counterpart on the other side
    corrected: frozenset[int] = frozenset()  # paragraphs whose label a reader set by hand


# The characters UTF-16 writes as two units (emoji and the like, beyond the first plane).
_TWO_UNITS = re.compile("[\U00010000-\U0010ffff]")


def utf16_offset(text: str, offset: int) -> int:
    """Qt counts UTF-16 code units: an emoji before `offset` counts twice. (Searched, not
    encoded: a highlight's offsets are asked for in every paragraph shown.)"""
    if text.isascii() or _TWO_UNITS.search(text, 0, offset) is None:
        return offset
    return offset + len(_TWO_UNITS.findall(text, 0, offset))


def python_offset(text: str, units: int) -> int:
    """The inverse of utf16_offset: the character index of a Qt position in `text`."""
    if text.isascii():
        return units
    return len(text.encode("utf-16-le", "surrogatepass")[: 2 * units].decode("utf-16-le", "ignore"))


class SourcePane(QPlainTextEdit):
    """One source, read-only, with label margin, tints and highlighted differences."""

    paragraphClicked = Signal(int)
    # The paragraph and the character (in its text) clicked; -1 between two paragraphs.
    textClicked = Signal(int, int)
    scrolledTo = Signal(float)  # the line at the pane's reading point, for the synchroniser
    documentSizeChanged = Signal()  # the text shown was laid out anew (a resize, a slice)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setUndoRedoEnabled(False)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.content: PaneContent | None = None
        self.marked: frozenset[int] = frozenset()  # the current difference, barred in the margin
        self.marked_spans: tuple[Span, ...] = ()  # a sentence clicked or its counterpart, barred
        self.kept = KeptDocuments()
        # The document on show, with the paragraphs highlighted in it and its moved ranges.
        self._on_show = Kept(self.document())
        self._shown: QTextDocument | None = None  # the document of ours on show
        self._margin = _Margin(self)
        self.setViewportMargins(_MARGIN, 0, 0, 0)
        self._laid_out_view: tuple[int, ...] | None = None  # the view last laid out
        self.background_layout = BackgroundLayout(self)
        self._showing = False
        self.background_layout.advanced.connect(self._on_layout_advanced)
        self._flash = QTimer(self)
        self._flash.setSingleShot(True)
        self._flash.timeout.connect(lambda: self.setExtraSelections([]))
        self.verticalScrollBar().valueChanged.connect(self._on_scroll)
        self.updateRequest.connect(self._margin.on_update)
        self.document().documentLayout().documentSizeChanged.connect(self.documentSizeChanged)

    # Content -------------------------------------------------------------------------------

    def show_content(self, content: PaneContent | None, key: Hashable | None = None) -> None:
        """Lay out a source (None clears the pane); the view starts at the top.

        `key` names the content: shown again under the same key, the document built then
        is shown again, as it was filled and highlighted (see KeptDocuments).
        """
        self.content = content
        self._laid_out_view = None
        self.marked = frozenset()
        self.marked_spans = ()
        kept = self.kept.take(key) if content is not None else None
        if kept is None:
            kept = Kept(self._new_document(content))
        self._on_show = kept
        if content is not None:
            self.kept.keep(key, kept)
        previous = self._shown
        if kept.document is not previous:
            self._showing = True  # a scroll bar coming or going resizes the view: lay out once
            self.setDocument(kept.document)
            self._settle_scroll_bars()
            self._showing = False
            self._shown = kept.document
            # Ours goes once replaced, unless kept (the edit's first one deletes itself).
            if previous is not None and not self.kept.holds(previous):
                previous.deleteLater()
        self.setExtraSelections([])
        self.verticalScrollBar().setValue(0)
        # The view's highlights before the layout: a format change drops the layout of the
        # blocks it touches, which would then be laid out twice. Not laid out yet, each
        # block counts one line, so a screen of lines holds at least what the view shows.
        self._mark_visible(screens_after=1.0, screens_before=0.0)
        self.background_layout.restart()
        self._mark_visible()  # and a screen either side, where laid out
        self._margin.update()

    def _settle_scroll_bars(self) -> None:
        """Show or hide the scroll bars for the new document now, not when Qt gets to it.

        Qt shows a scroll bar whose range changed only from the event queue, after the
        first slice of layout: the view would narrow then and the slice be laid out again
        at the new width (twice 10-15 ms on a book, in the same stall as the pair shown).
        Setting the margins lays the scroll area's children out at once.
        """
        self.setViewportMargins(self.viewportMargins())

    def _new_document(self, content: PaneContent | None) -> QTextDocument:
        return self.adopt(build_document(content, self.font(), self.palette()))

    def adopt(self, document: QTextDocument) -> QTextDocument:
        """Make a document built by `build_document` (in any thread, moved to this one)
        the pane's own, to show and to delete."""
        document.setParent(self)
        # Said by the pane for every document it shows, so that its view connects once.
        document.documentLayout().documentSizeChanged.connect(self.documentSizeChanged)
        return document

    def _mark_visible(self, screens_after: float = 2.0, screens_before: float = 1.0) -> None:
        """Apply the highlights of the paragraphs in view and a screen either side of it.

        Highlights change colours and underlines only, never the layout: marking late moves
        nothing on screen.
        """
        if self.content is None:
            return
        first = self.verticalScrollBar().value()
        lines = self._visible_lines()
        paragraphs = self._paragraphs_between(
            first - screens_before * lines, first + screens_after * lines
        )
        mark_paragraphs(self._on_show, self.content, paragraphs, self.palette())

    def first_screen(self) -> range:
        """The paragraphs `show_content` marks at most, at the top of a document (a screen
        and the next, laid out): the analysis worker marks them in the first pair's
        documents, so that the pane has none left to mark when it shows them.

        Laid out, a paragraph takes two lines at least (its own and the empty block after
        it): two screens of lines hold no more paragraphs than the number of lines in one.
        """
        return range(math.ceil(self._visible_lines()) + 1)

    def visible_paragraphs(self) -> range:
        """The paragraphs with a line in view."""
        first = self.verticalScrollBar().value()
        return self._paragraphs_between(first, first + self._visible_lines())

    def _paragraphs_between(self, top: float, bottom: float) -> range:
        """The paragraphs that have a line between two document lines."""
        count = self.paragraph_count()
        if bottom < 0 or count == 0:
            return range(0)
        first = self._paragraph_at(max(0.0, top))
        last = self._paragraph_at(bottom)
        return range(count if first is None else first, count if last is None else last + 1)

    def paragraph_count(self) -> int:
        return len(self.content.source.paragraphs) if self.content else 0

    # Geometry, in lines ------------------------------------------------------------------------

    def invalidate(self) -> None:
        self._laid_out_view = None

    def extent(self, paragraph: int) -> tuple[float, float] | None:
        """First line and line after the last of a paragraph, or None if it is hidden."""
        if not 0 <= paragraph < self.paragraph_count():
            return None
        block = self.document().findBlockByNumber(2 * paragraph)
        if not block.isVisible():
            return None
        first = block.firstLineNumber()  # the document keeps these counts: no walk over blocks
        return float(first), float(first + max(1, block.lineCount()))

    def place(self, span: Span) -> tuple[float, float] | None:
        """Where a span of a paragraph's text begins and ends, in lines: the line it is on
        plus how far along that line it stands (so that sentences sharing a line are
        ordered), or None if the paragraph is hidden."""
        extent = self.extent(span.paragraph)
        if extent is None:
            return None
        block = self.document().findBlockByNumber(2 * span.paragraph)
        text, layout = block.text(), block.layout()
        if layout.lineCount() == 0:  # a format change dropped its lines until it is painted
            document_layout = self.document().documentLayout()
            if isinstance(document_layout, QPlainTextDocumentLayout):
                document_layout.ensureBlockLayout(block)
        return (
            extent[0] + _along(layout, utf16_offset(text, span.start)),
            extent[0] + _along(layout, utf16_offset(text, span.end)),
        )

    def _lay_out_view(self) -> None:
        """Lay out the blocks in view, so that line numbers there are what is drawn."""
        bar = self.verticalScrollBar()
        key = (bar.value(), self.firstVisibleBlock().blockNumber(), self.viewport().height())
        if key == self._laid_out_view:
            return
        layout = self.document().documentLayout()
        block, height = self.firstVisibleBlock(), 0.0
        while block.isValid() and height <= self.viewport().height():
            height += layout.blockBoundingRect(block).height()  # lays the block out if need be
            block = block.next()
        self._laid_out_view = (bar.value(), self.firstVisibleBlock().blockNumber(), key[2])

    def _on_layout_advanced(self) -> None:
        self._laid_out_view = None
        self._margin.update()

    def reading_line(self) -> float:
        """The line at the reading point: a third of the way down the view."""
        return self.verticalScrollBar().value() + self._visible_lines() / 3

    def scroll_to_line(self, line: float) -> None:
        """Put `line` at the reading point."""
        self.verticalScrollBar().setValue(round(line - self._visible_lines() / 3))

    def line_to_y(self, line: float) -> float:
        """Where a line (in document lines) stands in the viewport, in pixels.

        Counted from the first visible block's top, as QPlainTextEdit draws: the scroll bar's
        value may fall inside that block (a zoom keeps the value while blocks reflow), and
        then the block starts above the view.
        """
        self._lay_out_view()  # line numbers in view are current
        block = self.firstVisibleBlock()
        top = self.blockBoundingGeometry(block).translated(self.contentOffset()).top()
        return top + (line - block.firstLineNumber()) * self._line_height()

    def _line_height(self) -> float:
        return float(self.fontMetrics().lineSpacing())

    def _visible_lines(self) -> float:
        return self.viewport().height() / self._line_height()

    def paragraph_at_reading_line(self) -> int | None:
        return self._paragraph_at(self.reading_line())

    def paragraph_at_top(self) -> int | None:
        return self._paragraph_at(float(self.verticalScrollBar().value()))

    def _paragraph_at(self, line: float) -> int | None:
        document = self.document()
        if not 0 <= line < document.lineCount():
            return None
        index = document.findBlockByLineNumber(math.floor(line)).blockNumber() // 2
        return index if 0 <= index < self.paragraph_count() else None

    def show_paragraph(self, paragraph: int, flash: bool = False) -> None:
        """Bring a paragraph to the reading point, and mark it for a moment."""
        extent = self.extent(paragraph)
        if extent is not None:
            self.scroll_to_line(extent[0] + 0.01)
        if flash:
            self.flash(paragraph)

    def flash(self, paragraph: int) -> None:
        """Tint a paragraph, every line of it, for a moment."""
        self.flash_paragraphs([paragraph])

    def mark(self, paragraphs: Sequence[int]) -> None:
        """Mark the current difference: a bar in the margin beside every line of it, kept
        until the next step (a tint would hide the highlights), and a moment's tint."""
        self.marked = frozenset(paragraphs)
        self.marked_spans = ()
        self._margin.update()
        self.flash_paragraphs(paragraphs)

    def mark_spans(self, spans: Sequence[Span]) -> None:
        """Mark a sentence as `mark` does a difference: a bar beside its lines, kept until
        the next mark, and a moment's tint on its own characters."""
        self.marked = frozenset()
        self.marked_spans = tuple(spans)
        self._margin.update()
        self._flash.stop()
        selections = []
        for span in spans:
            block = self.document().findBlockByNumber(2 * span.paragraph)
            if not block.isValid():
                continue
            text = block.text()
            selection = QTextEdit.ExtraSelection()
            selection.format.setBackground(_flash_color())
            cursor = QTextCursor(block)
            cursor.setPosition(block.position() + utf16_offset(text, span.start))
            cursor.setPosition(
                block.position() + utf16_offset(text, span.end), QTextCursor.MoveMode.KeepAnchor
            )
            selection.cursor = cursor
            selections.append(selection)
        self.setExtraSelections(selections)
        if selections:
            self._flash.start(_FLASH_MS)

    def marked_lines(self) -> Iterator[tuple[float, float]]:
        """The document lines (first, after the last) of each marked sentence."""
        for span in self.marked_spans:
            placed = self.place(span)
            if placed is not None:
                yield float(math.floor(placed[0])), float(math.floor(placed[1] - 1e-6) + 1)

    def flash_paragraphs(self, paragraphs: Sequence[int]) -> None:
        self._flash.stop()
        color = _flash_color()
        selections = []
        for paragraph in paragraphs:
            block = self.document().findBlockByNumber(2 * paragraph)
            if not block.isValid():
                continue
            selection = QTextEdit.ExtraSelection()
            selection.format.setBackground(color)
            selection.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
            cursor = QTextCursor(block)
            cursor.movePosition(
                QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor
            )
            selection.cursor = cursor
            selections.append(selection)
        self.setExtraSelections(selections)
        if selections:
            self._flash.start(_FLASH_MS)

    # Events --------------------------------------------------------------------------------

    def _on_scroll(self) -> None:
        self._mark_visible()
        self.scrolledTo.emit(self.reading_line())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        rect = self.contentsRect()
        self._margin.setGeometry(QRect(rect.left(), rect.top(), _MARGIN, rect.height()))
        self._laid_out_view = None
        if event.oldSize().width() != event.size().width() and not self._showing:
            self.background_layout.restart()  # the edit dropped every block's layout
        self._mark_visible()
        self._margin.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            cursor = self.cursorForPosition(event.position().toPoint())
            block = cursor.block()
            self.paragraphClicked.emit(block.blockNumber() // 2)
            offset = -1
            if block.blockNumber() % 2 == 0:
                offset = python_offset(block.text(), cursor.position() - block.position())
            self.textClicked.emit(block.blockNumber() // 2, offset)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            self.kept.forget(self.document())  # tinted in the old colours, or the old size
        super().changeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._on_show.moved:
            painter = QPainter(self.viewport())
            _draw_moved(painter, self, self._on_show.moved)
            painter.end()

    def set_zoom(self, steps: int, base: QFont) -> None:
        """Change the text size; the paragraph at the top stays at the top.

        A new font clears every block's layout while the blocks keep their old line counts;
        Qt lays them out again only as they are painted, so for a while line numbers, the
        scroll bar and what is drawn disagree. Lay the whole text out at once instead.
        """
        top = self.paragraph_at_top()
        font = QFont(base)
        font.setPointSizeF(max(6.0, base.pointSizeF() + steps))
        self.setFont(font)
        self.document().setDefaultFont(font)
        self._laid_out_view = None
        self.background_layout.restart()
        self.background_layout.finish()
        if top is not None:
            extent = self.extent(top)
            if extent is not None:
                self.verticalScrollBar().setValue(round(extent[0]))
        self._margin.update()
        self.viewport().update()


def build_document(content: PaneContent | None, font: QFont, palette: QPalette) -> QTextDocument:
    """A pane's document for `content`, its text and tints, not yet laid out nor highlighted.

    It uses no widget: the window's worker builds the first pair's documents beside the
    analysis (a megabyte of text takes a tenth of a second), the pane adopts them."""
    document = QTextDocument()
    document.setDocumentLayout(QPlainTextDocumentLayout(document))
    document.setDefaultFont(font)
    document.setUndoRedoEnabled(False)
    if content is not None:
        _fill(document, content, palette)
    return document


def mark_paragraphs(
    kept: Kept, content: PaneContent, paragraphs: Iterable[int], palette: QPalette
) -> None:
    """Apply the highlights of these paragraphs of a document, those not yet marked (no
    widget used: the worker marks the first screen of the first pair)."""
    document = kept.document
    cursor = QTextCursor(document)
    # One edit: the blocks marked are laid out again once, as painted, not once a span.
    cursor.beginEditBlock()
    for n in paragraphs:
        if n in kept.marked or n in content.hidden:
            continue
        kept.marked.add(n)
        spans = content.highlights(n)
        if spans:
            block = document.findBlockByNumber(2 * n)
            moved = _mark(cursor, block.position(), block.text(), spans, palette)
            if moved:
                kept.moved[n] = moved
    cursor.endEditBlock()


def _fill(document: QTextDocument, content: PaneContent, palette: QPalette) -> None:
    """Paragraph n is block 2n, followed by an empty block; the tint is the block's background."""
    # One call for the whole text (fast on a megabyte); a paragraph never breaks a block.
    document.setPlainText("".join(_one_block(p.text) + "\n\n" for p in content.source.paragraphs))
    tints = {label: theme.tint(label, palette) for label in set(content.labels)}
    block = document.firstBlock()
    cursor = QTextCursor(document)
    cursor.beginEditBlock()  # one change for the document, not one (and a layout) a block
    for label in content.labels:
        background = tints[label]
        if background is not None:
            block_format = QTextBlockFormat()
            block_format.setBackground(background)
            cursor.setPosition(block.position())
            cursor.setBlockFormat(block_format)
        block = block.next().next()
    cursor.endEditBlock()
    for n in content.hidden:
        for number in (2 * n, 2 * n + 1):
            document.findBlockByNumber(number).setVisible(False)
    document.markContentsDirty(0, document.characterCount())


def _one_block(text: str) -> str:
    """The text with any character Qt would break a block at replaced by a space."""
    return text.replace("\n", " ").replace("\r", " ").replace("\u2029", " ")


def _flash_color() -> QColor:
    color = QColor(theme.FLASH)
    color.setAlphaF(0.30)
    return color


def _along(layout: QTextLayout, position: int) -> float:
    """A text position as a line number plus how far along that line it stands (0 to 1)."""
    line = layout.lineForTextPosition(position)
    if not line.isValid():
        return float(layout.lineCount()) if position > 0 else 0.0
    x = _x(line, position) - line.x()
    return line.lineNumber() + min(1.0, max(0.0, x / max(1.0, line.naturalTextWidth())))


def _x(line: QTextLine, position: int) -> float:
    """Where a text position stands along a line (PySide returns it with the position)."""
    found = line.cursorToX(position)
    x = found[0] if isinstance(found, tuple) else found
    return float(x) if isinstance(x, (int, float)) else 0.0


def _mark(cursor: QTextCursor, start: int, text: str, spans, palette) -> list[tuple[int, int]]:
    """Format a paragraph's highlights; return the moved ranges (Qt units in the block)."""
    moved = []
    for h in spans:
        fmt = QTextCharFormat()
        if h.kind == ChangeKind.MOVED:  # the same words, elsewhere: a tint and a wavy line
            fmt.setBackground(theme.moved_tint(palette))
            # Qt's own wave is a hairline one pixel high, lost at reading distance: the pane
            # draws a stronger one over it (paintEvent), in the same place.
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            fmt.setUnderlineColor(theme.moved_edge(palette))
            fmt.setProperty(MOVED_PROPERTY, True)
            fmt.setToolTip(kind_name(h.kind))
            _apply(cursor, start, text, h, fmt)
            moved.append((utf16_offset(text, h.start), utf16_offset(text, h.end)))
            continue
        fmt.setBackground(theme.highlight(h.kind.substantive, palette))
        if h.kind.substantive:  # meaning changes stand out even in black and white
            fmt.setFontUnderline(True)
            style = QTextCharFormat.UnderlineStyle
            # A whole dropped sentence gets a quieter line than a changed number or name.
            fmt.setUnderlineStyle(
                style.DotLine if h.kind == ChangeKind.SENTENCE else style.SingleUnderline
            )
            fmt.setToolTip(kind_name(h.kind))
        else:  # rewording: a dashed line in a darker shade, seen in grey print too
            fmt.setFontUnderline(True)
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
            fmt.setUnderlineColor(theme.wording_edge(palette))
        _apply(cursor, start, text, h, fmt)
    return moved


def _draw_moved(
    painter: QPainter, pane: SourcePane, moved: dict[int, list[tuple[int, int]]]
) -> None:
    """Draw a wave under each visible line of a moved sentence, below the baseline."""
    color = theme.moved_edge(pane.palette())
    block = pane.firstVisibleBlock()
    offset = pane.contentOffset()
    bottom = pane.viewport().height()
    while block.isValid():
        geometry = pane.blockBoundingGeometry(block).translated(offset)
        if geometry.top() > bottom:
            break
        ranges = moved.get(block.blockNumber() // 2) if block.blockNumber() % 2 == 0 else None
        if ranges and block.isVisible():
            layout = block.layout()
            for n in range(layout.lineCount()):
                line = layout.lineAt(n)
                first, end = line.textStart(), line.textStart() + line.textLength()
                # Not under the space a wrapped line ends with: the text's own width.
                right = line.x() + line.naturalTextWidth()
                for start, stop in ranges:
                    low, high = max(start, first), min(stop, end)
                    if high <= low:
                        continue
                    x0 = _x(line, low)
                    x1 = min(_x(line, high), right)
                    if x1 - x0 < 2:
                        continue
                    y = geometry.top() + line.y() + line.ascent() + 2.5
                    theme.draw_wave(painter, QPointF(geometry.left() + x0, y), x1 - x0, color)
        block = block.next()


def _apply(cursor: QTextCursor, start: int, text: str, h: Highlight, fmt: QTextCharFormat) -> None:
    cursor.setPosition(start + utf16_offset(text, h.start))
    cursor.setPosition(start + utf16_offset(text, h.end), QTextCursor.MoveMode.KeepAnchor)
    cursor.mergeCharFormat(fmt)


class _Margin(QWidget):
    """The label of each visible paragraph: a letter and a bar with the label's pattern."""

    def __init__(self, pane: SourcePane) -> None:
        super().__init__(pane)
        self.pane = pane

    def sizeHint(self) -> QSize:
        return QSize(_MARGIN, 0)

    def on_update(self, rect: QRect, dy: int) -> None:
        # Repaint rather than scroll the old pixels: when a scroll and a reflow come together
        # (a zoom, lazy layout), scrolled markers would stand where the text no longer is.
        self.update()

    def markers(self) -> list[tuple[int, QRect]]:
        """Each visible paragraph and the rectangle its marker takes, in viewport pixels."""
        content = self.pane.content
        if content is None:
            return []
        found = []
        block = self.pane.firstVisibleBlock()
        offset = self.pane.contentOffset()
        bottom = self.height()
        while block.isValid():
            geometry = self.pane.blockBoundingGeometry(block).translated(offset)
            if geometry.top() > bottom:
                break
            number = block.blockNumber()
            if block.isVisible() and number % 2 == 0 and number // 2 < len(content.labels):
                rect = QRect(0, round(geometry.top()), self.width(), round(geometry.height()))
                found.append((number // 2, rect))
            block = block.next()
        return found

    def paintEvent(self, event: QPaintEvent) -> None:
        content = self.pane.content
        if content is None:
            return
        painter = QPainter(self)
        painter.fillRect(event.rect(), self.palette().window())
        painter.setFont(self.pane.font())
        for paragraph, rect in self.markers():
            if paragraph in content.unpaired:
                theme.draw_unpaired(painter, rect, self.palette())
            if paragraph in self.pane.marked:
                painter.fillRect(QRect(rect.left(), rect.top(), 3, rect.height()), theme.FLASH)
            theme.draw_marker(painter, content.labels[paragraph], rect, self.palette())
            if paragraph in content.corrected:
                theme.draw_corrected(painter, rect, self.palette())
        for first, last in self.pane.marked_lines():  # a sentence and its counterpart
            top, bottom = self.pane.line_to_y(first), self.pane.line_to_y(last)
            if bottom >= 0 and top <= self.height():
                painter.fillRect(QRect(0, round(top), 3, round(bottom - top)), theme.FLASH)
