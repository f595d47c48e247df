"""Tables of the corpus store, the same for SQLite and PostgreSQL (SQLAlchemy Core)."""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

migrations = Table(
    "schema_migrations",
    metadata,
    Column("version", Integer, primary_key=True),
    Column("applied_at", String(40), nullable=False),
)

articles = Table(
    "articles",
    metadata,
    Column("id", String(200), primary_key=True),
    Column("url", Text),
    Column("url_key", Text, index=True),
    Column("content_hash", String(64), index=True, nullable=False),
    Column("source", Text),
    Column("published", Date, index=True),
    Column("title", Text, nullable=False, default=""),
    Column("text", Text, nullable=False),
    Column("language", String(8), nullable=False, default="en"),
    Column("off_topic", Boolean, nullable=False, default=False),  # in effect (override or not)
    # an analyst's decision: "on" or "off" topic, over hemiwatch's (kept in facts); NULL: none
    Column("relevance", String(8)),
    Column("cluster_id", String(200), index=True, nullable=False),
    Column("facts", Text, nullable=False),  # the Facts record as JSON: spans, digest inputs
    Column("ingested_at", String(40), nullable=False),
)


def _child(name: str, *columns: Column[object]) -> Table:
    """A fact table: rows belong to one article and go with it."""
    return Table(
        name,
        metadata,
        Column("row_id", Integer, primary_key=True, autoincrement=True),
        Column(
            "article_id",
            String(200),
            ForeignKey("articles.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        *columns,
    )


quotes = _child(
    "quotes",
    Column("kind", String(10), nullable=False),
    Column("speaker", Text, index=True),
    Column("speaker_title", Text),
    Column("verb", String(40)),
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("day", Date, index=True),  # the article's date, so "newest first" walks an index
    Column("basis", String(60)),  # the rule that found the quote (hemiwatch.rules)
    Column("speaker_basis", String(60)),  # the rule that named its speaker
)
stances = _child(
    "stances",
    Column("actor", String(60), nullable=False, index=True),
    Column("target", String(60), nullable=False),
    Column("polarity", String(12), nullable=False),
    Column("cue", String(40), nullable=False),
    Column("evidence", Text, nullable=False),
    Column("date", Date, index=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("basis", String(60)),  # the cue rule
    Column("target_basis", String(60)),  # how the target was found
    Column("inferred", Boolean, nullable=False, default=False),  # the target was inferred
)
commitments = _child(
    "commitments",
    Column("initiative", Text, nullable=False),
    Column("sought", Float),
    Column("pledged_min", Float),
    Column("pledged_max", Float),
    Column("delivered", Float),
    Column("unit", String(40), nullable=False),
    Column("speaker", Text),
    Column("date", Date, index=True),
)
numbers = _child(
    "numbers",
    Column("value", Float, nullable=False),
    Column("unit", String(60)),
    Column("qualifier", String(20)),
    Column("role", String(20)),
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
)
tags = _child(  # what an article is about: country / region / person / topic, for filters
    "tags",
    Column("kind", String(10), nullable=False),
    Column("value", String(200), nullable=False),
)
Index("ix_tags_kind_value", tags.c.kind, tags.c.value)
events = _child(
    "events",
    Column("event_type", String(12), nullable=False, index=True),
    Column("source_actor", Text),
    Column("target_actor", Text),
    Column("location", Text),
    Column("date", Date),
    Column("negated", Boolean, nullable=False),
    Column("hypothetical", Boolean, nullable=False),
    Column("text", Text, nullable=False),
)
lsh_bands = Table(  # MinHash bands for near-duplicate lookup without loading every signature
    "lsh_bands",
    metadata,
    Column("band", Integer, primary_key=True),
    Column("hash", String(40), primary_key=True),
    Column(
        "article_id", String(200), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    ),
)
signatures = Table(
    "signatures",
    metadata,
    Column(
        "article_id", String(200), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    ),
    Column("minhash", LargeBinary, nullable=False),
)
board = Table(  # the cooperation board, kept current by every write
    "board",
    metadata,
    Column("actor", String(60), primary_key=True),
    Column("target", String(60), primary_key=True),
    Column("latest_polarity", String(12), nullable=False),
    Column("previous_polarity", String(12)),
    Column("latest_date", Date),
    Column("n_cooperates", Integer, nullable=False),
    Column("n_refuses", Integer, nullable=False),
    Column("evidence", Text, nullable=False),  # JSON: the newest stances behind the row
)
ingest_errors = Table(
    "ingest_errors",
    metadata,
    Column("row_id", Integer, primary_key=True, autoincrement=True),
    Column("item", Text, nullable=False),
    Column("reason", Text, nullable=False),
    Column("time", String(40), nullable=False),
)
fetch_log = Table(  # every request made on the web, failed ones included
    "fetch_log",
    metadata,
    Column("row_id", Integer, primary_key=True, autoincrement=True),
    Column("url", Text, nullable=False),
    Column("source", Text),
    Column("time", String(40), nullable=False, index=True),
    Column("status", Integer),
    Column("bytes", Integer, nullable=False),
    Column("seconds", Float, nullable=False),
    Column("error", Text),
)
fetch_state = Table(  # validators for conditional GET, per URL fetched whole
    "fetch_state",
    metadata,
    Column("url", String(2000), primary_key=True),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("checked_at", String(40), nullable=False),
)
polls = Table(  # one row per poll of a source: what the sources page shows
    "polls",
    metadata,
    Column("row_id", Integer, primary_key=True, autoincrement=True),
    Column("source", Text, nullable=False, index=True),
    Column("url", Text, nullable=False),
    Column("started", String(40), nullable=False),
    Column("finished", String(40), nullable=False),
    Column("items", Integer, nullable=False),  # entries or pages the source offered
    Column("new", Integer, nullable=False),  # stored by this poll
    Column("failed", Integer, nullable=False),
    Column("error", Text),  # the first failure, for the page
)

FACT_TABLES = (quotes, stances, commitments, numbers, tags, events)
