"""The labelling's quick paths (one scan for several counts, tests that spare a scan) give
exactly what the plain definitions give, on any text."""

from __future__ import annotations

import re
from itertools import repeat

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from reader.core import calibration as cal
from reader.core import cues, speech
from reader.core.lang import known, language

# Words and marks the cues count, with characters whose case folding changes their kind or
# length (İ, ŉ, ß, ΐ, ﬁ, ǰ) and capitals (acronyms are no pronouns).
_PIECES = (
    "je j' j’ J' nous NOUS Nous vous VOUS tu I we We WE you ich wir Sie il elle ils on "
    "serait auraient pourrait rait raient dit a déclaré que : « » “ ” „ \" ' ’ - – — , . ? "
    "İstanbul ŉ straße STRASSE ΐ ﬁn ǰ ſ K Ǆ ǅ 2024 l'homme aujourd'hui US IT Mme selon "
    "d'après -t-il a-t-elle se dit fait savoir > Mesdames Il a dit Elle avait annoncé"
).split()
_GAPS = st.sampled_from([" ", " ", " ", "", "\n", "\xa0", ": ", "« ", " »", '"'])


def _plain_cues(text: str, lang: str) -> dict[str, object]:
    """The counts of speech_cues by their plain definitions: each scan on its own text."""
    knowledge = language(lang)
    stripped = text.strip()
    spans = list(cues._GUILLEMET_SPAN.finditer(stripped))
    outside = cues._GUILLEMET_SPAN.sub(" ", stripped) if spans else stripped
    lowered = cues._folded(outside)
    tokens = cues._WORD_OR_COLON.findall(lowered)
    outside_words = [t for t in tokens if t != ":"]
    words = cues._WORD.findall(cues._folded(stripped))
    pronouns = [cues._pronoun_key(w) for w in cues._CASED_WORD.findall(outside)]
    endings = knowledge.conditional_endings
    quoted = len(words) - len(outside_words)
    return {
        "words": len(words),
        "first_person": sum(p in knowledge.first_person for p in pronouns),
        "second_person": sum(p in knowledge.second_person for p in pronouns),
        "third_person": sum(w in knowledge.third_person_subjects for w in outside_words),
        "conditional": sum(map(str.endswith, outside_words, repeat(endings))) if endings else 0,
        "quoted_words": quoted,
        "mostly_quoted": bool(spans)
        and (
            quoted >= cal.QUOTED_HALF * max(1, len(words))
            or (
                quoted >= cal.QUOTED_SENTENCE_WORDS
                and quoted >= cal.QUOTED_SENTENCE_SHARE * len(words)
            )
        ),
        "heading": cues._heading(stripped, len(words)),
        "reporting": tuple(cues._reporting_verbs(lowered, knowledge)),
    }


@pytest.mark.parametrize("lang", [*known(), "union"])
@settings(max_examples=400, deadline=None)
@given(pieces=st.lists(st.tuples(st.sampled_from(_PIECES), _GAPS), max_size=30))
def test_speech_cues_count_as_the_plain_definitions(
    lang: str, pieces: list[tuple[str, str]]
) -> None:
    text = "".join(piece + gap for piece, gap in pieces)
    found = cues.speech_cues(text, lang)
    plain = _plain_cues(text, lang)
    assert {k: getattr(found, k) for k in plain if k != "reporting"} == {
        k: v for k, v in plain.items() if k != "reporting"
    }
    assert found.reporting[: len(plain["reporting"])] == plain["reporting"]  # type: ignore[arg-type]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_speech_cues_count_as_the_plain_definitions_on_any_characters(text: str) -> None:
    found = cues.speech_cues(text, "union")
    plain = _plain_cues(text, "union")
    assert {k: getattr(found, k) for k in plain if k != "reporting"} == {
        k: v for k, v in plain.items() if k != "reporting"
    }


def test_the_quick_scan_covers_the_press_but_not_every_script() -> None:
    alike = cues._folds_alike()
    assert alike.fullmatch("L’élève a dit : « Nous partons » — straße, 12 €…")
    assert alike.fullmatch("İstanbul") is None  # İ folds to i and a combining dot
    assert alike.fullmatch("漢字") is None  # other scripts: read the plain way


def test_a_letter_is_what_the_patterns_word_class_takes_less_the_underscore() -> None:
    letter = re.compile(r"[^\W_]")
    for code in (*range(0x3100), *range(0xD7F0, 0xE010), *range(0x1F000, 0x1F100)):
        character = chr(code)
        assert character.isalnum() == bool(letter.match(character)), hex(code)


@settings(max_examples=300, deadline=None)
@given(
    text=st.text(st.characters(codec=None), max_size=60)
    | st.text(st.sampled_from("aé’« »1_-\u0301ß漢\U0001f600\ud800 \n"), max_size=60),
    bounds=st.lists(st.tuples(st.integers(0, 70), st.integers(0, 70)), max_size=6),
)
def test_letters_counted_once_are_the_letters_of_each_slice(
    text: str, bounds: list[tuple[int, int]]
) -> None:
    count = speech._letter_counter(text)
    assert [count(a, b) for a, b in bounds] == [speech._letters(text, a, b) for a, b in bounds]


# Frame words, inside longer words too ("dites" holds "dit", "redit" too).
_FRAMING = (
    *("dit", "dites", "redit", "Dit", "DIT", "selon", "après", "ditx", "a-t-il", "x", "que"),
    *(".", ",", "«", "»", "il", "Marie", "déclaré", "a", "ß", "İ"),
)


def _plain_may_frame(text: str, start: int, end: int, compiled: speech._Compiled) -> bool:
    """A sentence holding one of its paragraph's frame words, at least as part of a word, and
    one of the language's frame words as one of its words, or an inversion."""
    folded = text.casefold()
    found = speech._frame_words(text, folded, compiled)
    if found is None:
        return False
    if found and not any(folded.find(w, start, end) >= 0 for w in found):
        return False
    return speech._may_frame_in(text, folded, start, end, compiled)


@pytest.mark.parametrize("lang", ["french", "union"])
@settings(max_examples=400, deadline=None)
@given(
    pieces=st.lists(st.sampled_from(_FRAMING), max_size=12),
    gaps=st.lists(_GAPS, min_size=12, max_size=12),
    bounds=st.tuples(st.integers(0, 500), st.integers(0, 500)),
)
# "dit" whole elsewhere, only inside "dites" here; a bound cutting "ddit" into a "dit".
@example(pieces=["dit x. dites x"], gaps=[""] * 12, bounds=(7, 14))
@example(pieces=["selon, ddit selonx"], gaps=[""] * 12, bounds=(8, 18))
def test_a_sentence_may_hold_a_frame_as_its_words_plainly_read_say(
    lang: str, pieces: list[str], gaps: list[str], bounds: tuple[int, int]
) -> None:
    text = "".join(piece + gap for piece, gap in zip(pieces, gaps, strict=False))
    folded = text.casefold()
    if len(folded) != len(text):
        return  # offsets hold only where no character folds to two
    compiled = speech._compiled(lang)
    start, end = sorted(b % (len(text) + 1) for b in bounds)
    found = speech._frame_words(text, folded, compiled)
    assert speech._sentence_may_frame(text, folded, start, end, found, compiled) == (
        _plain_may_frame(text, start, end, compiled)
    )


def _needing_patterns() -> list[speech._VerbPattern]:
    found = []
    for name in (*known(), "union"):
        compiled = speech._compiled(name)
        found += [p for p in (*compiled.before, *compiled.after) if p._needs]
    return found


def _without_needs(pattern: speech._VerbPattern) -> speech._VerbPattern:
    near = next((n for p, n in language("union").verb_near.items() if p == pattern.pattern), None)
    return speech._VerbPattern(pattern.pattern, pattern._forms, pattern.regex.flags, near)


_NEEDED = (
    ", a-t-il dit",
    "a–t–elle",
    "-T-",
    ", avait-elle promis",
    "» AURAIENT-ILS",
    "ont–on",
    "selon lui",
    "SELON",
    "ſelon",
    "d'après",
    "APRÈS",
)


@pytest.mark.parametrize("pattern", _needing_patterns(), ids=lambda p: p.pattern[:24])
@settings(max_examples=300, deadline=None)
@given(
    pieces=st.lists(st.sampled_from([*_NEEDED, *_FRAMING, "Marie", "lui", "elle"]), max_size=10),
    gaps=st.lists(_GAPS, min_size=10, max_size=10),
    offset=st.integers(0, 8),
)
@example(pieces=["D’APRÈS lui, il vient."], gaps=[""] * 10, offset=0)
@example(pieces=["« Il vient », a–T–il dit."], gaps=[""] * 10, offset=0)
@example(pieces=["Il vient, ſelon Marie Dupont."], gaps=[""] * 10, offset=0)
def test_a_frame_with_needs_finds_what_it_finds_without(
    pattern: speech._VerbPattern, pieces: list[str], gaps: list[str], offset: int
) -> None:
    text = "".join(piece + gap for piece, gap in zip(pieces, gaps, strict=False))
    pos = min(offset, len(text))
    quick, slow = pattern.search(text, pos), _without_needs(pattern).search(text, pos)
    assert (quick and (quick.span(), quick.groupdict())) == (
        slow and (slow.span(), slow.groupdict())
    )


def test_the_needed_pieces_hold_every_case_the_patterns_match() -> None:
    """A character the case-blind patterns take for one of a needed piece's characters folds
    to that character: a match's folded text holds the piece."""
    needed = {c for p in _needing_patterns() for piece in p._needs for c in piece}
    every = (
        "".join(map(chr, range(0x110000)))
        .encode("utf-8", "surrogatepass")
        .decode("utf-8", "replace")
    )
    for c in needed:
        for taken in set(re.findall(re.escape(c), every, re.IGNORECASE)):
            assert taken.casefold() == c.casefold() == c
