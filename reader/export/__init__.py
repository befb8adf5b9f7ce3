"""Export the highlighted comparison of two sources to PDF or HTML.

    export_comparison(corpus, left_id, right_id, Path("out.pdf"), "pdf", ExportOptions())

The whole file is made in memory and checked (a PDF must end with its end-of-file marker),
then written all or nothing by reader.safefile: a failed export, a full disk included, never
leaves a broken file where a good one was, nor a temporary file beside it. Leftovers of an
export that was killed are cleared by the next export to the same folder. The output may be a
new file or an existing regular file (a symbolic link is written through, to its target);
never a folder, a device or a pipe, and never one of the files being compared. Problems the
user can fix raise ExportError with one line that says what to do.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path

from reader.core.corpus import Corpus
from reader.core.errors import ExportError
from reader.export.document import ExportOptions, build
from reader.safefile import remove_stale_temporaries, replace_file

__all__ = ["FORMATS", "ExportOptions", "export_comparison", "export_target"]

FORMATS = ("pdf", "html")


def export_comparison(
    corpus: Corpus,
    left_id: str,
    right_id: str,
    output: Path,
    fmt: str = "pdf",
    options: ExportOptions | None = None,
    protected: Iterable[str | Path] = (),
) -> int:
    """Write the comparison of two sources; return the number of pages (1 for HTML).

    `protected` names more files never to write: the originals of a library's copies.
    """
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}; use pdf or html")
    output = Path(output)
    target = export_target(output, corpus, protected)
    remove_stale_temporaries(target.parent, target.name)
    content = build(corpus, left_id, right_id, options or ExportOptions())
    if fmt == "html":
        data, pages = content.html.encode("utf-8"), 1
    else:
        from reader.export.pdf import render_pdf

        data, pages = render_pdf(content, options or ExportOptions())
        if not data.startswith(b"%PDF-") or not data.rstrip().endswith(b"%%EOF"):
            raise ExportError(f"{output}: the PDF could not be made; nothing was written")
    try:
        replace_file(target, data)
    except OSError as exc:
        raise ExportError(
            f"{output}: cannot be written ({exc.strerror or exc}); nothing was changed; "
            "free some space or choose another folder"
        ) from None
    return pages


def export_target(
    output: Path,
    corpus: Corpus | None = None,
    protected: Iterable[str | Path] = (),
    example: str = "comparison.pdf",
) -> Path:
    """Return the file an export to `output` writes (a link's target), or raise ExportError.

    `example` is the file name the message for a folder suggests."""
    target = Path(os.path.realpath(output))
    folder = target.parent
    try:
        status = os.stat(target)
    except FileNotFoundError:
        status = None
    except OSError as exc:
        raise ExportError(f"{output}: cannot be used ({exc.strerror or exc})") from None
    if status is not None and stat.S_ISDIR(status.st_mode):
        raise ExportError(f"{output}: is a folder; give a file name, such as {example}")
    if status is not None and not stat.S_ISREG(status.st_mode):
        raise ExportError(
            f"{output}: is not a regular file (a device, a pipe or a socket); "
            "give the name of a new file"
        )
    if not folder.is_dir():
        raise ExportError(f"{output}: the folder {folder} does not exist; create it first")
    if not os.access(folder, os.W_OK):
        raise ExportError(f"{output}: the folder {folder} is not writable; choose another folder")
    if status is not None and not os.access(target, os.W_OK):
        raise ExportError(f"{output}: the file is read-only; choose another name")
    if status is not None:
        inputs = [s.path for s in corpus.sources if s.path] if corpus is not None else []
        _refuse_an_input(output, target, [*inputs, *map(Path, protected)])
    return target


def _refuse_an_input(output: Path, target: Path, inputs: list[Path]) -> None:
    """A file being compared is never overwritten (by its name, a link or a hard link)."""
    for path in inputs:
        try:
            same = os.path.samefile(path, target)
        except OSError:
            same = False
        if same:
            raise ExportError(
                f"{output}: is one of the sources being compared ({path.name}); "
                "choose another name for the export"
            )
