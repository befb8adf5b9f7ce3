"""Linguistic cues a careful reader uses to tell quotation, report, commentary and furniture.

Everything here looks at one paragraph's own text. Cross-source evidence (does another source
carry the same words?) lives in the alignment; the classifier weighs both. What a language
contributes (word lists, verbs, furniture patterns) comes from reader.core.lang; the functions
take the source's language by name, and an unknown one gets every language's cues.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import compress, repeat

from reader.core import calibration as cal
from reader.core.lang import Language, language
from reader.core.lang.lazy import LazyPattern

_I = re.IGNORECASE
# Patterns, by reason; all are case-blind but the byline's, which needs a capitalised name.
_REASONS = (
    "a call to subscribe, follow or join",
    "share or print buttons",
    "a link to other articles",
    "comment-section text",
    "an image credit or copyright line",
    "a source or translation credit",
    "a publication date line",
    "a byline",
    "the site's disclaimer",
    "markup left over from the web page",
)
_CASE_SENSITIVE = frozenset({"a byline"})
# The site's own voice is furniture at any length; an invitation to share or subscribe only
# in a short paragraph: in a long one it is prose that mentions sharing.
_STRONG = frozenset(
    {"comment-section text", "the site's disclaimer", "markup left over from the web page"}
)

_Entry = tuple[LazyPattern, str, tuple[str, ...]]


def _alternation(patterns: tuple[str, ...]) -> str:
    return "|".join(f"(?:{p})" for p in patterns) or r"(?!x)x"


@dataclass(frozen=True)
class _Patterns:
    """One language's patterns, each compiled when first used (most runs need few of them)."""

    strong: list[_Entry]
    weak: list[_Entry]
    comment_header: LazyPattern
    date_line: re.Pattern[str]
    widget: LazyPattern
    bio: LazyPattern
    career: LazyPattern
    subject_act: LazyPattern
    author_line: LazyPattern
    salutation: LazyPattern
    name_word: LazyPattern
    generic_headings: LazyPattern
    reporting: list[tuple[LazyPattern, tuple[str, ...]]]


@cache
def _patterns(name: str) -> _Patterns:
    lang = language(name)
    entries: list[_Entry] = []
    for reason in _REASONS:  # one pattern per language and reason, in a fixed order
        for pattern_reason, pattern, triggers in lang.furniture:
            if pattern_reason == reason:
                flags = 0 if reason in _CASE_SENSITIVE else _I
                entries.append((LazyPattern(pattern, flags), reason, triggers))
    particles = "|".join(re.escape(w) for w in sorted(lang.name_particles))
    return _Patterns(
        strong=[e for e in entries if e[1] in _STRONG],
        weak=[e for e in entries if e[1] not in _STRONG],
        comment_header=LazyPattern(_comment_header(lang), _I),
        date_line=_DATE_LINE,
        widget=LazyPattern(_alternation(lang.widgets), _I),
        bio=LazyPattern(_alternation(lang.bio), _I),
        career=LazyPattern(_alternation(lang.career), _I),
        subject_act=LazyPattern(_alternation(lang.subject_act)),
        author_line=LazyPattern(_alternation(lang.author_line), _I),
        salutation=LazyPattern(_alternation(lang.salutations), _I),
        name_word=LazyPattern(rf"^(?:[A-ZÀ-Ý][\w'’.-]*|{particles})$"),
        generic_headings=LazyPattern(_alternation(lang.generic_headings), _I),
        reporting=[(LazyPattern(p, _I), t) for p, t in lang.reporting],
    )


def _comment_header(lang: Language) -> str:
    """A reader comment's header: "Name // 21.09.2024 à 09h37", "Name, le 3 mars 2024".

    (The name is short and has no comma: "Discours du maire, le 12 mai 2025" is a heading.)
    """
    words = lang.comment_header_words
    pairs = words or (("", ""),)
    return _alternation(
        tuple(
            r"^[^\s][^,/|—–\n]{0,30}?\s*(?://|\||,|-|—|–)\s*"
            + article
            + r"\d{1,2}[./ -](?:\d{1,2}|[a-zéû]+)[./ -]\d{2,4}"
            + r"(?:\s*"
            + (at or "")
            + r"\s*\d{1,2}\s*[h:]\s*\d{2})?\s*$"
            for article, at in pairs
        )
    )


_DATE_LINE = re.compile(
    r"^\W*(?:\w+\s+)?\d{1,2}[./ -](?:\d{1,2}|[a-zéû]+)[./ -]\d{2,4}.{0,40}$", _I
)


def _hits(
    entries: list[_Entry], text: str, lowered: str, lang: Language | None = None
) -> list[str]:
    """The reasons (each once, in order) whose pattern matches the text.

    With a language, a match counts only where the line has the shape of furniture (see
    _furniture_shape): a sentence that mentions a tweet or a poll is prose.
    """
    found = []
    for pattern, reason, triggers in entries:
        if not any(map(lowered.__contains__, triggers)):  # in C: no Python frame per piece
            continue
        match = pattern.search(text)
        if match and (lang is None or _furniture_shape(text, match, reason, lang)):
            found.append(reason)
    return list(dict.fromkeys(found))


# A line this short is a button or a label whatever it says.
_BUTTON_WORDS = 6
# A credit closes a caption: "…ciblé par les gouvernements AFP/Getty Images", no final stop.
_TAIL_REASONS = frozenset({"an image credit or copyright line", "a source or translation credit"})
_TAIL_WORDS = 4
# An invitation speaks to the reader: "…un canal Telegram pour vous partager l'actualité".
_ADDRESS_REASONS = frozenset({"a call to subscribe, follow or join", "share or print buttons"})
_LABEL_COLON = re.compile(r"\s*[:|]")
_DIGIT = re.compile(r"\d")
_SENTENCE_OPENS = re.compile(r"(?:^|[.!?:|•]\s*[«\"“]?)\s*$")
_WORD_SPLIT = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def _furniture_shape(text: str, match: re.Match[str], reason: str, lang: Language) -> bool:
    """Tell whether a line is shaped as furniture where a pattern matched it.

    Furniture is short, or the match heads the line or one of its sentences ("Lire aussi :",
    "Photo :", "Cliquez sur…"), or a credit closes a caption, or the rest has no finite verb.
    A sentence that mentions a tweet, a photo or a poll in passing is prose.
    """
    if len(text.split()) <= _BUTTON_WORDS:
        return True
    before, after = text[: match.start()], text[match.end() :]
    heads = bool(_SENTENCE_OPENS.search(before))
    if heads and (reason in _ADDRESS_REASONS or _LABEL_COLON.match(after)):
        return True  # "Cliquez sur le lien…", "Lire aussi : …", "Photo : …"
    if heads and reason == "a publication date line" and _DIGIT.search(after[:40]):
        return True  # "Updated May 14, 2025 at 4:12 p.m."
    if reason in _ADDRESS_REASONS and _addresses_reader(text, match.start(), lang):
        return True
    if (
        reason in _TAIL_REASONS
        and len(after.split()) <= _TAIL_WORDS
        and not text.rstrip().endswith((".", "!", "?", "…"))
    ):
        return True
    return not _has_finite_verb(before + " " + after, lang)


def _addresses_reader(text: str, position: int, lang: Language) -> bool:
    """Tell whether the sentence around a position speaks to the reader (second person)."""
    start = max(text.rfind(mark, 0, position) for mark in ".!?") + 1
    ends = [i for i in (text.find(mark, position) for mark in ".!?") if i >= 0]
    sentence = text[start : min(ends) if ends else len(text)]
    return any(w in lang.second_person for w in _WORD_SPLIT.findall(sentence.casefold()))


def _has_finite_verb(text: str, lang: Language) -> bool:
    """A rough test for a finite verb: a common form, a word with a finite ending, or a word
    after a subject pronoun ("elle aime")."""
    words = _WORD_SPLIT.findall(text.casefold())
    for i, word in enumerate(words):
        if word in lang.finite_verbs or (len(word) > 4 and word.endswith(lang.finite_endings)):
            return True
        if word in lang.subject_pronouns and i + 1 < len(words):
            return True
    return False


_COUNTED_WORDS = max(cal.DATE_LINE_WORDS, cal.WIDGET_WORDS, cal.FURNITURE_MAX_WORDS)


@lru_cache(maxsize=50_000)
def furniture(text: str, *, near_end: bool = False, lang: str = "union") -> tuple[float, str]:
    """Return how strongly a paragraph reads as page furniture, in [0, 1], and why."""
    stripped = text.strip()
    # Words past the longest bound are never looked at: a long paragraph is not split whole.
    words = stripped.split(None, _COUNTED_WORDS)
    n = len(words)  # exact up to _COUNTED_WORDS; above, only "more than any bound" matters
    if n == 0:
        return 1.0, "no words"
    patterns = _patterns(lang)
    if patterns.comment_header.match(stripped):
        return cal.COMMENT_HEADER, "a comment header (name and date)"
    if n <= cal.DATE_LINE_WORDS and patterns.date_line.match(stripped):
        return cal.DATE_LINE, "a date line"
    if n <= cal.WIDGET_WORDS and patterns.widget.match(stripped):
        return cal.WIDGET, "an interface button or counter"
    if n > cal.FURNITURE_MAX_WORDS:
        return 0.0, ""  # furniture is never this long
    lowered = stripped.casefold()
    strong = _hits(patterns.strong, stripped, lowered)
    if strong:
        return (cal.STRONG_SHORT if n <= cal.STRONG_SHORT_WORDS else cal.STRONG_LONG), strong[0]
    if n > cal.WEAK_MAX_WORDS:
        return 0.0, ""
    hits = _hits(patterns.weak, stripped, lowered, language(lang))
    if hits:
        if n <= cal.WEAK_SHORT_WORDS:
            base = cal.WEAK_SHORT
        elif n <= cal.WEAK_MIDDLE_WORDS and len(hits) >= 2:
            base = cal.WEAK_MIDDLE
        else:
            base = cal.WEAK_LONG
        return min(1.0, base + cal.WEAK_EACH_MORE * (len(hits) - 1)), hits[0]
    if (
        n <= cal.BARE_NAME_WORDS
        and all(patterns.name_word.match(w) for w in words)
        and not stripped.endswith((".", "!"))
    ):
        return cal.BARE_NAME, "a bare name (byline or site name)"
    if (
        near_end
        and n <= cal.BIOGRAPHY_WORDS
        and (
            (patterns.bio.search(stripped) and patterns.career.search(stripped))
            or patterns.author_line.match(stripped)
        )
    ):
        return cal.BIOGRAPHY, "an author's biography"
    return 0.0, ""


def boilerplate_score(text: str, *, near_end: bool = False, lang: str = "union") -> float:
    """Return how strongly a paragraph reads as page furniture, in [0, 1]."""
    return furniture(text, near_end=near_end, lang=lang)[0]


# Headings -------------------------------------------------------------------------------------

_TERMINAL = re.compile(r"[.!?:;…]\W*$")
_BULLET = re.compile(r"^\s*[-*•▪◦–]\s")


def looks_like_heading(text: str) -> bool:
    """Tell whether a paragraph is a title or section heading: short and unpunctuated."""
    stripped = text.strip()
    return _heading(stripped, len(_words(stripped)))


def _heading(stripped: str, words: int) -> bool:
    """words: how many words stripped has."""
    if not words or words > 18 or _BULLET.match(stripped):
        return False
    if _TERMINAL.search(stripped.rstrip("»”\"' ")):
        return False
    first = re.sub(r"^(?:\d{1,3}[.)]\s*|[«\"“$#]\s*)+", "", stripped)
    return bool(first) and (first[0].isupper() or first[0].isdigit())


def is_generic_heading(text: str, lang: str = "union") -> bool:
    return bool(_patterns(lang).generic_headings.match(text.strip()))


# Speech ----------------------------------------------------------------------------------------


@cache
def _verb_forms(name: str) -> frozenset[str]:
    """Every form of the language's regular reporting verbs, and its irregular ones."""
    lang = language(name)
    forms: list[str] = []
    for verb in lang.reporting_verbs_er:
        if verb.endswith("_"):
            continue
        stem = verb[:-2]
        soft = stem[:-1] + "ç" if stem.endswith("c") else stem + "e" if stem.endswith("g") else stem
        forms += [stem + "é", stem + "e", stem + "ent", soft + "ant"]
    forms += [f for f in lang.reporting_irregular if not f.endswith("_")]
    return frozenset(forms) | _stance_forms(name)


@cache
def _stance_forms(name: str) -> frozenset[str]:
    """Forms of the verbs that report only before an introducer ("salue que")."""
    forms: list[str] = []
    for verb in language(name).stance_verbs_er:
        stem = verb[:-2]
        forms += [stem + "é", stem + "e", stem + "ent", stem + "ant"]
    return frozenset(forms)


@cache
def _present_forms(name: str) -> frozenset[str]:
    """Present-tense forms (third person): "annonce", "affirment", "reconnaît"."""
    return frozenset(
        f
        for f in _verb_forms(name)
        if f.endswith(("e", "ent", "t", "ît")) and not f.endswith("ant")
    )


_WORD_OR_COLON = re.compile(r"[^\W\d_]+['’]?|:")


def _reporting_verbs(text: str, lang: Language, words: list[str] | None = None) -> list[str]:
    """Find "a déclaré", "a également souligné", "explique que", "arguant que", "dit-il".

    text is case-folded, with straight apostrophes; words, if given, its _WORD_OR_COLON tokens.
    """
    forms = _verb_forms(lang.name)
    words = _WORD_OR_COLON.findall(text) if words is None else words
    if forms.isdisjoint(words):
        return []  # most paragraphs: no word is looked at twice
    present = _present_forms(lang.name)
    stance = _stance_forms(lang.name)
    found = []
    for i in compress(range(len(words)), map(forms.__contains__, words)):
        word = words[i]
        before = words[max(0, i - 2) : i]
        after = words[i + 1] if i + 1 < len(words) else ""
        if word in stance and after not in lang.introducers:
            continue
        if before and before[-1] in lang.auxiliaries:
            found.append(f"{before[-1]} {word}")
        elif (
            len(before) == 2
            and before[0] in lang.auxiliaries
            and (before[1] in lang.adverbs or before[1].endswith("ment"))
        ):
            found.append(" ".join([*before, word]))
        elif after in lang.introducers or (len(after) > 4 and after.endswith(("er", "ir", "re"))):
            found.append(f"{word} {after}")  # "explique que", "affirme supprimer"
        elif before and before[-1] in lang.subject_pronouns and word in present:
            found.append(f"{before[-1]} {word}")  # "elle annonce 500 euros"
        elif len(before) == 2 and before[0] in lang.determiners and word in present:
            found.append(" ".join([*before, word]))  # "la maire annonce"
        elif after in lang.third_person_subjects and f"{word}-{after}" in text:
            found.append(f"{word}-{after}")
    return found


_GUILLEMET_SPAN = re.compile(r"«[^«»]{2,}»|“[^“”]{2,}”|„[^„“”]{2,}[“”]|\"[^\"]{2,}\"")


@dataclass(frozen=True)
class SpeechCues:
    """Counts of the cues that tell direct speech from reported speech in one paragraph."""

    words: int
    first_person: int  # outside guillemets
    second_person: int
    third_person: int  # subject pronouns outside guillemets
    reporting: tuple[str, ...]  # the reporting phrases found
    conditional: int
    quoted_words: int  # words inside guillemets
    subject_act: bool  # a sentence opens "Il a …" / "Durov a …": someone did or said something
    mostly_quoted: bool  # most of its words are inside quotation marks
    salutation: bool  # opens by addressing an audience: "Mesdames, Messieurs", "Dear"…
    prefixed_quote: bool  # "> " e-mail or forum quote
    heading: bool
    ends_with_colon: bool


def speech_cues(text: str, lang: str = "union") -> SpeechCues:
    """Measure direct-speech and reported-speech cues in a paragraph."""
    knowledge = language(lang)
    patterns = _patterns(lang)
    stripped = text.strip()
    spans = list(_GUILLEMET_SPAN.finditer(stripped))
    outside = _GUILLEMET_SPAN.sub(" ", stripped) if spans else stripped
    lowered = _folded(outside)
    # One scan gives the reporting phrases their words and colons, the counts their words (the
    # same tokens as _WORD's, straight apostrophes being all that lowered has) and the pronoun
    # counts their words as written.
    tokens, first_person, second_person = _tokens_and_persons(outside, lowered, knowledge)
    outside_words = list(filter(":".__ne__, tokens)) if ":" in lowered else tokens
    # Every quotation starts and ends with a mark no word holds: the paragraph's words are
    # those outside and those of each quotation (their scans add up; casefold goes by character).
    quoted_words = sum(len(_WORD.findall(_folded(span.group()))) for span in spans)
    words = len(outside_words) + quoted_words
    reporting = _reporting_verbs(lowered, knowledge, tokens) + [
        m.group(0).strip()
        for pattern, triggers in patterns.reporting
        if any(map(lowered.__contains__, triggers))  # the regexes are slow; most prose has none
        for m in pattern.finditer(outside)
    ]
    endings = knowledge.conditional_endings
    # A word with the ending holds it: a paragraph without one is spared the count.
    conditional = any(map(lowered.__contains__, endings)) and sum(
        map(str.endswith, outside_words, repeat(endings))
    )
    return SpeechCues(
        words=words,
        first_person=first_person,
        second_person=second_person,
        third_person=sum(map(knowledge.third_person_subjects.__contains__, outside_words)),
        reporting=tuple(reporting),
        conditional=int(conditional),
        quoted_words=quoted_words,
        # Half the words, or a whole quoted sentence (eight words and more) in a paragraph
        # whose rest is the attribution and a little context.
        mostly_quoted=bool(spans)
        and (
            quoted_words >= cal.QUOTED_HALF * max(1, words)
            or (
                quoted_words >= cal.QUOTED_SENTENCE_WORDS
                and quoted_words >= cal.QUOTED_SENTENCE_SHARE * words
            )
        ),
        salutation=bool(patterns.salutation.match(stripped)),
        subject_act=bool(patterns.subject_act.search(outside)),
        prefixed_quote=stripped.startswith(">"),
        heading=_heading(stripped, words),
        ends_with_colon=stripped.endswith(":"),
    )


def _tokens_and_persons(outside: str, lowered: str, lang: Language) -> tuple[list[str], int, int]:
    """lowered's _WORD_OR_COLON tokens, and the words of the first and of the second person
    among outside's words as written (_pronoun_key: a word in capitals is an acronym).

    Where no character of outside folds into one of another kind (letter, apostrophe, colon,
    other), lowered's tokens are outside's, folded one by one: outside is scanned once.
    """
    if _folds_alike().fullmatch(outside) is None:
        tokens = _WORD_OR_COLON.findall(lowered)
        pronouns = list(map(_pronoun_key, _CASED_WORD.findall(outside)))
        return (
            tokens,
            sum(map(lang.first_person.__contains__, pronouns)),
            sum(map(lang.second_person.__contains__, pronouns)),
        )
    written = _WORD_OR_COLON.findall(outside)
    tokens = list(map(_folded_word, written))
    return (
        tokens,
        _persons(tokens, written, lang.first_person),
        _persons(tokens, written, lang.second_person),
    )


def _persons(tokens: list[str], written: list[str], persons: frozenset[str]) -> int:
    """How many tokens are one of the persons' words, less those written as acronyms."""
    found = sum(map(persons.__contains__, tokens))
    if found:
        hits = compress(written, map(persons.__contains__, tokens))
        found -= sum(1 for word in hits if _pronoun_key(word) is None)
    return found


def quotation_spans(text: str) -> list[tuple[int, int]]:
    """Return (start, end) of the text inside each pair of quotation marks."""
    return [(m.start() + 1, m.end() - 1) for m in _GUILLEMET_SPAN.finditer(text)]


_WORD = re.compile(r"[^\W\d_]+'?")
_CASED_WORD = re.compile(r"[^\W\d_]+['’]?")


def _folded(text: str) -> str:
    return text.casefold().replace("’", "'")


def _words(text: str) -> list[str]:
    return _WORD.findall(_folded(text))


@lru_cache(maxsize=1 << 16)
def _folded_word(word: str) -> str:
    """_folded of one word, cached: one fold per word form, not per token."""
    return _folded(word)


def _kind(character: str) -> str:
    """What a character is to the word patterns: letter, apostrophe, colon or other."""
    if character in "'’:":
        return character.replace("’", "'")
    return "letter" if _LETTER.match(character) else "other"


@cache
def _folds_alike() -> re.Pattern[str]:
    """The texts made of characters whose folded characters are all of their own kind (an
    apostrophe or a colon folding to one character): the texts whose words fold one by one.

    Only the scripts and marks the press is mostly written in are listed (Latin, Greek,
    Cyrillic, Hebrew, typographic punctuation, currencies): a text with any other character
    is read the slow way, which gives the same counts.
    """
    alike = []
    for code in (*range(0x600), *range(0x2000, 0x2070), *range(0x20A0, 0x20C1)):
        character = chr(code)
        folded = _folded(character)
        kind = _kind(character)
        same = folded and all(_kind(f) == kind for f in folded)
        if same and (kind in ("letter", "other") or len(folded) == 1):
            alike.append(character)
    return re.compile(f"[{re.escape(''.join(alike))}]*")


_LETTER = re.compile(r"[^\W\d_]")


@lru_cache(maxsize=1 << 16)
def _pronoun_key(word: str) -> str | None:
    """A word case-folded, as pronouns are looked up, or None for a word in capitals ("US",
    "IT"): an acronym, not a pronoun. Cached: one look-up per word form, not per token."""
    if len(word.rstrip("'’")) >= 2 and word.isupper():
        return None
    return _folded(word)
