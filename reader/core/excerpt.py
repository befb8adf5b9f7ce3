"""Short excerpts of a source's text, for one-line descriptions (no Qt)."""

from __future__ import annotations


def shorten(text: str, limit: int) -> str:
    """At most `limit` characters, cut between words (never inside one), "…" where cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:") + "…"
