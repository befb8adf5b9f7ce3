"""The window (PySide6): widgets only; every figure and label comes from reader.core."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

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
