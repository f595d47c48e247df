"""Records that cross stage boundaries. Field names follow ../shared/eval/FORMAT.md.

Every fact keeps the character span(s) of its evidence in ``Article.text``.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Span = tuple[int, int]


class Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Article(Record):
    id: str
    title: str = ""
    text: str
    url: str | None = None
    source: str | None = None
    published: dt.date | None = None


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


class CountryMention(Record):
    code: str
    name: str
    mentions: list[Span] = Field(default_factory=list)


class RegionMention(Record):
    slug: str
    mentions: list[Span] = Field(default_factory=list)


class NumberClaim(Record):
    value: int | float
    unit: str | None = None
    text: str
    qualifier: str | None = None
    role: str | None = None
    currency: str | None = None
    span: Span


class Quote(Record):
    text: str
    speaker: str | None
    kind: Literal["direct", "indirect"]
    speaker_title: str | None = None
    speaker_country: str | None = None
    verb: str | None = None
    span: Span
    speaker_span: Span | None = None


class Topic(Record):
    label: str
    evidence: list[Span] = Field(default_factory=list)  # the sentences that raised it


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


class Analysis(Record):
    """An article with its facts: what `hemiwatch analyze --format json` prints."""

    article: Article
    facts: Facts
