"""Invariants that hold for any input, checked on generated corpora (hypothesis)."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from reader.core import Corpus, Label
from reader.core.diff import diff_tokens, rebuild
from reader.core.loading import build_source
from reader.core.segment import split_paragraphs
from reader.core.text import tokenize
from reader.paths import bundled_sources

pytestmark = pytest.mark.core

_SEED_SENTENCES = [
    s.strip() + "."
    for path in bundled_sources()[:3]
    for s in path.read_text(encoding="utf-8").replace("\n", " ").split(".")
    if len(s.split()) > 4
][:80]

words = st.sampled_from(
    (
        "le la les Telegram Durov nous je il a dit que pas ne jamais 4 quatre 950 millions "
        "l’aide l'aide « » — – ❤️ Paris: ; ! ? … 1. > <strong> &amp; été à"
    ).split()
)
phrase = st.lists(words, min_size=1, max_size=25).map(" ".join)
sentence = st.one_of(st.sampled_from(_SEED_SENTENCES), phrase)
paragraph = st.lists(sentence, min_size=1, max_size=4).map(" ".join)
source_paragraphs = st.lists(paragraph, min_size=1, max_size=8)

SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def make_corpus(texts: list[list[str]]) -> Corpus:
    sources = []
    for n, paragraphs in enumerate(texts):
        blocks = split_paragraphs("\n".join(paragraphs))
        if blocks:
            sources.append(build_source(blocks, f"s{n}"))
    return Corpus(sources)


@SETTINGS
@given(st.lists(source_paragraphs, min_size=2, max_size=4))
def test_every_paragraph_gets_exactly_one_label(texts: list[list[str]]) -> None:
    corpus = make_corpus(texts)
    for source in corpus.sources:
        analysed = corpus.paragraph_analysis(source.id)
        assert len(analysed) == len(source.paragraphs)
        assert all(isinstance(a.label, Label) for a in analysed)
        assert all(0.0 <= a.confidence <= 1.0 for a in analysed)


@SETTINGS
@given(st.lists(source_paragraphs, min_size=2, max_size=3))
def test_every_paragraph_is_in_exactly_one_row(texts: list[list[str]]) -> None:
    corpus = make_corpus(texts)
    if len(corpus.sources) < 2:
        return
    left, right = corpus.sources[0], corpus.sources[1]
    rows = corpus.comparison(left.id, right.id).rows
    lefts = sorted(p for row in rows for p in row.left)
    rights = sorted(p for row in rows for p in row.right)
    assert lefts == list(range(len(left.paragraphs)))
    assert rights == list(range(len(right.paragraphs)))
    assert all(row.left or row.right for row in rows)
    # rows come in left-source order
    firsts = [min(row.left) for row in rows if row.left]
    assert firsts == sorted(firsts)


_MILL = (
    "Nous avons longtemps marché sous la pluie froide vers le vieux moulin du village, "
    "lorsque le meunier nous a demandé de porter les sacs de farine jusqu’à la grange pour "
    "faire face à la disette annoncée."
)


@SETTINGS
@given(st.lists(source_paragraphs, min_size=2, max_size=3))
@example(  # a sentence opened by an en dash inside a paragraph, by an em dash alone
    [["— " + _MILL], ["Le récit commence ainsi. ! – " + _MILL]]
)
def test_rows_and_sentences_rebuild_their_texts(texts: list[list[str]]) -> None:
    corpus = make_corpus(texts)
    if len(corpus.sources) < 2:
        return
    left, right = corpus.sources[0], corpus.sources[1]
    for comparison in (corpus.comparison(left.id, right.id), corpus.comparison(right.id, left.id)):
        _check_rows(comparison)


def _check_rows(comparison) -> None:
    sides = (comparison.left, comparison.right)
    for row in comparison.rows:
        texts = [
            "\n".join(s.paragraphs[p].text for p in ps)
            for s, ps in zip(sides, (row.left, row.right), strict=True)
        ]
        assert rebuild(row.diff, -1) == texts[0]
        assert _normalised(rebuild(row.diff, 1)) == _normalised(texts[1])
        taken: dict[int, set[tuple[int, int]]] = {-1: set(), 1: set()}
        for pair in row.sentences:
            for side, spans, paragraphs, source in (
                (-1, pair.left, row.left, sides[0]),
                (1, pair.right, row.right, sides[1]),
            ):
                for span in spans:
                    assert span.paragraph in paragraphs
                    assert 0 <= span.start < span.end <= len(source.paragraphs[span.paragraph].text)
                    chars = {(span.paragraph, c) for c in range(span.start, span.end)}
                    assert not chars & taken[side]  # sentence spans never overlap
                    taken[side] |= chars
            own = [
                "\n".join(sides[k].paragraphs[s.paragraph].text[s.start : s.end] for s in spans)
                for k, spans in enumerate((pair.left, pair.right))
            ]
            assert rebuild(pair.diff, -1) == own[0]
            assert _normalised(rebuild(pair.diff, 1)) == _normalised(own[1])
        # Every word of the row is in one of its sentences.
        for side, paragraphs, source in ((-1, row.left, sides[0]), (1, row.right, sides[1])):
            for p in paragraphs:
                text = source.paragraphs[p].text
                words = {c for c, ch in enumerate(text) if ch.isalnum()}
                assert words <= {c for q, c in taken[side] if q == p}


def _normalised(text: str) -> str:
    """The text's words as the diff compares them, with the dash or bullet that may open it
    read as one dash: at a paragraph's start such a mark is a list marker, elsewhere a dash,
    and a side rebuilt from the other side's equal text takes that side's mark. A mark
    dropped or doubled still shows."""
    return "".join(t.norm for t in tokenize(_OPENING_MARK.sub("x - ", text)))


_OPENING_MARK = re.compile(r"^[-*•▪◦‐‑‒–—―]\s+")


@SETTINGS
@given(st.text(max_size=300), st.text(max_size=300))
def test_diff_rebuilds_both_sides_of_any_text(left: str, right: str) -> None:
    ops = diff_tokens(tokenize(left), tokenize(right)).ops
    assert rebuild(ops, -1) == left
    rebuilt = rebuild(ops, 1)
    # Equal stretches are spelled as the left text spells them: the right side is rebuilt
    # exactly up to what comparison ignores (typography, case, number words).
    assert _normalised(rebuilt) == _normalised(right)


# One spelling per word: no case, apostrophe, quote or number-word variants.
plain = st.lists(
    st.sampled_from("le la nous il a dit que pas ne 950 millions aide , . ! ❤️ 1. >".split()),
    min_size=1,
    max_size=30,
).map(" ".join)


@SETTINGS
@given(plain, plain)
def test_diff_rebuilds_the_right_side_exactly_when_spelling_agrees(left: str, right: str) -> None:
    ops = diff_tokens(tokenize(left), tokenize(right)).ops
    assert rebuild(ops, -1) == left
    assert rebuild(ops, 1) == right


def test_typographic_variants_are_equal_in_the_diff() -> None:
    left = "On m'a dit : « Adresse Telegram UE » pendant 4 jours."
    right = "On m’a dit\u202f: «\u00a0Adresse Telegram UE\u00a0» pendant quatre jours."
    result = diff_tokens(tokenize(left), tokenize(right))
    assert [op for op, _ in result.ops] == [0]
    assert result.similarity == 1.0
