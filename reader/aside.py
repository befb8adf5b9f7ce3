"""Text made in a forked child process while this process goes on with other work.

`compare --json` needs two things of a pair that do not depend on each other once the
sentence links are found: the paragraphs' labels, and the rows' diffs. On a long pair each
takes seconds of one core. With fork, a child diffs the rows while the parent labels; the
child inherits the corpus as it stands, so nothing is copied or sent but the text it makes.

Only on Linux: elsewhere fork is missing (Windows) or unsafe once system libraries have
started threads (macOS), and the text is made in this process, when asked, as before.
"""

from __future__ import annotations

import codecs
import logging
import os
import struct
import sys
from collections.abc import Callable, Iterable, Iterator

from reader.core.machine import cores

log = logging.getLogger(__name__)

_HEADER = struct.Struct("<Q")  # the length of the text in bytes, sent before it
_CHUNK = 1 << 16  # bytes read, and text handed on, at a time


def forkable() -> bool:
    """Whether a child may be forked here: on Linux, with a second core, and never in a
    process that has loaded Qt (the window), whose threads a forked child would not have."""
    return sys.platform.startswith("linux") and cores() >= 2 and "PySide6.QtCore" not in sys.modules


class ChildFailed(RuntimeError):
    """The child process stopped part way through sending its text."""


def aside(make: Callable[[], Iterable[str]]) -> Callable[[], Iterator[str]]:
    """Start making text in a child process; return a function that yields it in pieces.

    Where no child can be started (no fork here, one core, fork refused), or the child
    fails before it sends anything, the text is made in this process when it is read.
    """
    if not forkable():
        return lambda: iter(make())
    sys.stdout.flush()
    sys.stderr.flush()
    read_end, write_end = os.pipe()
    try:
        pid = os.fork()
    except OSError as error:
        log.debug("no child process (%s): the text is made here", error)
        os.close(read_end)
        os.close(write_end)
        return lambda: iter(make())
    if pid == 0:  # the child: never returns
        os.close(read_end)
        _make_and_send(make, write_end)
    os.close(write_end)
    return lambda: _received(pid, read_end, make)


def _make_and_send(make: Callable[[], Iterable[str]], fd: int) -> None:
    """In the child: make the whole text first (so the parent never reads half of one that
    failed), send its length then its bytes, and leave without running the parent's exit
    handlers or flushing the parent's buffers a second time."""
    code = 1
    try:
        # Let go of the parent's input and output: a reader of the parent's output (a pipe
        # into another program) sees its end when the parent ends, not when the child does.
        with open(os.devnull, "r+b") as null:
            os.dup2(null.fileno(), 0)
            os.dup2(null.fileno(), 1)
        data = "".join(make()).encode("utf-8")
        with open(fd, "wb") as out:
            out.write(_HEADER.pack(len(data)))
            out.write(data)
        code = 0
    except BaseException as error:  # the parent makes the text itself
        log.debug("the child process failed: %r", error)
    finally:
        os._exit(code)


def _received(pid: int, fd: int, make: Callable[[], Iterable[str]]) -> Iterator[str]:
    with open(fd, "rb") as raw:
        header = raw.read(_HEADER.size)
        if len(header) < _HEADER.size:  # the child sent nothing: make the text here
            _wait(pid)
            yield from make()
            return
        (size,) = _HEADER.unpack(header)
        decoder = codecs.getincrementaldecoder("utf-8")()
        got = 0
        while chunk := raw.read(_CHUNK):
            got += len(chunk)
            yield decoder.decode(chunk)
        yield decoder.decode(b"", final=True)
    if not _wait(pid) or got != size:
        raise ChildFailed(
            f"the process diffing the rows stopped after {got} of {size} bytes; "
            "run again without --parallel"
        )


def _wait(pid: int) -> bool:
    """Wait for the child; whether it ended well."""
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status) == 0
