"""Score direct-speech labels on ../shared/corpora/aads-fr (French novels, speech annotated).

Each chapter is analysed alone, as a user would open it; a paragraph is direct speech in the
annotation when at least half of its letters lie inside annotated speech, and in the engine's
output when it is labelled quotation.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from reader.core import Corpus, Label
from reader.core.calibration import SPEECH_SHARE
from tests.shared_corpora import corpus_dir

AADS_DIR = corpus_dir("aads-fr")


def available() -> bool:
    return (AADS_DIR / "direct_speech.json").is_file()


@cache
def _gold() -> dict[str, list[float]]:
    return json.loads((AADS_DIR / "direct_speech.json").read_text(encoding="utf-8"))


def gold(name: str) -> list[float]:
    """The annotated share of direct speech of each paragraph of a chapter."""
    return _gold()[name]


def chapters(split: str) -> list[str]:
    """The chapters of a split ("train" or "val"), as "split/name"."""
    return sorted(f"{split}/{p.stem}" for p in (AADS_DIR / split).glob("*.txt"))


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    # (confidence of the label given, whether the speech decision was right)
    judged: list[tuple[float, bool]] | None = None

    @property
    def precision(self) -> float:
        return self.tp / max(1, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return self.tp / max(1, self.tp + self.fn)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def line(self, name: str) -> str:
        return (
            f"{name}: direct speech precision {self.precision:.3f} recall {self.recall:.3f} "
            f"F1 {self.f1:.3f} (tp {self.tp}, fp {self.fp}, fn {self.fn}, tn {self.tn})"
        )


def score(names: Iterable[str]) -> Score:
    """Analyse each chapter alone and count its paragraphs' speech decisions."""
    result = Score(judged=[])
    for name in names:
        corpus = Corpus.from_paths([AADS_DIR / f"{name}.txt"])
        source = corpus.sources[0]
        shares = _gold()[name]
        assert len(shares) == len(source.paragraphs), name
        for analysed, share in zip(corpus.paragraph_analysis(source.id), shares, strict=True):
            said = analysed.label == Label.QUOTATION
            truth = share >= SPEECH_SHARE
            result.tp += said and truth
            result.fp += said and not truth
            result.fn += truth and not said
            result.tn += not said and not truth
            assert result.judged is not None
            result.judged.append((analysed.confidence, said == truth))
    return result
