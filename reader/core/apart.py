"""The sources' textual evidence (reader.core.textual) read in a second process.

On a long corpus, reading what each paragraph's own words show is more than half of
labelling, and it needs nothing the links give. So while this process indexes the sources
and links their sentences, a second Python reads the same texts on the other core and
sends back what it found: on the 1 MB New Testament pair, about a second taken off the
analysis.

The second process is a fresh interpreter (`python -I -c …`, running this module's `main`),
never a fork: the window runs Qt's threads, which a forked child would not have. It is given
the texts (not the files, which may have changed since), in a temporary file as its input,
and it answers in a file of a folder of its own (not on its output, where whatever the
interpreter's start-up prints would come first): one pickled frame per source, each headed
by its length. Whatever goes wrong there (no second core, no interpreter to start, a child
that stops or answers nonsense) costs nothing but the time: the evidence is then read in
this process, as before.
"""

from __future__ import annotations

import logging
import pickle
import shutil
import struct
import subprocess
import sys
import tempfile
import weakref
from collections.abc import Sequence
from pathlib import Path
from typing import IO

from reader.core.machine import SECOND_PROCESS_FROM, cores
from reader.core.model import Source
from reader.core.textual import Textual, read_texts

log = logging.getLogger(__name__)

_HEADER = struct.Struct("<Q")  # the length in bytes of the frame after it
_ANSWER = "answer"  # the file, in a folder of its own, the second process answers in
_Texts = list[tuple[str, list[str]]]  # each source's language and paragraph texts


class Reading:
    """The textual evidence of some sources, being read in a second process."""

    def __init__(
        self, sources: Sequence[Source], child: subprocess.Popen[bytes], folder: Path
    ) -> None:
        self._counts = [len(s.paragraphs) for s in sources]
        self._child: subprocess.Popen[bytes] | None = child
        self._answer = folder / _ANSWER
        # However the work that asked for it ends (cancelled, failed, dropped), the child
        # is stopped and waited for, and its folder removed, when this is let go of.
        self._finalizer = weakref.finalize(self, _stop, child, folder)

    def result(self) -> list[Textual] | None:
        """Wait for the child's answer: each source's Textual, or None if it failed."""
        child, self._child = self._child, None
        if child is None:
            return None
        try:
            code = child.wait()
            if code != 0:
                log.debug("the second process ended with %s: reading here", code)
                return None
            with self._answer.open("rb") as answer:
                return [_textual(_read_frame(answer), n) for n in self._counts]
        except Exception as error:  # no answer, or one that cannot be read
            log.debug("the second process gave no reading (%r): reading here", error)
            return None
        finally:
            self._finalizer()  # stopped if still running (also on Ctrl+C), folder removed

    def close(self) -> None:
        """Stop the child if it still runs (an analysis cancelled)."""
        self._child = None
        self._finalizer()


def read_apart(sources: Sequence[Source]) -> Reading | None:
    """Start reading the sources' textual evidence in a second process; None where it
    would not pay (one core, a short corpus) or cannot start."""
    if characters(sources) < SECOND_PROCESS_FROM or cores() < 2 or not _interpreter():
        return None
    texts: _Texts = [(s.language, [p.text for p in s.paragraphs]) for s in sources]
    folder: Path | None = None
    try:
        folder = Path(tempfile.mkdtemp(prefix="synopsis-"))
        with tempfile.TemporaryFile() as given:
            _write_frame(given, texts)
            given.seek(0)
            child = subprocess.Popen(
                [_interpreter(), "-I", "-c", _START, repr(sys.path), str(folder / _ANSWER)],
                stdin=given,
                stdout=subprocess.DEVNULL,  # what start-up prints (a .pth file) is no answer
                stderr=subprocess.DEVNULL,
                creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),  # Windows: no console
            )
    except (OSError, ValueError) as error:
        log.debug("no second process (%s): reading here", error)
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)
        return None
    return Reading(sources, child, folder)


def characters(sources: Sequence[Source]) -> int:
    """How many characters the sources' paragraphs hold."""
    return sum(len(p.text) for s in sources for p in s.paragraphs)


# The second process finds its modules where this one does, and only there: isolated (-I)
# from the environment and the working directory, so that no other copy of the package
# (a checkout in the folder it is started from, say) answers for this one.
_START = (
    "import ast, sys; sys.path[:] = ast.literal_eval(sys.argv[1]); "
    f"from {__name__} import main; sys.exit(main())"
)


def _interpreter() -> str:
    """The Python to start, or "" where there is none to start this way (an application
    frozen into one executable starts itself, not Python)."""
    return "" if getattr(sys, "frozen", False) else (sys.executable or "")


def _stop(child: subprocess.Popen[bytes], folder: Path) -> None:
    """Stop a child if it still runs, wait for it, and remove its folder."""
    if child.poll() is None:
        child.kill()
        child.wait()
    shutil.rmtree(folder, ignore_errors=True)


def _write_frame(out: IO[bytes], value: object) -> None:
    data = pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
    out.write(_HEADER.pack(len(data)))
    out.write(data)
    out.flush()


def _read_frame(stream: IO[bytes]) -> object:
    size = _HEADER.unpack(_read_exactly(stream, _HEADER.size))[0]
    return pickle.loads(_read_exactly(stream, size))


def _textual(value: object, paragraphs: int) -> Textual:
    """The child's answer for a source of so many paragraphs, checked."""
    if not isinstance(value, Textual) or not (
        len(value.cues) == len(value.furniture) == len(value.speech) == paragraphs
    ):
        raise ValueError("an answer that does not fit its source")
    return value


def _read_exactly(stream: IO[bytes], size: int) -> bytes:
    data = stream.read(size)
    if len(data) != size:
        raise EOFError(f"{len(data)} of {size} bytes")
    return data


def main() -> int:
    """In the second process: read the texts given, answer with one frame per source."""
    texts: _Texts = _read_frame(sys.stdin.buffer)  # type: ignore[assignment]
    found = [read_texts(paragraphs, language) for language, paragraphs in texts]
    answer = Path(sys.argv[-1])
    part = answer.with_suffix(".part")
    with part.open("wb") as out:
        for textual in found:
            _write_frame(out, textual)
    part.replace(answer)  # whole or not at all
    return 0


if __name__ == "__main__":
    sys.exit(main())
