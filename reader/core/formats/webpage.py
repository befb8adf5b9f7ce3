"""Read a saved web page: the article's own paragraphs, as the page has them, and its metadata.

trafilatura decides which parts of the page are the article (it knows far more page layouts
than any rule written here); the paragraphs themselves are read from the page's own elements,
so that their text is exactly the page's (trafilatura turns no-break spaces into spaces) and
each one can say which element it came from. To learn what trafilatura kept, every stretch of
text is tagged with a numbered marker before extraction and the markers found in its output
are read back. A page trafilatura cannot make sense of falls back to its <article> or <main>.

Nothing is fetched: the page is parsed from the bytes with lxml's network access off, links
are not followed, images and stylesheets are dropped unread, and nothing is rendered.
"""

from __future__ import annotations

import copy
import logging
import re
import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import lxml.html
from lxml.etree import ParserError, XMLSyntaxError

from reader.core.decoding import decode
from reader.core.errors import SourceError
from reader.core.formats import Extracted
from reader.core.formats.htmltext import Unit, element_origins, page_units, remove_non_text

log = logging.getLogger(__name__)

# trafilatura and its helpers log parsing trouble; with no handler configured, Python would
# print those records on stderr, breaking the one-line error contract of the command line.
# For the same reason this module logs what it recovers from at INFO, never WARNING.
for _name in ("trafilatura", "htmldate", "courlan", "justext", "readability"):
    logging.getLogger(_name).addHandler(logging.NullHandler())

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9._:-]+)""", re.I)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
# Internet Explorer and Chrome leave the page's address in a comment when saving it.
_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)(\S+?)\s*-->", re.I)

# Labels the HTML standard tells browsers to read as another encoding.
_WHATWG_ALIASES = {
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    # A page read as bytes cannot be UTF-16 unless it starts with a byte-order mark.
    "utf-16": "utf-8",
    "utf-16le": "utf-8",
    "utf-16be": "utf-8",
}

# Characters XML forbids (a tab, a newline and a carriage return are allowed).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# Paragraphs are read from the tree recursively, a level per frame: far deeper than any
# real page (a news page nests 20 to 40 levels), well within Python's recursion limit.
MAX_DEPTH = 600

_NO_ARTICLE = "save the page again once it has fully loaded, or copy its text into a .txt file"


@dataclass(frozen=True)
class PageMetadata:
    title: str | None = None
    outlet: str | None = None
    date: str | None = None
    url: str | None = None


def extract_web_page(data: bytes, path: Path) -> Extracted:
    """Return the article paragraphs of a saved page and the metadata the page states."""
    decoded = decode(data, path, declared=_declared_charset(data))
    root = _parse(decoded.text, path)
    metadata = _metadata(root, decoded.text)
    origins = element_origins(root)
    remove_non_text(root)
    kept = _article_units(root, page_units(root, origins))
    blocks = tuple(block for unit in kept for block in unit.blocks())
    if not blocks:
        raise SourceError(path, "has no article text", _NO_ARTICLE)
    return Extracted(
        blocks,
        decoded.encoding,
        title=metadata.title,
        outlet=metadata.outlet,
        date=metadata.date,
        url=metadata.url,
    )


def _declared_charset(data: bytes) -> str | None:
    head = data[:4096]
    match = _XML_ENCODING.search(head) or _CHARSET.search(head)
    if not match:
        return None
    label = match.group(1).decode("ascii").lower()
    return _WHATWG_ALIASES.get(label, label)


def _parse(text: str, path: Path) -> lxml.html.HtmlElement:
    # lxml refuses a str that still carries an XML encoding declaration (XHTML pages do).
    text = _XML_DECLARATION.sub("", text, count=1)
    # Nor will it take back, when the tree is edited, text holding characters XML forbids: a
    # browser shows a form feed as a space and the other controls as nothing; so does this.
    text = _NOT_XML.sub("", text.replace("\f", " "))
    # huge_tree: libxml2 otherwise stops at 256 levels of nesting, and silently drops the
    # rest of the page; with it, it goes to 2,048 and says when it stops.
    parser = lxml.html.HTMLParser(
        no_network=True, remove_comments=True, remove_pis=True, recover=True, huge_tree=True
    )
    try:
        root = lxml.html.document_fromstring(text, parser=parser)
    except (ParserError, XMLSyntaxError, ValueError):
        raise SourceError(path, "is not a web page Synopsis can read", _NO_ARTICLE) from None
    cut = any("Excessive depth" in error.message for error in parser.error_log)
    if cut or _depth(root) > MAX_DEPTH:
        raise SourceError(
            path,
            f"nests its elements more than {MAX_DEPTH} levels deep; the text beyond that "
            "would be cut off",
            "copy the article's text into a .txt file",
        )
    return root


def _depth(root: lxml.html.HtmlElement) -> int:
    depths = {root: 0}
    for element in root.iterdescendants():
        depths[element] = depths[element.getparent()] + 1
    return max(depths.values())


def _metadata(root: lxml.html.HtmlElement, text: str) -> PageMetadata:
    found = _trafilatura_metadata(root)
    saved_from = _SAVED_FROM.search(text[:4096])
    url = found.url or (saved_from.group(1) if saved_from else None)
    return PageMetadata(found.title, found.outlet, found.date, url)


def _trafilatura_metadata(root: lxml.html.HtmlElement) -> PageMetadata:
    from trafilatura.metadata import extract_metadata

    try:
        # extensive=False: a date from the page's markup, not one guessed from its text.
        document = extract_metadata(copy.deepcopy(root), extensive=False)
    except Exception:  # a third-party parser on untrusted input: metadata is optional
        log.info("could not read the page's metadata", exc_info=True)
        return PageMetadata()
    return PageMetadata(
        _clean(document.title),
        _clean(document.sitename),
        _clean(document.date),
        _clean(document.url),
    )


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    return " ".join(value.split()) or None


def _article_units(root: lxml.html.HtmlElement, units: list[Unit]) -> list[Unit]:
    """Keep the units trafilatura takes for the article, or those of <article>/<main>."""
    chosen = _chosen_by_trafilatura(root, units)
    if chosen:
        return _with_headline(units, chosen)
    container = _main_container(root)
    return [unit for unit in units if _is_inside(unit.owner, container)]


def _with_headline(units: list[Unit], chosen: list[Unit]) -> list[Unit]:
    """Put back the page's one <h1> when it comes before the article text chosen.

    trafilatura takes a headline outside the article's container for metadata only, but the
    headline is the outlet's first words on the statement, and a copied text starts with it.
    """
    if any(unit.owner.tag == "h1" for unit in chosen):
        return chosen
    headlines = [unit for unit in units if unit.owner.tag == "h1"]
    if len(headlines) != 1 or units.index(headlines[0]) > units.index(chosen[0]):
        return chosen
    return [headlines[0], *chosen]


def _chosen_by_trafilatura(root: lxml.html.HtmlElement, units: list[Unit]) -> list[Unit]:
    from trafilatura import bare_extraction

    nonce = secrets.token_hex(4)  # a page cannot contain markers it does not know
    for number, unit in enumerate(units):
        unit.mark(f"⸨{nonce}:{number}⸩")
    try:
        # trafilatura works on its own copy of the tree
        document = bare_extraction(
            root, include_comments=False, include_tables=True, include_images=False
        )
    except Exception:  # a third-party extractor on untrusted input: fall back to structure
        log.info("article extraction failed; using the page structure", exc_info=True)
        return []
    text = getattr(document, "text", None) or ""
    kept = {int(n) for n in re.findall(rf"⸨{nonce}:(\d+)⸩", text)}
    return [unit for number, unit in enumerate(units) if number in kept]


def _main_container(root: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    articles = root.xpath("//article")
    if articles:
        return max(articles, key=lambda a: len(a.text_content()))
    main = root.xpath("//main | //*[@role='main']")
    return main[0] if main else root


def _is_inside(element: lxml.html.HtmlElement, container: lxml.html.HtmlElement) -> bool:
    return any(ancestor is container for ancestor in _self_and_ancestors(element))


def _self_and_ancestors(element: lxml.html.HtmlElement) -> Iterator[lxml.html.HtmlElement]:
    current: lxml.html.HtmlElement | None = element
    while current is not None:
        yield current
        current = current.getparent()
