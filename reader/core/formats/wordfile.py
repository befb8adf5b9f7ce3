"""Read a Word .docx file: its body's paragraphs in order (table cells included), and a title.

The text of a paragraph is read from its runs as Word shows it: tracked insertions count,
tracked deletions and field codes do not, and text boxes (pull quotes, sidebars) are left out.
Empty paragraphs are skipped, but "docx paragraph 7" still counts them, so it points at the
seventh paragraph of the document as Word numbers them.

Only the three parts that hold what is read are unpacked (the document, its styles, its
properties); images and the rest stay packed. Each is inflated here, counting the bytes that
really come out rather than what the package's headers claim, and refused as soon as the
count passes a bound tied to the text limit: a compressed bomb costs a few megabytes, not
gigabytes. The XML is then parsed with entities left unexpanded and nothing fetched, and with
libxml2's size limits lifted (one paragraph of 15 MB is still a paragraph): the bounds here
are the ones that protect.
"""

from __future__ import annotations

import io
import logging
import posixpath
import re
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import lxml.etree as etree
from lxml.etree import QName, XPath

from reader.core.decoding import MAX_FILE_BYTES
from reader.core.errors import SourceError
from reader.core.formats import Extracted
from reader.core.segment import Block

log = logging.getLogger(__name__)

# The markup of a Word file (runs, properties, revision ids) takes two to three times the
# bytes of its text; XML beyond three times the text limit holds more text than a source
# may have, or is a bomb. Counted over the parts read, as they are inflated.
MAX_UNPACKED_BYTES = 3 * MAX_FILE_BYTES
_CHUNK = 1 << 20

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NS = {
    "w": _W,
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "dc": "http://purl.org/dc/elements/1.1/",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
}
_PARAGRAPHS = XPath("//w:body//w:p[not(ancestor::w:txbxContent)]", namespaces=_NS)
_RUN_CONTENT = XPath(
    ".//w:r[not(ancestor::w:txbxContent) and not(ancestor::mc:Fallback)]"
    "/*[self::w:t or self::w:tab or self::w:br or self::w:cr or self::w:noBreakHyphen]",
    namespaces=_NS,
)
_STYLE_ID = XPath("string(w:pPr/w:pStyle/@w:val)", namespaces=_NS)
_STYLES = XPath("//w:style[@w:styleId]", namespaces=_NS)
_STYLE_NAME = XPath("string(w:name/@w:val)", namespaces=_NS)
_TITLE = XPath("string(//dc:title)", namespaces=_NS)
_MAIN_PART = XPath(
    "string(//rel:Relationship[substring(@Type, string-length(@Type) - 14) = "
    "'/officeDocument']/@Target)",
    namespaces=_NS,
)
_PARAGRAPH_BREAK = re.compile(r"\n{2,}")

_DAMAGED = "open it in Word and save it again"
_MAIN = "word/document.xml"
_STYLES_PART = "word/styles.xml"
_CORE = "docProps/core.xml"


def extract_word(data: bytes, path: Path) -> Extracted:
    """Return a .docx file's paragraphs and the title its properties or first heading give."""
    parts = _unpack(data, path)
    document = _parse(parts[_MAIN], path)
    style_names = _style_names(parts.get(_STYLES_PART), path)
    blocks: list[Block] = []
    heading: str | None = None
    size = 0
    for number, paragraph in enumerate(_PARAGRAPHS(document), start=1):
        texts = _paragraph_texts(paragraph)
        blocks.extend(Block(text, f"docx paragraph {number}") for text in texts)
        size += sum(len(text) for text in texts)
        if heading is None and texts and _is_heading(style_names.get(_style_id(paragraph))):
            heading = texts[0]
    if not blocks:
        raise SourceError(path, "has no text", "choose a file that contains text")
    if size > MAX_FILE_BYTES:
        limit = MAX_FILE_BYTES // 1_048_576
        reason = f"holds more text than a source may have (the limit is {limit} MB)"
        raise SourceError(path, reason, "split it into smaller files")
    core = parts.get(_CORE)
    title = str(_TITLE(_parse(core, path))).strip() if core else ""
    return Extracted(tuple(blocks), "utf-8", title=title or heading)


def _unpack(data: bytes, path: Path) -> dict[str, bytes]:
    """Inflate the parts read, counting real bytes; refuse a bomb while it inflates."""
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise SourceError(
            path, "is password-protected or an old .doc file", "save an unprotected .docx copy"
        )
    budget = [MAX_UNPACKED_BYTES]
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            names = set(package.namelist())
            main = _main_part(package, names, budget, path)
            if main not in names:
                raise SourceError(
                    path, "is a ZIP archive but not a Word file", "choose a .docx file"
                )
            parts = {_MAIN: _inflate(package, main, budget, path)}
            for name in (_STYLES_PART, _CORE):
                if name in names:
                    parts[name] = _inflate(package, name, budget, path)
            return parts
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, zlib.error) as exc:
        log.info("cannot unpack %s: %s", path, exc)
    except (ValueError, RuntimeError, NotImplementedError) as exc:  # encrypted, odd method
        log.info("cannot unpack %s: %s", path, exc)
    raise SourceError(path, "is not a readable Word file (damaged or renamed)", _DAMAGED)


def _main_part(package: zipfile.ZipFile, names: set[str], budget: list[int], path: Path) -> str:
    """The document's own part, as the package's relationships name it."""
    if "_rels/.rels" not in names:
        return _MAIN
    relationships = _parse(_inflate(package, "_rels/.rels", budget, path), path)
    target = str(_MAIN_PART(relationships)).lstrip("/")
    return posixpath.normpath(target) if target else _MAIN


def _inflate(package: zipfile.ZipFile, name: str, budget: list[int], path: Path) -> bytes:
    chunks: list[bytes] = []
    with package.open(name) as stream:
        while chunk := stream.read(_CHUNK):
            budget[0] -= len(chunk)
            if budget[0] < 0:
                raise SourceError(
                    path,
                    f"unpacks to more than {MAX_UNPACKED_BYTES // 1_048_576} MB of text and "
                    "markup, more than a source may hold",
                    "save its text as a smaller .docx or .txt file",
                )
            chunks.append(chunk)
    return b"".join(chunks)


def _parse(xml: bytes, path: Path) -> Any:
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True
    )
    try:
        return etree.fromstring(xml, parser=parser)
    except (etree.XMLSyntaxError, ValueError):
        log.info("damaged XML in %s", path, exc_info=True)
        raise SourceError(path, "is a damaged Word file", _DAMAGED) from None


def _style_names(xml: bytes | None, path: Path) -> dict[str, str]:
    if xml is None:
        return {}
    try:
        styles = _parse(xml, path)
    except SourceError:  # the text is still readable; only headings are not recognised
        return {}
    return {style.get(f"{{{_W}}}styleId"): str(_STYLE_NAME(style)) for style in _STYLES(styles)}


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
    # styles.xml names built-in styles in lower case ("heading 1"); Word shows "Heading 1".
    name = (style_name or "").casefold()
    return name == "title" or name.startswith("heading")
