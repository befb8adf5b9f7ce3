"""Sources analysed alone: someone's direct speech is quotation, reported speech paraphrase,
the author's prose commentary, whoever speaks (tests/data/reported, written for the tests)."""

from __future__ import annotations

import pytest

from reader.core import Corpus, Label
from tests.conftest import DATA, labels_of, paragraph_index

pytestmark = pytest.mark.core

Q, P, C, B = Label.QUOTATION, Label.PARAPHRASE, Label.COMMENTARY, Label.BOILERPLATE
REPORTED = DATA / "reported"


# Each file analysed alone, and what a reader says of its paragraphs (named by how they begin).
REPORTED_CASES: dict[str, dict[str, Label]] = {
    "en_council": {
        "City council approves": C,
        "By Harriet Vance": B,
        "The council voted": C,
        '"This is the most important': Q,
        "The levy would raise": P,  # a trailing "…, said X, a professor at Y."
        "According to the city's finance director": P,
        "Councillor Dean Moreau said": P,
        '"No."': Q,  # a one-word quotation
        "That was all Moreau": C,
        "The vote follows": C,
        "According to a poll": P,  # an attribution, not an image credit
        "Calloway announced the plan in a late-night tweet": C,  # prose, not share buttons
        "Share this article": B,
    },
    "en_profile": {
        "When Nadia Ferris took over": C,
        '"People came here': Q,
        "Insurance costs rose": P,
        "According to Oyelaran": P,
        "The change drew criticism from conservators in several leading US": C,
        '"We take that seriously,"': Q,
        "The museum plans": C,
    },
    "fr_usine": {
        "Par Aurélie Brun": B,
        "La direction du groupe": C,
        "« Nous n'avons trouvé": Q,  # «…», a déclaré X, lors d'une conférence de presse.
        "Selon lui": P,
        "La maire de la commune": P,
        "– Ils seront accompagnés": Q,
        "D'après les syndicats": P,
        "L'usine, qui fabriquait": C,
        "Lire aussi": B,
    },
    "fr_recit": {
        "Le dernier train": C,
        "Il pleuvait depuis le matin quand j'arrivai": C,
        "– Le train de Lyon": Q,
        "– Parti, monsieur": Q,
        "– Et le suivant": Q,
        "Une morne lassitude m'envahit": C,
        "« Non. »": Q,
        "Je l'avais dit tout haut": C,
        "– Il y a une auberge": Q,
        "Je le remerciai": C,
    },
    "en_transit": {
        "Transit agency delays": C,
        "The regional transit authority": C,
        "The board will revisit": P,  # "…, the agency's chair, X, told reporters …"
        '"We heard people': Q,
        "Okafor said the agency": P,
        "Riders' groups welcomed": P,
        '"A delay is not a victory,"': Q,
        "In a statement, the mayor's office": P,
        "The agency's ridership": C,  # documents, not anyone's words
        "Bell said his group": P,
        "The authority last raised": C,
    },
    "fr_college": {
        "Le conseil départemental renonce": C,
        "« Nous avons entendu": Q,
        "Le département, a-t-il précisé": P,
        "« Trois ans, c'est court": Q,
        "Selon la préfecture": P,
        "Le syndicat des enseignants": P,
        "Construit en 1972": C,
    },
}  # fmt: skip


def alone(name: str) -> Corpus:
    corpus = Corpus.from_paths([REPORTED / f"{name}.txt"])
    corpus.analysis()
    return corpus


@pytest.mark.parametrize("name", list(REPORTED_CASES))
def test_sources_alone(name: str) -> None:
    corpus = alone(name)
    source_id = corpus.ids()[0]
    labels = labels_of(corpus, source_id)
    wrong = {
        start: (labels[paragraph_index(corpus, source_id, start)].value, want.value)
        for start, want in REPORTED_CASES[name].items()
        if labels[paragraph_index(corpus, source_id, start)] != want
    }
    assert not wrong, f"{name}: got, wanted: {wrong}"


def test_acronyms_are_not_first_person() -> None:
    corpus = alone("en_profile")
    source_id = corpus.ids()[0]
    evidence = corpus.paragraph_analysis(source_id)[
        paragraph_index(corpus, source_id, "The change drew")
    ].evidence
    assert not any("first person" in e for e in evidence)
