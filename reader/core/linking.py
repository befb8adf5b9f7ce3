"""Link sentences across sources: which sentence of one carries the same words as another.

For each pair of sources, candidate sentence pairs are scored, then the heaviest chain that
keeps both sources' order is found (sentences may merge or split: the chain only never goes
backwards). Pairs on the chain are accepted at a modest score, since order corroborates them;
pairs off the chain are accepted as moved text only when they are strong and each is the
other's best match.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.core.units import UnitTable

if TYPE_CHECKING:
    import numpy as np

# Below this a pair is noise, even in order (unrelated sentences on one topic reach ~0.25).
CHAIN_MIN = 0.22
# A pair this close stands on its own; weaker pairs on the chain need a close neighbour.
STRONG = 0.5
_SUPPORT_MIN = 0.3
_SUPPORT_GAP = 4  # sentences, on both sides
# A pair off the chain but beside it (a summary just before its quote) needs this much.
_REORDER_MIN = 0.4
# Weight a pair adds to a chain: its score above this floor, so weak pairs cannot outvote
# one strong pair placed elsewhere.
_CHAIN_FLOOR = 0.15
# A pair off the chain (moved text) must be at least this close.
MOVED_MIN = 0.5
# A group of fewer pairs than this is sorted in Python: numpy's calls cost more on so few.
_SMALL_GROUP = 64


@dataclass(frozen=True, slots=True)
class Link:
    a: int  # unit index in the earlier source
    b: int  # unit index in the later source
    score: float
    moved: bool = False


def link_corpus(table: UnitTable, sources: Iterable[int] | None = None) -> list[Link]:
    """Return the accepted sentence links between every pair of sources."""
    a, b, values = table.candidate_scores(sources)
    keep = values >= CHAIN_MIN
    a, b, values = a[keep], b[keep], values[keep]
    keep = _nearest_of_equals(a, b, values, table)
    a, b, values = a[keep], b[keep], values[keep]
    return _accepted(table, *_by_source_pair(a, b, values, table))


def _by_source_pair(
    a: np.ndarray, b: np.ndarray, values: np.ndarray, table: UnitTable
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The candidate pairs grouped by the two sources they join (a < b: sources in order),
    leaving out the groups that cannot give a link: the pairs, group after group, and the
    size of each group."""
    import numpy as np

    if len(a) == 0:
        return a, b, values, np.zeros(0, dtype=np.int64)
    source = np.array([unit.source for unit in table.units], dtype=np.int64)
    group = source[a] * len(table.by_source) + source[b]
    # Groups in the order their first pair comes (pairs come sorted by unit), as they were
    # found one by one; within a group, pairs keep that order.
    by_group = np.argsort(group, kind="stable")
    ordered = group[by_group]
    first = by_group[np.r_[True, ordered[1:] != ordered[:-1]]]  # each group's first pair
    rank = np.empty(int(group.max()) + 1, dtype=np.int64)
    rank[group[np.sort(first)]] = np.arange(len(first))
    order = np.argsort(rank[group], kind="stable")
    a, b, values, group = a[order], b[order], values[order], group[order]
    starts = np.flatnonzero(np.r_[True, group[1:] != group[:-1]])
    stops = np.r_[starts[1:], len(group)]
    # A lone weak pair can be neither corroborated nor moved.
    hopeful = _may_link(values, starts) & ~((stops - starts == 1) & (values[starts] < STRONG))
    sizes = stops - starts
    kept = np.repeat(hopeful, sizes)
    return a[kept], b[kept], values[kept], sizes[hopeful]


def _may_link(values: np.ndarray, starts: np.ndarray) -> np.ndarray:
    """Mask of the groups (runs of pairs from `starts` on) in which `_link_pair` may accept
    a pair: one strong enough to stand alone, to be moved or reordered, or two that may
    corroborate each other (a pair never supports itself). Most groups of a large corpus are
    a few weak pairs two unrelated texts happen to share; they are left out unread."""
    import numpy as np

    best = np.maximum.reduceat(values, starts)
    supporting = np.add.reduceat((values >= _SUPPORT_MIN).astype(np.int64), starts)
    return (best >= min(STRONG, _REORDER_MIN, MOVED_MIN)) | (supporting >= 2)


def _nearest_of_equals(
    a: np.ndarray, b: np.ndarray, values: np.ndarray, table: UnitTable
) -> np.ndarray:
    """Mask of the pairs to keep: of a unit's equally close partners in one source, the one
    nearest by position, seen from both sides.

    Equal scores mean repeated text (a formula, a refrain, a text repeated whole): only one
    repetition can be the counterpart, and the one in the same place is the natural one.
    Without this, a chain may pair each repetition with several others in a staircase.
    """
    import numpy as np

    from reader.core import candidates

    if len(a) == 0:
        return np.zeros(0, dtype=bool)
    source = np.array([unit.source for unit in table.units], dtype=np.int64)
    distance = np.abs(table.positions()[a] - table.positions()[b])
    value = np.round(values, 9)
    keep = np.ones(len(a), dtype=bool)
    for own, other in ((a, b), (b, a)):
        order = candidates.sorted_order(own, source[other], value, distance)
        o, s, v = own[order], source[other][order], value[order]
        first = np.r_[True, (o[1:] != o[:-1]) | (s[1:] != s[:-1]) | (v[1:] != v[:-1])]
        kept = np.zeros(len(a), dtype=bool)
        kept[order[first]] = True
        keep &= kept
    return keep


def _accepted(
    table: UnitTable, a: np.ndarray, b: np.ndarray, values: np.ndarray, sizes: np.ndarray
) -> list[Link]:
    """The links of each group of pairs (one pair of sources), group after group: the
    pairs on the chain and those beside it, in order, then the moved ones."""
    import numpy as np

    xs, ys, vs = a.tolist(), b.tolist(), values.tolist()
    on = np.array(_in_order(table, (a, b, xs, ys), vs, sizes.tolist()), dtype=bool)
    group = np.repeat(np.arange(len(sizes)), sizes)
    n = len(table.units)
    # Text moved elsewhere: strong, each the other's best match in the group, and with no
    # place on the chain on either side (a sentence that already has its counterpart in
    # order is not moved, only like another: a recurring formula).
    moved = ~on & (values >= MOVED_MIN)
    for own in (a, b):
        key = group * n + own
        moved &= values >= _group_max(key, values)
        moved &= ~np.isin(key, key[on])
    order = np.lexsort((moved[moved | on], group[moved | on]))
    chosen = np.flatnonzero(moved | on)[order].tolist()
    flags = moved.tolist()
    return [
        Link(xs[i], ys[i], vs[i], moved=True) if flags[i] else Link(xs[i], ys[i], vs[i])
        for i in chosen
    ]


def _in_order(
    table: UnitTable,
    pairs: tuple[np.ndarray, np.ndarray, list[int], list[int]],
    values: list[float],
    sizes: list[int],
) -> list[bool]:
    """Mark the pairs that keep their group's order: on its corroborated chain, or close to
    it (a local reordering: a summary before its quote)."""
    _, _, xs, ys = pairs
    marked = [False] * len(values)
    start = 0
    for size in sizes:
        stop = start + size
        chain = _corroborated(table, _heaviest_chain(pairs, values, start, stop), xs, ys, values)
        chain_at: dict[int, list[int]] = defaultdict(list)
        for i in chain:
            marked[i] = True
            chain_at[xs[i]].append(ys[i])
        for i in range(start, stop):
            if not marked[i] and values[i] >= _REORDER_MIN and _near(chain_at, xs[i], ys[i]):
                marked[i] = True
        start = stop
    return marked


def _group_max(key: np.ndarray, values: np.ndarray) -> np.ndarray:
    """For each pair, the largest value among the pairs of the same key."""
    import numpy as np

    distinct, inverse = np.unique(key, return_inverse=True)
    best = np.zeros(len(distinct))
    np.maximum.at(best, inverse, values)
    return best[inverse]


def _near(chain_at: dict[int, list[int]], a: int, b: int) -> bool:
    """Tell whether a pair on the chain lies within _SUPPORT_GAP of (a, b) on both sides."""
    for near_a in range(a - _SUPPORT_GAP, a + _SUPPORT_GAP + 1):
        for near_b in chain_at.get(near_a, ()):
            if abs(near_b - b) <= _SUPPORT_GAP:
                return True
    return False


def _corroborated(
    table: UnitTable, chain: list[int], a: list[int], b: list[int], value: list[float]
) -> list[int]:
    """Keep the chain's strong pairs, and weaker ones that a close neighbour on it supports.

    Two unrelated texts on one topic still produce a chain, but of scattered weak pairs;
    text that really corresponds produces runs of pairs a few sentences apart. The chain
    comes as indices of the pairs, in order.
    """
    kept: list[int] = []
    for at, i in enumerate(chain):
        v = value[i]
        if v >= STRONG:
            kept.append(i)
            continue
        neighbours = (chain[at - 1] if at else None, chain[at + 1] if at + 1 < len(chain) else None)
        # The cheap tests first: weighing shared words (`_independent`) is the costly one.
        supports = [
            value[j] >= _SUPPORT_MIN
            and abs(a[j] - a[i]) <= _SUPPORT_GAP
            and abs(b[j] - b[i]) <= _SUPPORT_GAP
            and _independent(table, (a[i], b[i]), (a[j], b[j]))
            for j in neighbours
            if j is not None
        ]
        if (v >= _SUPPORT_MIN and any(supports)) or (len(supports) == 2 and all(supports)):
            kept.append(i)
    return kept


def _independent(table: UnitTable, pair: tuple[int, int], other: tuple[int, int]) -> bool:
    """Tell whether two links are separate evidence.

    Links between four different sentences are. Two links that share a sentence are only
    when they match different words of it (a sentence split in two by the other source);
    two matches of the same words (a recurring phrase) are one piece of evidence, not two.
    """
    if pair[0] != other[0] and pair[1] != other[1]:
        return True
    shared, first, second = (
        (pair[0], pair[1], other[1]) if pair[0] == other[0] else (pair[1], pair[0], other[0])
    )
    bag = table.units[shared].bag
    keys_first = bag.keys() & table.units[first].bag.keys()
    keys_second = bag.keys() & table.units[second].bag.keys()
    weight = table.idf.get  # each key once: the weights of the sets, added in their order
    common = sum([weight(k, 1.0) for k in keys_first & keys_second], 0.0)
    smaller = min(
        sum([weight(k, 1.0) for k in keys_first], 0.0),
        sum([weight(k, 1.0) for k in keys_second], 0.0),
    )
    return common < 0.5 * smaller


def _heaviest_chain(
    pairs: tuple[np.ndarray, np.ndarray, list[int], list[int]],
    values: list[float],
    start: int,
    stop: int,
) -> list[int]:
    """The pairs start..stop - 1 of the heaviest chain non-decreasing in both units (a
    Fenwick max over the b side), as indices in (a, b) order."""
    import numpy as np

    if stop <= start:
        return []
    a, b, a_list, b_list = pairs
    if stop - start < _SMALL_GROUP:
        ordered = sorted(range(start, stop), key=lambda i: (a_list[i], b_list[i]))
        distinct = sorted({b_list[i] for i in ordered})
        rank_of = {v: r for r, v in enumerate(distinct)}
        ranks = [rank_of[b_list[i]] + 1 for i in ordered]
    else:  # the same order, sorted in C
        ordered_array = np.lexsort((b[start:stop], a[start:stop]))
        distinct, rank = np.unique(b[start:stop][ordered_array], return_inverse=True)
        ordered = (ordered_array + start).tolist()
        ranks = (rank.reshape(-1) + 1).tolist()
    size = len(distinct)
    tree_score = [0.0] * (size + 1)
    tree_item = [-1] * (size + 1)
    best_score = [0.0] * len(ordered)
    previous = [-1] * len(ordered)
    floor = _CHAIN_FLOOR
    for n, (i, r) in enumerate(zip(ordered, ranks, strict=True)):
        # The best chain ending at a b no later than this one (the query), then this pair
        # recorded at its b (the update): both inline, as this loop runs once per pair.
        place = r
        score, item = 0.0, -1
        while place > 0:
            if tree_score[place] > score:
                score, item = tree_score[place], tree_item[place]
            place -= place & -place
        score += values[i] - floor
        best_score[n] = score
        previous[n] = item
        place = r
        while place <= size:
            if score > tree_score[place]:
                tree_score[place], tree_item[place] = score, n
            place += place & -place
    n = max(range(len(ordered)), key=best_score.__getitem__)
    chain: list[int] = []
    while n >= 0:
        chain.append(ordered[n])
        n = previous[n]
    return chain[::-1]
