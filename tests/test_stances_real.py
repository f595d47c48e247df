"""Stances on the patterns of real news (issue 20), on text of our own: hostile acts are no
cooperation, a refusal goes to the side refused, contributors go to the host, bilateral
cooperation holds both ways, and the sides come from beyond the bare country name."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from hemiwatch.models import Facts

FactsOf = Callable[[str], Facts]


def sides(facts: Facts) -> set[tuple[str, str, str]]:
    return {(s.actor, s.target, s.polarity) for s in facts.stances}


@pytest.mark.parametrize(
    "text",
    [
        "The United States deployed warships off the coast of Venezuela on Monday.",
        "The United States offered a reward of $50 million for the capture of Venezuela's "
        "president.",
        "The United States sent warships to the Caribbean in a show of force against Venezuela.",
        "Washington deployed 4,000 troops near Venezuela on Monday.",
        "Estados Unidos desplegó buques de guerra frente a las costas de Venezuela.",
    ],
)
def test_a_hostile_act_is_no_cooperation(facts_of: FactsOf, text: str) -> None:
    assert not [s for s in facts_of(text).stances if s.polarity == "cooperates"]


def test_staying_out_of_an_attack_refuses_the_attacker(facts_of: FactsOf) -> None:
    f = facts_of("Trinidad and Tobago will not take part in the U.S. attack on Venezuela.")
    assert sides(f) == {("TT", "US", "refuses")}
    es = facts_of(
        "Trinidad y Tobago no participará en el ataque de Estados Unidos contra Venezuela."
    )
    assert sides(es) == {("TT", "US", "refuses")}


@pytest.mark.rule("stance.target.reciprocal")
def test_bilateral_cooperation_holds_both_ways(facts_of: FactsOf) -> None:
    f = facts_of("The U.S. government gave six helicopters to Guatemala to fight drug trafficking.")
    assert sides(f) == {("US", "GT", "cooperates"), ("GT", "US", "cooperates")}


def test_contributors_to_a_force_go_to_the_host_only(facts_of: FactsOf) -> None:
    f = facts_of("A new contingent of 230 Kenyan police arrived in Haiti on Monday.")
    assert sides(f) == {("KE", "HT", "cooperates")}
    f = facts_of("Kenya sent 400 police officers to Haiti on Monday.")
    assert sides(f) == {("KE", "HT", "cooperates")}


def test_listed_participants_take_part_in_what_the_organiser_runs(facts_of: FactsOf) -> None:
    f = facts_of(
        "The drills are sponsored by the United States.\n\nPartner nations participating in the "
        "exercise include Belize, Jamaica and the United States."
    )
    assert sides(f) == {("BZ", "US", "cooperates"), ("JM", "US", "cooperates")}
    es = facts_of(
        "Los ejercicios son una iniciativa del Comando Sur de los Estados Unidos.\n\nLas naciones "
        "participantes en el ejercicio incluyen a Belice, Jamaica y Guyana."
    )
    assert sides(es) == {("BZ", "US", "cooperates"), ("JM", "US", "cooperates"),
                         ("GY", "US", "cooperates")}  # fmt: skip


def test_a_body_named_in_full_earlier_keeps_its_country(facts_of: FactsOf) -> None:
    f = facts_of(
        "The U.S. Coast Guard seized the boat on Monday.\n\nThe Coast Guard worked in "
        "cooperation with regional partner nations, including Colombia and Panama."
    )
    assert {("US", "CO", "cooperates"), ("US", "PA", "cooperates")} <= sides(f)


def test_cooperation_between_both_countries_is_the_pair(facts_of: FactsOf) -> None:
    f = facts_of(
        "The minister thanked the US government and its embassy in Panama, and recalled the good "
        "relations of cooperation that exist between both countries."
    )
    assert sides(f) == {("US", "PA", "cooperates"), ("PA", "US", "cooperates")}
    f = facts_of("The new envoy will serve as a liaison between Canada and the U.S. on fentanyl.")
    assert sides(f) == {("US", "CA", "cooperates"), ("CA", "US", "cooperates")}


def test_suspended_relations_are_a_refusal_both_ways(facts_of: FactsOf) -> None:
    f = facts_of("The program leaves out migrants, given that Panama and Venezuela maintain "
                 "suspended diplomatic relations.")  # fmt: skip
    assert sides(f) == {("PA", "VE", "refuses"), ("VE", "PA", "refuses")}


def test_a_regional_country_noun_is_the_country_meant(facts_of: FactsOf) -> None:
    f = facts_of(
        "El Salvador agreed on Monday to take the deportees. The United States will pay $6 "
        "million to the tiny Central American nation to hold them."
    )
    assert not f.regions
    assert ("US", "SV", "cooperates") in sides(f)


def test_a_capital_that_names_the_authorities_is_the_country(facts_of: FactsOf) -> None:
    f = facts_of("Since 2014 the Tegucigalpa authorities have extradited 23 Hondurans to the "
                 "United States.")  # fmt: skip
    assert sides(f) == {("HN", "US", "cooperates"), ("US", "HN", "cooperates")}


def test_spanish_extradition_and_coordination(facts_of: FactsOf) -> None:
    f = facts_of(
        "México anunció este jueves la extradición de 29 narcotraficantes a Estados Unidos."
    )
    assert ("MX", "US", "cooperates") in sides(f)
    f = facts_of("Las autoridades panameñas, en coordinación con Costa Rica, han vigilado la "
                 "frontera desde noviembre.")  # fmt: skip
    assert sides(f) == {("PA", "CR", "cooperates"), ("CR", "PA", "cooperates")}
