"""Tokens that keep what was written beside what is compared.

Every token keeps its original characters (`text`, with the whitespace that follows it), a
normalised form for deciding equality in diffs (`norm`: case, apostrophes, quotes, dashes,
number words), and a matching key for similarity (`key`: accent-free stem). Typography never
changes what is displayed, only what is compared.
"""

from __future__ import annotations

import operator
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from enum import Enum
from functools import cache, lru_cache, partial
from itertools import accumulate
from typing import NamedTuple

import Stemmer

from reader.core import lang


class Kind(Enum):
    WORD = "word"
    NUMBER = "number"
    PUNCT = "punct"
    SYMBOL = "symbol"  # emoji and pictographs: ignored when comparing
    MARKER = "marker"  # a leading list marker or "> " quote prefix: ignored when comparing


class Token(NamedTuple):
    text: str  # original characters, trailing whitespace included
    norm: str  # what equality is decided on; "" for tokens that are ignored
    key: str  # matching key for similarity; "" for tokens that carry no content
    kind: Kind
    start: int  # offset of the first character in the paragraph
    end: int  # offset after the last non-space character

    @property
    def is_content(self) -> bool:
        kind = self.kind
        return kind is Kind.WORD or kind is Kind.NUMBER


# One token's characters, then the whitespace that follows it (kept with the token, ignored
# when comparing): a number (with thousands separators), a word (with an elided apostrophe:
# "l'"), a run of pictographs, a run of one punctuation mark ("...", "!!"), or anything else.
_TOKEN_AND_SPACE = re.compile(
    r"""
    (
      \d+(?:[\u00a0\u202f\u2009 .,]\d{3}(?!\d))*(?:[.,]\d+)?
    | [^\W\d_]+(?:['’ʼ](?=[^\W\d_]))?
    | [\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\uFE0F\u200D\u20E3]+
    | \.{2,} | !{2,} | \?{2,} | -{2,} | [^\w\s] | \w
    )
    (\s*)
    """,
    re.VERBOSE,
)
_SPACE = re.compile(r"\s*")
_SYMBOL = re.compile(r"[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\uFE0F\u200D\u20E3]")
_LEADING_MARKER = re.compile(r"^(?:[-*•▪◦–]|\d{1,3}[.)]|>+)(?=\s)")

_PUNCT_NORM = str.maketrans(
    {
        "’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'", "‚": "'",
        "«": '"', "»": '"', "“": '"', "”": '"', "„": '"', "‟": '"', "‹": '"', "›": '"',
        "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "―": "-", "−": "-",
        "…": "...",
    }
)  # fmt: skip


def strip_accents(text: str) -> str:
    """Return text without combining accents ('é' → 'e'); 'ſ' and ligatures are folded too."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def fold_typography(text: str) -> str:
    """Return text with apostrophes, quotes and dashes in one form, and all spaces plain."""
    text = unicodedata.normalize("NFKC", text).translate(_PUNCT_NORM)
    return " ".join(text.split())


def tokenize(text: str, language: str = "french") -> list[Token]:
    """Split a paragraph into tokens covering every character of it.

    The work is done a column at a time (characters, then kinds, forms and keys looked up
    per distinct word, then offsets), each column in one C-level pass, and the tokens built
    from the columns at the end: a book has a million tokens but a few tens of thousands of
    distinct words, so each word is classified, folded and stemmed once.
    """
    tokens, position = _leading(text)
    found = _TOKEN_AND_SPACE.findall(text, position)
    if not found:
        return tokens
    cores, spaces = zip(*found, strict=True)
    known = _types(language)
    get = known.get
    kinds, norms, keys = zip(*[get(c) or _learn(known, c, language) for c in cores], strict=True)
    joined = list(map(operator.add, cores, spaces))
    if len(_SPELLINGS) > _MAX_KNOWN:
        _SPELLINGS.clear()
    texts = list(map(_SPELLINGS.setdefault, joined, joined))
    starts = list(accumulate(map(len, texts), initial=position))
    ends = list(map(operator.add, starts, map(len, cores)))
    if starts[-1] < len(_OFFSETS):
        starts = list(map(_OFFSETS.__getitem__, starts))
        ends = list(map(_OFFSETS.__getitem__, ends))
    tokens.extend(map(_new_token, zip(texts, norms, keys, kinds, starts, ends, strict=False)))
    return tokens


def content_count(tokens: Sequence[Token]) -> int:
    """The number of words and numbers among tokens."""
    kinds = list(map(_KIND, tokens))
    return kinds.count(Kind.WORD) + kinds.count(Kind.NUMBER)


def _leading(text: str) -> tuple[list[Token], int]:
    """A leading list marker or quote prefix, or leading whitespace, as a token of its own."""
    marker = _LEADING_MARKER.match(text)
    if marker:
        end = marker.end()
        trailing = _SPACE.match(text, end).end()  # type: ignore[union-attr]
        return [Token(text[:trailing], "", "", Kind.MARKER, 0, end)], trailing
    position = _SPACE.match(text).end()  # type: ignore[union-attr]
    if position:  # leading whitespace: kept, so that tokens cover every character
        return [Token(text[:position], "", "", Kind.MARKER, 0, 0)], position
    return [], 0


# Kind, normalised form and key of each distinct token seen, by language. A bound keeps a
# long-running window from growing without end on endless new words.
_KNOWN: dict[str, dict[str, tuple[Kind, str, str]]] = {}
_MAX_KNOWN = 500_000
_KIND = operator.itemgetter(3)
# A book's tokens are a million objects; what they hold is shared where it repeats: one string
# per distinct spelling (with its trailing space), and one int object per offset (Python
# shares only those below 257). Memory for tokens falls by about half.
_SPELLINGS: dict[str, str] = {}
_OFFSETS = list(range(1 << 16))
_new_token = partial(tuple.__new__, Token)  # a Token from a tuple of its fields, in C


def _types(language: str) -> dict[str, tuple[Kind, str, str]]:
    known = _KNOWN.get(language)
    if known is None or len(known) > _MAX_KNOWN:
        known = _KNOWN[language] = {}
    return known


def _learn(
    known: dict[str, tuple[Kind, str, str]], core: str, language: str
) -> tuple[Kind, str, str]:
    found = known[core] = _classified(core, language)
    return found


def _classified(core: str, language: str) -> tuple[Kind, str, str]:
    """Kind, normalised form and key of a token's characters (the regex decided its extent)."""
    first = core[0]
    if first.isdigit():
        kind = Kind.NUMBER
    elif first.isalpha() or first == "_":
        kind = Kind.WORD
    elif _SYMBOL.match(core):
        kind = Kind.SYMBOL
    else:
        kind = Kind.PUNCT
    return (kind, *_norm_and_key(core, kind, language))


def _norm_and_key(core: str, kind: Kind, language: str) -> tuple[str, str]:
    if kind in (Kind.SYMBOL, Kind.MARKER):
        return "", ""
    if kind == Kind.PUNCT:
        return fold_typography(core), ""
    if kind == Kind.NUMBER:
        digits = re.sub(r"[\u00a0\u202f\u2009 ]", "", core)
        digits = re.sub(r"[.,](?=\d{3}\b)", "", digits).replace(",", ".")
        return digits, digits
    folded = fold_typography(core).casefold()
    known = lang.language(language)
    if folded in known.number_words and folded not in known.ambiguous_number_words:
        return known.number_words[folded], known.number_words[folded]
    return folded, word_key(folded, language=language)


@lru_cache(maxsize=200_000)
def word_key(folded: str, language: str = "french") -> str:
    """Return the matching key of a case-folded word: its stem without accents."""
    return strip_accents(_stemmer(language).stemWord(folded.rstrip("'")))


@cache
def _stemmer(language: str) -> Stemmer.Stemmer:
    stemmer = Stemmer.Stemmer(language if language in Stemmer.algorithms() else "porter")
    stemmer.maxCacheSize = 100_000
    return stemmer


# Language ----------------------------------------------------------------------------------

_FUNCTION_SETS = lang.function_words()


def detect_language(text: str) -> str:
    """Guess the language of a text from its commonest function words (default French)."""
    words = Counter(w.casefold() for w in re.findall(r"[^\W\d_]+", text[:20_000]))
    scores = {
        name: sum(words[w] for w in function_words)
        for name, function_words in _FUNCTION_SETS.items()
    }
    best = max(scores, key=lambda name: scores[name])
    return best if scores[best] > 0 else "french"
