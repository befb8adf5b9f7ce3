"""A reader's corrections: anchored to the text, honoured by the engine, never misapplied."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.core import Corpus, Label
from reader.core.classify import FIXED_EVIDENCE
from reader.core.corrections import (
    Anchor,
    Corrections,
    LabelCorrection,
    LinkCorrection,
    PassageOut,
    Side,
    passage_anchor,
    place,
)
from reader.core.statement import STATEMENT_ID
from tests.conftest import DATA, labels_of, paragraph_index

pytestmark = pytest.mark.core

WATER = sorted((DATA / "water").glob("*.txt"))


def corpus_of(paths: list[Path], corrections: Corrections | None = None) -> Corpus:
    corpus = Corpus.from_paths(paths, corrections)
    corpus.analysis()
    return corpus


def relabel(corpus: Corpus, source_id: str, starts_with: str, label: Label) -> LabelCorrection:
    source = corpus.source(source_id)
    return LabelCorrection(Side.of(source, paragraph_index(corpus, source_id, starts_with)), label)


def rewritten(tmp_path: Path, original: Path, edit) -> Path:
    """A re-saved copy of a source (same file name, so the same id), its lines edited."""
    lines = original.read_text("utf-8").splitlines()
    folder = tmp_path / "resaved"
    folder.mkdir(exist_ok=True)
    target = folder / original.name
    target.write_text("\n".join(edit(lines)) + "\n", "utf-8")
    return target


# The engine honours a label ----------------------------------------------------------------


def test_a_corrected_label_is_kept_and_the_engines_is_shown_beside_it(water: Corpus) -> None:
    fix = relabel(water, "report", "Sa directrice", Label.QUOTATION)
    corpus = water.corrected(Corrections((fix,)))
    analysed = corpus.paragraph_analysis("report")[fix.at.anchor.index]
    assert analysed.label == Label.QUOTATION and analysed.corrected
    assert analysed.engine is not None and analysed.engine.label == Label.PARAPHRASE
    assert FIXED_EVIDENCE in analysed.evidence
    assert FIXED_EVIDENCE not in analysed.engine.evidence
    assert corpus.placement().orphans == ()


def test_a_weak_neighbour_follows_the_readers_label(water: Corpus) -> None:
    # A one-line announcement between two quoted paragraphs is a quotation because of the
    # run it stands in; once the reader says the paragraph before it is the outlet's own,
    # the run model no longer carries it, while a paragraph with evidence of its own stays.
    before = labels_of(water, "trad_b")
    weak = paragraph_index(water, "trad_b", "Nous mettons trois mesures")
    strong = paragraph_index(water, "trad_b", "Un grand merci")
    assert before[weak] == before[strong] == Label.QUOTATION
    fix = relabel(water, "trad_b", "Vous êtes nombreux", Label.COMMENTARY)
    after = labels_of(water.corrected(Corrections((fix,))), "trad_b")
    assert after[weak] == Label.COMMENTARY
    assert after[strong] == Label.QUOTATION


def test_the_statement_is_rebuilt_from_corrected_labels(water: Corpus) -> None:
    heading = paragraph_index(water, "trad_a", "Le message d’Elena Varga")
    fix = LabelCorrection(Side.of(water.source("trad_a"), heading), Label.QUOTATION)
    corpus = water.corrected(Corrections((fix,)))
    members = {m for p in corpus.analysis().statement.passages for m in p.members}
    assert (corpus.index("trad_a"), heading) not in {
        m for p in water.analysis().statement.passages for m in p.members
    }
    assert (corpus.index("trad_a"), heading) in members


# Anchors -----------------------------------------------------------------------------------


def test_a_correction_survives_a_one_word_edit(tmp_path: Path, water: Corpus) -> None:
    fix = relabel(water, "trad_a", "Nous ne blâmons pas", Label.COMMENTARY)
    resaved = rewritten(
        tmp_path,
        DATA / "water" / "trad_a.txt",
        lambda lines: [
            line.replace("premières victimes", "principales victimes") for line in lines
        ],
    )
    paths = [p if p.name != "trad_a.txt" else resaved for p in WATER]
    corpus = corpus_of(paths, Corrections((fix,)))
    assert corpus.source("trad_a").sha256 != water.source("trad_a").sha256
    edited = paragraph_index(corpus, "trad_a", "Nous ne blâmons pas")
    assert labels_of(corpus, "trad_a")[edited] == Label.COMMENTARY
    assert corpus.placement().orphans == () and corpus.placement().moved == 1


def test_a_correction_follows_its_paragraph_when_others_are_added_before_it(
    tmp_path: Path, water: Corpus
) -> None:
    fix = relabel(water, "report", "Mme Varga a indiqué", Label.QUOTATION)
    resaved = rewritten(
        tmp_path,
        DATA / "water" / "report.txt",
        lambda lines: ["Mise à jour : cet article a été complété.", "", *lines],
    )
    corpus = corpus_of(
        [p if p.name != "report.txt" else resaved for p in WATER], Corrections((fix,))
    )
    moved = paragraph_index(corpus, "report", "Mme Varga a indiqué")
    assert moved != fix.at.anchor.index
    assert labels_of(corpus, "report")[moved] == Label.QUOTATION


def test_a_deleted_paragraph_orphans_its_correction_and_changes_nothing(
    tmp_path: Path, water: Corpus
) -> None:
    fix = relabel(water, "trad_a", "Ces mesures coûtent", Label.COMMENTARY)
    resaved = rewritten(
        tmp_path,
        DATA / "water" / "trad_a.txt",
        lambda lines: [line for line in lines if not line.startswith("Ces mesures coûtent")],
    )
    paths = [p if p.name != "trad_a.txt" else resaved for p in WATER]
    uncorrected = corpus_of(paths)
    corpus = corpus_of(paths, Corrections((fix,)))
    (orphan,) = corpus.placement().orphans
    assert orphan.correction == fix and "no longer" in orphan.reason
    assert not any(p.corrected for s in corpus.ids() for p in corpus.paragraph_analysis(s))
    for source_id in corpus.ids():
        assert labels_of(corpus, source_id) == labels_of(uncorrected, source_id)


def test_a_correction_never_applies_to_another_source_with_the_same_paragraph(
    tmp_path: Path, water: Corpus
) -> None:
    # Another outlet that reprints trad_a whole, under its own name: same paragraphs.
    reprint = tmp_path / "reprint.txt"
    reprint.write_text("Reprise intégrale\n" + (DATA / "water" / "trad_a.txt").read_text("utf-8"))
    fix = relabel(water, "trad_a", "Nous ne blâmons pas", Label.BOILERPLATE)
    alone = corpus_of([*WATER, reprint])
    corpus = corpus_of([*WATER, reprint], Corrections((fix,)))
    same = paragraph_index(corpus, "reprint", "Nous ne blâmons pas")
    assert labels_of(corpus, "reprint")[same] == labels_of(alone, "reprint")[same]
    assert labels_of(corpus, "reprint")[same] != Label.BOILERPLATE
    assert not any(p.corrected for p in corpus.paragraph_analysis("reprint"))
    assert labels_of(corpus, "trad_a")[fix.at.anchor.index] == Label.BOILERPLATE


def test_a_correction_for_a_source_not_loaded_is_dormant_not_orphaned(water: Corpus) -> None:
    fix = relabel(water, "forum", "Vous avez vu", Label.QUOTATION)
    corpus = corpus_of([p for p in WATER if p.stem != "forum"], Corrections((fix,)))
    assert corpus.placement().orphans == () and corpus.placement().labels == {}


def test_repeated_paragraphs_are_told_apart_by_their_neighbours(tmp_path: Path) -> None:
    text = "Titre\nPartager\nPremier article.\nPartager\nSecond article.\nPartager\n"
    path = tmp_path / "page.txt"
    path.write_text(text, "utf-8")
    source = Corpus.from_paths([path]).sources[0]
    fix = LabelCorrection(Side.of(source, 3), Label.COMMENTARY)
    assert place(Corrections((fix,)), [source]).labels == {(0, 3): Label.COMMENTARY}


def test_two_equally_close_paragraphs_orphan_rather_than_guess(tmp_path: Path) -> None:
    first = tmp_path / "a" / "note.txt"
    first.parent.mkdir()
    first.write_text("Le conseil vote le budget mardi soir.\nFin.\n", "utf-8")
    second = tmp_path / "b" / "note.txt"
    second.parent.mkdir()
    second.write_text(
        "Le conseil vote le budget lundi soir.\nLe conseil vote le budget jeudi soir.\nFin.\n",
        "utf-8",
    )
    old = Corpus.from_paths([first]).sources[0]
    new = Corpus.from_paths([second]).sources[0]
    placed = place(Corrections((LabelCorrection(Side.of(old, 0), Label.QUOTATION),)), [new])
    assert placed.labels == {} and len(placed.orphans) == 1


# Links and passages ------------------------------------------------------------------------


def test_a_readers_link_pairs_and_an_unlink_separates(water: Corpus) -> None:
    rows = water.comparison("trad_a", "trad_b").rows
    paired = next(r for r in rows if r.left and r.right)
    left, right = paired.left[0], paired.right[0]
    lone = next(r.left[0] for r in rows if r.left and not r.right)
    lone_right = next(r.right[0] for r in rows if r.right and not r.left)
    a, b = water.source("trad_a"), water.source("trad_b")
    corrections = Corrections(
        (
            LinkCorrection(Side.of(a, left), Side.of(b, right), linked=False),
            LinkCorrection(Side.of(a, lone), Side.of(b, lone_right), linked=True),
        )
    )
    corpus = water.corrected(corrections)
    for l_id, r_id, flip in (("trad_a", "trad_b", False), ("trad_b", "trad_a", True)):
        pairs = {
            (p, q) if not flip else (q, p)
            for row in corpus.comparison(l_id, r_id).rows
            for p in row.left
            for q in row.right
        }
        assert (left, right) not in pairs
        assert (lone, lone_right) in pairs
    row = next(r for r in corpus.comparison("trad_a", "trad_b").rows if lone in r.left)
    assert row.diff and {op for op, _ in row.diff} != {-1}
    assert corpus.corrected_pairs("trad_a", "trad_b") == {(lone, lone_right)}


def test_a_passage_marked_out_leaves_the_statement(water: Corpus) -> None:
    statement = water.analysis().statement
    passage = statement.passages[1]
    source = water.sources[passage.source]
    out = PassageOut(passage_anchor(source, passage.text))
    corpus = water.corrected(Corrections((out,)))
    texts = [p.text for p in corpus.analysis().statement.passages]
    assert passage.text not in texts
    assert len(texts) == len(statement.passages) - 1
    assert [p.order for p in corpus.analysis().statement.passages] == list(range(1, len(texts) + 1))
    assert passage.text not in [p.text for p in corpus.source(STATEMENT_ID).paragraphs]
    assert all(passage.id not in p.passages for p in corpus.paragraph_analysis("trad_a"))


# The file format ---------------------------------------------------------------------------

_texts = st.text(min_size=0, max_size=40)
_anchors = st.builds(
    Anchor,
    digest=st.text("0123456789abcdef", min_size=32, max_size=32),
    text=_texts,
    before=_texts,
    after=_texts,
    index=st.integers(0, 10_000),
)
_sides = st.builds(
    Side,
    sha256=st.text("0123456789abcdef", min_size=64, max_size=64),
    source_id=_texts,
    anchor=_anchors,
)
_corrections = st.one_of(
    st.builds(LabelCorrection, at=_sides, label=st.sampled_from(list(Label))),
    st.builds(LinkCorrection, a=_sides, b=_sides, linked=st.booleans()),
    st.builds(PassageOut, at=_sides),
)


@given(st.lists(_corrections, max_size=6))
def test_json_round_trip(items: list) -> None:
    corrections = Corrections(tuple(items))
    text = json.dumps(corrections.to_json(), ensure_ascii=False)
    assert Corrections.from_json(json.loads(text)) == corrections


@pytest.mark.parametrize(
    "data",
    [
        [],
        {"format": 1},
        {"format": 1, "corrections": [{"kind": "label"}]},
        {"format": 9, "corrections": []},
    ],
)
def test_a_malformed_file_is_refused_with_a_reason(data: object) -> None:
    with pytest.raises(ValueError, match=r"damaged|not a corrections file|newer version"):
        Corrections.from_json(data)


def test_a_newer_correction_on_the_same_paragraph_replaces_the_older(water: Corpus) -> None:
    first = relabel(water, "report", "Sa directrice", Label.QUOTATION)
    second = relabel(water, "report", "Sa directrice", Label.COMMENTARY)
    corrections = Corrections((first,)).with_(second)
    assert list(corrections) == [second]


def test_a_readers_link_of_two_sentences_pairs_just_them(seeds: Corpus) -> None:
    left_id, right_id = seeds.ids()[0], seeds.ids()[2]
    rows = seeds.comparison(left_id, right_id).rows
    left, right = seeds.source(left_id), seeds.source(right_id)
    lone_left = next(r.left[0] for r in rows if r.left and not r.right)
    lone_right = next(p.index for p in right.paragraphs if len(p.sentences) >= 2)
    last = len(right.paragraphs[lone_right].sentences) - 1
    link = LinkCorrection(Side.of(left, lone_left, 0), Side.of(right, lone_right, last), True)
    corpus = seeds.corrected(Corrections((link,)))
    row = next(r for r in corpus.comparison(left_id, right_id).rows if lone_left in r.left)
    assert lone_right in row.right
    first = left.paragraphs[lone_left].sentences[0]
    chosen = right.paragraphs[lone_right].sentences[last]
    wanted = (lone_right, chosen.start, chosen.end)
    (pair,) = [
        s for s in row.sentences if wanted in [(x.paragraph, x.start, x.end) for x in s.right]
    ]
    assert [(x.paragraph, x.start, x.end) for x in pair.left] == [
        (lone_left, first.start, first.end)
    ]
    assert [(x.paragraph, x.start, x.end) for x in pair.right] == [
        (lone_right, chosen.start, chosen.end)
    ]
