"""Pair the paragraphs of two sources into rows, following their aligned sentences.

The sentences of the two sources are aligned first (alignment.py): one facing one, or several
facing several where the sources split them differently, moved text kept apart. A row is then
the smallest block of paragraphs closed under that alignment: every paragraph that holds a
sentence of the block's groups is in the block, on both sides, so rows may pair many
paragraphs with many. A paragraph no group reaches is a row of its own. Rows come in
left-source order; a right paragraph with no counterpart follows the row of the right
paragraph before it.

Inside a row each group of aligned sentences has its own word diff; a moved group's text is
equal to its counterpart, not deleted on one side and inserted on the other. The row's diff,
which rebuilds both sides, is made of the same matched words, in the order both sides keep.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import TYPE_CHECKING

from reader.core.alignment import (
    Group,
    SentenceBags,
    SentenceIndex,
    align,
    corpus_links,
)
from reader.core.diff import (
    DELETE,
    EQUAL,
    INSERT,
    Columns,
    Match,
    Run,
    diff_from_runs,
    match_runs,
)
from reader.core.linking import Link
from reader.core.model import Paragraph, Source
from reader.core.splits import CLAUSE_ENDS, Piece, split_group
from reader.core.splits import Side as SplitSide
from reader.core.units import UnitTable

if TYPE_CHECKING:
    from reader.core.substance import Change

PARAGRAPH_SEPARATOR = "\n"


@dataclass(frozen=True, slots=True)
class Span:
    """Characters [start, end) of a paragraph's text, as printed."""

    paragraph: int
    start: int
    end: int


@dataclass(frozen=True)
class SentencePair:
    """Aligned sentences of a row: spans on each side (one side empty: no counterpart).

    `diff` rebuilds each side's spans joined by a line break; `widths` gives, for each op,
    how many characters it stands for on the left and on the right.
    """

    left: tuple[Span, ...]
    right: tuple[Span, ...]
    moved: bool
    diff: tuple[tuple[int, str], ...]
    similarity: float = 0.0
    widths: tuple[tuple[int, int], ...] = field(default=(), repr=False, compare=False)

    @property
    def matched(self) -> bool:
        return bool(self.left and self.right)

    @property
    def differs(self) -> bool:
        """One side only, or words (not only typography or spacing) that differ."""
        if not self.matched:
            return True
        return any(op != EQUAL and _has_content(text) for op, text in self.diff)

    def mirrored(self, right: Source) -> SentencePair:
        """The pair seen from the other side, its equal text spelled as that side spells it."""
        text = PARAGRAPH_SEPARATOR.join(
            right.paragraphs[s.paragraph].text[s.start : s.end] for s in self.right
        )
        return SentencePair(
            self.right,
            self.left,
            self.moved,
            mirrored_ops(self.diff, self.widths, text),
            self.similarity,
            tuple((b, a) for a, b in self.widths),
        )


def mirrored_ops(
    ops: Sequence[tuple[int, str]], widths: Sequence[tuple[int, int]], right_text: str
) -> tuple[tuple[int, str], ...]:
    """Swap a diff's sides; equal stretches take the right side's spelling."""
    out, position = [], 0
    for (op, text), (_, width) in zip(ops, widths, strict=True):
        if op == EQUAL:
            text = right_text[position : position + width]
        out.append((-op, text))
        position += width
    return tuple(out)


def _has_content(text: str) -> bool:
    return any(ch.isalnum() for ch in text)


@dataclass(frozen=True)
class Row:
    left: tuple[int, ...]
    right: tuple[int, ...]
    similarity: float
    diff: tuple[tuple[int, str], ...]
    sentences: tuple[SentencePair, ...] = ()
    # Both sides quote the statement: only then are their differences held to meaning (a
    # report rewords by nature). The corpus sets it from the labels.
    quoted: bool = True
    widths: tuple[tuple[int, int], ...] = field(default=(), repr=False, compare=False)

    @property
    def matched(self) -> bool:
        return bool(self.left and self.right)


@dataclass(frozen=True, slots=True)
class Stop:
    """A difference to step to: a sentence of a row, or a whole row (sentence -1)."""

    row: int
    sentence: int


@dataclass(frozen=True)
class Comparison:
    """The rows of a pair, with the tables the window and exports read, computed once."""

    left: Source
    right: Source
    rows: tuple[Row, ...]
    left_rows: tuple[int, ...] = field(init=False, repr=False, compare=False)
    right_rows: tuple[int, ...] = field(init=False, repr=False, compare=False)
    left_differs: tuple[bool, ...] = field(init=False, repr=False, compare=False)
    right_differs: tuple[bool, ...] = field(init=False, repr=False, compare=False)
    differences: tuple[Stop, ...] = field(init=False, repr=False, compare=False)
    # Classifies a row's changes once the labels are known (the corpus sets it).
    judge: Callable[[Row], tuple[Change, ...]] | None = field(
        default=None, repr=False, compare=False
    )
    # Each row's changes, classified the first time they are asked for: a megabyte pair is
    # printed as JSON without them, and a window classifies what it shows.
    _classified: dict[int, tuple[Change, ...]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        tables = _tables(self.rows, len(self.left.paragraphs), len(self.right.paragraphs))
        for name, value in zip(
            ("left_rows", "right_rows", "left_differs", "right_differs", "differences"),
            tables,
            strict=True,
        ):
            object.__setattr__(self, name, value)

    def changes(self, row: int) -> tuple[Change, ...]:
        """The classified changes of a row's sentences (none before the labels are known)."""
        found = self._classified.get(row)
        if found is None:
            found = self.judge(self.rows[row]) if self.judge is not None else ()
            self._classified[row] = found
        return found

    def row_of(self, side: int, paragraph: int) -> int:
        """The row holding a paragraph of one side (-1 left, 1 right)."""
        return (self.left_rows if side == DELETE else self.right_rows)[paragraph]


def _tables(
    rows: Sequence[Row], n_left: int, n_right: int
) -> tuple[tuple[int, ...], tuple[int, ...], tuple[bool, ...], tuple[bool, ...], tuple[Stop, ...]]:
    left_rows, right_rows = [-1] * n_left, [-1] * n_right
    left_differs, right_differs = [False] * n_left, [False] * n_right
    stops: list[Stop] = []
    for r, row in enumerate(rows):
        for p in row.left:
            left_rows[p] = r
        for p in row.right:
            right_rows[p] = r
        if not row.matched:
            stops.append(Stop(r, -1))
            for p in row.left:
                left_differs[p] = True
            for p in row.right:
                right_differs[p] = True
            continue
        for n, pair in enumerate(row.sentences):
            if pair.differs:
                stops.append(Stop(r, n))
                for span in pair.left:
                    left_differs[span.paragraph] = True
                for span in pair.right:
                    right_differs[span.paragraph] = True
    return (
        tuple(left_rows),
        tuple(right_rows),
        tuple(left_differs),
        tuple(right_differs),
        tuple(stops),
    )


def source_rows(
    left: Source,
    right: Source,
    left_index: int,
    right_index: int,
    table: UnitTable,
    links: Sequence[Link],
    forced: Collection[tuple[int, ...]] = (),
    forbidden: Collection[tuple[int, ...]] = (),
) -> Iterator[Row]:
    """The rows pairing the paragraphs of two sources of one corpus, each diffed when it is
    read: a printer that reads each once holds one row at a time, not a book's diffs. The
    sentences are aligned at the call.

    `forced` and `forbidden` are (left paragraph, right paragraph) pairs a reader linked or
    unlinked by hand, or (left paragraph, right paragraph, left sentence, right sentence)
    for two sentences (numbered inside their paragraphs, -1 for the whole paragraph): they
    win over what the texts suggest.
    """
    where = (SentenceIndex.of(left), SentenceIndex.of(right))
    never = {pair if len(pair) == 4 and -1 not in pair[2:] else pair[:2] for pair in forbidden}

    def allowed(a: int, b: int) -> bool:
        paragraphs = (where[0].paragraph[a], where[1].paragraph[b])
        sentences = (*paragraphs, where[0].number[a], where[1].number[b])
        return paragraphs not in never and sentences not in never

    found = corpus_links(left_index, right_index, table, links)
    groups = align(
        len(where[0]),
        len(where[1]),
        [link for link in found if allowed(link[0], link[1])] if never else found,
        SentenceBags.of_corpus(left_index, right_index, table),
        allowed if never else None,
    )
    if forced:
        groups = _with_forced(groups, where, forced)
    idf = table.idf
    return rows_from_groups(left, right, groups, where, lambda key: idf.get(key, 1.0))


def _with_forced(
    groups: Sequence[Group],
    where: tuple[SentenceIndex, SentenceIndex],
    forced: Collection[tuple[int, ...]],
) -> list[Group]:
    """Join the sentences of each pair of paragraphs (or sentences) a reader linked into one
    group."""
    result = list(groups)
    for link in sorted(forced):
        chosen = link if len(link) == 4 else (*link[:2], -1, -1)
        mine = tuple(
            {
                s
                for s, p in enumerate(index.paragraph)
                if p == paragraph and sentence in (-1, index.number[s])
            }
            for index, paragraph, sentence in zip(where, chosen[:2], chosen[2:], strict=True)
        )
        if not (mine[0] and mine[1]):
            continue
        kept = []
        for group in result:  # the linked paragraphs' sentences leave their old groups
            rest = (
                tuple(s for s in group.left if s not in mine[0]),
                tuple(s for s in group.right if s not in mine[1]),
            )
            kept.extend(Group((s,), ()) for s in rest[0] if not rest[1])
            kept.extend(Group((), (s,)) for s in rest[1] if not rest[0])
            if rest[0] and rest[1]:
                kept.append(Group(rest[0], rest[1], group.moved))
        kept.append(Group(tuple(sorted(mine[0])), tuple(sorted(mine[1]))))
        result = kept
    return result


def comparison_from_groups(
    left: Source,
    right: Source,
    groups: Sequence[Group],
    where: tuple[SentenceIndex, SentenceIndex] | None = None,
    weight: Callable[[str], float] | None = None,
) -> Comparison:
    """Rows closed under aligned sentence groups, each group diffed on its own.

    With `weight` (of a word key), a many-to-many group is cut where the sources' sentence
    ends cross (splits.py)."""
    return Comparison(left, right, tuple(rows_from_groups(left, right, groups, where, weight)))


def rows_from_groups(
    left: Source,
    right: Source,
    groups: Sequence[Group],
    where: tuple[SentenceIndex, SentenceIndex] | None = None,
    weight: Callable[[str], float] | None = None,
) -> Iterator[Row]:
    """comparison_from_groups's rows, each diffed when it is read."""
    where = where or (SentenceIndex.of(left), SentenceIndex.of(right))
    blocks = _blocks(groups, where, len(left.paragraphs), len(right.paragraphs))
    row_of_left = {p: n for n, (ls, _) in enumerate(blocks) for p in ls}
    row_of_right = {p: n for n, (_, rs) in enumerate(blocks) for p in rs}
    members: dict[int, list[Group]] = defaultdict(list)
    for group in groups:
        if group.left:
            members[row_of_left[where[0].paragraph[group.left[0]]]].append(group)
        else:
            members[row_of_right[where[1].paragraph[group.right[0]]]].append(group)
    return (_row(left, right, where, block, members[n], weight) for n, block in enumerate(blocks))


def _blocks(
    groups: Sequence[Group], where: tuple[SentenceIndex, SentenceIndex], n_left: int, n_right: int
) -> list[tuple[list[int], list[int]]]:
    """The smallest paragraph blocks closed under the groups, in left-source order."""
    parent = list(range(n_left + n_right))  # left paragraphs, then right ones

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for group in groups:
        if not (group.left and group.right):
            continue
        nodes = [where[0].paragraph[s] for s in group.left]
        nodes += [n_left + where[1].paragraph[s] for s in group.right]
        root = find(nodes[0])
        for node in nodes[1:]:
            other = find(node)
            if other != root:
                parent[other] = root
    members: dict[int, tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
    for p in range(n_left):
        members[find(p)][0].append(p)
    for p in range(n_right):
        members[find(n_left + p)][1].append(p)
    return _in_left_order(list(members.values()))


def mirrored(comparison: Comparison) -> Comparison:
    """The same alignment seen from the other side: swapping panes keeps every pairing."""
    right = comparison.right
    by_group = {
        (row.right, row.left): Row(
            row.right,
            row.left,
            row.similarity,
            mirrored_ops(
                row.diff, row.widths, joined_text([right.paragraphs[p] for p in row.right])
            )
            if row.widths
            else tuple((-op, text) for op, text in row.diff),
            _sentences_in_left_order([pair.mirrored(right) for pair in row.sentences]),
            widths=tuple((b, a) for a, b in row.widths),
        )
        for row in comparison.rows
    }
    ordered = _in_left_order([(list(a), list(b)) for a, b in by_group])
    rows = tuple(by_group[(tuple(a), tuple(b))] for a, b in ordered)
    return Comparison(comparison.right, comparison.left, rows)


def _sentences_in_left_order(pairs: list[SentencePair]) -> tuple[SentencePair, ...]:
    """Order a row's sentence pairs as _in_left_order orders groups, by their spans."""
    left_keys = sorted({(s.paragraph, s.start) for p in pairs for s in p.left})
    right_keys = sorted({(s.paragraph, s.start) for p in pairs for s in p.right})
    ranks = ({k: n for n, k in enumerate(left_keys)}, {k: n for n, k in enumerate(right_keys)})
    keyed = {
        (
            tuple(ranks[0][(s.paragraph, s.start)] for s in p.left),
            tuple(ranks[1][(s.paragraph, s.start)] for s in p.right),
        ): p
        for p in pairs
    }
    ordered = _in_left_order([(list(a), list(b)) for a, b in keyed])
    return tuple(keyed[(tuple(a), tuple(b))] for a, b in ordered)


def _in_left_order(
    groups: list[tuple[list[int], list[int]]],
) -> list[tuple[list[int], list[int]]]:
    """Groups with a left side by their first left member; a right-only group follows the
    group that holds the right member just before its own."""
    with_left = sorted((g for g in groups if g[0]), key=lambda g: min(g[0]))
    right_only = sorted((g for g in groups if not g[0]), key=lambda g: min(g[1]))
    anchors = sorted((p, r) for r, g in enumerate(with_left) for p in g[1])
    keys = [p for p, _ in anchors]
    after: dict[int, list[tuple[list[int], list[int]]]] = defaultdict(list)
    for group in right_only:
        i = bisect_left(keys, min(group[1])) - 1
        after[anchors[i][1] if i >= 0 else -1].append(group)
    ordered = list(after.get(-1, []))
    for r, group in enumerate(with_left):
        ordered.append(group)
        ordered.extend(after.get(r, []))
    return ordered


def _row(
    left: Source,
    right: Source,
    where: tuple[SentenceIndex, SentenceIndex],
    block: tuple[list[int], list[int]],
    groups: list[Group],
    weight: Callable[[str], float] | None,
) -> Row:
    l_side, r_side = block
    ordered = _in_left_order([(list(g.left), list(g.right)) for g in groups])
    by_members = {(g.left, g.right): g for g in groups}
    groups = [by_members[(tuple(a), tuple(b))] for a, b in ordered]
    left_tokens = _RowTokens(left, l_side)
    right_tokens = _RowTokens(right, r_side)
    pairs: list[SentencePair] = []
    runs: list[Run] = []
    for group in groups:
        for left_pieces, right_pieces in _parts(group, where, left, right, weight):
            _add_pair(
                left_tokens.of(where[0], left_pieces),
                right_tokens.of(where[1], right_pieces),
                group.moved,
                pairs,
                runs,
            )
    if l_side and r_side:
        result = diff_from_runs(left_tokens.columns, right_tokens.columns, _increasing(runs))
        ops, similarity, widths = result.ops, result.similarity, result.widths
    else:
        side = DELETE if l_side else INSERT
        text = "".join((left_tokens if l_side else right_tokens).columns.text)
        ops, similarity = ((side, text),), 0.0
        widths = ((len(text), 0),) if l_side else ((0, len(text)),)
    return Row(tuple(l_side), tuple(r_side), similarity, ops, tuple(pairs), widths=widths)


_Gathered = tuple[Columns, list[int], tuple[Span, ...]]


def _add_pair(
    left: _Gathered, right: _Gathered, moved: bool, pairs: list[SentencePair], runs: list[Run]
) -> None:
    """Diff one pair of aligned sentences (or pieces); keep its matches for the row's diff."""
    (lt, lmap, lspans), (rt, rmap, rspans) = left, right
    if lt.text and rt.text:
        found = match_runs(lt, rt)
        result = diff_from_runs(lt, rt, found)
        if not moved:  # a run never crosses a piece's end, so it stays a run in the row
            runs.extend((lmap[a], rmap[b], n) for a, b, n in found)
        pairs.append(
            SentencePair(lspans, rspans, moved, result.ops, result.similarity, result.widths)
        )
    elif lt.text or rt.text:
        side, texts = (DELETE, lt.text) if lt.text else (INSERT, rt.text)
        text = "".join(texts)
        width = (len(text), 0) if side == DELETE else (0, len(text))
        pairs.append(SentencePair(lspans, rspans, False, ((side, text),), 0.0, (width,)))


def _parts(
    group: Group,
    where: tuple[SentenceIndex, SentenceIndex],
    left: Source,
    right: Source,
    weight: Callable[[str], float] | None,
) -> list[tuple[list[Piece], list[Piece]]]:
    """The group's sentences as (sentence, first token, end) pieces, cut where ends cross."""
    whole = (
        [(s, 0, -1) for s in group.left],
        [(s, 0, -1) for s in group.right],
    )
    if weight is None or group.moved or len(group.left) < 2 or len(group.right) < 2:
        return [whole]
    sides = (_split_side(left, where[0], group.left), _split_side(right, where[1], group.right))
    return [
        ([(group.left[s], a, b) for s, a, b in lp], [(group.right[s], a, b) for s, a, b in rp])
        for lp, rp in split_group(sides[0], sides[1], weight)
    ]


def _split_side(source: Source, where: SentenceIndex, sentences: Sequence[int]) -> SplitSide:
    keys, ends = [], []
    for s in sentences:
        paragraph = source.paragraphs[where.paragraph[s]]
        sentence = paragraph.sentences[where.number[s]]
        keys.append(paragraph.tokens.keys(sentence.first_token, sentence.last_token))
        texts = paragraph.tokens.spellings(sentence.first_token, sentence.last_token)
        ends.append([n + 1 for n, text in enumerate(texts) if text[:1] in CLAUSE_ENDS])
    return SplitSide(keys, ends)


class _RowTokens:
    """The tokens of a row's paragraphs on one side, joined by line breaks, as columns."""

    def __init__(self, source: Source, paragraphs: list[int]) -> None:
        self.source = source
        self.base: dict[int, int] = {}  # first token of each paragraph in self.columns
        columns = None
        for p in paragraphs:
            own = Columns.of(source.paragraphs[p].tokens)
            if columns is None:  # the first paragraph's own columns (most rows have one)
                self.base[p] = 0
                columns = own
                continue
            _append_separator(columns)
            self.base[p] = len(columns.text)
            columns.text.extend(own.text)
            columns.norm.extend(own.norm)
            columns.content.extend(own.content)
            columns.core.extend(own.core)
        self.columns = columns if columns is not None else Columns([], [], [], [])

    def of(self, where: SentenceIndex, pieces: Sequence[Piece]) -> _Gathered:
        """Tokens of some sentences or pieces of them (each ending on its last character),
        where each is in the row's tokens (-1 for the line break between them), and their
        spans. A piece is (sentence, first token, end), its end -1 for the sentence's end."""
        row = self.columns
        gathered = Columns([], [], [], [])
        positions: list[int] = []
        spans: list[Span] = []
        for s, a, b in pieces:
            p = where.paragraph[s]
            paragraph = self.source.paragraphs[p]
            sentence = paragraph.sentences[where.number[s]]
            count = len(paragraph.tokens)
            first = min(sentence.first_token + a, count)
            last = min(sentence.last_token if b < 0 else sentence.first_token + b, count)
            if last <= first:
                continue
            if gathered.text:
                _append_separator(gathered)
                positions.append(-1)
            start, end = self.base[p] + first, self.base[p] + last
            texts = row.text[start:end]
            texts[-1] = texts[-1][: max(0, row.core[end - 1])]
            if gathered.text:
                gathered.text.extend(texts)
                gathered.norm.extend(row.norm[start:end])
                gathered.content.extend(row.content[start:end])
                gathered.core.extend(row.core[start:end])
            else:  # the first piece: its slices serve as they are
                gathered = Columns(
                    texts, row.norm[start:end], row.content[start:end], row.core[start:end]
                )
            positions.extend(range(start, end))
            tokens = paragraph.tokens
            end_offset = max(tokens.ends[last - 1], tokens.starts[last - 1])
            spans.append(Span(p, tokens.starts[first], end_offset))
        return gathered, positions, tuple(spans)


def _append_separator(columns: Columns) -> None:
    columns.text.append(PARAGRAPH_SEPARATOR)
    columns.norm.append("")
    columns.content.append(False)
    columns.core.append(0)


def _increasing(runs: list[Run]) -> list[Run]:
    """The longest run of matches increasing on both sides.

    The sentence pairs of a row that are not moved keep the order of both sides, so their
    runs mostly follow each other already; only when they do not is each match weighed."""
    runs.sort()
    if all(a + n <= c and b + n <= d for (a, b, n), (c, d, _) in pairwise(runs)):
        return runs
    matches = sorted((a + i, b + i) for a, b, n in runs for i in range(n))
    return [(a, b, 1) for a, b in _increasing_matches(matches)]


def _increasing_matches(matches: list[Match]) -> list[Match]:
    """The longest run of matches increasing on both sides (sorted by the left already)."""
    tails: list[int] = []  # right index ending the best run of each length
    tail_item: list[int] = []
    previous = [-1] * len(matches)
    for n, (_, right) in enumerate(matches):
        k = bisect_left(tails, right)
        if k == len(tails):
            tails.append(right)
            tail_item.append(n)
        else:
            tails[k] = right
            tail_item[k] = n
        previous[n] = tail_item[k - 1] if k else -1
    kept: list[Match] = []
    n = tail_item[-1] if tail_item else -1
    while n >= 0:
        kept.append(matches[n])
        n = previous[n]
    return kept[::-1]


def joined_text(paragraphs: Sequence[Paragraph]) -> str:
    return PARAGRAPH_SEPARATOR.join(p.text for p in paragraphs)
