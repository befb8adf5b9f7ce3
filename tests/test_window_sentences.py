"""Sentence by sentence in the window: inside a row that pairs many paragraphs with many, a
clicked sentence brings its counterpart level and marks both, scrolling keeps aligned
sentences level, and a moved sentence has a look of its own (panes, legend and PDF).

The two articles are written for these tests: one report of a port concession, broken into
paragraphs differently on each side (so that one row pairs three paragraphs with three),
with one sentence much longer on the right, and two sentences quoted in the other order.
"""

from __future__ import annotations

import math
import re
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor

from reader.core.compare import Row, SentencePair, Span
from reader.export.document import MOVED_EDGE, MOVED_MARK, WORDING_EDGE
from reader.gui import MainWindow, theme
from reader.gui.pane import MOVED_PROPERTY, SourcePane, utf16_offset
from reader.gui.scroll_sync import ScrollSync
from tests.builders import run_cli
from tests.conftest import open_window
from tests.test_export import pdf_text

pytestmark = pytest.mark.gui

SENTENCES = [
    "La société retenue, un groupement de transporteurs régionaux, exploitera les terminaux "
    "pendant vingt ans.",
    "Elle s'engage à investir quarante millions d'euros dans deux grues neuves et dans "
    "l'allongement du quai sud.",
    "Les dockers conservent leur statut et leurs horaires, précise le syndicat mixte.",
    "Le trafic de céréales, qui représente la moitié des volumes, devrait croître d'un tiers "
    "d'ici dix ans.",
    "Un terminal pour les conteneurs frigorifiques ouvrira au printemps prochain.",
    "Les riverains du quartier de la Criée redoutent davantage de camions la nuit.",
    "Le groupement promet un accès direct à la rocade pour éviter le centre-ville.",
]
# The right side's second sentence, four times as long: a row's top and bottom alone would
# leave every later sentence of the row lines away from its counterpart.
LONGER = (
    "Elle s'engage à investir quarante millions d'euros dans deux grues neuves, capables de "
    "décharger les plus grands vraquiers qui fréquentent aujourd'hui la Manche, dans le "
    "dragage du chenal d'accès, que les pilotes réclament depuis longtemps, et dans "
    "l'allongement du quai sud, où un second poste à quai sera aménagé pour les navires de "
    "croisière."
)
INTRO = (
    "Le syndicat mixte qui gère le port de commerce de Brévannes a désigné jeudi le nouveau "
    "concessionnaire des quais, au terme d'un appel d'offres ouvert il y a dix-huit mois."
)
BEFORE = "Le précédent concessionnaire, en place depuis 1998, n'avait pas présenté d'offre."
PRAISE = "La chambre de commerce salue un choix qui « donne de la visibilité aux entreprises »."
HISTORIC = "Le président du syndicat mixte parle d'une « étape historique »."
SIGNING = "La signature officielle du contrat est prévue le 3 mars à la préfecture."


def broken(sentences: list[str], sizes: list[int]) -> list[str]:
    """The sentences as paragraphs of `sizes` sentences each."""
    out, at = [], 0
    for size in sizes:
        out.append(" ".join(sentences[at : at + size]))
        at += size
    return out


def write(path: Path, paragraphs: list[str]) -> Path:
    path.write_text("\n".join(paragraphs) + "\n", encoding="utf-8")
    return path


def write_pair(folder: Path) -> tuple[Path, Path]:
    right_sentences = [LONGER if n == 1 else s for n, s in enumerate(SENTENCES)]
    left = write(
        folder / "quais.txt",
        [
            "Le port de Brévannes change de mains",
            INTRO,
            *broken(SENTENCES, [2, 3, 2]),
            BEFORE,
            f"{PRAISE} {HISTORIC}",
            SIGNING,
        ],
    )
    right = write(
        folder / "concession.txt",
        [
            "Brévannes : la concession du port attribuée",
            INTRO,
            *broken(right_sentences, [3, 1, 3]),
            BEFORE,
            f"{HISTORIC} {PRAISE}",
            SIGNING,
        ],
    )
    return left, right


@pytest.fixture
def window(qtbot, home: Path) -> MainWindow:
    # Short panes: the tall row does not fit, so both panes must scroll to show it.
    window = open_window(qtbot, home, paths=list(write_pair(home)), size=(1000, 520))
    window.show_pair("quais", "concession")
    qtbot.wait(20)
    return window


def tall_row(window: MainWindow) -> Row:
    assert window.view.comparison is not None
    rows = [r for r in window.view.comparison.rows if len(r.left) > 1 and len(r.right) > 1]
    assert rows, "no row pairs several paragraphs with several"
    return max(rows, key=lambda r: len(r.sentences))


def aligned(row: Row) -> list[SentencePair]:
    return [p for p in row.sentences if p.matched and not p.moved]


def first_line_y(pane: SourcePane, span: Span) -> int:
    """Where the line a span begins on stands in the pane's viewport, in pixels."""
    block = pane.document().findBlockByNumber(2 * span.paragraph)
    cursor = QTextCursor(block)
    cursor.setPosition(block.position() + utf16_offset(block.text(), span.start))
    return pane.cursorRect(cursor).top()


def point_in_sentence(pane: SourcePane, span: Span) -> QPoint:
    """A point on the span's second word, as a reader would click it."""
    block = pane.document().findBlockByNumber(2 * span.paragraph)
    text = block.text()
    at = text.index(" ", span.start) + 2
    cursor = QTextCursor(block)
    cursor.setPosition(block.position() + utf16_offset(text, at))
    return pane.cursorRect(cursor).center()


def line(pane: SourcePane) -> int:
    return pane.fontMetrics().lineSpacing()


def test_the_row_pairs_paragraphs_many_to_many(window: MainWindow) -> None:
    row = tall_row(window)
    assert len(row.left) == 3 and len(row.right) == 3
    assert len(aligned(row)) == len(SENTENCES)


@pytest.mark.parametrize("side", [-1, 1])
def test_clicking_a_sentence_brings_its_counterpart_level_and_marks_both(
    qtbot, window: MainWindow, side: int
) -> None:
    view = window.view
    mine, other = (view.left, view.right) if side == -1 else (view.right, view.left)
    pairs = aligned(tall_row(window))
    for pair in pairs[2:6]:  # inside the row, after the long sentence
        own, counterpart = (pair.left, pair.right) if side == -1 else (pair.right, pair.left)
        with view.sync.paused():  # the other pane left elsewhere by earlier reading
            mine.show_paragraph(own[0].paragraph)
            other.verticalScrollBar().setValue(0)
        qtbot.mouseClick(
            mine.viewport(), Qt.MouseButton.LeftButton, pos=point_in_sentence(mine, own[0])
        )
        assert abs(first_line_y(mine, own[0]) - first_line_y(other, counterpart[0])) < line(mine), (
            pair
        )
        assert mine.marked_spans == own and other.marked_spans == counterpart
        # A moment's tint on the counterpart sentence's own characters, not its paragraph.
        (tint,) = other.extraSelections()
        block = other.document().findBlockByNumber(2 * counterpart[0].paragraph)
        text = block.text()
        assert tint.cursor.selectionStart() == block.position() + utf16_offset(
            text, counterpart[0].start
        )
        assert tint.cursor.selectionEnd() == block.position() + utf16_offset(
            text, counterpart[0].end
        )
        # The click still picks the paragraph for corrections (Ctrl+1…, Ctrl+L).
        assert window.correction_actions.clicked[side] == own[0].paragraph
    # The mark stays in the margin once the tint has gone, beside the counterpart's lines.
    qtbot.wait(1700)
    assert not other.extraSelections()
    image = other._margin.grab().toImage()
    top = first_line_y(other, counterpart[0])
    assert image.pixelColor(1, top + 3).name() == theme.FLASH.name()
    assert image.pixelColor(1, max(0, top - line(other) - 3)).name() != theme.FLASH.name()


def test_a_sentence_scrolled_to_the_reading_point_keeps_its_counterpart_level(
    qtbot, window: MainWindow
) -> None:
    view = window.view
    pairs = aligned(tall_row(window))
    for scrolled, follower in ((view.left, view.right), (view.right, view.left)):
        for pair in pairs[1:]:
            own, counterpart = (
                (pair.left, pair.right)
                if scrolled is view.left
                else (
                    pair.right,
                    pair.left,
                )
            )
            placed = scrolled.place(own[0])
            assert placed is not None
            start = math.floor(placed[0])
            # The reader scrolls until the sentence's first line is at the reading point.
            value = math.ceil(start - scrolled._visible_lines() / 3)
            scrolled.verticalScrollBar().setValue(value)
            assert math.floor(scrolled.reading_line()) == start
            gap = first_line_y(follower, counterpart[0]) - first_line_y(scrolled, own[0])
            assert abs(gap) < line(scrolled), (pair, gap)


def test_a_click_between_two_sentences_brings_the_paragraphs_counterpart(
    qtbot, window: MainWindow
) -> None:
    view = window.view
    row = tall_row(window)
    block = view.left.document().findBlockByNumber(2 * row.left[0] + 1)  # the gap below
    rect = view.left.blockBoundingGeometry(block).translated(view.left.contentOffset())
    view.left.show_paragraph(row.left[0])
    qtbot.mouseClick(
        view.left.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(40, round(rect.center().y()))
    )
    assert view.right.marked_spans == ()
    (tint,) = view.right.extraSelections()
    assert tint.cursor.block().blockNumber() == 2 * row.right[0]


def moved_pairs(window: MainWindow) -> list[SentencePair]:
    assert window.view.comparison is not None
    return [p for r in window.view.comparison.rows for p in r.sentences if p.moved]


def test_a_moved_sentence_has_its_own_format_and_a_wave_that_shows(
    qtbot, window: MainWindow
) -> None:
    view = window.view
    (moved,) = moved_pairs(window)
    for pane, spans in ((view.left, moved.left), (view.right, moved.right)):
        (span,) = spans
        pane.show_paragraph(span.paragraph)
        qtbot.wait(20)
        block = pane.document().findBlockByNumber(2 * span.paragraph)
        text = block.text()
        formats = {}
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            start = fragment.position() - block.position()
            formats[start] = fragment.charFormat()
            iterator += 1
        inside = formats[utf16_offset(text, span.start)]
        assert inside.property(MOVED_PROPERTY) is True
        assert inside.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline
        assert inside.background().color().rgb() == theme.moved_tint(pane.palette()).rgb()
        assert inside.toolTip() == "moved"
        assert not any(
            f.property(MOVED_PROPERTY) for at, f in formats.items() if at >= span.end + 1
        )
        # The pane draws the wave itself, in the moved colour, under the sentence's text.
        image = pane.viewport().grab().toImage()
        top = first_line_y(pane, span)
        wave = theme.moved_edge(pane.palette())
        assert _pixels_near(image, top, line(pane), wave) > 20
        after = first_line_y(pane, Span(span.paragraph + 1, 0, 1))  # a paragraph not moved
        assert after + line(pane) < image.height()
        assert _pixels_near(image, after, line(pane), wave) == 0


def _pixels_near(image, top: int, height: int, color: QColor) -> int:
    """How many pixels of one line of text are close to a colour."""
    found = 0
    for y in range(max(0, top), min(image.height(), top + height + 2)):
        for x in range(0, image.width(), 2):
            pixel = image.pixelColor(x, y)
            if (
                abs(pixel.red() - color.red())
                + abs(pixel.green() - color.green())
                + abs(pixel.blue() - color.blue())
                < 90
            ):
                found += 1
    return found


def test_the_legend_shows_the_moved_wave(window: MainWindow) -> None:
    icon = window.view.legend.icons["moved"].pixmap().toImage()
    wave = theme.moved_edge(window.view.legend.palette())
    assert _pixels_near(icon, 0, icon.height(), wave) > 10


def underlines(path: Path) -> set[tuple[tuple[float, float, float], str]]:
    """The (colour, dash pattern) of every straight stroke the PDF's pages draw."""
    found = set()
    stroke = re.compile(
        r"([\d.]+) ([\d.]+) ([\d.]+) SCN\s+[\d.]+ w \d J \d j \[([\d. ]*)\]0\s+d"
        r"\s+[-\d. ]+ m\s+[-\d. ]+ l\s+S"
    )
    for page in PdfReader(str(path)).pages:
        data = page.get_contents().get_data().decode("latin-1")
        for r, g, b, dashes in stroke.findall(data):
            found.add(
                ((round(float(r), 2), round(float(g), 2), round(float(b), 2)), dashes.strip())
            )
    return found


def colour(hex_colour: str) -> tuple[float, float, float]:
    value = hex_colour.lstrip("#")
    r, g, b = (round(int(value[i : i + 2], 16) / 255, 2) for i in (0, 2, 4))
    return r, g, b


@pytest.mark.cli
def test_a_moved_sentence_is_marked_and_dotted_in_the_pdf(tmp_path: Path) -> None:
    left, right = write_pair(tmp_path)
    out = tmp_path / "port.pdf"
    result = run_cli("export", left, right, "-o", out, home=tmp_path)
    assert result.returncode == 0, result.stderr
    text = pdf_text(out)
    # The glyph before the moved sentence on each side, and once in the legend.
    assert text.count(MOVED_MARK) == 3
    assert f"{MOVED_MARK} La chambre de commerce" in text
    assert f"{MOVED_MARK} Le président" not in text
    assert f"{MOVED_MARK} moved on both sides" in text
    # Its underline is dotted in its own colour, rewording's dashed: apart in grey print.
    drawn = underlines(out)
    assert (colour(MOVED_EDGE), "1 2") in drawn
    assert (colour(WORDING_EDGE), "4 2") in drawn
    assert not any(c == colour(MOVED_EDGE) and d != "1 2" for c, d in drawn)
    html = tmp_path / "port.html"
    assert run_cli("export", left, right, "-o", html, home=tmp_path).returncode == 0
    page = html.read_text("utf-8")
    assert page.count(f"<span class='movedmark'>{MOVED_MARK}") == 3


# The synchroniser alone, with invented geometry -------------------------------------------------


@given(
    st.lists(st.tuples(st.floats(0.2, 8.0), st.floats(0.2, 8.0)), min_size=2, max_size=12),
    st.floats(0.0, 0.99),
)
@settings(max_examples=150, deadline=None)
def test_sync_keeps_sentence_starts_level_and_moves_one_way(
    lengths: list[tuple[float, float]], phase: float
) -> None:
    """One row of sentences of any lengths on each side: the line where a sentence starts maps
    to the line where its counterpart starts (keeping the share of a line the reading point
    stands at), and moving down one pane never moves the other up."""
    starts: dict[int, list[float]] = {-1: [2.0], 1: [2.0]}  # the row begins on line 2
    for left, right in lengths:
        starts[-1].append(starts[-1][-1] + left)
        starts[1].append(starts[1][-1] + right)
    pairs = tuple(
        SentencePair((Span(0, n, n + 1),), (Span(0, n, n + 1),), False, ())
        for n in range(len(lengths))
    )
    row = Row((0,), (0,), 1.0, (), pairs)
    extent = {side: (2.0, float(math.ceil(starts[side][-1]))) for side in (-1, 1)}

    def place(side: int):
        return lambda span: (starts[side][span.start], starts[side][span.end])

    sync = ScrollSync(
        [row],
        lambda p: extent[-1],
        lambda p: extent[1],
        lambda y: None,
        lambda y: None,
        place(-1),
        place(1),
    )
    for side in (-1, 1):
        lines = range(2, int(extent[side][1]))
        mapped = [sync.map(side, line + phase) for line in lines]
        assert all(m is not None for m in mapped)
        assert all(a <= b + 1e-9 for a, b in pairwise(mapped)), mapped  # type: ignore[operator]
        seen_own, seen_other = -1.0, -1.0
        for n in range(len(lengths)):
            own, other = math.floor(starts[side][n]), math.floor(starts[-side][n])
            if own > seen_own and other > seen_other:  # each start on a later line, both sides
                assert sync.map(side, own + phase) == pytest.approx(other + phase)
                seen_own, seen_other = own, other
