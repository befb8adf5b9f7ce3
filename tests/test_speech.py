"""Direct and reported speech, sentence by sentence, in every convention (reader.core.speech)."""

from __future__ import annotations

import pytest

from reader.core.speech import SpeechKind, paragraph_speech, speech_of_paragraphs, speech_spans

pytestmark = pytest.mark.core

D, R = SpeechKind.DIRECT, SpeechKind.REPORTED


def said(text: str, lang: str = "union") -> list[tuple[SpeechKind, str, str | None]]:
    return [(s.kind, text[s.start : s.end].strip(), s.speaker) for s in speech_spans(text, lang)]


@pytest.mark.parametrize(
    "text",
    [
        "Le ministre a répondu : « Nous verrons bien ».",
        "The minister replied: “We shall see.”",
        "Der Minister sagte: „Wir werden sehen.“",
        "Le ministre a répondu : ‹ Nous verrons bien ›.",
        'The minister replied: "We shall see."',
    ],
)
def test_every_quotation_convention(text: str) -> None:
    kinds = [k for k, _, _ in said(text)]
    assert kinds == [D]
    assert said(text)[0][1].strip("., ").lower() in (
        "nous verrons bien",
        "we shall see",
        "wir werden sehen",
    )


def test_a_one_word_quotation_is_speech() -> None:
    speech = paragraph_speech("« Non. »", "french")
    assert speech.direct == 1.0


def test_a_dialogue_dash_with_its_incise() -> None:
    text = "– Vous partez déjà ? demanda la voisine en posant son panier."
    speech = paragraph_speech(text, "french")
    assert [s.kind for s in speech.spans] == [D]
    assert text[speech.spans[0].start : speech.spans[0].end].strip() == "Vous partez déjà ?"
    assert speech.direct < 0.5  # the incise and what follows it are the narrator's


def test_speech_resumes_after_a_short_incise() -> None:
    text = "— Je viendrai, dit-il, mais pas avant midi."
    spoken = [t for _, t, _ in said(text, "french")]
    assert spoken == ["Je viendrai,", "mais pas avant midi."]


def test_an_incise_with_an_auxiliary() -> None:
    text = "– Tout est prêt, a-t-elle ajouté."
    assert said(text, "french")[0][:2] == (D, "Tout est prêt,")
    assert speech_spans(text, "french")[0].speaker == "elle"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Selon lui, les travaux dureront deux ans.", "lui"),
        ("D'après la préfecture, la route rouvrira lundi.", "la préfecture"),
        ("La directrice, Anne Morel, a expliqué que le budget était bouclé.", "Anne Morel"),
        (
            "Prices will rise again next year, said Priya Natarajan, an analyst at a bank.",
            "Priya Natarajan",
        ),
        ("According to Natarajan, prices will rise again next year.", "Natarajan"),
        ("The mayor said the budget was balanced.", "The mayor"),
    ],
)
def test_reported_speech_and_its_speaker(text: str, speaker: str) -> None:
    spans = speech_spans(text)
    assert [s.kind for s in spans] == [R]
    assert spans[0].speaker is not None and spans[0].speaker.endswith(speaker.split()[-1])
    assert spans[0].frame is not None
    assert paragraph_speech(text).reported >= 0.5


def test_a_quotation_with_its_frame_names_the_speaker() -> None:
    text = "« Nous rouvrirons en mai », a assuré la gérante, Julie Caron, jeudi soir."
    speech = paragraph_speech(text, "french")
    assert speech.spans[0].kind == D and speech.spans[0].speaker
    assert speech.direct >= 0.5  # the frame says whose the words are: it is not prose


@pytest.mark.parametrize(
    "text",
    [
        "The council voted on Monday to widen the road.",
        "Elle ouvrit la fenêtre et regarda longtemps la rue.",
        "Je songeais déjà à partir quand la pluie cessa.",
        "The candidate announced the plan in a video, and posted a photo of the crowd.",
    ],
)
def test_prose_has_no_speech(text: str) -> None:
    assert speech_spans(text) == ()


def test_a_quotation_runs_over_paragraphs_in_french_style() -> None:
    texts = ["« Mes amis, commença-t-il, écoutez-moi.", "« Nous partirons demain. »", "Il se tut."]
    speeches = speech_of_paragraphs(texts, "french")
    assert speeches[0].opens_quote
    assert speeches[1].direct == 1.0
    assert speeches[2].direct == 0.0


def test_a_story_told_in_quotation_marks_is_narration() -> None:
    text = (
        "« Il arriva un soir de novembre. Il frappa à la porte, on le fit entrer, et il resta "
        "debout près du feu sans dire un mot. Elle lui tendit un verre ; il le but d'un trait "
        "et repartit dans la nuit."
    )
    assert paragraph_speech(text, "french").direct == 0.0
