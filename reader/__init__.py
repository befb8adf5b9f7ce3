"""Synopsis: compare how several press sources reproduce one public statement."""

from __future__ import annotations

APP_NAME = "Synopsis"


def __getattr__(name: str) -> str:
    # The version is read from the installed metadata only when asked for: importing
    # importlib.metadata costs more than the rest of `synopsis --help`.
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("synopsis-reader")
        except PackageNotFoundError:  # running from a source tree that was never installed
            return "0.0.0+source"
    raise AttributeError(f"module 'reader' has no attribute {name!r}")
