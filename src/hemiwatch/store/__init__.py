"""Article + Facts <-> SQLite (default) or PostgreSQL: migrations, dedup, full-text search."""

from hemiwatch.store.db import DEFAULT_URL, Store, open_store

__all__ = ["DEFAULT_URL", "Store", "open_store"]
