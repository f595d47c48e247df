"""Numeric claims: value, unit, qualifier ("up to"), role ("pledged"), with the evidence span.

Dates, times, years, ages, ordinals, designations ("C-130", "Resolution 2811", "No. 10"),
phone numbers and "one of ..." are not claims.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from spacy.tokens import Doc, Token

from hemiwatch.extract.context import Context
from hemiwatch.models import NumberClaim
from hemiwatch.nlp import PERSON, sentence_of, sentences_between, text_of

_ONES = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
).split()
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
WORD_VALUES = {w: i for i, w in enumerate(_ONES)} | {w: 20 + 10 * i for i, w in enumerate(_TENS)}
SCALES = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
    "m": 1_000_000,
    "bn": 1_000_000_000,
}
_WORD = "|".join(sorted([*WORD_VALUES, "hundred", "thousand"], key=len, reverse=True))
_WORDS = rf"(?:{_WORD})(?:(?:[\s-]|\s+and\s+)(?:{_WORD}))*"
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# the dollars of the Americas are told apart by their prefix: C$ 40 million is Canadian
CURRENCY_SYMBOLS = {
    "US$": "USD", "$": "USD", "€": "EUR", "£": "GBP", "R$": "BRL", "C$": "CAD", "CA$": "CAD",
    "CAN$": "CAD", "MX$": "MXN", "Mex$": "MXN", "J$": "JMD", "TT$": "TTD", "BDS$": "BBD",
    "Bds$": "BBD", "EC$": "XCD", "BZ$": "BZD", "G$": "GYD",
}  # fmt: skip
_CUR = "|".join(re.escape(c) for c in sorted(CURRENCY_SYMBOLS, key=len, reverse=True))
CURRENCY_WORDS = {"dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR",
                  "dólar": "USD", "dólares": "USD"}  # fmt: skip
NUMBER = re.compile(
    rf"(?P<cur>{_CUR})?\s?"
    rf"(?<![\w.,+:/-])(?P<num>{_DIGITS}|(?i:{_WORDS}))"
    r"(?:[\s-](?P<scale>(?i:hundred|thousand|million|billion|trillion))|(?P<abbr>m|bn)\b)?"
    r"(?P<pct>\s?%|\s(?:percent|per cent)\b)?"
    r"(?![\w:/]|-\d|,\d|\.\d|-year|-month|-day|-week|-hour)",
)
_ES_ONES = "_ _ dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce quince"
_ES_WORD_VALUES = {w: i for i, w in enumerate(_ES_ONES.split()) if w != "_"} | {
    "veinte": 20, "treinta": 30, "cuarenta": 40, "cincuenta": 50, "cien": 100,
}  # fmt: skip
_ES_WORD = "|".join(sorted(_ES_WORD_VALUES, key=len, reverse=True))
# Spanish writes 5.500 and 1,2: the thousands and decimal marks swap.
_ES_DIGITS = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
NUMBER_ES = re.compile(
    rf"(?P<cur>{_CUR})?\s?"
    rf"(?<![\w.,+:/-])(?P<num>{_ES_DIGITS}|(?i:{_ES_WORD}))"
    r"(?:\s(?P<scale>(?i:mil millones|millones|millón|mil))(?!\w))?(?P<abbr>(?!))?"
    r"(?P<pct>\s?%|\s(?:por ciento)\b)?"
    r"(?![\w:/]|-\d|,\d|\.\d)",
)
QUALIFIERS_ES = re.compile(
    r"(?i)(?P<q>hasta|más de|menos de|al menos|por lo menos|unos|unas|cerca de|cerca del"
    r"|alrededor de|casi|aproximadamente|poco más de|poco menos de|un total de|estimado en"
    r"|estimado de)\s+(?:el\s+|un\s+|los\s+)?$"
)
ES_SCALES = {"mil": 1_000, "millón": 1_000_000, "millones": 1_000_000,
             "mil millones": 1_000_000_000}  # fmt: skip
ES_MONTHS = frozenset(
    "enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre "
    "diciembre".split()
)
ES_TIME_NOUNS = frozenset(
    "año años mes meses semana semanas día días hora horas minuto minutos década décadas "
    "segundo segundos".split()
)
QUALIFIERS = re.compile(
    r"(?i)(?P<q>up to|more than|less than|fewer than|at least|at most|about|around|approximately"
    r"|roughly|nearly|almost|over|under|some|as much as|as many as|upwards of|close to"
    r"|an estimated|just over|just under|as few as|as little as)\s+$"
)
_TIME_NOUNS = {
    "year",
    "years",
    "month",
    "months",
    "week",
    "weeks",
    "day",
    "days",
    "hour",
    "hours",
    "minute",
    "minutes",
    "second",
    "seconds",
    "a.m.",
    "p.m.",
    "am",
    "pm",
    "decade",
    "decades",
}
_DESIGNATION_BEFORE = {"no.", "no", "number", "#", "nos.", "article", "section", "resolution"}
_AGE_CUES = {"aged", "age", "ages"}
_DESIGNATION_TEXT = re.compile(r"(?i)(?:\bNo\.|\bNos\.|\bnumber|#)\s*$")
_NP_DEPS = {"pobj", "dobj", "conj", "appos", "nsubj", "nsubjpass"}


@cache
def roles() -> dict[str, str]:
    text = resources.files("hemiwatch").joinpath("lexicons").joinpath("number_roles.tsv")
    rows = [ln.split("\t") for ln in text.read_text("utf-8").splitlines()]
    return {r[0]: r[1] for r in rows if len(r) == 2 and not r[0].startswith("#")}


def parse_number(num: str, language: str = "en") -> float | None:
    """'5,500' -> 5500, 'twenty-five' -> 25, 'two thousand' -> 2000; Spanish '5.500' -> 5500,
    '1,2' -> 1.2, 'ocho' -> 8."""
    if language == "es":
        if num[0].isdigit():
            return float(num.replace(".", "").replace(",", "."))
        value = _ES_WORD_VALUES.get(num.lower())
        return float(value) if value is not None else None
    if num[0].isdigit():
        return float(num.replace(",", ""))
    total, current = 0, 0
    for word in re.split(r"[\s-]+", num.lower()):
        if word == "and":
            continue
        if word in WORD_VALUES:
            current += WORD_VALUES[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word == "thousand":
            total += max(current, 1) * 1000
            current = 0
        else:
            return None
    return float(total + current)


def extract_numbers(ctx: Context) -> list[NumberClaim]:
    """Quantitative claims in text order; unitless figures take the unit of the one before."""
    doc, skip = ctx.doc, ctx.skip
    out: list[NumberClaim] = []
    last_unit: tuple[str, int] | None = None  # (unit, sentence start) of the last counted noun
    for m in (NUMBER_ES if doc.lang_ == "es" else NUMBER).finditer(text_of(doc)):
        start, end = m.start("num"), m.end()
        if any(s <= start < e for s, e in skip):
            continue
        claim = _claim(doc, m, start, end)
        if claim is None:
            continue
        tok = _token_at(doc, start)
        sent_start = sentence_of(tok).start_char if tok is not None else 0
        elliptical = claim.qualifier is not None or (tok is not None and tok.dep_ in _NP_DEPS)
        if tok is not None and tok.i > 0 and doc[tok.i - 1].pos_ in {"NOUN", "PROPN"}:
            elliptical = False  # "minute 81", «la Resolución 2793»: a label, not a count
        if claim.unit is None and tok is not None and (subject := _changed_subject(tok)):
            claim = claim.model_copy(
                update={"unit": subject.text.lower(), "unit_basis": "unit.changed_subject"}
            )
        # "pledges for up to 2,600" after "2,000 police officers": the antecedent's unit.
        if (
            claim.unit is None
            and elliptical
            and last_unit is not None
            and _sentences_between(doc, last_unit[1], sent_start) <= 2
        ):
            claim = claim.model_copy(update={"unit": last_unit[0], "unit_basis": "unit.antecedent"})
        if claim.unit is None:
            continue
        if claim.unit != "percent" and claim.currency is None:
            last_unit = (claim.unit, sent_start)
        out.append(claim)
    return out


def _claim(doc: Doc, m: re.Match[str], start: int, end: int) -> NumberClaim | None:
    text = text_of(doc)
    num = m.group("num")
    spanish = doc.lang_ == "es"
    value = parse_number(num, doc.lang_)
    if value is None:
        return None
    first = _token_at(doc, start)
    last = _token_at(doc, end - 1)
    if first is None or last is None:
        return None
    cur = m.group("cur")
    scale = (m.group("scale") or m.group("abbr") or "").lower()
    if _is_distractor(doc, first, last, num, value, bool(cur or scale or m.group("pct"))):
        return None
    if spanish and _spanish_date_or_time(doc, last):
        return None
    value *= ES_SCALES.get(scale, 1) if spanish else SCALES.get(scale, 1)
    begin = m.start("cur") if cur else m.start("num")
    qual = (QUALIFIERS_ES if spanish else QUALIFIERS).search(text[max(0, begin - 24) : begin])
    span_start = begin - (len(qual.group(0)) if qual else 0)
    unit, currency, unit_end = None, None, end
    unit_basis: str | None = None
    noun: Token | None = None
    if m.group("pct"):
        unit, unit_basis = "percent", "unit.percent"
    elif cur:
        currency = CURRENCY_SYMBOLS[cur]
        unit, unit_basis = currency, "unit.currency"
    if unit is None:
        noun = _unit_noun(last)
        if noun is not None:
            word = noun.text.lower()
            if doc[noun.i - 1].text == "-" and not word.endswith("s"):
                word += "s"  # "a 2,200-kilometer border" measures kilometers
            currency = CURRENCY_WORDS.get(word)
            unit = currency or word
            unit_basis = "unit.currency" if currency else "unit.head_noun"
            unit_end = max(unit_end, noun.idx + len(noun.text))
    if unit is not None and (unit in _TIME_NOUNS or unit in ES_TIME_NOUNS or unit in ES_MONTHS):
        return None
    role, role_basis = _role(last, noun)
    if m.group("pct"):
        basis = "number.percent"
    elif cur or currency:
        basis = "number.currency"
    else:
        basis = "number.digits" if num[0].isdigit() else "number.words"
    return NumberClaim(
        value=int(value) if value.is_integer() else value,
        unit=unit,
        text=text[span_start:unit_end].strip(),
        qualifier=qual.group("q").lower() if qual else None,
        role=role,
        currency=currency,
        span=(span_start, unit_end),
        basis=basis,
        unit_basis=unit_basis,
        role_basis=role_basis,
    )


def _is_distractor(
    doc: Doc, first: Token, last: Token, num: str, value: float, marked: bool
) -> bool:
    """Dates, years, ages, designations, ordinals, "one (of)"."""
    if first.ent_type_ in {"DATE", "TIME", "ORDINAL"} and not marked:
        return True
    if num.lower() in {"one", "zero"} and not marked:
        return True  # "one nation", "one of the tankers": not a quantity claim
    if re.fullmatch(r"\d{4}", num) and 1800 <= value <= 2100 and not marked:
        return True  # a year
    if _DESIGNATION_TEXT.search(text_of(doc)[max(0, first.idx - 10) : first.idx]):
        return True  # "No. 10"
    prev = doc[first.i - 1] if first.i > 0 else None
    if prev is not None:
        if prev.lower_ in _DESIGNATION_BEFORE or prev.lower_ in _AGE_CUES:
            return True
        if (
            prev.text[:1].isupper()
            and prev.is_alpha
            and not prev.is_sent_start
            and prev.ent_type_ not in {"GPE", "NORP"}
            and prev.lower_ not in {"us", "u.s."}
            and not num.isalpha()
        ):
            return True  # "Resolution 2811", "Boeing 737", "Coral Sentinel 2026"
        if prev.text == "," and first.i + 1 < len(doc) and doc[first.i + 1].text == ",":
            before = doc[first.i - 2] if first.i > 1 else None
            if before is not None and before.ent_type_ in PERSON:
                return True  # "Peralta, 61, said": an age
    nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
    return (
        nxt is not None
        and nxt.lower_ in {"years", "year"}
        and (last.i + 2 < len(doc) and doc[last.i + 2].lower_ == "old")
    )


CHANGE_VERBS = frozenset(
    "fall drop rise climb increase decrease decline reach grow jump "
    "caer bajar subir aumentar disminuir alcanzar crecer".split()
)


def _changed_subject(tok: Token) -> Token | None:
    """'Murders fell by a third to 2,100': the noun that changed to the figure."""
    prep = tok.head
    if tok.dep_ not in {"pobj", "obl", "nmod"} or prep.lower_ not in {"to", "from", "a", "de"}:
        prep = tok
    verb = prep.head
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in CHANGE_VERBS:
        return None
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    return subject if subject is not None and subject.pos_ == "NOUN" else None


COUNT_WORDS = frozenset({"more", "fewer", "additional", "extra", "further", "new", "más"})


def _unit_noun(tok: Token) -> Token | None:
    """The noun a number counts: its head ("7,500 forces"), the word it is hyphenated to
    ("a 2,200-kilometer border", "a 2,600-strong force"), the noun after "more" ("2,500 more
    officers"), or the noun after "of"."""
    doc = tok.doc
    glued = doc[tok.i + 1 : tok.i + 3]
    if len(glued) == 2 and glued[0].text == "-" and not tok.whitespace_:
        word = glued[1]
        if word.lower_ == "strong" and word.head.pos_ == "NOUN":
            return word.head  # "a 2,600-strong force" counts the force
        return word if word.pos_ == "NOUN" and not glued[0].whitespace_ else None
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    counted = nxt.head if nxt is not None and nxt.lower_ in COUNT_WORDS else None
    if counted is not None and counted.pos_ == "NOUN" and counted.i > tok.i + 1:
        return counted
    if tok.dep_ in {"nummod", "quantmod", "compound"} and tok.head.i > tok.i:
        head = tok.head
        while head.dep_ in {"nummod", "quantmod", "compound"} and head.head.i > head.i:
            if head.pos_ in {"NOUN"} and head.head.pos_ not in {"NOUN", "PROPN"}:
                break
            head = head.head
        if head.pos_ == "PROPN":  # "two Air Force Boeing 737 aircraft": the common noun counts
            nouns = [
                t
                for t in head.subtree
                if tok.i < t.i <= tok.i + 8
                and t.pos_ == "NOUN"
                and t.dep_ != "compound"
                and not any(doc[j].is_punct for j in range(tok.i + 1, t.i))
            ]  # not "half" of "700,000 Haitians, half of them children"
            head = nouns[0] if nouns else head
        if head.pos_ in {"NOUN", "PROPN"} and head.i - tok.i <= 7:
            return head
    if nxt is not None and nxt.lower_ == "of":
        for child in nxt.children:
            if child.dep_ == "pobj" and child.pos_ == "NOUN":
                return child
    if nxt is not None and nxt.lower_ == "de" and nxt.dep_ == "case":  # «45 millones de dólares»
        return nxt.head if nxt.head.pos_ == "NOUN" and nxt.head.i == nxt.i + 1 else None
    if (
        nxt is not None
        and nxt.pos_ == "NOUN"
        and (nxt.tag_ in {"NNS", "NN"} or doc.lang_ == "es")
        and nxt.dep_ != "compound"
    ):
        return nxt
    return None


def _spanish_date_or_time(doc: Doc, last: Token) -> bool:
    """'12 de junio', 'junio de 2025', 'las 3': Spanish NER marks no dates."""
    nxt = [doc[i].lower_ for i in range(last.i + 1, min(len(doc), last.i + 3))]
    if nxt[:1] == ["de"] and nxt[1:2] and nxt[1] in ES_MONTHS:
        return True
    prev = [doc[i].lower_ for i in range(max(0, last.i - 2), last.i)]
    return bool(prev) and (prev[-1] in ES_MONTHS or (prev[-1] == "de" and prev[0] in ES_MONTHS))


def _role(tok: Token, noun: Token | None = None) -> tuple[str | None, str | None]:
    """What the sentence says happened to the figure, with its basis."""
    role = _role_word(tok, noun)
    if role is None:
        return None, None
    return role[0], role[1]


def _role_word(tok: Token, noun: Token | None = None) -> tuple[str, str] | None:
    """What the sentence says happened to the figure: a verb on the counted noun ("the $150
    million it needs"), the nearest cue before it ("pledges for up to 2,600"), or above it."""
    known = roles()
    for head in (noun, tok):
        if head is None:
            continue
        for child in head.children:
            if child.dep_ in {"relcl", "acl"} and child.lemma_.lower() in known:
                return known[child.lemma_.lower()], "role.lexicon"
            if child.dep_ == "prep" and child.lower_ == "in":  # "$62 million in new funding"
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and pobj.lemma_.lower() in known:
                        return known[pobj.lemma_.lower()], "role.lexicon"
    sent_start = sentence_of(tok).start
    for i in range(tok.i - 1, max(sent_start, tok.i - 7) - 1, -1):
        word = tok.doc[i]
        if word.is_punct and word.text not in {"$", "-"}:
            break
        if (
            word.lemma_.lower() in known
            and word.pos_ in {"VERB", "NOUN"}
            and word.dep_ != "compound"
        ):
            # (not 'murder' of 'cut the murder rate by 90%')
            return known[word.lemma_.lower()], "role.lexicon"
        if word.lemma_.lower() == "call" and tok.doc[i + 1].lower_ == "for":
            return "sought", "role.calls_for"  # 'the plan calls for 5,000 officers'
    node = tok
    for _ in range(5):
        if node.lemma_.lower() in known and node.i != tok.i:
            return known[node.lemma_.lower()], "role.lexicon"
        if node.head.i == node.i:
            break
        node = node.head
    return None


def _token_at(doc: Doc, char: int) -> Token | None:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _sentences_between(doc: Doc, a: int, b: int) -> int:
    return len(sentences_between(doc, a + 1, b + 1)) - 1 if b > a else 0
