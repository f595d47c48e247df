"""Political events coded in PLOVER: one event per sentence that reports an act.

The trigger is the act closest to the sentence's root: a verb from lexicons/plover.tsv, or a
noun carried by a light verb ("staged a protest", "held talks", "imposed sanctions"). Reporting
verbs ("said", "announced") pass to the clause they report; intent verbs ("agreed to", "offered
to", "threatened to") keep their own type and mark the act hypothetical. Source and target are
the countries (ISO codes), regions or named bodies in the subject and object.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from spacy.tokens import Span, Token

from hemiwatch.extract.context import Context
from hemiwatch.extract.lexicons import reporting_verbs
from hemiwatch.models import CountryMention, Event, RegionMention

LIGHT_VERBS = {
    "hold",
    "stage",
    "launch",
    "impose",
    "issue",
    "open",
    "begin",
    "take",
    "make",
    "mount",
    "lodge",
    "reach",
    "conduct",
    "carry",
    "announce",
    "start",
    "call",
    "declare",
    "set",
    "reimpose",
    "organize",
    "continue",
    "sign",
}
INTENT = {"agree", "offer", "promise", "pledge", "vow", "commit", "threaten", "plan", "decide"}
MODALS = {"will", "would", "could", "may", "might", "shall", "should", "'ll"}


@cache
def plover() -> tuple[dict[str, str], dict[str, str]]:
    """(verb lemma -> type, noun lemma -> type)."""
    path = resources.files("hemiwatch").joinpath("lexicons").joinpath("plover.tsv")
    verbs: dict[str, str] = {}
    nouns: dict[str, str] = {}
    for line in path.read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            lemma, kind, etype = line.split("\t")
            (verbs if kind == "verb" else nouns).setdefault(lemma, etype)
    return verbs, nouns


def code_sentence(sent: Span) -> tuple[str, Token, bool] | None:
    """(event type, trigger token, hypothetical) for one sentence, or None."""
    root = sent.root
    return _code(root, hypothetical=False, depth=0)


def _code(tok: Token, hypothetical: bool, depth: int) -> tuple[str, Token, bool] | None:
    verbs, nouns = plover()
    lemma = tok.lemma_.lower()
    hypothetical = hypothetical or any(c.dep_ == "aux" and c.lower_ in MODALS for c in tok.children)
    if depth > 4:
        return None
    reports = lemma in reporting_verbs()[0] and lemma not in verbs
    if reports or lemma in {"say", "announce", "add"}:
        for child in tok.children:
            if child.dep_ in {"ccomp", "xcomp"}:
                found = _code(child, hypothetical, depth + 1)
                if found:
                    return found
    if lemma in INTENT and lemma in verbs:
        embedded = next((c for c in tok.children if c.dep_ == "xcomp"), None)
        if lemma == "threaten" or embedded is None:
            return verbs[lemma], tok, True
        inner = _code(embedded, True, depth + 1)
        return (
            (inner[0] if lemma == "threaten" else verbs[lemma], tok, True)
            if inner
            else (verbs[lemma], tok, True)
        )
    if tok.pos_ in {"VERB", "AUX"} and (lemma in LIGHT_VERBS or lemma not in verbs):
        for child in tok.children:
            if child.dep_ in {"dobj", "attr", "nsubjpass"} and child.lemma_.lower() in nouns:
                return nouns[child.lemma_.lower()], child, hypothetical
    if tok.pos_ in {"VERB", "AUX"} and lemma in verbs:
        return verbs[lemma], tok, hypothetical
    if tok.pos_ == "NOUN" and lemma in nouns:
        return nouns[lemma], tok, hypothetical
    for child in tok.children:
        if child.dep_ in {"xcomp", "ccomp", "conj", "advcl"} and child.pos_ in {"VERB", "AUX"}:
            found = _code(child, hypothetical, depth + 1)
            if found:
                return found
    return None


def extract_events(
    ctx: Context, countries: list[CountryMention], regions: list[RegionMention]
) -> list[Event]:
    """At most one event per sentence, in text order."""
    doc, skip, date = ctx.doc, ctx.skip, ctx.date
    place = ctx.dateline.place if ctx.dateline else None
    spans = sorted(
        [(a, b, c.code) for c in countries for a, b in c.mentions]
        + [(a, b, f"region:{r.slug}") for r in regions for a, b in r.mentions]
    )

    def actor(tok: Token | None) -> str | None:
        if tok is None:
            return None
        sub = list(tok.subtree)
        lo, hi = sub[0].idx, sub[-1].idx + len(sub[-1].text)
        found = next((code for a, b, code in spans if lo <= a and b <= hi), None)
        if found is None and tok.ent_type_ in {"ORG", "NORP", "GPE"}:
            found = " ".join(t.text for t in sub if t.ent_type_ == tok.ent_type_) or None
        return found

    out = []
    for sent in doc.sents:
        if any(a <= sent.start_char < b for a, b in skip) and len(sent) < 12:
            continue
        coded = code_sentence(sent)
        if coded is None:
            continue
        etype, trigger, hypothetical = coded
        if trigger.lemma_.lower() in INTENT and hypothetical:
            basis = "event.intent"
        else:
            basis = "event.verb" if trigger.pos_ in {"VERB", "AUX"} else "event.noun"
        verb = trigger if trigger.pos_ in {"VERB", "AUX"} else trigger.head
        subj = next((c for c in verb.children if c.dep_ in {"nsubj", "agent"}), None)
        if subj is not None and subj.dep_ == "agent":
            subj = next(iter(subj.children), None)
        obj = next((c for c in verb.children if c.dep_ in {"dobj", "nsubjpass", "dative"}), None)
        if obj is None:
            obj = next(
                (
                    g
                    for c in verb.children
                    if c.dep_ == "prep" and c.lower_ in {"with", "against", "to", "on", "from"}
                    for g in c.children
                    if g.dep_ == "pobj"
                ),
                None,
            )
        out.append(
            Event(
                event_type=etype,
                source_actor=actor(subj),
                target_actor=actor(obj),
                location=_location(verb) or place,
                date=date,
                negated=any(c.dep_ == "neg" for c in verb.children),
                hypothetical=hypothetical,
                trigger=trigger.text,
                text=sent.text.strip(),
                span=(sent.start_char, sent.end_char),
                basis=basis,
            )
        )
    return out


def _location(verb: Token) -> str | None:
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in {"in", "at", "near", "off"}:
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and pobj.ent_type_ in {"GPE", "LOC", "FAC"}:
                    ent = next(e for e in verb.doc.ents if e.start <= pobj.i < e.end)
                    return ent.text
    return None
