"""Nothing the user has is lost: exports never overwrite a source or leave half a file, and
the library keeps every acknowledged change, whoever else writes to it.

Each case asserts what the user is told (exit status, one line on stderr), that no file
changed, and that nothing was lost.
"""

from __future__ import annotations

import errno
import os
import resource
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from reader.core import Corpus
from reader.core.errors import ExportError
from reader.export import ExportOptions, export_comparison
from reader.library import Library
from reader.paths import bundled_sources
from reader.safefile import temporary_name
from tests.builders import ROOT, run_cli
from tests.conftest import SEED

SOURCES = bundled_sources()
FULL, PARTIAL = SOURCES[0], SOURCES[2]


def one_error_line(result: subprocess.CompletedProcess[str], code: int) -> str:
    assert result.returncode == code, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("synopsis: error: "), lines[0]
    return lines[0]


def folder_snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def copy_pair(tmp_path: Path) -> tuple[Path, Path]:
    left, right = tmp_path / "left.txt", tmp_path / "right.txt"
    left.write_bytes(FULL.read_bytes())
    right.write_bytes(PARTIAL.read_bytes())
    return left, right


# Export over one of its own inputs ---------------------------------------------------------


@pytest.mark.cli
@pytest.mark.parametrize("how", ["same name", "relative path", "symbolic link", "hard link"])
def test_export_over_one_of_its_inputs_is_refused(tmp_path: Path, how: str) -> None:
    left, right = copy_pair(tmp_path)
    out = {
        "same name": right,
        "relative path": Path("..") / tmp_path.name / "right.txt",
        "symbolic link": tmp_path / "link.html",
        "hard link": tmp_path / "hard.html",
    }[how]
    if how == "symbolic link":
        out.symlink_to(right)
    if how == "hard link":
        os.link(right, out)
    before = folder_snapshot(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "reader", "export", left, right, "-o", out, "--format", "html"],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT), "XDG_DATA_HOME": str(tmp_path / "d")},
        capture_output=True,
        text=True,
        timeout=120,
    )
    line = one_error_line(result, 1)
    assert "is one of the sources being compared" in line
    assert folder_snapshot(tmp_path) == before


@pytest.mark.cli
def test_a_context_source_is_never_overwritten_either(tmp_path: Path) -> None:
    left, right = copy_pair(tmp_path)
    context = tmp_path / "context.txt"
    context.write_bytes(SOURCES[1].read_bytes())
    before = folder_snapshot(tmp_path)
    result = run_cli("export", left, right, "--with", context, "-o", context, home=tmp_path)
    assert "is one of the sources being compared (context.txt)" in one_error_line(result, 1)
    assert folder_snapshot(tmp_path) == before


# Export on a full disk ---------------------------------------------------------------------


def _limit_file_size(limit: int):
    def apply() -> None:  # in the child: writes past `limit` fail (EFBIG), as on a full disk
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


@pytest.mark.cli
@pytest.mark.parametrize("existing", [True, False])
def test_a_pdf_that_does_not_fit_fails_and_changes_nothing(tmp_path: Path, existing: bool) -> None:
    out = tmp_path / "keep.pdf"
    if existing:
        out.write_bytes(b"%PDF-1.4 yesterday's export\n%%EOF\n")
    before = folder_snapshot(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "reader", "export", FULL, PARTIAL, "-o", out],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), "XDG_DATA_HOME": str(tmp_path / "d")},
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=_limit_file_size(16_384),
    )
    line = one_error_line(result, 1)
    assert "keep.pdf: cannot be written" in line and "nothing was changed" in line
    assert folder_snapshot(tmp_path) == before  # the old file as it was, no temporary file
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(before)


def test_a_write_cut_short_by_a_full_disk_leaves_the_old_file(
    qapp, tmp_path: Path, seeds: Corpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out.pdf"
    out.write_bytes(b"%PDF-1.4 the good export of yesterday")
    real_write = os.write
    taken = [0]

    def write_until_full(descriptor: int, data) -> int:
        if taken[0] > 20_000:
            raise OSError(errno.ENOSPC, "No space left on device")
        taken[0] += len(data[:8192])
        return real_write(descriptor, data[:8192])  # short writes, as a filling disk gives

    monkeypatch.setattr("reader.safefile.os.write", write_until_full)
    with pytest.raises(ExportError) as raised:
        export_comparison(seeds, SEED["full"], SEED["partial"], out, "pdf", ExportOptions())
    assert "No space left on device" in str(raised.value) and "\n" not in str(raised.value)
    assert out.read_bytes() == b"%PDF-1.4 the good export of yesterday"
    assert [p.name for p in tmp_path.iterdir()] == ["out.pdf"]


def test_short_writes_still_give_the_whole_file(
    qapp, tmp_path: Path, seeds: Corpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_write = os.write
    monkeypatch.setattr("reader.safefile.os.write", lambda fd, data: real_write(fd, data[:999]))
    out = tmp_path / "out.pdf"
    export_comparison(seeds, SEED["full"], SEED["partial"], out, "pdf", ExportOptions())
    assert out.read_bytes().rstrip().endswith(b"%%EOF")


def test_leftovers_of_a_killed_export_are_cleared_by_the_next(
    qapp, tmp_path: Path, seeds: Corpus
) -> None:
    out = tmp_path / "out.pdf"
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], text=True,
                          capture_output=True, check=True).stdout.strip()  # fmt: skip
    leftover = temporary_name(out).with_name(f".out.pdf.synopsis-{dead}-0badc0de.tmp")
    leftover.write_bytes(b"%PDF-1.4 half")
    other = tmp_path / "notes.txt"
    other.write_text("the user's own file", "utf-8")
    live = tmp_path / f".out.pdf.synopsis-{os.getppid()}-00000000.tmp"  # a writer still running
    live.write_bytes(b"being written")
    export_comparison(seeds, SEED["full"], SEED["partial"], out, "pdf", ExportOptions())
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([live.name, "notes.txt", "out.pdf"])


# Output paths that are not a plain file ----------------------------------------------------


@pytest.mark.cli
def test_export_through_a_symbolic_link_writes_its_target(tmp_path: Path) -> None:
    target = tmp_path / "real.html"
    target.write_text("old", "utf-8")
    link = tmp_path / "link.html"
    link.symlink_to(target)
    result = run_cli("export", FULL, PARTIAL, "-o", link, home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert "<html" in target.read_text("utf-8").lower()


@pytest.mark.cli
@pytest.mark.parametrize("kind", ["device", "fifo", "folder"])
def test_export_onto_what_is_not_a_file_is_refused(tmp_path: Path, kind: str) -> None:
    if kind == "device":
        out = Path("/dev/null")
    elif kind == "fifo":
        out = tmp_path / "pipe.pdf"
        os.mkfifo(out)
    else:
        out = tmp_path / "folder.pdf"
        out.mkdir()
    before = os.stat(out)
    line = one_error_line(run_cli("export", FULL, PARTIAL, "-o", out, home=tmp_path), 1)
    assert str(out) in line
    after = os.stat(out)
    assert (after.st_ino, after.st_mode, after.st_rdev) == (
        before.st_ino,
        before.st_mode,
        before.st_rdev,
    )


# The library: two processes, a damaged state -----------------------------------------------

ADDER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from reader.library import Library

    library, _ = Library.open(Path(sys.argv[1]))
    for name in sys.argv[2:]:
        result = library.add([name])
        assert result.added and not result.errors, result.errors
        print(result.added[0], flush=True)  # acknowledged
    """
)


def _distinct_texts(folder: Path, prefix: str, count: int) -> list[Path]:
    folder.mkdir()
    paths = []
    for n in range(count):
        path = folder / f"{prefix}{n}.txt"
        path.write_text(f"Le texte numéro {n} de {prefix}, écrit pour l'essai.\n", "utf-8")
        paths.append(path)
    return paths


@pytest.mark.timeout(240)
def test_two_processes_adding_to_one_library_keep_every_addition(tmp_path: Path) -> None:
    folder = tmp_path / "library"
    Library.open(folder)
    batches = [_distinct_texts(tmp_path / who, who, 10) for who in ("alpha", "beta")]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", ADDER, folder, *batch],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for batch in batches
    ]
    acknowledged = []
    for worker in workers:
        out, err = worker.communicate(timeout=200)
        assert worker.returncode == 0, err
        acknowledged += out.split()
    assert len(acknowledged) == 20
    library, warnings = Library.open(folder)
    assert warnings == []
    assert set(acknowledged) <= set(library.ids())
    assert len({library.entry(i).sha256 for i in acknowledged}) == 20
    # every copy is listed: none orphaned in sources/
    assert sorted(p.name for p in (folder / "sources").iterdir()) == sorted(
        f"{i}.txt" for i in acknowledged
    )


def test_a_second_library_sees_and_keeps_the_first_ones_changes(tmp_path: Path) -> None:
    folder = tmp_path / "library"
    first, _ = Library.open(folder)
    second, _ = Library.open(folder)
    (alpha,) = _distinct_texts(tmp_path / "a", "alpha", 1)
    (beta,) = _distinct_texts(tmp_path / "b", "beta", 1)
    assert first.add([alpha]).added == ["alpha0"]
    first.update(first.ids()[0], title="Corrigé")
    second.remove(second.ids()[1])  # a bundled source
    assert second.add([beta]).added == ["beta0"]
    assert "alpha0" in second.ids()  # seen on its next change
    again, _ = Library.open(folder)
    assert {"alpha0", "beta0"} <= set(again.ids())
    assert again.source(again.ids()[0]).title == "Corrigé"
    assert SOURCES[1].stem not in again.ids()


def test_a_recovered_library_survives_an_immediate_restart(tmp_path: Path) -> None:
    folder = tmp_path / "library"
    library, _ = Library.open(folder)
    library.add(_distinct_texts(tmp_path / "mine", "mine", 3))
    (folder / "library.json").write_bytes(b'{"format": 1, "entries": [' + b"[" * 50_000)
    _, warnings = Library.open(folder)
    assert len(warnings) == 1 and "3 file(s) you had imported" in warnings[0]
    # quit at once, start again: the sources are still listed, none orphaned
    again, warnings = Library.open(folder)
    assert warnings == []
    assert {"mine0", "mine1", "mine2"} <= set(again.ids())


@pytest.mark.cli
@pytest.mark.timeout(240)
def test_an_export_killed_at_any_moment_never_breaks_the_old_file(tmp_path: Path) -> None:
    out = tmp_path / "keep.pdf"
    old = b"%PDF-1.4 yesterday's export\n%%EOF\n"
    out.write_bytes(old)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "XDG_DATA_HOME": str(tmp_path / "d")}
    command = [sys.executable, "-m", "reader", "export", FULL, PARTIAL, "-o", out]
    for delay in (0.3, 0.5, 0.7, 0.9, 1.1, 1.3):  # from start-up to the write itself
        process = subprocess.Popen(command, env=env, stderr=subprocess.DEVNULL)
        try:
            process.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            process.kill()  # SIGKILL: nothing runs after it
            process.wait()
        data = out.read_bytes()
        assert data == old or data.rstrip().endswith(b"%%EOF"), "a broken file in place"
        old = data
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "d") == ["keep.pdf"]
