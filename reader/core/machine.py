"""What this machine offers the work: its cores, and when a second process pays (kept apart
so that asking costs no import)."""

from __future__ import annotations

import os

# Characters (of a corpus, or of a pair of sources) from which work is handed to a second
# process: the paragraphs' own words read (reader.core.apart), a pair's rows diffed
# (reader.aside). Below it either takes under a tenth of a second here, about what starting
# a second process and taking back its answer cost.
SECOND_PROCESS_FROM = 200_000


def cores() -> int:
    """How many cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1
