"""What the command line prints from a source (titles, text, ids) never drives the terminal."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.builders import run_cli

pytestmark = pytest.mark.core

ESCAPES = "\x1b]0;PWNED\x07"  # sets the terminal title; a few such bytes are still text


def test_a_title_with_escape_sequences_prints_escaped(tmp_path: Path) -> None:
    hostile = tmp_path / "hostile.txt"
    body = (
        "La commune ouvrira sa piscine couverte au printemps prochain, après deux ans de "
        "travaux et un budget revu trois fois par le conseil municipal."
    )
    hostile.write_text(
        f"Un titre {ESCAPES} piégé\n{body} {ESCAPES}\n"
        + "\n".join(body.replace("deux", str(n)) for n in range(3, 9))  # under 1 % controls
        + "\n",
        encoding="utf-8",
    )
    other = tmp_path / "other.txt"
    other.write_text(f"Autre titre\n{body}\n", encoding="utf-8")
    result = run_cli("analyze", hostile, other, home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert "\\x1b]0;PWNED\\x07" in result.stdout
