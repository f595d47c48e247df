"""Cooperation stances between actors: who cooperates with whom, who refuses, and the cue.

Actors and targets are ISO codes or `region:<slug>`, read from the country and region mentions
inside the cue's subject and complements. English parses (prep -> pobj) and the Spanish model's
Universal Dependencies (obl/nmod <- case) are read through the same few helpers below.
"We"/"us" in a quote is the speaker's country; a generic subject ("countries that cooperate
with us", "one nation that does not cooperate") takes the places the sentence names. Where the
text leaves the target implicit and nothing in the sentence or quote settles it, no stance is
given: a wrong stance misleads more than a missing one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from spacy.tokens import Token

from hemiwatch.extract.context import Context
from hemiwatch.extract.grammar import WORDS, complement_text, extent, negated, preps, sent_range
from hemiwatch.extract.sides import (
    Places,
    find_actors,
    find_targets,
    first_source_country,
    most_named_other,
    named_backer,
    names_other_side,
    noun_actors,
    owner_of_object,
    places_around,
    takes_part,
    unplaced_partner,
)
from hemiwatch.models import CountryMention, Quote, RegionMention, Stance
from hemiwatch.nlp import sentence_of, text_of
from hemiwatch.rules import inferred, on

# cues whose other side is never guessed: "asked for support" names no one to ask
NAMED_TARGET_ONLY = frozenset({"ask", "request", "pedir", "solicitar"})
# what a spokesman declines to do without refusing anyone: "declined to comment"
NO_COMMENT = frozenset(
    "comment say elaborate discuss confirm speak answer respond detail specify "
    "comentar decir precisar confirmar responder hablar detallar".split()
)


@dataclass(frozen=True)
class Cue:
    polarity: str
    kind: str  # "mutual" | "act" | "inverse"
    objects: re.Pattern[str] | None

    @property
    def mutual(self) -> bool:
        return self.kind == "mutual"


@cache
def cues() -> dict[str, list[Cue]]:
    path = resources.files("hemiwatch").joinpath("lexicons").joinpath("stance_cues.tsv")
    out: dict[str, list[Cue]] = {}
    for line in path.read_text("utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        lemma, polarity, kind, objects = [*line.split("\t"), ""][:4]
        rx = re.compile(rf"\b(?:{objects})\b", re.I) if objects else None
        out.setdefault(lemma, []).append(Cue(polarity, kind, rx))
    return out


def _cue_for(tok: Token) -> Cue | None:
    """The first of the lemma's cue rows whose object requirement the text meets."""
    complement = complement_text(tok)
    for cue in cues().get(tok.lemma_.lower(), []):
        if cue.objects is None or cue.objects.search(complement):
            return cue
    return None


def extract_stances(
    context: Context,
    countries: list[CountryMention],
    regions: list[RegionMention],
    quotes: list[Quote],
) -> list[Stance]:
    """Stances in text order, one per (actor, target, polarity) and sentence."""
    doc, skip, date = context.doc, context.skip, context.date
    places = Places(countries, regions)
    counts = {c.code: len(c.mentions) for c in countries}
    ctx = _Context(places, quotes, counts, first_source_country(quotes))
    out: dict[tuple[str, str, str, int], Stance] = {}
    for tok in doc:
        if any(a <= tok.idx < b for a, b in skip):
            continue
        found = _from_cue(tok, ctx)
        if found is None:
            continue
        actors, targets, polarity, speaker, mutual, basis, target_basis = found
        sent = sentence_of(tok)
        start = max([sent.start_char, *(b for a, b in skip if a <= sent.start_char < b)])
        evidence = text_of(doc)[start : sent.end_char].strip()
        pairs = [(a, t) for a in actors for t in targets if a != t]
        if mutual:
            pairs += [(t, a) for a, t in pairs]
        for actor, target in pairs:
            key = (actor, target, polarity, sent.start)
            out.setdefault(
                key,
                Stance(
                    actor=actor,
                    target=target,
                    polarity=polarity,
                    cue=tok.lemma_.lower(),
                    evidence=evidence,
                    span=(start, sent.end_char),
                    speaker=speaker,
                    date=date,
                    basis=basis,
                    target_basis=target_basis,
                    inferred=inferred(target_basis),
                ),
            )
    return list(out.values())


@dataclass(frozen=True)
class _Context:
    """What every cue of one article is read against."""

    places: Places
    quotes: list[Quote]
    counts: dict[str, int]  # how often the article names each country
    source: str | None  # the country of the article's first source with one


def _quote_at(quotes: list[Quote], char: int) -> Quote | None:
    """The quote holding a character (quotes come sorted by span: bisect, then look back over
    the few that can still reach it)."""
    i = _bisect(quotes, char)
    for q in reversed(quotes[max(0, i - 8) : i]):
        if q.span[0] <= char < q.span[1]:
            return q
    return None


def _bisect(quotes: list[Quote], char: int) -> int:
    lo, hi = 0, len(quotes)
    while lo < hi:
        mid = (lo + hi) // 2
        if quotes[mid].span[0] <= char:
            lo = mid + 1
        else:
            hi = mid
    return lo


Found = tuple[list[str], list[str], str, str | None, bool, str, str]


def _from_cue(tok: Token, ctx: _Context) -> Found | None:
    lemma = tok.lemma_.lower()
    places = ctx.places
    quote = _quote_at(ctx.quotes, tok.idx)
    speaker_country = quote.speaker_country if quote else None
    cue = _cue_for(tok) if tok.pos_ in {"VERB", "AUX"} else None
    if cue is not None and cue.kind == "inverse":
        givers = [
            p
            for prep, pobj in preps(tok)
            if prep in WORDS["giver_preps"]
            for p in places.within(*extent(pobj))
        ]
        if not givers:
            return None
        receivers = find_actors(tok, places, speaker_country) or [
            p for p in places.within(*sent_range(tok)) if p not in givers
        ]
        if not receivers:
            return None
        basis = "stance.cue.inverse"
        return (
            givers,
            receivers,
            "cooperates",
            _speaker(quote),
            False,
            basis,
            "stance.target.explicit",
        )
    if cue is not None:
        if cue.polarity == "cooperates" and _under_refusal(tok):
            return None  # "stopped accepting flights": the refusal speaks for it
        if cue.polarity == "refuses" and any(
            c.dep_ == "xcomp" and c.lemma_.lower() in NO_COMMENT for c in tok.children
        ):
            return None  # "declined to comment" refuses a reporter, not a country
        polarity = cue.polarity
        basis = "stance.cue.verb"
        if negated(tok):
            if polarity == "refuses":
                return None  # "did not refuse" says too little
            polarity, basis = "refuses", "stance.cue.negated"
        explicit, _ = find_targets(tok, places, [], speaker_country, None)
        actors = [a for a in find_actors(tok, places, speaker_country) if a not in explicit]
        mutual = cue.mutual
    elif tok.pos_ == "NOUN" and lemma in WORDS["noun_cues"]:
        if tok.dep_ in {"dobj", "obj"} and (negated(tok.head) or _refused(tok.head)):
            return None  # 'did not announce contributions', 'turned down a U.S. offer'
        polarity, basis = "cooperates", "stance.cue.noun"
        actors = noun_actors(tok, places, speaker_country)
        mutual = False
    elif _joint(tok):
        # "a joint operation with X", «una ofensiva coordinada», «actuamos juntos»
        holder = tok.head.head if tok.head.dep_ == "prep" else tok.head
        if _refused(holder):
            return None  # 'withdrew from the joint patrols': the refusal speaks for it
        polarity, mutual, basis = "cooperates", True, "stance.cue.joint"
        owner = tok.head if tok.pos_ == "NOUN" and tok.dep_ in {"dobj", "obj", "obl"} else tok
        if owner is not tok and owner.pos_ in {"VERB", "AUX"} and _cue_for(owner) is not None:
            return None  # "signed a joint declaration": the verb's cue speaks for it
        actors = noun_actors(tok, places, speaker_country) or find_actors(
            owner, places, speaker_country
        )
        if tok.pos_ == "NOUN" and tok.dep_ == "pobj":
            actors = actors or find_actors(tok.head.head, places, speaker_country)
    else:
        return None
    if not actors:
        return None
    targets, target_basis = find_targets(tok, places, actors, speaker_country, quote)
    if mutual and len(actors) >= 2 and not names_other_side(tok, places, actors):
        # "Colombia and Ecuador signed"
        return actors, actors, polarity, _speaker(quote), True, basis, "stance.target.mutual"
    if not targets and lemma in NAMED_TARGET_ONLY:
        return None  # 'had asked for support': from whom, the text must say
    if not targets and not mutual and on("stance.target.owner_of_object"):
        targets = owner_of_object(tok, places, actors)
        target_basis = "stance.target.owner_of_object"
    if not targets and not mutual and takes_part(tok) and on("stance.target.organiser"):
        # "Guyana's participation", "declined an invitation": the side running the exercise,
        # force or programme, named nearby ("backed by Washington") or the article's source
        organiser = named_backer(tok, places) or [ctx.source or ""]
        targets = [t for t in organiser if t and t not in actors]
        target_basis = "stance.target.organiser"
    if not targets and not mutual and not unplaced_partner(tok, places):
        others = [p for p in places_around(tok, places) if p not in actors]
        # Nothing names the other side: the one other place in the sentence ("the Andean
        # region, where Peru has refused ..."), else the article's clearly most-named country
        # ("Brazil sent a frigate" to the exercise the article is about).
        if len(others) == 1 and on("stance.target.one_other_place"):
            targets, target_basis = others, "stance.target.one_other_place"
        elif not _agreed(tok) and on("stance.target.most_named"):
            # 'X and Y agreed to deploy ...' serves no third side
            targets, target_basis = most_named_other(ctx.counts, actors), "stance.target.most_named"
    if not targets:
        return None
    return actors, targets, polarity, _speaker(quote), mutual, basis, target_basis


def _agreed(tok: Token) -> bool:
    """Is the cue what its sides agreed to do ('acordaron desplegar', 'agreed to deploy')?"""
    head = tok.head
    return tok.dep_ in {"xcomp", "ccomp"} and any(
        c.mutual for c in cues().get(head.lemma_.lower(), [])
    )


def _joint(tok: Token) -> bool:
    """A noun or verb that says two sides act together: "joint patrols", «actuamos juntos»."""
    if tok.pos_ not in {"NOUN", "VERB"}:
        return False
    deps = {"amod"} if tok.pos_ == "NOUN" else {"advmod"}
    return any(c.dep_ in deps and c.lower_ in WORDS["joint"] for c in tok.children)


def _refused(verb: Token) -> bool:
    """Is the verb a refusal cue ('turned down', 'withdrew from')?"""
    cue = _cue_for(verb) if verb.pos_ in {"VERB", "AUX"} else None
    return cue is not None and cue.polarity == "refuses"


def _under_refusal(tok: Token) -> bool:
    head = tok.head
    return tok.dep_ in {"xcomp", "ccomp", "pcomp"} and any(
        c.polarity == "refuses" for c in cues().get(head.lemma_.lower(), [])
    )


def _speaker(quote: Quote | None) -> str | None:
    return quote.speaker if quote else None
