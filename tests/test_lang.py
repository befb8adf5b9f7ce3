"""Language knowledge lives in reader.core.lang: one module per language, a union for the rest."""

from __future__ import annotations

from dataclasses import fields

import pytest

from reader.core import lang
from reader.core.cues import furniture, speech_cues
from reader.core.lang import common, de, en, fr
from reader.core.text import detect_language

pytestmark = pytest.mark.core

FIELDS = {f.name.upper() for f in fields(lang.Language)}


@pytest.mark.parametrize("module", [common, fr, en, de])
def test_a_module_defines_only_known_fields(module) -> None:
    names = {n for n in vars(module) if n.isupper() and not n.startswith("_")}
    assert names - FIELDS <= {"DETECTION"}, names - FIELDS


def test_each_language_gets_its_own_cues_and_the_shared_ones() -> None:
    french = lang.language("french")
    assert "je" in french.first_person and "we" not in french.first_person
    assert ("«", "»") in french.quotes  # from the shared conventions
    english = lang.language("english")
    assert "we" in english.first_person and "je" not in english.first_person


def test_an_unknown_language_gets_the_union() -> None:
    other = lang.language("swahili")
    assert other.name == lang.UNION
    for name in lang.known():
        assert lang.language(name).first_person <= other.first_person
        assert lang.language(name).negations <= other.negations


def test_german_proves_the_seam() -> None:
    said = speech_cues("„Wir werden das Netz ausbauen“, sagte die Ministerin.", "german")
    assert said.reporting and said.mostly_quoted
    assert furniture("Artikel teilen", lang="german")[0] >= 0.5
    assert detect_language("Die Regierung hat am Montag mitgeteilt, dass sie nicht zahlt.") == (
        "german"
    )


def test_a_word_in_capitals_is_no_pronoun() -> None:
    assert speech_cues("Leading US newspapers endorsed her.", "english").first_person == 0
    assert speech_cues("Give us a chance, she pleaded.", "english").first_person == 1
    assert speech_cues("I know it.", "english").first_person == 1


def test_language_of_the_source_picks_the_cues() -> None:
    """An English phrase in a French text is no French cue, but the union still sees it."""
    text = "We want answers now."
    assert speech_cues(text, "french").first_person == 0
    assert speech_cues(text, "union").first_person == 1


@pytest.mark.parametrize("verb", ["réclament", "saluent", "condamnent", "ont critiqué"])
def test_a_verb_of_stance_reports_only_before_que(verb: str) -> None:
    acting = speech_cues(f"Les riverains {verb} la fermeture du bureau de poste.", "french")
    assert acting.reporting == ()
    saying = speech_cues(f"Les riverains {verb} que le bureau de poste ferme trop tôt.", "french")
    assert saying.reporting
