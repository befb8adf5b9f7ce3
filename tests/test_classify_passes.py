"""Each labelling pass weighs again only the paragraphs whose link evidence it changes, and
labels exactly as weighing every paragraph again would."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core import classify as classify_module
from reader.core.corpus import Corpus
from tests import ntcorpus as nt

ROOT = Path(__file__).resolve().parents[1]
CORPORA = {
    "seeds": sorted((ROOT / "seeds").glob("*.txt")),
    "water": sorted((ROOT / "tests" / "data" / "water").glob("*.txt")),
    "english": sorted((ROOT / "tests" / "data" / "english").glob("*.txt")),
}


def _labels(paths: list[Path]) -> list[list[classify_module.ParagraphLabel]]:
    corpus = Corpus.from_paths(paths)
    linking = corpus.linking()
    return classify_module.classify(corpus.sources, linking.table, linking.links)


def _weighed(monkeypatch: pytest.MonkeyPatch, every: bool) -> list[int]:
    """Record how many paragraphs each later pass weighs again; with `every`, all of them."""
    counts: list[int] = []
    real = classify_module._affected

    def affected(*args: Any) -> set[tuple[int, int]] | None:
        found = real(*args)
        counts.append(len(found) if found is not None else -1)
        return None if every else found

    monkeypatch.setattr(classify_module, "_affected", affected)
    return counts


@pytest.mark.parametrize("name", sorted(CORPORA))
def test_later_passes_label_as_weighing_everything_again(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = CORPORA[name]
    everything = _weighed(monkeypatch, every=True)
    expected = _labels(paths)
    monkeypatch.undo()
    some = _weighed(monkeypatch, every=False)
    assert _labels(paths) == expected
    assert some == everything  # the same passes, each told the same paragraphs


def test_the_seeds_take_more_than_one_pass_and_reweigh_only_a_few(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """What the test above compares is a real shortcut: on the seeds a later pass runs, and
    weighs again a small part of the paragraphs."""
    counts = _weighed(monkeypatch, every=False)
    labels = _labels(CORPORA["seeds"])
    paragraphs = sum(len(source) for source in labels)
    assert len(counts) >= 2
    assert all(0 <= n < paragraphs // 4 for n in counts)


def test_a_long_translated_pair_labels_as_weighing_everything_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not nt.available():
        pytest.skip("../shared/corpora/nt-fr is absent")
    left, right = nt.pair(
        "FreStapfer1889", "FreOltramare1874", 2, 3, ("Philippians", "Colossians", "James")
    )
    paths = [nt.write(left, tmp_path / "left.txt"), nt.write(right, tmp_path / "right.txt")]
    _weighed(monkeypatch, every=True)
    expected = _labels(paths)
    monkeypatch.undo()
    assert _labels(paths) == expected


def _pool() -> list[str]:
    """Paragraphs of every kind to build corpora from: the seeds' and the test sources'."""
    texts = []
    for paths in CORPORA.values():
        for path in paths:
            texts += [t for t in path.read_text(encoding="utf-8").splitlines() if t.strip()]
    return texts


POOL = _pool()


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.lists(st.integers(0, len(POOL) - 1), min_size=1, max_size=25), min_size=2, max_size=4
    )
)
def test_any_corpus_labels_as_weighing_everything_again(picks: list[list[int]]) -> None:
    """Sources made of paragraphs drawn from the pool, in any order and any number: the
    shortcut changes no label, confidence or evidence."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for n, source in enumerate(picks):
            path = Path(folder) / f"s{n}.txt"
            path.write_text("\n\n".join(POOL[i] for i in source), encoding="utf-8")
            paths.append(path)
        with pytest.MonkeyPatch.context() as patch:
            _weighed(patch, every=True)
            expected = _labels(paths)
        assert _labels(paths) == expected


def test_a_paragraph_is_weighed_again_when_a_unit_it_is_linked_to_comes_in_or_leaves() -> None:
    # Units 0-3; unit 0 (in paragraph (0, 0)) is linked to unit 2 (in (1, 0)), unit 1 (in
    # (0, 1)) to unit 3 (in (1, 1)). Each entry: (linked unit, score, its paragraph).
    neighbours = {
        0: [(2, 0.9, (1, 0))],
        2: [(0, 0.9, (0, 0))],
        1: [(3, 0.8, (1, 1))],
        3: [(1, 0.8, (0, 1))],
    }
    affected = classify_module._affected
    # From every unit counting to units 0 and 2: the paragraphs linked to 1 or 3 change.
    assert affected(neighbours, None, {0, 2}) == {(0, 1), (1, 1)}
    assert affected(neighbours, {0, 2}, {0, 2}) == set()
    assert affected(neighbours, {0, 2}, {2}) == {(1, 0)}  # unit 0 left
    assert affected(neighbours, {2}, {2, 3}) == {(0, 1)}  # unit 3 came in
