"""The main window: the source list, the pair side by side, the statement map.

This class wires the widgets together, in one place (`_connect`), and holds no analysis: it
asks a Corpus, built and analysed off the GUI thread, for what the widgets show.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, QSettings, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTabWidget,
    QToolBar,
    QWidget,
)

from reader import APP_NAME, __version__
from reader.core.corpus import Corpus
from reader.core.errors import SourceError
from reader.core.loading import load_source
from reader.core.statement import STATEMENT_ID
from reader.gui import i18n, plain
from reader.gui.comparison_view import LEFT, RIGHT, Built, ComparisonView
from reader.gui.correction_actions import CorrectionActions
from reader.gui.library_actions import FILE_PATTERNS, LibraryActions
from reader.gui.settings import Settings, start_folder
from reader.gui.source_dialog import SourceDialog
from reader.gui.source_list import SourceList, entries
from reader.gui.statement_map import MapFigures, StatementMap
from reader.gui.worker import AnalysisRunner
from reader.library import Library, LibraryError

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    """Synopsis's window. `MainWindow()` opens on the library; `MainWindow(paths=[a, b])`
    compares two files."""

    analysisFinished = Signal()
    pairChanged = Signal(str, str)

    def __init__(
        self,
        paths: Sequence[str | Path] | None = None,
        settings: QSettings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = Settings(settings)
        self.paths = [Path(p) for p in paths or []]
        self.corpus: Corpus | None = None
        self.pair: tuple[str, str] | None = None
        self._wanted_pair: tuple[str, str] | None = None
        # An analysed corpus and its first pair, whose rest the worker computes once the
        # pair is laid out.
        self._to_complete: tuple[Corpus, tuple[str, str] | None] | None = None
        self._library: Library | None = None
        self._help: QDialog | None = None
        self._exported: Path | None = None
        self._difference: tuple[int, int] | None = None  # kept to say it again in a new language
        self.translations = i18n.Translations(QApplication.instance())
        self._pair_saver = QTimer(self)
        self._pair_saver.setSingleShot(True)
        self._pair_saver.setInterval(500)
        self._pair_saver.timeout.connect(self._save_last_pair)
        self._build()
        self._connect()
        self._restore()
        self.retranslate()
        try:
            self._load()
        except BaseException:
            self.runner.stop()  # a thread still running when its window goes aborts Qt
            raise

    # Building ----------------------------------------------------------------------------------

    def _build(self) -> None:
        self.setObjectName("mainWindow")
        self.source_list = SourceList()
        self.view = ComparisonView()
        self.statement_map = StatementMap()
        self.tabs = QTabWidget()
        self.tabs.setObjectName("tabs")
        self.tabs.addTab(self.view, "")
        self.tabs.addTab(self.statement_map, "")
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.source_list)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([280, 1000])
        self.setCentralWidget(self.splitter)
        self._base_font = self.view.left.font()
        self._build_actions()
        self._build_menus()
        self._build_status()

    def _action(
        self,
        shortcuts: Sequence[QKeySequence | QKeySequence.StandardKey | str] = (),
        checkable: bool = False,
    ) -> QAction:
        action = QAction(self)
        action.setShortcuts([QKeySequence(s) for s in shortcuts])
        action.setCheckable(checkable)
        self.addAction(action)  # shortcuts work even with the menu bar hidden
        return action

    def _build_actions(self) -> None:
        self.library_actions = LibraryActions(self)
        undo_stack = self.library_actions.undo_stack
        self.correction_actions = CorrectionActions(self, self.view, undo_stack)
        self.act_add = self._action([QKeySequence.StandardKey.Open])
        self.act_edit = self._action(["F2"])
        self.act_remove = self._action([QKeySequence.StandardKey.Delete])
        self.act_remove.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.source_list.addAction(self.act_remove)  # Delete acts on the list, not on text
        self.act_undo = self.library_actions.undo_stack.createUndoAction(self)
        self.act_undo.setShortcuts(QKeySequence.StandardKey.Undo)
        self.act_redo = self.library_actions.undo_stack.createRedoAction(self)
        self.act_redo.setShortcuts(QKeySequence.StandardKey.Redo)
        self.addAction(self.act_undo)
        self.addAction(self.act_redo)
        self.act_export = self._action(["Ctrl+E"])
        self.act_quit = self._action([QKeySequence.StandardKey.Quit])
        self.act_next = self._action(["F8", "Alt+Down"])
        self.act_previous = self._action(["Shift+F8", "Alt+Up"])
        self.act_swap = self._action(["Ctrl+Shift+X"])
        self.act_hide = self._action(["Ctrl+B"], checkable=True)
        self.act_zoom_in = self._action([QKeySequence.StandardKey.ZoomIn, "Ctrl+="])
        self.act_zoom_out = self._action([QKeySequence.StandardKey.ZoomOut])
        self.act_zoom_reset = self._action(["Ctrl+0"])
        self.act_map = self._action(["Ctrl+M"])
        self.act_about = self._action()
        self.act_shortcuts = self._action([QKeySequence.StandardKey.HelpContents, "Ctrl+/"])
        self.act_guide = self._action()
        self.language_group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code in ("", *i18n.LANGUAGES):
            action = QAction(self)
            action.setCheckable(True)
            action.setData(code)
            self.language_group.addAction(action)
            self.language_actions[code] = action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.menu_file = bar.addMenu("")
        self.menu_file.addAction(self.act_add)
        self.menu_file.addAction(self.act_export)
        self.menu_file.addSeparator()
        self.menu_file.addAction(self.act_quit)
        self.menu_edit = bar.addMenu("")
        for action in (self.act_undo, self.act_redo, None, self.act_edit, self.act_remove):
            self.menu_edit.addSeparator() if action is None else self.menu_edit.addAction(action)
        self.menu_correct = self.correction_actions.build_menu(bar)
        self.menu_view = bar.addMenu("")
        for action in (
            self.act_next,
            self.act_previous,
            None,
            self.act_swap,
            self.act_hide,
            None,
            self.act_zoom_in,
            self.act_zoom_out,
            self.act_zoom_reset,
            None,
            self.act_map,
        ):
            self.menu_view.addSeparator() if action is None else self.menu_view.addAction(action)
        self.menu_language = bar.addMenu("")
        for action in self.language_actions.values():
            self.menu_language.addAction(action)
        self.menu_help = bar.addMenu("")
        self.menu_help.addAction(self.act_shortcuts)
        self.menu_help.addAction(self.act_guide)
        self.menu_help.addSeparator()
        self.menu_help.addAction(self.act_about)
        self.toolbar = QToolBar()
        self.toolbar.setObjectName("toolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (
            self.act_previous,
            self.act_next,
            self.act_swap,
            self.act_hide,
            self.act_export,
        ):
            self.toolbar.addAction(action)
        self.addToolBar(self.toolbar)

    def _build_status(self) -> None:
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setMaximumWidth(220)
        self.progress_label = QLabel()
        self.cancel_button = QPushButton()
        self.difference_label = QLabel()
        self.open_folder_button = QPushButton()
        self.open_folder_button.setObjectName("openFolderButton")
        self.open_folder_button.setFlat(True)
        self.open_folder_button.hide()
        status = self.statusBar()
        status.addPermanentWidget(self.open_folder_button)
        status.addWidget(self.progress_label)
        status.addWidget(self.progress)
        status.addWidget(self.cancel_button)
        status.addPermanentWidget(self.difference_label)
        self._busy(False)

    def _connect(self) -> None:
        self.runner = AnalysisRunner(self)
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.runner.stop)
        self.runner.progressed.connect(self._on_progress)
        self.runner.finished.connect(self._on_analysed)
        self.runner.completed.connect(self._on_completed)
        self.view.laidOut.connect(self._complete_analysis)
        self.view.documentsWanted.connect(self.runner.build)
        self.runner.built.connect(self.view.take_documents_ahead)
        self.runner.failed.connect(self._on_failed)
        self.cancel_button.clicked.connect(self._cancel)
        self.open_folder_button.clicked.connect(self.open_export_folder)
        self.statusBar().messageChanged.connect(self._on_status)
        self.source_list.leftRequested.connect(lambda i: self._choose(LEFT, i))
        self.source_list.rightRequested.connect(lambda i: self._choose(RIGHT, i))
        self.view.differenceChanged.connect(self._on_difference)
        self.statement_map.passageRequested.connect(self._show_passage)
        self.act_next.triggered.connect(lambda: self._step(True))
        self.act_previous.triggered.connect(lambda: self._step(False))
        self.act_swap.triggered.connect(self.swap)
        self.act_hide.toggled.connect(self._hide_boilerplate)
        self.act_zoom_in.triggered.connect(lambda: self._zoom(+1))
        self.act_zoom_out.triggered.connect(lambda: self._zoom(-1))
        self.act_zoom_reset.triggered.connect(lambda: self._zoom(None))
        self.act_map.triggered.connect(self._toggle_map)
        self.act_export.triggered.connect(self.export_comparison)
        self.act_add.triggered.connect(self._ask_for_sources)
        self.act_edit.triggered.connect(lambda: self._edit_source(self._listed_source()))
        self.act_remove.triggered.connect(lambda: self.remove_source(self._listed_source()))
        self.source_list.filesDropped.connect(self.add_sources)
        self.source_list.editRequested.connect(self._edit_source)
        self.source_list.removeRequested.connect(self.remove_source)
        self.library_actions.changed.connect(lambda _: self._reanalyse())
        self.act_quit.triggered.connect(self.close)
        self.act_about.triggered.connect(self._about)
        self.act_shortcuts.triggered.connect(self.show_shortcuts)
        self.act_guide.triggered.connect(self.show_guide)
        self.language_group.triggered.connect(lambda a: self.set_language(a.data()))

    # Loading -----------------------------------------------------------------------------------

    def _load(self) -> None:
        if not self.paths:
            library, warnings = Library.open()
            self._library = library
            self.library_actions.set_library(library)
            for warning in warnings:
                plain.message(self, warning, details=getattr(warning, "details", ""))
        for warning in self.correction_actions.open(self._library):
            plain.message(self, warning)
        # Started from the event loop, once the window has been shown and painted (posted
        # events come before timers): the worker, loading a long corpus, shares the
        # interpreter with the GUI thread, and the first paint took twice as long beside it.
        self._busy(True)  # the first paint shows the progress already: nothing jumps after it
        self._on_progress("reading the sources", 0.0)
        QTimer.singleShot(0, self, self._analyse_unless_asked)

    def _analyse_unless_asked(self) -> None:
        """The first analysis, unless one was asked for meanwhile (sources added, say)."""
        if self.runner.jobs() == 0:
            self._analyse()

    def _analyse(self) -> None:
        """Analyse the sources in the background, then compare the pair to open there too."""
        self._busy(True)
        self._to_complete = None
        wanted = self._pair_wanted()
        paths = list(self.paths)
        library = self._library
        previous = self.corpus  # its sentence links serve again when only corrections changed
        corrections = self.correction_actions.corrections()
        make = (
            (lambda: library.corpus().reusing(previous))
            if library is not None
            else (lambda: Corpus.from_paths(paths, corrections).reusing(previous))
        )
        self.runner.analyse(
            make,
            lambda corpus: first_pair(corpus.ids(), wanted),
            self.view.first_documents(self.act_hide.isChecked()),
        )

    def _pair_wanted(self) -> tuple[str, str] | None:
        """The pair asked for while analysing, else the one remembered (for the library)."""
        if self._wanted_pair is not None or self.paths:
            return self._wanted_pair
        return (self.settings.get("pair/left"), self.settings.get("pair/right"))

    def _on_progress(self, stage: str, done: float) -> None:
        stages = {
            "reading the sources": self.tr("reading the sources"),
            "indexing": self.tr("indexing"),
            "linking": self.tr("linking"),
            "labelling": self.tr("labelling"),
            "reconstructing the statement": self.tr("reconstructing the statement"),
            "comparing": self.tr("comparing"),
            "done": self.tr("done"),
        }
        self.progress_label.setText(
            self.tr("Analysing: {stage}…").format(stage=stages.get(stage, stage))
        )
        self.progress.setValue(round(100 * done))

    def _on_analysed(self, corpus: Corpus, built: list[Built] | None = None) -> None:
        self._busy(False)
        self.corpus = corpus
        self.view.take_documents(corpus, built or ())
        self._fill_list()
        self.statement_map.show_corpus(corpus, wait=True)  # its changes come with `completed`
        pair = first_pair(corpus.ids(), self._pair_wanted())
        self._wanted_pair = None
        if pair is not None:
            self.show_pair(*pair)
        self.correction_actions.analysed(corpus)
        self._to_complete = (corpus, pair)
        if pair is None or self.view.laid_out():
            self._complete_analysis()
        self.analysisFinished.emit()

    def _complete_analysis(self) -> None:
        """The pair is laid out: have the worker compute the rest (the map's changes…)."""
        if self._to_complete is not None:
            self.runner.complete(*self._to_complete)
            self._to_complete = None

    def _on_completed(self, corpus: Corpus, figures: MapFigures | None) -> None:
        if corpus is self.corpus and figures is not None:
            self.statement_map.show_corpus(corpus, figures)

    def _on_failed(self, message: str) -> None:
        self._busy(False)
        plain.message(
            self, self.tr("The sources could not be analysed: {m}").format(m=message), True
        )

    def _cancel(self) -> None:
        self.runner.cancel()
        self._busy(False)
        self.progress_label.setText(self.tr("Analysis cancelled"))

    def _busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.progress_label.setVisible(True)
        if not busy:
            self.progress_label.clear()

    def _fill_list(self) -> None:
        if self.corpus is None:
            return
        self.source_list.list_model.set_entries(
            entries(self.corpus, with_statement=True, statement_title=self.tr("The statement"))
        )
        if self.pair is not None:  # a new model forgets the selection: say the pair again
            self.source_list.show_pair(*self.pair)

    # The pair ----------------------------------------------------------------------------------

    def source_ids(self) -> list[str]:
        """The ids of the sources in the window (file names without .txt)."""
        return self.corpus.ids() if self.corpus else []

    def is_ready(self) -> bool:
        """Whether the analysis is done (the pair shows; the map's changes may follow)."""
        return self.corpus is not None and self.corpus.analysed

    def is_settled(self) -> bool:
        """Whether nothing is left to compute in the background."""
        return self.is_ready() and self._to_complete is None and not self.runner.busy()

    def show_pair(self, left_id: str, right_id: str) -> None:
        """Show two sources side by side (ids as in `source_ids()`, or "statement")."""
        if not self.is_ready():
            self._wanted_pair = (left_id, right_id)
            return
        assert self.corpus is not None
        self.pair = (left_id, right_id)
        self.correction_actions.show(self.corpus, self.pair)
        self.view.show_pair(self.corpus, left_id, right_id, self.act_hide.isChecked())
        self.source_list.show_pair(left_id, right_id)
        self._pair_saver.start()  # once the reader stops on a pair: a save writes to disk
        self.tabs.setCurrentWidget(self.view)
        self.pairChanged.emit(left_id, right_id)

    def _save_last_pair(self) -> None:
        self._pair_saver.stop()
        if self.pair is None:
            return
        self.settings.set("pair/left", self.pair[0])
        self.settings.set("pair/right", self.pair[1])
        if self._library is not None and STATEMENT_ID not in self.pair:
            with contextlib.suppress(KeyError, LibraryError):  # the settings remember it too
                self._library.set_last_pair(*self.pair)

    def _choose(self, side: int, source_id: str) -> None:
        if self.pair is None:
            return
        left, right = self.pair
        self.show_pair(source_id if side == LEFT else left, source_id if side == RIGHT else right)

    def swap(self) -> None:
        if self.pair is not None:
            self.show_pair(self.pair[1], self.pair[0])

    def _show_passage(self, passage_id: str, source_id: str) -> None:
        self.show_pair(STATEMENT_ID, source_id)
        statement = self.corpus.paragraph_analysis(STATEMENT_ID) if self.corpus else ()
        for n, analysed in enumerate(statement):
            if passage_id in analysed.passages:
                self.view.left.show_paragraph(n)
                self.view.bring_counterpart(LEFT, n)
                break

    def _step(self, forward: bool) -> None:
        if not self.view.step(forward):
            self.statusBar().showMessage(
                self.tr("No further difference") if forward else self.tr("No earlier difference"),
                2000,
            )

    def _on_difference(self, position: int, total: int) -> None:
        self._difference = (position, total)
        if total == 0:
            self.difference_label.setText(self.tr("No differences"))
        elif position:
            self.difference_label.setText(
                self.tr("Difference {n} of {total}").format(n=position, total=total)
            )
        else:
            self.difference_label.setText(self.tr("{total} differences").format(total=total))

    def _hide_boilerplate(self, hide: bool) -> None:
        self.settings.set("hide_boilerplate", hide)
        if self.pair is not None:
            self.show_pair(*self.pair)

    def _zoom(self, step: int | None) -> None:
        zoom = 0 if step is None else max(-6, min(20, self.settings.get("zoom") + step))
        self.settings.set("zoom", zoom)
        self.view.set_zoom(zoom, self._base_font)

    def _toggle_map(self) -> None:
        showing_map = self.tabs.currentWidget() is self.statement_map
        self.tabs.setCurrentWidget(self.view if showing_map else self.statement_map)

    # Export ------------------------------------------------------------------------------------

    # The library ------------------------------------------------------------------------------

    def add_sources(self, paths: Sequence[str | Path]) -> list[str]:
        """Add files (as File > Add sources… does); return the ids added. Files that cannot
        be used are named in one message, with the reason; nothing else changes."""
        if self._library is not None:
            return self.library_actions.add(paths)
        # Opened on files given on the command line: add them to this session only.
        added, errors = [], []
        for path in map(Path, paths):
            try:
                load_source(path)
            except SourceError as error:
                errors.append(str(error))
                continue
            if path not in self.paths:
                self.paths.append(path)
                added.append(path.stem)
        if errors:
            plain.message(self, self.tr("Some files were not added:") + "\n\n" + "\n".join(errors))
        if added:
            self._reanalyse()
        return added

    def remove_source(self, source_id: str | None) -> None:
        """Take a source out of the library (Edit > Undo brings it back)."""
        if source_id is None or source_id == STATEMENT_ID:
            return
        if self._library is None:
            self.statusBar().showMessage(
                self.tr("Sources opened from the command line are not in the library"), 5000
            )
            return
        self.library_actions.remove(source_id)

    def _edit_source(self, source_id: str | None) -> None:
        if source_id is None or source_id == STATEMENT_ID or self._library is None:
            return
        dialog = SourceDialog(self._library.source(source_id), self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.library_actions.edit(source_id, dialog.values())

    def _ask_for_sources(self) -> None:
        folder = start_folder(self.settings, "import/folder")
        files, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Add sources"),
            folder,
            self.tr("Texts, web pages and Word files ({patterns})").format(patterns=FILE_PATTERNS)
            + ";;"
            + self.tr("All files (*)"),
        )
        if files:
            self.settings.set("import/folder", str(Path(files[0]).parent))
            self.add_sources(files)

    def _listed_source(self) -> str | None:
        return self.source_list.source_at(self.source_list.currentIndex())

    def _reanalyse(self) -> None:
        """The sources changed: analyse again, keeping the pair in view where it still exists."""
        self._wanted_pair = self.pair
        self._analyse()

    def export_comparison(self) -> None:
        """File > Export comparison…: write the pair being read to PDF or HTML."""
        if self.pair is None or self.corpus is None:
            return
        from reader.gui.export_dialog import run_export_dialog

        originals = [e.original for e in self._library.entries()] if self._library else []
        protected = [o for o in originals if o]  # the user's files, read once, never written
        path = run_export_dialog(self, self.corpus, *self.pair, self.settings, protected)
        if path is not None:
            self._exported = path
            self.statusBar().showMessage(self.tr("Exported to {path}").format(path=path), 30_000)
            self.open_folder_button.show()

    def open_export_folder(self) -> None:
        """Open the folder of the last export in the system's file manager."""
        if self._exported is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._exported.parent)))

    def _on_status(self, message: str) -> None:
        if not message:  # the export's message has gone: so does its button
            self.open_folder_button.hide()

    # Language ----------------------------------------------------------------------------------

    def set_language(self, code: str) -> None:
        """Switch the interface language ("" follows the system) without restarting."""
        self.settings.set("language", code)
        self.translations.switch(code)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(APP_NAME)
        self.menu_file.setTitle(self.tr("&File"))
        self.menu_edit.setTitle(self.tr("&Edit"))
        self.correction_actions.retranslate()
        self.menu_view.setTitle(self.tr("&View"))
        self.menu_language.setTitle(self.tr("&Language"))
        self.menu_help.setTitle(self.tr("&Help"))
        self.tabs.setTabText(0, self.tr("Side by side"))
        self.tabs.setTabText(1, self.tr("Statement map"))
        texts = {
            self.act_add: self.tr("&Add sources…"),
            self.act_edit: self.tr("Edit source &details…"),
            self.act_remove: self.tr("&Remove source"),
            self.act_export: self.tr("&Export comparison…"),
            self.act_quit: self.tr("&Quit"),
            self.act_next: self.tr("&Next difference"),
            self.act_previous: self.tr("&Previous difference"),
            self.act_swap: self.tr("&Swap panes"),
            self.act_hide: self.tr("&Hide boilerplate"),
            self.act_zoom_in: self.tr("Zoom &in"),
            self.act_zoom_out: self.tr("Zoom &out"),
            self.act_zoom_reset: self.tr("&Reset zoom"),
            self.act_map: self.tr("Statement &map"),
            self.act_about: self.tr("&About Synopsis"),
            self.act_shortcuts: self.tr("&Keyboard shortcuts"),
            self.act_guide: self.tr("How to &read this window"),
        }
        for action, text in texts.items():
            action.setText(text)
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(
                f"{text.replace('&', '')} ({keys})" if keys else text.replace("&", "")
            )
        self.language_actions[""].setText(self.tr("System language"))
        for code, name in i18n.LANGUAGES.items():
            self.language_actions[code].setText(name)
        self.cancel_button.setText(self.tr("Cancel"))
        self.open_folder_button.setText(self.tr("Open folder"))
        self._retranslate_status()
        hint = self.tr("Click a sentence to bring its counterpart level with it")
        self.view.left.setStatusTip(hint)
        self.view.right.setStatusTip(hint)
        self.view.legend.retranslate()
        self.view.forget_documents()
        self._fill_list()
        if self.corpus is not None:
            self.statement_map.show_corpus(self.corpus, wait=True)

    def show_shortcuts(self) -> QDialog:
        """Help > Keyboard shortcuts: listed from the actions, in the interface language."""
        from reader.gui.help import shortcuts_dialog

        return self._show_help(shortcuts_dialog(self._menu_actions(), self))

    def show_guide(self) -> QDialog:
        from reader.gui.help import guide_dialog

        return self._show_help(guide_dialog(self))

    def _show_help(self, dialog: QDialog) -> QDialog:
        if self._help is not None:
            self._help.close()
        self._help = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda: setattr(self, "_help", None))
        dialog.show()  # beside the window, not modal: the reader can try the keys
        return dialog

    def _menu_actions(self) -> list[QAction]:
        """The window's actions in menu order, the list's Delete among them."""
        found = []
        menus = (self.menu_file, self.menu_edit, self.menu_correct, self.menu_view, self.menu_help)
        for menu in menus:
            found.extend(a for a in menu.actions() if not a.isSeparator())
        return found

    def _retranslate_status(self) -> None:
        """What the status bar says, again in the new language."""
        if self._difference is not None:
            self._on_difference(*self._difference)
        if self.open_folder_button.isVisible() and self._exported is not None:
            message = self.tr("Exported to {path}").format(path=self._exported)
            self.statusBar().showMessage(message, 30_000)
        elif self.statusBar().currentMessage():
            self.statusBar().clearMessage()  # a passing remark in the old language
        if self.progress.isVisible():
            self.progress_label.setText(self.tr("Analysing…"))

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Synopsis"),
            self.tr("{app} {version}\nCompare how several sources reproduce one statement.").format(
                app=APP_NAME, version=__version__
            ),
        )

    # Settings ----------------------------------------------------------------------------------

    def _restore(self) -> None:
        geometry = self.settings.get("window/geometry")
        if geometry:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        state = self.settings.get("window/state")
        if state:
            self.restoreState(state)
        splitter = self.settings.get("window/splitter")
        if splitter:
            self.splitter.restoreState(splitter)
        self.act_hide.setChecked(self.settings.get("hide_boilerplate"))
        zoom = self.settings.get("zoom")
        if zoom:
            self.view.set_zoom(zoom, self._base_font)
        code = self.settings.get("language")
        self.translations.switch(code)
        self.language_actions.get(code, self.language_actions[""]).setChecked(True)

    def save_settings(self) -> None:
        self.settings.set("window/geometry", self.saveGeometry())
        self.settings.set("window/state", self.saveState())
        self.settings.set("window/splitter", self.splitter.saveState())
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._pair_saver.isActive():
            self._save_last_pair()
        self.save_settings()
        self.runner.stop()
        super().closeEvent(event)


def first_pair(ids: list[str], wanted: tuple[str, str] | None) -> tuple[str, str] | None:
    """The pair to open on: the one asked for (or remembered) if it exists, else the first two."""
    if not ids:
        return None
    known = {*ids, STATEMENT_ID}
    if wanted is not None and wanted[0] and all(i in known for i in wanted):
        return wanted
    return (ids[0], ids[1] if len(ids) > 1 else STATEMENT_ID)
