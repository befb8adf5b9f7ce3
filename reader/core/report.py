"""The JSON shapes of DESIGN.md's command-line contract, built from a Corpus."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from itertools import product
from typing import TYPE_CHECKING, Any

from reader.core.corpus import Corpus, ParagraphAnalysis

if TYPE_CHECKING:  # analyze needs no comparison: the diff library stays unloaded
    from reader.core.compare import Comparison, Row, SentencePair


def source_json(corpus: Corpus, source_id: str) -> dict[str, Any]:
    """Return one source with its labelled paragraphs."""
    source = corpus.source(source_id)
    analysed = corpus.paragraph_analysis(source_id)
    return {
        "id": source.id,
        "path": str(source.path) if source.path else None,
        "title": source.title,
        "outlet": source.outlet,
        "sha256": source.sha256,
        "paragraphs": [
            {
                "index": p.index,
                "text": p.text,
                "label": a.label.value,
                "confidence": a.confidence,
                "passages": list(a.passages),
                "evidence": list(a.evidence),
                "origin": p.origin,
                **_corrected(a),
            }
            for p, a in zip(source.paragraphs, analysed, strict=True)
        ],
    }


def _corrected(analysed: ParagraphAnalysis) -> dict[str, Any]:
    """A label a reader set by hand, and beside it what the engine said."""
    if analysed.engine is None:
        return {}
    return {
        "corrected": True,
        "engine_label": analysed.engine.label.value,
        "engine_confidence": analysed.engine.confidence,
    }


def analyze_json(corpus: Corpus, printed: Sequence[str]) -> dict[str, Any]:
    """Return the analysis of the printed sources (context sources stay out of the output)."""
    shown = set(printed)
    passages = []
    for passage in corpus.analysis().statement.passages:
        members = [
            {"source": corpus.sources[s].id, "paragraph": p}
            for s, p in passage.members
            if corpus.sources[s].id in shown
        ]
        if members:
            passages.append({"id": passage.id, "order": passage.order, "members": members})
    return {"sources": [source_json(corpus, i) for i in printed], "passages": passages}


def compare_json(corpus: Corpus, comparison: Comparison) -> dict[str, Any]:
    left, right = comparison.left.id, comparison.right.id
    return compare_shape(corpus, left, right, list(rows_json(corpus, left, right, comparison.rows)))


def compare_json_streamed(corpus: Corpus, left_id: str, right_id: str) -> dict[str, Any]:
    """compare_json's shape with "rows" an iterator: each row is made, encoded and let go in
    turn (see Corpus.rows). Only a printer that takes iterators reads it."""
    rows = rows_json(corpus, left_id, right_id, corpus.rows(left_id, right_id))
    return compare_shape(corpus, left_id, right_id, rows)


def compare_shape(corpus: Corpus, left_id: str, right_id: str, rows: object) -> dict[str, Any]:
    """The compare command's JSON around its rows, in whatever form they come (a list, an
    iterator, text encoded elsewhere): the two sources, then the rows."""
    return {
        "left": source_json(corpus, left_id),
        "right": source_json(corpus, right_id),
        "rows": rows,
    }


def rows_json(
    corpus: Corpus, left_id: str, right_id: str, rows: Iterable[Row]
) -> Iterator[dict[str, Any]]:
    linked = corpus.corrected_pairs(left_id, right_id)
    for row in rows:
        yield {
            "left": list(row.left),
            "right": list(row.right),
            "similarity": row.similarity,
            "diff": row.diff,  # (op, text) pairs: JSON writes a tuple as an array
            **(
                {"corrected": True}
                if any(p in linked for p in product(row.left, row.right))
                else {}
            ),
            "sentences": [sentence_json(pair) for pair in row.sentences],
        }


def sentence_json(pair: SentencePair) -> dict[str, Any]:
    """One aligned sentence entry: spans [paragraph, start, end] on each side, its diff."""
    return {
        "left": [[s.paragraph, s.start, s.end] for s in pair.left],
        "right": [[s.paragraph, s.start, s.end] for s in pair.right],
        "moved": pair.moved,
        "diff": pair.diff,
    }


def map_json(corpus: Corpus, printed: Sequence[str]) -> dict[str, Any]:
    statement = corpus.analysis().statement
    return {
        "statement": [
            {"passage": p.id, "order": p.order, "text": p.text} for p in statement.passages
        ],
        "sources": [
            {
                "id": source_id,
                "path": str(corpus.source(source_id).path or ""),
                "quoted": statement.quoted_share(corpus.index(source_id)),
                "paraphrased": statement.paraphrased_share(corpus.index(source_id)),
            }
            for source_id in printed
        ],
    }
