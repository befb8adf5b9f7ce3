"""Whose words: only quotation of the statement's author builds the statement."""

from __future__ import annotations

import pytest

from reader.core import Corpus, Label
from tests.conftest import DATA, labels_of, paragraph_index

pytestmark = pytest.mark.core


@pytest.fixture(scope="module")
def chronicle() -> Corpus:
    """The water statement's full translation and a report, beside an opinion piece that
    quotes the statement once and then gives its own and a minister's views."""
    corpus = Corpus.from_paths(
        [
            DATA / "water" / "trad_a.txt",
            DATA / "water" / "report.txt",
            DATA / "reported" / "fr_varga_chronique.txt",
        ]
    )
    corpus.analysis()
    return corpus


def test_a_journalists_selon_lui_is_no_passage(chronicle: Corpus) -> None:
    source = "fr_varga_chronique"
    labels = labels_of(chronicle, source)
    selon = paragraph_index(chronicle, source, "Selon lui")
    minister = paragraph_index(chronicle, source, "Le ministre de l’Agriculture")
    assert labels[paragraph_index(chronicle, source, "« Nous proposons")] == Label.QUOTATION
    assert labels[selon] == Label.COMMENTARY
    assert labels[minister] == Label.COMMENTARY  # someone else's words, reported
    members = {m for p in chronicle.analysis().statement.passages for m in p.members}
    index = chronicle.index(source)
    assert (index, selon) not in members and (index, minister) not in members


def test_the_evidence_names_the_frame_and_speaker(chronicle: Corpus) -> None:
    source = "fr_varga_chronique"
    evidence = chronicle.paragraph_analysis(source)[
        paragraph_index(chronicle, source, "Le ministre de l’Agriculture")
    ].evidence
    assert any("reported speech in sentence 1" in e and "Paul Lemaire" in e for e in evidence)
