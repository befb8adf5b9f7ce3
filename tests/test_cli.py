"""The command line, run for real in a subprocess (DESIGN.md's contract)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from reader.core.diff import rebuild
from reader.paths import bundled_sources
from tests.conftest import SEED

pytestmark = pytest.mark.cli

ROOT = Path(__file__).resolve().parents[1]


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


def run_json(*args: str) -> dict[str, Any]:
    result = run(*args, "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def analysed() -> dict[str, Any]:
    return run_json("analyze")


def test_analyze_prints_every_bundled_source_in_the_contract_shape(analysed) -> None:
    assert [s["id"] for s in analysed["sources"]] == [p.stem for p in bundled_sources()]
    for source in analysed["sources"]:
        assert {"id", "path", "title", "paragraphs"} <= source.keys()
        for n, paragraph in enumerate(source["paragraphs"]):
            assert paragraph["index"] == n
            assert paragraph["label"] in {"quotation", "paraphrase", "commentary", "boilerplate"}
            assert 0.0 <= paragraph["confidence"] <= 1.0
            assert isinstance(paragraph["passages"], list)
            assert paragraph["evidence"] and all(isinstance(e, str) for e in paragraph["evidence"])
    ids = {s["id"]: s for s in analysed["sources"]}
    for passage in analysed["passages"]:
        assert passage["id"].startswith("p") and passage["order"] >= 1
        for member in passage["members"]:
            paragraphs = ids[member["source"]]["paragraphs"]
            assert passage["id"] in paragraphs[member["paragraph"]]["passages"]


def test_analyze_with_context_prints_only_the_named_sources() -> None:
    seeds = {p.stem: str(p) for p in bundled_sources()}
    context = [seeds[SEED[key]] for key in ("full", "reported", "partial")]
    data = run_json("analyze", seeds[SEED["fragments"]], "--with", *context)
    assert [s["id"] for s in data["sources"]] == [SEED["fragments"]]
    members = {m["source"] for p in data["passages"] for m in p["members"]}
    assert members <= {SEED["fragments"]}
    labels = [p["label"] for p in data["sources"][0]["paragraphs"]]
    assert labels.count("quotation") == 3  # the context lets the quotations be recognised


def test_compare_rows_cover_both_sources_once_and_rebuild_the_left_text() -> None:
    data = run_json("compare", SEED["full"], SEED["partial"])
    left, right, rows = data["left"], data["right"], data["rows"]
    assert left["id"] == SEED["full"] and right["id"] == SEED["partial"]
    assert sorted(i for row in rows for i in row["left"]) == list(range(len(left["paragraphs"])))
    assert sorted(i for row in rows for i in row["right"]) == list(range(len(right["paragraphs"])))
    firsts = [min(row["left"]) for row in rows if row["left"]]
    assert firsts == sorted(firsts)
    for row in rows:
        assert 0.0 <= row["similarity"] <= 1.0
        assert all(op in (-1, 0, 1) and isinstance(text, str) for op, text in row["diff"])
        text = "\n".join(left["paragraphs"][i]["text"] for i in row["left"])
        assert rebuild([tuple(d) for d in row["diff"]], -1) == text
    matched = [row for row in rows if row["left"] and row["right"]]
    assert len(matched) >= 8 and sum(r["similarity"] for r in matched) / len(matched) > 0.7


def test_map_shares_follow_what_each_source_carries() -> None:
    data = run_json("map")
    shares = {s["id"]: (s["quoted"], s["paraphrased"]) for s in data["sources"]}
    assert shares[SEED["full"]][0] > 0.85  # nearly all of it
    assert 0.4 <= shares[SEED["partial"]][0] <= 0.75  # about the first half to two thirds
    assert 0.05 <= shares[SEED["fragments"]][0] <= 0.45  # a few fragments
    assert shares[SEED["reported"]][1] > 0.6 and shares[SEED["reported"]][0] < 0.1
    assert shares[SEED["background"]] == (0.0, 0.0)
    orders = [p["order"] for p in data["statement"]]
    assert orders == sorted(orders) and data["statement"][0]["text"].startswith("Merci à tous")


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("missing.txt", None, "file not found"),
        ("empty.txt", b"", "is empty"),
        ("blank.txt", b"  \n\t\n  ", "is empty"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10", "not text"),
    ],
)
def test_unusable_input_gets_one_line_and_a_non_zero_exit(
    tmp_path: Path, name: str, content: bytes | None, reason: str
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    result = run("analyze", str(path), "--json")
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and name in lines[0] and reason in lines[0]
    assert "Traceback" not in result.stderr


def test_version_and_help() -> None:
    assert run("--version").stdout.startswith("Synopsis")
    assert "compare" in run("--help").stdout


def test_the_engine_never_loads_qt() -> None:
    code = (
        "import sys, reader.core, reader.cli\n"
        "assert not any(m.startswith('PySide6') for m in sys.modules)"
    )
    assert subprocess.run([sys.executable, "-c", code], cwd=ROOT).returncode == 0


def test_compare_a_source_with_the_reconstructed_statement() -> None:
    others = [str(p) for p in bundled_sources() if p.stem != SEED["partial"]]
    data = run_json("compare", SEED["partial"], "statement", "--with", *others)
    assert data["right"]["id"] == "statement"
    passages = data["right"]["paragraphs"]
    assert all(p["label"] in ("quotation", "paraphrase") for p in passages)
    matched = [row for row in data["rows"] if row["left"] and row["right"]]
    # every paragraph of the message in 002 faces the passage it translates
    assert {i for row in matched for i in row["left"]} == set(range(1, 9))
