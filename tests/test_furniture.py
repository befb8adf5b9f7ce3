"""Page furniture is recognised by the shape of its line, and never in prose that mentions it."""

from __future__ import annotations

import pytest

from reader.core.cues import furniture

pytestmark = pytest.mark.core

# (reason, a line of furniture, a sentence of prose that uses the same words)
CASES = [
    (
        "a call to subscribe, follow or join",
        "Abonnez-vous à notre newsletter",
        "Le ministre a demandé aux élus de rejoindre la commission avant la fin du mois.",
    ),
    (
        "a call to subscribe, follow or join",
        "Sign up for our daily newsletter",
        "Thousands of volunteers have signed up to join us in the clean-up, the organisers said.",
    ),
    (
        "share or print buttons",
        "Share this article",
        "The senator unveiled a new nickname for her rival in a late-night tweet on Friday.",
    ),
    (
        "share or print buttons",
        "Partager sur Facebook Imprimer",
        "Les deux communes ont décidé de partager les frais de la nouvelle piscine.",
    ),
    (
        "a link to other articles",
        "Lire aussi : La crue de la Loire en images",
        "Elle aime lire aussi bien des romans que des essais, confie la bibliothécaire.",
    ),
    (
        "a link to other articles",
        "Read more: Five things to know about the levy",
        "Students who read more than an hour a day scored higher, the study found.",
    ),
    (
        "an image credit or copyright line",
        "Photo : Jean Martin / AFP",
        "A survey by Reuters found that most farmers now oppose the tariff.",
    ),
    (
        "an image credit or copyright line",
        "Le maire devant la mairie inondée Getty Images",
        "He posted a photo of the flooded square, and thousands of readers shared it within hours.",
    ),
    (
        "a source or translation credit",
        "Source : Insee",
        "Sources close to the negotiations say a deal could come by the end of the week.",
    ),
    (
        "a publication date line",
        "Publié le 12 mars 2025",
        "Published last year, the report has been cited in every debate on the law since.",
    ),
    (
        "a byline",
        "Par Claire Dumas",
        "Par ailleurs, la préfecture a ouvert un numéro d'appel pour les sinistrés.",
    ),
]


@pytest.mark.parametrize(("reason", "line", "prose"), CASES)
def test_furniture_is_found_and_prose_is_not(reason: str, line: str, prose: str) -> None:
    score, why = furniture(line, lang="union")
    assert score >= 0.5 and why == reason, (line, score, why)
    score, why = furniture(prose, lang="union")
    assert score < 0.5, (prose, score, why)


@pytest.mark.parametrize("lang", ["french", "english"])
def test_each_language_keeps_its_own_furniture(lang: str) -> None:
    line = (
        "Lire aussi : La crue en images" if lang == "french" else "Read more: The flood in pictures"
    )
    assert furniture(line, lang=lang)[0] >= 0.5
