"""Language patterns are compiled on first use: a run compiles what its sources need."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.core.lang.lazy import LazyPattern

_SOURCES = (r"\b(?:dit|said)\s+(?P<who>\w+)", r"^\W*\d{1,2}[./ -]\d{2,4}", r"«[^«»]{2,}»")


def test_a_pattern_is_compiled_only_when_first_used() -> None:
    broken = LazyPattern("(unclosed")  # an error shows only when the pattern is compiled
    assert not broken.compiled
    with pytest.raises(re.error):
        broken.search("text")
    pattern = LazyPattern(r"\d+")
    assert not pattern.compiled
    assert pattern.findall("a 12 b 3") == ["12", "3"]
    assert pattern.compiled


@given(st.sampled_from(_SOURCES), st.text(alphabet="dit said Ana «» 12/2024.-", max_size=40))
def test_a_lazy_pattern_matches_as_the_compiled_one(source: str, text: str) -> None:
    lazy, regex = LazyPattern(source, re.IGNORECASE), re.compile(source, re.IGNORECASE)
    spans = [m.span() for m in lazy.finditer(text)]
    assert spans == [m.span() for m in regex.finditer(text)]
    assert lazy.findall(text) == regex.findall(text)
    assert lazy.sub("_", text) == regex.sub("_", text)
    assert bool(lazy.match(text)) == bool(regex.match(text))
    assert bool(lazy.search(text, 1)) == bool(regex.search(text, 1))


_FRENCH_RUN = """
import sys
from pathlib import Path
from pathlib import Path
from reader.core import Corpus
from reader.core import cues, speech
text = (
    "La commune rénove son école\\n\\n"
    "Les travaux de l'école primaire commenceront en mars, a annoncé la maire. "
    "Selon elle, le chantier durera deux ans et coûtera trois millions d'euros.\\n\\n"
    "Les parents d'élèves demandent que la cantine reste ouverte pendant les travaux."
)
path = Path(sys.argv[1])
path.write_text(text, encoding="utf-8")
corpus = Corpus.from_paths([path])
[corpus.paragraph_analysis(s.id) for s in corpus.sources]
assert corpus.sources[0].language == "french", corpus.sources[0].language
french = cues._patterns("french")
print(speech._compiled.cache_info().currsize, french.bio.compiled, french.salutation.compiled)
"""


def test_a_french_run_compiles_no_other_language_and_only_what_it_reaches(tmp_path: Path) -> None:
    # A fresh process: the patterns are compiled once per process and cached.
    done = subprocess.run(
        [sys.executable, "-c", _FRENCH_RUN, str(tmp_path / "fr.txt")],
        capture_output=True,
        text=True,
        check=True,
    )
    # One language's speech patterns; a biography pattern (tried only on short paragraphs
    # near the end that no other cue explains) is left uncompiled, a salutation compiled.
    assert done.stdout.split() == ["1", "False", "True"]
