"""The corpus store on a real SQLite file and a real PostgreSQL server (issue 6)."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

import pytest

from hemiwatch.analyze import ask, board, brief, commitments
from hemiwatch.errors import NotFound
from hemiwatch.ingest.run import ingest
from hemiwatch.models import Article, Facts
from hemiwatch.store import open_store
from hemiwatch.store.migrations import LATEST
from tests.conftest import REFERENCE_ID

Items = list[tuple[Article, Facts]]


def test_storing_twice_changes_nothing(store_url: str, dev_facts: Items) -> None:
    store = open_store(store_url)
    assert len(store.add(dev_facts)) == len(dev_facts)
    rows_before = len(store.rows("quotes")), len(store.rows("stances"))
    assert store.add(dev_facts) == []
    assert store.count() == len(dev_facts)
    assert (len(store.rows("quotes")), len(store.rows("stances"))) == rows_before


def test_board_shows_venezuela_refusing_with_the_reference(
    store_url: str, dev_facts: Items
) -> None:
    store = open_store(store_url)
    store.add(dev_facts)
    rows = [r for r in board(store) if (r["country"], r["target"]) == ("VE", "US")]
    assert rows and rows[0]["stance"] == "refuses"
    assert REFERENCE_ID in {e["article_id"] for e in rows[0]["evidence"]}
    assert all(e["sentence"] and e["date"] for e in rows[0]["evidence"])


def test_commitments_show_sought_and_pledged(store_url: str, dev_facts: Items) -> None:
    store = open_store(store_url)
    store.add(dev_facts)
    rows = commitments(store)
    ref = next(r for r in rows if r["article_id"] == REFERENCE_ID)
    assert (ref["sought"], ref["pledged_max"], ref["unit"]) == (5500, 7500, "personnel")
    assert ref["speaker"] == "Marco Rubio" and ref["date"] == "2025-12-20"
    assert set(ref) >= {
        "initiative",
        "sought",
        "pledged_max",
        "unit",
        "speaker",
        "article_id",
        "date",
    }


def test_ask_answers_with_citations_or_says_it_cannot(store_url: str, dev_facts: Items) -> None:
    store = open_store(store_url)
    store.add(dev_facts)
    got = ask(store, "Which country refuses to cooperate with the United States?")
    assert got["answer"].startswith("Venezuela")
    assert any(c["article_id"] == REFERENCE_ID for c in got["citations"])
    troops = ask(store, "How many troops were pledged for Haiti?")
    assert "7,500" in troops["answer"] or "2,600" in troops["answer"]
    assert troops["citations"]
    none = ask(store, "What is the price of tea on Neptune?")
    assert none == {"answer": "The corpus holds no answer to that question.", "citations": []}


def test_search_ranks_and_highlights(store_url: str, dev_facts: Items) -> None:
    store = open_store(store_url)
    store.add(dev_facts)
    hits = store.search("semi-submersible cocaine")
    assert hits[0]["id"] == "synth-03-dominican-cocaine-seizure"
    assert "⟦" in hits[0]["snippet"]


def test_search_is_safe_from_injection(store_url: str, dev_facts: Items) -> None:
    store = open_store(store_url)
    store.add(dev_facts[:2])
    for hostile in ("'; DROP TABLE articles; --", 'x" OR 1=1 --', "NEAR(a b", "*", "a AND"):
        store.search(hostile)
        store.quote_rows(speaker=hostile, words=hostile)
    assert store.count() == 2


def test_quotes_by_speaker_since(store_url: str, dev_facts: Items) -> None:
    store = open_store(store_url)
    store.add(dev_facts)
    rows = store.quote_rows(speaker="rubio", since=dt.date(2025, 12, 1))
    assert len(rows) >= 10 and {r["speaker"] for r in rows} == {"Marco Rubio"}
    assert store.quote_rows(speaker="rubio", since=dt.date(2026, 1, 1)) == []


def test_brief_cites_its_articles(store_url: str, dev_facts: Items) -> None:
    store = open_store(store_url)
    store.add(dev_facts)
    b = brief(store, dt.date(2025, 12, 1), dt.date(2025, 12, 31))
    assert b["takeaways"]
    cited = {i for t in b["takeaways"] for i in t["article_ids"]}
    assert cited == {REFERENCE_ID}
    assert brief(store, dt.date(1990, 1, 1), dt.date(1990, 2, 1))["takeaways"] == []


def test_article_round_trip_and_not_found(store_url: str, dev_facts: Items) -> None:
    store = open_store(store_url)
    store.add(dev_facts[:1])
    article, facts, cluster = store.article(dev_facts[0][0].id)
    assert article.text == dev_facts[0][0].text and facts == dev_facts[0][1]
    assert cluster == article.id
    with pytest.raises(NotFound):
        store.article("no-such-id")


def test_wire_republication_joins_the_story_cluster(store_url: str, dev_facts: Items) -> None:
    store = open_store(store_url)
    original, facts = dev_facts[0]
    copy = original.model_copy(
        update={
            "id": "copy-1",
            "source": "Another Outlet",
            "text": original.text.replace("(NationPress)", "(Another Outlet)") + "\n\nCopyright.",
        }
    )
    store.add([(original, facts), (copy, facts.model_copy(update={"id": "copy-1"})), dev_facts[1]])
    assert store.article("copy-1")[2] == original.id
    assert store.article(dev_facts[1][0].id)[2] == dev_facts[1][0].id


def test_schema_is_migrated_and_versioned(tmp_path: Path) -> None:
    path = tmp_path / "h.db"
    open_store(f"sqlite:///{path}").close()
    open_store(f"sqlite:///{path}").close()  # opening again applies nothing twice
    con = sqlite3.connect(path)
    assert [r[0] for r in con.execute("SELECT version FROM schema_migrations")] == list(
        range(1, LATEST + 1)
    )
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert "id" in [r[1] for r in con.execute("PRAGMA table_info(articles)")]
    assert {"item", "reason", "time"} <= {
        r[1] for r in con.execute("PRAGMA table_info(ingest_errors)")
    }


def test_board_counts_stories_not_copies(store_url: str, dev_facts: Items) -> None:
    """A wire story stored twice under two ids is one story behind a board entry."""
    store = open_store(store_url)
    ref = next((a, f) for a, f in dev_facts if a.id == REFERENCE_ID)
    copy = (ref[0].model_copy(update={"id": "sample-copy-of-reference"}), ref[1])
    store.add([ref, copy])
    row = next(r for r in board(store) if (r["country"], r["target"]) == ("VE", "US"))
    assert row["sources"] == 1  # two stances, one story
    assert row["explicit"] + row["inferred_count"] == 2


def test_a_store_of_the_previous_version_gains_provenance_and_keeps_its_rows(
    tmp_path: Path, dev_facts: Items
) -> None:
    """Migration 6 adds the rule columns to a version-5 database without losing a row."""
    path = tmp_path / "old.db"
    store = open_store(f"sqlite:///{path}")
    store.add(dev_facts[:3])
    before = len(store.rows("quotes")), len(store.rows("stances"))
    store.close()
    con = sqlite3.connect(path)
    for table, column in (("quotes", "basis"), ("quotes", "speaker_basis"),
                          ("stances", "basis"), ("stances", "target_basis"),
                          ("stances", "inferred")):  # fmt: skip
        con.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
    con.execute("DELETE FROM schema_migrations WHERE version = 6")
    con.commit()
    con.close()
    store = open_store(f"sqlite:///{path}")
    assert (len(store.rows("quotes")), len(store.rows("stances"))) == before
    assert all(r["inferred"] in (0, False) for r in store.rows("stances"))
    store.add(dev_facts[3:5])
    assert any(r["basis"] for r in store.rows("quotes"))
    store.close()


def test_ingest_records_bad_items_and_goes_on(
    store_url: str, tmp_path: Path, dev_corpus: Path
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    ref = dev_corpus / "articles" / f"{REFERENCE_ID}.json"
    (folder / "a.json").write_text(ref.read_text("utf-8"), "utf-8")
    (folder / "empty.txt").write_text("", "utf-8")
    lines = [
        json.dumps({"title": "T", "text": "Panama and Colombia signed a pact."}),
        "{not json",
        json.dumps({"id": "j2", "text": "Chile sent 40 police officers."}),
    ]
    (folder / "more.jsonl").write_text("\n".join(lines), "utf-8")
    store = open_store(store_url)
    report = ingest([folder], store)
    assert report.added == 3 and len(report.failed) == 2
    assert {e["item"].rsplit("/", 1)[-1] for e in store.errors()} == {"empty.txt", "more.jsonl:2"}
    again = ingest([folder], store)
    assert (again.added, again.skipped) == (0, 3)


def _numbered(folder: Path, texts: list[str], language: str) -> Path:
    (folder / "articles").mkdir(parents=True)
    for i, text in enumerate(texts, 1):
        item = {"id": f"{i:03}", "title": f"Sample {i}", "text": text, "language": language}
        (folder / "articles" / f"{i:03}.json").write_text(json.dumps(item), "utf-8")
    return folder


def test_ids_that_collide_are_stored_under_their_own_id(store_url: str, tmp_path: Path) -> None:
    """Two corpora both numbered 001, 002: every article is stored, the conflict is recorded
    and counted, and only the very same article is 'already stored' (issue 23)."""
    a = _numbered(
        tmp_path / "a",
        ["Sample: Guyana and Brazil agreed to run joint patrols.", "Sample: Chile sent police."],
        "en",
    )
    b = _numbered(
        tmp_path / "b",
        ["Muestra: Guyana y Brasil acordaron patrullas.", "Muestra: Chile envió policías."],
        "es",
    )
    store = open_store(store_url)
    report = ingest([a, b], store)
    assert (report.added, report.skipped, report.failed) == (4, 0, [])
    assert len(report.renamed) == 2 and store.count() == 4
    assert all(store.article(i)[0].text.startswith("Sample") for i in ("001", "002"))
    renamed = [r["item"] for r in store.errors() if r["reason"].startswith("id conflict")]
    assert sorted(Path(r).parent.parent.name for r in renamed) == ["b", "b"]
    again = ingest([b, a], store)  # the same articles, in the other order: nothing new
    assert (again.added, again.skipped, again.renamed) == (0, 4, [])
    assert store.count() == 4


def test_an_id_repeated_in_one_input_with_other_text_is_kept(
    store_url: str, tmp_path: Path
) -> None:
    lines = [
        json.dumps({"id": "x1", "text": "Sample: Panama and Colombia signed a pact."}),
        json.dumps({"id": "x1", "text": "Sample: Peru sent 40 police officers to Ecuador."}),
        json.dumps({"id": "x1", "text": "Sample: Panama and Colombia signed a pact."}),
    ]
    (tmp_path / "in.jsonl").write_text("\n".join(lines), "utf-8")
    store = open_store(store_url)
    report = ingest([tmp_path / "in.jsonl"], store)
    assert (report.added, report.skipped, len(report.renamed)) == (2, 1, 1)
    texts = {a.text for a, _, _ in store.all_articles()}
    assert len(texts) == 2 and store.count() == 2


def test_an_analyst_overrules_relevance_and_the_board_follows(
    store_url: str, dev_facts: Items
) -> None:
    """Issue 21: an article wrongly flagged off-topic can be brought back (and one wrongly
    kept can be taken off); the board is folded again, and 'auto' restores hemiwatch's call."""
    store = open_store(store_url)
    store.add(dev_facts)

    def ve_us() -> set[str]:
        rows = [r for r in board(store) if (r["country"], r["target"]) == ("VE", "US")]
        return {e["article_id"] for r in rows for e in r["evidence"]}

    before = ve_us()
    assert REFERENCE_ID in before
    assert store.set_relevance(REFERENCE_ID, "off") is True
    assert REFERENCE_ID not in ve_us()
    listed = {a["id"]: a["off_topic"] for a in store.article_page(limit=100)[0]}
    assert listed[REFERENCE_ID] is True
    assert store.set_relevance(REFERENCE_ID, None) is False
    assert ve_us() == before
    with pytest.raises(NotFound):
        store.set_relevance("no-such-article", "on")
    store.close()
