"""The Qt-free engine: load, normalise, segment, align, classify, diff.

Public API: load a corpus with `Corpus.from_paths`, read its `analysis()`, and ask it for the
`comparison(left_id, right_id)` of two sources. Nothing here imports Qt.
"""

from reader.core.compare import Comparison, Row
from reader.core.corpus import Analysis, AnalysisCancelled, Corpus, ParagraphAnalysis
from reader.core.errors import ExportError, SourceError
from reader.core.loading import load_source
from reader.core.model import Label, Paragraph, Source

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
