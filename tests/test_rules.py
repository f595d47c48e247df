"""One focused example per rule of hemiwatch.rules, on text of our own (issue 18).

Each case names the rule, a short text and what the fact that rule makes must say. With the
rule switched off (HEMIWATCH_DISABLE_RULES=id, as scripts/rule_ablation.py does) the fact is
gone and the case fails: every rule is needed by at least one test, and no rule goes unseen.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from hemiwatch.models import Facts
from hemiwatch.rules import RULES

FactsOf = Callable[[str], Facts]

ARVEL = "Minister Tomas Arvel"
SAID = "said on Monday that the border would stay closed."

# (rule, text, what the rule's fact must read: a speaker, a name, a code, a value, a target)
CASES: list[tuple[str, str, str]] = [
    ("quote.direct.verb", f"“We will not send troops,” {ARVEL} said on Monday.", "Tomas Arvel"),
    (
        "quote.direct.according",
        f"According to {ARVEL}, “the border stays closed until the talks resume.”",
        "Tomas Arvel",
    ),
    (
        "quote.direct.neighbour",
        "“The border stays closed until the talks resume in the spring.” That is what "
        f"{ARVEL} said on Monday.",
        "Tomas Arvel",
    ),
    (
        "quote.direct.continued",
        f"“The border stays closed until the talks resume,” {ARVEL} said. “We have waited long "
        "enough for an answer from them.\n\n“Nobody in this government will sign a deal like "
        "that one.”",
        "Tomas Arvel",
    ),
    (
        "quote.direct.forward",
        "“We have waited long enough for an answer from our neighbours.\n\n“Nobody will sign a "
        f"deal like that one,” {ARVEL} said.",
        "Tomas Arvel",
    ),
    (
        "quote.direct.follow_on",
        "“The corridor is open,” said Colonel Dana Ferro, who leads the mission.\n\n“We expect "
        "the first convoy to cross on Thursday with food and medicine.”",
        "Dana Ferro",
    ),
    (
        "quote.direct.inverted",
        f"“We will not send troops to the border this year,” said {ARVEL}.",
        "Tomas Arvel",
    ),
    (
        "quote.direct.frame",
        f"{ARVEL} spoke on Monday. In his words, “the border stays closed until the talks resume.”",
        "Tomas Arvel",
    ),
    ("quote.indirect.ccomp", f"{ARVEL} {SAID}", "Tomas Arvel"),
    (
        "quote.indirect.trailing",
        "Also, Senator Mara Voss said, the police have focused on working with local leaders.",
        "Mara Voss",
    ),
    (
        "quote.indirect.according",
        f"According to {ARVEL}, the border will stay closed until the talks resume.",
        "Tomas Arvel",
    ),
    (
        "quote.indirect.infinitive",
        f"{ARVEL} claims to have stopped every shipment that crossed the river last year.",
        "Tomas Arvel",
    ),
    ("speaker.name", f"{ARVEL} {SAID}", "Tomas Arvel"),
    ("speaker.appos", f"The minister, Tomas Arvel, {SAID}", "Tomas Arvel"),
    ("speaker.surname", f"{ARVEL} visited the port on Monday.\n\nArvel {SAID}", "Tomas Arvel"),
    ("speaker.pronoun", f"{ARVEL} visited the port on Monday.\n\nHe {SAID}", "Tomas Arvel"),
    (
        "speaker.pronoun_body",
        "The Noravia Coast Guard seized two boats on Friday.\n\nIt said that the crews were "
        "detained at sea.",
        "Noravia Coast Guard",
    ),
    (
        "speaker.role",
        "Agency Chairman Alberto Ruano visited the valley on Monday.\n\nThe chairman said that "
        "the dam would be finished in May.",
        "Alberto Ruano",
    ),
    ("speaker.body", f"The Ministry of Defense {SAID}", "Ministry of Defense"),
    (
        "speaker.body_short",
        "The Ministry of Defense of Noravia reported new arrests on Monday.\n\nThe ministry "
        "said that the border would stay closed.",
        "Ministry of Defense of Noravia",
    ),
    (
        "speaker.document",
        "The Noravia Coast Guard said in a post on Friday that it seized two boats.\n\nThe post "
        "said that the crews were detained at sea.",
        "Noravia Coast Guard",
    ),
    ("speaker.described", f"A senior official {SAID}", "senior official"),
    ("speaker.unresolved_name", f"Judge Xu {SAID}", "Xu"),
    (
        "speaker.prodrop",
        "El ministro Tomás Arvel visitó el puerto el lunes.\n\n«La frontera seguirá cerrada "
        "hasta que vuelvan las conversaciones», afirmó.",
        "Tomás Arvel",
    ),
    (
        "speaker.quoted_as",
        "State television quoted the defense minister, Tomas Arvel, as saying that the border "
        "would stay closed.",
        "Tomas Arvel",
    ),
    (
        "speaker.relative",
        "The border will stay closed, said the envoy Tomas Arvel, who added that talks would "
        "resume in May.",
        "Tomas Arvel",
    ),
    (
        "speaker.chain",
        f"“The border stays closed,” said {ARVEL}.\n\n“We have waited long enough for an "
        "answer from our neighbours in the north.”",
        "Tomas Arvel",
    ),
    ("speaker.joint", f"{ARVEL} and Senator Mara Voss {SAID}", "Tomas Arvel and Mara Voss"),
    (
        "speaker.country",
        "Canada also said on Monday it would impose financial sanctions on four officials.",
        "Canada",
    ),
    ("person.ner", f"{ARVEL} visited the port on Monday.", "Tomas Arvel"),
    (
        "person.appos_entity",
        "Sofía Carranza-Wells, a maritime analyst at a consultancy in Lima, said the fleet was "
        "growing.",
        "Sofía Carranza-Wells",
    ),
    (
        "person.first_name",
        "The Navy's Rear Adm. Nolan Quist said the drills went well.",
        "Nolan Quist",
    ),
    ("country.name", "Colombia sent two ships on Monday.", "CO"),
    ("country.demonym", "Venezuelan officials met on Monday.", "VE"),
    ("country.capital", "Caracas rejected the offer on Monday.", "VE"),
    ("region.name", "Leaders of Central America met on Monday.", "central_america"),
    ("number.digits", "Police seized 340 rifles on Monday.", "340"),
    ("number.words", "Police seized three hundred rifles on Monday.", "300"),
    ("number.currency", "The government pledged $40 million on Monday.", "40000000"),
    ("number.percent", "Murders fell 12 percent last year.", "12"),
    ("unit.head_noun", "Police seized 340 rifles on Monday.", "rifles"),
    ("unit.percent", "Murders fell 12 percent last year.", "percent"),
    ("unit.currency", "The government pledged $40 million on Monday.", "USD"),
    ("unit.changed_subject", "Murders fell to 2,100 last year.", "murders"),
    (
        "unit.antecedent",
        "The force sought 2,000 officers. Countries pledged up to 2,600.",
        "officers",
    ),
    (
        "role.lexicon",
        "The force sought 2,000 officers and countries pledged up to 2,600 officers.",
        "sought",
    ),
    ("role.calls_for", "The plan calls for 2,000 officers to be sent to the port.", "sought"),
    (
        "topic.lexicon",
        "Police in Colombia seized two tons of cocaine from drug traffickers on Monday.\n\n"
        "Colombia said the cartel shipped the cocaine to Mexico.",
        "narcotics",
    ),
    ("topic.off_topic", "The bakery on Main Street won a prize for its bread on Monday.", "other"),
    ("stance.cue.verb", "Colombia signed an agreement with Panama on Monday.", "CO>PA"),
    ("stance.cue.negated", "Venezuela would not allow Colombian ships into its waters.", "VE>CO"),
    ("stance.cue.inverse", "Haiti received aid from Canada on Monday.", "CA>HT"),
    ("stance.cue.noun", "Canada's contributions to Haiti grew on Monday.", "CA>HT"),
    ("stance.cue.joint", "Colombia and Panama began joint patrols on Monday.", "CO>PA"),
    ("stance.target.explicit", "Colombia signed an agreement with Panama on Monday.", "CO>PA"),
    ("stance.target.mutual", "Colombia and Panama signed an agreement on Monday.", "PA>CO"),
    (
        "stance.target.owner_of_object",
        "Venezuela rejected the deployment of U.S. warships on Monday.",
        "VE>US",
    ),
    (
        "stance.target.speaker_country",
        "U.S. Ambassador Lina Sol visited Lima on Monday.\n\n“Peru has been a reliable partner, "
        "and this money reflects that,” she said.",
        "PE>US",
    ),
    (
        "stance.target.organiser",
        "The program is backed by Washington. Colombia joined the program last year.",
        "CO>US",
    ),
    (
        "stance.target.reciprocal",
        "The U.S. government gave six helicopters to Guatemala to fight drug trafficking.",
        "GT>US",
    ),
    ("stance.target.one_other_place", "In Haiti, Kenya sent more police on Monday.", "KE>HT"),
    (
        "stance.target.most_named",
        "Haiti asked its neighbours for help against the gangs on Monday. Haiti's police chief "
        "said Haiti needed ships.\n\nBrazil sent a frigate on Tuesday.",
        "BR>HT",
    ),
    (
        "commitment.sought_pledged",
        "The force sought 2,000 officers. Countries pledged up to 2,600 officers.",
        "2000>2600",
    ),
    (
        "commitment.target",
        "The multinational force deployed 900 officers, well short of the 2,500 it had hoped for.",
        "2500>none",
    ),
    ("event.verb", "Colombia arrested two traffickers on Monday.", "CO"),
    ("event.noun", "The United States imposed sanctions on Venezuela on Monday.", "US"),
    ("event.cameo", "Colombia deplored the Venezuelan decision on Monday.", "CO"),
    ("event.intent", "Colombia threatened to expel the Venezuelan ambassador.", "CO"),
    (
        "takeaway.lead",
        "Colombia signed a security agreement with Panama on Monday to fight drug traffickers."
        "\n\nThe deal covers joint patrols on the border.",
        "Colombia signed",
    ),
    (
        "takeaway.pledge",
        "Panama opened a new port security center on Monday with help from the United States."
        "\n\nPanama had asked for 20 scanners to check containers. Washington agreed to fund 12 "
        "scanners with a grant of US$ 40 million.\n\nThe center will open in May, officials "
        "said.",
        "20 scanners",
    ),
    (
        "takeaway.stance",
        "The program is backed by Washington. Colombia joined the program last year.",
        "Colombia joined",
    ),
    (
        "takeaway.threat",
        "Officials from Panama and Colombia met on Monday to discuss the border. They said drug "
        "trafficking by transnational criminal organizations is the main threat to the region."
        "\n\nThe meeting ended late on Monday.",
        "trafficking",
    ),
    (
        "takeaway.ranked",
        "Colombia signed a security agreement with Panama on Monday to fight drug traffickers."
        "\n\nThe deal covers joint patrols on the border. Officials said it would start in May."
        "\n\nPolice seized 340 rifles last year.",
        "",
    ),
    (
        "question.lead",
        "Colombia signed a security agreement with Panama on Monday to fight drug traffickers."
        "\n\nThe deal covers joint patrols on the border.",
        "Colombia",
    ),
]


def made_by(facts: Facts, rule: str) -> Iterator[str]:
    """What each fact the rule made reads as (its speaker, name, code, value or sides)."""
    kind = rule.split(".")[0]
    if kind == "quote":
        yield from (q.speaker or "" for q in facts.quotes if q.basis == rule)
    elif kind == "speaker":
        yield from (q.speaker or "" for q in facts.quotes if q.speaker_basis == rule)
    elif kind == "person":
        yield from (p.name for p in facts.people if p.basis == rule)
    elif kind == "country":
        yield from (c.code for c in facts.countries if c.basis == rule)
    elif kind == "region":
        yield from (r.slug for r in facts.regions if r.basis == rule)
    elif kind == "number":
        yield from (f"{n.value:.0f}" for n in facts.numbers if n.basis == rule)
    elif kind == "unit":
        yield from (n.unit or "" for n in facts.numbers if n.unit_basis == rule)
    elif kind == "role":
        yield from (n.role or "" for n in facts.numbers if n.role_basis == rule)
    elif kind == "topic":
        yield from (t.label for t in facts.topics if t.basis == rule)
    elif kind == "stance":
        yield from (
            f"{s.actor}>{s.target}" for s in facts.stances if rule in (s.basis, s.target_basis)
        )
    elif kind == "commitment":
        yield from (
            f"{c.sought:g}>{c.pledged_max:g}" if c.pledged_max else f"{c.sought:g}>none"
            for c in facts.commitments
            if c.basis == rule and c.sought
        )
    elif kind == "event":
        yield from (e.source_actor or "" for e in facts.events if e.basis == rule)
    elif kind == "takeaway" and facts.digest:
        yield from (t.text for t in facts.digest.takeaways if t.basis == rule)
    elif kind == "question" and facts.digest and facts.digest.question_basis == rule:
        yield facts.digest.headline_question or ""


def test_every_rule_has_a_case() -> None:
    assert sorted({rule for rule, _, _ in CASES}) == sorted(RULES)


@pytest.mark.parametrize(
    ("rule", "text", "reads"),
    [pytest.param(r, t, x, id=r, marks=pytest.mark.rule(r)) for r, t, x in CASES],
)
def test_the_rule_makes_its_fact(facts_of: FactsOf, rule: str, text: str, reads: str) -> None:
    found = list(made_by(facts_of(text), rule))
    assert found, f"{rule} made nothing"
    assert any(reads in value for value in found), found
