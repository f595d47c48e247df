"""The spaCy pipeline hemiwatch parses with: the PyPI English model plus paragraph boundaries."""

from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from hemiwatch.errors import ConfigError
from hemiwatch.extract.dateline import extract_dateline


@Language.component("hemiwatch_paragraphs")
def paragraph_breaks(doc: Doc) -> Doc:
    """A blank line ends a sentence, and so does a dateline: the parser would otherwise join
    paragraphs, and read "PANAMA CITY, March 3 (Wire) - Panama and ..." as one subject."""
    dateline = extract_dateline(doc.text, None)
    if dateline is not None:
        body = doc.char_span(dateline.span[1], len(doc.text), alignment_mode="expand")
        if body is not None and len(body) and body.start > 0:
            doc[body.start].is_sent_start = True
    for tok in doc[:-1]:
        if "\n" in tok.text_with_ws and (
            tok.is_space or tok.whitespace_ == "\n" or "\n\n" in tok.text
        ):
            doc[tok.i + 1].is_sent_start = True
    return doc


@cache
def load_model(name: str) -> Language:
    """Load a spaCy model once per process; a missing model is a ConfigError, not a traceback."""
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ConfigError(
            f"spaCy model '{name}' is not installed (run `make run` or "
            "`pip install --require-hashes --no-deps -r requirements/model.txt`)"
        ) from exc
    nlp.add_pipe("hemiwatch_paragraphs", before="parser")
    return nlp
