"""Speed of the compare path alone: rows, sentence diffs and JSON, once the analysis is done.

Run on demand (not part of the default test run):

    python -m pytest -m benchmark -s tests/benchmarks/bench_rows.py

The 1 MB NT pair is analysed once in a child process per checkout; the child then times,
in CPU seconds, several fresh comparisons of the pair (`source_rows`, read whole: sentence
alignment, rows, per-sentence diffs) and the JSON the `compare --json` command prints. With
SYNOPSIS_BASELINE=/path/to/another/checkout, that checkout is timed the same way, in turn.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
from pathlib import Path

import pytest

from tests import ntcorpus as nt
from tests.benchmarks.bench_speed import TRANSLATIONS, checkouts, side_text

pytestmark = [pytest.mark.benchmark, pytest.mark.timeout(3600)]

RUNS = 5

# Printed by the child as one JSON line: CPU seconds of each comparison and each encoding.
_CHILD = """
import json, sys, time
from pathlib import Path
from reader.core.collect import bulk_allocation
from reader.core.compare import source_rows
from reader.core.corpus import Corpus
from reader.core.report import compare_json

with bulk_allocation():
    corpus = Corpus.from_paths([Path(sys.argv[1]), Path(sys.argv[2])])
    analysis = corpus.analysis()
    left, right = corpus.sources
    compared, encoded = [], []
    for _ in range(int(sys.argv[3])):
        start = time.process_time()
        tuple(source_rows(left, right, 0, 1, analysis.table, analysis.links))
        compared.append(time.process_time() - start)
    comparison = corpus.comparison(left.id, right.id)
    for _ in range(int(sys.argv[3])):
        start = time.process_time()
        json.dumps(compare_json(corpus, comparison), ensure_ascii=False)
        encoded.append(time.process_time() - start)
print(json.dumps({"compare": compared, "json": encoded}))
"""


@pytest.mark.skipif(not nt.available(), reason="the nt-fr corpus is absent")
def test_compare_path_of_the_new_testament_pair(tmp_path: Path) -> None:
    left, right = tmp_path / "left.txt", tmp_path / "right.txt"
    left.write_text(side_text(TRANSLATIONS[:1], 2), encoding="utf-8")
    right.write_text(side_text(TRANSLATIONS[1:2], 4), encoding="utf-8")
    print("\n1 MB NT pair, compare path in process (CPU s, median of", RUNS, "runs)")
    for name, at in checkouts().items():
        done = subprocess.run(
            [sys.executable, "-c", _CHILD, str(left), str(right), str(RUNS)],
            cwd=at,  # the checkout, not this one, first on the path
            env={"PYTHONPATH": str(at), "QT_QPA_PLATFORM": "offscreen"},
            capture_output=True,
            text=True,
            check=True,
        )
        figures = json.loads(done.stdout.strip().splitlines()[-1])
        compared, encoded = (
            statistics.median(figures["compare"]),
            statistics.median(figures["json"]),
        )
        print(
            f"  {name:10} rows {compared:.3f} s  JSON {encoded:.3f} s  "
            f"together {compared + encoded:.3f} s"
        )
        assert compared > 0 and encoded > 0
