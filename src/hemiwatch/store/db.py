"""The corpus store: articles and their facts in SQLite (default) or PostgreSQL, one interface.

Writes go in one transaction per batch, so an article is stored with all its facts or not at
all; an id already stored is skipped, so ingesting the same input twice changes nothing.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import (
    Connection,
    Engine,
    and_,
    case,
    create_engine,
    delete,
    event,
    func,
    insert,
    literal_column,
    or_,
    select,
    text,
    update,
)
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from hemiwatch.errors import ConfigError, NotFound, StoreError
from hemiwatch.models import Article, Facts
from hemiwatch.store import schema
from hemiwatch.store.migrations import migrate
from hemiwatch.store.writer import rebuild_board, write_batch

DEFAULT_URL = "sqlite:///hemiwatch.db"
HL_OPEN, HL_CLOSE = "⟦", "⟧"  # marks around matched words in search snippets
SEARCH_WINDOW = 1000  # newest matches ranked by relevance


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
        for attempt in range(20):
            try:
                with self.transaction() as conn:
                    migrate(conn)
                break
            except StoreError as exc:
                # SQLite runs DDL outside the transaction: when two processes create the same
                # new database at once, the slower one fails and, once the other is done,
                # finds every table in place
                if attempt == 19 or not any(
                    word in str(exc) for word in ("already exists", "locked", "UNIQUE")
                ):
                    raise
                time.sleep(0.25 + 0.05 * attempt)

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

    def known(self, ids: Sequence[str]) -> dict[str, str]:
        """The content hash of each of these ids that is stored."""
        if not ids:
            return {}
        a = schema.articles.c
        with self.transaction() as conn:
            rows = conn.execute(select(a.id, a.content_hash).where(a.id.in_(ids)))
            return {r.id: r.content_hash for r in rows}

    def add(self, items: Sequence[tuple[Article, Facts]]) -> list[str]:
        """Store articles with their facts in one transaction; returns the ids newly stored.

        An id another writer stores between this batch's check and its insert (two ingests of
        one folder, the CLI and the API at once) fails the transaction; it is tried again, and
        the articles stored meanwhile count as already there."""
        for attempt in range(3):
            try:
                with self.transaction() as conn:
                    return write_batch(conn, items)
            except StoreError as exc:
                if attempt == 2 or not isinstance(exc.__cause__, IntegrityError):
                    raise
        return []

    def set_relevance(self, article_id: str, decision: str | None) -> bool:
        """An analyst's decision on an article: "on" (about security in the Americas), "off",
        or None (hemiwatch's own again). The board is folded again for the article's pairs, and
        the brief, the map and the answers follow. Returns whether it is off-topic now."""
        if decision not in {"on", "off", None}:
            raise ConfigError(f"relevance is 'on', 'off' or none, not {decision!r}")
        _, facts, _ = self.article(article_id)
        off = facts.off_topic if decision is None else decision == "off"
        a, st = schema.articles, schema.stances
        with self.transaction() as conn:
            conn.execute(
                update(a).where(a.c.id == article_id).values(off_topic=off, relevance=decision)
            )
            pairs = conn.execute(
                select(st.c.actor, st.c.target).where(st.c.article_id == article_id).distinct()
            )
            rebuild_board(conn, {(r.actor, r.target) for r in pairs})
        return off

    def add_error(self, item: str, reason: str) -> None:
        """Record why an item was not stored (text any database takes, however odd the item)."""
        row = {"item": _storable(item), "reason": _storable(reason), "time": _now()}
        with self.transaction() as conn:
            conn.execute(insert(schema.ingest_errors).values(**row))

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
        if _storable(article_id) != article_id:  # a NUL or a lone surrogate: no article has it
            raise NotFound(f"no article with id {article_id!r}")
        with self.transaction() as conn:
            row = conn.execute(
                select(schema.articles).where(schema.articles.c.id == article_id)
            ).first()
        if row is None:
            raise NotFound(f"no article with id '{article_id}'")
        return _stored(row)

    def rows(
        self,
        table: str,
        *,
        since: dt.date | None = None,
        until: dt.date | None = None,
        article_ids: Sequence[str] | None = None,
        limit: int | None = None,
        offset: int = 0,
        where: Any = None,
        countries: Sequence[str] | None = None,
        topic: str | None = None,
    ) -> list[dict[str, Any]]:
        """Fact rows joined with their article's date, title and source, newest first.

        `countries`: only articles that mention one of these ISO codes; `topic`: only articles
        with this topic.
        """
        t = schema.metadata.tables[table]
        a = schema.articles
        extra = [a.c.title, a.c.source, a.c.published, a.c.off_topic, a.c.cluster_id, a.c.language]
        if "day" in t.c:
            day: Any = t.c.day  # indexed: newest-first queries walk the index
        else:
            day = func.coalesce(t.c.date, a.c.published) if "date" in t.c else a.c.published
            extra.append(day.label("day"))
        query = select(t, *extra).join(a, a.c.id == t.c.article_id)
        conditions = [
            c
            for c in (
                day >= since if since else None,
                day <= until if until else None,
                t.c.article_id.in_(article_ids) if article_ids is not None else None,
                where,
                t.c.article_id.in_(
                    select(schema.tags.c.article_id).where(
                        and_(schema.tags.c.kind == "country", schema.tags.c.value.in_(countries))
                    )
                )
                if countries
                else None,
                t.c.article_id.in_(_tagged("topic", topic)) if topic else None,
            )
            if c is not None
        ]
        if conditions:
            query = query.where(and_(*conditions))
        query = query.order_by(day.desc().nulls_last(), t.c.row_id)
        if limit:
            query = query.limit(limit)
        if offset:
            query = query.offset(offset)
        with self.transaction() as conn:
            return [dict(r._mapping) for r in conn.execute(query)]

    def board_rows(self, country: str | None = None) -> list[dict[str, Any]]:
        b = schema.board
        query = select(b).order_by(b.c.actor, b.c.target)
        if country:
            query = query.where(or_(b.c.actor == country, b.c.target == country))
        with self.transaction() as conn:
            return [dict(r._mapping) for r in conn.execute(query)]

    def board_support(
        self, country: str | None = None
    ) -> dict[tuple[str, str, str], dict[str, int]]:
        """Per (actor, target, polarity): how many distinct stories (clusters, so wire copies
        count once) report it, and how many of its stances name the target or infer it."""
        st, a = schema.stances, schema.articles
        query = (
            select(
                st.c.actor,
                st.c.target,
                st.c.polarity,
                func.count(func.distinct(a.c.cluster_id)).label("sources"),
                func.count().label("stances"),
                func.sum(case((st.c.inferred.is_(True), 1), else_=0)).label("inferred"),
            )
            .join(a, a.c.id == st.c.article_id)
            .where(a.c.off_topic.is_(False))
            .group_by(st.c.actor, st.c.target, st.c.polarity)
        )
        if country:
            query = query.where(or_(st.c.actor == country, st.c.target == country))
        with self.transaction() as conn:
            return {
                (r.actor, r.target, r.polarity): {
                    "sources": int(r.sources),
                    "inferred": int(r.inferred or 0),
                    "explicit": int(r.stances) - int(r.inferred or 0),
                }
                for r in conn.execute(query)
            }

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

    def article_page(
        self,
        *,
        limit: int = 50,
        offset: int = 0,
        country: str | None = None,
        topic: str | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
    ) -> tuple[list[dict[str, Any]], int]:
        """(one page of article summaries newest first, how many match in all)."""
        a = schema.articles
        conditions = [
            c
            for c in (
                a.c.published >= since if since else None,
                a.c.published <= until if until else None,
                a.c.id.in_(_tagged("country", country)) if country else None,
                a.c.id.in_(_tagged("topic", topic)) if topic else None,
            )
            if c is not None
        ]
        where = and_(*conditions) if conditions else None
        columns = [a.c.id, a.c.title, a.c.source, a.c.published, a.c.off_topic, a.c.cluster_id]
        page = select(*columns).order_by(a.c.published.desc().nulls_last(), a.c.id)
        total = select(func.count()).select_from(a)
        if where is not None:
            page, total = page.where(where), total.where(where)
        with self.transaction() as conn:
            rows = [dict(r._mapping) for r in conn.execute(page.limit(limit).offset(offset))]
            return rows, int(conn.execute(total).scalar() or 0)

    def search(self, query: str, limit: int = 10) -> list[dict[str, Any]]:
        """Articles ranked by full-text relevance among the newest 1,000 stored matches, each with
        a highlighted snippet."""
        terms = _terms(query)
        if not terms:
            return []
        if self.dialect == "sqlite":
            # Rank (FTS5 bm25, titles weighted 4x) the newest WINDOW matches only: ranking every
            # match of a common word is what makes search slow on a large corpus.
            sql = text(
                "WITH recent AS (SELECT rowid AS rid, rank FROM articles_fts "
                "WHERE articles_fts MATCH :q ORDER BY rowid DESC LIMIT :window), "
                "top AS (SELECT rid, rank FROM recent ORDER BY rank LIMIT :n) "
                "SELECT a.id, a.title, a.published, a.source, "
                f"snippet(articles_fts, 2, '{HL_OPEN}', '{HL_CLOSE}', ' … ', 18) AS snippet, "
                "top.rank AS rank FROM articles_fts JOIN top ON articles_fts.rowid = top.rid "
                "JOIN articles a ON a.id = articles_fts.id "
                "WHERE articles_fts MATCH :q ORDER BY top.rank"
            )
            params = {"q": " ".join(f'"{t}"' for t in terms), "n": limit, "window": SEARCH_WINDOW}
        else:
            sql = text(
                "WITH q AS (SELECT plainto_tsquery('english', :q) AS q), "
                "recent AS (SELECT a.id FROM articles a, q WHERE a.tsv @@ q.q "
                "ORDER BY a.published DESC NULLS LAST LIMIT :window), "
                "top AS (SELECT a.id, ts_rank(a.tsv, q.q) AS rank FROM articles a "
                "JOIN recent r ON r.id = a.id, q ORDER BY rank DESC LIMIT :n) "
                "SELECT a.id, a.title, a.published, a.source, "
                f"ts_headline('english', a.text, q.q, 'StartSel={HL_OPEN},StopSel={HL_CLOSE},"
                "MaxWords=24,MinWords=10') AS snippet, top.rank AS rank "
                "FROM top JOIN articles a ON a.id = top.id, q ORDER BY top.rank DESC"
            )
            params = {"q": " ".join(terms), "n": limit, "window": SEARCH_WINDOW}
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
        offset: int = 0,
        country: str | None = None,
        topic: str | None = None,
    ) -> list[dict[str, Any]]:
        """Quotes by speaker (part of the name) and words, newest first, via the full-text index;
        `country` and `topic` keep quotes from articles tagged with them."""
        q = schema.quotes
        speaker_terms, word_terms = _terms(speaker or ""), _terms(words or "")
        conditions: list[Any] = [
            func.lower(q.c.speaker).like(f"%{t.lower()}%") for t in speaker_terms
        ]
        if speaker_terms or word_terms:
            if self.dialect == "sqlite":
                match = " AND ".join(
                    [f'speaker : "{t}"' for t in speaker_terms] + [f'"{t}"' for t in word_terms]
                )
                hits: Any = (
                    select(literal_column("rowid"))
                    .select_from(text("quotes_fts"))
                    .where(text("quotes_fts MATCH :match").bindparams(match=match))
                )
                conditions.append(q.c.row_id.in_(hits))
            else:
                query = " ".join(speaker_terms + word_terms)
                conditions.append(
                    text("quotes.tsv @@ plainto_tsquery('english', :fts)").bindparams(fts=query)
                )
        return self.rows(
            "quotes",
            since=since,
            until=until,
            limit=limit,
            offset=offset,
            where=and_(*conditions) if conditions else None,
            countries=[country] if country else None,
            topic=topic,
        )

    def all_articles(self, *, since: dt.date | None = None) -> Iterator[tuple[Article, Facts, str]]:
        """Every stored article with its facts, oldest first, streamed."""
        a = schema.articles
        query = select(a).order_by(a.c.published.nulls_first(), a.c.id)
        if since:
            query = query.where(a.c.published >= since)
        with self.engine.connect() as conn:
            for row in conn.execution_options(yield_per=500).execute(query):
                yield _stored(row)

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
                schema.board,
                schema.articles,
                schema.ingest_errors,
            ):
                conn.execute(delete(table))


def _tagged(kind: str, value: str) -> Any:
    """The ids of articles with this tag (a country code or a topic)."""
    tg = schema.tags
    return select(tg.c.article_id).where(and_(tg.c.kind == kind, tg.c.value == value))


def _stored(row: Any) -> tuple[Article, Facts, str]:
    """(article, facts, story cluster) from an articles row."""
    article = Article(
        id=row.id,
        title=row.title,
        text=row.text,
        url=row.url,
        source=row.source,
        published=row.published,
    )
    return article, Facts.model_validate_json(row.facts), str(row.cluster_id)


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


def _storable(text: str) -> str:
    """No NUL (PostgreSQL refuses it) and no lone surrogate (no driver encodes it)."""
    return text.replace("\x00", "\\0").encode("utf-8", "backslashreplace").decode("utf-8")


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _terms(query: str) -> list[str]:
    import re

    return re.findall(r"\w+", query)[:12]
