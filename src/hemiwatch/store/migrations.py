"""Versioned schema migrations: each runs once, in order, recorded in schema_migrations."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sqlalchemy import Connection, insert, inspect, select, text

from hemiwatch.store import schema

SQLITE_FTS = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5("
    "id UNINDEXED, title, text, tokenize='porter unicode61')",
    "CREATE VIRTUAL TABLE IF NOT EXISTS quotes_fts USING fts5("
    "article_id UNINDEXED, speaker, text, tokenize='porter unicode61')",
]
POSTGRES_FTS = [
    "ALTER TABLE articles ADD COLUMN IF NOT EXISTS tsv tsvector GENERATED ALWAYS AS "
    "(setweight(to_tsvector('english', coalesce(title, '')), 'A') || "
    "setweight(to_tsvector('english', coalesce(text, '')), 'B')) STORED",
    "CREATE INDEX IF NOT EXISTS ix_articles_tsv ON articles USING GIN (tsv)",
    "ALTER TABLE quotes ADD COLUMN IF NOT EXISTS tsv tsvector GENERATED ALWAYS AS "
    "(to_tsvector('english', coalesce(speaker, '') || ' ' || text)) STORED",
    "CREATE INDEX IF NOT EXISTS ix_quotes_tsv ON quotes USING GIN (tsv)",
]


def _v1_tables(conn: Connection) -> None:
    schema.metadata.create_all(conn)


def _v2_full_text(conn: Connection) -> None:
    for statement in SQLITE_FTS if conn.dialect.name == "sqlite" else POSTGRES_FTS:
        conn.execute(text(statement))


def _v3_board(conn: Connection) -> None:
    schema.board.create(conn, checkfirst=True)


def _v4_rank(conn: Connection) -> None:
    """SQLite: rank by bm25 with titles weighted 4x, so ORDER BY rank needs no expression."""
    if conn.dialect.name == "sqlite":
        conn.execute(
            text(
                "INSERT INTO articles_fts(articles_fts, rank) VALUES('rank', 'bm25(0.0, 4.0, 1.0)')"
            )
        )


def _v5_quote_day(conn: Connection) -> None:
    """quotes.day: the article's date on the quote row, indexed."""
    if "day" not in {c["name"] for c in inspect(conn).get_columns("quotes")}:
        conn.execute(text("ALTER TABLE quotes ADD COLUMN day DATE"))
        conn.execute(
            text(
                "UPDATE quotes SET day = (SELECT published FROM articles "
                "WHERE articles.id = quotes.article_id)"
            )
        )
    conn.execute(text("CREATE INDEX IF NOT EXISTS ix_quotes_day ON quotes (day)"))


PROVENANCE = {
    "quotes": ["basis VARCHAR(60)", "speaker_basis VARCHAR(60)"],
    "stances": [
        "basis VARCHAR(60)",
        "target_basis VARCHAR(60)",
        "inferred BOOLEAN NOT NULL DEFAULT FALSE",
    ],
}


def _v6_provenance(conn: Connection) -> None:
    """The rule behind each quote and stance, and whether a stance's target was inferred."""
    for table, columns in PROVENANCE.items():
        have = {c["name"] for c in inspect(conn).get_columns(table)}
        for column in columns:
            if column.split()[0] not in have:
                conn.execute(text(f"ALTER TABLE {table} ADD COLUMN {column}"))


def _v7_relevance(conn: Connection) -> None:
    """An analyst's override of the relevance decision, per article."""
    if "relevance" not in {c["name"] for c in inspect(conn).get_columns("articles")}:
        conn.execute(text("ALTER TABLE articles ADD COLUMN relevance VARCHAR(8)"))


def _v8_fetching(conn: Connection) -> None:
    """The fetch log, conditional-GET validators and the polls of sources."""
    for table in (schema.fetch_log, schema.fetch_state, schema.polls):
        table.create(conn, checkfirst=True)


MIGRATIONS: list[tuple[int, str, Callable[[Connection], None]]] = [
    (1, "tables", _v1_tables),
    (2, "full-text search", _v2_full_text),
    (3, "cooperation board summary", _v3_board),
    (4, "search ranking", _v4_rank),
    (5, "quote dates", _v5_quote_day),
    (6, "fact provenance", _v6_provenance),
    (7, "relevance override", _v7_relevance),
    (8, "fetching from the web", _v8_fetching),
]


def migrate(conn: Connection) -> list[int]:
    """Apply the migrations this database lacks; returns the versions applied. On PostgreSQL
    a transaction-scoped advisory lock makes concurrent first opens wait for each other."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(720211)"))
    if not inspect(conn).has_table("schema_migrations"):
        schema.migrations.create(conn)
    done = set(conn.execute(select(schema.migrations.c.version)).scalars())
    applied = []
    for version, _name, step in MIGRATIONS:
        if version in done:
            continue
        step(conn)
        conn.execute(
            insert(schema.migrations).values(
                version=version, applied_at=dt.datetime.now(dt.UTC).isoformat()
            )
        )
        applied.append(version)
    return applied


LATEST = MIGRATIONS[-1][0]
