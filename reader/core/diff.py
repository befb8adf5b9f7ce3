"""Word-level differences between two texts, in diff-match-patch's form.

Each distinct normalised token is mapped to one character (as `diff_linesToChars` does for
lines). The minimal edit script between the two character strings comes from rapidfuzz's
exact LCS (C++, bit-parallel: microseconds per paragraph, where diff-match-patch's Python
bisect needs milliseconds and, under its timeout, gives up on long texts); diff-match-patch's
semantic cleanup then groups the edits as a reader expects, and its (op, text) tuples are the
output. The result is mapped back to the original text. Tokens that compare equal after
normalisation (’ and ', « » with or without their no-break spaces, case, number words) come
out as equal, spelled as the left text spells them. Tokens ignored when comparing (emoji,
leading list markers and "> " prefixes) come out on their own side only, so the left side of
a diff always rebuilds the left text exactly.
"""

from __future__ import annotations

import operator
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain, compress
from operator import itemgetter
from typing import cast

import diff_match_patch
from rapidfuzz.distance import Indel

from reader.core.text import Kind, Token, Tokens

DELETE, EQUAL, INSERT = -1, 0, 1

_CLEANUP = diff_match_patch.diff_match_patch()


@dataclass(frozen=True)
class WordDiff:
    ops: tuple[tuple[int, str], ...]
    similarity: float  # share of content words in common, in [0, 1]
    # Characters each op stands for on the left and on the right. An equal op is spelled as
    # the left spells it, so its right width can differ ("4" / "quatre"): offsets into the
    # right text are counted with these, never with the op's text.
    widths: tuple[tuple[int, int], ...] = ()


Match = tuple[int, int]  # (left token index, right token index) of two tokens shown as equal
Run = tuple[int, int, int]  # (left token index, right token index, length) of matched tokens


@dataclass(frozen=True, slots=True)
class Columns:
    """A token sequence a column at a time: what a diff reads of each token.

    Built once per stretch of text and sliced, so that a diff's work is list operations
    done in C rather than an attribute read per token.
    """

    text: list[str]
    norm: list[str]  # "" for tokens ignored when comparing
    content: list[int]  # 1 for a word or a number
    core: list[int]  # characters before the token's trailing whitespace

    @classmethod
    def of(cls, tokens: Sequence[Token]) -> Columns:
        if isinstance(tokens, Tokens):  # read from the columns a paragraph keeps
            return cls(
                tokens.texts,
                tokens.norms(),
                tokens.contents(),
                list(map(operator.sub, tokens.ends, tokens.starts)),
            )
        return cls(
            list(map(_TEXT, tokens)),
            list(map(_NORM, tokens)),
            [int(t.kind in _CONTENT) for t in tokens],
            [t.end - t.start for t in tokens],
        )


def diff_tokens(left: Sequence[Token], right: Sequence[Token]) -> WordDiff:
    """Diff two token sequences word by word."""
    left_columns, right_columns = Columns.of(left), Columns.of(right)
    return diff_from_runs(left_columns, right_columns, match_runs(left_columns, right_columns))


def match_runs(left: Columns, right: Columns) -> list[Run]:
    """The tokens the word diff pairs as equal (after the semantic cleanup), as runs of
    neighbours on both sides, in order."""
    left_kept = list(compress(range(len(left.norm)), left.norm))
    right_kept = list(compress(range(len(right.norm)), right.norm))
    if not left_kept or not right_kept:
        return []
    left_norms, right_norms = (
        list(compress(left.norm, left.norm)),
        list(compress(right.norm, right.norm)),
    )
    if left_norms == right_norms:  # the common case of an identical sentence
        return _token_runs([(0, 0, len(left_kept))], left_kept, right_kept)
    codes = _codes(left_norms, right_norms)
    diffs = _minimal_diff(
        "".join(map(codes.__getitem__, left_norms)), "".join(map(codes.__getitem__, right_norms))
    )
    diffs = semantic_cleanup(diffs)
    equal: list[Run] = []  # (left kept index, right kept index, length)
    li = ri = 0
    for op, chars in diffs:
        n = len(chars)
        if op == EQUAL:
            equal.append((li, ri, n))
            li, ri = li + n, ri + n
        elif op == DELETE:
            li += n
        else:
            ri += n
    return _token_runs(equal, left_kept, right_kept)


def _token_runs(equal: list[Run], left_kept: list[int], right_kept: list[int]) -> list[Run]:
    """Runs of kept tokens as runs of tokens: a run breaks where an ignored token sits."""
    runs: list[Run] = []
    for li, ri, n in equal:
        a, b = left_kept[li], right_kept[ri]
        if left_kept[li + n - 1] - a == n - 1 and right_kept[ri + n - 1] - b == n - 1:
            runs.append((a, b, n))
            continue
        length = 1
        for i in range(1, n):
            if left_kept[li + i] == a + length and right_kept[ri + i] == b + length:
                length += 1
            else:
                runs.append((a, b, length))
                a, b, length = left_kept[li + i], right_kept[ri + i], 1
        runs.append((a, b, length))
    return runs


def diff_from_runs(left: Columns, right: Columns, runs: Sequence[Run]) -> WordDiff:
    """The diff that shows the matched tokens (increasing on both sides) as equal.

    Everything between two matches is on its own side, ignored tokens included, so the left
    side rebuilds the left text exactly. Each run of changes reads deletion first, then
    insertion, as diff-match-patch orders them.
    """
    out = _OpsBuilder()
    # The builder's change() and equal_run(), written out: they are called for each run.
    pending, equal_widths = out.equal_parts, out.equal_widths
    deleted, inserted = out.deleted, out.inserted
    join = "".join
    lpos = rpos = 0
    common = 0
    ltexts, rtexts, content = left.text, right.text, left.content
    for li, ri, n in runs:
        if li > lpos or ri > rpos:
            gone, new = join(ltexts[lpos:li]), join(rtexts[rpos:ri])
            if gone or new:
                if pending:
                    out.flush_equal()
                if gone:
                    deleted.append(gone)
                if new:
                    inserted.append(new)
        lpos, rpos = li + n, ri + n
        common += content[li:lpos].count(1)
        texts = ltexts[li:lpos]
        if texts == rtexts[ri:rpos]:
            if deleted or inserted:
                out.flush_changes()
            text = join(texts)
            pending.append(text)
            equal_widths[0] += len(text)
            equal_widths[1] += len(text)
        else:
            _equal_tokens(out, left, right, li, ri, n)
    if lpos < len(ltexts) or rpos < len(rtexts):
        out.change("".join(ltexts[lpos:]), "".join(rtexts[rpos:]))
    total = content.count(1) + right.content.count(1)
    similarity = round(2 * common / total, 3) if total else 1.0
    ops, widths = out.finish()
    return WordDiff(ops, similarity, widths)


def _equal_tokens(
    out: _OpsBuilder, left: Columns, right: Columns, li: int, ri: int, n: int
) -> None:
    """Matched tokens spelled differently: each is equal, spaces on one side only that side's."""
    ltexts, rtexts = left.text[li : li + n], right.text[ri : ri + n]
    start = 0  # the first token not written yet; those before each unlike one are alike
    for k in compress(range(n), map(operator.ne, ltexts, rtexts)):
        if k > start:
            out.equal_run(ltexts[start:k])
        ltext, rtext = ltexts[k], rtexts[k]
        core, right_core = left.core[li + k], right.core[ri + k]
        if len(ltext) > core and len(rtext) > right_core:  # spaces of any kind are equal
            out.equal(ltext, len(ltext), len(rtext))
        else:  # a space on one side only is that side's
            out.equal(ltext[:core], core, right_core)
            out.change(ltext[core:], rtext[right_core:])
        start = k + 1
    if start < n:
        out.equal_run(ltexts[start:])


_TEXT, _NORM = itemgetter(0), itemgetter(1)  # a Token's text and norm, read in C
_CONTENT = (Kind.WORD, Kind.NUMBER)  # a tuple: Enum members hash slowly, compare fast


class _OpsBuilder:
    """Collect ops, joining runs: equal text, and each run of changes as one deletion then
    one insertion.

    At most one of the two is pending at a time: equal text waits in `equal_parts`, changes
    in `deleted` and `inserted`; the one pending is written out when the other comes.
    """

    __slots__ = ("deleted", "equal_parts", "equal_widths", "inserted", "ops", "widths")

    def __init__(self) -> None:
        self.ops: list[tuple[int, str]] = []
        self.widths: list[tuple[int, int]] = []
        self.equal_parts: list[str] = []
        self.equal_widths = [0, 0]
        self.deleted: list[str] = []
        self.inserted: list[str] = []

    def equal(self, text: str, left_width: int, right_width: int) -> None:
        if self.deleted or self.inserted:
            self.flush_changes()
        self.equal_parts.append(text)
        widths = self.equal_widths
        widths[0] += left_width
        widths[1] += right_width

    def equal_run(self, texts: list[str]) -> None:
        """Tokens spelled alike on both sides."""
        text = "".join(texts)
        self.equal(text, len(text), len(text))

    def change(self, deleted: str, inserted: str) -> None:
        """Text deleted, then text inserted (either may be empty)."""
        if deleted or inserted:
            if self.equal_parts:
                self.flush_equal()
            if deleted:
                self.deleted.append(deleted)
            if inserted:
                self.inserted.append(inserted)

    # The pending lists are emptied in place: diff_from_runs holds them.
    def flush_equal(self) -> None:
        self.ops.append((EQUAL, "".join(self.equal_parts)))
        self.widths.append(_shared_widths(*self.equal_widths))
        self.equal_parts.clear()
        self.equal_widths[0] = self.equal_widths[1] = 0

    def flush_changes(self) -> None:
        deleted, inserted = self.deleted, self.inserted
        if deleted:
            text = deleted[0] if len(deleted) == 1 else "".join(deleted)
            self.ops.append((DELETE, text))
            self.widths.append(_shared_widths(len(text), 0))
            deleted.clear()
        if inserted:
            text = inserted[0] if len(inserted) == 1 else "".join(inserted)
            self.ops.append((INSERT, text))
            self.widths.append(_shared_widths(0, len(text)))
            inserted.clear()

    def finish(self) -> tuple[tuple[tuple[int, str], ...], tuple[tuple[int, int], ...]]:
        if self.equal_parts:
            self.flush_equal()
        self.flush_changes()
        return tuple(self.ops), tuple(self.widths)


# One tuple for each pair of widths: a book's diffs hold a hundred thousand ops, whose widths
# are a few thousand distinct pairs. Bounded, so that a long-running window does not grow.
_WIDTHS: dict[tuple[int, int], tuple[int, int]] = {}
_MAX_WIDTHS = 100_000


def _shared_widths(left: int, right: int) -> tuple[int, int]:
    pair = (left, right)
    found = _WIDTHS.get(pair)
    if found is None:
        if len(_WIDTHS) > _MAX_WIDTHS:
            _WIDTHS.clear()
        found = _WIDTHS[pair] = pair
    return found


def semantic_cleanup(diffs: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """diff-match-patch's `diff_cleanupSemantic`, the same diff, with its first pass done
    over the equalities alone.

    That pass turns into a deletion and an insertion each equality no longer than the
    changes on either side of it, going back two equalities after each one it turns, so
    that their sides are weighed again. Which equalities it turns depends only on their
    lengths and on the changes' lengths between them, so it is decided here on those
    numbers (a few per equality instead of a list insertion and a rescan per change).
    The merge, the shifts to word bounds and the overlaps are diff-match-patch's own.
    """
    turned = _turned_equalities(diffs)
    if turned:
        rebuilt: list[tuple[int, str]] = []
        for n, (op, text) in enumerate(diffs):
            if n in turned:
                rebuilt.append((DELETE, text))
                rebuilt.append((INSERT, text))
            else:
                rebuilt.append((op, text))
        diffs = rebuilt
        _CLEANUP.diff_cleanupMerge(diffs)
    _CLEANUP.diff_cleanupSemanticLossless(diffs)
    _extract_overlaps(diffs)
    return diffs


def _turned_equalities(diffs: list[tuple[int, str]]) -> set[int]:
    """The positions of the equalities diff_cleanupSemantic's first pass turns into changes.

    The diff is read as its equalities (numbered from 1) and, before each one and after the
    last, the lengths inserted and deleted there. A turned equality's text and the changes
    on both sides of it become one stretch of changes; the scan then starts again after
    the equality before the one before it, with none pending, as the original does.
    """
    lengths = [0]  # of each equality
    where = [-1]  # its position in diffs
    gaps = [[0, 0], [0, 0]]  # [inserted, deleted] before each equality, then after the last
    gap = gaps[1]
    for n, (op, text) in enumerate(diffs):
        if op == EQUAL:
            lengths.append(len(text))
            where.append(n)
            gap = [0, 0]
            gaps.append(gap)
        elif op == INSERT:
            gap[0] += len(text)
        else:
            gap[1] += len(text)
    end = len(lengths)  # the stretch after the last equality is gaps[end]
    following = list(range(1, end + 1))  # the equalities still standing, linked; 0 starts
    preceding = list(range(-1, end + 1))
    turned: set[int] = set()
    scanned: list[int] = []  # the original's `equalities`
    pending = 0  # the equality the changes read are weighed against (0: none)
    before_inserted = before_deleted = after_inserted = after_deleted = 0
    k = following[0]
    while True:
        inserted, deleted = gaps[k]
        after_inserted += inserted
        after_deleted += deleted
        size = lengths[pending]
        if (
            size
            and (inserted or deleted)
            and size <= max(before_inserted, before_deleted)
            and size <= max(after_inserted, after_deleted)
        ):
            turned.add(where[pending])
            gap = gaps[k]  # the changes around it and its own text become one stretch
            gap[0] += gaps[pending][0] + size
            gap[1] += gaps[pending][1] + size
            following[preceding[pending]] = k
            preceding[k] = preceding[pending]
            scanned.pop()
            if scanned:
                scanned.pop()
            k = following[scanned[-1]] if scanned else following[0]
            pending = before_inserted = before_deleted = after_inserted = after_deleted = 0
            continue
        if k == end:
            return turned
        scanned.append(k)
        before_inserted, before_deleted = after_inserted, after_deleted
        after_inserted = after_deleted = 0
        pending = k
        k = following[k]


def _extract_overlaps(diffs: list[tuple[int, str]]) -> None:
    """diff_cleanupSemantic's last pass: where a deletion and the insertion after it
    overlap (the end of one is the start of the other) by half of either, the overlap
    becomes an equality between them."""
    overlap = _CLEANUP.diff_commonOverlap
    pointer = 1
    while pointer < len(diffs):
        if diffs[pointer - 1][0] == DELETE and diffs[pointer][0] == INSERT:
            deletion, insertion = diffs[pointer - 1][1], diffs[pointer][1]
            forward, backward = overlap(deletion, insertion), overlap(insertion, deletion)
            if forward >= backward:
                if forward >= len(deletion) / 2.0 or forward >= len(insertion) / 2.0:
                    diffs.insert(pointer, (EQUAL, insertion[:forward]))
                    diffs[pointer - 1] = (DELETE, deletion[: len(deletion) - forward])
                    diffs[pointer + 1] = (INSERT, insertion[forward:])
                    pointer += 1
            elif backward >= len(deletion) / 2.0 or backward >= len(insertion) / 2.0:
                diffs.insert(pointer, (EQUAL, deletion[:backward]))
                diffs[pointer - 1] = (INSERT, insertion[: len(insertion) - backward])
                diffs[pointer + 1] = (DELETE, deletion[backward:])
                pointer += 1
            pointer += 1
        pointer += 1


def _minimal_diff(a: str, b: str) -> list[tuple[int, str]]:
    diffs: list[tuple[int, str]] = []
    # as_list() gives (tag, a_start, a_end, b_start, b_end) tuples; its stubs say less.
    opcodes = cast("list[tuple[str, int, int, int, int]]", Indel.opcodes(a, b).as_list())
    for tag, a_start, a_end, b_start, b_end in opcodes:
        if tag == "equal":
            diffs.append((EQUAL, a[a_start:a_end]))
        elif tag == "delete":
            diffs.append((DELETE, a[a_start:a_end]))
        else:
            diffs.append((INSERT, b[b_start:b_end]))
    return diffs


def _codes(left: list[str], right: list[str]) -> dict[str, str]:
    """One character for each distinct normalised token, numbered in order of appearance."""
    distinct = dict.fromkeys(chain(left, right))
    numbers = range(1, len(distinct) + 1)
    if len(distinct) >= 0xD800:  # skip the surrogate range, which a str cannot hold alone
        return dict(
            zip(distinct, (chr(n if n < 0xD800 else n + 0x800) for n in numbers), strict=True)
        )
    return dict(zip(distinct, map(chr, numbers), strict=True))


def rebuild(ops: Sequence[tuple[int, str]], side: int) -> str:
    """Return one side's text from a diff: side -1 for the left, 1 for the right."""
    return "".join(text for op, text in ops if op in (EQUAL, side))
