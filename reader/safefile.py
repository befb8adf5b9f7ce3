"""Replace a file's contents all or nothing, and clear what an interrupted write left.

The bytes go to a hidden temporary file beside the target (same folder, hence the same file
system, so the final rename is atomic), written with os.write until every byte is taken,
flushed to the disk with fsync, checked for size, and only then renamed over the target. A
full disk, a quota or a file-size limit makes a write fail there, and the target is left as it
was. The temporary file's name carries the writing process's id, so a later run can tell the
leftovers of a killed process from the file another process is still writing.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import stat
import time
from pathlib import Path

_TAG = "synopsis"
# A leftover whose process may still be alive (pid reused) is still removed after this long:
# no write of Synopsis takes an hour.
STALE_SECONDS = 3600


def temporary_name(target: Path) -> Path:
    return target.with_name(f".{target.name}.{_TAG}-{os.getpid()}-{secrets.token_hex(4)}.tmp")


def replace_file(target: Path, data: bytes) -> None:
    """Make target hold exactly data, or raise OSError and leave it as it was."""
    temporary = temporary_name(target)
    mode = _mode_for(target)
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    try:
        try:
            _write_all(descriptor, data)
            os.fsync(descriptor)
            if os.fstat(descriptor).st_size != len(data):
                raise OSError(f"only {os.fstat(descriptor).st_size} of {len(data)} bytes written")
        finally:
            os.close(descriptor)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    _sync_folder(target.parent)


def _write_all(descriptor: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(descriptor, view[: 1 << 20])
        if written <= 0:  # never for a regular file, but a loop must not spin
            raise OSError("the file system took no bytes")
        view = view[written:]


def _mode_for(target: Path) -> int:
    """Keep an existing file's permissions; a new one gets the usual (umask applies)."""
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        return 0o666


def _sync_folder(folder: Path) -> None:
    # The rename itself reaches the disk only once the folder is synced (POSIX).
    with contextlib.suppress(OSError, AttributeError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def remove_stale_temporaries(folder: Path, name: str | None = None) -> int:
    """Delete the temporary files that killed writes left in folder (for one target name, or
    all); return how many went. A file whose writer is still running is left alone."""
    prefix = re.escape(f".{name}.") if name is not None else r"\..+\."
    pattern = re.compile(rf"{prefix}{_TAG}-(\d+)-[0-9a-f]+\.tmp")
    removed = 0
    try:
        candidates = list(folder.iterdir())
    except OSError:
        return 0
    for path in candidates:
        match = pattern.fullmatch(path.name)
        if match and _abandoned(path, int(match.group(1))):
            with contextlib.suppress(OSError):
                path.unlink()
                removed += 1
    return removed


def _abandoned(path: Path, pid: int) -> bool:
    try:
        if time.time() - path.stat().st_mtime > STALE_SECONDS:
            return True
    except OSError:
        return False
    if pid == os.getpid() or os.name != "posix":  # elsewhere signal 0 is not a probe
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:  # alive, under another user
        return False
    return False
