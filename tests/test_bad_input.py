"""Bad input gets one clear line naming the file and saying why and what to do.

Every case of the catalogue goes through the API (a SourceError with the file's path, a
reason and a hint) and through the command line (exit status 2, one line on stderr naming
the file, no traceback, nothing on stdout), and a batch names the file that is wrong.
"""

from __future__ import annotations

import io
import os
import subprocess
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from reader.core import SourceError, load_source
from reader.core.decoding import MAX_FILE_BYTES
from reader.paths import bundled_sources
from tests.builders import paragraphs_of, run_cli, word_file

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00"
FRENCH = "Le président a déclaré : « Nous ne céderons pas. »\nL’été dernier, 12 % des électeurs.\n"


def _docx_bytes(tmp_path: Path) -> bytes:
    return word_file(tmp_path / "valid.docx", ["Un titre", "Un paragraphe."]).read_bytes()


def _docx_with_broken_xml(tmp_path: Path) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(_docx_bytes(tmp_path)))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                data = data[: len(data) // 2]  # cut in the middle of an element
            target.writestr(item, data)
    return buffer.getvalue()


def _zip_without_document() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", "pas un document Word")
    return buffer.getvalue()


def _empty_docx(tmp_path: Path) -> bytes:
    return word_file(tmp_path / "v.docx", [""], blank_lines=False).read_bytes()


NAV_ONLY = b"<html><body><nav><a>Accueil</a></nav><script>x()</script></body></html>"
HTML_BYTES = b"<html>\x00\x01\x02\x03\x00\x00\x01</html>"
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500)

# name: (file name, how to make its bytes in tmp_path, words the reason must contain)
CATALOGUE: dict[str, tuple[str, Callable[[Path], bytes | None], str]] = {
    "missing": ("absent.txt", lambda t: None, "not found"),
    "empty": ("vide.txt", lambda t: b"", "empty"),
    "whitespace": ("blancs.txt", lambda t: b" \n\t\r\n  \n", "empty"),
    "whitespace utf-16": ("blancs16.txt", lambda t: " \n \n".encode("utf-16"), "empty"),
    "no-break spaces": ("insecables.txt", lambda t: "\u00a0\u202f\n".encode(), "empty"),
    "image renamed": ("photo.txt", lambda t: PNG + os.urandom(400), "PNG image"),
    "NUL bytes": ("nuls.txt", lambda t: b"du texte\x00\x01\x02 puis\x00\x00", "binary"),
    "random bytes": ("bruit.txt", lambda t: bytes(range(256)) * 8, "binary"),
    "undecodable": ("bom.txt", lambda t: b"\xef\xbb\xbfTexte \xff\xfe\xfd invalide", "invalid"),
    "utf-16 cut": ("coupe.txt", lambda t: "Texte".encode("utf-16") + b"\x00", "invalid"),
    "pdf": ("rapport.pdf", lambda t: b"%PDF-1.7\n%\xe2\xe3\n1 0 obj", "PDF"),
    "old word": ("ancien.doc", lambda t: OLE, ".doc"),
    "rtf": ("texte.rtf", lambda t: b"{\\rtf1\\ansi Bonjour}", "RTF"),
    "docx not a zip": ("faux.docx", lambda t: FRENCH.encode(), "not a readable Word file"),
    "docx truncated": ("coupe.docx", lambda t: _docx_bytes(t)[:700], "not a readable Word"),
    "docx broken xml": ("abime.docx", _docx_with_broken_xml, "damaged Word file"),
    "zip not docx": ("archive.docx", lambda t: _zip_without_document(), "not a Word file"),
    "empty docx": ("vide.docx", _empty_docx, "no text"),
    "html image": ("page.html", lambda t: PNG + os.urandom(400), "PNG image"),
    "html empty": ("page.htm", lambda t: b"", "empty"),
    "html no text": ("menu.html", lambda t: NAV_ONLY, "no article text"),
    "html binary": ("octets.html", lambda t: HTML_BYTES, "binary"),
}


def make(tmp_path: Path, case: str) -> Path:
    name, build, _ = CATALOGUE[case]
    path = tmp_path / name
    data = build(tmp_path)
    if data is not None:
        path.write_bytes(data)
    return path


def too_large(tmp_path: Path) -> Path:
    path = tmp_path / "enorme.txt"
    with path.open("wb") as file:  # sparse: no 20 MB written to disk
        file.truncate(MAX_FILE_BYTES + 1)
    return path


def one_megabyte(tmp_path: Path, *, one_line: bool = False) -> Path:
    """A text of a megabyte: the bundled articles' paragraphs over and over, or all on one
    line (text copied from some pages has no line break at all)."""
    seed = paragraphs_of(bundled_sources()[4])
    copies = 1_050_000 // len("\n".join(seed).encode()) + 1
    lines = [f"{text} ({n})" for n in range(copies) for text in seed]
    path = tmp_path / "livre.txt"
    path.write_text((" " if one_line else "\n").join(lines), "utf-8")
    assert path.stat().st_size > 1_000_000
    return path


# Through the API ---------------------------------------------------------------------------


@pytest.mark.core
@pytest.mark.parametrize("case", list(CATALOGUE))
def test_bad_file_raises_a_source_error_naming_it(tmp_path: Path, case: str) -> None:
    path = make(tmp_path, case)
    before = path.read_bytes() if path.exists() else None
    with pytest.raises(SourceError) as raised:
        load_source(path)
    error = raised.value
    assert error.path == path
    assert CATALOGUE[case][2] in error.reason
    assert error.hint
    assert str(error).startswith(f"{path.name}: ")
    assert "\n" not in str(error)
    assert (path.read_bytes() if path.exists() else None) == before  # nothing was changed


@pytest.mark.core
def test_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="is a folder"):
        load_source(tmp_path)


@pytest.mark.core
def test_file_over_the_limit_is_refused_with_the_limit(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match=r"too large \(20\.0 MB; the limit is 20 MB\)"):
        load_source(too_large(tmp_path))


@pytest.mark.core
def test_a_one_megabyte_text_loads(tmp_path: Path) -> None:
    source = load_source(one_megabyte(tmp_path))
    assert len(source.paragraphs) > 4_000


@pytest.mark.core
@pytest.mark.timeout(60)  # splitting a long paragraph into sentences was once quadratic
def test_a_one_megabyte_paragraph_loads(tmp_path: Path) -> None:
    source = load_source(one_megabyte(tmp_path, one_line=True))
    assert len(source.paragraphs) == 1
    assert len(source.paragraphs[0].sentences) > 5_000


@pytest.mark.core
@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_named_pipe_is_refused_without_blocking(tmp_path: Path) -> None:
    pipe = tmp_path / "tube.txt"
    os.mkfifo(pipe)
    with pytest.raises(SourceError, match="not a regular file"):
        load_source(pipe)


# Through the command line ------------------------------------------------------------------


def assert_one_line_error(result: subprocess.CompletedProcess[str], name: str) -> None:
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"synopsis: error: {name}: "), lines[0]
    assert "Traceback" not in result.stderr


@pytest.mark.cli
@pytest.mark.parametrize("case", list(CATALOGUE))
def test_cli_reports_a_bad_file_in_one_line(tmp_path: Path, case: str) -> None:
    path = make(tmp_path, case)
    assert_one_line_error(run_cli("analyze", path, home=tmp_path), path.name)


@pytest.mark.cli
def test_cli_reports_a_folder_and_a_huge_file(tmp_path: Path) -> None:
    folder = tmp_path / "dossier"
    folder.mkdir()
    assert_one_line_error(run_cli("analyze", folder, home=tmp_path), "dossier")
    assert_one_line_error(run_cli("analyze", too_large(tmp_path), home=tmp_path), "enorme.txt")


@pytest.mark.cli
def test_cli_names_the_bad_file_of_a_batch(tmp_path: Path) -> None:
    good = tmp_path / "bon.txt"
    good.write_text(FRENCH, "utf-8")
    bad = make(tmp_path, "image renamed")
    result = run_cli("analyze", good, bad, "--json", home=tmp_path)
    assert_one_line_error(result, "photo.txt")
    result = run_cli("compare", good, good, "--with", bad, home=tmp_path)
    assert_one_line_error(result, "photo.txt")


@pytest.mark.cli
def test_cli_reads_a_one_megabyte_text(tmp_path: Path) -> None:
    result = run_cli("analyze", one_megabyte(tmp_path), "--with", "000", home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "livre" in result.stdout
