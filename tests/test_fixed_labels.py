"""Labels a reader fixed are kept, and the paragraphs around them are judged knowing them."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.classify import FIXED_EVIDENCE, classify
from reader.core.linking import link_corpus
from reader.core.loading import source_from_bytes
from reader.core.model import Label
from reader.core.units import UnitTable

pytestmark = pytest.mark.core

TEXT = """Le conseil municipal s'est réuni hier soir pour débattre du budget.

Les élus ont longuement discuté des travaux prévus sur la place du marché.

Le maire a pris la parole à la fin de la séance, devant une salle comble.

Le projet de rénovation sera soumis au vote le mois prochain.

La séance a été levée peu avant minuit, sans vote sur le projet.
"""


def _run(fixed=None):
    source = source_from_bytes(TEXT.encode(), Path("conseil.txt"), "conseil")
    table = UnitTable([source])
    links = link_corpus(table)
    return classify([source], table, links, fixed=fixed)[0]


def test_a_fixed_label_wins_and_says_so() -> None:
    engine = _run()
    assert engine[1].label == Label.COMMENTARY
    fixed = _run({(0, 1): Label.QUOTATION})
    assert fixed[1].label == Label.QUOTATION
    assert fixed[1].confidence == 1.0
    assert fixed[1].evidence[0] == FIXED_EVIDENCE
    assert FIXED_EVIDENCE not in fixed[0].evidence


def test_neighbours_are_judged_knowing_the_fixed_label() -> None:
    """Quotations come in runs: a neighbour's belief in quotation rises beside a fixed one."""
    engine = _run()
    fixed = _run({(0, 1): Label.QUOTATION, (0, 3): Label.QUOTATION})
    assert engine[2].label == Label.COMMENTARY
    assert fixed[2].label == Label.COMMENTARY
    assert fixed[2].confidence < engine[2].confidence


def test_fixed_labels_out_of_range_are_ignored() -> None:
    assert [p.label for p in _run({(5, 0): Label.QUOTATION, (0, 99): Label.BOILERPLATE})] == [
        p.label for p in _run()
    ]
