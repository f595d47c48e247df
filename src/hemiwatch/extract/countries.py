"""Countries (ISO 3166-1 alpha-2) and named regions mentioned in an article, with their spans.

A country counts when it is named, referred to by demonym, or by its capital standing for its
government ("Caracas rejected ..."); a region's adjective on a definite country noun ("the
tiny Central American nation", «el país caribeño») is a further mention of the latest country
of that region named before (lexicons/region_members.tsv). Dateline places, cities used as
places, language names ("Spanish acronym") and country words inside other names ("Port of
Spain", "Organization of American States", a person called Santiago) do not count.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from spacy.tokens import Span, Token

from hemiwatch.extract.context import Context
from hemiwatch.extract.lexicons import PlaceMatch, find_places, gazetteer, languages
from hemiwatch.models import CountryMention, RegionMention
from hemiwatch.models import Span as CharSpan
from hemiwatch.nlp import text_of

# How a capital stands for its government: it acts (subject, agent), owns ("Caracas's"), or is
# dealt with ("talks with Havana", "ties between Bogotá and Quito", "pressure from Washington").
_GOV_DEPS = {"nsubj", "nsubjpass", "agent", "poss"}
_GOV_PREPS = {"with", "between", "against", "by", "from", "toward", "towards"}
_GOV_PREPS_ES = {"con", "entre", "contra", "hacia"}
_GOVERNMENT = frozenset({"authority", "government", "regime", "administration"})
_PLACE_HEADS = {
    "flight",
    "flights",
    "trip",
    "visit",
    "route",
    "road",
    "street",
    "embassy",
    "airport",
}


KIND_BASIS = {"name": "country.name", "demonym": "country.demonym", "capital": "country.capital"}


def extract_places(ctx: Context) -> tuple[list[CountryMention], list[RegionMention]]:
    """Countries and regions, each with the spans of its mentions, in order of first mention."""
    doc, skip = ctx.doc, ctx.skip
    gaz = gazetteer(doc.lang_)
    countries: dict[str, list[CharSpan]] = {}
    regions: dict[str, list[CharSpan]] = {}
    basis: dict[str, str] = {}
    text = text_of(doc)
    for match in find_places(text, skip, doc.lang_):
        if text[match.end : match.end + 1] == "$":
            continue  # "US$ 40 millones" is a currency, not the country
        span = doc.char_span(match.start, match.end, alignment_mode="expand")
        if span is None or match.place.kind == "ignore" or _inside_name(span):
            continue
        if match.place.kind == "region":
            referent = _anaphor(span, match.place.code, countries)
            if referent is not None:  # "the Central American nation": the country meant
                countries[referent].append((match.start, match.end))
                continue
            regions.setdefault(match.place.code, []).append((match.start, match.end))
        elif _counts_as_country(match, span):
            countries.setdefault(match.place.code, []).append((match.start, match.end))
            basis.setdefault(match.place.code, KIND_BASIS.get(match.place.kind, "country.name"))
    return (
        [
            CountryMention(code=c, name=gaz.country_names.get(c, c), mentions=m, basis=basis[c])
            for c, m in countries.items()
        ],
        [RegionMention(slug=r, mentions=m, basis="region.name") for r, m in regions.items()],
    )


NATION_NOUNS = frozenset(
    "country nation island republic state país nación isla república estado".split()
)
DEFINITE = frozenset("the this el la este esta al del".split())


@cache
def region_members() -> dict[str, frozenset[str]]:
    path = resources.files("hemiwatch").joinpath("lexicons").joinpath("region_members.tsv")
    out = {}
    for line in path.read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            slug, members = line.split("\t")
            out[slug] = frozenset(members.split())
    return out


def _anaphor(span: Span, region: str, countries: dict[str, list[CharSpan]]) -> str | None:
    """ "the tiny Central American nation", «el país caribeño»: a region's adjective on a
    definite country noun refers back to the latest country of that region named before."""
    root = span.root
    head = root.head
    if root.dep_ not in {"amod", "compound"} or head.lemma_.lower() not in NATION_NOUNS:
        return None
    if not any(c.dep_ == "det" and c.lower_ in DEFINITE for c in head.children):
        return None
    members = region_members().get(region, frozenset())
    before = [
        (spans[-1][0], code)
        for code, spans in countries.items()
        if code in members and spans[0][0] < span.start_char
    ]
    return max(before)[1] if before else None


def _inside_name(span: Span) -> bool:
    """Part of a person's name ("Santiago Huamán") or a work's title."""
    for tok in span:
        if tok.ent_type_ in {"PERSON", "PER", "WORK_OF_ART"}:
            ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
            if ent is not None and len(ent) > len(span):
                return True
    return False


def _counts_as_country(match: PlaceMatch, span: Span) -> bool:
    if match.place.kind == "capital":
        return _stands_for_government(span)
    if match.place.kind == "demonym":
        return not _is_language(match.text, span)
    return True


def _is_language(word: str, span: Span) -> bool:
    langs, nouns = languages()
    if word not in langs:
        return False
    doc = span.doc
    nxt = doc[span.end] if span.end < len(doc) else None
    prev = doc[span.start - 1] if span.start > 0 else None
    if nxt is not None and (nxt.lower_ in nouns or nxt.text.startswith("-")):
        return True
    return prev is not None and prev.lower_ in {"in", "speak", "speaks", "spoke", "speaking"}


def _stands_for_government(span: Span) -> bool:
    root: Token = span.root
    while root.dep_ == "conj" and root.head != root:
        root = root.head
    if root.dep_ in _GOV_DEPS:
        return True
    if root.dep_ in {"compound", "amod", "nmod"} and root.head.lemma_.lower() in _GOVERNMENT:
        return True  # "the Tegucigalpa authorities", "the Caracas government"
    if root.dep_ == "pobj" and root.head.lower_ in _GOV_PREPS:
        governor = root.head.head
        return governor.lower_ not in _PLACE_HEADS
    case = [c.lower_ for c in root.children if c.dep_ == "case"]
    # Universal Dependencies (the Spanish model): «con Washington», «entre Caracas y Bogotá»
    return root.dep_ in {"obl", "nmod"} and bool(case) and case[0] in _GOV_PREPS_ES
