"""The library's folder on disk: the state file, the copies of imported files, a trash.

    library.json            the state (see reader.statefile)
    library.lock            held (flock) while a process reads, changes and writes the state
    sources/<id><suffix>    a copy of each imported file, written once, never changed
    trash/<time>-<name>     copies of removed sources, kept a day so that undo works

Copies are written atomically, like the state, so that a crash never leaves half a file under
a name the library uses. Two processes may share the folder (two windows, a window and a
script): every change is made under the lock, on the state as it is on disk at that moment.
"""

from __future__ import annotations

import contextlib
import logging
import os
import time
from collections.abc import Iterator
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: no advisory locks; changes still merge with the disk's state
    fcntl = None

from reader.statefile import remove_leftovers, write_atomically

log = logging.getLogger(__name__)

STATE_FILE = "library.json"
LOCK_FILE = "library.lock"
SOURCES_DIR = "sources"
TRASH_DIR = "trash"
# Long enough for any undo, even in another window open on the same library.
TRASH_SECONDS = 24 * 3600


class LibraryFolder:
    def __init__(self, root: Path) -> None:
        self.root = root
        self._lock_depth = 0

    @contextlib.contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the library's lock (re-entrant); without a writable folder, go on unlocked."""
        if self._lock_depth or fcntl is None:
            self._lock_depth += 1
            try:
                yield
            finally:
                self._lock_depth -= 1
            return
        try:
            descriptor = os.open(self.root / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError:
            descriptor = None  # nothing can be written there either: the save will say so
        try:
            if descriptor is not None:
                fcntl.flock(descriptor, fcntl.LOCK_EX)
            self._lock_depth += 1
            yield
        finally:
            self._lock_depth -= 1
            if descriptor is not None:
                os.close(descriptor)  # releases the lock

    @property
    def state_path(self) -> Path:
        return self.root / STATE_FILE

    @property
    def sources_dir(self) -> Path:
        return self.root / SOURCES_DIR

    @property
    def trash_dir(self) -> Path:
        return self.root / TRASH_DIR

    def prepare(self) -> None:
        """Create the folder; clear what interrupted writes and old removals left. OSError if
        the folder cannot be written."""
        self.sources_dir.mkdir(parents=True, exist_ok=True)
        with self.locked():
            remove_leftovers(self.root)
            remove_leftovers(self.sources_dir)
            self._purge_trash()

    def path(self, relative: str) -> Path:
        return self.root / relative

    def copy_in(self, data: bytes, name: str) -> str:
        """Write an imported file's bytes under sources/; return its path in the folder."""
        write_atomically(self.sources_dir / name, data)
        return f"{SOURCES_DIR}/{name}"

    def discard(self, relative: str) -> None:
        with contextlib.suppress(OSError):
            self.path(relative).unlink()

    def trash(self, relative: str) -> Path | None:
        """Move a copy to the trash; return where it went, or None if it could not move."""
        target = self.trash_dir / f"{int(time.time())}-{Path(relative).name}"
        return target if _move(self.path(relative), target) else None

    def untrash(self, trashed: Path | None, relative: str) -> bool:
        """Put a copy back from the trash; say whether it is back."""
        return self.path(relative).exists() or (
            trashed is not None and _move(trashed, self.path(relative))
        )

    def names_in_use(self) -> set[str]:
        """Return the casefolded names (without suffix) of the copies, trashed ones too."""
        names: set[str] = set()
        with contextlib.suppress(OSError):
            names |= {path.stem.casefold() for path in self.sources_dir.iterdir()}
        with contextlib.suppress(OSError):
            names |= {path.stem.partition("-")[2].casefold() for path in self.trash_dir.iterdir()}
        return names

    def copies(self) -> list[str]:
        """Return the paths (in the folder) of the copies in sources/, oldest first."""
        try:
            files = [p for p in self.sources_dir.iterdir() if p.is_file()]
            files.sort(key=lambda path: (path.stat().st_mtime, path.name))
        except OSError:
            return []
        return [f"{SOURCES_DIR}/{p.name}" for p in files if not p.name.startswith(".")]

    def _purge_trash(self) -> None:
        if not self.trash_dir.is_dir():
            return
        for path in self.trash_dir.iterdir():
            stamp = path.name.partition("-")[0]
            if stamp.isdigit() and int(stamp) < time.time() - TRASH_SECONDS:
                with contextlib.suppress(OSError):
                    path.unlink()


def _move(source: Path, target: Path) -> bool:
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(source, target)
    except OSError:
        log.warning("could not move %s to %s", source, target, exc_info=True)
        return False
    return True
