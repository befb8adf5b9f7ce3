"""The statement map in figures: passages down, sources across, how each source carries each.

A cell says whether a source quotes a passage, reports it, or leaves it out, how much of it
and how closely. Totals per source come from the words of the reconstructed statement. The
substantive differences of a source are the meaning-changing changes (numbers, names,
negations, dropped sentences) in its quotations, set against the statement's own text.
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.core.corpus import Corpus
from reader.core.model import Label
from reader.core.passages import Passage
from reader.core.statement import STATEMENT_ID
from reader.core.substance import Change


@dataclass(frozen=True)
class Cell:
    mode: Label | None  # QUOTATION, PARAPHRASE, or None where the source leaves it out
    share: float  # share of the passage's words the source carries
    closeness: float  # how close its wording is, in [0, 1]


@dataclass(frozen=True)
class SourceTotals:
    source_id: str
    quoted: float  # share of the statement's words quoted
    paraphrased: float
    closeness: float | None  # mean closeness of its quotations; None if it quotes nothing


@dataclass(frozen=True)
class Grid:
    passages: tuple[Passage, ...]
    source_ids: tuple[str, ...]
    cells: tuple[tuple[Cell, ...], ...]  # [passage][source]
    totals: tuple[SourceTotals, ...]


def coverage_grid(corpus: Corpus) -> Grid:
    """Return how every source carries every passage of the statement."""
    statement = corpus.analysis().statement
    ids = tuple(corpus.ids())
    cells = tuple(
        tuple(_cell(passage, corpus.index(source_id)) for source_id in ids)
        for passage in statement.passages
    )
    totals = tuple(
        SourceTotals(
            source_id,
            statement.quoted_share(corpus.index(source_id)),
            statement.paraphrased_share(corpus.index(source_id)),
            statement.closeness(corpus.index(source_id)),
        )
        for source_id in ids
    )
    return Grid(statement.passages, ids, cells, totals)


def _cell(passage: Passage, source: int) -> Cell:
    carriage = passage.carried.get(source)
    if carriage is None:
        return Cell(None, 0.0, 0.0)
    return Cell(carriage.mode, carriage.share, carriage.closeness)


def substantive_differences(corpus: Corpus, source_id: str) -> list[tuple[str, Change]]:
    """The meaning-changing differences between a source's quotations and the statement.

    Each comes with the id of the passage it falls in. Paraphrases are left out: a report
    rewords by nature, so only what a source presents as the speaker's words is held to them.
    """
    comparison = corpus.comparison(STATEMENT_ID, source_id)
    statement = corpus.paragraph_analysis(STATEMENT_ID)
    labels = corpus.paragraph_analysis(source_id)
    found: list[tuple[str, Change]] = []
    for n, row in enumerate(comparison.rows):
        if not row.matched or any(labels[p].label != Label.QUOTATION for p in row.right):
            continue
        for change in comparison.changes(n):
            if change.kind.substantive:
                pair = row.sentences[change.sentence]
                paragraph = pair.left[0].paragraph if pair.left else row.left[0]
                found.append((statement[paragraph].passages[0], change))
    return found
