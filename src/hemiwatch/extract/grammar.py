"""One reading of two dependency schemes: the English model's (prep -> pobj, dobj, neg) and
the Spanish model's Universal Dependencies (obl/nmod with a case child, obj, advmod «no»), for
the rules that find who stands where in a sentence."""

from __future__ import annotations

from spacy.tokens import Token

from hemiwatch.extract.lexicons import stance_words
from hemiwatch.models import Span as CharSpan
from hemiwatch.nlp import sentence_of

WORDS = stance_words()
SUBJECTS = {"nsubj", "nsubjpass", "nsubj:pass"}
OBJECTS = {"dobj", "obj", "dative", "iobj"}


def preps(tok: Token) -> list[tuple[str, Token]]:
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


def prep_of(node: Token) -> str | None:
    """The preposition that introduces `node`, if it is a prepositional object."""
    if node.dep_ == "pobj":
        return node.head.lower_
    if node.dep_ in {"obl", "nmod"}:
        case = [g for g in node.children if g.dep_ == "case"]
        return case[0].lower_ if case else None
    return None


def own_clause(tok: Token) -> list[Token]:
    """The cue's subtree without the clauses coordinated with or embedded under it."""
    out = []
    stack = [tok]
    while stack:
        node = stack.pop()
        out.append(node)
        for child in node.children:
            clause = child.pos_ in {"VERB", "AUX"} and (
                child.dep_ in {"conj", "ccomp", "advcl", "relcl", "parataxis"}
                or (child.dep_ == "acl" and is_relative(child))  # «un acuerdo que eleva …»
            )
            if not clause:
                stack.append(child)
    return out


def is_relative(tok: Token) -> bool:
    return any("Rel" in c.morph.get("PronType", []) for c in tok.children)


def negated(tok: Token) -> bool:
    if any(is_negation(c) for c in tok.children):
        return True
    head = tok.head
    return tok.dep_ == "xcomp" and any(is_negation(c) for c in head.children)


def is_negation(tok: Token) -> bool:
    return tok.dep_ == "neg" or (tok.dep_ == "advmod" and tok.lower_ in WORDS["negations"])


def complement_text(tok: Token) -> str:
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


def owner_words(tok: Token) -> list[Token]:
    """The words of a noun phrase that say whose it is: possessors, compounds and "of X" /
    «de X» chains ("the deployment of U.S. warships"), not where it is ("based in X")."""
    out, stack = [], [tok]
    while stack:
        node = stack.pop()
        out.append(node)
        for child in node.children:
            of = child.dep_ == "prep" and child.lower_ == "of"
            de = child.dep_ in {"nmod", "flat"} and (
                child.dep_ == "flat" or prep_of(child) in {"de", "del"}
            )
            if child.dep_ in {"poss", "compound", "amod", "pobj", "conj"} or of or de:
                stack.append(child)
    return out


def conjuncts(tok: Token) -> list[Token]:
    """ "Colombia and Ecuador": the object and its own conjuncts, not conjuncts deeper inside
    it («migrantes …, principalmente hondureños y salvadoreños»)."""
    out, stack = [], [tok]
    while stack:
        node = stack.pop()
        out.append(node)
        stack += [c for c in node.children if c.dep_ == "conj"]
    return out


def core_extent(tok: Token) -> CharSpan:
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


def sent_range(tok: Token) -> CharSpan:
    sent = sentence_of(tok)
    return sent.start_char, sent.end_char


def extent(tok: Token) -> CharSpan:
    sub = list(tok.subtree)
    return sub[0].idx, sub[-1].idx + len(sub[-1].text)
