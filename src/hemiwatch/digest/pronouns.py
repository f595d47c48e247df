"""A takeaway stands alone: 'He underscored ...' becomes 'Marco Rubio underscored ...'."""

from __future__ import annotations

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from hemiwatch.digest.compress import Compressed
from hemiwatch.digest.tree import spelled_out
from hemiwatch.extract.lexicons import reporting_verbs, titles
from hemiwatch.models import Facts, Person, Span, Takeaway
from hemiwatch.nlp import text_of

GENDER = {"he": "male", "she": "female"}
FUNCTION_WORDS = frozenset(
    "we they it he she you the a an this these that those there our their its his her".split()
    + "so in on at after before since when while last next more most some many all both".split()
    + "each every no only still now then also already yet".split()
)


def lower_first(text: str) -> str:
    """A sentence continued after ': ' or '; ' keeps a name's capital and drops a pronoun's."""
    first = text.split(" ", 1)[0]
    return text[0].lower() + text[1:] if first.lower() in FUNCTION_WORDS else text


def _antecedent(facts: Facts, before: int, gender: str) -> tuple[Person, Span] | None:
    """The person mentioned last before `before` whose gender does not contradict."""
    best: tuple[Person, Span] | None = None
    for person in facts.people:
        if person.gender not in (None, gender):
            continue
        for span in person.mentions:
            if span[1] <= before and (best is None or span[0] > best[1][0]):
                best = (person, span)
    return best


def name_subject(short: Compressed, facts: Facts, doc: Doc) -> Takeaway | None:
    """Replace a leading he/she subject with the name the article last used for that person
    (the mention joins the takeaway's sources); None when another named subject stands between
    that mention and the pronoun ('Rubio ... Bukele ordered X as he began Y': he is not
    surely Rubio); anything else is returned as it is."""
    text = text_of(doc)
    first = short.text.split(" ", 1)
    if len(first) < 2 or first[0].lower() not in GENDER or not short.sources:
        return Takeaway(text=short.text, sources=short.sources)
    found = _antecedent(facts, short.sources[0][0], GENDER[first[0].lower()])
    if found is None:
        return Takeaway(text=short.text, sources=short.sources)
    _, span = found
    if _named_subject_between(doc, span[1], short.sources[0][0], facts):
        return None
    sources = sorted([span, *short.sources])
    return Takeaway(text=f"{text[span[0] : span[1]]} {first[1]}", sources=sources)


def _named_subject_between(doc: Doc, start: int, end: int, facts: Facts) -> bool:
    """Is a proper noun the subject of a verb between two points, and no mention of a person
    the article knows? Then a later he/she may be that one, whom the article never named as a
    person."""
    known = [m for p in facts.people for m in p.mentions]
    for tok in doc:
        if tok.idx >= end:
            break
        if tok.idx < start or tok.pos_ != "PROPN" or tok.dep_ not in {"nsubj", "nsubjpass"}:
            continue
        if not any(a <= tok.idx < b for a, b in known):
            return True
    return False


def _short_name(name: str, facts: Facts, text: str) -> str:
    """How the article names the speaker after the first mention: 'Martinelli Pérez' for
    Nicolás Martinelli Pérez when the text says so, else the last word of the name."""
    person = next((p for p in facts.people if p.name == name), None)
    words = name.split()
    if person is not None and len(words) >= 3:
        tail = " ".join(words[-2:])
        if any(text[a:b] == tail for a, b in person.mentions):
            return tail
    return words[-1]


def attributed(sent: SpacySpan, short: Compressed, facts: Facts) -> Takeaway | None:
    """A sentence of a direct quote as 'Rubio: we have received commitments for ...', with the
    speaker's mention among the sources; None when the quote has no speaker."""
    lo, hi = sent.start_char, sent.end_char
    for quote in facts.quotes:
        if (
            quote.kind != "direct"
            or not quote.speaker
            or quote.span[1] <= lo
            or quote.span[0] >= hi
        ):
            continue
        surname = _short_name(quote.speaker, facts, sent.doc.text)
        body = lower_first(short.text)
        sources = list(short.sources)
        if quote.speaker_span:
            sources = sorted([quote.speaker_span, *sources])
        return Takeaway(text=f"{surname}: {body}", sources=sources)
    return None


# the reported clause's pronoun, and the number its antecedent must have
SUBJECT_PRONOUNS = {"they": "Plur", "it": "Sing", "he": "Person", "she": "Person"}
POSSESSIVES = {"their": "Plur", "its": "Sing", "his": "Person", "her": "Person"}
NOUN_PHRASE = frozenset({"compound", "amod", "poss", "nummod", "det", "case"})
WORD_GENDER = {"he": "male", "his": "male", "she": "female", "her": "female"}
# 'it' of these verbs is seldom the reporter: 'it was the only way', 'it took ten hours'
LIGHT_VERBS = frozenset(
    "be take seem appear look sound feel happen remain become cost mean".split()
)
# reporters that are reports or sources, not the actors their pronouns name
SOURCES = frozenset(
    "report statement study document record figure data poll survey source filing complaint "
    "footage video photo image post".split()
)


def _person_at(tok: Token, facts: Facts) -> tuple[Person, Span] | None:
    """The person of the article named by this token, and that mention."""
    for person in facts.people:
        for a, b in person.mentions:
            if a <= tok.idx < b:
                return person, (a, b)
    return None


def _reporter(word: Token) -> Token | None:
    """The subject of the verb of speech whose reported clause holds `word`: 'Caribbean
    governments' of 'Caribbean governments ... said they needed ...'."""
    speech, _ = reporting_verbs()
    node = word
    while node.head.i != node.i:
        clause, node = node, node.head
        if node.lemma_ in speech and clause.dep_ in {"ccomp", "parataxis"}:
            subject = next((c for c in node.children if c.dep_ in {"nsubj", "csubj"}), None)
            if subject is not None and (subject.dep_ == "csubj" or subject.pos_ == "VERB"):
                # 'governments meeting in X said': the parser's subject is 'meeting'
                subject = next((c for c in subject.children if c.dep_ == "nsubj"), None)
            return subject
    return None


def _agrees(noun: Token, number: str) -> bool:
    person = noun.ent_type_ == "PERSON"
    if number == "Person":
        return person
    plural = noun.tag_ in {"NNS", "NNPS"} or any(c.dep_ == "conj" for c in noun.children)
    return noun.pos_ in {"NOUN", "PROPN"} and not person and plural == (number == "Plur")


def stands_for(word: Token, facts: Facts) -> Span | None:
    """The span of what a reported clause's pronoun subject or possessive stands for: the
    reporter, when the two agree ('Caribbean governments ... said they', 'the secretariat said
    its'); a reporter that is itself 'he' or 'she' is the article's last person of that gender.
    A person is named without title: 'President X said his' -> 'X'."""
    low = word.lower_
    if low in SUBJECT_PRONOUNS and word.dep_ in {"nsubj", "nsubjpass"}:
        number = SUBJECT_PRONOUNS[low]
    elif low in POSSESSIVES and word.dep_ == "poss":
        number = POSSESSIVES[low]
    else:
        return None
    if low in {"it", "its"} and word.head.lemma_ in LIGHT_VERBS:
        return None  # 'the government said it was the only way', 'it took 10 hours'
    reporter = _reporter(word)
    # 'X said he ...': the reporter comes first ('He was not attacked, X said' is someone
    # else), and is no report or source itself ('initial reports said they ...')
    if reporter is None or reporter.i > word.i or reporter.lemma_.lower() in SOURCES:
        return None
    gender = WORD_GENDER.get(low)
    if reporter.lower_ in GENDER and number == "Person":
        if gender != GENDER[reporter.lower_]:
            return None  # 'he said she was out on bail'
        found = _antecedent(facts, reporter.idx, GENDER[reporter.lower_])
        return found[1] if found else None
    named = [c for c in reporter.children if c.dep_ == "appos" and _person_at(c, facts)]
    if named and number == "Person":  # "Cuba's deputy foreign minister, X, said his ..."
        reporter = named[0]
    found = _person_at(reporter, facts)
    if found is not None:  # a person the article names
        person, span = found
        if number != "Person" or person.gender not in (None, gender):
            return None
        return span
    if not _agrees(reporter, number) or (number == "Sing" and reporter.lemma_.lower() in titles()):
        return None  # 'it' is no spokesman
    doc = word.doc
    if reporter.ent_type_ == "PERSON":
        ent = next(e for e in doc.ents if e.start <= reporter.i < e.end)
        return (ent.start_char, ent.end_char)
    left = [reporter.i] + [
        i for c in reporter.lefts if c.dep_ in NOUN_PHRASE for i in (c.left_edge.i, c.i)
    ]
    return (doc[min(left)].idx, reporter.idx + len(reporter.text))


def reported_subject(sent: SpacySpan, short: Compressed, facts: Facts) -> Takeaway | None:
    """'They needed 30 vessels' cut from 'Caribbean governments ... said they needed 30
    vessels' becomes 'Caribbean governments needed 30 vessels'; 'its agents' of 'the secretariat
    said its agents ...' becomes "Paraguay's anti-drug secretariat's agents" (see stands_for).
    None when the takeaway starts otherwise or nothing agrees."""
    if not short.sources:
        return None
    start = short.sources[0][0]
    first = next((t for t in sent if t.idx >= start and not t.is_punct), None)
    if first is None or first.idx != start:
        return None
    span = stands_for(first, facts)
    if span is None:
        return None
    name = sent.doc.text[span[0] : span[1]]
    name = name[:1].upper() + name[1:]
    if first.lower_ in POSSESSIVES:
        name += "'" if name.endswith("s") else "'s"
    rest = short.text[len(first.text) :].lstrip()
    clitic = first.nbor() if first.i + 1 < len(first.doc) else None
    if clitic is not None and not first.whitespace_ and rest.startswith(clitic.text):
        # "they'd struck a deal": 'The Trump administration had struck', not "... 'd struck"
        rest = spelled_out(clitic) + rest[len(clitic.text) :]
    return Takeaway(text=f"{name} {rest}", sources=sorted([span, *short.sources]))
