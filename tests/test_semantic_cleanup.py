"""The word diff's semantic cleanup gives diff-match-patch's diff_cleanupSemantic exactly."""

from __future__ import annotations

import diff_match_patch
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.diff import DELETE, EQUAL, INSERT, _minimal_diff, semantic_cleanup

_REFERENCE = diff_match_patch.diff_match_patch()


def _reference(diffs: list[tuple[int, str]]) -> list[tuple[int, str]]:
    copied = list(diffs)
    _REFERENCE.diff_cleanupSemantic(copied)
    return copied


# Few letters, so that the texts share much and the diffs have many short equalities;
# spaces and line breaks, so that the shifts to word and line bounds are weighed too.
_TEXT = st.text(alphabet="abcd \n.", max_size=60)


@settings(max_examples=600, deadline=None)
@given(_TEXT, _TEXT)
def test_the_cleanup_of_a_minimal_diff_is_diff_match_patchs(a: str, b: str) -> None:
    diffs = _minimal_diff(a, b)
    assert semantic_cleanup(list(diffs)) == _reference(diffs)


# Any sequence of edits, in any order (two changes side by side, equalities side by
# side), so the first pass's going back is exercised beyond what one diff algorithm gives.
_OPS = st.lists(
    st.tuples(st.sampled_from((DELETE, EQUAL, INSERT)), st.text(alphabet="ab x", min_size=1)),
    max_size=30,
)


@settings(max_examples=600, deadline=None)
@given(_OPS)
def test_the_cleanup_of_any_edits_is_diff_match_patchs(diffs: list[tuple[int, str]]) -> None:
    assert semantic_cleanup(list(diffs)) == _reference(diffs)


def test_a_short_equality_between_long_changes_is_turned() -> None:
    diffs = [(DELETE, "aaaa"), (INSERT, "bbbb"), (EQUAL, "c"), (DELETE, "dddd"), (INSERT, "ee")]
    cleaned = semantic_cleanup(list(diffs))
    assert cleaned == _reference(diffs)
    assert EQUAL not in [op for op, _ in cleaned]
