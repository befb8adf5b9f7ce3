"""The window (PySide6): widgets only; every figure and label comes from reader.core."""

from __future__ import annotations

from reader.gui.main_window import MainWindow

__all__ = ["MainWindow"]
