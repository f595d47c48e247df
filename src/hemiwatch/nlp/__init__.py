"""The shared NLP layer: the models (parse.py), one label scheme per parser (labels.py), one
lexicon loader (lexicon.py) and the cached walks of a parsed Doc (doc.py)."""

from hemiwatch.nlp.doc import sentence_of, sentences, sentences_between, text_of
from hemiwatch.nlp.parse import PERSON, load_model

__all__ = ["PERSON", "load_model", "sentence_of", "sentences", "sentences_between", "text_of"]
