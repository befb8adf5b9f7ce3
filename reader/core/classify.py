"""Label every paragraph quotation, paraphrase, commentary or boilerplate.

Two questions decide the label, each answered from the texts:

- Does the paragraph carry the statement? Evidence: other sources carry the same words
  (sentence links), weighed by how close and how much of the paragraph they cover; headings
  and bare reporting frames count for less.
- If it does, is it direct or reported speech? Evidence: first person outside quotation marks,
  quotation marks around the whole paragraph, "> " quoting, against reporting verbs
  ("a expliqué que", "selon lui"), third-person subjects and the hearsay conditional.

Page furniture is recognised by its patterns. A paragraph's neighbours matter too: quotations
come in runs, so each source is decoded as a sequence (a small hidden Markov model whose
posterior gives the confidence), and the second pass counts only counterparts that the first
pass found to carry the statement, so two outlets' shared commentary does not pass for it.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import NamedTuple

from reader.core import calibration as cal
from reader.core.cues import SpeechCues
from reader.core.lang import union
from reader.core.linking import Link
from reader.core.model import Label, Source
from reader.core.speech import ParagraphSpeech, SpeechKind
from reader.core.textual import Textual, textual
from reader.core.units import UnitTable

LABELS = (Label.QUOTATION, Label.PARAPHRASE, Label.COMMENTARY, Label.BOILERPLATE)
_Q, _P, _C, _B = range(4)
# The first pass counts every counterpart; each later one only counterparts that the previous
# pass found to carry the statement, until that set stops changing.
_MAX_PASSES = 4


@dataclass(frozen=True)
class ParagraphLabel:
    label: Label
    confidence: float
    evidence: tuple[str, ...]


class _Counterpart(NamedTuple):  # a tuple: thousands are made each pass
    source: int
    paragraph: int
    score: float


@dataclass
class _Features:
    cues: SpeechCues
    furniture: float
    furniture_reason: str
    matched: float  # share of the paragraph's weight carried elsewhere, scaled by closeness
    counterparts: list[_Counterpart]
    counterpart_first_person: bool
    heading: bool = False  # a heading, in a source where headings stand out from prose
    beside_match: bool = False  # a neighbour (furniture aside) is carried by other sources
    alone: bool = False  # no paragraph of the corpus has a counterpart: speech cues decide
    after_colon: bool = False  # the paragraph before introduces it: "…, le message traduit :"
    beside_speech: bool = False  # a neighbour clearly gives someone's words
    other_speaker: bool = False  # its speech is someone's other than the statement's author
    speech: ParagraphSpeech | None = None  # its direct and reported speech, sentence by sentence
    marks_speech: bool = False  # its source sets speech apart: quotation marks, dashes, frames


# Fixed labels: (source index, paragraph index) -> the label a reader gave it.
Fixed = Mapping[tuple[int, int], Label]
FIXED_EVIDENCE = "label fixed by the reader"


def classify(
    sources: Sequence[Source],
    table: UnitTable,
    links: Sequence[Link],
    fixed: Fixed | None = None,
    read: Sequence[Textual] | None = None,
) -> list[list[ParagraphLabel]]:
    """Return the label of every paragraph of every source.

    A paragraph in `fixed` keeps the label a reader gave it: the run-level model is clamped
    there, so its neighbours are judged knowing it, and its evidence says it was fixed.
    `read` is each source's textual evidence if it was read already (reader.core.textual).
    """
    fixed = fixed or {}
    read = read if read is not None else [textual(s) for s in sources]
    features, decoded = _decode_corpus(sources, table, links, fixed, read)
    return [
        [
            _label(sources, s, features[s], decoded[s], p, (s, p) in fixed)
            for p in range(len(sources[s].paragraphs))
        ]
        for s in range(len(sources))
    ]


def _decode_corpus(
    sources: Sequence[Source],
    table: UnitTable,
    links: Sequence[Link],
    fixed: Fixed,
    read: Sequence[Textual],
) -> tuple[list[list[_Features]], list[list[tuple[int, list[float]]]]]:
    cues = [r.cues for r in read]
    furnitures = [r.furniture for r in read]
    headings = [_headings(source_cues) for source_cues in cues]
    speeches = [r.speech for r in read]
    marked = [_marks_speech(source_speech) for source_speech in speeches]
    # What does not change from pass to pass is found once: where each paragraph stands
    # among the content, and whom its speech names.
    places = [_places(furnitures[s], cues[s]) for s in range(len(sources))]
    named = [[_named_speakers(speech) for speech in source_speech] for source_speech in speeches]
    neighbours = _neighbours(links, table)
    statement_units: set[int] | None = None  # first pass: every counterpart counts
    decoded: list[list[tuple[int, list[float]]]] = []
    features: list[list[_Features]] = []
    affected: set[tuple[int, int]] | None = None  # the paragraphs to weigh again; None: all
    for _ in range(_MAX_PASSES):
        features = [
            [
                _features(table, neighbours, s, p, cues[s][p], furnitures[s][p], statement_units)
                if affected is None or (s, p) in affected
                else _again(features[s][p])
                for p in range(len(source.paragraphs))
            ]
            for s, source in enumerate(sources)
        ]
        # With nothing shared between sources (one source alone, or unrelated ones), the
        # statement cannot be found by comparison; what is said in someone's voice, or
        # reported, is then the best guess at it.
        alone = sum(f.matched >= cal.CARRIES for fs in features for f in fs) < cal.SHARED_PARAGRAPHS
        for s, source_features in enumerate(features):
            _mark_context(source_features, places[s], headings[s])
            for f, speech in zip(source_features, speeches[s], strict=True):
                f.alone = alone
                f.speech = speech
                f.marks_speech = marked[s]
        _mark_other_speakers(features, named)
        decoded = [
            _decode(source_features, _clamps(fixed, s, len(source_features)))
            for s, source_features in enumerate(features)
        ]
        carrying = {
            u
            for s, source_decoded in enumerate(decoded)
            for p, (state, _) in enumerate(source_decoded)
            if state in (_Q, _P)
            for u in table.by_paragraph[(s, p)]
        }
        if carrying == statement_units:
            break  # the labels no longer change which counterparts count
        affected = _affected(neighbours, statement_units, carrying)
        statement_units = carrying
    return features, decoded


def _affected(
    neighbours: dict[int, list[tuple[int, float, tuple[int, int]]]],
    before: set[int] | None,
    after: set[int],
) -> set[tuple[int, int]]:
    """The paragraphs whose link evidence changes when the units that count go from
    `before` (None: all) to `after`: only those linked to a unit that came in or left. The
    others' evidence is taken as it was."""
    changed = set(neighbours).difference(after) if before is None else before ^ after
    return {key for v in changed for _, _, key in neighbours.get(v, ())}


def _again(f: _Features) -> _Features:
    """A paragraph's features for a new pass, its link evidence as the last pass found it
    (what each pass marks on the features afterwards starts again from the defaults)."""
    return _Features(
        cues=f.cues,
        furniture=f.furniture,
        furniture_reason=f.furniture_reason,
        matched=f.matched,
        counterparts=f.counterparts,
        counterpart_first_person=f.counterpart_first_person,
    )


_PRONOUNS = (
    union().first_person
    | union().second_person
    | union().third_person_subjects
    | union().subject_pronouns
    | union().object_pronouns
)


def _speaker_key(speaker: str) -> str | None:
    """A named speaker's surname, case-folded ("Elena Varga" → "varga"); None for "lui"."""
    if not speaker[:1].isupper() or speaker.casefold() in _PRONOUNS:
        return None
    return speaker.split()[-1].casefold().strip("'’.,")


def _named_speakers(speech: ParagraphSpeech) -> list[str]:
    """The speakers a paragraph's speech names (_speaker_key), span by span."""
    return [k for s in speech.spans if s.speaker and (k := _speaker_key(s.speaker))]


def _mark_other_speakers(features: list[list[_Features]], named: list[list[list[str]]]) -> None:
    """Find the statement's author: the speaker most named beside what sources share.

    Reported or quoted words of anyone else are commentary (DESIGN.md): they only qualify
    where no other source carries them. named: each paragraph's _named_speakers.
    """
    counts: Counter[str] = Counter()
    for fs, source_named in zip(features, named, strict=True):
        for f, keys in zip(fs, source_named, strict=True):
            if f.matched >= cal.CARRIES or f.beside_match:
                counts.update(keys)
    if not counts:
        return
    author = counts.most_common(1)[0][0]
    for fs, source_named in zip(features, named, strict=True):
        for f, keys in zip(fs, source_named, strict=True):
            f.other_speaker = bool(keys) and author not in keys and f.matched < cal.CARRIES


def _marks_speech(speeches: Sequence[ParagraphSpeech]) -> bool:
    """Tell whether a source sets speech apart, so that its unmarked words are the narrator's."""
    speaking = sum(
        1 for s in speeches if s.direct >= cal.SPEECH_SHARE or s.reported >= cal.SPEECH_SHARE
    )
    return speaking >= max(cal.MARKED_SPEECH_PARAGRAPHS, cal.MARKED_SPEECH_SHARE * len(speeches))


class _Place(NamedTuple):
    """Where a paragraph that is not furniture stands among those of its source."""

    paragraph: int
    neighbours: tuple[int, ...]  # the paragraphs, furniture aside, before and after it
    after_colon: bool  # the one before ends with a colon
    beside_speech: bool  # a neighbour clearly gives someone's words


def _places(furnitures: Sequence[tuple[float, str]], cues: Sequence[SpeechCues]) -> list[_Place]:
    content = [p for p, (score, _) in enumerate(furnitures) if score < cal.FURNITURE]
    voiced = {p for p in content if _speech_strength(cues[p]) == 1.0}
    places = []
    for n, p in enumerate(content):
        neighbours = tuple(content[m] for m in (n - 1, n + 1) if 0 <= m < len(content))
        after_colon = n > 0 and cues[content[n - 1]].ends_with_colon
        places.append(_Place(p, neighbours, after_colon, not voiced.isdisjoint(neighbours)))
    return places


def _mark_context(features: list[_Features], places: list[_Place], headings: list[bool]) -> None:
    """Record what a paragraph's neighbours say: runs of the statement have no gaps."""
    for p, neighbours, after_colon, beside_speech in places:
        f = features[p]
        f.heading = headings[p]
        f.beside_match = any(
            features[q].matched >= cal.CARRIES and not headings[q] for q in neighbours
        )
        f.after_colon = after_colon
        f.beside_speech = beside_speech


def _headings(cues: Sequence[SpeechCues]) -> list[bool]:
    """Mark headings, unless most lines lack final punctuation (a transcript, a poem)."""
    flags = [c.heading for c in cues]
    return flags if sum(flags) <= cal.HEADING_MAJORITY * len(flags) else [False] * len(flags)


def _neighbours(
    links: Sequence[Link], table: UnitTable
) -> dict[int, list[tuple[int, float, tuple[int, int]]]]:
    """Each unit's linked units, with the score and the (source, paragraph) they stand in."""
    result: dict[int, list[tuple[int, float, tuple[int, int]]]] = defaultdict(list)
    places = [(unit.source, unit.paragraph) for unit in table.units]
    for link in links:
        result[link.a].append((link.b, link.score, places[link.b]))
        result[link.b].append((link.a, link.score, places[link.a]))
    return result


def _features(
    table: UnitTable,
    neighbours: dict[int, list[tuple[int, float, tuple[int, int]]]],
    source: int,
    paragraph: int,
    cues: SpeechCues,
    furniture_score: tuple[float, str],
    statement_units: set[int] | None,
) -> _Features:
    total = 0.0
    carried = 0.0
    best: dict[tuple[int, int], float] = {}
    first_person_counterpart = False
    weights, get = table.weights, best.get  # read once, not per link
    strong = cal.FIRST_PERSON_LINK
    for u in table.by_paragraph[(source, paragraph)]:
        weight = weights[u]
        total += weight
        strongest = 0.0
        for other, score, key in neighbours.get(u, ()):
            if statement_units is not None and other not in statement_units:
                continue
            if score > strongest:
                strongest = score
            previous = get(key, 0.0)
            best[key] = score if score > previous else previous  # max(previous, score)
            if score >= strong and not first_person_counterpart:
                first_person_counterpart = _has_first_person(table, other)
        carried += weight * _strength(strongest)
    counterparts = sorted(
        (_Counterpart(s, p, v) for (s, p), v in best.items()), key=lambda c: -c.score
    )
    matched = carried / total if total else 0.0
    for c in counterparts[: cal.WHOLE_PARAGRAPH_COUNTERPARTS]:
        # Whole paragraphs, for text one source splits into sentences another merges.
        whole = table.paragraph_score((source, paragraph), (c.source, c.paragraph))
        if whole.overlap >= cal.WHOLE_PARAGRAPH_OVERLAP:
            matched = max(matched, _strength(whole.value))
    return _Features(
        cues=cues,
        furniture=furniture_score[0],
        furniture_reason=furniture_score[1],
        matched=matched,
        counterparts=counterparts,
        counterpart_first_person=first_person_counterpart,
    )


def _strength(score: float) -> float:
    """Map a link score to evidence in [0, 1]: from noise to certain."""
    return min(1.0, max(0.0, (score - cal.LINK_NOISE) / cal.LINK_SPAN))


# Any language's: the counterpart may be in another language than the paragraph.
_FIRST_PERSON_KEYS = union().first_person_keys


def _has_first_person(table: UnitTable, unit: int) -> bool:
    return not _FIRST_PERSON_KEYS.isdisjoint(table.units[unit].bag)


# Emissions ---------------------------------------------------------------------------------


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z))


def _statement_probability(f: _Features) -> float:
    """How likely the paragraph carries the statement at all."""
    z = cal.STATEMENT_PRIOR + cal.STATEMENT_MATCHED * f.matched
    c = f.cues
    if f.other_speaker:
        z -= cal.OTHER_SPEAKER
    if f.alone:
        z += cal.ALONE_VOICE * _speech_strength(c) + cal.ALONE_CONTEXT * (
            f.after_colon + f.beside_speech
        )
    if c.reporting or c.first_person or c.second_person or c.salutation:
        # Words in someone's voice, or reported, may carry the statement unmatched, the more
        # so right beside paragraphs that other sources carry.
        if f.beside_match:
            z += cal.VOICE_BESIDE_REPORTED if c.reporting else cal.VOICE_BESIDE
        else:
            z += cal.VOICE_ELSEWHERE
        if f.beside_match and c.first_person >= cal.PLAIN_FIRST_PERSON_SHARE * max(1, c.words):
            z += cal.PLAIN_FIRST_PERSON
    elif c.subject_act and f.beside_match:
        z += cal.SUBJECT_ACT
    if f.cues.words < cal.SHORT_LINE_WORDS:
        z -= cal.SHORT_LINE
    s = _sigmoid(z)
    if f.heading:
        s *= cal.HEADING_FACTOR
    return s


def _speech_strength(c: SpeechCues) -> float:
    """How clearly a paragraph gives someone's words, in [0, 1], from its own text alone."""
    words = max(1, c.words)
    if (
        c.mostly_quoted
        or c.prefixed_quote
        or c.reporting
        or c.first_person >= cal.VOICED_FIRST_PERSON_SHARE * words
    ):
        return 1.0
    if c.first_person or c.second_person or c.salutation or c.quoted_words:
        return cal.PARTLY_VOICED
    return 0.0


def _reported_by_name(f: _Features) -> bool:
    """Mostly reported speech whose frame names a third person: "Selon lui", "X a dit que".

    In the first person ("On m'a dit que…") the paragraph is still the speaker's own voice.
    """
    speech = f.speech
    if speech is None or f.cues.first_person or not speech.reported >= cal.SPEECH_SHARE:
        return False
    if speech.direct >= speech.reported:
        return False
    return any(s.kind == SpeechKind.REPORTED and s.speaker for s in speech.spans)


def _added(z: float, terms: list[float]) -> float:
    """z plus the terms, one after the other (the sums, in their order, decide ties)."""
    for term in terms:
        z += term
    return z


def _directness_terms(f: _Features) -> list[float]:
    """What each cue adds to the log-odds that a statement-carrying paragraph is direct
    rather than reported speech, in order, after the source's bias: the same for any bias,
    so a paragraph's are found once per decoding."""
    c = f.cues
    words = max(1, c.words)
    terms: list[float] = []
    if _reported_by_name(f):
        # "Selon lui, …", "X a déclaré que …": a report, whoever matches it. Only what is
        # quoted builds the statement, so a report must never pass for a quotation.
        terms.append(-cal.REPORTED_FRAME)
    terms.append(min(cal.FIRST_PERSON_CAP, cal.FIRST_PERSON_SLOPE * c.first_person / words))
    if c.second_person and not c.reporting:
        terms.append(cal.SECOND_PERSON)
    if c.mostly_quoted:
        terms.append(cal.MOSTLY_QUOTED)
    elif c.quoted_words >= cal.PART_QUOTED_SHARE * words:
        terms.append(cal.PART_QUOTED)
    if c.prefixed_quote:
        terms.append(cal.PREFIXED_QUOTE)
    if c.salutation:
        terms.append(cal.SALUTATION)
    if not c.mostly_quoted:  # «…», a-t-elle précisé: the tag attributes, the words are direct
        terms.append(-(cal.REPORTING_VERB * min(cal.REPORTING_VERB_MAX, len(c.reporting))))
    terms.append(-min(cal.THIRD_PERSON_CAP, cal.THIRD_PERSON_SLOPE * c.third_person / words))
    terms.append(-(cal.CONDITIONAL * min(cal.CONDITIONAL_MAX, c.conditional)))
    if (
        f.counterpart_first_person
        and c.first_person == 0
        and (c.third_person or c.reporting)
        and not c.mostly_quoted
    ):
        terms.append(-cal.THIRD_FOR_FIRST)
    return terms


def _alone_speech(f: _Features) -> tuple[float, float]:
    """Alone, in a source that marks speech: whose words, and how, from the speech spans.

    Mostly someone's direct speech is quotation, mostly reported speech paraphrase, and the
    rest the author's own prose, first person or not: whoever speaks.
    """
    speech = f.speech
    assert speech is not None
    share = speech.direct + speech.reported
    s = _sigmoid(cal.ALONE_SPEECH_SLOPE * (share - cal.SPEECH_SHARE))
    if f.heading:
        s *= cal.HEADING_FACTOR
    return s, _sigmoid(cal.ALONE_DIRECT_SLOPE * (speech.direct - speech.reported))


def _emissions(
    f: _Features, statement: float, direct_terms: list[float], source_bias: float
) -> list[float]:
    """statement: _statement_probability(f); direct_terms: _directness_terms(f)."""
    boiler = cal.BOILERPLATE_FLOOR + cal.BOILERPLATE_SPAN * f.furniture
    if f.alone and f.marks_speech:
        s, d = _alone_speech(f)
    else:
        s = statement
        d = _sigmoid(_added(source_bias, direct_terms))
    rest = 1.0 - boiler
    return [rest * s * d, rest * s * (1 - d), rest * (1 - s), boiler]


def _source_bias(weights: list[float], direct_terms: list[list[float]]) -> float:
    """Lean toward the speech mode a source uses for the statement elsewhere.

    weights: each paragraph's _statement_probability; direct_terms: its _directness_terms.
    """
    if sum(weights) < cal.SOURCE_BIAS_MIN_WEIGHT:
        return 0.0
    mean = sum(
        w * _sigmoid(_added(0.0, terms)) for w, terms in zip(weights, direct_terms, strict=True)
    )
    mean /= sum(weights)
    return cal.SOURCE_BIAS_SCALE * (mean - cal.EVEN_ODDS)


# Decoding ----------------------------------------------------------------------------------


def _clamps(fixed: Fixed, source: int, count: int) -> list[int | None]:
    """The state each paragraph of a source is clamped to (None where the engine decides)."""
    states: list[int | None] = [None] * count
    for (s, p), label in fixed.items():
        if s == source and 0 <= p < count:
            states[p] = LABELS.index(label)
    return states


def _decode(
    features: list[_Features], clamps: Sequence[int | None] = ()
) -> list[tuple[int, list[float]]]:
    """Return each paragraph's most likely state and the posterior of every state.

    Each paragraph takes its most probable state given the whole source (posterior
    decoding), so its label always agrees with the confidence reported for it. A clamped
    paragraph emits only its fixed state, which its neighbours' posteriors then take in.
    """
    if not features:
        return []
    # Each paragraph's evidence, found once: the source's bias and the emissions weigh it.
    statement = [_statement_probability(f) for f in features]
    direct_terms = [_directness_terms(f) for f in features]
    bias = _source_bias(statement, direct_terms)
    emissions = [
        [max(e, cal.EMISSION_FLOOR) for e in _emissions(f, s, terms, bias)]
        for f, s, terms in zip(features, statement, direct_terms, strict=True)
    ]
    for p, state in enumerate(clamps):
        if state is not None:
            emissions[p] = [1.0 if j == state else cal.FIXED_OTHERS for j in range(4)]
    speech_alone = all(f.alone and f.marks_speech for f in features)
    posteriors = _forward_backward(
        emissions, cal.ALONE_TRANSITIONS if speech_alone else cal.TRANSITIONS
    )
    chosen = [_choose(row) for row in posteriors]
    for p, state in enumerate(clamps):
        if state is not None:
            chosen[p] = state
    return list(zip(chosen, posteriors, strict=True))


def _choose(posterior: list[float]) -> int:
    """Decide whether a paragraph carries the statement, then how; else what it is.

    Quotation and paraphrase answer the same first question, so their shares add up before
    either competes with commentary or furniture.
    """
    carrying = posterior[_Q] + posterior[_P]
    if carrying > max(posterior[_C], posterior[_B]):
        return _Q if posterior[_Q] >= posterior[_P] else _P
    return _C if posterior[_C] >= posterior[_B] else _B


def _forward_backward(
    emissions: list[list[float]], transitions: Sequence[Sequence[float]] = cal.TRANSITIONS
) -> list[list[float]]:
    # The four states written out: the same sums in the same order as loops over range(4)
    # would make, without a generator per cell (this runs for every paragraph, every pass).
    (t00, t01, t02, t03), (t10, t11, t12, t13), (t20, t21, t22, t23), (t30, t31, t32, t33) = (
        tuple(row) for row in transitions
    )
    n = len(emissions)
    forward: list[list[float]] = []
    alpha = [cal.START * e for e in emissions[0]]
    total = sum(alpha)
    forward.append([a / total for a in alpha])
    for e0, e1, e2, e3 in emissions[1:]:
        p0, p1, p2, p3 = forward[-1]
        alpha = [
            e0 * (p0 * t00 + p1 * t10 + p2 * t20 + p3 * t30),
            e1 * (p0 * t01 + p1 * t11 + p2 * t21 + p3 * t31),
            e2 * (p0 * t02 + p1 * t12 + p2 * t22 + p3 * t32),
            e3 * (p0 * t03 + p1 * t13 + p2 * t23 + p3 * t33),
        ]
        total = sum(alpha)
        forward.append([a / total for a in alpha])
    backward = [[1.0] * 4 for _ in range(n)]
    for t in range(n - 2, -1, -1):
        n0, n1, n2, n3 = emissions[t + 1]
        b0, b1, b2, b3 = backward[t + 1]
        beta = [
            t00 * n0 * b0 + t01 * n1 * b1 + t02 * n2 * b2 + t03 * n3 * b3,
            t10 * n0 * b0 + t11 * n1 * b1 + t12 * n2 * b2 + t13 * n3 * b3,
            t20 * n0 * b0 + t21 * n1 * b1 + t22 * n2 * b2 + t23 * n3 * b3,
            t30 * n0 * b0 + t31 * n1 * b1 + t32 * n2 * b2 + t33 * n3 * b3,
        ]
        total = sum(beta)
        backward[t] = [b / total for b in beta]
    posteriors = []
    for a, b in zip(forward, backward, strict=True):
        joint = [x * y for x, y in zip(a, b, strict=True)]
        total = sum(joint)
        posteriors.append([j / total for j in joint])
    return posteriors


# Evidence ----------------------------------------------------------------------------------

_SHOWN_CHARACTERS = 60


def _speech_evidence(text: str, f: _Features) -> list[str]:
    """Name the sentence and the span of speech that decided, with its frame and speaker."""
    speech = f.speech
    span = speech.deciding() if speech else None
    if speech is None or span is None:
        return []
    words = " ".join(text[span.start : span.end].split())
    if len(words) > _SHOWN_CHARACTERS:
        words = words[: _SHOWN_CHARACTERS - 1].rstrip() + "…"
    kind = "direct speech" if span.kind == SpeechKind.DIRECT else "reported speech"
    line = f"{kind} in sentence {span.sentence + 1}: «{words}»"
    if span.frame:
        frame = " ".join(text[span.frame[0] : span.frame[1]].split()).strip(' ,."”»«“')
        line += f", frame «{frame}»"
    if span.speaker:
        line += f", speaker: {span.speaker}"
    share = f"speech share: direct {speech.direct:.2f}, reported {speech.reported:.2f}"
    return [line, share]


def _label(
    sources: Sequence[Source],
    s: int,
    features: list[_Features],
    decoded: list[tuple[int, list[float]]],
    p: int,
    fixed: bool = False,
) -> ParagraphLabel:
    state, posterior = decoded[p]
    f = features[p]
    evidence = _evidence(sources, features, decoded, p, f)
    evidence[1:1] = _speech_evidence(sources[s].paragraphs[p].text, f)
    return ParagraphLabel(
        label=LABELS[state],
        confidence=1.0 if fixed else round(_calibrated(posterior[state], f), 2),
        evidence=tuple([FIXED_EVIDENCE, *evidence] if fixed else evidence),
    )


def _calibrated(posterior: float, f: _Features) -> float:
    """The share of labels given with this posterior that are right, where it was measured
    (a source alone that marks speech); elsewhere the posterior itself."""
    if not (f.alone and f.marks_speech):
        return posterior
    knots = cal.ALONE_CONFIDENCE
    if posterior <= knots[0][0]:
        return min(posterior, knots[0][1])
    for (x0, y0), (x1, y1) in pairwise(knots):
        if posterior <= x1:
            return y0 + (y1 - y0) * (posterior - x0) / (x1 - x0)
    return max(posterior, knots[-1][1])


def _evidence(
    sources: Sequence[Source],
    features: list[_Features],
    decoded: list[tuple[int, list[float]]],
    p: int,
    f: _Features,
) -> list[str]:
    out: list[str] = []
    if f.furniture >= cal.FURNITURE:
        out.append(f"page furniture: {f.furniture_reason}")
    if f.counterparts:
        shown = ", ".join(
            f"{sources[c.source].id} ¶{c.paragraph} ({c.score:.2f})" for c in f.counterparts[:3]
        )
        out.append(f"counterparts in other sources: {shown}")
    else:
        out.append("no counterpart in other sources")
    c = f.cues
    if c.mostly_quoted:
        out.append("mostly inside quotation marks")
    if c.prefixed_quote:
        out.append("quoted with '>'")
    if c.first_person:
        out.append(f"first person outside quotation marks ({c.first_person})")
    if c.reporting:
        out.append("reporting phrase: " + ", ".join(f"«{r}»" for r in c.reporting[:3]))
    if c.third_person and not c.first_person:
        out.append(f"third-person subjects ({c.third_person})")
    if f.heading:
        out.append("a heading: short, with no final punctuation")
    if f.beside_match and f.matched < cal.CARRIES:
        out.append("next to a paragraph that other sources carry")
    if f.alone:
        out.append("no other source shares this text: judged on its own wording")
    state = decoded[p][0]
    run = sum(1 for q in (p - 1, p + 1) if 0 <= q < len(decoded) and decoded[q][0] == state)
    if run and state in (_Q, _P):
        out.append(f"in a run of {LABELS[state].value}")
    return out
