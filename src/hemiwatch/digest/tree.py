"""The parse primitives the digest rules share: subtrees, the comma that sets one off, the
head of a set of kept tokens, the root of a sentence, token sets from character spans."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from hemiwatch.models import Span

QUOTE_MARKS = frozenset("\"'“”‘’«»")
DASHES = frozenset({"-", "--", "—", "–"})


def subtree(tok: Token) -> set[int]:
    return {t.i for t in tok.subtree}


def with_commas(sent: SpacySpan, ids: set[int]) -> set[int]:
    """A cut subtree takes the comma or dash that set it off (before, and one after if paired)."""
    if not ids:
        return ids
    lo, hi = min(ids), max(ids)
    doc = sent.doc
    out = set(ids)
    opened = sum(doc[i].text in QUOTE_MARKS for i in ids) % 2
    if opened and hi + 1 < sent.end and doc[hi + 1].text in QUOTE_MARKS:
        hi += 1  # "titled 'X'": the parser hangs the closing quote mark elsewhere
        out.add(hi)
    before = lo - 1 >= sent.start and doc[lo - 1].text in DASHES | {","}
    after = hi + 1 < sent.end and doc[hi + 1].text in DASHES | {","}
    if before:
        out.add(lo - 1)
    if after and (before or lo == sent.start or doc[lo - 1].is_sent_start):
        out.add(hi + 1)
    return out


def root_of(sent: SpacySpan) -> Token:
    """The sentence's root; when the parser made the blank line that ends a paragraph the root
    (and hung «Agregó que …» from it), the widest word hanging from that blank line."""
    root = sent.root
    if not root.is_space:
        return root
    words = [t for t in sent if t.head.i == root.i and not t.is_space and t.i != root.i]
    return max(words, key=lambda t: t.right_edge.i - t.left_edge.i, default=root)


def head_of(sent: SpacySpan, keep: set[int]) -> Token | None:
    """The kept token the others hang from: the root, or the clause left by a cut attribution."""
    doc = sent.doc
    kept = (doc[i] for i in sorted(keep) if sent.start <= i < sent.end)
    tops = [t for t in kept if (t.head.i == t.i or t.head.i not in keep) and not t.is_punct]
    # the parse is projective: a subtree is the run from its left edge to its right edge
    return max(tops, key=lambda t: t.right_edge.i - t.left_edge.i, default=None)


def word_count(sent: SpacySpan, keep: set[int]) -> int:
    return sum(1 for i in keep if not sent.doc[i].is_punct)


def inside(sent: SpacySpan, spans: Iterable[Span]) -> set[int]:
    """The sentence's tokens that start inside one of `spans`."""
    spans = [(a, b) for a, b in spans if a < sent.end_char and b > sent.start_char]
    return {t.i for t in sent if any(a <= t.idx < b for a, b in spans)}


def unskipped(sent: SpacySpan, skip: Iterable[Span]) -> set[int]:
    """The sentence's tokens, less spaces and those inside `skip` (a dateline)."""
    return {t.i for t in sent if not t.is_space} - inside(sent, skip)


def says_when(phrase: Token) -> bool:
    """Does the phrase only say when: 'on Monday', 'this week', «el martes»? (Its words other
    than a preposition or determiner are dates or times, and there is one.)"""
    words = [t for t in phrase.subtree if not t.is_punct]
    when = [t for t in words if t.ent_type_ in {"DATE", "TIME"}]
    return bool(when) and all(t in when or t.dep_ in {"prep", "case", "det"} for t in words)


def glued(doc: Doc, tok: Token) -> bool:
    """Is the token's subtree part of a hyphenated word: 'two-year' in 'two-year-old', '-1' in
    '3-1'?"""
    lo, hi = tok.left_edge.i, tok.right_edge.i
    before = lo > 0 and not doc[lo - 1].whitespace_ and DASHES & {doc[lo - 1].text, doc[lo].text}
    after = (
        hi + 1 < len(doc) and not doc[hi].whitespace_ and DASHES & {doc[hi + 1].text, doc[hi].text}
    )
    return bool(before or after)


CLITICS = {"'re": "are", "'ve": "have", "'ll": "will", "'m": "am"}


def spelled_out(clitic: Token) -> str:
    """A contracted auxiliary written out for a noun subject: 'd (had before a participle,
    else would), 's (has before a participle, else is), 're, 've, 'll, 'm."""
    word = clitic.lower_.replace("’", "'")
    after = clitic.nbor() if clitic.i + 1 < len(clitic.doc) else None
    participle = after is not None and after.tag_ == "VBN"
    if word == "'d":
        return "had" if participle else "would"
    if word == "'s":
        return "has" if participle else "is"
    return CLITICS.get(word, clitic.text)
