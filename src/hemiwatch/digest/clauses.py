"""A long sentence holds several points: split it into clauses, then shorten each one.

A CNN/DailyMail highlight is usually one clause of a lead sentence, not the whole sentence cut
down: "The country is due to repay the loan on Thursday" and "there were concerns it would
default" are two highlights of one "..., but ..." sentence. So a sentence is split first:

  X did A and did B          ->  X did A.  /  X did B.        (the subject is shared)
  X did A, but Y did B       ->  X did A.  /  Y did B.
  X, who did A, did B        ->  X did B.  /  X did A.        (a set-off relative clause)
  X did B as Y did A         ->  X did B.  /  Y did A.        (an adverbial clause with a subject)
  X did B -- Y did A         ->  X did B.  /  Y did A.        (after a dash, semicolon or colon)

Each clause is then shortened (shorten.py). The rules read their dependency labels from a
Grammar (labels.py): spaCy's English scheme, or Universal Dependencies (the Spanish model),
where a relative clause is an 'acl' with «que», the 'and' and the «que» of a second clause hang
from its verb.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from hemiwatch.digest.compress import detail_cuts
from hemiwatch.digest.tree import (
    DASHES,
    glued,
    head_of,
    subtree,
    unskipped,
    with_commas,
    word_count,
)
from hemiwatch.extract.lexicons import reporting_verbs
from hemiwatch.models import Span
from hemiwatch.nlp.labels import OWN_SUBJECT, SUBJECTS, finite, grammar, subordinate

NOUN_PHRASE = frozenset({"compound", "det", "amod", "poss", "nummod"})
MIN_WORDS = 4


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
    if tok.pos_ not in {"VERB", "AUX"} or head.pos_ not in {"VERB", "AUX"}:
        return None
    own = subtree(tok) - _opening(tok)
    if any(c.dep_ in OWN_SUBJECT for c in tok.children):
        return own, set()  # (its head may be an attribution cut away: 'X said A, but Y did B')
    if head.i not in keep:
        return None
    shared = _subject(head)
    if shared is None or not _agree(head, tok, shared):
        return None
    if any(
        w.pos_ in {"VERB", "AUX"} and any(c.dep_ in OWN_SUBJECT for c in w.children)
        for w in tok.doc[head.i + 1 : tok.i]
    ):
        # «X ocurren el día en que autoridades se reunieron ... y acordaron ...»: a verb with a
        # subject of its own stands between; the conjunct is likely its, not the head's
        return None
    # 'X has taken A and given B': the second clause takes the subject and the auxiliaries
    helpers = {c.i for c in head.children if c.dep_ in {"aux", "auxpass", "neg"} and c.i < head.i}
    if any(c.dep_ in {"aux", "auxpass"} for c in tok.children) or not _takes(tok, helpers):
        helpers = set()
        if not _finite(tok):
            return None  # 'fines still being decided' is not a clause
    return own, (subtree(shared) | helpers) & keep


def _finite(verb: Token) -> bool:
    """Does the verb or one of its auxiliaries carry tense (or, in UD, a copula)?"""
    helpers = [c for c in verb.children if c.dep_ in {"aux", "auxpass", "aux:pass", "cop"}]
    return any(finite(t) for t in [verb, *helpers])


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
    if tok.i < tok.head.i or not _subject(tok) or not (marks or _finite(tok)):
        return None  # not '..., most of it hidden in shipments' (no mark, no tense)
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
    if not words or subordinate(words[0]) or words[0].dep_ in {"mark", "aux", "auxpass"}:
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
        if split is None or glued(doc, tok):
            continue  # 'ordered the mega-prison built': a hyphen joins it to the word before
        own, shared = split
        own &= keep
        whole = own | shared
        if word_count(sent, whole) >= MIN_WORDS and _reads(sent, whole, tok, bool(shared)):
            found.append(Clause(tok, frozenset(whole)))
            taken |= own
            keep -= own | cut
    main = keep - taken
    head = head_of(sent, main) or head  # 'A, X said, but B': B split off, A is the main clause
    reads = _reads(sent, main, head, False, main=True)
    return [Clause(head, frozenset(main)), *found] if reads else found


__all__ = ["MIN_WORDS", "Clause", "clauses"]
