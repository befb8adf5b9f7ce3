"""The Qt-free engine: load, normalise, segment, align, classify, diff.

Public API: load a corpus with `Corpus.from_paths`, read its `analysis()`, and ask it for the
`comparison(left_id, right_id)` of two sources. Nothing here imports Qt.

The names below are imported on first use, so that `reader.core.errors` (which the command
line needs for its one-line errors) does not bring the whole engine and numpy with it.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reader.core.compare import Comparison, Row
    from reader.core.corpus import Analysis, AnalysisCancelled, Corpus, ParagraphAnalysis
    from reader.core.errors import ExportError, SourceError
    from reader.core.loading import load_source
    from reader.core.model import Label, Paragraph, Source

_WHERE = {
    "Comparison": "compare",
    "Row": "compare",
    "Analysis": "corpus",
    "AnalysisCancelled": "corpus",
    "Corpus": "corpus",
    "ParagraphAnalysis": "corpus",
    "ExportError": "errors",
    "SourceError": "errors",
    "load_source": "loading",
    "Label": "model",
    "Paragraph": "model",
    "Source": "model",
}

__all__ = [
    "Analysis",
    "AnalysisCancelled",
    "Comparison",
    "Corpus",
    "ExportError",
    "Label",
    "Paragraph",
    "ParagraphAnalysis",
    "Row",
    "Source",
    "SourceError",
    "load_source",
]


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module 'reader.core' has no attribute {name!r}")
    return getattr(importlib.import_module(f"reader.core.{_WHERE[name]}"), name)
