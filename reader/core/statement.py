"""The reconstructed statement as a source of its own, to compare any source against.

Its paragraphs are the passages, in order, each spelled as the source that gives it its text.
A source pairs with the passages it carries (the passages' members), so the rows show, row by
row, what of the statement a source quotes, reports or leaves out, and how closely.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict

from reader.core.compare import Comparison, rows_from_edges
from reader.core.loading import build_source
from reader.core.model import Label, Source
from reader.core.passages import Passage, Statement
from reader.core.segment import Block
from reader.core.units import UnitTable

STATEMENT_ID = "statement"
STATEMENT_TITLE = "The statement, reconstructed"


def statement_source(sources: tuple[Source, ...], statement: Statement) -> Source:
    """Return the statement's passages as a source whose paragraphs are the passages."""
    blocks = [Block(p.text, f"passage {p.id}") for p in statement.passages]
    text = "\n".join(b.text for b in blocks)
    return build_source(
        blocks,
        STATEMENT_ID,
        title=STATEMENT_TITLE,
        outlet="Synopsis",
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
    )


def passage_evidence(sources: tuple[Source, ...], passage: Passage) -> tuple[str, ...]:
    """Where a passage's text comes from and who carries it, for the statement's paragraphs."""
    own = sources[passage.source]
    paragraphs = sorted({p for s, p in passage.members if s == passage.source})
    carriers = ", ".join(
        f"{sources[s].id} ({c.mode.value}, {c.share:.0%})"
        for s, c in sorted(passage.carried.items())
        if s != passage.source
    )
    evidence = [f"text of {own.id} ¶{', ¶'.join(map(str, paragraphs))}"]
    evidence.append(f"also carried by {carriers}" if carriers else "carried by no other source")
    return tuple(evidence)


def passage_label(passage: Passage) -> Label:
    own = passage.carried.get(passage.source)
    return own.mode if own is not None else Label.QUOTATION


def compare_with_statement(
    source: Source,
    index: int,
    statement: Statement,
    pseudo: Source,
    table: UnitTable,
    statement_left: bool,
) -> Comparison:
    """Rows pairing a source's paragraphs with the passages they carry.

    A paragraph is weighed against each passage it is a member of by the words they share,
    so that a paragraph spanning two passages and a neighbour echoing one phrase of them
    each land in the right row.
    """
    edges: dict[tuple[int, int], float] = defaultdict(float)
    for n, passage in enumerate(statement.passages):
        passage_bag: dict[str, int] = defaultdict(int)
        for unit in passage.units:
            for key, count in table.units[unit].bag.items():
                passage_bag[key] += count
        passage_weight = table.weight(passage_bag)
        for s, p in passage.members:
            if s != index:
                continue
            bag, weight = table.paragraph_bag(index, p)
            score = table.score_bags(passage_bag, bag, passage_weight, weight).value
            edges[(n, p) if statement_left else (p, n)] += max(score, 0.01)
    if statement_left:
        return rows_from_edges(pseudo, source, edges)
    return rows_from_edges(source, pseudo, edges)
