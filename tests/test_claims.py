"""Stances, commitments and PLOVER events on short texts of our own (issue 4)."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from hemiwatch.models import Facts

FactsOf = Callable[[str], Facts]
HEMIWATCH = str(Path(sys.executable).parent / "hemiwatch")


def stances(f: Facts) -> set[tuple[str, str, str]]:
    return {(s.actor, s.target, s.polarity) for s in f.stances}


def test_signed_agreement_gives_both_directions(facts_of: FactsOf) -> None:
    f = facts_of("Honduras and El Salvador signed an extradition agreement on Friday.")
    assert stances(f) == {("HN", "SV", "cooperates"), ("SV", "HN", "cooperates")}
    (s, _) = f.stances
    assert s.cue == "sign" and s.evidence.startswith("Honduras and El Salvador signed")


def test_refusal_with_explicit_target(facts_of: FactsOf) -> None:
    f = facts_of("Nicaragua has stopped accepting deportation flights from the United States.")
    assert stances(f) == {("NI", "US", "refuses")}


def test_we_in_a_quote_is_the_speakers_country(facts_of: FactsOf) -> None:
    f = facts_of(
        "Colombian Defense Minister Ana Restrepo spoke on Monday.\n\n"
        "“Panama is working with us every day,” Restrepo said. “There is one neighbor that "
        "does not cooperate, and that is Venezuela,” she said."
    )
    assert {("PA", "CO", "cooperates"), ("VE", "CO", "refuses")} <= stances(f)


def test_negated_cooperation_is_refusal(facts_of: FactsOf) -> None:
    f = facts_of("Bolivia would not accept the presence of foreign troops from Brazil.")
    assert stances(f) == {("BO", "BR", "refuses")}


def test_no_stance_when_the_target_is_unknown(facts_of: FactsOf) -> None:
    f = facts_of("Guatemala and Belize attended. Peru sent observers.")
    assert all(s.actor != "PE" for s in f.stances)


def test_expulsions_requests_and_offers(facts_of: FactsOf) -> None:
    f = facts_of("Bolivia ordered a U.S. diplomat to leave the country on Tuesday.")
    assert stances(f) == {("BO", "US", "refuses")}
    f = facts_of("Ecuador asked Peru for help after the riot.")
    # a request for help between two states is bilateral cooperation, recorded both ways (the
    # convention of the real-news gold: «pidió apoyo a Estados Unidos» gives GT<->US)
    assert stances(f) == {("EC", "PE", "cooperates"), ("PE", "EC", "cooperates")}
    f = facts_of("Chile offered Argentina two firefighting aircraft.")
    assert stances(f) == {("CL", "AR", "cooperates")}


def test_declining_to_comment_or_stopping_a_flow_is_no_refusal(facts_of: FactsOf) -> None:
    f = facts_of(
        "Mexico urged the United States to stop the flow of rifles across the border. "
        "A spokesperson for the U.S. Justice Department declined to comment on Mexico's request."
    )
    assert not [s for s in f.stances if s.polarity == "refuses"]
    assert f.digest is not None and not any("comment" in t.text for t in f.digest.takeaways)


def test_a_place_in_a_coordinated_clause_is_no_target(facts_of: FactsOf) -> None:
    f = facts_of(
        "Ecuador and Costa Rica were invited to join the effort, but Nicaragua, which lies on "
        "the route north, was not."
    )
    assert not [s for s in f.stances if s.target == "NI"]


def test_the_place_that_leads_a_mission_is_not_the_side_it_serves(facts_of: FactsOf) -> None:
    f = facts_of("The United States and Canada have funded a Kenyan-led police mission in Haiti.")
    assert stances(f) == {("US", "HT", "cooperates"), ("CA", "HT", "cooperates")}


def test_allowing_foreign_forces_and_refusing_to(facts_of: FactsOf) -> None:
    f = facts_of("Panama allowed U.S. aircraft to refuel at its airports.")
    assert stances(f) == {("PA", "US", "cooperates")}
    f = facts_of("Mexico would not allow U.S. military operations on Mexican soil.")
    assert stances(f) == {("MX", "US", "refuses")}


def test_a_place_in_a_contrasting_clause_is_no_target(facts_of: FactsOf) -> None:
    f = facts_of("Colombia and Peru joined the program, while Venezuela called it a surrender.")
    assert not [s for s in f.stances if s.target == "VE"]


def test_no_guessed_side_for_a_request_or_a_contribution_not_made(facts_of: FactsOf) -> None:
    f = facts_of(
        "Nicaragua's envoy walked out of the talks in Asunción. Nicaragua accused Washington of "
        "interference.\n\n"
        "Brazil and Mexico did not announce contributions but backed the fund. Officials said "
        "Haiti and Honduras had already asked for support."
    )
    assert not [s for s in f.stances if s.actor in {"BR", "MX", "HT", "HN"}]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nicaragua pulled out of the security pact with Costa Rica.", ("NI", "CR", "refuses")),
        ("Venezuela recalled its ambassador from Guyana.", ("VE", "GY", "refuses")),
        ("Bolivia turned down a U.S. offer of training.", ("BO", "US", "refuses")),
        ("Honduras ended its extradition treaty with the United States.", ("HN", "US", "refuses")),
        ("Guatemala welcomed the arrival of 40 U.S. advisers.", ("GT", "US", "cooperates")),
    ],
)
def test_more_ways_to_refuse_and_to_welcome(
    facts_of: FactsOf, text: str, expected: tuple[str, str, str]
) -> None:
    assert stances(facts_of(text)) == {expected}


def test_what_a_refusal_takes_back_is_no_cooperation(facts_of: FactsOf) -> None:
    assert stances(facts_of("Peru withdrew from the joint patrols with Bolivia.")) == {
        ("PE", "BO", "refuses")
    }


def test_a_generic_subject_is_not_the_place_the_act_goes_to(facts_of: FactsOf) -> None:
    f = facts_of(
        "Governments have offered more police officers than requested for the force in Haiti, "
        "the UN envoy told the Security Council."
    )
    assert all(s.actor != "HT" for s in f.stances)


def test_a_partner_named_without_a_place_is_no_other_place(facts_of: FactsOf) -> None:
    f = facts_of(
        'The delegate said the plan "serves the interests of the United States" and that Cuba '
        "would keep cooperating with its neighbors through bilateral channels."
    )
    assert ("CU", "US", "cooperates") not in stances(f)


def test_commitment_pairs_sought_and_pledged(facts_of: FactsOf) -> None:
    f = facts_of(
        "“We asked for 4,000 soldiers. Partners have pledged up to 4,800 troops,” "
        "UN envoy Lena Park said of the mission."
    )
    (c,) = f.commitments
    assert (c.sought, c.pledged_max, c.unit, c.qualifier) == (4000, 4800, "personnel", "up to")
    assert c.speaker == "Lena Park"


def test_commitments_in_other_words(facts_of: FactsOf) -> None:
    f = facts_of(
        "The plan calls for 5,000 police officers, but nations have committed only 3,100 so far."
    )
    assert [(c.sought, c.pledged_max, c.unit) for c in f.commitments] == [(5000, 3100, "personnel")]
    f = facts_of("The force requires 900 soldiers; partners have offered up to 700.")
    assert [(c.sought, c.pledged_max) for c in f.commitments] == [(900, 700)]


def test_a_collective_target_without_pledges_is_a_commitment(facts_of: FactsOf) -> None:
    """The real-news convention: a force's target with no pledged total yet is kept (pledged
    none); one country's own need is not a commitment."""
    f = facts_of("The force sought 4,000 soldiers for the mission.")
    assert [(c.sought, c.pledged_max, c.basis) for c in f.commitments] == [
        (4000, None, "commitment.target")
    ]
    assert facts_of("Peru needs 30 patrol boats for its coast guard.").commitments == []


def test_events_are_plover_typed_with_actors(facts_of: FactsOf) -> None:
    f = facts_of(
        "Colombia extradited two suspects to the United States on Monday. "
        "Venezuela rejected the request. Ecuador threatened to expel the ambassador."
    )
    got = [(e.event_type, e.source_actor, e.hypothetical) for e in f.events]
    assert got[0][:2] == ("COOPERATE", "CO")
    assert got[1][:2] == ("REJECT", "VE")
    assert got[2] == ("THREATEN", "EC", True)


def test_plover_format_prints_one_event_per_line(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(
        "Title\n\nMexico deported 40 migrants to Guatemala. Protesters blocked "
        "the highway in Tegucigalpa.",
        "utf-8",
    )
    result = subprocess.run(
        [HEMIWATCH, "analyze", str(path), "--format", "plover"],
        capture_output=True,
        text=True,
        check=True,
    )
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["event_type"] for r in rows] == ["COERCE", "PROTEST"]
    for row in rows:
        assert {
            "event_type",
            "source_actor",
            "target_actor",
            "location",
            "date",
            "text",
            "article_id",
        } <= set(row)
    assert rows[0]["source_actor"] == "MX" and rows[0]["article_id"] == "a"


def test_taking_part_targets_the_side_that_runs_it(facts_of: FactsOf) -> None:
    f = facts_of(
        "SALVADOR, June 2 (Sample Wire) - Ships from 12 countries began a naval exercise led by "
        "Brazil on Monday. Uruguay's participation drew attention. Paraguay declined an "
        "invitation to send observers, and Caracas, which was not invited, criticized the drills."
    )
    got = stances(f)
    assert ("UY", "BR", "cooperates") in got and ("PY", "BR", "refuses") in got
    assert not any(t == "VE" for _, t, _ in got)  # the coordinated clause is another matter


def test_joining_a_programme_backed_by_a_country(facts_of: FactsOf) -> None:
    f = facts_of(
        "Bolivia has refused a verification program backed by Washington. "
        "Colombia joined the program last year."
    )
    assert ("CO", "US", "cooperates") in stances(f)


def test_a_place_that_describes_a_thing_is_no_target(facts_of: FactsOf) -> None:
    f = facts_of("Chile sent two frigates to a Caribbean exercise on Monday.")
    assert not any(t.startswith("region:") for _, t, _ in stances(f))
