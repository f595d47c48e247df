"""Who the subject of an attribution is: a person's full name, a body's fullest name, a
country, or a described source; never a pronoun, a bare common noun, a dateline or a place.

`resolve(tok, discourse, said)` is a pure function of the article's discourse state (built once:
its people and their mentions, its bodies, its documents and their issuers, its unnamed
described sources) and of the attributions decided before this one (`said`, in text order), so
that the salient speaker of an attribution chain stays the speaker of "he said" until another
person takes over.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache

from spacy.tokens import Doc, Token

from hemiwatch.extract.lexicons import _sections, gazetteer, roles, titles
from hemiwatch.extract.quotes.bodies import Bodies, country_in, noun_phrase, of_name, strip_det
from hemiwatch.extract.spans import Spans
from hemiwatch.models import Person
from hemiwatch.models import Span as CharSpan
from hemiwatch.nlp import PERSON, sentence_of

PRONOUN_GENDER = {
    "he": "male",
    "she": "female",
    "él": "male",
    "ella": "female",
    "his": "male",
    "her": "female",
}
POSSESSIVE_GENDER = {"his": "male", "her": "female"}
BODY_PRONOUNS = frozenset({"it", "they", "ellos", "ellas"})
INDEFINITE = frozenset({"a", "an", "un", "una", "another", "otro", "otra"})
SUBJECTS = frozenset({"nsubj", "nsubjpass", "nsubj:pass"})
ABBREVIATIONS = {
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
ROLE_GENDER = {
    "spokeswoman": "female",
    "spokesman": "male",
    "chairwoman": "female",
    "chairman": "male",
    "congresswoman": "female",
    "congressman": "male",
}
SALIENT_SENTENCES = 4  # a chain's speaker stays salient this long after speaking


@cache
def speaker_nouns() -> dict[str, frozenset[str]]:
    """lexicons/speakers.txt by section; the kind sections keyed by their first word too."""
    out: dict[str, frozenset[str]] = {}
    for section, words in _sections("speakers.txt").items():
        out[section] = frozenset(w.replace("-", " ") for w in words)
    return out


def kind_of(lemma: str) -> str | None:
    """The kind of body a noun names ("military", "government", "police", "court")."""
    for kind in ("military", "government", "police", "court"):
        if lemma in speaker_nouns()[kind]:
            return kind
    return None


@dataclass(frozen=True)
class Speaker:
    name: str
    title: str | None
    country: str | None
    mention: CharSpan  # the phrase of the attribution itself ("he", "the admiral", "Rubio")
    body: bool = False  # a named body or a country, not a person
    basis: str = "speaker.name"
    gender: str | None = None


@dataclass(frozen=True)
class Said:
    """An attribution decided before: where, and who spoke."""

    at: int
    speaker: Speaker


class Discourse:
    """What one article offers speakers: built once, read by resolve()."""

    def __init__(self, doc: Doc, people: list[Person], quoted: Spans) -> None:
        self.doc = doc
        self.quoted = quoted
        self.mentions = sorted(
            ((span, p) for p in people for span in p.mentions if not quoted.holds(span[0])),
            key=lambda m: m[0],
        )
        self.starts = [m[0][0] for m in self.mentions]
        self.bodies = Bodies(doc)
        self.subject_mentions = {span for span, _ in self.mentions if self._is_subject(span)}
        # "a senior State Department official": unnamed sources that speak later as "the
        # official" (position, head lemma, token)
        self.described = [
            (t.idx, t.lemma_.lower(), t)
            for t in doc
            if t.pos_ == "NOUN"
            and any(c.dep_ == "det" and c.lower_ in INDEFINITE for c in t.children)
            and (t.lemma_.lower() in titles() or t.lemma_.lower() in described_heads())
            and not quoted.holds(t.idx)
        ]
        self.documents = {t.i: _issuer_token(t) for t in doc if is_document(t)}

    def _is_subject(self, span: CharSpan) -> bool:
        found = self.doc.char_span(span[0], span[1], alignment_mode="expand")
        if found is None:
            return False
        root = found.root
        return root.dep_ in SUBJECTS or (root.dep_ == "appos" and root.head.dep_ in SUBJECTS)

    def persons_before(self, char: int) -> list[tuple[CharSpan, Person]]:
        return self.mentions[: bisect_left(self.starts, char)]


def described_heads() -> frozenset[str]:
    return speaker_nouns()["described_heads"]


def is_document(tok: Token) -> bool:
    return tok.pos_ in {"NOUN", "PROPN"} and (
        tok.lemma_.lower() in speaker_nouns()["documents"]
        or tok.lower_ in speaker_nouns()["documents"]
    )


def resolve(tok: Token, disc: Discourse, said: Sequence[Said] = ()) -> Speaker | None:
    """The speaker a subject token stands for, or None when the text does not say."""
    found = _resolve(tok, disc, said, depth=0)
    if found is None:
        return None
    if not found.body and found.basis in NAMED:
        found = _joint(tok, found, disc)
    phrase = noun_phrase(tok)
    here = (phrase.start_char, phrase.end_char)
    if not (found.mention[0] < here[1] and here[0] < found.mention[1]):
        found = replace(found, mention=here)
    return found


def _resolve(tok: Token, disc: Discourse, said: Sequence[Said], depth: int) -> Speaker | None:
    if depth > 3 or disc.quoted.holds(tok.idx):
        return None
    for appos in (c for c in tok.children if c.dep_ == "appos"):
        person = _person_at(appos, disc)  # "Haiti's foreign minister, Jean-Robert Desvarieux,"
        if person is not None:
            return replace(person, basis="speaker.appos")
    person = _person_at(tok, disc)
    if person is not None:
        return person
    for named in (c for c in tok.children if c.dep_ in {"appos", "flat"} and c.ent_type_ in PERSON):
        found = _unresolved_name(named)  # «La abogada Flávia Fróes, quien ...»
        if found is not None:
            return found
    low, lemma = tok.lower_, tok.lemma_.lower()
    if low in PRONOUN_GENDER or low in BODY_PRONOUNS:
        reporter = _reporter(tok, disc, said, depth)
        wanted = PRONOUN_GENDER.get(low)
        if reporter is not None and (
            (wanted is None and reporter.body)
            or (wanted and reporter.gender in {wanted, None} and not reporter.body)
        ):
            return replace(reporter, basis="speaker.pronoun" if wanted else "speaker.pronoun_body")
    if low in PRONOUN_GENDER:
        return _as(_pronoun(tok, PRONOUN_GENDER[low], disc, said), "speaker.pronoun")
    if low in BODY_PRONOUNS:
        return _as(_latest_body(tok.idx, disc, said), "speaker.pronoun_body")
    if tok.pos_ == "PRON":
        return None
    if is_document(tok):
        return _as(_issuer(tok, disc, said, depth), "speaker.document")
    if lemma in speaker_nouns()["media"] and not tok.text[:1].isupper():
        return _as(_outlet(tok, disc), "speaker.body_short")
    if tok.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in INDEFINITE for c in tok.children):
        if _in_lead(tok) and (lemma in titles() or lemma in described_heads()):
            # "..., a high-ranking police commander announced. ... Colonel Fernando Amurrio,
            # head of the anti-narcotics police, told reporters": the lead's source is named next
            ahead = _named_after(tok, frozenset({"*"}), _article_gender(tok), disc)
            if ahead is not None:
                return replace(ahead, basis="speaker.role")
        return _described(tok)  # "a State Department official" is someone new
    role = ABBREVIATIONS.get(low, low)
    plural = tok.tag_ == "NNS" or tok.morph.get("Number", []) == ["Plur"]
    if not plural and (head := _head_of(tok, disc)) is not None:
        return head
    if (
        tok.pos_ in {"NOUN", "PROPN"}
        and (role in titles() or lemma in titles())
        and not plural
        and tok.ent_type_ not in PERSON
    ):
        found = _as(_by_role(tok, role, disc, said), "speaker.role")
        if found is not None:
            return found
    if tok.pos_ in {"NOUN", "PROPN"}:
        return (
            _country(tok)
            or _body(tok, disc, said)
            or _described(tok, disc, said)
            or _unresolved_name(tok)
        )
    return None


NAMED = frozenset({"speaker.name", "speaker.surname", "speaker.appos"})
AND = frozenset({"and", "y", "e"})
MAX_JOINT = 3  # "A, B and C said": beyond that it is a list, not speakers


def _joint(tok: Token, first: Speaker, disc: Discourse) -> Speaker:
    """ "Rubio and de la Fuente reaffirmed that ...": one report by both, named in full."""
    conjuncts = [c for c in tok.conjuncts if c.i > tok.i]
    if not conjuncts or len(conjuncts) >= MAX_JOINT:
        return first
    if not any(c.dep_ == "cc" and c.lower_ in AND for t in (tok, *conjuncts) for c in t.children):
        return first
    names = [first.name]
    for conj in conjuncts:
        other = _person_at(conj, disc)
        if other is None or other.name in names:
            return first  # "Rubio and his team": the team is no named speaker
        names.append(other.name)
    joiner = " y " if tok.doc.lang_ == "es" else " and "
    name = ", ".join(names[:-1]) + joiner + names[-1]
    return Speaker(name, None, None, first.mention, basis="speaker.joint")


def _reporter(tok: Token, disc: Discourse, said: Sequence[Said], depth: int) -> Speaker | None:
    """ "the OAS says it will ask ...", "Canada said it would impose ...": a pronoun in a
    reported clause that agrees with the reporter is the reporter."""
    from hemiwatch.extract.quotes.frames import is_cue

    node = tok.head
    for _ in range(4):
        if node.dep_ not in {"ccomp", "xcomp", "conj", "advcl"} or node.head.i == node.i:
            return None
        node = node.head
        if is_cue(node):
            subject = next((c for c in node.children if c.dep_ in SUBJECTS), None)
            if subject is None or subject.i == tok.i or subject.pos_ == "PRON":
                return None
            return _resolve(subject, disc, said, depth + 1)
    return None


def _as(found: Speaker | None, basis: str) -> Speaker | None:
    return replace(found, basis=basis) if found is not None else None


def _speaker(person: Person, span: CharSpan, basis: str = "speaker.name") -> Speaker:
    return Speaker(person.name, person.title, person.country, span, basis=basis,
                   gender=person.gender)  # fmt: skip


def _person_at(tok: Token, disc: Discourse) -> Speaker | None:
    """The person whose mention the token is, or the one mention inside its phrase (not an
    owner's: "Castellanos's lawyer" is not Castellanos)."""
    right = tok
    while right.i + 1 < len(tok.doc) and right.i - tok.i < 4:  # "Lt. Cmdr. John W. Beal"
        nxt = tok.doc[right.i + 1]
        if nxt.pos_ != "PROPN" or nxt.head.i not in {tok.i, right.i, nxt.i + 1, nxt.i + 2}:
            break
        right = nxt
    lo, hi = tok.left_edge.idx, right.idx + len(right.text)
    first = bisect_left(disc.starts, lo - 200)  # a name is shorter than this
    last = bisect_right(disc.starts, hi)
    owners = [
        (c.left_edge.idx, c.right_edge.idx + len(c.right_edge.text))
        for c in tok.children
        if c.dep_ == "poss"
    ]
    best = None
    for (a, b), person in disc.mentions[first:last]:
        if a <= tok.idx < b:
            short = len(disc.doc.text[a:b].split()) < len(person.name.split())
            return _speaker(person, (a, b), "speaker.surname" if short else "speaker.name")
        if any(x <= a and b <= y for x, y in owners):
            continue
        if lo <= a and b <= hi and tok.head.i != tok.i:
            best = _speaker(person, (a, b))
    return best


def _pronoun(tok: Token, gender: str, disc: Discourse, said: Sequence[Said]) -> Speaker | None:
    """ "he" / "she": the speaker of the attribution chain when that person is still salient
    (spoke in the last few sentences, no other person of that gender has been a subject since),
    else the latest person of that gender who was a subject, else the latest of that gender."""
    fits = [(s, p) for s, p in disc.persons_before(tok.idx) if p.gender in {gender, None}]
    if not fits:
        return None
    subject = next((m for m in reversed(fits) if m[0] in disc.subject_mentions), None)
    chain = next(
        (
            s
            for s in reversed(said)
            if s.at < tok.idx and not s.speaker.body and s.speaker.gender in {gender, None}
        ),
        None,
    )
    salient = chain is not None and (
        _sentences_apart(disc.doc, chain.at, tok.idx) <= SALIENT_SENTENCES
    )
    if (
        chain is not None
        and salient
        and (subject is None or subject[0][0] <= chain.at or subject[1].name == chain.speaker.name)
    ):
        return chain.speaker
    span, person = subject or fits[-1]
    return _speaker(person, span)


def _sentences_apart(doc: Doc, a: int, b: int) -> int:
    first = sentence_of(doc[_token_index(doc, a)])
    last = sentence_of(doc[_token_index(doc, b)])
    return sum(1 for t in doc[first.start : last.start] if t.is_sent_start)


def _token_index(doc: Doc, char: int) -> int:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span.start if span is not None and len(span) else 0


def _latest_body(before: int, disc: Discourse, said: Sequence[Said]) -> Speaker | None:
    """ "it" / "they" / a plural pro-drop verb: the body that spoke last, else the latest body
    named before."""
    spoke = next((s.speaker for s in reversed(said) if s.at < before and s.speaker.body), None)
    if spoke is not None:
        return spoke
    for body in reversed(disc.bodies.before(before)):
        name = disc.bodies.fullest(body.name, body.head)
        return Speaker(name, None, country_in(name, disc.doc.lang_), body.span, True)
    return None


def _by_role(tok: Token, role: str, disc: Discourse, said: Sequence[Said]) -> Speaker | None:
    """The latest person before `tok` whose title holds the role ("the admiral", «la
    portavoz»), in the role's gender when the word or its Spanish article shows it; "the
    official" after "a senior official said" is that unnamed official."""
    gender = ROLE_GENDER.get(role) or titles().get(role) or _article_gender(tok)
    holders = roles().get(role, frozenset()) | {role, tok.lemma_.lower()}
    since = max((at for at, head, _ in disc.described if head == role and at < tok.idx), default=-1)
    for (a, b), person in reversed(disc.persons_before(tok.idx)):
        if a < since:
            break
        if gender and person.gender not in {gender, None}:
            continue
        words = {
            ABBREVIATIONS.get(w, w) for w in re.findall(r"[\w.-]+", (person.title or "").lower())
        }
        spokes = role.startswith("spokes") and any("spokes" in w for w in words)
        if words & holders or spokes or ("*" in holders and words):
            return _speaker(person, (a, b))
    if since >= 0:
        earlier = next(t for at, _, t in disc.described if at == since)
        if _in_lead(earlier):  # "a high-ranking police commander announced. ... Colonel X,
            # head of the police, told reporters. ... the police commander explained": X
            ahead = _named_after(earlier, frozenset({"*"}), _article_gender(earlier), disc)
            if ahead is not None:
                return ahead
        return _described(earlier)
    ahead = _named_after(tok, holders, gender, disc)
    if ahead is not None:
        return ahead
    if ROLE_GENDER.get(role):
        fits = [
            (s, p) for s, p in disc.persons_before(tok.idx) if p.gender in {ROLE_GENDER[role], None}
        ]
        return _speaker(fits[-1][1], fits[-1][0]) if fits else None
    return None


HEADS = frozenset(
    "head chief leader director responsable titular jefe jefa líder directora".split()
)


def _head_of(tok: Token, disc: Discourse) -> Speaker | None:
    """ "the head of the OAS", «el máximo responsable de la OEA», «el titular de la SSPC»: the
    latest person before whose title names that same body ("secretario general de la OEA")."""
    if tok.lemma_.lower() not in HEADS or tok.ent_type_ in PERSON:
        return None
    bodies = [
        g
        for c in tok.children
        if c.dep_ in {"prep", "nmod"}
        for g in ([c] if c.dep_ == "nmod" else [x for x in c.children if x.dep_ == "pobj"])
    ]
    names = {
        w.lower_ for b in bodies for w in b.subtree if w.pos_ == "PROPN" or w.text.isupper()
    } - {"de", "of"}
    if not names:
        return None
    for (a, b), person in reversed(disc.persons_before(tok.idx)):
        title = {w.lower() for w in re.findall(r"[\w.-]+", person.title or "")}
        if names & (title | _acronyms(person.title or "")):
            return _speaker(person, (a, b), basis="speaker.role")
    return None


CONNECTORS = frozenset("de del la las los el y of the and for".split())


def _acronyms(title: str) -> set[str]:
    """The initials of the runs of capitalised words in a title, from each word after a
    connector: "secretario general de la Organización de Estados Americanos" -> {"oea",
    "ea"}; "Secretary General of the Organization of American States" -> {"sgoas", "oas",
    "as"}."""
    words = re.findall(r"[\w-]+", title)
    out = set()
    for i, word in enumerate(words):
        if not word[:1].isupper() or (i and words[i - 1][:1].isupper()):
            continue  # a run starts at a capital after a connector (or at the start)
        initials = ""
        for w in words[i:]:
            if w[:1].isupper():
                initials += w[0]
            elif w.lower() not in CONNECTORS:
                break
        if len(initials) >= 2:
            out.add(initials.lower())
    return out


def _named_after(
    tok: Token, holders: frozenset[str], gender: str | None, disc: Discourse
) -> Speaker | None:
    """ "..., the top UN official for the country told the council. Ingrid Valcourt, the UN
    special representative, said ...": a lead's role noun with no one before it is the person
    the next sentences name with such a title."""
    sent = sentence_of(tok)
    limit = sent.end_char
    for _ in range(2):
        if limit >= len(disc.doc.text):
            break
        limit = sentence_of(disc.doc[_token_index(disc.doc, limit + 1)]).end_char
    for (a, b), person in disc.mentions:
        if a <= tok.idx or a > limit:
            continue
        if gender and person.gender not in {gender, None}:
            continue
        words = set(re.findall(r"[\w.-]+", (person.title or "").lower()))
        if words & holders or ("*" in holders and words):
            return _speaker(person, (a, b))
    return None


def _article_gender(tok: Token) -> str | None:
    """«la portavoz» is a woman, «el portavoz» a man: Spanish articles carry the gender."""
    for child in tok.lefts:
        if child.dep_ == "det" and child.lower_ in {"la", "una"}:
            return "female"
        if child.dep_ == "det" and child.lower_ in {"el", "un"}:
            return "male"
    return None


def _issuer(tok: Token, disc: Discourse, said: Sequence[Said], depth: int) -> Speaker | None:
    """Who issued the document: its owner or author in the text ("the ministry's statement",
    "an indictment released by the U.S. Justice Department", "X said in a post", «el comunicado
    del Ministerio»), else who issued the latest document of its kind, else the body that spoke
    last; never the document itself."""
    issuer = disc.documents.get(tok.i)
    if issuer is not None:
        found = _resolve(issuer, disc, said, depth + 1)
        if found is None and issuer.pos_ == "PROPN":  # «una publicación de Canal Sur»
            phrase = noun_phrase(issuer)
            name = strip_det(phrase.text, tok.doc.lang_)
            span = (phrase.start_char, phrase.end_char)
            found = Speaker(name, None, country_in(name, tok.doc.lang_), span, True, "speaker.body")
        return found
    definite = any(c.dep_ in {"det", "poss"} and c.lower_ in DEFINITE for c in tok.children)
    plural = tok.tag_ == "NNS" or tok.morph.get("Number", []) == ["Plur"]
    if not definite or plural:
        return None  # "according to media reports", «según un informe»: no author, no speaker
    kind = tok.lemma_.lower()
    earlier = [i for i in disc.documents if i < tok.i and disc.documents[i] is not None]
    same = [i for i in earlier if disc.doc[i].lemma_.lower() == kind]
    pick = (same or earlier)[-1:]
    if pick:
        earlier_issuer = disc.documents[pick[0]]
        if earlier_issuer is None:
            return None
        return _resolve(earlier_issuer, disc, said, depth + 1)
    spoke = next((s.speaker for s in reversed(said) if s.at < tok.idx and s.speaker.body), None)
    return spoke or _lead_body(disc)


def _lead_body(disc: Discourse) -> Speaker | None:
    """The body the article opens with as its subject: who a press note with no other issuer
    speaks for ("The National Drug Control Directorate (DNCD) ... seized ... the note says")."""
    starts = [t for t in disc.doc if t.is_sent_start and not t.is_space][:1]
    if not starts:
        return None
    sent = sentence_of(starts[0])
    for body in disc.bodies.items:
        if sent.start_char <= body.span[0] < sent.end_char and _is_subject_span(
            disc.doc, body.span
        ):
            name = disc.bodies.fullest(body.name, body.head)
            return Speaker(name, None, country_in(name, disc.doc.lang_), body.span, True)
    return None


def _is_subject_span(doc: Doc, span: CharSpan) -> bool:
    found = doc.char_span(span[0], span[1], alignment_mode="expand")
    return found is not None and found.root.dep_ in SUBJECTS


DEFINITE = frozenset("the this that its his her their el la este esta ese esa su".split())


def _issuer_token(doc_tok: Token) -> Token | None:
    """The token naming who issued a document noun, read from its own phrase and clause: its
    author ("released by", «elaborado por») before its owner or title («el informe de la
    Estrategia X elaborado por el Departamento de Estado»: the Department)."""
    for child in doc_tok.children:
        if child.dep_ in {"acl", "relcl", "amod"}:  # «elaborado por» is parsed as either
            for g in child.children:
                if g.dep_ == "agent":
                    by = [x for x in g.children if x.dep_ == "pobj"]
                    if by:
                        return by[0]  # "an indictment released by the Justice Department"
                if g.dep_ in {"obl", "obl:agent", "obj"} and any(
                    c.dep_ == "case" and c.lower_ == "por" for c in g.children
                ):
                    return g  # «el informe elaborado por el Departamento de Estado»
    for child in doc_tok.children:
        dated = child.ent_type_ in {"DATE", "TIME"}  # "a 6 February notice": when, not who
        if not dated and (
            child.dep_ == "poss" or (child.dep_ == "compound" and child.pos_ == "PROPN")
        ):
            return child  # "the ministry's statement", "a Treasury Department statement"
        if child.dep_ in {"nmod"} and of_name(child):
            return child  # «el comunicado del Ministerio»
        if child.dep_ == "prep" and child.lower_ in {"of", "from", "by"}:
            pobj = [g for g in child.children if g.dep_ == "pobj"]
            if pobj and not is_document(pobj[0]) and pobj[0].pos_ in {"PROPN", "NOUN"}:
                return pobj[0]  # "a report from the U.N."
    head = doc_tok.head
    if doc_tok.dep_ == "pobj" and head.lower_ == "to" and head.head.lower_ == "according":
        clause = head.head.head  # "X has reissued its list ..., according to a notice"
        subject = next((c for c in clause.children if c.dep_ in SUBJECTS), None)
        if subject is not None and subject.pos_ == "PROPN" and not is_document(subject):
            return subject
        return None
    if doc_tok.dep_ in {"pobj", "obl"} and (doc_tok.dep_ == "obl" or head.lower_ in {"in", "en"}):
        verb = head.head if doc_tok.dep_ == "pobj" else head
        subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
        if subject is not None and not is_document(subject):
            return subject  # "Southern Command said in a post on X"
    if doc_tok.dep_ in {"dobj", "obj"}:
        subject = next((c for c in head.children if c.dep_ in SUBJECTS), None)
        if subject is not None and not is_document(subject):
            return subject  # "The ministry issued a statement"
    return None


def _in_lead(tok: Token) -> bool:
    """Is the token in one of the article's first two sentences?"""
    starts = [t.i for t in tok.doc if t.is_sent_start and not t.is_space][:3]
    return len(starts) < 3 or tok.i < starts[2]


def _outlet(tok: Token, disc: Discourse) -> Speaker | None:
    """ "the newspaper reports": the named outlet the article lets speak, nearest first."""
    speaking = [
        b for b in disc.bodies.items if b.span[0] >= 0 and _subject_of_speech(disc.doc, b.span)
    ]
    if not speaking:
        return None
    body = min(speaking, key=lambda b: abs(b.span[0] - tok.idx))
    return Speaker(body.name, None, None, body.span, True, "speaker.body_short")


def _subject_of_speech(doc: Doc, span: CharSpan) -> bool:
    from hemiwatch.extract.quotes.frames import is_cue

    found = doc.char_span(span[0], span[1], alignment_mode="expand")
    return found is not None and found.root.dep_ in SUBJECTS and is_cue(found.root.head)


def _country(tok: Token) -> Speaker | None:
    """A country speaking for its government: "Canada said it would ...", «Ucrania declaró»."""
    if tok.pos_ != "PROPN" and tok.ent_type_ not in {"GPE", "LOC"}:
        return None
    phrase = noun_phrase(tok)
    name = strip_det(phrase.text, tok.doc.lang_)
    place = gazetteer(tok.doc.lang_).surfaces.get(name)
    if place is None or place.kind not in {"name", "capital"}:
        return None
    span = (phrase.start_char, phrase.end_char)
    return Speaker(name, None, place.code, span, True, "speaker.country")


def _body(tok: Token, disc: Discourse, said: Sequence[Said]) -> Speaker | None:
    """A named body by its fullest name; a bare head noun ("the ministry", «la entidad») or a
    kind ("the military") is the body of that head or kind that spoke last or was named last."""
    from hemiwatch.extract.quotes.bodies import org_heads

    phrase = noun_phrase(tok, lower_tail=True)
    text = strip_det(phrase.text, tok.doc.lang_)
    lemma = tok.lemma_.lower()
    span = (phrase.start_char, phrase.end_char)
    kind = kind_of(lemma)
    generic = lemma in speaker_nouns()["generic_bodies"]
    bare = len(text.split()) == 1 and not tok.text[:1].isupper()
    if bare and (lemma in org_heads() or kind or generic):
        earlier = [s.speaker for s in reversed(said) if s.at < tok.idx and s.speaker.body]
        named = list(reversed(disc.bodies.before(tok.idx)))
        for spoke in earlier:  # the body of that head that spoke last
            if _fits(spoke.name, lemma, kind, generic):
                return replace(spoke, mention=span, basis="speaker.body_short")
        for body in named:
            if _fits(body.name, lemma, kind, generic) or body.head == lemma:
                name = disc.bodies.fullest(body.name, body.head)
                country = country_in(name, tok.doc.lang_)
                return Speaker(name, None, country, span, True, "speaker.body_short")
        if kind == "government":  # "the government said", with no government named before
            name = fuller_phrase(tok, text) or text  # «el gobierno» -> «gobierno colombiano»
            return Speaker(name, None, country_in(name, tok.doc.lang_), span, True,
                           "speaker.described")  # fmt: skip
        return None
    acronym = tok.text.replace(".", "").isupper() and len(tok.text) >= 2
    if lemma not in org_heads() and tok.ent_type_ != "ORG" and not acronym and not kind:
        return None
    full = disc.bodies.fullest(text, lemma)
    if not full or full.lower() in {"military", "government"}:
        return None
    basis = "speaker.body" if full == text else "speaker.body_short"
    return Speaker(full, None, country_in(full, tok.doc.lang_), span, True, basis)


def _fits(name: str, lemma: str, kind: str | None, generic: bool) -> bool:
    """Can `name` be the body a bare "the <lemma>" stands for? Any body for a generic noun
    ("the agency"); else one whose head is that noun or of that kind ("the Army" is the
    Colombian Army, not the Eighth Division of the Colombian Army)."""
    from hemiwatch.extract.quotes.bodies import name_head

    if generic:
        return True
    head = name_head(name)
    return head == lemma or (kind is not None and kind_of(head) == kind)


def _described(
    tok: Token, disc: Discourse | None = None, said: Sequence[Said] = ()
) -> Speaker | None:
    """A source the text describes but does not name ("a senior official", "military sources",
    "U.N. officials", "opposition lawmakers", «fuentes oficiales»): the phrase, without its
    article."""
    if tok.pos_ == "PROPN" and tok.ent_type_ == "NORP" and tok.tag_ == "NNPS":
        phrase = noun_phrase(tok)  # "Republicans said", "Democrats argued": a described group
        span = (phrase.start_char, phrase.end_char)
        name = strip_det(phrase.text, tok.doc.lang_)
        return Speaker(name, None, country_in(name, tok.doc.lang_), span, basis="speaker.described")
    if tok.pos_ != "NOUN":
        return None
    phrase = noun_phrase(tok)
    plural = tok.tag_ == "NNS" or tok.morph.get("Number", []) == ["Plur"]
    lemma = tok.lemma_.lower()
    known = lemma in described_heads() or tok.lower_ in described_heads() or lemma in titles()
    modified = any(c.dep_ in {"amod", "compound", "poss", "nmod", "prep"} for c in tok.children)
    indefinite = any(c.dep_ == "det" and c.lower_ in INDEFINITE for c in tok.children)
    if not known or not (modified or indefinite or plural):
        return None
    name = strip_det(phrase.text, tok.doc.lang_)
    owner = next((c for c in tok.children if c.dep_ == "poss" and c.pos_ == "PRON"), None)
    if owner is not None and disc is not None and owner.lower_ in POSSESSIVE_GENDER:
        person = _pronoun(owner, POSSESSIVE_GENDER[owner.lower_], disc, said)
        if person is None:
            return None  # "his lawyer" with no one for "his": no speaker
        name = f"{person.name}'s {name}" if tok.doc.lang_ == "en" else f"{name} de {person.name}"
    span = (phrase.start_char, phrase.end_char)
    if owner is None:
        name = fuller_phrase(tok, name) or name  # «la fuerza aérea» -> «fuerzas aéreas ucranianas»
    return Speaker(name, None, country_in(name, tok.doc.lang_), span,
                   basis="speaker.described")  # fmt: skip


def fuller_phrase(tok: Token, short: str) -> str | None:
    """The one fuller phrase the article gives for the same kind of source: same head lemma,
    every word of the short form (by lemma), and more ("organizadores" -> "organizadores del
    Festival", "the government" -> "the Guyanese government"); None when there are none, or
    several (a second government: which one is unsure)."""
    doc = tok.doc
    words = {w.lower() for w in short.split()}
    head = tok.lemma_.lower()
    found: dict[str, str] = {}
    for other in doc:
        if other.i == tok.i or other.lemma_.lower() != head or other.pos_ not in {"NOUN", "PROPN"}:
            continue
        phrase = noun_phrase(other, lower_tail=True)
        text = strip_det(phrase.text, doc.lang_)
        lemmas = {t.lemma_.lower() for t in phrase} | {t.lower_ for t in phrase}
        extra = len(text.split()) - len(short.split())
        if not 0 < extra <= 3 or len(text.split()) > 6 or any(t.pos_ == "VERB" for t in phrase):
            continue
        if all(w in lemmas or any(w.startswith(x[:5]) for x in lemmas) for w in words):
            found.setdefault(text.casefold(), text)
    return next(iter(found.values())) if len(found) == 1 else None


def _unresolved_name(tok: Token) -> Speaker | None:
    """A person's name the article never gives in full ("Ms. Dong"): as written, less titles."""
    if tok.ent_type_ not in PERSON:
        return None
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    if ent is None:
        return None
    words = [w for w in ent.text.split() if w.lower().rstrip(".") not in titles()]
    if not words:
        return None
    span = (ent.start_char, ent.end_char)
    return Speaker(" ".join(words), None, None, span, basis="speaker.unresolved_name")
