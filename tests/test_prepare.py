"""The text before the parse (issue 21): datelines in the forms real pages use, blanked for the
parser at the same offsets, so that no dateline becomes a speaker or a fact."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from hemiwatch.models import Article, Facts
from hemiwatch.prepare.dateline import extract_dateline
from hemiwatch.prepare.text import parse_text


@pytest.mark.parametrize(
    ("text", "place", "outlet"),
    [
        (
            "PORT-AU-PRINCE, Haiti (AP) — Officials said the road was open.",
            "PORT-AU-PRINCE, Haiti",
            "AP",
        ),
        ("WASHINGTON, CMC – The council agreed to meet.", "WASHINGTON", "CMC"),
        ("GUATEMALA CITY – The ministry said the road was open.", "GUATEMALA CITY", None),
        ("BRIDGETOWN -- Exercise Coral Tide begins on Monday.", "BRIDGETOWN", None),
        ("PANAMÁ.- Luego de la reunión, el ministro habló.", "PANAMÁ", None),
        ("Haití. – La fuerza afirmó que el país cambia.", "Haití", None),
        ("San Pedro Sula – Un total de 105 hondureños llegaron.", "San Pedro Sula", None),
        ("Washington, DC - The department made updates.", "Washington, DC", None),
        ("Oct. 30 (UPI) — The Coast Guard said it seized cocaine.", "UPI", "UPI"),
        (
            "(Sample Wire- Newsroom Noravia) At the base, the president spoke.",
            "Sample Wire- Newsroom Noravia",
            "Sample Wire- Newsroom Noravia",
        ),
        (
            "Tegucigalpa, Honduras\n\nThe court said it received the request.",
            "Tegucigalpa, Honduras",
            None,
        ),
        ("01:05 | Lima, Dec. 07.\n\nPeru will meet its goal, the chairman said.", "Lima", None),
    ],
)
def test_dateline_forms_of_real_pages_issue_21(text: str, place: str, outlet: str | None) -> None:
    found = extract_dateline(text, None)
    assert found is not None, text
    assert (found.place, found.outlet) == (place, outlet)
    assert not text[found.span[1] :][:1].isspace()


@pytest.mark.parametrize(
    "text",
    [
        "Sister Ann (not pictured) was found on Monday.",
        "The minister said on Monday that talks would resume.",
        "Security is the basic element of progress, the minister said.",
        "US Southern Command announced that three men were killed.",
        "Guyana and the United States (U.S.) have signed a memorandum.",
    ],
)
def test_an_ordinary_first_sentence_is_no_dateline(text: str) -> None:
    assert extract_dateline(text, None) is None


def test_the_parser_reads_the_dateline_as_blanks_at_the_same_offsets() -> None:
    text = "SAMPLE CITY, Noravia (Sample Wire) — Officials say 300 people fled.\n\nMore came."
    parsed = parse_text(Article(id="a", text=text))
    assert len(parsed) == len(text) and parsed.count("\n") == text.count("\n")
    assert parsed.lstrip().startswith("Officials say") and parsed.endswith("More came.")


def test_a_dateline_is_never_a_speaker_issue_19(facts_of: Callable[[str], Facts]) -> None:
    facts = facts_of(
        "PORT-AU-PRINCE, Haiti (Sample Wire) — U.N. officials say more than 3,000 people have "
        "fled the capital in a week."
    )
    assert [q.speaker for q in facts.quotes] == ["U.N. officials"]
