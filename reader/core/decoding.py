"""Turn the bytes of a file into text: detect the encoding, refuse what is not text."""

from __future__ import annotations

import codecs
import re
import stat
import unicodedata
from dataclasses import dataclass
from pathlib import Path

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

_ANY_TEXT = "choose a text, HTML or Word file"

# Leading bytes of formats people mistake for text, with what to do instead.
_BINARY_MAGIC = (
    (b"\x89PNG", "a PNG image", _ANY_TEXT),
    (b"\xff\xd8\xff", "a JPEG image", _ANY_TEXT),
    (b"GIF8", "a GIF image", _ANY_TEXT),
    (b"%PDF", "a PDF document", "copy its text into a .txt file"),
    (b"PK\x03\x04", "a ZIP archive", _ANY_TEXT),
    (b"\x7fELF", "a program", _ANY_TEXT),
    (b"MZ", "a program", _ANY_TEXT),
    (b"RIFF", "a media file", _ANY_TEXT),
    (b"\x1f\x8b", "a gzip archive", _ANY_TEXT),
    (b"BM", "a bitmap image", _ANY_TEXT),
    (b"OggS", "a media file", _ANY_TEXT),
    (b"ID3", "an audio file", _ANY_TEXT),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document (.doc)", "save it as .docx"),
)

# Text-based formats that would otherwise pass for plain text and show as markup.
_MARKUP_MAGIC = ((b"{\\rtf", "an RTF document", "save it as .docx or as plain text"),)

# Python codecs that are not character sets a page may declare (WHATWG knows none of them).
_NOT_CHARSETS = frozenset(
    ["unicode-escape", "raw-unicode-escape", "idna", "punycode", "undefined", "utf-7"]
)

# A valid UTF-8 sequence of two to four bytes; cp1252 text almost never contains one, so a file
# that fails UTF-8 yet holds several is UTF-8 with some bytes pasted in from a legacy encoding.
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)

# Symbols of cp1252's upper half that never sit between two letters in Western text, but do
# when the bytes were Central European letters (cp1250 "ł" is cp1252 "³").
_MISPLACED_SYMBOL = re.compile(r"(?<=[^\W\d_])[¹²³¼½¾¦¨´¸¯£¥¤¿](?=[^\W\d_])")
_WORD = re.compile(r"[^\W\d_]{3,}")
_CP1252_HOLES = frozenset([0x81, 0x8D, 0x8F, 0x90, 0x9D])
_SINGLE_BYTE = [
    "cp1252", "cp1250", "cp1257", "cp1254", "iso8859_15", "iso8859_2", "cp1251", "cp1253",
    "koi8_r", "mac_roman",
]  # fmt: skip


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
        if not stat.S_ISREG(path.stat().st_mode):
            # A pipe or a device would block or never end.
            raise SourceError(path, "is not a regular file", "save its contents to a file first")
        _check_size(path, path.stat().st_size)
        with path.open("rb") as file:
            # Read one byte past the limit: the file may have grown since stat().
            data = file.read(MAX_FILE_BYTES + 1)
        _check_size(path, len(data))
        return data
    except PermissionError:
        raise SourceError(path, "permission denied", "check the file's permissions") from None
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise SourceError(path, f"cannot be read ({reason})", "check the file") from None


def _check_size(path: Path, size: int) -> None:
    if size > MAX_FILE_BYTES:
        raise SourceError(
            path,
            f"is too large ({size / 1_048_576:.1f} MB; the limit is "
            f"{MAX_FILE_BYTES // 1_048_576} MB)",
            "split it into smaller files",
        )


def decode(data: bytes, path: Path, declared: str | None = None) -> DecodedText:
    """Decode bytes into text, detecting the encoding from the bytes themselves.

    `declared` is what the file says of itself (an HTML page's charset); it is believed when
    the bytes decode with it, after a byte-order mark and before any guess.
    """
    if not data.strip():
        raise SourceError(path, "is empty", "choose a file that contains text")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _checked(_strict(data[len(bom) :], encoding, path), encoding, path)
    if b"\x00" in data:
        encoding = _utf16_without_bom(data)
        if encoding is None:
            kind, hint = _magic_kind(data) or ("a binary file", _ANY_TEXT)
            raise SourceError(path, f"is {kind}, not text", hint)
        return _checked(_strict(data, encoding, path), encoding, path)
    _refuse_known_formats(data, path)
    found = (
        (_declared(data, declared) if declared else None)
        or _declared(data, "utf-8")
        or _mostly_utf8(data)
        or _western_legacy(data)
        or _detected(data)
    )
    if found is None:
        raise SourceError(
            path, "is not text in any encoding Synopsis recognises", "save it as UTF-8 text"
        )
    return _checked(found[0], found[1], path)


def _refuse_known_formats(data: bytes, path: Path) -> None:
    known = _magic_kind(data)
    if known:
        raise SourceError(path, f"is {known[0]}, not text", known[1])
    for magic, kind, hint in _MARKUP_MAGIC:
        if data.lstrip()[: len(magic)] == magic:
            raise SourceError(path, f"is {kind}, which Synopsis does not read", hint)


def _declared(data: bytes, encoding: str) -> tuple[str, str] | None:
    """Decode with one encoding if the bytes are valid in it."""
    try:
        name = codecs.lookup(encoding).name
        return None if name in _NOT_CHARSETS else (data.decode(name), name)
    except (UnicodeError, LookupError):
        return None


def _mostly_utf8(data: bytes) -> tuple[str, str] | None:
    """Decode UTF-8 text into which a few cp1252 bytes were pasted, each byte as cp1252.

    Without this the whole file would be read as cp1252 and every accent of its UTF-8 part
    would turn into two characters ("é" into "Ã©").
    """
    sequences = len(_UTF8_MULTIBYTE.findall(data))
    if sequences < 2:
        return None
    text = data.decode("utf-8", "surrogateescape")
    stray = [ord(ch) - 0xDC00 for ch in text if 0xDC80 <= ord(ch) <= 0xDCFF]
    if len(stray) > sequences or any(b in _CP1252_HOLES for b in stray):
        return None  # not UTF-8 with a few strays: a multi-byte legacy encoding
    repaired = "".join(
        bytes([ord(ch) - 0xDC00]).decode("cp1252") if 0xDC80 <= ord(ch) <= 0xDCFF else ch
        for ch in text
    )
    return repaired, "utf-8+cp1252"


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


def _magic_kind(data: bytes) -> tuple[str, str] | None:
    """Return what a binary format is and what to do instead, if its leading bytes say so."""
    for magic, kind, hint in _BINARY_MAGIC:
        if data.startswith(magic) and _looks_binary(data):
            return kind, hint
    return None


def _looks_binary(data: bytes) -> bool:
    sample = data[:4096]
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return controls > len(sample) * 0.01 or b"\x00" in sample


def _western_legacy(data: bytes) -> tuple[str, str] | None:
    """Decode as Windows-1252 when the result reads like Western European text.

    Short French or German texts in cp1252 are routinely mistaken for Baltic or Central
    European code pages by statistical detectors; cp1252 (a superset of latin-1's printable
    range) is by far the commonest legacy encoding for them. Cyrillic or Greek text decoded
    this way comes out as words made only of accented letters, which Western text never has
    ("été" keeps its t), and Central European text leaves symbols inside words.
    """
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    if _MISPLACED_SYMBOL.search(text):
        return None
    words = _WORD.findall(text)
    if not words:
        letters = [ch for ch in text if ch.isalpha()]
        plausible = letters and sum(ord(ch) > 127 for ch in letters) < len(letters)
        return (text, "cp1252") if plausible else None
    foreign = sum(1 for word in words if all(ord(ch) > 127 for ch in word))
    return (text, "cp1252") if foreign / len(words) < 0.2 else None


def _detected(data: bytes) -> tuple[str, str] | None:
    """Ask charset-normalizer, keeping its first guess that reads as text.

    Mostly-ASCII bytes come from a single-byte code page: a multi-byte Asian encoding would
    have few ASCII bytes, yet the detector readily proposes one for a short Polish text.
    """
    import charset_normalizer  # only bytes that are not UTF-8 need it (18 ms to import)

    sample = data[:65536]
    mostly_ascii = sum(1 for b in sample if b < 128) > 0.7 * len(sample)
    matches = charset_normalizer.from_bytes(
        data, cp_isolation=_SINGLE_BYTE if mostly_ascii else None
    )
    for match in matches:
        text = str(match)
        if match.chaos <= 0.3 and not _MISPLACED_SYMBOL.search(text):
            return text, match.encoding
    return None


def _checked(text: str, encoding: str, path: Path) -> DecodedText:
    """Refuse text that is really binary: control characters, or unassigned and private code
    points (what random bytes become when decoded as UTF-16)."""
    text = text.removeprefix("\ufeff").rstrip("\x1a")  # a DOS end-of-file mark is not text
    controls = unassigned = 0
    for ch in set(text):  # each distinct character once: a book has a million, not a hundred
        category = unicodedata.category(ch)
        if category == "Cc" and ch not in "\t\n\r\f\v":
            controls += text.count(ch)
        elif category in ("Cn", "Co", "Cs"):
            unassigned += text.count(ch)
    if controls > max(2, len(text) // 200) or unassigned > max(8, len(text) // 20):
        raise SourceError(path, "is a binary file, not text", "choose a text, HTML or Word file")
    if not text.strip():
        raise SourceError(path, "is empty", "choose a file that contains text")
    return DecodedText(text, encoding)
