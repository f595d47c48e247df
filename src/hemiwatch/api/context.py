"""What every request handler shares: the store, the settings, the write token and locks."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from fastapi import Request

from hemiwatch.api.security import RateLimit
from hemiwatch.config import Settings
from hemiwatch.errors import IngestError
from hemiwatch.ingest.run import conflict_id, settle
from hemiwatch.models import Article, Facts
from hemiwatch.store import Store
from hemiwatch.store.dedup import content_hash


@dataclass
class Context:
    store: Store
    settings: Settings
    token: str | None
    rate: RateLimit
    # one parse and one write at a time in this process: spaCy's pipeline is not promised to be
    # thread-safe, and serial writes keep SQLite from ever answering "database is locked"
    parse_lock: threading.Lock = field(default_factory=threading.Lock)
    write_lock: threading.Lock = field(default_factory=threading.Lock)

    def save(self, article: Article) -> tuple[str, bool, Facts]:
        """(id, stored now?, facts): the same article already stored is left as it is; an id
        held by other content is a conflict, and the article is stored under its conflict id."""
        digest = content_hash(article.text)
        held = self.store.known([article.id, conflict_id(article.id, digest)])
        settled = settle(article, digest, held)
        if isinstance(settled, str):
            if settled != "same":
                raise IngestError(article.id, settled)
            same = article.id if held.get(article.id) == digest else conflict_id(article.id, digest)
            _, facts, _ = self.store.article(same)
            return same, False, facts
        from hemiwatch.pipeline import analyze  # the model loads with the first write

        with self.parse_lock:
            facts = analyze(settled, self.settings)
        with self.write_lock:
            added = self.store.add([(settled, facts)])
        return settled.id, bool(added), facts


def context(request: Request) -> Context:
    ctx: Context = request.app.state.ctx
    return ctx
