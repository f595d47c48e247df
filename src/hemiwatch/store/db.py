"""The corpus store: articles and their facts in SQLite (default) or PostgreSQL, one interface.

Writes go in one transaction per batch, so an article is stored with all its facts or not at
all; an id already stored is skipped, so ingesting the same input twice changes nothing.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import (
    Connection,
    Engine,
    and_,
    create_engine,
    delete,
    event,
    func,
    insert,
    or_,
    select,
    text,
    tuple_,
)
from sqlalchemy.exc import SQLAlchemyError

from hemiwatch.errors import ConfigError, NotFound, StoreError
from hemiwatch.models import Article, Facts
from hemiwatch.store import dedup, schema
from hemiwatch.store.migrations import migrate

DEFAULT_URL = "sqlite:///hemiwatch.db"
HL_OPEN, HL_CLOSE = "⟦", "⟧"  # marks around matched words in search snippets


def engine_url(url: str) -> str:
    """Accept the URLs people type: postgresql:// means the psycopg 3 driver."""
    if url.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    if not url.startswith(("sqlite:", "postgresql+")):
        raise ConfigError(
            f"unsupported database URL '{url}' (use sqlite:///PATH or postgresql://...)"
        )
    return url


class Store:
    """One database. Open with `open_store(url)`; safe to share across threads."""

    def __init__(self, url: str) -> None:
        self.url = url
        try:
            self.engine: Engine = create_engine(engine_url(url), future=True)
        except (SQLAlchemyError, ImportError) as exc:
            raise ConfigError(f"cannot open database {url}: {exc}") from exc
        self.dialect = self.engine.dialect.name
        if self.dialect == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        with self.transaction() as conn:
            migrate(conn)

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        try:
            with self.engine.begin() as conn:
                yield conn
        except SQLAlchemyError as exc:
            raise StoreError(
                f"database error: {type(exc).__name__}: {exc.args[0] if exc.args else exc}"
            ) from exc

    def close(self) -> None:
        self.engine.dispose()

    # --- writes -------------------------------------------------------------------------------

    def known(self, ids: Sequence[str]) -> set[str]:
        if not ids:
            return set()
        with self.transaction() as conn:
            rows = conn.execute(select(schema.articles.c.id).where(schema.articles.c.id.in_(ids)))
            return set(rows.scalars())

    def add(self, items: Sequence[tuple[Article, Facts]]) -> list[str]:
        """Store articles with their facts in one transaction; returns the ids newly stored."""
        added: list[str] = []
        with self.transaction() as conn:
            present = set(
                conn.execute(
                    select(schema.articles.c.id).where(
                        schema.articles.c.id.in_([a.id for a, _ in items])
                    )
                ).scalars()
            )
            for article, facts in items:
                if article.id in present:
                    continue
                present.add(article.id)
                self._insert(conn, article, facts)
                added.append(article.id)
        return added

    def _insert(self, conn: Connection, article: Article, facts: Facts) -> None:
        mh = dedup.signature(article.text)
        sig = dedup.to_bytes(mh)
        cluster = self._cluster(conn, article.id, mh, sig)
        conn.execute(
            insert(schema.articles).values(
                id=article.id,
                url=article.url,
                url_key=_url_key(article.url),
                content_hash=dedup.content_hash(article.text),
                source=article.source,
                published=article.published,
                title=article.title,
                text=article.text,
                language="en",
                off_topic=facts.off_topic,
                cluster_id=cluster,
                facts=facts.model_dump_json(),
                ingested_at=_now(),
            )
        )
        for table, rows in _fact_rows(article, facts).items():
            if rows:
                conn.execute(insert(table), rows)
        conn.execute(insert(schema.signatures).values(article_id=article.id, minhash=sig))
        conn.execute(
            insert(schema.lsh_bands),
            [{"band": b, "hash": h, "article_id": article.id} for b, h in dedup.bands(mh)],
        )
        if self.dialect == "sqlite":
            conn.execute(
                text("INSERT INTO articles_fts (id, title, text) VALUES (:i, :t, :x)"),
                {"i": article.id, "t": article.title, "x": article.text},
            )
            for q in conn.execute(
                select(schema.quotes.c.row_id, schema.quotes.c.speaker, schema.quotes.c.text).where(
                    schema.quotes.c.article_id == article.id
                )
            ):
                conn.execute(
                    text(
                        "INSERT INTO quotes_fts (row_id, article_id, speaker, text) "
                        "VALUES (:r, :a, :s, :t)"
                    ),
                    {"r": q.row_id, "a": article.id, "s": q.speaker or "", "t": q.text},
                )

    def _cluster(self, conn: Connection, article_id: str, mh: Any, sig: bytes) -> str:
        """The story cluster of the most similar stored article sharing a band, else a new one."""
        keys = dedup.bands(mh)
        candidates = (
            conn.execute(
                select(schema.lsh_bands.c.article_id)
                .where(tuple_(schema.lsh_bands.c.band, schema.lsh_bands.c.hash).in_(keys))
                .distinct()
                .limit(50)
            )
            .scalars()
            .all()
        )
        best, best_sim = None, dedup.THRESHOLD
        for other in candidates:
            row = conn.execute(
                select(schema.signatures.c.minhash).where(schema.signatures.c.article_id == other)
            ).scalar()
            sim = dedup.similarity(sig, row) if row is not None else 0.0
            if sim >= best_sim:
                best, best_sim = other, sim
        if best is None:
            return article_id
        found = conn.execute(
            select(schema.articles.c.cluster_id).where(schema.articles.c.id == best)
        ).scalar()
        return str(found or best)

    def add_error(self, item: str, reason: str) -> None:
        with self.transaction() as conn:
            conn.execute(insert(schema.ingest_errors).values(item=item, reason=reason, time=_now()))

    # --- reads --------------------------------------------------------------------------------

    def count(self) -> int:
        with self.transaction() as conn:
            return int(
                conn.execute(select(func.count()).select_from(schema.articles)).scalar() or 0
            )

    def errors(self) -> list[dict[str, Any]]:
        with self.transaction() as conn:
            rows = conn.execute(
                select(schema.ingest_errors).order_by(schema.ingest_errors.c.row_id)
            )
            return [dict(r._mapping) for r in rows]

    def article(self, article_id: str) -> tuple[Article, Facts, str]:
        """(article, facts, story cluster id); NotFound when absent."""
        with self.transaction() as conn:
            row = conn.execute(
                select(schema.articles).where(schema.articles.c.id == article_id)
            ).first()
        if row is None:
            raise NotFound(f"no article with id '{article_id}'")
        article = Article(
            id=row.id,
            title=row.title,
            text=row.text,
            url=row.url,
            source=row.source,
            published=row.published,
        )
        return article, Facts.model_validate_json(row.facts), row.cluster_id

    def rows(
        self,
        table: str,
        *,
        since: dt.date | None = None,
        until: dt.date | None = None,
        article_ids: Sequence[str] | None = None,
        limit: int | None = None,
        where: Any = None,
    ) -> list[dict[str, Any]]:
        """Fact rows joined with their article's date, title and source, newest first."""
        t = schema.metadata.tables[table]
        a = schema.articles
        day = func.coalesce(t.c.date, a.c.published) if "date" in t.c else a.c.published
        query = select(
            t, a.c.title, a.c.source, a.c.published, a.c.off_topic, a.c.cluster_id, day.label("day")
        ).join(a, a.c.id == t.c.article_id)
        conditions = [
            c
            for c in (
                day >= since if since else None,
                day <= until if until else None,
                t.c.article_id.in_(article_ids) if article_ids is not None else None,
                where,
            )
            if c is not None
        ]
        if conditions:
            query = query.where(and_(*conditions))
        query = query.order_by(day.desc().nulls_last(), t.c.row_id)
        if limit:
            query = query.limit(limit)
        with self.transaction() as conn:
            return [dict(r._mapping) for r in conn.execute(query)]

    def article_ids(
        self,
        *,
        since: dt.date | None = None,
        until: dt.date | None = None,
        country: str | None = None,
        topic: str | None = None,
        on_topic: bool = True,
    ) -> list[str]:
        a, tg = schema.articles, schema.tags
        query = select(a.c.id).order_by(a.c.published.desc().nulls_last(), a.c.id)
        if since:
            query = query.where(a.c.published >= since)
        if until:
            query = query.where(a.c.published <= until)
        if on_topic:
            query = query.where(a.c.off_topic.is_(False))
        for kind, value in (("country", country), ("topic", topic)):
            if value:
                query = query.where(
                    a.c.id.in_(
                        select(tg.c.article_id).where(and_(tg.c.kind == kind, tg.c.value == value))
                    )
                )
        with self.transaction() as conn:
            return list(conn.execute(query).scalars())

    def search(self, query: str, limit: int = 10) -> list[dict[str, Any]]:
        """Articles ranked by full-text relevance, each with a highlighted snippet."""
        terms = _terms(query)
        if not terms:
            return []
        if self.dialect == "sqlite":
            sql = text(
                "SELECT a.id, a.title, a.published, a.source, "
                f"snippet(articles_fts, 2, '{HL_OPEN}', '{HL_CLOSE}', ' … ', 18) AS snippet, "
                "bm25(articles_fts, 0.0, 4.0, 1.0) AS rank "
                "FROM articles_fts JOIN articles a ON a.id = articles_fts.id "
                "WHERE articles_fts MATCH :q ORDER BY rank LIMIT :n"
            )
            params = {"q": " ".join(f'"{t}"' for t in terms), "n": limit}
        else:
            sql = text(
                "SELECT a.id, a.title, a.published, a.source, "
                f"ts_headline('english', a.text, q, 'StartSel={HL_OPEN},StopSel={HL_CLOSE},"
                "MaxWords=24,MinWords=10') "
                "AS snippet, ts_rank(a.tsv, q) AS rank "
                "FROM articles a, plainto_tsquery('english', :q) q "
                "WHERE a.tsv @@ q ORDER BY rank DESC LIMIT :n"
            )
            params = {"q": " ".join(terms), "n": limit}
        with self.transaction() as conn:
            return [dict(r._mapping) for r in conn.execute(sql, params)]

    def quote_rows(
        self,
        *,
        speaker: str | None = None,
        words: str | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
        limit: int = 50,
    ) -> list[dict[str, Any]]:
        q = schema.quotes
        conditions = []
        if speaker:
            conditions.append(func.lower(q.c.speaker).like(f"%{speaker.lower()}%"))
        for term in _terms(words or ""):
            conditions.append(func.lower(q.c.text).like(f"%{term.lower()}%"))
        return self.rows(
            "quotes",
            since=since,
            until=until,
            limit=limit,
            where=and_(*conditions) if conditions else None,
        )

    def all_articles(self, *, since: dt.date | None = None) -> Iterator[tuple[Article, Facts, str]]:
        """Every stored article with its facts, oldest first, streamed."""
        a = schema.articles
        query = select(a).order_by(a.c.published.nulls_first(), a.c.id)
        if since:
            query = query.where(a.c.published >= since)
        with self.engine.connect() as conn:
            for row in conn.execution_options(yield_per=500).execute(query):
                yield (
                    Article(
                        id=row.id,
                        title=row.title,
                        text=row.text,
                        url=row.url,
                        source=row.source,
                        published=row.published,
                    ),
                    Facts.model_validate_json(row.facts),
                    row.cluster_id,
                )

    def delete_all(self) -> None:
        """Empty the store (tests and benchmarks)."""
        with self.transaction() as conn:
            if self.dialect == "sqlite":
                conn.execute(text("DELETE FROM articles_fts"))
                conn.execute(text("DELETE FROM quotes_fts"))
            for table in (
                *schema.FACT_TABLES,
                schema.lsh_bands,
                schema.signatures,
                schema.articles,
                schema.ingest_errors,
            ):
                conn.execute(delete(table))


def open_store(url: str | None = None) -> Store:
    return Store(url or DEFAULT_URL)


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    for pragma in (
        "journal_mode=WAL",
        "busy_timeout=30000",
        "foreign_keys=ON",
        "synchronous=NORMAL",
    ):
        cur.execute(f"PRAGMA {pragma}")
    cur.close()


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _terms(query: str) -> list[str]:
    import re

    return re.findall(r"\w+", query)[:12]


def _url_key(url: str | None) -> str | None:
    from hemiwatch.ingest.identity import normalize_url

    return normalize_url(url) if url else None


def _fact_rows(article: Article, facts: Facts) -> dict[Any, list[dict[str, Any]]]:
    aid = article.id
    tags = (
        [("country", c.code) for c in facts.countries]
        + [("region", r.slug) for r in facts.regions]
        + [("person", p.name) for p in facts.people]
        + [("topic", t.label) for t in facts.topics]
    )
    return {
        schema.quotes: [
            {
                "article_id": aid,
                "kind": q.kind,
                "speaker": q.speaker,
                "speaker_title": q.speaker_title,
                "verb": q.verb,
                "text": q.text,
                "start": q.span[0],
                "end": q.span[1],
            }
            for q in facts.quotes
        ],
        schema.stances: [
            {
                "article_id": aid,
                "actor": s.actor,
                "target": s.target,
                "polarity": s.polarity,
                "cue": s.cue,
                "evidence": s.evidence,
                "date": s.date,
                "start": s.span[0],
                "end": s.span[1],
            }
            for s in facts.stances
        ],
        schema.commitments: [
            {
                "article_id": aid,
                "initiative": c.initiative,
                "sought": c.sought,
                "pledged_min": c.pledged_min,
                "pledged_max": c.pledged_max,
                "delivered": c.delivered,
                "unit": c.unit,
                "speaker": c.speaker,
                "date": c.date,
            }
            for c in facts.commitments
        ],
        schema.numbers: [
            {
                "article_id": aid,
                "value": n.value,
                "unit": n.unit,
                "qualifier": n.qualifier,
                "role": n.role,
                "text": n.text,
                "start": n.span[0],
                "end": n.span[1],
            }
            for n in facts.numbers
        ],
        schema.tags: [{"article_id": aid, "kind": k, "value": v} for k, v in dict.fromkeys(tags)],
        schema.events: [
            {
                "article_id": aid,
                "event_type": e.event_type,
                "source_actor": e.source_actor,
                "target_actor": e.target_actor,
                "location": e.location,
                "date": e.date,
                "negated": e.negated,
                "hypothetical": e.hypothetical,
                "text": e.text,
            }
            for e in facts.events
        ],
    }


_ = (or_, json)
