"""The documents a pane showed lately, kept to show again without building them.

Building a pane's document is most of a pair switch: the text, the tints, the highlights of
what is in view (each format change also drops the layout of its block). A pane keeps the
documents it built, as filled and highlighted, up to a number of characters, and takes one
back when the same side of the same comparison is shown again with the same filter. The
window forgets them all when a new analysis arrives, when the font, the palette or the
language changes (a highlight's tooltip names its kind).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Hashable
from dataclasses import dataclass, field

from PySide6.QtGui import QTextDocument

# How much text a pane keeps in documents it is not showing: a few dozen press articles (a
# reader going back and forth between the pairs of a story finds them built), a fraction of
# a book (a document takes roughly a hundred bytes a character once laid out, so this holds
# memory to tens of megabytes a pane).
KEPT_CHARACTERS = 400_000
# A pair this long (in one of its texts) has its other side's documents built ahead, in the
# analysis worker, while it is read: a swap then shows at once. Building a document takes
# about 5 ms per 100,000 characters on the GUI thread, twice per pair: past this, a frame.
AHEAD_CHARACTERS = 100_000


@dataclass
class Kept:
    """A built document and what the pane knows of it: the paragraphs whose highlights are
    applied, and the moved sentences' ranges it draws a wave under."""

    document: QTextDocument
    marked: set[int] = field(default_factory=set)
    moved: dict[int, list[tuple[int, int]]] = field(default_factory=dict)


class KeptDocuments:
    """Documents by key, the least recently shown dropped first once over the budget; and
    one document built ahead, not yet shown (`offer`)."""

    def __init__(self, characters: int = KEPT_CHARACTERS) -> None:
        self._budget = characters
        self._kept: OrderedDict[Hashable, Kept] = OrderedDict()
        # Built ahead (the pair on show seen from the other side, for a long text): outside
        # the budget, as it is not laid out yet (a tenth of the memory), and one at a time.
        self._ahead: tuple[Hashable, Kept] | None = None
        # Counts the forgets: a document built elsewhere (the analysis worker) before one
        # was built in a font, palette or language no longer in force.
        self.generation = 0

    def take(self, key: Hashable | None) -> Kept | None:
        """The document kept under `key`, if any, now the most recently shown."""
        if key is not None and self._ahead is not None and self._ahead[0] == key:
            kept, self._ahead = self._ahead[1], None
            return kept
        if key is None or key not in self._kept:
            return None
        self._kept.move_to_end(key)
        return self._kept[key]

    def has(self, key: Hashable) -> bool:
        """Whether a document is kept, or built ahead, under `key`."""
        return key in self._kept or (self._ahead is not None and self._ahead[0] == key)

    def offer(self, key: Hashable, kept: Kept) -> None:
        """Hold a document built ahead of being shown; it replaces the one held before."""
        if self.has(key):
            kept.document.deleteLater()
            return
        if self._ahead is not None:
            self._ahead[1].document.deleteLater()
        self._ahead = (key, kept)

    def keep(self, key: Hashable | None, kept: Kept) -> None:
        """Keep a document just shown; drop the oldest others past the budget."""
        if key is None:
            return
        replaced = self._kept.get(key)
        if replaced is not None and replaced.document is not kept.document:
            replaced.document.deleteLater()
        self._kept[key] = kept
        self._kept.move_to_end(key)
        total = sum(k.document.characterCount() for k in self._kept.values())
        while total > self._budget and len(self._kept) > 1:
            _, oldest = self._kept.popitem(last=False)
            total -= oldest.document.characterCount()
            oldest.document.deleteLater()

    def holds(self, document: QTextDocument) -> bool:
        ahead = self._ahead is not None and self._ahead[1].document is document
        return ahead or any(k.document is document for k in self._kept.values())

    def forget(self, showing: QTextDocument | None = None) -> None:
        """Drop every document but the one on screen (it goes when replaced)."""
        for kept in self._kept.values():
            if kept.document is not showing:
                kept.document.deleteLater()
        self._kept.clear()
        if self._ahead is not None:
            self._ahead[1].document.deleteLater()
            self._ahead = None
        self.generation += 1
