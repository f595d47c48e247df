"""Walks of a parsed Doc that every stage needs, computed once per doc and cached on it."""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Span, Token


def sentences(doc: Doc) -> list[Span]:
    """The doc's sentences, computed once per doc (doc.sents walks the whole doc each time)."""
    cached = doc.user_data.get("hemiwatch_sentences")
    if cached is None:
        cached = list(doc.sents)
        doc.user_data["hemiwatch_sentences"] = cached
    return cached


def sentences_between(doc: Doc, start: int, end: int) -> list[Span]:
    """Sentences overlapping the character range [start, end)."""
    sents = sentences(doc)
    starts = doc.user_data.get("hemiwatch_starts")
    if starts is None:
        starts = [s.start_char for s in sents]
        doc.user_data["hemiwatch_starts"] = starts
    first = max(0, bisect_right(starts, start) - 1)
    out = []
    for sent in sents[first:]:
        if sent.start_char >= end:
            break
        if sent.end_char > start:
            out.append(sent)
    return out


def sentence_of(item: Token | Span) -> Span:
    """The sentence holding a token or span, without spaCy's scan of every sentence."""
    doc = item.doc
    char = item.idx if isinstance(item, Token) else item.start_char
    found = sentences_between(doc, char, char + 1)
    return found[0] if found else doc[:]


def text_of(doc: Doc) -> str:
    """The doc's text, built once (Doc.text joins every token on each access)."""
    cached = doc.user_data.get("hemiwatch_text")
    if cached is None:
        cached = doc.text
        doc.user_data["hemiwatch_text"] = cached
    return str(cached)
