"""Direct and reported speech, sentence by sentence, in every convention (reader.core.speech)."""

from __future__ import annotations

import pytest

from reader.core.cues import speech_cues
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
        ("Leur avocate, Claire Nodier, estime pourtant que la procédure est close.", "Nodier"),
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
        # A reporting verb at the end of another word is no frame ("tan-dis que", "pré-dit").
        "Et tandis que le facteur continuait sa tournée, je rangeais les lettres.",
        "Le car repartit tandis que la neige tombait, et je restai seul.",
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


def test_an_inverted_incise_with_t_is_found_whatever_its_verb() -> None:
    text = "— Vous restez ? murmura-t-elle en baissant les yeux vers le parquet de la salle."
    assert [t for _, t, _ in said(text, "french")] == ["Vous restez ?"]


def test_the_speaker_goes_on_after_a_long_incise_when_the_next_sentence_is_theirs() -> None:
    text = (
        "— C'est trop tard, répondit le vieux passeur, qui regardait la rivière monter depuis "
        "le matin. Vous auriez dû venir hier ; je ne traverse plus."
    )
    spoken = [t for _, t, _ in said(text, "french")]
    assert spoken == ["C'est trop tard,", "Vous auriez dû venir hier ; je ne traverse plus."]


def test_a_name_with_a_title_ends_an_incise_and_the_speaker_goes_on() -> None:
    text = "— On ferme, lui dit M. Garnier. Voulez-vous repasser demain ?"
    spoken = [t for _, t, _ in said(text, "french")]
    assert spoken == ["On ferme,", "Voulez-vous repasser demain ?"]


def test_the_narrator_takes_a_turn_over_in_the_tense_of_narration() -> None:
    text = "— Je vous attendrai ici. Et il s'assit sur la première marche de l'escalier."
    assert [t for _, t, _ in said(text, "french")] == ["Je vous attendrai ici."]


def test_the_narrator_goes_on_after_an_incise_and_its_participle() -> None:
    text = (
        "— Quelle belle lumière ! s'écria-t-elle en ouvrant les volets, et courant jusqu'au "
        "balcon pour voir le port."
    )
    assert [t for _, t, _ in said(text, "french")] == ["Quelle belle lumière !"]


def test_a_colon_hands_the_turn_back_to_the_speaker() -> None:
    text = (
        "— Partez, dit-il. Puis il se ravisa, revint vers la porte et ajouta à voix basse : "
        "Revenez quand vous voudrez."
    )
    spoken = [t for _, t, _ in said(text, "french")]
    assert spoken == ["Partez,", "Revenez quand vous voudrez."]


def test_an_inner_quotation_does_not_close_the_one_that_runs_on() -> None:
    texts = [
        "« Écoutez bien, reprit le garde.",
        "« Le maire m'a crié : « Fermez la barrière ! » et je l'ai fermée. Voilà tout ce que",
        "« je sais de cette nuit-là. »",
        "Le garde se tut.",
    ]
    speeches = speech_of_paragraphs(texts, "french")
    assert [s.opens_quote for s in speeches] == [True, True, False, False]
    assert [s.direct >= 0.5 for s in speeches] == [True, True, True, False]


def test_a_story_a_character_tells_over_several_paragraphs_is_narration() -> None:
    texts = [
        "« C'était l'hiver de mes vingt ans. Je partis un matin pour la ville voisine.",
        "« Je marchai longtemps sous la neige ; le soir, j'arrivai devant une ferme. On "
        "m'ouvrit, on me fit asseoir près du feu, et la fermière me servit une soupe.",
        "« Le lendemain, les chiens aboyèrent avant l'aube. Le fermier sortit, revint pâle "
        "et ne dit rien. Je repris la route sans savoir pourquoi.",
        "« Je ne l'ai jamais su. »",
    ]
    assert all(s.direct == 0.0 for s in speech_of_paragraphs(texts, "french"))


def test_a_letter_read_out_over_several_paragraphs_stays_speech() -> None:
    texts = [
        "« Ma chère sœur, je t'écris de la gare, où j'attends le train de nuit.",
        "« Ne t'inquiète pas pour moi : je vais bien, je mange à ma faim et je pense à vous.",
        "« Embrasse les petits pour moi. Je reviens dès que je peux. »",
    ]
    assert all(s.direct == 1.0 for s in speech_of_paragraphs(texts, "french"))


@pytest.mark.parametrize(
    "text",
    [
        "— Il gèle, répondit tout bas celle-ci en serrant son châle contre elle.",
        "— Il gèle, dit froidement M. de Valbrun en serrant son châle contre lui.",
        "— Il gèle, reprit ce dernier, en serrant son châle contre lui.",
    ],
)
def test_incises_with_a_manner_or_a_pronoun_for_subject(text: str) -> None:
    assert [t for _, t, _ in said(text, "french")] == ["Il gèle,"]


def test_a_trailing_frame_whose_speaker_is_a_title_and_a_name() -> None:
    text = (
        "The bridge will reopen in May, the city's chief engineer, Tomas Reyes, told a "
        "council hearing."
    )
    spans = speech_spans(text, "english")
    assert [s.kind for s in spans] == [R]
    assert spans[0].speaker is not None and spans[0].speaker.endswith("Tomas Reyes")
    assert paragraph_speech(text, "english").reported >= 0.5


@pytest.mark.parametrize(
    ("text", "spoken", "speaker"),
    [
        ("— Le bac ne passera plus, avait-elle prévenu.", "Le bac ne passera plus,", "elle"),
        ("« On ferme à midi », aurait-il glissé au gardien.", "On ferme à midi", "il"),
        ("« Rien n'est signé », ont-ils nuancé.", "Rien n'est signé", "ils"),
        ("— Tout est réglé, a–t–on conclu.", "Tout est réglé,", "on"),
    ],
)
def test_an_incise_inverts_any_auxiliary(text: str, spoken: str, speaker: str) -> None:
    """The auxiliary that ends in "t" takes no "-t-" ("avait-elle", "ont-ils")."""
    spans = speech_spans(text, "french")
    assert [(s.kind, text[s.start : s.end].strip(" «»")) for s in spans] == [(D, spoken)]
    assert spans[0].speaker == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("La digue cèdera avant l'hiver, avaient-ils averti la mairie.", "ils"),
        ("Le chantier reprendra en mai, auraient-elles appris.", "elles"),
        ("La ligne restera ouverte, avait-on répété aux usagers.", "on"),
    ],
)
def test_a_report_closed_by_an_inverted_auxiliary(text: str, speaker: str) -> None:
    spans = speech_spans(text, "french")
    assert [s.kind for s in spans] == [R]
    assert spans[0].speaker == speaker
    assert speech_cues(text, "french").reporting  # the inversion is a reporting phrase


@pytest.mark.parametrize(
    "text",
    [
        "Aussi, avait-il pris l'habitude de fermer les volets avant la nuit.",
        "Sans doute, aurait-elle préféré rester au village.",
        "Peut-être, a-t-on trop attendu pour réparer le toit.",
    ],
)
def test_an_opener_before_an_inversion_reports_nothing(text: str) -> None:
    assert speech_spans(text, "french") == ()


@pytest.mark.parametrize(
    "text",
    [
        "Avait-elle oublié la clé ? Nul ne le sut.",
        "Mais, avait-il seulement compris la question ?",
        "Va-t-il pleuvoir demain sur la côte ?",
    ],
)
def test_an_inverted_question_is_no_frame_and_no_reporting_phrase(text: str) -> None:
    assert speech_cues(text, "french").reporting == ()
    assert speech_spans(text, "french") == ()


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Le budget sera tenu, s'est-elle défendue.", "elle"),
        ("Aucune hausse n'est prévue, est-il précisé dans la note.", "il"),
        ("Le chantier reprendra, aura-t-il assuré.", "il"),
    ],
)
def test_a_report_closed_by_etre_or_a_future_inverted(text: str, speaker: str) -> None:
    spans = speech_spans(text, "french")
    assert [s.kind for s in spans] == [R] and spans[0].speaker == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The ferry will run until June, Ana Ruiz maintained.", "Ana Ruiz"),
        ("The landlord contends that the repairs were made.", "The landlord"),
        ("Dr. Osei conceded that the trial was too small.", "Osei"),
    ],
)
def test_more_english_verbs_of_saying_frame_a_report(text: str, speaker: str) -> None:
    spans = speech_spans(text, "english")
    assert [s.kind for s in spans] == [R]
    assert spans[0].speaker is not None and spans[0].speaker.endswith(speaker)


def test_a_verb_of_saying_with_an_object_is_no_report() -> None:
    assert speech_spans("The river maintained its course for a century.", "english") == ()


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The pool will stay shut all summer, the council's treasurer said.", "treasurer"),
        ("The pool will stay shut all summer, a lifeguard told the paper.", "a lifeguard"),
        ("The pool will stay shut all summer, the mayor said on Friday.", "the mayor"),
        ("The pool will stay shut all summer, said a spokesman for the club.", "a spokesman"),
        ("The pool will stay shut all summer, the audit concluded.", "the audit"),
    ],
)
def test_an_english_report_closed_by_a_speaker_named_by_a_noun(text: str, speaker: str) -> None:
    spans = speech_spans(text, "english")
    assert [(s.kind, text[s.start : s.end]) for s in spans] == [
        (R, "The pool will stay shut all summer")
    ]
    assert spans[0].speaker is not None and spans[0].speaker.endswith(speaker)


@pytest.mark.parametrize(
    "text",
    [
        "After the meeting, the coach said nothing and drove home.",
        "At the door, the porter said goodbye.",
        "After the merger, the bank announced early retirement for its staff.",
        "In 2010, the company announced quarterly results.",
        "He sat down, noted the time and left.",
        "She smiled, recalled her mother's voice, and wept.",
        "In the old house, the kitchen counters in the back were bare.",
    ],
)
def test_a_verb_of_saying_with_no_words_reported(text: str) -> None:
    assert speech_spans(text, "english") == ()
