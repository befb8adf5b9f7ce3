"""Pairs of units that share keys, found and weighed as numpy array work.

Units and their keys are (unit, key) entries. Two units share a key when both have an entry
for it: the index of a key lists its units (its postings), and the pairs of a unit are the
postings of each of its keys, joined. The weight two units share is the sum of their shared
keys' weights, added in a fixed order (the unit's keys by column, then the key's units in
order), so that the same pairs always get the same figures, to the last bit. Sorting and
counting calls do the work in C; no Python loop runs per entry.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np


class Rows(NamedTuple):
    """(unit, key) entries grouped by their first column, as compressed rows: the entries of
    row r are `column[start[r] : start[r + 1]]` (and their `counts`), by increasing column."""

    start: np.ndarray
    column: np.ndarray
    counts: np.ndarray

    @classmethod
    def of(cls, row: np.ndarray, col: np.ndarray, count: np.ndarray, rows: int) -> Rows:
        order = np.lexsort((col, row))
        start = np.searchsorted(row[order], np.arange(rows + 1))
        return cls(start, col[order], count[order])


def spans(starts: np.ndarray, lengths: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Every index of the ranges start..start + length, one range after the other, and the
    range each came from."""
    owner = np.repeat(np.arange(len(lengths)), lengths)
    offsets = np.arange(int(lengths.sum())) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    return owner, np.repeat(starts, lengths) + offsets


def grouped_sums(ids: np.ndarray, weights: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each distinct id once (in increasing order), the sum of its weights added in the order
    they come, and where the id first comes. The ids are non-negative."""
    order = _stable_order(ids)
    ordered = ids[order]
    new = np.r_[True, ordered[1:] != ordered[:-1]] if len(ids) else np.zeros(0, dtype=bool)
    group = np.cumsum(new) - 1
    # bincount adds each group's weights one after the other, in the order given.
    sums = np.bincount(group, weights=weights[order], minlength=int(new.sum()))
    return ordered[new], sums.astype(np.float64, copy=False), order[new]


def _stable_order(ids: np.ndarray) -> np.ndarray:
    """argsort(ids, kind="stable"), faster: the index beside each id makes the ids distinct,
    so that the quicker unstable sort of plain integers serves."""
    shift = max(1, len(ids)).bit_length()
    if int(ids.max(initial=0)).bit_length() + shift > 62:
        return np.argsort(ids, kind="stable")
    tagged = np.sort((ids << shift) | np.arange(len(ids)))
    return tagged & ((1 << shift) - 1)


def joined(
    units: np.ndarray, keys: np.ndarray, postings: Rows
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Pair each (unit, key) entry with every unit of the key's postings, in order: entries
    as given, then each key's units in increasing order. Returns (unit, partner, key)."""
    owner, at = spans(postings.start[keys], postings.start[keys + 1] - postings.start[keys])
    return units[owner], postings.column[at], keys[owner]


def entry_keys(rows: Rows, width: int) -> np.ndarray:
    """Each entry of the rows as row × width + column, increasing (the rows' own order)."""
    owner = np.repeat(np.arange(len(rows.start) - 1), np.diff(rows.start))
    return owner * max(1, width) + rows.column


# The largest table (units × keys, a byte a cell unless a count passes 255) a chunk of pairs
# looks its keys up in: 8 MB. Beyond it (a chunk of pairs with very many units, a corpus of
# very many keys) the keys are looked up by binary search, slower.
_TABLE_BYTES = 1 << 23


def shared_weights(
    a: np.ndarray, b: np.ndarray, rows: Rows, weights: np.ndarray
) -> list[np.ndarray]:
    """For each pair (a[i], b[i]), the weight of the keys both hold at least t times, for t =
    1, 2, … up to the largest count: a list of one array per level.

    Each level's sum runs over the shared keys by column, from zero, so that a pair's figures
    do not depend on the other pairs computed with it.
    """
    width = max(1, len(weights))
    # The counts of each a, as a table by key, and the entries of each b looked up in it:
    # the keys in common come by pair, then column.
    units, row_of = np.unique(a, return_inverse=True)
    owner, at = spans(rows.start[b], rows.start[b + 1] - rows.start[b])
    wanted = row_of.reshape(-1)[owner] * width + rows.column[at]
    kind = np.dtype(np.uint8 if int(rows.counts.max(initial=0)) < 256 else np.int64)
    held, place = spans(rows.start[units], rows.start[units + 1] - rows.start[units])
    if len(units) * width * kind.itemsize <= _TABLE_BYTES:
        table = np.zeros(len(units) * width, dtype=kind)
        table[held * width + rows.column[place]] = rows.counts[place]
        count_a = table[wanted]
        common = count_a > 0
        count_a = count_a[common]
    else:
        keys = held * width + rows.column[place]
        found = np.minimum(np.searchsorted(keys, wanted), max(0, len(keys) - 1))
        common = (keys[found] == wanted) if len(keys) else np.zeros(len(wanted), dtype=bool)
        count_a = rows.counts[place[found[common]]]
    pair, column = owner[common], rows.column[at[common]]
    both = np.minimum(count_a, rows.counts[at[common]])
    return [
        np.bincount(pair[both >= level], weights=weights[column[both >= level]], minlength=len(a))
        for level in range(1, int(both.max(initial=0)) + 1)
    ]
