"""Export of the highlighted comparison (issue: export to PDF and HTML).

The CLI runs for real in a subprocess and the PDF is read back with pypdf; the window's export
goes through the real menu action with only the two file dialogs stubbed.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from reader.core import Corpus
from reader.core.errors import ExportError
from reader.export import ExportOptions, export_comparison
from reader.export.document import MEANING, WORDING
from reader.paths import bundled_sources
from tests.builders import run_cli
from tests.conftest import SEED, open_window

SEEDS = {path.stem: path for path in bundled_sources()}


def seed(key: str) -> Path:
    return SEEDS[SEED[key]]


def pdf_text(path: Path) -> str:
    """All the text of a PDF, with any run of whitespace as one space (pypdf emits tabs)."""
    reader = PdfReader(str(path))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def squeeze(text: str) -> str:
    return " ".join(text.split())


def fill_colours(path: Path) -> set[tuple[float, float, float]]:
    """The RGB fill colours the pages paint with, rounded to three decimals."""
    found = set()
    for page in PdfReader(str(path)).pages:
        stream = page.get_contents()
        assert stream is not None
        data = stream.get_data().decode("latin-1")
        for r, g, b in re.findall(r"([\d.]+) ([\d.]+) ([\d.]+) (?:rg|sc|scn)\b", data):
            found.add((round(float(r), 3), round(float(g), 3), round(float(b), 3)))
    return found


def rgb(hex_colour: str) -> tuple[float, float, float]:
    value = hex_colour.lstrip("#")
    r, g, b = (int(value[i : i + 2], 16) / 255 for i in (0, 2, 4))
    return round(r, 3), round(g, 3), round(b, 3)


def assert_one_line_error(result, *words: str) -> None:
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    for word in words:
        assert word in lines[0], lines[0]


# The command line ------------------------------------------------------------------------------


@pytest.mark.cli
def test_cli_exports_the_full_and_the_partial_translation(tmp_path: Path) -> None:
    out = tmp_path / "000-002.pdf"
    result = run_cli("export", seed("full"), seed("partial"), "-o", out, home=tmp_path)
    assert result.returncode == 0, result.stderr
    reader = PdfReader(str(out))
    assert 2 <= len(reader.pages) <= 20
    text = pdf_text(out)
    # Both sides, with their accents, guillemets and apostrophes as the sources have them.
    assert "Merci à tous pour votre soutien" in text
    assert "Un message de Durev" in text
    assert "« " in text or "«" in text
    assert "é" in text and "è" in text
    # The header says what was compared; every page carries the pair and its number.
    assert seed("full").name in text and seed("partial").name in text
    assert "SHA-256" in text
    for number, page in enumerate(reader.pages, 1):
        page_text = squeeze(page.extract_text())
        assert f"{number} / {len(reader.pages)}" in page_text
        assert "↔" in page_text
    # The closing summary, and the highlights painted in their colours.
    assert "Similarity of the paired quotations" in text
    colours = fill_colours(out)
    assert rgb(WORDING) in colours
    assert rgb(MEANING) in colours


@pytest.mark.cli
def test_cli_exports_fragments_against_the_full_text_as_html(tmp_path: Path) -> None:
    out = tmp_path / "003-000.html"
    result = run_cli("export", seed("fragments"), seed("full"), "-o", out, home=tmp_path)
    assert result.returncode == 0, result.stderr
    page = out.read_text("utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert WORDING in page and "class='wording'" in page
    # Self-contained and inert: nothing to fetch, nothing to run.
    assert "<script" not in page.lower()
    assert not re.search(r"(src|href)\s*=", page, re.IGNORECASE)
    assert "Merci à tous pour votre soutien" in page
    for label in ("quotation", "commentary", "boilerplate"):
        assert label in page


@pytest.mark.cli
def test_cli_exports_fragments_against_the_full_text_as_pdf(tmp_path: Path) -> None:
    out = tmp_path / "003-000.pdf"
    result = run_cli("export", seed("fragments"), seed("full"), "-o", out, home=tmp_path)
    assert result.returncode == 0, result.stderr
    text = pdf_text(out)
    assert "Merci à tous pour votre soutien" in text
    assert seed("fragments").name in text
    assert 2 <= len(PdfReader(str(out)).pages) <= 30


@pytest.mark.cli
def test_cli_leaves_boilerplate_out_when_asked(tmp_path: Path, seeds: Corpus) -> None:
    furniture = next(
        squeeze(p.text)
        for p, analysed in zip(
            seeds.source(SEED["fragments"]).paragraphs,
            seeds.paragraph_analysis(SEED["fragments"]),
            strict=True,
        )
        if analysed.label.value == "boilerplate" and len(p.text.split()) >= 3
    )
    probe = " ".join(furniture.split()[:3])
    kept, skipped = tmp_path / "kept.html", tmp_path / "skipped.html"
    for out, extra in ((kept, ()), (skipped, ("--skip-boilerplate",))):
        result = run_cli(
            "export", seed("fragments"), seed("full"), "-o", out, *extra, home=tmp_path
        )
        assert result.returncode == 0, result.stderr
    assert probe in squeeze(kept.read_text("utf-8"))
    assert probe not in squeeze(skipped.read_text("utf-8"))


@pytest.mark.cli
@pytest.mark.parametrize(
    ("options", "size"),
    [((), (595, 842)), (("--landscape",), (842, 595)), (("--paper", "letter"), (612, 792))],
)
def test_cli_honours_paper_and_orientation(tmp_path: Path, options, size) -> None:
    out = tmp_path / "out.pdf"
    result = run_cli("export", seed("full"), seed("partial"), "-o", out, *options, home=tmp_path)
    assert result.returncode == 0, result.stderr
    box = PdfReader(str(out)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == size


@pytest.mark.cli
def test_markup_in_a_source_is_printed_as_text(tmp_path: Path) -> None:
    left = tmp_path / "left.txt"
    right = tmp_path / "right.txt"
    left.write_text(
        "Il a écrit <strong>tout</strong> ce qu'il pensait.\n\n"
        "<script>alert('x')</script> reste du texte & rien d'autre.\n",
        "utf-8",
    )
    right.write_text(
        "Il a écrit <em>tout</em> ce qu'il pensait.\n\nUn paragraphe sans balise.\n", "utf-8"
    )
    pdf, page = tmp_path / "out.pdf", tmp_path / "out.html"
    for out in (pdf, page):
        result = run_cli("export", left, right, "-o", out, home=tmp_path)
        assert result.returncode == 0, result.stderr
    text = pdf_text(pdf)
    assert "<strong>" in text and "<script>alert('x')</script>" in text and "&" in text
    markup = page.read_text("utf-8")
    assert "&lt;strong&gt;" in markup and "&lt;script&gt;" in markup
    assert "<strong>" not in markup and "<script>" not in markup


@pytest.mark.cli
def test_an_emoji_does_not_break_the_line(tmp_path: Path) -> None:
    left, right = tmp_path / "a.txt", tmp_path / "b.txt"
    left.write_text("Merci à tous 🙏 pour votre soutien, chers amis.\n", "utf-8")
    right.write_text("Merci à vous tous 🙏 pour votre soutien, mes amis.\n", "utf-8")
    out = tmp_path / "out.pdf"
    result = run_cli("export", left, right, "-o", out, home=tmp_path)
    assert result.returncode == 0, result.stderr
    text = pdf_text(out)
    assert "pour votre soutien, chers amis." in text
    assert "pour votre soutien, mes amis." in text


@pytest.mark.cli
def test_a_paragraph_taller_than_a_page_breaks_across_pages(tmp_path: Path) -> None:
    words = [f"mot{n}" for n in range(4000)]
    left, right = tmp_path / "long.txt", tmp_path / "other.txt"
    left.write_text(" ".join(words) + " FINDUTEXTE.\n", "utf-8")
    right.write_text(" ".join(words[:3000]) + " autre fin.\n", "utf-8")
    out = tmp_path / "out.pdf"
    result = run_cli("export", left, right, "-o", out, home=tmp_path)
    assert result.returncode == 0, result.stderr
    reader = PdfReader(str(out))
    assert len(reader.pages) >= 4
    text = pdf_text(out)
    # Nothing clipped: the first, a middle and the last word are all in the file.
    for word in ("mot0", "mot2000", "mot3999", "FINDUTEXTE"):
        assert word in text, word


@pytest.mark.cli
@pytest.mark.parametrize("where", ["missing folder", "a folder"])
def test_cli_bad_output_path_is_one_line(tmp_path: Path, where: str) -> None:
    out = tmp_path / "nowhere" / "out.pdf" if where == "missing folder" else tmp_path
    result = run_cli("export", seed("full"), seed("partial"), "-o", out, home=tmp_path)
    assert_one_line_error(result, str(out))
    assert not (tmp_path / "nowhere").exists()


@pytest.mark.cli
def test_an_existing_file_survives_an_export_of_a_bad_source(tmp_path: Path) -> None:
    out = tmp_path / "out.pdf"
    out.write_bytes(b"%PDF-1.4 the good export of yesterday")
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n\n", "utf-8")
    result = run_cli("export", empty, seed("full"), "-o", out, home=tmp_path)
    assert_one_line_error(result, "empty.txt")
    assert out.read_bytes() == b"%PDF-1.4 the good export of yesterday"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.txt", "out.pdf"]


def test_an_existing_file_survives_a_write_that_fails(
    tmp_path: Path, seeds: Corpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out.pdf"
    out.write_bytes(b"%PDF-1.4 the good export of yesterday")

    def truncated(content, options) -> tuple[bytes, int]:
        return b"%PDF-1.4 half a fi", 1  # no end-of-file marker: not a whole PDF

    monkeypatch.setattr("reader.export.pdf.render_pdf", truncated)
    with pytest.raises(ExportError) as error:
        export_comparison(seeds, SEED["full"], SEED["partial"], out, "pdf", ExportOptions())
    assert "could not be made; nothing was written" in str(error.value)
    assert "\n" not in str(error.value)
    assert out.read_bytes() == b"%PDF-1.4 the good export of yesterday"
    assert [p.name for p in tmp_path.iterdir()] == ["out.pdf"]  # no temporary left behind


# The window ------------------------------------------------------------------------------------


@pytest.fixture
def window(qtbot, home: Path):
    return open_window(qtbot, home, size=(1100, 700))


def stub_dialogs(monkeypatch: pytest.MonkeyPatch, target: Path, landscape: bool = False) -> list:
    from reader.gui import export_dialog

    def accept(dialog) -> int:
        dialog.landscape.setChecked(landscape)
        return QDialog.DialogCode.Accepted

    errors: list[str] = []
    monkeypatch.setattr(export_dialog.ExportOptionsDialog, "exec", accept)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    monkeypatch.setattr(QMessageBox, "exec", lambda box: errors.append(box.text()))
    return errors


@pytest.mark.gui
@pytest.mark.parametrize(("left", "right"), [("full", "partial"), ("fragments", "full")])
def test_window_exports_the_pair_in_view(
    window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, left: str, right: str
) -> None:
    out = tmp_path / "from-window.pdf"
    errors = stub_dialogs(monkeypatch, out, landscape=True)
    window.show_pair(SEED[left], SEED[right])
    window.act_export.trigger()
    assert errors == []
    reader = PdfReader(str(out))
    box = reader.pages[0].mediabox
    assert float(box.width) > float(box.height)  # the landscape choice was honoured
    text = pdf_text(out)
    assert seed(left).name in text and seed(right).name in text
    assert "Merci à tous pour votre soutien" in text
    assert rgb(WORDING) in fill_colours(out)


@pytest.mark.gui
def test_window_reports_an_unwritable_path_and_goes_on(
    window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "nowhere" / "out.pdf"
    errors = stub_dialogs(monkeypatch, out)
    window.show_pair(SEED["full"], SEED["partial"])
    window.act_export.trigger()
    assert len(errors) == 1 and "nowhere" in errors[0] and "\n" not in errors[0]
    assert not out.parent.exists()
    window.show_pair(SEED["partial"], SEED["full"])  # the window still works
    assert "Un message de Durev" in window.view.left.toPlainText()
