"""The corpus commands of the installed CLI, on a real SQLite file (issue 6)."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REFERENCE_ID, ROOT

HEMIWATCH = str(Path(sys.executable).parent / "hemiwatch")
FIXTURES = ROOT / "tests" / "fixtures"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([HEMIWATCH, *args], capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory, dev_corpus: Path) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'corpus.db'}"
    first = run("ingest", str(dev_corpus), "--db", url)
    assert first.returncode == 0, first.stderr
    second = run("ingest", str(dev_corpus), "--db", url)
    assert "0 stored, 15 already stored" in second.stderr
    return url


def test_board_json_shape(db: str) -> None:
    rows = json.loads(run("board", "--db", db, "--format", "json").stdout)
    ve = next(r for r in rows if (r["country"], r["target"]) == ("VE", "US"))
    assert ve["stance"] == "refuses"
    assert any(e["article_id"] == REFERENCE_ID for e in ve["evidence"])


def test_commitments_json_shape(db: str) -> None:
    rows = json.loads(run("commitments", "--db", db, "--format", "json").stdout)
    assert {"initiative", "sought", "pledged_max", "unit", "speaker", "article_id", "date"} <= set(
        rows[0]
    )
    assert any((r["sought"], r["pledged_max"]) == (5500, 7500) for r in rows)


def test_ask_json(db: str) -> None:
    got = json.loads(
        run(
            "ask",
            "Which country refuses to cooperate with the United States?",
            "--db",
            db,
            "--format",
            "json",
        ).stdout
    )
    assert "Venezuela" in got["answer"] and got["citations"]
    assert set(got["citations"][0]) == {"article_id", "text"}


def test_search_quotes_and_brief(db: str) -> None:
    found = json.loads(run("search", "deportation flights", "--db", db, "--format", "json").stdout)
    assert found["articles"][0]["id"] == "synth-04-venezuela-deportation-flights"
    text = run("search", "[unbalanced", "--db", db)
    assert text.returncode == 0 and "Traceback" not in text.stderr
    quotes = json.loads(
        run(
            "quotes", "--speaker", "Rubio", "--since", "2025-12-01", "--db", db, "--format", "json"
        ).stdout
    )
    assert quotes and {q["speaker"] for q in quotes} == {"Marco Rubio"}
    md = run(
        "brief",
        "--since",
        "2025-12-01",
        "--until",
        "2025-12-31",
        "--db",
        db,
        "--format",
        "markdown",
    ).stdout
    assert md.startswith("# Briefing") and "## Key Takeaways" in md and REFERENCE_ID in md


def test_bad_date_is_one_clear_line(db: str) -> None:
    result = run("quotes", "--since", "yesterday", "--db", db)
    assert result.returncode == 2 and "YYYY-MM-DD" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_export_tables(db: str, tmp_path: Path, fmt: str) -> None:
    result = run("export", "--format", fmt, "--out", str(tmp_path), "--db", db)
    assert result.returncode == 0, result.stderr
    names = {p.name for p in tmp_path.iterdir()}
    assert {
        f"{t}.{fmt}" for t in ("articles", "quotes", "stances", "commitments", "numbers", "events")
    } == names
    if fmt == "csv":
        with (tmp_path / "articles.csv").open(encoding="utf-8") as fh:
            assert len(list(csv.DictReader(fh))) == 15


def test_export_jsonl_and_plover(db: str, tmp_path: Path) -> None:
    out = tmp_path / "a.jsonl"
    run("export", "--format", "jsonl", "--since", "2026-01-01", "--out", str(out), "--db", db)
    rows = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert rows and all(r["article"]["published"] >= "2026-01-01" for r in rows)
    plover = run("export", "--format", "plover", "--db", db).stdout.splitlines()
    assert {"event_type", "source_actor", "target_actor", "article_id"} <= set(
        json.loads(plover[0])
    )


def test_ingest_feeds_and_records_bad_ones(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'feeds.db'}"
    result = run(
        "ingest",
        str(FIXTURES / "sample-feed.rss"),
        str(FIXTURES / "sample-feed.atom"),
        str(FIXTURES / "broken-feed.rss"),
        "--db",
        url,
    )
    assert result.returncode == 1  # the empty entry and the broken feed are reported
    assert "3 stored" in result.stderr and "Traceback" not in result.stderr
    assert "broken-feed.rss" in result.stderr and "entry3" in result.stderr
    again = run("ingest", str(FIXTURES / "sample-feed.rss"), "--db", url)
    assert "0 stored, 2 already stored" in again.stderr
    rows = json.loads(run("board", "--db", url, "--format", "json").stdout)
    assert {("CR", "PA"), ("PA", "CR")} <= {(r["country"], r["target"]) for r in rows}


@pytest.mark.parametrize("command", ["board", "quotes", "search cartel", "brief", "commitments"])
def test_reading_a_database_that_does_not_exist_fails(tmp_path: Path, command: str) -> None:
    """A read-only command never creates an empty database to show an empty board (issue 23)."""
    missing = tmp_path / "nowhere.db"
    got = run(*command.split(), "--db", f"sqlite:///{missing}")
    assert got.returncode == 2 and "no database at" in got.stderr and str(missing) in got.stderr
    assert not missing.exists()


def test_text_output_to_a_pipe_is_whole_lines(db: str) -> None:
    """Piped, board and quotes stack each entry (no 16-character evidence column), nothing
    wraps and no Python None shows; every command names its database."""
    board = run("board", "--db", db)
    assert board.returncode == 0 and "database: " in board.stderr
    lines = board.stdout.splitlines()
    assert any(line.startswith("VE refuses US") for line in lines)
    sentences = [line for line in lines if line.startswith("    ") and "·" not in line]
    assert sentences and all(line.strip()[-1] in '.”"’)' for line in sentences)
    quotes = run("quotes", "--speaker", "Rubio", "--db", db)
    assert any("Marco Rubio" in line for line in quotes.stdout.splitlines())
    for out in (board.stdout, quotes.stdout, run("search", "cartel", "--db", db).stdout):
        assert "None" not in out


def test_brief_and_board_agree(db: str) -> None:
    """The brief says what the board shows: one aggregation of stances."""
    rows = json.loads(run("board", "--db", db, "--format", "json").stdout)
    shown = {(r["country"], r["target"]): r["stance"] for r in rows}
    names = json.loads(run("brief", "--db", db, "--format", "json").stdout)["takeaways"]
    from hemiwatch.display import place_name

    by_name = {place_name(c): c for pair in shown for c in pair}
    checked = 0
    for t in names:
        for verb, polarity in (
            (" refuses to cooperate with ", "refuses"),
            (" cooperates with ", "cooperates"),
        ):
            if verb in t["text"]:
                actor, target = t["text"].rstrip(".").split(verb)
                assert shown[(by_name[actor], by_name[target])] == polarity, t
                checked += 1
    assert checked


def test_csv_tables_have_their_header_even_when_empty(db: str, tmp_path: Path) -> None:
    """An empty table still says what its columns are; articles carry their language."""
    full, empty = tmp_path / "full", tmp_path / "empty"
    assert run("export", "--format", "csv", "--out", str(full), "--db", db).returncode == 0
    from hemiwatch.store import open_store

    blank = f"sqlite:///{tmp_path / 'blank.db'}"
    open_store(blank).close()
    assert run("export", "--format", "csv", "--out", str(empty), "--db", blank).returncode == 0
    for table in ("articles", "quotes", "stances", "commitments", "numbers", "events"):
        header = (full / f"{table}.csv").read_text("utf-8").splitlines()[0]
        assert (empty / f"{table}.csv").read_text("utf-8").strip() == header, table
    with (full / "articles.csv").open(encoding="utf-8") as fh:
        assert {r["language"] for r in csv.DictReader(fh)} == {"en"}


def test_relevance_command(tmp_path: Path, dev_corpus: Path) -> None:
    url = f"sqlite:///{tmp_path / 'rel.db'}"
    assert run("ingest", str(dev_corpus), "--db", url).returncode == 0
    off = run("relevance", REFERENCE_ID, "off", "--db", url)
    assert off.returncode == 0 and "off-topic (set by you)" in off.stdout
    rows = json.loads(run("board", "--db", url, "--format", "json").stdout)
    assert REFERENCE_ID not in {e["article_id"] for r in rows for e in r["evidence"]}
    back = run("relevance", REFERENCE_ID, "auto", "--db", url)
    assert "on topic (hemiwatch's decision)" in back.stdout
    missing = run("relevance", "no-such-article", "on", "--db", url)
    assert missing.returncode == 2 and "no article" in missing.stderr
