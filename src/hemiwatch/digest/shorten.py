"""A clause cut to length: the cheapest cut that brings it to its target length.

The cut is the set of up to three detail subtrees (prepositional phrases, modifiers, relative
clauses, never an item of a list, a verb's or a noun's complement) whose words weigh least, where a
word weighs more when it is a name or a number, when the article repeats it, and the earlier it
comes in its clause. What is kept must still read as a sentence: no cut leaves a broken phrase
('put' without 'aside', 'neither A' without 'or B', a participle without its phrase).
Everything kept is the article's own words, in its order, with their spans.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from itertools import combinations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from hemiwatch.digest.clauses import MIN_WORDS, Clause
from hemiwatch.digest.compress import complete, particle, whole_pair
from hemiwatch.digest.tree import glued, subtree, with_commas
from hemiwatch.models import Span
from hemiwatch.nlp.labels import NEGATIONS, SUBJECTS, UD, grammar, subordinate

CLAUSAL = frozenset({"xcomp", "ccomp"})
MODIFIERS = frozenset({"amod", "compound", "nmod"})  # English labels
MAX_CUTS = 3  # subtrees cut at once when searching for the cheapest shortening
MAX_ROUNDS = 8  # searches, each after the lightest cut, when no way of cutting is enough
EARLY = 3.0  # a clause's first word weighs 1 + EARLY times its weight, its last word 1 time

Weight = Callable[[Token], float]


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
    if all(t.ent_type_ in {"DATE", "TIME"} for t in tok.subtree if t.i != tok.i):
        return False  # 'agreed on Thursday to run ...': when is never what the verb needs
    if tok.lower_ in {"into", "onto", "of"}:
        return True  # 'turned the prisons into command centers', 'accused him of X'
    # after an object it is detail ('seized 2 tonnes in March'), but before the clause the
    # verb takes it is not ('called on the United States to enforce ...')
    if any(
        c.dep_ in labels.objects and c.i in keep and (c.i < tok.i or c.dep_ not in CLAUSAL)
        for c in verb.children
    ):
        return False
    return not any(c.dep_ == labels.phrase and verb.i < c.i < tok.i for c in verb.children)


def _needed(tok: Token, keep: set[int]) -> bool:
    """Would the cut leave a phrase that no longer reads: 'more' of 'more X than Y', 'more'
    or 'rather' without its 'than', 'far' without 'so', the second half of 'neither A nor B'
    or 'between A and B', the only dependent of a participle ('the car park, run by X,' is
    not 'the car park, run,'), the verb's particle ('put aside'), or the relative clause that
    says which one 'the man' is?"""
    doc, head = tok.doc, tok.head
    if tok.tag_ in {"RBR", "JJR"}:  # 'more' whose 'than' is elsewhere: 'more X than Y'
        own = subtree(tok)
        if any(doc[i].lower_ == "than" for i in keep if i > tok.i and i not in own):
            return True
    then = tok.i + 1
    if then < len(doc) and doc[then].lower_ == "than" and then in keep - subtree(tok):
        return True  # 'rather than X' is not 'than X'
    if tok.lower_ == "than" and head.tag_ in {"RBR", "JJR"}:
        return True  # 'more than the target' goes whole or stays: not 'more.'
    if tok.dep_ == "advmod" and head.pos_ == "ADV" and head.dep_ == "advmod":
        return True  # 'so far', 'as well': not 'far it has received'
    if tok.dep_ == "conj" and any(c.dep_ == "preconj" and c.i in keep for c in head.children):
        return True
    if tok.dep_ == "conj" and whole_pair(tok):
        return True
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


def _token_ranges(sent: SpacySpan, spans: Iterable[Span]) -> list[tuple[int, int]]:
    out = []
    for a, b in spans:
        if a < sent.end_char and b > sent.start_char and (found := sent.doc.char_span(a, b)):
            out.append((found.start, found.end))
    return out


def _cuts(
    sent: SpacySpan, clause: Clause, keep: set[int], spared: set[int], names: list[tuple[int, int]]
) -> list[set[int]]:
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
            or subordinate(tok)  # 'when it was stopped' keeps its 'when'
            or (tok.lower_ == "of" and tok.head.pos_ in {"NOUN", "PRON", "NUM"})
            or _argument(tok, keep)
            or (tok.dep_ == "prep" and not any(tok.children))  # its object hangs elsewhere
            # 'would bring the number of warships to 10': the figure is the point
            or (tok.dep_ == grammar(doc).phrase and any(c.pos_ == "NUM" for c in tok.children))
            or (tok.dep_ == "conj" and tok.head.dep_ in SUBJECTS)  # 'A and B are' keeps B
            # a list loses no item: 'charges of organised crime, drug trafficking, murder ...'
            or (tok.dep_ == "conj" and tok.head.pos_ in {"NOUN", "PROPN", "NUM", "ADJ", "PRON"})
            # 'U.S. and Cuban officials met' keeps 'and Cuban'
            or (
                tok.dep_ == "conj"
                and grammar(doc) is not UD
                and tok.head.dep_ in MODIFIERS
                and tok.head.head.dep_ in SUBJECTS
            )
            or (tok.dep_ == "advmod" and tok.head.pos_ in {"NOUN", "NUM"})  # '20 years ago'
            # 'worth more than $900 million'
            or (tok.dep_ == "npadvmod" and tok.i > tok.head.i and tok.head.pos_ != "VERB")
            or _needed(tok, keep)
        ):
            continue
        ids = with_commas(sent, subtree(tok)) & keep
        if tok.dep_ == "conj":
            ids = _conjuncts(sent, tok, keep)
        lo = min(ids, default=tok.i)
        dangling = lo > sent.start and lo - 1 in keep - ids and doc[lo - 1].pos_ == "ADP"
        # «especialmente con Bolivia y Perú» never loses what follows its «con»
        whole = not glued(doc, tok) and not _splits_a_name(names, ids) and not dangling
        if ids and clause.head.i not in ids and not ids & spared and whole:
            out.append(ids)
    return out


def _splits_a_name(names: list[tuple[int, int]], ids: set[int]) -> bool:
    """Would the cut take part of a name ('and Tobago' of 'Trinidad and Tobago')? `names` are
    the sentence's entities as (start, end) token ranges."""
    for start, end in names:
        inside = sum(1 for i in range(start, end) if i in ids)
        if 0 < inside < end - start:
            return True
    return False


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
    sent: SpacySpan,
    clause: Clause,
    max_words: int,
    weight: Weight,
    spared: set[int],
    names: Iterable[Span] = (),
) -> set[int]:
    """The clause cut to at most `max_words` words at the least cost: the fewest and lightest
    words, over every way of cutting up to three of its subtrees. When no such way leaves a
    complete sentence, the lightest subtree per word goes and the search runs again. No cut
    takes part of a name: the parser's entities, or `names` (character spans, such as the
    places found in the article: 'Trinidad and Tobago')."""
    doc = sent.doc
    whole = [(e.start, e.end) for e in sent.ents] + _token_ranges(sent, names)
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
        cuts = _cuts(sent, clause, keep, spared, whole)
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


__all__ = ["Weight", "shorten"]
