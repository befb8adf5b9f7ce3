"""Tokens that keep what was written beside what is compared.

Every token keeps its original characters (`text`, with the whitespace that follows it), a
normalised form for deciding equality in diffs (`norm`: case, apostrophes, quotes, dashes,
number words), and a matching key for similarity (`key`: accent-free stem). Typography never
changes what is displayed, only what is compared.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from enum import Enum
from functools import cache, lru_cache
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
        return self.kind in (Kind.WORD, Kind.NUMBER)


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
    """Split a paragraph into tokens covering every character of it."""
    tokens: list[Token] = []
    position = 0
    marker = _LEADING_MARKER.match(text)
    if marker:
        end = marker.end()
        trailing = _SPACE.match(text, end).end()  # type: ignore[union-attr]
        tokens.append(Token(text[:trailing], "", "", Kind.MARKER, 0, end))
        position = trailing
    else:
        position = _SPACE.match(text).end()  # type: ignore[union-attr]
        if position:  # leading whitespace: kept, so that tokens cover every character
            tokens.append(Token(text[:position], "", "", Kind.MARKER, 0, 0))
    append = tokens.append
    for core, space in _TOKEN_AND_SPACE.findall(text, position):
        kind, norm, key = _classified(core, language)
        end = position + len(core)
        append(Token(core + space, norm, key, kind, position, end))
        position = end + len(space)
    return tokens


@lru_cache(maxsize=500_000)
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
