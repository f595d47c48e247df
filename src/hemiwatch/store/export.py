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

from hemiwatch.store.db import Store

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
                "url": article.url,
                "cluster_id": cluster,
                "off_topic": facts.off_topic,
                "countries": ";".join(c.code for c in facts.countries),
                "people": ";".join(p.name for p in facts.people),
                "topics": ";".join(t.label for t in facts.topics),
                "text": article.text,
            }
        )
        base = {"article_id": article.id}
        out["quotes"] += [
            base
            | {
                "kind": q.kind,
                "speaker": q.speaker,
                "speaker_title": q.speaker_title,
                "verb": q.verb,
                "text": q.text,
                "start": q.span[0],
                "end": q.span[1],
            }
            for q in facts.quotes
        ]
        out["stances"] += [
            base
            | {
                "actor": s.actor,
                "target": s.target,
                "polarity": s.polarity,
                "cue": s.cue,
                "date": _iso(s.date),
                "evidence": s.evidence,
            }
            for s in facts.stances
        ]
        out["commitments"] += [
            base
            | {
                "initiative": c.initiative,
                "sought": c.sought,
                "pledged_min": c.pledged_min,
                "pledged_max": c.pledged_max,
                "delivered": c.delivered,
                "unit": c.unit,
                "speaker": c.speaker,
                "date": _iso(c.date),
            }
            for c in facts.commitments
        ]
        out["numbers"] += [
            base
            | {
                "value": n.value,
                "unit": n.unit,
                "qualifier": n.qualifier,
                "role": n.role,
                "text": n.text,
                "start": n.span[0],
                "end": n.span[1],
            }
            for n in facts.numbers
        ]
        out["events"] += [
            base | plover_row(e.model_dump(mode="json"), article.id) for e in facts.events
        ]
    return out


def plover_row(e: dict[str, Any], article_id: str) -> dict[str, Any]:
    return {
        "event_type": e["event_type"],
        "source_actor": e["source_actor"],
        "target_actor": e["target_actor"],
        "location": e["location"],
        "date": e["date"],
        "negated": e["negated"],
        "hypothetical": e["hypothetical"],
        "text": e["text"],
        "article_id": article_id,
    }


def jsonl_lines(store: Store, since: dt.date | None, plover: bool = False) -> Iterator[str]:
    for article, facts, cluster in store.all_articles(since=since):
        if plover:
            for e in facts.events:
                yield json.dumps(
                    plover_row(e.model_dump(mode="json"), article.id), ensure_ascii=False
                )
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
            columns = list(rows[0]) if rows else ["article_id"]
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


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None
