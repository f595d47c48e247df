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

from spacy.tokens import Span, Token

from hemiwatch.extract.context import Context
from hemiwatch.extract.grammar import (
    WORDS,
    complement_text,
    conjuncts,
    core_extent,
    extent,
    negated,
    own_clause,
    prep_of,
    preps,
    sent_range,
)
from hemiwatch.extract.sides import (
    EVENTS,
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
    sides_in,
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
        pairs = [(a, t, target_basis) for a in actors for t in targets if a != t]
        if mutual:
            pairs += [(t, a, target_basis) for a, t, _ in pairs]
        elif (
            polarity == "cooperates"
            and not _one_way(tok, target_basis)
            and on("stance.target.reciprocal")
        ):
            # bilateral cooperation holds both ways: "the U.S. gave helicopters to Guatemala"
            back = "stance.target.reciprocal"
            pairs += [(t, a, back) for a, t, _ in pairs if _state(a) and _state(t)]
        for actor, target, how in pairs:
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
                    target_basis=how,
                    inferred=inferred(target_basis),
                ),
            )
    return list(out.values())


PERSONNEL = re.compile(rf"\b(?:{'|'.join(sorted(WORDS['personnel']))})\b", re.I)


def _one_way(tok: Token, target_basis: str) -> bool:
    """Giving to a force or taking part in what another side runs is recorded one way only
    (contributor -> host, participant -> organiser)."""
    if target_basis != "stance.target.explicit" or takes_part(tok):
        return True  # a guessed partner is no party to a relation both ways
    if tok.lemma_.lower() in WORDS["one_way"]:
        return True
    if tok.pos_ == "NOUN" and EVENTS.fullmatch(tok.head.text):
        return True  # «la misión de apoyo encabezada por Kenia»: support given to a mission
    objects = [c for c in tok.children if c.dep_ in {"dobj", "obj"}]
    if any(o.lemma_.lower() in WORDS["one_way"] for o in objects):
        return True  # "received pledges from 11 countries"
    return bool(PERSONNEL.search(" ".join(t.text for o in objects for t in o.subtree)))


def _state(side: str) -> bool:
    """A country (ISO code), not a region: a region is no party to a bilateral relation."""
    return not side.startswith("region:")


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
    elif tok.pos_ == "NOUN" and lemma in WORDS["relations"] and _broken(tok):
        # "Panama and Venezuela maintain suspended diplomatic relations"
        polarity, mutual, basis = "refuses", True, "stance.cue.noun"
        actors = between_pair(tok, places) or noun_actors(tok, places, speaker_country)
        if not actors and tok.dep_ in {"dobj", "obj"}:
            actors = find_actors(tok.head, places, speaker_country)
    elif tok.pos_ == "VERB" and lemma in WORDS["arrival"] and _personnel_subject(tok):
        # "230 Kenyan police arrived in Haiti": a contribution to the host
        polarity, mutual, basis = "cooperates", False, "stance.cue.verb"
        subject = next(c for c in tok.children if c.dep_ in {"nsubj", "nsubj:pass"})
        actors = places.within(*extent(subject))
        hosts = [
            p for prep, o in preps(tok) if prep in ARRIVE_IN for p in places.within(*extent(o))
        ]
        hosts = [h for h in hosts if h not in actors]
        if not actors or not hosts:
            return None
        return actors, hosts, polarity, _speaker(quote), False, basis, "stance.target.explicit"
    elif tok.pos_ == "NOUN" and lemma in WORDS["noun_cues"]:
        if tok.dep_ in {"dobj", "obj"} and (negated(tok.head) or _refused(tok.head)):
            return None  # 'did not announce contributions', 'turned down a U.S. offer'
        polarity, basis = "cooperates", "stance.cue.noun"
        actors = noun_actors(tok, places, speaker_country)
        verb = _framing_verb(tok)
        if not actors and verb is not None:
            actors = find_actors(verb, places, speaker_country)  # "worked in cooperation with"
        mutual = False
        if not actors:
            # "a liaison between Canada and the U.S.", "cooperation between both countries"
            actors = between_pair(tok, places)
            mutual = bool(actors)
    elif _participating(tok):
        # "Partner nations participating in the exercise include A, B and C", «las naciones
        # participantes en el ejercicio incluyen a A, B y C»: the listed members take part
        polarity, mutual, basis = "cooperates", False, "stance.cue.noun"
        actors = listed(tok.head, places)
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
    if polarity == "refuses":
        # "will not join the attack on X" refuses the attacker, not X
        harmed = _against(tok, places)
        targets = [t for t in targets if t not in harmed]
        target_basis = target_basis if targets else ""
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
        targets = [t for t in organiser if t]
        # the organiser named among the participants takes part in its own exercise: no side
        actors = [a for a in actors if a not in targets]
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
    if polarity == "cooperates" and _hostile(tok, places, targets):
        return None  # "deployed warships off the coast of X" confronts X; it helps no one
    return actors, targets, polarity, _speaker(quote), mutual, basis, target_basis


@cache
def _hostile_words() -> frozenset[str]:
    from hemiwatch.extract.events import plover

    verbs, nouns = plover()
    acts = {w for table in (verbs, nouns) for w, t in table.items() if t in {"ASSAULT", "THREATEN"}}
    return frozenset(acts | WORDS["hostile"])


def _against(tok: Token, places: Places) -> set[str]:
    """The places an act in the cue's clause is aimed at ("against X", "the attack on X")."""
    out: set[str] = set()
    for node in own_clause(tok):
        prep = prep_of(node)
        if prep in {"against", "contra"} or (
            prep in {"on", "sobre"} and node.head.head.lemma_.lower() in _hostile_words()
        ):
            out.update(places.within(*core_extent(node)))
    return out


def _hostile(tok: Token, places: Places, targets: list[str]) -> bool:
    """Is the act aimed at its target: a hostile act in its clause, "against X", or a force
    placed "off the coast of X" / "near X"?"""
    clause = own_clause(tok)
    if any(t.lemma_.lower() in _hostile_words() or t.lower_ in _hostile_words() for t in clause):
        return True
    for node in clause:
        prep = prep_of(node)
        if prep in {"against", "contra"} and sides_in(tok.doc, *core_extent(node), places):
            return True  # ("abuses against Venezuelans" names people, not a side)
        placed = node.text.islower() and node.lower_ in WORDS["hostile_places"]  # not Costa Rica
        near = prep in WORDS["hostile_places"] or placed
        if near and any(t in places.within(*extent(node)) for t in targets):
            return True
    return False


IN = frozenset({"in", "en", "through", "mediante"})
ARRIVE_IN = frozenset({"in", "to", "en", "a", "al"})


def _broken(tok: Token) -> bool:
    return any(c.dep_ in {"amod", "acl"} and c.lemma_.lower() in WORDS["broken"]
               for c in tok.children)  # fmt: skip


def _personnel_subject(verb: Token) -> bool:
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubj:pass"}), None)
    return subject is not None and bool(PERSONNEL.search(" ".join(t.text for t in subject.subtree)))


def between_pair(tok: Token, places: Places) -> list[str]:
    """The two sides of "between A and B" / «entre A y B» in the cue's sentence; "between
    both countries" is the two countries the sentence (else the one before) names."""
    sent = sentence_of(tok)
    for word in sent:
        if word.lower_ not in {"between", "entre"}:
            continue
        group = next((c for c in word.children if c.dep_ == "pobj"), None)
        if group is None and word.dep_ == "case":
            group = word.head
        if group is None:
            continue
        named = list(dict.fromkeys(p for c in conjuncts(group)
                                   for p in places.within(*extent(c)) if len(p) == 2))  # fmt: skip
        if len(named) == 2:
            return named
        if any(c.lower_ in WORDS["both"] for c in group.children):
            for scope in (sent, _previous(sent)):
                found = [p for p in places.within(scope.start_char, scope.end_char) if len(p) == 2]
                if len(found) == 2:
                    return found
    return []


def _previous(sent: Span) -> Span:
    return sentence_of(sent.doc[sent.start - 1]) if sent.start > 0 else sent


INCLUDE = frozenset({"include", "involve", "comprise", "incluir", "involucrar", "abarcar"})


def _participating(tok: Token) -> bool:
    """ "participating" / «participantes» describing a group whose members a verb lists."""
    return (
        tok.pos_ in {"ADJ", "VERB"}
        and tok.dep_ in {"amod", "acl"}
        and tok.lemma_.lower() in WORDS["part_nouns"] | {"participate", "participar"}
        and tok.head.dep_ in {"nsubj", "nsubj:pass"}
        and tok.head.head.lemma_.lower() in INCLUDE
    )


def listed(group: Token, places: Places) -> list[str]:
    """The places a verb lists as the group's members: "... include A, B and C"."""
    verb = group.head
    objects = [c for c in verb.children if c.dep_ in {"dobj", "obj", "attr"}]
    return list(dict.fromkeys(p for o in objects for p in places.within(*extent(o))))


def _framing_verb(noun: Token) -> Token | None:
    """The verb a cooperation noun says how of: "worked in cooperation with X", «actuó en
    coordinación con X»."""
    prep = prep_of(noun)
    if prep not in IN:
        return None
    verb = noun.head.head if noun.dep_ == "pobj" else noun.head
    return verb if verb.pos_ in {"VERB", "AUX"} else None


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
