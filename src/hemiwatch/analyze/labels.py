"""How corpus answers name places and figures: shared by briefings and answers."""

from __future__ import annotations

from hemiwatch.extract.lexicons import gazetteer


def place_name(code: str) -> str:
    """ "VE" -> "Venezuela", "region:central_america" -> "Central America"."""
    if code.startswith("region:"):
        return code.split(":", 1)[1].replace("_", " ").title()
    return gazetteer().country_names.get(code, code)


def figure(value: float | None) -> str:
    """5500 -> "5,500"; None -> "?"."""
    if value is None:
        return "?"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"
