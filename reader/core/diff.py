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

from reader.core.text import Token

DELETE, EQUAL, INSERT = -1, 0, 1

_CLEANUP = diff_match_patch.diff_match_patch()


@dataclass(frozen=True)
class WordDiff:
    ops: tuple[tuple[int, str], ...]
    similarity: float  # share of content words in common, in [0, 1]


def diff_tokens(left: Sequence[Token], right: Sequence[Token]) -> WordDiff:
    """Diff two token sequences word by word."""
    left_kept = [i for i, t in enumerate(left) if t.norm]
    right_kept = [i for i, t in enumerate(right) if t.norm]
    codes: dict[str, str] = {}
    left_chars = _encode([left[i] for i in left_kept], codes)
    right_chars = _encode([right[i] for i in right_kept], codes)
    diffs = _minimal_diff(left_chars, right_chars)
    _CLEANUP.diff_cleanupSemantic(diffs)
    ops = _rebuild(diffs, left, right, left_kept, right_kept)
    return WordDiff(tuple(_merge(ops)), _similarity(diffs, left, right, left_kept, right_kept))


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


def _rebuild(
    diffs: list[tuple[int, str]],
    left: Sequence[Token],
    right: Sequence[Token],
    left_kept: list[int],
    right_kept: list[int],
) -> list[tuple[int, str]]:
    """Map the character diff back to text, placing ignored tokens on their own side."""
    ops: list[tuple[int, str]] = []
    li = ri = 0  # next position in left_kept / right_kept
    lpos = rpos = 0  # next token index in left / right

    def flush_ignored(limit_left: int, limit_right: int) -> None:
        nonlocal lpos, rpos
        while lpos < limit_left:
            ops.append((DELETE, left[lpos].text))
            lpos += 1
        while rpos < limit_right:
            ops.append((INSERT, right[rpos].text))
            rpos += 1

    for op, chars in diffs:
        for _ in chars:
            if op in (EQUAL, DELETE):
                target_left = left_kept[li]
                flush_ignored(target_left, rpos if op == DELETE else right_kept[ri])
            if op == INSERT:
                flush_ignored(lpos, right_kept[ri])
            if op == EQUAL:
                ops.extend(_equal_token(left[lpos], right[rpos]))
                lpos += 1
                rpos += 1
                li += 1
                ri += 1
            elif op == DELETE:
                ops.append((DELETE, left[lpos].text))
                lpos += 1
                li += 1
            else:
                ops.append((INSERT, right[rpos].text))
                rpos += 1
                ri += 1
    flush_ignored(len(left), len(right))
    return ops


def _equal_token(left: Token, right: Token) -> list[tuple[int, str]]:
    """Emit a token both sides share, spelled as on the left; its trailing space on its own.

    Spaces of any kind on both sides are equal (a no-break space before « is typography);
    a space on one side only is that side's, so that neither side's words run together.
    """
    core = left.end - left.start
    left_space, right_space = left.text[core:], right.text[right.end - right.start :]
    ops = [(EQUAL, left.text[:core])]
    if left_space and right_space:
        ops.append((EQUAL, left_space))
    else:
        ops.extend([(DELETE, left_space), (INSERT, right_space)])
    return ops


def _merge(ops: list[tuple[int, str]]) -> list[tuple[int, str]]:
    merged: list[tuple[int, str]] = []
    for op, text in ops:
        if not text:
            continue
        if merged and merged[-1][0] == op:
            merged[-1] = (op, merged[-1][1] + text)
        else:
            merged.append((op, text))
    return _deletions_first(merged)


def _deletions_first(ops: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Order each run of changes as deletion then insertion, as diff-match-patch does."""
    out: list[tuple[int, str]] = []
    deleted: list[str] = []
    inserted: list[str] = []
    for op, text in [*ops, (EQUAL, "")]:
        if op == DELETE:
            deleted.append(text)
        elif op == INSERT:
            inserted.append(text)
        else:
            if deleted:
                out.append((DELETE, "".join(deleted)))
            if inserted:
                out.append((INSERT, "".join(inserted)))
            deleted, inserted = [], []
            if text:
                out.append((EQUAL, text))
    return out


def _similarity(
    diffs: list[tuple[int, str]],
    left: Sequence[Token],
    right: Sequence[Token],
    left_kept: list[int],
    right_kept: list[int],
) -> float:
    """Share of content words the two sides have in common (2 × common / total)."""
    common = 0
    li = 0
    for op, chars in diffs:
        for _ in chars:
            if op == EQUAL:
                common += left[left_kept[li]].is_content
            if op != INSERT:
                li += 1
    total = sum(t.is_content for t in left) + sum(t.is_content for t in right)
    return round(2 * common / total, 3) if total else 1.0


def rebuild(ops: Sequence[tuple[int, str]], side: int) -> str:
    """Return one side's text from a diff: side -1 for the left, 1 for the right."""
    return "".join(text for op, text in ops if op in (EQUAL, side))
