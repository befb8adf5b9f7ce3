"""Fit the direct-speech weights and cut-offs on aads-fr train; print them beside calibration.py.

    python -m tests.benchmarks.fit_speech

- the told-story rule (STORY_PARAGRAPHS, STORY_VERB_RATE): a grid search, scored by the F1 of
  direct speech from the paragraphs' speech shares;
- the alone emission (ALONE_SPEECH_SLOPE, centred on SPEECH_SHARE): a logistic regression of
  the annotation (speech or not) on the paragraph's speech share, by Newton's method;
- the alone transitions: how often the annotation goes from speech to speech, and from
  narration to narration;
- the alone confidence (ALONE_CONFIDENCE): the run model's posteriors binned, each bin's
  share of right labels, made monotone by pooling adjacent bins.

Only the train chapters are fitted on; val is scored with the values fitted, to check them.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import pairwise, product

import numpy as np

from reader.core import calibration as cal
from reader.core.speech import paragraph_speech, speech_of_paragraphs
from tests import aads

STORY_PARAGRAPHS = (2, 3, 4, 5, 6)
STORY_VERB_RATES = tuple(r / 1000 for r in range(5, 45, 2))


def _chapter(name: str) -> tuple[list[str], list[bool]]:
    lines = (aads.AADS_DIR / f"{name}.txt").read_text(encoding="utf-8").splitlines()
    texts = [line for line in lines if line.strip()]
    return texts, [share >= cal.SPEECH_SHARE for share in aads.gold(name)]


@contextmanager
def _values(**values: object) -> Iterator[None]:
    """Set calibration values for the time of a block (the speech caches are cleared)."""
    before = {name: getattr(cal, name) for name in values}
    for name, value in values.items():
        setattr(cal, name, value)
    paragraph_speech.cache_clear()
    try:
        yield
    finally:
        for name, value in before.items():
            setattr(cal, name, value)
        paragraph_speech.cache_clear()


def _shares(split: str) -> tuple[np.ndarray, np.ndarray, np.ndarray, list[list[bool]]]:
    """Direct and reported shares and the annotation of every paragraph of a split."""
    direct: list[float] = []
    reported: list[float] = []
    truth: list[bool] = []
    runs: list[list[bool]] = []
    for name in aads.chapters(split):
        texts, gold = _chapter(name)
        for speech in speech_of_paragraphs(texts, "french"):
            direct.append(speech.direct)
            reported.append(speech.reported)
        truth += gold
        runs.append(gold)
    return np.array(direct), np.array(reported), np.array(truth), runs


def _f1(said: np.ndarray, truth: np.ndarray) -> float:
    tp = float(np.sum(said & truth))
    return 2 * tp / max(1.0, float(np.sum(said) + np.sum(truth)))


def fit_story(split: str = "train") -> tuple[int, float, float]:
    """The told-story cut-offs with the best direct-speech F1 (ties: the loosest rule)."""
    best = (0.0, 0, 0.0)
    for paragraphs, rate in product(STORY_PARAGRAPHS, STORY_VERB_RATES):
        with _values(STORY_PARAGRAPHS=paragraphs, STORY_VERB_RATE=rate):
            direct, _, truth, _ = _shares(split)
        f1 = _f1(direct >= cal.SPEECH_SHARE, truth)
        if f1 > best[0] + 1e-9:
            best = (f1, paragraphs, rate)
    return best[1], best[2], best[0]


def fit_logistic(x: np.ndarray, y: np.ndarray, steps: int = 50) -> tuple[float, float]:
    """Fit P(y) = sigmoid(slope * (x - centre)) by Newton's method (a small ridge keeps a
    separable set finite); return (slope, centre)."""
    design = np.column_stack([np.ones_like(x), x])
    w = np.zeros(2)
    ridge = 1e-3 * np.eye(2)
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-design @ w))
        gradient = design.T @ (p - y) + ridge @ w
        hessian = design.T @ (design * (p * (1 - p))[:, None]) + ridge
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.max(np.abs(step)) < 1e-8:
            break
    return float(w[1]), float(-w[0] / w[1])


def transitions(runs: list[list[bool]]) -> tuple[float, float]:
    """Share of speech paragraphs followed by speech, of narration followed by narration."""
    pairs = [pair for run in runs for pair in pairwise(run)]
    speech = [b for a, b in pairs if a]
    narration = [not b for a, b in pairs if not a]
    return sum(speech) / max(1, len(speech)), sum(narration) / max(1, len(narration))


IDENTITY = ((0.5, 0.5), (1.0, 1.0))
CONFIDENCE_EDGES = (0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.01)


def fit_confidence(split: str = "train") -> tuple[tuple[float, float], ...]:
    """(posterior, share right) knots: bins of the raw posteriors, pooled to be monotone."""
    with _values(ALONE_CONFIDENCE=IDENTITY):
        judged = aads.score(aads.chapters(split)).judged or []
    bins: list[list[float]] = []  # [sum of posteriors, right, count]
    for low, high in pairwise(CONFIDENCE_EDGES):
        inside = [(c, ok) for c, ok in judged if low <= c < high]
        if inside:
            bins.append([sum(c for c, _ in inside), sum(ok for _, ok in inside), len(inside)])
    pooled: list[list[float]] = []
    for b in bins:  # pool adjacent violators: a higher posterior is never less often right
        pooled.append(list(b))
        while len(pooled) > 1 and pooled[-2][1] / pooled[-2][2] > pooled[-1][1] / pooled[-1][2]:
            last = pooled.pop()
            pooled[-1] = [a + b for a, b in zip(pooled[-1], last, strict=True)]
    return tuple((round(p / n, 3), round(r / n, 3)) for p, r, n in pooled)


def main() -> None:
    if not aads.available():
        print("../shared/corpora/aads-fr is absent")
        return
    if "--confidence" in sys.argv:
        print(f"alone confidence: {fit_confidence()} (ALONE_CONFIDENCE {cal.ALONE_CONFIDENCE})")
        return
    paragraphs, rate, f1 = fit_story()
    print(f"told story: STORY_PARAGRAPHS {paragraphs} (calibration.py {cal.STORY_PARAGRAPHS}), ")
    print(f"  STORY_VERB_RATE {rate:.3f} (calibration.py {cal.STORY_VERB_RATE}); train F1 {f1:.3f}")
    direct, reported, truth, runs = _shares("train")
    slope, centre = fit_logistic(direct + reported, truth.astype(float))
    print(
        f"alone emission: slope {slope:.1f} (ALONE_SPEECH_SLOPE {cal.ALONE_SPEECH_SLOPE}), "
        f"centre {centre:.3f} (SPEECH_SHARE {cal.SPEECH_SHARE})"
    )
    stay_speech, stay_narration = transitions(runs)
    q, _, c, _ = cal.ALONE_TRANSITIONS[0]
    _, _, c2, _ = cal.ALONE_TRANSITIONS[2]
    q2 = cal.ALONE_TRANSITIONS[2][0]
    print(
        f"annotation: speech after speech {stay_speech:.2f} (ALONE_TRANSITIONS, quotation to "
        f"quotation against commentary: {q / (q + c):.2f}); narration after narration "
        f"{stay_narration:.2f} ({c2 / (c2 + q2):.2f})"
    )
    print(f"alone confidence: {fit_confidence()} (ALONE_CONFIDENCE {cal.ALONE_CONFIDENCE})")
    for split in ("train", "val"):
        d, _, t, _ = _shares(split)
        print(f"{split}: direct-speech F1 from the shares {_f1(d >= cal.SPEECH_SHARE, t):.3f}")


if __name__ == "__main__":
    main()
