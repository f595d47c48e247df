"""Response models of the REST API: what /openapi.json promises and every handler returns."""

from __future__ import annotations

import datetime as dt
from typing import Any, Generic, Literal, TypeVar

from pydantic import BaseModel, Field

from hemiwatch.models import Article, Digest, Facts

T = TypeVar("T")


class ErrorBody(BaseModel):
    status: int
    code: str
    message: str


class ErrorResponse(BaseModel):
    """The one shape of every error the API returns."""

    error: ErrorBody


class Page(BaseModel, Generic[T]):
    items: list[T]
    limit: int
    offset: int
    total: int | None = None  # None where counting every match would cost more than the page


class ArticleSummary(BaseModel):
    id: str
    title: str
    source: str | None = None
    published: dt.date | None = None
    off_topic: bool
    cluster_id: str


class ArticleDetail(BaseModel):
    article: Article
    facts: Facts
    digest: Digest | None
    cluster_id: str


class Stored(BaseModel):
    id: str
    added: bool  # false when an article with this id was already stored
    title: str
    countries: list[str]
    topics: list[str]
    takeaways: list[str]


class FetchRequest(BaseModel):
    url: str = Field(max_length=2000)  # a feed, an article page or a sitemap, http(s)


class Fetched(BaseModel):
    url: str
    offered: int  # entries or pages the URL gave
    stored: int  # articles stored by this request
    already: int  # already stored (not fetched again)
    failed: list[str]  # why each item that failed did not become an article


class RelevanceChange(BaseModel):
    relevance: Literal["on", "off"] | None  # None: hemiwatch's own decision again


class RelevanceState(BaseModel):
    id: str
    relevance: Literal["on", "off"] | None
    off_topic: bool  # in effect now


class StanceEvidence(BaseModel):
    article_id: str
    date: str | None
    sentence: str
    polarity: Literal["cooperates", "refuses"]
    cue: str | None = None
    span: list[int]
    language: str = "en"  # of the article: English and Spanish reports share one board
    basis: str | None = None  # the cue rule (hemiwatch.rules)
    target_basis: str | None = None  # how the target was found
    inferred: bool = False  # the target was inferred, not read in the sentence


class BoardRow(BaseModel):
    country: str
    stance: Literal["cooperates", "refuses"]
    target: str
    trend: str
    count: int
    latest_date: str | None
    inferred: bool = False  # the latest stance's target was inferred
    target_basis: str | None = None
    sources: int = 0  # distinct stories (clusters) behind the latest stance
    explicit: int = 0  # its stances whose target the text names
    inferred_count: int = 0  # its stances whose target was inferred
    weak: bool = False  # one story and no explicit evidence: treat with care
    evidence: list[StanceEvidence]


class CommitmentRow(BaseModel):
    initiative: str
    sought: float | None
    pledged_min: float | None
    pledged_max: float | None
    delivered: float | None
    unit: str
    speaker: str | None
    article_id: str
    title: str
    date: str | None


class QuoteRow(BaseModel):
    text: str
    speaker: str | None
    kind: str
    article_id: str
    title: str
    date: str | None
    span: tuple[int, int]
    basis: str | None = None  # the rule that found the quote (hemiwatch.rules)
    speaker_basis: str | None = None  # the rule that named its speaker


class SearchHit(BaseModel):
    id: str
    title: str
    source: str | None
    published: dt.date | None
    snippet: str = Field(description="matched words between ⟦ and ⟧")


class BriefPoint(BaseModel):
    text: str
    article_ids: list[str]


class Brief(BaseModel):
    title: str
    synopsis: str
    takeaways: list[BriefPoint]
    quotes: list[dict[str, Any]]
    sources: list[dict[str, Any]]


class Answer(BaseModel):
    answer: str
    citations: list[dict[str, Any]]
