"""Read a Word .docx file: its body's paragraphs in order (table cells included), and a title.

The text of a paragraph is read from its runs as Word shows it: tracked insertions count,
tracked deletions and field codes do not, and text boxes (pull quotes, sidebars) are left out.
Empty paragraphs are skipped, but "docx paragraph 7" still counts them, so it points at the
seventh paragraph of the document as Word numbers them. The package is checked before
python-docx opens it: a damaged file, or one that would unpack to gigabytes, is refused.
"""

from __future__ import annotations

import io
import logging
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from lxml.etree import QName, XPath

from reader.core.decoding import MAX_FILE_BYTES
from reader.core.errors import SourceError
from reader.core.formats import Extracted
from reader.core.segment import Block

log = logging.getLogger(__name__)

# Far beyond any article with photos; a compressed bomb is refused before it is unpacked.
MAX_UNPACKED_BYTES = 10 * MAX_FILE_BYTES

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NS = {"w": _W, "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006"}
_PARAGRAPHS = XPath("//w:body//w:p[not(ancestor::w:txbxContent)]", namespaces=_NS)
_RUN_CONTENT = XPath(
    ".//w:r[not(ancestor::w:txbxContent) and not(ancestor::mc:Fallback)]"
    "/*[self::w:t or self::w:tab or self::w:br or self::w:cr or self::w:noBreakHyphen]",
    namespaces=_NS,
)
_STYLE_ID = XPath("string(w:pPr/w:pStyle/@w:val)", namespaces=_NS)
_PARAGRAPH_BREAK = re.compile(r"\n{2,}")

_DAMAGED = "open it in Word and save it again"


def extract_word(data: bytes, path: Path) -> Extracted:
    """Return a .docx file's paragraphs and the title its properties or first heading give."""
    _check_package(data, path)
    document = _open(data, path)
    style_names = {style.style_id: style.name or "" for style in document.styles}
    blocks: list[Block] = []
    heading: str | None = None
    for number, paragraph in enumerate(_PARAGRAPHS(document.element), start=1):
        texts = _paragraph_texts(paragraph)
        blocks.extend(Block(text, f"docx paragraph {number}") for text in texts)
        if heading is None and texts and _is_heading(style_names.get(_style_id(paragraph))):
            heading = texts[0]
    if not blocks:
        raise SourceError(path, "has no text", "choose a file that contains text")
    title = (document.core_properties.title or "").strip() or heading
    return Extracted(tuple(blocks), "utf-8", title=title)


def _check_package(data: bytes, path: Path) -> None:
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise SourceError(
            path, "is password-protected or an old .doc file", "save an unprotected .docx copy"
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            parts = package.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        reason = "is not a readable Word file (damaged or renamed)"
        raise SourceError(path, reason, _DAMAGED) from None
    if not any(part.filename == "word/document.xml" for part in parts):
        raise SourceError(path, "is a ZIP archive but not a Word file", "choose a .docx file")
    if sum(part.file_size for part in parts) > MAX_UNPACKED_BYTES:
        raise SourceError(
            path, "is too large once unpacked", "save its text as a smaller .docx or .txt file"
        )


def _open(data: bytes, path: Path) -> Any:
    import docx

    try:
        return docx.Document(io.BytesIO(data))
    except Exception:  # python-docx on an untrusted package raises anything from KeyError on
        log.info("python-docx could not open %s", path, exc_info=True)
        raise SourceError(path, "is a damaged Word file", _DAMAGED) from None


def _paragraph_texts(paragraph: Any) -> list[str]:
    """Return a paragraph's text; two line breaks in a row split it as a blank line would."""
    text = "".join(_run_pieces(paragraph))
    parts = (part.replace("\n", " ").strip() for part in _PARAGRAPH_BREAK.split(text))
    return [part for part in parts if part]


def _run_pieces(paragraph: Any) -> Iterator[str]:
    for node in _RUN_CONTENT(paragraph):
        name = QName(node).localname
        if name == "t":
            yield node.text or ""
        elif name == "tab":
            yield "\t"
        elif name == "noBreakHyphen":
            yield "-"
        else:  # br, cr
            yield "\n"


def _style_id(paragraph: Any) -> str:
    return str(_STYLE_ID(paragraph))


def _is_heading(style_name: str | None) -> bool:
    return style_name is not None and (style_name == "Title" or style_name.startswith("Heading"))
