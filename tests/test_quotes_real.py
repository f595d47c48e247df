"""Quotes and speakers in the shapes real news gives them (issue 19). Each test is one general
pattern seen in more than one real article, written here with fictional names."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from hemiwatch.config import Settings
from hemiwatch.models import Article, Facts
from hemiwatch.pipeline import analyze

FactsOf = Callable[[str], Facts]


def quotes(facts: Facts, kind: str | None = None) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in facts.quotes if kind is None or q.kind == kind]


def spanish(text: str) -> Facts:
    return analyze(Article(id="es", title="prueba", text=text), Settings(language="es"))


# --- quotation marks ----------------------------------------------------------------------


def test_single_marks_used_as_quotation_marks(facts_of: FactsOf) -> None:
    f = facts_of(
        "The Noravia Department of Trade has reissued its list of restricted firms. The list "
        "names firms ‘under the control of the armed forces or their suppliers,’ the "
        "department explained."
    )
    assert (
        "under the control of the armed forces or their suppliers",
        "Noravia Department of Trade",
    ) in quotes(f, "direct")


def test_a_closing_mark_used_as_the_opener(facts_of: FactsOf) -> None:
    f = facts_of(
        "Interior Minister Tomas Ekdal spoke to reporters on Friday.\n\n"
        "“We have a plan,” he said. ”But it is a very costly one, and the cabinet will decide.”"
    )
    assert ("But it is a very costly one, and the cabinet will decide.", "Tomas Ekdal") in quotes(f)


@pytest.mark.rule("quote.direct.follow_on")
def test_a_paragraph_that_only_continues_a_speaker(facts_of: FactsOf) -> None:
    f = facts_of(
        "“The corridor is open,” said Colonel Dana Ferro, who leads the mission.\n\n"
        "“The next convoy leaves at dawn and will carry medicine for three towns.”"
    )
    assert (
        "The next convoy leaves at dawn and will carry medicine for three towns.",
        "Dana Ferro",
    ) in quotes(f)


def test_a_label_inside_a_report_stays_in_it(facts_of: FactsOf) -> None:
    f = facts_of(
        "Admiral Rex Holm said the focus was on so-called “dark” boats that switch off their "
        "beacons."
    )
    assert quotes(f) == [
        ("the focus was on so-called “dark” boats that switch off their beacons", "Rex Holm")
    ]


# --- where the attribution stands -----------------------------------------------------------


def test_a_trailing_attribution_over_a_sentence_the_parser_cut(facts_of: FactsOf) -> None:
    f = facts_of(
        "The Noravia Treasury sanctioned four officials on Monday.\n\n"
        "Among them are the head of the assembly, Ivo Rask; the chief of the telecom agency, "
        "Lena Brandt; and the minister of health, Otto Ferm, the Treasury said in a statement."
    )
    (q,) = [q for q in f.quotes if "Among them" in q.text]
    assert q.text.startswith("Among them are the head of the assembly") and q.text.endswith(
        "Otto Ferm"
    )
    assert q.speaker == "Noravia Treasury"


@pytest.mark.rule("quote.indirect.trailing")
def test_an_aside_attribution_takes_the_clause_it_sits_in(facts_of: FactsOf) -> None:
    f = facts_of(
        "Also, Senator Mara Voss said, the police have focused on working with local leaders. "
        "A new contingent of 230 officers arrived on Monday, the national police said, marking "
        "the first deployment this year."
    )
    got = quotes(f, "indirect")
    assert ("the police have focused on working with local leaders", "Mara Voss") in got
    assert ("A new contingent of 230 officers arrived on Monday", "national police") in got


def test_a_subject_split_off_by_the_attribution(facts_of: FactsOf) -> None:
    f = facts_of("The new port, Mayor Ivo Rask said, will open to container ships in May.")
    assert quotes(f) == [("The new port will open to container ships in May", "Ivo Rask")]


def test_coordination_the_parser_hung_on_the_verb_of_speech(facts_of: FactsOf) -> None:
    f = facts_of(
        "The Noravia Treasury announced it will freeze the assets of the defense minister, and "
        "five other officials in the army and the mining sector."
    )
    (q,) = f.quotes
    assert q.text.endswith("the army and the mining sector") and q.speaker == "Noravia Treasury"


def test_a_name_parsed_as_a_conjunct_of_the_object_is_the_subject(facts_of: FactsOf) -> None:
    f = facts_of(
        "The government cannot deport its own citizens and Secretary of State Nora Quill said "
        "Tuesday that “there are obviously legal questions involved.”"
    )
    assert quotes(f, "direct") == [("there are obviously legal questions involved.", "Nora Quill")]


def test_a_relative_clause_of_the_reporter_is_no_report(facts_of: FactsOf) -> None:
    f = facts_of(
        "The navy said it sank a boat that it claimed was carrying cocaine to the islands."
    )
    assert [q.text for q in f.quotes] == [
        "it sank a boat that it claimed was carrying cocaine to the islands"
    ]


def test_a_report_cut_before_its_quote_does_not_end_on_a_dangling_word(facts_of: FactsOf) -> None:
    f = facts_of(
        "The Noravian Army said it targeted the boat after “determining it was involved in "
        "smuggling operations,” according to Colonel Ari Lund."
    )
    assert [q.text for q in f.quotes if q.kind == "indirect"] == ["it targeted the boat"]


# --- who speaks -------------------------------------------------------------------------------


@pytest.mark.rule("speaker.document")
def test_a_document_speaks_for_its_issuer(facts_of: FactsOf) -> None:
    f = facts_of(
        "The Noravia Coast Guard said in a post on Friday that it seized two boats.\n\n"
        "“Three smugglers were detained during this action,” the post said.\n\n"
        "According to media reports, the boats had left from the northern coast."
    )
    got = quotes(f)
    assert ("Three smugglers were detained during this action", "Noravia Coast Guard") in got
    assert not any("northern coast" in text for text, _ in got)  # a report with no author


def test_a_document_released_by_a_body(facts_of: FactsOf) -> None:
    f = facts_of(
        "According to an indictment released by the Noravia Justice Department last year, the "
        "gang’s leaders ran eleven laboratories near the border."
    )
    assert quotes(f) == [
        ("the gang’s leaders ran eleven laboratories near the border", "Noravia Justice Department")
    ]


@pytest.mark.rule("speaker.country")
def test_a_country_speaks_for_its_government(facts_of: FactsOf) -> None:
    f = facts_of(
        "Canada also said on Monday it would impose financial sanctions on four officials."
    )
    assert quotes(f) == [("it would impose financial sanctions on four officials", "Canada")]


def test_a_pronoun_in_the_report_is_the_reporter(facts_of: FactsOf) -> None:
    f = facts_of(
        "The Permanent Council of the Organization of Coastal States (OCS) met on Monday.\n\n"
        "Through the resolution, the OCS says it will ask member states to consider providing "
        "“immediate support to the police forces of the islands.”"
    )
    (q,) = [q for q in f.quotes if q.kind == "direct"]
    assert q.speaker == "Organization of Coastal States"


def test_a_defined_acronym_is_its_full_name(facts_of: FactsOf) -> None:
    f = facts_of(
        "The United Nations Integrated Office in Noravia (UNION) said on Friday that 300 people "
        "were displaced. At least 40 were injured, UNION said in a report."
    )
    assert {s for _, s in quotes(f)} == {"United Nations Integrated Office in Noravia"}


def test_a_bare_head_noun_is_the_body_with_that_head(facts_of: FactsOf) -> None:
    f = facts_of(
        "Two Noravian Army soldiers were killed in the north on Sunday.\n\n"
        "The Third Division of the Noravian Army said in a statement that the attack came at "
        "dawn. The Army said that the troops “were the target of long-range weapons.”"
    )
    (q,) = [q for q in f.quotes if q.kind == "direct"]
    assert q.speaker == "Noravian Army"


@pytest.mark.rule("speaker.role")
def test_a_title_spelled_with_a_capital_is_a_role(facts_of: FactsOf) -> None:
    f = facts_of(
        "Agency Chairman Alberto Ruano visited the valley on Monday.\n\n"
        "“We have signed agreements with six towns,” the Chairman mentioned."
    )
    assert quotes(f) == [("We have signed agreements with six towns", "Alberto Ruano")]


def test_the_leads_unnamed_source_is_the_person_named_next(facts_of: FactsOf) -> None:
    f = facts_of(
        "The anti-drug force seized half a ton of cocaine, a senior police commander announced "
        "on Monday.\n\n"
        "Seventeen traffickers were arrested, Colonel Raúl Pinto, head of the anti-drug police, "
        "told reporters."
    )
    assert {s for _, s in quotes(f)} == {"Raúl Pinto"}


def test_the_newspaper_is_the_outlet_the_article_lets_speak(facts_of: FactsOf) -> None:
    f = facts_of(
        "The opposition leader may have been detained by a militia, the newspaper reports.\n\n"
        "El Faro Noravia highlights that the authorities had avoided arrests until now."
    )
    assert {s for _, s in quotes(f)} == {"El Faro Noravia"}


# --- Spanish ---------------------------------------------------------------------------------


def test_spanish_inverted_attribution_by_a_publication() -> None:
    f = spanish(
        "El plan incluye muros en la frontera.\n\n"
        "«La iniciativa contempla zanjas, muros y torres de vigilancia en tres regiones», "
        "detalla una publicación de Canal Sur de Noravia."
    )
    assert quotes(f, "direct") == [
        (
            "La iniciativa contempla zanjas, muros y torres de vigilancia en tres regiones",
            "Canal Sur de Noravia",
        )
    ]


def test_spanish_a_place_after_the_verb_is_no_speaker() -> None:
    f = spanish(
        "El presidente Rodrigo Alvear celebró la cooperación con sus vecinos. «Era hora de "
        "tomarnos este tema en serio», afirmó en conferencia."
    )
    assert quotes(f, "direct") == [("Era hora de tomarnos este tema en serio", "Rodrigo Alvear")]


def test_spanish_a_name_right_before_the_verb_is_its_subject() -> None:
    f = spanish(
        "Pese a la crisis, y desmintiendo a la ministra, el vocero presidencial, Manuel Ortiz "
        "Varela, afirmó que la visita del presidente «no está confirmada en la agenda»."
    )
    assert ("no está confirmada en la agenda", "Manuel Ortiz Varela") in quotes(f, "direct")


def test_spanish_segun_indico() -> None:
    f = spanish(
        "La ministra Lucía Arce habló el lunes. Según indicó Arce, la intención del Gobierno "
        "es esperar a fin de mes para completar el despliegue."
    )
    assert quotes(f, "indirect") == [
        (
            "la intención del Gobierno es esperar a fin de mes para completar el despliegue",
            "Lucía Arce",
        )
    ]


def test_spanish_a_time_is_never_the_subject() -> None:
    f = spanish(
        "Este mediodía el Gobierno de la provincia confirmó que ascendió a 40 el número de "
        "muertos tras los operativos."
    )
    assert [s for _, s in quotes(f)] == ["Gobierno de la provincia"]


def test_spanish_the_reporters_second_act_is_no_part_of_the_report() -> None:
    f = spanish(
        "El presidente Tomás Rivas dijo que el narcotráfico es un problema heredado y culpó a "
        "la oposición."
    )
    assert quotes(f) == [("el narcotráfico es un problema heredado", "Tomás Rivas")]


def test_spanish_sentences_glued_without_a_space() -> None:
    f = spanish(
        "«El canal es nuestro», dijo el presidente Ramón Aldana en un video compartido en "
        "X.El mandatario destacó que la operación es eficiente y rentable."
    )
    got = quotes(f)
    assert ("la operación es eficiente y rentable", "Ramón Aldana") in got
    assert ("El canal es nuestro", "Ramón Aldana") in got


def test_a_report_the_parser_took_for_an_object(facts_of: FactsOf) -> None:
    f = facts_of(
        "The Noravian government says the institutions headed by the officials all targeted "
        "protesters who took to the streets."
    )
    (q,) = f.quotes
    assert (
        q.text.startswith("the institutions headed by the officials")
        and q.speaker == "Noravian government"
    )


def test_a_concession_after_the_report_is_the_reporters(facts_of: FactsOf) -> None:
    f = facts_of(
        "Canada said it would impose sanctions on four officials, although Ottawa did not name "
        "them."
    )
    assert quotes(f) == [("it would impose sanctions on four officials", "Canada")]


def test_titles_in_a_row_before_the_name(facts_of: FactsOf) -> None:
    f = facts_of(
        "“We will keep patrolling the straits,” said Coast Guard Lt. Cmdr. Mara J. Vance in a "
        "press release."
    )
    assert quotes(f) == [("We will keep patrolling the straits", "Mara J. Vance")]


def test_a_described_source_named_by_whose_it_is(facts_of: FactsOf) -> None:
    f = facts_of(
        "Former aide Tom Ekberg refused to testify. His lawyer said he would not answer questions."
    )
    assert quotes(f) == [("he would not answer questions", "Tom Ekberg's lawyer")]


def test_a_party_speaks_as_a_group(facts_of: FactsOf) -> None:
    f = facts_of("Republicans said the timing of the vote was not intentional.")
    assert quotes(f) == [("the timing of the vote was not intentional", "Republicans")]
