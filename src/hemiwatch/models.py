"""Records that cross stage boundaries. Field names follow ../shared/eval/FORMAT.md.

Every fact keeps the character span(s) of its evidence in ``Article.text``.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

Span = tuple[int, int]


class Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


MAX_ID = 190  # the store holds 200: room for a conflict id's suffix ("-" and 8 hex digits)
MAX_TITLE = 1_000
MAX_SOURCE = 300


def clean_text(value: str, field: str) -> str:
    """Text every store and every parser takes: valid Unicode (no lone surrogate, as a JSON
    escape can carry) and no NUL; raises ValueError naming the first fault."""
    if "\x00" in value:
        raise ValueError(f"{field} contains a NUL character (offset {value.index(chr(0))})")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ValueError(
            f"{field} is not valid Unicode (a lone surrogate at offset {exc.start})"
        ) from None
    return value


class Article(Record):
    """One input article. Its fields are checked once, here, for every way an article comes
    in (files, feeds, JSONL, the API): valid Unicode, no NUL, bounded id, title and source, and
    only http(s) URLs."""

    id: str = Field(max_length=MAX_ID)
    title: str = Field(default="", max_length=MAX_TITLE)
    text: str
    url: str | None = None
    source: str | None = Field(default=None, max_length=MAX_SOURCE)
    published: dt.date | None = None

    @field_validator("id", "title", "text", "source", "url")
    @classmethod
    def _clean(cls, value: str | None, info: ValidationInfo) -> str | None:
        return value if value is None else clean_text(value, info.field_name or "field")

    @field_validator("url")
    @classmethod
    def _web(cls, value: str | None) -> str | None:
        if value is not None and not value.lower().startswith(("http://", "https://")):
            raise ValueError("only http(s) URLs are kept as an article's link")
        return value


class Dateline(Record):
    place: str
    date: dt.date | None = None
    outlet: str | None = None
    span: Span


class Person(Record):
    name: str
    title: str | None = None
    country: str | None = None
    gender: Literal["male", "female"] | None = None
    mentions: list[Span] = Field(default_factory=list)
    basis: str = ""  # the rule that found the name (hemiwatch.rules)


class CountryMention(Record):
    code: str
    name: str
    mentions: list[Span] = Field(default_factory=list)
    basis: str = ""  # how the first counted mention names it: name, demonym, capital


class RegionMention(Record):
    slug: str
    mentions: list[Span] = Field(default_factory=list)
    basis: str = ""


class NumberClaim(Record):
    value: int | float
    unit: str | None = None
    text: str
    qualifier: str | None = None
    role: str | None = None
    currency: str | None = None
    span: Span
    unit_en: str | None = None  # the English canonical unit ("efectivos" -> "personnel")
    value_max: int | float | None = None  # a range's upper end ("between 2.5 and 3 million")
    basis: str = ""  # how the figure was read
    unit_basis: str | None = None  # how its unit was found (unit.antecedent is inferred)
    role_basis: str | None = None


class Quote(Record):
    text: str
    speaker: str | None
    kind: Literal["direct", "indirect"]
    speaker_title: str | None = None
    speaker_country: str | None = None
    verb: str | None = None
    span: Span
    speaker_span: Span | None = None
    basis: str = ""  # how the quote or report was found
    speaker_basis: str | None = None  # how its speaker was resolved (None: no speaker)


class Stance(Record):
    """One actor's cooperation with, or refusal of, another: ISO codes, region:<slug> or a body."""

    actor: str
    target: str
    polarity: Literal["cooperates", "refuses"]
    cue: str
    evidence: str  # the sentence, without the dateline
    span: Span
    speaker: str | None = None
    date: dt.date | None = None
    basis: str = ""  # the cue rule
    target_basis: str = ""  # how the target was found
    inferred: bool = False  # the target was inferred, not read in the sentence


class Commitment(Record):
    """An initiative's ask against what was pledged (and delivered), with the evidence."""

    initiative: str
    sought: int | float | None = None
    pledged_min: int | float | None = None
    pledged_max: int | float | None = None
    qualifier: str | None = None
    delivered: int | float | None = None
    unit: str
    speaker: str | None = None
    date: dt.date | None = None
    pledgers: list[str] = Field(default_factory=list)
    evidence: list[Span] = Field(default_factory=list)
    basis: str = ""


class Event(Record):
    """A political event coded in the PLOVER ontology, with its sentence."""

    event_type: str
    source_actor: str | None = None
    target_actor: str | None = None
    location: str | None = None
    date: dt.date | None = None
    negated: bool = False
    hypothetical: bool = False
    trigger: str
    text: str
    span: Span
    basis: str = ""


# The topic taxonomy of ../shared/eval/FORMAT.md: the one list the extractor and the API share.
TopicLabel = Literal[
    "transnational_crime",
    "narcotics",
    "migration",
    "security_assistance",
    "military_action",
    "democracy_governance",
    "sanctions",
    "diplomacy",
    "other",
]
SECURITY_TOPICS: tuple[str, ...] = tuple(t for t in get_args(TopicLabel) if t != "other")


class Topic(Record):
    label: str
    evidence: list[Span] = Field(default_factory=list)  # the sentences that raised it
    basis: str = ""


class Takeaway(Record):
    text: str
    sources: list[Span]  # the runs of article text the takeaway was cut from
    basis: str = ""  # why it was chosen


class Digest(Record):
    """The article as published in digest form: question headline, synopsis, key takeaways."""

    headline_question: str | None = None
    question_basis: str | None = None
    synopsis: str = ""
    synopsis_sources: list[Span] = Field(default_factory=list)
    takeaways: list[Takeaway] = Field(default_factory=list)


class Facts(Record):
    """Everything extracted from one article; an empty Facts is a valid answer."""

    id: str
    dateline: Dateline | None = None
    people: list[Person] = Field(default_factory=list)
    countries: list[CountryMention] = Field(default_factory=list)
    regions: list[RegionMention] = Field(default_factory=list)
    numbers: list[NumberClaim] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    topics: list[Topic] = Field(default_factory=list)
    off_topic: bool = False
    stances: list[Stance] = Field(default_factory=list)
    commitments: list[Commitment] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    digest: Digest | None = None
    language: str = "en"  # ISO 639-1, detected or forced


class Analysis(Record):
    """An article with its facts: what `hemiwatch analyze --format json` prints."""

    article: Article
    facts: Facts
