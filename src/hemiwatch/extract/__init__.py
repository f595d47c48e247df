"""Article -> Facts: one fact type per module, each a plain function over a spaCy Doc.

extract_dateline(text, published)  dateline.py
extract_places(doc, skip)          countries.py   countries (ISO) and regions
extract_people(doc, skip)          people.py      full names, titles, gender
extract_numbers(doc, skip)         numbers.py     value, unit, qualifier, role
extract_quotes(doc, people)        quotes.py      direct and indirect, speakers resolved
"""

from hemiwatch.extract.countries import extract_places
from hemiwatch.extract.dateline import extract_dateline
from hemiwatch.extract.nlp import load_model
from hemiwatch.extract.numbers import extract_numbers
from hemiwatch.extract.people import extract_people
from hemiwatch.extract.quotes import extract_quotes
from hemiwatch.extract.topics import extract_topics

__all__ = [
    "extract_dateline",
    "extract_numbers",
    "extract_people",
    "extract_places",
    "extract_quotes",
    "extract_topics",
    "load_model",
]
