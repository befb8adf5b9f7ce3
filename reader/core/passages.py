"""Reconstruct the statement as ordered passages, and say which source carries each, and how.

The fullest quoting source (most words in quotation) is the reference: each of its quotation
and paraphrase paragraphs becomes one or more passages (long paragraphs are cut at sentence
boundaries into pieces of a readable size), in its order. Sentences of other sources that carry
the statement join the passages they are linked to, directly or through a third source.
Statement sentences that reach no reference passage but are quoted somewhere, or carried by
two sources, form passages of their own, placed where the source that quotes them places them.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import accumulate, islice, pairwise

from reader.core import calibration as cal
from reader.core.cues import quotation_spans
from reader.core.linking import Link
from reader.core.model import Label, Source
from reader.core.units import UnitTable

_PASSAGE_WORDS = 70  # a reference paragraph longer than this is cut into pieces
_FRAGMENT_CANDIDATES = 12


@dataclass(frozen=True)
class Carriage:
    """How one source carries one passage."""

    mode: Label  # QUOTATION or PARAPHRASE
    share: float  # share of the passage's words it carries
    closeness: float  # how close its wording is, in [0, 1]


@dataclass(frozen=True)
class Passage:
    id: str
    order: int
    text: str
    source: int  # whose words give the passage's text
    units: tuple[int, ...]  # the sentences of that source that make the passage
    words: int
    members: tuple[tuple[int, int], ...]  # (source, paragraph), in source then paragraph order
    carried: dict[int, Carriage]  # by source


@dataclass(frozen=True)
class Fragment:
    """Words of the statement quoted inside a commentary or paraphrase paragraph."""

    source: int
    paragraph: int
    start: int
    end: int
    passage: str
    closeness: float


@dataclass(frozen=True)
class Statement:
    passages: tuple[Passage, ...]
    reference: int | None
    fragments: tuple[Fragment, ...]

    def quoted_share(self, source: int) -> float:
        return self._share(source, Label.QUOTATION)

    def paraphrased_share(self, source: int) -> float:
        return self._share(source, Label.PARAPHRASE)

    def _share(self, source: int, mode: Label) -> float:
        total = sum(p.words for p in self.passages)
        if not total:
            return 0.0
        carried = sum(
            p.words * c.share
            for p in self.passages
            if (c := p.carried.get(source)) is not None and c.mode == mode
        )
        return round(carried / total, 3)

    def closeness(self, source: int) -> float | None:
        """Word-weighted closeness of a source's quotations to the statement."""
        pairs = [
            (p.words * c.share, c.closeness)
            for p in self.passages
            if (c := p.carried.get(source)) is not None and c.mode == Label.QUOTATION
        ]
        weight = sum(w for w, _ in pairs)
        return round(sum(w * c for w, c in pairs) / weight, 3) if weight else None


def build_statement(
    sources: Sequence[Source],
    table: UnitTable,
    links: Sequence[Link],
    labels: Sequence[Sequence[Label]],
) -> Statement:
    """Return the passages of the statement and the fragments quoted around it."""
    carrying = {
        u
        for s, source in enumerate(sources)
        for p in range(len(source.paragraphs))
        if labels[s][p] in (Label.QUOTATION, Label.PARAPHRASE)
        for u in table.by_paragraph[(s, p)]
    }
    if not carrying:
        return Statement((), None, ())
    graph: dict[int, dict[int, float]] = defaultdict(dict)
    for link in links:
        if link.a in carrying and link.b in carrying:
            graph[link.a][link.b] = link.score
            graph[link.b][link.a] = link.score
    reference = _reference(sources, table, labels)
    words_of = _UnitWords(sources, table)
    groups = _reference_groups(sources, table, labels, reference, words_of)
    unit_group = {u: g for g, group in enumerate(groups) for u in group}
    assigned = _assign(carrying, graph, unit_group, table, reference)
    extra = _extra_groups(carrying, graph, assigned, table, labels, reference)
    ordered = _order(groups, extra, table, labels, assigned)
    passages = [
        _passage(n, group, sources, table, labels, graph, words_of)
        for n, group in enumerate(ordered, start=1)
    ]
    fragments = _fragments(sources, table, labels, passages)
    return Statement(tuple(passages), reference, tuple(fragments))


def _reference(
    sources: Sequence[Source], table: UnitTable, labels: Sequence[Sequence[Label]]
) -> int:
    def words(s: int, label: Label) -> int:
        return sum(p.word_count for p in sources[s].paragraphs if labels[s][p.index] == label)

    return max(
        range(len(sources)),
        key=lambda s: (words(s, Label.QUOTATION), words(s, Label.PARAPHRASE), -s),
    )


def _reference_groups(
    sources: Sequence[Source],
    table: UnitTable,
    labels: Sequence[Sequence[Label]],
    reference: int,
    words_of: _UnitWords,
) -> list[list[int]]:
    """Cut the reference's statement paragraphs into passages of readable size."""
    groups: list[list[int]] = []
    source = sources[reference]
    for paragraph in source.paragraphs:
        if labels[reference][paragraph.index] not in (Label.QUOTATION, Label.PARAPHRASE):
            continue
        units = list(table.by_paragraph[(reference, paragraph.index)])
        sizes = [words_of(u) for u in units]
        groups.extend(_balanced_pieces(units, sizes))
    return groups


def _balanced_pieces(units: list[int], sizes: list[int]) -> list[list[int]]:
    """Cut a paragraph's sentences into pieces of about _PASSAGE_WORDS words, evenly."""
    total = sum(sizes)
    pieces = max(1, min(len(units), round(total / _PASSAGE_WORDS)))
    cumulative = list(accumulate(sizes))
    cuts: list[int] = []
    for k in range(1, pieces):
        goal = k * total / pieces
        first = cuts[-1] + 1 if cuts else 1
        cuts.append(1 + _nearest(cumulative, goal, first - 1, len(units) - (pieces - k)))
    bounds = [0, *cuts, len(units)]
    return [units[a:b] for a, b in pairwise(bounds)]


class _UnitWords:
    """The content words of each sentence, counted once: passages and pieces both ask."""

    def __init__(self, sources: Sequence[Source], table: UnitTable) -> None:
        self._sources = sources
        self._table = table
        self._counts: dict[int, int] = {}
        self._contents: dict[tuple[int, int], list[int]] = {}  # a paragraph's 1/0 column

    def __call__(self, unit: int) -> int:
        count = self._counts.get(unit)
        if count is None:
            u = self._table.units[unit]
            contents = self._contents.get((u.source, u.paragraph))
            paragraph = self._sources[u.source].paragraphs[u.paragraph]
            if contents is None:
                contents = self._contents[(u.source, u.paragraph)] = paragraph.tokens.contents()
            sentence = paragraph.sentences[u.sentence]
            count = self._counts[unit] = sum(contents[sentence.first_token : sentence.last_token])
        return count


def _nearest(cumulative: list[int], goal: float, lo: int, hi: int) -> int:
    """The first index in [lo, hi) of the running total nearest to goal.

    The totals never decrease, so the nearest is beside where goal would go: found by
    bisection, a paragraph of a hundred thousand sentences costs no more than a short one.
    """
    above = bisect_left(cumulative, goal, lo, hi)
    options = [above] if above < hi else []
    if above > lo:  # the first of the totals equal to the one just below goal
        options.append(bisect_left(cumulative, cumulative[above - 1], lo, above))
    return min(options, key=lambda i: (abs(cumulative[i] - goal), i))


def _assign(
    carrying: set[int],
    graph: dict[int, dict[int, float]],
    unit_group: dict[int, int],
    table: UnitTable,
    reference: int,
) -> dict[int, dict[int, float]]:
    """Map each statement sentence to the reference passages it carries, with closeness."""
    assigned: dict[int, dict[int, float]] = {}
    for u in carrying:
        if u in unit_group:
            assigned[u] = {unit_group[u]: 1.0}
            continue
        votes: dict[int, float] = {}
        for v, score in graph.get(u, {}).items():
            if v in unit_group:
                g = unit_group[v]
                votes[g] = max(votes.get(g, 0.0), score)
        if not votes:  # only a sentence the reference does not carry goes through a third
            for v, score in graph.get(u, {}).items():
                if table.units[v].source == reference:
                    continue
                for w, second in graph.get(v, {}).items():
                    if w in unit_group and table.units[w].source != table.units[u].source:
                        g = unit_group[w]
                        hop = cal.ONE_HOP_DISCOUNT * min(score, second)
                        votes[g] = max(votes.get(g, 0.0), hop)
        if votes:
            best = max(votes.values())
            assigned[u] = {g: v for g, v in votes.items() if v >= cal.NEAR_BEST * best}
    return assigned


def _extra_groups(
    carrying: set[int],
    graph: dict[int, dict[int, float]],
    assigned: dict[int, dict[int, float]],
    table: UnitTable,
    labels: Sequence[Sequence[Label]],
    reference: int,
) -> list[list[int]]:
    """Group statement sentences that reach no reference passage into passages of their own."""
    loose = {u for u in carrying if u not in assigned}
    parent = {u: u for u in loose}

    def find(u: int) -> int:
        while parent[u] != u:
            parent[u] = parent[parent[u]]
            u = parent[u]
        return u

    for u in loose:
        for v in graph.get(u, {}):
            if v in loose:
                parent[find(u)] = find(v)
    clusters: dict[int, list[int]] = defaultdict(list)
    for u in loose:
        clusters[find(u)].append(u)
    groups = []
    for members in _merge_by_paragraph(list(clusters.values()), table, labels):
        sources = {table.units[u].source for u in members}
        quoted = any(
            labels[table.units[u].source][table.units[u].paragraph] == Label.QUOTATION
            for u in members
        )
        if quoted or len(sources) >= 2:
            groups.append(sorted(members))
    return groups


def _merge_by_paragraph(
    clusters: list[list[int]], table: UnitTable, labels: Sequence[Sequence[Label]]
) -> list[list[int]]:
    """Join clusters whose host sentences share a paragraph: one quotation, one passage."""
    by_paragraph: dict[tuple[int, int], list[int]] = {}
    merged: list[list[int]] = []
    for cluster in sorted(clusters, key=min):
        host = _host(cluster, table, labels)
        paragraphs = {
            (host, table.units[u].paragraph) for u in cluster if table.units[u].source == host
        }
        target = next((by_paragraph[p] for p in paragraphs if p in by_paragraph), None)
        if target is None:
            target = []
            merged.append(target)
        target.extend(cluster)
        for p in paragraphs:
            by_paragraph[p] = target
    return merged


def _host(group: list[int], table: UnitTable, labels: Sequence[Sequence[Label]]) -> int:
    """The source whose words give an extra passage its text: the one that quotes most."""
    weight: dict[int, tuple[int, float]] = {}
    for u in group:
        unit = table.units[u]
        quoted = labels[unit.source][unit.paragraph] == Label.QUOTATION
        q, w = weight.get(unit.source, (0, 0.0))
        weight[unit.source] = (q + quoted, w + table.weights[u])
    return max(weight, key=lambda s: (weight[s], -s))


def _order(
    groups: list[list[int]],
    extra: list[list[int]],
    table: UnitTable,
    labels: Sequence[Sequence[Label]],
    assigned: dict[int, dict[int, float]],
) -> list[list[int]]:
    """Insert extra passages after the reference passage that precedes them in their host."""
    slots: dict[int, list[tuple[int, list[int]]]] = defaultdict(list)
    for group in extra:
        host = _host(group, table, labels)
        own = [u for u in group if table.units[u].source == host]
        first = min(own)
        start = table.by_source[host].start
        preceding = next((v for v in range(first - 1, start - 1, -1) if v in assigned), None)
        anchor = max(assigned[preceding]) if preceding is not None else -1
        slots[anchor].append((first, own + [u for u in group if u not in own]))
    ordered: list[list[int]] = [g for _, g in sorted(slots.get(-1, []))]
    for g, group in enumerate(groups):
        ordered.append(group)
        ordered.extend(extra_group for _, extra_group in sorted(slots.get(g, [])))
    return ordered


def _passage(
    number: int,
    group: list[int],
    sources: Sequence[Source],
    table: UnitTable,
    labels: Sequence[Sequence[Label]],
    graph: dict[int, dict[int, float]],
    words_of: _UnitWords,
) -> Passage:
    own_source = table.units[group[0]].source
    own = [u for u in group if table.units[u].source == own_source]
    source = sources[own_source]
    text = " ".join(_unit_text(source, table, u) for u in own)
    words = [words_of(u) for u in own]
    members: set[tuple[int, int]] = {(own_source, table.units[u].paragraph) for u in own}
    carried = {own_source: _own_carriage(labels, table, own)}
    # Which sentences of other sources carry which of this passage's sentences, and how well.
    best: dict[int, dict[int, tuple[float, Label]]] = defaultdict(dict)
    for i, v in enumerate(own):
        for u, score in _reach(v, graph, table, own_source):
            unit = table.units[u]
            if unit.source == own_source:
                continue
            mode = labels[unit.source][unit.paragraph]
            previous = best[unit.source].get(i)
            if previous is None or (score, mode == Label.QUOTATION) > (
                previous[0],
                previous[1] == Label.QUOTATION,
            ):
                best[unit.source][i] = (score, mode)
            members.add((unit.source, unit.paragraph))
    for u in group:  # extra passages: their other members carry them by construction
        unit = table.units[u]
        if unit.source != own_source:
            members.add((unit.source, unit.paragraph))
    for s, per_sentence in best.items():
        carried[s] = _carriage(per_sentence, words)
    return Passage(
        id=f"p{number}",
        order=number,
        text=text,
        source=own_source,
        units=tuple(own),
        words=sum(words),
        members=tuple(sorted(members)),
        carried=carried,
    )


def _reach(
    v: int, graph: dict[int, dict[int, float]], table: UnitTable, own_source: int
) -> list[tuple[int, float]]:
    """Sentences linked to v directly, or through one other sentence.

    A sentence with a direct link into v's source is judged by its direct links alone: a
    detour through a third source would only repeat a resemblance it does not have itself.
    """
    found: dict[int, float] = dict(graph.get(v, {}))
    for u, score in graph.get(v, {}).items():
        for w, second in graph.get(u, {}).items():
            if w == v or w in found or _linked_to(w, own_source, graph, table):
                continue
            hop = cal.ONE_HOP_DISCOUNT * min(score, second)
            found[w] = max(found.get(w, 0.0), hop)
    return list(found.items())


def _linked_to(
    unit: int, source: int, graph: dict[int, dict[int, float]], table: UnitTable
) -> bool:
    return any(table.units[other].source == source for other in graph.get(unit, {}))


def _own_carriage(labels: Sequence[Sequence[Label]], table: UnitTable, own: list[int]) -> Carriage:
    unit = table.units[own[0]]
    mode = labels[unit.source][unit.paragraph]
    return Carriage(mode=mode, share=1.0, closeness=1.0)


def _carriage(per_sentence: dict[int, tuple[float, Label]], words: list[int]) -> Carriage:
    total = sum(words) or 1
    carried_words = sum(words[i] for i in per_sentence)
    quoted_words = sum(words[i] for i, (_, m) in per_sentence.items() if m == Label.QUOTATION)
    mode = Label.QUOTATION if quoted_words >= carried_words / 2 else Label.PARAPHRASE
    closeness = sum(words[i] * s for i, (s, _) in per_sentence.items()) / max(1, carried_words)
    return Carriage(mode=mode, share=round(carried_words / total, 3), closeness=round(closeness, 3))


def _unit_text(source: Source, table: UnitTable, unit: int) -> str:
    u = table.units[unit]
    paragraph = source.paragraphs[u.paragraph]
    sentence = paragraph.sentences[u.sentence]
    return paragraph.text[sentence.start : sentence.end]


def _fragments(
    sources: Sequence[Source],
    table: UnitTable,
    labels: Sequence[Sequence[Label]],
    passages: list[Passage],
) -> list[Fragment]:
    """Find statement words quoted in guillemets inside commentary or paraphrase."""
    quoted = list(_quoted_bags(sources, table, labels))
    # Each key a quotation is looked up by, with the passage sentences that hold it (in the
    # passages' order): only those keys are indexed.
    wanted = {key for *_, rare in quoted for key in rare}
    passage_units = [(n, u) for n, passage in enumerate(passages) for u in passage.units]
    units = [u for _, u in passage_units]
    if len(set(units)) == len(units):
        by_key = table.holders(wanted, units)
    else:  # a sentence in two passages: each place of it counts
        by_key = defaultdict(set)
        for at, u in enumerate(units):
            for key in table.units[u].bag.keys() & wanted:
                by_key[key].add(at)
    found: list[Fragment] = []
    for s, paragraph, (start, end), bag, weight, rare in quoted:
        fragment = _match_fragment(bag, weight, rare, table, by_key, passage_units)
        if fragment is not None:
            n, closeness = fragment
            found.append(Fragment(s, paragraph, start, end, passages[n].id, closeness))
    return found


def _quoted_bags(
    sources: Sequence[Source], table: UnitTable, labels: Sequence[Sequence[Label]]
) -> Iterator[tuple[int, int, tuple[int, int], dict[str, int], float, list[str]]]:
    """Each quotation inside commentary or paraphrase that weighs enough to match: where it
    is, its keys, their weight and its rarest three (a match shares one of them)."""
    df = table.df
    for s, source in enumerate(sources):
        for paragraph in source.paragraphs:
            if labels[s][paragraph.index] in (Label.QUOTATION, Label.BOILERPLATE):
                continue
            spans = quotation_spans(paragraph.text)
            if not spans:
                continue
            tokens = paragraph.tokens  # read as columns: no token made to find a span
            starts, ends, keys = tokens.starts, tokens.ends, tokens.keys()
            for start, end in spans:
                # Tokens come in text order, their starts and ends rising: those in the span
                # are one slice, counted in C in the order found.
                first = bisect_left(starts, start)
                last = bisect_right(ends, end, first, bisect_right(starts, end))
                bag: dict[str, int] = Counter(filter(None, keys[first:last]))
                weight = table.weight(bag)
                if weight >= cal.UNCOMMON_WORDS:
                    rare = sorted(bag, key=lambda k: df.get(k, 0))[:3]
                    yield s, paragraph.index, (start, end), bag, weight, rare


def _match_fragment(
    bag: dict[str, int],
    weight: float,
    rare: list[str],
    table: UnitTable,
    by_key: dict[str, set[int]],
    passage_units: list[tuple[int, int]],
) -> tuple[int, float] | None:
    # The most shared first, ties in the order found (as a stable sort would give them).
    candidates = most_shared([by_key.get(key, _NONE) for key in rare], _FRAGMENT_CANDIDATES)
    best: tuple[int, float] | None = None
    for c in candidates:
        n, u = passage_units[c]
        score = table.score_bags(bag, table.units[u].bag, weight, table.weights[u])
        strong = score.contain_a >= cal.FRAGMENT_MIN_CONTAIN and score.overlap >= cal.UNCOMMON_WORDS
        if strong and (best is None or score.contain_a > best[1]):
            best = (n, round(score.contain_a, 3))
    return best


_NONE: set[int] = set()


def most_shared(postings: Sequence[set[int]], n: int) -> list[int]:
    """The n items in the most of (up to three) postings, ties in the order a Counter fed the
    postings in turn holds them: heapq.nlargest(n, counter, key=counter.__getitem__), as
    a stable sort, without counting every item of a long posting one by one in Python.

    Each group of one count, first found in one posting, comes from set operations; only the
    few items wanted are then read in that posting's order.
    """
    if len(postings) > 3:
        raise ValueError("at most three postings")
    if n <= 0:
        return []
    a, b, c = [*postings, _NONE, _NONE, _NONE][:3]
    everywhere = a & b & c
    groups = (
        (a, everywhere),
        (a, ((a & b) | (a & c)) - everywhere),  # in two, the first of them a
        (b, (b & c) - a),
        (a, a - b - c),  # in one
        (b, b - a - c),
        (c, c - a - b),
    )
    found: list[int] = []
    places: dict[int, dict[int, int]] = {}  # each posting's order, made when first needed
    for posting, group in groups:
        if group:
            wanted = n - len(found)
            if len(group) <= wanted:  # all of it, in the posting's order
                if id(posting) not in places:
                    places[id(posting)] = {x: i for i, x in enumerate(posting)}
                found.extend(sorted(group, key=places[id(posting)].__getitem__))
            else:  # the first few: read until found
                found.extend(islice((x for x in posting if x in group), wanted))
            if len(found) >= n:
                break
    return found
