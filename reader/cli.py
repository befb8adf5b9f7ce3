"""Command line: `synopsis [A B]` opens the window; `analyze`, `compare`, `map`, `export` report.

Errors a user can cause (a missing, empty, binary or undecodable file; an unwritable output)
print one line on stderr that says what is wrong and what to do, and exit non-zero; they never
print a traceback.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from reader import APP_NAME, corrections_cli
from reader.aside import ChildFailed
from reader.core.collect import no_collection
from reader.core.errors import ExportError, SourceError
from reader.corrections_cli import CorrectionsInputError
from reader.paths import bundled_sources

if TYPE_CHECKING:
    from reader.core.corpus import Corpus

# The engine (numpy, the models) is imported by the commands that use it, once the
# arguments are parsed, so that help and usage errors do not wait for it.

COMMANDS = ("analyze", "compare", "map", "export", "corrections")
EXIT_INPUT = 2  # unusable input: a file that cannot be read as a source, bad arguments
EXIT_OUTPUT = 1  # the output could not be written


class UsageError(Exception):
    """A command line that cannot be carried out as given."""


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if args and args[0] in COMMANDS:
            with no_collection():
                return _run_command(args)
        if args and args[0] in ("-h", "--help", "--version"):
            return _run_command(args)
        return _open_window(args)
    except (SourceError, UsageError, CorrectionsInputError) as exc:
        return _fail(str(exc), EXIT_INPUT)
    except ExportError as exc:
        return _fail(str(exc), EXIT_OUTPUT)
    except ChildFailed as exc:
        return _fail(str(exc), EXIT_OUTPUT)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # output piped into `head`: nothing to report
        return 0


def _fail(message: str, code: int) -> int:
    print(f"synopsis: error: {printable(message)}", file=sys.stderr)
    return code


# Characters a terminal acts on rather than shows: controls (escape sequences, line breaks),
# Unicode line separators and the bidirectional overrides that reorder what follows.
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """Return text with what a terminal would act on spelled out as Python escapes: a file
    named "a", newline, "b" prints as `a\\nb`, on the one line of its message."""
    return _UNPRINTABLE.sub(lambda match: repr(match.group())[1:-1], text)


class _Parser(argparse.ArgumentParser):
    """argparse, with its errors as the one line every other error is."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see {self.prog} --help)")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="synopsis",
        description=f"{APP_NAME}: compare how several sources reproduce one statement. "
        "With no command, open the window (on two files if given).",
    )
    parser.add_argument("--version", action=_Version, nargs=0, help="print the version and exit")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    analyze = commands.add_parser("analyze", help="label every paragraph and find the passages")
    analyze.add_argument("paths", nargs="*", metavar="PATH", help="sources (default: bundled)")
    _add_common(analyze)

    compare = commands.add_parser(
        "compare",
        help="align two sources row by row, with diffs",
        description="Align two sources row by row. Either may be the word 'statement': the "
        "statement reconstructed from all the sources given (add them with --with).",
    )
    compare.add_argument("left", metavar="LEFT")
    compare.add_argument("right", metavar="RIGHT")
    _add_common(compare)
    compare.add_argument(
        "--parallel",
        action="store_true",
        help="with --json, on Linux: diff a long pair's rows in a second process while this one "
        "labels (on two cores about a quarter faster, with about 40%% more memory)",
    )

    statement = commands.add_parser("map", help="the statement's passages and who carries them")
    statement.add_argument("paths", nargs="*", metavar="PATH", help="sources (default: bundled)")
    _add_common(statement)

    export = commands.add_parser("export", help="write the comparison of two sources to a file")
    export.add_argument("left", metavar="LEFT")
    export.add_argument("right", metavar="RIGHT")
    export.add_argument("-o", "--output", required=True, metavar="OUT", help="file to write")
    export.add_argument("--format", choices=("pdf", "html"), help="default: from OUT's suffix")
    export.add_argument("--paper", choices=("a4", "letter"), default="a4")
    export.add_argument("--landscape", action="store_true", help="landscape pages")
    export.add_argument("--skip-boilerplate", action="store_true", help="leave page furniture out")
    export.add_argument(
        "--with",
        dest="context",
        nargs="+",
        default=[],
        metavar="PATH",
        help="context sources: analysed, not shown",
    )
    _add_alone(export)
    _add_no_corrections(export)
    export.add_argument(
        "--language",
        choices=("en", "fr"),
        default="en",
        help="the language of the export's own words (default: en)",
    )
    corrections_cli.add_parser(commands)
    return parser


class _Version(argparse.Action):
    """Print the version; read from the package metadata only when asked for."""

    def __call__(self, parser: argparse.ArgumentParser, *_: object, **__: object) -> None:
        from reader import __version__

        print(f"{APP_NAME} {__version__}")
        parser.exit()


def _add_common(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--with",
        dest="context",
        nargs="+",
        default=[],
        metavar="PATH",
        help="context sources: analysed, not printed",
    )
    _add_alone(command)
    _add_no_corrections(command)
    command.add_argument("--json", action="store_true", help="print JSON (see DESIGN.md)")


def _add_no_corrections(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--no-corrections",
        action="store_true",
        help="leave the corrections made by hand aside: the engine's own labels and links",
    )


def _add_alone(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--alone",
        action="store_true",
        help="analyse only the sources named (by default, sources named by a bundled id are "
        "analysed with all the other bundled sources, as in the window)",
    )


def _run_command(args: list[str]) -> int:
    parsed = _parser().parse_args(args)
    if parsed.command is None:
        return 0
    if parsed.command == "corrections":
        return corrections_cli.run(parsed)
    if parsed.command in ("analyze", "map"):
        paths = [resolve_path(p) for p in parsed.paths] or bundled_sources()
        context = context_paths(parsed, parsed.paths, paths)
        corpus, printed = load_corpus(paths, context, not parsed.no_corrections)
        _warn_orphans(corpus)
        if parsed.command == "analyze":
            return _analyze(corpus, printed, parsed.json)
        return _map(corpus, printed, parsed.json)
    from reader.core.statement import STATEMENT_ID

    names = [parsed.left, parsed.right]
    if names == [STATEMENT_ID, STATEMENT_ID]:
        raise UsageError("compare the statement with a source, not with itself")
    if parsed.command == "compare" and parsed.parallel and not parsed.json:
        raise UsageError("--parallel applies to --json output: add --json, or leave it out")
    named = [n for n in names if n != STATEMENT_ID]
    paths = [resolve_path(n) for n in named]
    corpus, printed = load_corpus(
        paths, context_paths(parsed, named, paths), not parsed.no_corrections
    )
    loaded = iter(printed)
    pair = [STATEMENT_ID if n == STATEMENT_ID else next(loaded) for n in names]
    if STATEMENT_ID in pair and not corpus.analysis().statement.passages:
        raise UsageError(
            "no statement was found in the sources given: none carries words another one "
            "carries too; add the sources that quote it with --with"
        )
    done = (
        _compare(corpus, pair, parsed.json, parsed.parallel)
        if parsed.command == "compare"
        else None
    )
    _warn_orphans(corpus)
    return _export(corpus, pair, parsed) if done is None else done


def context_paths(
    parsed: argparse.Namespace, arguments: Sequence[str], paths: Sequence[Path]
) -> list[Path]:
    """The context sources: those given with --with; else, where every source was named by
    a bundled id, the other bundled sources, as the window analyses them (not with --alone).

    Labels depend on the sources analysed together, so `compare 000 002` labels as the
    window does; `--alone` analyses only the sources named.
    """
    if parsed.context:
        return [resolve_path(p) for p in parsed.context]
    bundled = bundled_sources()
    if parsed.alone or not arguments or not all(_names_bundled(a, bundled) for a in arguments):
        return []
    return [p for p in bundled if p not in paths]


def _names_bundled(argument: str, bundled: Sequence[Path]) -> bool:
    return not Path(argument).exists() and resolve_path(argument) in bundled


def resolve_path(argument: str) -> Path:
    """Return the file an argument names: a path, or else a bundled source's id or prefix."""
    path = Path(argument)
    if path.exists() or path.suffix:
        return path
    matches = [p for p in bundled_sources() if p.stem == argument or p.stem.startswith(argument)]
    return matches[0] if len(matches) == 1 else path


def load_corpus(
    paths: Sequence[Path], context: Sequence[Path], corrected: bool = True
) -> tuple[Corpus, list[str]]:
    """Load printed and context sources into one corpus; return it and the printed ids.

    With `corrected`, the library's corrections apply, as in the window."""
    from reader.core.corpus import Corpus

    corrections = corrections_cli.library_corrections() if corrected else None
    corpus = Corpus.from_paths([*paths, *context], corrections)
    corpus.read_apart()  # a long corpus's own words are read on another core meanwhile
    printed = corpus.ids()[: len(paths)]
    return corpus, printed


def _warn_orphans(corpus: Corpus) -> None:
    """Say once, on stderr, that some corrections fit their source no more (so the output
    shows the engine's word there); stdout stays what the command prints."""
    orphans = corpus.placement().orphans
    if orphans:
        print(
            f"{len(orphans)} correction(s) no longer fit their source and were not applied "
            "(see `synopsis corrections list`)",
            file=sys.stderr,
        )


def _print_json(data: dict[str, Any]) -> None:
    """Print data as `json.dumps(data, ensure_ascii=False)` would, a piece at a time.

    A book-length comparison is tens of megabytes of JSON: made as one string, then encoded
    for stdout, it held the process's largest block of memory. Each row, sentence or
    paragraph is encoded on its own by the C encoder (only the unindented form has one;
    `python -m json.tool` pretty-prints for a reader), and the pieces are written in batches.
    """
    batch: list[str] = []
    size = 0
    for piece in _json_pieces(data):
        batch.append(piece)
        size += len(piece)
        if size > _JSON_BATCH:
            sys.stdout.write("".join(batch))
            batch, size = [], 0
    batch.append("\n")
    sys.stdout.write("".join(batch))


# The lists written an item at a time (a row, a paragraph, a source); everything else, such
# as a row or a paragraph itself, is encoded whole.
_JSON_SPLIT = frozenset({"rows", "paragraphs", "sources"})
_JSON_BATCH = 1 << 16  # characters gathered before a write


def _json_pieces(value: object) -> Iterator[str]:
    """The text of json.dumps(value, ensure_ascii=False), in pieces (same separators)."""
    if not (isinstance(value, dict) and value and all(isinstance(k, str) for k in value)):
        yield json.dumps(value, ensure_ascii=False)
        return
    opening = "{"
    for key, item in value.items():
        yield f"{opening}{json.dumps(key, ensure_ascii=False)}: "
        opening = ", "
        if isinstance(item, _Encoded):
            yield from item.pieces()
        elif _split_list(key, item):
            yield from _list_pieces(item)
        elif _splits(item):
            yield from _json_pieces(item)
        else:
            yield json.dumps(item, ensure_ascii=False)
    yield "}"


def _list_pieces(items: Iterable[object]) -> Iterator[str]:
    """A list's text, an item at a time; the items may come from an iterator (a row is
    then made, written and let go before the next one is made)."""
    opening = "["
    for item in items:
        yield opening
        opening = ", "
        if _splits(item):
            yield from _json_pieces(item)
        else:
            yield json.dumps(item, ensure_ascii=False)
    yield "]" if opening == ", " else "[]"


def _split_list(key: object, item: object) -> bool:
    """Whether a dict's item is a list written an item at a time."""
    return key in _JSON_SPLIT and isinstance(item, list | Iterator)


def _splits(value: object) -> bool:
    """Whether a value is a dict holding a list written an item at a time, or a dict that
    does."""
    return isinstance(value, dict) and any(
        _split_list(key, item) or _splits(item) for key, item in value.items()
    )


def _analyze(corpus: Corpus, printed: list[str], as_json: bool) -> int:
    from reader.core.model import Label
    from reader.core.report import analyze_json

    if as_json:
        _print_json(analyze_json(corpus, printed))
        return 0
    statement = corpus.analysis().statement
    print(f"{'source':24} {'Q':>3} {'P':>3} {'C':>3} {'B':>3} {'quoted':>7} {'reported':>9}  title")
    for source_id in printed:
        index = corpus.index(source_id)
        counts = corpus.analysis().label_counts(index)
        shown = printable(source_id[:24])  # ids and titles come from the files: no escapes
        print(
            f"{shown:24} {counts[Label.QUOTATION]:3} {counts[Label.PARAPHRASE]:3} "
            f"{counts[Label.COMMENTARY]:3} {counts[Label.BOILERPLATE]:3} "
            f"{statement.quoted_share(index):7.0%} {statement.paraphrased_share(index):9.0%}"
            f"  {printable(corpus.sources[index].title[:60])}"
        )
    return 0


def _map(corpus: Corpus, printed: list[str], as_json: bool) -> int:
    from reader.core.report import map_json

    data = map_json(corpus, printed)
    if as_json:
        _print_json(data)
        return 0
    for passage in data["statement"]:
        print(f"{passage['passage']:>4}  {printable(passage['text'][:100])}")
    print()
    for source in data["sources"]:
        print(
            f"{printable(source['id']):24} quoted {source['quoted']:4.0%}  "
            f"paraphrased {source['paraphrased']:4.0%}"
        )
    return 0


def _compare(corpus: Corpus, printed: list[str], as_json: bool, parallel: bool) -> int:
    if as_json:
        _print_json(_compare_json(corpus, printed[0], printed[1], parallel))
        return 0
    for row in corpus.rows(printed[0], printed[1]):
        left = ",".join(map(str, row.left)) or "-"
        right = ",".join(map(str, row.right)) or "-"
        print(f"{left:>9} | {right:<9} {row.similarity:5.2f}")
    return 0


def _compare_json(corpus: Corpus, left: str, right: str, parallel: bool) -> dict[str, Any]:
    """compare_json_streamed's dict. `parallel`, for a long pair of sources, has the rows
    diffed and encoded in a child process (see reader.aside) while this one labels.

    Not the default: the child's pages, and the text it holds until the parent reads it,
    add about 40 % to the memory the two processes use together (PSS)."""
    from reader.core.machine import SECOND_PROCESS_FROM
    from reader.core.report import compare_json_streamed, compare_shape, rows_json
    from reader.core.statement import STATEMENT_ID

    if (
        not parallel
        or STATEMENT_ID in (left, right)
        or _characters(corpus, left, right) < SECOND_PROCESS_FROM
    ):
        return compare_json_streamed(corpus, left, right)
    from reader.aside import aside

    corpus.linking()  # the child inherits the links; labels are left to this process
    rows = aside(lambda: _list_pieces(rows_json(corpus, left, right, corpus.rows(left, right))))
    return compare_shape(corpus, left, right, _Encoded(rows))


def _characters(corpus: Corpus, left: str, right: str) -> int:
    from reader.core.apart import characters

    return characters([corpus.source(left), corpus.source(right)])


class _Encoded:
    """JSON text made elsewhere, written as it comes."""

    def __init__(self, pieces: Callable[[], Iterator[str]]) -> None:
        self.pieces = pieces


def _export(corpus: Corpus, printed: list[str], parsed: argparse.Namespace) -> int:
    from reader.export import ExportOptions, export_comparison

    output = Path(parsed.output)
    fmt = parsed.format or ("html" if output.suffix.lower() in (".html", ".htm") else "pdf")
    options = ExportOptions(
        paper=parsed.paper, landscape=parsed.landscape, skip_boilerplate=parsed.skip_boilerplate
    )
    if parsed.language != "en":
        _install_language(parsed.language)
    export_comparison(corpus, printed[0], printed[1], output, fmt, options)
    print(f"wrote {printable(str(output))}", file=sys.stderr)
    return 0


def _install_language(code: str) -> None:
    """Translate the export's own words (Qt's translations need an application object)."""
    from PySide6.QtCore import QTranslator

    from reader.export.pdf import ensure_gui_application
    from reader.paths import resources_dir

    ensure_gui_application()
    translator = QTranslator()
    if translator.load(f"synopsis_{code}", str(resources_dir() / "i18n")):
        from PySide6.QtCore import QCoreApplication

        QCoreApplication.installTranslator(translator)
        _translators.append(translator)


_translators: list[object] = []  # a translator must outlive the export


def _open_window(args: list[str]) -> int:
    if len(args) not in (0, 2):
        raise UsageError(
            "give two files to open side by side, or none to open the bundled sources "
            "(or a command: " + ", ".join(COMMANDS) + ")"
        )
    paths = [resolve_path(a) for a in args]
    from reader.gui.app import run

    return run(paths)
