"""Dateline, countries, people and numbers on short texts of our own."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from hemiwatch.extract.numbers import parse_number
from hemiwatch.models import Facts
from hemiwatch.prepare.dateline import extract_dateline

FactsOf = Callable[[str], Facts]


def codes(f: Facts) -> set[str]:
    return {c.code for c in f.countries}


def numbers(f: Facts) -> list[tuple[float, str | None, str | None]]:
    return [(n.value, n.unit, n.qualifier) for n in f.numbers]


# --- dateline -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "published", "place", "day", "outlet"),
    [
        (
            "Washington, Dec 20 (NationPress) Body.",
            date(2025, 12, 20),
            "Washington",
            date(2025, 12, 20),
            "NationPress",
        ),
        (
            "PANAMA CITY, March 3 (Meridian Wire) - Body.",
            date(2025, 3, 4),
            "PANAMA CITY",
            date(2025, 3, 3),
            "Meridian Wire",
        ),
        (
            "QUITO, Dec. 30 (Andes Daily) – Body.",
            date(2026, 1, 2),
            "QUITO",
            date(2025, 12, 30),
            "Andes Daily",
        ),
        ("KINGSTON (Island Wire) — Body.", None, "KINGSTON", None, "Island Wire"),
        (
            "CARACAS, 4 sep (Agencia Sur) - Cuerpo.",
            date(2025, 9, 4),
            "CARACAS",
            date(2025, 9, 4),
            "Agencia Sur",
        ),
    ],
)
def test_dateline(
    text: str, published: date | None, place: str, day: date | None, outlet: str
) -> None:
    d = extract_dateline(text, published)
    assert d is not None
    assert (d.place, d.date, d.outlet) == (place, day, outlet)
    assert text[d.span[1] :].startswith(("Body", "Cuerpo"))


def test_no_dateline_in_an_ordinary_first_sentence() -> None:
    assert extract_dateline("Sister Ann (not pictured) was found on Monday.", None) is None
    assert extract_dateline("The minister said on Monday that talks would resume.", None) is None


# --- countries and regions ------------------------------------------------------------------


def test_names_demonyms_and_regions(facts_of: FactsOf) -> None:
    f = facts_of(
        "Haitian police and Jamaican soldiers joined patrols with forces from the Bahamas. "
        "Leaders across Central America and the Caribbean welcomed the plan."
    )
    assert codes(f) == {"HT", "JM", "BS"}
    assert {r.slug for r in f.regions} == {"central_america", "caribbean"}


def test_capital_counts_only_for_its_government(facts_of: FactsOf) -> None:
    f = facts_of(
        "Managua rejected the report on Friday. Tourists flew to Lima for the weekend, "
        "and the conference was held in Quito."
    )
    assert codes(f) == {"NI"}


def test_dateline_city_is_not_a_country(facts_of: FactsOf) -> None:
    f = facts_of("BRASÍLIA, May 2 (Sample Wire) - Chile and Peru signed a fisheries pact.")
    assert codes(f) == {"CL", "PE"}


def test_country_words_inside_other_names_do_not_count(facts_of: FactsOf) -> None:
    f = facts_of(
        "Delegates of the Organization of American States met in Port of Spain, where the "
        "Spanish acronym of the program was printed on banners. Analyst Santiago Ferro spoke."
    )
    assert codes(f) == set()


def test_every_country_in_the_world_is_known(facts_of: FactsOf) -> None:
    f = facts_of("Talks included Kazakhstan, Mozambique, Bhutan, Suriname and Belize.")
    assert codes(f) == {"KZ", "MZ", "BT", "SR", "BZ"}


# --- people ---------------------------------------------------------------------------------


def test_surnames_merge_into_the_full_name_with_title_and_country(facts_of: FactsOf) -> None:
    f = facts_of("Ecuadorian Defense Minister Martín Ocampo visited the coast. Ocampo met sailors.")
    (p,) = f.people
    assert p.name == "Martín Ocampo"
    assert p.title == "Ecuadorian Defense Minister" and p.country == "EC"
    assert len(p.mentions) == 2


def test_ships_named_like_people_are_not_people(facts_of: FactsOf) -> None:
    f = facts_of(
        "Customs officer Laura Pinto boarded one of the tankers, the Rosa Blanca (IMO 9100001)."
    )
    assert [p.name for p in f.people] == ["Laura Pinto"]


def test_a_country_named_with_an_article_is_not_a_person(facts_of: FactsOf) -> None:
    f = facts_of(
        "The United States, represented by Deputy Secretary Laura Finch, offered two cutters."
    )
    assert [p.name for p in f.people] == ["Laura Finch"]


def test_a_first_name_the_list_does_not_know_stays_with_the_name(facts_of: FactsOf) -> None:
    f = facts_of(
        "Police arrested a suspect on Monday.\n\n"
        "Wilmer Ulises Ferreyra, 41, was flown to Miami after a judge rejected his final "
        "appeal.\n\nFerreyra's lawyer said he was innocent."
    )
    assert [p.name for p in f.people] == ["Wilmer Ulises Ferreyra"]


def test_a_known_first_name_the_model_left_out_after_a_long_title(facts_of: FactsOf) -> None:
    f = facts_of(
        "The U.S. delegation, led by Deputy Assistant Secretary of State Emily Mendrala Hart, "
        "said the talks were productive."
    )
    assert [p.name for p in f.people] == ["Emily Mendrala Hart"]


def test_a_surname_after_a_particle(facts_of: FactsOf) -> None:
    f = facts_of(
        "Lt. Col. Ana María de la Cruz, a spokeswoman for the Colombian army, said the talks "
        "went well. De la Cruz added that Colombia would send observers."
    )
    (p,) = f.people
    assert p.name == "Ana María de la Cruz" and len(p.mentions) == 2
    assert [q.speaker for q in f.quotes] == ["Ana María de la Cruz"] * 2


def test_lone_surname_without_full_name_is_not_a_person(facts_of: FactsOf) -> None:
    f = facts_of("Mendez was not available for comment.")
    assert f.people == []


# --- numbers --------------------------------------------------------------------------------


def test_qualifiers_units_and_roles(facts_of: FactsOf) -> None:
    f = facts_of(
        "The mission sought 3,000 police officers and received pledges of up to 3,400. "
        "Patrols seized more than 2.5 tonnes of cocaine."
    )
    assert numbers(f) == [
        (3000, "officers", None),
        (3400, "officers", "up to"),
        (2.5, "tonnes", "more than"),
    ]
    assert [n.role for n in f.numbers] == ["sought", "pledged", "seized"]


def test_money_percent_and_written_numbers(facts_of: FactsOf) -> None:
    f = facts_of(
        "Donors pledged US$ 40 million and about $1.2 billion over five years. "
        "Crime fell 12 percent and nineteen boats were destroyed, plus two thousand rifles."
    )
    assert numbers(f) == [
        (40_000_000, "USD", None),
        (1_200_000_000, "USD", "about"),
        (12, "percent", None),
        (19, "boats", None),
        (2000, "rifles", None),
    ]


def test_the_dollars_of_the_americas_are_told_apart(facts_of: FactsOf) -> None:
    f = facts_of("Canada pledged C$ 25 million, Jamaica J$ 300 million and Brazil R$ 9 million.")
    assert numbers(f) == [
        (25_000_000, "CAD", None),
        (300_000_000, "JMD", None),
        (9_000_000, "BRL", None),
    ]


def test_what_a_number_counts_past_hyphens_and_more(facts_of: FactsOf) -> None:
    f = facts_of(
        "The army guards a 1,400-kilometer border and needs at least 2,000 more soldiers. "
        "The floods displaced more than 90,000 Hondurans, half of them children. "
        "A 900-strong force will patrol the coast."
    )
    assert numbers(f) == [  # a distance is no claim (the settled convention, issue 21)
        (2000, "soldiers", "at least"),
        (90_000, "hondurans", "more than"),
        (900, "force", None),
    ]


def test_a_change_in_percent_is_an_increase_or_a_decrease(facts_of: FactsOf) -> None:
    f = facts_of(
        "The crackdown has cut the murder rate by more than 90 percent. Seizures rose 14 percent."
    )
    assert [(n.value, n.role) for n in f.numbers] == [(90, "decrease"), (14, "increase")]


def test_a_figure_that_something_fell_to_counts_that_thing(facts_of: FactsOf) -> None:
    f = facts_of(
        "Police arrested 27 people, including 4 officers. Murders fell by a third to 2,100."
    )
    assert numbers(f)[-1] == (2100, "murders", None)  # not the officers of the sentence before


def test_distractors_are_not_claims(facts_of: FactsOf) -> None:
    f = facts_of(
        "Resolution 2811 passed in 2025 at 3:40 p.m. on March 4. The C-130 carried one of the "
        "suspects, Pedro Alba, 44, and a 23-year-old. Call +507 511-4400. It was the third raid "
        "and No. 10 wore a Boeing 737 badge."
    )
    assert f.numbers == []


def test_number_spans_point_at_their_evidence(facts_of: FactsOf) -> None:
    text = "Brazil deployed about 1,500 soldiers to the border."
    f = facts_of(text)
    (n,) = f.numbers
    assert text[n.span[0] : n.span[1]] == n.text == "about 1,500 soldiers"


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("5,500", 5500),
        ("1.2", 1.2),
        ("twenty-five", 25),
        ("two thousand", 2000),
        ("three hundred and twelve", 312),
        ("Nine", 9),
    ],
)
def test_parse_number(raw: str, value: float) -> None:
    assert parse_number(raw) == value
