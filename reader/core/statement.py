"""The reconstructed statement as a source of its own, to compare any source against.

Its paragraphs are the passages, in order, each spelled as the source that gives it its text.
A source pairs with the passages it carries (the passages' members), so the rows show, row by
row, what of the statement a source quotes, reports or leaves out, and how closely.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING

from reader.core.alignment import Group, SentenceBags, SentenceIndex, align
from reader.core.linking import CHAIN_MIN
from reader.core.loading import build_source
from reader.core.model import Label, Paragraph, Source
from reader.core.passages import Passage, Statement
from reader.core.segment import Block
from reader.core.units import UnitTable

if TYPE_CHECKING:  # imported where used: analyze compares nothing
    from reader.core.compare import Comparison

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
    """Rows pairing a source's sentences with those of the passages it carries.

    A sentence of a paragraph is weighed only against the sentences of the passages the
    paragraph is a member of; each keeps the counterparts it matches best.
    """
    bags = SentenceBags(
        [bag for paragraph in pseudo.paragraphs for bag in _sentence_bags(paragraph)],
        [table.units[u].bag for u in table.by_source[index]],
        table,
    )
    where = SentenceIndex.of(pseudo)
    sentences_of: dict[int, list[int]] = defaultdict(list)
    for n, p in enumerate(where.paragraph):
        sentences_of[p].append(n)
    own = SentenceIndex.of(source)
    own_of: dict[int, list[int]] = defaultdict(list)
    for n, p in enumerate(own.paragraph):
        own_of[p].append(n)

    candidates = [
        (a, b, bags.score(a, b).value)
        for n, passage in enumerate(statement.passages)
        for s, p in passage.members
        if s == index
        for a in sentences_of[n]
        for b in own_of[p]
    ]
    from reader.core.compare import comparison_from_groups

    links = _best_of_each(c for c in candidates if c[2] >= CHAIN_MIN)
    groups = align(len(bags.left), len(bags.right), links, bags)
    if statement_left:
        return comparison_from_groups(pseudo, source, groups)
    swapped = [Group(g.right, g.left, g.moved) for g in groups]
    return comparison_from_groups(source, pseudo, swapped)


def _sentence_bags(paragraph: Paragraph) -> list[dict[str, int]]:
    bags = []
    for sentence in paragraph.sentences:
        tokens = paragraph.tokens[sentence.first_token : sentence.last_token]
        bags.append(dict(Counter(t.key for t in tokens if t.key)))
    return bags


def _best_of_each(candidates: Iterable[tuple[int, int, float]]) -> list[tuple[int, int, float]]:
    """Keep a pair only where it is the best of one of its two sentences."""
    found = list(candidates)
    best_a: dict[int, float] = defaultdict(float)
    best_b: dict[int, float] = defaultdict(float)
    for a, b, v in found:
        best_a[a] = max(best_a[a], v)
        best_b[b] = max(best_b[b], v)
    return [(a, b, v) for a, b, v in found if v >= best_a[a] or v >= best_b[b]]
