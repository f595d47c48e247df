"""Which cue attributes a run of quoted words: candidates in order, best first.

A run inside quotation marks is a quote when the text attributes it: a cue in its sentence
(nearest first; a short run only by the cue whose clause it sits in), a colon-introduced
lead-in or an attribution in the next sentence of the paragraph, the paragraph it continues,
or, for a paragraph that opens with a quote and attributes nothing, the speaker of the quote
just before it. One- and two-word runs ("inner circle", "trusted partner"), so-called terms and
titles are labels, not quotes.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from hemiwatch.extract.quotes.frames import ACCORDING, is_cue
from hemiwatch.extract.spans import Spans
from hemiwatch.nlp import sentence_of, sentences_between, text_of
from hemiwatch.prepare.quotemarks import QuoteRun

SHORT_QUOTE_WORDS = 4  # a run this short is an utterance only with its own punctuation
LABEL_WORDS = 2  # a run this short is a label ("trusted partner"), never a quote
SMALL = frozenset("a an the of and in on to for sin de la el del y en por".split())


@dataclass(frozen=True)
class Cue:
    verb: Token
    basis: str


def is_label(doc: Doc, run: QuoteRun) -> bool:
    """A label, a so-called term or a title in marks, not a quotation."""
    a, b = run.span
    text = text_of(doc)[a:b]
    words = text.split()
    if len(words) <= LABEL_WORDS:
        return True
    if len(words) <= SHORT_QUOTE_WORDS and _so_called(doc, a):
        return True  # so-called “ghost containers,” (the comma inside the marks is no utterance)
    # a film, book or resolution title
    return len(words) <= 6 and not any(ch in text for ch in ".?!") and _is_title(words)


def short(doc: Doc, run: QuoteRun) -> bool:
    a, b = run.span
    text = text_of(doc)[a:b]
    utterance = text_of(doc)[b : b + 1] in {",", ".", "?", "!"} or any(c in text for c in ".?!")
    return len(text.split()) <= SHORT_QUOTE_WORDS and not utterance


def cues_for(doc: Doc, run: QuoteRun, quoted: Spans) -> list[Cue]:
    """The cues that may attribute the run, best first."""
    a, b = run.span
    sents = sentences_between(doc, a, b) or [doc.char_span(a, b, alignment_mode="expand") or doc[:]]
    verbs = [v for s in sents for v in s if is_cue(v, naming=True) and not quoted.holds(v.idx)]
    if short(doc, run) or run.single:
        verbs = [v for v in verbs if governs(v, doc, a, b)]
    verbs.sort(key=lambda v: min(abs(v.idx - a), abs(v.idx - b)))
    out = [
        Cue(v, "quote.direct.according" if v.lower_ in ACCORDING else "quote.direct.verb")
        for v in verbs
    ]
    out += [Cue(w, "quote.direct.frame") for s in sents for w in s if words_of(w) is not None]
    if short(doc, run) or run.single:
        return out
    # "Ferrandis said: “...”" split by the parser, or the attribution in the next sentence.
    for sent in (neighbour(doc, sents[0], -1), neighbour(doc, sents[-1], +1)):
        if sent is None:
            continue
        for verb in (v for v in sent if is_cue(v) and not quoted.holds(v.idx)):
            own_clause = any(c.dep_ == "ccomp" and not quoted.holds(c.idx) for c in verb.children)
            if own_clause and not sent.text.rstrip().endswith(":"):
                continue  # that sentence reports something else
            out.append(Cue(verb, "quote.direct.neighbour"))
    return out


WORDS = frozenset({"word", "words", "palabra", "palabras"})


def words_of(tok: Token) -> Token | None:
    """The speaker of a frame without a verb: "in his words", "in Rubio's words", «en
    palabras de Rubio», «en sus palabras»; None when the token frames nothing."""
    framed = tok.head.lower_ in {"in", "en"} or any(
        c.dep_ == "case" and c.lower_ == "en" for c in tok.children
    )
    if tok.lower_ not in WORDS or not framed:
        return None
    for c in tok.children:
        if c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in {"sus", "su"}):
            return c
        if c.dep_ == "nmod" and any(g.dep_ == "case" and g.lower_ == "de" for g in c.children):
            return c
        if c.dep_ == "prep" and c.lower_ == "of":
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    return None


def neighbour(doc: Doc, sent: Span, step: int) -> Span | None:
    """The sentence before or after, if it is in the same paragraph."""
    i = sent.start - 1 if step < 0 else sent.end
    while 0 <= i < len(doc) and doc[i].is_space and "\n\n" not in doc[i].text:
        i += step
    if i < 0 or i >= len(doc):
        return None
    other = sentence_of(doc[i])
    first, second = (other, sent) if step < 0 else (sent, other)
    if "\n\n" in text_of(doc)[first.start_char : second.start_char]:
        return None
    return other


def governs(verb: Token, doc: Doc, a: int, b: int) -> bool:
    """A partial quote belongs to the verb's own clause, not to a clause below it."""
    inside = list(doc.char_span(a, b, alignment_mode="expand") or [])
    for tok in inside:
        node, hops = tok, 0
        while node.i != verb.i and node.head.i != node.i and hops < 5:
            node = node.head
            hops += 1
            if node.i != verb.i and is_cue(node) and node.dep_ != "xcomp":
                break  # a verb of speech below the verb is the partial quote's own
        if node.i == verb.i:
            return True
    return False


def opens_paragraph(doc: Doc, run: QuoteRun) -> bool:
    """Does the run open its paragraph ("“We will ...” starts a line)?"""
    text = text_of(doc)
    start = text.rfind("\n", 0, run.span[0]) + 1
    return not text[start : run.span[0]].strip(" \t“\"«„'‘”")


def _is_title(words: list[str]) -> bool:
    return len(words) >= 2 and all(w[:1].isupper() or w.lower() in SMALL for w in words)


def _so_called(doc: Doc, a: int) -> bool:
    return text_of(doc)[max(0, a - 12) : a].lower().rstrip(' “"«„‘').endswith("so-called")
