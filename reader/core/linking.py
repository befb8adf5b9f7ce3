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
    links: list[Link] = []
    for pairs in _by_source_pair(a, b, values, table):
        links.extend(_link_pair(table, pairs))
    return links


def _by_source_pair(
    a: np.ndarray, b: np.ndarray, values: np.ndarray, table: UnitTable
) -> list[list[tuple[int, int, float]]]:
    """The candidate pairs grouped by the two sources they join (a < b: sources in order),
    leaving out the groups that cannot give a link."""
    import numpy as np

    if len(a) == 0:
        return []
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
    xs, ys, vs = a.tolist(), b.tolist(), values.tolist()
    return [
        list(zip(xs[start:stop], ys[start:stop], vs[start:stop], strict=True))
        for start, stop in zip(starts[hopeful].tolist(), stops[hopeful].tolist(), strict=True)
    ]


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

    if len(a) == 0:
        return np.zeros(0, dtype=bool)
    source = np.array([unit.source for unit in table.units], dtype=np.int64)
    distance = np.abs(table.positions()[a] - table.positions()[b])
    value = np.round(values, 9)
    keep = np.ones(len(a), dtype=bool)
    for own, other in ((a, b), (b, a)):
        order = np.lexsort((distance, value, source[other], own))
        o, s, v = own[order], source[other][order], value[order]
        first = np.r_[True, (o[1:] != o[:-1]) | (s[1:] != s[:-1]) | (v[1:] != v[:-1])]
        kept = np.zeros(len(a), dtype=bool)
        kept[order[first]] = True
        keep &= kept
    return keep


def _link_pair(table: UnitTable, pairs: list[tuple[int, int, float]]) -> list[Link]:
    chain = _corroborated(table, _heaviest_chain(pairs), {(a, b): v for a, b, v in pairs})
    best_a: dict[int, float] = defaultdict(float)
    best_b: dict[int, float] = defaultdict(float)
    for a, b, value in pairs:
        best_a[a] = max(best_a[a], value)
        best_b[b] = max(best_b[b], value)
    links: list[Link] = []
    moved: list[tuple[int, int, float]] = []
    chain_at: dict[int, list[int]] = defaultdict(list)
    for a, b in chain:
        chain_at[a].append(b)
    for a, b, value in pairs:
        if (a, b) in chain:
            links.append(Link(a, b, value))
        elif value >= _REORDER_MIN and _near(chain_at, a, b):
            links.append(Link(a, b, value))  # a local reordering: a summary before its quote
        elif value >= MOVED_MIN and value >= best_a[a] and value >= best_b[b]:
            moved.append((a, b, value))
    # Text moved elsewhere has no place on the chain on either side; a sentence that already
    # has its counterpart in order is not moved, only like another (a recurring formula).
    placed_a = {link.a for link in links}
    placed_b = {link.b for link in links}
    links.extend(
        Link(a, b, value, moved=True)
        for a, b, value in moved
        if a not in placed_a and b not in placed_b
    )
    return links


def _near(chain_at: dict[int, list[int]], a: int, b: int) -> bool:
    """Tell whether a pair on the chain lies within _SUPPORT_GAP of (a, b) on both sides."""
    for near_a in range(a - _SUPPORT_GAP, a + _SUPPORT_GAP + 1):
        for near_b in chain_at.get(near_a, ()):
            if abs(near_b - b) <= _SUPPORT_GAP:
                return True
    return False


def _corroborated(
    table: UnitTable, chain: list[tuple[int, int]], value: dict[tuple[int, int], float]
) -> set[tuple[int, int]]:
    """Keep the chain's strong pairs, and weaker ones that a close neighbour on it supports.

    Two unrelated texts on one topic still produce a chain, but of scattered weak pairs;
    text that really corresponds produces runs of pairs a few sentences apart.
    """
    chain = sorted(chain)
    kept: set[tuple[int, int]] = set()
    for i, pair in enumerate(chain):
        v = value[pair]
        if v >= STRONG:
            kept.add(pair)
            continue
        # The cheap tests first: weighing shared words (`_independent`) is the costly one.
        supports = [
            value[other] >= _SUPPORT_MIN
            and abs(other[0] - pair[0]) <= _SUPPORT_GAP
            and abs(other[1] - pair[1]) <= _SUPPORT_GAP
            and _independent(table, pair, other)
            for other in (chain[i - 1] if i else None, chain[i + 1] if i + 1 < len(chain) else None)
            if other is not None
        ]
        if (v >= _SUPPORT_MIN and any(supports)) or (len(supports) == 2 and all(supports)):
            kept.add(pair)
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
    common = table.weight({k: 1 for k in keys_first & keys_second})
    smaller = min(
        table.weight({k: 1 for k in keys_first}), table.weight({k: 1 for k in keys_second})
    )
    return common < 0.5 * smaller


def _heaviest_chain(pairs: list[tuple[int, int, float]]) -> list[tuple[int, int]]:
    """Return the pairs of the heaviest chain non-decreasing in both units (a Fenwick max)."""
    if not pairs:
        return []
    ordered = sorted(pairs)
    b_values = sorted({b for _, b, _ in ordered})
    rank = {b: i + 1 for i, b in enumerate(b_values)}
    size = len(b_values)
    tree_score = [0.0] * (size + 1)
    tree_item = [-1] * (size + 1)
    best_score = [0.0] * len(ordered)
    previous = [-1] * len(ordered)

    def query(i: int) -> tuple[float, int]:
        score, item = 0.0, -1
        while i > 0:
            if tree_score[i] > score:
                score, item = tree_score[i], tree_item[i]
            i -= i & -i
        return score, item

    def update(i: int, score: float, item: int) -> None:
        while i <= size:
            if score > tree_score[i]:
                tree_score[i], tree_item[i] = score, item
            i += i & -i

    for n, (_, b, value) in enumerate(ordered):
        before, item = query(rank[b])
        best_score[n] = before + (value - _CHAIN_FLOOR)
        previous[n] = item
        update(rank[b], best_score[n], n)
    n = max(range(len(ordered)), key=best_score.__getitem__)
    chain: list[tuple[int, int]] = []
    while n >= 0:
        chain.append((ordered[n][0], ordered[n][1]))
        n = previous[n]
    return chain
