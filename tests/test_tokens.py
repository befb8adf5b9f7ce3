"""Tokens held as columns read back as the tokens they stand for."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.core.loading import make_paragraph
from reader.core.text import Kind, Token, content_count, tokenize_columns

pytestmark = pytest.mark.core

_TEXT = st.text(
    st.sampled_from(list("ab éÉ1,.’'«»—-!?…\u00a0\u202f>•*🙂\t")) | st.characters(), max_size=80
)


@given(_TEXT)
def test_columns_read_back_as_tokens_covering_the_text(text: str) -> None:
    tokens = tokenize_columns(text)
    made = list(tokens)
    assert "".join(t.text for t in made) == text
    assert [tokens[i] for i in range(len(tokens))] == made
    assert tokens[1:-1] == made[1:-1]
    assert tokens.keys() == [t.key for t in made]
    assert list(tokens.starts) == [t.start for t in made]
    assert list(tokens.ends) == [t.end for t in made]
    assert content_count(tokens) == content_count(made)
    for token in made:
        assert isinstance(token, Token)
        assert text[token.start : token.end] == token.text.rstrip() or token.kind is Kind.MARKER


def test_a_list_marker_leads_and_is_ignored() -> None:
    tokens = tokenize_columns("- Douze écoles, dit-il.")
    assert tokens[0] == Token("- ", "", "", Kind.MARKER, 0, 1)
    assert [t.norm for t in tokens[1:3]] == ["12", "écoles"]  # a number word compares as one
    assert tokens.content_count() == 4


def test_equal_paragraphs_are_equal_and_hash_alike() -> None:
    one = make_paragraph(0, "Le ministre a promis douze écoles.", "line 1", "french")
    two = make_paragraph(0, "Le ministre a promis douze écoles.", "line 1", "french")
    other = make_paragraph(0, "Le ministre a promis treize écoles.", "line 1", "french")
    assert one == two and hash(one) == hash(two)
    assert one != other


def test_offsets_past_sixteen_bits_stay_exact() -> None:
    text = "mot " * 20_000 + "fin."  # 80,004 characters: past what 16-bit offsets hold
    tokens = tokenize_columns(text)
    assert tokens.starts[-1] == len(text) - 1
    assert tokens.ends[-2] == len(text) - 1
    assert tokens[-2] == Token("fin", "fin", "fin", Kind.WORD, len(text) - 4, len(text) - 1)
    assert "".join(tokens.texts) == text
