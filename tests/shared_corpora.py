"""Where the shared corpora are: ../shared/corpora beside the repository, or above a worktree."""

from __future__ import annotations

from pathlib import Path

_REPOSITORY = Path(__file__).resolve().parents[1]


def corpus_dir(name: str) -> Path:
    """The nearest shared/corpora/NAME above the repository (a worktree sits deeper)."""
    for folder in _REPOSITORY.parents:
        candidate = folder / "shared" / "corpora" / name
        if candidate.is_dir():
            return candidate
    return _REPOSITORY.parent / "shared" / "corpora" / name
