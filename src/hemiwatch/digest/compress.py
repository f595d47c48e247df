"""Sentence compression by deletion on the dependency parse.

A takeaway is a sentence of the article with its detail cut away: the attribution ("..., police
said"), parentheses, appositions, a leading adverbial, and, while it is still too long, relative
clauses, participles, trailing adverbials and coordinated clauses. Only whole subtrees are cut,
so what is left keeps the article's words in the article's order, and each kept run of words is
returned with its character span: that is the takeaway's evidence.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from hemiwatch.digest.tree import (
    DASHES,
    QUOTE_MARKS,
    head_of,
    inside,
    root_of,
    says_when,
    subtree,
    unskipped,
    with_commas,
    word_count,
)
from hemiwatch.extract.lexicons import reporting_verbs
from hemiwatch.models import Span
from hemiwatch.nlp import text_of

FINDING = frozenset({"hear", "find", "decide", "rule", "conclude", "show", "reveal", "learn"})
NAMING = frozenset("call name dub label brand term deem consider declare".split())
# verbs that do not end a sentence whose object was cut: '... after a study revealed.'
SAYING = FINDING | frozenset(
    "say tell report claim announce disclose suggest insist state explain confirm add".split()
)
SAY_ONLY = frozenset({"say", "tell", "add", "remark", "state", "note", "explain", "reiterate"})
BRACKETS = {"(": ")", "[": "]"}
# English labels, and the Universal Dependencies of the Spanish model ("obl": «Este jueves, …»)
LEAD_DEPS = frozenset({"advcl", "prep", "npadvmod", "advmod", "intj", "cc", "mark", "dep", "obl"})
STRAY_START = frozenset(
    {"and", "but", "so", "yet", "or", "however", "meanwhile", "also", "then"}
    | {"y", "pero", "además", "también", "mientras", "entonces"}
)


@dataclass(frozen=True)
class Compressed:
    text: str
    sources: list[Span]
    words: int
    whole: bool  # reads as a complete sentence


def _attribution(sent: SpacySpan) -> set[int]:
    """'X said (Tuesday) (that) CLAUSE' and 'CLAUSE, X said': keep the clause alone."""
    speech, _ = reporting_verbs()
    root = root_of(sent)
    clauses = [c for c in root.children if c.dep_ in {"ccomp", "parataxis"}]
    # 'CLAUSE, a court heard / a study found.': a finding reported after the fact
    found_after = root.lemma_ in FINDING and any(c.i < root.i for c in clauses)
    if root.lemma_ not in speech and not found_after:
        return set()
    if not clauses:
        if root.lemma_ in SAY_ONLY:
            return {t.i for t in sent}  # 'X said about 40 percent of ...': a broken report
        return set()
    clause = max(clauses, key=lambda c: len(list(c.subtree)))
    inner = subtree(clause)
    if any(sent.doc[i].text in QUOTE_MARKS for i in inner):
        return set()  # a direct quote keeps its speaker
    first = sent.doc[min(inner)]
    if first.tag_ in {"WRB", "WP", "WDT"} and first.dep_ != "mark":
        return set()  # 'X could explain why ...' is a claim, not a report ('that' may be WDT)
    # '..., but donors pledged only 18': a second clause with its own subject is no
    # part of the attribution
    for conj in (c for c in root.children if c.dep_ == "conj" and c.i > clause.i):
        deps = {g.dep_ for g in conj.children}
        if deps & {"nsubj", "nsubjpass"} and not deps & {"ccomp", "parataxis"}:
            inner |= subtree(conj)
    drop = {t.i for t in sent if t.i not in inner and not t.is_sent_end}
    drop |= {
        c.i for c in clause.children if c.dep_ == "mark" and c.lower_ in {"that", "if", "que", "si"}
    }
    return drop


def _trailing_attribution(sent: SpacySpan) -> set[int]:
    """'CLAUSE, informó el canciller.' or 'CLAUSE, the president said, as ...' parsed with the
    clause as root: cut the speech verb."""
    speech, _ = reporting_verbs()
    root = root_of(sent)
    for child in root.children:
        if child.i > root.i and child.lemma_ in speech and child.pos_ == "VERB":
            ids = subtree(child)
            if sent.doc[min(ids)].text == ",":  # the parser hung the comma on the verb
                return ids
            if min(ids) > sent.start and sent.doc[min(ids) - 1].text == ",":
                return ids | {min(ids) - 1}
    return set()


def _according_to(sent: SpacySpan) -> set[int]:
    out: set[int] = set()
    for tok in sent:
        if (
            tok.lower_ == "according"
            and tok.i + 1 < sent.end
            and sent.doc[tok.i + 1].lower_ == "to"
        ):
            out |= with_commas(sent, subtree(tok) | subtree(sent.doc[tok.i + 1]))
        elif tok.lower_ == "según" and tok.dep_ == "case" and tok.head.i != tok.i:
            out |= with_commas(sent, subtree(tok.head))  # «Según la DEA, …»
    return out


def _brackets(sent: SpacySpan) -> set[int]:
    out: set[int] = set()
    opened: int | None = None
    closer = ""
    for tok in sent:
        if opened is None and tok.text in BRACKETS:
            opened, closer = tok.i, BRACKETS[tok.text]
        elif opened is not None and tok.text == closer:
            out |= set(range(opened, tok.i + 1))
            opened = None
    return out


def _by_dep(
    sent: SpacySpan, deps: Iterable[str], root: Token, only_set_off: bool = False
) -> list[set[int]]:
    """Subtrees of tokens with these dependency labels, largest first."""
    wanted = set(deps)
    found = []
    for tok in sent:
        if tok.dep_ not in wanted or tok.i == root.i:
            continue
        ids = subtree(tok)
        if only_set_off and not (min(ids) > sent.start and sent.doc[min(ids) - 1].text == ","):
            continue
        found.append(with_commas(sent, ids))
    return sorted(found, key=len, reverse=True)


def _leading(sent: SpacySpan, root: Token) -> set[int]:
    """An adverbial before the subject, set off by a comma ('On Tuesday, ...', 'But ...')."""
    subjects = [c for c in root.children if c.dep_ in {"nsubj", "nsubjpass", "expl"}]
    if not subjects:
        return set()
    first = min(t.i for t in subjects[0].subtree)
    out: set[int] = set()
    for child in root.children:
        if child.i >= first or child.dep_ not in LEAD_DEPS:
            continue
        ids = subtree(child)
        if max(ids) < first:
            out |= ids
    if out:
        out |= {i for i in range(sent.start, first) if sent.doc[i].is_punct}
        if any(i not in out for i in range(sent.start, first)):
            return set()  # something else sits before the subject: leave it whole
    return out


def _conjuncts(sent: SpacySpan, root: Token) -> list[set[int]]:
    out = []
    for child in root.children:
        if child.dep_ == "conj" and child.pos_ in {"VERB", "AUX"} and child.i > root.i:
            ids = set(range(child.left_edge.i, child.right_edge.i + 1))
            ids |= {
                c.i
                for c in root.children
                if c.dep_ in {"cc", "punct"}
                and c.i < child.i
                and c.i > root.i
                and c.i >= child.left_edge.i - 2
            }
            out.append(ids)
    return out


def _trailing_preps(sent: SpacySpan, root: Token) -> list[set[int]]:
    return [
        with_commas(sent, subtree(c))
        for c in reversed(list(root.children))
        if c.dep_ in {"prep", "npadvmod", "advcl", "agent", "obl"} and c.i > root.i
    ]


RATE_WORDS = frozenset({"a", "an", "per", "each", "every"})


def _dates(sent: SpacySpan, root: Token) -> list[set[int]]:
    """'on Monday', 'this week', 'el martes': the phrases that only say when."""
    out = []
    for child in sent:
        if child.dep_ not in {"prep", "npadvmod", "obl"} or child.i == root.i:
            continue
        if child.left_edge.lower_ in RATE_WORDS:
            continue  # 'four flights a week' is a rate, not a date
        doc = sent.doc
        lo, hi = child.left_edge.i, child.right_edge.i
        glued = (
            doc[lo].text in DASHES
            or (lo > 0 and doc[lo - 1].text in DASHES and not doc[lo - 1].whitespace_)
            or (hi + 1 < len(doc) and doc[hi + 1].text in DASHES and not doc[hi].whitespace_)
        )
        if glued:
            continue  # 'a two-year-old boy', '2010-11'
        if says_when(child):
            out.append(with_commas(sent, subtree(child)))
    return out


def without_dates(sent: SpacySpan, keep: set[int]) -> set[int]:
    """The kept tokens less the phrases that only say when, if what is left is complete."""
    root = head_of(sent, keep)
    if root is None:
        return keep
    rest = keep - set().union(set(), *_dates(sent, root))
    return rest if len(rest) >= 4 and complete(sent, rest, root) else keep


Step = Callable[[SpacySpan, Token], list[set[int]]]

# The order in which detail is cut while a sentence is still too long.
OPTIONAL: list[Step] = [
    _dates,
    lambda s, r: _by_dep(s, ["relcl", "acl"], r, only_set_off=True),
    lambda s, r: _by_dep(s, ["advcl"], r, only_set_off=True),
    _conjuncts,
    lambda s, r: _by_dep(s, ["relcl", "acl"], r),
    _trailing_preps,
    lambda s, r: _noun_conjuncts(s),
]


def whole_pair(tok: Token) -> bool:
    """Must the conjunct stay? 'between A and B' needs its B; in 'A, B and C', cutting 'and C'
    would leave 'A, B' (the cut of B takes C along)."""
    head = tok.head
    return head.dep_ == "conj" or (head.dep_ == "pobj" and head.head.lower_ == "between")


def _noun_conjuncts(sent: SpacySpan) -> list[set[int]]:
    """'the security and stability of X' -> 'the security of X'."""
    out = []
    for tok in sent:
        if (
            tok.dep_ == "conj"
            and tok.pos_ in {"NOUN", "PROPN", "ADJ"}
            and tok.head.i < tok.i
            and tok.head.dep_ not in {"nsubj", "nsubjpass"}  # 'A and B have' must keep B
            and not whole_pair(tok)
        ):
            ids = subtree(tok)
            ccs = [c.i for c in tok.head.children if c.dep_ == "cc" and c.i < tok.i]
            out.append(ids | set(ccs[-1:]))
    return out


# what a verb can lose and still end a sentence: 'The talks collapsed.' without 'after ...'
MODIFIERS = frozenset({"advcl", "conj", "cc", "punct", "relcl", "npadvmod", "advmod", "parataxis"})
OPEN_TAGS = frozenset({"IN", "DT", "TO", "CC", "MD", "WDT", "WP", "PRP$", "POS", "HYPH", "EX"})


PARTICLES = frozenset("in out up down off away back over aside on around through".split())


def particle(tok: Token) -> bool:
    """The particle of a phrasal verb, which the parser may call an adverb: 'put aside X',
    'stepped in'."""
    head = tok.head
    if tok.dep_ not in {"advmod", "prt"} or head.pos_ != "VERB" or tok.i != head.i + 1:
        return False
    return tok.lower_ in PARTICLES and not list(tok.children)


def _wants_what(tok: Token) -> bool:
    """A saying verb with no clause before it ('X was gay, WNCN reported' has its clause)."""
    before = any(c.dep_ in {"ccomp", "parataxis"} and c.i < tok.i for c in tok.children)
    return tok.pos_ == "VERB" and tok.lemma_ in SAYING and not before


def complete(sent: SpacySpan, keep: set[int], head: Token | None = None) -> bool:
    """Does what is kept still read as a sentence? It must not end on a word that wants a
    complement ('the plan was.', 'a graphic noting.'), nor on a verb that lost its object.
    `head` is the clause's verb when it is not the token the others hang from (a relative
    clause read with its noun as subject)."""
    doc = sent.doc
    words = [i for i in sorted(keep) if not doc[i].is_punct]
    root = head or head_of(sent, keep)
    if not words or root is None or root.pos_ not in {"VERB", "AUX"}:
        return False
    if doc.lang_ != "en":
        return _complete_ud(sent, keep, words, root)
    last = doc[words[-1]]
    if last.tag_ in OPEN_TAGS or (last.lemma_ in {"be", "have"} and last.pos_ == "AUX"):
        return False
    cut_after = any(
        i not in keep and not doc[i].is_punct and not doc[i].is_space
        for i in range(words[-1] + 1, sent.end)
    )
    adverb = last.tag_ in {"RB", "RBR", "RBS"} and not particle(last)
    if cut_after and (adverb or _wants_what(last)):
        return False  # '... after a study revealed.' lost what it revealed
    if any(doc[i].lower_ == "ago" and i - 1 not in keep for i in words):
        return False  # '25 years ago' without its '25 years'
    for tok in (doc[i] for i in words):
        if not (tok.tag_.startswith("VB") or tok.lower_.endswith("ing")):
            continue
        lost = [c for c in tok.rights if c.dep_ not in MODIFIERS and c.i not in keep]
        kept = [c for c in tok.rights if not c.is_punct and c.i in keep]
        if lost and not kept and (tok.lemma_ == "be" or tok.i == words[-1]):
            return False
    return True


OPEN_POS = frozenset({"ADP", "DET", "CCONJ", "SCONJ", "AUX"})


def _complete_ud(sent: SpacySpan, keep: set[int], words: list[int], root: Token) -> bool:
    """complete() on a Universal Dependencies parse (Spanish): the kept words do not end on a
    word that wants more («de», «la», «y», «que»), and no verb lost its object or clause."""
    doc = sent.doc
    if doc[words[-1]].pos_ in OPEN_POS:
        return False
    for i in words:
        tok = doc[i]
        if tok.pos_ not in {"VERB", "AUX"}:
            continue
        needed = [c for c in tok.children if c.dep_ in {"obj", "ccomp", "xcomp", "cop"}]
        if needed and not any(c.i in keep for c in needed):
            return False
    subjects = [c for c in root.children if c.dep_.startswith("nsubj")]
    # «X, que participó ...» read as 'X participó ...': the relative pronoun is not kept
    return all(c.i in keep or "Rel" in c.morph.get("PronType", []) for c in subjects)


def _stray(tok: Token) -> bool:
    """A connective left at the start ('But ...', 'Meanwhile ...'), not the 'so' of 'so far'."""
    return tok.lower_ in STRAY_START and tok.head.pos_ not in {"ADV", "ADJ"}


def render(sent: SpacySpan, keep: set[int], head: Token | None = None) -> Compressed:
    """The kept tokens as a clean sentence, with the character spans of each contiguous run."""
    doc = sent.doc
    kept = sorted(keep)
    while kept and (doc[kept[0]].is_punct or _stray(doc[kept[0]])):
        kept.pop(0)
    kept = [i for n, i in enumerate(kept) if not _empty_quote(doc, kept, n)]
    while kept and doc[kept[-1]].is_punct:
        quotes = sum(doc[i].text in QUOTE_MARKS for i in kept)
        if doc[kept[-1]].text in QUOTE_MARKS | {")"} and quotes % 2 == 0:
            break  # a closing quote mark or bracket that has its opening one
        kept.pop()
    after = kept[-1] + 1 if kept else 0
    if (
        kept
        and after < sent.end
        and doc[after].text in QUOTE_MARKS
        and not doc[kept[-1]].whitespace_
        and sum(doc[i].text in QUOTE_MARKS for i in kept) % 2 == 1
    ):
        kept.append(after)  # the closing mark the parser hung elsewhere: «provocación»
    runs: list[list[int]] = []
    for i in kept:
        if runs and i == runs[-1][-1] + 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    pieces, sources = [], []
    for n, run in enumerate(runs):
        start, end = doc[run[0]].idx, doc[run[-1]].idx + len(doc[run[-1]])
        if n == 0:
            start = _after_outlet(text_of(doc), start, end)
        sources.append((start, end))
        # a closing mark stays on the word before it: 'was "calm" and' cut to 'was "calm"'
        glued = n and doc[run[0]].is_punct and not doc[run[0] - 1].whitespace_
        pieces.append(("" if glued or n == 0 else " ") + text_of(doc)[start:end])
    text = "".join(pieces)
    if _unbalanced(text):
        text = "".join(c for c in text if c not in '"“”')
    text = " ".join(text.split())
    for bad, good in ((" ,", ","), (",,", ","), (" .", "."), (" ;", ";")):
        text = text.replace(bad, good)
    if text:
        text = text[0].upper() + text[1:]
        if text.rstrip("\"'”’»)")[-1:] not in (".", "!", "?"):  # 'calm."' is ended
            text += "."
    return Compressed(text, sources, word_count(sent, set(kept)), complete(sent, set(kept), head))


def _empty_quote(doc: Doc, kept: list[int], n: int) -> bool:
    """Is kept[n] an opening quote mark whose quotation was cut ('suspended "." ')?"""
    tok = doc[kept[n]]
    if tok.text not in QUOTE_MARKS or n + 1 >= len(kept) or not doc[kept[n + 1]].is_punct:
        return False
    return tok.text in "“‘«" or tok.i == 0 or bool(doc[tok.i - 1].whitespace_)


def _after_outlet(text: str, start: int, end: int) -> int:
    """Where a sentence starts after a leading '(CNN) -- ' or '(CNN)Blues legend ...' (the
    tokenizer keeps 'CNN)Blues' as one token when no space follows the bracket)."""
    opened = text.startswith("(", start) or text[:start].rstrip().endswith("(")
    close = text.find(")", start, min(end, start + 30)) if opened else -1
    if close < 0 or close + 2 >= end or "(" in text[start + 1 : close]:
        return start
    start = close + 1
    while start < end and text[start] in " -–—":
        start += 1
    return start


def _unbalanced(text: str) -> bool:
    straight = text.count('"') % 2 == 1
    curly = text.count("“") != text.count("”")
    return straight or curly


def detail_cuts(sent: SpacySpan, keep: set[int]) -> set[int]:
    """What is left of `keep` without the detail every takeaway drops: the attribution,
    brackets, appositions, a leading adverbial."""
    for cut in (_attribution, _trailing_attribution, _according_to, _brackets):
        keep = keep - cut(sent)
    root = head_of(sent, keep) or root_of(sent)
    for ids in _by_dep(sent, ["appos"], root):
        set_off = sent.doc[min(ids)].is_punct  # ", 34," is detail; «el minuto 81» is not
        if _complement(sent, ids):
            continue
        first = sent.doc[min(ids)]
        named = first.pos_ == "PROPN" and first.i == first.head.i + 1  # «el estado Bolívar»
        if set_off or not (named or any(sent.doc[i].like_num for i in ids)):
            keep = keep - ids
    return keep - _leading(sent, root) - _second_object(sent)


def _complement(sent: SpacySpan, ids: set[int]) -> bool:
    """'called the extension "a blank cheque"': what the parser took for an apposition of the
    object of a naming verb says what the object was called."""
    tok = next((sent.doc[i] for i in ids if sent.doc[i].dep_ == "appos"), None)
    if tok is None:
        return False
    head = tok.head
    return head.dep_ == "dobj" and head.head.lemma_ in NAMING


def _second_object(sent: SpacySpan) -> set[int]:
    """'X transferred 19 members on Tuesday, its second transfer this year', 'X will try to
    clear 25,000 hectares this year, its largest target': the parser makes the apposition to
    the whole clause a second object, set off by a comma."""
    doc = sent.doc
    out: set[int] = set()
    for tok in sent:
        first = tok.left_edge.i
        if (
            tok.dep_ == "dobj"
            and first > sent.start
            and doc[first - 1].text == ","
            and any(c.dep_ in {"dobj", "xcomp"} and c.i < tok.i for c in tok.head.children)
        ):
            out |= with_commas(sent, subtree(tok))
    return out


def compress(
    sent: SpacySpan, max_words: int, skip: Iterable[Span] = (), protect: Iterable[Span] = ()
) -> Compressed:
    """The sentence cut to at most `max_words` words if whole subtrees allow it (else longer).
    Tokens inside `skip` (a dateline) are never kept; optional cuts spare `protect` (facts)."""
    keep = unskipped(sent, skip)
    if keep and root_of(sent).i not in keep:
        return render(sent, keep)
    keep = detail_cuts(sent, keep)
    spared = inside(sent, protect)
    root = head_of(sent, keep) or root_of(sent)
    for step in OPTIONAL:
        for ids in step(sent, root):
            if word_count(sent, keep) <= max_words:
                return render(sent, keep)
            if ids & spared:
                continue
            if ids & keep and len(keep - ids) >= 4 and complete(sent, keep - ids):
                keep -= ids
    return render(sent, keep)
