"""The overview widget: the statement map drawn from the engine's figures (issue 5)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from reader.core import Corpus
from reader.gui.statement_map import StatementMap
from tests.conftest import SEED

pytestmark = pytest.mark.gui


@pytest.fixture
def statement_map(qtbot, seeds: Corpus) -> StatementMap:
    widget = StatementMap()
    qtbot.addWidget(widget)
    widget.show_corpus(seeds)
    widget.resize(1000, 600)
    widget.show()
    return widget


def test_grid_shows_passages_down_and_sources_across(statement_map: StatementMap, seeds) -> None:
    model = statement_map.model()
    assert model is not None
    passages = seeds.analysis().statement.passages
    assert model.rowCount() == len(passages) + 1  # and the totals
    assert model.columnCount() == len(seeds.ids()) + 1
    assert statement_map.objectName() == "overview"
    full = seeds.ids().index(SEED["full"]) + 1
    background = seeds.ids().index(SEED["background"]) + 1
    first = model.index(0, full).data()
    assert first.startswith("Q ")
    assert model.index(0, background).data() == "—"
    totals = model.index(len(passages), full).data()
    assert totals.startswith("94%")


def test_clicking_a_cell_asks_for_that_source_at_that_passage(qtbot, statement_map) -> None:
    model = statement_map.model()
    column = next(c for c in range(1, model.columnCount()) if model.index(1, c).data() != "—")
    index = model.index(1, column)
    rect = statement_map.table.visualRect(index)
    with qtbot.waitSignal(statement_map.passageRequested) as signal:
        qtbot.mouseClick(
            statement_map.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center()
        )
    passage, source_id = signal.args
    assert passage == model.grid.passages[1].id
    assert source_id == model.columns[column - 1].source_id


def test_meaning_changes_are_listed_per_source(statement_map: StatementMap) -> None:
    tree = statement_map.differences
    texts = [
        tree.topLevelItem(i).child(j).text(0)
        for i in range(tree.topLevelItemCount())
        for j in range(tree.topLevelItem(i).childCount())
    ]
    assert any("leaves out a sentence of the statement" in t for t in texts)


def test_an_empty_corpus_says_so(qtbot) -> None:
    widget = StatementMap()
    qtbot.addWidget(widget)
    assert widget.model() is None
    assert "No statement" in widget.summary.text()
