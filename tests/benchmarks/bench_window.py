"""How the window feels: pair switches, scrolling and stepping, on the seeds and on a 1 MB pair.

Run on demand (not part of the default test run):

    python -m pytest -m benchmark -s tests/benchmarks/bench_window.py

The real MainWindow, offscreen. A pair switch is timed from `show_pair` until the event queue
is empty (the panes filled, highlighted, laid out where in view and painted; a long text is
laid out further in slices between events, timed apart: "until laid out"); figures are
medians, because these machines are shared and noisy. Opening is timed until the analysis
is done and the pair shows, then until the window has nothing left to compute (the
statement map's changes of meaning, the pair swapped); a timer probe measures the longest
the event loop waited, over both. On a shared machine the process CPU of a switch and the GUI
thread's CPU over an open are printed beside, steadier than wall times; and the resident
memory over 200 switches (documents that outlive their pair would show there).
"""

from __future__ import annotations

import itertools
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from reader.gui import MainWindow
from tests import ntcorpus as nt

pytestmark = [pytest.mark.benchmark, pytest.mark.gui]


class StallProbe:
    """A timer that fires every few milliseconds on the GUI thread: the longest gap between
    two of its ticks is the longest time the event loop was kept from running."""

    def __init__(self, interval_ms: int = 5) -> None:
        self.timer = QTimer()
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._tick)
        self.last = time.perf_counter()
        self.longest = 0.0

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self.last)
        self.last = now

    def __enter__(self) -> StallProbe:
        self.last = time.perf_counter()
        self.longest = 0.0
        self.timer.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._tick()
        self.timer.stop()


def open_window(
    qtbot, tmp_path: Path, paths=None, probe: StallProbe | None = None
) -> tuple[MainWindow, float]:
    """Open the window and wait for its analysis; the probe, if given, runs from the start
    (the window's construction is one stall it counts). Prints the processor time the GUI
    thread spent meanwhile (the analysis runs in the worker): on a loaded machine, a
    steadier figure of what the window itself does than the stalls."""
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    start = time.perf_counter()
    gui_start = time.thread_time()
    if probe is not None:
        probe.__enter__()
    window = MainWindow(paths=paths, settings=settings)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitUntil(window.is_ready, timeout=120_000)
    QApplication.processEvents()
    elapsed = time.perf_counter() - start
    if probe is not None:
        probe.__exit__()
    print(f"\n  GUI thread busy {time.thread_time() - gui_start:.2f} s CPU of the open")
    return window, elapsed


def settle(qtbot, window: MainWindow) -> None:
    """Wait until the window has computed everything and laid both panes out."""
    qtbot.waitUntil(lambda: window.is_settled() and window.view.laid_out(), timeout=120_000)
    QApplication.processEvents()


def timed(action: Callable[[], object], cpu: list[float] | None = None) -> float:
    """Wall milliseconds of an action and the events it queued; its process CPU
    milliseconds appended to `cpu` if given (steadier on a shared machine)."""
    start, processor = time.perf_counter(), time.process_time()
    action()
    QApplication.processEvents()
    if cpu is not None:
        cpu.append((time.process_time() - processor) * 1000)
    return (time.perf_counter() - start) * 1000


def resident_mb() -> float:
    """The process's resident memory (Linux; 0 elsewhere)."""
    statm = Path("/proc/self/statm")
    return int(statm.read_text().split()[1]) * 4096 / 1e6 if statm.exists() else 0.0


def timed_until_laid_out(qtbot, window: MainWindow, action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    qtbot.waitUntil(window.view.laid_out, timeout=60_000)
    return (time.perf_counter() - start) * 1000


def report(name: str, times_ms: list[float]) -> None:
    print(
        f"\n{name:44} median {statistics.median(times_ms):7.1f} ms  "
        f"(min {min(times_ms):.1f}, max {max(times_ms):.1f}, {len(times_ms)} times)"
    )


def test_seeds_pair_switch(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    probe = StallProbe()
    start = time.perf_counter()
    window, opened = open_window(qtbot, tmp_path, probe=probe)
    stall = probe.longest
    with probe:
        settle(qtbot, window)
    print(
        f"\nwindow open on the seeds, analysis included: {opened:.2f} s; "
        f"longest event-loop stall {stall * 1000:.0f} ms; nothing left to compute after "
        f"{time.perf_counter() - start:.2f} s, longest stall since {probe.longest * 1000:.0f} ms"
    )
    ids = window.source_ids()
    pairs = list(itertools.permutations(ids, 2))
    assert len(pairs) == 20
    for left, right in pairs:  # the first visit of each pair computes its comparison
        window.show_pair(left, right)
    QApplication.processEvents()
    memory = resident_mb()
    cpu: list[float] = []
    times = [timed(lambda p=pair: window.show_pair(*p), cpu) for _ in range(3) for pair in pairs]
    report("seeds pair switch, 20 ordered pairs", times)
    report("  the same, process CPU", cpu)
    for _ in range(7):  # 200 switches in all: does memory grow with them?
        for pair in pairs:
            timed(lambda p=pair: window.show_pair(*p))
    print(f"  resident memory over 200 switches: {memory:.0f} -> {resident_mb():.0f} MB")
    assert statistics.median(times) < 1000


def test_new_testament_pair_in_the_window(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not nt.available():
        pytest.skip("../shared/corpora/nt-fr is absent")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    left, right = nt.pair("FreStapfer1889", "FreOltramare1874", 2, 4)
    paths = [nt.write(left, tmp_path / "left.txt"), nt.write(right, tmp_path / "right.txt")]
    probe = StallProbe()
    start = time.perf_counter()
    window, opened = open_window(qtbot, tmp_path, paths, probe)
    stall = probe.longest
    with probe:
        settle(qtbot, window)
    print(
        f"\nwindow open on the 1 MB NT pair, analysis included: {opened:.2f} s; "
        f"longest event-loop stall {stall * 1000:.0f} ms; nothing left to compute and the "
        f"pair laid out after {time.perf_counter() - start:.2f} s, longest stall since "
        f"{probe.longest * 1000:.0f} ms"
    )
    view = window.view
    ids = window.source_ids()
    report(
        "NT pair: show the pair again", [timed(lambda: window.show_pair(*ids)) for _ in range(3)]
    )
    with StallProbe() as probe:
        again = [
            timed_until_laid_out(qtbot, window, lambda: window.show_pair(*ids)) for _ in range(3)
        ]
    report("NT pair: show the pair again, until laid out", again)
    print(f"  longest event-loop stall meanwhile {probe.longest * 1000:.0f} ms")
    swaps, stalls = [], []
    for _ in range(4):  # a reader reads between two swaps: the other side is built meanwhile
        settle(qtbot, window)
        with StallProbe() as probe:
            swaps.append(timed(window.act_swap.trigger))
            settle(qtbot, window)
        stalls.append(probe.longest * 1000)
    report("NT pair: swap the panes", swaps)
    print(f"  longest event-loop stall meanwhile {max(stalls):.0f} ms")
    with StallProbe() as probe:
        swaps = [timed(window.act_swap.trigger) for _ in range(4)]
    report("NT pair: swap the panes back to back", swaps)
    print(f"  longest event-loop stall meanwhile {probe.longest * 1000:.0f} ms")
    settle(qtbot, window)
    bar = view.left.verticalScrollBar()
    steps = [bar.maximum() * k // 40 for k in range(40)]
    report(
        "NT pair: scroll the left pane (synced)",
        [timed(lambda v=v: bar.setValue(v)) for v in steps],
    )
    bar.setValue(0)
    report("NT pair: next difference (F8)", [timed(window.act_next.trigger) for _ in range(30)])
