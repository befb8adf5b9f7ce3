"""Bridge spellings that differ only by a habit of print: one key for the same word.

Two sources may spell one word differently: an old print ("eftoit", "connoiffance", with the
long s transcribed as f), a text typed without accents, a variant spelling of a name. Their
matching keys differ, so the sentences that carry them share less than they should. Here a
word that no other source of the corpus spells as this one does is rewritten by its
language's spelling habits (lang's `spelling_variants`, tried one step more at a time) and,
where a rewriting is a word another source has, both keys become one.

Only a source whose unshared words often find a counterpart this way is bridged: a habit of
print shows in hundreds of words, while two modern texts' unshared words meet a rewriting of
each other by chance in a few percent of them (a name spelled two ways, a rare collision).
"""

from __future__ import annotations

import operator
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from functools import cache
from itertools import combinations

from reader.core import calibration as cal
from reader.core import lang
from reader.core.model import Source
from reader.core.text import Tokens, strip_accents, word_key

# The share is first estimated on this many unshared words, and the rest tried only when
# the estimate reaches half the share: most corpora have no habit to bridge.
_SAMPLE = 300
# A word with more places a habit may apply at than this is tried with all of them applied
# and with each single one (not every subset): the subsets grow as 2^n.
_MAX_PLACES = 3

_NORM = operator.itemgetter(1)


def bridged_keys(sources: Sequence[Source]) -> dict[str, str]:
    """A map from matching keys to the key their word has in another source (only changes)."""
    forms = [_forms(source) for source in sources]
    holders: Counter[str] = Counter()
    for found in forms:
        holders.update(set(found.values()))
    attested: dict[str, dict[int, str]] = {}  # accent-free form -> source -> key
    for s, found in enumerate(forms):
        for word, key in found.items():
            attested.setdefault(_plain(word), {})[s] = key
    parent: dict[str, str] = {}
    for s, (source, found) in enumerate(zip(sources, forms, strict=True)):
        habits = _habits(source.language)
        unshared = sorted((w, k) for w, k in found.items() if holders[k] == 1)
        if not habits or len(unshared) < cal.HABIT_MIN:
            continue
        sample = unshared[:: max(1, len(unshared) // _SAMPLE)]
        if len(_bridges(sample, s, attested, habits)) < cal.HABIT_SHARE / 2 * len(sample):
            continue
        pairs = _bridges(unshared, s, attested, habits)
        if len(pairs) >= max(cal.HABIT_MIN, cal.HABIT_SHARE * len(unshared)):
            for key, other in pairs:
                _union(parent, key, other, holders)
    return {key: _root(parent, key) for key in parent if _root(parent, key) != key}


def _bridges(
    words: Sequence[tuple[str, str]],
    source: int,
    attested: dict[str, dict[int, str]],
    habits: tuple[tuple[re.Pattern[str], str], ...],
) -> list[tuple[str, str]]:
    """(own key, other source's key) for each word a rewriting finds in another source."""
    pairs = []
    for word, key in words:
        other = _counterpart(_plain(word), source, attested, habits)
        if other is not None and other != key:
            pairs.append((key, other))
    return pairs


def _forms(source: Source) -> dict[str, str]:
    """Each word form (normalised) of a source with its matching key."""
    norms: set[str] = set()
    for paragraph in source.paragraphs:
        tokens = paragraph.tokens  # read as a column where tokens are kept as columns
        norms.update(tokens.norms() if isinstance(tokens, Tokens) else map(_NORM, tokens))
    language = source.language
    return {w: word_key(w, language=language) for w in norms if w[:1].isalpha()}


# Accented Latin letters to their plain letter, for str.translate (strip_accents is the
# reference; this is the same for these letters, at C speed).
_PLAIN = {code: strip_accents(chr(code)) for code in range(0xC0, 0x250) if strip_accents(chr(code))}


def _plain(word: str) -> str:
    return word if word.isascii() else word.translate(_PLAIN)


@cache
def _habits(language: str) -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(p), r) for p, r, _ in lang.language(language).spelling_variants)


def _counterpart(
    word: str,
    source: int,
    attested: dict[str, dict[int, str]],
    habits: tuple[tuple[re.Pattern[str], str], ...],
) -> str | None:
    """The key another source gives the first rewriting of a word that it has."""
    for variant in _variants(word, habits):
        found = attested.get(variant)
        if found:
            for holder, key in found.items():
                if holder != source:
                    return key
    return None


def _variants(word: str, habits: tuple[tuple[re.Pattern[str], str], ...]) -> Iterator[str]:
    """The word as written (accents aside), then rewritten by one habit more at a time.

    Each habit is tried at every subset of the places it applies at (a word may keep a real
    f beside a long s printed as f), the fewest places first.
    """
    yield word
    forms = [word]
    for pattern, replacement in habits:
        grown: list[str] = []
        for form in forms:
            grown.extend(_rewritings(form, pattern, replacement))
        yield from grown
        forms = forms + grown


def _rewritings(form: str, pattern: re.Pattern[str], replacement: str) -> list[str]:
    places = [m.span() for m in pattern.finditer(form)]
    if not places:
        return []
    if len(places) > _MAX_PLACES:
        chosen = [places] + [[place] for place in places]
    else:
        chosen = [list(c) for n in range(1, len(places) + 1) for c in combinations(places, n)]
    found = []
    for spans in chosen:
        out, last = [], 0
        for start, end in spans:
            out.append(form[last:start])
            out.append(replacement)
            last = end
        out.append(form[last:])
        found.append("".join(out))
    return found


def _union(parent: dict[str, str], a: str, b: str, holders: Counter[str]) -> None:
    """Join two keys; the one more sources hold stands for both."""
    ra, rb = _root(parent, a), _root(parent, b)
    if ra == rb:
        return
    if (holders[ra], ra) < (holders[rb], rb):
        ra, rb = rb, ra
    parent.setdefault(ra, ra)
    parent[rb] = ra


def _root(parent: dict[str, str], key: str) -> str:
    parent.setdefault(key, key)
    while parent[key] != key:
        parent[key] = parent[parent[key]]
        key = parent[key]
    return key
