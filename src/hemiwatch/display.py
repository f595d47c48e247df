"""How values leave hemiwatch for people and programs: figures, place names, PLOVER rows.
Shared by the terminal, the dashboard, briefings, answers and exports."""

from __future__ import annotations

from typing import Any

from hemiwatch.extract.lexicons import gazetteer
from hemiwatch.models import Event


def place_name(code: str) -> str:
    """ "VE" -> "Venezuela", "region:central_america" -> "Central America"."""
    if code.startswith("region:"):
        return code.split(":", 1)[1].replace("_", " ").title()
    return gazetteer().country_names.get(code, code)


def figure(value: float | str | None, missing: str = "?") -> str:
    """5500 -> "5,500", 1.25 -> "1.25"; None (or "") -> `missing`."""
    if value is None or value == "":
        return missing
    number = float(value)
    return f"{number:,.0f}" if number.is_integer() else f"{number:,}"


def plover_row(event: Event, article_id: str) -> dict[str, Any]:
    """One PLOVER event as event-data tools read it (`analyze --format plover`, `export
    --format plover`)."""
    return {
        "event_type": event.event_type,
        "source_actor": event.source_actor,
        "target_actor": event.target_actor,
        "location": event.location,
        "date": event.date.isoformat() if event.date else None,
        "negated": event.negated,
        "hypothetical": event.hypothetical,
        "trigger": event.trigger,
        "text": event.text,
        "span": list(event.span),
        "article_id": article_id,
        "basis": event.basis,
    }
