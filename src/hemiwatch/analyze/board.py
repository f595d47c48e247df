"""The cooperation board: per country, its latest stance toward each partner, the trend, and the
evidence behind it."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from hemiwatch.store import Store


def board(store: Store, country: str | None = None) -> list[dict[str, Any]]:
    """One row per (country, partner): the latest stance, its trend and the newest evidence.

    inferred: the latest stance's target was inferred, not read in its sentence (see
    hemiwatch.rules), so the board marks it. sources: the distinct stories (clusters: wire
    copies count once) behind the latest polarity; explicit / inferred_count: its stances that
    read the target in the text or inferred it; weak: one story and nothing explicit.
    trend: "steady" when every stance agrees, "improving" when the latest cooperates after a
    refusal, "worsening" when the latest refuses after cooperation, "mixed" otherwise.
    """
    out = []
    support = store.board_support(country)
    for r in store.board_rows(country):
        latest, previous = r["latest_polarity"], r["previous_polarity"]
        other = r["n_refuses"] if latest == "cooperates" else r["n_cooperates"]
        if other == 0:
            trend = "steady"
        elif previous and previous != latest:
            trend = "improving" if latest == "cooperates" else "worsening"
        else:
            trend = "mixed"
        evidence = json.loads(r["evidence"])
        backing = support.get((r["actor"], r["target"], latest), {})
        sources, explicit = backing.get("sources", 0), backing.get("explicit", 0)
        out.append(
            {
                "country": r["actor"],
                "stance": latest,
                "target": r["target"],
                "trend": trend,
                "count": r["n_cooperates"] + r["n_refuses"],
                "latest_date": _iso(r["latest_date"]),
                "inferred": bool(evidence and evidence[0].get("inferred")),
                "sources": sources,
                "explicit": explicit,
                "inferred_count": backing.get("inferred", 0),
                "weak": sources <= 1 and explicit == 0,
                "target_basis": evidence[0].get("target_basis") if evidence else None,
                "evidence": evidence,
            }
        )
    return out


def latest_polarity(rows: Iterable[dict[str, Any]]) -> dict[tuple[str, str], str]:
    """Per (actor, target), the polarity of its newest stance, from stance rows newest first
    (as `Store.rows` returns them): the rule the stored board follows, for any subset."""
    out: dict[tuple[str, str], str] = {}
    for r in rows:
        out.setdefault((r["actor"], r["target"]), r["polarity"])
    return out


def _iso(day: Any) -> str | None:
    return day.isoformat() if hasattr(day, "isoformat") else (str(day) if day else None)
