"""What every request handler shares: the store, the settings, the write token and locks."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from fastapi import Request

from hemiwatch.api.security import RateLimit
from hemiwatch.config import Settings
from hemiwatch.models import Article, Facts
from hemiwatch.store import Store


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

    def save(self, article: Article) -> tuple[bool, Facts]:
        """(stored now?, facts): an id already stored is left as it is."""
        if self.store.known([article.id]):
            _, facts, _ = self.store.article(article.id)
            return False, facts
        from hemiwatch.pipeline import analyze  # the model loads with the first write

        with self.parse_lock:
            facts = analyze(article, self.settings)
        with self.write_lock:
            added = self.store.add([(article, facts)])
        return bool(added), facts


def context(request: Request) -> Context:
    ctx: Context = request.app.state.ctx
    return ctx
