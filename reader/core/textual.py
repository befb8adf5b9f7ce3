"""What labelling reads off one source's own text, with no other source in sight.

Labelling a paragraph weighs two kinds of evidence: what its own words show (speech cues,
page furniture, the speech it holds, runs of quotation over several paragraphs) and what
the other sources share with it (the links). The first kind depends on nothing but the
source's text and language, so it is worked out here, source by source: on a long corpus
it is more than half of labelling, and it can be worked out while the links are found
(reader.core.apart does so in a second process).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reader.core import calibration as cal
from reader.core.cues import SpeechCues, furniture, speech_cues
from reader.core.model import Source
from reader.core.speech import ParagraphSpeech, speech_of_paragraphs


@dataclass(frozen=True)
class Textual:
    """One source's textual evidence, paragraph by paragraph."""

    cues: tuple[SpeechCues, ...]
    furniture: tuple[tuple[float, str], ...]  # how strongly each reads as page furniture, why
    speech: tuple[ParagraphSpeech, ...]


def textual(source: Source) -> Textual:
    """Read one source's textual evidence."""
    return read_texts([p.text for p in source.paragraphs], source.language)


def read_texts(texts: Sequence[str], language: str) -> Textual:
    """Read the textual evidence of a source's paragraphs, given in order."""
    near_end = cal.NEAR_END * len(texts)
    return Textual(
        tuple(speech_cues(text, language) for text in texts),
        tuple(
            furniture(text, near_end=n >= near_end, lang=language) for n, text in enumerate(texts)
        ),
        tuple(speech_of_paragraphs(texts, language)),
    )
