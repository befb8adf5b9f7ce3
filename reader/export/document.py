"""The exported comparison as HTML: header, context, legend, the rows side by side, a summary.

The same markup serves the HTML export (a standalone page) and the PDF (laid out by Qt's
QTextDocument, which understands this subset of HTML). Every piece of source text goes
through `html.escape`: `<strong>` in a source is printed as the characters `<strong>`.
Everything else a reader reads is in the interface language, through Qt's translations
(QtCore only: `translate` returns the English text where no translation is installed).
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication

from reader import APP_NAME, __version__
from reader.core.compare import Comparison, Row
from reader.core.corpus import Corpus
from reader.core.excerpt import shorten
from reader.core.model import Label, Source
from reader.core.statement import STATEMENT_ID
from reader.core.substance import ChangeKind, Highlight, highlights
from reader.export.correction_words import describe as describe_correction
from reader.export.correction_words import label_name, summary
from reader.export.wording import describe

LETTERS = {
    Label.QUOTATION: "Q",
    Label.PARAPHRASE: "P",
    Label.COMMENTARY: "C",
    Label.BOILERPLATE: "B",
}
# Light tints print well and keep black text legible; the letter says the label in grey too.
TINTS = {
    Label.QUOTATION: "#e3ecf9",
    Label.PARAPHRASE: "#fbeedb",
    Label.COMMENTARY: "#ffffff",
    Label.BOILERPLATE: "#f1e9f3",
}
WORDING = "#ffe08a"  # rewording: only on this side
WORDING_EDGE = "#8a5a00"  # its dashed underline, which grey print keeps
MEANING = "#f4a3a0"  # a number, a name, a negation or a sentence that differs
MOVED = "#d6e4f5"  # a sentence both sides carry, in another order
MOVED_EDGE = "#1d4f91"  # its mark and underline: dark enough to stay black in grey print
# Set before a moved sentence, which is also underlined with dots: its tint turns to a grey
# near the label tints' in grey print, and dots are told from rewording's dashes only up
# close; a glyph is read at a glance, and a search of the text still finds the sentence.
MOVED_MARK = "\u21c5"  # ⇅
_QUOTE_LIMIT = 240  # a change's quoted text, cut between words beyond this


def translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


@dataclass(frozen=True)
class ExportOptions:
    paper: str = "a4"  # "a4" or "letter"
    landscape: bool = False
    skip_boilerplate: bool = False


@dataclass(frozen=True)
class ExportContent:
    """The document and what the page furniture of every page repeats."""

    html: str
    running_title: str  # the pair's names, for every page's header


def build(
    corpus: Corpus,
    left_id: str,
    right_id: str,
    options: ExportOptions,
    when: datetime | None = None,
) -> ExportContent:
    comparison = corpus.comparison(left_id, right_id)
    left, right = comparison.left, comparison.right
    labels = {
        -1: [p.label for p in corpus.paragraph_analysis(left_id)],
        1: [p.label for p in corpus.paragraph_analysis(right_id)],
    }
    rows = _kept_rows(comparison, labels, options)
    when = when or datetime.now(UTC)
    engine = {
        side: {n: a.engine.label for n, a in enumerate(corpus.paragraph_analysis(i)) if a.engine}
        for side, i in ((-1, left_id), (1, right_id))
    }
    parts = [
        _header(left, right, when),
        _context(corpus, (left_id, right_id)),
        _corrections(corpus),
        _legend(),
        _rows_table(comparison, rows, labels, options, engine),
        _summary(corpus, comparison, labels),
    ]
    body = "\n".join(parts)
    title = f"{left.title} — {right.title}"
    page = (
        "<!DOCTYPE html>\n<html><head><meta charset='utf-8'>"
        f"<title>{_e(APP_NAME)}: {_e(title)}</title>"
        f"<style>{_CSS}</style></head><body>{body}</body></html>"
    )
    return ExportContent(page, f"{_short(left.title, 50)}  ↔  {_short(right.title, 50)}")


_CSS = f"""
body {{ font-family: 'DejaVu Sans', 'Noto Sans', Arial, sans-serif; font-size: 9pt; color: #111; }}
h1 {{ font-size: 14pt; margin: 0 0 4pt 0; }}
h2 {{ font-size: 11pt; margin: 10pt 0 4pt 0; }}
table {{ border-collapse: collapse; }}
td, th {{ vertical-align: top; padding: 3pt; }}
.meta td {{ border: 0; padding: 1pt 6pt 1pt 0; }}
.rows td {{ border: 1px solid #999; }}
.rows th {{ border: 1px solid #999; background-color: #eeeeee; text-align: left;
  padding: 3pt 6pt; }}
.letter {{ font-weight: bold; color: #444; }}
.sim {{ color: #555; font-size: 8pt; }}
.small {{ font-size: 7.5pt; }}
.none {{ color: #888; }}
.meaning {{ background-color: {MEANING}; text-decoration: underline; font-weight: bold; }}
.wording {{ background-color: {WORDING}; text-decoration: underline dashed {WORDING_EDGE}; }}
.moved {{ background-color: {MOVED}; text-decoration: underline dotted {MOVED_EDGE}; }}
.movedmark {{ color: {MOVED_EDGE}; font-weight: bold; }}
.hand {{ font-weight: bold; color: #7a1f7a; font-size: 8pt; }}
"""


def _source_lines(source: Source) -> str:
    """Outlet, date, address, file and SHA-256 of a source, as far as they are known."""
    known = [
        (translate("Export", "outlet"), source.outlet),
        (translate("Export", "date"), source.date),
        (translate("Export", "address"), source.url),
        (translate("Export", "file"), source.path.name if source.path else f"({source.id})"),
    ]
    details = " · ".join(f"{name}: {_e(value)}" for name, value in known if value)
    return f"{details}<br><span class='sim'>SHA-256 {_e(source.sha256)}</span>"


def _header(left: Source, right: Source, when: datetime) -> str:
    rows = []
    for side, source in (
        (translate("Export", "Left"), left),
        (translate("Export", "Right"), right),
    ):
        rows.append(
            f"<tr><td width='60'><b>{side}</b></td><td><b>{_e(source.title)}</b><br>"
            f"{_source_lines(source)}</td></tr>"
        )
    stamp = when.strftime("%Y-%m-%d %H:%M UTC")
    exported = translate("Export", "Exported {when} with {app} {version}.").format(
        when=stamp, app=_e(APP_NAME), version=_e(__version__)
    )
    comparison = translate("Export", "comparison")
    return (
        f"<h1>{_e(APP_NAME)}: {comparison}</h1>"
        f"<table class='meta'>{''.join(rows)}</table>"
        f"<p class='sim'>{exported}</p>"
    )


def _context(corpus: Corpus, pair: Sequence[str]) -> str:
    """The other sources analysed with the pair: the labels depend on them."""
    others = [s for s in corpus.sources if s.id not in pair and s.id != STATEMENT_ID]
    heading = "<h2>{}</h2>".format(translate("Export", "Context: the other sources analysed"))
    if not others:
        return heading + "<p>{}</p>".format(
            translate(
                "Export",
                "None: the two sources were analysed alone; labels may differ when other "
                "sources that carry the statement are analysed with them.",
            )
        )
    intro = translate(
        "Export",
        "Labels and the statement depend on every source analysed; these were analysed "
        "with the two compared, and are not shown.",
    )
    rows = "".join(
        f"<tr><td>{n}.</td><td><b>{_e(s.title)}</b><br>{_source_lines(s)}</td></tr>"
        for n, s in enumerate(others, 1)
    )
    return f"{heading}<p>{intro}</p><table class='meta'>{rows}</table>"


def _legend() -> str:
    cells = "".join(
        f"<td style='background-color:{TINTS[label]}; border:1px solid #999; padding:2pt 6pt'>"
        f"<span class='letter'>{LETTERS[label]}</span>&nbsp;{label_name(label)}</td>"
        "<td width='8'></td>"
        for label in Label
    )
    wording = translate("Export", "rewording")
    only = translate("Export", "only on this side")
    meaning = translate("Export", "change of meaning")
    kinds = translate("Export", "a number, a name, a negation, a sentence")
    none = translate("Export", "no counterpart")
    moved = translate("Export", "moved")
    elsewhere = translate("Export", "on both sides, in another order")
    legend = translate("Export", "Legend")
    return (
        f"<h2>{legend}</h2>"
        f"<table cellspacing='0'><tr>{cells}</tr></table>"
        f"<p><span class='wording'>{wording}</span> {only} &nbsp;&nbsp; "
        f"<span class='meaning'>{meaning}</span> ({kinds}) &nbsp;&nbsp; "
        f"{_moved_mark()}<span class='moved'>{moved}</span> {elsewhere} &nbsp;&nbsp; "
        f"<span class='none'>—</span> {none}</p>"
    )


def _kept_rows(
    comparison: Comparison, labels: dict[int, list[Label]], options: ExportOptions
) -> list[tuple[int, list[int], list[int]]]:
    kept = []
    for n, row in enumerate(comparison.rows):
        left = [p for p in row.left if not _skipped(labels[-1][p], options)]
        right = [p for p in row.right if not _skipped(labels[1][p], options)]
        if left or right:
            kept.append((n, left, right))
    return kept


def _skipped(label: Label, options: ExportOptions) -> bool:
    return options.skip_boilerplate and label == Label.BOILERPLATE


def _rows_table(
    comparison: Comparison,
    rows: Sequence[tuple[int, list[int], list[int]]],
    labels: dict[int, list[Label]],
    options: ExportOptions,
    engine: dict[int, dict[int, Label]] | None = None,
) -> str:
    engine = engine or {-1: {}, 1: {}}
    head = (
        "<tr><th width='46%'>" + _e(_short(comparison.left.title, 60)) + "</th>"
        "<th width='8%'>≈</th><th width='46%'>"
        + _e(_short(comparison.right.title, 60))
        + "</th></tr>"
    )
    body = []
    for n, left, right in rows:
        row = comparison.rows[n]
        left_cell = _cell(
            comparison.left, left, labels[-1], highlights(comparison, n, -1), engine[-1]
        )
        right_cell = _cell(
            comparison.right, right, labels[1], highlights(comparison, n, 1), engine[1]
        )
        similarity = f"{row.similarity:.0%}" if row.matched else "—"
        body.append(
            f"<tr>{left_cell}<td class='sim' align='center' nowrap>{similarity}</td>"
            f"{right_cell}</tr>"
        )
    heading = translate("Export", "The two sources, row by row as aligned")
    return (
        f"<h2>{heading}</h2>"
        f"<table class='rows' width='100%' cellspacing='0' cellpadding='3'>{head}"
        + "".join(body)
        + "</table>"
    )


def _cell(
    source: Source,
    paragraphs: list[int],
    labels: list[Label],
    spans: list[Highlight],
    engine: dict[int, Label] | None = None,
) -> str:
    if not paragraphs:
        return "<td class='none'>—</td>"
    label = labels[paragraphs[0]]
    parts = []
    for p in paragraphs:
        text = _highlighted(source.paragraphs[p].text, [h for h in spans if h.paragraph == p])
        parts.append(
            f"<p style='margin:0 0 3pt 0'><span class='letter'>{LETTERS[labels[p]]}</span> "
            f"<span class='sim'>¶{p}</span> {_by_hand((engine or {}).get(p))}{text}</p>"
        )
    return f"<td style='background-color:{TINTS[label]}'>{''.join(parts)}</td>"


def _by_hand(engine: Label | None) -> str:
    """The mark of a label a reader set by hand, with the engine's beside it."""
    if engine is None:
        return ""
    mark = translate("Export", "[label set by hand; engine: {label}]")
    return f"<span class='hand'>{_e(mark.format(label=label_name(engine)))}</span> "


def _corrections(corpus: Corpus) -> str:
    """The provenance of the labels and links: which a reader corrected by hand."""
    placement = corpus.placement()
    placed = set(placement.keys)
    applied = [describe_correction(c) for c in corpus.corrections if c.key() in placed]
    lines = "".join(f"<li>{_e(line)}</li>" for line in applied)
    orphans = len(placement.orphans)
    lost = translate(
        "Export", "{n} correction(s) no longer find their paragraph and apply nowhere."
    ).format(n=orphans)
    lost = f"<p class='sim'>{_e(lost)}</p>" if orphans else ""
    listed = f"<ul class='sim'>{lines}</ul>" if lines else ""
    return f"<p><b>{_e(summary(placement))}.</b></p>{listed}{lost}"


def _highlighted(text: str, spans: list[Highlight]) -> str:
    """The text with its highlights; a moved sentence as a span the word changes sit inside."""
    moved = sorted((h for h in spans if h.kind == ChangeKind.MOVED), key=lambda h: h.start)
    words = [h for h in spans if h.kind != ChangeKind.MOVED]
    out, position = [], 0
    for h in moved:
        if h.start < position:
            continue
        out.append(_words(text, position, h.start, words))
        inner = _words(text, h.start, h.end, words)
        out.append(f"{_moved_mark()}<span class='moved'>{inner}</span>")
        position = h.end
    out.append(_words(text, position, len(text), words))
    return "".join(out)


def _moved_mark() -> str:
    """The glyph before a moved sentence, kept to it by a narrow no-break space."""
    return f"<span class='movedmark'>{MOVED_MARK}\u202f</span>"


def _words(text: str, start: int, end: int, spans: list[Highlight]) -> str:
    out, position = [], start
    for h in sorted(spans, key=lambda h: h.start):
        if h.start < position or h.end > end or h.start < start:
            continue
        out.append(_e(text[position : h.start]))
        css = "meaning" if h.kind.substantive else "wording"
        out.append(f"<span class='{css}'>{_e(text[h.start : h.end])}</span>")
        position = h.end
    out.append(_e(text[position:end]))
    return "".join(out)


def _summary(corpus: Corpus, comparison: Comparison, labels: dict[int, list[Label]]) -> str:
    left, right = comparison.left, comparison.right
    counts = "".join(
        f"<tr><td>{_e(_short(source.title, 60))}</td>"
        + "".join(f"<td align='right'>{labels[side].count(label)}</td>" for label in Label)
        + f"<td align='right'>{_share(corpus, source.id)}</td></tr>"
        for side, source in ((-1, left), (1, right))
    )
    heads = "".join(
        # The letter above the name: a column is never narrower than its longest word.
        f"<th width='14%' class='small'>{LETTERS[label]}<br>{label_name(label)}</th>"
        for label in Label
    )
    quoted = [n for n, row in enumerate(comparison.rows) if row.matched and row.quoted]
    quoted_rows = [comparison.rows[n] for n in quoted]
    if quoted_rows:
        mean = translate("Export", "{mean} over {n} paired quotations").format(
            mean=f"{sum(r.similarity for r in quoted_rows) / len(quoted_rows):.0%}",
            n=len(quoted_rows),
        )
    else:
        mean = translate("Export", "no paired quotations")
    found = [
        (comparison.rows[n], c) for n in quoted for c in comparison.changes(n) if c.kind.substantive
    ]
    statement = left.id == STATEMENT_ID
    items = "".join(
        f"<li><span class='sim'>{_where(row)}</span> "
        f"{_e(describe(c, statement, _QUOTE_LIMIT))}</li>"
        for row, c in found
    )
    none = translate("Export", "None.")
    meaning = f"<ul>{items}</ul>" if found else f"<p>{none}</p>"
    similarity = translate("Export", "Similarity of the paired quotations: {mean}.")
    words = {
        "summary": translate("Export", "Summary"),
        "source": translate("Export", "source"),
        "share": translate("Export", "statement quoted · reported"),
        "changes": translate("Export", "Changes of meaning between the paired quotations"),
    }
    return (
        f"<h2>{words['summary']}</h2>"
        f"<table class='rows' width='100%' cellspacing='0' cellpadding='4'><tr>"
        f"<th width='22%'>{words['source']}</th>{heads}"
        f"<th width='22%' class='small'>{words['share']}</th></tr>{counts}</table>"
        f"<p>{similarity.format(mean=mean)}</p>"
        f"<h2>{words['changes']}</h2>{meaning}"
    )


def _where(row: Row) -> str:
    """The paragraphs a change falls in, left ↔ right: where to find it in the rows above."""
    left = ",".join(f"¶{p}" for p in row.left) or "—"
    right = ",".join(f"¶{p}" for p in row.right) or "—"
    return f"{left} ↔ {right}"


def _share(corpus: Corpus, source_id: str) -> str:
    if source_id == STATEMENT_ID:
        return "—"
    statement = corpus.analysis().statement
    index = corpus.index(source_id)
    return f"{statement.quoted_share(index):.0%} · {statement.paraphrased_share(index):.0%}"


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _short(text: str, limit: int) -> str:
    return shorten(text, limit)
