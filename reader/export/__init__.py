"""Export the highlighted comparison of two sources to PDF or HTML.

    export_comparison(corpus, left_id, right_id, Path("out.pdf"), "pdf", ExportOptions())

Writes are atomic: the file is written beside its target under a temporary name, then moved
into place, so a failed export never leaves a broken file where a good one was. Problems the
user can fix raise ExportError with one line that says what to do.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from reader.core.corpus import Corpus
from reader.core.errors import ExportError
from reader.export.document import ExportOptions, build

__all__ = ["FORMATS", "ExportOptions", "export_comparison"]

FORMATS = ("pdf", "html")


def export_comparison(
    corpus: Corpus,
    left_id: str,
    right_id: str,
    output: Path,
    fmt: str = "pdf",
    options: ExportOptions | None = None,
) -> int:
    """Write the comparison of two sources; return the number of pages (1 for HTML)."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}; use pdf or html")
    output = Path(output)
    _check_target(output)
    content = build(corpus, left_id, right_id, options or ExportOptions())
    handle, temporary = tempfile.mkstemp(prefix=f".{output.name}.", dir=output.parent)
    os.close(handle)
    try:
        if fmt == "html":
            Path(temporary).write_text(content.html, encoding="utf-8")
            pages = 1
        else:
            from reader.export.pdf import write_pdf

            pages = write_pdf(content, temporary, options or ExportOptions())
        os.replace(temporary, output)
    except OSError as exc:
        raise ExportError(
            f"{output}: cannot be written ({exc.strerror or exc}); choose another folder"
        ) from None
    finally:
        if os.path.exists(temporary):
            os.remove(temporary)
    return pages


def _check_target(output: Path) -> None:
    folder = output.parent
    if output.is_dir():
        raise ExportError(f"{output}: is a folder; give a file name, such as comparison.pdf")
    if not folder.is_dir():
        raise ExportError(f"{output}: the folder {folder} does not exist; create it first")
    if not os.access(folder, os.W_OK):
        raise ExportError(f"{output}: the folder {folder} is not writable; choose another folder")
    if output.exists() and not os.access(output, os.W_OK):
        raise ExportError(f"{output}: the file is read-only; choose another name")
