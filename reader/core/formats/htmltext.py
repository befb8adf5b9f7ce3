"""Cut a parsed HTML page into the stretches of text a reader sees as paragraphs ("units").

A unit is the inline content of one block element (a <p>, an <li>, a heading, a cell, a <div>
holding bare text), up to where a nested block starts. Whitespace collapses as a browser
collapses it (spaces, tabs, newlines; never no-break spaces), two <br> in a row start a new
paragraph, and <pre> keeps its lines. Nothing that a reader does not see as the page's own
text becomes a unit: scripts, styles, forms' controls, hidden elements, embedded media,
navigation, sidebars and footers are removed first.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

import lxml.html

from reader.core.segment import Block, split_paragraphs

Element = lxml.html.HtmlElement

# Never text the page shows as its own, whatever the page's layout.
_DROPPED_TAGS = frozenset([
    "script", "style", "noscript", "template", "iframe", "frame", "frameset", "object",
    "embed", "applet", "svg", "math", "canvas", "video", "audio", "picture", "source", "track",
    "img", "map", "area", "button", "select", "option", "input", "textarea", "label", "dialog",
    "head", "title", "meta", "link", "base",
])  # fmt: skip
# Page furniture by its HTML5 meaning. <header> stays: an article's own header holds its
# headline; whether a page's top banner is the article is left to the extractor.
_FURNITURE_TAGS = frozenset(["nav", "aside", "footer"])
_FURNITURE_ROLES = frozenset([
    "navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar",
    "toolbar", "dialog", "alertdialog",
])  # fmt: skip
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_HIDDEN_CLASSES = frozenset(["sr-only", "visually-hidden", "visuallyhidden", "screen-reader-text"])

_BLOCK_TAGS = frozenset([
    "html", "body", "address", "article", "aside", "blockquote", "center", "dd", "details",
    "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2",
    "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li", "main", "menu", "nav", "ol", "p",
    "pre", "section", "summary", "table", "caption", "thead", "tbody", "tfoot", "tr", "td",
    "th", "ul", "legend",
])  # fmt: skip
_COLLAPSIBLE = re.compile(r"[ \t\n\r\f]+")  # HTML's whitespace: not U+00A0, not U+202F
_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_PARAGRAPH_BREAK = re.compile(r" ?\n(?: ?\n)+ ?")  # two or more <br>, spaces between


@dataclass
class Unit:
    """One block element's run of inline text: where it is in the tree and what it says."""

    owner: Element
    after: Element | None  # the block child this run follows; None: it opens the owner
    text: str  # collapsed, with "\n" for each <br> (raw lines for <pre>)
    origin: str
    preformatted: bool = False

    def mark(self, marker: str) -> None:
        """Put marker in the tree where this run starts."""
        # lxml refuses to set text holding characters XML forbids, though a page's parsed
        # text may hold them; the marked tree only serves to choose units, so drop them.
        if self.after is None:
            self.owner.text = marker + _XML_FORBIDDEN.sub("", self.owner.text or "")
        else:
            self.after.tail = marker + _XML_FORBIDDEN.sub("", self.after.tail or "")

    def blocks(self) -> list[Block]:
        if self.preformatted:
            return [Block(b.text, self.origin) for b in split_paragraphs(self.text)]
        parts = (part.replace("\n", " ") for part in _PARAGRAPH_BREAK.split(self.text))
        texts = (_COLLAPSIBLE.sub(" ", part).strip() for part in parts)
        return [Block(text, self.origin) for text in texts if text]


def element_origins(root: Element) -> dict[Element, str]:
    """Describe every element as a person finds it in the saved file: "<p> 7, line 42".

    Numbered before anything is removed, so that "the 7th <p>" is the file's 7th <p>.
    """
    counts: Counter[str] = Counter()
    origins: dict[Element, str] = {}
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        counts[element.tag] += 1
        line = f", line {element.sourceline}" if element.sourceline else ""
        origins[element] = f"<{element.tag}> {counts[element.tag]}{line}"
    return origins


def remove_non_text(root: Element) -> None:
    """Remove what is not the page's readable text, keeping the text that follows each."""
    doomed = [
        element
        for element in root.iter()
        if not isinstance(element.tag, str)
        or element.tag in _DROPPED_TAGS
        or element.tag in _FURNITURE_TAGS
        or _is_hidden_or_furniture(element)
    ]
    for element in doomed:
        if element.getparent() is not None:
            element.drop_tree()  # keeps the element's tail in the tree


def _is_hidden_or_furniture(element: Element) -> bool:
    attributes = element.attrib
    if "hidden" in attributes or attributes.get("aria-hidden", "").lower() == "true":
        return True
    if attributes.get("role", "").lower() in _FURNITURE_ROLES:
        return True
    if _HIDDEN_STYLE.search(attributes.get("style", "")):
        return True
    return not _HIDDEN_CLASSES.isdisjoint(attributes.get("class", "").split())


def page_units(root: Element, origins: dict[Element, str]) -> list[Unit]:
    """Return the page's units in reading order."""
    body = root.find("body")
    start = body if body is not None else root
    holders = _block_holders(start)
    units: list[Unit] = []
    _walk(start, holders, origins, units)
    return units


def _block_holders(start: Element) -> set[Element]:
    """Elements with a block inside: an <a> wrapping a <div> is then read as a block too."""
    holders: set[Element] = set()
    for element in start.iter(*_BLOCK_TAGS):
        parent = element.getparent()
        while parent is not None and parent not in holders:
            holders.add(parent)
            parent = parent.getparent()
    return holders


def _walk(element: Element, holders: set[Element], origins: dict[Element, str], units: list[Unit]):
    origin = origins.get(element, f"<{element.tag}>")
    if element.tag == "pre":
        units.append(Unit(element, None, element.text_content(), origin, preformatted=True))
        return
    after: Element | None = None
    pieces = [_collapse(element.text)]
    for child in element:
        if isinstance(child.tag, str) and (child.tag in _BLOCK_TAGS or child in holders):
            _add_unit(units, element, after, pieces, origin)
            _walk(child, holders, origins, units)
            after, pieces = child, []
        elif isinstance(child.tag, str):
            pieces.extend(_inline_pieces(child))
        pieces.append(_collapse(child.tail))
    _add_unit(units, element, after, pieces, origin)


def _add_unit(
    units: list[Unit], owner: Element, after: Element | None, pieces: list[str], origin: str
) -> None:
    text = "".join(pieces)
    if text.strip(" \n"):
        units.append(Unit(owner, after, text, origin))


def _inline_pieces(element: Element) -> list[str]:
    """Return the text inside an inline element (not its tail), "\\n" for each <br>."""
    if element.tag == "br":
        return ["\n"]
    pieces = [_collapse(element.text)]
    for child in element:
        if isinstance(child.tag, str):
            pieces.extend(_inline_pieces(child))
        pieces.append(_collapse(child.tail))
    return pieces


def _collapse(text: str | None) -> str:
    return _COLLAPSIBLE.sub(" ", text) if text else ""
