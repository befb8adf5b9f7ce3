"""The immutable things the engine hands out: sources, paragraphs, sentences."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from reader.core.text import Tokens


class Label(StrEnum):
    QUOTATION = "quotation"
    PARAPHRASE = "paraphrase"
    COMMENTARY = "commentary"
    BOILERPLATE = "boilerplate"


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of a paragraph: character span and token range inside the paragraph."""

    start: int
    end: int
    first_token: int
    last_token: int  # one past the last


@dataclass(frozen=True)
class Paragraph:
    index: int
    text: str
    origin: str  # where it came from in the file: "line 12", "lines 3–7", "<p> 4"
    tokens: Tokens = field(repr=False)
    sentences: tuple[Sentence, ...] = field(repr=False)
    word_count: int = 0  # content words (numbers included)


@dataclass(frozen=True)
class Source:
    id: str
    path: Path | None
    title: str
    outlet: str | None
    date: str | None
    url: str | None
    language: str
    encoding: str
    sha256: str  # of the file's bytes, so an export can prove what was compared
    paragraphs: tuple[Paragraph, ...] = field(repr=False)

    @property
    def word_count(self) -> int:
        return sum(p.word_count for p in self.paragraphs)
