"""The Corpus: sources plus their cached analysis, shared by the window and the command line."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from reader.core.classify import ParagraphLabel, classify
from reader.core.compare import Comparison, Row, compare_sources, mirrored
from reader.core.linking import Link, link_corpus
from reader.core.loading import load_source, source_id_for
from reader.core.model import Label, Source
from reader.core.passages import Statement, build_statement
from reader.core.statement import (
    STATEMENT_ID,
    compare_with_statement,
    passage_evidence,
    passage_label,
    statement_source,
)
from reader.core.units import UnitTable

log = logging.getLogger(__name__)

# Called with a stage name and the share of the work done; may raise AnalysisCancelled.
Progress = Callable[[str, float], None]


class AnalysisCancelled(Exception):
    """Raised by a progress callback to stop an analysis."""


@dataclass(frozen=True)
class ParagraphAnalysis:
    label: Label
    confidence: float
    evidence: tuple[str, ...]
    passages: tuple[str, ...]


@dataclass(frozen=True)
class Analysis:
    table: UnitTable
    links: tuple[Link, ...]
    paragraphs: tuple[tuple[ParagraphAnalysis, ...], ...]  # by source, then paragraph
    statement: Statement

    def label_counts(self, source: int) -> dict[Label, int]:
        counts = dict.fromkeys(Label, 0)
        for p in self.paragraphs[source]:
            counts[p.label] += 1
        return counts


class Corpus:
    """A set of sources and, computed on demand and cached, their analysis and comparisons."""

    def __init__(self, sources: Sequence[Source]) -> None:
        ids = [s.id for s in sources]
        if len(set(ids)) != len(ids):
            raise ValueError("source ids must be unique")
        self.sources: tuple[Source, ...] = tuple(sources)
        self._index = {s.id: i for i, s in enumerate(self.sources)}
        self._analysis: Analysis | None = None
        self._comparisons: dict[tuple[str, str], Comparison] = {}
        self._statement: Source | None = None

    @classmethod
    def from_paths(cls, paths: Iterable[str | Path]) -> Corpus:
        """Load files into a corpus; raise SourceError for the first that cannot be used."""
        sources: list[Source] = []
        taken: set[str] = {STATEMENT_ID}  # a file named statement.txt becomes statement-2
        for path in paths:
            sources.append(load_source(path, unique_id(source_id_for(Path(path)), taken)))
        return cls(sources)

    # Sources ---------------------------------------------------------------------------------

    def ids(self) -> list[str]:
        return [s.id for s in self.sources]

    def index(self, source_id: str) -> int:
        try:
            return self._index[source_id]
        except KeyError:
            raise KeyError(f"no source with id {source_id!r}") from None

    def source(self, source_id: str) -> Source:
        if source_id == STATEMENT_ID:
            return self.statement_source()
        return self.sources[self.index(source_id)]

    def statement_source(self) -> Source:
        """The reconstructed statement as a source: one paragraph per passage."""
        if self._statement is None:
            self._statement = statement_source(self.sources, self.analysis().statement)
        return self._statement

    # Analysis --------------------------------------------------------------------------------

    @property
    def analysed(self) -> bool:
        return self._analysis is not None

    def analysis(self, progress: Progress | None = None) -> Analysis:
        """Return the corpus analysis, computing it the first time."""
        if self._analysis is None:
            self._analysis = _analyse(self.sources, progress or (lambda stage, done: None))
        return self._analysis

    def paragraph_analysis(self, source_id: str) -> tuple[ParagraphAnalysis, ...]:
        if source_id == STATEMENT_ID:
            return tuple(
                ParagraphAnalysis(passage_label(p), 1.0, passage_evidence(self.sources, p), (p.id,))
                for p in self.analysis().statement.passages
            )
        return self.analysis().paragraphs[self.index(source_id)]

    def comparison(self, left_id: str, right_id: str) -> Comparison:
        """Return the aligned rows of two sources (computed once, then cached)."""
        key = (left_id, right_id)
        if key not in self._comparisons:
            reverse = self._comparisons.get((right_id, left_id))
            if reverse is not None:  # the same pairing, seen from the other side
                self._comparisons[key] = self._marked(mirrored(reverse))
            else:
                self._comparisons[key] = self._marked(self._compare(left_id, right_id))
        return self._comparisons[key]

    def _marked(self, comparison: Comparison) -> Comparison:
        """Mark the rows whose both sides are quotations of the statement."""
        left = self.paragraph_analysis(comparison.left.id)
        right = self.paragraph_analysis(comparison.right.id)

        def quoted(row: Row) -> bool:
            return all(left[p].label == Label.QUOTATION for p in row.left) and all(
                right[p].label == Label.QUOTATION for p in row.right
            )

        rows = tuple(replace(row, quoted=quoted(row)) for row in comparison.rows)
        return replace(comparison, rows=rows)

    def _compare(self, left_id: str, right_id: str) -> Comparison:
        if STATEMENT_ID in (left_id, right_id):
            other = right_id if left_id == STATEMENT_ID else left_id
            return compare_with_statement(
                self.source(other),
                self.index(other),
                self.analysis().statement,
                self.statement_source(),
                self.analysis().table,
                statement_left=left_id == STATEMENT_ID,
            )
        analysis = self.analysis()
        left, right = self.index(left_id), self.index(right_id)
        return compare_sources(
            self.sources[left], self.sources[right], left, right, analysis.table, analysis.links
        )


def unique_id(wanted: str, taken: set[str]) -> str:
    """Return wanted, or wanted-2, wanted-3… if already taken; record the result as taken."""
    candidate, n = wanted, 1
    while candidate in taken:
        n += 1
        candidate = f"{wanted}-{n}"
    taken.add(candidate)
    return candidate


def _analyse(sources: Sequence[Source], progress: Progress) -> Analysis:
    progress("indexing", 0.0)
    table = UnitTable(sources)
    progress("linking", 0.2)
    links = tuple(link_corpus(table))
    progress("labelling", 0.6)
    labels: list[list[ParagraphLabel]] = classify(sources, table, links)
    progress("reconstructing the statement", 0.8)
    statement = build_statement(sources, table, links, [[p.label for p in s] for s in labels])
    passages_of: dict[tuple[int, int], list[str]] = {}
    for passage in statement.passages:
        for member in passage.members:
            passages_of.setdefault(member, []).append(passage.id)
    paragraphs = tuple(
        tuple(
            ParagraphAnalysis(
                label=label.label,
                confidence=label.confidence,
                evidence=label.evidence,
                passages=tuple(passages_of.get((s, p), ())),
            )
            for p, label in enumerate(source_labels)
        )
        for s, source_labels in enumerate(labels)
    )
    progress("done", 1.0)
    log.debug("analysed %d sources, %d links", len(sources), len(links))
    return Analysis(table, links, paragraphs, statement)
