"""Starting the window where it cannot open: one line that says why, exit 1, never Qt's abort."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.gui.display import XCB_LIBRARIES, display_problem

ROOT = Path(__file__).resolve().parents[1]


def start(tmp_path: Path, **extra: str) -> subprocess.CompletedProcess[str]:
    """`python -m reader` in an environment holding only what a bare shell would, plus extra."""
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin"),
        "HOME": str(tmp_path),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "PYTHONPATH": str(ROOT),
        **extra,
    }
    return subprocess.run(
        [sys.executable, "-m", "reader"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
    )


def one_line(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 1, (result.returncode, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    return lines[0]


@pytest.mark.cli
def test_no_display_is_one_line_and_exit_1(tmp_path: Path) -> None:
    line = one_line(start(tmp_path))
    assert "no display" in line and "DISPLAY" in line and "WAYLAND_DISPLAY" in line
    assert "command line" in line and "analyze" in line


@pytest.mark.cli
def test_a_missing_xcb_library_names_what_to_install(tmp_path: Path) -> None:
    # The check looks for the libraries the variable names: one that exists nowhere stands
    # for a library this machine lacks. DISPLAY points nowhere: Qt must not even be reached.
    result = start(
        tmp_path, DISPLAY=":4242", SYNOPSIS_XCB_LIBRARIES="xcb-cursor xcb-synopsis-absent"
    )
    line = one_line(result)
    assert "xcb-synopsis-absent" in line
    assert "apt install libxcb-synopsis-absent" in line and "dnf install" in line
    assert "xcb-cursor" not in line.split("(")[1].split(")")[0]  # only what is missing


def test_the_message_names_debian_and_fedora_packages() -> None:
    line = display_problem({"DISPLAY": ":0"}, loadable=lambda name: name != "xcb-cursor")
    assert line is not None
    assert "libxcb-cursor0" in line and "xcb-util-cursor" in line
    assert "libxcb-icccm4" not in line  # present libraries are not asked for
    every = display_problem({"DISPLAY": ":0"}, loadable=lambda name: False)
    assert every is not None
    for debian, fedora in XCB_LIBRARIES.values():
        assert debian in every and fedora in every


def test_where_the_window_can_open_nothing_is_said() -> None:
    assert display_problem({"DISPLAY": ":0"}, loadable=lambda name: True) is None
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}, loadable=lambda n: False) is None
    wayland = {"WAYLAND_DISPLAY": "wayland-0", "XDG_SESSION_TYPE": "wayland"}
    assert display_problem(wayland, loadable=lambda name: False) is None
    assert display_problem({}, platform="darwin") is None
