"""Tell the differences that change meaning from mere rewording, and where they fall.

A change is a run of deleted and inserted text between two equal stretches of a row's diff.
It changes meaning when a number differs (950 / 900 millions; 4 / quatre is equal and never
reaches here), a name differs, a negation appears or disappears, or a whole sentence is on one
side only. Everything else is rewording. `highlights` turns a row's diff into character spans
per paragraph and side, so the window and the exports mark exactly the same things.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from reader.core.compare import PARAGRAPH_SEPARATOR, Row
from reader.core.diff import DELETE, EQUAL, INSERT
from reader.core.lang import union
from reader.core.text import Kind, strip_accents, tokenize


class ChangeKind(StrEnum):
    NUMBER = "number"
    NAME = "name"
    NEGATION = "negation"
    SENTENCE = "sentence"  # a sentence dropped or added
    WORDING = "wording"
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
    first_op: int  # index of the change's first op in the row's diff
    last_op: int  # one past its last op

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


def changes(row: Row) -> list[Change]:
    """Return the changes of a matched row, each classified (computed once per row)."""
    found = row.memo.get("changes")
    if found is None:
        found = row.memo["changes"] = tuple(_classified_changes(row))
    return list(found)  # type: ignore[arg-type]


def _classified_changes(row: Row) -> list[Change]:
    found: list[Change] = []
    ops = row.diff
    # Only quotations are held to the statement's meaning, and a sentence on one side only
    # is a dropped sentence only between two paragraphs (not where passages were cut).
    judged = row.matched and row.quoted
    differs = _row_differences(ops) if judged else set()
    whole = judged and len(row.left) == 1 and len(row.right) == 1
    i = 0
    before = ""  # the equal text just before the change, to tell a sentence's start
    while i < len(ops):
        if ops[i][0] == EQUAL:
            before = ops[i][1]
            i += 1
            continue
        start = i
        left, right = [], []
        while i < len(ops) and ops[i][0] != EQUAL:
            (left if ops[i][0] == DELETE else right).append(ops[i][1])
            i += 1
        left_text, right_text = "".join(left), "".join(right)
        starts = not before.strip() or bool(_OPENS_SENTENCE.search(before))
        kind = classify_change(left_text, right_text, starts, differs, sentences=whole)
        if not judged and kind != ChangeKind.IGNORED:
            kind = ChangeKind.WORDING
        found.append(Change(kind, left_text, right_text, start, i))
    return found


def _row_differences(ops: Sequence[tuple[int, str]]) -> set[ChangeKind]:
    """Which kinds of content differ between the two sides of a whole row.

    A number, negation or name that only moves within the row (the same on both sides,
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


def highlights(row: Row, side: int) -> list[Highlight]:
    """Return the spans of a row's paragraphs on one side (-1 left, 1 right) that differ."""
    paragraphs = row.left if side == DELETE else row.right
    if not paragraphs or not row.matched:
        return []
    kinds = {}
    for change in changes(row):
        for op in range(change.first_op, change.last_op):
            kinds[op] = change.kind
    spans: list[Highlight] = []
    part, offset = 0, 0  # which paragraph of the row, and the offset inside it
    for n, (op, text) in enumerate(row.diff):
        if op not in (EQUAL, side):
            continue
        pieces = text.split(PARAGRAPH_SEPARATOR)
        for k, piece in enumerate(pieces):
            if k:
                part, offset = part + 1, 0
            if op == side and piece.strip() and kinds[n] != ChangeKind.IGNORED:
                start = offset + len(piece) - len(piece.lstrip())
                end = offset + len(piece.rstrip())
                spans.append(Highlight(paragraphs[part], start, end, kinds[n]))
            offset += len(piece)
    return spans


def substantive(rows: Sequence[Row]) -> list[Change]:
    """Return the changes that alter meaning across a comparison's matched rows."""
    return [c for row in rows if row.matched for c in changes(row) if c.kind.substantive]
