"""Sentence alignment where a text repeats itself: a refrain, a phrase said twice.

The links come from the linker in real use; here they are written out, to put the aligner in
the two situations where a repeat misleads it: a sentence linked to the earlier copy of a
refrain (which reads as moved text), and a sentence linked across unaligned neighbours to a
phrase it repeats. The sentences are scored on the real word tables of the two sources.
"""

from __future__ import annotations

import pytest

from reader.core import calibration as cal
from reader.core.alignment import SentenceBags, align
from reader.core.loading import build_source
from reader.core.segment import Block
from reader.core.units import UnitTable

pytestmark = pytest.mark.core

REFRAIN = "« Nous ne lâcherons rien », a déclaré la secrétaire générale du syndicat."


def bags(left: list[str], right: list[str]) -> SentenceBags:
    """Sentence bags of two one-paragraph-per-sentence sources."""
    sources = [
        build_source([Block(t, f"line {n + 1}") for n, t in enumerate(texts)], name)
        for texts, name in ((left, "left"), (right, "right"))
    ]
    return SentenceBags.of_corpus(0, 1, UnitTable(sources))


def linked(found: SentenceBags, pairs: list[tuple[int, int]]) -> list[tuple[int, int, float]]:
    return [(a, b, found.score(a, b).value) for a, b in pairs]


def test_a_refrain_linked_to_its_earlier_copy_is_read_in_place() -> None:
    left = [
        "Le syndicat des cheminots appelle à une grève nationale jeudi prochain.",
        REFRAIN,
        "La direction propose une hausse des salaires de deux pour cent dès janvier.",
        "Une nouvelle réunion de négociation est prévue lundi au ministère.",
        REFRAIN,
        "Elle exige l'ouverture de discussions sur les retraites.",
    ]
    right = [
        "La direction propose une hausse des salaires de deux pour cent en janvier.",
        "Une nouvelle réunion de négociation aura lieu lundi au ministère.",
        REFRAIN,
        "Elle réclame l'ouverture de discussions sur les retraites.",
    ]
    found = bags(left, right)
    # The linker saw two equal partners for the right's refrain and kept the first.
    groups = align(len(left), len(right), linked(found, [(2, 0), (3, 1), (1, 2), (5, 3)]), found)
    refrain = next(g for g in groups if 2 in g.right)
    assert refrain.left == (4,) and not refrain.moved
    assert next(g for g in groups if 1 in g.left).right == ()


def test_a_sentence_linked_to_a_later_echo_keeps_its_place() -> None:
    said = "« Allez, vous aussi, travailler dans ma vigne au bord du fleuve"
    left = [
        "Il sortit vers la troisième heure et vit d'autres ouvriers sur la place.",
        f"Il leur dit : {said}, et je vous donnerai ce qui est juste. »",
        "Il sortit encore vers la sixième heure et fit de même.",
        f"Vers la onzième heure, il en trouva d'autres et leur dit : {said}. »",
    ]
    right = [
        "Il sortit vers la troisième heure, vit d'autres ouvriers sur la place et leur dit : "
        f"{said}, je vous donnerai ce qui est juste. »",
        "Il sortit encore vers la sixième heure et fit de même.",
        "Vers la onzième heure, il en trouva d'autres.",
        f"Il leur dit : {said}. »",
    ]
    found = bags(left, right)
    # The linker's strongest link for the second sentence is the later, shorter echo.
    links = [*linked(found, [(0, 0), (1, 0), (2, 1), (3, 2), (3, 3)]), (1, 3, 0.95)]
    groups = align(4, 4, links, found)
    assert not any(g.moved for g in groups)
    assert next(g for g in groups if 1 in g.left).right == (0,)
    assert next(g for g in groups if 3 in g.right).left == (3,)


def test_a_true_move_with_no_rendering_in_place_stays_moved() -> None:
    left = [
        "Le conseil municipal a voté mardi la rénovation complète de la piscine.",
        "Les travaux coûteront trois millions d'euros et dureront quatorze mois.",
        "Les bassins extérieurs resteront ouverts pendant tout le chantier.",
    ]
    right = [
        "Les bassins extérieurs resteront ouverts pendant tout le chantier.",
        "Le conseil municipal a voté mardi la rénovation complète de la piscine.",
        "Les travaux coûteront trois millions d'euros et dureront quatorze mois.",
    ]
    found = bags(left, right)
    groups = align(3, 3, linked(found, [(0, 1), (1, 2), (2, 0)]), found)
    assert [g for g in groups if g.moved] == [g for g in groups if g.left == (2,)]
    assert next(g for g in groups if g.left == (2,)).right == (0,)


def test_a_phrase_said_again_does_not_join_across_unaligned_neighbours() -> None:
    left = [
        "Le maire a présenté mardi soir le budget de la ville.",
        "Il a promis que les impôts locaux ne monteraient pas cette année.",
        "La séance du conseil a duré plus de trois heures.",
        "Le lendemain, l'opposition a rappelé que les impôts locaux ne monteraient pas "
        "selon lui, et a réclamé le détail des économies.",
    ]
    right = [
        "Mardi soir, le maire a présenté le budget de la ville et promis que les impôts "
        "locaux ne monteraient pas cette année.",
        "Le lendemain, l'opposition a réclamé le détail des économies prévues.",
    ]
    found = bags(left, right)
    # Sentence 1 was left unlinked (its words are inside the longer right sentence); the
    # repeat in sentence 3 links to that sentence too.
    groups = align(4, 2, linked(found, [(0, 0), (3, 0), (3, 1)]), found)
    assert next(g for g in groups if 3 in g.left).right == (1,)
    assert 0 not in next(g for g in groups if 3 in g.left).right


def test_a_moved_sentence_with_no_link_in_its_group_is_read_in_place() -> None:
    """A member of a moved group can be left with no link in it (its partner went as an
    echo); the move then weighs nothing against the sentence where the order puts it, and
    any sentence there that shares its words is taken. A member with a link of its own
    keeps the move unless the sentence in place matches nearly as well."""
    from reader.core.alignment import _in_place_alternatives

    elsewhere = [  # text of both sources that the pairs below do not touch
        "Un orage a éclaté dans la soirée au-dessus des collines.",
        "Le marché aux fleurs reste ouvert jusqu'à midi.",
        "Trois cyclistes ont traversé le pont de pierre.",
        "Une chorale répète chaque jeudi dans la chapelle.",
    ]
    dive = "Les nageurs intrépides plongèrent joyeusement depuis le plongeoir"
    left = [
        "Le maire a inauguré la nouvelle piscine municipale samedi matin.",
        f"{dive} rouge vers le bassin olympique.",
        "La ville a financé les travaux pendant trois ans.",
        *elsewhere,
    ]
    right = [
        "Le maire a inauguré la nouvelle piscine municipale samedi.",
        f"{dive}.",
        "La ville a financé les travaux durant trois ans.",
        f"{dive} rouge vers le bassin olympique.",
        *elsewhere,
    ]
    found = bags(left, right)
    chain = linked(found, [(0, 0), (2, 2)])
    in_place = found.score(1, 1).value
    assert 0 < in_place < found.score(1, 3).value
    groups = [({0}, {0}), ({2}, {2}), ({1}, {3})]  # the third off the chain: moved
    orphan = _in_place_alternatives(groups, {0, 1}, chain, found, None)
    assert orphan is not None and (1, 1, in_place) in orphan
    strong = [*chain, (1, 3, in_place / cal.MOVED_ALTERNATIVE * 1.01)]
    assert _in_place_alternatives(groups, {0, 1}, strong, found, None) is None
