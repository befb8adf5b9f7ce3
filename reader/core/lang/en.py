"""English: pronouns, verbs of saying, attribution conventions, page furniture."""

from __future__ import annotations

# "US" and "IT" are not pronouns: words are matched case-folded, so the speech cues skip
# any word written in capitals (see cues.py).
FIRST_PERSON = frozenset("i me my mine we us our ours".split())
SECOND_PERSON = frozenset("you your yours".split())
THIRD_PERSON_SUBJECTS = frozenset("he she they".split())
FIRST_PERSON_KEYS = frozenset("i we my our us".split())
SUBJECT_PRONOUNS = frozenset("i you he she it we they".split())
OBJECT_PRONOUNS = frozenset("him her them".split())

REPORTING = (
    (
        r"\b(?:said|says|told|explained|added|stated|wrote|writes|claimed|claims|argued|argues|"
        r"noted|insisted|announced|acknowledged|admitted|warned|stressed|insists|explains|"
        r"according to|in (?:his|her|their) (?:statement|message|post|letter))\b",
        tuple(
            (
                "said says told explain added stated wrote writes claim argu noted insist announc "
                "acknowledg admitted warned stress according in his in her in their"
            ).split()
        ),
    ),
)

SPEECH_VERBS = tuple(
    (
        "said says told tells added adds asked asks replied replies explained explains "
        "stated states wrote writes noted notes argued argues insisted insists warned warns "
        "claimed claims announced announces acknowledged admitted stressed continued "
        "recalled observed remarked cried shouted whispered answered maintained maintains "
        "contended contends conceded concedes confirmed confirms declared declares asserted "
        "asserts emphasized emphasizes emphasised emphasises reiterated reiterates responded "
        "responds countered counters cautioned cautions predicted predicts concluded concludes"
    ).split()
)
# "…," said Smith. / "…," she said. / "…," Smith said.
INCISE = (
    r"(?:^|[,!?…»”\"]\s*)(?:{verb})\s+(?:[A-Z][\w'’.-]+|he|she|they|I|we)\b",
    r"(?:^|[,!?…»”\"]\s*)(?:he|she|they|I|we|[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,2})"
    r"\s+(?:{verb})\b",
)
# A capitalised name of up to four words: "Smith", "Maria Lopez", "the U.N." aside.
_NAME = r"(?-i:[A-Z][\w'’.-]+)(?:\s+(?-i:[A-Z][\w'’.-]+)){0,3}"
# "the mayor", "a spokeswoman for the firm", "their lawyer".
_NOUN = r"\b(?:the|a|an|his|her|their|its)\s+(?:[\w'’-]+\s+){0,3}?[\w'’-]+"
FRAME_BEFORE = (
    r"\baccording to\s+(?P<speaker>him|her|them|"
    + _NAME
    + r"|(?:the|a|an)\s+[^,.;:!?]{2,60}?)\s*,",
    # "Smith said that…", "She said no data was lost" (a clause, with no "that").
    r"(?P<speaker>\b(?:he|she|they)|" + _NAME + "|" + _NOUN + r")\s+(?:has\s+|had\s+|also\s+)?"
    r"(?:{verb})\s+(?:that\b|:)",
    r"(?P<speaker>\b(?:he|she|they)|" + _NAME + "|" + _NOUN + r")\s+(?:has\s+|had\s+|also\s+)?"
    # (Not "maintained", "confirmed": "maintained its course" is no report.)
    r"(?:said|says|added|argued|insisted|warned|claimed|told\s+\w+)"
    # (Not before a preposition, nor "said nothing", "said goodbye": no clause follows.)
    r"\s+(?-i:(?=[a-z])(?!by\b|to\b|of\b|for\b|in\b|on\b|with\b|at\b|after\b|before\b|"
    r"nothing\b|little\b|so\b|goodbye\b|hello\b|grace\b))",
)
# What may follow a named speaker: ", a law lecturer at a state college", " after the vote".
_TAIL = r"(?:[, ][^.!?\"“”]{0,120})?\s*[.!?…]?$"
# What may follow the verb of a closing frame (or a speaker named by a noun): nothing, what
# comes after a comma (", adding that…"), or when, where, how or about what ("on Tuesday",
# "in a statement", "with a sigh", "of the plan"); not an object or a clause, which make
# the sentence the narrator's ("After the vote, Smith said nothing", "In 2010, the company
# announced quarterly results"). Whom a "told" tells ("told reporters") may come first: an
# audience and an object ("told stories") read alike, and are both let through.
_WHEN = (
    r"(?:on|in|at|during|after|before|last|earlier|later|afterwards|again|yesterday|today|"
    r"tonight|to|from|via|through|with|of|outside|here|(?-i:[A-Z][a-z]*day))\b"
)


def _when_tail(comma: str = ",") -> str:
    """After a comma (or what `comma` matches) or a word of _WHEN, the rest of the sentence."""
    return r"(?:" + comma + r"[^.!?\"“”]{0,120}|\s+" + _WHEN + r"[^.!?\"“”]{0,120})?\s*[.!?…]?$"


_WHEN_TAIL = _when_tail()
_AFTER_VERB = (
    r"(?:(?:(?<=\btold)|(?<=\btells))\s+(?:the\s+|an?\s+)?(?:[\w'’-]+\s+){0,2}?[\w'’-]+)?"
    + _WHEN_TAIL
)
# After a speaker named by a noun, the rest of its name ("a spokeswoman for the firm", "the
# head of the agency", "an analyst at a bank"), then as after a verb: "He sat down, noted
# the time and left" names no speaker.
_LINKS = r"(?:and|or|but|then)\b"  # words that go on with the narration, not a name
_NOUN_SPEAKER = (
    r"\b(?:the|a|an|his|her|their|its)\s+(?:(?!" + _LINKS + r")[\w'’-]+\s+){0,3}?"
    r"(?!" + _LINKS + r")[\w'’-]+"
)
_AFTER_NOUN = r"(?:\s+(?:for|of|at)\s+[^,.!?\"“”]{1,60}?)?" + _when_tail(r",(?!\s*" + _LINKS + ")")
# A speaker named by a noun ("the minister", "a spokeswoman for the firm") is matched with
# the verbs written out: the {verb} place takes the first word it can, and "the agency's
# chair told" would take "chair" for the verb and fail. Not the present forms that are
# nouns too ("the kitchen counters", "the notes"). Only the verbs that invert with their
# subject ("said the minister") go before one: "told the children" is an object.
_NOUNS_TOO = frozenset("notes states counters cautions claims replies".split())
_SAYING = "|".join(sorted((v for v in SPEECH_VERBS if v not in _NOUNS_TOO), key=len, reverse=True))
_INVERTING = (
    "said|says|added|adds|explained|explains|wrote|writes|noted|observed|replied|"
    "continued|recalled|remarked|answered|argued|insisted|countered|concluded|declared|"
    "asserted|maintained|conceded|cautioned"
)
# "…, said Maria Lopez, a law lecturer at a state college."
FRAME_WORDS = frozenset("according".split())
FRAME_AFTER = (
    r",[\"”’]?\s*(?:{verb})\s+(?P<speaker>" + _NAME + r"|he|she|they)" + _TAIL,
    r",[\"”’]?\s*(?P<speaker>" + _NAME + r"|he|she|they)\s+(?:{verb})" + _AFTER_VERB,
    # "…, the agency's chair, Lorraine Okafor, told reporters."
    r",\s*(?P<speaker>" + _NOUN + r",\s*" + _NAME + r"),\s+(?:{verb})" + _AFTER_VERB,
    # "…, the minister said on Tuesday.", "…, said a spokeswoman for the ministry."
    r",[\"”’]?\s*(?P<speaker>" + _NOUN + r")\s+(?:" + _SAYING + r")\b" + _AFTER_VERB,
    r",[\"”’]?\s*(?:" + _INVERTING + r")\s+(?P<speaker>" + _NOUN_SPEAKER + r")" + _AFTER_NOUN,
    r",\s*according to\s+(?P<speaker>" + _NAME + r"|him|her|them)[^.!?]{0,120}[.!?…]?$",
)

FURNITURE = (
    (
        "a call to subscribe, follow or join",
        r"\b(?:newsletter|subscribe|sign up|join us|follow us|click here|download our)\b",
        ("newsletter", "subscribe", "sign up", "join us", "follow us", "click", "download"),
    ),
    (
        "share or print buttons",
        r"\b(?:share|tweet|print this|copy link)\b",
        ("share", "tweet", "print", "copy"),
    ),
    (
        "a link to other articles",
        r"\b(?:read (?:more|also)|see also|related articles?)\b",
        ("read", "see also", "related", "article"),
    ),
    (
        "comment-section text",
        r"\b(?:\d+\s+(?:reactions?|comments?|replies)|leave a (?:comment|reply)|"
        r"required fields|email address will not be published|show (?:all )?comments)\b",
        ("reaction", "comment", "replies", "required", "publi"),
    ),
    (
        "an image credit or copyright line",
        r"(?:credits?(?: photo)?\s*:|photo\s*:|image\s*:|illustration\s*:|all rights reserved)",
        ("credit", "photo", "image", "illustration", "reserv"),
    ),
    (
        "a source or translation credit",
        r"^(?:sources?|translated by|via)\s*:?\s+\S",
        ("source", "translated", "via"),
    ),
    ("a publication date line", r"^(?:published|updated|posted)\b", ("publi", "updated", "posted")),
    (
        "a byline",
        r"^(?i:by)\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3}\s*(?:[,|/—–-].*)?$",
        ("by ",),
    ),
    (
        "the site's disclaimer",
        r"\[read more\]|does not (?:necessarily )?reflect|check against delivery|"
        r"refresh (?:the|this) page",
        ("[", "reflect", "delivery", "page"),
    ),
)
COMMENT_HEADER_WORDS = ((r"", r"(?:at|,)?"),)
WIDGETS = (r"^(?:(?:like|comment|reply|share|report)s?)$",)
BIO = (r"\b(?:editor|reporter|journalist|columnist|contributor|my articles)\b",)
CAREER = (r"\b(?:since|joined|graduated)\b",)
AUTHOR_LINE = (r"^(?:the author)\b",)
SALUTATIONS = (r"^(?:ladies and gentlemen|dear|my fellow)\b",)
GENERIC_HEADINGS = (r"^(?:key (?:points|takeaways)|in brief|summary|highlights)\s*:?$",)
SUBJECT_ACT = (
    r"(?:^|[.!?]\s+)(?:He|She|They|[A-ZÀ-Ý][\w'’-]+)\s+"
    r"(?:has|have|had)\s+(?:\w+ment\s+|aussi\s+|également\s+)?"
    r"[a-zà-ÿ]+(?:é|ée|és|i|is|it|u|us|ert|ed)\b",
)
FINITE_VERBS = frozenset(
    "is are was were be been has have had will would can could shall should may might must "
    "does do did says said seems remains".split()
)
FINITE_ENDINGS = ("ed",)

NEGATIONS = frozenset("not no never none nothing nobody neither nor n't cannot".split())
NUMBER_WORDS = {
    "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
    "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "twenty": "20",
    "thirty": "30", "forty": "40", "fifty": "50", "hundred": "100", "thousand": "1000",
}  # fmt: skip
AMBIGUOUS_NUMBER_WORDS = frozenset({"one"})  # a pronoun far more often than a number
ABBREVIATIONS = frozenset("mr mrs ms dr prof sr jr vs inc ltd co st p pp fig vol no etc cf".split())
FUNCTION_WORDS = frozenset(
    (
        "the and of to is that in it for was with on as are be this have not by from "
        "which has were they"
    ).split()
)
