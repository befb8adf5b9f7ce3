"""Start-up imports only what the command needs: help and errors come before the engine."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.cli

ROOT = Path(__file__).resolve().parents[1]
HEAVY = ("numpy", "PySide6", "reader.core.corpus", "reader.core.speech")

_PROBE = """
import sys
from reader.cli import main
try:
    code = main(sys.argv[1:])
except SystemExit as exc:
    code = exc.code
print(code, *[m for m in {heavy!r} if m in sys.modules], file=sys.stderr)
"""


def imported(*args: str, heavy: tuple[str, ...] = HEAVY) -> tuple[str, list[str]]:
    """Run the command line in a fresh interpreter; return its exit code and heavy imports."""
    done = subprocess.run(
        [sys.executable, "-c", _PROBE.format(heavy=heavy), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    code, *modules = done.stderr.strip().splitlines()[-1].split()
    return code, modules


@pytest.mark.parametrize("args", [["--help"], ["compare", "--help"], ["--version"]])
def test_help_imports_no_engine(args: list[str]) -> None:
    code, modules = imported(*args)
    assert code in ("0", "None") and modules == []


def test_usage_error_imports_no_engine() -> None:
    code, modules = imported("compare", "only-one.txt")
    assert code == "2" and modules == []


def test_missing_file_is_reported_before_numpy(tmp_path: Path) -> None:
    code, modules = imported("compare", str(tmp_path / "gone.txt"), str(tmp_path / "b.txt"))
    assert code == "2"
    assert not {"numpy", "PySide6"} & set(modules)


# Labelling compares no pair and reads UTF-8 files: these wait for a command that needs them.
UNNEEDED_BY_ANALYZE = ("rapidfuzz", "reader.core.compare", "charset_normalizer", "scipy")


def test_analyze_loads_neither_the_diff_library_nor_the_encoding_detector() -> None:
    code, modules = imported("analyze", "000", "002", "--json", heavy=UNNEEDED_BY_ANALYZE)
    assert code in ("0", "None") and modules == []


def test_compare_loads_the_diff_library_when_it_needs_it() -> None:
    code, modules = imported("compare", "000", "002", "--json", heavy=UNNEEDED_BY_ANALYZE)
    assert code in ("0", "None") and "rapidfuzz" in modules
