"""Which sentences carry an article's main points: position, centrality, facts, no repeats."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan

from hemiwatch.extract.nlp import sentences
from hemiwatch.models import Facts

CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "NUM"})


@dataclass(frozen=True)
class Candidate:
    index: int  # position among the article's sentences
    sent: SpacySpan
    score: float
    lemmas: frozenset[str]
    quoted: float  # share of the sentence inside a direct quote
    facts: float  # weight of the facts whose evidence it holds


def content_lemmas(sent: SpacySpan) -> list[str]:
    return [
        t.lemma_.lower() for t in sent if t.pos_ in CONTENT_POS and not t.is_stop and t.is_alpha
    ]


def _quoted_share(sent: SpacySpan, quotes: list[tuple[int, int]]) -> float:
    """How much of the sentence is a direct quote (quotes often run across sentences)."""
    lo, hi = sent.start_char, sent.end_char
    inside = sum(max(0, min(hi, b) - max(lo, a)) for a, b in quotes)
    return min(1.0, inside / max(1, hi - lo))


def _fact_weight(sent: SpacySpan, facts: Facts) -> float:
    """Sentences holding stances, commitments' numbers and people carry key points."""
    lo, hi = sent.start_char, sent.end_char

    def inside(span: tuple[int, int]) -> bool:
        return lo <= span[0] < hi

    weight = 0.0
    weight += 0.5 * min(2, sum(inside(s.span) for s in facts.stances))
    weight += 0.3 * min(2, sum(inside(n.span) for n in facts.numbers if n.role))
    weight += 0.2 * min(2, sum(inside(n.span) for n in facts.numbers if not n.role))
    weight += 0.1 * min(3, sum(inside(m) for c in facts.countries for m in c.mentions))
    weight += 0.15 * min(2, sum(any(inside(e) for e in t.evidence) for t in facts.topics))
    return weight


def rank(doc_sents: list[SpacySpan], facts: Facts, skip: list[tuple[int, int]]) -> list[Candidate]:
    """Every usable sentence with its score, best first."""
    bags = [content_lemmas(s) for s in doc_sents]
    # dict.fromkeys keeps first-seen order, so ties in most_common do not follow the hash seed
    freq = Counter(lemma for bag in bags for lemma in dict.fromkeys(bag))
    top = {w for w, n in freq.most_common(12) if n > 1}
    quotes = [q.span for q in facts.quotes if q.kind == "direct"]
    out = []
    for i, (sent, bag) in enumerate(zip(doc_sents, bags, strict=True)):
        weight = _fact_weight(sent, facts)
        if (len(bag) < 3 and weight < 0.3) or sent.text.rstrip().endswith("?"):
            continue
        if any(a <= sent.start_char and sent.end_char <= b for a, b in skip):
            continue
        position = 1.0 / math.sqrt(1 + i)
        centrality = sum(1 for w in set(bag) if w in top) / math.sqrt(max(1, len(set(bag))))
        quoted = _quoted_share(sent, quotes)
        # a quote is the speaker's words, not a summary, unless it carries the facts
        score = 2.0 * position + 0.5 * centrality + weight - quoted * (2.0 if weight < 0.5 else 0.5)
        out.append(Candidate(i, sent, score, frozenset(bag), quoted, weight))
    return sorted(out, key=lambda c: -c.score)


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / max(1, min(len(a), len(b)))


def document_sentences(doc_sents: list[SpacySpan]) -> list[SpacySpan]:
    return [s for s in doc_sents if s.text.strip()]


__all__ = ["Candidate", "content_lemmas", "document_sentences", "overlap", "rank", "sentences"]
