"""Spanish: the PyPI Spanish model under this spaCy, language detection, and what the shared
English pipeline already extracts from Spanish text (our own sentences; dev-es in the gate)."""

from __future__ import annotations

import warnings
from collections.abc import Callable

import pytest

from hemiwatch.config import MODEL_ES, Settings
from hemiwatch.extract.language import detect_language
from hemiwatch.extract.nlp import load_model
from hemiwatch.models import Article, Facts
from hemiwatch.pipeline import analyze

CARACAS = (
    "CARACAS, 3 de marzo (Agencia Ejemplo). El Gobierno venezolano suspendió los vuelos de "
    "deportación desde Estados Unidos, informó el canciller Andrés Montiel Rivas.\n\n"
    "«No aceptaremos presiones de Washington», dijo Montiel Rivas en rueda de prensa. Las "
    "autoridades colombianas y la policía panameña no comentaron la medida.\n\n"
    "«La decisión es soberana y definitiva», agregó.\n\n"
    "“Seguiremos hablando con todos los vecinos”, dijo Montiel ante los periodistas."
)


def test_spanish_model_loads_without_the_version_warning_and_parses() -> None:
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        nlp = load_model.__wrapped__(MODEL_ES)
    assert not [w for w in seen if "W095" in str(w.message)]
    doc = nlp("El ministro dijo que la Armada incautó dos toneladas de cocaína en el Caribe.")
    said = next(t for t in doc if t.text == "dijo")
    assert said.pos_ == "VERB" and said.lemma_ == "decir"
    assert any(t.dep_ == "nsubj" and t.text == "ministro" for t in said.children)
    assert doc.lang_ == "es"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("La Armada incautó 40 kilos de cocaína cerca de la costa, dijo el ministro.", "es"),
        ("The navy seized 40 kilograms of cocaine near the coast, the minister said.", "en"),
        ("", "en"),
    ],
)
def test_language_is_detected(text: str, language: str) -> None:
    assert detect_language(text) == language


def test_spanish_article_is_analysed_with_the_spanish_model() -> None:
    facts = analyze(Article(id="es-1", title="Venezuela suspende vuelos", text=CARACAS))
    assert facts.language == "es"
    assert {c.code for c in facts.countries} == {"VE", "US", "CO", "PA"}
    direct = [q for q in facts.quotes if q.kind == "direct"]
    assert [q.text for q in direct] == [
        "No aceptaremos presiones de Washington",
        "La decisión es soberana y definitiva",  # pro-drop: «…», agregó.
        "Seguiremos hablando con todos los vecinos",  # "Montiel": the first of two surnames
    ]
    assert {q.speaker for q in direct} == {"Andrés Montiel Rivas"}


def test_language_can_be_forced(facts_of: Callable[[str], Facts]) -> None:
    english = "The coast guard seized 12 boats near Venezuela on Monday, officials said."
    assert facts_of(english).language == "en"
    forced = analyze(Article(id="f", text=english), Settings(language="es"))
    assert forced.language == "es"


def test_spanish_number_formats() -> None:
    text = (
        "PUERTO AUREL, 4 de mayo (Agencia Ejemplo). La misión había solicitado 5.500 efectivos "
        "y recibió compromisos de hasta 7.500 soldados. La Armada incautó 1,2 toneladas de "
        "cocaína y más de 800 kilos de marihuana, y el Gobierno aportará US$ 40 millones."
    )
    facts = analyze(Article(id="es-n", title="Misión en Aurel", text=text))
    got = {(n.value, n.unit_en, n.qualifier) for n in facts.numbers}
    assert got == {
        (5500, "personnel", None),
        (7500, "personnel", "hasta"),
        (1.2, "tons", None),
        (800, "kg", "más de"),
        (40_000_000, "USD", None),
    }
    assert all(n.value != 4 for n in facts.numbers)  # "4 de mayo" is a date


def test_the_relevance_gate_passes_spanish_security_news() -> None:
    from hemiwatch.extract.gate import passes

    assert passes("Venezuela suspende vuelos", CARACAS.replace("vuelos", "vuelos y la frontera"))
    football = "Ribera ganó la final en Buenos Aires ante 60.000 espectadores y celebró el título."
    assert not passes("Fútbol", football)


def test_spanish_digest_asks_in_spanish() -> None:
    facts = analyze(Article(id="es-d", title="Venezuela suspende vuelos", text=CARACAS))
    digest = facts.digest
    assert digest is not None and digest.headline_question is not None
    assert digest.headline_question.startswith("¿El Gobierno venezolano suspendió")
    assert digest.headline_question.endswith("?") and "informó" not in digest.headline_question
    assert digest.synopsis.startswith("El Gobierno venezolano suspendió")
    for takeaway in digest.takeaways:
        assert all(0 <= a < b <= len(CARACAS) for a, b in takeaway.sources)
