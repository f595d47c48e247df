"""Named bodies of one article and the fullest name the article gives each.

A body is an ORG entity or a noun phrase headed by an organisation noun ("the Interior Ministry",
"Paraguay's anti-drug secretariat", "the ministry of defense"). Two names are one body when
their words agree once abbreviations are spelled out (U.S. = US = United States, U.N. = UN =
United Nations, EE.UU. = Estados Unidos) or when the article defines one as the other ("the
United Nations Integrated Office in Haiti (BINUH)"). The name a speaker gets is the fullest the
article gives that body, never a name it does not contain.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib import resources

from spacy.tokens import Doc, Span, Token

from hemiwatch.extract.lexicons import find_places, gazetteer
from hemiwatch.models import Span as CharSpan

# English and Spanish articles and possessives: "his government" names no body
ARTICLES = r"the|a|an|el|la|los|las|un|una|his|her|its|their|our|su|sus|nuestro|nuestra"
FUNCTION_WORDS = frozenset(
    "the of 's ’s el la los las de del su sus his its in en for para y and".split()
)
# spelled-out forms of the abbreviations bodies are named with
EXPANSIONS = {
    "us": ("united", "states"),
    "usa": ("united", "states"),
    "un": ("united", "nations"),
    "eeuu": ("estados", "unidos"),
    "onu": ("organización", "de", "las", "naciones", "unidas"),
    "uk": ("united", "kingdom"),
}
ACRONYM_DEFINED = re.compile(r"\(\s*[‘'\"]?([A-Z][A-Z0-9.&-]{1,11})[’'\"]?\s*\)")


@cache
def org_heads() -> frozenset[str]:
    path = resources.files("hemiwatch").joinpath("lexicons").joinpath("org_heads.txt")
    lines = [ln for ln in path.read_text("utf-8").splitlines() if not ln.startswith("#")]
    return frozenset(w for ln in lines for w in ln.split())


@dataclass(frozen=True)
class Body:
    name: str  # as the article writes it, without its determiner
    span: CharSpan
    head: str  # the head noun's lemma, lower case

    @property
    def key(self) -> tuple[str, ...]:
        return name_key(self.name)


def strip_det(text: str, language: str | None = None) -> str:
    """The name without its article; a capitalised article of the other language is part of
    the name ("El Confidencial" in an English text)."""
    text = text.strip()
    first = text.split(" ", 1)[0]
    if language and first[:1].isupper() and first.lower() in OTHER_ARTICLES.get(language, ()):
        return text
    return re.sub(rf"^(?:{ARTICLES})\s+", "", text, flags=re.I)


OTHER_ARTICLES = {
    "en": frozenset("el la los las".split()),
    "es": frozenset("the".split()),
}


def name_key(name: str) -> tuple[str, ...]:
    """A name's content words, lower case, abbreviations spelled out: "the U.S. Treasury" and
    "United States Treasury" have one key."""
    out: list[str] = []
    for word in re.findall(r"[\w.'’-]+", name):
        low = re.sub(r"['’]s$", "", word.lower()).replace(".", "").strip("'’-")
        if not low or low in FUNCTION_WORDS:
            continue
        out.extend(EXPANSIONS.get(low, _DEMONYMS().get(low, (low,))))
    return tuple(out)


@cache
def _DEMONYMS() -> dict[str, tuple[str, ...]]:
    """A demonym as the words of its country's name («estadounidense» -> estados unidos), so
    that «la Guardia Costera estadounidense» is «la Guardia Costera de Estados Unidos»."""
    out: dict[str, tuple[str, ...]] = {}
    for language in ("en", "es"):
        gaz = gazetteer(language)
        names: dict[str, str] = {}
        for surface, place in gaz.surfaces.items():
            if place.kind == "name" and place.code not in names and " " in surface:
                names[place.code] = surface
        for surface, place in gaz.surfaces.items():
            if place.kind == "demonym" and place.code in names:
                out.setdefault(surface.lower(), tuple(names[place.code].lower().split()))
    return out


CONNECTORS = frozenset("de del la las los el y e en para a of the and for in on to at".split())


def _proper(name: str) -> bool:
    """A name, not a description: every word capitalised but the connectors ("Banco de
    México", "Ministry of Defense"; not "Banco central de México")."""
    words = [w for w in re.findall(r"[\w'’-]+", name) if w.lower() not in CONNECTORS]
    return bool(words) and all(w[:1].isupper() or w[:1].isdigit() for w in words)


def country_in(name: str, language: str = "en") -> str | None:
    """The country a body's name carries: "U.S. Southern Command" -> US."""
    for match in find_places(name, language=language):
        if match.place.kind in {"name", "demonym"}:
            return match.place.code
    return None


class Bodies:
    """The article's named bodies in text order, with their defined acronyms."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.aliases = _acronyms(doc)
        defined = [Body(n, (-1, -1), name_head(n)) for n in self.aliases.values()]
        self.items = _bodies(doc) + defined

    def before(self, char: int) -> list[Body]:
        return [b for b in self.items if 0 <= b.span[0] < char]

    def fullest(self, name: str, head: str | None = None) -> str:
        """The fullest name the article gives the body `name` names: its definition if it is
        a defined acronym, else the longest name with the same words (abbreviations spelled
        out), else the longest name with the same head that holds all its words."""
        bare = strip_det(name, self.doc.lang_)
        compact = bare.replace(".", "").replace(" ", "")
        if compact in self.aliases:
            return self.aliases[compact]
        if compact.isupper() and 2 <= len(compact) <= 6:  # "DEA": Drug Enforcement Administration
            spelled = [b.name for b in self.items if _initials(b.name) == compact]
            if spelled:
                return max(spelled, key=len)
        key = name_key(bare)
        if not key:
            return bare
        low = compact.lower()
        if low in EXPANSIONS and bare.replace(".", "").isupper():
            words = " ".join(EXPANSIONS[low])
            if words in self.doc.text.lower():  # "the U.N. estimates" -> United Nations
                return " ".join(w.capitalize() for w in EXPANSIONS[low])
        same = [b.name for b in self.items if b.key == key]
        last = head or key[-1]
        holders = [
            b.name
            for b in self.items
            if len(b.key) > len(key) and _holds(b.key, key) and (b.head == last or len(key) == 1)
        ]
        same_head = [n for n in holders if name_head(n) == last]
        fuller = same_head or holders
        if len(key) == 1 and len({name_key(n) for n in fuller}) > 1:
            # "the Army" after "the Colombian Army" and "the National Liberation Army": the
            # one with a country is the state's; a guerrilla's name does not make "the Army"
            national = [n for n in fuller if country_in(n, self.doc.lang_) is not None]
            fuller = national or fuller
        pool = [bare, *same, *fuller]
        proper = [n for n in pool if _proper(n)]
        if proper and _proper(bare):
            pool = proper  # «Banco de México», not the description «Banco central de México»
        return max(pool, key=lambda n: (len(name_key(n)), len(n)))


def _initials(name: str) -> str:
    """ "U.S. Drug Enforcement Administration" -> "DEA" (capitalised words, less a country)."""
    words = [w for w in re.findall(r"[\w'’.-]+", name) if w[:1].isupper() and "." not in w]
    return "".join(w[0] for w in words if w.upper() != w or len(w) > 3)


def _holds(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    """Every word of the shorter name is in the longer one ("State Department" in "US
    Department of State")."""
    return not (Counter(shorter) - Counter(longer))


def name_head(name: str) -> str:
    """The head word of a name: its last word before an "of" / «de» tail ("Eighth Division of
    the Colombian Army" -> division), lower case."""
    words: list[str] = re.findall(r"[\w'’.-]+", name)
    for i, word in enumerate(words):
        if word.lower() in {"of", "de", "del", "for", "para", "in", "en"} and i > 0:
            return words[i - 1].lower()
    return words[-1].lower() if words else ""


def _acronyms(doc: Doc) -> dict[str, str]:
    """ "the United Nations Integrated Office in Haiti (BINUH)": BINUH -> the name before the
    brackets (its capitalised words and their particles)."""
    out: dict[str, str] = {}
    text = doc.text
    for m in ACRONYM_DEFINED.finditer(text):
        acronym = m.group(1).replace(".", "")
        before = text[max(0, m.start() - 160) : m.start()].rstrip()
        words = re.findall(r"[\w'’.-]+|[,;:()«»“”\"]", before)
        name: list[str] = []
        for word in reversed(words):
            if word[:1].isupper() or (name and word.lower() in PARTICLES):
                name.insert(0, word)
                continue
            break
        while name and name[0].lower() in PARTICLES:
            name.pop(0)
        for start in range(len(name) - 1, -1, -1):  # "The Permanent Council of the
            if _initials(" ".join(name[start:])) == acronym:  # Organization of American States
                name = name[start:]  # (OAS)": the OAS is the Organization of American States
                break
        if len(name) >= 2 and acronym not in out:
            out[acronym] = " ".join(name)
    return out


PARTICLES = frozenset("of for the and in on de del la las los y para contra en".split())


def _bodies(doc: Doc) -> list[Body]:
    """Named bodies in text order: ORG entities and phrases headed by an org noun."""
    out: dict[CharSpan, Body] = {}
    heads = org_heads()
    places = gazetteer(doc.lang_).surfaces
    for ent in doc.ents:
        if ent.label_ == "ORG" and strip_det(ent.text, doc.lang_) not in places:
            phrase = noun_phrase(ent.root)
            name = strip_det(phrase.text, doc.lang_)
            if not name_key(name):
                continue  # the parser's root of the entity was its "the"
            key = (phrase.start_char, phrase.end_char)
            out[key] = Body(name, key, ent.root.lemma_.lower())
    for tok in doc:
        if tok.lemma_.lower() in heads and tok.dep_ != "compound" and _named_body(tok):
            phrase = noun_phrase(tok, lower_tail=True)
            key = (phrase.start_char, phrase.end_char)
            if key not in out:
                out[key] = Body(strip_det(phrase.text, doc.lang_), key, tok.lemma_.lower())
    return sorted(out.values(), key=lambda b: b.span)


def _named_body(tok: Token) -> bool:
    """ "the Interior Ministry", and "Paraguay's anti-drug secretariat", "the Colombian navy",
    "the ministry of defense": an org noun that is capitalised, carries a name or an "of"."""
    if tok.text[:1].isupper():
        return True
    if any(
        c.dep_ in {"poss", "compound", "amod"} and c.text[:1].isupper() and c.i > 0
        for c in tok.lefts
    ):
        return True
    return any(c.dep_ == "prep" and c.lower_ == "of" and c.i == tok.i + 1 for c in tok.rights)


def noun_phrase(tok: Token, lower_tail: bool = False) -> Span:
    """The name-like part of a noun phrase: possessor, modifiers, head and an "of X" tail
    (capitalised, or any for a body: "the ministry of defense")."""
    doc = tok.doc
    start = tok.i
    for child in tok.lefts:
        if child.dep_ in {"compound", "amod", "poss", "det", "nmod", "npadvmod"}:
            first = min([child.i, *(g.left_edge.i for g in child.children if g.dep_ not in
                                    {"conj", "cc", "punct", "appos"})])  # fmt: skip
            start = min(start, first)
    commas = [i for i in range(start, tok.i) if doc[i].text == ","]
    if commas:  # "... and Niger, Mali's army said": a name never reaches back over a comma
        start = commas[-1] + 1
    end = reach = tok.i + 1
    for child in tok.rights:
        if child.dep_ == "prep" and child.lower_ == "of" and child.i == end:
            pobj = [c for c in child.children if c.dep_ == "pobj"]
            bare = pobj and not any(c.dep_ == "det" for c in pobj[0].children)
            if pobj and (
                pobj[0].text[:1].isupper()
                or (lower_tail and bare and pobj[0].pos_ in {"NOUN", "PROPN"})
            ):
                end = pobj[0].right_edge.i + 1 if pobj[0].right_edge.i - child.i < 6 else end
        elif child.dep_ == "flat" and child.i == end and child.text[:1].isupper():
            end = reach = child.right_edge.i + 1  # «la Policía Nacional Civil»
        elif child.dep_ == "amod" and child.i == reach and doc.lang_ == "es":
            end = reach = child.i + 1  # «la embajada estadounidense», «la Cancillería colombiana»
        elif child.dep_ in {"nmod", "flat"} and child.left_edge.i == reach and _de(child):
            # «el Ministerio de Relaciones Exteriores», «el Gobierno de transición de Haití»:
            # a lower-case «de …» belongs to the name only when a named one follows it, or
            # when the head is a bare common noun («el Gobierno de la provincia»)
            reach = child.right_edge.i + 1
            bare = lower_tail and not any(t.text[:1].isupper() for t in doc[start : tok.i])
            if of_name(child) or (bare and child.right_edge.i - child.i < 3 and end == tok.i + 1):
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


def of_name(tok: Token) -> bool:
    """A «de X» / «del X» modifier with a name in it, the Spanish "of X" of a body's name."""
    return _de(tok) and any(t.pos_ == "PROPN" or t.text[:1].isupper() for t in tok.subtree)
