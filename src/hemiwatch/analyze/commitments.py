"""Commitment tracking: what each initiative sought, was pledged and received, over time."""

from __future__ import annotations

from typing import Any

from hemiwatch.analyze.board import _iso
from hemiwatch.store import Store


def commitments(store: Store) -> list[dict[str, Any]]:
    """One row per stored commitment, oldest first, with its source article."""
    rows = [r for r in store.rows("commitments") if not r["off_topic"]]
    rows.sort(key=lambda r: (str(r["day"] or ""), r["row_id"]))
    return [
        {
            "initiative": r["initiative"],
            "sought": _num(r["sought"]),
            "pledged_min": _num(r["pledged_min"]),
            "pledged_max": _num(r["pledged_max"]),
            "delivered": _num(r["delivered"]),
            "unit": r["unit"],
            "speaker": r["speaker"],
            "article_id": r["article_id"],
            "title": r["title"],
            "date": _iso(r["day"]),
        }
        for r in rows
    ]


def _num(value: float | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value
