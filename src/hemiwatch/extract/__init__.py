"""Article -> Facts: one fact type per module, each a plain function over a spaCy Doc.

extract_places(doc, skip)           countries.py    countries (ISO) and regions
extract_people(doc, skip)           people.py       full names, titles, gender
extract_numbers(doc, skip)          numbers.py      value, unit, qualifier, role
extract_quotes(ctx, people)        quotes/         direct and indirect, speakers resolved
extract_topics(doc, title, ...)     topics.py       topics with evidence, off_topic
extract_stances(doc, places, ...)   stances.py      who cooperates with / refuses whom
extract_commitments(doc, numbers)   commitments.py  sought vs pledged vs delivered
extract_events(doc, places, ...)    events.py       PLOVER-coded events

Helpers: sides.py (who acts, toward whom), grammar.py
(the English and the Spanish dependency labels read alike), spans.py. The models, label
schemes and lexicon loader are in hemiwatch.nlp; the dateline and quotation marks, read from the
text before any parse, in hemiwatch.prepare.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from hemiwatch.extract.commitments import extract_commitments
    from hemiwatch.extract.countries import extract_places
    from hemiwatch.extract.events import extract_events
    from hemiwatch.extract.numbers import extract_numbers
    from hemiwatch.extract.people import extract_people
    from hemiwatch.extract.quotes import extract_quotes
    from hemiwatch.extract.stances import extract_stances
    from hemiwatch.extract.topics import extract_topics

# The extractors import spaCy; the lexicons beside them do not. Importing the package (as
# `hemiwatch.extract.lexicons` does) loads an extractor only when it is asked for, so the
# commands that only read the store start without spaCy.
_HOME = {
    "extract_commitments": "commitments",
    "extract_events": "events",
    "extract_numbers": "numbers",
    "extract_people": "people",
    "extract_places": "countries",
    "extract_quotes": "quotes",
    "extract_stances": "stances",
    "extract_topics": "topics",
}


def __getattr__(name: str) -> Any:
    if name not in _HOME:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{_HOME[name]}"), name)


__all__ = [
    "extract_commitments",
    "extract_events",
    "extract_numbers",
    "extract_people",
    "extract_places",
    "extract_quotes",
    "extract_stances",
    "extract_topics",
]
