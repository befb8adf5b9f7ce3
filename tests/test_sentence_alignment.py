"""Sentences first: moved sentences are equal, and meaning is judged only inside quotes.

The press cases are written for these tests (French, as the bundled sources): a source that
quotes two of a statement's sentences in the other order, a partial quote wrapped in a
reporting frame, and a real change of figure inside a quotation.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from reader.core import Corpus
from reader.core.alignment import Group
from reader.core.compare import Comparison, comparison_from_groups
from reader.core.loading import build_source
from reader.core.quotes import quoted_ranges
from reader.core.segment import Block
from reader.core.substance import ChangeKind, classify_row, highlights

pytestmark = pytest.mark.core

COMMUNIQUE = [
    "Le conseil municipal a voté mardi la rénovation complète de la piscine Jean-Moulin.",
    "Les travaux coûteront 3,2 millions d'euros et dureront quatorze mois. "
    "Les bassins extérieurs resteront ouverts pendant tout le chantier.",
    "La maire remercie les associations sportives pour leur patience.",
]


def corpus(*sources: list[str]) -> Corpus:
    return Corpus(
        [
            build_source([Block(t, f"line {n + 1}") for n, t in enumerate(texts)], f"s{k}")
            for k, texts in enumerate(sources)
        ]
    )


def test_two_sentences_quoted_in_the_other_order_are_equal_and_moved() -> None:
    reordered = [
        "Le conseil municipal a voté mardi la rénovation complète de la piscine Jean-Moulin.",
        "Les bassins extérieurs resteront ouverts pendant tout le chantier. "
        "Les travaux coûteront 3,2 millions d'euros et dureront quatorze mois.",
        "La maire remercie les associations sportives pour leur patience.",
    ]
    comparison = corpus(COMMUNIQUE, reordered).comparison("s0", "s1")
    row = next(r for r in comparison.rows if 1 in r.left)
    assert row.right == (1,)
    pairs = [p for p in row.sentences if p.left and p.left[0].paragraph == 1]
    assert len(pairs) == 2 and all(p.matched for p in pairs)
    assert [p.moved for p in pairs].count(True) == 1  # one of the two stands out of order
    assert all(op == 0 for p in pairs for op, _ in p.diff)  # never deleted and inserted
    assert not comparison.left_differs[1] and not comparison.right_differs[1]
    n = comparison.rows.index(row)
    kinds = {h.kind for side in (-1, 1) for h in highlights(comparison, n, side)}
    assert kinds == {ChangeKind.MOVED}


def quoted(left: list[str], right: list[str]) -> Comparison:
    """Statement-like text on the left, a press paragraph on the right, both quotations."""
    sources = [
        build_source([Block(t, f"line {n + 1}") for n, t in enumerate(texts)], name)
        for texts, name in ((left, "a"), (right, "b"))
    ]
    comparison = comparison_from_groups(sources[0], sources[1], [Group((0,), (0,))])

    def parts(source):
        return lambda p: quoted_ranges(source.paragraphs[p].text)

    judge = parts(sources[0]), parts(sources[1])
    return replace(comparison, judge=lambda row: classify_row(row, *judge))


def test_a_partial_quote_in_a_reporting_frame_changes_no_meaning() -> None:
    statement = ["Les travaux coûteront 3,2 millions d'euros, pas un centime de plus, à la ville."]
    press = ["« Les travaux coûteront 3,2 millions d'euros », écrit-elle, sans plus de détail."]
    comparison = quoted(statement, press)
    found = comparison.changes(0)
    assert found  # the frame and the part left unquoted are differences…
    assert not [c for c in found if c.kind.substantive]  # …but none of meaning


def test_a_changed_figure_inside_the_quotation_is_a_change_of_meaning() -> None:
    statement = ["Les travaux coûteront 3,2 millions d'euros et dureront quatorze mois."]
    press = ["« Les travaux coûteront 2,3 millions d'euros et dureront quatorze mois », dit-elle."]
    comparison = quoted(statement, press)
    kinds = [c.kind for c in comparison.changes(0)]
    assert ChangeKind.NUMBER in kinds


def test_a_negation_dropped_outside_the_quote_is_no_change() -> None:
    statement = ["Nous ne fermerons pas la piscine, même pendant les travaux."]
    press = ["La maire assure qu'elle ne veut « pas la piscine fermée »."]
    kinds = [c.kind for c in quoted(statement, press).changes(0)]
    assert ChangeKind.NEGATION not in kinds


def test_quoted_ranges_follow_the_marks() -> None:
    text = "Il ajoute : « Nous sommes prêts » et « partirons »."
    assert [text[a:b] for a, b in quoted_ranges(text)] == ["Nous sommes prêts", "partirons"]
    assert quoted_ranges("Sans guillemets.") == ((0, 16),)
    opened = "« Une citation qui continue au paragraphe suivant"
    assert [opened[a:b] for a, b in quoted_ranges(opened)] == [opened[2:]]
    closed = "fin de la citation », conclut-il."
    assert [closed[a:b] for a, b in quoted_ranges(closed)] == ["fin de la citation"]
