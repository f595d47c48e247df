"""A takeaway stands alone: 'He underscored ...' becomes 'Marco Rubio underscored ...'."""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan

from hemiwatch.digest.compress import Compressed
from hemiwatch.models import Facts, Person, Span, Takeaway

GENDER = {"he": "male", "she": "female"}
FUNCTION_WORDS = frozenset(
    "we they it he she you the a an this these that those there our their its his her".split()
)


def lower_first(text: str) -> str:
    """A sentence continued after ': ' or '; ' keeps a name's capital and drops a pronoun's."""
    first = text.split(" ", 1)[0]
    return text[0].lower() + text[1:] if first.lower() in FUNCTION_WORDS else text


def _antecedent(facts: Facts, before: int, gender: str) -> tuple[Person, Span] | None:
    """The person mentioned last before `before` whose gender does not contradict."""
    best: tuple[Person, Span] | None = None
    for person in facts.people:
        if person.gender not in (None, gender):
            continue
        for span in person.mentions:
            if span[1] <= before and (best is None or span[0] > best[1][0]):
                best = (person, span)
    return best


def name_subject(short: Compressed, facts: Facts, text: str) -> Takeaway:
    """Replace a leading he/she subject with the name the article last used for that person
    (the mention joins the takeaway's sources); anything else is returned as it is."""
    first = short.text.split(" ", 1)
    if len(first) < 2 or first[0].lower() not in GENDER or not short.sources:
        return Takeaway(text=short.text, sources=short.sources)
    found = _antecedent(facts, short.sources[0][0], GENDER[first[0].lower()])
    if found is None:
        return Takeaway(text=short.text, sources=short.sources)
    _, span = found
    sources = sorted([span, *short.sources])
    return Takeaway(text=f"{text[span[0] : span[1]]} {first[1]}", sources=sources)


def attributed(sent: SpacySpan, short: Compressed, facts: Facts) -> Takeaway | None:
    """A sentence of a direct quote as 'Rubio: we have received commitments for ...', with the
    speaker's mention among the sources; None when the quote has no speaker."""
    lo, hi = sent.start_char, sent.end_char
    for quote in facts.quotes:
        if (
            quote.kind != "direct"
            or not quote.speaker
            or quote.span[1] <= lo
            or quote.span[0] >= hi
        ):
            continue
        surname = quote.speaker.split()[-1]
        body = lower_first(short.text)
        sources = list(short.sources)
        if quote.speaker_span:
            sources = sorted([quote.speaker_span, *sources])
        return Takeaway(text=f"{surname}: {body}", sources=sources)
    return None
