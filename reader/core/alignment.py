"""Align the sentences of two sources: the primary structure of a pair.

The sentence links of linking.py (scored, in order, with moved text kept apart) are joined
into groups: one sentence facing one, or several facing one or several where the two sources
split their sentences differently. A sentence the links left out, standing between two
aligned neighbours, joins the sentence of the other source that contains its words, as order
allows. The heaviest chain of groups that keeps both orders is what the sources share in
order; a group off that chain is moved text. Everything here works in O(n log n) of the
number of sentences and links.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import repeat

from reader.core import calibration as cal
from reader.core.linking import Link
from reader.core.model import Source
from reader.core.units import Score, UnitTable


class SentenceBags:
    """The word keys of each sentence of the two sides, weighed by the corpus's IDF."""

    def __init__(
        self,
        left: Sequence[dict[str, int]],
        right: Sequence[dict[str, int]],
        table: UnitTable,
        weights: tuple[Sequence[float], Sequence[float]] | None = None,
    ) -> None:
        self.left, self.right, self.table = left, right, table
        if weights is None:
            weights = ([table.weight(bag) for bag in left], [table.weight(bag) for bag in right])
        self._left_weights, self._right_weights = weights

    @classmethod
    def of_corpus(cls, left_index: int, right_index: int, table: UnitTable) -> SentenceBags:
        units = table.units
        first, second = table.by_source[left_index], table.by_source[right_index]
        return cls(
            [units[u].bag for u in first],
            [units[u].bag for u in second],
            table,
            (
                table.weights[first.start : first.stop],
                table.weights[second.start : second.stop],
            ),
        )

    def score(self, a: int, b: int) -> Score:
        return self.table.score_bags(
            self.left[a], self.right[b], self._left_weights[a], self._right_weights[b]
        )

    def score_sets(self, left: Iterable[int], right: Iterable[int]) -> Score:
        """Score the joined words of some sentences of each side."""
        a = _joined(self.left[s] for s in left)
        b = _joined(self.right[s] for s in right)
        return self.table.score_bags(a, b, self.table.weight(a), self.table.weight(b))

    def weight(self, keys: Iterable[str]) -> float:
        return sum(map(self.table.idf.get, keys, repeat(1.0)))  # idf.get(key, 1.0), in C


_Members = tuple[frozenset[int], frozenset[int]]  # a group's sentences, as a key


@dataclass(frozen=True, slots=True)
class Group:
    """Aligned sentences: local indices on each side (one side empty: no counterpart)."""

    left: tuple[int, ...]
    right: tuple[int, ...]
    moved: bool = False


@dataclass(frozen=True, slots=True)
class SentenceIndex:
    """Where each sentence of a source lies: its paragraph and its place in it."""

    paragraph: tuple[int, ...]
    number: tuple[int, ...]  # sentence number inside its paragraph

    @classmethod
    def of(cls, source: Source) -> SentenceIndex:
        paragraph, number = [], []
        for p in source.paragraphs:
            for k in range(len(p.sentences)):
                paragraph.append(p.index)
                number.append(k)
        return cls(tuple(paragraph), tuple(number))

    def __len__(self) -> int:
        return len(self.paragraph)


def corpus_links(
    left_index: int, right_index: int, table: UnitTable, links: Sequence[Link]
) -> list[tuple[int, int, float]]:
    """The accepted links between two sources, as (left sentence, right sentence, score)."""
    left_first = table.by_source[left_index].start
    right_first = table.by_source[right_index].start
    left_range, right_range = table.by_source[left_index], table.by_source[right_index]
    found = []
    for link in links:
        if link.a in left_range and link.b in right_range:
            found.append((link.a - left_first, link.b - right_first, link.score))
        elif link.b in left_range and link.a in right_range:
            found.append((link.b - left_first, link.a - right_first, link.score))
    return found


def align(
    n_left: int,
    n_right: int,
    links: Sequence[tuple[int, int, float]],
    bags: SentenceBags,
    allowed: Callable[[int, int], bool] | None = None,
) -> list[Group]:
    """Group linked sentences, fill the gaps order allows, and mark what moved.

    Every sentence is in exactly one returned group (unaligned ones alone, one side empty).
    `allowed` says which (left, right) sentence pairs gap filling may join.
    """
    settled: set[_Members] = set()  # groups found without echoes
    groups = _without_echoes(_linked_groups(links, bags), bags, settled)
    in_order = _chain(groups, links)
    instead = _in_place_alternatives(groups, in_order, links, bags, allowed)
    if instead is not None:
        links = instead
        groups = _without_echoes(_linked_groups(links, bags), bags, settled)
        in_order = _chain(groups, links)
    _close_runs(groups)
    groups = _pair_gaps(groups, in_order, bags, allowed)
    in_order = _chain(groups, links)
    groups = _fill_gaps(groups, in_order, (n_left, n_right), bags, allowed)
    groups = [g for g in _without_echoes(groups, bags, settled) if g[0] and g[1]]
    in_order = _chain(groups, links)
    groups, in_order = _whole_moves(groups, in_order, bags)
    result = [
        Group(tuple(sorted(left)), tuple(sorted(right)), moved=n not in in_order)
        for n, (left, right) in enumerate(groups)
    ]
    placed_left = {s for g in result for s in g.left}
    placed_right = {s for g in result for s in g.right}
    result.extend(Group((s,), ()) for s in range(n_left) if s not in placed_left)
    result.extend(Group((), (s,)) for s in range(n_right) if s not in placed_right)
    return result


def _linked_groups(
    links: Sequence[tuple[int, int, float]], bags: SentenceBags
) -> list[tuple[set[int], set[int]]]:
    """Join linked sentences, strongest links first, into groups that stay compact.

    A group stays a run of neighbouring sentences on both sides (linked sentences never stand
    inside another group's run) and within cal.GROUP_MAX a side. Two groups that each have both
    sides merge only through a link that carries words their own links leave unexplained on
    both ends (a sentence split across two of the other source); a link that repeats words
    one end already shares with its partners (a recurring phrase) joins nothing.
    """
    # A left sentence s is the node s, a right one the node ~s (-1 - s): plain integers.
    parent: dict[int, int] = {}
    members: dict[int, tuple[set[int], set[int]]] = {}

    def grouped(side: int, sentence: int) -> bool:
        """Whether a sentence is already in a group with both sides."""
        node = sentence if side == 0 else ~sentence
        if node not in parent:
            return False
        group = members[find(node)]
        return bool(group[0] and group[1])

    def find(x: int) -> int:
        up = parent.get(x)
        if up is None:
            parent[x] = x
            members[x] = ({x}, set()) if x >= 0 else (set(), {~x})
            return x
        while up != x:
            parent[x] = parent[up]
            x = parent[x]
            up = parent[x]
        return x

    for left, right, value in sorted(links, key=lambda link: (-link[2], link[0], link[1])):
        a, b = find(left), find(~right)
        if a == b:
            continue
        ga, gb = members[a], members[b]
        if not (_compact(ga[0], gb[0], 0, grouped) and _compact(ga[1], gb[1], 1, grouped)):
            continue
        if ga[1] and gb[0] and not _adds_evidence(left, right, ga[1], gb[0], bags):
            continue
        if _nearer_in_gap((left, right), value, (ga, gb), bags, grouped):
            continue
        parent[b] = a
        ga[0].update(gb[0])
        ga[1].update(gb[1])
        del members[b]
    groups = [g for g in members.values() if g[0] and g[1]]
    return sorted(groups, key=lambda g: (min(g[0]), min(g[1])))


def _nearer_in_gap(
    link: tuple[int, int],
    value: float,
    groups: tuple[tuple[set[int], set[int]], tuple[set[int], set[int]]],
    bags: SentenceBags,
    grouped: Callable[[int, int], bool],
) -> bool:
    """Tell whether a link joins a group from a distance while a sentence in between, in
    no group yet, matches the link's other end at least as well.

    A sentence joining a group across a few sentences of its own side is a split sentence's
    far half, or a phrase the text says twice ("after me comes…"); where one in between
    matches as well, the link is the repeat and the in-between one the counterpart.
    `groups` are the groups of the link's left and right ends.
    """
    for side in (0, 1):
        sentence, facing = link[side], link[1 - side]
        joined = groups[1 - side][side]  # the other end's group, on this side
        if not joined:
            continue
        nearest = min(joined, key=lambda s: abs(s - sentence))
        low, high = sorted((sentence, nearest))
        if high - low < 2:
            continue  # a neighbour of the group
        if not groups[side][1 - side] and not _adds_to(link, side, joined, bags):
            return True  # a lone sentence repeating what the group's own already match
        for between in range(low + 1, high):
            if grouped(side, between):
                continue
            pair = (between, facing) if side == 0 else (facing, between)
            if bags.score(*pair).value >= value:
                return True
    return False


def _adds_to(link: tuple[int, int], side: int, members: set[int], bags: SentenceBags) -> bool:
    """Tell whether a lone sentence (`link[side]`) shares with the group's sentence words
    that the group's own sentences on its side do not already match."""
    own, other = (bags.left, bags.right) if side == 0 else (bags.right, bags.left)
    shared = own[link[side]].keys() & other[link[1 - side]].keys()
    return _new_to_each(shared, [set().union(*(own[m].keys() for m in members))], bags)


def _without_echoes(
    groups: list[tuple[set[int], set[int]]],
    bags: SentenceBags,
    settled: set[_Members] | None = None,
) -> list[tuple[set[int], set[int]]]:
    """Take out of each group a sentence whose words in common with the other side are
    words its own side's other sentences already match there (an echo: a short sentence
    repeating a phrase of its neighbour, which joined through a strong containment).

    Words are counted: a sentence split in two keeps both halves, even where the halves
    repeat each other ("if a man…; and if a woman…"), since the other side says it twice.
    `settled` (kept up to date when given) holds the members of groups found without
    echoes: a group with those members again is not weighed again.
    """
    for group in groups:
        if len(group[0]) < 2 and len(group[1]) < 2:
            continue
        if settled is not None and (frozenset(group[0]), frozenset(group[1])) in settled:
            continue
        right_count = len(group[1])
        for side in (0, 1):
            mine, theirs = group[side], group[1 - side]
            if len(mine) < 2:
                continue
            own, other = (bags.left, bags.right) if side == 0 else (bags.right, bags.left)
            facing = _joined(other[t] for t in theirs)
            while len(mine) > 1:
                together = _joined(own[m] for m in mine)
                echoes = [m for m in sorted(mine) if _echoes(own[m], together, facing, bags)]
                if not echoes:
                    break
                # Of two that echo each other, the one sharing less with the other side goes.
                mine.discard(min(echoes, key=lambda m: bags.weight(own[m].keys() & facing)))
        # Unless the right side lost a sentence, the left one was weighed against the
        # right one as it ends: nothing echoes any more while the members stay.
        if settled is not None and len(group[1]) == right_count:
            settled.add((frozenset(group[0]), frozenset(group[1])))
    return groups


def _joined(bags: Iterable[dict[str, int]]) -> dict[str, int]:
    total: dict[str, int] = {}
    for bag in bags:
        for key, n in bag.items():
            total[key] = total.get(key, 0) + n
    return total


def _echoes(
    member: dict[str, int], together: dict[str, int], facing: dict[str, int], bags: SentenceBags
) -> bool:
    """Tell whether a member's shared words are all matched already by its siblings
    (`together`: the words of the member and its siblings)."""
    shared = member.keys() & facing.keys()
    weight = bags.weight(shared)
    if not weight:
        return True
    # What the siblings say of each shared word: all of them together, less the member.
    new = {key for key in shared if facing[key] > together[key] - member[key]}
    return bags.weight(new) < cal.NEW_EVIDENCE * weight


def _whole_moves(
    groups: list[tuple[set[int], set[int]]], in_order: set[int], bags: SentenceBags
) -> tuple[list[tuple[set[int], set[int]]], set[int]]:
    """Keep a group off the chain only where its sentences match as wholes.

    In order, a neighbour's place vouches for a weak or partial match; out of order nothing
    does, and a short phrase found inside a longer sentence elsewhere ("my dear brothers",
    a title) recurs in any long text. Such groups are dissolved: their sentences stay
    without a counterpart rather than pair with a stranger.
    """
    kept, chain = [], set()
    for n, group in enumerate(groups):
        if n in in_order:
            chain.add(len(kept))
        elif bags.score_sets(*group).dice < cal.MOVED_DICE:
            continue
        kept.append(group)
    return kept, chain


def _in_place_alternatives(
    groups: Sequence[tuple[set[int], set[int]]],
    in_order: set[int],
    links: Sequence[tuple[int, int, float]],
    bags: SentenceBags,
    allowed: Callable[[int, int], bool] | None,
) -> list[tuple[int, int, float]] | None:
    """The links to group again where a move has an in-order reading nearly as good.

    A sentence that recurs (a refrain, a phrase said twice) links to the wrong copy as
    readily as to the right one, and the copy out of order then reads as moved text. Where
    a moved sentence matches, nearly as well, a sentence standing where the order puts it
    (between the counterparts of its aligned neighbours), the move is dropped for that
    pairing. None when no move has such an alternative.
    """
    chain = sorted((groups[n] for n in in_order), key=lambda g: (min(g[0]), min(g[1])))
    if not chain:
        return None
    sides = tuple(
        ([min(g[side]) for g in chain], [(max(g[1 - side]), min(g[1 - side])) for g in chain])
        for side in (0, 1)
    )
    value = {(a, b): v for a, b, v in links}
    dropped: set[tuple[int, int]] = set()
    added: dict[tuple[int, int], float] = {}
    for n, group in enumerate(groups):
        if n in in_order:
            continue
        inside = [(a, b) for a in group[0] for b in group[1] if (a, b) in value]
        for side in (0, 1):
            for sentence in group[side]:
                moved = max((value[p] for p in inside if p[side] == sentence), default=0.0)
                found = _in_place(sentence, side, sides[side], bags, allowed)
                if found is not None and found[1] >= cal.MOVED_ALTERNATIVE * moved:
                    dropped.update(p for p in inside if p[side] == sentence)
                    added[found[0]] = found[1]
    if not added:
        return None
    kept = [link for link in links if (link[0], link[1]) not in dropped]
    kept.extend((a, b, v) for (a, b), v in added.items() if (a, b) not in value)
    return kept


def _in_place(
    sentence: int,
    side: int,
    order: tuple[list[int], list[tuple[int, int]]],
    bags: SentenceBags,
    allowed: Callable[[int, int], bool] | None,
) -> tuple[tuple[int, int], float] | None:
    """The best match of a sentence among those of the other side where the order puts it
    (the chain's neighbours' counterparts included), as ((left, right), link value)."""
    window = _between_neighbours(sentence, *order)
    if window is None:
        return None
    _, low, high = window
    best: tuple[tuple[int, int], float] | None = None
    for candidate in range(low, high + 1):
        pair = (sentence, candidate) if side == 0 else (candidate, sentence)
        if allowed is not None and not allowed(*pair):
            continue
        found = bags.score(*pair).value
        if found > 0 and (best is None or found > best[1]):
            best = (pair, found)
    return best


def _between_neighbours(
    sentence: int, firsts: Sequence[int], counterparts: Sequence[tuple[int, int]]
) -> tuple[int, int, int] | None:
    """Where order puts a sentence's counterpart: between the chain's groups around it
    (`firsts`: each group's first sentence on the sentence's side; `counterparts`: its
    last and first on the other side), their own counterparts included. As (the next
    group's place in the chain, first candidate, last candidate); None outside the
    chain, or where the neighbours cross or stand far apart (order says nothing)."""
    i = bisect_left(firsts, sentence)
    if i == 0 or i == len(firsts):
        return None
    low, high = counterparts[i - 1][0], counterparts[i][1]
    if not 0 <= high - low <= cal.GAP_WINDOW:
        return None
    return i, low, high


def _compact(
    one: set[int], other: set[int], side: int, grouped: Callable[[int, int], bool]
) -> bool:
    """Within cal.GROUP_MAX, and no sentence between the first and last in another group.

    A linked sentence not yet in any group may stand inside (its link, weaker, comes later).
    """
    size = len(one) + len(other)
    if size > cal.GROUP_MAX:
        return False
    if not one or not other:
        return True
    low, high = min(min(one), min(other)), max(max(one), max(other))
    if high - low + 1 == size:
        return True  # a run with no gap
    if high - low + 1 > 2 * cal.GROUP_MAX:
        return False
    return not any(
        grouped(side, s) for s in range(low + 1, high) if s not in one and s not in other
    )


def _adds_evidence(
    left: int, right: int, partners_left: set[int], partners_right: set[int], bags: SentenceBags
) -> bool:
    """Tell whether a link shares words that neither end shares with its own partners."""
    shared = bags.left[left].keys() & bags.right[right].keys()
    explained_left = set().union(*(bags.right[p].keys() for p in partners_left))
    explained_right = set().union(*(bags.left[p].keys() for p in partners_right))
    return _new_to_each(shared, [explained_left, explained_right], bags)


def _new_to_each(shared: set[str], explained: Sequence[set[str]], bags: SentenceBags) -> bool:
    """Tell whether shared words weigh anything and, beside each set of words explained
    already, at least cal.NEW_EVIDENCE of their weight is new."""
    weight = bags.weight(shared)
    if not weight:  # weights are positive: nothing shared
        return False
    return all(bags.weight(shared - known) >= cal.NEW_EVIDENCE * weight for known in explained)


def _chain(
    groups: Sequence[tuple[set[int], set[int]]], links: Sequence[tuple[int, int, float]]
) -> set[int]:
    """The groups on the heaviest chain that keeps both orders (a Fenwick tree of maxima)."""
    if not groups:
        return set()
    group_of = {s: n for n, g in enumerate(groups) for s in g[0]}
    weight = [0.0] * len(groups)
    for left, right, value in links:
        n = group_of.get(left)
        if n is not None and right in groups[n][1]:
            weight[n] += value
    firsts = [(min(g[0]), min(g[1])) for g in groups]
    order = sorted(range(len(groups)), key=firsts.__getitem__)
    rank_of = {first: r for r, first in enumerate(sorted({f[1] for f in firsts}), 1)}
    size = len(rank_of)
    tree = [(0.0, -1)] * (size + 1)
    best: list[tuple[float, int]] = [(0.0, -1)] * len(groups)
    for n in order:
        rank = rank_of[firsts[n][1]]
        i, before = rank - 1, (0.0, -1)  # strictly earlier on the right
        while i > 0:
            if tree[i] > before:
                before = tree[i]
            i -= i & -i
        mine = best[n] = (before[0] + weight[n] + 1e-9, before[1])
        i = rank
        while i <= size:
            if mine[0] > tree[i][0]:
                tree[i] = (mine[0], n)
            i += i & -i
    totals = [b[0] for b in best]
    n = totals.index(max(totals))  # the first of the heaviest
    chain: set[int] = set()
    while n >= 0:
        chain.add(n)
        n = best[n][1]
    return chain


def _close_runs(groups: list[tuple[set[int], set[int]]]) -> None:
    """A sentence no link reached, lying between two sentences of one group, is its own.

    (A short clause between two linked ones: the other source merged all three.)
    """
    for side in (0, 1):
        placed = {s for g in groups for s in g[side]}
        for group in groups:
            members = group[side]
            if len(members) < 2:
                continue
            inside = [s for s in range(min(members) + 1, max(members)) if s not in placed]
            if len(members) + len(inside) <= cal.GROUP_MAX:
                members.update(inside)
                placed.update(inside)


def _pair_gaps(
    groups: list[tuple[set[int], set[int]]],
    in_order: set[int],
    bags: SentenceBags,
    allowed: Callable[[int, int], bool] | None,
) -> list[tuple[set[int], set[int]]]:
    """Pair the unlinked sentences that two aligned neighbours enclose on both sides.

    Between two groups in order, a few sentences on each side that no link reached are most
    likely each other's counterparts (a verse rendered in other words, spelled the old way):
    they are paired in order where they share a little (a heaviest monotone matching).
    """
    chain = sorted((groups[n] for n in in_order), key=lambda g: min(g[0]))
    placed = ({s for g in groups for s in g[0]}, {s for g in groups for s in g[1]})
    bounds = [(max(g[0]), max(g[1])) for g in chain[:-1]]
    nexts = [(min(g[0]), min(g[1])) for g in chain[1:]]
    for (after_left, after_right), (before_left, before_right) in zip(bounds, nexts, strict=True):
        gap_left = [s for s in range(after_left + 1, before_left) if s not in placed[0]]
        gap_right = [s for s in range(after_right + 1, before_right) if s not in placed[1]]
        if not gap_left or not gap_right:
            continue
        if len(gap_left) > cal.GAP_WINDOW or len(gap_right) > cal.GAP_WINDOW:
            continue  # a long stretch on both sides: order alone says too little
        for a, b in _monotone_pairs(gap_left, gap_right, bags, allowed):
            groups.append(({a}, {b}))
    return groups


def _monotone_pairs(
    lefts: list[int],
    rights: list[int],
    bags: SentenceBags,
    allowed: Callable[[int, int], bool] | None,
) -> list[tuple[int, int]]:
    """The heaviest one-to-one matching that keeps both orders, of pairs that share words."""
    value = {}
    for a in lefts:
        for b in rights:
            if allowed is not None and not allowed(a, b):
                continue
            score = bags.score(a, b)
            if score.overlap >= cal.PAIR_MIN_OVERLAP and score.dice >= cal.PAIR_MIN_DICE:
                value[(a, b)] = score.dice
    if not value:
        return []
    best = [[0.0] * (len(rights) + 1) for _ in range(len(lefts) + 1)]
    for i in range(1, len(lefts) + 1):
        for j in range(1, len(rights) + 1):
            pair = value.get((lefts[i - 1], rights[j - 1]), 0.0)
            best[i][j] = max(best[i - 1][j], best[i][j - 1], best[i - 1][j - 1] + pair)
    found, i, j = [], len(lefts), len(rights)
    while i and j:
        pair = value.get((lefts[i - 1], rights[j - 1]), 0.0)
        if pair and best[i][j] == best[i - 1][j - 1] + pair:
            found.append((lefts[i - 1], rights[j - 1]))
            i, j = i - 1, j - 1
        elif best[i][j] == best[i - 1][j]:
            i -= 1
        else:
            j -= 1
    return found[::-1]


def _fill_gaps(
    groups: list[tuple[set[int], set[int]]],
    in_order: set[int],
    counts: tuple[int, int],
    bags: SentenceBags,
    allowed: Callable[[int, int], bool] | None,
) -> list[tuple[set[int], set[int]]]:
    """Give each unlinked sentence between two aligned neighbours the counterpart it fits.

    The counterpart is looked for only between the neighbours' own counterparts (their last
    and first sentences included: a longer sentence there may carry it), and must contain
    most of its words.
    """
    chain = sorted((groups[n] for n in in_order), key=lambda g: min(g[0]))
    for side in (0, 1):
        other = 1 - side
        count = counts[side]
        anchors = sorted(
            ((min(g[side]), max(g[side]), min(g[other]), max(g[other]), g) for g in chain),
            key=lambda a: a[0],
        )
        placed = {s for g in groups for s in g[side]}
        placed_other = {s: g for g in groups for s in g[other]}
        firsts = [a[0] for a in anchors]
        counterparts = [(a[3], a[2]) for a in anchors]
        for s in range(count):
            if s in placed:
                continue
            window = _between_neighbours(s, firsts, counterparts)
            if window is None:
                continue
            i, low, high = window
            if anchors[i][0] - anchors[i - 1][1] > cal.GAP_SPAN:
                continue  # a long stretch of this side between them: text the other lacks
            best, best_value = -1, cal.GAP_CONTAIN
            for candidate in range(low, high + 1):
                pair = (s, candidate) if side == 0 else (candidate, s)
                if allowed is not None and not allowed(*pair):
                    continue
                found = bags.score(*pair)
                contain = found.contain_a if side == 0 else found.contain_b
                if found.overlap >= cal.GAP_MIN_OVERLAP and contain >= best_value:
                    best, best_value = candidate, contain
            if best < 0:
                continue
            target = placed_other.get(best)
            if target is None:
                target = (set(), set())
                target[other].add(best)
                groups.append(target)
                placed_other[best] = target
            if len(target[side]) < cal.GROUP_MAX:
                target[side].add(s)
                placed.add(s)
    return groups
