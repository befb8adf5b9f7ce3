"""`synopsis corrections list|export|import`: a reader's corrections, moved between libraries.

`export FILE` writes the library's corrections to FILE (never over a file of the library or
a source). `import FILE` adds FILE's corrections to the library (FILE is only read); a file
none of whose corrections is for a source in the library is refused. `list` shows each
correction and whether it applies, with the orphans (paragraphs no longer found) in one list.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from reader.core.errors import ExportError

# The engine is imported by the actions that use it: `synopsis --help` does not wait for it.
if TYPE_CHECKING:
    from reader.core.corrections import Correction, Corrections, Orphan
    from reader.core.model import Source
    from reader.library import Library


class CorrectionsInputError(Exception):
    """A corrections file that cannot be imported; the message says why, in one line."""


def add_parser(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = commands.add_parser(
        "corrections",
        help="list, export or import the corrections a reader made by hand",
        description="The labels, links and passages corrected by hand, kept in the library.",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    actions.add_parser("list", help="each correction, and those that no longer find their text")
    export = actions.add_parser("export", help="write the library's corrections to FILE")
    export.add_argument("file", metavar="FILE")
    imported = actions.add_parser("import", help="add the corrections in FILE to the library")
    imported.add_argument("file", metavar="FILE")


def run(parsed: argparse.Namespace) -> int:
    from reader.library import Library

    library, warnings = Library.open()
    for warning in warnings:
        print(f"synopsis: {warning}", file=sys.stderr)
    sources = [library.source(i) for i in library.ids()]
    if parsed.action == "list":
        return _list(library.corrections.corrections, sources)
    if parsed.action == "export":
        return _export(library.corrections.corrections, Path(parsed.file), library)
    return _import(Path(parsed.file), library, sources)


def library_corrections() -> Corrections:
    """The corrections kept in the user's library, for the commands that analyse.

    They apply to a file given on the command line only if it is a source they were made on
    (its bytes, or its name with the paragraphs still found).
    """
    from reader.correctionstore import CorrectionStore
    from reader.library import default_data_dir

    store, warnings = CorrectionStore.open(default_data_dir())
    for warning in warnings:
        print(f"synopsis: {warning}", file=sys.stderr)
    return store.corrections


def _list(corrections: Corrections, sources: list[Source]) -> int:
    from reader.cli import printable
    from reader.core.corrections import describe, place

    placement = place(corrections, sources)
    orphaned = {id(o.correction): o for o in placement.orphans}
    present = {s.sha256 for s in sources} | {s.id for s in sources}
    for correction in corrections:
        orphan = orphaned.get(id(correction))
        status = _status(correction, orphan, present)
        print(f"{status:10} {printable(describe(correction))}")  # source text
    print(f"{len(corrections)} correction(s), {len(placement.orphans)} orphaned", file=sys.stderr)
    return 0


def _status(correction: Correction, orphan: Orphan | None, present: set[str]) -> str:
    if orphan is not None:
        return "orphaned"
    if all(side.sha256 in present or side.source_id in present for side in correction.sides):
        return "applies"
    return "dormant"  # its source is not in the library now


def _export(corrections: Corrections, target: Path, library: Library) -> int:
    from reader.correctionstore import write_corrections
    from reader.export import export_target

    protected = {library.folder.resolve()}
    protected |= {Path(e.original).resolve() for e in library.entries() if e.original}
    protected |= {p.resolve() for p in library.source_paths()}
    # As an export: through a link to its target; never a folder, a device, a pipe, nor a
    # source by another name (a hard link).
    resolved = export_target(target, None, protected, example="corrections.json")
    if resolved in protected or library.folder.resolve() in resolved.parents:
        raise ExportError(f"{target}: is a file of the library or a source; choose another name")
    try:
        write_corrections(resolved, corrections)
    except OSError as exc:
        raise ExportError(f"{target}: could not be written ({exc.strerror or exc})") from None
    print(f"wrote {len(corrections)} correction(s) to {target}", file=sys.stderr)
    return 0


def _import(path: Path, library: Library, sources: list[Source]) -> int:
    from reader.core.corrections import Corrections, place
    from reader.correctionstore import CorrectionsError, read_corrections

    try:
        incoming = read_corrections(path)
    except OSError as exc:
        raise CorrectionsInputError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    except ValueError as exc:
        raise CorrectionsInputError(f"{path}: cannot be imported ({exc})") from None
    # For a source in the library: its very bytes, or (a re-saved page) its id with the
    # paragraphs still found in it. An id alone says nothing: another machine's "article"
    # may be another article.
    known = {s.sha256 for s in sources}
    placed = place(incoming, sources).keys
    matching = [c for c in incoming if c.key() in placed or all(s.sha256 in known for s in c.sides)]
    if not matching:
        raise CorrectionsInputError(
            f"{path}: none of its {len(incoming)} correction(s) is for a source in the library; "
            "add the sources first"
        )
    try:
        library.corrections.save(library.corrections.corrections.merged(incoming))
    except CorrectionsError as exc:
        raise ExportError(str(exc)) from None
    orphans = place(Corrections(tuple(matching)), sources).orphans
    print(
        f"imported {len(incoming)} correction(s), {len(matching)} for sources in the library"
        + (
            f", {len(orphans)} of them orphaned (see `synopsis corrections list`)"
            if orphans
            else ""
        ),
        file=sys.stderr,
    )
    return 0
