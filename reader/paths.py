"""Locate the data that travels with the package: bundled sources and UI resources."""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def _data_dir(name: str) -> Path:
    # An installed wheel carries the folder inside the package; a source checkout (or an
    # editable install) keeps it at the top of the repository, beside reader/.
    for candidate in (_PACKAGE_DIR / name, _PACKAGE_DIR.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"the bundled '{name}' folder is missing; reinstall Synopsis")


def seeds_dir() -> Path:
    """Return the folder of bundled sources."""
    return _data_dir("seeds")


def resources_dir() -> Path:
    """Return the folder of UI resources (translations, icons)."""
    return _data_dir("resources")


def bundled_sources() -> list[Path]:
    """Return the bundled source files in id order."""
    return sorted(seeds_dir().glob("*.txt"))
