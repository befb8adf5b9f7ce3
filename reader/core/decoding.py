"""Turn the bytes of a file into text: detect the encoding, refuse what is not text."""

from __future__ import annotations

import codecs
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import charset_normalizer

from reader.core.errors import SourceError

# A press article is a few kilobytes and a translated book about one megabyte; anything far
# beyond that is almost certainly not a single source and would make every view sluggish.
MAX_FILE_BYTES = 20 * 1024 * 1024

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_BINARY_MAGIC = (
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"\x7fELF", "a program"),
    (b"MZ", "a program"),
    (b"RIFF", "a media file"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BM", "a bitmap image"),
    (b"OggS", "a media file"),
    (b"ID3", "an audio file"),
)


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str


def read_bytes(path: Path) -> bytes:
    """Read a file the user chose, or raise a SourceError that says why not."""
    try:
        if not path.exists():
            raise SourceError(path, "file not found", "check the path and try again")
        if path.is_dir():
            raise SourceError(path, "is a folder, not a file", "choose the text files inside it")
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise SourceError(
                path,
                f"too large ({size / 1_048_576:.0f} MB; the limit is "
                f"{MAX_FILE_BYTES // 1_048_576} MB)",
                "split it into smaller files",
            )
        return path.read_bytes()
    except PermissionError:
        raise SourceError(path, "permission denied", "check the file's permissions") from None
    except OSError as exc:
        raise SourceError(path, f"cannot be read ({exc.strerror})", "check the file") from None


def decode(data: bytes, path: Path) -> DecodedText:
    """Decode bytes into text, detecting the encoding from the bytes themselves."""
    if not data.strip():
        raise SourceError(path, "is empty", "choose a file that contains text")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _checked(_strict(data[len(bom) :], encoding, path), encoding, path)
    if b"\x00" in data:
        encoding = _utf16_without_bom(data)
        if encoding is None:
            raise SourceError(path, _binary_kind(data), "choose a text, HTML or Word file")
        return _checked(_strict(data, encoding, path), encoding, path)
    kind = _magic_kind(data)
    if kind:
        raise SourceError(path, f"is {kind}, not text", "choose a text, HTML or Word file")
    try:
        return _checked(data.decode("utf-8"), "utf-8", path)
    except UnicodeDecodeError:
        pass
    text = _western_legacy(data)
    if text is not None:
        return _checked(text, "cp1252", path)
    best = charset_normalizer.from_bytes(data).best()
    if best is None or best.chaos > 0.3:
        raise SourceError(
            path, "is not text in any encoding Synopsis recognises", "save it as UTF-8 text"
        )
    return _checked(str(best), best.encoding, path)


def _strict(data: bytes, encoding: str, path: Path) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        raise SourceError(
            path, f"claims to be {encoding} but holds invalid bytes", "save it again as UTF-8"
        ) from None


def _utf16_without_bom(data: bytes) -> str | None:
    """Recognise UTF-16 without a byte-order mark by where its NUL bytes fall."""
    sample = data[:4096]
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = max(1, len(sample) // 2)
    if odd_nuls / half > 0.3 and even_nuls / half < 0.05:
        return "utf-16-le"
    if even_nuls / half > 0.3 and odd_nuls / half < 0.05:
        return "utf-16-be"
    return None


def _magic_kind(data: bytes) -> str | None:
    for magic, kind in _BINARY_MAGIC:
        if data.startswith(magic) and _looks_binary(data):
            return kind
    return None


def _looks_binary(data: bytes) -> bool:
    sample = data[:4096]
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return controls > len(sample) * 0.01 or b"\x00" in sample


def _binary_kind(data: bytes) -> str:
    kind = _magic_kind(data)
    return f"is {kind}, not text" if kind else "is a binary file, not text"


def _western_legacy(data: bytes) -> str | None:
    """Decode as Windows-1252 when the result reads like Western European text.

    Short French or German texts in cp1252 are routinely mistaken for Baltic or Central
    European code pages by statistical detectors; cp1252 (a superset of latin-1's printable
    range) is by far the commonest legacy encoding for them. Cyrillic or Greek text decoded
    this way comes out almost entirely as accented letters, which the ratio below rejects.
    """
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return None
    accented = sum(1 for ch in letters if ord(ch) > 127)
    return text if accented / len(letters) < 0.3 else None


def _checked(text: str, encoding: str, path: Path) -> DecodedText:
    text = text.removeprefix("\ufeff")
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f\v")
    if controls > max(2, len(text) // 200):
        raise SourceError(path, "is a binary file, not text", "choose a text, HTML or Word file")
    if not text.strip():
        raise SourceError(path, "is empty", "choose a file that contains text")
    return DecodedText(text, encoding)
