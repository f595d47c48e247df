"""The dependency labels the digest's clause rules read, per parse scheme: spaCy's English
scheme (ClearNLP labels) or Universal Dependencies (the Spanish model)."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

SUBJECTS = frozenset({"nsubj", "nsubjpass"})
OWN_SUBJECT = SUBJECTS | {"expl", "csubj"}  # 'there were concerns' has a subject of its own
FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
NEGATIONS = frozenset({"not", "n't", "never", "no", "nunca", "jamás"})
SUBORDINATE = frozenset({"WDT", "WP", "WP$", "WRB"})  # a clause does not start on these


@dataclass(frozen=True)
class Grammar:
    """The labels the rules read, per parse scheme: spaCy's English one (ClearNLP) or
    Universal Dependencies (the Spanish model)."""

    relative_clause: str  # the dependency of 'X, who did A,'
    relative: frozenset[str]  # the pronouns of a set-off relative clause
    marks: frozenset[str]  # adverbial clauses that state a fact of their own (not 'if')
    cuttable: frozenset[str]  # what may be cut from a clause that is still too long
    objects: frozenset[str]
    phrase: str  # a prepositional phrase ('prep' here, the noun with its 'case' in UD)


ENGLISH = Grammar(
    relative_clause="relcl",
    relative=frozenset({"who", "which"}),
    marks=frozenset("as after when while because since before although though whereas".split()),
    cuttable=frozenset(
        {"prep", "relcl", "acl", "advcl", "npadvmod", "appos", "advmod", "conj", "agent"}
    ),
    objects=frozenset({"dobj", "attr", "acomp", "oprd", "ccomp", "xcomp", "dative"}),
    phrase="prep",
)
UD = Grammar(
    relative_clause="acl",
    relative=frozenset({"que", "quien", "quienes", "cual", "cuales"}),
    marks=frozenset({"cuando", "mientras", "porque", "aunque"}),
    cuttable=frozenset({"obl", "nmod", "acl", "advcl", "appos", "advmod", "conj"}),
    objects=frozenset({"obj", "iobj", "ccomp", "xcomp", "cop"}),
    phrase="obl",
)


def grammar(doc: Doc) -> Grammar:
    return ENGLISH if doc.lang_ == "en" else UD


def finite(tok: Token) -> bool:
    return tok.tag_ in FINITE or "Fin" in tok.morph.get("VerbForm", [])


def subordinate(tok: Token) -> bool:
    """'when', 'which', «que» (relative or interrogative): a clause does not start on these."""
    kinds = tok.morph.get("PronType", [])
    return tok.tag_ in SUBORDINATE or (tok.pos_ == "PRON" and ("Rel" in kinds or "Int" in kinds))


__all__ = [
    "ENGLISH",
    "NEGATIONS",
    "OWN_SUBJECT",
    "SUBJECTS",
    "UD",
    "Grammar",
    "finite",
    "grammar",
    "subordinate",
]
