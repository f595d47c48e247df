"""Which sentences carry an article's main points: position, centrality, facts, no repeats."""

from __future__ import annotations

import math
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from hemiwatch.models import Facts
from hemiwatch.nlp import sentences

CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "NUM"})


@dataclass(frozen=True)
class Candidate:
    index: int  # position among the article's sentences
    sent: SpacySpan
    score: float
    lemmas: frozenset[str]
    quoted: float  # share of the sentence inside a direct quote
    facts: float  # weight of the facts whose evidence it holds


def _content(tok: Token) -> bool:
    return tok.pos_ in CONTENT_POS and not tok.is_stop and tok.is_alpha


def content_lemmas(sent: SpacySpan) -> list[str]:
    return [t.lemma_.lower() for t in sent if _content(t)]


def _quoted_share(sent: SpacySpan, quotes: list[tuple[int, int]], starts: list[int]) -> float:
    """How much of the sentence is a direct quote (quotes often run across sentences);
    `quotes` sorted by start, `starts` their starts."""
    lo, hi = sent.start_char, sent.end_char
    inside = 0
    i = bisect_right(starts, hi) - 1
    while i >= 0 and i >= bisect_right(starts, lo) - 8:  # quotes do not nest deeper than this
        a, b = quotes[i]
        inside += max(0, min(hi, b) - max(lo, a))
        i -= 1
    return min(1.0, inside / max(1, hi - lo))


def _fact_weights(doc_sents: list[SpacySpan], facts: Facts) -> list[float]:
    """Per sentence, the weight of the facts whose evidence starts in it: stances, numbers
    (more when they have a role such as pledged), countries, topics. One pass over the facts."""
    starts = [s.start_char for s in doc_sents]
    counts: list[Counter[str]] = [Counter() for _ in doc_sents]

    def add(kind: str, at: int) -> None:
        i = bisect_right(starts, at) - 1
        if i >= 0:
            counts[i][kind] += 1

    for stance in facts.stances:
        add("stance", stance.span[0])
    for number in facts.numbers:
        add("role" if number.role else "number", number.span[0])
    for country in facts.countries:
        for mention in country.mentions:
            add("country", mention[0])
    for topic in facts.topics:
        for i in sorted({bisect_right(starts, e[0]) - 1 for e in topic.evidence}):
            if i >= 0:
                counts[i]["topic"] += 1
    return [
        0.5 * min(2, c["stance"])
        + 0.3 * min(2, c["role"])
        + 0.2 * min(2, c["number"])
        + 0.1 * min(3, c["country"])
        + 0.15 * min(2, c["topic"])
        for c in counts
    ]


def rank(doc_sents: list[SpacySpan], facts: Facts, skip: list[tuple[int, int]]) -> list[Candidate]:
    """Every usable sentence with its score, best first."""
    bags = [content_lemmas(s) for s in doc_sents]
    # dict.fromkeys keeps first-seen order, so ties in most_common do not follow the hash seed
    freq = Counter(lemma for bag in bags for lemma in dict.fromkeys(bag))
    top = {w for w, n in freq.most_common(12) if n > 1}
    quotes = sorted(q.span for q in facts.quotes if q.kind == "direct")
    quote_starts = [a for a, _ in quotes]
    weights = _fact_weights(doc_sents, facts)
    out = []
    for i, (sent, bag) in enumerate(zip(doc_sents, bags, strict=True)):
        weight = weights[i]
        if (len(bag) < 3 and weight < 0.3) or sent.text.rstrip().endswith("?"):
            continue
        if any(a <= sent.start_char and sent.end_char <= b for a, b in skip):
            continue
        position = 1.0 / math.sqrt(1 + i)
        centrality = sum(1 for w in set(bag) if w in top) / math.sqrt(max(1, len(set(bag))))
        quoted = _quoted_share(sent, quotes, quote_starts)
        # a quote is the speaker's words, not a summary, unless it carries the facts
        score = 2.0 * position + 0.5 * centrality + weight - quoted * (2.0 if weight < 0.5 else 0.5)
        out.append(Candidate(i, sent, score, frozenset(bag), quoted, weight))
    return sorted(out, key=lambda c: -c.score)


def word_weight(doc_sents: list[SpacySpan]) -> Callable[[Token], float]:
    """How much a word carries, for shortening a clause: names and numbers more than other
    words, function words least, and more the more sentences of the article repeat it."""
    freq = Counter(lemma for s in doc_sents for lemma in set(content_lemmas(s)))

    def weight(tok: Token) -> float:
        if tok.ent_type_ in {"DATE", "TIME"} and not tok.like_num:
            return 0.3  # 'on Thursday', 'last week' say when, not what
        base = 0.3 if tok.is_stop else 1.0
        if tok.pos_ in {"PROPN", "NUM"}:
            base += 0.5
        return base + 0.3 * min(3, freq.get(tok.lemma_.lower(), 1) - 1)

    return weight


def lemmas_of(sent: SpacySpan, keep: set[int]) -> frozenset[str]:
    """content_lemmas() of the kept tokens."""
    return frozenset(t.lemma_.lower() for t in sent if t.i in keep and _content(t))


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / max(1, min(len(a), len(b)))


def document_sentences(doc_sents: list[SpacySpan]) -> list[SpacySpan]:
    return [s for s in doc_sents if s.text.strip()]


__all__ = [
    "Candidate",
    "content_lemmas",
    "document_sentences",
    "lemmas_of",
    "overlap",
    "rank",
    "sentences",
    "word_weight",
]
