"""Candidate sentence pairs: each unit's best few partners in the whole corpus.

Two units meet when their signatures (their rarest keys) share a key, and only units of
different sources are met: a key's units come in order, and each source's units are one run
of indices, so those of other sources are the key's units before and after that run. Units
are taken a block at a time, so that the pairs in memory stay few; every step is an array
join or sort (`pairs`), no Python loop runs per pair.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from reader.core import calibration as cal
from reader.core import pairs

# A key shared by more units than the common bound pairs each with this many neighbours on
# either side, by position: enough to reach a counterpart a little out of place.
_NEARBY = 16
# Units whose pairs are found at once: the pairs of a block are the largest arrays of the
# search (on a book, 512 units keep them to a few megabytes; larger blocks buy no speed).
# The block also settles how ties are ordered (`_rising`), so it stays this size.
_BLOCK = 512


class Signatures(NamedTuple):
    """The units' signature keys, both ways: each unit's keys and each key's units."""

    by_unit: pairs.Rows
    by_key: pairs.Rows
    posted: np.ndarray  # by_key's entries as key × units + unit, increasing

    @classmethod
    def of(cls, row: np.ndarray, col: np.ndarray, units: int, keys: int) -> Signatures:
        ones = np.ones(len(row), dtype=np.int64)
        by_key = pairs.Rows.of(col, row, ones, keys)
        posted = pairs.entry_keys(by_key, units)
        return cls(pairs.Rows.of(row, col, ones, units), by_key, posted)


class UnitColumns(NamedTuple):
    """What the choice reads of every unit."""

    source: np.ndarray
    source_start: np.ndarray  # the index of the first unit of its source
    source_end: np.ndarray  # the index after the last unit of its source
    position: np.ndarray  # place in its source, from 0 to 1
    short: np.ndarray  # a signature of two keys or fewer: let in on any shared weight
    idf: np.ndarray  # by key


def best_partners(
    signatures: Signatures, nearby: tuple[np.ndarray, np.ndarray], units: UnitColumns, best: int
) -> tuple[np.ndarray, np.ndarray]:
    """Each unit's `best` partners in other sources, as (low, high) pairs, each pair once and
    in increasing order."""
    n = len(units.source)
    lows, highs = [], []
    for first in range(0, n, _BLOCK):
        stop = min(n, first + _BLOCK)
        low, high = _best_of_block(first, stop, signatures, nearby, units, best)
        lows.append(low)
        highs.append(high)
    if not lows or not sum(len(x) for x in lows):
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    ids = np.sort(np.concatenate(lows) * n + np.concatenate(highs))
    ids = ids[np.r_[True, ids[1:] != ids[:-1]]]  # each pair once
    return ids // n, ids % n


def _best_of_block(
    first: int,
    stop: int,
    signatures: Signatures,
    nearby: tuple[np.ndarray, np.ndarray],
    units: UnitColumns,
    best: int,
) -> tuple[np.ndarray, np.ndarray]:
    """The best partners of the units first..stop - 1.

    Partners are those that share signature keys weighing cal.UNCOMMON_WORDS (any weight for
    a short signature). Of partners that share as much, the nearest by position in their
    source come first (a text that repeats itself pairs each repetition with its own
    counterpart), then the one of lower rank (`_block_pairs`).
    """
    a, b, weight, rank = _block_pairs(first, stop, signatures, nearby, units)
    keep = (weight >= cal.UNCOMMON_WORDS) | units.short[a] | units.short[b]
    a, b, weight, rank = a[keep], b[keep], weight[keep], rank[keep]
    likely = _likely_best(a, weight, best)
    a, b, weight, rank = a[likely], b[likely], weight[likely], rank[likely]
    order = sorted_order(a, -weight, np.abs(units.position[a] - units.position[b]), rank)
    a, b = a[order], b[order]
    group = np.r_[True, a[1:] != a[:-1]]
    start = np.maximum.accumulate(np.where(group, np.arange(len(a)), 0))
    kept = (np.arange(len(a)) - start) < best
    return np.minimum(a[kept], b[kept]), np.maximum(a[kept], b[kept])


def sorted_order(*columns: np.ndarray) -> np.ndarray:
    """np.lexsort(columns[::-1]) (the first column sorts first): each column replaced by its
    place among its distinct values and the places packed into one integer where they fit,
    so that one sort of integers does the work of a sort per column. Equal rows keep their
    order, as in np.lexsort."""
    places, bits = [], []
    for column in columns:
        distinct, place = np.unique(column, return_inverse=True)
        places.append(place.reshape(-1))
        bits.append(max(1, len(distinct) - 1).bit_length())
    # The last columns that do not fit settle ties only: sorted first, then kept in order by
    # a stable sort on the others.
    fits = next(k for k in range(len(bits), -1, -1) if sum(bits[:k]) <= 62)
    if fits == 0:
        return np.lexsort(places[::-1])
    key = np.zeros(len(columns[0]), dtype=np.int64)
    for place, width in zip(places[:fits], bits[:fits], strict=True):
        key = (key << width) | place
    if fits == len(columns):
        return np.argsort(key, kind="stable")
    order = np.lexsort(places[fits:][::-1])
    return order[np.argsort(key[order], kind="stable")]


def _block_pairs(
    first: int,
    stop: int,
    signatures: Signatures,
    nearby: tuple[np.ndarray, np.ndarray],
    units: UnitColumns,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Pairs of the units first..stop - 1 with the units of other sources and the rare
    weight they share, and for each a rank among its unit's partners, which settles ties.

    A unit meets its partners key by key, by column, each key's units in order: ties go to
    the partner met first, after the ones only a crowded key brings, taken from the last;
    when no unit of the block meets two partners in increasing order, all go by index. (The
    order the sparse matrix products of earlier versions gave: kept, so that the same text
    gives the same links.)
    """
    by_unit, by_key, posted = signatures
    n = len(units.source)
    begin, end = by_unit.start[first], by_unit.start[stop]
    a_of = np.repeat(np.arange(first, stop), np.diff(by_unit.start[first : stop + 1]))
    keys = by_unit.column[begin:end]
    # Each key's units before a's source, then after it: two runs of its postings.
    before = np.searchsorted(posted, keys * n + units.source_start[a_of])
    after = np.searchsorted(posted, keys * n + units.source_end[a_of])
    starts = np.stack([by_key.start[keys], after], axis=1).reshape(-1)
    lengths = np.stack([before - by_key.start[keys], by_key.start[keys + 1] - after], axis=1)
    owner, at = pairs.spans(starts, lengths.reshape(-1))
    a, b, key = a_of[owner // 2], by_key.column[at], keys[owner // 2]
    ids, weight, met = pairs.grouped_sums((a - first) * n + b, units.idf[key])
    near_ids, near_weight = nearby
    span = np.searchsorted(near_ids, [first * n, stop * n])
    near_ids, near_weight = near_ids[span[0] : span[1]] - first * n, near_weight[span[0] : span[1]]
    at = np.searchsorted(ids, near_ids)
    inside = at < len(ids)
    inside[inside] = ids[at[inside]] == near_ids[inside]
    weight[at[inside]] += near_weight[inside]
    only = near_ids[~inside]
    if _rising(first, stop, signatures):
        rank = np.concatenate([met + n, n - 1 - only % n])
    else:
        rank = np.concatenate([ids % n, only % n])
    every = np.concatenate([ids, only])
    weight = np.concatenate([weight, near_weight[~inside]])
    a, b = every // n + first, every % n
    other = units.source[a] != units.source[b]
    return a[other], b[other], weight[other], rank[other]


def _rising(first: int, stop: int, signatures: Signatures) -> bool:
    """Tell whether some unit of the block meets two partners in increasing order.

    A unit's first key brings only new partners, in order: two of them settle it. Else
    (seldom: no unit of the block shares its first key) every partner's first meeting tells.
    """
    by_unit, by_key, _ = signatures
    n = len(by_unit.start) - 1
    begin, end = by_unit.start[first:stop], by_unit.start[first + 1 : stop + 1]
    heads = by_unit.column[begin[end > begin]]
    if np.any(by_key.start[heads + 1] - by_key.start[heads] >= 2):
        return True
    counts = np.diff(by_unit.start[first : stop + 1])
    units = np.repeat(np.arange(first, stop), counts)
    keys = by_unit.column[by_unit.start[first] : by_unit.start[stop]]
    a, b, _ = pairs.joined(units, keys, by_key)
    ids, _, met = pairs.grouped_sums((a - first) * n + b, np.zeros(len(a)))
    return bool(np.any((ids[1:] // n == ids[:-1] // n) & (met[1:] > met[:-1])))


def _likely_best(a: np.ndarray, weight: np.ndarray, best: int) -> np.ndarray:
    """Mask of the partners that may be among their unit's `best`: all those whose weight,
    rounded down to a sixteenth, reaches the rounded weight of the unit's best few (one sort
    of whole numbers; the exact order is then sought among these only).
    """
    if len(a) == 0:
        return np.ones(0, dtype=bool)
    # Rounding down keeps the order of the weights, so no true best partner is left out.
    unit = a - a.min()
    rounded = np.minimum((weight * 16).astype(np.int64), (1 << 24) - 1)
    key = (unit << 24) | ((1 << 24) - 1 - rounded)  # by unit, heaviest first
    ordered = np.sort(key)
    start = np.flatnonzero(np.r_[True, ordered[1:] >> 24 != ordered[:-1] >> 24])
    stop = np.r_[start[1:], len(ordered)]
    last = np.where(stop - start > best, start + best - 1, stop - 1)
    threshold = np.empty(int(unit.max()) + 1, dtype=np.int64)
    threshold[ordered[start] >> 24] = ordered[last]
    return key <= threshold[unit]


def nearby_pairs(
    row: np.ndarray, col: np.ndarray, position: np.ndarray, idf: np.ndarray, n: int
) -> tuple[np.ndarray, np.ndarray]:
    """Pair each (unit, key) entry with the _NEARBY entries of that key closest in position.

    Sorted by key, then by position in the source, each entry meets the next _NEARBY ones of
    the same key (and they meet it): at most 2 × _NEARBY partners per entry, however many
    units share the key. Returns the pairs seen from both sides, as ids a × n + b in
    increasing order, and their summed key weights.
    """
    order = np.lexsort((position[row], col))
    row, col = row[order], col[order]
    lows, highs, weights = [], [], []
    for step in range(1, _NEARBY + 1):
        same = col[step:] == col[:-step]
        if not same.any():
            break
        lows.append(row[:-step][same])
        highs.append(row[step:][same])
        weights.append(idf[col[step:][same]])
    if not lows:
        return np.zeros(0, dtype=np.int64), np.zeros(0)
    low, high, weight = np.concatenate(lows), np.concatenate(highs), np.concatenate(weights)
    ids = np.concatenate([low * n + high, high * n + low])
    found, sums, _ = pairs.grouped_sums(ids, np.concatenate([weight, weight]))
    return found, sums
