"""The relevance gate: a multi-pattern match (Aho-Corasick) that decides, before any parse,
whether an article could be about security in the Americas.

It passes an article that names a country or region of the Americas and has security words;
everything else is off-topic without a parse. Recall first: the full analysis still decides.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

import ahocorasick

from hemiwatch.extract.lexicons import gazetteer
from hemiwatch.extract.topics import AMERICAS, AMERICAS_REGIONS

MIN_TERMS = 2  # distinct security stems


@cache
def _automata() -> tuple[ahocorasick.Automaton, ahocorasick.Automaton]:
    places = ahocorasick.Automaton()
    for surface, place in gazetteer("es").surfaces.items():  # English and Spanish names
        if place.code in AMERICAS or place.code in AMERICAS_REGIONS:
            places.add_word(surface, surface)
    places.make_automaton()
    terms = ahocorasick.Automaton()
    path = resources.files("hemiwatch").joinpath("lexicons").joinpath("gate_terms.txt")
    for line in path.read_text("utf-8").splitlines():
        if not line.startswith("#"):
            for stem in line.split():
                terms.add_word(stem, stem)
    terms.make_automaton()
    return places, terms


def passes(title: str, text: str) -> bool:
    """True when the article deserves a full parse."""
    places, terms = _automata()
    body = f"{title}\n{text}"
    named = False
    for end, surface in places.iter(body):
        start = end - len(surface) + 1
        before = body[start - 1] if start > 0 else " "
        after = body[end + 1] if end + 1 < len(body) else " "
        if not before.isalnum() and not after.isalnum():
            named = True
            break
    if not named:
        return False
    found: set[str] = set()
    for _end, stem in terms.iter(body.lower()):
        found.add(stem)
        if len(found) >= MIN_TERMS:
            return True
    return False
