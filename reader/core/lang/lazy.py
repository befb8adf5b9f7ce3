"""Regular expressions compiled on first use.

The language modules hold hundreds of patterns; a run needs only those its sources' languages
and its text reach (most paragraphs never try a byline or a biography pattern). Compiling one
on first use keeps that cost off every run that does not need it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

_METHODS = ("search", "match", "fullmatch", "findall", "finditer", "sub")


class LazyPattern:
    """A compiled pattern's matching methods, compiled when one is first called.

    After the first call the methods are the compiled pattern's own (bound C methods held in
    slots), so a lazy pattern costs nothing more than a compiled one from then on.
    """

    __slots__ = ("source", "flags", *_METHODS)

    search: Callable[..., re.Match[str] | None]
    match: Callable[..., re.Match[str] | None]
    fullmatch: Callable[..., re.Match[str] | None]
    findall: Callable[..., list[Any]]
    finditer: Callable[..., Iterator[re.Match[str]]]
    sub: Callable[..., str]

    def __init__(self, source: str, flags: int = 0) -> None:
        self.source = source
        self.flags = flags

    @property
    def compiled(self) -> bool:
        """Whether the pattern has been compiled (read without compiling it)."""
        try:
            _SEARCH_SLOT.__get__(self, LazyPattern)
        except AttributeError:
            return False
        return True

    def __getattr__(self, name: str) -> Any:
        # Reached only while the slots are empty, i.e. before the first call.
        if name not in _METHODS:
            raise AttributeError(name)
        regex = re.compile(self.source, self.flags)
        for method in _METHODS:
            setattr(self, method, getattr(regex, method))
        return getattr(regex, name)


_SEARCH_SLOT = LazyPattern.__dict__["search"]
