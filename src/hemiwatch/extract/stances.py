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

import datetime as dt
import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from spacy.tokens import Doc, Token

from hemiwatch.extract.lexicons import reporting_verbs
from hemiwatch.extract.nlp import sentence_of, sentences, text_of
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
    "gobierno",
    "país",
    "nación",
    "régimen",
    "estado",
    "autoridad",
    "socio",
    "aliado",
    "vecino",
    "que",
}
FIRST_PLURAL = {"we", "us", "our", "ourselves", "nosotros", "nosotras", "nos"}
THIRD_PERSON = {"it", "they", "he", "she", "él", "ella", "ellos", "ellas"}
POSSESSIVES = {"his", "her", "its", "their", "our", "su", "sus", "nuestro", "nuestra"}
TARGET_PREPS = {"with", "to", "from", "toward", "towards", "against", "for", "into", "by"}
TARGET_PREPS_ES = {"con", "a", "al", "hacia", "contra"}
GIVER_PREPS = {"from", "de", "del", "desde"}
SUBJECTS = {"nsubj", "nsubjpass", "nsubj:pass"}
OBJECTS = {"dobj", "obj", "dative", "iobj"}
FORCES = {
    "troop",
    "force",
    "marine",
    "soldier",
    "authority",
    "police",
    "navy",
    "army",
    "official",
    "tropa",
    "fuerza",
    "militar",
    "soldado",
    "autoridad",
    "policía",
    "armada",
    "marina",
    "ejército",
    "agente",
    "funcionario",
}
JOINT = {
    "joint",
    "combined",
    "coordinated",
    "together",
    "jointly",
    "conjunta",
    "conjunto",
    "conjuntas",
    "conjuntos",
    "coordinada",
    "coordinado",
    "coordinadas",
    "coordinados",
    "combinada",
    "combinado",
    "juntos",
    "juntas",
    "conjuntamente",
}
BACKING = {
    "lead",
    "host",
    "back",
    "organize",
    "organise",
    "sponsor",
    "run",
    "fund",
    "convene",
    "encabezar",
    "liderar",
    "organizar",
    "respaldar",
    "patrocinar",
    "convocar",
    "financiar",
}
PART_NOUNS = {"participation", "participant", "contribution", "participación", "participante"}
PART_VERBS = {
    "join",
    "participate",
    "send",
    "contribute",
    "decline",
    "attend",
    "boycott",
    "unir",
    "sumar",
    "participar",
    "enviar",
    "aportar",
    "rechazar",
    "declinar",
    "asistir",
}
EVENTS = re.compile(
    r"\b(?:exercises?|drills?|force|mission|operations?|program(?:me)?s?|initiatives?|"
    r"coalition|patrols?|invitation|summit|ejercicios?|simulacros?|fuerza|misión|operación|"
    r"programa|iniciativa|coalición|patrullajes?|invitación|cumbre)\b",
    re.I,
)
NEGATIONS = {"no", "not", "never", "n't", "nunca", "jamás"}
# "Cuba expressed its support for X": the noun's owner is the light verb's subject
LIGHT_VERBS = {
    "express",
    "voice",
    "offer",
    "reiterate",
    "give",
    "lend",
    "announce",
    "confirm",
    "expresar",
    "ofrecer",
    "reiterar",
    "dar",
    "brindar",
    "prestar",
    "anunciar",
    "confirmar",
}
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
    "cooperación": "cooperates",
    "colaboración": "cooperates",
    "respaldo": "cooperates",
    "apoyo": "cooperates",
    "ayuda": "cooperates",
    "asistencia": "cooperates",
    "aporte": "cooperates",
    "contribución": "cooperates",
    "participación": "cooperates",
    "envío": "cooperates",
    "financiamiento": "cooperates",
    "socio": "cooperates",
}


def _preps(tok: Token) -> list[tuple[str, Token]]:
    """(preposition, its object) under `tok`, in either scheme: English prep -> pobj, or the
    Spanish model's obl/nmod object with its `case` child («con Estados Unidos», «al Gobierno»)."""
    out: list[tuple[str, Token]] = []
    for child in tok.children:
        if child.dep_ == "prep":
            out += [(child.lower_, g) for g in child.children if g.dep_ == "pobj"]
        elif child.dep_ in {"obl", "nmod"}:
            case = [g for g in child.children if g.dep_ == "case"]
            if case:
                out.append((case[0].lower_, child))
    return out


def _prep_of(node: Token) -> str | None:
    """The preposition that introduces `node`, if it is a prepositional object."""
    if node.dep_ == "pobj":
        return node.head.lower_
    if node.dep_ in {"obl", "nmod"}:
        case = [g for g in node.children if g.dep_ == "case"]
        return case[0].lower_ if case else None
    return None


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
        self.starts = [a for a, _, _ in self.spans]

    def between(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """The mentions inside [start, end), found by bisection (long articles have many)."""
        lo, hi = bisect_left(self.starts, start), bisect_left(self.starts, end)
        return [m for m in self.spans[lo:hi] if m[1] <= end]

    def within(self, start: int, end: int) -> list[str]:
        return list(dict.fromkeys(code for _, _, code in self.between(start, end)))


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
    host["_organiser"] = _organiser(quotes)
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
) -> dict[str, Any]:
    """How often the article names each country (dateline aside)."""
    return {c.code: len(c.mentions) for c in countries}


def _organiser(quotes: list[Quote]) -> str | None:
    """The country of the article's first source with a known country: the side that runs
    the exercise, force or programme the article reports ("U.S. Southern Command said ...")."""
    return next((q.speaker_country for q in quotes if q.speaker_country), None)


def _backer(tok: Token, places: _Places) -> list[str]:
    """Who runs the programme, from this sentence or the one before: "a programme backed by
    Washington", "a U.S.-led force", «la misión encabezada por Kenia»."""
    sent = sentence_of(tok)
    before = sentence_of(tok.doc[sent.start - 1]) if sent.start > 0 else sent
    lead = [s for s in sentences(tok.doc) if any(t.is_alpha for t in s)][:2]
    for scope in (sent, before, *lead):  # the lead names who runs what the article is about
        for word in scope:
            if word.lemma_.lower() not in BACKING or word.pos_ not in {"VERB", "ADJ"}:
                continue
            for prep, agent in _preps(word) + [
                (c.lower_, g) for c in word.children if c.dep_ == "agent" for g in c.children
            ]:
                if prep in {"by", "por"}:
                    found = [p for p in places.within(*_extent(agent)) if len(p) == 2]
                    if found:
                        return found[:1]
    return []


def _takes_part(tok: Token) -> bool:
    """A cue of taking part in (or staying out of) something run by another side."""
    lemma = tok.lemma_.lower()
    if tok.pos_ == "NOUN":
        return lemma in PART_NOUNS
    return lemma in PART_VERBS and bool(EVENTS.search(_complement_text(tok)))


def _partner(host: dict[str, Any], actors: list[str]) -> list[str]:
    """The article's clearly most-named other country, when one stands out (twice the next)."""
    ranked = sorted(
        ((n, c) for c, n in host.items() if c not in actors and not c.startswith("_")),
        reverse=True,
    )
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
    tok: Token, places: _Places, quotes: list[Quote], host: dict[str, Any]
) -> tuple[list[str], list[str], str, str | None, bool] | None:
    lemma = tok.lemma_.lower()
    quote = _quote_at(quotes, tok.idx)
    speaker_country = quote.speaker_country if quote else None
    cue = _cue_for(tok) if tok.pos_ in {"VERB", "AUX"} else None
    if cue is not None and cue.kind == "inverse":
        givers = [
            p
            for prep, pobj in _preps(tok)
            if prep in GIVER_PREPS
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
    elif _joint(tok):
        # "a joint operation with X", «una ofensiva coordinada», «actuamos juntos»
        polarity, mutual = "cooperates", True
        owner = tok.head if tok.pos_ == "NOUN" and tok.dep_ in {"dobj", "obj", "obl"} else tok
        if owner is not tok and owner.pos_ in {"VERB", "AUX"} and _cue_for(owner) is not None:
            return None  # "signed a joint declaration": the verb's cue speaks for it
        actors = _noun_actors(tok, places, speaker_country) or _actors(
            owner, places, speaker_country
        )
        if tok.pos_ == "NOUN" and tok.dep_ == "pobj":
            actors = actors or _actors(tok.head.head, places, speaker_country)
    else:
        return None
    if not actors:
        return None
    targets = _targets(tok, places, actors, speaker_country, quote)
    if mutual and len(actors) >= 2 and not _explicit(tok, places, actors):
        return actors, actors, polarity, _speaker(quote), True  # "Colombia and Ecuador signed"
    if not targets and not mutual:
        targets = _owner_of_object(tok, places, actors)
    if not targets and not mutual and _takes_part(tok):
        # "Guyana's participation", "declined an invitation": the side running the exercise,
        # force or programme, named nearby ("backed by Washington") or the article's source
        organiser = _backer(tok, places) or [host.get("_organiser") or ""]
        targets = [t for t in organiser if t and t not in actors]
    if not targets and not mutual:
        others = [p for p in _places_around(tok, places) if p not in actors]
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
            clause = child.pos_ in {"VERB", "AUX"} and (
                child.dep_ in {"conj", "ccomp", "advcl", "relcl", "parataxis"}
                or (child.dep_ == "acl" and _relative(child))  # «un acuerdo que eleva …»
            )
            if not clause:
                stack.append(child)
    return out


def _joint(tok: Token) -> bool:
    """A noun or verb that says two sides act together: "joint patrols", «actuamos juntos»."""
    if tok.pos_ not in {"NOUN", "VERB"}:
        return False
    deps = {"amod"} if tok.pos_ == "NOUN" else {"advmod"}
    return any(c.dep_ in deps and c.lower_ in JOINT for c in tok.children)


def _relative(tok: Token) -> bool:
    return any("Rel" in c.morph.get("PronType", []) for c in tok.children)


def _under_refusal(tok: Token) -> bool:
    head = tok.head
    return tok.dep_ in {"xcomp", "ccomp", "pcomp"} and any(
        c.polarity == "refuses" for c in cues().get(head.lemma_.lower(), [])
    )


def _speaker(quote: Quote | None) -> str | None:
    return quote.speaker if quote else None


def _negated(tok: Token) -> bool:
    if any(_negation(c) for c in tok.children):
        return True
    head = tok.head
    return tok.dep_ == "xcomp" and any(_negation(c) for c in head.children)


def _negation(tok: Token) -> bool:
    return tok.dep_ == "neg" or (tok.dep_ == "advmod" and tok.lower_ in NEGATIONS)


def _complement_text(tok: Token) -> str:
    """The cue's objects and complements; for "tracks shared by X", the noun it describes."""
    head = [tok.head.text] if tok.dep_ in {"acl", "relcl"} else []
    parts = head + [
        t.text
        for c in tok.children
        if c.dep_
        in {
            "dobj",
            "obj",
            "prep",
            "obl",
            "xcomp",
            "prt",
            "attr",
            "nsubjpass",
            "nsubj:pass",
            "ccomp",
        }
        for t in c.subtree
    ]
    return " ".join(parts)


def _subject(tok: Token) -> Token | None:
    node = tok
    for _ in range(4):
        subj = [c for c in node.children if c.dep_ in SUBJECTS and not c.is_punct]
        if subj:
            return subj[0]
        agent = [g for c in node.children if c.dep_ == "agent" for g in c.children]
        if agent:
            return agent[0]
        if node.dep_ in {"xcomp", "conj", "advcl", "acl"} and node.head.i != node.i:
            if node.dep_ == "advcl" and node.head.lemma_.lower() in reporting_verbs()[0]:
                return None  # "..., the department said, breaking off talks": whose act?
            marks = {c.lower_ for c in node.children if c.dep_ in {"mark", "case"}}
            blamed = [c for c in node.head.children if c.dep_ in {"dobj", "obj"}]
            if node.dep_ == "advcl" and marks & {"por", "for"} and blamed:
                return blamed[0]  # «criticó al Gobierno de X por autorizar …»
            controller = [c for c in node.head.children if c.dep_ in {"dobj", "obj"}]
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
        # «actuamos juntos»: a Spanish verb in the first person plural is the speaker's side
        first_plural = tok.morph.get("Person", []) == ["1"] and tok.morph.get("Number", []) == [
            "Plur"
        ]
        return [speaker_country] if first_plural and speaker_country else []
    if subj.lower_ in FIRST_PLURAL or subj.lower_ in THIRD_PERSON or _own_side(subj):
        # "we" in a quote, or the reporter itself in reported speech ("the DEA said it had
        # supplied intelligence", "his government will send"): the speaker's country
        return [speaker_country] if speaker_country else []
    if subj.lower_ in {"that", "which", "who", "que"} and subj.head.dep_ in {"relcl", "acl"}:
        subj = subj.head.head  # "one nation that does not cooperate, which is ... Venezuela"
        own = _extent(tok)  # not "the Caribbean" of "…, which sent a ship based in the Caribbean"
        outer = _extent(subj)
        found = [p for a, b, p in places.between(*outer) if not (own[0] <= a and b <= own[1])]
        found = list(dict.fromkeys(found))
    else:
        found = places.within(*_core_extent(subj))
    if not found and subj.lemma_.lower() in GENERIC_SUBJECTS:
        if speaker_country and _definite_singular(subj):
            return [speaker_country]  # the minister's "the country will receive …"
        found = places.within(*_sent_range(subj))
    return found


def _definite_singular(tok: Token) -> bool:
    definite = any(c.dep_ == "det" and c.lower_ in {"the", "el", "la"} for c in tok.children)
    return definite and tok.tag_ != "NNS" and tok.morph.get("Number", []) != ["Plur"]


def _own_side(subj: Token) -> bool:
    """ "his government", «su Gobierno»: the speaker's own country, named by a possessive."""
    generic = subj.lemma_.lower() in GENERIC_SUBJECTS or subj.lower_ in GENERIC_SUBJECTS
    return generic and any(c.lower_ in POSSESSIVES for c in subj.children)


def _noun_actors(tok: Token, places: _Places, speaker_country: str | None) -> list[str]:
    owners = [c for c in tok.children if c.dep_ in {"poss", "compound", "amod"}]
    owners += [o for prep, o in _preps(tok) if prep in {"de", "del"} and o.i < tok.i + 4]
    found: list[str] = []
    for owner in owners:
        found += places.within(*_extent(owner))
    if not found and tok.dep_ in {"dobj", "obj"} and tok.head.lemma_.lower() in LIGHT_VERBS:
        found += _actors(tok.head, places, speaker_country)  # "Cuba expressed its support"
    if tok.dep_ == "attr":  # "Peru has been a reliable partner"
        subj = [c for c in tok.head.children if c.dep_ == "nsubj"]
        if subj:
            found += places.within(*_extent(subj[0]))
    for prep, pobj in _preps(tok):
        if prep in {"from", "by"}:
            # "pledges from 11 countries, led by Jamaica, Guatemala and the Bahamas"
            found += places.within(*_extent(pobj))
    if tok.lemma_.lower() == "participant" and tok.dep_ == "nsubj":
        found += [
            p
            for c in tok.head.children
            if c.dep_ == "dobj"
            for part in _conjuncts(c)
            for p in places.within(*_head_extent(part))
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
        if not _target_role(tok, node):
            continue
        if node.lower_ in FIRST_PLURAL and speaker_country:
            found.append(speaker_country)
        # the place must be the object itself ("to the United States", "with Guyana"), not a
        # modifier of it ("a Caribbean exercise")
        for part in _conjuncts(node):
            found += _named(tok.doc, *_head_extent(part), places)
    targets = [t for t in dict.fromkeys(found) if t not in actors]
    if targets:
        return targets
    if quote is not None and speaker_country and speaker_country not in actors:
        return [speaker_country]  # "There is one nation that does not cooperate" [with us]
    return []


def _target_role(cue: Token, node: Token) -> bool:
    """The other side of a cue: "with/to X" anywhere in its clause, or its own object."""
    prep = _prep_of(node)
    if prep is not None and (
        (node.dep_ == "pobj" and prep in TARGET_PREPS)
        or (node.dep_ in {"obl", "nmod"} and prep in TARGET_PREPS_ES)
    ):
        return True
    return node.dep_ in OBJECTS and node.head.i == cue.i


def _explicit(tok: Token, places: _Places, actors: list[str]) -> bool:
    """Whether the cue's clause names another side itself ("signed with the United States")."""
    return any(
        p not in actors
        for node in _own_clause(tok)
        if _target_role(tok, node) and node.dep_ not in OBJECTS
        for p in places.within(*_head_extent(node))
    )


def _owner_of_object(tok: Token, places: _Places, actors: list[str]) -> list[str]:
    """The one place named inside the object: "rejected the deployment of U.S. warships",
    «se negó a firmar la declaración de Washington» (the object of its infinitive)."""
    verbs = [tok, *(c for c in tok.children if c.dep_ == "xcomp")]
    objects = [c for v in verbs for c in v.children if c.dep_ in {"dobj", "obj"}]
    owners = {w.i for o in objects for w in _owners(o)}
    found = []
    extents = [_extent(o) for o in objects]
    for a, b, p in (m for lo, hi in extents for m in places.between(lo, hi)):
        span = tok.doc.char_span(a, b, alignment_mode="expand")
        if span is not None and span.root.i in owners and p not in actors:
            found += _named(tok.doc, a, b, places)
    found = list(dict.fromkeys(found))
    countries = [p for p in found if not p.startswith("region:")]  # «buques de EE.UU. en el Caribe»
    return countries if len(countries) == 1 else found if len(found) == 1 else []


def _places_around(tok: Token, places: _Places) -> list[str]:
    """The sentence's places, without those in a clause coordinated with the cue ("…, and
    Havana, which was not invited, criticized …") or that only describe a thing ("a Caribbean
    exercise")."""
    doc = tok.doc
    sent = sentence_of(tok)
    aside = {
        t.i
        for c in tok.children
        if c.dep_ in {"conj", "parataxis"} and c.pos_ in {"VERB", "AUX"}
        for t in c.subtree
    }
    return _named(doc, sent.start_char, sent.end_char, places, aside)


def _named(doc: Doc, lo: int, hi: int, places: _Places, aside: set[int] | None = None) -> list[str]:
    """Places in [lo, hi) that stand for a side, not those that only describe a thing ("a
    Caribbean exercise"), nor those in the `aside` tokens."""
    out: list[str] = []
    for a, b, code in places.between(lo, hi):
        if code in out:
            continue
        span = doc.char_span(a, b, alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        describes = root.dep_ in {"amod", "compound"} and bool(EVENTS.fullmatch(root.head.text))
        if root.i not in (aside or set()) and not describes:
            out.append(code)
    return out


def _owners(tok: Token) -> list[Token]:
    """The words of a noun phrase that say whose it is: possessors, compounds and "of X" /
    «de X» chains ("the deployment of U.S. warships"), not where it is ("based in X")."""
    out, stack = [], [tok]
    while stack:
        node = stack.pop()
        out.append(node)
        for child in node.children:
            of = child.dep_ == "prep" and child.lower_ == "of"
            de = child.dep_ in {"nmod", "flat"} and (
                child.dep_ == "flat" or _prep_of(child) in {"de", "del"}
            )
            if child.dep_ in {"poss", "compound", "amod", "pobj", "conj"} or of or de:
                stack.append(child)
    return out


def _conjuncts(tok: Token) -> list[Token]:
    """ "Colombia and Ecuador": the object and its own conjuncts, not conjuncts deeper inside
    it («migrantes …, principalmente hondureños y salvadoreños»)."""
    out, stack = [], [tok]
    while stack:
        node = stack.pop()
        out.append(node)
        stack += [c for c in node.children if c.dep_ == "conj"]
    return out


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
    deps = {"compound", "det", "flat"}  # "the United States", «Estados Unidos»
    lemma = tok.lemma_.lower()
    if lemma in GENERIC_SUBJECTS or lemma in FORCES:
        deps.add("amod")  # "the Venezuelan government", «marines estadounidenses»
    keep = [tok, *(c for c in tok.children if c.dep_ in deps)]
    if tok.pos_ == "PROPN" or lemma in GENERIC_SUBJECTS:
        # «el Comando Sur de Estados Unidos», «el Gobierno de Trinidad y Tobago»
        keep += [t for prep, o in _preps(tok) if prep in {"de", "del"} for t in o.subtree]
    keep.sort(key=lambda t: t.i)
    return keep[0].idx, keep[-1].idx + len(keep[-1].text)


def _sent_range(tok: Token) -> CharSpan:
    sent = sentence_of(tok)
    return sent.start_char, sent.end_char


def _extent(tok: Token) -> CharSpan:
    sub = list(tok.subtree)
    return sub[0].idx, sub[-1].idx + len(sub[-1].text)
