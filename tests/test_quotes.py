"""Direct and indirect quotes with resolved speakers, one pattern per test (texts are our own)."""

from __future__ import annotations

from collections.abc import Callable

from hemiwatch.models import Facts, Quote
from hemiwatch.prepare.quotemarks import find_quote_runs

FactsOf = Callable[[str], Facts]


def direct(facts: Facts) -> list[Quote]:
    return [q for q in facts.quotes if q.kind == "direct"]


def pairs(facts: Facts, kind: str = "direct") -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in facts.quotes if q.kind == kind]


def test_curly_quote_with_surname_attribution(facts_of: FactsOf) -> None:
    f = facts_of(
        "Defense Minister Tobias Orlen said on Monday the patrols would expand.\n\n"
        "“We will not leave the coast unguarded,” Orlen said."
    )
    assert pairs(f) == [("We will not leave the coast unguarded", "Tobias Orlen")]


def test_split_quote_around_attribution(facts_of: FactsOf) -> None:
    f = facts_of(
        "Coast guard commander Delia Marsh spoke at the harbor.\n\n"
        "“The first part is done,” she said, “and the second part starts tomorrow.”"
    )
    assert pairs(f) == [
        ("The first part is done", "Delia Marsh"),
        ("and the second part starts tomorrow.", "Delia Marsh"),
    ]


def test_straight_marks_and_guillemets(facts_of: FactsOf) -> None:
    f = facts_of(
        'Police chief Arturo Benavente said "the network is broken," after the raid.\n\n'
        "«Nadie está por encima de la ley», Benavente said."
    )
    assert [s for _, s in pairs(f)] == ["Arturo Benavente", "Arturo Benavente"]
    assert pairs(f)[1][0] == "Nadie está por encima de la ley"


def test_low_high_marks(facts_of: FactsOf) -> None:
    f = facts_of("Envoy Greta Lindahl arrived.\n\n„We came to listen“, Lindahl said.")
    assert pairs(f) == [("We came to listen", "Greta Lindahl")]


def test_multi_sentence_quote(facts_of: FactsOf) -> None:
    f = facts_of(
        "“We asked for ten boats. We received twelve,” Interior Minister Paulo Serrat said."
    )
    assert pairs(f) == [("We asked for ten boats. We received twelve", "Paulo Serrat")]


def test_quote_over_two_paragraphs_attributed_in_the_second(facts_of: FactsOf) -> None:
    f = facts_of(
        "Foreign Minister Irene Castellar opened the session.\n\n"
        "“Our ports have been used by traffickers for too long. That changes now.\n\n"
        "“Every container will be scanned,” she said."
    )
    assert pairs(f) == [
        (
            "Our ports have been used by traffickers for too long. That changes now.",
            "Irene Castellar",
        ),
        ("Every container will be scanned", "Irene Castellar"),
    ]


def test_nested_single_quotes_stay_inside(facts_of: FactsOf) -> None:
    f = facts_of(
        "“When they tell us ‘hurry up,’ we answer with results,” Minister Hugo Varela said."
    )
    assert pairs(f) == [("When they tell us ‘hurry up,’ we answer with results", "Hugo Varela")]


def test_colon_introduced_quote(facts_of: FactsOf) -> None:
    f = facts_of(
        "Admiral Keith Oduya was blunt. Oduya said: “The season has started. "
        "The boats are faster than last year.”"
    )
    assert pairs(f) == [
        ("The season has started. The boats are faster than last year.", "Keith Oduya")
    ]


def test_attribution_in_the_next_sentence(facts_of: FactsOf) -> None:
    f = facts_of(
        "Senator Maya Trujillo left the hearing early.\n\n"
        "“We have waited long enough.” Trujillo said it twice."
    )
    assert pairs(f) == [("We have waited long enough.", "Maya Trujillo")]


def test_attribution_carried_to_the_next_quote_sentence(facts_of: FactsOf) -> None:
    f = facts_of(
        "Mayor Rosa Quintanar visited the port.\n\n"
        "“This is a good day,” Quintanar said. “Tomorrow will be harder.”"
    )
    assert pairs(f) == [
        ("This is a good day", "Rosa Quintanar"),
        ("Tomorrow will be harder.", "Rosa Quintanar"),
    ]


def test_scare_quotes_and_titles_are_not_quotes(facts_of: FactsOf) -> None:
    f = facts_of(
        "Officials tracked the so-called “ghost ships” across the gulf. The documentary "
        "“Silent Harbor Nights” won a prize, and director Lena Ortiz said the crew was tired."
    )
    assert direct(f) == []


def test_attributed_partial_quote(facts_of: FactsOf) -> None:
    f = facts_of(
        "Trade Minister Oscar Pineda called the tariffs “blackmail by other means” on Friday."
    )
    assert pairs(f) == [("blackmail by other means", "Oscar Pineda")]


def test_a_two_word_label_in_marks_is_no_quote_issue_19(facts_of: FactsOf) -> None:
    """The settled convention: one- and two-word labels ("trusted partner") are not quotes."""
    f = facts_of(
        "President Lena Vasquez called the United States a “trusted partner” on Friday, and "
        "Minister Tomas Ek described the boats as “narco vessels.”"
    )
    assert direct(f) == []


def test_unbalanced_marks_do_not_spoil_other_paragraphs(facts_of: FactsOf) -> None:
    f = facts_of(
        'Judge Clara Benn spoke first. "The court is closed, she said.\n\n'
        "Prosecutor Ivan Roth answered.\n\n"
        "“We will appeal,” Roth said."
    )
    assert pairs(f) == [("We will appeal", "Ivan Roth")]


def test_pronouns_follow_gender_and_recency(facts_of: FactsOf) -> None:
    f = facts_of(
        "Health Minister Carla Montes and Police Director Julio Ferrer met on Tuesday.\n\n"
        "“We share one plan,” she said.\n\n"
        "“And one budget,” he said."
    )
    assert pairs(f) == [("We share one plan", "Carla Montes"), ("And one budget", "Julio Ferrer")]


def test_role_noun_resolves_to_the_titled_person(facts_of: FactsOf) -> None:
    f = facts_of(
        "Rear Adm. Victor Salas commands the task force. Reporter Ana Beltrán asked about fuel.\n\n"
        "“We have enough for a month,” the admiral said."
    )
    assert pairs(f) == [("We have enough for a month", "Victor Salas")]


def test_named_body_resolves_to_its_fullest_name(facts_of: FactsOf) -> None:
    f = facts_of(
        "The U.S. Coast Guard Pacific Area announced new patrols.\n\n"
        "“Our cutters will stay through May,” the Coast Guard Pacific Area said in a statement."
    )
    assert pairs(f) == [("Our cutters will stay through May", "U.S. Coast Guard Pacific Area")]


def test_indirect_said_that(facts_of: FactsOf) -> None:
    f = facts_of("Finance Minister Lorena Vidal said that the fund would reach its target by June.")
    assert pairs(f, "indirect") == [("the fund would reach its target by June", "Lorena Vidal")]


def test_indirect_told_reporters_and_pronoun(facts_of: FactsOf) -> None:
    f = facts_of(
        "Colonel Ruben Acosta inspected the base.\n\n"
        "He told reporters the unit would deploy within a week."
    )
    assert pairs(f, "indirect") == [("the unit would deploy within a week", "Ruben Acosta")]


def test_indirect_attribution_after_the_clause(facts_of: FactsOf) -> None:
    f = facts_of(
        "The Maritime Safety Office of Tobago issued a notice.\n\n"
        "Two vessels had ignored the warning, the office said."
    )
    assert pairs(f, "indirect") == [
        ("Two vessels had ignored the warning", "Maritime Safety Office of Tobago")
    ]


def test_according_to(facts_of: FactsOf) -> None:
    f = facts_of(
        "“The data will be shared within hours,” according to Teodoro Lanz, "
        "who leads the regional program."
    )
    assert pairs(f) == [("The data will be shared within hours", "Teodoro Lanz")]


def test_speaker_is_never_a_pronoun_or_surname(facts_of: FactsOf) -> None:
    f = facts_of(
        "Deputy Minister Nadia Ferreira visited the border.\n\n"
        "“It is calm today,” she said. Ferreira added that more checkpoints were planned."
    )
    assert f.quotes and all(q.speaker == "Nadia Ferreira" for q in f.quotes)


def test_quote_records_spans_title_and_verb(facts_of: FactsOf) -> None:
    text = "“The border is open,” Colombian Trade Minister Silvia Rojas said."
    f = facts_of(text)
    (q,) = direct(f)
    assert text[q.span[0] : q.span[1]] == q.text
    assert q.speaker_span is not None and text[q.speaker_span[0] : q.speaker_span[1]].endswith(
        "Rojas"
    )
    assert q.speaker_title == "Colombian Trade Minister" and q.speaker_country == "CO"
    assert q.verb == "say"


def test_quote_runs_are_found_without_a_parse() -> None:
    text = '“One,” he said, “two.”\n\n"Three" is a word.\n\n“Open\n\n“close.”'
    runs = [text[a:b] for a, b in (r.span for r in find_quote_runs(text))]
    assert runs == ["One", "two.", "Three", "Open", "close."]


def test_people_sharing_a_surname(facts_of: FactsOf) -> None:
    f = facts_of(
        "Governor Ana Lucero met her brother, Senator Tomás Lucero, in the capital.\n\n"
        "“We disagree on the budget,” Lucero said."
    )
    assert {p.name for p in f.people} == {"Ana Lucero", "Tomás Lucero"}
    assert direct(f)[0].speaker in {"Ana Lucero", "Tomás Lucero"}


def test_the_owner_of_the_speaker_is_not_the_speaker(facts_of: FactsOf) -> None:
    f = facts_of(
        "Former police chief Rafael Ortiz was charged with bribery on Monday.\n\n"
        "Ortiz's lawyer, Marta Bello, said her client was innocent."
    )
    assert [(q.text, q.speaker) for q in f.quotes] == [("her client was innocent", "Marta Bello")]


def test_an_unnamed_official_is_someone_new(facts_of: FactsOf) -> None:
    f = facts_of(
        "Interior Minister Pablo Ruiz announced the deployment on Monday.\n\n"
        "A Defense Ministry official, speaking on condition of anonymity, said the troops would "
        "stay until March."
    )
    (q,) = [q for q in f.quotes if "troops" in q.text]
    assert q.speaker is not None and "official" in q.speaker and q.speaker != "Pablo Ruiz"


def test_a_body_named_again_by_its_head_noun(facts_of: FactsOf) -> None:
    f = facts_of(
        "The U.S. Embassy said it regretted the decision.\n\n"
        "Paraguay's anti-drug secretariat said its agents had seized 2 tonnes of cocaine. "
        "The secretariat said the raids used intelligence from Brazil."
    )
    (q,) = [q for q in f.quotes if "raids" in q.text]
    assert q.speaker == "Paraguay's anti-drug secretariat"


def test_two_reports_joined_by_a_semicolon(facts_of: FactsOf) -> None:
    f = facts_of(
        "Opposition lawmakers said the deal gave away national sovereignty; the government said "
        "it was the only way to stop the cartels."
    )
    got = {(q.text, q.speaker) for q in f.quotes}
    assert ("the deal gave away national sovereignty", "Opposition lawmakers") in got
    assert ("it was the only way to stop the cartels", "government") in got


def test_a_so_called_term_with_its_comma_inside_the_marks_is_no_quote(
    facts_of: FactsOf,
) -> None:
    f = facts_of(
        "Port operators have long complained about so-called “ghost containers,” boxes that are "
        "reopened after inspection."
    )
    assert f.quotes == []


def test_the_official_is_the_unnamed_official_met_before(facts_of: FactsOf) -> None:
    f = facts_of(
        "Salvadoran President Tomás Erazo offered to house the deportees on Monday.\n\n"
        "A senior State Department official said the offer would be studied. Guatemala has "
        "rejected similar proposals, the official added."
    )
    (q,) = [q for q in f.quotes if "Guatemala" in q.text]
    assert q.speaker == "senior State Department official"


def test_a_report_whose_attribution_trails_as_an_aside(facts_of: FactsOf) -> None:
    """'CLAUSE, a spokeswoman said, but ...': the parser makes 'said' an aside of the clause."""
    f = facts_of(
        "The United States has offered to help Peru trace illicit gold through its supply "
        "chains, a U.S. Embassy spokeswoman said, but Lima has not yet responded to the offer."
    )
    (q,) = f.quotes
    assert q.text.startswith("The United States has offered to help Peru")
    assert q.text.endswith("supply chains") and q.speaker == "U.S. Embassy spokeswoman"


def test_relatives_of_the_victims_speak(facts_of: FactsOf) -> None:
    f = facts_of(
        "Relatives of the victims said the men had been kidnapped a week earlier and that the "
        "kidnappers had demanded ransom payments."
    )
    assert [q.speaker for q in f.quotes] == ["Relatives"]


def test_a_negated_reply_is_part_of_the_report(facts_of: FactsOf) -> None:
    f = facts_of("Brazil was invited to join but has not replied, a diplomat in Buenos Aires said.")
    assert [q.text for q in f.quotes] == ["Brazil was invited to join but has not replied"]


def test_what_a_speaker_declined_to_say_is_no_report(facts_of: FactsOf) -> None:
    f = facts_of(
        "Defense Secretary Martin Hale declined to say how many more strikes were planned. "
        "He did not say whether the ships would stay."
    )
    assert f.quotes == []


def test_a_question_put_to_a_speaker_is_no_report(facts_of: FactsOf) -> None:
    f = facts_of(
        "Minister Carla Ruiz visited the border.\n\n"
        'Asked whether troops would be deployed, Ruiz replied: "Everything is on the table."'
    )
    assert [(q.kind, q.text) for q in f.quotes] == [("direct", "Everything is on the table.")]


def test_the_head_of_a_body_is_the_person_whose_title_names_it(facts_of: FactsOf) -> None:
    """ "the head of the OAS said" after "OAS Secretary General X": X; a body named in no
    one's title leaves the role unresolved rather than guessed."""
    f = facts_of(
        "OAS Secretary General Arturo Benavidez called the council to meet on Venezuela.\n\n"
        '"The council will meet on Tuesday to discuss the events," the head of the OAS said '
        "in a statement.\n\n"
        '"We will send observers," the head of the Andean Community said.'
    )
    got = {q.text[:20]: q.speaker for q in f.quotes}
    assert got["The council will mee"] == "Arturo Benavidez"
    assert got.get("We will send observe") != "Arturo Benavidez"


def test_the_head_of_a_body_named_by_its_initials(facts_of: FactsOf) -> None:
    f = facts_of(
        "Arturo Benavidez, Secretary General of the Organization of American States, called "
        "the council to meet on Venezuela.\n\n"
        '"The council will meet on Tuesday to discuss the events," the head of the OAS said.'
    )
    assert [q.speaker for q in f.quotes] == ["Arturo Benavidez"]


def test_a_date_in_a_documents_name_is_not_its_issuer(facts_of: FactsOf) -> None:
    """ "according to a 6 February notice": the notice is dated February, issued by whoever
    the clause is about (the ministry), never "February"."""
    f = facts_of(
        "The Aurel Ministry of Finance has reissued its list of banned shipping firms, "
        "according to a 6 February notice in the official gazette."
    )
    assert [q.speaker for q in f.quotes] == ["Aurel Ministry of Finance"]


def test_the_army_is_the_states_not_a_guerrillas(facts_of: FactsOf) -> None:
    """ "the Army" after "the Peruvian Army" and "the Popular Liberation Army" (an armed group
    of this sample) is the Peruvian Army: the name with a country is the state's."""
    f = facts_of(
        "Three Peruvian Army soldiers were killed in an attack carried out by the Popular "
        "Liberation Army guerrillas near the border, officials said. A patrol of the Peruvian "
        "Army found the bodies.\n\n"
        "The Army, which blamed the attack on the rebels, said that the troops “were the target "
        "of an attack with long-range weapons” at a checkpoint."
    )
    got = {q.text[:20]: q.speaker for q in f.quotes if q.kind == "direct"}
    assert got["were the target of a"] == "Peruvian Army"


def test_a_lead_source_named_later_keeps_its_name(facts_of: FactsOf) -> None:
    """ "..., a senior police commander announced." then "Colonel X, head of the anti-drug
    police, told reporters." then "the police commander explained": X each time."""
    f = facts_of(
        "The Aurel anti-drug force seized half a ton of cocaine bound for Europe, a senior "
        "police commander announced on Monday.\n\n"
        "In three operations in the port city, 17 traffickers were arrested, Colonel Ramiro "
        "Sandoval, head of the anti-drug police, told reporters.\n\n"
        "“We found 160 packages of cocaine and a large amount of chemical precursors,” the "
        "police commander explained."
    )
    direct = [q for q in f.quotes if q.kind == "direct"]
    assert [q.speaker for q in direct] == ["Ramiro Sandoval"]


def test_a_speakers_name_never_reaches_back_over_a_comma() -> None:
    """A parse that hangs the last item of a list on the speaker ("... and Chad, Peru's army
    said", 'Chad' an nmod of 'army') gives the name "Peru's army", not "Chad, Peru's army"."""
    from spacy.tokens import Doc

    from hemiwatch.config import MODEL_EN
    from hemiwatch.extract.quotes.bodies import noun_phrase
    from hemiwatch.nlp import load_model

    words = ["and", "Chad", ",", "Peru", "'s", "army", "said", "."]
    heads = [1, 5, 1, 5, 3, 6, 6, 6]
    deps = ["cc", "nmod", "punct", "poss", "case", "nsubj", "ROOT", "punct"]
    doc = Doc(load_model(MODEL_EN).vocab, words=words, heads=heads, deps=deps)
    assert noun_phrase(doc[5]).text == "Peru 's army"
