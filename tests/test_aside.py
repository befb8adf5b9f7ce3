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

forks = pytest.mark.skipif(
    not sys.platform.startswith("linux") or aside_module.cores() < 2,
    reason="the child process is used on Linux with two cores or more",
)


@forks
@settings(max_examples=25, deadline=None)
@given(st.lists(st.text(max_size=300), max_size=40))
def test_the_child_sends_exactly_the_text_it_made(pieces: list[str]) -> None:
    parent = os.getpid()
    made_in: list[int] = []

    def make() -> list[str]:
        made_in.append(os.getpid())  # only seen here if it ran in this process
        return pieces

    assert "".join(aside(make)()) == "".join(pieces)
    assert made_in == [], f"made in process {parent}, not in a child"


@forks
def test_text_past_a_pipe_buffer_and_split_characters_arrive_whole() -> None:
    text = "é€😀 " * 200_000  # multi-byte characters across every chunk boundary
    assert "".join(aside(lambda: [text])()) == text


@forks
def test_a_child_that_fails_leaves_the_text_to_this_process() -> None:
    calls: list[int] = []

    def make() -> list[str]:
        calls.append(os.getpid())
        if os.getpid() != here:
            raise MemoryError("no room in the child")
        return ["made here"]

    here = os.getpid()
    assert "".join(aside(make)()) == "made here"
    assert calls == [here]


def test_without_fork_the_text_is_made_when_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(aside_module.sys, "platform", "win32")
    calls: list[int] = []
    read = aside(lambda: calls.append(1) or ["a", "b"])
    assert calls == []
    assert "".join(read()) == "ab"
    assert calls == [1]


@forks
def test_compare_json_is_the_same_with_rows_diffed_in_a_child(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    left, right = tmp_path / "left.txt", tmp_path / "right.txt"
    verses = [
        f"Verse {n}: the crowd went up to the hill and heard him speak of {n}." for n in range(300)
    ]
    left.write_text("\n\n".join(verses), encoding="utf-8")
    right.write_text(
        "\n\n".join(v.replace("crowd", "people") for v in verses[5:]), encoding="utf-8"
    )
    args = ["compare", str(left), str(right), "--json"]
    monkeypatch.setattr(cli, "_ASIDE_FROM", 0)
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


@forks
def test_the_command_line_prints_the_same_with_and_without_parallel(tmp_path: Path) -> None:
    left, right = tmp_path / "left.txt", tmp_path / "right.txt"
    words = "river stone bread lantern harbour orchard thunder violin meadow ladder".split()
    paragraphs = [
        " ".join(words[(n * k) % len(words)] for k in range(1, 40)).capitalize() + f" {n}."
        for n in range(700)
    ]
    left.write_text("\n\n".join(paragraphs), encoding="utf-8")
    right.write_text("\n\n".join(p.replace("stone", "rock") for p in paragraphs), encoding="utf-8")
    assert left.stat().st_size + right.stat().st_size > cli._ASIDE_FROM  # past the threshold
    command = [sys.executable, "-m", "reader", "compare", str(left), str(right), "--json"]
    printed = [
        subprocess.run(command + extra, capture_output=True, text=True, check=True, cwd=tmp_path)
        for extra in ([], ["--parallel"])
    ]
    assert printed[1].stdout == printed[0].stdout
    assert printed[1].stderr == printed[0].stderr == ""
    assert len(json.loads(printed[1].stdout)["rows"]) >= 690
