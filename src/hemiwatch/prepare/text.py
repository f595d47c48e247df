"""The text the parser reads: the article's own, character for character at the same offsets,
with the page furniture blanked (the dateline) and runs the tokenizer cannot take broken."""

from __future__ import annotations

import re

from hemiwatch.models import Article
from hemiwatch.prepare.dateline import extract_dateline


def parse_text(article: Article) -> str:
    """What the parser reads: the dateline blanked to spaces (its newlines kept), so that
    "PORT-AU-PRINCE, Haiti (AP) - U.N. officials say ..." parses as a sentence whose subject
    is "U.N. officials"; every offset stays that of the article."""
    text = article.text
    dateline = extract_dateline(text, article.published)
    if dateline is not None:
        a, b = dateline.span
        text = text[:a] + blank(text[a:b]) + text[b:]
    return breakable(text)


def blank(text: str) -> str:
    """Spaces in place of every character but line breaks."""
    return re.sub(r"[^\n]", " ", text)


LONG_RUN = re.compile(r"\S{400,}")
MIN_WORDY = 0.3  # share of letters and digits below which a long text is not prose


def wordy(text: str) -> float:
    """The share of letters and digits among the visible characters (1.0 for short texts):
    a page of quote marks or symbols would cost the parser a token per character."""
    visible = len(text) - sum(text.count(c) for c in " \n\t")
    if visible < 200:
        return 1.0
    return sum(ch.isalnum() for ch in text) / visible


def breakable(text: str) -> str:
    """The text with a space put in place of every 100th character of any run of 400 or more
    characters without one. spaCy's tokenizer is quadratic on such runs (5,000 quote marks
    take seconds); prose has none, and offsets stay those of the article."""
    if not LONG_RUN.search(text):
        return text
    return LONG_RUN.sub(lambda m: "".join(
        " " if i % 100 == 99 else ch for i, ch in enumerate(m.group())), text)  # fmt: skip
