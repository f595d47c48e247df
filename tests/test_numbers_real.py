"""Figures in the shapes real news gives them (issue 21): separators by digit groups, ranges,
signs, number words, classes of what is counted, and counts that are no claims."""

from __future__ import annotations

from collections.abc import Callable

from hemiwatch.config import Settings
from hemiwatch.extract.numbers import parse_number
from hemiwatch.models import Article, Facts
from hemiwatch.pipeline import analyze

FactsOf = Callable[[str], Facts]


def spanish(text: str) -> Facts:
    return analyze(Article(id="es", title="prueba", text=text), Settings(language="es"))


def figures(facts: Facts) -> list[tuple[float, str | None]]:
    return [(n.value, n.unit) for n in facts.numbers]


def test_separators_are_read_by_their_digit_groups() -> None:
    assert parse_number("1,647", "es") == 1647 and parse_number("370,240", "es") == 370240
    assert parse_number("5.500", "es") == 5500 and parse_number("2,5", "es") == 2.5
    assert parse_number("16,6", "es") == 16.6 and parse_number("1.234.567,5", "es") == 1234567.5
    assert parse_number("2,459", "en") == 2459 and parse_number("6.500", "en") == 6.5


def test_latin_american_thousands_in_spanish_text() -> None:
    f = spanish("La Dirección de Migración detuvo a 1,647 haitianos indocumentados en un mes.")
    assert figures(f) == [(1647, "haitianos")]
    assert f.numbers[0].unit_en == "people"


def test_currency_codes_and_scales() -> None:
    f = spanish(
        "El cargamento fue valorado en al menos USD 396 millones y cada bloque en USD 55.000."
    )
    assert [(n.value, n.currency) for n in f.numbers] == [(396_000_000, "USD"), (55_000, "USD")]


def test_a_range_keeps_both_ends() -> None:
    f = spanish("Se estima que entre 2,5 y 3 millones de armas cruzan la frontera cada año.")
    (n,) = f.numbers
    assert (n.value, n.value_max, n.unit) == (2_500_000, 3_000_000, "armas")


def test_signs_and_halves(facts_of: FactsOf) -> None:
    f = facts_of(
        "Prices fell by a negative 0.21 percent. Police seized half a ton of cocaine, and over "
        "half a million people fled."
    )
    assert figures(f) == [(-0.21, "percent"), (0.5, "tons"), (500_000, "people")]


def test_spanish_number_words_collectives_and_partitives() -> None:
    f = spanish(
        "Veintiún aviones no tripulados se perdieron. Las fuerzas derribaron 39 de los 71 drones "
        "y desmantelaron al menos una decena de laboratorios."
    )
    got = figures(f)
    assert (21, "aviones") in got and (39, "drones") in got and (10, "laboratorios") in got


def test_one_person_is_a_count_but_one_nation_is_not(facts_of: FactsOf) -> None:
    f = facts_of("The strike killed two men and left one survivor. One nation refused to help.")
    assert figures(f) == [(2, "men"), (1, "survivor")]
    assert f.numbers[0].unit_en == "people"


def test_counts_that_are_no_claims(facts_of: FactsOf) -> None:
    f = facts_of(
        "The boat was intercepted about 240 miles north of the island, on a 700-meter track. "
        "The two nations signed the plan in two phases. Officers seized 300 kilograms of cocaine. "
        "The list is published under 31 CFR part 515, whose three sections bar such trade."
    )
    assert figures(f) == [(300, "kilograms")]


def test_the_denominator_of_a_rate_is_no_claim() -> None:
    f = spanish("La tasa de homicidios fue de 16,6 por cada 100.000 habitantes en el país.")
    assert all(n.value != 100_000 for n in f.numbers)


def test_a_figure_repeated_as_the_same_claim(facts_of: FactsOf) -> None:
    f = facts_of(
        "Officers seized 254 pounds of fentanyl at the crossing. The 254 pounds seized there "
        "were more than the state's total last year."
    )
    assert figures(f) == [(254, "pounds")]
