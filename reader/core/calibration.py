"""The weights and cut-offs of the labelling rules, named in one place, each with its reason.

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

# Alone (nothing shared with another source): the log-odds that a paragraph carries someone's
# words, from its speech share. Centred on SPEECH_SHARE, steep enough that the run model
# cannot outvote a paragraph that is plainly speech or plainly prose.
ALONE_SPEECH_SLOPE = 14.0
# …and that its speech is direct rather than reported, from the difference of the shares.
ALONE_DIRECT_SLOPE = 8.0

# A heading that echoes the statement is still the outlet's headline.
HEADING_FACTOR = 0.03

# Alone, in a source that marks speech, each paragraph's own speech decides: dialogue and
# narration alternate line by line, so runs are only slightly sticky (rows: from; columns:
# to quotation, paraphrase, commentary, boilerplate).
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
