"""Package-data lexicons, loaded once: countries, regions, titles, names, languages."""

from __future__ import annotations

import gettext
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

import pycountry


def _lines(name: str) -> list[str]:
    text = (
        resources.files("hemiwatch").joinpath("lexicons").joinpath(name).read_text(encoding="utf-8")
    )
    return [ln.rstrip("\n") for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


def _sections(name: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    current = ""
    for line in _lines(name):
        head = re.fullmatch(r"\[(\w+)\]", line.strip())
        if head:
            current = head.group(1)
            continue
        out.setdefault(current, []).extend(line.split())
    return out


def plural(word: str) -> str | None:
    """Plural of a demonym used as a noun (Venezuelan -> Venezuelans), None when invariant."""
    if word.endswith(("ese", "ish", "ch", "ss", "s", "x", "z", "i-Kiribati")) or " " in word:
        return None if not word.endswith(("an", "i", "o")) else word + "s"
    return word + "s"


@dataclass(frozen=True)
class Place:
    """What a gazetteer surface form stands for."""

    kind: str  # "name" | "demonym" | "capital" | "region" | "ignore"
    code: str  # ISO alpha-2, region slug, or "" for ignore


@dataclass
class Gazetteer:
    surfaces: dict[str, Place] = field(default_factory=dict)
    country_names: dict[str, str] = field(default_factory=dict)
    pattern: re.Pattern[str] = field(default_factory=lambda: re.compile(r"(?!)"))

    def add(self, surface: str, place: Place) -> None:
        surface = surface.strip()
        if surface and surface not in self.surfaces:
            self.surfaces[surface] = place


def _add_countries(gaz: Gazetteer, name: str, plurals: bool) -> None:
    """Names, demonyms (with English plurals when `plurals`) and capitals of a countries file."""
    for line in _lines(name):
        code, names, demonyms, capitals = [*line.split("\t"), "", "", ""][:4]
        for surface in names.split(";"):
            gaz.add(surface, Place("name", code))
        for dem in demonyms.split(";"):
            if dem:
                gaz.add(dem, Place("demonym", code))
                if plurals and plural(dem):
                    gaz.add(plural(dem) or "", Place("demonym", code))
        for cap in capitals.split(";"):
            gaz.add(cap, Place("capital", code))


def _spanish(gaz: Gazetteer) -> None:
    """Spanish surfaces first (they win a tie): our lexicon, then pycountry's translations."""
    _add_countries(gaz, "countries_es.tsv", plurals=False)  # every form is listed
    for line in _lines("regions_es.tsv"):
        slug, names = line.split("\t")
        for name in names.split(";"):
            gaz.add(name, Place("region", slug))
    try:
        es = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["es"]).gettext
    except OSError:  # pragma: no cover - pycountry always ships its Spanish catalogue
        return
    for country in pycountry.countries:
        value = es(country.name)
        if value and "," not in value and "(" not in value:
            gaz.add(value, Place("name", country.alpha_2))


@cache
def gazetteer(language: str = "en") -> Gazetteer:
    """Every country (pycountry names plus our aliases, demonyms, capitals), region and blocker;
    for Spanish ("es"), the Spanish surfaces as well."""
    gaz = Gazetteer()
    for line in _lines("not_countries.txt"):
        gaz.add(line, Place("ignore", ""))
    if language == "es":
        _spanish(gaz)
    for line in _lines("regions.tsv"):
        slug, names = line.split("\t")
        for name in names.split(";"):
            gaz.add(name, Place("region", slug))
    _add_countries(gaz, "countries.tsv", plurals=True)
    for country in pycountry.countries:
        code = country.alpha_2
        gaz.country_names.setdefault(code, getattr(country, "common_name", None) or country.name)
        for attr in ("name", "common_name"):
            value = getattr(country, attr, None)
            if value and "," not in value and "(" not in value:
                gaz.add(value, Place("name", code))
    for line in _lines("countries.tsv"):  # our short names win for display
        code, names = line.split("\t")[:2]
        gaz.country_names[code] = names.split(";")[0].removeprefix("the ")
    alternatives = sorted(gaz.surfaces, key=len, reverse=True)
    body = "|".join(re.escape(s) for s in alternatives)
    gaz.pattern = re.compile(rf"(?<![\w.])(?:{body})(?![\w])")
    return gaz


@dataclass(frozen=True)
class PlaceMatch:
    place: Place
    start: int
    end: int
    text: str


def find_places(
    text: str, skip: Iterable[tuple[int, int]] = (), language: str = "en"
) -> list[PlaceMatch]:
    """Every gazetteer surface form in the text (longest match wins), outside the skipped spans."""
    gaz = gazetteer(language)
    skips = list(skip)
    out = []
    for m in gaz.pattern.finditer(text):
        if any(s <= m.start() < e for s, e in skips):
            continue
        out.append(PlaceMatch(gaz.surfaces[m.group()], m.start(), m.end(), m.group()))
    return out


@cache
def titles() -> dict[str, str | None]:
    """Title and role words (lower case) -> the gender they imply, if any."""
    out: dict[str, str | None] = {}
    for line in _lines("titles.txt"):
        word, _, gender = line.partition("\t")
        out[word.strip()] = gender.strip() or None
    return out


@cache
def stance_words() -> dict[str, frozenset[str]]:
    """The word lists of the stance rules (stance_words.txt), by section."""
    return {name: frozenset(words) for name, words in _sections("stance_words.txt").items()}


@cache
def roles() -> dict[str, frozenset[str]]:
    """Role nouns -> the title words of the people they can refer to ("*": anyone titled)."""
    out: dict[str, frozenset[str]] = {}
    for line in _lines("roles.tsv"):
        role, _, words = line.partition("\t")
        out[role.strip()] = frozenset(words.split())
    return out


@cache
def first_names() -> dict[str, str]:
    return {
        name: gender for gender, names in _sections("first_names.txt").items() for name in names
    }


@cache
def languages() -> tuple[frozenset[str], frozenset[str]]:
    """(language names that double as demonyms, nouns that show a language is meant)."""
    sec = _sections("languages.txt")
    return frozenset(sec["languages"]), frozenset(sec["nouns"])


@cache
def reporting_verbs() -> tuple[frozenset[str], frozenset[str]]:
    """(lemmas of verbs of speech, lemmas of naming verbs that attribute partial quotes)."""
    sec = _sections("reporting_verbs.txt")
    return frozenset(sec["speech"]), frozenset(sec["naming"])
