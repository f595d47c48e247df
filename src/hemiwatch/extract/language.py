"""Which language an article is written in: py3langid (its model ships in the package),
restricted to the languages hemiwatch analyses."""

from __future__ import annotations

from functools import cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

from hemiwatch.config import LANGUAGES


@cache
def _identifier() -> LanguageIdentifier:
    ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    ident.set_languages(list(LANGUAGES))
    return ident


def detect_language(text: str) -> str:
    """ "en" or "es" from the first 2,000 characters (English when there is nothing to go on)."""
    sample = text[:2000]
    if sum(ch.isalpha() for ch in sample) < 20:
        return "en"
    language, _ = _identifier().classify(sample)
    return str(language)
