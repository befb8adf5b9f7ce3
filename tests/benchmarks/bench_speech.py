"""Speech labels against annotated data, with the command that prints them:

    python -m pytest -m benchmark -s tests/benchmarks/bench_speech.py

- aads-fr (French novels, direct speech annotated by hand), each chapter analysed alone:
  precision and recall of direct speech (labelled quotation) and of the rest, per split;
- the cases of tests/data/reported (own English and French news and narration, each file
  analysed alone): precision and recall per label;
- calibration: over all those paragraphs, how often a label given with a confidence in each
  bin is right. (The weights are fitted on train only: python -m tests.benchmarks.fit_speech.)
"""

from __future__ import annotations

from collections import Counter
from itertools import pairwise

import pytest

from reader.core import Label
from tests import aads
from tests.conftest import paragraph_index
from tests.test_reported import REPORTED_CASES, alone

pytestmark = [
    pytest.mark.benchmark,
    pytest.mark.skipif(not aads.available(), reason="../shared/corpora/aads-fr is absent"),
]

BINS = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.01)


def test_speech_labels_per_set() -> None:
    judged: dict[str, list[tuple[float, bool]]] = {}
    for split in ("train", "val"):
        result = aads.score(aads.chapters(split))
        print("\n" + result.line(f"aads-fr {split} ({len(aads.chapters(split))} chapters)"))
        print(
            f"  not speech: precision {_share(result.tn, result.tn + result.fn):.3f} "
            f"recall {_share(result.tn, result.tn + result.fp):.3f}"
        )
        judged[f"aads-fr {split}"] = result.judged or []
    pairs = _reported_pairs()
    print(f"\nreported-speech cases: {sum(g == w for g, w, _ in pairs)}/{len(pairs)} right")
    _print_per_label([(got, want) for got, want, _ in pairs])
    judged["reported cases"] = [(c, got == want) for got, want, c in pairs]
    judged["all"] = [j for name in list(judged) for j in judged[name]]
    for name, pairs_judged in judged.items():
        _print_calibration(name, pairs_judged)


def _share(part: int, whole: int) -> float:
    return part / whole if whole else float("nan")


def _reported_pairs() -> list[tuple[Label, Label, float]]:
    """(label given, label wanted, confidence) of every paragraph the cases name."""
    pairs = []
    for name, expected in REPORTED_CASES.items():
        corpus = alone(name)
        source_id = corpus.ids()[0]
        analysed = corpus.paragraph_analysis(source_id)
        for start, want in expected.items():
            got = analysed[paragraph_index(corpus, source_id, start)]
            pairs.append((got.label, want, got.confidence))
    return pairs


def _print_per_label(pairs: list[tuple[Label, Label]]) -> None:
    given = Counter(got for got, _ in pairs)
    wanted = Counter(want for _, want in pairs)
    right = Counter(got for got, want in pairs if got == want)
    print("label | wanted | given | precision | recall")
    for label in Label:
        print(
            f"{label.value} | {wanted[label]} | {given[label]} | "
            f"{_share(right[label], given[label]):.3f} | {_share(right[label], wanted[label]):.3f}"
        )


def _print_calibration(name: str, judged: list[tuple[float, bool]]) -> None:
    print(f"\ncalibration, {name}: confidence bin | paragraphs | right")
    for low, high in pairwise(BINS):
        inside = [ok for confidence, ok in judged if low <= confidence < high]
        if inside:
            share = sum(inside) / len(inside)
            print(f"[{low:.2f}, {min(high, 1.0):.2f}) | {len(inside)} | {share:.3f}")
