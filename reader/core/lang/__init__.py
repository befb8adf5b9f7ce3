"""Everything the engine knows of one language, one module per language.

A module (fr, en, de, …) defines the names of `Language`'s fields that apply to it: word
lists, reporting verbs, quotation conventions, page-furniture patterns. `language(name)` gives
the module's knowledge plus the conventions every language shares (common.py); an unknown or
mixed language gets the union of all modules, so a text in no known language still has every
cue. Adding a language is one module here, listed in _MODULES, and its tests.

Patterns are regular-expression sources, each complete on its own: the union of two languages
joins their patterns, it never edits one.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from functools import cache
from types import ModuleType

from reader.core.lang import common, de, en, fr

# Stemmer names (Source.language) of the languages that have a module.
_MODULES: dict[str, ModuleType] = {"french": fr, "english": en, "german": de}
UNION = "union"


@dataclass(frozen=True)
class Language:
    """One language's cues; every field defaults to empty (a module defines what applies)."""

    name: str
    # Pronouns, outside quotation marks: whose voice a text is in.
    first_person: frozenset[str] = frozenset()
    second_person: frozenset[str] = frozenset()
    third_person_subjects: frozenset[str] = frozenset()
    first_person_keys: frozenset[str] = frozenset()  # the same, as matching keys (stems)
    # "Il a déclaré": verbs of saying, with the grammar that makes a form a report.
    reporting_verbs_er: tuple[str, ...] = ()  # regular -er verbs, infinitive
    reporting_irregular: tuple[str, ...] = ()  # other forms, as written
    # Verbs of stance or action ("réclamer", "saluer"): a report only before "que" or ":",
    # since "les habitants réclament des horaires" reports no words.
    stance_verbs_er: tuple[str, ...] = ()
    auxiliaries: frozenset[str] = frozenset()
    adverbs: frozenset[str] = frozenset()
    introducers: frozenset[str] = frozenset()
    subject_pronouns: frozenset[str] = frozenset()
    # Pronouns a frame may name as its speaker ("selon lui"): a pronoun, never a name.
    object_pronouns: frozenset[str] = frozenset()
    determiners: frozenset[str] = frozenset()
    reporting: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (pattern, literal triggers)
    # Speech spans: incises after a quotation, frames that open or close a report.
    speech_verbs_er: tuple[str, ...] = ()  # regular -er verbs of incises, infinitive
    speech_verbs: tuple[str, ...] = ()  # other forms that tag direct speech ("dit", "said")
    incise: tuple[str, ...] = ()  # patterns: "dit-il", "a-t-elle ajouté", "said Smith"
    narration_after_incise: tuple[str, ...] = ()  # "…, dit-il, en se levant": not speech
    narration_after_sentence: tuple[str, ...] = ()  # "…, dit-il. Il alla…": not speech
    narrative_tense: tuple[str, ...] = ()  # "il fit", "elles partirent": the narrator's tense
    narrator_tense: tuple[str, ...] = ()  # the same, less what dialogue says too ("il était")
    frame_before: tuple[str, ...] = ()  # "Smith a déclaré que", "selon lui,"
    frame_after: tuple[str, ...] = ()  # "…, said Smith, a professor at Y."
    frame_words: frozenset[str] = frozenset()  # words of frames that are not verbs: "selon"
    inversion_marks: tuple[str, ...] = ()  # "a-t-il": a frame may hold no other frame word
    # Openers an inversion may follow with nothing reported ("Aussi, a-t-il…"), case-folded.
    inversion_openers: frozenset[str] = frozenset()
    # A frame pattern -> where its verb of saying stands: within `count` words "before" or
    # "after" a match of a quick pattern (a faster first test, see speech.py).
    verb_near: dict[str, tuple[str, str, int]] = field(default_factory=dict)
    # A frame pattern -> pieces (case-folded) one of which each of its matches holds: a sentence
    # with none is spared the pattern.
    frame_needs: dict[str, tuple[str, ...]] = field(default_factory=dict)
    conditional_endings: tuple[str, ...] = ()
    # Typography.
    quotes: tuple[tuple[str, str], ...] = ()  # (opening, closing)
    dialogue_dashes: str = ""
    # Page furniture: reason -> patterns, with the literal pieces one of which each needs.
    furniture: tuple[tuple[str, str, tuple[str, ...]], ...] = ()
    comment_header_words: tuple[tuple[str, str], ...] = ()  # ("le", "à"), ("", "at")
    widgets: tuple[str, ...] = ()
    bio: tuple[str, ...] = ()
    career: tuple[str, ...] = ()
    author_line: tuple[str, ...] = ()
    salutations: tuple[str, ...] = ()
    generic_headings: tuple[str, ...] = ()
    name_particles: frozenset[str] = frozenset()
    subject_act: tuple[str, ...] = ()  # "Il a offert": someone did or said something
    finite_verbs: frozenset[str] = frozenset()  # common finite forms: "est", "is", "ist"
    finite_endings: tuple[str, ...] = ()  # endings of finite forms: "-ait", "-ed"
    # Comparison.
    negations: frozenset[str] = frozenset()
    number_words: dict[str, str] = field(default_factory=dict)
    ambiguous_number_words: frozenset[str] = frozenset()
    abbreviations: frozenset[str] = frozenset()
    # Habits of print a word may be spelled with, as (pattern, replacement, reason) on its
    # case-folded, accent-free form, in the order spelling.py tries them.
    spelling_variants: tuple[tuple[str, str, str], ...] = ()
    function_words: frozenset[str] = frozenset()  # for telling the language of a text

    def __hash__(self) -> int:
        return hash(self.name)


def _from_modules(name: str, modules: list[ModuleType]) -> Language:
    values: dict[str, object] = {}
    for f in fields(Language):
        if f.name == "name":
            continue
        parts = [getattr(m, f.name.upper()) for m in modules if hasattr(m, f.name.upper())]
        if parts:
            values[f.name] = _merge(parts)
    return Language(name, **values)  # type: ignore[arg-type]


def _merge(parts: list[object]) -> object:
    first = parts[0]
    if isinstance(first, frozenset):
        return frozenset().union(*parts)  # type: ignore[arg-type]
    if isinstance(first, dict):
        merged: dict[str, str] = {}
        for part in parts:
            merged.update(part)  # type: ignore[arg-type]
        return merged
    if isinstance(first, str):
        return "".join(dict.fromkeys("".join(parts)))  # type: ignore[arg-type]
    return tuple(dict.fromkeys(item for part in parts for item in part))  # type: ignore[attr-defined]


@cache
def language(name: str) -> Language:
    """The cues of a language by its stemmer name ("french"); the union for any other name."""
    module = _MODULES.get(name)
    if module is None:
        return _from_modules(UNION, [common, *_MODULES.values()])
    return _from_modules(name, [common, module])


def union() -> Language:
    return language(UNION)


def known() -> tuple[str, ...]:
    """The languages that have a module."""
    return tuple(_MODULES)


def function_words() -> dict[str, frozenset[str]]:
    """The commonest words of each language the engine can tell apart, by stemmer name."""
    found = {name: module.FUNCTION_WORDS for name, module in _MODULES.items()}
    found.update({name: frozenset(words.split()) for name, words in common.DETECTION.items()})
    return found
