"""Differences that change meaning stand apart from rewording (issue: the statement map)."""

from __future__ import annotations

import pytest

from reader.core.compare import Row
from reader.core.diff import diff_tokens
from reader.core.substance import ChangeKind, changes, highlights
from reader.core.text import tokenize

pytestmark = pytest.mark.core


def row(left: str, right: str) -> Row:
    result = diff_tokens(tokenize(left), tokenize(right))
    return Row((0,), (0,), result.similarity, result.ops)


def kinds(left: str, right: str) -> list[ChangeKind]:
    return [c.kind for c in changes(row(left, right))]


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
    assert changes(row(left, right)) == []
    assert row(left, right).similarity == 1.0


def test_emoji_is_on_its_side_but_not_a_difference() -> None:
    assert kinds("❤️ Merci à tous", "Merci à tous") == [ChangeKind.IGNORED]
    assert highlights(row("❤️ Merci à tous", "Merci à tous"), -1) == []


def test_highlights_fall_on_the_right_paragraph_and_offsets() -> None:
    left = ["Merci à tous.", "Le mois dernier, j'ai été interrogé pendant 4 jours."]
    right = ["Merci à toutes.", "Le mois passé, j'ai été interrogé 4 jours."]
    result = diff_tokens(tokenize("\n".join(left)), tokenize("\n".join(right)))
    two = Row((3, 4), (7, 8), result.similarity, result.ops)
    left_spans = {
        (h.paragraph, left[h.paragraph - 3][h.start : h.end]) for h in highlights(two, -1)
    }
    right_spans = {
        (h.paragraph, right[h.paragraph - 7][h.start : h.end]) for h in highlights(two, 1)
    }
    assert left_spans == {(3, "tous"), (4, "dernier"), (4, "pendant")}
    assert right_spans == {(7, "toutes"), (8, "passé")}
