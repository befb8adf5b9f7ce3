"""The library keeps the user's sources between runs and never loses or damages anything.

XDG_DATA_HOME and XDG_CONFIG_HOME point into tmp_path for every test here: the real user
folders are never touched.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reader.core import SourceError
from reader.library import KEEP, Library, LibraryError, default_config_dir, default_data_dir
from reader.paths import bundled_sources
from tests.builders import paragraphs_of, web_page, word_file
from tests.conftest import DATA
from tests.netguard import no_network  # noqa: F401 (the fixture)

pytestmark = pytest.mark.core

BUNDLED = [path.stem for path in bundled_sources()]
TRAD_A = DATA / "water" / "trad_a.txt"


@pytest.fixture(autouse=True)
def user_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    return tmp_path


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "library"


@pytest.fixture
def downloads(tmp_path: Path) -> Path:
    """The user's own folder, with a text, a saved page and a Word file."""
    folder = tmp_path / "Téléchargements"
    folder.mkdir()
    (folder / "dépêche.txt").write_bytes(TRAD_A.read_text("utf-8").encode("utf-16"))
    (folder / "page.html").write_text(web_page(paragraphs_of(TRAD_A)), "utf-8")
    word_file(folder / "note.docx", ["Une note de lecture", "Le rapport est clair."])
    return folder


def open_library(folder: Path) -> Library:
    library, warnings = Library.open(folder)
    assert warnings == []
    return library


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(folder.iterdir())}


# Where it lives ----------------------------------------------------------------------------


def test_default_folders_follow_xdg(user_dirs: Path) -> None:
    assert default_data_dir() == user_dirs / "xdg-data" / "synopsis"
    assert default_config_dir() == user_dirs / "xdg-config" / "synopsis"


def test_first_start_lists_the_bundled_sources(user_dirs: Path) -> None:
    library, warnings = Library.open()
    assert warnings == []
    assert library.ids() == BUNDLED
    assert library.folder == user_dirs / "xdg-data" / "synopsis"
    assert library.corpus().ids() == BUNDLED


# Adding ------------------------------------------------------------------------------------


def test_added_sources_are_still_there_after_a_restart(folder: Path, downloads: Path) -> None:
    library = open_library(folder)
    result = library.add(sorted(downloads.iterdir()))
    assert result.errors == []
    assert result.added == ["dépêche", "note", "page"]
    reopened = open_library(folder)
    assert reopened.ids() == [*BUNDLED, "dépêche", "note", "page"]
    assert reopened.source("page").title == "Le message de la directrice"
    assert [p.text for p in reopened.source("dépêche").paragraphs] == paragraphs_of(TRAD_A)
    assert reopened.entry("page").original == str(downloads / "page.html")


def test_the_library_keeps_copies_and_never_writes_the_originals(
    folder: Path, downloads: Path
) -> None:
    before = snapshot(downloads)
    library = open_library(folder)
    library.add(sorted(downloads.iterdir()))
    library.update("note", title="Autre titre")
    assert snapshot(downloads) == before
    for path in downloads.iterdir():  # the user tidies up their downloads
        path.unlink()
    downloads.rmdir()
    reopened = open_library(folder)
    assert reopened.source("note").title == "Autre titre"
    assert all(path.is_relative_to(folder) for path in reopened.source_paths()[len(BUNDLED) :])


def test_a_batch_adds_the_good_files_and_names_each_bad_one(
    folder: Path, downloads: Path, tmp_path: Path
) -> None:
    empty = tmp_path / "vide.txt"
    empty.write_bytes(b"")
    image = tmp_path / "photo.txt"
    image.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64))
    library = open_library(folder)
    result = library.add([downloads / "page.html", empty, tmp_path / "absent.txt", image])
    assert result.added == ["page"]
    assert [error.path.name for error in result.errors] == ["vide.txt", "absent.txt", "photo.txt"]
    assert all(isinstance(error, SourceError) for error in result.errors)
    assert library.ids() == [*BUNDLED, "page"]
    assert sorted(p.name for p in (folder / "sources").iterdir()) == ["page.html"]


def test_the_same_file_twice_is_refused(folder: Path, downloads: Path, tmp_path: Path) -> None:
    library = open_library(folder)
    library.add([downloads / "page.html"])
    twin = tmp_path / "copie.html"
    twin.write_bytes((downloads / "page.html").read_bytes())
    result = library.add([twin, bundled_sources()[0]])
    assert result.added == []
    assert [str(e) for e in result.errors] == [
        "copie.html: is already in the library (as page); nothing to do",
        f"{bundled_sources()[0].name}: is already in the library (as {BUNDLED[0]}); nothing to do",
    ]


def test_two_files_of_the_same_name_get_two_ids(folder: Path, tmp_path: Path) -> None:
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "Article.txt").write_text(f"Texte venu de {name}.", "utf-8")
    (tmp_path / "article.txt").write_text("Un troisième, en minuscules.", "utf-8")
    (tmp_path / ".cache.txt").write_text("Un fichier caché.", "utf-8")
    library = open_library(folder)
    result = library.add([tmp_path / "a/Article.txt", tmp_path / "b/Article.txt"])
    result2 = library.add([tmp_path / "article.txt", tmp_path / ".cache.txt"])
    assert result.added + result2.added == ["Article", "Article-2", "article-3", "cache"]
    assert open_library(folder).ids()[-4:] == ["Article", "Article-2", "article-3", "cache"]


# Removing and undoing ----------------------------------------------------------------------


def test_remove_then_undo_puts_the_source_back_in_place(folder: Path, downloads: Path) -> None:
    library = open_library(folder)
    library.add([downloads / "note.docx", downloads / "page.html"])
    library.update("note", outlet="Ma revue")
    removed = library.remove("note")
    assert "note" not in library.ids()
    assert "note" not in open_library(folder).ids()  # saved at once
    library.restore(removed)
    assert library.ids() == [*BUNDLED, "note", "page"]
    assert library.source("note").outlet == "Ma revue"
    assert open_library(folder).ids() == [*BUNDLED, "note", "page"]


def test_a_removed_copy_waits_a_day_then_goes(folder: Path, downloads: Path) -> None:
    library = open_library(folder)
    library.add([downloads / "note.docx"])
    removed = library.remove("note")
    assert removed.trashed is not None and removed.trashed.exists()
    assert list((folder / "sources").iterdir()) == []
    open_library(folder)  # another start the same day: undo must still work
    library.restore(removed)
    assert library.source("note").title == "Une note de lecture"
    removed = library.remove("note")
    assert removed.trashed is not None
    yesterday = removed.trashed.with_name(f"{int(time.time()) - 25 * 3600}-note.docx")
    removed.trashed.rename(yesterday)
    open_library(folder)
    assert not yesterday.exists()
    assert (downloads / "note.docx").exists()  # the user's own file, untouched


def test_bundled_sources_can_be_removed_and_brought_back(folder: Path) -> None:
    library = open_library(folder)
    library.remove(BUNDLED[0])
    library.remove(BUNDLED[3])
    assert open_library(folder).ids() == [BUNDLED[1], BUNDLED[2], BUNDLED[4]]
    assert library.restore_bundled() == [BUNDLED[0], BUNDLED[3]]
    assert open_library(folder).ids() == BUNDLED
    assert all(path.exists() for path in bundled_sources())


# Metadata and the last pair ----------------------------------------------------------------


def test_metadata_corrections_persist_and_can_be_reverted(folder: Path, downloads: Path) -> None:
    library = open_library(folder)
    library.add([downloads / "page.html"])
    source = library.update(
        "page", title="  Titre   corrigé ", outlet="Le Quotidien", date="3 mars 2024", url=""
    )
    assert (source.title, source.outlet, source.date, source.url) == (
        "Titre corrigé",
        "Le Quotidien",
        "3 mars 2024",
        None,  # "" empties a field the page filled
    )
    reopened = open_library(folder)
    assert reopened.source("page").title == "Titre corrigé"
    assert reopened.source("page").url is None
    assert reopened.detected("page").url == "https://journal.example/eau/message"
    reopened.update("page", title=None, url=None, outlet=KEEP)
    again = open_library(folder)
    assert again.source("page").title == "Le message de la directrice"
    assert again.source("page").url == "https://journal.example/eau/message"
    assert again.source("page").outlet == "Le Quotidien"


def test_corrections_reach_the_corpus(folder: Path) -> None:
    library = open_library(folder)
    library.update(BUNDLED[1], title="Le message, rapporté")
    assert library.corpus().source(BUNDLED[1]).title == "Le message, rapporté"
    assert open_library(folder).corpus().source(BUNDLED[1]).title == "Le message, rapporté"


def test_the_last_pair_persists_while_both_sources_exist(folder: Path) -> None:
    library = open_library(folder)
    assert library.last_pair is None
    library.set_last_pair(BUNDLED[2], BUNDLED[0])
    assert open_library(folder).last_pair == (BUNDLED[2], BUNDLED[0])
    library.remove(BUNDLED[0])
    assert open_library(folder).last_pair is None
    with pytest.raises(KeyError):
        library.set_last_pair(BUNDLED[0], "inconnu")


# Damaged state -----------------------------------------------------------------------------


DAMAGED_STATES = {
    "not json": b'{"format": 1, "entries": [',
    "not utf-8": b"\xff\xfe\x00garbage",
    "empty": b"",
    "a list": b"[]",
    "no entries": b'{"format": 1}',
    "entry without id": b'{"format": 1, "entries": [{"bundled": true}]}',
    "file outside": b'{"format": 1, "entries": [{"id": "x", "bundled": false, '
    b'"file": "../../etc/passwd"}]}',
    "bad override": b'{"format": 1, "entries": [{"id": "x", "bundled": true, '
    b'"overrides": {"script": "alert(1)"}}]}',
    "twice": b'{"format": 1, "entries": [{"id": "x", "bundled": true}, '
    b'{"id": "x", "bundled": true}]}',
    "newer": b'{"format": 99, "entries": []}',
    "nested 100 000 deep": b'{"format": 1, "entries": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
    "5,000-digit number": b'{"format": 1, "entries": [], "x": ' + b"9" * 5000 + b"}",
    "lone surrogate": b'{"format": 1, "entries": [{"id": "x", "bundled": true, '
    b'"overrides": {"title": "a\\ud800b"}}]}',
}


@pytest.mark.parametrize("case", list(DAMAGED_STATES))
def test_a_damaged_state_is_kept_aside_and_reported_once(folder: Path, case: str) -> None:
    folder.mkdir()
    (folder / "library.json").write_bytes(DAMAGED_STATES[case])
    library, warnings = Library.open(folder)
    assert library.ids() == BUNDLED
    assert len(warnings) == 1
    kept = [p for p in folder.iterdir() if p.name.startswith("library.unreadable-")]
    assert len(kept) == 1
    assert kept[0].read_bytes() == DAMAGED_STATES[case]
    assert str(kept[0]) in warnings[0]
    assert Library.open(folder)[1] == []  # what was recovered was saved at once
    library.set_last_pair(BUNDLED[0], BUNDLED[1])  # the new state is written normally
    again, warnings = Library.open(folder)
    assert warnings == []
    assert again.last_pair == (BUNDLED[0], BUNDLED[1])


def test_imported_copies_survive_a_damaged_state(folder: Path, downloads: Path) -> None:
    library = open_library(folder)
    library.add([downloads / "page.html", downloads / "note.docx"])
    (folder / "library.json").write_text("damaged", "utf-8")
    library, warnings = Library.open(folder)
    assert sorted(library.ids()) == sorted([*BUNDLED, "page", "note"])
    assert "2 file(s) you had imported" in warnings[0]


def test_an_unreadable_state_never_stops_the_app(folder: Path) -> None:
    (folder / "library.json").mkdir(parents=True)  # reading it fails, as without permission
    library, warnings = Library.open(folder)
    assert library.ids() == BUNDLED
    assert len(warnings) == 1


def test_a_lost_copy_is_reported_and_kept_listed(folder: Path, downloads: Path) -> None:
    library = open_library(folder)
    library.add([downloads / "page.html"])
    (folder / "sources" / "page.html").unlink()
    library, warnings = Library.open(folder)
    assert library.ids() == BUNDLED
    assert [entry.id for entry in library.entries()][-1] == "page"
    assert len(warnings) == 1 and "page" in warnings[0]


def test_a_library_folder_that_cannot_be_written(tmp_path: Path) -> None:
    blocker = tmp_path / "fichier"
    blocker.write_text("not a folder", "utf-8")
    library, warnings = Library.open(blocker / "library")
    assert library.ids() == BUNDLED
    assert len(warnings) == 1 and "cannot be written" in warnings[0]


# Atomic writes -----------------------------------------------------------------------------


def test_a_failed_save_changes_nothing(
    folder: Path, downloads: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    library = open_library(folder)
    library.add([downloads / "page.html"])
    saved = (folder / "library.json").read_bytes()

    def disk_full(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    with pytest.raises(LibraryError, match="No space left"):
        library.update("page", title="Perdu")
    with pytest.raises(LibraryError):
        library.remove("page")
    result = library.add([downloads / "note.docx"])
    assert result.added == []
    assert [e.path.name for e in result.errors] == ["note.docx"]
    monkeypatch.undo()
    assert library.source("page").title == "Le message de la directrice"
    assert library.ids() == [*BUNDLED, "page"]
    assert (folder / "library.json").read_bytes() == saved
    assert sorted(p.name for p in folder.iterdir()) == ["library.json", "library.lock", "sources"]
    assert sorted(p.name for p in (folder / "sources").iterdir()) == ["page.html"]


def test_the_state_file_is_readable_json(folder: Path, downloads: Path) -> None:
    library = open_library(folder)
    library.add([downloads / "page.html"])
    state = json.loads((folder / "library.json").read_text("utf-8"))
    assert state["format"] == 1
    assert state["entries"][-1]["file"] == "sources/page.html"


@pytest.mark.usefixtures("no_network")
def test_the_library_never_touches_the_network(folder: Path, downloads: Path) -> None:
    library = open_library(folder)
    assert library.add(sorted(downloads.iterdir())).errors == []
    assert len(open_library(folder).corpus().ids()) == len(BUNDLED) + 3


def test_the_library_and_the_readers_load_no_qt(tmp_path: Path) -> None:
    code = (
        "import sys; from pathlib import Path; from reader.library import Library; "
        "import reader.core.formats.webpage, reader.core.formats.wordfile; "
        f"library, _ = Library.open(Path({str(tmp_path / 'qtfree')!r})); library.corpus(); "
        "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt was imported'"
    )
    root = Path(__file__).resolve().parents[1]
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
