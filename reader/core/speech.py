"""Direct and reported speech in a paragraph, sentence by sentence, as a reader sees it.

For each sentence: the spans of direct speech (between quotation marks of any convention, or
after a dash that opens a line of dialogue, less the incises "dit-il", "said Smith"), and the
reported speech with its frame ("X a déclaré que …", "selon lui, …", "…, said X, a professor
at Y."), with the speaker where the frame names one. Qt-free and cheap: regular expressions
over the text, with the language's verbs from reader.core.lang.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cache, lru_cache
from itertools import accumulate

from reader.core import calibration as cal
from reader.core.lang import Language, language
from reader.core.lang.lazy import LazyPattern
from reader.core.segment import sentence_spans


class SpeechKind(StrEnum):
    DIRECT = "direct"
    REPORTED = "reported"


@dataclass(frozen=True)
class SpeechSpan:
    """Someone's words in a paragraph: character offsets into the paragraph's text."""

    kind: SpeechKind
    start: int
    end: int
    sentence: int  # index of the sentence (segment.sentence_spans) the span starts in
    frame: tuple[int, int] | None = None  # the reporting frame or incise, if any
    speaker: str | None = None  # as the frame names them: "lui", "Maria Lopez"


@dataclass(frozen=True)
class ParagraphSpeech:
    """What a paragraph's speech adds up to."""

    spans: tuple[SpeechSpan, ...]
    direct: float  # share of the paragraph's letters inside direct speech
    reported: float  # share inside reported speech (frames excluded)
    opens_quote: bool  # a quotation is still open at its end (it goes on in the next one)

    @property
    def speakers(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(s.speaker for s in self.spans if s.speaker))

    def deciding(self) -> SpeechSpan | None:
        """The longest span: the one that decides what the paragraph is."""
        return max(self.spans, key=lambda s: s.end - s.start, default=None)


@dataclass(frozen=True)
class _Compiled:
    quotes: LazyPattern
    openers: str
    closers: str
    paired_openers: str  # opening marks that never close: « ‹ in French
    paired_closers: str
    paired_marks: LazyPattern  # either kind: only these characters are walked through
    dashes: str
    dash: LazyPattern
    incise: _VerbPattern | None
    narration: LazyPattern
    narration_after_sentence: LazyPattern
    narrative_tense: LazyPattern
    narrator_tense: LazyPattern
    addressed: frozenset[str]  # words of the first and second person: a speaker's voice
    before: tuple[_VerbPattern, ...]
    after: tuple[_VerbPattern, ...]
    triggers: frozenset[str]  # words one of which any frame has
    inversions: tuple[str, ...]  # marks that make a frame whatever its words ("a-t-il")
    inversion_openers: frozenset[str]  # may stand before an inversion, reporting nothing


# Any word, where a pattern wants a verb of saying: the word is then looked up in a set. An
# alternation of hundreds of verb forms would be tried at every position of every sentence.
_ANY_WORD = r"[^\W\d_][\w'’]*"


class _VerbPattern:
    """A pattern whose {verb} places match only verbs of saying (checked in a set).

    With near (where the verb stands: within a few words before or after a match of a quick
    pattern, see Language.verb_near), a search first looks for a verb of saying there and
    tries the pattern only if there is one: the answer is the same, as every match has one.
    With needs (Language.frame_needs), it first looks for one of the pieces every match holds.
    """

    def __init__(
        self,
        pattern: str,
        forms: frozenset[str],
        flags: int,
        near: tuple[str, str, int] | None = None,
        needs: tuple[str, ...] = (),
    ) -> None:
        self.pattern = pattern
        self._needs = needs  # pieces one of which every match holds, case-folded
        parts = pattern.split("{verb}")
        self._groups = [f"verb{i}" for i in range(len(parts) - 1)]
        source = parts[0] + "".join(
            f"(?P<{g}>{_ANY_WORD})" + part for g, part in zip(self._groups, parts[1:], strict=True)
        )
        self.regex = LazyPattern(source, flags)
        self._forms = forms
        self._near = None if near is None else _near(*near, flags)

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        end = len(text) if endpos is None else endpos
        if self._needs:
            folded = text[pos:end].casefold()
            if not any(map(folded.__contains__, self._needs)):
                return None
        if self._near is not None:
            if not self._verb_near(text, pos, end):
                return None
            if not self._near[1]:
                return self._search_at_marks(text, pos, end)
        while pos <= end:
            match = self.regex.search(text, pos, end)
            if match is None or self._valid(match):
                return match
            # No match takes that word for a verb: go on after it, not after the match start
            # (which would find the same word again, once for each word before it).
            verbs = [match.start(g) for g in self._groups if match.group(g) is not None]
            pos = max([match.start() + 1, *(v + 1 for v in verbs)])
        return None

    def _valid(self, match: re.Match[str]) -> bool:
        said = [match.group(g) for g in self._groups if match.group(g) is not None]
        return all(w.casefold() in self._forms for w in said)

    def _verb_near(self, text: str, pos: int, end: int) -> bool:
        """Whether a verb of saying stands within the words next to a mark in text[pos:end]."""
        assert self._near is not None
        mark, before, count = self._near
        if before:
            # The words before each mark, back to the one before it (a frame holds no mark
            # between its verb and its own): each part of the text is read once.
            starts = [m.start() for m in mark.finditer(text, pos, end)]
            words = [
                word
                for i, start in enumerate(starts)
                for word in text[starts[i - 1] if i else pos : start].rsplit(None, count)[-count:]
            ]
        else:  # the mark's pattern holds the words after it in its groups
            words = [w for found in mark.findall(text, pos, end) for w in found if w]
        return self._has_verb(" ".join(words))

    def _search_at_marks(self, text: str, pos: int, end: int) -> re.Match[str] | None:
        """The search, for a pattern whose matches start at its mark: tried at each mark
        followed by a verb of saying, in turn. The same answer as the search word by word
        (in search), which never skips a mark: none stands between a match's start and its
        verb, after which that search goes on."""
        assert self._near is not None
        for found in self._near[0].finditer(text, pos, end):
            if self._has_verb(" ".join(w for w in found.groups() if w)):
                match = self.regex.match(text, found.start(), end)
                if match is not None and self._valid(match):
                    return match
        return None

    def _has_verb(self, chunk: str) -> bool:
        """Whether a verb of saying starts a word in chunk (or after an apostrophe in one)."""
        found = _VERB_WORD.findall(chunk)
        if not self._forms.isdisjoint(map(str.casefold, found)):
            return True
        if "'" not in chunk and "’" not in chunk:
            return False
        tails = [t for word in found for t in _AFTER_APOSTROPHE.findall(word)]
        return not self._forms.isdisjoint(map(str.casefold, tails))


def _near(mark: str, side: str, count: int, flags: int) -> tuple[LazyPattern, bool, int]:
    """The quick pattern of Language.verb_near; after a mark, it captures the words that follow
    (in a look-ahead, so that the next mark is found too)."""
    if side == "before":
        return LazyPattern(mark, flags), True, count
    words = r"\s*(\S*)" + r"(?:\s+(\S*))?" * (count - 1)
    return LazyPattern(f"(?:{mark})(?={words})", flags), False, count


# The words a {verb} place can take (_ANY_WORD from a word's start), and the parts of a word
# after an apostrophe where it may start too ("aujourd'hui" holds "hui").
_VERB_WORD = re.compile(_ANY_WORD)
_AFTER_APOSTROPHE = re.compile(r"(?<=['’])(?=([^\W\d_][\w'’]*))")


def _er_forms(verb: str) -> list[str]:
    """Third-person forms of a regular -er verb: present, imperfect, simple past, participle."""
    reflexive = verb.startswith("s'")
    stem = verb[2:-2] if reflexive else verb[:-2]
    soft = stem[:-1] + "ç" if stem.endswith("c") else stem + "e" if stem.endswith("g") else stem
    forms = [stem + "e", stem + "ent", soft + "ait", soft + "aient", soft + "a", stem + "èrent"]
    forms.append(stem + "é")
    return [("s'" + f if reflexive else f) for f in forms]


def _verbs(lang: Language, extra: Iterable[str] = ()) -> frozenset[str]:
    regular = [f for v in lang.speech_verbs_er if not v.endswith("_") for f in _er_forms(v)]
    forms = {v.casefold() for v in (*lang.speech_verbs, *regular, *extra) if not v.endswith("_")}
    return frozenset(forms | {f.replace("'", "’") for f in forms if "'" in f})


@cache
def _compiled(name: str) -> _Compiled:
    lang = language(name)
    pairs = lang.quotes or (('"', '"'),)
    alternatives = [
        f"{re.escape(o)}(?:[^{re.escape(o + c)}]){{1,}}?{re.escape(c)}" for o, c in pairs
    ]
    reporting = [f for v in lang.reporting_verbs_er if not v.endswith("_") for f in _er_forms(v)]
    verbs = _verbs(lang, [*lang.reporting_irregular, *reporting])
    dashes = re.escape(lang.dialogue_dashes or "–—")
    closing = {c for _, c in pairs}  # a mark that also closes (» in German) pairs ambiguously
    paired = {c for o, c in pairs if o not in closing}

    def build(patterns: tuple[str, ...], flags: int = re.IGNORECASE) -> tuple[_VerbPattern, ...]:
        return tuple(
            _VerbPattern(p, verbs, flags, lang.verb_near.get(p), lang.frame_needs.get(p, ()))
            for p in patterns
        )

    incise = _VerbPattern(_alternation(lang.incise), verbs, 0) if lang.incise else None
    return _Compiled(
        quotes=LazyPattern("|".join(alternatives)),
        openers="".join(dict.fromkeys(o for o, _ in pairs)),
        closers="".join(dict.fromkeys(c for _, c in pairs)),
        paired_openers="".join(dict.fromkeys(o for o, _ in pairs if o not in closing)),
        paired_closers="".join(dict.fromkeys(c for o, c in pairs if o not in closing)),
        paired_marks=LazyPattern(_one_of({*(o for o, _ in pairs if o not in closing)} | paired)),
        dashes=lang.dialogue_dashes or "–—",
        dash=LazyPattern(rf"(?:^|(?<=[.!?…»”:]\s)|(?<=[.!?…»”]))\s*(?:[{dashes}]|--?(?=\s|-))\s*"),
        incise=incise,
        narration=LazyPattern(_alternation(lang.narration_after_incise), re.IGNORECASE),
        narrative_tense=LazyPattern(_alternation(lang.narrative_tense), re.IGNORECASE),
        narrator_tense=LazyPattern(_alternation(lang.narrator_tense), re.IGNORECASE),
        addressed=frozenset(w.rstrip("'") for w in lang.first_person | lang.second_person),
        narration_after_sentence=LazyPattern(
            _alternation(lang.narration_after_sentence), re.IGNORECASE
        ),
        before=build(lang.frame_before),
        after=build(lang.frame_after),
        triggers=verbs | lang.frame_words,
        inversions=lang.inversion_marks,
        inversion_openers=lang.inversion_openers,
    )


_NOTE = re.compile(r"\[[^\]]{3,}\]")


def _alternation(patterns: tuple[str, ...]) -> str:
    return "|".join(f"(?:{p})" for p in patterns) or r"(?!x)x"


def _one_of(characters: set[str]) -> str:
    return f"[{re.escape(''.join(sorted(characters)))}]" if characters else r"(?!x)x"


_NOT_LETTER = re.compile(r"[\W_]+")
_WORDS = re.compile(r"[^\W\d_]+")


def _letters(text: str, start: int, end: int) -> int:
    return len(_NOT_LETTER.sub("", text[start:end]))


def _letter_counter(text: str) -> Callable[[int, int], int]:
    """_letters of text for any start and end, from one pass over text: a running count of
    the characters str.isalnum tells (those the pattern's \\w takes, less the underscore).

    Made by C-level calls a paragraph long: on the 1 MB NT pair 0.040 s for 3,363 paragraphs,
    where a numpy version took 0.069 s and, run beside the window, held the interpreter for up
    to 160 ms at a time."""
    before = list(accumulate(map(str.isalnum, text), initial=0))  # letters before each offset
    size = len(text)

    def count(start: int, end: int) -> int:
        end = min(end, size)
        return before[end] - before[start] if start < end else 0

    return count


def _may_frame(text: str, compiled: _Compiled) -> bool:
    """A frame needs a verb of saying or one of the language's frame words: most prose has
    neither, and is spared the frame patterns."""
    folded = text.casefold()
    return _may_frame_in(text, folded, 0, len(folded), compiled)


def _may_frame_in(text: str, folded: str, start: int, end: int, compiled: _Compiled) -> bool:
    """_may_frame of text[start:end], folded being text.casefold(): a sentence is neither
    copied nor folded again. Where end < len(folded), the two must have the same length."""
    if any(text.find(mark, start, end) >= 0 for mark in compiled.inversions):
        return True
    return not compiled.triggers.isdisjoint(_WORDS.findall(folded, start, end))


def _frame_words(text: str, folded: str, compiled: _Compiled) -> tuple[str, ...] | None:
    """None where the paragraph may hold no frame (_may_frame), else the frame words it has;
    () where an inversion's "-t-" may make one whatever its words."""
    if any(map(text.__contains__, compiled.inversions)):
        return ()
    found = compiled.triggers.intersection(_WORDS.findall(folded))
    return tuple(found) if found else None


def _sentence_may_frame(
    text: str,
    folded: str,
    start: int,
    end: int,
    found: tuple[str, ...] | None,
    compiled: _Compiled,
) -> bool:
    """_may_frame_in of a sentence that holds one of the paragraph's frame words found
    (_frame_words), at least as part of a word; folded is text.casefold(), of its length.

    The sentence's words are those of the paragraph inside it, and the words its bounds cut
    (where a letter stands on either side of one): the frame words are looked up where they
    stand and the cut words read, rather than every word of the sentence.
    """
    if found is None:
        return False
    if not found:  # an inversion: every sentence is read
        return _may_frame_in(text, folded, start, end, compiled)
    held = [w for w in found if folded.find(w, start, end) >= 0]
    if not held:
        return False
    # (Words are found only where the paragraph has no inversion: none is looked for.)
    for word in held:
        at = folded.find(word, start, end)
        while at >= 0:
            after = at + len(word)
            if (at == start or not _LETTER.match(folded, at - 1)) and (
                after == end or not _LETTER.match(folded, after)
            ):
                return True
            at = folded.find(word, at + 1, end)
    return any(w in compiled.triggers for w in _cut_words(folded, start, end))


def _cut_words(folded: str, start: int, end: int) -> list[str]:
    """The words of folded[start:end] that its bounds cut out of longer ones."""
    cut = []
    if 0 < start < end and _LETTER.match(folded, start - 1) and _LETTER.match(folded, start):
        first = _WORDS.match(folded, start, end)
        assert first is not None
        cut.append(first.group())
    if start < end < len(folded) and _LETTER.match(folded, end) and _LETTER.match(folded, end - 1):
        begin = end
        while begin > start and _LETTER.match(folded, begin - 1):
            begin -= 1
        cut.append(folded[begin:end])
    return cut


_LETTER = re.compile(r"[^\W\d_]")


@lru_cache(maxsize=50_000)
def paragraph_speech(
    text: str, lang: str = "union", *, inside_quote: bool = False
) -> ParagraphSpeech:
    """Find the speech of one paragraph; inside_quote: it opens within a quotation."""
    compiled = _compiled(lang)
    sentences = sentence_spans(text) or ((0, len(text)),)
    direct, opens = _direct_spans(text, compiled, inside_quote)
    if text.lstrip()[:1] not in compiled.dashes:  # dialogue is said, whatever its tense
        direct = [d for d in direct if not _told_story(text, d[0], d[1], compiled)]
    spans = [_in_sentence(s, sentences) for s in direct]
    taken = [(s.start, s.end) for s in spans]
    folded = text.casefold()
    aligned = len(folded) == len(text)  # no character folds to two: offsets carry over
    # The frame words the paragraph has: a sentence holding none of them (not even as part of
    # a word, a test in C) is not read word by word.
    found = _frame_words(text, folded, compiled)
    for n, (start, end) in enumerate(sentences if found is not None else ()):
        if aligned:
            if not _sentence_may_frame(text, folded, start, end, found, compiled):
                continue
        elif not _may_frame(text[start:end], compiled):
            continue
        if any(a < end and start < b for a, b in taken):
            _attach_frames(text, start, end, spans, n, compiled)
            continue
        reported = _reported(text, start, end, n, compiled)
        if reported is not None:
            spans.append(reported)
    direct_share, reported_share = _shares(text, spans, compiled)
    return ParagraphSpeech(
        spans=tuple(sorted(spans, key=lambda s: s.start)),
        direct=direct_share,
        reported=reported_share,
        opens_quote=opens,
    )


# A quotation this long, with this many verbs in the narrative tense, is a story told.
_STORY_WORDS = 25
_STORY_VERBS = 3


def _told_story(text: str, start: int, end: int, compiled: _Compiled) -> bool:
    # (Split no further than a story's length: past it, the count is enough.)
    if len(text[start:end].split(None, _STORY_WORDS - 1)) < _STORY_WORDS:
        return False
    return len(compiled.narrative_tense.findall(text, start, end)) >= _STORY_VERBS


def _shares(text: str, spans: list[SpeechSpan], compiled: _Compiled) -> tuple[float, float]:
    """The shares of the paragraph's letters in direct and in reported speech.

    A frame only says whose the words are («…», a déclaré X; "…, said X, a professor at Y."):
    it is neither speech nor the author's prose, and leaves the count. Not so in dialogue,
    where the incise ("dit-elle en se levant") is the narrator's, as readers annotate it.
    """
    if not spans:
        return 0.0, 0.0  # whatever the paragraph's letters
    letters = _letter_counter(text)
    total = letters(0, len(text))
    dialogue = text.lstrip()[:1] in compiled.dashes
    for span in spans:
        if span.frame and span.speaker and not dialogue:
            total -= letters(*span.frame)
    total = max(1, total)
    share = dict.fromkeys(SpeechKind, 0)
    notes = [(m.start(), m.end()) for m in _NOTE.finditer(text)] if "[" in text else []
    for span in spans:
        share[span.kind] += letters(span.start, span.end)
        inner = [span.frame] if span.frame and span.kind == SpeechKind.REPORTED else []
        for a, b in [*notes, *inner]:
            # An editor's note inside a quotation, or a frame inside a report ("Le projet,
            # selon lui, coûtera…"), is not what was said.
            a, b = max(a, span.start), min(b, span.end)
            share[span.kind] -= letters(a, b)
    return (
        min(1.0, share[SpeechKind.DIRECT] / total),
        min(1.0, share[SpeechKind.REPORTED] / total),
    )


def speech_spans(text: str, lang: str = "union") -> tuple[SpeechSpan, ...]:
    """Return the direct and reported speech spans of a paragraph (see SpeechSpan)."""
    return paragraph_speech(text, lang).spans


def speech_of_paragraphs(texts: Sequence[str], lang: str = "union") -> list[ParagraphSpeech]:
    """Find the speech of consecutive paragraphs: a quotation may run over several."""
    found: list[ParagraphSpeech] = []
    inside = False
    compiled = _compiled(lang)
    chains: list[list[int]] = []  # paragraphs of one quotation that runs over several
    for n, text in enumerate(texts):
        # A quotation goes on into a paragraph that opens with a quotation mark (the French
        # convention) or closes it before opening another; any other paragraph ends it.
        inside = inside and _continues_quote(text, compiled)
        speech = paragraph_speech(text, lang, inside_quote=inside)
        found.append(speech)
        if inside:
            chains[-1].append(n)
        elif speech.opens_quote:
            chains.append([n])
        inside = speech.opens_quote
    for chain in chains:
        if _story_told([_direct_text(texts[n], found[n]) for n in chain], compiled):
            for n in chain:
                found[n] = _without_direct(texts[n], found[n], compiled)
    return found


def _direct_text(text: str, speech: ParagraphSpeech) -> str:
    return " ".join(text[s.start : s.end] for s in speech.spans if s.kind == SpeechKind.DIRECT)


def _story_told(said: list[str], compiled: _Compiled) -> bool:
    """A quotation over several paragraphs told in the tense of narration is a story within
    the story ("« Je m'éveillai… « Il entra…"): the narrator's words, not a character's.

    said: what each paragraph of the quotation gives as said (its incises left out).
    """
    if len(said) < cal.STORY_PARAGRAPHS:
        return False
    told = " ".join(said)
    verbs = len(compiled.narrator_tense.findall(told))
    return verbs >= cal.STORY_VERB_RATE * max(1, len(told.split()))


def _without_direct(text: str, speech: ParagraphSpeech, compiled: _Compiled) -> ParagraphSpeech:
    spans = [s for s in speech.spans if s.kind != SpeechKind.DIRECT]
    direct, reported = _shares(text, spans, compiled)
    return ParagraphSpeech(tuple(spans), direct, reported, speech.opens_quote)


def _continues_quote(text: str, compiled: _Compiled) -> bool:
    stripped = text.lstrip()
    if stripped[:1] in compiled.openers:
        return True
    close = _first_of(text, compiled.closers, 0)
    opener = _first_of(text, compiled.openers, 0)
    return close is not None and (opener is None or close < opener)


# Direct speech -------------------------------------------------------------------------------


def _direct_spans(
    text: str, compiled: _Compiled, inside_quote: bool
) -> tuple[list[tuple[int, int, tuple[int, int] | None]], bool]:
    """(start, end, incise) of each direct span, and whether a quotation is left open."""
    found: list[tuple[int, int, tuple[int, int] | None]] = []
    position = 0
    stripped = text.lstrip()
    reopen = stripped[:1] in compiled.openers
    if inside_quote:
        # A continued quotation: up to its closing mark, or the whole paragraph.
        close = _closing(text, compiled, reopen)
        end = len(text) if close is None else close
        if close is None or not reopen or close > 0:
            found.append((0, end, None))
        if close is None:
            return found, True
        position = close + 1
    for match in compiled.quotes.finditer(text, position):
        found.append((match.start() + 1, match.end() - 1, None))
    last = found[-1][1] + 1 if found else position
    dangling = _first_of(text, compiled.openers, last)
    opens = False
    if dangling is not None and not compiled.quotes.search(text, dangling):
        # An opening mark with no closing one: the quotation goes on to the next paragraph
        # (but a mark that also closes, at the very end, closes).
        mark = text[dangling]
        closes = mark in compiled.closers and dangling == len(text.rstrip()) - 1
        opens = not closes and (mark != '"' or text.count('"') % 2 == 1)
        if opens:
            found.append((dangling + 1, len(text), None))
    outer = _unclosed(text, compiled, skip_first=inside_quote and reopen)
    if outer is not None and not opens:
        # « … « inner » … : the outer quotation goes on to the next paragraph.
        found.append((outer + 1, len(text), None))
        opens = True
    if (stripped[:1] and stripped[0] in compiled.dashes) or stripped.startswith(("--", "- ")):
        found = [*found, *_dialogue(text, compiled, 0)]
    else:
        opening = _DIALOGUE_INSIDE.search(text)
        if opening and text[opening.end() - 1] in compiled.dashes:
            found = [*found, *_dialogue(text, compiled, opening.end() - 1)]
    return _merge(found), opens


def _closing(text: str, compiled: _Compiled, reopen: bool) -> int | None:
    """Where a quotation continued from the paragraph before closes: at the first closing
    mark, or, with marks that pair (« »), at the first one no inner opening mark explains."""
    if not any(c in text for c in compiled.paired_openers + compiled.paired_closers):
        return _first_of(text, compiled.closers, 0)
    depth = 1
    first = len(text) - len(text.lstrip()) if reopen else -1
    for mark in compiled.paired_marks.finditer(text):
        i, char = mark.start(), mark.group()
        if char in compiled.paired_openers and i != first:
            depth += 1
        elif char in compiled.paired_closers:
            depth -= 1
            if depth == 0:
                return i
    return None


def _unclosed(text: str, compiled: _Compiled, *, skip_first: bool) -> int | None:
    """The outermost opening mark (of a pair of distinct marks) that nothing closes."""
    opened: list[int] = []
    first = len(text) - len(text.lstrip()) if skip_first else -1
    for mark in compiled.paired_marks.finditer(text):
        i, char = mark.start(), mark.group()
        if char in compiled.paired_openers and i != first:
            opened.append(i)
        elif char in compiled.paired_closers and opened:
            opened.pop()
    return opened[0] if opened else None


def _first_of(text: str, marks: str, start: int) -> int | None:
    """Where the first of the marks (characters) stands from start on: one scan of the text,
    not one for each mark."""
    found = _any_of(marks).search(text, start)
    return found.start() if found else None


@cache
def _any_of(marks: str) -> re.Pattern[str]:
    return re.compile(f"[{re.escape(marks)}]") if marks else re.compile(r"(?!x)x")


# Dialogue that starts inside a paragraph: "Il dit enfin : — Qu'est-ce que…".
_DIALOGUE_INSIDE = re.compile(r"[.!?…:]\s+[–—―](?=\s*[A-ZÀ-Ý«])")


def _dialogue(
    text: str, compiled: _Compiled, begin: int
) -> list[tuple[int, int, tuple[int, int] | None]]:
    """A line opened by a dash: every turn is speech, less its incises and what follows them."""
    turns = [m.end() for m in compiled.dash.finditer(text, begin)]
    bounds = [*turns[1:], len(text)]
    found: list[tuple[int, int, tuple[int, int] | None]] = []
    for start, stop in zip(turns, bounds, strict=True):
        end = stop
        while end > start and text[end - 1] in " –—―":
            end -= 1
        found.extend(_turn(text, start, end, compiled))
    return [f for f in found if f[1] > f[0]]


def _turn(
    text: str, start: int, end: int, compiled: _Compiled
) -> list[tuple[int, int, tuple[int, int] | None]]:
    """Split one turn of dialogue into what is said, sentence by sentence.

    The speaker holds the turn until a sentence in the narrator's voice ("Et il sortit."),
    which holds it until a sentence in a speaker's voice or one its colon introduces. An
    incise ("dit-il") hands the turn back, unless the narrator goes on after its comma
    ("…, dit-elle en se levant, et alla…").
    """
    found: list[tuple[int, int, tuple[int, int] | None]] = []
    speaking, position, sentence_start, introduced = True, start, False, False
    while position < end:
        stop = _sentence_end(text, position, end)
        if sentence_start:
            voice = 1 if introduced else _voice(text, position, stop, compiled)
            speaking = voice > 0 or (voice == 0 and speaking)
        introduced = text[position:stop].rstrip().endswith(":")
        sentence_start = True
        if not speaking:
            position = stop
            continue
        incise = compiled.incise.search(text, position, stop) if compiled.incise else None
        if incise is None:
            found.append((position, stop, None))
            position = stop
            continue
        lead = len(incise.group(0)) - len(incise.group(0).lstrip(",!?…».” –—"))
        cut = incise.start() + lead
        tail = _CLAUSE_STOP.search(text, incise.end(), end)
        assert tail is not None
        found.append((position, cut, (cut, tail.start())))
        position = tail.end()
        if tail.group(0)[:1] in ",;" and position < stop:
            # "…, dit-il en souriant, et sortit.": the narrator's to the end of the sentence,
            # unless the speaker is plainly back ("…, dit-il, en fouillant ton cœur").
            narrated = compiled.narration.match(text, incise.end() + 1) or compiled.narration.match(
                text, position
            )
            speaking = not narrated or _voice(text, position, stop, compiled) > 0
            sentence_start = position >= stop or not speaking
            if not speaking:
                position = stop
        else:
            speaking, introduced = True, tail.group(0)[:1] == ":"
    return [f for f in found if f[1] > f[0]]


_CLAUSE_STOP = re.compile(r"\s*[,;:.!?…]+\s*|\s*$")
# A sentence ends at its final mark when a capital, a dash or a quotation mark follows: "Ah !
# dit-il" goes on.
# (Not after an initial or a title: "M. Garnier".)
_SENTENCE_STOP = re.compile(
    r"(?<![\s.][A-Z])(?<!Mme)(?<!Mlle)(?:[.!?…]+|:)(?:\s+(?=[A-ZÀ-Ý«“\"—–―-])|\s*$)"
)


def _sentence_end(text: str, start: int, end: int) -> int:
    match = _SENTENCE_STOP.search(text, start, end)
    return match.end() if match else end


def _voice(text: str, start: int, end: int, compiled: _Compiled) -> int:
    """+1 where a sentence is plainly a speaker's, -1 where plainly the narrator's, else 0.

    A speaker asks, exclaims and says "I" and "you"; the narrator tells in the past tense of
    narration ("il sortit"), which people rarely speak in.
    """
    sentence = text[start:end]
    if sentence.rstrip(' »”"').endswith(("?", "!", "…")):
        return 1
    if not compiled.addressed.isdisjoint(map(str.casefold, _WORDS.findall(sentence))):
        return 1
    return -1 if compiled.narrator_tense.search(sentence) else 0


def _merge(
    spans: list[tuple[int, int, tuple[int, int] | None]],
) -> list[tuple[int, int, tuple[int, int] | None]]:
    spans = sorted(spans)
    merged: list[tuple[int, int, tuple[int, int] | None]] = []
    for span in spans:
        if merged and span[0] < merged[-1][1]:
            last = merged[-1]
            merged[-1] = (last[0], max(last[1], span[1]), last[2] or span[2])
        else:
            merged.append(span)
    return merged


def _in_sentence(
    span: tuple[int, int, tuple[int, int] | None], sentences: Sequence[tuple[int, int]]
) -> SpeechSpan:
    start, end, incise = span
    n = next((i for i, (a, b) in enumerate(sentences) if a <= start < b), len(sentences) - 1)
    return SpeechSpan(SpeechKind.DIRECT, start, end, max(0, n), incise)


def _attach_frames(
    text: str, start: int, end: int, spans: list[SpeechSpan], n: int, compiled: _Compiled
) -> None:
    """Name the speaker of a quotation from the sentence's frame: «…», said X."""
    frame: tuple[tuple[int, int], str | None] | None = None
    sought = False  # the frame patterns are slow: run them once per sentence
    for i, span in enumerate(spans):
        if span.sentence != n or span.speaker:
            continue
        if not sought:
            frame, sought = _frame(text, start, end, compiled), True
        if frame is not None:
            (a, b), speaker = frame
            spans[i] = SpeechSpan(span.kind, span.start, span.end, n, (a, b), speaker)


# Reported speech -----------------------------------------------------------------------------


def _frame(
    text: str, start: int, end: int, compiled: _Compiled
) -> tuple[tuple[int, int], str | None] | None:
    sentence = text[start:end]
    for pattern in compiled.after:
        match = pattern.search(sentence)
        if match:
            return (start + match.start(), start + match.end()), _speaker(match)
    for pattern in compiled.before:
        match = pattern.search(sentence)
        if match:
            return (start + match.start(), start + match.end()), _speaker(match)
    return None


def _speaker(match: re.Match[str]) -> str | None:
    speaker = match.groupdict().get("speaker")
    return speaker.strip() if speaker else None


def _opener(before: str, compiled: _Compiled) -> bool:
    """Whether what stands before a closing frame is only an opener that inverts the subject
    ("Aussi, a-t-il pris soin…"): a sentence of narration, not a report."""
    words = _WORDS_AND_DASHES.findall(before.casefold().translate(_HYPHENS))
    return " ".join(words) in compiled.inversion_openers


_WORDS_AND_DASHES = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_HYPHENS = str.maketrans("‐‑", "--")  # "peut‐être" is "peut-être"


def _reported(text: str, start: int, end: int, n: int, compiled: _Compiled) -> SpeechSpan | None:
    """A sentence of reported speech: its content, its frame and the speaker it names."""
    sentence = text[start:end]
    for pattern in compiled.after:  # "…, said X, a professor at Y."
        match = pattern.search(sentence)
        if match and match.start() > 0 and not _opener(sentence[: match.start()], compiled):
            frame = (start + match.start(), start + match.end())
            return SpeechSpan(SpeechKind.REPORTED, start, frame[0], n, frame, _speaker(match))
    for pattern in compiled.before:  # "X a déclaré que …", "selon lui, …"
        match = pattern.search(sentence)
        if match and match.end() < len(sentence.rstrip(" .!?…")):
            frame = (start + match.start(), start + match.end())
            content_start = frame[1]
            content_end = end
            if match.start() > 0 and sentence[: match.start()].strip(" ,"):
                # "Le projet, selon lui, coûtera…": the words around the frame are reported.
                content_start = start
            return SpeechSpan(
                SpeechKind.REPORTED, content_start, content_end, n, frame, _speaker(match)
            )
    return None
