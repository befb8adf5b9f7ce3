"""Speed against the tools a user would pick instead, and growth as the work grows.

Run on demand (not part of the default test run):

    python -m pytest -m benchmark -s tests/benchmarks/bench_speed.py

Whole processes (`python -m reader …`), medians of several runs, the peers (dwdiff, wdiff,
where installed) timed on the same input in the same run, pair by pair, so that a ratio
holds even when a shared machine speeds up or slows down between runs. With
SYNOPSIS_BASELINE=/path/to/another/checkout, that checkout is timed the same way beside this
one (before/after figures from one run).
"""

from __future__ import annotations

import itertools
import os
import shutil
import statistics
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

import pytest

from tests import ntcorpus as nt
from tests.benchmarks.bench_engine import ROOT, run_once

TIME = shutil.which("time") or "/usr/bin/time"

# Whole-process runs of minutes each, several times over: far beyond the default timeout.
pytestmark = [pytest.mark.benchmark, pytest.mark.timeout(7200)]

COUNTS = (100, 200, 400, 800)
needs_nt = pytest.mark.skipif(not nt.available(), reason="the nt-fr corpus is absent")
TRANSLATIONS = ("FreStapfer1889", "FreOltramare1874", "FreSynodale1921", "FreGeneve1669")
REFRAIN = (
    "Le conseil a adopté la délibération sur le budget des écoles à l'unanimité des voix. "
    "Les membres présents ont signé le registre, puis la séance fut levée vers minuit."
)


def reader(*args: str, checkout: Path = ROOT) -> list[str]:
    # -P: the commands run in this checkout, and `python -m` would otherwise import the
    # package found there first, whatever PYTHONPATH names.
    return ["env", f"PYTHONPATH={checkout}", sys.executable, "-P", "-m", "reader", *args]


def checkouts() -> dict[str, Path]:
    found = {"this": ROOT}
    if os.environ.get("SYNOPSIS_BASELINE"):
        found["baseline"] = Path(os.environ["SYNOPSIS_BASELINE"])
    return found


def measured(command: list[str], scratch: Path) -> tuple[float, float, float]:
    """Wall time of a command, its CPU time (user + system, s) and the peak memory of the
    command's own process (MB).

    The CPU time and the peak are read by time(1) from the process itself: the peak the
    kernel gives for a child of this (large) test process would include the memory it was
    forked with, and CPU seconds hold better than wall time on a shared, busy machine.
    """
    report = scratch / "usage.txt"
    wall, _, _ = run_once([TIME, "-f", "%U %S %M", "-o", str(report), *command])
    user, system, peak = report.read_text().split()[-3:]
    return wall, float(user) + float(system), int(peak) / 1024


Figures = dict[str, tuple[list[float], list[float], float]]


def paired(commands: dict[str, list[str]], runs: int) -> Figures:
    """Run the commands in turn, `runs` rounds; return each one's walls, CPU times and peak."""
    walls: dict[str, list[float]] = {name: [] for name in commands}
    cpus: dict[str, list[float]] = {name: [] for name in commands}
    peaks: dict[str, float] = dict.fromkeys(commands, 0.0)
    scratch = Path(tempfile.mkdtemp())
    for _ in range(runs):
        for name, command in commands.items():
            wall, cpu, peak = measured(command, scratch)
            walls[name].append(wall)
            cpus[name].append(cpu)
            peaks[name] = max(peaks[name], peak)
    return {name: (walls[name], cpus[name], peaks[name]) for name in commands}


def show(title: str, figures: Figures, against: str) -> None:
    print(f"\n{title}")
    reference, reference_cpu = figures[against][0], figures[against][1]
    for name, (walls, cpus, peak) in figures.items():
        ratios = [w / r for w, r in zip(walls, reference, strict=True)]
        cpu_ratios = [c / max(r, 1e-3) for c, r in zip(cpus, reference_cpu, strict=True)]
        print(
            f"  {name:28} median {statistics.median(walls):6.2f} s "
            f"(min {min(walls):.2f}, max {max(walls):.2f}), "
            f"CPU {statistics.median(cpus):6.2f} s  peak {peak:5.0f} MB  "
            f"÷ {against}: {statistics.median(ratios):.2f} wall, "
            f"{statistics.median(cpu_ratios):.2f} CPU"
        )


def doublings(figures: Figures, names: Sequence[str], wall: bool = False) -> str:
    """Each step's median CPU time (or wall time) over the previous one's."""
    medians = [statistics.median(figures[name][0 if wall else 1]) for name in names]
    return ", ".join(f"{b / a:.2f}" for a, b in itertools.pairwise(medians))


def side_text(names: Sequence[str], group: int) -> str:
    return "\n".join(p for name in names for p in nt.side(name, group).paragraphs) + "\n"


def test_help_and_start_up() -> None:
    commands = {
        "synopsis --help": reader("--help"),
        "python -c pass": [sys.executable, "-c", "pass"],
    }
    show("help, whole process", paired(commands, runs=11), against="python -c pass")


@needs_nt
def test_new_testament_pair_against_peers(tmp_path: Path) -> None:
    left, right = tmp_path / "left.txt", tmp_path / "right.txt"
    left.write_text(side_text(TRANSLATIONS[:1], 2), encoding="utf-8")
    right.write_text(side_text(TRANSLATIONS[1:2], 4), encoding="utf-8")
    commands = {
        f"compare --json ({name})": reader("compare", str(left), str(right), "--json", checkout=at)
        for name, at in checkouts().items()
    }
    for peer in ("dwdiff", "wdiff"):
        if shutil.which(peer):
            commands[peer] = ["sh", "-c", f"{peer} {left} {right}; true"]
    against = "dwdiff" if "dwdiff" in commands else next(iter(commands))
    show("1 MB NT pair (2 vs 4 verses a paragraph)", paired(commands, runs=5), against=against)


@needs_nt
def test_four_times_the_text(tmp_path: Path) -> None:
    """1 MB a side against 4 MB a side: four translations on the left, rotated on the right."""
    commands = {}
    for size in (1, 4):
        left, right = tmp_path / f"left{size}.txt", tmp_path / f"right{size}.txt"
        names = TRANSLATIONS[:size] if size > 1 else TRANSLATIONS[:1]
        rotated = (*names[1:], names[0]) if size > 1 else TRANSLATIONS[1:2]
        left.write_text(side_text(names, 2), encoding="utf-8")
        right.write_text(side_text(rotated, 4), encoding="utf-8")
        commands[f"{size} MB a side"] = reader("compare", str(left), str(right), "--json")
    figures = paired(commands, runs=3)
    show("compare, 1 MB and 4 MB a side", figures, against="1 MB a side")
    print(f"  1 MB -> 4 MB: {doublings(figures, list(commands))} × the CPU time")


def test_repetitive_text(tmp_path: Path) -> None:
    commands = {}
    for times in (2500, 5000, 10000):
        path = tmp_path / f"refrain{times}.txt"
        path.write_text((REFRAIN + "\n") * times, encoding="utf-8")
        for name, checkout in checkouts().items():
            commands[f"N = {times} ({name})"] = reader(
                "compare", str(path), str(path), "--json", checkout=checkout
            )
    first = next(iter(commands))
    show("one paragraph repeated N times, compared with itself", paired(commands, 3), first)


def chapter_files(tmp: Path) -> list[Path]:
    """Every chapter of the four translations as a file, interleaved so that any prefix
    holds the translations of the same chapters."""
    per_translation: list[list[Path]] = []
    exclude = frozenset().union(*(nt.defective(name) for name in TRANSLATIONS))
    for name in TRANSLATIONS:
        chapters: dict[tuple[str, int], list[str]] = {}
        for vid, text in nt._verses(name):
            if text and nt._in_nt(vid) and vid[:2] not in exclude:
                chapters.setdefault(vid[:2], []).append(text)
        files = []
        for (book, chapter), verses in chapters.items():
            path = tmp / f"{name[3:9]}-{book.replace(' ', '_')}-{chapter:03}.txt"
            path.write_text("\n".join(verses) + "\n", encoding="utf-8")
            files.append(path)
        per_translation.append(files)
    return [path for group in zip(*per_translation, strict=False) for path in group]


@needs_nt
def test_chapter_corpus_doubling(tmp_path: Path) -> None:
    files = chapter_files(tmp_path)
    commands = {}
    for count in COUNTS:
        for name, checkout in checkouts().items():
            commands[f"{count} files ({name})"] = reader(
                "analyze", *map(str, files[:count]), "--json", checkout=checkout
            )
    figures = paired(commands, runs=3)
    first = next(iter(commands))
    show("analyze, chapter files", figures, against=first)
    for name in checkouts():
        names = [f"{c} files ({name})" for c in COUNTS]
        print(
            f"  each doubling ({name}): {doublings(figures, names)} × the CPU time "
            f"(both processes where a second one reads), {doublings(figures, names, wall=True)} "
            "× the wall time"
        )
    # Chapters differ in length: a doubling of the files is not a doubling of the text.
    sizes = [sum(path.stat().st_size for path in files[:count]) for count in COUNTS]
    growth = ", ".join(f"{b / a:.2f}" for a, b in itertools.pairwise(sizes))
    print(
        f"  text: {', '.join(f'{size / 1e6:.2f}' for size in sizes)} MB; each doubling: {growth} ×"
    )


@needs_nt
def test_one_paragraph_of_megabytes(tmp_path: Path) -> None:
    """A text with no line break at all (a book saved on one line) is one paragraph."""
    book = side_text(TRANSLATIONS[:1], 2).replace("\n", " ")
    commands = {}
    for times in (1, 2, 4):
        path = tmp_path / f"line{times}.txt"
        path.write_text(" ".join([book] * times) + "\n", encoding="utf-8")
        commands[f"{times} MB on one line"] = reader("analyze", str(path), "--json")
    figures = paired(commands, runs=3)
    show("analyze, one paragraph of 1, 2 and 4 MB", figures, against="1 MB on one line")
    print(f"  each doubling: {doublings(figures, list(commands))} × the CPU time")
