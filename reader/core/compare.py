"""Pair the paragraphs of two sources into rows, each with a word-level diff.

A row pairs left paragraph(s) with right paragraph(s) that carry the same sentences (linked
as in linking.py), or holds one paragraph with no counterpart. Rows are connected groups of
linked paragraphs, kept one-to-many or many-to-one: a group that would pair several
paragraphs with several others is split at its weakest links, so every pair a row implies is
a pair the texts support. Rows come in left-source order; a right paragraph with no
counterpart follows the row of the right paragraph before it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

from reader.core.diff import WordDiff, diff_tokens
from reader.core.linking import Link
from reader.core.model import Paragraph, Source
from reader.core.text import Kind, Token
from reader.core.units import UnitTable

PARAGRAPH_SEPARATOR = "\n"
# Gap filling: how many paragraphs of the other source may stand between two aligned
# neighbours, and how much of an unmatched paragraph one of them must contain (unrelated
# verses of one book share a fifth of their weight at most; a verse that a longer paragraph
# translates shares more, while the paragraph, being longer, shares less of itself).
_GAP_WINDOW = 4
_GAP_MIN = 0.27
_GAP_MIN_OVERLAP = 6.0


@dataclass(frozen=True)
class Row:
    left: tuple[int, ...]
    right: tuple[int, ...]
    similarity: float
    diff: tuple[tuple[int, str], ...]
    # Both sides quote the statement: only then are their differences held to meaning (a
    # report rewords by nature). The corpus sets it from the labels.
    quoted: bool = True
    # Values derived from the row and kept with it (its classified changes): computed once,
    # not part of its identity, never copied by dataclasses.replace.
    memo: dict[str, object] = field(
        default_factory=dict, init=False, compare=False, hash=False, repr=False
    )

    @property
    def matched(self) -> bool:
        return bool(self.left and self.right)


@dataclass(frozen=True)
class Comparison:
    left: Source
    right: Source
    rows: tuple[Row, ...]

    def row_of_left(self) -> dict[int, int]:
        return {p: r for r, row in enumerate(self.rows) for p in row.left}

    def row_of_right(self) -> dict[int, int]:
        return {p: r for r, row in enumerate(self.rows) for p in row.right}


def compare_sources(
    left: Source,
    right: Source,
    left_index: int,
    right_index: int,
    table: UnitTable,
    links: Sequence[Link],
    forced: Collection[tuple[int, int]] = (),
    forbidden: Collection[tuple[int, int]] = (),
) -> Comparison:
    """Return the rows pairing the paragraphs of two sources of one corpus.

    `forced` and `forbidden` are (left paragraph, right paragraph) pairs a reader linked or
    unlinked by hand: they win over what the texts suggest.
    """
    edges = _paragraph_edges(left_index, right_index, table, links)
    n_left, n_right = len(left.paragraphs), len(right.paragraphs)
    _fill_gaps(edges, table, (left_index, n_left), (right_index, n_right), flip=False)
    _fill_gaps(edges, table, (right_index, n_right), (left_index, n_left), flip=True)
    constrain_edges(edges, forced, forbidden)
    return rows_from_edges(left, right, edges)


# Heavier than any pair the texts can give, so a reader's link joins its row first.
_FORCED_WEIGHT = 1e9


def constrain_edges(
    edges: dict[tuple[int, int], float],
    forced: Collection[tuple[int, int]],
    forbidden: Collection[tuple[int, int]],
) -> None:
    """Apply a reader's links (always paired) and unlinks (never paired) to the edges."""
    for pair in forbidden:
        edges.pop(pair, None)
    for pair in forced:
        edges[pair] = _FORCED_WEIGHT


def rows_from_edges(left: Source, right: Source, edges: dict[tuple[int, int], float]) -> Comparison:
    """Turn weighted (left paragraph, right paragraph) edges into a comparison's rows."""
    groups = _groups(edges, len(left.paragraphs), len(right.paragraphs))
    rows = [_row(left, right, l_side, r_side) for l_side, r_side in _in_left_order(groups)]
    return Comparison(left, right, tuple(rows))


def mirrored(comparison: Comparison) -> Comparison:
    """The same alignment seen from the other side: swapping panes keeps every pairing."""
    by_group = {
        (row.right, row.left): Row(
            row.right, row.left, row.similarity, tuple((-op, text) for op, text in row.diff)
        )
        for row in comparison.rows
    }
    ordered = _in_left_order([(list(a), list(b)) for a, b in by_group])
    rows = tuple(by_group[(tuple(a), tuple(b))] for a, b in ordered)
    return Comparison(comparison.right, comparison.left, rows)


def _paragraph_edges(
    left_index: int, right_index: int, table: UnitTable, links: Sequence[Link]
) -> dict[tuple[int, int], float]:
    """Weight of the sentence links between each left and right paragraph."""
    edges: dict[tuple[int, int], float] = defaultdict(float)
    units = table.units
    for link in links:
        a, b = units[link.a], units[link.b]
        if a.source == left_index and b.source == right_index:
            pa, pb, wa, wb = a.paragraph, b.paragraph, table.weights[link.a], table.weights[link.b]
        elif a.source == right_index and b.source == left_index:
            pa, pb, wa, wb = b.paragraph, a.paragraph, table.weights[link.b], table.weights[link.a]
        else:
            continue
        edges[(pa, pb)] += link.score * min(wa, wb)
    return edges


def _fill_gaps(
    edges: dict[tuple[int, int], float],
    table: UnitTable,
    this: tuple[int, int],
    other: tuple[int, int],
    flip: bool,
) -> None:
    """Pair paragraphs left unmatched between two aligned neighbours, as order allows.

    A short paragraph facing a long one shares too little with any one of its sentences to
    be linked on its own; but between two aligned neighbours only a few paragraphs of the
    other source can be its counterpart, and the whole-paragraph score decides among them.
    """
    source, count = this
    other_source, other_count = other
    partners: dict[int, list[int]] = defaultdict(list)
    for pa, pb in edges:
        mine, theirs = (pb, pa) if flip else (pa, pb)
        partners[mine].append(theirs)
    matched = sorted(partners)
    for p in range(count):
        if p in partners:
            continue
        before = [q for q in matched if q < p][-1:]
        after = [q for q in matched if q > p][:1]
        if not before or not after:
            continue
        low, high = max(partners[before[0]]), min(partners[after[0]])
        if not 0 <= high - low <= _GAP_WINDOW:
            continue  # the neighbours cross or stand far apart: order says nothing here
        best, best_value = -1, 0.0
        for q in range(low, min(high, other_count - 1) + 1):
            score = table.paragraph_score((source, p), (other_source, q))
            if score.overlap >= _GAP_MIN_OVERLAP and score.contain_a > best_value:
                best, best_value = q, score.contain_a
        if best_value >= _GAP_MIN:
            edges[(best, p) if flip else (p, best)] += best_value


def _groups(
    edges: dict[tuple[int, int], float], n_left: int, n_right: int
) -> list[tuple[list[int], list[int]]]:
    """Join linked paragraphs, strongest links first, never making a many-to-many group."""
    parent: dict[tuple[str, int], tuple[str, int]] = {}
    size: dict[tuple[str, int], tuple[int, int]] = {}

    def find(x: tuple[str, int]) -> tuple[str, int]:
        parent.setdefault(x, x)
        size.setdefault(x, (1, 0) if x[0] == "L" else (0, 1))
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for (pl, pr), _ in sorted(edges.items(), key=lambda item: (-item[1], item[0])):
        a, b = find(("L", pl)), find(("R", pr))
        if a == b:
            continue
        (la, ra), (lb, rb) = size[a], size[b]
        if la + lb >= 2 and ra + rb >= 2:
            continue
        parent[b] = a
        size[a] = (la + lb, ra + rb)
    members: dict[tuple[str, int], tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
    for p in range(n_left):
        members[find(("L", p))][0].append(p)
    for p in range(n_right):
        members[find(("R", p))][1].append(p)
    return list(members.values())


def _in_left_order(
    groups: list[tuple[list[int], list[int]]],
) -> list[tuple[list[int], list[int]]]:
    with_left = sorted((g for g in groups if g[0]), key=lambda g: min(g[0]))
    right_only = sorted((g for g in groups if not g[0]), key=lambda g: min(g[1]))
    row_of_right = {p: r for r, g in enumerate(with_left) for p in g[1]}
    after: dict[int, list[tuple[list[int], list[int]]]] = defaultdict(list)
    for group in right_only:
        p = group[1][0]
        anchors = [row_of_right[q] for q in range(p - 1, -1, -1) if q in row_of_right][:1]
        after[anchors[0] if anchors else -1].append(group)
    ordered = list(after.get(-1, []))
    for r, group in enumerate(with_left):
        ordered.append(group)
        ordered.extend(after.get(r, []))
    return ordered


def _row(left: Source, right: Source, l_side: list[int], r_side: list[int]) -> Row:
    if l_side and r_side:
        result = diff_tokens(
            joined_tokens([left.paragraphs[p] for p in l_side]),
            joined_tokens([right.paragraphs[p] for p in r_side]),
        )
    else:
        side = -1 if l_side else 1
        source, indices = (left, l_side) if l_side else (right, r_side)
        text = PARAGRAPH_SEPARATOR.join(source.paragraphs[p].text for p in indices)
        result = WordDiff(((side, text),), 0.0)
    return Row(tuple(l_side), tuple(r_side), result.similarity, result.ops)


def joined_text(paragraphs: Sequence[Paragraph]) -> str:
    return PARAGRAPH_SEPARATOR.join(p.text for p in paragraphs)


_SEPARATOR_TOKEN = Token(PARAGRAPH_SEPARATOR, "", "", Kind.MARKER, 0, 0)


def joined_tokens(paragraphs: Sequence[Paragraph]) -> list[Token]:
    """Tokens of paragraphs joined by a line break (which is ignored when comparing).

    The tokens keep the offsets of their own paragraph: a diff needs only their text.
    """
    tokens: list[Token] = []
    for n, paragraph in enumerate(paragraphs):
        if n:
            tokens.append(_SEPARATOR_TOKEN)
        tokens.extend(paragraph.tokens)
    return tokens
