"""The statement map in figures, and the meaning-changing differences it lists (issue 5)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core import Corpus, Label
from reader.core.overview import coverage_grid, substantive_differences
from reader.core.substance import ChangeKind
from tests.conftest import DATA, SEED

pytestmark = pytest.mark.core


def test_grid_has_a_cell_for_every_passage_and_source(seeds: Corpus) -> None:
    grid = coverage_grid(seeds)
    assert len(grid.cells) == len(grid.passages) == len(seeds.analysis().statement.passages)
    assert all(len(row) == len(seeds.ids()) for row in grid.cells)
    column = {source_id: n for n, source_id in enumerate(grid.source_ids)}
    background = [row[column[SEED["background"]]] for row in grid.cells]
    assert all(cell.mode is None and cell.share == 0 for cell in background)
    reported = [row[column[SEED["reported"]]] for row in grid.cells]
    assert sum(cell.mode == Label.PARAPHRASE for cell in reported) >= 0.7 * len(reported)
    totals = {t.source_id: t for t in grid.totals}
    assert totals[SEED["full"]].quoted > 0.85 and totals[SEED["full"]].closeness == 1.0
    assert totals[SEED["background"]].closeness is None


@pytest.fixture(scope="module")
def altered(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    """The full water translation beside a copy that changes a number, a negation, a name."""
    original = (DATA / "water" / "trad_a.txt").read_text(encoding="utf-8")
    changed = (
        original.replace("a baissé de 12 %", "a baissé de 21 %")
        .replace("Nous ne blâmons pas les agriculteurs", "Nous blâmons les agriculteurs")
        .replace("à Bruxelles le 14 mars", "à Strasbourg le 14 mars")
        .replace("à trois reprises", "à 3 reprises")  # the same, in figures
    )
    folder = tmp_path_factory.mktemp("altered")
    (folder / "copy.txt").write_text(changed, encoding="utf-8")
    sources = [DATA / "water" / "trad_a.txt", folder / "copy.txt", DATA / "water" / "report.txt"]
    return Corpus.from_paths([Path(p) for p in sources])


def test_meaning_changes_in_a_quotation_are_listed(altered: Corpus) -> None:
    found = {change.kind: change for _, change in substantive_differences(altered, "copy")}
    assert set(found) == {ChangeKind.NUMBER, ChangeKind.NEGATION, ChangeKind.NAME}
    assert "21" in found[ChangeKind.NUMBER].right
    assert "ne" in found[ChangeKind.NEGATION].left
    assert "Strasbourg" in found[ChangeKind.NAME].right


def test_a_faithful_quotation_has_no_meaning_change(altered: Corpus) -> None:
    assert substantive_differences(altered, "trad_a") == []
