"""Political events coded in PLOVER: one event per sentence that reports an act.

The trigger is the act closest to the sentence's root: a verb from lexicons/plover.tsv, or a
noun carried by a light verb ("staged a protest", "held talks", "imposed sanctions"), else a
verb the CAMEO verb patterns of the open event coders type (lexicons/cameo_en.tsv,
cameo_es.tsv, by the verb and its object's head), else the lexicon word nearest the root.
Reporting verbs ("said", "announced") pass to the clause they report; intent verbs ("agreed
to", "offered to", "threatened to") keep their own type and mark the act hypothetical. The
act's modality then decides as PLOVER does: a friendly act promised is AGREE, a hostile one
announced is THREATEN, one refused is REJECT, one another side "must" do is REQUEST. Source and
target are the countries (ISO codes), regions or named bodies in the subject and object.
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
    "undertake",
    "order",
    # Spanish
    "realizar",
    "hacer",
    "iniciar",
    "mantener",
    "convocar",
    "comenzar",
    "lanzar",
    "anunciar",
    "imponer",
    "decretar",
    "declarar",
    "llevar",
    "efectuar",
}
INTENT = {"agree", "offer", "promise", "pledge", "vow", "commit", "threaten", "plan", "decide",
          "acordar", "prometer", "comprometer", "amenazar", "planear", "decidir"}  # fmt: skip
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


@cache
def cameo(language: str) -> tuple[dict[str, str], dict[tuple[str, str], str]]:
    """(verb lemma -> type, (verb lemma, object head) -> type) from the CAMEO verb patterns
    (lexicons/cameo_en.tsv, cameo_es.tsv; scripts/derive_cameo.py)."""
    name = "cameo_es.tsv" if language == "es" else "cameo_en.tsv"
    path = resources.files("hemiwatch").joinpath("lexicons").joinpath(name)
    verbs: dict[str, str] = {}
    pairs: dict[tuple[str, str], str] = {}
    best: dict[tuple[str, str], int] = {}
    for line in path.read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            lemma, obj, etype, n = line.split("\t")
            if obj == "*":
                verbs[lemma] = etype
            elif int(n) > best.get((lemma, obj), 0):
                pairs[(lemma, obj)], best[(lemma, obj)] = etype, int(n)
    return verbs, pairs


def _cameo_type(tok: Token) -> str | None:
    """The CAMEO patterns' type for a verb (with its particle: "blew up", "called off"), by
    its object's head where they name one."""
    if tok.pos_ not in {"VERB", "AUX"}:
        return None
    verbs, pairs = cameo(tok.doc.lang_)
    lemma = tok.lemma_.lower()
    particle = next((c.lower_ for c in tok.children if c.dep_ in {"prt", "compound:prt"}), None)
    if particle and f"{lemma} {particle}" in verbs:
        lemma = f"{lemma} {particle}"
    for child in tok.children:
        if child.dep_ in OBJECTS:
            found = pairs.get((lemma, child.lemma_.lower())) or pairs.get((lemma, child.lower_))
            if found:
                return found
    return verbs.get(lemma)


OBJECTS = frozenset({"dobj", "obj", "attr", "nsubjpass", "nsubj:pass"})


# PLOVER's reading of modality: an act promised is AGREE, a hostile act announced is
# THREATEN, an act refused is REJECT, an act another side "must" do is REQUEST.
FRIENDLY = frozenset({"AID", "SUPPORT", "COOPERATE", "CONCEDE", "RETREAT", "CONSULT"})
HOSTILE = frozenset({"ASSAULT", "COERCE", "SANCTION", "PROTEST", "MOBILIZE"})
MUST = frozenset({"must", "should", "debe", "deben", "deberá", "deberán", "tiene", "tienen"})
READY = frozenset(
    "willing ready prepared able dispuesto dispuesta dispuestos dispuestas listo lista".split()
)


def code_sentence(sent: Span) -> tuple[str, Token, bool] | None:
    """(event type, trigger token, hypothetical) for one sentence, or None."""
    found = _code(sent.root, hypothetical=False, depth=0) or _nearest_trigger(sent)
    if found is None:
        return None
    etype, trigger, hypothetical = found
    return _modal(etype, trigger, hypothetical), trigger, hypothetical


def _nearest_trigger(sent: Span) -> tuple[str, Token, bool] | None:
    """No act on the spine of the sentence: the lexicon word nearest its root ("… en una
    cárcel para protestar por el hacinamiento", "una oleada de protestas")."""
    verbs, nouns = plover()
    queue, seen = [sent.root], set()
    while queue:
        tok = queue.pop(0)
        if tok.i in seen:
            continue
        seen.add(tok.i)
        lemma = tok.lemma_.lower()
        if tok.pos_ in {"VERB", "AUX"} and lemma in verbs and lemma not in reporting_verbs()[0]:
            return verbs[lemma], tok, False
        if tok.pos_ == "NOUN" and lemma in nouns:
            return nouns[lemma], tok, False
        queue += list(tok.children)
    return None


def _modal(etype: str, trigger: Token, hypothetical: bool) -> str:
    """The type once the act's modality is read: promised, threatened, refused, demanded."""
    chain = [trigger]
    while chain[-1].dep_ in {"xcomp", "ccomp", "dobj", "obj", "acomp"} and len(chain) < 4:
        chain.append(chain[-1].head)
        if chain[-1].lemma_.lower() in reporting_verbs()[0]:
            break
    words = {c.lower_ for t in chain for c in t.children if c.dep_ in {"aux", "neg", "advmod"}}
    words |= {t.lower_ for t in chain}
    failed = any(t.lemma_.lower() in {"fail", "refuse", "decline", "fracasar"} for t in chain[1:])
    negative = failed or bool(words & {"not", "n't", "never", "no", "nunca"})
    if words & MUST and etype not in {"REQUEST", "ACCUSE", "REJECT"}:
        return "REQUEST"  # "Libya must hand over the suspects"
    if negative and etype in FRIENDLY | {"AGREE"}:
        return "REJECT"  # "will not accept any more refugees"
    if hypothetical and etype in FRIENDLY and not negative:
        return "AGREE"  # "will provide food aid", "is willing to withdraw"
    if hypothetical and etype in HOSTILE and not negative:
        return "THREATEN"  # "would boycott all contact", "will extend the curfew"
    return etype


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
            if child.dep_ in {"dobj", "obj", "attr", "nsubjpass"} and child.lemma_.lower() in nouns:
                return nouns[child.lemma_.lower()], child, hypothetical
    if tok.pos_ in {"VERB", "AUX"} and lemma in verbs:
        return verbs[lemma], tok, hypothetical
    if tok.pos_ == "NOUN" and lemma in nouns:
        return nouns[lemma], tok, hypothetical
    if lemma in READY or any(c.dep_ == "acomp" and c.lower_ in READY for c in tok.children):
        holder = tok if lemma in READY else next(c for c in tok.children if c.lower_ in READY)
        act = next((c for c in holder.children if c.dep_ in {"xcomp", "ccomp"}), None)
        if act is not None:  # "is willing to send material", "ready to host a meeting"
            inner = _code(act, True, depth + 1)
            if inner:
                return inner
    from_patterns = _cameo_type(tok) if not reports else None
    if from_patterns:
        return from_patterns, tok, hypothetical
    for child in tok.children:
        if child.dep_ in {"xcomp", "ccomp", "conj", "advcl"} and child.pos_ in {"VERB", "AUX"}:
            found = _code(child, hypothetical, depth + 1)
            if found:
                return found
            if child.dep_ == "ccomp" and any(
                c.dep_ == "aux" and c.lower_ in MUST for c in child.children
            ):
                return "REQUEST", child, hypothetical  # "declared that China must drop ..."
    if lemma in ASPECT:  # "riots against the policies are still continuing"
        for child in tok.children:
            if child.dep_ in {"nsubj", "nsubj:pass"} and child.lemma_.lower() in nouns:
                return nouns[child.lemma_.lower()], child, hypothetical
    return None


ASPECT = frozenset({"continue", "remain", "persist", "spread", "intensify", "continuar", "seguir"})


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
        verbal = trigger.pos_ in {"VERB", "AUX"}
        if trigger.lemma_.lower() in INTENT and hypothetical:
            basis = "event.intent"
        elif verbal and trigger.lemma_.lower() not in plover()[0]:
            basis = "event.cameo"  # typed by the CAMEO verb patterns, not our own lexicon
        else:
            basis = "event.verb" if verbal else "event.noun"
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
