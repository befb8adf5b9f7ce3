"""The library's state file: written atomically, read back without ever stopping the app.

A write goes to a temporary file in the same folder, is flushed to disk, then renamed over the
old file (os.replace is atomic), so a crash or a full disk leaves the old state or the new one,
never half of each. A state file that cannot be read or makes no sense is renamed aside with a
timestamp in its name, so nothing the user had is destroyed, and the caller is told once.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from reader.safefile import remove_stale_temporaries, replace_file

log = logging.getLogger(__name__)

STATE_FORMAT = 1
METADATA_FIELDS = ("title", "outlet", "date", "url")


@dataclass(frozen=True)
class LibraryEntry:
    """A source of the library: where its text is and what the user corrected."""

    id: str
    bundled: bool
    file: str | None = None  # the copy, relative to the library folder; None when bundled
    original: str | None = None  # where an imported file was copied from; never read again
    added: str | None = None  # when it was imported (ISO 8601, UTC)
    sha256: str | None = None  # of the imported file's bytes
    overrides: tuple[tuple[str, str], ...] = ()  # (field, value) pairs the user typed

    def override(self, name: str) -> str | None:
        return dict(self.overrides).get(name)


@dataclass(frozen=True)
class State:
    entries: tuple[LibraryEntry, ...] = ()
    removed_bundled: frozenset[str] = frozenset()
    last_pair: tuple[str, str] | None = None


class StateUnreadable(Exception):
    """The state file exists but cannot be used; the message says why."""


def write_atomically(path: Path, data: bytes) -> None:
    """Replace path's contents with data, all or nothing."""
    replace_file(path, data)


def remove_leftovers(folder: Path) -> None:
    """Delete temporary files that interrupted writes left behind (not those being written)."""
    remove_stale_temporaries(folder)


def save_state(path: Path, state: State) -> None:
    data = {
        "format": STATE_FORMAT,
        "entries": [_entry_json(entry) for entry in state.entries],
        "removed_bundled": sorted(state.removed_bundled),
        "last_pair": list(state.last_pair) if state.last_pair else None,
    }
    text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    write_atomically(path, text.encode("utf-8"))


def _entry_json(entry: LibraryEntry) -> dict[str, Any]:
    data: dict[str, Any] = {"id": entry.id, "bundled": entry.bundled}
    for name in ("file", "original", "added", "sha256"):
        if getattr(entry, name) is not None:
            data[name] = getattr(entry, name)
    data["overrides"] = dict(entry.overrides)
    return data


def load_state(path: Path) -> State | None:
    """Return the saved state, None when there is none yet, or raise StateUnreadable."""
    try:
        raw = path.read_bytes()
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as exc:
        raise StateUnreadable(f"it cannot be read ({exc.strerror or exc})") from None
    try:
        data = json.loads(raw.decode("utf-8"))
        # A lone surrogate ("\\ud800") decodes but could never be written back.
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except (ValueError, RecursionError):  # bad JSON or UTF-8, a 5,000-digit number, nesting
        raise StateUnreadable("it is damaged") from None
    return parse_state(data)


def parse_state(data: Any) -> State:
    """Check the structure of a decoded state file and return it, or raise StateUnreadable."""
    if not isinstance(data, dict):
        raise StateUnreadable("it is damaged")
    version = data.get("format")
    if isinstance(version, int) and version > STATE_FORMAT:
        raise StateUnreadable("it was written by a newer version of Synopsis")
    if version != STATE_FORMAT:
        raise StateUnreadable("it is damaged")
    try:
        entries = tuple(_parse_entry(item) for item in data["entries"])
        removed = frozenset(_strings(data.get("removed_bundled", [])))
        pair = data.get("last_pair")
        last_pair = None if pair is None else _pair(pair)
    except (KeyError, TypeError, ValueError):
        raise StateUnreadable("it is damaged") from None
    if len({entry.id for entry in entries}) != len(entries):
        raise StateUnreadable("it lists a source twice")
    return State(entries, removed, last_pair)


def _parse_entry(item: Any) -> LibraryEntry:
    if not isinstance(item, dict) or not isinstance(item.get("id"), str) or not item["id"]:
        raise ValueError("entry without an id")
    bundled = item.get("bundled")
    if not isinstance(bundled, bool):
        raise ValueError("entry without a kind")
    optional = {name: item.get(name) for name in ("file", "original", "added", "sha256")}
    if any(value is not None and not isinstance(value, str) for value in optional.values()):
        raise ValueError("entry with a field of the wrong type")
    if not bundled and not _is_inside_library(optional["file"]):
        raise ValueError("imported entry without a file in the library")
    overrides = item.get("overrides", {})
    if not isinstance(overrides, dict) or not all(
        key in METADATA_FIELDS and isinstance(value, str) for key, value in overrides.items()
    ):
        raise ValueError("entry with malformed metadata")
    return LibraryEntry(item["id"], bundled, overrides=tuple(sorted(overrides.items())), **optional)


def _is_inside_library(file: str | None) -> bool:
    # A state file edited by hand must not point the library at files outside its folder.
    if not file:
        return False
    relative = Path(file)
    return not relative.is_absolute() and ".." not in relative.parts


def _strings(values: Any) -> list[str]:
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise ValueError("expected a list of strings")
    return values


def _pair(value: Any) -> tuple[str, str]:
    items = _strings(value)
    if len(items) != 2:
        raise ValueError("expected two ids")
    return items[0], items[1]


def set_aside(path: Path) -> Path:
    """Rename an unusable state file to a free name with the time in it; return the new path."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    for attempt in range(1, 100):
        suffix = "" if attempt == 1 else f"-{attempt}"
        target = path.with_name(f"{path.stem}.unreadable-{stamp}{suffix}{path.suffix}")
        if not target.exists():
            os.replace(path, target)
            return target
    raise FileExistsError(f"no free name to keep {path.name} aside")


def merge_states(base: State, ours: State, theirs: State) -> State:
    """Apply what changed from base to ours onto theirs (the state another process saved).

    Entries we added come in after their neighbour in ours, entries we removed go, entries we
    changed replace theirs; everything else is theirs. So two windows on one library keep
    each other's additions, removals and corrections.
    """
    before = {entry.id: entry for entry in base.entries}
    mine = {entry.id: entry for entry in ours.entries}
    merged = [entry for entry in theirs.entries if not _removed_by_us(entry.id, before, mine)]
    for position, entry in enumerate(ours.entries):
        known = {e.id: n for n, e in enumerate(merged)}
        if entry.id in known:
            if before.get(entry.id) != entry:  # changed here (or added on both sides)
                merged[known[entry.id]] = entry
        elif entry.id not in before:  # added here: after the entry it follows in ours
            follows = [known[e.id] for e in ours.entries[:position] if e.id in known]
            merged.insert(max(follows) + 1 if follows else 0, entry)
    removed = (theirs.removed_bundled | (ours.removed_bundled - base.removed_bundled)) - (
        base.removed_bundled - ours.removed_bundled
    )
    pair = ours.last_pair if ours.last_pair != base.last_pair else theirs.last_pair
    return replace(theirs, entries=tuple(merged), removed_bundled=removed, last_pair=pair)


def _removed_by_us(source_id: str, before: dict, mine: dict) -> bool:
    return source_id in before and source_id not in mine
