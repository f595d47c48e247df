"""Direct and indirect quotes with their speakers resolved to full names, in text order.

A run inside quotation marks is a quote when the text attributes it: a reporting verb in its
sentence, a colon-introduced lead-in, the next sentence of the paragraph, or the paragraph it
continues. Short unattributed runs ("so-called “shadow fleet”", film titles) are scare quotes.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from hemiwatch.extract.context import Context
from hemiwatch.extract.lexicons import reporting_verbs
from hemiwatch.extract.spans import Spans
from hemiwatch.extract.speakers import Speaker, SpeakerResolver
from hemiwatch.models import Person, Quote
from hemiwatch.models import Span as CharSpan
from hemiwatch.nlp import sentence_of, sentences_between, text_of
from hemiwatch.prepare.quotemarks import QuoteRun, find_quote_runs

SUBJECT_DEPS = {"nsubj", "nsubjpass"}
SHORT_QUOTE_WORDS = 4
RELATIVE = {"who", "quien", "quienes", "que"}


def extract_quotes(ctx: Context, people: list[Person]) -> list[Quote]:
    """Direct quotes (with speakers) then indirect ones, merged in text order; none from the
    context's skipped spans (the dateline)."""
    doc, skip = ctx.doc, list(ctx.skip)
    runs = [r for r in find_quote_runs(text_of(doc)) if not _overlaps(r.span, skip)]
    quoted = Spans(r.span for r in runs)
    resolver = SpeakerResolver(doc, people, quoted)
    direct = _direct_quotes(doc, runs, resolver)
    indirect = _indirect_quotes(doc, Spans(q.span for q in direct), resolver, skip)
    return sorted(direct + indirect, key=lambda q: q.span)


# --- direct quotes --------------------------------------------------------------------------


def _direct_quotes(doc: Doc, runs: list[QuoteRun], resolver: SpeakerResolver) -> list[Quote]:
    out: list[Quote] = []
    previous: tuple[QuoteRun, Speaker, str] | None = None
    quoted = Spans(r.span for r in runs)
    for run in runs:
        text = text_of(doc)[run.span[0] : run.span[1]]
        found = _attribute(doc, run, quoted, resolver)
        if found is None and run.continued and previous is not None:
            found = (previous[1], previous[2], "quote.direct.continued")
        if found is None and run.continues:
            ahead = _attribute_forward(doc, run, runs, quoted, resolver)
            found = (ahead[0], ahead[1], "quote.direct.forward") if ahead else None
        if found is None:
            continue
        speaker, verb, basis = found
        out.append(_quote(text, "direct", speaker, verb, run.span, basis))
        previous = (run, speaker, verb)
        resolver.spoke(run.span[0], speaker)
    return out


def _attribute(
    doc: Doc, run: QuoteRun, quoted: Spans, resolver: SpeakerResolver
) -> tuple[Speaker, str, str] | None:
    a, b = run.span
    text = text_of(doc)[a:b]
    utterance = text_of(doc)[b : b + 1] in {",", ".", "?", "!"} or any(ch in text for ch in ".?!")
    short = len(text.split()) <= SHORT_QUOTE_WORDS and not utterance
    if len(text.split()) <= SHORT_QUOTE_WORDS and _so_called(doc, a):
        return None  # so-called “ghost containers,” (the comma inside the marks is no utterance)
    if len(text.split()) <= 6 and not any(ch in text for ch in ".?!") and _is_title(text):
        return None  # a film or book title
    sents = _sentences(doc, a, b)
    verbs = [
        v for s in sents for v in s if _is_reporting(v, naming=True) and not _inside(v.idx, quoted)
    ]
    if short:
        verbs = [v for v in verbs if _governs(v, doc, a, b)]
    verbs.sort(key=lambda v: min(abs(v.idx - a), abs(v.idx - b)))
    for verb in verbs:
        speaker = _subject_speaker(verb, resolver)
        if speaker is not None:
            according = verb.lower_ in ACCORDING
            return (
                speaker,
                verb.lemma_,
                "quote.direct.according" if according else "quote.direct.verb",
            )
    if short:
        return None
    # "Ferrandis said: “...”" split by the parser, or the attribution in the next sentence.
    for sent in (_neighbour(doc, sents[0], -1), _neighbour(doc, sents[-1], +1)):
        if sent is None:
            continue
        for verb in (v for v in sent if _is_reporting(v) and not _inside(v.idx, quoted)):
            own_clause = any(
                c.dep_ == "ccomp" and not _inside(c.idx, quoted) for c in verb.children
            )
            if own_clause and not sent.text.rstrip().endswith(":"):
                continue  # that sentence reports something else
            speaker = _subject_speaker(verb, resolver)
            if speaker is not None:
                return speaker, verb.lemma_, "quote.direct.neighbour"
    return None


def _attribute_forward(
    doc: Doc, run: QuoteRun, runs: list[QuoteRun], quoted: Spans, resolver: SpeakerResolver
) -> tuple[Speaker, str, str] | None:
    """A paragraph-spanning quote attributed only in a later paragraph of the same quote."""
    chain = False
    for later in runs:
        if later.span[0] <= run.span[0]:
            continue
        if not later.continued and not chain:
            return None
        chain = True
        found = _attribute(doc, later, quoted, resolver)
        if found is not None:
            return found
        if not later.continues:
            return None
    return None


def _sentences(doc: Doc, a: int, b: int) -> list[Span]:
    return sentences_between(doc, a, b) or [doc.char_span(a, b, alignment_mode="expand") or doc[:]]


def _neighbour(doc: Doc, sent: Span, step: int) -> Span | None:
    """The sentence before or after, if it is in the same paragraph."""
    i = sent.start - 1 if step < 0 else sent.end
    if i < 0 or i >= len(doc):
        return None
    other = sentence_of(doc[i])
    first, second = (other, sent) if step < 0 else (sent, other)
    if "\n\n" in text_of(doc)[first.start_char : second.start_char]:
        return None
    return other


ACCORDING = {"according", "según"}  # "according to X", «según X»


def _is_reporting(tok: Token, naming: bool = False) -> bool:
    speech, names = reporting_verbs()
    lemma = tok.lemma_.lower()
    if tok.pos_ not in {"VERB", "AUX"} and not (tok.pos_ == "NOUN" and lemma == "statement"):
        return tok.lower_ in ACCORDING
    if tok.lower_ in ACCORDING:
        return True
    return lemma in speech or (naming and lemma in names)


def _governs(verb: Token, doc: Doc, a: int, b: int) -> bool:
    """A partial quote belongs to the verb's own clause, not to a clause below it."""
    inside = [t for t in doc.char_span(a, b, alignment_mode="expand") or []]
    for tok in inside:
        node, hops = tok, 0
        while node.i != verb.i and node.head.i != node.i and hops < 4:
            node = node.head
            hops += 1
            if node.i != verb.i and node.pos_ in {"VERB", "AUX"} and node.dep_ != "xcomp":
                break
        if node.i == verb.i:
            return True
    return False


def _according_source(tok: Token) -> Token | None:
    """X of "according to X" (prep -> pobj) or «según X» (X <- case)."""
    if tok.lower_ == "según":
        return tok.head if tok.dep_ == "case" and tok.head.i != tok.i else None
    for prep in tok.children:
        for pobj in prep.children:
            if pobj.dep_ == "pobj":
                return pobj
    return None


def _subject_speaker(verb: Token, resolver: SpeakerResolver) -> Speaker | None:
    if verb.lower_ in ACCORDING:
        source = _according_source(verb)
        return resolver.resolve(source) if source is not None else None
    if verb.lemma_.lower() == "say" and verb.head.lemma_.lower() == "quote":
        # "the website quoted Ms. Simonyan as saying": the quoted person speaks
        quoted = [c for c in verb.head.children if c.dep_ == "dobj"]
        if quoted:
            return _as(resolver.resolve(quoted[0]), "speaker.quoted_as")
    node = verb
    for _ in range(3):
        subjects = [
            c for c in node.children if c.dep_ in SUBJECT_DEPS and not resolver.in_quote(c.idx)
        ]
        if subjects and subjects[0].lower_ in RELATIVE and node.dep_ in {"relcl", "acl"}:
            return _as(resolver.resolve(node.head), "speaker.relative")  # "…, said the envoy, who"
        if subjects:
            return resolver.resolve(subjects[0])
        agent = [g for c in node.children if c.dep_ == "agent" for g in c.children]
        if agent:
            return resolver.resolve(agent[0])
        if node.dep_ in {"conj", "advcl", "xcomp", "ccomp", "relcl"} and node.head.i != node.i:
            if node.dep_ == "ccomp" and node.idx > node.head.idx:
                return None  # a reported clause's verb does not borrow the reporter's subject
            head = node.head
            if node.dep_ == "conj" and head.dep_ == "ccomp" and not _is_reporting(head):
                head = head.head  # "He said A saw X, and added that B": parsed under A
            node = head
            continue
        if (
            verb.doc.lang_ == "es"
            and node is verb
            and verb.morph.to_dict().get("VerbForm") == "Fin"
        ):
            return resolver.dropped_subject(verb)  # pro-drop: «…», agregó.
        return None
    return None


def _is_title(text: str) -> bool:
    words = text.split()
    small = {"a", "an", "the", "of", "and", "in", "on", "to", "for", "sin", "de", "la", "el"}
    return len(words) >= 2 and all(w[:1].isupper() or w.lower() in small for w in words)


def _so_called(doc: Doc, a: int) -> bool:
    return text_of(doc)[max(0, a - 12) : a].lower().rstrip(' “"«„').endswith("so-called")


def _inside(char: int, spans: Spans) -> bool:
    return spans.holds(char)


def _as(found: Speaker | None, basis: str) -> Speaker | None:
    return replace(found, basis=basis) if found is not None else None


def _quote(text: str, kind: str, speaker: Speaker, verb: str, span: CharSpan, basis: str) -> Quote:
    return Quote(
        text=text,
        speaker=speaker.name,
        kind="direct" if kind == "direct" else "indirect",
        speaker_title=speaker.title,
        speaker_country=speaker.country,
        verb=verb,
        span=span,
        speaker_span=speaker.mention,
        basis=basis,
        speaker_basis=speaker.basis,
    )


# --- indirect quotes ------------------------------------------------------------------------


def _overlaps(span: CharSpan, spans: list[CharSpan]) -> bool:
    return any(a < span[1] and span[0] < b for a, b in spans)


def _indirect_quotes(
    doc: Doc, quoted: Spans, resolver: SpeakerResolver, skip: list[CharSpan]
) -> list[Quote]:
    out: list[Quote] = []
    for verb in doc:
        if not _is_reporting(verb) or _inside(verb.idx, quoted) or _withheld(verb):
            continue
        if verb.lower_ in ACCORDING:
            found = _according_quote(doc, verb, quoted, resolver, skip)
            out += [found] if found is not None else []
            continue
        clauses = [c for c in verb.children if c.dep_ == "ccomp"]
        trailing = _trailing_report(verb)
        for clause in clauses or ([trailing] if trailing is not None else []):
            if _reports_for_itself(clause):
                continue  # "A said X; B said Y": A's report is no part of B's
            if any(c.dep_ == "mark" and c.lower_ in {"whether", "if"} for c in clause.children):
                continue  # "asked whether troops would be deployed" is a question, no claim
            span = _clause_span(clause) if clause is not trailing else _before(verb)
            if span is None:
                continue
            for a, b in skip:  # "WASHINGTON, May 4 (Wire) - X happened, the ministry said."
                if a <= span[0] < b:
                    span = _trim_span(text_of(doc), b, span[1]) or (b, b)
            if span[1] - span[0] < 3:
                continue
            cut = min((x for x, _ in quoted.starting_in(span[0], span[1])), default=None)
            if _inside(span[0], quoted):
                continue
            if cut is not None:  # "... would keep selling its oil “to whoever ...”"
                span = _trim_span(text_of(doc), span[0], cut - 1)
                if span is None:
                    continue
            speaker = _subject_speaker(verb, resolver)
            if speaker is None:
                continue
            text = text_of(doc)[span[0] : span[1]]
            basis = "quote.indirect.trailing" if clause is trailing else "quote.indirect.ccomp"
            out.append(_quote(text, "indirect", speaker, verb.lemma_, span, basis))
    return out


def _withheld(verb: Token) -> bool:
    """'X declined to say how many ...', 'X would not say whether ...': nothing was reported."""
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    head = verb.head
    return verb.dep_ == "xcomp" and head.lemma_.lower() in WITHHOLD


WITHHOLD = frozenset({"decline", "refuse", "fail", "negarse", "rehusar", "declinar"})


def _trailing_report(verb: Token) -> Token | None:
    """'CLAUSE, a spokeswoman said, but ...' parsed with the clause as root and the
    attribution as its parataxis: the clause it follows."""
    head = verb.head
    if verb.dep_ != "parataxis" or verb.i < head.i or head.pos_ not in {"VERB", "AUX"}:
        return None
    first = verb.left_edge
    comma = first.text == "," or (first.i > 0 and verb.doc[first.i - 1].text == ",")
    return head if comma else None


def _before(verb: Token) -> CharSpan | None:
    """The words of the clause before its trailing attribution."""
    head, first = verb.head, verb.left_edge
    toks = [t for t in head.subtree if t.i < first.i]
    while toks and (toks[-1].is_punct or toks[-1].is_space):
        toks.pop()
    while toks and (toks[0].is_punct or toks[0].is_space):
        toks.pop(0)
    if len(toks) < 3:
        return None
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def _reports_for_itself(clause: Token) -> bool:
    """A reporting verb with its own subject and its own reported clause."""
    deps = {c.dep_ for c in clause.children}
    return _is_reporting(clause) and bool(deps & {"nsubj", "nsubjpass"}) and "ccomp" in deps


def _according_quote(
    doc: Doc, tok: Token, quoted: Spans, resolver: SpeakerResolver, skip: list[CharSpan]
) -> Quote | None:
    """ "X happened, according to Y" / «Según Y, X ocurrió»: the clause the phrase frames,
    when the phrase stands at its start or its end."""
    source = _according_source(tok)
    if source is None:
        return None
    phrase = source if tok.lower_ == "según" else tok
    clause = phrase.head
    while clause.dep_ == "xcomp" and clause.head.i != clause.i:
        clause = clause.head  # «ofrecieron cooperar …, según X»: what they offered
    if clause.i == phrase.i:
        rest = _after_opening(phrase, source)  # «Según X, …» parsed with X as the root
    elif clause.pos_ not in {"VERB", "AUX", "NOUN", "ADJ"}:
        return None
    else:
        own = {t.i for t in phrase.subtree}
        rest = [t for t in clause.subtree if t.i not in own]
    while rest and (rest[-1].is_punct or rest[-1].is_space):
        rest.pop()
    beside = bool(rest) and (clause.i == phrase.i or phrase.left_edge.i > rest[-1].i)
    if not rest or not (beside or phrase.right_edge.i < rest[0].i):
        return None  # the phrase sits inside the clause: no clean split
    span = _trim_span(text_of(doc), rest[0].idx, rest[-1].idx + len(rest[-1].text))
    while span is not None and text_of(doc)[span[0]] in ",;:—– ":
        span = _trim_span(text_of(doc), span[0] + 1, span[1])
    if span is None or _overlaps(span, skip) or quoted.starting_in(span[0], span[1]):
        return None
    speaker = resolver.resolve(source)
    if speaker is None:
        return None
    text = text_of(doc)[span[0] : span[1]]
    return _quote(text, "indirect", speaker, tok.lower_, span, "quote.indirect.according")


def _after_opening(phrase: Token, source: Token) -> list[Token]:
    """The rest of the sentence after a sentence-initial «Según X,» that the parser made the
    root: everything after its comma."""
    doc, sent = phrase.doc, sentence_of(phrase)
    comma = next((t for t in sent if t.i > source.i and t.text == ","), None)
    first = min(t.i for t in phrase.subtree)
    if comma is None or first != sent.start or comma.i - first > 6:
        return []
    out = []  # to the full stop: the parser may end its sentence early too
    for tok in doc[comma.i + 1 :]:
        if tok.is_space or tok.text in {".", "!", "?"}:
            break
        out.append(tok)
    return out


def _trim_span(text: str, a: int, b: int) -> CharSpan | None:
    while b > a and (text[b - 1].isspace() or text[b - 1] in ",;:-–—"):
        b -= 1
    return (a, b) if len(text[a:b].split()) >= 3 else None


def _clause_span(clause: Token) -> CharSpan | None:
    """The reported clause, without "that", final punctuation or a following "and added ..."."""
    toks = list(clause.subtree)
    for tok in toks:
        if (
            tok.i > clause.i
            and tok.dep_ == "conj"
            and _is_reporting(tok)
            and tok.head.i == clause.i
            and not any(c.dep_ == "neg" for c in tok.children)  # 'but has not replied'
        ):
            toks = [t for t in toks if t.i < tok.left_edge.i]
            while toks and toks[-1].dep_ in {"cc", "punct"}:
                toks = toks[:-1]
            break
    while toks and (toks[0].dep_ == "mark" or toks[0].is_punct or toks[0].is_space):
        toks = toks[1:]
    while toks and (toks[-1].is_punct or toks[-1].is_space):
        toks = toks[:-1]
    if len(toks) < 3:
        return None
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)
