"""`synopsis corrections` and the corrections in `analyze` / `compare`, through the real CLI."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from reader.core import Corpus, Label
from reader.core.corrections import Corrections, LabelCorrection, LinkCorrection, Side
from reader.correctionstore import CorrectionStore, read_corrections
from reader.paths import bundled_sources
from tests.builders import run_cli
from tests.conftest import SEED

pytestmark = pytest.mark.core

SEEDS = bundled_sources()


def library_folder(home: Path) -> Path:
    return home / "data" / "synopsis"


def seed_corrections(seeds: Corpus) -> Corrections:
    """A relabelled paragraph and a reader's link between two bundled sources."""
    full, partial = seeds.source(SEED["full"]), seeds.source(SEED["partial"])
    labels = seeds.paragraph_analysis(full.id)
    paragraph = next(n for n, a in enumerate(labels) if a.label == Label.COMMENTARY)
    rows = seeds.comparison(full.id, partial.id).rows
    lone_left = next(r.left[0] for r in rows if r.left and not r.right)
    lone_right = next(r.right[0] for r in rows if r.right and not r.left)
    return Corrections(
        (
            LabelCorrection(Side.of(full, paragraph), Label.QUOTATION),
            LinkCorrection(Side.of(full, lone_left), Side.of(partial, lone_right), linked=True),
        )
    )


def keep(home: Path, corrections: Corrections) -> None:
    CorrectionStore(library_folder(home)).save(corrections)


def test_export_then_import_on_another_library_round_trips(tmp_path: Path, seeds: Corpus) -> None:
    mine, colleague = tmp_path / "mine", tmp_path / "colleague"
    corrections = seed_corrections(seeds)
    keep(mine, corrections)
    shared = tmp_path / "shared.json"
    exported = run_cli("corrections", "export", shared, home=mine)
    assert exported.returncode == 0, exported.stderr
    assert read_corrections(shared) == corrections
    before = (shared.read_bytes(), shared.stat().st_mtime_ns)

    imported = run_cli("corrections", "import", shared, home=colleague)
    assert imported.returncode == 0, imported.stderr
    assert "imported 2 correction(s), 2 for sources in the library" in imported.stderr
    assert (shared.read_bytes(), shared.stat().st_mtime_ns) == before  # only read
    again = tmp_path / "again.json"
    assert run_cli("corrections", "export", again, home=colleague).returncode == 0
    assert read_corrections(again) == corrections


def test_analyze_and_compare_mark_what_was_corrected(tmp_path: Path, seeds: Corpus) -> None:
    corrections = seed_corrections(seeds)
    keep(tmp_path, corrections)
    label, link = corrections.items
    analysed = run_cli("analyze", "000", "--with", *SEEDS[1:], "--json", home=tmp_path)
    paragraphs = json.loads(analysed.stdout)["sources"][0]["paragraphs"]
    marked = [p for p in paragraphs if p.get("corrected")]
    assert [p["index"] for p in marked] == [label.at.anchor.index]
    assert marked[0]["label"] == "quotation" and marked[0]["engine_label"] == "commentary"

    compared = run_cli(
        "compare", "000", "002", "--with", SEEDS[1], *SEEDS[3:], "--json", home=tmp_path
    )
    rows = json.loads(compared.stdout)["rows"]
    (row,) = [r for r in rows if r.get("corrected")]
    assert link.a.anchor.index in row["left"] and link.b.anchor.index in row["right"]
    # A two-sided diff of the paired texts, not two one-sided rows.
    right_text = "".join(text for op, text in row["diff"] if op >= 0)
    assert {op for op, _ in row["diff"]} >= {-1, 1}
    assert right_text == json.loads(compared.stdout)["right"]["paragraphs"][row["right"][0]]["text"]


def test_a_file_for_unknown_sources_is_refused_in_one_line(tmp_path: Path) -> None:
    other = tmp_path / "someone-else.txt"
    other.write_text("Un titre\nUn paragraphe que personne ici n'a.\n", "utf-8")
    source = Corpus.from_paths([other]).sources[0]
    foreign = tmp_path / "foreign.json"
    CorrectionStore(tmp_path / "elsewhere").save(
        Corrections((LabelCorrection(Side.of(source, 1), Label.QUOTATION),))
    )
    (tmp_path / "elsewhere" / "corrections.json").rename(foreign)
    result = run_cli("corrections", "import", foreign, home=tmp_path)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "is for a source in the library" in lines[0]
    assert not (library_folder(tmp_path) / "corrections.json").exists()


def test_a_damaged_file_to_import_is_refused_in_one_line(tmp_path: Path) -> None:
    damaged = tmp_path / "damaged.json"
    damaged.write_bytes(b'{"format": 1, "corrections": [{"kind": ')
    result = run_cli("corrections", "import", damaged, home=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        f"synopsis: error: {damaged}: cannot be imported (it is damaged)"
    ]


def test_a_damaged_corrections_file_is_set_aside_and_reported_once(tmp_path: Path) -> None:
    folder = library_folder(tmp_path)
    folder.mkdir(parents=True)
    (folder / "corrections.json").write_bytes(b"\x00\xff not json")
    first = run_cli("analyze", "000", home=tmp_path)
    assert first.returncode == 0
    warnings = [line for line in first.stderr.splitlines() if "corrections file" in line]
    assert len(warnings) == 1 and "kept as" in warnings[0]
    (kept,) = folder.glob("corrections.unreadable-*.json")
    assert kept.read_bytes() == b"\x00\xff not json"
    second = run_cli("analyze", "000", home=tmp_path)
    assert second.returncode == 0 and "corrections file" not in second.stderr


def test_export_never_writes_over_a_source(tmp_path: Path) -> None:
    before = (SEEDS[0].read_bytes(), SEEDS[0].stat().st_mtime_ns)
    result = run_cli("corrections", "export", SEEDS[0], home=tmp_path)
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1
    assert (SEEDS[0].read_bytes(), SEEDS[0].stat().st_mtime_ns) == before


def test_list_shows_orphans_in_one_list(tmp_path: Path, seeds: Corpus) -> None:
    corrections = seed_corrections(seeds)
    keep(tmp_path, corrections)
    result = run_cli("corrections", "list", home=tmp_path)
    assert result.returncode == 0
    assert [line.split()[0] for line in result.stdout.splitlines()] == ["applies", "applies"]
    assert "2 correction(s), 0 orphaned" in result.stderr


@pytest.mark.parametrize("suffix", ["pdf", "html"])
def test_exports_mark_and_list_what_was_corrected(
    tmp_path: Path, seeds: Corpus, suffix: str
) -> None:
    corrections = seed_corrections(seeds)
    keep(tmp_path, corrections)
    out = tmp_path / f"comparison.{suffix}"
    result = run_cli(
        "export", "000", "002", "-o", out, "--with", SEEDS[1], *SEEDS[3:], home=tmp_path
    )
    assert result.returncode == 0, result.stderr
    if suffix == "pdf":
        from pypdf import PdfReader

        text = " ".join(page.extract_text() for page in PdfReader(out).pages)
    else:
        text = out.read_text("utf-8")
    text = " ".join(text.split())
    assert "1 label and 1 link corrected by hand." in text
    assert "[label set by hand; engine: commentary]" in text
    assert text.count("label set by hand") == 1


def test_an_export_says_when_nothing_was_corrected(tmp_path: Path) -> None:
    out = tmp_path / "comparison.html"
    assert run_cli("export", "000", "002", "-o", out, home=tmp_path).returncode == 0
    assert "Nothing corrected by hand." in out.read_text("utf-8")


@pytest.mark.parametrize(
    "damage",
    [
        b"[" * 100_000,  # nesting deeper than the parser's recursion
        b'{"format": 1, "corrections": [], "n": 1' + b"0" * 5000 + b"}",
        b'{"format": 1, "corrections": [{"kind": "label", "label": "quotation", "at": {'
        b'"sha256": "a", "source": "a", "digest": "d", "text": "\\ud800", "before": "",'
        b' "after": "", "index": 0}}]}',  # a lone surrogate: loads, then no save succeeds
    ],
    ids=["deep", "huge-number", "lone-surrogate"],
)
def test_a_corrections_file_of_any_damage_is_refused_and_set_aside(
    tmp_path: Path, damage: bytes
) -> None:
    offered = tmp_path / "offered.json"
    offered.write_bytes(damage)
    imported = run_cli("corrections", "import", offered, home=tmp_path)
    assert imported.returncode == 2
    assert imported.stderr.strip().splitlines() == [
        f"synopsis: error: {offered}: cannot be imported (it is damaged)"
    ]
    folder = library_folder(tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "corrections.json").write_bytes(damage)
    listed = run_cli("corrections", "list", home=tmp_path)
    assert listed.returncode == 0, listed.stderr
    assert "Traceback" not in listed.stderr and "kept as" in listed.stderr
    (kept,) = folder.glob("corrections.unreadable-*.json")
    assert kept.read_bytes() == damage


def test_export_writes_through_a_link_and_refuses_a_pipe(tmp_path: Path) -> None:
    target = tmp_path / "target.json"
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    through = run_cli("corrections", "export", link, home=tmp_path)
    assert through.returncode == 0, through.stderr
    assert link.is_symlink() and read_corrections(target) == Corrections()
    pipe = tmp_path / "pipe.json"
    os.mkfifo(pipe)
    refused = run_cli("corrections", "export", pipe, home=tmp_path)
    assert refused.returncode == 1
    assert len(refused.stderr.strip().splitlines()) == 1
    assert stat.S_ISFIFO(os.lstat(pipe).st_mode)


def test_two_stores_on_one_library_keep_each_others_corrections(
    tmp_path: Path, seeds: Corpus
) -> None:
    # Two windows (or a window and `corrections import`), each saving what it holds.
    label, link = seed_corrections(seeds)
    folder = library_folder(tmp_path)
    mine, _ = CorrectionStore.open(folder)
    theirs, _ = CorrectionStore.open(folder)
    mine.save(mine.corrections.with_(label))
    theirs.save(theirs.corrections.with_(link))
    assert set(read_corrections(folder / "corrections.json")) == {label, link}
    mine.save(mine.corrections.without(label.key()))  # an undo removes only its own
    assert list(read_corrections(folder / "corrections.json")) == [link]
    again, _ = CorrectionStore.open(folder)
    assert list(again.corrections) == [link]


def test_no_corrections_gives_the_engines_own_labels_and_links(
    tmp_path: Path, seeds: Corpus
) -> None:
    corrections = seed_corrections(seeds)
    keep(tmp_path, corrections)
    label, _ = corrections.items
    plain = ("--with", *SEEDS[1:], "--json", "--no-corrections")
    analysed = run_cli("analyze", "000", *plain, home=tmp_path)
    paragraphs = json.loads(analysed.stdout)["sources"][0]["paragraphs"]
    assert not [p for p in paragraphs if p.get("corrected")]
    assert paragraphs[label.at.anchor.index]["label"] == "commentary"
    compared = run_cli("compare", "000", "002", *plain, home=tmp_path)
    assert not [r for r in json.loads(compared.stdout)["rows"] if r.get("corrected")]
    # The corrections are left aside, not lost.
    assert read_corrections(library_folder(tmp_path) / "corrections.json") == corrections


def test_corrections_that_fit_no_more_are_said_once_and_applied_nowhere(
    tmp_path: Path, seeds: Corpus
) -> None:
    label = seed_corrections(seeds).items[0]
    keep(tmp_path, Corrections((label,)))
    # The corrected paragraph is gone from a re-saved copy (same file name, so the same id).
    resaved = tmp_path / "resaved" / SEEDS[0].name
    resaved.parent.mkdir()
    paragraphs = [p for p in SEEDS[0].read_text("utf-8").split("\n") if p.strip()]
    corrected_text = seeds.source(SEED["full"]).paragraphs[label.at.anchor.index].text
    resaved.write_text("\n\n".join(p for p in paragraphs if p != corrected_text), "utf-8")
    args = ("analyze", resaved, "--with", *SEEDS[1:])
    warned = run_cli(*args, home=tmp_path)
    assert warned.returncode == 0, warned.stderr
    (line,) = [x for x in warned.stderr.splitlines() if "no longer fit" in x]
    assert line.startswith("1 correction(s)")
    assert warned.stdout == run_cli(*args, "--no-corrections", home=tmp_path).stdout
    quiet = run_cli(*args, "--no-corrections", home=tmp_path)
    assert "no longer fit" not in quiet.stderr


def test_a_folder_as_the_corrections_file_names_a_corrections_file(tmp_path: Path) -> None:
    result = run_cli("corrections", "export", tmp_path, home=tmp_path / "home")
    assert result.returncode == 1
    assert "is a folder" in result.stderr and "corrections.json" in result.stderr
    assert "comparison.pdf" not in result.stderr
