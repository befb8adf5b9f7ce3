"""Adding, removing and correcting sources from the window, each step undoable.

The library (reader.library) does the work and keeps it on disk; this module turns the
window's requests into undo commands (as Qt's QUndoStack expects: `redo` does, `undo` takes
back) and reports what went wrong in one dialog that names each file.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget

from reader.gui import plain
from reader.library import METADATA_FIELDS, Library, LibraryError, RemovedEntry

FILE_PATTERNS = "*.txt *.md *.text *.html *.htm *.xhtml *.docx"
_LISTED = 10  # refused files named in the message itself; all of them in its details


class _Step(QUndoCommand):
    """A library change; a change that fails is reported and dropped from the stack."""

    def __init__(self, text: str, report: Callable[[str], None]) -> None:
        super().__init__(text)
        self.report = report

    def _try(self, action: Callable[[], object]) -> None:
        try:
            action()
        except (LibraryError, KeyError) as error:
            self.report(str(error))
            self.setObsolete(True)


class _Add(_Step):
    """Undo takes the added sources out again; redo puts the same copies back."""

    def __init__(self, library: Library, ids: list[str], text: str, report) -> None:
        super().__init__(text, report)
        self.library, self.ids = library, ids
        self.removed: list[RemovedEntry] = []
        self.done = True  # the files were added before the command was pushed

    def redo(self) -> None:
        if self.done:
            self.done = False
            return
        self._try(lambda: [self.library.restore(r) for r in self.removed])

    def undo(self) -> None:
        def take_out() -> None:
            self.removed = [self.library.remove(i) for i in reversed(self.ids)][::-1]

        self._try(take_out)


class _Remove(_Step):
    def __init__(self, library: Library, source_id: str, text: str, report) -> None:
        super().__init__(text, report)
        self.library, self.source_id = library, source_id
        self.removed: RemovedEntry | None = None

    def redo(self) -> None:
        def take_out() -> None:
            self.removed = self.library.remove(self.source_id)

        self._try(take_out)

    def undo(self) -> None:
        if self.removed is not None:
            removed = self.removed
            self._try(lambda: self.library.restore(removed))


class _Edit(_Step):
    """Metadata corrections: undo puts back what the user had before (or the file's own)."""

    def __init__(
        self,
        library: Library,
        source_id: str,
        values: dict[str, str],
        text: str,
        report,
    ) -> None:
        super().__init__(text, report)
        self.library, self.source_id, self.values = library, source_id, values
        entry = library.entry(source_id)
        self.before = {name: entry.override(name) for name in METADATA_FIELDS}

    def redo(self) -> None:
        self._try(lambda: self.library.update(self.source_id, **self.values))

    def undo(self) -> None:
        self._try(lambda: self.library.update(self.source_id, **self.before))


class LibraryActions(QObject):
    """The window's side of the library: every change goes through the undo stack."""

    changed = Signal(int)  # sources or metadata changed (the undo index): analyse again

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.window = parent
        self.library: Library | None = None
        self.undo_stack = QUndoStack(self)
        self.undo_stack.indexChanged.connect(self.changed)

    def set_library(self, library: Library | None) -> None:
        self.library = library
        self.undo_stack.clear()

    def add(self, paths: Sequence[str | Path]) -> list[str]:
        """Copy files into the library; report the refused ones; return the ids added."""
        if self.library is None or not paths:
            return []
        result = self.library.add(paths)
        if result.errors:
            refused = [str(error) for error in result.errors]
            text = self.tr("Some files were not added:") + "\n\n" + "\n".join(refused[:_LISTED])
            if len(refused) > _LISTED:  # the rest behind "Show Details…", not a wall of text
                more = self.tr("…and {n} more (see the details).").format(n=len(refused) - _LISTED)
                plain.message(self.window, f"{text}\n{more}", details="\n".join(refused))
            else:
                self._report(text)
        if result.added:
            text = self.tr("Add {n} source(s)").format(n=len(result.added))
            self.undo_stack.push(_Add(self.library, result.added, text, self._report))
        return result.added

    def remove(self, source_id: str) -> None:
        if self.library is None or source_id not in self.library.ids():
            return
        text = self.tr("Remove {id}").format(id=source_id)
        self.undo_stack.push(_Remove(self.library, source_id, text, self._report))

    def edit(self, source_id: str, values: dict[str, str]) -> None:
        """Correct the metadata of a source ({"title": …, "outlet": …, "date": …, "url": …})."""
        if self.library is None or source_id not in self.library.ids():
            return
        text = self.tr("Edit the details of {id}").format(id=source_id)
        self.undo_stack.push(_Edit(self.library, source_id, values, text, self._report))

    def _report(self, message: str) -> None:
        plain.message(self.window, message)
