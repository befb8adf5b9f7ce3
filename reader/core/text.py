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
from array import array
from collections import Counter
from collections.abc import Iterator, Sequence
from enum import Enum
from functools import cache, partial
from itertools import accumulate
from typing import NamedTuple, overload

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
    """Split a paragraph into tokens covering every character of it."""
    return list(tokenize_columns(text, language))


def tokenize_columns(text: str, language: str = "french") -> Tokens:
    """Split a paragraph into tokens covering every character of it, held as columns.

    The work is done a column at a time (characters, then the type of each distinct word,
    then offsets), each column in one C-level pass: a book has a million tokens but a few
    tens of thousands of distinct words, so each word is classified, folded and stemmed once.
    """
    vocabulary = _vocabulary(language)
    lead, position = _leading(text)
    types = [vocabulary.marker] if lead else []
    starts = [0] if lead else []
    ends = [len(lead.rstrip()) if lead.strip() else 0] if lead else []
    found = _TOKEN_AND_SPACE.findall(text, position)
    if found:
        cores, spaces = zip(*found, strict=True)
        get = vocabulary.index.get
        types.extend([get(c) or vocabulary.learn(c, language) for c in cores])
        core_lengths = list(map(len, cores))
        first = len(starts)
        lengths = map(operator.add, core_lengths, map(len, spaces))
        starts.extend(accumulate(lengths, initial=position))
        starts.pop()
        ends.extend(map(operator.add, starts[first:], core_lengths))
    # Made from whole lists, the arrays take no room to grow; two bytes a number wherever
    # they fit (a paragraph under 64 K characters, a vocabulary under 64 K words).
    offsets = _SHORT if len(text) <= _SHORT_MAX else "i"
    kinds = _SHORT if len(vocabulary.kinds) <= _SHORT_MAX + 1 else "i"
    return Tokens(
        vocabulary, text, array(kinds, types), array(offsets, starts), array(offsets, ends)
    )


_SHORT, _SHORT_MAX = "H", 0xFFFF  # unsigned 16-bit integers, and the largest they hold


class Tokens(Sequence[Token]):
    """A paragraph's tokens as columns: word types and offsets into the paragraph's text.

    What differs per token is stored per token (two offsets and its word's number, machine
    integers); what a word is (kind, normalised form, key) is stored once per distinct word
    in the language's vocabulary; a token's characters are the paragraph's, cut out when
    asked for. A book's million tokens take about 12 bytes each instead of a hundred as
    objects; a Token is made when one is asked for, and the columns serve the work that
    needs only one of them.
    """

    __slots__ = ("_vocabulary", "ends", "starts", "text", "types")

    def __init__(
        self,
        vocabulary: _Vocabulary,
        text: str,
        types: array[int],
        starts: array[int],
        ends: array[int],
    ) -> None:
        self._vocabulary = vocabulary
        self.text = text  # the paragraph's text, which the tokens cover
        self.types = types  # index of each token's word in the vocabulary
        self.starts = starts  # offset of each token's first character
        self.ends = ends  # offset after each token's last non-space character

    def __len__(self) -> int:
        return len(self.starts)

    @property
    def texts(self) -> list[str]:
        """Each token's characters, the whitespace that follows it included."""
        return self.spellings(0, len(self.starts))

    def spellings(self, first: int, last: int) -> list[str]:
        """The characters of tokens first to last (excluded), each with its whitespace."""
        starts = self.starts
        if last <= first:
            return []
        bounds = starts[first + 1 : last].tolist()
        bounds.append(starts[last] if last < len(starts) else len(self.text))
        return list(map(self.text.__getitem__, map(slice, starts[first:last], bounds)))

    @overload
    def __getitem__(self, index: int) -> Token: ...
    @overload
    def __getitem__(self, index: slice) -> list[Token]: ...
    def __getitem__(self, index: int | slice) -> Token | list[Token]:
        if isinstance(index, slice):
            return list(self._made(index))
        kind, norm, key = self._vocabulary.word(self.types[index])
        start, end = self.starts[index], self.ends[index]
        following = index + 1 if index >= 0 else len(self.starts) + index + 1
        stop = self.starts[following] if following < len(self.starts) else len(self.text)
        return Token(self.text[start:stop], norm, key, kind, start, end)

    def __iter__(self) -> Iterator[Token]:
        return self._made(slice(None))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Tokens):
            return self.text == other.text and list(self) == list(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self.text)

    def keys(self, first: int = 0, last: int | None = None) -> list[str]:
        """Each token's matching key ("" for tokens with no content), of tokens first to
        last (excluded) if given."""
        types = self.types if first == 0 and last is None else self.types[first:last]
        return list(map(self._vocabulary.keys.__getitem__, types))

    def norms(self) -> list[str]:
        """Each token's normalised form ("" for tokens ignored when comparing)."""
        return list(map(self._vocabulary.norms.__getitem__, self.types))

    def contents(self) -> list[int]:
        """1 for each word or number, 0 for any other token."""
        return list(map(self._vocabulary.content.__getitem__, self.types))

    def content_count(self) -> int:
        """The number of words and numbers."""
        return sum(map(self._vocabulary.content.__getitem__, self.types))

    def _made(self, part: slice) -> Iterator[Token]:
        vocabulary, types = self._vocabulary, self.types[part]
        first, last, _ = part.indices(len(self.starts))
        texts = self.spellings(first, last) if part.step in (None, 1) else self.texts[part]
        norms = map(vocabulary.norms.__getitem__, types)
        keys = map(vocabulary.keys.__getitem__, types)
        kinds = map(vocabulary.kinds.__getitem__, types)
        columns = (texts, norms, keys, kinds, self.starts[part], self.ends[part])
        return map(_new_token, zip(*columns, strict=False))


def content_count(tokens: Sequence[Token]) -> int:
    """The number of words and numbers among tokens."""
    if isinstance(tokens, Tokens):
        return tokens.content_count()
    kinds = list(map(_KIND, tokens))
    return kinds.count(Kind.WORD) + kinds.count(Kind.NUMBER)


def _leading(text: str) -> tuple[str, int]:
    """A leading list marker or quote prefix, or leading whitespace, to be a token of its
    own (with the whitespace after it), and where the other tokens start."""
    marker = _LEADING_MARKER.match(text)
    if marker:
        trailing = _SPACE.match(text, marker.end()).end()  # type: ignore[union-attr]
        return text[:trailing], trailing
    position = _SPACE.match(text).end()  # type: ignore[union-attr]
    # Leading whitespace is kept too, so that tokens cover every character.
    return text[:position], position


class _Vocabulary:
    """Kind, normalised form and key of each distinct token seen in one language, by index.

    Index 0 is the leading marker (a list marker, a quote prefix or leading space), which
    is ignored when comparing.
    """

    def __init__(self) -> None:
        self.index: dict[str, int] = {}
        self.kinds: list[Kind] = [Kind.MARKER]
        self.norms: list[str] = [""]
        self.keys: list[str] = [""]
        self.content = bytearray(1)  # 1 for words and numbers
        self.marker = 0

    def word(self, number: int) -> tuple[Kind, str, str]:
        return self.kinds[number], self.norms[number], self.keys[number]

    def learn(self, core: str, language: str) -> int:
        kind, norm, key = _classified(core, language)
        number = self.index[core] = len(self.kinds)
        self.kinds.append(kind)
        self.norms.append(norm)
        self.keys.append(key)
        self.content.append(kind is Kind.WORD or kind is Kind.NUMBER)
        return number


# The vocabulary of each language. A bound keeps a long-running window from growing without
# end on endless new words: past it, new paragraphs start a new vocabulary (tokens made
# before keep theirs).
_VOCABULARIES: dict[str, _Vocabulary] = {}
_MAX_KNOWN = 500_000
_KIND = operator.itemgetter(3)
_new_token = partial(tuple.__new__, Token)  # a Token from a tuple of its fields, in C


def _vocabulary(language: str) -> _Vocabulary:
    vocabulary = _VOCABULARIES.get(language)
    if vocabulary is None or len(vocabulary.kinds) > _MAX_KNOWN:
        vocabulary = _VOCABULARIES[language] = _Vocabulary()
    return vocabulary


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


def word_key(folded: str, language: str = "french") -> str:
    """Return the matching key of a case-folded word: its stem without accents."""
    keys = _KEYS.get(language)
    if keys is None or len(keys) > _MAX_KNOWN:
        keys = _KEYS[language] = {}
    key = keys.get(folded)
    if key is None:
        key = keys[folded] = strip_accents(_stemmer(language).stemWord(folded.rstrip("'")))
    return key


# Each word's key, by language: a word is stemmed once however often it is asked for (a
# plain dict: a fifth of an LRU cache's memory per word, and no order kept).
_KEYS: dict[str, dict[str, str]] = {}


@cache
def _stemmer(language: str) -> Stemmer.Stemmer:
    stemmer = Stemmer.Stemmer(language if language in Stemmer.algorithms() else "porter")
    stemmer.maxCacheSize = 0  # word_key keeps each stem: a second cache would double it
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
