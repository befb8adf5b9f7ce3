"""A reader's corrections from the window: labels, links, passages; each one undoable.

The paragraph acted on is the one under the context menu, else the one last clicked in the
pane last clicked. Linking pairs the paragraph last clicked on the left with the one last
clicked on the right (the sentences, when text is selected in both). Each correction is a
command on the window's undo stack: doing it keeps the new set in the library's corrections
file (reader.correctionstore), and the stack's change makes the window analyse again, with
the sentence links it already has (only labels, passages and rows are worked out again).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QHelpEvent, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QMenu, QMenuBar, QToolTip, QWidget

from reader.core.corpus import Corpus, ParagraphAnalysis
from reader.core.corrections import (
    Corrections,
    LabelCorrection,
    LinkCorrection,
    PassageOut,
    Side,
    passage_anchor,
)
from reader.core.model import Label
from reader.core.statement import STATEMENT_ID
from reader.correctionstore import CorrectionsError, CorrectionStore
from reader.export.correction_words import label_name, orphan_line
from reader.gui import plain
from reader.gui.comparison_view import LEFT, RIGHT, ComparisonView
from reader.gui.pane import SourcePane, python_offset
from reader.library import Library, default_data_dir

LABEL_KEYS = {
    Label.QUOTATION: "Ctrl+1",
    Label.PARAPHRASE: "Ctrl+2",
    Label.COMMENTARY: "Ctrl+3",
    Label.BOILERPLATE: "Ctrl+4",
}
ENGINE_KEY = "Ctrl+Backspace"
LINK_KEY = "Ctrl+L"
UNLINK_KEY = "Ctrl+Shift+L"
PASSAGE_OUT_KEY = "Ctrl+Shift+Delete"


class _Correct(QUndoCommand):
    """One correction: redo keeps the set with it, undo the set as it was before."""

    def __init__(self, keep: Callable[[Corrections], bool], before, after, text: str) -> None:
        super().__init__(text)
        self.keep, self.before, self.after = keep, before, after

    def redo(self) -> None:
        if not self.keep(self.after):
            self.setObsolete(True)

    def undo(self) -> None:
        if not self.keep(self.before):
            self.setObsolete(True)


class CorrectionActions(QObject):
    """The Correct menu, the panes' context menu and tooltips, the undo commands."""

    correctionsChanged = Signal()

    def __init__(self, window: QWidget, view: ComparisonView, undo_stack: QUndoStack) -> None:
        super().__init__(window)
        self.window = window
        self.view = view
        self.undo_stack = undo_stack
        self.store: CorrectionStore | None = None
        self.corpus: Corpus | None = None
        self.pair: tuple[str, str] | None = None
        self.clicked: dict[int, int | None] = {LEFT: None, RIGHT: None}
        self.side = LEFT
        self._reported: frozenset[tuple[object, ...]] = frozenset()
        self._kept_view: tuple[int, int] | None = None  # where the panes were at a correction
        self._build_actions()
        for side, pane in ((LEFT, view.left), (RIGHT, view.right)):
            pane.paragraphClicked.connect(lambda p, side=side: self._clicked(side, p))
            pane.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            pane.customContextMenuRequested.connect(
                lambda pos, side=side: self._context_menu(side, pos)
            )
            pane.viewport().installEventFilter(self)

    def _build_actions(self) -> None:
        def action(keys: str, triggered: Callable[[], None]) -> QAction:
            made = QAction(self.window)
            made.setShortcut(QKeySequence(keys))
            made.triggered.connect(triggered)
            self.window.addAction(made)  # shortcuts work with the menu bar hidden
            return made

        self.act_labels = {
            label: action(keys, lambda _=False, label=label: self.set_label(label))
            for label, keys in LABEL_KEYS.items()
        }
        self.act_engine = action(ENGINE_KEY, lambda: self.set_label(None))
        self.act_link = action(LINK_KEY, self.link)
        self.act_unlink = action(UNLINK_KEY, self.unlink)
        self.act_passage_out = action(PASSAGE_OUT_KEY, self.passage_out)
        self.act_orphans = QAction(self.window)
        self.act_orphans.triggered.connect(self.show_orphans)

    def actions(self) -> list[QAction | None]:
        """The menu's actions in order (None: a separator)."""
        return [
            *self.act_labels.values(),
            self.act_engine,
            None,
            self.act_link,
            self.act_unlink,
            None,
            self.act_passage_out,
            None,
            self.act_orphans,
        ]

    def build_menu(self, bar: QMenuBar) -> QMenu:
        self.menu = bar.addMenu("")
        for action in self.actions():
            self.menu.addSeparator() if action is None else self.menu.addAction(action)
        return self.menu

    def retranslate(self) -> None:
        self.menu.setTitle(self.tr("&Correct"))
        names = {
            Label.QUOTATION: self.tr("Label as &quotation"),
            Label.PARAPHRASE: self.tr("Label as &paraphrase"),
            Label.COMMENTARY: self.tr("Label as &commentary"),
            Label.BOILERPLATE: self.tr("Label as &boilerplate"),
        }
        for label, text in names.items():
            self.act_labels[label].setText(text)
        self.act_engine.setText(self.tr("Back to the &engine's label"))
        self.act_link.setText(self.tr("&Link the paragraphs last clicked on each side"))
        self.act_unlink.setText(self.tr("&Unlink the paragraph from its counterpart"))
        self.act_passage_out.setText(self.tr("&Not part of the statement"))
        self.act_orphans.setText(self.tr("&Orphaned corrections…"))

    # State --------------------------------------------------------------------------------------

    def open(self, library: Library | None) -> list[str]:
        """Keep corrections in the library's file (opened on files: the default library's)."""
        if library is not None:
            self.store = library.corrections
            return []  # the library has said what was wrong with its file
        self.store, warnings = CorrectionStore.open(default_data_dir())
        return warnings

    def corrections(self) -> Corrections:
        return self.store.corrections if self.store is not None else Corrections()

    def show(self, corpus: Corpus, pair: tuple[str, str]) -> None:
        """The window shows a pair: correct what it shows."""
        if pair != self.pair:
            self.clicked = {LEFT: None, RIGHT: None}
        self.corpus, self.pair = corpus, pair

    def analysed(self, corpus: Corpus) -> None:
        """After an analysis: say once, in the status bar, which corrections are orphaned."""
        orphans = corpus.placement().orphans
        keys = frozenset(o.correction.key() for o in orphans)
        if orphans and keys != self._reported:
            self.window.statusBar().showMessage(  # type: ignore[attr-defined]
                self.tr(
                    "{n} correction(s) no longer find their paragraph: Correct > Orphaned "
                    "corrections"
                ).format(n=len(orphans)),
                15_000,
            )
        self._reported = keys
        self.act_orphans.setEnabled(bool(orphans))
        if self._kept_view is not None:  # a correction: the reader stays where they were
            with self.view.sync.paused():
                self.view.left.verticalScrollBar().setValue(self._kept_view[0])
                self.view.right.verticalScrollBar().setValue(self._kept_view[1])
            self._kept_view = None
            self.view.link_map.update()

    def _clicked(self, side: int, paragraph: int) -> None:
        self.clicked[side] = paragraph
        self.side = side

    def _target(self) -> tuple[str, int] | None:
        """The source and paragraph to act on: the one last clicked, else at the reading point."""
        if self.pair is None:
            return None
        pane = self.view.left if self.side == LEFT else self.view.right
        paragraph = self.clicked[self.side]
        if paragraph is None:
            paragraph = pane.paragraph_at_reading_line()
        if paragraph is None or not 0 <= paragraph < pane.paragraph_count():
            return None
        return self.pair[0 if self.side == LEFT else 1], paragraph

    # Corrections --------------------------------------------------------------------------------

    def set_label(self, label: Label | None) -> None:
        """Give the current paragraph a label (None: back to the engine's)."""
        target = self._target()
        if target is None or self.corpus is None or target[0] == STATEMENT_ID:
            return
        source_id, paragraph = target
        source = self.corpus.source(source_id)
        corrections = self._without_label(self.corpus.index(source_id), paragraph)
        if label is not None:
            corrections = corrections.with_(LabelCorrection(Side.of(source, paragraph), label))
            text = self.tr("Label ¶{p} of {id} as {label}").format(
                p=paragraph, id=source_id, label=label.value
            )
        else:
            text = self.tr("Give ¶{p} of {id} back its engine's label").format(
                p=paragraph, id=source_id
            )
        self._push(corrections, text)

    def _without_label(self, source: int, paragraph: int) -> Corrections:
        """The corrections, less any label a reader gave this paragraph (wherever anchored)."""
        assert self.corpus is not None
        keys = self.corpus.placement().keys
        corrections = self.corrections()
        for correction in corrections:
            if isinstance(correction, LabelCorrection):
                places = keys.get(correction.key(), ())
                if places and places[0][:2] == (source, paragraph):
                    corrections = corrections.without(correction.key())
        return corrections

    def link(self) -> None:
        """Pair the paragraphs (or selected sentences) last clicked on each side."""
        if self.corpus is None or self.pair is None or STATEMENT_ID in self.pair:
            return
        left, right = self.clicked[LEFT], self.clicked[RIGHT]
        if left is None or right is None:
            self._say(self.tr("Click a paragraph in each pane first, then link them"))
            return
        a = self._side(LEFT, self.pair[0], left)
        b = self._side(RIGHT, self.pair[1], right)
        text = self.tr("Link ¶{a} of {left} and ¶{b} of {right}").format(
            a=left, left=self.pair[0], b=right, right=self.pair[1]
        )
        self._push(self.corrections().with_(LinkCorrection(a, b, linked=True)), text)

    def _side(self, side: int, source_id: str, paragraph: int) -> Side:
        """One end of a link: the sentence holding the selection, if text is selected there."""
        assert self.corpus is not None
        source = self.corpus.source(source_id)
        pane = self.view.left if side == LEFT else self.view.right
        cursor = pane.textCursor()
        if cursor.hasSelection() and cursor.block().blockNumber() == 2 * paragraph:
            units = min(cursor.selectionStart(), cursor.selectionEnd()) - cursor.block().position()
            start = python_offset(source.paragraphs[paragraph].text, units)
            for n, sentence in enumerate(source.paragraphs[paragraph].sentences):
                if sentence.start <= start < sentence.end:
                    return Side.of(source, paragraph, n)
        return Side.of(source, paragraph)

    def unlink(self) -> None:
        """Separate the current paragraph from its counterparts in the row it is in."""
        target = self._target()
        comparison = self.view.comparison
        if target is None or comparison is None or self.corpus is None or self.pair is None:
            return
        if STATEMENT_ID in self.pair:
            return
        paragraph = target[1]
        row = next(
            (r for r in comparison.rows if paragraph in (r.left if self.side == LEFT else r.right)),
            None,
        )
        if row is None or not row.matched:
            self._say(self.tr("This paragraph has no counterpart to unlink"))
            return
        left, right = self.corpus.source(self.pair[0]), self.corpus.source(self.pair[1])
        pairs = [(paragraph, q) for q in row.right] if self.side == LEFT else []
        pairs += [(q, paragraph) for q in row.left] if self.side == RIGHT else []
        corrections = self.corrections()
        for p, q in pairs:
            unlink = LinkCorrection(Side.of(left, p), Side.of(right, q), linked=False)
            corrections = corrections.with_(unlink)  # replaces a reader's link of the two
        text = self.tr("Unlink ¶{p} of {id}").format(p=paragraph, id=target[0])
        self._push(corrections, text)

    def passage_out(self) -> None:
        """Take the current passage of the statement out of it."""
        target = self._target()
        if target is None or self.corpus is None or target[0] != STATEMENT_ID:
            self._say(self.tr("Click a passage of the statement first"))
            return
        passages = self.corpus.analysis().statement.passages
        if not 0 <= target[1] < len(passages):
            return
        passage = passages[target[1]]
        out = PassageOut(passage_anchor(self.corpus.sources[passage.source], passage.text))
        text = self.tr("Take passage {id} out of the statement").format(id=passage.id)
        self._push(self.corrections().with_(out), text)

    def _push(self, after: Corrections, text: str) -> None:
        if self.store is None or after == self.corrections():
            return
        self.undo_stack.push(_Correct(self._keep, self.corrections(), after, text))

    def _keep(self, corrections: Corrections) -> bool:
        if self.store is None:
            return False
        try:
            self.store.save(corrections)
        except CorrectionsError as error:
            plain.message(self.window, str(error))
            return False
        if self.view.comparison is not None:
            self._kept_view = (
                self.view.left.verticalScrollBar().value(),
                self.view.right.verticalScrollBar().value(),
            )
        self.correctionsChanged.emit()
        return True

    def _say(self, message: str) -> None:
        self.window.statusBar().showMessage(message, 5000)  # type: ignore[attr-defined]

    def show_orphans(self) -> None:
        if self.corpus is None:
            return
        orphans = self.corpus.placement().orphans
        if not orphans:
            self._say(self.tr("Every correction finds its paragraph"))
            return
        lines = [orphan_line(o) for o in orphans]
        plain.message(
            self.window,
            self.tr(
                "These corrections no longer find their paragraph; they apply nowhere until "
                "their text is back:"
            )
            + "\n\n"
            + "\n".join(lines),
        )

    # The panes: context menu and tooltips -------------------------------------------------------

    def _context_menu(self, side: int, position: QPoint) -> None:
        pane = self.view.left if side == LEFT else self.view.right
        menu = self.context_menu(side, position)
        if menu is not None:
            menu.exec(pane.viewport().mapToGlobal(position))

    def context_menu(self, side: int, position: QPoint) -> QMenu | None:
        """The pane's own menu (Copy, Select all) and the corrections of the paragraph at
        `position`, which becomes the one acted on."""
        pane = self.view.left if side == LEFT else self.view.right
        if pane.content is None:
            return None
        paragraph = pane.cursorForPosition(position).block().blockNumber() // 2
        self._clicked(side, paragraph)
        menu = pane.createStandardContextMenu(position)
        menu.addSeparator()
        statement = pane.content.source.id == STATEMENT_ID
        if statement:
            menu.addAction(self.act_passage_out)
        else:
            for action in (*self.act_labels.values(), self.act_engine):
                menu.addAction(action)
            menu.addSeparator()
            menu.addAction(self.act_link)
            menu.addAction(self.act_unlink)
        return menu

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            for pane in (self.view.left, self.view.right):
                if watched is pane.viewport():
                    return self._tooltip(pane, event)
        return super().eventFilter(watched, event)

    def _tooltip(self, pane: SourcePane, event: QHelpEvent) -> bool:
        if pane.content is None or self.corpus is None:
            return False
        paragraph = pane.cursorForPosition(event.pos()).block().blockNumber() // 2
        text = self.tooltip_text(pane.content.source.id, paragraph)
        if text is None:
            return False
        QToolTip.showText(event.globalPos(), plain.tooltip(text), pane.viewport())
        return True

    def tooltip_text(self, source_id: str, paragraph: int) -> str | None:
        """What a corrected paragraph's tooltip says (plain text), None for the others."""
        if self.corpus is None or source_id == STATEMENT_ID:
            return None
        analysed = self.corpus.paragraph_analysis(source_id)
        if not 0 <= paragraph < len(analysed) or analysed[paragraph].engine is None:
            return None
        return correction_tooltip(analysed[paragraph], self.tr)


def correction_tooltip(analysed: ParagraphAnalysis, tr: Callable[[str], str]) -> str:
    engine = analysed.engine
    assert engine is not None
    lines = [
        # Spelled out with their context, so that lupdate finds them (it cannot see `tr`'s).
        QCoreApplication.translate("CorrectionActions", "Label set by hand: {label}").format(
            label=label_name(analysed.label)
        ),
        QCoreApplication.translate(
            "CorrectionActions", "The engine's label: {label} (confidence {c:.2f})"
        ).format(label=label_name(engine.label), c=engine.confidence),
        QCoreApplication.translate("CorrectionActions", "The engine's evidence:"),
        *(f"• {e}" for e in engine.evidence),
    ]
    return "\n".join(lines)
