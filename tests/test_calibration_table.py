"""The labelling modules take their weights and cut-offs from reader/core/calibration.py only."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from reader.core import calibration

pytestmark = pytest.mark.core

_CORE = Path(calibration.__file__).parent
_MODULES = ("classify.py", "cues.py", "passages.py")
# Zero and one are the bounds of a probability or a score, not hand-set numbers.
_BOUNDS = {0.0, 1.0}


def _hand_set_floats(source: str) -> list[tuple[int, float]]:
    return [
        (node.lineno, node.value)
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Constant)
        and isinstance(node.value, float)
        and node.value not in _BOUNDS
    ]


@pytest.mark.parametrize("module", _MODULES)
def test_no_weight_or_cut_off_is_written_inline(module: str) -> None:
    found = _hand_set_floats((_CORE / module).read_text(encoding="utf-8"))
    assert found == [], f"{module}: move these into calibration.py: {found}"


def test_the_check_sees_a_float_written_inline() -> None:
    assert _hand_set_floats("x = 1.0 * y + 0.0\n") == []
    assert _hand_set_floats("if s >= 0.5:\n    z += 1e-12\n") == [(1, 0.5), (2, 1e-12)]


def test_every_weight_and_cut_off_has_its_reason_beside_it() -> None:
    """Each named value in calibration.py has a comment above it, itself or its group's."""
    lines = Path(calibration.__file__).read_text(encoding="utf-8").splitlines()
    tree = ast.parse("\n".join(lines))
    for node in tree.body:
        if not isinstance(node, ast.Assign):
            continue
        above = node.lineno - 2  # a run of assignments shares the comment at its head
        while above >= 0 and lines[above].strip() and not lines[above].startswith("#"):
            above -= 1
        name = ast.unparse(node.targets[0])
        assert above >= 0 and lines[above].startswith("#"), f"{name} has no reason beside it"
