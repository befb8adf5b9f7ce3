"""`python -m reader`: the same entry point as the `synopsis` console script."""

from __future__ import annotations

import sys

from reader.cli import main

if __name__ == "__main__":
    sys.exit(main())
