"""Commitments: what an initiative sought against what was pledged (and delivered).

Built from the numeric claims: a figure whose role is "sought" pairs with the nearest "pledged"
figure of the same canonical unit (troops, forces and police officers are all personnel), within
a few sentences. Only an article that states both sides gives a commitment.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right

from spacy.tokens import Doc, Token

from hemiwatch.extract.context import Context
from hemiwatch.extract.units import canonical_unit
from hemiwatch.models import Commitment, CountryMention, NumberClaim, Quote
from hemiwatch.models import Span as CharSpan
from hemiwatch.nlp import sentence_of

MAX_SENTENCES_APART = 8  # a lead's request and the pledges reported further down
AT_LEAST = {"at least", "more than", "over", "al menos", "más de", "por lo menos"}
_SKIP_INITIATIVE = {"PRON", "PROPN", "NUM"}


def extract_commitments(
    ctx: Context,
    numbers: list[NumberClaim],
    quotes: list[Quote],
    countries: list[CountryMention],
) -> list[Commitment]:
    """One commitment per sought figure that a pledged figure of the same unit answers."""
    doc, date = ctx.doc, ctx.date
    starts = [s.start_char for s in doc.sents]
    sentence_of = {n.span: bisect_right(starts, n.span[0]) for n in numbers}
    pledged = [n for n in numbers if n.role == "pledged"]
    delivered = [n for n in numbers if n.role == "delivered"]
    used: set[CharSpan] = set()
    out = []
    for ask in (n for n in numbers if n.role == "sought"):
        unit = canonical_unit(ask.unit)
        candidates = [
            p
            for p in pledged
            if p.span not in used
            and canonical_unit(p.unit) == unit
            and abs(sentence_of[p.span] - sentence_of[ask.span]) <= MAX_SENTENCES_APART
        ]
        if not candidates:
            if _collective(doc, ask):  # "the force ... well short of the 2,500 it had hoped for"
                out.append(_target_only(doc, ask, unit, quotes, date))
            continue
        answer = min(candidates, key=lambda p: abs(p.span[0] - ask.span[0]))
        used.add(answer.span)
        done = next((d for d in delivered if canonical_unit(d.unit) == unit), None)
        low = answer.value if answer.qualifier in AT_LEAST else None
        out.append(
            Commitment(
                initiative=_initiative(doc, ask),
                sought=ask.value,
                pledged_min=low,
                pledged_max=None if low is not None else answer.value,
                qualifier=answer.qualifier,
                delivered=done.value if done else None,
                unit=unit or "",
                speaker=_speaker(quotes, ask.span) or _speaker(quotes, answer.span),
                date=date,
                pledgers=_pledgers(doc, answer, countries),
                evidence=[ask.span, answer.span] + ([done.span] if done else []),
                basis="commitment.sought_pledged",
            )
        )
    return out


# a collective effort: a target with no pledged total is still a commitment when it is a
# force's, a mission's or a fund's; one country's own aim is not (the real-news convention)
COLLECTIVE = frozenset(
    """force mission coalition multinational fund appeal alliance fuerza misión coalición
    multinacional fondo llamamiento alianza""".split()
)


def _collective(doc: Doc, ask: NumberClaim) -> bool:
    span = doc.char_span(ask.span[0], ask.span[1], alignment_mode="expand")
    if span is None:
        return False
    return any(t.lemma_.lower() in COLLECTIVE for t in sentence_of(span))


def _target_only(
    doc: Doc, ask: NumberClaim, unit: str | None, quotes: list[Quote], date: dt.date | None
) -> Commitment:
    return Commitment(
        initiative=_initiative(doc, ask),
        sought=ask.value,
        pledged_min=None,
        pledged_max=None,
        qualifier=None,
        delivered=None,
        unit=unit or "",
        speaker=_speaker(quotes, ask.span),
        date=date,
        pledgers=[],
        evidence=[ask.span],
        basis="commitment.target",
    )


def _speaker(quotes: list[Quote], span: CharSpan) -> str | None:
    for quote in quotes:
        if quote.span[0] <= span[0] and span[1] <= quote.span[1]:
            return quote.speaker
    return None


def _initiative(doc: Doc, ask: NumberClaim) -> str:
    """What the figure was sought for: "for the multinational force", else the asking subject."""
    span = doc.char_span(ask.span[0], ask.span[1], alignment_mode="expand")
    if span is None:
        return "unnamed initiative"
    sent = sentence_of(span)
    for tok in sent:
        if tok.lower_ == "for" and tok.i > span.end - 1:
            pobj = [c for c in tok.children if c.dep_ == "pobj"]
            if pobj and pobj[0].pos_ not in _SKIP_INITIATIVE:
                return _phrase(pobj[0])
    root = span.root
    while root.head.i != root.i and root.pos_ not in {"VERB", "AUX"}:
        root = root.head
    subj = [c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if subj and subj[0].pos_ == "NOUN":
        return _phrase(subj[0])
    return f"{ask.unit or 'figure'} sought"


def _phrase(tok: Token) -> str:
    """The noun with its modifiers and one "for/of X" tail: "multinational force for Haiti"."""
    doc = tok.doc
    start = min(
        [
            tok.i,
            *(c.left_edge.i for c in tok.lefts if c.dep_ in {"compound", "amod", "nmod", "poss"}),
        ]
    )
    end = tok.i + 1
    prep = next((c for c in tok.rights if c.dep_ == "prep" and c.lower_ in {"for", "of"}), None)
    if prep is not None and prep.i == end:
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if pobj is not None and pobj.pos_ != "NUM":
            end = pobj.i + 1
    return doc[start:end].text


def _pledgers(doc: Doc, answer: NumberClaim, countries: list[CountryMention]) -> list[str]:
    span = doc.char_span(answer.span[0], answer.span[1], alignment_mode="expand")
    if span is None:
        return []
    sent = sentence_of(span)
    return [
        c.code
        for c in countries
        if any(sent.start_char <= a < sent.end_char for a, _ in c.mentions)
    ]
