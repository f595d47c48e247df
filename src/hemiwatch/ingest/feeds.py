"""RSS/Atom feeds (feedparser) and JSONL files -> Articles, one item at a time."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator

import feedparser
import lxml.html

from hemiwatch.errors import IngestError, UnreadableInput
from hemiwatch.ingest.corpus import article_from_dict
from hemiwatch.ingest.identity import with_identity
from hemiwatch.models import Article

Item = tuple[str, Article | IngestError]


def feed_articles(data: bytes, item: str) -> Iterator[Item]:
    """Each entry of an RSS or Atom feed; a feed too broken to read is one error."""
    parsed = feedparser.parse(data)
    if not parsed.entries:
        reason = str(getattr(parsed, "bozo_exception", "") or "no entries")
        yield item, UnreadableInput(item, f"malformed or empty feed ({reason[:120]})")
        return
    outlet = parsed.feed.get("title") or None
    for n, entry in enumerate(parsed.entries, 1):
        where = f"{item}#entry{n}"
        body = _entry_text(entry)
        if not body.strip():
            yield where, UnreadableInput(where, "feed entry has no text")
            continue
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        article = Article(
            id="pending",
            title=_plain(entry.get("title", "")),
            text=body,
            url=entry.get("link"),
            source=outlet,
            published=dt.date(*stamp[:3]) if stamp else None,
        )
        guid = entry.get("id")
        explicit = bool(guid) and not str(guid).startswith("http")
        yield (
            where,
            with_identity(
                article.model_copy(update={"id": str(guid)}) if explicit else article, explicit
            ),
        )


def jsonl_articles(text: str, item: str) -> Iterator[Item]:
    """Each line of a JSONL file; a bad line is an error for that line only."""
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{item}:{n}"
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            yield where, UnreadableInput(where, f"invalid JSON ({exc.msg})")
            continue
        try:
            article = article_from_dict(data, where, default_id="pending")
        except IngestError as exc:
            yield where, exc
            continue
        yield (
            where,
            with_identity(article, explicit=isinstance(data, dict) and bool(data.get("id"))),
        )


def _entry_text(entry: feedparser.FeedParserDict) -> str:
    content = entry.get("content")
    raw = content[0].get("value", "") if content else entry.get("summary", "")
    return _plain(raw)


def _plain(markup: str) -> str:
    if "<" not in markup:
        return markup.strip()
    try:
        root = lxml.html.fromstring(f"<div>{markup}</div>")
    except (ValueError, lxml.etree.ParserError):
        return ""
    paragraphs = [p.text_content().strip() for p in root.iter("p")] or [root.text_content()]
    return "\n\n".join(p for p in paragraphs if p)
