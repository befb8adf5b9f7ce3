"""What this machine offers the work: its cores (kept apart so that asking costs no import)."""

from __future__ import annotations

import os


def cores() -> int:
    """How many cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1
