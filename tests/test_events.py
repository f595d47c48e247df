"""PLOVER events on text of our own (issue 20): the CAMEO verb patterns, PLOVER's reading of
modality, and Spanish sentences coded at all."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from hemiwatch.models import Facts

FactsOf = Callable[[str], Facts]


def types(facts: Facts) -> list[str]:
    return [e.event_type for e in facts.events]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an act promised is an agreement; a hostile act announced is a threat
        ("Noravia will provide 300 tons of food aid to the refugees, its minister said.", "AGREE"),
        ("Noravia is willing to withdraw its troops from the border.", "AGREE"),
        (
            "The farmers said they would boycott all official contact with the government.",
            "THREATEN",
        ),
        # an act refused, or one another side must do
        ("Noravia says it will not accept any more refugees.", "REJECT"),
        ("The minister declared that Aurel must hand over the suspects.", "REQUEST"),
        # signing a formal agreement is SUPPORT in PLOVER (CAMEO 057)
        ("Noravia and Aurel signed a treaty of friendship on Monday.", "SUPPORT"),
        # a lexicon word off the spine of the sentence
        ("Prisoners rioted in a jail near the capital to protest the overcrowding.", "PROTEST"),
    ],
)
def test_plover_types_on_english(facts_of: FactsOf, text: str, expected: str) -> None:
    assert types(facts_of(text))[:1] == [expected]


def test_a_verb_only_the_cameo_patterns_know(facts_of: FactsOf) -> None:
    f = facts_of("Noravia deplored the decision of the court on Monday.")
    assert [(e.event_type, e.basis) for e in f.events] == [("ACCUSE", "event.cameo")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Miles de campesinos protestaron el lunes contra la fumigación de sus cultivos.",
            "PROTEST",
        ),
        ("El gobierno de Noravia rechazó la propuesta de Aurel.", "REJECT"),
        ("Los sindicatos exigieron un aumento salarial al gobierno.", "REQUEST"),
        ("La policía detuvo a doce manifestantes en la capital.", "COERCE"),
    ],
)
def test_spanish_sentences_get_events(facts_of: FactsOf, text: str, expected: str) -> None:
    assert types(facts_of(text))[:1] == [expected]
