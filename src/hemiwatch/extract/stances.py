"""Cooperation stances between actors: who cooperates with whom, who refuses, and the cue.

Actors and targets are ISO codes or `region:<slug>`, read from the country and region mentions
inside the cue's subject and complements. "We"/"us" in a quote is the speaker's country; a
generic subject ("countries that cooperate with us", "one nation that does not cooperate")
takes the places the sentence names. Where the text leaves the target implicit and nothing
in the sentence or quote settles it, no stance is given: a wrong stance misleads more than a
missing one.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from spacy.tokens import Doc, Token

from hemiwatch.extract.lexicons import reporting_verbs
from hemiwatch.extract.nlp import sentence_of, text_of
from hemiwatch.models import CountryMention, Quote, RegionMention, Stance
from hemiwatch.models import Span as CharSpan

GENERIC_SUBJECTS = {
    "country",
    "nation",
    "government",
    "partner",
    "neighbor",
    "neighbour",
    "regime",
    "state",
    "ally",
    "authority",
    "that",
    "which",
    "who",
}
FIRST_PLURAL = {"we", "us", "our", "ourselves"}
TARGET_PREPS = {"with", "to", "from", "toward", "towards", "against", "for", "into", "by"}
NOUN_CUES = {
    "participation": "cooperates",
    "cooperation": "cooperates",
    "contribution": "cooperates",
    "partner": "cooperates",
    "partnership": "cooperates",
    "participant": "cooperates",
    "pledge": "cooperates",
    "funding": "cooperates",
    "help": "cooperates",
    "aid": "cooperates",
    "assistance": "cooperates",
    "offer": "cooperates",
}


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
    complement = _complement_text(tok)
    for cue in cues().get(tok.lemma_.lower(), []):
        if cue.objects is None or cue.objects.search(complement):
            return cue
    return None


class _Places:
    """Which actor (ISO code or region:<slug>) each character offset belongs to."""

    def __init__(self, countries: list[CountryMention], regions: list[RegionMention]) -> None:
        self.spans = sorted(
            [(a, b, c.code) for c in countries for a, b in c.mentions]
            + [(a, b, f"region:{r.slug}") for r in regions for a, b in r.mentions]
        )

    def within(self, start: int, end: int) -> list[str]:
        out: list[str] = []
        for a, b, code in self.spans:
            if start <= a and b <= end and code not in out:
                out.append(code)
        return out


def extract_stances(
    doc: Doc,
    countries: list[CountryMention],
    regions: list[RegionMention],
    quotes: list[Quote],
    skip: list[CharSpan] | None = None,
    date: dt.date | None = None,
) -> list[Stance]:
    """Stances in text order, one per (actor, target, polarity) and sentence."""
    places = _Places(countries, regions)
    host = _host(countries, regions, skip or [])
    out: dict[tuple[str, str, str, int], Stance] = {}
    for tok in doc:
        if any(a <= tok.idx < b for a, b in skip or []):
            continue
        found = _from_cue(tok, places, quotes, host)
        if found is None:
            continue
        actors, targets, polarity, speaker, mutual = found
        sent = sentence_of(tok)
        start = max([sent.start_char, *(b for a, b in skip or [] if a <= sent.start_char < b)])
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
                ),
            )
    return list(out.values())


def _host(
    countries: list[CountryMention], regions: list[RegionMention], skip: list[CharSpan]
) -> dict[str, int]:
    """How often the article names each country (dateline aside)."""
    return {c.code: len(c.mentions) for c in countries}


def _partner(host: dict[str, int], actors: list[str]) -> list[str]:
    """The article's clearly most-named other country, when one stands out (twice the next)."""
    ranked = sorted(((n, c) for c, n in host.items() if c not in actors), reverse=True)
    if not ranked or ranked[0][0] < 2:
        return []
    if len(ranked) > 1 and ranked[0][0] < 2 * ranked[1][0]:
        return []
    return [ranked[0][1]]


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


def _from_cue(
    tok: Token, places: _Places, quotes: list[Quote], host: dict[str, int]
) -> tuple[list[str], list[str], str, str | None, bool] | None:
    lemma = tok.lemma_.lower()
    quote = _quote_at(quotes, tok.idx)
    speaker_country = quote.speaker_country if quote else None
    cue = _cue_for(tok) if tok.pos_ in {"VERB", "AUX"} else None
    if cue is not None and cue.kind == "inverse":
        givers = [
            p
            for prep in tok.children
            if prep.dep_ == "prep" and prep.lower_ == "from"
            for pobj in prep.children
            if pobj.dep_ == "pobj"
            for p in places.within(*_extent(pobj))
        ]
        if not givers:
            return None
        receivers = _actors(tok, places, speaker_country) or [
            p for p in places.within(*_sent_range(tok)) if p not in givers
        ]
        return (givers, receivers, "cooperates", _speaker(quote), False) if receivers else None
    if cue is not None:
        if cue.polarity == "cooperates" and _under_refusal(tok):
            return None  # "stopped accepting flights": the refusal speaks for it
        polarity = cue.polarity
        if _negated(tok):
            if polarity == "refuses":
                return None  # "did not refuse" says too little
            polarity = "refuses"
        explicit = _targets(tok, places, [], speaker_country, None)
        actors = [a for a in _actors(tok, places, speaker_country) if a not in explicit]
        mutual = cue.mutual
    elif tok.pos_ == "NOUN" and lemma in NOUN_CUES:
        polarity = NOUN_CUES[lemma]
        actors = _noun_actors(tok, places, speaker_country)
        mutual = False
    else:
        return None
    if not actors:
        return None
    if mutual and len(actors) >= 2:
        return actors, actors, polarity, _speaker(quote), True  # "Colombia and Ecuador signed"
    targets = _targets(tok, places, actors, speaker_country, quote)
    if not targets and not mutual:
        others = [p for p in places.within(*_sent_range(tok)) if p not in actors]
        # Nothing names the other side: the one other place in the sentence ("the Andean
        # region, where Peru has refused ..."), else the article's clearly most-named country
        # ("Brazil sent a frigate" to the exercise the article is about).
        targets = others if len(others) == 1 else _partner(host, actors)
    if not targets:
        return None
    return actors, targets, polarity, _speaker(quote), mutual


def _own_clause(tok: Token) -> list[Token]:
    """The cue's subtree without the clauses coordinated with or embedded under it."""
    out = []
    stack = [tok]
    while stack:
        node = stack.pop()
        out.append(node)
        for child in node.children:
            clause = child.pos_ in {"VERB", "AUX"} and child.dep_ in {
                "conj",
                "ccomp",
                "advcl",
                "relcl",
                "parataxis",
            }
            if not clause:
                stack.append(child)
    return out


def _under_refusal(tok: Token) -> bool:
    head = tok.head
    return tok.dep_ in {"xcomp", "ccomp", "pcomp"} and any(
        c.polarity == "refuses" for c in cues().get(head.lemma_.lower(), [])
    )


def _speaker(quote: Quote | None) -> str | None:
    return quote.speaker if quote else None


def _negated(tok: Token) -> bool:
    if any(c.dep_ == "neg" for c in tok.children):
        return True
    head = tok.head
    return tok.dep_ == "xcomp" and any(c.dep_ == "neg" for c in head.children)


def _complement_text(tok: Token) -> str:
    """The cue's objects and complements; for "tracks shared by X", the noun it describes."""
    head = [tok.head.text] if tok.dep_ in {"acl", "relcl"} else []
    parts = head + [
        t.text
        for c in tok.children
        if c.dep_ in {"dobj", "prep", "xcomp", "prt", "attr", "nsubjpass", "ccomp"}
        for t in c.subtree
    ]
    return " ".join(parts)


def _subject(tok: Token) -> Token | None:
    node = tok
    for _ in range(4):
        subj = [c for c in node.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if subj:
            return subj[0]
        agent = [g for c in node.children if c.dep_ == "agent" for g in c.children]
        if agent:
            return agent[0]
        if node.dep_ in {"xcomp", "conj", "advcl", "acl"} and node.head.i != node.i:
            if node.dep_ == "advcl" and node.head.lemma_.lower() in reporting_verbs()[0]:
                return None  # "..., the department said, breaking off talks": whose act?
            controller = [c for c in node.head.children if c.dep_ == "dobj"]
            if node.dep_ == "xcomp" and controller:
                return controller[0]  # "Washington presses governments to accept": governments
            node = node.head
            continue
        return None
    return None


def _actors(tok: Token, places: _Places, speaker_country: str | None) -> list[str]:
    subj = _subject(tok)
    if tok.dep_ == "acl" and subj is None:  # "radar tracks shared by the Colombian Navy"
        subj = tok.head
    if subj is None:
        return []
    if subj.lower_ in FIRST_PLURAL or subj.lower_ in {"it", "they", "he", "she"}:
        # "we" in a quote, or the reporter itself in reported speech ("the DEA said it had
        # supplied intelligence"): the speaker's country
        return [speaker_country] if speaker_country else []
    if subj.lower_ in {"that", "which", "who"} and subj.head.dep_ == "relcl":
        subj = subj.head.head  # "one nation that does not cooperate, which is ... Venezuela"
        found = places.within(*_extent(subj))
    else:
        found = places.within(*_core_extent(subj))
    if not found and subj.lemma_.lower() in GENERIC_SUBJECTS:
        found = places.within(*_sent_range(subj))
    return found


def _noun_actors(tok: Token, places: _Places, speaker_country: str | None) -> list[str]:
    owners = [c for c in tok.children if c.dep_ in {"poss", "compound", "amod"}]
    found: list[str] = []
    for owner in owners:
        found += places.within(*_extent(owner))
    if tok.dep_ == "attr":  # "Peru has been a reliable partner"
        subj = [c for c in tok.head.children if c.dep_ == "nsubj"]
        if subj:
            found += places.within(*_extent(subj[0]))
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ in {"from", "by"}):
        for pobj in (g for g in prep.children if g.dep_ == "pobj"):
            # "pledges from 11 countries, led by Jamaica, Guatemala and the Bahamas"
            found += places.within(*_extent(pobj))
    if tok.lemma_.lower() == "participant" and tok.dep_ == "nsubj":
        found += [
            p for c in tok.head.children if c.dep_ == "dobj" for p in places.within(*_extent(c))
        ]  # "Other participants include A, B and C"
    return list(dict.fromkeys(found))


def _targets(
    tok: Token,
    places: _Places,
    actors: list[str],
    speaker_country: str | None,
    quote: Quote | None,
) -> list[str]:
    found: list[str] = []
    for node in _own_clause(tok):
        role = (node.dep_ == "pobj" and node.head.lower_ in TARGET_PREPS) or (
            node.dep_ in {"dobj", "dative"} and node.head.i == tok.i
        )
        if not role:
            continue
        if node.lower_ in FIRST_PLURAL and speaker_country:
            found.append(speaker_country)
        # the place must be the object itself ("to the United States", "with Guyana"), not a
        # modifier of it ("a Caribbean exercise")
        for part in (node, *(c for c in node.subtree if c.dep_ == "conj")):
            found += places.within(*_head_extent(part))
    targets = [t for t in dict.fromkeys(found) if t not in actors]
    if targets:
        return targets
    if quote is not None and speaker_country and speaker_country not in actors:
        return [speaker_country]  # "There is one nation that does not cooperate" [with us]
    return []


def _core_extent(tok: Token) -> CharSpan:
    """A noun phrase without its appositions, relative clauses and prepositional tails, so
    "Bolivia, the largest producer in the Andean region," is Bolivia alone; conjuncts stay."""
    keep = [tok]
    for child in tok.children:
        name_part = child.dep_ == "prep" and child.lower_ == "of" and tok.pos_ == "PROPN"
        if child.dep_ in {"appos", "relcl", "acl", "prep", "punct", "cc"} and not name_part:
            continue  # ("Port of Spain" keeps its "of")
        keep += list(child.subtree) if child.dep_ != "conj" else [child, *_conj_core(child)]
    keep.sort(key=lambda t: t.i)
    return keep[0].idx, keep[-1].idx + len(keep[-1].text)


def _conj_core(tok: Token) -> list[Token]:
    out = []
    for child in tok.children:
        if child.dep_ in {"compound", "det", "poss", "amod", "case", "conj", "cc", "punct"}:
            out += list(child.subtree)
    return out


def _head_extent(tok: Token) -> CharSpan:
    """The object's head with its name-forming modifiers ("the United States", "Venezuela's")."""
    keep = [tok, *(c for c in tok.children if c.dep_ in {"compound", "det"})]
    keep.sort(key=lambda t: t.i)
    return keep[0].idx, keep[-1].idx + len(keep[-1].text)


def _sent_range(tok: Token) -> CharSpan:
    sent = sentence_of(tok)
    return sent.start_char, sent.end_char


def _extent(tok: Token) -> CharSpan:
    sub = list(tok.subtree)
    return sub[0].idx, sub[-1].idx + len(sub[-1].text)
