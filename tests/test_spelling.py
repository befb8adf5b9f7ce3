"""Words spelled by another habit of print are one word when sentences are matched.

The texts are written for these tests: a short chronicle in modern French, and the same in
the spelling of an old print as scans transcribe it (the long s as f, "oi" for "ai", an s
before a consonant where French now writes an accent), and a modern retelling that shares
half its words with the chronicle but has no habit to bridge.
"""

from __future__ import annotations

import pytest

from reader.core import Corpus
from reader.core.loading import build_source
from reader.core.segment import Block
from reader.core.spelling import bridged_keys
from reader.core.text import word_key

pytestmark = pytest.mark.core

MODERN = [
    "Les marchands étaient assis sous les arbres de la place, et ils disaient que la "
    "moisson serait bonne.",
    "Le seigneur passait souvent par le chemin de la forêt pour visiter ses terres.",
    "Sa maison était bâtie de pierres grises, et sa fenêtre regardait le fleuve.",
    "Les soldats se reposaient près de la fontaine, parce que le soleil était brûlant.",
    "Ainsi les habitants connaissaient la sagesse de leur maître et le respectaient.",
    "Ensuite il fit présenter ses dons aux pauvres, et tous le remercièrent aussitôt.",
    "Le prêtre disait la messe dans sa chapelle, pendant que les enfants chantaient.",
    "Enfin la saison des fêtes arriva, et le village entier se rassembla sur la place.",
]
OLD = [
    "Les marchands eftoyent affis fous les arbres de la place, & ils difoyent que la "
    "moiffon feroit bonne.",
    "Le feigneur paffoit fouvent par le chemin de la foreft pour vifiter fes terres.",
    "Sa maifon eftoit baftie de pierres grifes, & fa feneftre regardoit le fleuve.",
    "Les foldats fe repofoyent pres de la fontaine, parce que le foleil eftoit bruflant.",
    "Ainfi les habitans connoiffoyent la fageffe de leur maiftre & le refpectoyent.",
    "Enfuite il fit prefenter fes dons aux pauvres, & tous le remercierent auffi toft.",
    "Le preftre difoit la meffe dans fa chapelle, pendant que les enfans chantoyent.",
    "Enfin la faifon des feftes arriva, & le village entier fe raffembla fur la place.",
]
RETOLD = [
    "Sous les arbres de la place, des marchands assis espéraient une moisson abondante.",
    "Le seigneur allait souvent visiter ses champs en passant par la forêt voisine.",
    "Sa demeure était faite de pierres sombres, avec une fenêtre tournée vers le fleuve.",
    "Près de la fontaine, les soldats prenaient du repos sous un soleil écrasant.",
    "Les habitants admiraient la prudence de leur maître et lui obéissaient.",
    "Il offrit ensuite des présents aux pauvres, qui le remercièrent tous.",
    "Pendant la messe, dite par le prêtre, les enfants chantaient dans la chapelle.",
    "Puis vint la saison des fêtes, et tout le village se réunit sur la place.",
]


def sources(*texts: list[str]):
    return [
        build_source([Block(t, f"line {n + 1}") for n, t in enumerate(paragraphs)], f"s{k}")
        for k, paragraphs in enumerate(texts)
    ]


def test_an_old_print_pairs_each_paragraph_with_its_modern_spelling() -> None:
    comparison = Corpus(sources(MODERN, OLD)).comparison("s0", "s1")
    pairs = {
        (a.paragraph, b.paragraph)
        for row in comparison.rows
        for pair in row.sentences
        for a in pair.left
        for b in pair.right
    }
    assert pairs == {(n, n) for n in range(len(MODERN))}


def test_old_spellings_share_the_modern_key() -> None:
    bridged = bridged_keys(sources(MODERN, OLD))

    def key(word: str) -> str:
        return bridged.get(word_key(word), word_key(word))

    for old, modern in [
        ("eftoit", "était"),
        ("maifon", "maison"),
        ("connoiffoyent", "connaissaient"),
    ]:
        assert key(old) == key(modern)
    assert key("fontaine") != key("sontaine")  # a real f stays an f


def test_modern_texts_are_not_respelled() -> None:
    assert bridged_keys(sources(MODERN, RETOLD)) == {}
