"""The one error type a user can cause: an input Synopsis cannot use."""

from __future__ import annotations

from pathlib import Path


class SourceError(Exception):
    """A file that cannot be used as a source, with what is wrong and what to do."""

    def __init__(self, path: str | Path, reason: str, hint: str) -> None:
        self.path = Path(path)
        self.reason = reason
        self.hint = hint
        super().__init__(f"{self.path.name}: {reason}; {hint}")


class ExportError(Exception):
    """An export that could not be written, with what to do about it."""
