"""Lay the exported comparison out on pages with Qt, and write it as a PDF.

QTextDocument paginates the content (a table row taller than a page is split between pages,
never clipped); each page is then drawn with its header (the pair's names) and footer
(page n of m). Text stays text in the PDF: selectable and searchable.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)

from reader import APP_NAME
from reader.core.errors import ExportError
from reader.export.document import (
    MOVED,
    MOVED_EDGE,
    WORDING,
    WORDING_EDGE,
    ExportContent,
    ExportOptions,
)

_MARGIN_MM = 14
_RESOLUTION = 300  # dots per inch: sharp text, modest file size (text is vector anyway)


def ensure_gui_application() -> None:
    """QtGui needs an application object; the command line has none, nor a screen."""
    if QGuiApplication.instance() is not None:
        return
    if "QT_QPA_PLATFORM" not in os.environ and not os.environ.get("DISPLAY"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")
    _keep.append(QGuiApplication(sys.argv[:1]))


_keep: list[QGuiApplication] = []  # the application must outlive the export


def render_pdf(content: ExportContent, options: ExportOptions) -> tuple[bytes, int]:
    """Return the content as a PDF file's bytes, and its number of pages.

    Made in memory: QPdfWriter reports no failed write, so the caller writes the bytes itself
    and can tell a complete file from a truncated one.
    """
    ensure_gui_application()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(_RESOLUTION)
    writer.setTitle(content.running_title)
    writer.setCreator(APP_NAME)
    size = QPageSize(
        QPageSize.PageSizeId.Letter if options.paper == "letter" else QPageSize.PageSizeId.A4
    )
    orientation = (
        QPageLayout.Orientation.Landscape if options.landscape else QPageLayout.Orientation.Portrait
    )
    writer.setPageLayout(
        QPageLayout(
            size,
            orientation,
            QMarginsF(_MARGIN_MM, _MARGIN_MM, _MARGIN_MM, _MARGIN_MM),
            QPageLayout.Unit.Millimeter,
        )
    )
    painter = QPainter()
    if not painter.begin(writer):
        raise ExportError("the PDF could not be started; nothing was written")
    try:
        pages = _paint(painter, writer, content)
    finally:
        painter.end()
    buffer.close()
    return bytes(buffer.data().data()), pages


def _paint(painter: QPainter, writer: QPdfWriter, content: ExportContent) -> int:
    page = writer.pageLayout().paintRectPixels(writer.resolution())
    font = QFont("DejaVu Sans")
    font.setPointSizeF(7.5)
    _no_ligatures(font)
    band = painter.fontMetrics().height() * 2.2  # header and footer bands
    document = QTextDocument()
    document.setDocumentMargin(0)
    document.setDefaultFont(_body_font())
    # Lay out in points, then scale to the writer's dots: fonts keep their printed size.
    scale = writer.resolution() / 72.0
    width = page.width() / scale
    height = (page.height() - 2 * band) / scale
    document.setPageSize(QSizeF(width, height))
    document.setHtml(content.html)
    _underline_marks(document)
    pages = document.pageCount()
    across = _paragraphs_across_pages(document, height)
    for number in range(pages):
        if number:
            writer.newPage()
        painter.save()
        painter.setFont(font)
        _furniture(painter, page.width(), page.height(), band, content.running_title, number, pages)
        painter.translate(0, band)
        painter.scale(scale, scale)
        painter.translate(0, -number * height)
        page_rect = QRectF(0, number * height, width, height)
        _draw_page(painter, document, page_rect, across.get(number, []))
        painter.restore()
    return pages


def _draw_page(
    painter: QPainter, document: QTextDocument, page: QRectF, across: list[_Split]
) -> None:
    """Draw one page's share of the document, and nothing of its neighbours.

    What the clip hides is still written to the PDF's text layer, where a search finds it
    twice. Qt draws every line that touches the clip, and, for a paragraph that begins on
    the page before, also the line just above the clip (QTextLayout::draw starts one line
    early). So lines are chosen from a clip a hair inside the page, and the paragraphs that
    cross the page's top edge are drawn here, line by line, from their first line on it.
    """
    context = QAbstractTextDocumentLayout.PaintContext()
    context.clip = page.adjusted(0, 0.5, 0, -0.5)
    painter.setClipRect(page)
    for split in across:
        split.block.setVisible(False)  # no relayout: only the drawing skips it
    try:
        document.documentLayout().draw(painter, context)
    finally:
        for split in across:
            split.block.setVisible(True)
    for split in across:
        layout = split.block.layout()
        for n in range(layout.lineCount()):
            line = layout.lineAt(n)
            top = split.origin.y() + line.y()
            if page.top() - 0.5 <= top < page.bottom() - 0.5:
                line.draw(painter, split.origin)


@dataclass(frozen=True)
class _Split:
    block: QTextBlock
    origin: QPointF  # where its layout stands in the document


def _paragraphs_across_pages(document: QTextDocument, height: float) -> dict[int, list[_Split]]:
    """For each page, the paragraphs that begin on an earlier page and go on onto it."""
    found: dict[int, list[_Split]] = {}
    frames = document.documentLayout()
    block = document.begin()
    while block.isValid():
        layout = block.layout()
        if block.isVisible() and layout.lineCount() > 1:
            # In document coordinates (a table cell's layout stands relative to its cell).
            origin = frames.blockBoundingRect(block).topLeft()
            top = origin.y() + layout.lineAt(0).y()
            last = layout.lineAt(layout.lineCount() - 1)
            bottom = origin.y() + last.y() + last.height()
            first_page, last_page = int((top + 0.5) // height), int((bottom - 0.5) // height)
            for page in range(first_page + 1, last_page + 1):
                found.setdefault(page, []).append(_Split(block, QPointF(origin)))
        block = block.next()
    return found


def _underline_marks(document: QTextDocument) -> None:
    """Give reworded words the dashed underline, and moved sentences the dotted one, that
    Qt's HTML cannot ask for: grey print keeps them apart (Qt's wave prints as a blur)."""
    styles = {
        QColor(WORDING).rgb(): (QTextCharFormat.UnderlineStyle.DashUnderline, WORDING_EDGE),
        QColor(MOVED).rgb(): (QTextCharFormat.UnderlineStyle.DotLine, MOVED_EDGE),
    }
    block = document.begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            background = fragment.charFormat().background()
            found = styles.get(background.color().rgb()) if background.style() else None
            if found is not None:
                cursor = QTextCursor(document)
                cursor.setPosition(fragment.position())
                cursor.setPosition(
                    fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor
                )
                underline = QTextCharFormat()
                underline.setUnderlineStyle(found[0])
                underline.setUnderlineColor(QColor(found[1]))
                cursor.mergeCharFormat(underline)
            iterator += 1
        block = block.next()


def _furniture(
    painter: QPainter, width: float, height: float, band: float, title: str, page: int, pages: int
) -> None:
    painter.setPen(Qt.GlobalColor.darkGray)
    top = QRectF(0, 0, width, band * 0.7)
    painter.drawText(top, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title)
    painter.drawText(top, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, APP_NAME)
    painter.drawLine(0, int(band * 0.75), int(width), int(band * 0.75))
    bottom = QRectF(0, height - band * 0.7, width, band * 0.7)
    painter.drawLine(0, int(height - band * 0.75), int(width), int(height - band * 0.75))
    painter.drawText(bottom, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title)
    painter.drawText(
        bottom, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, f"{page + 1} / {pages}"
    )


def _body_font() -> QFont:
    font = QFont("DejaVu Sans")
    font.setPointSizeF(9)
    _no_ligatures(font)
    return font


def _no_ligatures(font: QFont) -> None:
    """Keep "fi" two letters: a ligature glyph makes "fichier" unsearchable in many viewers."""
    for tag in ("liga", "clig", "dlig"):
        font.setFeature(QFont.Tag(tag), 0)
