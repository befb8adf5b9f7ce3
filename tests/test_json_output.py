"""The command line prints its JSON a piece at a time: the text must be json.dumps's."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from reader.cli import _json_pieces

_SCALARS = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text()
# Keys the printer writes an item at a time among others, so that both paths are drawn.
_KEYS = st.sampled_from(["rows", "paragraphs", "sources", "diff", "left"]) | st.text(max_size=5)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.tuples(inner, inner)
        | st.dictionaries(_KEYS, inner, max_size=4)
        | st.dictionaries(st.integers(), inner, min_size=1, max_size=2)
    ),
    max_leaves=30,
)


@given(st.dictionaries(_KEYS, _VALUES, max_size=4))
def test_pieces_join_to_what_json_dumps_writes(value: dict[str, object]) -> None:
    assert "".join(_json_pieces(value)) == json.dumps(value, ensure_ascii=False)


def test_each_row_and_paragraph_is_a_piece_of_its_own() -> None:
    rows = [{"left": [n], "diff": ((0, "a b"),), "sentences": [{"moved": False}]} for n in range(3)]
    value = {"left": {"paragraphs": [{"text": "x"}, {"text": "y"}]}, "rows": rows}
    pieces = list(_json_pieces(value))
    assert json.dumps(rows[1], ensure_ascii=False) in pieces
    assert json.dumps({"text": "y"}) in pieces
    assert "".join(pieces) == json.dumps(value, ensure_ascii=False)
