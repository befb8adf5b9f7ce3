"""Where a reader's corrections are kept: their own file in the library folder. Qt-free.

    corrections.json     the corrections (reader.core.corrections), beside library.json

Apart from the sources (which are never written) and from the library's state, so that a
damaged state loses no correction and the reverse. Written atomically like the state file; a
file that cannot be used is kept aside with a timestamp in its name and the caller is told
once, and the library starts with no corrections rather than not at all.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from reader.core.corrections import Corrections
from reader.libraryfolder import LibraryFolder
from reader.statefile import set_aside as _set_aside
from reader.statefile import write_atomically

log = logging.getLogger(__name__)

CORRECTIONS_FILE = "corrections.json"


class CorrectionsError(Exception):
    """The corrections could not be saved; what was saved before is unchanged."""


class CorrectionStore:
    def __init__(self, folder: Path) -> None:
        """Use `CorrectionStore.open`; this holds no corrections and reads nothing."""
        self.path = folder / CORRECTIONS_FILE
        self.corrections = Corrections()
        self._persist = True

    @classmethod
    def open(cls, folder: Path) -> tuple[CorrectionStore, list[str]]:
        """Read the corrections kept in a library folder; never raises, returns warnings."""
        store = cls(folder)
        warnings: list[str] = []
        try:
            store.corrections = read_corrections(store.path)
        except (FileNotFoundError, NotADirectoryError):
            pass  # none yet (or no folder, which the library reports)
        except (OSError, ValueError) as exc:
            warnings.append(store._set_aside(_reason(exc)))
        return store, warnings

    def _set_aside(self, reason: str) -> str:
        try:
            kept = _set_aside(self.path)
        except OSError as exc:
            self._persist = False  # never overwrite what could not be kept aside
            return (
                f"The corrections file {self.path} could not be used ({reason}) nor moved aside "
                f"({exc.strerror or exc}); corrections will not be saved this session."
            )
        log.info("corrections unusable (%s); kept as %s", reason, kept)
        return (
            f"The corrections file could not be used ({reason}); it was kept as {kept}. "
            "Synopsis starts with no corrections."
        )

    def save(self, corrections: Corrections) -> None:
        """Keep a new set of corrections, all or nothing; CorrectionsError if impossible.

        What changed since this store last read or saved is applied, under the library's
        lock, to the file as it is on disk then: corrections another window or the command
        line kept meanwhile survive (they show on the next load).
        """
        if self._persist:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                with LibraryFolder(self.path.parent).locked():
                    merged = _rebased(self._on_disk(), self.corrections, corrections)
                    write_corrections(self.path, merged)
            except OSError as exc:
                raise CorrectionsError(
                    f"the corrections could not be saved in {self.path.parent} "
                    f"({exc.strerror or exc})"
                ) from None
        self.corrections = corrections

    def _on_disk(self) -> Corrections:
        try:
            return read_corrections(self.path)
        except FileNotFoundError:
            return Corrections()
        except ValueError:  # damaged meanwhile: what this store knows replaces it
            return self.corrections


def _rebased(on_disk: Corrections, base: Corrections, wanted: Corrections) -> Corrections:
    """Apply the change from `base` to `wanted` onto `on_disk`."""
    removed = {c.key() for c in base if c not in wanted.items}
    result = on_disk
    for key in removed:
        result = result.without(key)
    return result.merged(c for c in wanted if c not in base.items)


def read_corrections(path: Path) -> Corrections:
    """Read a corrections file; OSError if unreadable, ValueError (with why) if unusable."""
    raw = path.read_bytes()
    try:
        data = json.loads(raw.decode("utf-8"))
    except (ValueError, RecursionError):  # bad JSON or UTF-8, a 5,000-digit number, nesting
        raise ValueError("it is damaged") from None
    corrections = Corrections.from_json(data)
    try:
        _encoded(corrections)  # a lone surrogate would load, then break every later save
    except UnicodeEncodeError:
        raise ValueError("it is damaged") from None
    return corrections


def write_corrections(path: Path, corrections: Corrections) -> None:
    write_atomically(path, _encoded(corrections))


def _encoded(corrections: Corrections) -> bytes:
    text = json.dumps(corrections.to_json(), ensure_ascii=False, indent=1) + "\n"
    return text.encode("utf-8")


def _reason(exc: Exception) -> str:
    if isinstance(exc, OSError):
        return f"it cannot be read ({exc.strerror or exc})"
    return str(exc)
