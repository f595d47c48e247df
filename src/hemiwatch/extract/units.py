"""What a figure counts: the class of its head noun (lexicons/units.tsv) and whether it is a
claim at all (lexicons/not_claims.txt: distances, floors, phases are no claims)."""

from __future__ import annotations

from functools import cache
from importlib import resources

from hemiwatch.extract.lexicons import _lines, gazetteer


@cache
def unit_index() -> dict[str, str]:
    """Head noun (lower case) -> its class: "troops" -> personnel, «lanchas» -> vessels."""
    text = resources.files("hemiwatch").joinpath("lexicons").joinpath("units.tsv")
    out: dict[str, str] = {}
    for line in text.read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            canon, names = line.split("\t")
            out |= {n.lower(): canon for n in names.split(";")}
    return out


@cache
def not_claims() -> frozenset[str]:
    return frozenset(w for line in _lines("not_claims.txt") for w in line.split())


@cache
def _demonyms() -> frozenset[str]:
    """Plural demonyms as nouns of people: "Cubans", "Hondurans", «haitianos», «hondureñas»."""
    out: set[str] = set()
    for language in ("en", "es"):
        for surface, place in gazetteer(language).surfaces.items():
            if place.kind != "demonym":
                continue
            low = surface.lower()
            out.add(low if low.endswith("s") else low + "s")
            if low.endswith("o"):
                out |= {low[:-1] + "os", low[:-1] + "as"}
            elif low.endswith(("n", "s", "l", "z")) and not low.endswith("s"):
                out |= {low + "es"}
    return frozenset(out)


def unit_class(unit: str | None) -> str | None:
    """The class a head noun belongs to, or None when the lexicon does not know it."""
    if not unit:
        return None
    low = unit.lower()
    if low in unit_index():
        return unit_index()[low]
    last = low.split()[-1] if " " in low else low
    if last in unit_index():
        return unit_index()[last]
    if low in _demonyms():
        return "people"
    return None


def canonical_unit(unit: str | None) -> str | None:
    """The class of a unit, else the unit itself in lower case (commitments compare these)."""
    if unit is None:
        return None
    return unit_class(unit) or unit.lower()


def is_claim(unit: str | None, value: float) -> bool:
    """Is a figure of this unit a claim? Not a distance, a floor, a phase; not the "two
    nations" of an agreement (a count of countries is a claim from three on)."""
    if not unit:
        return True
    low = unit.lower()
    if low in not_claims() or low.split()[-1] in not_claims():
        return False
    return not (unit_class(low) == "countries" and value <= 2)
