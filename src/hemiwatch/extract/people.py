"""People: canonical full names merged within the article, with title, country and gender.

"Rubio" and "Secretary Rubio" merge into "Marco Rubio"; a surname never introduced with a first
name is dropped rather than guessed. Ships, teams and films named like people are not people.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import cache

from spacy.tokens import Doc, Span, Token

from hemiwatch.extract.context import Context
from hemiwatch.extract.grammar import is_relative
from hemiwatch.extract.lexicons import (
    _sections,
    find_places,
    first_names,
    gazetteer,
    titles,
)
from hemiwatch.models import Person
from hemiwatch.models import Span as CharSpan
from hemiwatch.nlp import PERSON, sentence_of, text_of


@cache
def not_people() -> dict[str, frozenset[str]]:
    """lexicons/not_people.txt: the nouns that make a name a thing, a place or a body."""
    return {k: frozenset(v) for k, v in _sections("not_people.txt").items()}


def _thing(word: str) -> bool:
    return word.lower() in not_people()["things"]


def _org_word(word: str) -> bool:
    return word.lower() in not_people()["org_words"]


_NAME_TOKEN = re.compile(r"^[A-ZÁÉÍÓÚÑÜÀÈÌÒÙÂÊÎÔÛÇ][\w'’.-]*$")
_PRONOUNS = {"he": "male", "him": "male", "his": "male", "she": "female", "her": "female"}


@dataclass
class _Candidate:
    tokens: list[str]
    mentions: list[CharSpan] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)
    basis: str = "person.ner"


def extract_people(ctx: Context) -> list[Person]:
    """Persons with canonical full names, in order of first mention."""
    doc, skip = ctx.doc, list(ctx.skip)
    full: dict[str, _Candidate] = {}
    short: list[Span] = []
    found = _name_spans(doc)
    for span in found:
        if any(s <= span.start_char < e for s, e in skip):
            continue
        words = _words(span)
        if len(words) >= 2:
            key = " ".join(words)
            cand = full.setdefault(key, _Candidate(words, basis=found[span]))
            cand.mentions.append((span.start_char, span.end_char))
            cand.spans.append(span)
        elif words:
            short.append(span)
    # A two-word name that is the tail of a longer one ("Sosa Pereyra") is the same person.
    for key in sorted(full, key=lambda k: len(full[k].tokens)):
        longer = _owner(full[key].tokens, [c for k, c in full.items() if k != key])
        if longer is not None:
            longer.mentions += full[key].mentions
            longer.spans += full[key].spans
            del full[key]
    people_spans = {k: c for k, c in full.items()}
    singles: dict[str, _Candidate] = {}
    for span in short:
        owner = _owner(_words(span), list(people_spans.values()))
        if owner is not None:
            owner.mentions.append((span.start_char, span.end_char))
            owner.spans.append(span)
        elif span.root.ent_type_ in PERSON and _single_name(span):
            # "Bukele", "Trump", "Darwin": a person the article names by one name only
            word = _words(span)[0]
            cand = singles.setdefault(word, _Candidate([word], basis="person.ner"))
            cand.mentions.append((span.start_char, span.end_char))
            cand.spans.append(span)
    people_spans.update(singles)
    _add_surname_mentions(doc, list(people_spans.values()), skip)
    out = []
    for name, cand in people_spans.items():
        title = _title(cand.spans)
        gender = _gender(doc, cand, title)
        if len(cand.tokens) == 1 and title is None and not _acts(cand):
            continue  # one capitalised word and nothing else says it is a person
        out.append(
            Person(
                name=name,
                title=title,
                country=_title_country(title, doc.lang_) or _clause_country(cand.spans),
                gender=gender,
                mentions=sorted(set(cand.mentions)),
                basis=cand.basis,
            )
        )
    out.sort(key=lambda p: p.mentions[0])
    return out


ROLE_VERBS = frozenset(
    "direct head lead run chair command represent serve "
    "dirigir encabezar liderar presidir comandar representar".split()
)


def _clause_country(spans: list[Span]) -> str | None:
    """The country of a role given in a relative clause: "X, who directs the narcotics section
    of the U.S. Embassy," / «X, quien dirige la misión de la ONU en Haití»."""
    for span in spans:
        for clause in span.root.children:
            relative = clause.dep_ == "relcl" or (clause.dep_ == "acl" and is_relative(clause))
            if not relative or clause.lemma_.lower() not in ROLE_VERBS:
                continue
            sub = list(clause.subtree)
            text = span.doc.text[sub[0].idx : sub[-1].idx + len(sub[-1].text)]
            for match in find_places(text, language=span.doc.lang_):
                if match.place.kind in {"name", "demonym"}:
                    return match.place.code
    return None


def _add_surname_mentions(doc: Doc, cands: list[_Candidate], skip: list[CharSpan]) -> None:
    """Every later "Rubio" is a mention of Marco Rubio, tagged by the model or not."""
    by_surname: dict[str, _Candidate] = {}
    for cand in sorted(cands, key=lambda c: min(c.mentions)):
        by_surname[cand.tokens[-1]] = cand
        if doc.lang_ == "es" and len(cand.tokens) >= 3 and cand.tokens[-2][:1].isupper():
            by_surname.setdefault(cand.tokens[-2], cand)  # "Salcedo" of Rodrigo Salcedo Ibarra
    if not by_surname:
        return
    pattern = re.compile(
        r"(?<![\w-])(" + "|".join(re.escape(s) for s in by_surname) + r")(?![\w-])"
    )
    for m in pattern.finditer(text_of(doc)):
        if any(s <= m.start() < e for s, e in skip):
            continue
        cand = by_surname[m.group(1)]
        if any(s <= m.start() < e for s, e in cand.mentions):
            continue
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is not None:
            cand.mentions.append((m.start(), m.end()))
            cand.spans.append(span)


def _name_spans(doc: Doc) -> dict[Span, str]:
    """spaCy PERSON entities plus capitalised runs the model missed that start with a first
    name, each with the rule that found it."""
    spans = _merged(
        [_with_first_name(_with_hyphen_tail(_name_part(e))) for e in doc.ents if e.label_ in PERSON]
    )
    spans = [_name_part(s) for s in spans]
    basis = dict.fromkeys(spans, "person.ner")
    # "Amara Diallo-Reyes, the special envoy": a name the model took for an organisation
    # or, after a title, for a place: "la portavoz de la Policía, Mireille Augustin,"
    spans += [
        _with_hyphen_tail(e)
        for e in doc.ents
        if e.label_ not in PERSON
        and 2 <= len(e) <= 5
        and (
            (e.label_ in {"ORG", "NORP", "GPE"} and _apposition(e) is not None)
            or _appositive_of(e) is not None
        )
        and all(t.text[:1].isupper() or t.text == "-" for t in e)
    ]
    for span in spans:
        basis.setdefault(span, "person.appos_entity")
    taken = {t.i for e in spans for t in e}
    known = first_names()
    for tok in doc:
        if tok.i in taken or tok.text not in known:
            continue
        end = tok.i + 1
        while end < len(doc) and end - tok.i < 6:
            if doc[end].is_sent_start:
                break
            if _NAME_TOKEN.match(doc[end].text) and end - tok.i < 4:
                end += 1
                continue
            # "Ana María de la Cruz", "da Silva": a particle, then the surname
            after = end
            while after < len(doc) and doc[after].text in PARTICLES and after - end < 2:
                after += 1
            surname = doc[after] if after < len(doc) else None
            if (
                after > end
                and surname is not None
                and _NAME_TOKEN.match(surname.text)
                and surname.ent_type_ not in {"GPE", "LOC", "ORG", "FAC", "NORP"}
                and surname.text not in gazetteer("es" if doc.lang_ == "es" else "en").surfaces
            ):
                end = after + 1  # not "Juan Pérez de Madrid": a place is no surname
                continue
            break
        # hyphenated surnames come as three tokens: Carranza - Wells
        while end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_:
            end += 2
        start = tok.i
        before = doc[start - 1] if start > 0 else None
        if (
            before is not None
            and before.i not in taken
            and _NAME_TOKEN.match(before.text)
            and before.is_alpha
            and before.pos_ == "PROPN"
            and not before.ent_type_
            and before.lower_ not in titles()
        ):
            start -= 1  # "Marvin Ulises Castellanos": a first name the list does not know
        if end - tok.i >= 2 and not any(i in taken for i in range(start, end)):
            spans.append(doc[start:end])
            basis.setdefault(doc[start:end], "person.first_name")
            taken.update(range(start, end))
    return {s: basis[s] for s in spans if _is_person(s)}


def _merged(spans: list[Span]) -> list[Span]:
    """Whole names: a name the model cut in two ("Ana Julia Guido" + "De Romero", "Paul Herbert
    Oquist" + "Kelley"), or around a nickname in quotes ("Ismael “El Mayo” Zambada")."""
    out: list[Span] = []
    for span in sorted(spans, key=lambda s: s.start):
        doc = span.doc
        end = span.end
        opened = [t for t in span if t.text in {"“", '"', "«"}]
        closed = [t for t in span if t.text in {"”", "»"}]
        if opened and not closed and end < len(doc) and doc[end].text in {"”", '"', "»"}:
            end += 1  # the model stopped inside the nickname: "Ismael “El Mayo" ” Zambada
        while end < len(doc) and end - span.start < 7:
            tok = doc[end]
            if tok.text in {"“", '"', "«"}:
                close = next((j for j in range(end + 1, min(len(doc), end + 6))
                              if doc[j].text in {"”", '"', "»"}), None)  # fmt: skip
                if (
                    close is not None
                    and close + 1 < len(doc)
                    and _NAME_TOKEN.match(doc[close + 1].text)
                ):
                    end = close + 2
                    continue
                break
            if (
                tok.text in PARTICLES
                and end + 1 < len(doc)
                and _NAME_TOKEN.match(doc[end + 1].text)
            ):
                end += 2
                continue
            if (
                _NAME_TOKEN.match(tok.text)
                and tok.pos_ == "PROPN"
                and (tok.ent_type_ in PERSON or not tok.ent_type_)
            ):
                end += 1
                continue
            break
        start = span.start
        while (
            start > 0
            and span.start - start < 3
            and doc[start - 1].pos_ == "PROPN"
            and _NAME_TOKEN.match(doc[start - 1].text)
            and not doc[start - 1].ent_type_
            and doc[start - 1].lower_.rstrip(".") not in titles()
            and doc[start - 1].lower_ not in titles()
            and not doc[start - 1].text.isupper()
            and not _org_word(doc[start - 1].text)
            and not doc[start - 1].is_sent_start
        ):
            start -= 1  # "Attorney General Ana Julia Guido De Romero": the model took "De Romero"
        merged = doc[start:end]
        if out and out[-1].end >= merged.start:
            merged = doc[out[-1].start : max(out[-1].end, merged.end)]
            out[-1] = merged
        else:
            out.append(merged)
    return out


def _with_first_name(span: Span) -> Span:
    """Extend "Mendrala Hart" to "Emily Mendrala Hart" when the model left a known first name
    out of the entity (after a long title: "Secretary of State Emily Mendrala Hart")."""
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.text in first_names() and not before.ent_type_:
        return doc[span.start - 1 : span.end]
    return span


def _name_part(span: Span) -> Span:
    """The entity without a lower-case tail the model took in («Tomás Ibarra Sol marcó») or a
    preposition that opens its sentence («Según Rosales, …»)."""
    start, end = span.start, span.end
    while end > start + 1 and (
        span.doc[end - 1].text[:1].islower()
        or (span.doc[end - 1].text.isupper() and len(span.doc[end - 1].text) <= 3)
    ):
        end -= 1  # «Maduro NO es»
    while end > start + 1 and span.doc[start].lower_ in LEADING_PREPOSITIONS:
        start += 1
    return span.doc[start:end]


# ("de" is not one of them: "De la Cruz" is a surname)
LEADING_PREPOSITIONS = frozenset({"según", "para", "por", "ante", "tras", "con", "after"})


def _with_hyphen_tail(span: Span) -> Span:
    """Extend "Diallo" to "Diallo-Reyes" when the model cut a hyphenated surname."""
    doc, end = span.doc, span.end
    while (
        end + 1 < len(doc)
        and doc[end].text == "-"
        and not doc[end - 1].whitespace_
        and not doc[end].whitespace_
        and doc[end + 1].text[:1].isupper()
    ):
        end += 2
    return doc[span.start : end]


def _is_person(span: Span) -> bool:
    """A name is a person unless the evidence says it is a place, a thing or a body."""
    text = span.text.strip()
    if not text or any(ch.isdigit() for ch in text):
        return False
    if span[0].lower_ in _ARTICLES:
        return False  # "The United States, represented by ...": people are not named with one
    gaz = gazetteer("es" if span.doc.lang_ == "es" else "en")
    if text in gaz.surfaces or text.removesuffix("'s") in gaz.surfaces:
        return False
    words = [t for t in span if t.is_alpha]
    if any(_org_word(t.text) for t in words) or (words and _thing(words[0].text)):
        return False  # "Policía de Seguridad Aeroportuaria", "Cutter James"
    if words and words[-1].lower_ in not_people()["places"]:
        return False  # "Andrés Bay"
    if words and words[0].text.isupper() and len(words[0].text) <= 4 and len(words) > 1:
        return False  # "BRP Cabra", "USS Gravely": a vessel's prefix
    if sum(t.pos_ == "PROPN" for t in words) * 2 < len(words) or any(
        t.pos_ in {"ADV", "VERB"} for t in words
    ):
        return False  # «Terrorista Global Especialmente Designado»
    first = words[0].text if words else ""
    if len(words) > 1 and gaz.surfaces.get(first) and first not in first_names():
        return False  # "Kingston Western": a place's name starts it
    doc = span.doc
    before = [t for t in doc[max(0, span.start - 3) : span.start] if not t.is_punct]
    if before and before[-1].lower_ == "the":
        return False  # "the X": people are not named with an article
    near = [t for t in reversed(before) if t.pos_ != "ADJ"][:1]
    if (near and _thing(near[0].lemma_)) or (near and _thing(near[0].text)):
        return False  # "the tanker X", «el aeropuerto internacional Ramón Villeda Morales»
    if span.start > 0 and doc[span.start - 1].text in PLACE_PREFIXES:
        return False  # "San Pedro Sula": the end of a place's name
    if (
        len(before) >= 2
        and before[-1].lower_ in {"of", "de", "del"}
        and (before[-2].lower_ in not_people()["places"] or _thing(before[-2].lemma_))
    ):
        return False  # "the town of Montero Hoyos", «el puerto de X»
    if _tail_of_a_name(span):
        return False  # «la Oficina de Aduanas y Protección Fronteriza»
    root = span.root
    if root.dep_ == "appos" and _thing(root.head.lemma_):
        return False  # "one of the tankers, the Marisol Star"
    after = doc[span.end : span.end + 5]
    if len(after) >= 2 and after[0].text == "(" and any(ch.isdigit() for ch in after[1:].text):
        return False  # "Altair (GC-107)": a hull or registry number names a thing
    return not (text.isupper() and len(text) > 3)


def _tail_of_a_name(span: Span) -> bool:
    """The rest of a body's or a place's name after "de", "y", "of" or "and": the word before
    the connector is part of a named organisation, place or thing, not of a person."""
    doc = span.doc
    if span.start < 2 or doc[span.start - 1].lower_ not in {"de", "del", "y", "of", "and", "e"}:
        return False
    prev = doc[span.start - 2]
    return prev.text[:1].isupper() and (
        prev.ent_type_ in {"ORG", "LOC", "GPE", "MISC", "FAC"} or _org_word(prev.text)
        or prev.lower_ in not_people()["places"] or _thing(prev.text)
    )  # fmt: skip


PLACE_PREFIXES = frozenset({"San", "Santa", "Santo", "São", "Puerto", "Port", "Ciudad", "Villa"})


def _single_name(span: Span) -> bool:
    """One word the model calls a person, not a title, place, thing or body, and never tagged
    as a place or a body elsewhere in the text: "Bukele", not "Tobago" or "Rosario"."""
    word = _words(span)
    if len(word) != 1 or len(word[0]) < 3 or not word[0][:1].isupper() or word[0].isupper():
        return False
    low = word[0].lower()
    if low in titles() or _thing(low) or _org_word(low) or not _is_person(span):
        return False
    doc = span.doc
    tags = [t.ent_type_ for t in doc if t.lower_ == low and t.ent_type_]
    if sum(tag not in PERSON for tag in tags) > sum(tag in PERSON for tag in tags):
        return False  # mostly a place or a body elsewhere in the text
    if span.root.pos_ != "PROPN" or span.root.tag_ in {"NNPS", "NNS"}:
        return False
    prev = doc[span.start - 1] if span.start > 0 else None
    return not (prev is not None and prev.lower_ in PLACE_PREPOSITIONS)


PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "from", "en", "de", "desde", "hacia", "por"})


def _acts(cand: _Candidate) -> bool:
    """A mention acts (the subject of a verb) or owns ("Bukele's fight"): a person."""
    for span in cand.spans:
        root = span.root
        if root.pos_ != "PROPN":
            continue
        if root.dep_ in ACTING or (root.dep_ == "compound" and root.head.lemma_ in RULES_OVER):
            return True
    return False


# how a person can stand in a sentence: acting, owning, acted on, named with others
ACTING = frozenset(
    "nsubj nsubjpass nsubj:pass poss dobj obj pobj conj appos agent iobj obl nmod".split()
)
RULES_OVER = frozenset({"administration", "government", "era", "presidency", "regime"})


def _words(span: Span) -> list[str]:
    """The name's words without titles, possessive or punctuation: "Gen. X Y's" -> [X, Y]."""
    text = re.sub(r"['’]s$", "", span.text.strip())
    text = re.sub(r"\s*[“\"«][^”\"»]{1,30}[”\"»]\s*", " ", text)  # Ismael “El Mayo” Zambada
    text = re.sub(r"\s*-\s*", "-", text)
    words = [w for w in text.split() if w]
    known = titles()
    while words and words[0].lower().rstrip(".") in {k.rstrip(".") for k in known}:
        words = words[1:]
    out = []
    for word in words:
        trimmed = word.strip(",;:")
        if not re.fullmatch(r"[A-ZÁÉÍÓÚÑ]\.", trimmed):
            trimmed = trimmed.strip(".")  # "J." keeps its period, "Vance." does not
        if trimmed:
            out.append(trimmed)
    return out


def _owner(words: list[str], candidates: list[_Candidate]) -> _Candidate | None:
    """The full name a shorter mention belongs to: the tail matches (without accents, case or
    hyphens: "Díaz Canel" is Miguel Díaz-Canel), latest-introduced wins ties."""
    mine = _plain(words)
    best = None
    for cand in candidates:
        full = _plain(cand.tokens)
        if len(mine) >= len(full):
            continue
        tail_match = full[-len(mine) :] == mine
        single_inside = len(mine) == 1 and mine[0] in full[1:]
        if tail_match or single_inside:
            best = cand
    return best


def _plain(words: list[str]) -> list[str]:
    """Name words to compare: lower case, no accents, hyphenated parts apart."""
    text = unicodedata.normalize("NFKD", " ".join(words).replace("-", " "))
    return "".join(c for c in text if not unicodedata.combining(c)).lower().split()


def _title(spans: list[Span]) -> str | None:
    """The title the text gives the person: before the name or in an apposition after it."""
    known = titles()
    for span in sorted(spans, key=lambda s: s.start_char):
        doc = span.doc
        i = span.start
        words: list[Token] = []
        while i > sentence_of(span).start:
            tok = doc[i - 1]
            if tok.text in {",", "(", "“", '"'} or tok.is_space or tok.ent_type_ in PERSON:
                break
            title_like = tok.lower_ in known or tok.text[:1].isupper() or tok.lower_ in _LINKS
            if not title_like:
                break
            words.insert(0, tok)
            i -= 1
        while words and (words[0].lower_ in _LINKS or words[0].lower_ in _ARTICLES):
            words = words[1:]
        if any(w.lower_ in known for w in words) and not _is_sentence_verbish(words):
            return _join(words)
        found = _apposition(span) or _appositive_of(span)
        if found:
            return found
    return None


_LINKS = {"of", "for", "and", "'s", "’s", "-", "de", "del", "y"}
PARTICLES = frozenset(
    {"de", "del", "la", "las", "los", "da", "do", "dos", "das", "van", "von", "De", "Del", "Da"}
)
_ARTICLES = {"the", "a", "an", "el", "la", "los", "las", "un", "una"}


def _appositive_of(span: Span) -> str | None:
    """The title a name stands in apposition to: "Haiti's foreign minister, Jean-Robert
    Desvarieux," or "la portavoz de la Policía Nacional, Mireille Augustin,"."""
    root = span.root
    head = root.head
    if root.dep_ != "appos" or head.i >= span.start:
        return None
    adjacent = _phrase_before(span)
    if adjacent is not None:
        return adjacent  # «la ministra X, el vocero presidencial, Manuel Adorni»: the nearest
    if head.dep_ == "appos" and head.lower_ not in titles() and head.head.i < head.i:
        head = head.head  # "El técnico de Costanera, el brasileño Wágner Tavares Lima,"
    doc = span.doc
    end = head.i + 1
    while end < span.start and not (doc[end].is_punct or doc[end].is_space):
        end += 1
    words = list(doc[head.left_edge.i : end])
    while words and (words[0].lower_ in _ARTICLES or words[0].pos_ in {"DET", "ADP", "PUNCT"}):
        words = words[1:]
    if not words or len(words) > 10 or _is_sentence_verbish(words):
        return None
    if any(w.is_punct and w.text not in {"-", "'s", "’s"} for w in words):
        return None
    if any(w.dep_ == "appos" and w.ent_type_ in PERSON for w in words):
        return None  # «la ministra Patricia Bullrich, ...»: another person's title and name
    return _join(words) if any(w.lower_ in titles() for w in words) else None


def _phrase_before(span: Span) -> str | None:
    """The phrase set off by commas right before a name in apposition, when it is a title:
    "..., the presidential spokesman, Manuel Adorni," -> "presidential spokesman"."""
    doc = span.doc
    if span.start < 2 or doc[span.start - 1].text != ",":
        return None
    i = span.start - 2
    while i >= 0 and not (doc[i].is_punct or doc[i].is_space):
        i -= 1
    words = list(doc[i + 1 : span.start - 1])
    while words and (words[0].lower_ in _ARTICLES or words[0].pos_ in {"DET", "ADP"}):
        words = words[1:]
    if not words or len(words) > 8 or _is_sentence_verbish(words):
        return None
    if any(w.ent_type_ in PERSON for w in words) or not any(w.lower_ in titles() for w in words):
        return None
    return _join(words)


def _is_sentence_verbish(words: list[Token]) -> bool:
    return any(w.pos_ == "VERB" for w in words)


def _apposition(span: Span) -> str | None:
    doc = span.doc
    if span.end + 1 >= len(doc) or doc[span.end].text != ",":
        return None
    words: list[Token] = []
    for tok in doc[span.end + 1 : min(len(doc), span.end + 12)]:
        if tok.text in {",", ".", ";", "(", ")", "“", "”", '"'} or tok.is_space:
            break
        if tok.tag_ in {"WDT", "WP", "WP$"}:
            break  # "the special envoy who leads the mission"
        if tok.pos_ in {"VERB", "AUX"} and tok.tag_ != "VBN":
            return None
        words.append(tok)
    while words and words[0].pos_ == "DET":
        words = words[1:]
    known = titles()
    if words and any(w.lower_ in known for w in words) and len(words) <= 9:
        return _join(words)
    return None


def _join(tokens: list[Token]) -> str:
    return "".join(t.text_with_ws for t in tokens).strip()


def _title_country(title: str | None, language: str = "en") -> str | None:
    if not title:
        return None
    for match in find_places(title, language=language):
        if match.place.kind in {"name", "demonym"}:
            return match.place.code
    return None


def _gender(doc: Doc, cand: _Candidate, title: str | None) -> str | None:
    """From the title ("spokeswoman"), the first name, then the pronouns that follow the person."""
    for word in (title or "").lower().split():
        g = titles().get(word)
        if g:
            return g
    first = cand.tokens[0].split("-")[0]
    g = first_names().get(cand.tokens[0]) or first_names().get(first)
    if g:
        return g
    votes: Counter[str] = Counter()
    for span in cand.spans:
        sent = sentence_of(span)
        nxt = doc[sent.end] if sent.end < len(doc) else None
        window = list(sent[span.end - sent.start :]) + (
            list(sentence_of(nxt)) if nxt is not None else []
        )
        for tok in window:
            if tok.ent_type_ in PERSON:
                break
            if tok.lower_ in _PRONOUNS and tok.dep_ in {"nsubj", "nsubjpass", "poss"}:
                votes[_PRONOUNS[tok.lower_]] += 1
                break
    if votes:
        (top, n), *rest = votes.most_common()
        if not rest or n > rest[0][1]:
            return top
    return None
