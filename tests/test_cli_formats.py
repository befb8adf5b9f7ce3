"""The command line reads saved pages and Word files as it reads text (in a subprocess)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.builders import paragraphs_of, run_cli, web_page, word_file
from tests.conftest import DATA

WATER = DATA / "water"
TRAD_A = WATER / "trad_a.txt"
OTHERS = [WATER / name for name in ("trad_b.txt", "report.txt", "forum.txt", "unrelated.txt")]


@pytest.mark.cli
def test_cli_analyzes_a_page_and_a_word_file_like_the_text(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(web_page(paragraphs_of(TRAD_A)), "utf-8")
    note = word_file(tmp_path / "note.docx", paragraphs_of(TRAD_A))
    result = run_cli("analyze", TRAD_A, page, note, "--with", *OTHERS, "--json", home=tmp_path)
    assert result.returncode == 0, result.stderr
    text, from_page, from_word = json.loads(result.stdout)["sources"]
    for source in (from_page, from_word):
        assert [p["text"] for p in source["paragraphs"]] == paragraphs_of(TRAD_A)
        assert [p["label"] for p in source["paragraphs"]] == [
            p["label"] for p in text["paragraphs"]
        ]
    assert from_page["paragraphs"][0]["origin"].startswith("<h1> 1, line ")
    assert from_word["paragraphs"][0]["origin"] == "docx paragraph 1"
    assert from_page["title"] == "Le message de la directrice"
