"""Tell the differences that change meaning from mere rewording, and where they fall.

A change is a run of deleted and inserted text between two equal stretches of an aligned
sentence pair's diff. It changes meaning when a number differs (950 / 900 millions; 4 /
quatre is equal and never reaches here), a name differs, or a negation appears or
disappears, and only where both sides carry the sentence as quotation and the change falls
inside what each side quotes: a reporting frame ("écrit-il", "Il ajoute :"), the quote marks,
and the part of a sentence a partial quote leaves out are never changes of meaning. A sentence
that one side leaves out while quoting its neighbours is "left out"; everything else is
rewording. `highlights` turns the changes into character spans per paragraph and side, so the
window and the exports mark exactly the same things; a moved sentence is marked as moved.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from reader.core.compare import Comparison, Row, SentencePair, Span
from reader.core.diff import DELETE, EQUAL, INSERT
from reader.core.lang import union
from reader.core.text import Kind, strip_accents, tokenize

# The quoted stretches of a paragraph (character ranges), or None if it is not a quotation.
Quoted = Callable[[int], Sequence[tuple[int, int]] | None]


class ChangeKind(StrEnum):
    NUMBER = "number"
    NAME = "name"
    NEGATION = "negation"
    SENTENCE = "sentence"  # a sentence left out or added between quotations
    WORDING = "wording"
    MOVED = "moved"  # a sentence both sides carry, in another order: a mark, not a change
    IGNORED = "ignored"  # only emoji, list markers or spacing: not a difference

    @property
    def substantive(self) -> bool:
        return self in (
            ChangeKind.NUMBER,
            ChangeKind.NAME,
            ChangeKind.NEGATION,
            ChangeKind.SENTENCE,
        )


@dataclass(frozen=True)
class Change:
    kind: ChangeKind
    left: str  # the text only on the left ("" if none)
    right: str  # the text only on the right
    first_op: int  # index of the change's first op in its sentence pair's diff
    last_op: int  # one past its last op
    sentence: int = 0  # index of the sentence pair in its row

    def describe(self, against: str | None = None) -> str:
        """One line for a list of differences: what changed, quoted from both sides.

        against names the left side when it is a reference (the statement): a sentence only
        there is then one the right side leaves out.
        """
        left, right = _short(self.left), _short(self.right)
        if self.kind == ChangeKind.SENTENCE:
            on_left = any(ch.isalnum() for ch in self.left)
            if against is not None:
                verb = "leaves out" if on_left else "adds"
                return f"{verb} a sentence of {against}: «{left if on_left else right}»"
            side, text = ("left", left) if on_left else ("right", right)
            return f"sentence only on the {side}: «{text}»"
        if not left:
            return f"{self.kind.value}: added «{right}»"
        if not right:
            return f"{self.kind.value}: dropped «{left}»"
        return f"{self.kind.value}: «{left}» → «{right}»"


_NEGATIONS = union().negations
_SENTENCE_END = re.compile(r"[.!?…]")


def classify_row(row: Row, left_quoted: Quoted, right_quoted: Quoted) -> tuple[Change, ...]:
    """Classify the changes of every sentence pair of a matched row."""
    if not row.matched:
        return ()
    found: list[Change] = []
    pairs = row.sentences
    for n, pair in enumerate(pairs):
        if pair.matched:
            found.extend(_pair_changes(n, pair, left_quoted, right_quoted))
        else:
            found.append(_one_sided(n, pairs, left_quoted, right_quoted))
    return tuple(found)


def diff_changes(ops: Sequence[tuple[int, str]], judged: bool = True) -> list[Change]:
    """Classify the changes of one diff on its own, as between two whole quotations."""
    widths = tuple(
        (len(t), len(t)) if op == EQUAL else (len(t), 0) if op == DELETE else (0, len(t))
        for op, t in ops
    )
    left = (Span(0, 0, sum(w for w, _ in widths)),)
    right = (Span(0, 0, sum(w for _, w in widths)),)
    pair = SentencePair(left, right, False, tuple(ops), widths=widths)

    def everything(paragraph: int) -> Sequence[tuple[int, int]] | None:
        return ((0, left[0].end + right[0].end),) if judged else None

    return _pair_changes(0, pair, everything, everything)


def _pair_changes(
    n: int, pair: SentencePair, left_quoted: Quoted, right_quoted: Quoted
) -> list[Change]:
    ops = pair.diff
    runs = list(_runs(ops))
    if not runs:
        return []
    positions = _positions(pair)
    judged_any = False
    judged: list[bool] = []
    for first, last in runs:
        inside = all(
            _inside(spans, positions[first][k], _side_text(ops[first:last], op), quoted)
            for spans, k, op, quoted in (
                (pair.left, 0, DELETE, left_quoted),
                (pair.right, 1, INSERT, right_quoted),
            )
        )
        judged.append(inside)
        judged_any = judged_any or inside
    differs = _differences(ops) if judged_any else set()
    found = []
    for (first, last), held in zip(runs, judged, strict=True):
        left_text = _side_text(ops[first:last], DELETE)
        right_text = _side_text(ops[first:last], INSERT)
        before = ops[first - 1][1] if first else ""
        starts = not before.strip() or bool(_OPENS_SENTENCE.search(before))
        kind = classify_change(left_text, right_text, starts, differs, sentences=held)
        if not held and kind != ChangeKind.IGNORED:
            kind = ChangeKind.WORDING
        found.append(Change(kind, left_text, right_text, first, last, n))
    return found


def _runs(ops: Sequence[tuple[int, str]]):
    """(first, last) op indices of each run of changes between equal stretches."""
    i = 0
    while i < len(ops):
        if ops[i][0] == EQUAL:
            i += 1
            continue
        start = i
        while i < len(ops) and ops[i][0] != EQUAL:
            i += 1
        yield start, i


def _positions(pair: SentencePair) -> list[tuple[int, int]]:
    """Offset of each op in the pair's joined text, on the left and on the right."""
    out, left, right = [], 0, 0
    for lw, rw in pair.widths:
        out.append((left, right))
        left, right = left + lw, right + rw
    out.append((left, right))
    return out


def _side_text(ops: Sequence[tuple[int, str]], side: int) -> str:
    return "".join(t for op, t in ops if op == side)


def _inside(spans: Sequence[Span], offset: int, text: str, quoted: Quoted) -> bool:
    """Tell whether a change's text on one side falls inside what that side quotes.

    A change with no text on this side sits at a point: it is inside only if the quote goes
    on after it (text a partial quote stops short of is no change).
    """
    lead = len(text) - len(text.lstrip())
    length = len(text.strip())
    where = _to_paragraph(spans, offset + lead)
    if where is None:
        return False
    paragraph, start = where
    ranges = quoted(paragraph)
    if not ranges:
        return False
    if length:
        return any(low <= start and start + length <= high for low, high in ranges)
    return any(low < start < high for low, high in ranges)


def _to_paragraph(spans: Sequence[Span], offset: int) -> tuple[int, int] | None:
    """The paragraph and offset of a position in spans joined by a line break."""
    position = 0
    for span in spans:
        length = span.end - span.start
        if offset <= position + length:
            return span.paragraph, span.start + max(0, offset - position)
        position += length + 1
    return None


def _one_sided(
    n: int, pairs: Sequence[SentencePair], left_quoted: Quoted, right_quoted: Quoted
) -> Change:
    """A sentence with no counterpart inside a row: left out (or added) between quotations."""
    pair = pairs[n]
    on_left = bool(pair.left)
    text = pair.diff[0][1] if pair.diff else ""
    own, other = (left_quoted, right_quoted) if on_left else (right_quoted, left_quoted)
    spans = pair.left if on_left else pair.right
    quoted_here = all(own(s.paragraph) for s in spans)
    neighbours = [p for p in (_neighbour(pairs, n, -1), _neighbour(pairs, n, 1)) if p is not None]
    quoted_there = bool(neighbours) and all(
        all(other(s.paragraph) for s in (p.right if on_left else p.left)) for p in neighbours
    )
    content = sum(1 for t in tokenize(text) if t.is_content)
    if not content:
        kind = ChangeKind.IGNORED
    elif quoted_here and quoted_there and content >= _SENTENCE_WORDS:
        kind = ChangeKind.SENTENCE
    else:
        kind = ChangeKind.WORDING
    left, right = (text, "") if on_left else ("", text)
    return Change(kind, left, right, 0, len(pair.diff), n)


def _neighbour(pairs: Sequence[SentencePair], n: int, step: int) -> SentencePair | None:
    k = n + step
    while 0 <= k < len(pairs):
        if pairs[k].matched:
            return pairs[k]
        k += step
    return None


def _differences(ops: Sequence[tuple[int, str]]) -> set[ChangeKind]:
    """Which kinds of content differ between the two sides of an aligned sentence pair.

    A number, negation or name that only moves within the pair (the same on both sides,
    elsewhere in the sentence) is rewording, not a change of meaning.
    """
    left_text = "".join(t for op, t in ops if op != INSERT)
    right_text = "".join(t for op, t in ops if op != DELETE)
    left, right = tokenize(left_text), tokenize(right_text)
    kinds = set()
    if _numbers(left) != _numbers(right):
        kinds.add(ChangeKind.NUMBER)
    if _negations(left) != _negations(right):
        kinds.add(ChangeKind.NEGATION)
    if _names(left_text, True) != _names(right_text, True):
        kinds.add(ChangeKind.NAME)
    return kinds


def classify_change(
    left: str,
    right: str,
    sentence_start: bool = True,
    row_differs: set[ChangeKind] | frozenset[ChangeKind] | None = None,
    sentences: bool = True,
) -> ChangeKind:
    """Classify one change by what differs between its two sides.

    sentence_start says whether the change begins a sentence, where a capital is no name;
    row_differs which kinds differ over the whole row (a kind that does not only moved);
    None when the change stands alone.
    """
    if row_differs is None:
        row_differs = {ChangeKind.NUMBER, ChangeKind.NEGATION, ChangeKind.NAME}
    lt, rt = tokenize(left), tokenize(right)
    l_content = [t for t in lt if t.is_content]
    r_content = [t for t in rt if t.is_content]
    if not l_content and not r_content:
        return ChangeKind.IGNORED
    # A whole sentence on one side only is that, whatever words it holds.
    one_sided = left.strip() if not r_content else right.strip() if not l_content else ""
    if one_sided and len(one_sided.split()) >= 5 and _SENTENCE_END.search(one_sided):
        return ChangeKind.SENTENCE if sentences else ChangeKind.WORDING
    if ChangeKind.NUMBER in row_differs and _numbers(lt) != _numbers(rt):
        return ChangeKind.NUMBER
    if ChangeKind.NEGATION in row_differs and _negations(lt) != _negations(rt):
        return ChangeKind.NEGATION
    if ChangeKind.NAME in row_differs and (
        _names(left, sentence_start) != _names(right, sentence_start)
    ):
        return ChangeKind.NAME
    return ChangeKind.WORDING


def _numbers(tokens: Sequence) -> list[str]:
    return sorted(t.norm for t in tokens if t.kind == Kind.NUMBER or t.norm.isdigit())


def _negations(tokens: Sequence) -> int:
    return sum(1 for t in tokens if t.norm in _NEGATIONS or t.norm.endswith("n't"))


_NAME = re.compile(r"(?<![.!?:«\"“]\s)\b[A-ZÀ-Ý][\w'’-]*[a-zà-ÿ][\w'’-]*")
_SENTENCE_WORDS = 3  # content words a left-out sentence has at least
_OPENS_SENTENCE = re.compile(r"[.!?:«\"“\n]\s*$")


def _names(text: str, sentence_start: bool) -> set[str]:
    """Capitalised words that do not start a sentence: names, as well as text can tell."""
    text = text.strip()
    return {
        strip_accents(m.group(0)).casefold()
        for m in _NAME.finditer(text)
        if m.start() > 0 or not sentence_start
    }


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# Where each change falls -----------------------------------------------------------------------


@dataclass(frozen=True)
class Highlight:
    """A span of one paragraph's text that differs, and how."""

    paragraph: int  # index in its source
    start: int
    end: int
    kind: ChangeKind


def highlights(comparison: Comparison, index: int, side: int) -> list[Highlight]:
    """Return the spans of a row's paragraphs on one side (-1 left, 1 right) that differ.

    A moved sentence is marked as moved over its whole text; its reworded words, if any, as
    changes on top of that.
    """
    row = comparison.rows[index]
    if not row.matched:
        return []
    spans: list[Highlight] = []
    for pair in row.sentences:
        own = pair.left if side == DELETE else pair.right
        if pair.moved and own:
            spans.extend(Highlight(s.paragraph, s.start, s.end, ChangeKind.MOVED) for s in own)
    for change in comparison.changes(index):
        if change.kind == ChangeKind.IGNORED:
            continue
        pair = row.sentences[change.sentence]
        spans.extend(_change_spans(pair, change, side))
    return spans


def _change_spans(pair: SentencePair, change: Change, side: int) -> list[Highlight]:
    own = pair.left if side == DELETE else pair.right
    k = 0 if side == DELETE else 1
    found: list[Highlight] = []
    offset = sum(w[k] for w in pair.widths[: change.first_op])
    for n in range(change.first_op, change.last_op):
        op, text = pair.diff[n]
        width = pair.widths[n][k]
        if op == side:
            found.extend(_pieces(own, offset, text, change.kind))
        offset += width
    return found


def _pieces(spans: Sequence[Span], offset: int, text: str, kind: ChangeKind) -> list[Highlight]:
    """The parts of a text at `offset` in the joined spans, per span, without outer spaces."""
    found, position = [], 0
    for span in spans:
        length = span.end - span.start
        low, high = max(offset, position), min(offset + len(text), position + length)
        if low < high:
            piece = text[low - offset : high - offset]
            lead = len(piece) - len(piece.lstrip())
            trail = len(piece) - len(piece.rstrip())
            if piece.strip():
                start = span.start + low - position
                found.append(
                    Highlight(span.paragraph, start + lead, start + high - low - trail, kind)
                )
        position += length + 1
    return found


def substantive(comparison: Comparison) -> list[Change]:
    """Return the changes that alter meaning across a comparison's matched rows."""
    return [
        c
        for n, row in enumerate(comparison.rows)
        if row.matched
        for c in comparison.changes(n)
        if c.kind.substantive
    ]
