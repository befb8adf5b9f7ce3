"""German: pronouns, verbs of saying, „…“ and »…« quotation, page furniture."""

from __future__ import annotations

FIRST_PERSON = frozenset(
    "ich mich mir mein meine meinen meinem meiner wir uns unser unsere".split()
)
SECOND_PERSON = frozenset("du dich dir dein deine ihr euch euer".split())
THIRD_PERSON_SUBJECTS = frozenset("er sie".split())
SUBJECT_PRONOUNS = frozenset("ich du er sie es wir ihr man".split())
FIRST_PERSON_KEYS = frozenset("ich mich mir mein wir uns uns".split())

REPORTING = (
    (
        r"\b(?:sagte|sagten|sagt|erklärte|erklärt|betonte|betont|fügte\s+\w+\s+hinzu|"
        r"schrieb|schreibt|teilte\s+\w+\s+mit|kündigte\s+\w+\s+an|warnte|versicherte|"
        r"laut|zufolge|nach\s+Angaben|(?:hat|habe|haben)\s+\w+\s+(?:gesagt|erklärt|betont))\b",
        ("sagt", "erklär", "beton", "hinzu", "schrieb", "schreibt", "teilte", "kündigte",
         "warnte", "versicherte", "laut", "zufolge", "angaben", "gesagt"),
    ),
)  # fmt: skip
SPEECH_VERBS = tuple(
    "sagte sagt fragte fragt antwortete antwortet rief erklärte erklärt betonte meinte".split()
)
INCISE = (r"(?:^|[,!?…“«]\s*)(?:{verb})\s+(?:er|sie|[A-ZÄÖÜ][\w'’-]+)\b",)
FRAME_BEFORE = (
    r"\b(?:laut|nach\s+Angaben\s+von)\s+(?P<speaker>ihm|ihr|[A-ZÄÖÜ][\w'’-]+(?:\s+[A-ZÄÖÜ][\w'’-]+){0,2})",
    r"(?P<speaker>\b(?:er|sie)|(?-i:[A-ZÄÖÜ][\w'’-]+))\s+(?:{verb}),?\s+(?:dass|:)",
)
FRAME_WORDS = frozenset("laut zufolge angaben".split())
FRAME_AFTER = (
    r",\s*(?:{verb})\s+(?P<speaker>er|sie|(?-i:[A-ZÄÖÜ][\w'’-]+)(?:\s+(?-i:[A-ZÄÖÜ][\w'’-]+)){0,2})"
    r"[^.!?]{0,120}[.!?…]?$",
)
QUOTES = (("„", "“"), ("»", "«"), ("‚", "‘"))

FURNITURE = (
    (
        "a call to subscribe, follow or join",
        r"\b(?:abonnieren|jetzt anmelden|folgen sie uns|newsletter)\b",
        ("abonn", "anmelden", "folgen", "newsletter"),
    ),
    (
        "share or print buttons",
        r"\b(?:teilen|drucken|link kopieren)\b",
        ("teilen", "drucken", "kopieren"),
    ),
    (
        "a link to other articles",
        r"\b(?:lesen sie auch|mehr zum thema|weiterlesen)\b",
        ("lesen", "thema", "weiterlesen"),
    ),
    ("comment-section text", r"\b(?:\d+\s+kommentare?|kommentar schreiben)\b", ("kommentar",)),
    (
        "an image credit or copyright line",
        r"(?:foto\s*:|bild\s*:|alle rechte vorbehalten)",
        ("foto", "bild", "rechte"),
    ),
    (
        "a publication date line",
        r"^(?:veröffentlicht am|aktualisiert am)\b",
        ("veröffentlicht", "aktualisiert"),
    ),
    (
        "a byline",
        r"^(?i:von)\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3}\s*(?:[,|/—–-].*)?$",
        ("von ",),
    ),
)
COMMENT_HEADER_WORDS = ((r"(?:am\s+)?", r"(?:um|,)?"),)
SALUTATIONS = (r"^(?:sehr geehrte|liebe|meine damen und herren)\b",)
FINITE_VERBS = frozenset("ist sind war waren hat haben hatte wird werden kann muss soll".split())
FINITE_ENDINGS = ("te", "ten")

NEGATIONS = frozenset("nicht kein keine keinen nie niemals nichts niemand weder noch".split())
NUMBER_WORDS = {
    "null": "0", "zwei": "2", "drei": "3", "vier": "4", "fünf": "5", "sechs": "6",
    "sieben": "7", "acht": "8", "neun": "9", "zehn": "10", "zwanzig": "20", "hundert": "100",
    "tausend": "1000",
}  # fmt: skip
ABBREVIATIONS = frozenset("dr prof nr bzw ca usw vgl".split())
FUNCTION_WORDS = frozenset(
    "der die das und ist nicht ein eine zu den mit sich auf dem des von im für wird".split()
)
