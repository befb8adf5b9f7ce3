"""Speed of labelling: the per-paragraph speech, cue and furniture features, the run-level
decoding, and the statement built from the labels.

Run on demand (not part of the default test run):

    python -m pytest -m benchmark -s tests/benchmarks/bench_labels.py

- the 1 MB NT pair (2 vs 4 verses a paragraph), in process: `classify` and
  `build_statement` on the analysed corpus, each timed several times (CPU seconds, the
  per-text caches emptied before each run, the collector off as the command line runs);
- `analyze` on the five bundled sources, whole process: CPU seconds (user + system).

With SYNOPSIS_BASELINE=/path/to/another/checkout, that checkout is timed the same way, run
for run in turn with this one, and the ratios are given pair by pair: on a shared machine
only figures taken side by side compare.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
from pathlib import Path

import pytest

from tests import ntcorpus as nt
from tests.benchmarks.bench_speed import TIME, TRANSLATIONS, checkouts, side_text

pytestmark = [pytest.mark.benchmark, pytest.mark.timeout(3600)]

# Times labelling in the checkout on PYTHONPATH; prints {"classify": [...], "statement": [...]}.
_IN_PROCESS = """
import functools, gc, json, sys, time
from reader.core import Corpus
from reader.core.classify import classify
from reader.core.passages import build_statement

def clear():  # the bounded caches hold per-text results; the unbounded ones, compiled patterns
    for name, module in list(sys.modules.items()):
        if name.startswith("reader.core"):
            for value in list(vars(module).values()):
                if isinstance(value, functools._lru_cache_wrapper):
                    if value.cache_parameters()["maxsize"] is not None:
                        value.cache_clear()

gc.disable()  # as the command line runs the engine (both checkouts alike)
corpus = Corpus.from_paths(sys.argv[1:3])
analysis = corpus.analysis()
times = {"classify": [], "statement": []}
for _ in range(int(sys.argv[3])):
    clear()
    start = time.process_time()
    labels = classify(corpus.sources, analysis.table, analysis.links)
    times["classify"].append(time.process_time() - start)
    kept = [[p.label for p in source] for source in labels]
    start = time.process_time()
    build_statement(corpus.sources, analysis.table, analysis.links, kept)
    times["statement"].append(time.process_time() - start)
print(json.dumps(times))
"""

SEEDS = sorted(str(p) for p in (Path(__file__).parents[2] / "seeds").glob("*.txt"))


def _ratios(figures: dict[str, list[float]]) -> str:
    if "baseline" not in figures:
        return ""
    pairs = [b / t for t, b in zip(figures["this"], figures["baseline"], strict=True) if t]
    return f"; baseline ÷ this, run by run: median {statistics.median(pairs):.2f}×"


@pytest.mark.skipif(not nt.available(), reason="the nt-fr corpus is absent")
def test_labelling_the_new_testament_pair(tmp_path: Path) -> None:
    left, right = tmp_path / "left.txt", tmp_path / "right.txt"
    left.write_text(side_text(TRANSLATIONS[:1], 2), encoding="utf-8")
    right.write_text(side_text(TRANSLATIONS[1:2], 4), encoding="utf-8")
    figures: dict[str, dict[str, list[float]]] = {"classify": {}, "statement": {}}
    for _ in range(3):  # rounds, in turn, of three timed runs each
        for name, at in checkouts().items():
            # -P: the checkout on PYTHONPATH, not the working directory, gives the code run.
            command = [sys.executable, "-P", "-c", _IN_PROCESS, str(left), str(right), "3"]
            out = subprocess.run(
                command, env={"PYTHONPATH": str(at)}, capture_output=True, text=True, check=True
            )
            for part, times in json.loads(out.stdout).items():
                # The best of each round's three: the least disturbed by other work.
                figures[part].setdefault(name, []).append(min(times))
    print("\n1 MB NT pair, labelling in process (CPU s, best of 3 in each of 3 rounds)")
    for part, by_checkout in figures.items():
        shown = ", ".join(f"{n} {statistics.median(t):.3f} s" for n, t in by_checkout.items())
        print(f"{part}: {shown}{_ratios(by_checkout)}")
    assert all(t > 0 for by in figures.values() for ts in by.values() for t in ts)


def test_analyze_seeds_cpu(tmp_path: Path) -> None:
    report = tmp_path / "time.txt"
    cpu: dict[str, list[float]] = {}
    for _ in range(9):
        for name, at in checkouts().items():
            command = [TIME, "-f", "%U %S", "-o", str(report), "env", f"PYTHONPATH={at}"]
            command += [sys.executable, "-P", "-m", "reader", "analyze", *SEEDS, "--json"]
            subprocess.run(command, capture_output=True, check=True)
            user, system = map(float, report.read_text().split()[-2:])
            cpu.setdefault(name, []).append(user + system)
    shown = ", ".join(f"{n} {statistics.median(t):.3f} s" for n, t in cpu.items())
    print(f"\nanalyze, the five seeds, whole process (CPU user+system, median of 9): {shown}")
    print(_ratios(cpu).lstrip("; ") or "(no baseline)")
    assert all(t > 0 for ts in cpu.values() for t in ts)
