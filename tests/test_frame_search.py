"""The frame patterns' quick first test (Language.verb_near) never changes what they find."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core import speech
from reader.core.lang import known, language

_WORDS = (
    "dit déclaré a ont avait également toutefois aussi que qu' qu’ : , » ” « Marie Dupont "
    "de d'Arc il elle on le la lui leur Jésus répondit affirme explique aujourd'hui l'a "
    "s'écria souligné vite Le Roi ajouté selon d'après . ? ! … 2dit dit, ,dit aurait Paris"
).split()
_GAPS = st.sampled_from([" ", " ", " ", "", "  ", "\n", ", "])


def _slow(pattern: speech._VerbPattern) -> speech._VerbPattern:
    """The same pattern searched word by word, without the quick first test."""
    return speech._VerbPattern(pattern.pattern, pattern._forms, pattern.regex.flags)


def _quick_patterns() -> list[speech._VerbPattern]:
    found = []
    for name in (*known(), "union"):
        compiled = speech._compiled(name)
        found += [p for p in (*compiled.before, *compiled.after) if p._near is not None]
    return found


def test_french_has_frames_with_a_quick_first_test() -> None:
    french = speech._compiled("french")
    assert language("french").verb_near
    assert any(p._near is not None for p in french.before)
    assert any(p._near is not None for p in french.after)


@pytest.mark.parametrize("pattern", _quick_patterns(), ids=lambda p: p.pattern[:24])
@settings(max_examples=300, deadline=None)
@given(
    words=st.lists(st.tuples(st.sampled_from(_WORDS), _GAPS), min_size=1, max_size=14),
    offset=st.integers(0, 6),
)
def test_a_frame_finds_the_same_match_with_and_without_the_quick_test(
    pattern: speech._VerbPattern, words: list[tuple[str, str]], offset: int
) -> None:
    text = "".join(word + gap for word, gap in words)
    pos = min(offset, len(text))
    quick, slow = pattern.search(text, pos), _slow(pattern).search(text, pos)
    assert (quick and (quick.span(), quick.groupdict())) == (
        slow and (slow.span(), slow.groupdict())
    )


def test_the_quick_test_passes_the_frames_it_must_find() -> None:
    fr = speech._compiled("french")
    before = next(p for p in fr.before if p._near is not None)
    after = next(p for p in fr.after if p._near is not None)
    found = before.search("Le ministre Paul Durand a déclaré toutefois que le budget baisse.")
    assert found and found.group("speaker") == "Paul Durand"
    found = after.search("Le budget baissera, a également annoncé le ministre.")
    assert found and found.group("speaker") == "le ministre"
    assert before.search("Le budget baisse, et chacun sait que la dette monte.") is None
    assert after.search("Le budget baisse, et la dette monte, dit-on à Paris.") is None
