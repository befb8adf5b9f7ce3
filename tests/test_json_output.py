"""The command line prints its JSON a piece at a time: the text must be json.dumps's."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from reader.cli import _json_pieces

_SCALARS = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text()
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.tuples(inner, inner)
        | st.dictionaries(st.text(max_size=5), inner, max_size=4)
        | st.dictionaries(st.integers(), inner, min_size=1, max_size=2)
    ),
    max_leaves=30,
)


@given(_VALUES, st.integers(min_value=0, max_value=6))
def test_pieces_join_to_what_json_dumps_writes(value: object, depth: int) -> None:
    assert "".join(_json_pieces(value, depth)) == json.dumps(value, ensure_ascii=False)


def test_a_nested_value_comes_in_several_pieces() -> None:
    value = {"rows": [{"diff": ((0, "a b"),), "sentences": [{"moved": False}]}] * 3}
    pieces = list(_json_pieces(value, 4))
    assert len(pieces) > 10
    assert "".join(pieces) == json.dumps(value, ensure_ascii=False)
