"""Start the window: the application, its palette and language, and the safety net for errors."""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType

import platformdirs
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from reader import APP_NAME, __version__
from reader.gui import plain
from reader.gui.display import display_problem

log = logging.getLogger(__name__)


def log_file() -> Path:
    folder = Path(platformdirs.user_log_dir("synopsis", appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return folder / "synopsis.log"


def setup_logging() -> Path:
    path = log_file()
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path


def install_error_dialog(log_path: Path) -> None:
    """An unexpected error shows what happened and where the log is; the window stays."""

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        log.error("unexpected error:\n%s", "".join(traceback.format_exception(kind, error, tb)))
        if issubclass(kind, KeyboardInterrupt):
            QApplication.quit()
            return
        plain.message(
            None,
            QApplication.translate(
                "App",
                "Something went wrong: {message}\n\nThe details are in {log}. "
                "The window stays open; you can carry on.",
            ).format(message=str(error) or kind.__name__, log=log_path),
            critical=True,
        )

    sys.excepthook = hook


def run(paths: Sequence[Path]) -> int:
    """Open the window (on two files if given, else on the library) until it is closed.

    Where the window cannot open (no display, or Qt's xcb plugin misses a system library),
    say so in one line and return 1, before Qt would abort the process.
    """
    if QApplication.instance() is None:
        problem = display_problem()
        if problem is not None:
            print(f"synopsis: error: {problem}", file=sys.stderr)
            return 1
    QApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    install_error_dialog(setup_logging())
    first = _first_frame()
    from reader.gui.main_window import MainWindow  # the widgets, and the engine behind them

    window = MainWindow(paths=list(paths) or None)
    window.show()
    first.close()
    return app.exec()


def _first_frame() -> QWidget:
    """Show a window at once, while the main window's modules are imported (a few tenths of
    a second on a slow machine): the user sees the application start, not nothing."""
    frame = QLabel(QApplication.translate("App", "Starting {app}…").format(app=APP_NAME))
    frame.setWindowTitle(APP_NAME)
    frame.setAlignment(Qt.AlignmentFlag.AlignCenter)
    frame.setTextFormat(Qt.TextFormat.PlainText)
    frame.resize(480, 160)
    frame.show()
    QApplication.processEvents()
    return frame
