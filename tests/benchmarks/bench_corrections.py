"""What a correction costs: the analysis again after one label, against a whole new analysis.

Run on demand (not part of the default test run):

    python -m pytest -m benchmark -s tests/benchmarks/bench_corrections.py

In process, medians of several runs, both measured in the same run: a correction reuses the
sentence links (`Corpus.corrected`), so only labelling, the statement and the rows are
worked out again; a fresh analysis does it all.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from reader.core import Corpus, Label
from reader.core.corrections import Corrections, LabelCorrection, Side
from reader.paths import bundled_sources
from tests import ntcorpus as nt

pytestmark = [pytest.mark.benchmark, pytest.mark.timeout(3600)]


def median_seconds(run: Callable[[], object], times: int) -> float:
    durations = []
    for _ in range(times):
        start = time.perf_counter()
        run()
        durations.append(time.perf_counter() - start)
    return statistics.median(durations)


def measure(paths: list[Path], times: int) -> tuple[float, float]:
    base = Corpus.from_paths(paths)
    base.analysis()
    first = base.sources[0]
    fix = Corrections(
        (LabelCorrection(Side.of(first, len(first.paragraphs) // 2), Label.QUOTATION),)
    )
    pair = base.ids()[:2]

    def fresh() -> None:
        corpus = Corpus.from_paths(paths, fix)
        corpus.analysis()
        corpus.comparison(*pair)

    def corrected() -> None:
        corpus = base.corrected(fix)
        corpus.analysis()
        corpus.comparison(*pair)

    return median_seconds(fresh, times), median_seconds(corrected, times)


def report(what: str, fresh: float, corrected: float) -> None:
    print(
        f"\n{what}: new analysis {fresh:.2f} s, after a correction {corrected:.2f} s "
        f"({fresh / corrected:.1f}× faster)"
    )


def test_a_correction_on_the_bundled_sources() -> None:
    report("five bundled sources", *measure(bundled_sources(), 7))


@pytest.mark.skipif(not nt.available(), reason="the nt-fr corpus is absent")
def test_a_correction_on_a_megabyte_pair(tmp_path: Path) -> None:
    left, right = nt.pair("FreStapfer1889", "FreOltramare1874", 2, 4)
    paths = [nt.write(left, tmp_path / "left.txt"), nt.write(right, tmp_path / "right.txt")]
    report("two New Testaments, 1 MB a side", *measure(paths, 3))
