"""Read what a text says about itself: its title and the outlet that published it."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from reader.core.cues import boilerplate_score, is_generic_heading, looks_like_heading


def guess_title(paragraphs: Sequence[str]) -> str | None:
    """Return the first paragraph of content if it reads as a headline (a generic label like
    "Key points" is skipped), else None."""
    for text in paragraphs[:6]:
        if boilerplate_score(text) >= 0.5 or is_generic_heading(text):
            continue
        if looks_like_heading(text) and len(text.split()) >= 3:
            return text.strip()
        return None
    return None


_OUTLET_PATTERNS = (
    re.compile(r"//\s*(?P<name>[A-Z][\w'’-]*(?:\s+[A-Za-z][\w'’-]*){0,4})\s*$"),
    re.compile(
        r"\b(?:sur|pour|par|chez|de|du site|le site|on|for|at)\s+"
        r"(?P<name>(?:[Ll]e |[Ll]a |[Ll]es |[Tt]he )?[A-Z][\w'’-]+(?:\s+(?:du|de|des|of|the)?\s*"
        r"[A-Z][\w'’-]+){0,3})"
    ),
    re.compile(r"©\s*(?:\d{4}\s*)?(?P<name>[A-Z][\w'’ -]{2,40})"),
    # "Le Journal du Coin a lancé…": a titled name of several words, in the furniture
    re.compile(
        r"(?P<name>(?:Le|La|Les|The) [A-Z][\w'’-]+(?:\s+(?:du|de|des|of|the)?\s*[A-Z][\w'’-]+)+)"
    ),
)


def guess_outlet(paragraphs: Sequence[str]) -> str | None:
    """Return the outlet a text names in its page furniture, if it names one at least twice."""
    # An outlet names itself in the page's head and foot; a book has no outlet to find.
    ends = [*paragraphs[:10], *paragraphs[-15:]] if len(paragraphs) > 25 else list(paragraphs)
    near_end = len(ends) - 3
    furniture = [
        t
        for n, t in enumerate(ends)
        if boilerplate_score(t, near_end=n >= 0.8 * len(ends)) >= 0.5 or n >= near_end
    ]
    body = [t for t in ends if t not in furniture]
    names: Counter[str] = Counter()
    for text in furniture:
        for pattern in _OUTLET_PATTERNS:
            for match in pattern.finditer(text):
                name = match.group("name").strip(" .,;:")
                if 2 <= len(name) <= 40:
                    names[_canonical(name)] += 1
    for text in paragraphs[:3]:  # a site name repeated as the page's first line
        words = text.split()
        half = len(words) // 2
        if len(words) % 2 == 0 and half and words[:half] == words[half:]:
            names[_canonical(" ".join(words[:half]))] += 2
    # The outlet names itself in its furniture, not all through the article's text.
    for name in list(names):
        if sum(1 for t in body if name.casefold() in t.casefold()) > 2:
            del names[name]
    if not names:
        return None
    name, count = names.most_common(1)[0]
    return name if count >= 2 else None


def _canonical(name: str) -> str:
    name = re.sub(
        r"^(?:[Ll]e|[Ll]a|[Ll]es|[Tt]he)\s+(?=[A-Z])", lambda m: m.group(0).capitalize(), name
    )
    return name[0].upper() + name[1:]
