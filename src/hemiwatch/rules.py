"""The rules that make facts: every fact carries the id of the rule that made it (its `basis`).

A rule id is stable, dotted and documented here; `docs/rules.md` is generated from this table
(`python scripts/rules_doc.py`) and a test keeps the two in step. `hemiwatch eval CORPUS
--by-rule` reports how precise each rule is on gold. A rule can be switched off for an
experiment with `HEMIWATCH_DISABLE_RULES=id,id,prefix.*` (scripts/rule_ablation.py does this
for every rule in turn and checks that some focused test fails).

Ids whose part is inferred rather than read in the text end in one of INFERRED's names.
"""

from __future__ import annotations

import os
from functools import cache

RULES: dict[str, str] = {
    # --- quotes: how a quotation or a report was found -------------------------------------
    "quote.direct.verb": "a quote in marks whose sentence has a verb of speech with a subject",
    "quote.direct.according": "a quote in marks framed by 'according to X' / «según X»",
    "quote.direct.neighbour": "a quote attributed in the sentence before ('X said:') or after",
    "quote.direct.continued": "a paragraph that continues the previous paragraph's open quote",
    "quote.direct.forward": "a quote over paragraphs attributed only in a later paragraph",
    "quote.direct.follow_on": "a paragraph-opening quote with no attribution of its own, after "
    "a quote of the same speaker in the paragraph before",
    "quote.direct.inverted": "a quote attributed by an inverted 'said X' / «afirmó X»",
    "quote.direct.frame": "a quote after a frame without a verb ('in his words', «en palabras "
    "de X»)",
    "quote.indirect.ccomp": "a reported clause: the complement clause of a verb of speech",
    "quote.indirect.trailing": "a clause followed by its attribution ('CLAUSE, X said')",
    "quote.indirect.according": "a clause framed by 'according to X' / «según X»",
    "quote.indirect.infinitive": "a reported infinitive ('X claims to be ...')",
    # --- speakers: who the subject of the attribution is -----------------------------------
    "speaker.name": "the attribution names a person the article names",
    "speaker.appos": "a title with a name in apposition ('the minister, X,')",
    "speaker.surname": "a surname or a shorter form of a person named in full earlier",
    "speaker.pronoun": "a pronoun: the salient earlier person of its gender (inferred)",
    "speaker.pronoun_body": "'it' / 'they': the latest body that spoke before (inferred)",
    "speaker.role": "a role noun ('the admiral', «la portavoz»): the person holding it (inferred)",
    "speaker.body": "a named body, given its fullest name in the article",
    "speaker.body_short": "a short body noun ('the ministry'): the body named earlier (inferred)",
    "speaker.document": "a document ('the statement'): its issuer (inferred)",
    "speaker.described": "a described source ('a senior official', 'military sources')",
    "speaker.unresolved_name": "a name the article never gives in full ('Ms. Dong')",
    "speaker.prodrop": "a Spanish verb with no subject: the latest speaker (inferred)",
    "speaker.quoted_as": "'quoted X as saying': X",
    "speaker.relative": "'..., said the envoy, who added that ...': the envoy",
    "speaker.chain": "an attribution without a subject that continues the speaker of the "
    "previous attribution (inferred)",
    "speaker.joint": "two or three named people reporting together ('A and B said'), named in full",
    "speaker.country": "a country speaking for its government ('Canada said', «Ucrania declaró»)",
    # --- people, places --------------------------------------------------------------------
    "person.ner": "a PERSON entity of the language model",
    "person.appos_entity": "a name the model took for an organisation or a place, in "
    "apposition to a title",
    "person.first_name": "a capitalised run that starts with a known first name",
    "country.name": "a country named by its name or short name",
    "country.demonym": "a country referred to by its demonym ('Venezuelan')",
    "country.capital": "a capital standing for its government ('Caracas rejected ...')",
    "region.name": "a named region ('Central America', 'the Caribbean')",
    # --- numbers ---------------------------------------------------------------------------
    "number.digits": "a figure written in digits",
    "number.words": "a figure written in words",
    "number.currency": "an amount with a currency symbol or code",
    "number.percent": "a percentage",
    "unit.head_noun": "the unit is the noun the figure counts",
    "unit.percent": "the unit is 'percent'",
    "unit.currency": "the unit is the currency of the amount",
    "unit.changed_subject": "the unit is what rose or fell to the figure ('Murders fell to 2,100')",
    "unit.antecedent": "the unit of an earlier figure ('up to 2,600' after '2,000 officers'), "
    "inferred",
    "role.lexicon": "the role from a cue word near the figure (lexicons/number_roles.tsv)",
    "role.calls_for": "'calls for N' is what was sought",
    # --- topics and relevance --------------------------------------------------------------
    "topic.lexicon": "a topic from its lexicon words in the article's sentences",
    "topic.off_topic": "the article is not about security in the Americas",
    # --- stances ---------------------------------------------------------------------------
    "stance.cue.verb": "a cue verb from lexicons/stance_cues.tsv",
    "stance.cue.negated": "a negated cooperation verb read as refusal ('would not allow')",
    "stance.cue.inverse": "a cue whose subject receives ('received aid from X')",
    "stance.cue.noun": "a cooperation noun ('contributions', 'support')",
    "stance.cue.joint": "a joint act ('joint patrols', «actuamos juntos»)",
    "stance.target.explicit": "the target is the cue's object or its 'with/to X'",
    "stance.target.mutual": "two actors of one mutual act are each other's target",
    "stance.target.owner_of_object": "the one place the object belongs to ('rejected the "
    "deployment of U.S. warships')",
    "stance.target.reciprocal": "bilateral cooperation recorded both ways ('the U.S. gave "
    "helicopters to Guatemala': Guatemala cooperates with the U.S. too); not for contributions "
    "to a force or taking part in what another side runs",
    "stance.target.speaker_country": "the target is the speaker's own country (inferred)",
    "stance.target.organiser": "the side that runs what is taken part in (inferred)",
    "stance.target.one_other_place": "the one other place the sentence names (inferred)",
    "stance.target.most_named": "the article's clearly most-named other country (inferred)",
    # --- commitments and events ------------------------------------------------------------
    "commitment.sought_pledged": "a sought figure paired with the nearest pledged one",
    "commitment.target": "a collective effort's target with no pledged total yet (a force's)",
    "event.verb": "an event verb from lexicons/plover.tsv",
    "event.noun": "an event noun carried by a light verb ('imposed sanctions')",
    "event.cameo": "an event verb typed by the CAMEO verb patterns (lexicons/cameo_*.tsv)",
    "event.intent": "an intent verb ('agreed to', 'threatened to'): hypothetical",
    # --- digest ----------------------------------------------------------------------------
    "takeaway.lead": "the best-ranked sentence's clause: the article's central claim",
    "takeaway.pledge": "what a commitment sought and what was pledged",
    "takeaway.stance": "the clause that states a refusal or a cooperation",
    "takeaway.threat": "the clause that names the threat (crime, drugs, military action)",
    "takeaway.ranked": "a clause of a well-ranked sentence (position, centrality, facts)",
    "question.lead": "the question headline made from the lead claim",
}

# the last part of an id that marks an inferred, not a read, part of a fact
INFERRED = frozenset(
    {
        "pronoun",
        "pronoun_body",
        "role",
        "body_short",
        "document",
        "prodrop",
        "chain",
        "antecedent",
        "speaker_country",
        "organiser",
        "one_other_place",
        "most_named",
    }
)


def inferred(rule: str | None) -> bool:
    """Was this part of a fact inferred (a guessed target, a resolved pronoun)?"""
    return bool(rule) and str(rule).rsplit(".", 1)[-1] in INFERRED


@cache
def _disabled(spec: str) -> tuple[frozenset[str], tuple[str, ...]]:
    names = [s.strip() for s in spec.split(",") if s.strip()]
    exact = frozenset(n for n in names if not n.endswith("*"))
    prefixes = tuple(n[:-1] for n in names if n.endswith("*"))
    return exact, prefixes


def any_disabled() -> bool:
    return bool(os.environ.get("HEMIWATCH_DISABLE_RULES"))


def on(rule: str) -> bool:
    """Is the rule switched on? (All are, unless HEMIWATCH_DISABLE_RULES names it.)"""
    spec = os.environ.get("HEMIWATCH_DISABLE_RULES", "")
    if not spec:
        return True
    exact, prefixes = _disabled(spec)
    return rule not in exact and not rule.startswith(prefixes)
