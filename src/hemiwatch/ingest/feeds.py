"""RSS/Atom feeds (feedparser) and JSONL files -> Articles, one item at a time."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import feedparser
import lxml.html

from hemiwatch.errors import IngestError, UnreadableInput
from hemiwatch.ingest.corpus import article_from_dict, checked, load_json
from hemiwatch.ingest.decode import decode_text
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
        yield where, entry_article(entry, where, outlet)


def entry_article(
    entry: feedparser.FeedParserDict, where: str, outlet: str | None
) -> Article | IngestError:
    """A feed entry as an Article (its id the entry's guid, else derived from its link), or
    the error that says why not."""
    body = _entry_text(entry)
    if not body.strip():
        return UnreadableInput(where, "feed entry has no text")
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    guid = entry.get("id")
    explicit = bool(guid) and not str(guid).startswith("http")
    try:
        article = checked(
            where,
            id=str(guid) if explicit else "pending",
            title=_plain(entry.get("title", "")),
            text=body,
            url=entry.get("link"),
            source=outlet,
            published=dt.date(*stamp[:3]) if stamp else None,
        )
    except IngestError as exc:
        return exc
    return with_identity(article, explicit)


def jsonl_articles(data: bytes, item: str, max_line: int) -> Iterator[Item]:
    """Each line of a JSONL file, decoded and read on its own: a bad line (bytes, JSON or
    fields) is an error for that line only. Lines end at "\\n" alone: U+2028 and the other
    separators `str.splitlines` breaks at are valid inside a JSON string."""
    for n, raw in enumerate(data.split(b"\n"), 1):
        if not raw.strip():
            continue
        where = f"{item}:{n}"
        try:
            line = decode_text(raw.removesuffix(b"\r"), where, max_line)
            parsed = load_json(line, where)
            article = article_from_dict(parsed, where, default_id="pending")
        except IngestError as exc:
            yield where, exc
            continue
        except Exception as exc:  # the barrier: one line never ends the file
            yield where, IngestError(where, f"unexpected error ({type(exc).__name__}: {exc})")
            continue
        explicit = isinstance(parsed, dict) and bool(parsed.get("id"))
        yield where, with_identity(article, explicit=explicit)


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
