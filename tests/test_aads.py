"""Direct speech on annotated French novels, analysed alone (a fast subset; the whole corpus
is scored by tests/benchmarks/bench_speech.py)."""

from __future__ import annotations

import pytest

from tests import aads

pytestmark = [
    pytest.mark.core,
    pytest.mark.skipif(not aads.available(), reason="../shared/corpora/aads-fr is absent"),
]

# One chapter each of dash dialogue, guillemets with incises, and mostly narration.
SUBSET = ("train/Sarrasine", "train/madame_bovary__première_8", "val/boule_de_suif")


def test_direct_speech_on_a_subset_of_annotated_novels() -> None:
    result = aads.score(SUBSET)
    assert result.f1 >= 0.9, result.line("subset")
    assert result.precision >= 0.85 and result.recall >= 0.85, result.line("subset")
