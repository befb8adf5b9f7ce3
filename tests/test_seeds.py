"""The bundled sources, labelled and aligned as a careful reader would (issue: the engine)."""

from __future__ import annotations

import pytest

from reader.core import Corpus, Label
from reader.paths import bundled_sources
from tests.conftest import SEED, labels_of, paragraph_index

pytestmark = pytest.mark.core

MESSAGE_000 = [
    "Merci à tous",
    "Le mois dernier",
    "Cela était surprenant",
    "1. Telegram",
    "2. Les autorités",
    "3. Si un pays",
    "Trouver le juste équilibre",
    "Parfois, nous ne parvenons",
    "Tout cela ne signifie pas",
    "Cependant, nous entendons",
    "J'espère que les événements",
]
# 002 translates the first part of the message: its paragraph -> 000's paragraph
PAIRS_002_000 = {
    "❤️ Merci à tous": "Merci à tous",
    "Le mois dernier": "Le mois dernier",
    "Cela a été surprenant": "Cela était surprenant",
    "1. Telegram": "1. Telegram",
    "2. Les autorités": "2. Les autorités",
    "3. Si un pays": "3. Si un pays",
    "Il n’est pas facile": "Trouver le juste équilibre",
    "Il arrive que": "Parfois, nous ne parvenons",
}
REPORTED_001 = [
    "Durov a révélé sa déclaration",
    "On lui aurait dit",
    "Selon sa déclaration",
    "Les autorités françaises avaient divers moyens",
    "Durov a expliqué que construire",
    "Dans son message, Durov a expliqué",
    "Durov a déclaré que lui et son équipe",
    "Il a également souligné",
    "Durov a également dit que parfois",
    "Durov a déclaré que Telegram est prêt",
    "Il a souligné qu’ils ne font pas",
    "Le CEO de Telegram a souligné",
    "Cependant, il a déclaré",
    "Durov a déclaré à la fin",
    "Durov a déclaré qu’il partagerait",
    "Il a offert plus d’exemples",
    "Durov a offert un exemple",
]
# 001 reports what 000 quotes: its paragraph -> the 000 paragraph it reports
REPORTS_001_000 = {
    "Durov a révélé sa déclaration": "Le mois dernier",
    "On lui aurait dit": "Le mois dernier",
    "Selon sa déclaration": "Cela était surprenant",
    "Durov a également dit que parfois": "Parfois, nous ne parvenons",
    "- Iran": "Parfois, nous ne parvenons",
    "Durov a déclaré à la fin": "Cependant, nous entendons",
}
QUOTES_003 = ["« J’essaie encore", "« Nous sommes prêts", "« L’augmentation brutale"]
FURNITURE = {
    "fragments": [
        "Suivez l’actu crypto",
        "<strong>Rejoignez-nous",
        "Rejoignez-nous dès maintenant",
        "Vous voulez être les premiers informés",
        "Magali",
    ],
    "background": [
        "Les Crises Les Crises",
        "21.septembre.2024",
        "Merci 32",
        "Je commente",
        "J'envoie",
        "Source : MSN",
        "Nous vous proposons cet article",
        "Traduit par les lecteurs",
        "RGT // 21.09.2024",
        "• Bouddha Vert //",
        "• Lt Briggs // 21.09.2024 à 10h11",
        "7 réactions et commentaires",
        "Ecrire un commentaire",
        "Votre adresse de messagerie",
        "Le fondateur de Telegram a été courtisé et ciblé par les gouvernementsBuda Mendes",
    ],
}


def label(corpus: Corpus, key: str, starts_with: str) -> Label:
    source_id = SEED[key]
    return labels_of(corpus, source_id)[paragraph_index(corpus, source_id, starts_with)]


def paired(corpus: Corpus, left_key: str, right_key: str) -> set[tuple[int, int]]:
    comparison = corpus.comparison(SEED[left_key], SEED[right_key])
    return {(a, b) for row in comparison.rows for a in row.left for b in row.right}


def test_full_translation_is_quotation_and_its_frame_is_commentary(seeds: Corpus) -> None:
    labels = labels_of(seeds, SEED["full"])
    message = {paragraph_index(seeds, SEED["full"], start) for start in MESSAGE_000}
    assert [i for i, lab in enumerate(labels) if lab == Label.QUOTATION] == sorted(message)
    assert all(labels[i] == Label.COMMENTARY for i in range(len(labels)) if i not in message)


def test_partial_translation_is_quotation_after_its_headline(seeds: Corpus) -> None:
    labels = labels_of(seeds, SEED["partial"])
    assert labels[0] == Label.COMMENTARY
    assert labels[1:] == [Label.QUOTATION] * (len(labels) - 1)


def test_the_two_translations_pair_paragraph_for_paragraph(seeds: Corpus) -> None:
    pairs = paired(seeds, "partial", "full")
    for start_002, start_000 in PAIRS_002_000.items():
        expected = (
            paragraph_index(seeds, SEED["partial"], start_002),
            paragraph_index(seeds, SEED["full"], start_000),
        )
        assert expected in pairs, f"002 {start_002!r} should pair with 000 {start_000!r}"


def test_reported_speech_is_paraphrase(seeds: Corpus) -> None:
    for start in REPORTED_001:
        assert label(seeds, "reported", start) == Label.PARAPHRASE, start
    assert Label.QUOTATION not in labels_of(seeds, SEED["reported"])


def test_reported_speech_pairs_with_what_it_reports(seeds: Corpus) -> None:
    pairs = paired(seeds, "full", "reported")
    for start_001, start_000 in REPORTS_001_000.items():
        expected = (
            paragraph_index(seeds, SEED["full"], start_000),
            paragraph_index(seeds, SEED["reported"], start_001),
        )
        assert expected in pairs, f"001 {start_001!r} should pair with 000 {start_000!r}"


def test_headings_that_echo_the_statement_are_commentary(seeds: Corpus) -> None:
    for start in ("Points clés", "1. Telegram a un représentant", "Aborder les événements"):
        assert label(seeds, "reported", start) == Label.COMMENTARY, start
    assert label(seeds, "fragments", "« Quitter les marchés") == Label.COMMENTARY


def test_the_three_guillemet_quotations_are_quotation(seeds: Corpus) -> None:
    labels = labels_of(seeds, SEED["fragments"])
    quoted = {paragraph_index(seeds, SEED["fragments"], start) for start in QUOTES_003}
    assert {i for i, lab in enumerate(labels) if lab == Label.QUOTATION} == quoted


def test_background_article_carries_nothing_of_the_message(seeds: Corpus) -> None:
    labels = labels_of(seeds, SEED["background"])
    assert Label.QUOTATION not in labels
    assert Label.PARAPHRASE not in labels


@pytest.mark.parametrize(("key", "start"), [(k, s) for k, v in FURNITURE.items() for s in v])
def test_page_furniture_is_boilerplate(seeds: Corpus, key: str, start: str) -> None:
    assert label(seeds, key, start) == Label.BOILERPLATE


def test_reader_comments_are_commentary(seeds: Corpus) -> None:
    for start in ("Décidément, la notion", "Comme d’habitude, toute technologie", "> ou celle"):
        assert label(seeds, "background", start) == Label.COMMENTARY, start


def test_every_label_comes_with_evidence_and_a_confidence(seeds: Corpus) -> None:
    for source in seeds.sources:
        for analysed in seeds.paragraph_analysis(source.id):
            assert analysed.evidence
            assert 0.25 <= analysed.confidence <= 1.0


def test_translations_of_one_sentence_are_one_passage(seeds: Corpus) -> None:
    full = seeds.paragraph_analysis(SEED["full"])
    partial = seeds.paragraph_analysis(SEED["partial"])
    for start_002, start_000 in PAIRS_002_000.items():
        in_002 = set(partial[paragraph_index(seeds, SEED["partial"], start_002)].passages)
        in_000 = set(full[paragraph_index(seeds, SEED["full"], start_000)].passages)
        assert in_000 and in_000 & in_002, (start_002, in_000, in_002)


def test_the_statement_runs_in_the_order_of_the_fullest_quotation(seeds: Corpus) -> None:
    statement = seeds.analysis().statement
    assert seeds.sources[statement.reference or 0].id == SEED["full"]
    full = seeds.index(SEED["full"])
    own = [p for p in statement.passages if p.source == full]
    paragraphs = [min(par for s, par in p.members if s == full) for p in own]
    assert paragraphs == sorted(paragraphs)
    message = {paragraph_index(seeds, SEED["full"], start) for start in MESSAGE_000}
    assert set(paragraphs) == message  # every quoted paragraph of 000 is part of the statement


def test_quoted_fragments_inside_commentary_are_marked(seeds: Corpus) -> None:
    statement = seeds.analysis().statement
    fragments = {
        (
            seeds.sources[f.source].id,
            seeds.sources[f.source].paragraphs[f.paragraph].text[f.start : f.end].strip(),
        )
        for f in statement.fragments
    }
    assert (SEED["fragments"], "les marchés qui ne sont pas compatibles") in fragments
    assert (SEED["reported"], "paradis anarchique") in {(s, t.strip("“” ")) for s, t in fragments}


def test_the_statement_is_a_source_any_source_can_face(seeds: Corpus) -> None:
    statement = seeds.source("statement")
    assert len(statement.paragraphs) == len(seeds.analysis().statement.passages)
    rows = seeds.comparison(SEED["full"], "statement").rows
    message = {paragraph_index(seeds, SEED["full"], start) for start in MESSAGE_000}
    assert {p for row in rows if row.matched for p in row.left} == message
    assert "statement" not in seeds.ids()


def test_a_source_alone_is_judged_on_its_own_wording() -> None:
    """With no other source to compare with, speech in someone's voice stands for the statement."""
    alone = Corpus.from_paths([p for p in bundled_sources() if p.stem == SEED["full"]])
    labels = labels_of(alone, SEED["full"])
    message = {paragraph_index(alone, SEED["full"], start) for start in MESSAGE_000}
    quoted = {i for i, lab in enumerate(labels) if lab == Label.QUOTATION}
    assert len(quoted & message) >= 0.7 * len(message)
    assert not quoted - message  # nothing outside the message passes for it
    evidence = alone.paragraph_analysis(SEED["full"])[4].evidence
    assert any("judged on its own wording" in e for e in evidence)
