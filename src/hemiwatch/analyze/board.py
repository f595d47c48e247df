"""The cooperation board: per country, its latest stance toward each partner, the trend, and the
evidence behind it."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from hemiwatch.store import Store


def board(store: Store, country: str | None = None) -> list[dict[str, Any]]:
    """One row per (country, target): latest stance first in time order of evidence.

    trend: "steady" when every stance agrees, "improving" when the latest cooperates after a
    refusal, "worsening" when the latest refuses after cooperation, "mixed" otherwise.
    """
    rows = store.rows("stances")
    pairs: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        if r["off_topic"] or (country and country not in {r["actor"], r["target"]}):
            continue
        pairs[(r["actor"], r["target"])].append(r)
    out = []
    for (actor, target), found in pairs.items():
        found.sort(key=lambda r: (str(r["day"] or ""), r["row_id"]), reverse=True)
        latest = found[0]["polarity"]
        earlier = {r["polarity"] for r in found[1:]}
        if not earlier or earlier == {latest}:
            trend = "steady"
        elif latest == "cooperates" and "refuses" in earlier:
            trend = "improving" if earlier == {"refuses"} else "mixed"
        else:
            trend = "worsening" if earlier == {"cooperates"} else "mixed"
        out.append(
            {
                "country": actor,
                "stance": latest,
                "target": target,
                "trend": trend,
                "count": len(found),
                "evidence": [
                    {
                        "article_id": r["article_id"],
                        "date": _iso(r["day"]),
                        "sentence": r["evidence"],
                        "polarity": r["polarity"],
                        "cue": r["cue"],
                        "span": [r["start"], r["end"]],
                    }
                    for r in found[:5]
                ],
            }
        )
    out.sort(key=lambda r: (r["country"], r["target"]))
    return out


def _iso(day: Any) -> str | None:
    return day.isoformat() if hasattr(day, "isoformat") else (str(day) if day else None)
