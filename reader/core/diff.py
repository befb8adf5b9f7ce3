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

from collections.abc import Sequence
from dataclasses import dataclass

import diff_match_patch
from rapidfuzz.distance import Indel

from reader.core.text import Kind, Token

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


def diff_tokens(left: Sequence[Token], right: Sequence[Token]) -> WordDiff:
    """Diff two token sequences word by word."""
    return diff_from_matches(left, right, match_tokens(left, right))


def match_tokens(left: Sequence[Token], right: Sequence[Token]) -> list[Match]:
    """The tokens the word diff pairs as equal (after the semantic cleanup), in order."""
    left_kept = [i for i, t in enumerate(left) if t.norm]
    right_kept = [i for i, t in enumerate(right) if t.norm]
    if not left_kept or not right_kept:
        return []
    codes: dict[str, str] = {}
    left_chars = _encode([left[i] for i in left_kept], codes)
    right_chars = _encode([right[i] for i in right_kept], codes)
    if left_chars == right_chars:  # the common case of an identical sentence
        return list(zip(left_kept, right_kept, strict=True))
    diffs = _minimal_diff(left_chars, right_chars)
    _CLEANUP.diff_cleanupSemantic(diffs)
    matches: list[Match] = []
    li = ri = 0
    for op, chars in diffs:
        n = len(chars)
        if op == EQUAL:
            matches.extend(zip(left_kept[li : li + n], right_kept[ri : ri + n], strict=True))
            li, ri = li + n, ri + n
        elif op == DELETE:
            li += n
        else:
            ri += n
    return matches


def diff_from_matches(
    left: Sequence[Token], right: Sequence[Token], matches: Sequence[Match]
) -> WordDiff:
    """The diff that shows the matched tokens (increasing on both sides) as equal.

    Everything between two matches is on its own side, ignored tokens included, so the left
    side rebuilds the left text exactly. Each run of changes reads deletion first, then
    insertion, as diff-match-patch orders them.
    """
    out = _OpsBuilder()
    lpos = rpos = 0
    common = 0
    run: list[str] = []  # equal tokens spelled alike on both sides, joined at once
    for li, ri in matches:
        if li > lpos or ri > rpos:
            if run:
                out.equal_run(run)
                run = []
            if li > lpos:
                out.delete("".join([t.text for t in left[lpos:li]]))
            if ri > rpos:
                out.insert("".join([t.text for t in right[rpos:ri]]))
        lt, rt = left[li], right[ri]
        if lt.kind in _CONTENT:
            common += 1
        ltext, rtext = lt.text, rt.text
        lpos, rpos = li + 1, ri + 1
        if ltext == rtext:
            run.append(ltext)
            continue
        if run:
            out.equal_run(run)
            run = []
        core, right_core = lt.end - lt.start, rt.end - rt.start
        if len(ltext) > core and len(rtext) > right_core:  # spaces of any kind are equal
            out.equal(ltext, len(ltext), len(rtext))
        else:  # a space on one side only is that side's
            out.equal(ltext[:core], core, right_core)
            if len(ltext) > core:
                out.delete(ltext[core:])
            if len(rtext) > right_core:
                out.insert(rtext[right_core:])
    if run:
        out.equal_run(run)
    if lpos < len(left):
        out.delete("".join([t.text for t in left[lpos:]]))
    if rpos < len(right):
        out.insert("".join([t.text for t in right[rpos:]]))
    total = sum(1 for t in left if t.kind in _CONTENT) + sum(1 for t in right if t.kind in _CONTENT)
    similarity = round(2 * common / total, 3) if total else 1.0
    ops, widths = out.finish()
    return WordDiff(ops, similarity, widths)


_CONTENT = (Kind.WORD, Kind.NUMBER)  # a tuple: Enum members hash slowly, compare fast


class _OpsBuilder:
    """Collect ops, joining runs: equal text, and each run of changes as one deletion then
    one insertion."""

    def __init__(self) -> None:
        self.ops: list[tuple[int, str]] = []
        self.widths: list[tuple[int, int]] = []
        self.equal_parts: list[str] = []
        self.equal_widths = [0, 0]
        self.deleted: list[str] = []
        self.inserted: list[str] = []

    def equal(self, text: str, left_width: int, right_width: int) -> None:
        if self.deleted or self.inserted:
            self._flush_changes()
        self.equal_parts.append(text)
        self.equal_widths[0] += left_width
        self.equal_widths[1] += right_width

    def equal_run(self, texts: list[str]) -> None:
        text = "".join(texts)
        self.equal(text, len(text), len(text))

    def delete(self, text: str) -> None:
        if text:
            if self.equal_parts:
                self._flush_equal()
            self.deleted.append(text)

    def insert(self, text: str) -> None:
        if text:
            if self.equal_parts:
                self._flush_equal()
            self.inserted.append(text)

    def _flush_equal(self) -> None:
        self.ops.append((EQUAL, "".join(self.equal_parts)))
        self.widths.append((self.equal_widths[0], self.equal_widths[1]))
        self.equal_parts, self.equal_widths = [], [0, 0]

    def _flush_changes(self) -> None:
        if self.deleted:
            text = "".join(self.deleted)
            self.ops.append((DELETE, text))
            self.widths.append((len(text), 0))
        if self.inserted:
            text = "".join(self.inserted)
            self.ops.append((INSERT, text))
            self.widths.append((0, len(text)))
        self.deleted, self.inserted = [], []

    def finish(self) -> tuple[tuple[tuple[int, str], ...], tuple[tuple[int, int], ...]]:
        if self.equal_parts:
            self._flush_equal()
        self._flush_changes()
        return tuple(self.ops), tuple(self.widths)


def _minimal_diff(a: str, b: str) -> list[tuple[int, str]]:
    diffs: list[tuple[int, str]] = []
    for op in Indel.opcodes(a, b):
        if op.tag == "equal":
            diffs.append((EQUAL, a[op.src_start : op.src_end]))
        elif op.tag == "delete":
            diffs.append((DELETE, a[op.src_start : op.src_end]))
        else:
            diffs.append((INSERT, b[op.dest_start : op.dest_end]))
    return diffs


def _encode(tokens: Sequence[Token], codes: dict[str, str]) -> str:
    chars = []
    for token in tokens:
        code = codes.get(token.norm)
        if code is None:
            # Skip the surrogate range, which a Python str cannot hold alone.
            n = len(codes) + 1
            code = chr(n if n < 0xD800 else n + 0x800)
            codes[token.norm] = code
        chars.append(code)
    return "".join(chars)


def rebuild(ops: Sequence[tuple[int, str]], side: int) -> str:
    """Return one side's text from a diff: side -1 for the left, 1 for the right."""
    return "".join(text for op, text in ops if op in (EQUAL, side))
