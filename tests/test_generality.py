"""An independent case the engine never saw while it was tuned on the bundled sources.

tests/data/water holds one statement (a water observatory's director announcing measures)
through five kinds of source: a full translation, a second partial and hard-wrapped one
that merges and splits paragraphs, a news report in indirect speech with one attributed
quotation, a forum thread that interleaves "> " quotes with remarks, and an unrelated sports
article whose own quotations (of other people) must not pass for the statement.
"""

from __future__ import annotations

import pytest

from reader.core import Corpus, Label
from tests.conftest import DATA, labels_of, paragraph_index

pytestmark = pytest.mark.core

Q, P, C, B = Label.QUOTATION, Label.PARAPHRASE, Label.COMMENTARY, Label.BOILERPLATE


def expect(corpus: Corpus, source_id: str, expected: dict[str, Label]) -> None:
    labels = labels_of(corpus, source_id)
    wrong = {
        start: (labels[paragraph_index(corpus, source_id, start)], want)
        for start, want in expected.items()
        if labels[paragraph_index(corpus, source_id, start)] != want
    }
    assert not wrong, f"{source_id}: got, wanted: {wrong}"


def test_full_translation(water: Corpus) -> None:
    expect(water, "trad_a", {
        "Le message d’Elena Varga": C,
        "Par la rédaction": B,
        "Merci à toutes": Q,
        "Mardi dernier": Q,
        "Beaucoup d’entre vous": Q,
        "Nous ne blâmons pas": Q,
        "Nous proposons trois mesures": Q,
        "Ces mesures coûtent": Q,
        "Je présenterai ce plan": Q,
        "Un message sans surprise": C,
        "Partager cet article": B,
        "Jean-Paul // 03.03.2024": B,
        "Enfin des propositions": C,
    })  # fmt: skip


def test_second_translation_hard_wrapped_merged_and_split(water: Corpus) -> None:
    source = water.source("trad_b")
    assert len(source.paragraphs) == 8  # blocks, not lines
    expect(water, "trad_b", {
        "Observatoire de l'eau": C,
        "Un grand merci": Q,
        "Mardi, l'observatoire": Q,
        "Vous êtes nombreux": Q,
        "Nous mettons trois mesures": Q,
        "D'abord, équiper": Q,
        "Lire aussi": B,
    })  # fmt: skip


def test_translations_pair_through_merges_and_splits(water: Corpus) -> None:
    rows = water.comparison("trad_a", "trad_b").rows
    pairs = {(a, b) for row in rows for a in row.left for b in row.right}
    a = lambda s: paragraph_index(water, "trad_a", s)  # noqa: E731
    b = lambda s: paragraph_index(water, "trad_b", s)  # noqa: E731
    assert (a("Beaucoup d’entre vous"), b("Vous êtes nombreux")) in pairs
    assert (a("Nous ne blâmons pas"), b("Vous êtes nombreux")) in pairs  # merged in B
    assert (a("Nous proposons trois mesures"), b("D'abord, équiper")) in pairs  # split in B


def test_report_in_indirect_speech(water: Corpus) -> None:
    expect(water, "report", {
        "Par Julien Martel": B,
        "Sa directrice, Elena Varga, a affirmé": P,
        "Elle a souligné": P,
        "Selon elle, trois mesures": P,
        "« Ces mesures coûtent": Q,
        "Mme Varga a indiqué": P,
        "Les syndicats agricoles": C,
        "La sécheresse de 2022": C,
        "Photo :": B,
        "Partager sur Facebook": B,
    })  # fmt: skip


def test_forum_interleaving_quotes_and_remarks(water: Corpus) -> None:
    expect(water, "forum", {
        "PapyBio // 04.03.2024": B,
        "Vous avez vu le message": C,
        "> Nous ne blâmons pas": Q,
        "Facile à dire": C,
        "> Ces mesures coûtent": Q,
        "Un euro par habitant": C,
        "Lili_du_Sud //": B,
        "Moi je trouve": C,
    })  # fmt: skip


def test_unrelated_article_quotes_nobody_of_the_statement(water: Corpus) -> None:
    labels = labels_of(water, "unrelated")
    assert Q not in labels and P not in labels
    expect(water, "unrelated", {
        "Publié le 2 mars": B,
        "Abonnez-vous": B,
        "Partager — Tweeter": B,
    })  # fmt: skip


def test_reference_and_passages_follow_the_full_translation(water: Corpus) -> None:
    statement = water.analysis().statement
    assert water.sources[statement.reference or 0].id == "trad_a"
    assert statement.quoted_share(water.index("trad_a")) > 0.9
    assert statement.quoted_share(water.index("unrelated")) == 0.0
    assert statement.paraphrased_share(water.index("report")) > 0.4


# A second case, of another shape: a speech transcript published as such, an agency dispatch
# that quotes and reports within paragraphs, and a live blog with timestamped entries.


@pytest.fixture(scope="module")
def speech() -> Corpus:
    corpus = Corpus.from_paths(sorted((DATA / "speech").glob("*.txt")))
    corpus.analysis()
    return corpus


def test_transcript_is_the_statement_itself(speech: Corpus) -> None:
    expect(speech, "transcript", {
        "Discours de Claire Dumont": C,
        "Seul le prononcé fait foi": B,
        "Je veux d’abord remercier": Q,
        "La crue de la Sarthe": Q,
        "J’ai demandé au préfet": Q,
        "Dès lundi": Q,
        "Nous débloquons": Q,
        "Je ne vous promets pas": Q,
    })  # fmt: skip
    assert speech.source("transcript").title.startswith("Discours de Claire Dumont")


def test_agency_dispatch_quotes_and_reports(speech: Corpus) -> None:
    expect(speech, "agency", {
        "Crue de la Sarthe": C,
        "« Nous débloquons": Q,  # the attribution after the quotation does not make it a report
        "L’élue a indiqué": P,
        "Un guichet unique": P,
        "La Sarthe avait atteint": C,
        "La préfecture": C,
        "© Agence": B,
    })  # fmt: skip


def test_live_blog_entries(speech: Corpus) -> None:
    expect(speech, "liveblog", {
        "EN DIRECT": C,
        "Mis à jour le": B,
        "14h32": C,
        "14h34": P,  # a report that quotes a few words
        "14h37": Q,
        "14h40": P,
        "14h44": C,
        "14h47": Q,
        "14h55": C,
        "Cet article est mis à jour": B,
    })  # fmt: skip


# A third case, in English: a company's own post, a wire report, an opinion column.


@pytest.fixture(scope="module")
def english() -> Corpus:
    corpus = Corpus.from_paths(sorted((DATA / "english").glob("*.txt")))
    corpus.analysis()
    return corpus


def test_english_sources(english: Corpus) -> None:
    expect(english, "blogpost", {
        "A note to our community": C,
        "Posted by Maya Okafor": B,
        "Last week, an attacker": Q,
        "I want to say clearly": Q,
        "No payment information": Q,
        "Starting today": Q,
        "We have hired": Q,
        "I am sorry": Q,
    })  # fmt: skip
    expect(english, "wire", {
        "By Daniel Reyes": B,
        "Updated May 14": B,
        "Chief executive Maya Okafor said": P,
        "She said no payment": P,
        "According to Okafor": P,
        '"We will publish': Q,
        "The breach is the third": C,
        "Share this article": B,
    })  # fmt: skip
    expect(english, "column", {
        "Opinion: An apology": C,
        "Health providers keep promising": C,
        "If regulators want change": C,
        "The author teaches": B,
    })  # fmt: skip
    assert english.source("blogpost").language == "english"
