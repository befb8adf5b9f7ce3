"""The window (PySide6): widgets only; every figure and label comes from reader.core."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

# Qt's raster engine hands every fill of 96 lines or more to a pool of threads and waits for
# them: for fills the size of a pane the hand-off costs more than the fill, the more so with
# the analysis holding the other processor (a seeds pair switch took a quarter more
# processor time). Qt reads this once, when it first paints: set before anything is drawn.
os.environ.setdefault("QT_NO_GUI_THREADPOOL", "1")

if TYPE_CHECKING:
    from reader.gui.main_window import MainWindow

__all__ = ["MainWindow"]


def __getattr__(name: str) -> Any:
    # Imported on first use: `reader.gui.app` shows a first frame before the window's
    # modules (and the engine behind them) are imported.
    if name == "MainWindow":
        from reader.gui.main_window import MainWindow

        return MainWindow
    raise AttributeError(f"module 'reader.gui' has no attribute {name!r}")
