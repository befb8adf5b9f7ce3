"""A reader's corrections: labels, links and passages fixed by hand, anchored to the text.

A correction is stand-off: it names its source by the SHA-256 of the source's bytes (and, as
a fallback for a source whose file changed, by the source's id), and a paragraph by an
`Anchor` (a hash of its normalised text, a little of the text around it and its index as a
hint), never by the index alone. Placing corrections on a corpus (`place`) finds each
anchor again:

1. a paragraph whose normalised text has the anchor's hash (among several, the one whose
   neighbours still match, then the one nearest the index hint);
2. else, in a source whose bytes changed, the one paragraph that still closely matches
   (token similarity at least `CLOSE_MATCH`, clearly ahead of the next best);
3. else the correction is orphaned: listed in `Placement.orphans`, applied nowhere.

A correction whose source is not in the corpus is simply dormant: it applies again when
that source comes back. Nothing here imports Qt.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from reader.core.excerpt import shorten
from reader.core.model import Label, Source
from reader.core.passages import Passage, Statement

FORMAT = 1
# A re-saved page changes a word here and there: a paragraph that keeps this share of its
# words, in order (Indel similarity of the word sequences), is still the same paragraph. One
# word changed in ten keeps 0.9; two unrelated paragraphs of one article rarely pass 0.5.
CLOSE_MATCH = 0.75
# The best close match must lead the next by this much, or the anchor is ambiguous: a
# correction is never applied to a paragraph it may not be about.
CLEAR_LEAD = 0.1
# How much of each neighbour an anchor keeps as context: enough to tell repeated
# paragraphs ("Partager", "Lire aussi") apart, short enough to keep the file small.
CONTEXT_CHARS = 48
# Characters of a paragraph quoted in a one-line description: enough to recognise it.
EXCERPT = 60

_WORD = re.compile(r"\w+")


def normalise(text: str) -> str:
    """The text as anchors compare it: NFC, whitespace runs made one space, casefolded."""
    return " ".join(unicodedata.normalize("NFC", text).split()).casefold()


def digest(text: str) -> str:
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()[:32]


def _words(text: str) -> list[str]:
    return _WORD.findall(normalise(text))


@dataclass(frozen=True)
class Anchor:
    """Where a paragraph (or one of its sentences) is, told by its text."""

    digest: str  # of the paragraph's normalised text
    text: str  # the text, spaces made single: close matching, and what reports show
    before: str  # the end of the previous paragraph (normalised), "" at the start
    after: str  # the start of the next one, "" at the end
    index: int  # where it was: a hint among equal paragraphs, never enough alone
    sentence: str | None = None  # digest of a sentence inside the paragraph, if one is meant
    sentence_index: int | None = None

    @classmethod
    def of(cls, source: Source, paragraph: int, sentence: int | None = None) -> Anchor:
        texts = [p.text for p in source.paragraphs]
        before = normalise(texts[paragraph - 1])[-CONTEXT_CHARS:] if paragraph > 0 else ""
        after = (
            normalise(texts[paragraph + 1])[:CONTEXT_CHARS] if paragraph + 1 < len(texts) else ""
        )
        sentence_digest = None
        if sentence is not None:
            span = source.paragraphs[paragraph].sentences[sentence]
            sentence_digest = digest(texts[paragraph][span.start : span.end])
        text = texts[paragraph]
        return cls(
            digest(text),
            " ".join(text.split()),
            before,
            after,
            paragraph,
            sentence_digest,
            sentence,
        )


@dataclass(frozen=True)
class Side:
    """One end of a correction: a source (by its bytes, and by its id) and a paragraph in it."""

    sha256: str
    source_id: str
    anchor: Anchor

    @classmethod
    def of(cls, source: Source, paragraph: int, sentence: int | None = None) -> Side:
        return cls(source.sha256, source.id, Anchor.of(source, paragraph, sentence))


@dataclass(frozen=True)
class LabelCorrection:
    """The reader's label for a paragraph."""

    at: Side
    label: Label

    @property
    def sides(self) -> tuple[Side, ...]:
        return (self.at,)

    def key(self) -> tuple[object, ...]:
        return ("label", *_place_key(self.at))


@dataclass(frozen=True)
class LinkCorrection:
    """Two paragraphs (or sentences) the reader paired (`linked`) or separated (not `linked`)."""

    a: Side
    b: Side
    linked: bool

    @property
    def sides(self) -> tuple[Side, ...]:
        return (self.a, self.b)

    def key(self) -> tuple[object, ...]:
        return ("link", *sorted(_place_key(s) for s in self.sides))


@dataclass(frozen=True)
class PassageOut:
    """A passage of the reconstructed statement that the reader says is not part of it.

    `at` anchors the passage's own text in the source that gives it its words.
    """

    at: Side

    @property
    def sides(self) -> tuple[Side, ...]:
        return (self.at,)

    def key(self) -> tuple[object, ...]:
        return ("passage", self.at.sha256, self.at.anchor.digest)


Correction = LabelCorrection | LinkCorrection | PassageOut


def _place_key(side: Side) -> tuple[str, ...]:
    """What makes two corrections about the same place (a newer one replaces the older)."""
    a = side.anchor
    return (side.sha256, a.digest, a.before, a.after, a.sentence or "")


@dataclass(frozen=True)
class Corrections:
    """An immutable set of corrections; a newer one on the same thing replaces the older."""

    items: tuple[Correction, ...] = ()

    def __iter__(self) -> Iterator[Correction]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def with_(self, correction: Correction) -> Corrections:
        """Add a correction, replacing one about the same paragraph(s)."""
        kept = tuple(c for c in self.items if c.key() != correction.key())
        return Corrections((*kept, correction))

    def without(self, key: tuple[object, ...]) -> Corrections:
        return Corrections(tuple(c for c in self.items if c.key() != key))

    def merged(self, other: Iterable[Correction]) -> Corrections:
        result = self
        for correction in other:
            result = result.with_(correction)
        return result

    def to_json(self) -> dict[str, Any]:
        return {"format": FORMAT, "corrections": [_correction_json(c) for c in self.items]}

    @classmethod
    def from_json(cls, data: Any) -> Corrections:
        """Read what `to_json` wrote; raise ValueError saying what is wrong."""
        if not isinstance(data, dict) or not isinstance(data.get("corrections"), list):
            raise ValueError("it is not a corrections file")
        version = data.get("format")
        if isinstance(version, int) and version > FORMAT:
            raise ValueError("it was written by a newer version of Synopsis")
        if version != FORMAT:
            raise ValueError("it is damaged")
        try:
            return cls(tuple(_parse_correction(item) for item in data["corrections"]))
        except (KeyError, TypeError, ValueError, AttributeError):
            raise ValueError("it is damaged") from None


def _side_json(side: Side) -> dict[str, Any]:
    a = side.anchor
    data: dict[str, Any] = {
        "sha256": side.sha256,
        "source": side.source_id,
        "digest": a.digest,
        "text": a.text,
        "before": a.before,
        "after": a.after,
        "index": a.index,
    }
    if a.sentence is not None:
        data["sentence"] = a.sentence
        data["sentence_index"] = a.sentence_index
    return data


def _correction_json(c: Correction) -> dict[str, Any]:
    if isinstance(c, LabelCorrection):
        return {"kind": "label", "label": c.label.value, "at": _side_json(c.at)}
    if isinstance(c, LinkCorrection):
        kind = "link" if c.linked else "unlink"
        return {"kind": kind, "a": _side_json(c.a), "b": _side_json(c.b)}
    return {"kind": "passage-out", "at": _side_json(c.at)}


def _text(item: dict[str, Any], name: str) -> str:
    value = item[name]
    if not isinstance(value, str):
        raise ValueError(name)
    return value


def _parse_side(item: Any) -> Side:
    index = item["index"]
    if not isinstance(index, int) or isinstance(index, bool) or index < 0:
        raise ValueError("index")
    sentence = item.get("sentence")
    sentence_index = item.get("sentence_index")
    if sentence is not None and (
        not isinstance(sentence, str) or not isinstance(sentence_index, int)
    ):
        raise ValueError("sentence")
    anchor = Anchor(
        _text(item, "digest"),
        _text(item, "text"),
        _text(item, "before"),
        _text(item, "after"),
        index,
        sentence,
        sentence_index if sentence is not None else None,
    )
    return Side(_text(item, "sha256"), _text(item, "source"), anchor)


def _parse_correction(item: Any) -> Correction:
    kind = item["kind"]
    if kind == "label":
        return LabelCorrection(_parse_side(item["at"]), Label(item["label"]))
    if kind in ("link", "unlink"):
        return LinkCorrection(_parse_side(item["a"]), _parse_side(item["b"]), kind == "link")
    if kind == "passage-out":
        return PassageOut(_parse_side(item["at"]))
    raise ValueError("kind")


# Placing corrections on a corpus -----------------------------------------------------------

Where = tuple[int, int]  # (source index in the corpus, paragraph)
SentenceWhere = tuple[int, int, int | None]  # …and the sentence, when one is meant


@dataclass(frozen=True)
class Orphan:
    correction: Correction
    reason: str


@dataclass(frozen=True)
class Placement:
    """Corrections found on a corpus: what applies where, and what could not be placed."""

    labels: dict[Where, Label] = field(default_factory=dict)
    links: tuple[tuple[SentenceWhere, SentenceWhere], ...] = ()
    unlinks: tuple[tuple[SentenceWhere, SentenceWhere], ...] = ()
    passages_out: tuple[PassageOut, ...] = ()  # placed once the statement is built
    orphans: tuple[Orphan, ...] = ()
    moved: int = 0  # anchors found by close match, after the text changed
    keys: dict[tuple[object, ...], tuple[SentenceWhere, ...]] = field(default_factory=dict)
    dropped: frozenset[str] = frozenset()  # ids of the passages marked out of the statement

    def summary(self) -> str:
        """What was corrected by hand, in words: "3 labels and 1 link corrected by hand"."""
        parts = [
            _count(len(self.labels), "label"),
            _count(len(self.links) + len(self.unlinks), "link"),
            _count(len(self.dropped), "passage"),
        ]
        named = [p for p in parts if p]
        if not named:
            return "nothing corrected by hand"
        said = named[0] if len(named) == 1 else ", ".join(named[:-1]) + " and " + named[-1]
        return f"{said} corrected by hand"

    def counts(self, source: int) -> int:
        """How many corrections apply to a source (labels and links with an end in it)."""
        labels = sum(1 for s, _ in self.labels if s == source)
        pairs = sum(1 for a, b in (*self.links, *self.unlinks) if source in (a[0], b[0]))
        return labels + pairs


def _count(n: int, thing: str) -> str:
    return "" if not n else f"{n} {thing}{'s' if n > 1 else ''}"


def place(corrections: Corrections, sources: Sequence[Source]) -> Placement:
    """Find each correction's paragraphs in the sources; report what cannot be found."""
    finder = _Finder(sources)
    labels: dict[Where, Label] = {}
    links: list[tuple[SentenceWhere, SentenceWhere]] = []
    unlinks: list[tuple[SentenceWhere, SentenceWhere]] = []
    passages: list[PassageOut] = []
    orphans: list[Orphan] = []
    keys: dict[tuple[object, ...], tuple[SentenceWhere, ...]] = {}
    for correction in corrections:
        if isinstance(correction, PassageOut):
            if finder.source_of(correction.at) is not None:
                passages.append(correction)
            continue
        found = [finder.find(side) for side in correction.sides]
        if any(f is None for f in found):
            continue  # a source not in this corpus: dormant, not lost
        missing = [f for f in found if isinstance(f, str)]
        if missing:
            orphans.append(Orphan(correction, missing[0]))
            continue
        places = [f for f in found if isinstance(f, tuple)]
        keys[correction.key()] = tuple(places)
        if isinstance(correction, LabelCorrection):
            labels[places[0][:2]] = correction.label
        else:
            (links if correction.linked else unlinks).append((places[0], places[1]))
    return Placement(
        labels, tuple(links), tuple(unlinks), tuple(passages), tuple(orphans), finder.moved, keys
    )


class _Finder:
    def __init__(self, sources: Sequence[Source]) -> None:
        self.sources = sources
        self.by_sha: dict[str, int] = {}
        for n, s in enumerate(sources):  # the same file given twice: the first holds them
            self.by_sha.setdefault(s.sha256, n)
        self.by_id = {s.id: n for n, s in enumerate(sources)}
        self._digests: dict[int, list[str]] = {}
        self.moved = 0

    def source_of(self, side: Side) -> tuple[int, bool] | None:
        """The source a side names, and whether its bytes are the same; None if absent.

        The id is a fallback only for a source whose bytes changed (a re-saved page under
        the same name): a correction never follows a paragraph into another source.
        """
        if side.sha256 in self.by_sha:
            return self.by_sha[side.sha256], True
        n = self.by_id.get(side.source_id)
        return (n, False) if n is not None else None

    def find(self, side: Side) -> SentenceWhere | str | None:
        """Where the side's anchor is now, a reason it is orphaned, or None (source absent)."""
        found = self.source_of(side)
        if found is None:
            return None
        n, _ = found
        paragraph = self._exact(n, side.anchor)
        if paragraph is None:  # the text changed, or the paragraphs were cut differently
            paragraph = self._close(n, side.anchor)
            self.moved += paragraph is not None
        if paragraph is None:
            return "its paragraph is no longer in the source"
        sentence = self._sentence(n, paragraph, side.anchor)
        if isinstance(sentence, str):
            return sentence
        return n, paragraph, sentence

    def digests(self, n: int) -> list[str]:
        if n not in self._digests:
            self._digests[n] = [digest(p.text) for p in self.sources[n].paragraphs]
        return self._digests[n]

    def _exact(self, n: int, anchor: Anchor) -> int | None:
        hits = [p for p, d in enumerate(self.digests(n)) if d == anchor.digest]
        if not hits:
            return None
        return max(hits, key=lambda p: (self._context(n, p, anchor), -abs(p - anchor.index)))

    def _context(self, n: int, p: int, anchor: Anchor) -> int:
        """How many of the anchor's two neighbours still stand beside paragraph p."""
        here = Anchor.of(self.sources[n], p)
        return (here.before == anchor.before) + (here.after == anchor.after)

    def _close(self, n: int, anchor: Anchor) -> int | None:
        from rapidfuzz.distance import Indel  # only a correction that lost its paragraph

        wanted = _words(anchor.text)
        scored = sorted(
            (
                (Indel.normalized_similarity(wanted, _words(p.text)), p.index)
                for p in self.sources[n].paragraphs
            ),
            reverse=True,
        )
        if not scored or scored[0][0] < CLOSE_MATCH:
            return None
        if len(scored) > 1 and scored[0][0] - scored[1][0] < CLEAR_LEAD:
            return None  # two paragraphs fit as well: applying it to either could be wrong
        return scored[0][1]

    def _sentence(self, n: int, paragraph: int, anchor: Anchor) -> int | str | None:
        if anchor.sentence is None:
            return None
        p = self.sources[n].paragraphs[paragraph]
        hits = [
            k
            for k, s in enumerate(p.sentences)
            if digest(p.text[s.start : s.end]) == anchor.sentence
        ]
        if not hits:
            return "its sentence is no longer in the paragraph"
        return min(hits, key=lambda k: abs(k - (anchor.sentence_index or 0)))


def passage_anchor(source: Source, text: str) -> Side:
    """A side for a statement passage: its own text, in the source that gives its words."""
    return Side(source.sha256, source.id, Anchor(digest(text), " ".join(text.split()), "", "", 0))


def drop_passages(
    sources: Sequence[Source], statement: Statement, placement: Placement
) -> tuple[Statement, Placement]:
    """Take the passages a reader marked out of the statement; orphan the marks that fit none.

    The statement is rebuilt on every analysis (and a label changed elsewhere may cut it a
    little differently), so a mark finds its passage by text: the same, else one clearly
    closest above CLOSE_MATCH, among the passages of the source that gives its words.
    """
    finder = _Finder(sources)
    dropped: set[str] = set()
    orphans = list(placement.orphans)
    keys = dict(placement.keys)
    for out in placement.passages_out:
        found = finder.source_of(out.at)
        own = [p for p in statement.passages if found is not None and p.source == found[0]]
        passage = _passage_for(out.at.anchor, own)
        if passage is None:
            orphans.append(Orphan(out, "its passage is no longer in the statement"))
            continue
        dropped.add(passage.id)
        keys[out.key()] = (
            (
                passage.source,
                min((p for s, p in passage.members if s == passage.source), default=0),
                None,
            ),
        )
    if not dropped:
        return statement, replace(placement, orphans=tuple(orphans))
    kept = [p for p in statement.passages if p.id not in dropped]
    passages = tuple(replace(p, order=n) for n, p in enumerate(kept, start=1))
    fragments = tuple(f for f in statement.fragments if f.passage not in dropped)
    return (
        Statement(passages, statement.reference, fragments),
        replace(placement, orphans=tuple(orphans), keys=keys, dropped=frozenset(dropped)),
    )


def _passage_for(anchor: Anchor, passages: Sequence[Passage]) -> Passage | None:
    exact = [p for p in passages if digest(p.text) == anchor.digest]
    if exact:
        return exact[0]
    from rapidfuzz.distance import Indel  # only a correction that lost its passage

    wanted = _words(anchor.text)
    scored = sorted(
        ((Indel.normalized_similarity(wanted, _words(p.text)), n) for n, p in enumerate(passages)),
        reverse=True,
    )
    if not scored or scored[0][0] < CLOSE_MATCH:
        return None
    if len(scored) > 1 and scored[0][0] - scored[1][0] < CLEAR_LEAD:
        return None
    return passages[scored[0][1]]


def describe(correction: Correction) -> str:
    """One line saying what a correction is, for lists and reports (plain text)."""
    first = correction.sides[0]
    where = f"{first.source_id} ¶{first.anchor.index}"
    excerpt = shorten(first.anchor.text, EXCERPT)
    if isinstance(correction, LabelCorrection):
        return f"label {correction.label.value}: {where} «{excerpt}»"
    if isinstance(correction, LinkCorrection):
        other = correction.b
        verb = "link" if correction.linked else "unlink"
        return f"{verb}: {where} and {other.source_id} ¶{other.anchor.index} «{excerpt}»"
    return f"passage out of the statement: {first.source_id} «{excerpt}»"
