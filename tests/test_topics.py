"""Topics with sentence evidence, and off-topic articles that borrow security vocabulary."""

from __future__ import annotations

from collections.abc import Callable

from hemiwatch.models import Facts

FactsOf = Callable[[str], Facts]

FINAL = (
    "ROSARIO, June 3 (Sample Sports Wire) - Club Atlético Sur won the league final on penalties on "
    "Sunday in front of 60,000 fans at the stadium.\n\n"
    "About 2,000 police officers were deployed and twelve people were detained after scuffles "
    "outside the ground, the city said.\n\n"
    '"This trophy belongs to the fans," coach Mario Quiroga said. The striker scored twice and '
    "the goalkeeper saved three penalties as the team lifted the cup for the first time."
)
SEIZURE = (
    "GUAYAQUIL, June 3 (Sample Wire) - Ecuadorian police seized 3 tonnes of cocaine hidden in a "
    "banana shipment bound for Europe, the interior ministry said.\n\n"
    "Officials said the drugs belonged to a cartel that smuggles cocaine through Ecuador's ports. "
    "Colombia shared intelligence on the shipment."
)


def labels(f: Facts) -> set[str]:
    return {t.label for t in f.topics}


def test_security_article_gets_topics_with_evidence(facts_of: FactsOf) -> None:
    f = facts_of(SEIZURE)
    assert not f.off_topic
    assert {"narcotics", "transnational_crime"} <= labels(f)
    for topic in f.topics:
        assert topic.evidence
        for a, b in topic.evidence:
            assert "Sample Wire" not in SEIZURE[a:b]  # the dateline is no evidence


def test_football_final_with_police_is_off_topic(facts_of: FactsOf) -> None:
    f = facts_of(FINAL)
    assert f.off_topic and labels(f) == {"other"}


def test_security_words_outside_the_americas_are_off_topic(facts_of: FactsOf) -> None:
    f = facts_of(
        "Police in Belgium seized 2 tonnes of cocaine at the port of Antwerp, and prosecutors "
        "charged a smuggling gang. Dutch police arrested four suspects in Rotterdam."
    )
    assert f.off_topic


def test_medical_drugs_are_not_narcotics(facts_of: FactsOf) -> None:
    f = facts_of(
        "Doctors in Chile and Argentina said a new cancer drug extended patients' lives. "
        "The drug trials in Santiago enrolled 400 patients, researchers said."
    )
    assert f.off_topic


def test_armed_groups_and_a_military_buildup(facts_of: FactsOf) -> None:
    f = facts_of(
        "CÚCUTA, June 3 (Sample Wire) - Colombia and Venezuela agreed to fight the armed groups "
        "that control smuggling routes along their border.\n\n"
        "Venezuela has increased its military presence in the border state of Zulia, officials "
        "said."
    )
    assert {"transnational_crime", "military_action"} <= labels(f)


def test_spanish_armed_groups_and_troop_deployments() -> None:
    from hemiwatch.models import Article
    from hemiwatch.pipeline import analyze

    text = (
        "CARACAS, 2 oct (Agencia Ejemplo) – Venezuela desplegó unos 2.000 militares en el estado "
        "Bolívar, cerca de la frontera con Guyana, informó el Gobierno.\n\n"
        "Brasil reforzó su presencia militar en Roraima. Los grupos armados controlan la minería "
        "ilegal en la zona, según la Policía de Guyana."
    )
    f = analyze(Article(id="es-t", title="Despliegue", text=text))
    assert {"military_action", "transnational_crime"} <= labels(f)


def test_one_mention_of_the_country_is_enough_for_a_plain_security_story(
    facts_of: FactsOf,
) -> None:
    """Real reports name the country once and then the army, the towns and the armed group."""
    f = facts_of(
        "Sample Wire - Guerrillas attacked an army base in the north of Colombia on Sunday, "
        "killing nine soldiers.\n\n"
        "The rebels detonated explosives at the gate before troops returned fire, the army said. "
        "Soldiers later seized rifles and explosives near the border town. The army deployed "
        "2,000 troops to the region after the attack."
    )
    assert not f.off_topic and "military_action" in labels(f)


def test_diplomacy_and_governance_carry_a_security_story(facts_of: FactsOf) -> None:
    """A council session on Venezuela's tension names no crime, yet it is the news we follow."""
    f = facts_of(
        "Sample Wire - The Organization of American States called its Permanent Council to "
        "meet on Venezuela on Tuesday and urged Caracas and Washington to ease tension.\n\n"
        "Foreign ministers of Colombia, Brazil and Mexico asked for talks between Venezuela and "
        "the United States. The council will vote on a resolution on democracy and the "
        "elections in Venezuela, diplomats said. A naval deployment near the coast worried "
        "the delegations."
    )
    assert not f.off_topic and "diplomacy" in labels(f)


def test_a_passing_minister_does_not_make_a_crime_story_diplomacy(facts_of: FactsOf) -> None:
    f = facts_of(
        SEIZURE + " Police arrested four suspects at the port. Prosecutors charged the gang "
        "with drug trafficking. The cocaine was hidden in 120 boxes. Dogs found the drugs. "
        "The minister met the ambassador of Belgium on Monday."
    )
    assert not f.off_topic and "diplomacy" not in labels(f)
