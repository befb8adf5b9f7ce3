"""Each labelling rule of reader/core/calibration.py, with a case that needs it.

Every test checks the rule's effect, then switches the rule off (its weight neutral) and
checks that the case then comes out otherwise: a rule that changes nothing fails here.
"""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest

from reader.core import Corpus, Label, calibration
from reader.core.speech import speech_of_paragraphs
from tests.conftest import DATA, labels_of, paragraph_index

pytestmark = pytest.mark.core


def _labels(paths: list[Path]) -> tuple[Corpus, list[Label]]:
    corpus = Corpus.from_paths(paths)
    return corpus, labels_of(corpus, corpus.ids()[-1])


def test_first_person_is_narration_where_a_source_marks_speech(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """MARKED_SPEECH_*: a story with dialogue keeps its first-person narration as prose."""
    path = DATA / "reported" / "fr_recit.txt"
    corpus, labels = _labels([path])
    narration = paragraph_index(corpus, corpus.ids()[0], "Une morne lassitude")
    assert labels[narration] == Label.COMMENTARY
    monkeypatch.setattr(calibration, "MARKED_SPEECH_PARAGRAPHS", 10_000)
    corpus, labels = _labels([path])
    assert labels[narration] != Label.COMMENTARY


def test_a_source_alone_follows_its_speech_share(monkeypatch: pytest.MonkeyPatch) -> None:
    """ALONE_SPEECH_SLOPE: a trailing "…, said X, a professor at Y." is reported speech."""
    path = DATA / "reported" / "en_council.txt"
    corpus, labels = _labels([path])
    trailing = paragraph_index(corpus, corpus.ids()[0], "The levy would raise")
    assert labels[trailing] == Label.PARAPHRASE
    monkeypatch.setattr(calibration, "ALONE_SPEECH_SLOPE", 0.0)
    corpus, labels = _labels([path])
    assert labels[trailing] != Label.PARAPHRASE


def test_direct_against_reported_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    """ALONE_DIRECT_SLOPE: a quotation with its frame is quotation, a report paraphrase."""
    path = DATA / "reported" / "fr_usine.txt"
    corpus, labels = _labels([path])
    quote = paragraph_index(corpus, corpus.ids()[0], "« Nous n'avons trouvé")
    report = paragraph_index(corpus, corpus.ids()[0], "Selon lui")
    assert (labels[quote], labels[report]) == (Label.QUOTATION, Label.PARAPHRASE)
    monkeypatch.setattr(calibration, "ALONE_DIRECT_SLOPE", -8.0)
    corpus, labels = _labels([path])
    assert (labels[quote], labels[report]) != (Label.QUOTATION, Label.PARAPHRASE)


def test_a_story_told_in_quotation_is_narration(monkeypatch: pytest.MonkeyPatch) -> None:
    """STORY_*: several paragraphs of quotation told in the simple past are a story told."""
    story = [
        "« Ce soir-là, je rentrai tard. La porte était ouverte ; j'entrai sans bruit.",
        "« Mon frère dormait près du feu. Je le réveillai, il se leva et sortit avec moi. »",
    ]
    assert all(s.direct == 0.0 for s in speech_of_paragraphs(story, "french"))
    monkeypatch.setattr(calibration, "STORY_PARAGRAPHS", 10_000)
    assert all(s.direct == 1.0 for s in speech_of_paragraphs(story, "french"))


def test_alone_the_confidence_is_the_share_right(monkeypatch: pytest.MonkeyPatch) -> None:
    """ALONE_CONFIDENCE: a monotone map from the run model's posterior to the share right."""
    knots = calibration.ALONE_CONFIDENCE
    assert all(a[0] < b[0] and a[1] <= b[1] for a, b in pairwise(knots))
    path = DATA / "reported" / "fr_recit.txt"
    corpus = Corpus.from_paths([path])
    fitted = [p.confidence for p in corpus.paragraph_analysis(corpus.ids()[0])]
    monkeypatch.setattr(calibration, "ALONE_CONFIDENCE", ((0.5, 0.5), (1.0, 1.0)))
    corpus = Corpus.from_paths([path])
    raw = [p.confidence for p in corpus.paragraph_analysis(corpus.ids()[0])]
    assert fitted != raw
    assert all(0.0 <= c <= 1.0 for c in fitted)
