"""How a change of meaning is named to a reader, in the interface language.

The engine (reader.core.substance) classifies changes and knows no language of the
interface; the window and the exports name them through here, with Qt's translations
(QtCore only: the command line uses it without any widget).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from reader.core.excerpt import shorten
from reader.core.substance import Change, ChangeKind


def kind_name(kind: ChangeKind) -> str:
    names = {
        ChangeKind.NUMBER: QCoreApplication.translate("Change", "number"),
        ChangeKind.NAME: QCoreApplication.translate("Change", "name"),
        ChangeKind.NEGATION: QCoreApplication.translate("Change", "negation"),
        ChangeKind.SENTENCE: QCoreApplication.translate("Change", "sentence"),
        ChangeKind.WORDING: QCoreApplication.translate("Change", "rewording"),
        ChangeKind.MOVED: QCoreApplication.translate("Change", "moved"),
    }
    return names.get(kind, str(kind))


def describe(change: Change, against_statement: bool = False, limit: int = 80) -> str:
    """One line: what changed, quoted from both sides (a statement's side is "the statement")."""
    left, right = shorten(change.left, limit), shorten(change.right, limit)
    if change.kind == ChangeKind.SENTENCE:
        on_left = any(ch.isalnum() for ch in change.left)
        text = left if on_left else right
        if against_statement:
            if on_left:
                line = QCoreApplication.translate(
                    "Change", "leaves out a sentence of the statement"
                )
            else:
                line = QCoreApplication.translate("Change", "adds a sentence to the statement")
        elif on_left:
            line = QCoreApplication.translate("Change", "sentence only on the left")
        else:
            line = QCoreApplication.translate("Change", "sentence only on the right")
        return f"{line}: «{text}»"
    kind = kind_name(change.kind)
    if not left:
        return QCoreApplication.translate("Change", "{kind}: added «{text}»").format(
            kind=kind, text=right
        )
    if not right:
        return QCoreApplication.translate("Change", "{kind}: dropped «{text}»").format(
            kind=kind, text=left
        )
    return f"{kind}: «{left}» → «{right}»"
