"""The pipeline's batching: each article is analysed with its own language and text (issue 18)."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from hemiwatch.config import Settings
from hemiwatch.errors import ExtractError
from hemiwatch.models import Article, Facts
from hemiwatch.pipeline import analyze_many

ENGLISH = (
    "The sample ministry of Noravia said on Monday that its coast guard seized 300 kilograms "
    "of cocaine off the coast of Honduras, and Honduras thanked the crew."
)
SPANISH = (
    "El Gobierno de Honduras informó el lunes que la Fuerza Naval decomisó 300 kilos de "
    "cocaína frente a la costa atlántica del país, según un comunicado oficial."
)


def test_two_articles_with_one_id_keep_their_own_language_and_text_issue_18() -> None:
    english = Article(id="same", title="Seizure", text=ENGLISH)
    spanish = Article(id="same", title="Decomiso", text=SPANISH)
    results = list(analyze_many([english, spanish, english], Settings()))
    assert [a for a, _ in results] == [english, spanish, english]
    facts = [f for _, f in results]
    assert all(isinstance(f, Facts) for f in facts)
    en, es, en_again = (f for f in facts if isinstance(f, Facts))
    assert (en.language, es.language, en_again.language) == ("en", "es", "en")
    assert en == en_again
    assert any(n.value == 300 and n.unit == "kilograms" for n in en.numbers)
    assert any(n.value == 300 and n.unit == "kilos" for n in es.numbers)


def test_an_article_the_parser_cannot_take_costs_only_itself_issue_26() -> None:
    text = "A lone surrogate \ud800 in the text of a story about Haiti."
    with pytest.raises(ValidationError, match="lone surrogate"):
        Article(id="bad", text=text)  # every way in refuses it now ...
    bad = Article.model_construct(id="bad", text=text)  # ... the parse's barrier still holds
    good = Article(id="good", text=ENGLISH)
    results = dict((a.id, f) for a, f in analyze_many([bad, good], Settings()))
    assert isinstance(results["good"], Facts) and results["good"].numbers
    assert isinstance(results["bad"], (Facts, ExtractError))
