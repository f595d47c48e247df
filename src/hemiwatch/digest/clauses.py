"""A long sentence holds several points: split it into clauses, then shorten each one.

A CNN/DailyMail highlight is usually one clause of a lead sentence, not the whole sentence cut
down: "The country is due to repay the loan on Thursday" and "there were concerns it would
default" are two highlights of one "..., but ..." sentence. So a sentence is split first:

  X did A and did B          ->  X did A.  /  X did B.        (the subject is shared)
  X did A, but Y did B       ->  X did A.  /  Y did B.
  X, who did A, did B        ->  X did B.  /  X did A.        (a set-off relative clause)
  X did B as Y did A         ->  X did B.  /  Y did A.        (an adverbial clause with a subject)
  X did B -- Y did A         ->  X did B.  /  Y did A.        (after a dash, semicolon or colon)

and each clause is then shortened by the cheapest cut that brings it to length: the set of up
to three detail subtrees (prepositional phrases, modifiers, relative clauses, conjuncts, never a
verb's or a noun's complement) whose words weigh least, where a word weighs more when it is a
name or a number, when the article repeats it, and the earlier it comes in its clause. What is
kept must still read as a sentence. Everything kept is the article's own words, in its order,
with their spans.

The rules read their dependency labels from a Grammar: spaCy's English scheme, or Universal
Dependencies (the Spanish model), where a relative clause is an 'acl' with «que», the 'and' and
the «que» of a second clause hang from its verb, and a noun's «de» phrase is its complement.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import combinations

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from hemiwatch.digest.compress import (
    DASHES,
    complete,
    detail_cuts,
    head_of,
    particle,
    subtree,
    unskipped,
    with_commas,
    word_count,
)
from hemiwatch.extract.lexicons import reporting_verbs
from hemiwatch.models import Span

SUBJECTS = frozenset({"nsubj", "nsubjpass"})
OWN_SUBJECT = SUBJECTS | {"expl", "csubj"}  # 'there were concerns' has a subject of its own
NOUN_PHRASE = frozenset({"compound", "det", "amod", "poss", "nummod"})
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


def _finite(tok: Token) -> bool:
    return tok.tag_ in FINITE or "Fin" in tok.morph.get("VerbForm", [])


def _subordinate(tok: Token) -> bool:
    """'when', 'which', «que» (relative or interrogative): a clause does not start on these."""
    kinds = tok.morph.get("PronType", [])
    return tok.tag_ in SUBORDINATE or (tok.pos_ == "PRON" and ("Rel" in kinds or "Int" in kinds))


MIN_WORDS = 4
MAX_CUTS = 3  # subtrees cut at once when searching for the cheapest shortening
MAX_ROUNDS = 4  # searches, each after the lightest cut, when no way of cutting is enough
EARLY = 3.0  # a clause's first word weighs 1 + EARLY times its weight, its last word 1 time

Weight = Callable[[Token], float]


@dataclass(frozen=True)
class Clause:
    head: Token  # the clause's verb
    keep: frozenset[int]  # token indices; the first clause of a sentence is its main clause


def _subject(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in SUBJECTS), None)


def _takes(verb: Token, helpers: set[int]) -> bool:
    """Can the second verb take the first one's auxiliaries? 'has suspended A and opened B',
    'will visit A and meet B', 'was arrested and charged'; not 'was seen as A and had B',
    nor 'would add A and urged B'."""
    words = [verb.doc[i] for i in helpers]
    if verb.tag_ == "VB":
        return any(w.tag_ == "MD" or w.lemma_ in {"do", "to"} for w in words)
    if verb.tag_ in {"VBN", "VBD"} and any(w.lemma_ == "have" for w in words):
        return True
    if verb.tag_ == "VBN":
        return any(w.dep_ == "auxpass" for w in words)
    return verb.tag_ == "VBG" and any(w.lemma_ == "be" for w in words)


def _opening(tok: Token) -> set[int]:
    """The punctuation, 'and' and 'that' at the start of the token's subtree: in UD they hang
    from the second verb of 'A, and that B' or from the verb of 'X, who ...', and are not part
    of its clause."""
    out: set[int] = set()
    for i in sorted(subtree(tok)):
        word = tok.doc[i]
        if not (word.is_punct or word.dep_ in {"cc", "mark"} or word.tag_ == "CC"):
            break
        out.add(i)
    return out


def _number(tok: Token) -> str | None:
    """'Sing' or 'Plur' when the token says: its morphology, a present-tense English verb's
    tag, or a coordinated subject ('A and B')."""
    if tok.dep_ in SUBJECTS and any(c.dep_ == "conj" for c in tok.children):
        return "Plur"
    found = tok.morph.get("Number", [])
    if found:
        return found[0]
    return {"VBZ": "Sing", "VBP": "Plur"}.get(tok.tag_)


def _agree(first: Token, second: Token, subject: Token) -> bool:
    """Can the second verb share the first one's subject? Not when the two, or the subject and
    the second verb, differ in number: the parser joined «firmaron un acuerdo que eleva X y
    permite Y», or 'Tindall wouldn't have moved ... in a Six Nations clash', at the wrong verb."""
    two = _number(second)
    one = _number(first)
    if one and two and one != two:
        return False
    if subject.pos_ == "PRON":  # 'I/you know' is VBP and singular
        return True
    own = _number(subject)
    return not own or not two or own == two


def _coordinated(tok: Token, keep: set[int]) -> tuple[set[int], set[int]] | None:
    """'..., and/but VERB ...': the conjunct's tokens, plus its head's subject if it has none."""
    head = tok.head
    if tok.pos_ not in {"VERB", "AUX"} or head.pos_ not in {"VERB", "AUX"} or head.i not in keep:
        return None
    own = subtree(tok) - _opening(tok)
    if any(c.dep_ in OWN_SUBJECT for c in tok.children):
        return own, set()
    shared = _subject(head)
    if shared is None or not _agree(head, tok, shared):
        return None
    # 'X has taken A and given B': the second clause takes the subject and the auxiliaries
    helpers = {c.i for c in head.children if c.dep_ in {"aux", "auxpass", "neg"} and c.i < head.i}
    if any(c.dep_ in {"aux", "auxpass"} for c in tok.children) or not _takes(tok, helpers):
        helpers = set()
        group = [tok, *(c for c in tok.children if c.dep_ in {"aux", "auxpass"})]
        if not any(_finite(t) for t in group):
            return None  # 'fines still being decided' is not a clause
    return own, (subtree(shared) | helpers) & keep


def _nominal(tok: Token) -> bool:
    """«el detenido»: an adjective used as a noun (UD)."""
    return tok.pos_ == "ADJ" and any(c.dep_ == "det" for c in tok.children)


def _relative(sent: SpacySpan, tok: Token, keep: set[int]) -> tuple[set[int], set[int]] | None:
    """'NOUN, who VERB ...,': the clause without its pronoun, with the noun phrase as subject."""
    noun = tok.head
    pronoun = next((c for c in tok.children if c.dep_ in SUBJECTS), None)
    first = min((i for i in subtree(tok) if not sent.doc[i].is_punct), default=tok.i)
    if (
        not (noun.pos_ in {"PROPN", "NOUN"} or _nominal(noun))
        # 'X, which is Y': one thing named twice, not a second fact
        or tok.lemma_ == "be"
        or any(c.dep_ == "cop" for c in tok.children)
        or tok.i < noun.i
        or pronoun is None
        or pronoun.lower_ not in grammar(sent.doc).relative
        or first <= sent.start
        or sent.doc[first - 1].text not in DASHES | {","}
    ):
        return None
    phrase = {noun.i}
    for child in noun.lefts:
        if child.dep_ in NOUN_PHRASE:
            phrase |= subtree(child)
    return subtree(tok) - {pronoun.i} - _opening(tok), phrase & keep


def _adverbial(tok: Token) -> set[int] | None:
    """'... as/after/when SUBJECT VERB ...' after the main verb: the clause without its mark."""
    marks = [c for c in tok.children if c.dep_ == "mark" or c.tag_ == "WRB"]
    if tok.i < tok.head.i or not _subject(tok):
        return None
    if marks and marks[0].lower_ not in grammar(tok.doc).marks:
        return None
    ahead = {i for c in tok.lefts if marks and c.i < marks[0].i for i in subtree(c)}
    return subtree(tok) - {m.i for m in marks} - ahead  # '20 years after X died': X died


def _set_apart(sent: SpacySpan, tok: Token) -> set[int] | None:
    """'X became clear -- some 3,000 people had died': a clause after a dash, semicolon or
    colon, with its own subject."""
    ids = subtree(tok)
    if not _subject(tok) or not _subject(tok.head):
        return None
    edge = min(ids) - 1 if tok.i > tok.head.i else max(ids) + 1  # the mark between the two
    inside = sent.start <= edge < sent.end
    return ids if inside and sent.doc[edge].text in DASHES | {";", ":"} else None


def _bare_attribution(sent: SpacySpan, keep: set[int], head: Token, main: bool) -> bool:
    """'..., a news agency reported.' split off as a clause, or 'X will say today' whose
    reported clause went: who said it, without what was said."""
    speech, _ = reporting_verbs()
    labels = grammar(sent.doc)
    if head.lemma_ not in speech or any(
        c.i in keep and c.dep_ in labels.objects for c in head.children
    ):
        return False
    return not main or any(c.dep_ in {"ccomp", "parataxis"} for c in head.children)


def _reads(sent: SpacySpan, keep: set[int], head: Token, given: bool, main: bool = False) -> bool:
    """Does the clause read as a sentence: it has a subject (its own, or `given` it by the
    clause it was split from); it does not start with 'when', 'whose' or 'because', nor with an
    auxiliary ('had he been ...'); and it is more than an attribution ('X reported.')?"""
    words = [sent.doc[i] for i in sorted(keep) if not sent.doc[i].is_punct]
    if not words or _subordinate(words[0]) or words[0].dep_ in {"mark", "aux", "auxpass"}:
        return False
    if _bare_attribution(sent, keep, head, main):
        return False
    return given or any(c.dep_ in OWN_SUBJECT and c.i in keep for c in head.children)


def clauses(sent: SpacySpan, skip: Iterable[Span] = ()) -> list[Clause]:
    """The sentence's clauses, main clause first, each without the sentence's detail (the
    attribution, brackets, set-off appositions) and without the tokens inside `skip`."""
    keep = detail_cuts(sent, unskipped(sent, skip))
    head = head_of(sent, keep)
    if head is None:
        return []
    doc = sent.doc
    found: list[Clause] = []
    taken: set[int] = set()
    for tok in [doc[i] for i in sorted(keep)]:
        if tok.i in taken or tok.i not in keep:
            continue
        split: tuple[set[int], set[int]] | None = None
        if tok.dep_ == "conj":
            split = _coordinated(tok, keep)
            cut = _opening(tok) | {
                c.i
                for c in tok.head.children
                if c.dep_ in {"cc", "punct"} and tok.head.i < c.i < tok.i
            }
        elif tok.dep_ == grammar(doc).relative_clause:
            split = _relative(sent, tok, keep)
            cut = with_commas(sent, subtree(tok))
        elif (
            tok.dep_ in {"parataxis", "ccomp"} and (own := _set_apart(sent, tok)) is not None
        ) or (tok.dep_ == "advcl" and (own := _adverbial(tok)) is not None):
            split, cut = (own, set()), with_commas(sent, subtree(tok))
        if split is None:
            continue
        own, shared = split
        own &= keep
        whole = own | shared
        if word_count(sent, whole) >= MIN_WORDS and _reads(sent, whole, tok, bool(shared)):
            found.append(Clause(tok, frozenset(whole)))
            taken |= own
            keep -= own | cut
    main = keep - taken
    reads = _reads(sent, main, head, False, main=True)
    return [Clause(head, frozenset(main)), *found] if reads else found


def _argument(tok: Token, keep: set[int]) -> bool:
    """A verb's first prepositional phrase when it has no object ('turned into a nightmare',
    'fled to Syria'), and the one right after its object ('renewed its focus on security',
    'seems a far cry from X'); in UD, a noun's «de» phrase right after it ('the size of')."""
    verb, labels = tok.head, grammar(tok.doc)
    if labels is UD and tok.dep_ == "nmod" and tok.left_edge.i == verb.i + 1:
        return any(c.dep_ == "case" and c.lower_ in {"de", "del"} for c in tok.children)
    if tok.dep_ != labels.phrase or tok.i < verb.i:
        return False
    if verb.dep_ in {"dobj", "attr", "oprd"} and tok.i == verb.i + 1:
        return True
    if verb.pos_ not in {"VERB", "AUX"}:
        return False
    if any(c.dep_ in labels.objects and c.i in keep for c in verb.children):
        return False
    return not any(c.dep_ == labels.phrase and verb.i < c.i < tok.i for c in verb.children)


def _glued(doc: Doc, tok: Token) -> bool:
    """Is the token's subtree part of a hyphenated word: 'two-year' in 'two-year-old', '-1' in
    '3-1'?"""
    lo, hi = tok.left_edge.i, tok.right_edge.i
    before = lo > 0 and not doc[lo - 1].whitespace_ and DASHES & {doc[lo - 1].text, doc[lo].text}
    after = (
        hi + 1 < len(doc) and not doc[hi].whitespace_ and DASHES & {doc[hi + 1].text, doc[hi].text}
    )
    return bool(before or after)


def _needed(tok: Token, keep: set[int]) -> bool:
    """Would the cut leave a phrase that no longer reads: 'more' of 'more X than Y', the second
    half of 'neither A nor B', the only dependent of a participle ('the car park, run by X,'
    is not 'the car park, run,'), the verb's particle ('put aside'), or the relative clause
    that says which one 'the man' is?"""
    doc, head = tok.doc, tok.head
    if tok.tag_ in {"RBR", "JJR"} and any(doc[i].lower_ == "than" for i in keep if i > tok.i):
        return True
    if tok.dep_ == "conj" and any(c.dep_ == "preconj" and c.i in keep for c in head.children):
        return True
    if tok.dep_ == "conj" and head.dep_ == "conj":
        return True  # 'A, B and C' is not cut to 'A, B' (the cut of B takes C along)
    if (
        head.dep_ == "acl"
        and (head.tag_ in {"VBN", "VBG"} or "Part" in head.morph.get("VerbForm", []))
        and not any(c.i in keep and c.i != tok.i and not c.is_punct for c in head.children)
    ):
        return True
    if particle(tok):  # 'put aside the money', 'stepped in'
        return True
    if tok.dep_ == "relcl" and head.pos_ == "NOUN" and doc[tok.left_edge.i - 1].text != ",":
        return [c.lower_ for c in head.lefts if c.i in keep] == ["the"]  # restrictive
    return False


def _cuts(sent: SpacySpan, clause: Clause, keep: set[int], spared: set[int]) -> list[set[int]]:
    """The subtrees of the clause that may go: detail, never its verb, a negation, the
    complement of a noun ('the size of a pig') or a fact's words."""
    doc = sent.doc
    out: list[set[int]] = []
    for tok in (doc[i] for i in sorted(keep)):
        if (
            tok.dep_ not in grammar(doc).cuttable
            or tok.i == clause.head.i
            or tok.head.i not in keep
            or tok.lower_ in NEGATIONS
            or _subordinate(tok)  # 'when it was stopped' keeps its 'when'
            or (tok.lower_ == "of" and tok.head.pos_ in {"NOUN", "PRON", "NUM"})
            or _argument(tok, keep)
            or (tok.dep_ == "conj" and tok.head.dep_ in SUBJECTS)  # 'A and B are' keeps B
            or (tok.dep_ == "advmod" and tok.head.pos_ in {"NOUN", "NUM"})  # '20 years ago'
            or _needed(tok, keep)
        ):
            continue
        ids = with_commas(sent, subtree(tok)) & keep
        if tok.dep_ == "conj":
            ids = _conjuncts(sent, tok, keep)
        if ids and clause.head.i not in ids and not ids & spared and not _glued(doc, tok):
            out.append(ids)
    return out


def _conjuncts(sent: SpacySpan, tok: Token, keep: set[int]) -> set[int]:
    """'A and B': B with its 'and'. In a list 'A, B and C' whose items all hang from A (as UD
    has them), B and C go together: 'A, B' alone would read as a broken list."""
    head = tok.head
    items = [c for c in head.children if c.dep_ == "conj" and c.i in keep]
    if len(items) > 1 and tok.i != items[0].i:
        return set()  # offered once, from the first item
    ids: set[int] = set()
    for item in items if len(items) > 1 else [tok]:
        ids |= with_commas(sent, subtree(item))
    ids |= {c.i for c in head.children if c.dep_ == "cc" and c.i < tok.i}
    return ids & keep


def shorten(
    sent: SpacySpan, clause: Clause, max_words: int, weight: Weight, spared: set[int]
) -> set[int]:
    """The clause cut to at most `max_words` words at the least cost: the fewest and lightest
    words, over every way of cutting up to three of its subtrees. When no such way leaves a
    complete sentence, the lightest subtree per word goes and the search runs again."""
    doc = sent.doc
    keep = set(clause.keep)
    order = sorted(i for i in keep if not doc[i].is_punct)  # the words
    # a highlight keeps the start of its clause: early words cost more to cut
    weights = {i: weight(doc[i]) * (1 + EARLY * (1 - n / len(order))) for n, i in enumerate(order)}

    def lost(ids: set[int]) -> float:
        return sum(weights.get(i, 0.0) for i in ids)

    def words(ids: set[int]) -> int:
        return len(ids & weights.keys())

    for _ in range(MAX_ROUNDS):
        if words(keep) <= max_words:
            break
        cuts = _cuts(sent, clause, keep, spared)
        ways = []
        for size in range(1, MAX_CUTS + 1):
            for combo in combinations(cuts, size):
                gone = set().union(*combo)
                if MIN_WORDS <= words(keep - gone) <= max_words:
                    ways.append((lost(gone), sorted(gone)))
        for _, cut in sorted(ways):
            if complete(sent, keep - set(cut), clause.head):
                return keep - set(cut)
        lightest = sorted(
            (lost(ids) / max(1, words(ids)), sorted(ids))
            for ids in cuts
            if words(keep - ids) >= MIN_WORDS
        )
        rest = next(
            (r for _, g in lightest if complete(sent, r := keep - set(g), clause.head)), None
        )
        if rest is None:
            break
        keep = rest
    return keep


__all__ = ["Clause", "clauses", "shorten"]
