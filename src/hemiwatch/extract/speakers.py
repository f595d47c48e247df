"""Who a subject phrase refers to: a person's full name or a named body, never a pronoun.

Pronouns resolve to the latest earlier person of a compatible gender, role nouns ("the admiral")
to the latest person whose title holds the role, short body names ("the department", "the DEA")
to the fullest name the article gives that body.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources

from spacy.tokens import Doc, Span, Token

from hemiwatch.extract.countries import find_places
from hemiwatch.extract.lexicons import gazetteer, roles, titles
from hemiwatch.extract.spans import Spans
from hemiwatch.models import Person
from hemiwatch.models import Span as CharSpan
from hemiwatch.nlp import PERSON

PRONOUN_GENDER = {"he": "male", "she": "female"}
_ABBREVIATIONS = {
    "adm.": "admiral",
    "gen.": "general",
    "col.": "colonel",
    "capt.": "captain",
    "sgt.": "sergeant",
    "lt.": "lieutenant",
    "cmdr.": "commander",
    "sen.": "senator",
    "rep.": "representative",
    "gov.": "governor",
    "maj.": "major",
}
_ROLE_GENDER = {
    "spokeswoman": "female",
    "spokesman": "male",
    "chairwoman": "female",
    "chairman": "male",
    "congresswoman": "female",
    "congressman": "male",
}


@cache
def org_heads() -> frozenset[str]:
    path = resources.files("hemiwatch").joinpath("lexicons").joinpath("org_heads.txt")
    lines = [ln for ln in path.read_text("utf-8").splitlines() if not ln.startswith("#")]
    return frozenset(w for ln in lines for w in ln.split())


@dataclass(frozen=True)
class Speaker:
    name: str
    title: str | None
    country: str | None
    mention: CharSpan
    body: bool = False  # a named body (ministry, agency), not a person
    basis: str = "speaker.name"  # the rule that resolved it (hemiwatch.rules)


INDEFINITE = frozenset({"a", "an", "un", "una"})

# "The statement said": a document speaks for whoever issued it.
DOCUMENT_NOUNS = frozenset(
    "statement communique communiqué release letter text "
    "comunicado texto nota declaración carta documento".split()
)


# Head nouns that may stand for a body named with another head ("the agency" for the DEA).
GENERIC_BODIES = frozenset(
    "agency organization organisation body institution agencia organización institución".split()
)


@dataclass(frozen=True)
class Body:
    name: str
    span: CharSpan
    head: str


class SpeakerResolver:
    """Resolves subject tokens of one document against its people and named bodies."""

    def __init__(self, doc: Doc, people: list[Person], quoted: Spans) -> None:
        self.doc = doc
        self.people = people
        self.quoted = quoted
        self.mentions = sorted(
            ((span, p) for p in people for span in p.mentions if not self.in_quote(span[0])),
            key=lambda m: m[0],
        )
        self.bodies = _bodies(doc)
        self.mention_starts = [m[0][0] for m in self.mentions]
        # the speakers of the direct quotes so far, by position (for pro-drop verbs)
        self.quote_speakers: list[tuple[int, Speaker]] = []
        self.issuers: list[tuple[int, Speaker]] = []  # bodies that spoke, by position
        # unnamed sources introduced with "a": (position, head noun, speaker)
        self.described: list[tuple[int, str, Speaker]] = []

    def in_quote(self, char: int) -> bool:
        return self.quoted.holds(char)

    def resolve(self, tok: Token) -> Speaker | None:
        """The speaker a subject token stands for, or None when the text does not say.

        The speaker's `mention` is the phrase of the attribution itself ("he", "the admiral",
        "Rubio"), the evidence an analyst checks; the name is what it was resolved to.
        """
        found = self._resolve(tok)
        if found is None:
            return None
        if found.body:
            self.issuers.append((tok.idx, found))
        phrase = _noun_phrase(tok)
        here = (phrase.start_char, phrase.end_char)
        if not (found.mention[0] < here[1] and here[0] < found.mention[1]):
            found = replace(found, mention=here)
        return found

    def spoke(self, at: int, speaker: Speaker) -> None:
        """A direct quote at this position was attributed to the speaker."""
        self.quote_speakers.append((at, speaker))

    def dropped_subject(self, verb: Token) -> Speaker | None:
        """«…», agregó. with no subject: the speaker of the latest quote before the verb,
        unless a person has become the subject of a sentence since («La directora, X, advirtió
        que …»)."""
        last = next((sp for at, sp in reversed(self.quote_speakers) if at < verb.idx), None)
        earlier = self.mentions[: bisect_left(self.mention_starts, verb.idx)]
        for (a, b), person in reversed(earlier):
            if last is not None and a < last.mention[1]:
                break
            span = self.doc.char_span(a, b, alignment_mode="expand")
            if span is not None and _is_subject(span.root):
                return _speaker(person, (a, b), "speaker.prodrop")
        return _as(last, "speaker.prodrop")

    def _resolve(self, tok: Token) -> Speaker | None:
        for appos in (c for c in tok.children if c.dep_ == "appos"):
            person = self._person_at(appos)  # "Haiti's foreign minister, Jean-Robert Desvarieux,"
            if person is not None:
                return replace(person, basis="speaker.appos")
        person = self._person_at(tok)
        if person is not None:
            return person
        low = tok.lower_
        if tok.pos_ == "NOUN" and any(
            c.dep_ == "det" and c.lower_ in INDEFINITE for c in tok.children
        ):
            found = _as(self._named(tok), "speaker.described")  # "a State Department official"
            if found is not None:
                self.described.append((tok.idx, tok.lemma_.lower(), found))
            return found
        if tok.pos_ == "NOUN" and (low in DOCUMENT_NOUNS or tok.lemma_.lower() in DOCUMENT_NOUNS):
            return _as(self._issuer(tok), "speaker.document")
        if low in PRONOUN_GENDER:
            return _as(self._latest_person(tok.idx, gender=PRONOUN_GENDER[low]), "speaker.pronoun")
        if low in {"they", "it"}:
            return _as(self._latest_body(tok.idx, None), "speaker.pronoun_body")
        role = _ABBREVIATIONS.get(low, low)
        if role in titles() and tok.pos_ == "NOUN":
            return _as(self._by_role(tok, role), "speaker.role")
        if tok.pos_ in {"NOUN", "PROPN"}:
            return self._body(tok) or self._named(tok)
        return None

    def _issuer(self, tok: Token) -> Speaker | None:
        """Who issued the statement: its possessor ("the ministry's statement", «el comunicado
        del Ministerio»), else the body that spoke last before it; never "the statement"."""
        for child in tok.children:
            if child.dep_ == "poss" or (child.dep_ == "nmod" and _of_name(child)):
                found = self._resolve(child)
                if found is not None:
                    return found
        earlier = [s for at, s in self.issuers if at < tok.idx]
        return max(earlier, key=lambda s: s.mention[0]) if earlier else None

    def _named(self, tok: Token) -> Speaker | None:
        """A name the text never gives in full ("Ms. Dong"), or a described source ("the
        narrator", "the influential daily", "opposition lawmakers"): the best the text offers,
        without its article."""
        phrase = _noun_phrase(tok)
        span = (phrase.start_char, phrase.end_char)
        if tok.ent_type_ in PERSON:
            ent = next(e for e in tok.doc.ents if e.start <= tok.i < e.end)
            words = [w for w in ent.text.split() if w.lower() not in titles()]
            name = " ".join(words) or ent.text
            return (
                Speaker(name, None, None, span, basis="speaker.unresolved_name") if words else None
            )
        described = {"det", "poss"} | ({"compound", "amod", "prep"} if tok.tag_ == "NNS" else set())
        if tok.pos_ == "NOUN" and any(c.dep_ in described for c in tok.children):
            return Speaker(
                _strip_det(phrase.text),
                None,
                _country_in(phrase.text, tok.doc.lang_),
                span,
                basis="speaker.described",
            )
        return None

    def _person_at(self, tok: Token) -> Speaker | None:
        lo, hi = tok.left_edge.idx, tok.idx + len(tok.text)
        best = None
        first = bisect_left(self.mention_starts, lo - 200)  # a name is shorter than this
        last = bisect_right(self.mention_starts, hi)
        owners = [
            (c.left_edge.idx, c.right_edge.idx + len(c.right_edge.text))
            for c in tok.children
            if c.dep_ == "poss"
        ]
        for (a, b), person in self.mentions[first:last]:
            if a <= tok.idx < b:
                short = len(self.doc.text[a:b].split()) < len(person.name.split())
                return _speaker(person, (a, b), "speaker.surname" if short else "speaker.name")
            if any(x <= a and b <= y for x, y in owners):
                continue  # "Castellanos's lawyer" is not Castellanos
            if lo <= a and b <= hi and tok.head.i != tok.i:
                best = _speaker(person, (a, b))
        return best

    def _latest_person(self, before: int, gender: str | None) -> Speaker | None:
        for (a, b), person in reversed(self.mentions[: bisect_left(self.mention_starts, before)]):
            if gender is None or person.gender in {gender, None}:
                return _speaker(person, (a, b))
        return None

    def _by_role(self, tok: Token, role: str) -> Speaker | None:
        """The latest person before `tok` whose title holds the role ("the admiral", «la
        portavoz»), in the role's gender when the word or its Spanish article shows it."""
        gender = _ROLE_GENDER.get(role) or titles().get(role) or _article_gender(tok)
        holders = roles().get(role, frozenset()) | {role}
        # "A senior official said ... the official added": the unnamed source of that noun,
        # unless a person holding the role was named after it
        since = max(
            (at for at, head, _ in self.described if head == role and at < tok.idx), default=-1
        )
        for (a, b), person in reversed(self.mentions[: bisect_left(self.mention_starts, tok.idx)]):
            if a < since:
                break
            if gender and person.gender not in {gender, None}:
                continue
            words = {_ABBREVIATIONS.get(w, w) for w in (person.title or "").lower().split()}
            spokes = role.startswith("spokes") and any("spokes" in w for w in words)
            if words & holders or spokes or ("*" in holders and words):
                return _speaker(person, (a, b))
        if since >= 0:
            return next(sp for at, head, sp in reversed(self.described) if at == since)
        if _ROLE_GENDER.get(role):
            return self._latest_person(tok.idx, _ROLE_GENDER[role])
        return None

    def _body(self, tok: Token) -> Speaker | None:
        phrase = _noun_phrase(tok)
        text = _strip_det(phrase.text)
        head = tok.lemma_.lower()
        is_acronym = tok.text.isupper() and len(tok.text) >= 2
        if head not in org_heads() and tok.ent_type_ != "ORG" and not is_acronym:
            return None
        span = (phrase.start_char, phrase.end_char)
        full = self._fullest(text, head, tok.idx)
        if not full:
            return None
        basis = "speaker.body" if full == text else "speaker.body_short"
        return Speaker(full, None, _country_in(full, tok.doc.lang_), span, True, basis)

    def _latest_body(self, before: int, head: str | None) -> Speaker | None:
        for body in reversed(self.bodies):
            if body.span[0] < before and (head is None or body.head == head):
                name = self._fullest(body.name, body.head, before) or body.name
                country = _country_in(name, self.doc.lang_)
                return Speaker(name, None, country, body.span, True, "speaker.pronoun_body")
        return None

    def _fullest(self, text: str, head: str, before: int) -> str | None:
        """The fullest name the article gives the body that `text` names."""
        words = _content_words(text)
        if not words:
            return None
        if len(words) == 1 and words[0].lower() == head and not text[:1].isupper():
            earlier = [b for b in self.bodies if b.span[0] < before and b.head in org_heads()]
            same = [b for b in earlier if b.head == head]
            # "the agency" after "the Drug Enforcement Administration"; but "the secretariat"
            # is no embassy
            earlier = same or (earlier if head in GENERIC_BODIES else [])
            if not earlier:
                return None
            text, words = earlier[-1].name, _content_words(earlier[-1].name)
        best = text
        for body in self.bodies:
            other = _content_words(body.name)
            if len(other) > len(_content_words(best)) and (
                _contains(other, words) or _acronym(other) == text.replace(".", "")
            ):
                best = body.name
        return best


def _as(found: Speaker | None, basis: str) -> Speaker | None:
    return replace(found, basis=basis) if found is not None else None


def _is_subject(tok: Token) -> bool:
    """A subject, or a name in apposition to one ("The director, X, warned")."""
    subject = {"nsubj", "nsubjpass", "nsubj:pass"}
    return tok.dep_ in subject or (tok.dep_ == "appos" and tok.head.dep_ in subject)


def _article_gender(tok: Token) -> str | None:
    """«la portavoz» is a woman, «el portavoz» a man: Spanish articles carry the gender."""
    for child in tok.lefts:
        if child.dep_ == "det" and child.lower_ in {"la", "una"}:
            return "female"
        if child.dep_ == "det" and child.lower_ in {"el", "un"}:
            return "male"
    return None


def _country_in(name: str, language: str = "en") -> str | None:
    """The country a body's name carries: "U.S. Southern Command" -> US."""
    for match in find_places(name, language=language):
        if match.place.kind in {"name", "demonym"}:
            return match.place.code
    return None


def _speaker(person: Person, span: CharSpan, basis: str = "speaker.name") -> Speaker:
    return Speaker(person.name, person.title, person.country, span, basis=basis)


def _bodies(doc: Doc) -> list[Body]:
    """Named bodies in text order: ORG entities and capitalised phrases headed by an org noun."""
    out: dict[CharSpan, Body] = {}
    heads = org_heads()
    places = gazetteer().surfaces
    for ent in doc.ents:
        if ent.label_ == "ORG" and _strip_det(ent.text) not in places:
            phrase = _noun_phrase(ent.root)
            name = _strip_det(phrase.text)
            if not _content_words(name):
                continue  # the parser's root of the entity was its "the"
            out[(phrase.start_char, phrase.end_char)] = Body(
                name, (phrase.start_char, phrase.end_char), ent.root.lemma_.lower()
            )
    for tok in doc:
        if tok.lemma_.lower() in heads and tok.dep_ != "compound" and _named_body(tok):
            phrase = _noun_phrase(tok)
            key = (phrase.start_char, phrase.end_char)
            if key not in out:
                out[key] = Body(_strip_det(phrase.text), key, tok.lemma_.lower())
    return sorted(out.values(), key=lambda b: b.span)


def _named_body(tok: Token) -> bool:
    """ "the Interior Ministry", and "Paraguay's anti-drug secretariat", "the Colombian navy":
    an org noun that is capitalised or carries a name."""
    return tok.text[:1].isupper() or any(
        c.dep_ in {"poss", "compound", "amod"} and c.text[:1].isupper() and c.i > 0
        for c in tok.lefts
    )


def _noun_phrase(tok: Token) -> Span:
    """The name-like part of a noun phrase: possessor, modifiers, head and an "of X" tail."""
    doc = tok.doc
    start = tok.i
    for child in tok.lefts:
        if child.dep_ in {"compound", "amod", "poss", "det", "nmod", "npadvmod"}:
            start = min(start, child.left_edge.i)
    end = reach = tok.i + 1
    for child in tok.rights:
        if child.dep_ == "prep" and child.lower_ == "of" and child.i == end:
            pobj = [c for c in child.children if c.dep_ == "pobj"]
            if pobj and pobj[0].text[:1].isupper():
                end = pobj[0].i + 1
        elif child.dep_ == "flat" and child.i == end and child.text[:1].isupper():
            end = reach = child.right_edge.i + 1  # «la Policía Nacional Civil»
        elif child.dep_ == "amod" and child.i == reach and doc.lang_ == "es":
            end = reach = child.i + 1  # «la embajada estadounidense», «la Cancillería colombiana»
        elif child.dep_ in {"nmod", "flat"} and child.left_edge.i == reach and _de(child):
            # «el Ministerio de Relaciones Exteriores», «el Gobierno de transición de Haití»:
            # a lower-case «de …» belongs to the name only when a named one follows it
            reach = child.right_edge.i + 1
            if _of_name(child):
                end = reach
    return doc[start:end]


def _de(tok: Token) -> bool:
    """A «de/del X» modifier, or «para/contra X» («Organización Internacional para las
    Migraciones»), short enough to be part of a name."""
    case = [c for c in tok.children if c.dep_ == "case"]
    return (
        bool(case)
        and case[0].lower_ in {"de", "del", "para", "contra"}
        and tok.right_edge.i - tok.i < 6
    )


def _of_name(tok: Token) -> bool:
    """A «de X» / «del X» modifier with a name in it, the Spanish "of X" of a body's name."""
    return _de(tok) and any(t.pos_ == "PROPN" or t.text[:1].isupper() for t in tok.subtree)


# English and Spanish articles and possessives: "his government" names no body
ARTICLES = r"the|a|an|el|la|los|las|un|una|his|her|its|their|our|su|sus|nuestro|nuestra"


def _strip_det(text: str) -> str:
    return re.sub(rf"^(?:{ARTICLES})\s+", "", text.strip(), flags=re.I)


FUNCTION_WORDS = frozenset(
    {"the", "of", "'s", "’s", "el", "la", "los", "las", "de", "del", "su", "sus", "his", "its"}
)


def _content_words(text: str) -> list[str]:
    return [w for w in re.findall(r"[\w.'’-]+", text) if w.lower() not in FUNCTION_WORDS]


def _contains(longer: list[str], shorter: list[str]) -> bool:
    it = iter(w.lower() for w in longer)
    return all(any(w.lower() == x for x in it) for w in shorter)


def _acronym(words: list[str]) -> str:
    return "".join(w[0] for w in words if w[:1].isupper() and "." not in w)
