"""Inputs that once crashed Synopsis or misled it: each is read, or refused in one line that
names the file and the limit it hit, and changes nothing.

The command line runs in a subprocess (exit status, the single stderr line), the library in
process; the window's side is in test_window_faults.py, the state files in test_library.py.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import docx
import pytest

from reader.core import Corpus, SourceError, load_source
from reader.core.decoding import MAX_FILE_BYTES
from reader.core.formats import extract
from reader.core.formats.webpage import MAX_DEPTH
from reader.core.formats.wordfile import MAX_UNPACKED_BYTES
from reader.core.statement import STATEMENT_ID
from reader.library import Library
from tests.builders import ROOT, run_cli

ARTICLE = (
    "Le maire a annoncé lundi la fermeture de la piscine municipale pour travaux.",
    "Les travaux dureront six mois et coûteront deux millions d'euros.",
)


def one_error_line(result: subprocess.CompletedProcess[str], code: int) -> str:
    assert result.returncode == code, result.stderr
    assert result.stdout == "" and "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("synopsis: error: ")
    return lines[0]


def files_of(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


# No statement --------------------------------------------------------------------------------


@pytest.mark.cli
@pytest.mark.parametrize("command", ["compare statement", "export statement"])
def test_the_statement_when_no_source_carries_one_is_one_line(tmp_path: Path, command) -> None:
    weather = tmp_path / "meteo.txt"
    weather.write_text("Il pleuvra demain sur tout le pays.\nLe vent faiblira le soir.\n", "utf-8")
    before = files_of(tmp_path)
    verb = command.split()[0]
    args = ["compare", STATEMENT_ID, weather] if verb == "compare" else []
    if verb == "export":
        args = ["export", weather, STATEMENT_ID, "-o", tmp_path / "meteo.pdf"]
    line = one_error_line(run_cli(*args, home=tmp_path), 2)
    assert "no statement was found" in line
    assert files_of(tmp_path) == before  # no export written


def test_one_source_alone_compares_with_an_empty_statement(tmp_path: Path) -> None:
    weather = tmp_path / "meteo.txt"
    weather.write_text("Il pleuvra demain sur tout le pays.\nLe vent faiblira le soir.\n", "utf-8")
    corpus = Corpus.from_paths([weather])
    comparison = corpus.comparison("meteo", STATEMENT_ID)
    assert [row.left for row in comparison.rows] == [(0,), (1,)]
    assert all(row.right == () for row in comparison.rows)
    assert corpus.statement_source().paragraphs == ()


# Control characters in a saved page ----------------------------------------------------------

CONTROL_PAGES = {
    "form feed after a script": "<script>var a = 1;</script>\f<p>{0}</p><p>{1}</p>",
    "\\x01 after an image": "<p>{0}</p><img src='photo.jpg'>\x01<p>{1}</p>",
    "controls here and there": "<p>{0}\x02</p>\x0b<br><span>\x7f</span><p>\v{1}</p>",
}


@pytest.mark.parametrize("case", list(CONTROL_PAGES))
def test_a_page_with_control_characters_is_read(tmp_path: Path, case: str) -> None:
    page = tmp_path / "page.html"
    body = CONTROL_PAGES[case].format(*ARTICLE)
    page.write_text(f"<html><head><title>Piscine</title></head><body>{body}</body></html>")
    texts = [p.text for p in load_source(page).paragraphs]
    assert any(ARTICLE[0] in text for text in texts) and any(ARTICLE[1] in t for t in texts)
    assert not any(ch < " " for text in texts for ch in text)


def test_a_batch_with_a_crashing_file_adds_the_others(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import reader.library

    files = []
    for n, text in enumerate(("Un premier texte lisible.", "Le piège.", "Un second texte.")):
        files.append(tmp_path / f"f{n}.txt")
        files[-1].write_text(text, "utf-8")
    real = reader.library.source_from_bytes

    def buggy(data: bytes, path: Path, source_id: str | None = None):
        if path.name == "f1.txt":
            raise IndexError("a reader's bug")
        return real(data, path, source_id)

    monkeypatch.setattr(reader.library, "source_from_bytes", buggy)
    library, _ = Library.open(tmp_path / "library")
    result = library.add(files)
    assert result.added == ["f0", "f2"]
    assert [error.path.name for error in result.errors] == ["f1.txt"]
    assert "\n" not in str(result.errors[0])
    again, _ = Library.open(tmp_path / "library")
    assert {"f0", "f2"} <= set(again.ids())
    assert sorted(p.name for p in (tmp_path / "library" / "sources").iterdir()) == [
        "f0.txt",
        "f2.txt",
    ]


def test_three_hundred_lost_files_are_one_warning_with_details(tmp_path: Path) -> None:
    library, _ = Library.open(tmp_path / "library")
    paths = []
    for n in range(300):
        paths.append(tmp_path / f"a{n}.txt")
        paths[-1].write_text(f"Texte numéro {n}.", "utf-8")
    assert len(library.add(paths).added) == 300
    for copy in (tmp_path / "library" / "sources").iterdir():
        copy.unlink()
    library, warnings = Library.open(tmp_path / "library")
    assert len(warnings) == 1 and warnings[0].startswith("300 sources could not be loaded")
    assert len(getattr(warnings[0], "details", "").splitlines()) == 300
    assert len(library.entries()) == 305  # still listed: nothing forgotten


# File names on a terminal -------------------------------------------------------------------

HOSTILE_NAMES = {
    "terminal escapes": "a\x1b]0;PWNED\x07\x1b[2Jb.txt",
    "newline": "first\nsynopsis: error: forged.txt",
    "bidi override": "report\u202etxt.exe",
}


@pytest.mark.cli
@pytest.mark.parametrize("case", list(HOSTILE_NAMES))
def test_file_names_are_printed_with_controls_escaped(tmp_path: Path, case: str) -> None:
    name = HOSTILE_NAMES[case]
    empty = tmp_path / name
    empty.write_text("  \n", "utf-8")
    for args in (["analyze", tmp_path / "missing" / name], ["analyze", empty]):
        line = one_error_line(run_cli(*args, home=tmp_path), 2)
        assert not any(ch in line for ch in "\x1b\x07\n\u202e")
        assert repr(name)[1:-1] in line  # the name, spelled out
    out = tmp_path / "nowhere" / name
    line = one_error_line(run_cli("export", "000", "002", "-o", out, home=tmp_path), 1)
    assert not any(ch in line for ch in "\x1b\x07\n\u202e")


@pytest.mark.cli
def test_a_wrong_option_is_one_line(tmp_path: Path) -> None:
    line = one_error_line(run_cli("export", "000", "--paper", "a0", home=tmp_path), 2)
    assert "--paper" in line and "export --help" in line


# A page deeper than the parser goes ---------------------------------------------------------


def deep_page(depth: int) -> str:
    nested = "<div>" * depth + "<p>Au plus profond de la page, une phrase.</p>" + "</div>" * depth
    article = f"<article><p>{ARTICLE[0]}</p>{nested}<p>{ARTICLE[1]}</p></article>"
    return f"<html><body>{article}</body></html>"


def test_a_page_nested_300_deep_is_read_whole(tmp_path: Path) -> None:
    page = tmp_path / "profonde.html"
    page.write_text(deep_page(300), "utf-8")
    texts = [p.text for p in load_source(page).paragraphs]
    assert texts[-1] == ARTICLE[1]  # what follows the deep part is not lost
    assert "Au plus profond de la page, une phrase." in texts


@pytest.mark.parametrize("depth", [MAX_DEPTH + 50, 5000])
def test_a_page_nested_deeper_than_the_limit_says_so(tmp_path: Path, depth: int) -> None:
    page = tmp_path / "abyssale.html"
    page.write_text(deep_page(depth), "utf-8")
    with pytest.raises(SourceError) as raised:
        load_source(page)
    assert f"more than {MAX_DEPTH} levels deep" in raised.value.reason
    assert "cut off" in raised.value.reason


# Word files: bombs and huge paragraphs --------------------------------------------------------


def _plain_docx() -> bytes:
    document = docx.Document()
    document.add_paragraph("Un titre", style="Title")
    document.add_paragraph("Un paragraphe.")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def word_bomb(path: Path, inflated: int, part: str = "word/document.xml") -> Path:
    """A valid .docx whose `part` inflates to `inflated` bytes (written as it is deflated)."""
    source = zipfile.ZipFile(io.BytesIO(_plain_docx()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename != part:
                target.writestr(item.filename, data)
                continue
            head, _, tail = data.partition(b"<w:body>")
            run = b"<w:p><w:r><w:t>" + b"a" * (1 << 20) + b"</w:t></w:r></w:p>"
            with target.open(part, "w", force_zip64=True) as out:
                out.write(head + b"<w:body>")
                for _ in range(inflated // len(run)):
                    out.write(run)
                out.write(tail)
        if part not in source.namelist():
            with target.open(part, "w", force_zip64=True) as out:
                for _ in range(inflated >> 20):
                    out.write(bytes(1 << 20))
    return path


def claim_size(path: Path, name: str, claimed: int) -> None:
    """Make the package's headers lie about a part's unpacked size."""
    data = bytearray(path.read_bytes())
    encoded = name.encode()
    central = data.find(b"PK\x01\x02")
    while central != -1:
        length = int.from_bytes(data[central + 28 : central + 30], "little")
        if data[central + 46 : central + 46 + length] == encoded:
            if int.from_bytes(data[central + 24 : central + 28], "little") != 0xFFFFFFFF:
                data[central + 24 : central + 28] = claimed.to_bytes(4, "little")
            local = int.from_bytes(data[central + 42 : central + 46], "little")
            if int.from_bytes(data[local + 22 : local + 26], "little") != 0xFFFFFFFF:
                data[local + 22 : local + 26] = claimed.to_bytes(4, "little")
        central = data.find(b"PK\x01\x02", central + 4)
    path.write_bytes(bytes(data))


PEAK = textwrap.dedent(
    """
    import sys
    from reader.core import SourceError, load_source
    try:
        load_source(sys.argv[1])
        print("read")
    except SourceError as error:
        print(error)
    # VmHWM is this process image's own peak: ru_maxrss would carry over the peak of the
    # forked test runner, which grows through the session.
    with open("/proc/self/status") as status:
        print(next(int(line.split()[1]) for line in status if line.startswith("VmHWM")) // 1024)
    """
)


def load_in_child(path: Path) -> tuple[str, int]:
    """Load a file in a fresh process; return what it said and its peak memory in MB."""
    result = subprocess.run(
        [sys.executable, "-c", PEAK, path],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    said, peak = result.stdout.strip().splitlines()
    return said, int(peak)


@pytest.mark.parametrize("claim", [None, 1024, 150 << 20])
def test_a_word_bomb_is_refused_while_it_inflates(tmp_path: Path, claim: int | None) -> None:
    bomb = word_bomb(tmp_path / "bombe.docx", 300 << 20)
    if claim is not None:
        claim_size(bomb, "word/document.xml", claim)
    assert bomb.stat().st_size < 2 << 20
    before = bomb.read_bytes()
    said, peak = load_in_child(bomb)
    assert said.startswith("bombe.docx: ")
    if claim == 1024:  # the inflater stops where the header says: the check sum then fails
        assert "not a readable Word file" in said
    else:
        assert f"more than {MAX_UNPACKED_BYTES // 1_048_576} MB" in said
    assert peak < 300, f"{peak} MB"
    assert bomb.read_bytes() == before


def test_a_bomb_among_the_images_is_never_unpacked(tmp_path: Path) -> None:
    bomb = word_bomb(tmp_path / "photos.docx", 400 << 20, part="word/media/image1.png")
    said, peak = load_in_child(bomb)
    assert said == "read" and peak < 300


def test_a_word_file_with_a_15_megabyte_paragraph_is_read(tmp_path: Path) -> None:
    source = zipfile.ZipFile(io.BytesIO(_plain_docx()))
    words = b" ".join(b"mot%d" % n for n in range(1_500_000))
    assert 14 << 20 < len(words) < MAX_FILE_BYTES
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                data = data.replace(b">Un paragraphe.<", b">" + words + b"<")
            target.writestr(item.filename, data)
    extracted = extract(buffer.getvalue(), tmp_path / "long.docx")
    assert [len(block.text) for block in extracted.blocks] == [len("Un titre"), len(words)]
