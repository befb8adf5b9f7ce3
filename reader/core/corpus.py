"""The Corpus: sources plus their cached analysis, shared by the window and the command line."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from reader.core.apart import Reading, read_apart
from reader.core.classify import ParagraphLabel, classify
from reader.core.corrections import Corrections, Placement, drop_passages, place
from reader.core.linking import Link, link_corpus
from reader.core.loading import load_source, source_id_for
from reader.core.model import Label, Source
from reader.core.passages import Statement, build_statement
from reader.core.quotes import quoted_ranges
from reader.core.statement import (
    STATEMENT_ID,
    compare_with_statement,
    passage_evidence,
    passage_label,
    statement_source,
)
from reader.core.textual import Textual, textual
from reader.core.units import UnitTable

if TYPE_CHECKING:  # comparing brings the diff library: imported by the methods that compare
    from reader.core.compare import Comparison, Row

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
    # A reader set the label by hand; what the engine said of the paragraph is kept beside.
    engine: ParagraphAnalysis | None = None

    @property
    def corrected(self) -> bool:
        return self.engine is not None


@dataclass(frozen=True)
class Analysis:
    table: UnitTable
    links: tuple[Link, ...]
    paragraphs: tuple[tuple[ParagraphAnalysis, ...], ...]  # by source, then paragraph
    statement: Statement
    placement: Placement = field(
        default_factory=Placement
    )  # the reader's corrections, as found on these sources

    def label_counts(self, source: int) -> dict[Label, int]:
        counts = dict.fromkeys(Label, 0)
        for p in self.paragraphs[source]:
            counts[p.label] += 1
        return counts


class Linking(NamedTuple):
    """The first half of an analysis, on which the rows of any pair depend."""

    table: UnitTable
    links: tuple[Link, ...]
    placement: Placement  # where the reader's corrections apply (before passages are dropped)


class Corpus:
    """A set of sources and, computed on demand and cached, their analysis and comparisons."""

    def __init__(self, sources: Sequence[Source], corrections: Corrections | None = None) -> None:
        ids = [s.id for s in sources]
        if len(set(ids)) != len(ids):
            raise ValueError("source ids must be unique")
        self.sources: tuple[Source, ...] = tuple(sources)
        self.corrections = corrections or Corrections()
        self._index = {s.id: i for i, s in enumerate(self.sources)}
        self._analysis: Analysis | None = None
        self._linked: tuple[UnitTable, tuple[Link, ...]] | None = None  # reused when corrected
        self._linking: Linking | None = None
        self._comparisons: dict[tuple[str, str], Comparison] = {}
        self._ahead: dict[tuple[str, str], Comparison] = {}  # rows worked out before labels
        self._statement: Source | None = None
        self._read: list[Textual] | None = None  # each source's textual evidence, once read
        self._reading: Reading | None = None  # the same, being read in a second process

    @classmethod
    def from_paths(
        cls, paths: Iterable[str | Path], corrections: Corrections | None = None
    ) -> Corpus:
        """Load files into a corpus; raise SourceError for the first that cannot be used."""
        sources: list[Source] = []
        taken: set[str] = {STATEMENT_ID}  # a file named statement.txt becomes statement-2
        for path in paths:
            sources.append(load_source(path, unique_id(source_id_for(Path(path)), taken)))
        return cls(sources, corrections)

    def corrected(self, corrections: Corrections) -> Corpus:
        """The same sources under another set of corrections.

        Corrections change labels, passages and rows, not the texts: the sentence links
        already found are reused, so the new analysis costs only labelling and what follows.
        """
        corpus = Corpus(self.sources, corrections)
        if self._analysis is not None:
            corpus._linked = (self._analysis.table, self._analysis.links)
        corpus._read = self._read
        return corpus

    def reusing(self, previous: Corpus | None) -> Corpus:
        """Take the sentence links of an analysed corpus of the same texts (same ids and
        bytes, in the same order), so that only what corrections change is worked out."""
        if (
            previous is not None
            and previous._analysis is not None
            and self._analysis is None
            and _texts(previous.sources) == _texts(self.sources)
        ):
            self._linked = (previous._analysis.table, previous._analysis.links)
            self._read = previous._read
        return self

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
            report = progress or _silent
            try:
                linking = self.linking(report)
                self._analysis = _analyse(self.sources, report, linking, self._textual())
            finally:
                self.stop_reading()
            self._linked = None
        return self._analysis

    def read_apart(self) -> None:
        """Have the sources' textual evidence read in a second process, while this one finds
        the links (reader.core.apart), if the corpus is long enough for it to pay and it is
        still to be read. analysis() then takes it from there."""
        if self._read is None and self._reading is None and self._analysis is None:
            self._reading = read_apart(self.sources)

    def stop_reading(self) -> None:
        """Stop a second process still reading (an analysis cancelled or never asked for)."""
        if self._reading is not None:
            self._reading.close()
            self._reading = None

    def _textual(self) -> list[Textual]:
        """Each source's textual evidence: as read apart, else read here (kept for the
        analyses of the same texts under other corrections)."""
        if self._read is None:
            reading, self._reading = self._reading, None
            found = reading.result() if reading is not None else None
            self._read = found if found is not None else [textual(s) for s in self.sources]
        return self._read

    def linking(self, progress: Progress | None = None) -> Linking:
        """The sentence links and the reader's corrections placed on the sources: all that
        rows need. Computed before, and without, the labels that analysis() adds to them."""
        if self._linking is None:
            report = progress or _silent
            if self._linked is None:
                report("indexing", 0.0)
                table = UnitTable(self.sources)
                report("linking", 0.2)
                links = tuple(link_corpus(table))
            else:
                table, links = self._linked
            self._linking = Linking(table, links, place(self.corrections, self.sources))
        return self._linking

    def placement(self) -> Placement:
        """Where the corrections apply in these sources, and which could not be placed."""
        return self.analysis().placement

    def paragraph_analysis(self, source_id: str) -> tuple[ParagraphAnalysis, ...]:
        if source_id == STATEMENT_ID:
            return tuple(
                ParagraphAnalysis(passage_label(p), 1.0, passage_evidence(self.sources, p), (p.id,))
                for p in self.analysis().statement.passages
            )
        return self.analysis().paragraphs[self.index(source_id)]

    def comparison(self, left_id: str, right_id: str) -> Comparison:
        """Return the aligned rows of two sources (computed once, then cached)."""
        from reader.core.compare import mirrored

        key = (left_id, right_id)
        if key not in self._comparisons:
            reverse = self._comparisons.get((right_id, left_id))
            ahead = self._ahead.pop(key, None)
            if reverse is not None:  # the same pairing, seen from the other side
                self._comparisons[key] = self._marked(mirrored(reverse))
            else:
                rows = ahead if ahead is not None else self._compare(left_id, right_id)
                self._comparisons[key] = self._marked(rows)
        return self._comparisons[key]

    def compare_ahead(self, left_id: str, right_id: str) -> None:
        """Align two sources before their labels are known: rows need only the links, and
        labels only mark them. While a second process still reads the sources (read_apart),
        the wait for it is spent on these rows; comparison() then marks them."""
        key = (left_id, right_id)
        if STATEMENT_ID not in key and key not in self._comparisons and key not in self._ahead:
            self._ahead[key] = self._compare(left_id, right_id)

    def rows(self, left_id: str, right_id: str) -> Iterator[Row]:
        """The rows comparison() gives, each diffed when it is read and not kept, unless the
        pair (or its mirror) was compared already or one side is the statement.

        For printing a long pair with one row in memory at a time. Rows read this way are not
        marked (`quoted` stays at its default) and are not cached."""
        compared = {(left_id, right_id), (right_id, left_id)} & self._comparisons.keys()
        if compared or STATEMENT_ID in (left_id, right_id):
            return iter(self.comparison(left_id, right_id).rows)
        return self._source_rows(left_id, right_id)

    def _marked(self, comparison: Comparison) -> Comparison:
        """Mark the rows whose both sides are quotations, and classify their changes."""
        from reader.core.substance import classify_row

        left = self.paragraph_analysis(comparison.left.id)
        right = self.paragraph_analysis(comparison.right.id)
        left_quoted = _quoted_parts(comparison.left, left)
        right_quoted = _quoted_parts(comparison.right, right)

        def quoted(row: Row) -> bool:
            return all(left[p].label == Label.QUOTATION for p in row.left) and all(
                right[p].label == Label.QUOTATION for p in row.right
            )

        rows = tuple(replace(row, quoted=quoted(row)) for row in comparison.rows)
        return replace(
            comparison,
            rows=rows,
            judge=lambda row: classify_row(row, left_quoted, right_quoted),
        )

    def _compare(self, left_id: str, right_id: str) -> Comparison:
        from reader.core.compare import Comparison

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
        left, right = self.source(left_id), self.source(right_id)
        return Comparison(left, right, tuple(self._source_rows(left_id, right_id)))

    def _source_rows(self, left_id: str, right_id: str) -> Iterator[Row]:
        """source_rows for two sources of the corpus, with the reader's links and unlinks."""
        from reader.core.compare import source_rows

        linking = self.linking()
        left, right = self.index(left_id), self.index(right_id)
        forced, forbidden = _pairs_between(linking.placement, left, right)
        return source_rows(
            self.sources[left],
            self.sources[right],
            left,
            right,
            linking.table,
            linking.links,
            forced=forced,
            forbidden=forbidden,
        )

    def corrected_pairs(self, left_id: str, right_id: str) -> frozenset[tuple[int, int]]:
        """The (left, right) paragraph pairs a reader linked by hand in this comparison."""
        if STATEMENT_ID in (left_id, right_id):
            return frozenset()
        forced, _ = _pairs_between(
            self.linking().placement, self.index(left_id), self.index(right_id)
        )
        return frozenset((link[0], link[1]) for link in forced)


def _quoted_parts(
    source: Source, analysed: Sequence[ParagraphAnalysis]
) -> Callable[[int], tuple[tuple[int, int], ...] | None]:
    """What each paragraph quotes (None where it is no quotation), worked out when asked."""
    found: dict[int, tuple[tuple[int, int], ...] | None] = {}

    def of(paragraph: int) -> tuple[tuple[int, int], ...] | None:
        if paragraph not in found:
            quotation = analysed[paragraph].label == Label.QUOTATION
            text = source.paragraphs[paragraph].text
            found[paragraph] = quoted_ranges(text) if quotation else None
        return found[paragraph]

    return of


def _texts(sources: Sequence[Source]) -> list[tuple[str, str]]:
    return [(s.id, s.sha256) for s in sources]


def unique_id(wanted: str, taken: set[str]) -> str:
    """Return wanted, or wanted-2, wanted-3… if already taken; record the result as taken."""
    candidate, n = wanted, 1
    while candidate in taken:
        n += 1
        candidate = f"{wanted}-{n}"
    taken.add(candidate)
    return candidate


def _pairs_between(
    placement: Placement, left: int, right: int
) -> tuple[set[tuple[int, ...]], set[tuple[int, ...]]]:
    """A reader's links and unlinks between two sources: (left, right) paragraph pairs, with
    the two sentences (-1: the whole paragraph) when sentences were linked."""
    found: tuple[set[tuple[int, ...]], set[tuple[int, ...]]] = (set(), set())
    for pairs, into in zip((placement.links, placement.unlinks), found, strict=True):
        for a, b in pairs:
            if (a[0], b[0]) == (right, left):
                a, b = b, a
            elif (a[0], b[0]) != (left, right):
                continue
            if a[2] is None and b[2] is None:
                into.add((a[1], b[1]))
            else:
                into.add((a[1], b[1], -1 if a[2] is None else a[2], -1 if b[2] is None else b[2]))
    return found


def _silent(stage: str, done: float) -> None:
    """A progress callback that reports nothing."""


def _analyse(
    sources: Sequence[Source], progress: Progress, linking: Linking, read: Sequence[Textual]
) -> Analysis:
    table, links, placement = linking
    progress("labelling", 0.6)
    labels: list[list[ParagraphLabel]] = classify(
        sources, table, links, fixed=placement.labels, read=read
    )
    # The engine's own word on the paragraphs a reader relabelled, to show beside theirs.
    engine = classify(sources, table, links, read=read) if placement.labels else labels
    progress("reconstructing the statement", 0.8)
    statement = build_statement(sources, table, links, [[p.label for p in s] for s in labels])
    statement, placement = drop_passages(sources, statement, placement)
    passages_of: dict[tuple[int, int], list[str]] = {}
    for passage in statement.passages:
        for member in passage.members:
            passages_of.setdefault(member, []).append(passage.id)
    paragraphs = tuple(
        tuple(
            _paragraph(label, engine[s][p], passages_of.get((s, p), ()), (s, p) in placement.labels)
            for p, label in enumerate(source_labels)
        )
        for s, source_labels in enumerate(labels)
    )
    progress("done", 1.0)
    log.debug("analysed %d sources, %d links", len(sources), len(links))
    return Analysis(table, links, paragraphs, statement, placement)


def _paragraph(
    label: ParagraphLabel, engine: ParagraphLabel, passages: Sequence[str], corrected: bool
) -> ParagraphAnalysis:
    own = ParagraphAnalysis(engine.label, engine.confidence, engine.evidence, tuple(passages))
    if not corrected:
        return replace(own, label=label.label, confidence=label.confidence, evidence=label.evidence)
    return ParagraphAnalysis(
        label.label, label.confidence, label.evidence, tuple(passages), engine=own
    )
