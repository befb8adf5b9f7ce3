"""Whatever bytes or text come in, the loader gives paragraphs or a SourceError, nothing else.

Random bytes under every suffix, random text in every encoding, random HTML (with page
furniture whose words must never come out), damaged Word files, and the segmenter's own
invariants on arbitrary text.
"""

from __future__ import annotations

import html
import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from reader.core import Source, SourceError
from reader.core.loading import source_from_bytes
from reader.core.segment import sentence_spans, split_paragraphs

pytestmark = pytest.mark.core

SUFFIXES = [".txt", ".md", "", ".html", ".htm", ".docx", ".pdf"]
FAST = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def load_or_refuse(data: bytes, name: str) -> Source | None:
    """Load bytes as the named file; check what comes out either way."""
    path = Path("fuzz") / name
    try:
        source = source_from_bytes(data, path)
    except SourceError as error:
        assert error.path == path
        assert error.reason and error.hint
        assert "\n" not in str(error)
        return None
    assert source.paragraphs
    for index, paragraph in enumerate(source.paragraphs):
        assert paragraph.index == index
        assert paragraph.text and paragraph.text == paragraph.text.strip()
        assert paragraph.origin
    return source


@FAST
@given(data=st.binary(max_size=3000), suffix=st.sampled_from(SUFFIXES))
def test_any_bytes(data: bytes, suffix: str) -> None:
    load_or_refuse(data, f"file{suffix}")


@FAST
@given(
    text=st.text(max_size=1500),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1252", "latin-1"]),
    suffix=st.sampled_from([".txt", ".md", ".html"]),
)
def test_any_text_in_any_encoding(text: str, encoding: str, suffix: str) -> None:
    load_or_refuse(text.encode(encoding, errors="ignore"), f"file{suffix}")


@FAST
@given(text=st.text(st.characters(exclude_categories=["Cc", "Cs"]), max_size=1500))
def test_utf8_and_utf16_read_alike(text: str) -> None:
    assume(not text.lstrip().startswith("{\\rtf"))  # refused by name in any encoding
    as_utf8 = load_or_refuse(text.encode("utf-8"), "a.txt")
    as_utf16 = load_or_refuse(text.encode("utf-16"), "a.txt")
    assert (as_utf8 is None) == (as_utf16 is None)
    if as_utf8 and as_utf16:
        assert [(p.text, p.origin) for p in as_utf8.paragraphs] == [
            (p.text, p.origin) for p in as_utf16.paragraphs
        ]


# The segmenter -------------------------------------------------------------------------------

LINE_ORIGIN = re.compile(r"line (\d+)|lines (\d+)–(\d+)")


@FAST
@given(text=st.text(max_size=2000) | st.lists(st.text(max_size=90), max_size=30).map("\n".join))
def test_paragraphs_and_sentences_of_any_text(text: str) -> None:
    lines = len(re.split(r"\r\n|\r|\n|\u2028|\u2029|\x0b|\x0c|\x85", text))
    for block in split_paragraphs(text):
        assert block.text and block.text == block.text.strip()
        assert "\n" not in block.text
        match = LINE_ORIGIN.fullmatch(block.origin)
        assert match, block.origin
        numbers = [int(n) for n in match.groups() if n]
        assert all(1 <= n <= lines for n in numbers)
        assert numbers == sorted(numbers)
        spans = sentence_spans(block.text)
        ends = [0]
        for start, end in spans:
            assert ends[-1] <= start < end <= len(block.text)
            ends.append(end)
        covered = "".join(block.text[s:e] for s, e in spans)
        assert "".join(covered.split()) == "".join(block.text.split())


# Web pages -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Node:
    tag: str
    attributes: str
    children: tuple[Node | str, ...]


# Containers whose text is never the article's, and what hides an element.
FURNITURE_TAGS = ["nav", "aside", "footer", "noscript", "template", "script", "style"]
HIDING = [" hidden", ' style="display:none"', ' aria-hidden="true"', ' role="navigation"']
ODD = ["<br>", "<br><br>", "&nbsp;", "&lt;b&gt;", "&amp;", "&#0;", "&#xD800;", "&bogus;"]
attributes = st.sampled_from(["", "", ' class="content"', *HIDING])
words = st.text(st.sampled_from("abcdefghijklmnopqrstuvwxyzéàç ’«»"), min_size=1, max_size=20)


def element(tags: list[str], children: st.SearchStrategy, attrs: st.SearchStrategy = attributes):
    return st.builds(Node, st.sampled_from(tags), attrs, st.lists(children, max_size=4).map(tuple))


# Only nestings a parser keeps as written: a <p> inside a <p> would close the outer one, and
# then its text is visible in a browser too.
phrasing = st.recursive(
    words | st.sampled_from(ODD), lambda inner: element(["span", "em", "b"], inner), max_leaves=8
)
flow = st.recursive(
    phrasing
    | element(["p", "h1", "h2"], phrasing)
    | element(["script", "style"], words, st.just("")),
    lambda inner: element(["div", "section", "article", "blockquote", *FURNITURE_TAGS[:5]], inner),
    max_leaves=25,
)


def render(node: Node | str, tokens: list[tuple[str, bool]], hidden: bool = False) -> str:
    """Write HTML; tag each run of words with a token, noting whether it must stay unseen."""
    if isinstance(node, str):
        if node in ODD:
            return node
        token = f"Zq{len(tokens)}x"
        tokens.append((token, hidden))
        return f" {token} {html.escape(node, quote=False)} "
    unseen = hidden or node.tag in FURNITURE_TAGS or node.attributes in HIDING
    inner = "".join(render(child, tokens, unseen) for child in node.children)
    return f"<{node.tag}{node.attributes}>{inner}</{node.tag}>"


@SLOW
@given(body=st.lists(flow, min_size=1, max_size=6), head=st.booleans())
def test_any_page_hides_its_furniture(body: list[Node | str], head: bool) -> None:
    tokens: list[tuple[str, bool]] = []
    content = "".join(render(node, tokens) for node in body)
    start = "<!DOCTYPE html><html><head><meta charset='utf-8'><title>t</title></head>"
    page = f"{start if head else ''}<body>{content}</body></html>"
    source = load_or_refuse(page.encode("utf-8"), "page.html")
    if source is None:
        return
    read = " ".join(p.text for p in source.paragraphs)
    leaked = [token for token, hidden in tokens if hidden and token in read]
    assert not leaked, page


@SLOW
@given(page=st.text(max_size=800).map(lambda t: f"<html><body><p>{t}</p></body></html>"))
def test_any_text_in_a_page(page: str) -> None:
    load_or_refuse(page.encode("utf-8"), "page.html")


# Word files ----------------------------------------------------------------------------------


def _word_bytes() -> bytes:
    document = docx.Document()
    document.add_paragraph("Un titre", style="Title")
    for n in range(5):
        document.add_paragraph(f"Paragraphe {n} du document, avec du texte.")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


WORD = _word_bytes()


@SLOW
@given(
    flips=st.lists(st.tuples(st.integers(0, len(WORD) - 1), st.integers(0, 255)), max_size=8),
    cut=st.integers(0, len(WORD)),
)
def test_damaged_word_files(flips: list[tuple[int, int]], cut: int) -> None:
    data = bytearray(WORD[:cut] if cut > 20 else WORD)
    for position, value in flips:
        if position < len(data):
            data[position] = value
    load_or_refuse(bytes(data), "file.docx")


@SLOW
@given(xml=st.text(max_size=400))
def test_word_files_with_any_document_xml(xml: str) -> None:
    source = zipfile.ZipFile(io.BytesIO(WORD))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                data = data.replace(b"Paragraphe 2", xml.encode("utf-8", "ignore"))
            target.writestr(item, data)
    load_or_refuse(buffer.getvalue(), "file.docx")
