"""Textual evidence read in a second process (reader.core.apart) is what this process reads,
and a second process that cannot help leaves the analysis as it would be without one."""

from __future__ import annotations

import gc
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from reader.core import apart
from reader.core import corpus as corpus_module
from reader.core.apart import read_apart
from reader.core.corpus import AnalysisCancelled, Corpus
from reader.core.machine import SECOND_PROCESS_FROM
from reader.core.textual import textual

two_cores = pytest.mark.skipif(apart.cores() < 2, reason="a second process needs a second core")

_PARAGRAPHS = (
    "Accueil › Monde › Europe",
    "« Nous ne céderons pas, a déclaré la ministre Clara Petit. Le pays tiendra bon.",
    "« Et ceux qui doutent se trompent », a-t-elle ajouté devant la presse.",
    "Selon elle, les négociations reprendront la semaine prochaine.",
    "— Vous y croyez ? demanda le journaliste.",
    "— Oui, répondit-elle. Nous y croyons tous.",
    "Le porte-parole a affirmé que le calendrier serait respecté et qu'il n'y aurait aucun report.",
    '"We will not give in," the minister said on Tuesday, according to Reuters.',
    "Ce point de vue est contesté par plusieurs économistes, qui jugent le plan trop optimiste.",
    "Publié le 3 mars 2024 à 10 h 12 · Mis à jour le 3 mars 2024",
    "Abonnez-vous à notre lettre d'information",
)


def _long_source(path: Path, seed: int) -> Path:
    """A source of over SECOND_PROCESS_FROM / 2 characters: speech of every kind, commentary,
    furniture, each paragraph made a little different so that no two are the same text."""
    paragraphs, size, n = [], 0, 0
    while size < SECOND_PROCESS_FROM // 2 + 1:
        text = f"{_PARAGRAPHS[(n * 7 + seed) % len(_PARAGRAPHS)]} ({seed}-{n})"
        paragraphs.append(text)
        size, n = size + len(text), n + 1
    path.write_text("\n\n".join(paragraphs), encoding="utf-8")
    return path


@pytest.fixture
def long_corpus(tmp_path: Path) -> Corpus:
    return Corpus.from_paths([_long_source(tmp_path / f"s{n}.txt", n) for n in range(2)])


@two_cores
def test_the_second_process_reads_what_this_one_reads(long_corpus: Corpus) -> None:
    reading = read_apart(long_corpus.sources)
    assert reading is not None, "a corpus this long is read apart"
    assert reading.result() == [textual(s) for s in long_corpus.sources]
    assert reading.result() is None  # an answer is taken once


def test_a_short_corpus_is_read_here(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("« Nous tiendrons », a-t-elle dit.", encoding="utf-8")
    assert read_apart(Corpus.from_paths([tmp_path / "a.txt"]).sources) is None


@two_cores
def test_the_analysis_takes_the_second_process_reading(
    long_corpus: Corpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = Corpus(long_corpus.sources).analysis().paragraphs

    def not_here(source: object) -> None:
        raise AssertionError("read in this process, not in the second")

    monkeypatch.setattr(corpus_module, "textual", not_here)
    long_corpus.read_apart()
    assert long_corpus.analysis().paragraphs == expected


def _interpreter(tmp_path: Path, script: str) -> str:
    """A stand-in for the second interpreter: a shell script."""
    path = tmp_path / "python"
    path.write_text(f"#!/bin/sh\n{script}\n", encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return str(path)


@two_cores
@pytest.mark.skipif(sys.platform == "win32", reason="the stand-in interpreters are shell scripts")
@pytest.mark.parametrize(
    "script",
    [
        "exit 3",  # stops at once
        # The answer file is the last argument.
        'eval "answer=\\${$#}"; cat > /dev/null; printf "not a frame" > "$answer"',  # nonsense
        'eval "a=\\${$#}"; printf "\\010\\0\\0\\0\\0\\0\\0\\0garbage!" > "$a"',  # bad pickle
        "cat > /dev/null",  # leaves no answer
        "kill -9 $$",  # killed
        f'"{sys.executable}" "$@"; exit 3',  # answers in full, then fails
    ],
)
def test_a_second_process_that_fails_leaves_the_analysis_as_it_would_be(
    long_corpus: Corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, script: str
) -> None:
    expected = Corpus(long_corpus.sources).analysis().paragraphs
    monkeypatch.setattr(apart.sys, "executable", _interpreter(tmp_path, script))
    long_corpus.read_apart()
    assert long_corpus._reading is not None  # started, and then failed
    folder = long_corpus._reading._answer.parent
    assert long_corpus.analysis().paragraphs == expected
    assert not folder.exists(), "the second process's folder was left behind"


@two_cores
@pytest.mark.skipif(sys.platform == "win32", reason="the stand-in interpreter is a shell script")
def test_what_the_interpreter_prints_as_it_starts_is_no_answer(
    long_corpus: Corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A start-up that prints (a .pth file, a sitecustomize) leaves the answer whole."""
    script = f'echo "printed at start-up"; exec "{sys.executable}" "$@"'
    monkeypatch.setattr(apart.sys, "executable", _interpreter(tmp_path, script))
    reading = read_apart(long_corpus.sources)
    assert reading is not None
    folder = reading._answer.parent
    assert reading.result() == [textual(s) for s in long_corpus.sources]
    assert not folder.exists(), "the second process's folder was left behind"


@two_cores
def test_no_interpreter_to_start_reads_here(
    long_corpus: Corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(apart.sys, "executable", str(tmp_path / "no-such-python"))
    assert read_apart(long_corpus.sources) is None


@two_cores
def test_a_cancelled_analysis_stops_the_second_process(long_corpus: Corpus) -> None:
    long_corpus.read_apart()
    reading = long_corpus._reading
    assert reading is not None
    child = reading._child
    assert child is not None

    def cancel(stage: str, done: float) -> None:
        raise AnalysisCancelled

    with pytest.raises(AnalysisCancelled):
        long_corpus.analysis(cancel)
    assert child.returncode is not None, "the second process was left running"
    assert long_corpus._reading is None


@two_cores
def test_the_command_line_reads_a_long_corpus_apart(tmp_path: Path) -> None:
    """The real CLI starts the second process (seen by a stand-in that records its call and
    then runs the real one) and prints what it prints without one."""
    paths = [_long_source(tmp_path / f"s{n}.txt", n) for n in range(2)]
    record = tmp_path / "called"
    stand_in = _interpreter(tmp_path, f'echo "$@" > {record}\nexec {sys.executable} "$@"')
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data")}

    def run(executable: str) -> str:
        code = (
            "import sys; from reader.core import apart; apart.sys.executable = sys.argv.pop(1); "
            "from reader.cli import main; sys.exit(main(sys.argv[1:]))"
        )
        done = subprocess.run(
            [sys.executable, "-c", code, executable, "analyze", *map(str, paths), "--json"],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
        return done.stdout

    alone = run(str(tmp_path / "no-such-python"))
    assert not record.exists()
    assert run(stand_in) == alone
    called = record.read_text(encoding="utf-8")
    assert called.startswith("-I -c ") and "from reader.core.apart import main" in called


def test_a_window_analysis_cancelled_while_linking_stops_the_second_process(
    long_corpus: Corpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.gui.worker import _prepared

    started: list[subprocess.Popen[bytes]] = []

    def recording(sources: object) -> apart.Reading | None:
        reading = read_apart(long_corpus.sources)
        if reading is not None and reading._child is not None:
            started.append(reading._child)
        return reading

    def progress(stage: str, done: float) -> None:
        if stage == "linking":
            raise AnalysisCancelled

    monkeypatch.setattr(corpus_module, "read_apart", recording)
    if apart.cores() < 2:
        pytest.skip("a second process needs a second core")
    with pytest.raises(AnalysisCancelled):
        _prepared(lambda: long_corpus, lambda c: (c.ids()[0], c.ids()[1]), progress, lambda: None)
    assert len(started) == 1
    assert started[0].returncode is not None, "the second process was left running"


@two_cores
def test_a_reading_let_go_of_stops_its_process(long_corpus: Corpus) -> None:
    reading = read_apart(long_corpus.sources)
    assert reading is not None
    child = reading._child
    assert child is not None
    del reading
    gc.collect()
    assert child.returncode is not None


def test_rows_aligned_before_the_labels_are_the_rows_aligned_after() -> None:
    seeds = sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))
    after = Corpus.from_paths(seeds)
    ahead = Corpus.from_paths(seeds)
    pairs = [(a, b) for a in after.ids() for b in after.ids() if a != b]
    for pair in pairs:
        ahead.compare_ahead(*pair)
    assert not ahead.analysed  # aligned on the links alone
    for pair in pairs:
        assert ahead.comparison(*pair).rows == after.comparison(*pair).rows
