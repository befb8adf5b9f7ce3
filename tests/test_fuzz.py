"""Whatever bytes or text come in, the loader gives paragraphs or a SourceError, nothing else;
and whatever it gives, the analysis and every comparison complete.

Random bytes under every suffix, random text in every encoding, random HTML (with page
furniture whose words must never come out), damaged Word files, the segmenter's own
invariants on arbitrary text, and corpora of such files analysed and compared. A few thousand
inputs in the default run; `-m benchmark` runs every case many times more and prints how many
inputs were read, refused and analysed (and would list any crash). No input may take 10 s.
"""

from __future__ import annotations

import html
import io
import re
import time
import zipfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import docx
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from reader.core import Corpus, Source, SourceError
from reader.core.loading import source_from_bytes
from reader.core.segment import sentence_spans, split_paragraphs
from reader.core.statement import STATEMENT_ID

pytestmark = pytest.mark.core

SUFFIXES = [".txt", ".md", "", ".html", ".htm", ".docx", ".pdf"]
LIMIT = timedelta(seconds=10)  # no single input may take longer
_CHECKS = [HealthCheck.too_slow, HealthCheck.data_too_large]
FAST = settings(max_examples=500, deadline=LIMIT, suppress_health_check=_CHECKS)
SLOW = settings(max_examples=150, deadline=LIMIT, suppress_health_check=_CHECKS)
MANY = 20  # the benchmark run: this many times the examples of the default run

tally: Counter[str] = Counter()  # what became of the inputs: read, refused, analysed
CASES: list[tuple[Callable[..., None], dict[str, Any], settings]] = []


def fuzz(run: settings, **strategies: Any) -> Callable[[Callable[..., None]], Any]:
    """A property over generated inputs, registered for the long run too."""

    def register(body: Callable[..., None]) -> Any:
        CASES.append((body, strategies, run))
        return run(given(**strategies)(body))

    return register


def load_or_refuse(data: bytes, name: str) -> Source | None:
    """Load bytes as the named file; check what comes out either way."""
    path = Path("fuzz") / name
    try:
        source = source_from_bytes(data, path)
    except SourceError as error:
        assert error.path == path
        assert error.reason and error.hint
        assert "\n" not in str(error)
        tally["refused"] += 1
        return None
    tally["read"] += 1
    assert source.paragraphs
    for index, paragraph in enumerate(source.paragraphs):
        assert paragraph.index == index
        assert paragraph.text and paragraph.text == paragraph.text.strip()
        assert paragraph.origin
    return source


@fuzz(FAST, data=st.binary(max_size=3000), suffix=st.sampled_from(SUFFIXES))
def test_any_bytes(data: bytes, suffix: str) -> None:
    load_or_refuse(data, f"file{suffix}")


@fuzz(
    FAST,
    text=st.text(max_size=1500),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1252", "latin-1"]),
    suffix=st.sampled_from([".txt", ".md", ".html"]),
)
def test_any_text_in_any_encoding(text: str, encoding: str, suffix: str) -> None:
    load_or_refuse(text.encode(encoding, errors="ignore"), f"file{suffix}")


@fuzz(FAST, text=st.text(st.characters(exclude_categories=["Cc", "Cs"]), max_size=1500))
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


@fuzz(
    FAST, text=st.text(max_size=2000) | st.lists(st.text(max_size=90), max_size=30).map("\n".join)
)
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


@fuzz(SLOW, body=st.lists(flow, min_size=1, max_size=6), head=st.booleans())
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


@fuzz(SLOW, page=st.text(max_size=800).map(lambda t: f"<html><body><p>{t}</p></body></html>"))
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


@fuzz(
    SLOW,
    flips=st.lists(st.tuples(st.integers(0, len(WORD) - 1), st.integers(0, 255)), max_size=8),
    cut=st.integers(0, len(WORD)),
)
def test_damaged_word_files(flips: list[tuple[int, int]], cut: int) -> None:
    data = bytearray(WORD[:cut] if cut > 20 else WORD)
    for position, value in flips:
        if position < len(data):
            data[position] = value
    load_or_refuse(bytes(data), "file.docx")


@fuzz(SLOW, xml=st.text(max_size=400))
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


# Corpora: loading, analysis, every comparison ------------------------------------------------

# Sentences several sources share (so that a statement forms), and what breaks readers.
_SHARED = [
    "Le ministre a déclaré : « Nous ne reculerons pas. »",
    "« Le budget sera voté en mars », a-t-il ajouté.",
    "Selon lui, 12 % des communes sont concernées.",
    "Il a expliqué qu'il ne démissionnerait jamais.",
    "The minister said: “We will not step back.”",
]
_HOSTILE = ["<b>x</b>", "<img src=x>", "\f", "\x01", "&#0;", "\u202e", "🙂", "\ufeff", "\r\n"]
fragment = st.sampled_from(_SHARED) | st.sampled_from(_HOSTILE) | st.text(max_size=60)
document = st.lists(st.lists(fragment, min_size=1, max_size=4).map(" ".join), max_size=8)
as_file = st.tuples(document, st.sampled_from([".txt", ".html", ".md"]))


def _file_bytes(paragraphs: list[str], suffix: str) -> bytes:
    if suffix == ".html":
        body = "".join(f"<p>{p}</p>" for p in paragraphs)
        return f"<html><body><article>{body}</article></body></html>".encode()
    return "\n".join(paragraphs).encode("utf-8", "surrogatepass")


@fuzz(SLOW, files=st.lists(as_file, min_size=1, max_size=4))
def test_any_corpus_is_analysed_and_compared(files: list[tuple[list[str], str]]) -> None:
    sources = []
    for n, (paragraphs, suffix) in enumerate(files):
        source = load_or_refuse(_file_bytes(paragraphs, suffix), f"s{n}{suffix}")
        if source is not None:
            sources.append(source)
    if not sources:
        return
    corpus = Corpus(sources)
    analysis = corpus.analysis()
    tally["analysed"] += 1
    for index, source in enumerate(sources):
        assert len(analysis.paragraphs[index]) == len(source.paragraphs)
    ids = corpus.ids()
    pairs = [(a, b) for a in ids for b in ids if a != b][:6]
    pairs += [(STATEMENT_ID, ids[0]), (ids[-1], STATEMENT_ID)]
    for left, right in pairs:
        rows = corpus.comparison(left, right).rows
        sizes = (len(corpus.source(left).paragraphs), len(corpus.source(right).paragraphs))
        for row in rows:
            assert all(0 <= p < sizes[0] for p in row.left)
            assert all(0 <= p < sizes[1] for p in row.right)


def _counting_crashes(body: Callable[..., None], crashes: list[str]) -> Callable[..., None]:
    def guarded(**kwargs: Any) -> None:
        try:
            body(**kwargs)
        except Exception as error:  # counted, so that one crash does not hide the others
            crashes.append(f"{body.__name__}: {error!r}"[:300])

    return guarded


@pytest.mark.benchmark
@pytest.mark.timeout(3600)
def test_many_more_inputs() -> None:
    """Every case above, MANY times over; print what became of the inputs."""
    tally.clear()
    crashes: list[str] = []
    start = time.perf_counter()
    for body, strategies, run in CASES:
        many = settings(run, max_examples=run.max_examples * MANY, database=None)
        many(given(**strategies)(_counting_crashes(body, crashes)))()
    seconds = time.perf_counter() - start
    tried = tally["read"] + tally["refused"]
    print(
        f"\nfuzz: {tried} inputs loaded ({tally['read']} read, {tally['refused']} refused "
        f"cleanly), {tally['analysed']} corpora analysed and compared, {len(crashes)} crashes, "
        f"in {seconds:.0f} s"
    )
    for crash in crashes[:20]:
        print("  crash:", crash)
    assert not crashes
