"""The weights and cut-offs of the labelling, alignment and spelling rules, named in one
place, each with its reason.

Checked on annotated data: the direct-speech rules on the aads-fr chapters (French novels,
speech annotated by hand; tests/benchmarks/bench_speech.py prints precision and recall per
split), the reported-speech rules on the news cases under tests/data/reported.
"""

from __future__ import annotations

# One unit of evidence that two texts share words: about two uncommon words (a rare word
# weighs about 3 in the unit table). Fragments quoted inside commentary need this much.
UNCOMMON_WORDS = 6.0

# A paragraph "carries the statement" (is matched, speaks, reports) from this share on.
CARRIES = 0.5

# A paragraph is someone's direct speech when at least this share of its letters lies inside
# direct speech; reported when at least this share lies in reported speech. The aads-fr
# annotation draws the line at half the letters; so do we.
SPEECH_SHARE = 0.5

# A source sets speech apart (quotation marks, dialogue dashes, attributions) when at least
# this many paragraphs, and this share of them, are mostly speech: its unmarked first person
# is then the narrator's, not a speaker's. A transcript or a letter marks nothing: its first
# person is the speaker's.
MARKED_SPEECH_PARAGRAPHS = 2
MARKED_SPEECH_SHARE = 0.05

# A quotation that runs over at least this many paragraphs, with at least this many verbs in
# the tense of narration per word said ("je m'éveillai", "il entra", "ils sortirent"), is a
# story a character tells: the annotators of novels leave it out of direct speech, and so do
# we. Fitted on aads-fr train by grid search (python -m tests.benchmarks.fit_speech): told
# stories there run at 2–4 such verbs per hundred words; letters, speeches and thoughts
# reported over several paragraphs at 0–0.3.
STORY_PARAGRAPHS = 2
STORY_VERB_RATE = 0.009

# Alone (nothing shared with another source): the log-odds that a paragraph carries someone's
# words, from its speech share. Centred on SPEECH_SHARE, steep enough that the run model
# cannot outvote a paragraph that is plainly speech or plainly prose. Checked on aads-fr
# train (python -m tests.benchmarks.fit_speech): a logistic fit of the annotation on the
# share alone gives a slope of 8.2 centred at 0.56, but taken into the run model it lowers
# train F1 (0.959 to 0.955 when tried); centres from 0.44 to 0.56 tried in the run model
# give train F1 0.956–0.961, best at 0.5. Kept.
ALONE_SPEECH_SLOPE = 14.0
# …and that its speech is direct rather than reported, from the difference of the shares.
ALONE_DIRECT_SLOPE = 8.0

# Alone, in a source that marks speech, the confidence given is the share of labels right
# among those the run model gave this posterior: (posterior, share right) knots, joined by
# straight lines. Fitted on aads-fr train (python -m tests.benchmarks.fit_speech: the
# posteriors binned, the shares made monotone by pooling adjacent bins).
ALONE_CONFIDENCE = (
    (0.548, 0.672),
    (0.65, 0.84),
    (0.749, 0.884),
    (0.853, 0.911),
    (0.925, 0.93),
    (0.993, 0.979),
)

# A heading that echoes the statement is still the outlet's headline.
HEADING_FACTOR = 0.03

# Alone, in a source that marks speech, each paragraph's own speech decides: dialogue and
# narration alternate line by line, so runs are only slightly sticky (rows: from; columns:
# to quotation, paraphrase, commentary, boilerplate). Checked on aads-fr train: the
# annotation stays in speech 0.66 and in narration 0.74 of the time, but transitions that
# sticky lower train F1 (0.959 to 0.952): the run model then outvotes clear paragraphs.
ALONE_TRANSITIONS = (
    (0.34, 0.22, 0.32, 0.12),
    (0.22, 0.34, 0.32, 0.12),
    (0.22, 0.22, 0.44, 0.12),
    (0.15, 0.15, 0.35, 0.35),
)

# A paragraph mostly in reported speech (its frame found: "selon lui", "X a déclaré que") is
# pushed this far (log-odds) from quotation toward paraphrase, beside matched quotations too.
REPORTED_FRAME = 3.0

# Words the frame gives to someone other than the statement's author (the speaker most named
# beside what sources share) are commentary where no other source carries them: this much
# less log-odds that the paragraph carries the statement.
OTHER_SPEAKER = 3.0

# Does a paragraph carry the statement? -----------------------------------------------------

# A sentence link's score as evidence: below LINK_NOISE two sentences share only chance
# words; LINK_NOISE + LINK_SPAN and above they are the same sentence.
LINK_NOISE = 0.15
LINK_SPAN = 0.4
# A counterpart linked this closely lends its first person to the paragraph's reading.
FIRST_PERSON_LINK = 0.45
# A corpus shares something when at least this many paragraphs carry what another source
# carries; below it, each source is read as if alone.
SHARED_PARAGRAPHS = 2
# A paragraph is compared whole with its closest few counterparts only.
WHOLE_PARAGRAPH_COUNTERPARTS = 3
# Whole-paragraph evidence needs this much in common (a few sentences' worth of rare words):
# two topic words of a short line found in a long paragraph are no evidence.
WHOLE_PARAGRAPH_OVERLAP = 20.0
# Log-odds that a paragraph carries the statement: unmatched prose does not…
STATEMENT_PRIOR = -3.0
# …and every share of its words that other sources carry counts this much toward it.
STATEMENT_MATCHED = 8.0
# Alone: a paragraph in someone's voice is the best guess at the statement…
ALONE_VOICE = 4.5
# …more so after a colon or beside another voiced paragraph.
ALONE_CONTEXT = 1.5
# Unmatched words in someone's voice, or reported, beside what others carry (reported / voiced)
# or elsewhere: they may carry the statement where the outlet gave it alone.
VOICE_BESIDE_REPORTED = 2.5
VOICE_BESIDE = 2.0
VOICE_ELSEWHERE = 1.0
# A paragraph plainly in the first person (this share of its words) beside what others carry.
PLAIN_FIRST_PERSON_SHARE = 0.08
PLAIN_FIRST_PERSON = 0.5
# "Il a offert plus d'exemples :" between two reports.
SUBJECT_ACT = 1.5
# A line of a few words is too short to carry the statement on its voice alone.
SHORT_LINE_WORDS = 4
SHORT_LINE = 1.0

# How clearly a paragraph gives someone's words, from its own text ------------------------

# This share of first-person words outside quotation marks is a voice as plain as quotes.
VOICED_FIRST_PERSON_SHARE = 0.04
# Some first or second person, a salutation or a few quoted words: half a voice.
PARTLY_VOICED = 0.5

# Direct rather than reported speech (log-odds) ----------------------------------------------

# First person outside quotation marks: this much per share of words, up to a cap.
FIRST_PERSON_SLOPE = 25.0
FIRST_PERSON_CAP = 2.5
# Addressing someone ("vous") outside a report.
SECOND_PERSON = 0.8
# Quotation marks around most of the paragraph.
MOSTLY_QUOTED = 3.0
# A report that quotes part of what it reports (this share of its words).
PART_QUOTED_SHARE = 0.25
PART_QUOTED = 1.0
# "> " quoting, as in mail and forums.
PREFIXED_QUOTE = 2.5
# "Chers amis," opens a speech or a letter.
SALUTATION = 1.5
# Each reporting verb (at most two) outside a quoted paragraph.
REPORTING_VERB = 1.5
REPORTING_VERB_MAX = 2
# Third-person subjects: this much per share of words, up to a cap.
THIRD_PERSON_SLOPE = 10.0
THIRD_PERSON_CAP = 1.5
# Each hearsay conditional (at most three): "il aurait dit".
CONDITIONAL = 0.3
CONDITIONAL_MAX = 3
# What others give in the first person, this one gives in the third.
THIRD_FOR_FIRST = 1.0
# A source leans toward the speech mode it uses elsewhere once its paragraphs carry at least
# this much of the statement in all; the lean is this many log-odds at most either way.
SOURCE_BIAS_MIN_WEIGHT = 1.0
SOURCE_BIAS_SCALE = 2.0
# …around even odds: a source as direct as reported leans neither way.
EVEN_ODDS = 0.5

# Page furniture ----------------------------------------------------------------------------

# A paragraph is page furniture from this score on.
FURNITURE = 0.5
# Boilerplate's emission: never quite impossible, never quite certain.
BOILERPLATE_FLOOR = 0.02
BOILERPLATE_SPAN = 0.96
# A biography is looked for in the last fifth of a source only.
NEAR_END = 0.8
# Headings count as headings unless more than this share of a source's lines are headings
# (a transcript, a poem: lines without final punctuation).
HEADING_MAJORITY = 0.5
# Furniture is a line's shape first: a date line, an interface button, a bare name (byline,
# site name) and an author's biography are at most this many words long…
DATE_LINE_WORDS = 8
WIDGET_WORDS = 3
BARE_NAME_WORDS = 4
BIOGRAPHY_WORDS = 90
# …no furniture is longer than this, and weak patterns fire only below the second bound.
FURNITURE_MAX_WORDS = 150
WEAK_MAX_WORDS = 80
# Scores of the furniture patterns: what the line's shape leaves no doubt about first.
COMMENT_HEADER = 0.95
DATE_LINE = 0.95
WIDGET = 0.85
BARE_NAME = 0.7
BIOGRAPHY = 0.85
# A strong pattern (copyright, credit line): near certain on a short line, less on a long one.
STRONG_SHORT = 0.95
STRONG_LONG = 0.8
STRONG_SHORT_WORDS = 40
# Weak patterns (share, subscribe): certain on a short line, likely on a middling one with two
# hits, a hint on a long one; each further hit adds a little.
WEAK_SHORT = 0.95
WEAK_MIDDLE = 0.75
WEAK_LONG = 0.3
WEAK_EACH_MORE = 0.05
WEAK_SHORT_WORDS = 25
WEAK_MIDDLE_WORDS = 60

# Quotation marks ----------------------------------------------------------------------------

# A paragraph is mostly quoted when half its words are, or a whole quoted sentence (eight words
# and more) is this share of it: the rest is the attribution and a little context.
QUOTED_HALF = 0.5
QUOTED_SENTENCE_WORDS = 8
QUOTED_SENTENCE_SHARE = 0.35

# Decoding ----------------------------------------------------------------------------------

# Rows: from; columns: to (quotation, paraphrase, commentary, boilerplate). Runs of text that
# carries the statement are sticky; within them, reports and quotes alternate freely, as
# press articles do ("he said that…", then the quote).
TRANSITIONS = (
    (0.45, 0.25, 0.18, 0.12),
    (0.25, 0.45, 0.18, 0.12),
    (0.11, 0.11, 0.64, 0.14),
    (0.12, 0.12, 0.41, 0.35),
)
# The first paragraph may be any of the four labels.
START = 0.25
# A label fixed by hand leaves the others this much emission, never zero, so that the
# forward-backward pass stays defined.
FIXED_OTHERS = 1e-12
# No emission is ever quite zero, so that no run of labels is ruled out by one paragraph.
EMISSION_FLOOR = 1e-9

# Passages of the statement -----------------------------------------------------------------

# A fragment counts as carried by a longer unit when this share of it lies inside.
FRAGMENT_MIN_CONTAIN = 0.6
# A sentence reached only through a third source counts for a little less.
ONE_HOP_DISCOUNT = 0.9
# A sentence goes to every passage whose vote comes this close to the best one.
NEAR_BEST = 0.8

# Sentence alignment (alignment.py) -------------------------------------------------------

# A group never holds more sentences than this on one side: one stray link must not chain a
# run of neighbours into one block (real merges and splits join two or three sentences).
GROUP_MAX = 6
# Gap filling: how many sentences of the other source may stand between two aligned
# neighbours, and how much of an unlinked sentence the candidate must contain (a verse a
# longer sentence translates shares most of its weight; unrelated neighbours a fifth).
GAP_WINDOW = 6
GAP_CONTAIN = 0.45
GAP_MIN_OVERLAP = 3.0
# …and the neighbours stand at most this many sentences apart on the sentence's own side.
GAP_SPAN = 2 * GAP_WINDOW + 1
# Two unlinked sentences enclosed by the same aligned neighbours pair with less: their place
# corroborates them. Unrelated sentences of one text still share a common word or two.
PAIR_MIN_DICE = 0.12
PAIR_MIN_OVERLAP = 4.0

# A moved group's sentences must share this much (weighted Dice) as wholes: two renderings
# of one sentence share half their weight, a phrase inside a longer sentence a third.
MOVED_DICE = 0.45
# A moved sentence that matches a sentence where the order puts it at least this well (a
# share of the move's link value) is read in order: a recurring phrase links to either copy
# alike, while a real move leaves no such rendering in place.
MOVED_ALTERNATIVE = 0.8

# Two groups merge only through a link whose shared words are at least this share new to
# each end (the rest of a split sentence); a recurring phrase brings nothing new.
NEW_EVIDENCE = 0.5

# Spelling habits (spelling.py) -----------------------------------------------------------

# A source is bridged when at least this share of its unshared words meets another source's
# word by a rewriting, and at least HABIT_MIN of them do: modern texts measure 0.02, old
# prints and unaccented text 0.3 and more.
HABIT_SHARE = 0.12
HABIT_MIN = 20
