"""Differences that change meaning stand apart from rewording (issue: the statement map)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from reader.core.alignment import Group
from reader.core.compare import Comparison, comparison_from_groups
from reader.core.diff import diff_tokens
from reader.core.loading import build_source
from reader.core.segment import Block
from reader.core.substance import Change, ChangeKind, classify_row, diff_changes, highlights
from reader.core.text import tokenize

pytestmark = pytest.mark.core


def changes(left: str, right: str) -> list[Change]:
    return diff_changes(diff_tokens(tokenize(left), tokenize(right)).ops)


def kinds(left: str, right: str) -> list[ChangeKind]:
    return [c.kind for c in changes(left, right)]


def aligned(left: list[str], right: list[str], groups: list[Group]) -> Comparison:
    """Two sources whose sentences are aligned as given, both read as quotations."""
    sources = [
        build_source([Block(t, f"line {n + 1}") for n, t in enumerate(texts)], name)
        for texts, name in ((left, "a"), (right, "b"))
    ]

    def everything(paragraph: int) -> tuple[tuple[int, int], ...]:
        return ((0, 1 << 20),)

    comparison = comparison_from_groups(sources[0], sources[1], groups)
    return replace(comparison, judge=lambda row: classify_row(row, everything, everything))


@pytest.mark.parametrize(
    ("left", "right", "kind"),
    [
        ("à 950 millions d'utilisateurs", "à 900 millions d'utilisateurs", ChangeKind.NUMBER),
        ("depuis 2021", "depuis 2012", ChangeKind.NUMBER),
        ("nous ne sommes pas prêts à partir", "nous sommes prêts à partir", ChangeKind.NEGATION),
        ("we will never leave", "we will leave", ChangeKind.NEGATION),
        ("Lorsque la Russie nous a demandé", "Lorsque l'Iran nous a demandé", ChangeKind.NAME),
        ("selon Marc Dubois, porte-parole", "selon Jean Dubois, porte-parole", ChangeKind.NAME),
        (
            "Il faut concilier les lois. Il faut tenir compte des limites technologiques.",
            "Il faut concilier les lois.",
            ChangeKind.SENTENCE,
        ),
        ("notre expérience est façonnée", "notre vécu est modelé", ChangeKind.WORDING),
    ],
)
def test_change_is_classified(left: str, right: str, kind: ChangeKind) -> None:
    assert kind in kinds(left, right)


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("pendant 4 jours", "pendant quatre jours"),
        ("demander de l’aide", "demander de l'aide"),
        ("« Adresse Telegram »", "«\u00a0Adresse Telegram\u00a0»"),
        ("Le mois dernier", "le mois dernier"),
        ("1 000 personnes", "1\u202f000 personnes"),
    ],
)
def test_typography_and_number_words_are_no_difference(left: str, right: str) -> None:
    assert changes(left, right) == []
    assert diff_tokens(tokenize(left), tokenize(right)).similarity == 1.0


def test_emoji_is_on_its_side_but_not_a_difference() -> None:
    assert kinds("❤️ Merci à tous", "Merci à tous") == [ChangeKind.IGNORED]
    emoji = aligned(["❤️ Merci à tous"], ["Merci à tous"], [Group((0,), (0,))])
    assert highlights(emoji, 0, -1) == []


def test_highlights_fall_on_the_right_paragraph_and_offsets() -> None:
    left = ["Merci à tous.", "Le mois dernier, j'ai été interrogé pendant quatre jours."]
    right = ["Merci à toutes.", "Le mois passé, j'ai été interrogé 4 jours."]
    two = aligned(left, right, [Group((0,), (0,)), Group((1,), (1,))])
    assert len(two.rows) == 2
    left_spans = {
        (h.paragraph, left[h.paragraph][h.start : h.end])
        for n in range(2)
        for h in highlights(two, n, -1)
    }
    right_spans = {
        (h.paragraph, right[h.paragraph][h.start : h.end])
        for n in range(2)
        for h in highlights(two, n, 1)
    }
    assert left_spans == {(0, "tous"), (1, "dernier"), (1, "pendant")}
    # "4" and "quatre" are equal but not of one length: right offsets still fall right.
    assert right_spans == {(0, "toutes"), (1, "passé")}
