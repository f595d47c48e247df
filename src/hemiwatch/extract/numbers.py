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
from hemiwatch.extract.units import is_claim, unit_class
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
    "USD$": "USD", "USD": "USD", "US$": "USD", "$": "USD", "EUR": "EUR", "MXN": "MXN",
    "€": "EUR", "£": "GBP", "R$": "BRL", "C$": "CAD", "CA$": "CAD",
    "CAN$": "CAD", "MX$": "MXN", "Mex$": "MXN", "J$": "JMD", "TT$": "TTD", "BDS$": "BBD",
    "Bds$": "BBD", "EC$": "XCD", "BZ$": "BZD", "G$": "GYD",
}  # fmt: skip
_CUR = "|".join(re.escape(c) for c in sorted(CURRENCY_SYMBOLS, key=len, reverse=True))
CURRENCY_WORDS = {"dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR",
                  "dólar": "USD", "dólares": "USD"}  # fmt: skip
NUMBER = re.compile(
    rf"(?P<cur>{_CUR})?\s?"
    rf"(?<![\w.,+:/-])(?P<num>{_DIGITS}|(?i:{_WORDS})|(?i:half)(?=\s+an?\s))"
    r"(?:(?:\s+an?)?[\s-](?P<scale>(?i:hundred|thousand|million|billion|trillion|ton|tonne))"
    r"|\s?(?P<abbr>m|bn)\b)?"
    r"(?P<pct>\s?%|\s(?:percent|per cent)\b)?"
    r"(?![\w:/]|-\d|,\d|\.\d|-year|-month|-day|-week|-hour)",
)
_ES_ONES = "_ _ dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce quince"
_ES_WORD_VALUES = {w: i for i, w in enumerate(_ES_ONES.split()) if w != "_"} | {
    "dieciséis": 16, "diecisiete": 17, "dieciocho": 18, "diecinueve": 19, "veinte": 20,
    "veintiún": 21, "veintiuno": 21, "veintiuna": 21, "veintidós": 22, "veintitrés": 23,
    "veinticuatro": 24, "veinticinco": 25, "treinta": 30, "cuarenta": 40, "cincuenta": 50,
    "sesenta": 60, "setenta": 70, "ochenta": 80, "noventa": 90, "cien": 100, "ciento": 100,
    "doscientos": 200, "trescientos": 300, "quinientos": 500,
    "uno": 1, "decena": 10, "docena": 12, "veintena": 20, "centenar": 100, "millar": 1000,
}  # fmt: skip
# a collective counts what follows «de»: «una decena de laboratorios» is ten laboratories
COLLECTIVES = frozenset({"decena", "docena", "veintena", "centenar", "millar"})
_ES_WORD = "|".join(sorted(_ES_WORD_VALUES, key=len, reverse=True))
# Spanish writes 5.500 and 1,2 (the marks swap); Latin American copy also writes 1,647 and
# 370,240 for thousands: three digits after the mark are thousands (parse_number).
_ES_DIGITS = r"\d{1,3}(?:[.,]\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
NUMBER_ES = re.compile(
    rf"(?P<cur>{_CUR})?\s?"
    rf"(?<![\w.,+:/-])(?P<num>{_ES_DIGITS}|(?i:{_ES_WORD})(?!\w)|(?i:un)(?=\s+mill))"
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
SCALES |= {"ton": 1, "tonne": 1}  # "half a ton": the ton is the unit (see _claim)
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
    if num[0].isdigit():
        return _digits(num, language)
    if language == "es":
        value = 1 if num.lower() == "un" else _ES_WORD_VALUES.get(num.lower())  # «un millón»
        return float(value) if value is not None else None
    if num.lower() == "half":
        return 0.5
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


def _digits(num: str, language: str) -> float:
    """Digits with their marks read by the groups they make: with both marks the last one is
    the decimal mark; with one, three digits after every mark are thousands ("5,500", "5.500",
    «1,647», «370,240»), anything else a decimal ("1.2", «1,2», «16,6»)."""
    marks = [c for c in num if c in ".,"]
    if not marks:
        return float(num)
    if len(set(marks)) == 2:
        decimal = marks[-1]
        whole, _, frac = num.rpartition(decimal)
        return float(re.sub(r"[.,]", "", whole) + "." + frac)
    mark = marks[0]
    groups = num.split(mark)
    if language == "en":  # English: the comma groups thousands, the point is decimal
        return float(num.replace(",", "")) if mark == "," else float(num)
    if len(groups) > 2 or all(len(g) == 3 for g in groups[1:]):
        return float("".join(groups))
    return float(num.replace(",", "."))


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
    return _claims(doc, out)


def _claims(doc: Doc, found: list[NumberClaim]) -> list[NumberClaim]:
    """The figures that are claims: not distances, floors or phases, not the denominator of a
    rate («16,6 por cada 100.000 habitantes»), not a figure repeated as "the 254 pounds"; each
    with its unit's class (`unit_en`: "Cubans" and «haitianos» are people)."""
    text = text_of(doc)
    out: list[NumberClaim] = []
    for claim in found:
        if not is_claim(claim.unit, float(claim.value)):
            continue
        merged = _range_with_end(out[-1], claim) if out else None
        if merged is not None:  # «entre 2,5 y 3 millones de armas»: one claim, both ends
            out[-1] = merged.model_copy(update={"text": text[merged.span[0] : merged.span[1]]})
            continue
        before = text[max(0, claim.span[0] - 16) : claim.span[0]].lower()
        if re.search(r"\b(?:per|por cada|por)\s+$", before):
            continue  # the rate's denominator
        cls = unit_class(claim.unit)
        repeated = any(
            o.value == claim.value and unit_class(o.unit) == cls and (o.unit == claim.unit or cls)
            for o in out
        )
        if repeated and (re.search(r"\b(?:the|el|los|la|las)\s+$", before) or (claim.value >= 100
                         and claim.unit_basis == "unit.antecedent")):  # fmt: skip
            continue  # "The 254 pounds seized ..." after "254 pounds of fentanyl"
        if cls and cls != (claim.unit or "").lower():
            claim = claim.model_copy(update={"unit_en": cls})
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
    marked = bool(cur or scale or m.group("pct"))
    one_person = num.lower() in {"one", "un", "una", "uno"} and _counts_people(last)
    if _is_distractor(doc, first, last, num, value, marked) and not one_person:
        return None  # ("one survivor" is a count: one person)
    if spanish and _spanish_date_or_time(doc, last):
        return None
    value *= ES_SCALES.get(scale, 1) if spanish else SCALES.get(scale, 1)
    if _negative(text, m.start("cur") if cur else m.start("num")):
        value = -value  # "a negative 0.21 percent", "−3%"
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
    if scale in {"ton", "tonne"} and not cur:
        unit, unit_basis = "tons", "unit.head_noun"  # "half a ton of cocaine"
    if unit is None:
        noun = _unit_noun(last)
        if noun is not None:
            word = _compound(noun).lower()
            if doc[noun.i - 1].text == "-" and not word.endswith("s"):
                word += "s"  # "a 2,200-kilometer border" measures kilometers
            currency = CURRENCY_WORDS.get(word)
            unit = currency or word
            unit_basis = "unit.currency" if currency else "unit.head_noun"
            unit_end = max(unit_end, noun.idx + len(noun.text))
    if unit is not None and (unit in _TIME_NOUNS or unit in ES_TIME_NOUNS or unit in ES_MONTHS):
        return None
    value_max = None
    upper = _range_end(doc, last, spanish)
    if upper is not None:
        value_max = upper * (ES_SCALES.get(scale, 1) if spanish else SCALES.get(scale, 1))
        if value_max < value:
            value_max = None
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
        value_max=int(value_max) if value_max and float(value_max).is_integer() else value_max,
        basis=basis,
        unit_basis=unit_basis,
        role_basis=role_basis,
    )


PERSON_NOUNS = frozenset(
    "person survivor man woman child soldier officer civilian migrant victim suspect official "
    "persona sobreviviente hombre mujer niño niña soldado policía civil migrante víctima".split()
)


def _counts_people(last: Token) -> bool:
    """ "one survivor", «un soldado»: one person, a count (not "one nation", "one of")."""
    nxt = last.doc[last.i + 1] if last.i + 1 < len(last.doc) else None
    return nxt is not None and nxt.lemma_.lower() in PERSON_NOUNS


def _negative(text: str, begin: int) -> bool:
    before = text[max(0, begin - 10) : begin].lower()
    return bool(re.search(r"(?:negative|minus|negativo|negativa)\s+$|(?:^|\s)[−-]$", before))


def _range_with_end(low: NumberClaim, high: NumberClaim) -> NumberClaim | None:
    """A range read as two figures, its lower end and its upper one (which carries the scale
    and the unit): one claim with both ends."""
    if low.value_max is None or high.span[0] - low.span[0] > 40:
        return None
    for factor in (1, 1_000, 1_000_000, 1_000_000_000):
        if abs(float(high.value) - float(low.value_max) * factor) < 1e-6 * max(1.0, high.value):
            value = float(low.value) * factor if low.unit == high.unit or factor > 1 else low.value
            return low.model_copy(
                update={
                    "value": int(value) if float(value).is_integer() else value,
                    "value_max": high.value,
                    "unit": high.unit,
                    "unit_basis": high.unit_basis,
                    "currency": high.currency or low.currency,
                    "span": (low.span[0], max(low.span[1], high.span[1])),
                }
            )
    return None


def _range_end(doc: Doc, last: Token, spanish: bool) -> float | None:
    """ "between 2.5 and 3 million", «entre 2,5 y 3 millones»: the range's upper end."""
    start = max(0, last.i - 3)
    before = [t.lower_ for t in doc[start : last.i]]
    if not ({"between", "entre"} & set(before)):
        return None
    i = last.i + 1
    while i < len(doc) and doc[i].lower_ in {"million", "millones", "mil", "thousand"}:
        i += 1
    if i + 1 < len(doc) and doc[i].lower_ in {"and", "y", "to", "a"}:
        nxt = doc[i + 1]
        if nxt.like_num:
            return parse_number(nxt.text, doc.lang_)
    return None


def _compound(noun: Token) -> str:
    """The counted noun with the hyphenated parts glued to it: "narco-terrorists"."""
    doc = noun.doc
    start = noun.i
    while (
        start >= 2
        and doc[start - 1].text == "-"
        and not doc[start - 1].whitespace_
        and (not doc[start - 2].whitespace_ and doc[start - 2].is_alpha)
    ):
        start -= 2
    return doc[start : noun.i + 1].text if start < noun.i else noun.text


def _is_distractor(
    doc: Doc, first: Token, last: Token, num: str, value: float, marked: bool
) -> bool:
    """Dates, years, ages, designations, ordinals, "one (of)"."""
    if first.ent_type_ in {"DATE", "TIME", "ORDINAL"} and not marked:
        return True
    if num.lower() in {"one", "zero", "uno"} and not marked:
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
            not marked
            and prev.text[:1].isupper()
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
    if tok.lower_ in COLLECTIVES or (tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ in COLLECTIVES):
        head = tok if tok.lower_ in COLLECTIVES else doc[tok.i + 1]
        after = doc[head.i + 1 : head.i + 3]
        if len(after) == 2 and after[0].lower_ == "de" and after[1].pos_ == "NOUN":
            return after[1]  # «una decena de laboratorios»
    partitive = _partitive(tok)
    if partitive is not None:
        return partitive
    if tok.i + 2 < len(doc) and doc[tok.i + 1].text in {"“", '"', "«"}:
        quoted = doc[tok.i + 2]  # «ocho “narcoterroristas”»
        if quoted.pos_ == "NOUN":
            return quoted
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


def _partitive(tok: Token) -> Token | None:
    """ "39 de los 71 drones", «29 de sus más notorios narcotraficantes», "five of the 12
    awards": the noun the part is of."""
    doc = tok.doc
    nxt = doc[tok.i + 1 : tok.i + 3]
    if len(nxt) < 2 or nxt[0].lower_ not in {"de", "of"}:
        return None
    if nxt[1].lower_ not in {"los", "las", "sus", "the", "their", "its", "these", "those"}:
        return None
    for word in doc[tok.i + 3 : tok.i + 7]:
        if word.pos_ == "NOUN":
            return word
        if word.pos_ not in {"ADJ", "NUM", "ADV", "DET"}:
            break
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
            if child.dep_ in {"relcl", "acl"} and (found := _known_word(child, known)):
                return found, "role.lexicon"
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


def _known_word(tok: Token, known: dict[str, str]) -> str | None:
    """The role a word names, by its lemma or, where the model's lemma is wrong, its form."""
    return known.get(tok.lemma_.lower()) or known.get(tok.lower_)


def _token_at(doc: Doc, char: int) -> Token | None:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _sentences_between(doc: Doc, a: int, b: int) -> int:
    return len(sentences_between(doc, a + 1, b + 1)) - 1 if b > a else 0
