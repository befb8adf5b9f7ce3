"""What an export says beside the pair: the context analysed with it, each source's details,
its words in the interface language, and pages that never repeat a line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from reader.paths import bundled_sources
from tests.builders import run_cli, web_page
from tests.conftest import SEED

pytestmark = pytest.mark.cli
BUNDLED = {path.stem: path for path in bundled_sources()}


def page_texts(path: Path) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(str(path)).pages]


def export(tmp_path: Path, *args: str | Path, name: str = "out.html") -> Path:
    out = tmp_path / name
    result = run_cli("export", *args, "-o", out, home=tmp_path)
    assert result.returncode == 0, result.stderr
    return out


def context_section(page: str) -> str:
    return page.split("Context: the other sources analysed", 1)[1].split("<h2>", 1)[0]


def test_bundled_ids_are_analysed_with_every_bundled_source_and_say_so(tmp_path: Path) -> None:
    page = export(tmp_path, SEED["full"][:3], SEED["partial"][:3]).read_text("utf-8")
    context = context_section(page)
    others = [BUNDLED[i] for i in SEED.values() if i not in (SEED["full"], SEED["partial"])]
    for path in others:
        assert path.name in context
        assert re.search(r"SHA-256 [0-9a-f]{64}", context)
    assert BUNDLED[SEED["full"]].name not in context  # the pair is not its own context


def test_alone_analyses_only_the_two_and_says_so(tmp_path: Path) -> None:
    page = export(tmp_path, SEED["full"][:3], SEED["partial"][:3], "--alone").read_text("utf-8")
    context = context_section(page)
    assert "analysed alone" in context
    assert not any(path.name in context for path in BUNDLED.values())


def test_with_names_the_context_exactly(tmp_path: Path) -> None:
    extra = BUNDLED[SEED["fragments"]]
    page = export(tmp_path, SEED["full"][:3], SEED["partial"][:3], "--with", extra)
    context = context_section(page.read_text("utf-8"))
    assert extra.name in context
    assert BUNDLED[SEED["background"]].name not in context


def test_files_named_by_path_keep_to_themselves(tmp_path: Path) -> None:
    left, right = tmp_path / "a.txt", tmp_path / "b.txt"
    left.write_text("Il a dit que tout allait bien.\n\nUne autre phrase ici.\n", "utf-8")
    right.write_text("Il a dit que tout allait très bien.\n", "utf-8")
    assert "analysed alone" in context_section(export(tmp_path, left, right).read_text("utf-8"))


def test_a_saved_page_prints_its_date_and_address(tmp_path: Path) -> None:
    saved = tmp_path / "page.html"
    saved.write_text(
        web_page(
            ["Le titre du jour", "Elle a annoncé une hausse de 12 pour cent du budget."],
            date="2023-05-17",
            url="https://example.org/budget/hausse",
        ),
        "utf-8",
    )
    other = tmp_path / "other.txt"
    other.write_text("Elle a annoncé une hausse de 15 pour cent du budget.\n", "utf-8")
    text = " ".join(page_texts(export(tmp_path, saved, other, name="out.pdf")))
    assert "2023-05-17" in text
    assert "https://example.org/budget/hausse" in text.replace("// ", "//")  # may wrap there


def test_no_line_is_printed_on_two_pages(tmp_path: Path) -> None:
    # Every word of these sources is unique (letters only: no number for the summary to
    # quote): a line drawn on two pages (hidden under a header, but in the text layer)
    # shows as a word found twice, a line lost as a word missing.
    letters = "abcdefghijklmnopqrstuvwxyz"
    words = [letters[n // 676] + letters[n // 26 % 26] + letters[n % 26] for n in range(2400)]
    left, right = tmp_path / "left.txt", tmp_path / "right.txt"
    # A first line of its own for the title, which every page's header repeats.
    left.write_text(
        "Gauche\n"
        + "\n".join(" ".join(f"gq{w}" for w in words[i : i + 40]) for i in range(0, 2400, 40)),
        "utf-8",
    )
    right.write_text(
        "Droite\n"
        + "\n".join(" ".join(f"dq{w}" for w in words[i : i + 30]) for i in range(0, 2400, 30)),
        "utf-8",
    )
    pages = page_texts(export(tmp_path, left, right, name="out.pdf"))
    assert len(pages) >= 3
    found = re.findall(r"\b[gd]q[a-z]{3}\b", " ".join(pages))
    repeated = {w for w in found if found.count(w) > 1}
    assert not repeated, sorted(repeated)[:10]
    assert len(set(found)) == 2 * len(words)  # and none is missing


def test_the_summary_and_its_changes_read_whole(tmp_path: Path) -> None:
    long = (
        "Nous avons refusé de livrer les clés de chiffrement demandées par plusieurs "
        "gouvernements étrangers au cours des dix dernières années de notre existence."
    )
    left, right = tmp_path / "left.txt", tmp_path / "right.txt"
    left.write_text(f"« Nous tenons bon. {long} Nous resterons. »\n", "utf-8")
    right.write_text("« Nous tenons bon. Nous resterons. »\n", "utf-8")
    page = export(tmp_path, left, right, name="out.html").read_text("utf-8")
    summary = page.split("Summary", 1)[1]
    # Label names in separate header cells, each with its letter.
    for letter, name in (("Q", "quotation"), ("P", "paraphrase"), ("B", "boilerplate")):
        assert f"{letter}<br>{name}</th>" in summary
    items = re.findall(r"<li>(.*?)</li>", summary)
    for item in items:
        assert "¶" in item  # where to find it
        quoted = item.split("«", 1)[1].rsplit("»", 1)[0] if "«" in item else ""
        if quoted.endswith("…"):
            assert quoted[:-1].rstrip() in long or quoted[:-1].rstrip() in page
            assert not re.search(r"\w…$", quoted) or quoted[:-1].split()[-1] in long.split()


def test_the_export_speaks_french_when_asked(tmp_path: Path) -> None:
    page = export(tmp_path, SEED["full"][:3], SEED["partial"][:3], "--language", "fr").read_text(
        "utf-8"
    )
    for english in ("Context: the other", "Legend", "Summary", "rewording", "Left</b>"):
        assert english not in page, english
    assert "Légende" in page and "citation" in page
