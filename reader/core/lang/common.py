"""Conventions shared by every language: typography, agencies, markup, dates."""

from __future__ import annotations

QUOTES = (("«", "»"), ("“", "”"), ("„", "“"), ("„", "”"), ("‹", "›"), ('"', '"'))
# A dash that opens a line of dialogue (en dash, em dash, horizontal bar).
DIALOGUE_DASHES = "–—―"

FURNITURE = (
    (
        "an image credit or copyright line",
        r"(?:getty\s*images|/\s*afp\b|\bafp\s*/|reuters|associated press|\bap photo|"
        r"shutterstock|©|\bcopyright\b)",
        ("getty", "afp", "reuters", "associated", "ap photo", "shutterstock", "©", "copyright"),
    ),
    ("the site's disclaimer", r"\[(?:\.\.\.|…)\]", ("[",)),
    (
        "markup left over from the web page",
        r"</?(?:strong|b|i|em|a|span|div|p|br|img)\b[^>]*>",
        ("<",),
    ),
)
WIDGETS = (r"^(?:\w+\s+\d+|\d+\s+\w+)$",)
CAREER = (r"\b(?:19|20)\d{2}\b",)
# The long s (ſ) of old prints is transcribed as an f by many scans; it never ends a word.
SPELLING_VARIANTS = (("f(?=[a-z])", "s", "the long s of an old print transcribed as f"),)
NAME_PARTICLES = frozenset("de du des van von da di le la //".split())

# Languages with no module yet: their commonest words only tell a text's language.
DETECTION = {
    "spanish": "el la los las de que y en un una es por con para no del se al lo como más",
    "italian": "il di che e la per un una non sono del della con si le gli lo al nel anche",
    "portuguese": "o a os as de que e em um uma para com não do da dos das no na se",
    "dutch": "de het een en van is dat niet op te in met voor zijn er aan ook als",
}
