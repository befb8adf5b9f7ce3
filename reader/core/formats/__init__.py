"""Turn a file's bytes into paragraph blocks and what the file says about itself, by format.

The suffix chooses the reader: .html/.htm/.xhtml are saved web pages (`webpage`), .docx is a
Word file (`wordfile`), anything else is plain text (.txt, .md, no suffix…). A Word file that
was renamed is still recognised by its contents. Formats Synopsis cannot read are refused by
name with what to do instead, rather than shown as a screenful of markup or bytes.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reader.core.decoding import decode
from reader.core.errors import SourceError
from reader.core.segment import Block, split_paragraphs

WEB_PAGE_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
WORD_SUFFIXES = frozenset({".docx"})

# Formats recognised by name that Synopsis does not read: (what it is, what to do instead).
_UNSUPPORTED = {
    ".pdf": ("a PDF document", "copy its text into a .txt file"),
    ".doc": ("an old Word document (.doc)", "save it as .docx in Word"),
    ".docm": ("a Word document with macros", "save it as a plain .docx in Word"),
    ".odt": ("an OpenDocument text", "save it as .docx"),
    ".rtf": ("an RTF document", "save it as .docx or as plain text"),
    ".epub": ("an e-book", "copy the chapter you need into a .txt file"),
    ".mht": ("a web archive (.mht)", "save the page as 'Web Page, HTML only'"),
    ".mhtml": ("a web archive (.mhtml)", "save the page as 'Web Page, HTML only'"),
    ".webarchive": ("a Safari web archive", "save the page as 'Page Source'"),
    ".pages": ("a Pages document", "export it as Word (.docx)"),
}


@dataclass(frozen=True)
class Extracted:
    """The paragraphs of a file and the metadata it states (None where it states none)."""

    blocks: tuple[Block, ...]
    encoding: str
    title: str | None = None
    outlet: str | None = None
    date: str | None = None
    url: str | None = None


def extract(data: bytes, path: Path) -> Extracted:
    """Read a file's bytes in the format its name (or, for Word, its content) says."""
    suffix = path.suffix.lower()
    if suffix in _UNSUPPORTED:
        kind, hint = _UNSUPPORTED[suffix]
        raise SourceError(path, f"is {kind}, which Synopsis does not read", hint)
    # The readers are imported on first use: trafilatura and python-docx take a while to load,
    # and most sources are plain text.
    if suffix in WORD_SUFFIXES or _is_word_package(data):
        from reader.core.formats.wordfile import extract_word

        return extract_word(data, path)
    if suffix in WEB_PAGE_SUFFIXES:
        from reader.core.formats.webpage import extract_web_page

        return extract_web_page(data, path)
    return extract_plain_text(data, path)


def extract_plain_text(data: bytes, path: Path) -> Extracted:
    decoded = decode(data, path)
    return Extracted(tuple(split_paragraphs(decoded.text)), decoded.encoding)


def _is_word_package(data: bytes) -> bool:
    # A .docx is a ZIP whose parts are named in clear near the start; a renamed one is read
    # as what it is rather than refused as "a ZIP archive".
    return data.startswith(b"PK\x03\x04") and b"word/" in data[:65536]
