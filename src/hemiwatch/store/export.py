"""Exports for researchers' own tools (pandas, R, DuckDB): JSONL, CSV, Parquet, PLOVER.

Columns are documented in docs/export.md.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from hemiwatch.display import plover_row
from hemiwatch.store import schema
from hemiwatch.store.db import Store
from hemiwatch.store.writer import fact_rows

TABLES = ("articles", "quotes", "stances", "commitments", "numbers", "events")


def table_rows(store: Store, since: dt.date | None) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
    for article, facts, cluster in store.all_articles(since=since):
        out["articles"].append(
            {
                "id": article.id,
                "title": article.title,
                "source": article.source,
                "published": _iso(article.published),
                "language": facts.language,
                "url": article.url,
                "cluster_id": cluster,
                "off_topic": facts.off_topic,
                "countries": ";".join(c.code for c in facts.countries),
                "people": ";".join(p.name for p in facts.people),
                "topics": ";".join(t.label for t in facts.topics),
                "text": article.text,
            }
        )
        for table, rows in fact_rows(article, facts).items():
            if table.name in out:
                out[table.name] += [{k: _plain(v) for k, v in r.items()} for r in rows]
    return out


def jsonl_lines(store: Store, since: dt.date | None, plover: bool = False) -> Iterator[str]:
    for article, facts, cluster in store.all_articles(since=since):
        if plover:
            for e in facts.events:
                yield json.dumps(plover_row(e, article.id), ensure_ascii=False)
        else:
            row = {
                "article": article.model_dump(mode="json"),
                "cluster_id": cluster,
                "facts": facts.model_dump(mode="json"),
            }
            yield json.dumps(row, ensure_ascii=False)


def write_tables(store: Store, out: Path, fmt: str, since: dt.date | None) -> list[Path]:
    """One CSV or Parquet file per table in `out`; returns the files written."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, rows in table_rows(store, since).items():
        path = out / f"{name}.{fmt}"
        if fmt == "csv":
            # an empty table still has its header: the columns its rows would have
            columns = list(rows[0]) if rows else _columns(name)
            with path.open("w", newline="", encoding="utf-8") as fh:
                writer = csv.DictWriter(fh, fieldnames=columns)
                writer.writeheader()
                writer.writerows(rows)
        else:
            import pyarrow as pa
            import pyarrow.parquet as pq

            pq.write_table(pa.Table.from_pylist(rows), path)
        written.append(path)
    return written


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _columns(table: str) -> list[str]:
    """The columns of an export table, as its rows carry them (the stored table's, less the
    database's own row id)."""
    if table == "articles":
        return ["id", "title", "source", "published", "language", "url", "cluster_id",
                "off_topic", "countries", "people", "topics", "text"]  # fmt: skip
    return [c.name for c in schema.metadata.tables[table].c if c.name != "row_id"]
