"""The user's library: the sources they compare, kept between runs. Qt-free.

Where it lives: the platform's data directory (`default_data_dir()`: on Linux
$XDG_DATA_HOME/synopsis, by default ~/.local/share/synopsis); see reader.libraryfolder for
its layout. Imported files are COPIED there, so that a moved or deleted original loses
nothing; the user's own files are only ever read. The state (which sources, in what order,
the user's metadata corrections, the last pair viewed) is written atomically after every
change. Preferences and window state belong in `default_config_dir()`
($XDG_CONFIG_HOME/synopsis), which the library does not use.

API (not thread-safe: one thread at a time; `open` and `add` read and parse files, which
takes seconds for a megabyte, the rest is quick):

    library, warnings = Library.open()       # show each warning once
    library.ids()                           # the readable sources, in list order
    library.source(id)                      # a Source with the user's corrections applied
    library.detected(id)                    # the same, as its file has it
    library.entry(id)                       # LibraryEntry: original path, date added, overrides
    library.source_paths()                  # the files read, in list order
    library.corpus()                        # a new reader.core.Corpus of all readable sources
    result = library.add(paths)             # result.added: ids; result.errors: SourceErrors
    removed = library.remove(id)            # keep `removed` for undo…
    library.restore(removed)                # …which puts the source back where it was
    library.update(id, title="…", url=None) # a string corrects a field, None reverts it
    library.last_pair; library.set_last_pair(left_id, right_id)
    library.restore_bundled()               # bring back bundled sources that were removed
    library.corrections.save(corrections)   # a reader's corrections (reader.correctionstore)

Bundled sources are in the library from the first start. They can be removed like any other
(a user may want only their own case in the list) and come back with `restore_bundled()`;
their files belong to the package and are never touched. The copy of a removed imported
file waits a day in the library's trash, so that undo works. A batch `add` adds the good
files and returns a SourceError naming each bad one (missing, empty, binary, too large,
already in the library…); nothing else changes. A state file that cannot be used never stops
the app: it is kept aside with a timestamp in its name, the library starts again from the
bundled sources and the copies already imported (so no imported text is lost), and `open`
returns a warning saying so, once. A change that cannot be saved is undone and raises
LibraryError.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import Enum
from pathlib import Path

import platformdirs

from reader.core.corpus import Corpus
from reader.core.decoding import read_bytes
from reader.core.errors import SourceError
from reader.core.loading import load_source, source_from_bytes, source_id_for
from reader.core.model import Source
from reader.correctionstore import CorrectionStore
from reader.libraryfolder import LibraryFolder
from reader.paths import bundled_sources
from reader.statefile import (
    METADATA_FIELDS,
    LibraryEntry,
    State,
    StateUnreadable,
    load_state,
    merge_states,
    save_state,
    set_aside,
)

__all__ = [
    "KEEP",
    "AddResult",
    "Library",
    "LibraryEntry",
    "LibraryError",
    "LibraryNotice",
    "RemovedEntry",
    "default_config_dir",
    "default_data_dir",
]

log = logging.getLogger(__name__)

APP_DIR_NAME = "synopsis"


def default_data_dir() -> Path:
    """Return where the library lives (honours XDG_DATA_HOME on Linux)."""
    return platformdirs.user_data_path(APP_DIR_NAME, appauthor=False)


def default_config_dir() -> Path:
    """Return where preferences belong (honours XDG_CONFIG_HOME on Linux)."""
    return platformdirs.user_config_path(APP_DIR_NAME, appauthor=False)


class LibraryError(Exception):
    """A change to the library that could not be saved; the library is as it was before."""


class _Keep(Enum):
    KEEP = "keep"


KEEP = _Keep.KEEP  # for update(): leave this field as it is


@dataclass(frozen=True)
class AddResult:
    added: list[str]  # ids of the sources added, in the order given
    errors: list[SourceError]  # one per file not added, naming it and saying why


@dataclass(frozen=True)
class RemovedEntry:
    """What `remove` took out, for `restore` to put back (undo)."""

    entry: LibraryEntry
    position: int
    source: Source | None
    trashed: Path | None = None  # where the library's copy waits meanwhile


class Library:
    """The sources the user works with, their metadata corrections and the last pair viewed."""

    def __init__(self, folder: Path, bundled: dict[str, Path]) -> None:
        """Use `Library.open`; this makes an empty library without reading anything."""
        self.folder = folder
        self._files = LibraryFolder(folder)
        self._bundled = bundled
        self._entries: list[LibraryEntry] = []
        self._sources: dict[str, Source] = {}  # as read from their files
        self._removed_bundled: set[str] = set()
        self._last_pair: tuple[str, str] | None = None
        self._persist = True
        self._base = State()  # the state as this process last read or wrote it on disk
        self.corrections = CorrectionStore(folder)  # a reader's labels, links and passages

    # Opening ----------------------------------------------------------------------------------

    @classmethod
    def open(cls, data_dir: Path | None = None) -> tuple[Library, list[str]]:
        """Open the library in data_dir (default: the platform's data directory).

        Never raises for a damaged or unreadable library; returns warnings to show instead.
        """
        folder = Path(data_dir) if data_dir is not None else default_data_dir()
        warnings: list[str] = []
        library = cls(folder, _bundled_files(warnings))
        library._prepare_folder(warnings)
        with library._files.locked():
            try:
                state, recovered = load_state(library._files.state_path), False
            except StateUnreadable as exc:
                state, recovered = library._start_again(str(exc), warnings), True
            library._adopt(state or State())
            if recovered:  # saved at once: quitting now must not lose what was recovered
                try:
                    library._save()
                except LibraryError as exc:
                    warnings.append(f"{str(exc).capitalize()}.")
        library._load_sources(warnings)
        library.corrections, more = CorrectionStore.open(folder)
        warnings.extend(more)
        return library, warnings

    def _prepare_folder(self, warnings: list[str]) -> None:
        try:
            self._files.prepare()
        except OSError as exc:
            self._persist = False
            warnings.append(
                f"The library folder {self.folder} cannot be written ({exc.strerror or exc}); "
                "sources you add will not be kept after you quit."
            )

    def _start_again(self, reason: str, warnings: list[str]) -> State:
        """Keep an unusable state file aside; rebuild from the copies in sources/."""
        recovered = self._recovered_entries()
        start = "Synopsis started again with its bundled sources"
        if recovered:
            start += (
                f" and the {len(recovered)} file(s) you had imported; their corrected titles, "
                "outlets, dates and addresses were lost"
            )
        start += "."
        try:
            kept = set_aside(self._files.state_path)
        except OSError as exc:
            self._persist = False  # never overwrite a file that could not be kept aside
            warnings.append(
                f"The library file {self._files.state_path} could not be used ({reason}) nor moved "
                f"aside ({exc.strerror or exc}); changes will not be saved this session. {start}"
            )
        else:
            log.info("library state unusable (%s); kept as %s", reason, kept)
            warnings.append(
                f"The library file could not be used ({reason}); it was kept as {kept}. {start}"
            )
        return State(tuple(recovered))

    def _recovered_entries(self) -> list[LibraryEntry]:
        taken = {source_id.casefold() for source_id in self._bundled}
        entries = []
        for relative in self._files.copies():
            source_id = Path(relative).stem
            if source_id.casefold() not in taken:
                taken.add(source_id.casefold())
                entries.append(LibraryEntry(source_id, bundled=False, file=relative))
        return entries

    def _adopt(self, state: State) -> None:
        """Take the saved entries; bundled sources not removed by the user come first."""
        state = self._normalized(state)
        self._removed_bundled = set(state.removed_bundled)
        self._entries = list(state.entries)
        self._last_pair = state.last_pair
        self._base = state

    def _normalized(self, state: State) -> State:
        """The state as this version lists it: bundled sources it ships, not others."""
        removed = frozenset(state.removed_bundled & set(self._bundled))
        entries = [e for e in state.entries if not e.bundled or e.id in self._bundled]
        listed = {entry.id for entry in entries}
        new = [
            LibraryEntry(source_id, bundled=True)
            for source_id in self._bundled
            if source_id not in listed and source_id not in removed
        ]
        # First start, or sources a newer version ships, come first.
        return State(tuple(new + entries), removed, state.last_pair)

    def _load_sources(self, warnings: list[str]) -> None:
        failed: list[tuple[str, str]] = []
        for entry in self._entries:
            if entry.id in self._sources:
                continue
            try:
                self._sources[entry.id] = load_source(self.path_of(entry), entry.id)
            except SourceError as exc:
                failed.append((entry.id, exc.reason))
        if len(failed) == 1:
            warnings.append(
                f"The source {failed[0][0]} could not be loaded ({failed[0][1]}); it stays in "
                "the library but is left out until its file can be read."
            )
        elif failed:  # one message, however many: the list is in its details
            warnings.append(
                LibraryNotice(
                    f"{len(failed)} sources could not be loaded; they stay in the library but "
                    "are left out until their files can be read.",
                    "\n".join(f"{source_id}: {reason}" for source_id, reason in failed),
                )
            )

    # Reading ----------------------------------------------------------------------------------

    def ids(self) -> list[str]:
        """Return the ids of the sources that can be read, in list order."""
        return [entry.id for entry in self._entries if entry.id in self._sources]

    def entries(self) -> list[LibraryEntry]:
        """Return every entry, including any whose file cannot be read now."""
        return list(self._entries)

    def entry(self, source_id: str) -> LibraryEntry:
        for entry in self._entries:
            if entry.id == source_id:
                return entry
        raise KeyError(f"no source with id {source_id!r} in the library")

    def path_of(self, entry: LibraryEntry) -> Path:
        """Return the file an entry's text is read from."""
        if entry.bundled:
            return self._bundled[entry.id]
        return self._files.path(entry.file or "")

    def source(self, source_id: str) -> Source:
        """Return a source with the user's metadata corrections applied."""
        corrections = {
            name: value or None  # "" empties a field…
            for name, value in self.entry(source_id).overrides
            if value or name != "title"  # …but a source always has a title
        }
        return dataclasses.replace(self._sources[source_id], **corrections)

    def detected(self, source_id: str) -> Source:
        """Return a source as its file has it, before the user's corrections."""
        return self._sources[source_id]

    def source_paths(self) -> list[Path]:
        return [self.path_of(self.entry(source_id)) for source_id in self.ids()]

    def corpus(self) -> Corpus:
        """Return a new Corpus of every readable source, corrections applied."""
        sources = [self.source(source_id) for source_id in self.ids()]
        return Corpus(sources, self.corrections.corrections)

    @property
    def last_pair(self) -> tuple[str, str] | None:
        """The two sources last shown side by side, if both are still in the library."""
        pair = self._last_pair
        return pair if pair and all(i in self._sources for i in pair) else None

    # Adding -----------------------------------------------------------------------------------

    def add(self, paths: Iterable[str | Path]) -> AddResult:
        """Copy files into the library; return the ids added and an error per file refused."""
        added: list[str] = []
        errors: list[tuple[int, SourceError]] = []
        read: list[tuple[int, Path, bytes, Source]] = []
        for position, path in enumerate(map(Path, paths)):
            try:  # read and parsed before taking the lock: that is what takes time
                read.append((position, path, *_read_source(path)))
            except SourceError as exc:
                errors.append((position, exc))
        with self._files.locked():
            self._refresh()  # another window may have added or removed sources meanwhile
            for position, path, data, source in read:
                try:
                    added.append(self._add_one(path, data, source))
                except SourceError as exc:
                    errors.append((position, exc))
            if added:
                try:
                    self._save()
                except LibraryError as exc:
                    errors.extend((len(read), e) for e in self._undo_adds(added, exc))
                    added = []
        return AddResult(added, [error for _, error in sorted(errors, key=lambda e: e[0])])

    def _add_one(self, path: Path, data: bytes, source: Source) -> str:
        twin = self._holder_of(hashlib.sha256(data).hexdigest())
        if twin is not None:
            raise SourceError(path, f"is already in the library (as {twin})", "nothing to do")
        source_id = self._new_id(source_id_for(path))
        source = dataclasses.replace(source, id=source_id)
        try:
            copy = self._files.copy_in(data, f"{source_id}{path.suffix}")
        except OSError as exc:
            raise SourceError(
                path,
                f"could not be copied into the library ({exc.strerror or exc})",
                f"check that {self.folder} is writable and has free space",
            ) from None
        self._sources[source_id] = dataclasses.replace(source, path=self._files.path(copy))
        self._entries.append(
            LibraryEntry(
                source_id,
                bundled=False,
                file=copy,
                original=str(path.absolute()),
                added=datetime.now(UTC).isoformat(timespec="seconds"),
                sha256=source.sha256,
            )
        )
        return source_id

    def _holder_of(self, sha256: str) -> str | None:
        """Return the id of the source whose file has these bytes, if any."""
        for entry in self._entries:
            source = self._sources.get(entry.id)
            if sha256 in (entry.sha256, source.sha256 if source else None):
                return entry.id
        return None

    def _new_id(self, wanted: str) -> str:
        """Return wanted, or wanted-2, wanted-3…: unique even on a case-blind file system."""
        wanted = wanted.lstrip(". ") or "source"  # a copy named ".x" would be a hidden file
        taken = {entry.id.casefold() for entry in self._entries}
        taken |= {source_id.casefold() for source_id in self._bundled}
        taken |= self._files.names_in_use()
        candidate, n = wanted, 1
        while candidate.casefold() in taken:
            n += 1
            candidate = f"{wanted}-{n}"
        return candidate

    def _undo_adds(self, added: list[str], cause: LibraryError) -> list[SourceError]:
        errors = []
        for source_id in added:
            entry = self.entry(source_id)
            self._entries.remove(entry)
            self._files.discard(entry.file or "")
            del self._sources[source_id]
            errors.append(SourceError(entry.original or source_id, "was not added", str(cause)))
        return errors

    # Removing and restoring -------------------------------------------------------------------

    def remove(self, source_id: str) -> RemovedEntry:
        """Take a source out of the list; keep the returned value to undo with `restore`."""
        entry = self.entry(source_id)
        removed = RemovedEntry(entry, self._entries.index(entry), self._sources.get(source_id))
        self._take_out(entry)
        try:
            self._save()
        except LibraryError:
            self._put_back(removed)
            raise
        if entry.bundled:
            return removed
        return dataclasses.replace(removed, trashed=self._files.trash(entry.file or ""))

    def restore(self, removed: RemovedEntry) -> None:
        """Undo a `remove`: the source comes back at its place, with its corrections."""
        entry = removed.entry
        if any(e.id == entry.id for e in self._entries):
            return
        if not entry.bundled and not self._files.untrash(removed.trashed, entry.file or ""):
            raise LibraryError(f"the copy of {entry.id} is no longer in the library")
        self._put_back(removed)
        try:
            self._save()
        except LibraryError:
            self._take_out(entry)
            raise

    def restore_bundled(self) -> list[str]:
        """Bring back the bundled sources that were removed, in their places among the
        others; return their ids."""
        listed = {entry.id for entry in self._entries}
        missing = [source_id for source_id in self._bundled if source_id not in listed]
        for source_id in missing:
            entry = LibraryEntry(source_id, bundled=True)
            with contextlib.suppress(SourceError):  # a broken install: listed, not readable
                self._sources[source_id] = load_source(self.path_of(entry), source_id)
            position = self._bundled_position(source_id)
            self._put_back(RemovedEntry(entry, position, self._sources.get(source_id)))
        try:
            self._save()
        except LibraryError:
            for source_id in missing:
                self._take_out(self.entry(source_id))
            raise
        return missing

    def _bundled_position(self, source_id: str) -> int:
        """Where a bundled source goes back: before the first bundled source after it."""
        order = list(self._bundled)
        for position, entry in enumerate(self._entries):
            if entry.bundled and order.index(entry.id) > order.index(source_id):
                return position
        bundled = [n for n, entry in enumerate(self._entries) if entry.bundled]
        return bundled[-1] + 1 if bundled else 0

    def _take_out(self, entry: LibraryEntry) -> None:
        self._entries.remove(entry)
        self._sources.pop(entry.id, None)
        if entry.bundled:
            self._removed_bundled.add(entry.id)

    def _put_back(self, removed: RemovedEntry) -> None:
        entry = removed.entry
        self._entries.insert(min(removed.position, len(self._entries)), entry)
        if removed.source is not None:
            self._sources[entry.id] = removed.source
        self._removed_bundled.discard(entry.id)

    # Correcting -------------------------------------------------------------------------------

    def update(
        self,
        source_id: str,
        *,
        title: str | _Keep | None = KEEP,
        outlet: str | _Keep | None = KEEP,
        date: str | _Keep | None = KEEP,
        url: str | _Keep | None = KEEP,
    ) -> Source:
        """Correct a source's metadata; return the source as it now reads.

        A string replaces what the file says ("" empties the field, except the title, which
        reverts); None reverts to what the file says; KEEP (the default) leaves it alone.
        """
        entry = self.entry(source_id)
        overrides = dict(entry.overrides)
        for name, value in zip(METADATA_FIELDS, (title, outlet, date, url), strict=True):
            if value is KEEP:
                continue
            text = None if value is None else " ".join(_LONE_SURROGATE.sub("", str(value)).split())
            if text is None or (name == "title" and not text):
                overrides.pop(name, None)
            else:
                overrides[name] = text
        updated = dataclasses.replace(entry, overrides=tuple(sorted(overrides.items())))
        self._replace(entry, updated)
        try:
            self._save()
        except LibraryError:
            self._replace(updated, entry)
            raise
        return self.source(source_id)

    def _replace(self, old: LibraryEntry, new: LibraryEntry) -> None:
        self._entries[self._entries.index(old)] = new

    def set_last_pair(self, left_id: str, right_id: str) -> None:
        """Remember the two sources shown side by side, for the next start."""
        for source_id in (left_id, right_id):
            self.entry(source_id)  # KeyError for an id not in the library
        previous, self._last_pair = self._last_pair, (left_id, right_id)
        try:
            self._save()
        except LibraryError:
            self._last_pair = previous
            raise

    # Saving -----------------------------------------------------------------------------------

    def _save(self) -> None:
        """Write this change onto the state on disk, under the lock; take others' changes."""
        if not self._persist:
            return
        ours = State(tuple(self._entries), frozenset(self._removed_bundled), self._last_pair)
        try:
            with self._files.locked():
                theirs = self._disk_state()
                merged = ours if theirs is None else merge_states(self._base, ours, theirs)
                save_state(self._files.state_path, merged)
        except (OSError, ValueError) as exc:
            reason = getattr(exc, "strerror", None) or exc
            raise LibraryError(
                f"the library could not be saved in {self.folder} ({reason})"
            ) from None
        if merged != ours:
            self._take(merged)
        self._base = merged

    def _disk_state(self) -> State | None:
        try:
            state = load_state(self._files.state_path)
        except StateUnreadable:
            return None  # damaged since it was opened: what this process has replaces it
        return None if state is None else self._normalized(state)

    def _refresh(self) -> None:
        """Take what other processes saved since this one last read or wrote the state."""
        theirs = self._disk_state() if self._persist else None
        if theirs is not None and theirs != self._base:
            self._take(theirs)
            self._base = theirs

    def _take(self, state: State) -> None:
        """Show a state another process wrote: its entries, their sources read once."""
        self._entries = list(state.entries)
        self._removed_bundled = set(state.removed_bundled)
        self._last_pair = state.last_pair
        listed = {entry.id for entry in self._entries}
        for source_id in [i for i in self._sources if i not in listed]:
            del self._sources[source_id]
        self._load_sources([])  # an unreadable one is left out, as at start


class LibraryNotice(str):
    """A warning of `open` that comes with details (the list behind its summary)."""

    details: str

    def __new__(cls, text: str, details: str = "") -> LibraryNotice:
        notice = super().__new__(cls, text)
        notice.details = details
        return notice


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")  # typed text Qt could not encode


def _read_source(path: Path) -> tuple[bytes, Source]:
    """Read a file the user chose once (what is checked is what is copied), and parse it."""
    data = read_bytes(path)
    try:
        return data, source_from_bytes(data, path)  # its errors name the user's file
    except SourceError:
        raise
    except Exception:  # a bug in a reader must cost this one file, not the whole batch
        log.exception("could not read %s", path)
        raise SourceError(
            path, "could not be read (an unexpected error, written to the log)", "check the file"
        ) from None


def _bundled_files(warnings: list[str]) -> dict[str, Path]:
    try:
        return {source_id_for(path): path for path in bundled_sources()}
    except FileNotFoundError as exc:
        warnings.append(f"{exc}.")
        return {}
