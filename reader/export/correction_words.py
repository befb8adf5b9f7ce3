"""How a reader's corrections are named, in the interface language.

The engine (reader.core.corrections) describes corrections in English for the command
line; the window and the exports say the same through here, with Qt's translations.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from reader.core.corrections import (
    EXCERPT,
    Correction,
    LabelCorrection,
    LinkCorrection,
    Orphan,
    Placement,
)
from reader.core.excerpt import shorten
from reader.core.model import Label


def translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def label_name(label: Label) -> str:
    names = {
        Label.QUOTATION: QCoreApplication.translate("Export", "quotation"),
        Label.PARAPHRASE: QCoreApplication.translate("Export", "paraphrase"),
        Label.COMMENTARY: QCoreApplication.translate("Export", "commentary"),
        Label.BOILERPLATE: QCoreApplication.translate("Export", "boilerplate"),
    }
    return names[label]


def describe(correction: Correction) -> str:
    """One line saying what a correction is (plain text), as the engine's describe does."""
    first = correction.sides[0]
    where = f"{first.source_id} ¶{first.anchor.index}"
    text = first.anchor.text
    excerpt = shorten(text, EXCERPT)
    if isinstance(correction, LabelCorrection):
        line = translate("Corrections", "label {label}: {where} «{excerpt}»")
        return line.format(label=label_name(correction.label), where=where, excerpt=excerpt)
    if isinstance(correction, LinkCorrection):
        other = f"{correction.b.source_id} ¶{correction.b.anchor.index}"
        line = translate("Corrections", "link: {where} and {other} «{excerpt}»")
        if not correction.linked:
            line = translate("Corrections", "unlink: {where} and {other} «{excerpt}»")
        return line.format(where=where, other=other, excerpt=excerpt)
    line = translate("Corrections", "passage out of the statement: {source} «{excerpt}»")
    return line.format(source=first.source_id, excerpt=excerpt)


def summary(placement: Placement) -> str:
    """What was corrected by hand, in words, starting with a capital."""
    links = len(placement.links) + len(placement.unlinks)
    counts = (  # (how many, said of one, said of several)
        (
            len(placement.labels),
            translate("Corrections", "{n} label"),
            translate("Corrections", "{n} labels"),
        ),
        (links, translate("Corrections", "{n} link"), translate("Corrections", "{n} links")),
        (
            len(placement.dropped),
            translate("Corrections", "{n} passage"),
            translate("Corrections", "{n} passages"),
        ),
    )
    named = [(one if n == 1 else many).format(n=n) for n, one, many in counts if n]
    if not named:
        return translate("Corrections", "Nothing corrected by hand")
    said = (
        named[0]
        if len(named) == 1
        else translate("Corrections", "{some} and {last}").format(
            some=", ".join(named[:-1]), last=named[-1]
        )
    )
    return translate("Corrections", "{what} corrected by hand").format(what=said)


def orphan_line(orphan: Orphan) -> str:
    """An orphaned correction and why it applies nowhere."""
    reasons = {  # the engine's reasons, as reader.core.corrections words them
        "its paragraph is no longer in the source": translate(
            "Corrections", "its paragraph is no longer in the source"
        ),
        "its sentence is no longer in the paragraph": translate(
            "Corrections", "its sentence is no longer in the paragraph"
        ),
        "its passage is no longer in the statement": translate(
            "Corrections", "its passage is no longer in the statement"
        ),
    }
    why = reasons.get(orphan.reason, orphan.reason)
    return translate("Corrections", "{what}: {why}").format(
        what=describe(orphan.correction), why=why
    )
