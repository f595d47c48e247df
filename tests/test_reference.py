"""The reference article (NationPress, 2025-12-20): what issues 2 and 3 promise for it."""

from __future__ import annotations

from datetime import date

from hemiwatch.models import Article, Facts
from hemiwatch.render import facts_file


def test_countries_are_exactly_us_ve_ht(reference_facts: Facts) -> None:
    assert facts_file(reference_facts)["countries"] == ["HT", "US", "VE"]


def test_people_are_full_names_only(reference_facts: Facts) -> None:
    people = facts_file(reference_facts)["people"]
    assert "Marco Rubio" in people and "Rubio" not in people
    rubio = next(p for p in reference_facts.people if p.name == "Marco Rubio")
    assert rubio.title == "US Secretary of State" and rubio.country == "US"


def test_exactly_two_numbers_sought_and_pledged(reference_facts: Facts) -> None:
    got = [(n.value, n.qualifier, n.role) for n in reference_facts.numbers]
    assert got == [(5500, None, "sought"), (7500, "up to", "pledged")]


def test_dateline_resolved_against_published(
    reference_facts: Facts, reference_article: Article
) -> None:
    d = reference_facts.dateline
    assert d is not None
    assert (d.place, d.date, d.outlet) == ("Washington", date(2025, 12, 20), "NationPress")
    for fact in reference_facts.numbers:
        assert fact.span[0] >= d.span[1]


def test_all_seven_direct_quotes_attributed_to_rubio(reference_facts: Facts) -> None:
    direct = [q for q in reference_facts.quotes if q.kind == "direct"]
    assert len(direct) == 7
    assert {q.speaker for q in direct} == {"Marco Rubio"}
    assert any("transnational criminal organizations" in q.text for q in direct)
    assert any(q.text.startswith("There is one nation that does not cooperate") for q in direct)


def test_every_span_is_its_evidence(reference_facts: Facts, reference_article: Article) -> None:
    text = reference_article.text
    for q in reference_facts.quotes:
        assert text[q.span[0] : q.span[1]] == q.text
    for n in reference_facts.numbers:
        assert text[n.span[0] : n.span[1]] == n.text
    for group in (*reference_facts.countries, *reference_facts.people):
        assert all(0 <= a < b <= len(text) for a, b in group.mentions)
