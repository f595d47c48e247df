"""Facts + Doc -> Digest: a question headline, a synopsis and 3-6 key takeaways.

make_digest(doc, facts)      this module      picks sentences, compresses, asks the question
rank(...)                    select.py        position, centrality, facts density, quotes
compress(sent, max_words)    compress.py      deletion on the dependency parse, with spans
question(sent, keep)         question.py      subject-auxiliary inversion of the lead claim

Every line keeps the character spans of the article text it was cut from.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

from hemiwatch.digest.compress import Compressed, compress
from hemiwatch.digest.pronouns import attributed, lower_first, name_subject
from hemiwatch.digest.question import question
from hemiwatch.digest.select import Candidate, overlap, rank
from hemiwatch.extract.nlp import sentences, text_of
from hemiwatch.models import Digest, Facts, Span, Takeaway

TARGET_WORDS = 12  # compression aims here ...
MAX_WORDS = 14  # ... and a takeaway that cannot get below this is not used
MIN_WORDS = 4
MAX_TAKEAWAYS = 4
SYNOPSIS_WORDS = 30
SPANISH_WORDS = 14  # TARGET_WORDS, with room for Spanish's longer phrasing
QUESTION_WORDS = 16  # a Spanish question is its lead's main clause: «¿X rechazó Y?»
THREATS = ("transnational_crime", "narcotics", "military_action")
PLEDGE_WORDS = 16  # a commitment keeps both its numbers, a stance its two sides


def _kept_ids(cand: Candidate, short: Compressed) -> set[int]:
    return {t.i for t in cand.sent if any(a <= t.idx < b for a, b in short.sources)}


def _outside(cand: Candidate, quotes: list[Span]) -> list[Span]:
    """The parts of a sentence that are not inside a direct quote (the attribution)."""
    lo, hi = cand.sent.start_char, cand.sent.end_char
    inside = sorted((max(lo, a), min(hi, b)) for a, b in quotes if a < hi and b > lo)
    out, at = [], lo
    for a, b in inside:
        if a > at:
            out.append((at, a))
        at = max(at, b)
    if at < hi:
        out.append((at, hi))
    return out


def _pledge(
    facts: Facts, ranked: list[Candidate], take: Callable[[Candidate, int], Takeaway | None]
) -> list[tuple[Candidate, Takeaway]]:
    """The first commitment as one takeaway: what was sought and what was pledged, from its
    evidence sentences (joined with '; ' when they are two)."""
    if not facts.commitments:
        return []
    evidence = facts.commitments[0].evidence
    cands = [
        c for c in ranked if any(c.sent.start_char <= a < c.sent.end_char for a, _ in evidence)
    ]
    cands.sort(key=lambda c: c.index)
    parts = [(c, t) for c in cands[:2] if (t := take(c, PLEDGE_WORDS))]
    if len(parts) == 2:
        first, second = parts[0][1], parts[1][1]
        text = first.text.rstrip(".") + "; " + lower_first(second.text.split(": ", 1)[-1])
        if len(text.split()) > PLEDGE_WORDS + 4:
            return parts[:1]
        return [
            (parts[0][0], Takeaway(text=text, sources=sorted({*first.sources, *second.sources})))
        ]
    return parts[:1]


def _lead_only(ranked: list[Candidate], skip: list[Span], protect: list[Span]) -> Digest:
    """Languages whose compression rules are not written yet (Spanish): only the cuts that hold
    in any dependency grammar (the attribution of reported speech, brackets, appositions), the
    two best unquoted sentences as the synopsis, the lead as a «¿...?» question, and the
    sentences short enough after those cuts as takeaways."""
    plain = [c for c in ranked if c.quoted <= 0.4]
    whole = [(c, compress(c.sent, 1000, skip, protect)) for c in plain[:24]]
    whole = [(c, x) for c, x in whole if x.whole and x.words >= MIN_WORDS]
    lead = sorted(whole[:2], key=lambda pair: pair[0].index)
    question = None
    if lead:
        short = compress(lead[0][0].sent, QUESTION_WORDS, skip, protect)
        if short.whole and short.words >= MIN_WORDS:
            question = "¿" + short.text.rstrip(" .") + "?"
    cut = [(c, compress(c.sent, SPANISH_WORDS, skip, protect)) for c, _ in whole]
    cut = [(c, x) for c, x in cut if x.whole and x.words >= MIN_WORDS]
    chosen: list[tuple[Candidate, Compressed]] = []
    for longest in (20, 28):  # short ones first; longer ones only to reach three
        for c, x in cut:
            if len(chosen) >= (MAX_TAKEAWAYS if longest == 20 else 3):
                break
            fresh = not any(overlap(c.lemmas, o.lemmas) >= 0.5 for o, _ in chosen)
            if x.words <= longest and fresh and all(c is not o for o, _ in chosen):
                chosen.append((c, x))
    chosen = sorted(chosen, key=lambda pair: pair[0].index)
    return Digest(
        headline_question=question,
        synopsis=" ".join(x.text for _, x in lead),
        synopsis_sources=[s for _, x in lead for s in x.sources],
        takeaways=[Takeaway(text=x.text, sources=x.sources) for _, x in chosen],
    )


def make_digest(doc: Doc, facts: Facts, max_takeaways: int = MAX_TAKEAWAYS) -> Digest:
    """The digest of one analysed article; empty fields when the text has no usable sentence."""
    skip: list[Span] = [facts.dateline.span] if facts.dateline else []
    ranked = rank(sentences(doc), facts, skip)
    if doc.lang_ != "en":
        return _lead_only(ranked, skip, [n.span for n in facts.numbers])
    protect = [n.span for n in facts.numbers if n.role]
    quotes = [q.span for q in facts.quotes if q.kind == "direct"]
    # an article with stances or commitments has more main points to cover
    limit = min(6, max_takeaways + bool(facts.stances) + bool(facts.commitments))

    places = [m for c in facts.countries for m in c.mentions]

    def take(cand: Candidate, longest: int, spare: list[Span] | None = None) -> Takeaway | None:
        quoted = cand.quoted > 0.4
        outside = _outside(cand, quotes) if quoted else []
        short = compress(cand.sent, TARGET_WORDS, skip + outside, protect + (spare or []))
        if not short.whole or not MIN_WORDS <= short.words <= longest:
            return None
        if not quoted:
            return name_subject(short, facts, text_of(doc))
        if cand.facts >= 0.3:
            return attributed(cand.sent, short, facts)  # a quote that carries a pledge or stance
        return None

    chosen: list[tuple[Candidate, Takeaway]] = []
    for cand in ranked:  # the main actor's claim first
        if found := take(cand, MAX_WORDS):
            chosen.append((cand, found))
            break
    lead = {c.index for c, _ in chosen}
    chosen += [pair for pair in _pledge(facts, ranked, take) if pair[0].index not in lead]
    # refusal, cooperation and the threat are main points too: the best sentence of each
    threat = [e for t in facts.topics if t.label in THREATS for e in t.evidence][:3]
    for spans in (
        [st.span for st in facts.stances if st.polarity == "refuses"],
        [st.span for st in facts.stances if st.polarity == "cooperates"],
        threat,
    ):
        for cand in ranked:
            if any(c.index == cand.index for c, _ in chosen):
                continue
            if any(cand.sent.start_char <= a < cand.sent.end_char for a, _ in spans) and (
                found := take(cand, PLEDGE_WORDS, places)  # keep who refuses whom
            ):
                chosen.append((cand, found))
                break
    for cand in ranked:
        if len(chosen) >= limit:
            break
        if any(c.index == cand.index or overlap(cand.lemmas, c.lemmas) >= 0.5 for c, _ in chosen):
            continue
        if found := take(cand, MAX_WORDS):
            chosen.append((cand, found))
    chosen.sort(key=lambda pair: pair[0].index)
    headline = None
    for cand in sorted(ranked[:3], key=lambda c: c.index):
        short = compress(cand.sent, TARGET_WORDS, skip)
        headline = question(cand.sent, _kept_ids(cand, short))
        if headline:
            break
    long_forms = [
        (c.index, x)
        for c in ranked[:6]
        if c.quoted <= 0.4 and (x := compress(c.sent, SYNOPSIS_WORDS, skip)).whole
    ][:2]
    long_forms.sort(key=lambda pair: pair[0])
    return Digest(
        headline_question=headline,
        synopsis=" ".join(x.text for _, x in long_forms),
        synopsis_sources=[s for _, x in long_forms for s in x.sources],
        takeaways=[t for _, t in chosen],
    )


__all__ = ["compress", "make_digest", "question", "rank"]
