"""What fetching leaves in the store: every request (fetch_log), the validators for
conditional GET (fetch_state), each poll of a source (polls), and which article URLs are
stored already, so that no page is fetched twice."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, insert, select

from hemiwatch.store import schema
from hemiwatch.store.db import Store, _storable


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds")


@dataclass(frozen=True)
class Poll:
    source: str
    url: str
    started: str
    items: int
    new: int
    failed: int
    error: str | None = None


class FetchLog:
    """The fetching tables of one store."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def request(
        self,
        url: str,
        source: str | None,
        status: int | None,
        size: int,
        seconds: float,
        error: str | None,
    ) -> None:
        row = {
            "url": _storable(url),
            "source": _storable(source) if source else None,
            "time": now(),
            "status": status,
            "bytes": size,
            "seconds": round(seconds, 4),
            "error": _storable(error) if error else None,
        }
        with self.store.transaction() as conn:
            conn.execute(insert(schema.fetch_log).values(**row))

    def validators(self, url: str) -> tuple[str | None, str | None]:
        """(ETag, Last-Modified) last seen for a URL fetched whole."""
        s = schema.fetch_state.c
        with self.store.transaction() as conn:
            row = conn.execute(select(s.etag, s.last_modified).where(s.url == url)).first()
        return (row.etag, row.last_modified) if row else (None, None)

    def remember(self, url: str, etag: str | None, modified: str | None) -> None:
        """Keep a URL's validators (or forget them: None, None), for the next poll."""
        table = schema.fetch_state
        with self.store.transaction() as conn:
            conn.execute(delete(table).where(table.c.url == url))
            if etag or modified:
                conn.execute(
                    insert(table).values(
                        url=url, etag=etag, last_modified=modified, checked_at=now()
                    )
                )

    def stored_urls(self, keys: Sequence[str]) -> set[str]:
        """Which of these normalised URLs an article is stored under."""
        if not keys:
            return set()
        a = schema.articles.c
        with self.store.transaction() as conn:
            rows = conn.execute(select(a.url_key).where(a.url_key.in_(list(keys))))
            return {r.url_key for r in rows}

    def poll(self, poll: Poll) -> None:
        with self.store.transaction() as conn:
            conn.execute(
                insert(schema.polls).values(
                    source=_storable(poll.source),
                    url=_storable(poll.url),
                    started=poll.started,
                    finished=now(),
                    items=poll.items,
                    new=poll.new,
                    failed=poll.failed,
                    error=_storable(poll.error)[:500] if poll.error else None,
                )
            )

    def latest_polls(self) -> list[dict[str, Any]]:
        """The last poll of every source, with its totals over all polls, newest first."""
        p = schema.polls.c
        with self.store.transaction() as conn:
            last = (
                select(p.source, func.max(p.row_id).label("row_id")).group_by(p.source).subquery()
            )
            totals = (
                select(
                    p.source,
                    func.count().label("polls"),
                    func.sum(p.new).label("stored"),
                    func.sum(p.failed).label("failures"),
                )
                .group_by(p.source)
                .subquery()
            )
            rows = conn.execute(
                select(schema.polls, totals.c.polls, totals.c.stored, totals.c.failures)
                .join(last, last.c.row_id == p.row_id)
                .join(totals, totals.c.source == p.source)
                .order_by(p.finished.desc())
            )
            return [dict(r._mapping) for r in rows]

    def requests(self, limit: int = 100) -> list[dict[str, Any]]:
        f = schema.fetch_log.c
        with self.store.transaction() as conn:
            rows = conn.execute(select(schema.fetch_log).order_by(f.row_id.desc()).limit(limit))
            return [dict(r._mapping) for r in rows]
