"""Speech labels against annotated data, with the command that prints them:

    python -m pytest -m benchmark -s tests/benchmarks/bench_speech.py

- aads-fr (French novels, direct speech annotated by hand), each chapter analysed alone:
  precision, recall and F1 of direct speech per split;
- calibration: over those paragraphs and the cases of tests/data/reported, how often a label
  given with a confidence in each bin is right.
"""

from __future__ import annotations

from itertools import pairwise

import pytest

from tests import aads
from tests.test_reported import REPORTED_CASES, judged_reported

pytestmark = [
    pytest.mark.benchmark,
    pytest.mark.skipif(not aads.available(), reason="../shared/corpora/aads-fr is absent"),
]

BINS = (0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.01)


def test_direct_speech_per_split() -> None:
    judged: list[tuple[float, bool]] = []
    for split in ("train", "val"):
        result = aads.score(aads.chapters(split))
        print("\n" + result.line(f"aads-fr {split} ({len(aads.chapters(split))} chapters)"))
        judged += result.judged or []
    reported = judged_reported(REPORTED_CASES)
    print(f"reported-speech cases: {sum(ok for _, ok in reported)}/{len(reported)} right")
    _print_calibration(judged + reported)


def _print_calibration(judged: list[tuple[float, bool]]) -> None:
    print("confidence bin | paragraphs | right")
    for low, high in pairwise(BINS):
        inside = [ok for confidence, ok in judged if low <= confidence < high]
        if inside:
            share = sum(inside) / len(inside)
            print(f"[{low:.2f}, {min(high, 1.0):.2f}) | {len(inside)} | {share:.3f}")
