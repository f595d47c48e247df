"""The one context every extractor of an article reads: its parse, the article, the dateline and
the spans no fact may come from."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from spacy.tokens import Doc

from hemiwatch.models import Article, Dateline
from hemiwatch.models import Span as CharSpan


@dataclass(frozen=True)
class Context:
    doc: Doc
    article: Article
    dateline: Dateline | None = None
    skip: tuple[CharSpan, ...] = ()  # the dateline, page furniture: no fact comes from these

    @property
    def language(self) -> str:
        return str(self.doc.lang_)

    @property
    def date(self) -> dt.date | None:
        """The day the article reports: the dateline's, else the publication date."""
        return (self.dateline.date if self.dateline else None) or self.article.published

    def skipped(self, char: int) -> bool:
        return any(a <= char < b for a, b in self.skip)


def context_of(doc: Doc, article: Article | None = None) -> Context:
    """The context of a parsed text (tests, benchmarks): the dateline found as the pipeline finds
    it."""
    from hemiwatch.prepare.dateline import extract_dateline

    article = article or Article(id="doc", text=doc.text)
    dateline = extract_dateline(article.text, article.published)
    return Context(doc, article, dateline, (dateline.span,) if dateline else ())
