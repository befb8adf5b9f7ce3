"""Load a file into a Source: decode, segment, tokenise, read its metadata."""

from __future__ import annotations

import hashlib
from bisect import bisect_left
from collections.abc import Sequence
from pathlib import Path

from reader.core.decoding import read_bytes
from reader.core.errors import SourceError
from reader.core.formats import extract
from reader.core.metadata import guess_outlet, guess_title
from reader.core.model import Paragraph, Sentence, Source
from reader.core.segment import Block, sentence_spans
from reader.core.text import Tokens, detect_language, tokenize_columns


def source_id_for(path: Path) -> str:
    """Return a source's id: its file name without the extension."""
    return path.stem if path.suffix else path.name


def load_source(path: str | Path, source_id: str | None = None) -> Source:
    """Read a file and return it as a Source, or raise SourceError saying why not.

    The format follows the file's suffix: .html/.htm are saved web pages, .docx Word files,
    anything else text (see reader.core.formats). The file is only read, never written.
    """
    path = Path(path)
    return source_from_bytes(read_bytes(path), path, source_id)


def source_from_bytes(data: bytes, path: Path, source_id: str | None = None) -> Source:
    """Make a Source from a file's bytes already read; path names it and gives its format."""
    extracted = extract(data, path)
    if not extracted.blocks:
        raise SourceError(path, "has no text", "choose a file that contains text")
    return build_source(
        extracted.blocks,
        source_id or source_id_for(path),
        path=path,
        encoding=extracted.encoding,
        sha256=hashlib.sha256(data).hexdigest(),
        title=extracted.title,
        outlet=extracted.outlet,
        date=extracted.date,
        url=extracted.url,
    )


def build_source(
    blocks: Sequence[Block],
    source_id: str,
    *,
    path: Path | None = None,
    encoding: str = "utf-8",
    sha256: str | None = None,
    title: str | None = None,
    outlet: str | None = None,
    date: str | None = None,
    url: str | None = None,
) -> Source:
    """Make a Source from paragraph blocks (from any format)."""
    full_text = "\n".join(b.text for b in blocks)
    language = detect_language(full_text)
    paragraphs = tuple(
        make_paragraph(i, block.text, block.origin, language) for i, block in enumerate(blocks)
    )
    texts = [p.text for p in paragraphs]
    return Source(
        id=source_id,
        path=path,
        title=title or guess_title(texts) or source_id,
        outlet=outlet or guess_outlet(texts),
        date=date,
        url=url,
        language=language,
        encoding=encoding,
        sha256=sha256 or hashlib.sha256(full_text.encode("utf-8")).hexdigest(),
        paragraphs=paragraphs,
    )


def make_paragraph(index: int, text: str, origin: str, language: str) -> Paragraph:
    tokens = tokenize_columns(text, language)
    words = tokens.content_count()
    return Paragraph(index, text, origin, tokens, _sentences(text, tokens), words)


def _sentences(text: str, tokens: Tokens) -> tuple[Sentence, ...]:
    sentences: list[Sentence] = []
    starts = tokens.starts
    t = 0
    for start, end in sentence_spans(text):
        first = t
        t = max(t, bisect_left(starts, end))  # the tokens that start before the end
        if t > first:
            sentences.append(Sentence(start, end, first, t))
    if t < len(tokens) and sentences:  # trailing tokens belong to the last sentence
        last = sentences[-1]
        sentences[-1] = Sentence(last.start, tokens.ends[-1], last.first_token, len(tokens))
    return tuple(sentences)
