"""The two sides of a stance: who acts (the cue's subject, "we" in a quote, the speaker's own
government) and toward whom (the cue's objects and "with/to X", the one place a refused thing
belongs to, the side that runs what is taken part in, or the one other place the sentence
names). Places that only describe a thing ("a Caribbean exercise") are no side."""

from __future__ import annotations

import re
from bisect import bisect_left
from itertools import islice

from spacy.tokens import Doc, Token

from hemiwatch.extract.grammar import (
    OBJECTS,
    SUBJECTS,
    WORDS,
    complement_text,
    conjuncts,
    core_extent,
    extent,
    own_clause,
    owner_words,
    prep_of,
    preps,
    sent_range,
)
from hemiwatch.extract.lexicons import reporting_verbs
from hemiwatch.models import CountryMention, Quote, RegionMention
from hemiwatch.models import Span as CharSpan
from hemiwatch.nlp import sentence_of, sentences

# what is taken part in: an exercise, a force, a programme ...
EVENTS = re.compile(
    r"\b(?:exercises?|drills?|force|mission|operations?|program(?:me)?s?|initiatives?|"
    r"coalition|patrols?|invitation|summit|ejercicios?|simulacros?|fuerza|misión|operación|"
    r"programa|iniciativa|coalición|patrullajes?|invitación|cumbre)\b",
    re.I,
)


class Places:
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


def first_source_country(quotes: list[Quote]) -> str | None:
    """The country of the article's first source with a known country: the side that runs
    the exercise, force or programme the article reports ("U.S. Southern Command said ...")."""
    return next((q.speaker_country for q in quotes if q.speaker_country), None)


def named_backer(tok: Token, places: Places) -> list[str]:
    """Who runs the programme, from this sentence or the one before: "a programme backed by
    Washington", "a U.S.-led force", «la misión encabezada por Kenia»."""
    sent = sentence_of(tok)
    before = sentence_of(tok.doc[sent.start - 1]) if sent.start > 0 else sent
    lead = list(islice((s for s in sentences(tok.doc) if any(t.is_alpha for t in s)), 2))
    for scope in (sent, before, *lead):  # the lead names who runs what the article is about
        for word in scope:
            if word.pos_ == "NOUN" and word.lemma_.lower() in WORDS["run_by"]:
                # «una iniciativa del Comando Sur de los Estados Unidos», "a program of X"
                found = [
                    p
                    for prep, owner in preps(word)
                    if prep in {"of", "de", "del"}
                    for p in places.within(*extent(owner))
                    if len(p) == 2
                ]
                if found:
                    return found[:1]
                continue
            if word.lemma_.lower() not in WORDS["backing"] or word.pos_ not in {"VERB", "ADJ"}:
                continue
            for prep, agent in preps(word) + [
                (c.lower_, g) for c in word.children if c.dep_ == "agent" for g in c.children
            ]:
                if prep in {"by", "por"}:
                    found = [p for p in places.within(*extent(agent)) if len(p) == 2]
                    if found:
                        return found[:1]
    return []


def takes_part(tok: Token) -> bool:
    """A cue of taking part in (or staying out of) something run by another side."""
    lemma = tok.lemma_.lower()
    if tok.pos_ in {"NOUN", "ADJ"} or lemma in WORDS["part_nouns"]:
        return lemma in WORDS["part_nouns"] or lemma in {"participate", "participar"}
    return lemma in WORDS["part_verbs"] and bool(EVENTS.search(complement_text(tok)))


def most_named_other(counts: dict[str, int], actors: list[str]) -> list[str]:
    """The article's clearly most-named other country, when one stands out (twice the next)."""
    ranked = sorted(((n, c) for c, n in counts.items() if c not in actors), reverse=True)
    if not ranked or ranked[0][0] < 2:
        return []
    if len(ranked) > 1 and ranked[0][0] < 2 * ranked[1][0]:
        return []
    return [ranked[0][1]]


def subject_of(tok: Token) -> Token | None:
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


def find_actors(tok: Token, places: Places, speaker_country: str | None) -> list[str]:
    subj = subject_of(tok)
    if tok.dep_ == "acl" and subj is None:  # "radar tracks shared by the Colombian Navy"
        subj = tok.head
    if subj is None:
        # «actuamos juntos»: a Spanish verb in the first person plural is the speaker's side
        first_plural = tok.morph.get("Person", []) == ["1"] and tok.morph.get("Number", []) == [
            "Plur"
        ]
        return [speaker_country] if first_plural and speaker_country else []
    if (
        subj.lower_ in WORDS["first_plural"]
        or subj.lower_ in WORDS["third_person"]
        or _own_side(subj)
    ):
        # "we" in a quote, or the reporter itself in reported speech ("the DEA said it had
        # supplied intelligence", "his government will send"): the speaker's country
        return [speaker_country] if speaker_country else []
    if subj.lower_ in {"that", "which", "who", "que"} and subj.head.dep_ in {"relcl", "acl"}:
        subj = subj.head.head  # "one nation that does not cooperate, which is ... Venezuela"
        own = extent(tok)  # not "the Caribbean" of "…, which sent a ship based in the Caribbean"
        outer = extent(subj)
        found = [p for a, b, p in places.between(*outer) if not (own[0] <= a and b <= own[1])]
        found = list(dict.fromkeys(found))
    else:
        found = places.within(*core_extent(subj))
    if not found:
        found = body_country(subj, places)
    if not found and subj.lemma_.lower() in WORDS["generic_subjects"]:
        if speaker_country and _definite_singular(subj):
            return [speaker_country]  # the minister's "the country will receive …"
        # the places the sentence names, less those the act goes to ("Governments have
        # offered officers for the force in Haiti" is not Haiti offering)
        given = [extent(c) for c in tok.children if c.dep_ not in SUBJECT_DEPS]
        found = list(
            dict.fromkeys(
                code
                for a, b, code in places.between(*sent_range(subj))
                if not any(x <= a and b <= y for x, y in given)
            )
        )
    return found


def body_country(subj: Token, places: Places) -> list[str]:
    """A body the sentence names without its country ("the Coast Guard", «la Cancillería»)
    belongs to the country the article gave it where it named it in full ("the U.S. Coast
    Guard", "the Coast Guard of Colombia", «la Guardia Costera de Honduras»)."""
    if subj.pos_ != "PROPN" or subj.ent_type_ not in {"ORG", ""}:
        return []
    words = sorted(
        (t for t in subj.subtree if t.dep_ in {"compound", "flat"} or t.i == subj.i),
        key=lambda t: t.i,
    )
    if not words or len(words) > 5 or not all(t.text[:1].isupper() for t in words):
        return []
    name, text = " ".join(t.text for t in words), subj.doc.text
    seen: list[str] = []
    at = text.find(name)
    while 0 <= at <= subj.idx:
        end = at + len(name)
        seen += [c for _, b, c in places.between(max(0, at - 16), at) if at - b <= 2]
        seen += [c for a, _, c in places.between(end, end + 40) if OF_THE.fullmatch(text[end:a])]
        at = text.find(name, end)
    found = [c for c in dict.fromkeys(seen) if len(c) == 2]
    return found if len(found) == 1 else []


OF_THE = re.compile(r"\s+(?:of|de|del)\s+(?:the\s+|la\s+|los\s+|el\s+)?")
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "nsubj:pass", "csubj"})


def _definite_singular(tok: Token) -> bool:
    definite = any(c.dep_ == "det" and c.lower_ in {"the", "el", "la"} for c in tok.children)
    return definite and tok.tag_ != "NNS" and tok.morph.get("Number", []) != ["Plur"]


def _own_side(subj: Token) -> bool:
    """ "his government", «su Gobierno»: the speaker's own country, named by a possessive."""
    generic = (
        subj.lemma_.lower() in WORDS["generic_subjects"] or subj.lower_ in WORDS["generic_subjects"]
    )
    return generic and any(c.lower_ in WORDS["possessives"] for c in subj.children)


def noun_actors(tok: Token, places: Places, speaker_country: str | None) -> list[str]:
    owners = [c for c in tok.children if c.dep_ in {"poss", "compound", "amod"}]
    owners += [o for prep, o in preps(tok) if prep in {"de", "del"} and o.i < tok.i + 4]
    found: list[str] = []
    for owner in owners:
        found += places.within(*extent(owner))
    if (
        not found
        and tok.dep_ in {"dobj", "obj"}
        and tok.head.lemma_.lower() in WORDS["light_verbs"]
    ):
        found += find_actors(tok.head, places, speaker_country)  # "Cuba expressed its support"
    if tok.dep_ == "attr":  # "Peru has been a reliable partner"
        subj = [c for c in tok.head.children if c.dep_ == "nsubj"]
        if subj:
            found += places.within(*extent(subj[0]))
    for prep, pobj in preps(tok):
        if prep in {"from", "by"}:
            # "pledges from 11 countries, led by Jamaica, Guatemala and the Bahamas"
            found += places.within(*extent(pobj))
    if tok.lemma_.lower() == "participant" and tok.dep_ == "nsubj":
        found += [
            p
            for c in tok.head.children
            if c.dep_ == "dobj"
            for part in conjuncts(c)
            for p in places.within(*head_extent(part))
        ]  # "Other participants include A, B and C"
    return list(dict.fromkeys(found))


def find_targets(
    tok: Token,
    places: Places,
    actors: list[str],
    speaker_country: str | None,
    quote: Quote | None,
) -> tuple[list[str], str]:
    """The cue's targets and how they were found."""
    found: list[str] = []
    for node in own_clause(tok):
        if not _target_role(tok, node):
            continue
        if node.lower_ in WORDS["first_plural"] and speaker_country:
            found.append(speaker_country)
        # the place must be the object itself ("to the United States", "with Guyana"), not a
        # modifier of it ("a Caribbean exercise")
        for part in conjuncts(node):
            found += sides_in(tok.doc, *head_extent(part), places)
            for member in members(part):  # "partner nations, including Colombia and ..."
                found += sides_in(tok.doc, *head_extent(member), places)
    targets = [t for t in dict.fromkeys(found) if t not in actors]
    if targets:
        return targets, "stance.target.explicit"
    if quote is not None and speaker_country and speaker_country not in actors:
        # "There is one nation that does not cooperate" [with us]
        return [speaker_country], "stance.target.speaker_country"
    return [], ""


def _target_role(cue: Token, node: Token) -> bool:
    """The other side of a cue: "with/to X" anywhere in its clause, or its own object."""
    prep = prep_of(node)
    if prep is not None and (
        (node.dep_ == "pobj" and prep in WORDS["target_preps"])
        or (node.dep_ in {"obl", "nmod"} and prep in WORDS["target_preps_es"])
    ):
        return True
    return node.dep_ in OBJECTS and node.head.i == cue.i


def names_other_side(tok: Token, places: Places, actors: list[str]) -> bool:
    """Whether the cue's clause names another side itself ("signed with the United States")."""
    return any(
        p not in actors
        for node in own_clause(tok)
        if _target_role(tok, node) and node.dep_ not in OBJECTS
        for p in places.within(*head_extent(node))
    )


PARTNER_PREPS = frozenset({"with", "con"})


def unplaced_partner(tok: Token, places: Places) -> bool:
    """The cue names its partner, but not as a place: "cooperating with its neighbors",
    «colaborar con las autoridades». Another place in the sentence is not that partner."""
    for prep, pobj in preps(tok):
        if prep in PARTNER_PREPS and pobj.pos_ == "NOUN" and not places.within(*extent(pobj)):
            return True
    return False


def owner_of_object(tok: Token, places: Places, actors: list[str]) -> list[str]:
    """The one place named inside the object: "rejected the deployment of U.S. warships",
    «se negó a firmar la declaración de Washington» (the object of its infinitive)."""
    verbs = [tok, *(c for c in tok.children if c.dep_ == "xcomp")]
    objects = [c for v in verbs for c in v.children if c.dep_ in {"dobj", "obj"}]
    # "will not take part in the U.S. attack on X", «no participará en el ataque de EE.UU.»
    parts = [o for o in objects if o.lemma_.lower() in {"part", "parte"}]
    if parts or tok.lemma_.lower() in {"participate", "participar"}:
        objects += [o for h in verbs + parts for prep, o in preps(h) if prep in {"in", "en"}]
    owners = {w.i for o in objects for w in owner_words(o)}
    found = []
    extents = [extent(o) for o in objects]
    for a, b, p in (m for lo, hi in extents for m in places.between(lo, hi)):
        span = tok.doc.char_span(a, b, alignment_mode="expand")
        if span is not None and span.root.i in owners and p not in actors:
            found += sides_in(tok.doc, a, b, places)
    found = list(dict.fromkeys(found))
    countries = [p for p in found if not p.startswith("region:")]  # «buques de EE.UU. en el Caribe»
    return countries if len(countries) == 1 else found if len(found) == 1 else []


def places_around(tok: Token, places: Places) -> list[str]:
    """The sentence's places, without those in a clause coordinated with the cue ("…, and
    Havana, which was not invited, criticized …") or that only describe a thing ("a Caribbean
    exercise")."""
    doc = tok.doc
    sent = sentence_of(tok)
    chain = [tok]  # and the verbs it completes: "were invited to join ..., but X was not"
    while chain[-1].dep_ in {"xcomp", "ccomp", "dobj", "obj"} and chain[-1].head.i != chain[-1].i:
        chain.append(chain[-1].head)  # (a noun cue's light verb: «expresaron su apoyo»)
    aside = {
        t.i
        for verb in chain
        for c in verb.children
        if (c.dep_ in {"conj", "parataxis"} or _contrast(c))
        and c.pos_ in {"VERB", "AUX"}
        and c not in chain
        for t in c.subtree
    }
    return sides_in(doc, sent.start_char, sent.end_char, places, aside)


# "a Kenyan-led mission in Haiti": the place that leads a thing is not the side it serves
LEADING = frozenset({"lead", "led", "back", "backed", "fund", "funded", "run", "base", "based"})


def _contrast(clause: Token) -> bool:
    """'..., while Venezuela called it ...', «…, mientras que Venezuela la calificó …»."""
    marks = {c.lower_ for c in clause.children if c.dep_ in {"mark", "cc"}}
    return clause.dep_ == "advcl" and bool(marks & {"while", "whereas", "mientras"})


def sides_in(
    doc: Doc, lo: int, hi: int, places: Places, aside: set[int] | None = None
) -> list[str]:
    """Places in [lo, hi) that stand for a side, not those that only describe a thing ("a
    Caribbean exercise", "a Kenyan-led mission"), nor those in the `aside` tokens."""
    out: list[str] = []
    for a, b, code in places.between(lo, hi):
        if code in out:
            continue
        span = doc.char_span(a, b, alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        if _nationals(root):
            continue  # "extradited 23 Hondurans to the United States": people, not a side
        describes = root.dep_ in {"amod", "compound"} and bool(EVENTS.fullmatch(root.head.text))
        after = doc[span.end : span.end + 2]
        leads = len(after) == 2 and after[0].text == "-" and after[1].lemma_ in LEADING
        if root.i not in (aside or set()) and not describes and not leads:
            out.append(code)
    return out


def members(group: Token) -> list[Token]:
    """The members a generic group names: "partner nations, including Colombia and Costa
    Rica", «países como Colombia y Perú»; none for a group that is no generic noun."""
    lemma = group.lemma_.lower()
    if lemma not in WORDS["generic_subjects"] and group.lower_ not in WORDS["generic_subjects"]:
        return []
    out: list[Token] = []
    for prep, obj in preps(group):
        if prep in WORDS["including"]:
            out += conjuncts(obj)
    for child in group.children:  # the parser may hang "including X" on the group as a verb
        if child.dep_ in {"prep", "acl"} and child.lower_ in WORDS["including"]:
            out += [c for g in child.children if g.dep_ in {"pobj", "dobj", "obj"}
                    for c in conjuncts(g)]  # fmt: skip
    return out


def _nationals(root: Token) -> bool:
    """A demonym used as a plural noun: "Hondurans", «hondureños» are people of a country."""
    if root.tag_ == "NNPS" and root.ent_type_ == "NORP":
        return True
    return (
        root.pos_ == "NOUN"
        and root.text[:1].islower()
        and root.morph.get("Number", []) == ["Plur"]
        and root.dep_ not in {"amod", "compound"}
    )


def head_extent(tok: Token) -> CharSpan:
    """The object's head with its name-forming modifiers ("the United States", "Venezuela's")."""
    deps = {"compound", "det", "flat"}  # "the United States", «Estados Unidos»
    lemma = tok.lemma_.lower()
    if lemma in WORDS["generic_subjects"] or lemma in WORDS["forces"]:
        deps.add("amod")  # "the Venezuelan government", «marines estadounidenses»
    keep = [tok, *(c for c in tok.children if c.dep_ in deps)]
    if tok.pos_ == "PROPN" or lemma in WORDS["generic_subjects"]:
        # «el Comando Sur de Estados Unidos», «el Gobierno de Trinidad y Tobago»
        keep += [t for prep, o in preps(tok) if prep in {"de", "del"} for t in o.subtree]
    keep.sort(key=lambda t: t.i)
    return keep[0].idx, keep[-1].idx + len(keep[-1].text)
