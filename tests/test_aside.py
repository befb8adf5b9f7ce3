"""Text made in a forked child (reader.aside) is the text made in-process, or it is made here."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader import aside as aside_module
from reader import cli
from reader.aside import aside
from reader.core import apart, machine

forks = pytest.mark.skipif(
    not sys.platform.startswith("linux") or apart.cores() < 2,
    reason="the child process is used on Linux with two cores or more",
)


@pytest.fixture
def forking(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fork although the test process has loaded Qt (the children here touch no Qt, and
    leave by os._exit); the product itself never forks a process that has."""
    monkeypatch.setattr(aside_module, "forkable", lambda: True)


def test_a_process_that_has_loaded_qt_makes_the_text_itself() -> None:
    import PySide6.QtCore  # noqa: F401  (loaded by pytest-qt already; named here to be sure)

    assert not aside_module.forkable()
    calls: list[int] = []
    read = aside(lambda: calls.append(os.getpid()) or ["text"])
    assert "".join(read()) == "text"
    assert calls == [os.getpid()]


@forks
@settings(max_examples=25, deadline=None)
@given(st.lists(st.text(max_size=300), max_size=40))
def test_the_child_sends_exactly_the_text_it_made(pieces: list[str]) -> None:
    made_in: list[int] = []

    def make() -> list[str]:
        made_in.append(os.getpid())  # only seen here if it ran in this process
        return pieces

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(aside_module, "forkable", lambda: True)  # as the `forking` fixture
        assert "".join(aside(make)()) == "".join(pieces)
    assert made_in == [], "made in this process, not in a child"


@forks
def test_text_past_a_pipe_buffer_and_split_characters_arrive_whole(forking: None) -> None:
    text = "é€😀 " * 200_000  # multi-byte characters across every chunk boundary
    assert "".join(aside(lambda: [text])()) == text


@forks
def test_a_child_that_fails_leaves_the_text_to_this_process(forking: None) -> None:
    here = os.getpid()
    calls: list[int] = []

    def make() -> list[str]:
        calls.append(os.getpid())
        if os.getpid() != here:
            raise MemoryError("no room in the child")
        return ["made here"]

    assert "".join(aside(make)()) == "made here"
    assert calls == [here]


@forks
def test_a_child_that_stops_half_way_is_an_error_not_a_short_text(
    forking: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    def half(make_text, fd: int) -> None:  # type: ignore[no-untyped-def]
        data = "".join(make_text()).encode()
        with open(fd, "wb") as out:
            out.write(aside_module._HEADER.pack(len(data)))
            out.write(data[: len(data) // 2])
        os._exit(1)

    monkeypatch.setattr(aside_module, "_make_and_send", half)
    with pytest.raises(aside_module.ChildFailed, match="without --parallel"):
        "".join(aside(lambda: ["y" * 100_000])())


def test_without_fork_the_text_is_made_when_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(aside_module.sys, "platform", "win32")
    assert not aside_module.forkable()
    calls: list[int] = []
    read = aside(lambda: calls.append(1) or ["a", "b"])
    assert calls == []
    assert "".join(read()) == "ab"
    assert calls == [1]


@forks
def test_compare_json_is_the_same_with_rows_diffed_in_a_child(
    forking: None,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    left, right = _long_pair(tmp_path, 300)
    args = ["compare", str(left), str(right), "--json"]
    monkeypatch.setattr(machine, "SECOND_PROCESS_FROM", 0)
    forked: list[int] = []
    real_fork = os.fork
    monkeypatch.setattr(os, "fork", lambda: forked.append(1) or real_fork())

    assert cli.main(args) == 0
    alone = capsys.readouterr().out
    assert forked == []  # one process unless asked
    assert cli.main([*args, "--parallel"]) == 0
    beside = capsys.readouterr().out

    assert forked == [1]
    assert beside == alone
    assert len(json.loads(beside)["rows"]) >= 290


# Runs the command line with os.fork counted: the count goes to the file named first.
_COUNTING = """
import os, sys
real_fork, path = os.fork, sys.argv.pop(1)
def counted():
    pid = real_fork()
    if pid:
        with open(path, "a") as out:
            out.write("fork\\n")
    return pid
os.fork = counted
from reader.cli import main
sys.exit(main(sys.argv[1:]))
"""


@forks
def test_the_command_line_prints_the_same_with_and_without_parallel(tmp_path: Path) -> None:
    left, right = _long_pair(tmp_path, 900)
    counts = tmp_path / "forks.txt"
    command = [sys.executable, "-c", _COUNTING, str(counts), "compare", str(left), str(right)]
    printed = [
        subprocess.run(
            [*command, "--json", *extra],
            capture_output=True,
            text=True,
            check=True,
            cwd=tmp_path,
        )
        for extra in ([], ["--parallel"])
    ]
    assert counts.read_text() == "fork\n"  # the second run only, past the threshold
    assert printed[1].stdout == printed[0].stdout
    assert printed[1].stderr == printed[0].stderr == ""
    assert len(json.loads(printed[1].stdout)["rows"]) >= 890


def test_parallel_without_json_is_refused_in_one_line(tmp_path: Path) -> None:
    left, right = _long_pair(tmp_path, 3)
    done = subprocess.run(
        [sys.executable, "-m", "reader", "compare", str(left), str(right), "--parallel"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert done.returncode == cli.EXIT_INPUT
    assert done.stdout == ""
    assert done.stderr.count("\n") == 1 and "--json" in done.stderr


def _long_pair(folder: Path, paragraphs: int) -> tuple[Path, Path]:
    words = "river stone bread lantern harbour orchard thunder violin meadow ladder".split()
    texts = [
        " ".join(words[(n * k) % len(words)] for k in range(1, 40)).capitalize() + f" {n}."
        for n in range(paragraphs)
    ]
    left, right = folder / "left.txt", folder / "right.txt"
    left.write_text("\n\n".join(texts), encoding="utf-8")
    right.write_text("\n\n".join(t.replace("stone", "rock") for t in texts[5:]), encoding="utf-8")
    return left, right
