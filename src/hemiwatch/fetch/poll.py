"""One poll of one source -> items for ingest: the feed (or page, or sitemap) fetched with
conditional GET, each new entry's page fetched when the feed carries only a summary, and
nothing fetched whose URL is stored already."""

from __future__ import annotations

import threading
from collections.abc import Generator, Iterator
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import feedparser

from hemiwatch.config import Settings
from hemiwatch.errors import FetchError, IngestError, UnreadableInput
from hemiwatch.fetch.http import Fetched, Fetcher, declared_charset
from hemiwatch.fetch.sources import Source
from hemiwatch.ingest.decode import decode_text
from hemiwatch.ingest.feeds import entry_article
from hemiwatch.ingest.html import article_from_html
from hemiwatch.ingest.identity import normalize_url, with_identity
from hemiwatch.models import Article
from hemiwatch.store.fetchlog import FetchLog

Item = tuple[str, Article | IngestError]
FULL_TEXT = 1500  # a feed entry with less text than this (and no content) is a summary
MAX_PAGES = 200  # pages fetched per poll of a sitemap or a feed, newest first
MAX_SITEMAPS = 10


@dataclass
class Tally:
    """What a poll offered and what went wrong, for its row in the polls table."""

    items: int = 0
    failed: int = 0
    retry: bool = False  # a failure that may pass by itself: the source is read whole next time
    errors: list[str] = field(default_factory=list)

    def failure(self, error: IngestError) -> IngestError:
        self.failed += 1
        self.errors.append(str(error))
        self.retry = self.retry or (isinstance(error, FetchError) and error.transient)
        return error


def poll(
    source: Source,
    fetcher: Fetcher,
    log: FetchLog,
    settings: Settings,
    tally: Tally,
    stop: threading.Event | None = None,
) -> Iterator[Item]:
    """The source's new items, one at a time (stopping between items once `stop` is set).
    Its validators are kept unless a page failed in a way that may pass (a timeout, a 5xx), so
    that such an item is tried again on the next poll instead of hidden behind a 304."""
    etag, modified = log.validators(source.url)
    try:
        got = fetcher.get(source.url, etag, modified)
    except FetchError as exc:
        yield source.url, tally.failure(exc)
        return
    if got.not_modified:
        return
    kind = source.kind if source.kind != "auto" else sniff(got)
    if kind == "page":
        tally.items += 1
        yield got.url, _page(got, source, source.url, settings, tally)
        complete = True
    else:
        broken: list[IngestError] = []  # a malformed feed, a nested sitemap that failed
        entries = _entries(got, source, broken) if kind == "feed" else None
        links = _sitemap(got, fetcher, broken) if kind == "sitemap" else []
        for error in broken:
            yield error.item, tally.failure(error)
        complete = yield from _new_items(
            entries, links, source, fetcher, log, settings, tally, stop
        )
    if complete and not tally.retry:
        log.remember(source.url, got.etag, got.last_modified)


def sniff(got: Fetched) -> str:
    """feed, sitemap or page, from the media type and the first bytes."""
    head = got.body[:1024].lstrip().lower()
    media = got.content_type.split(";")[0].strip().lower()
    if b"<urlset" in head or b"<sitemapindex" in head:
        return "sitemap"
    if "rss" in media or "atom" in media or head.startswith((b"<rss", b"<feed", b"<rdf")):
        return "feed"
    if head.startswith(b"<?xml") and (b"<rss" in head or b"<feed" in head or b"<rdf" in head):
        return "feed"
    return "page"


def _entries(
    got: Fetched, source: Source, broken: list[IngestError]
) -> list[tuple[str, Article | IngestError | None]]:
    """(link, the entry's own article or None when its page must be fetched) per entry."""
    parsed = feedparser.parse(got.body, response_headers={"content-type": got.content_type})
    if not parsed.entries:
        reason = str(getattr(parsed, "bozo_exception", "") or "no entries")
        broken.append(UnreadableInput(got.url, f"malformed or empty feed ({reason[:120]})"))
        return []
    outlet = source.name or parsed.feed.get("title") or None
    found: list[tuple[str, Article | IngestError | None]] = []
    for n, entry in enumerate(parsed.entries, 1):
        link = str(entry.get("link") or "")
        where = link or f"{got.url}#entry{n}"
        full = bool(entry.get("content")) or len(entry.get("summary", "")) >= FULL_TEXT
        if full or not link.startswith(("http://", "https://")):
            found.append((where, entry_article(entry, where, outlet)))
        else:
            found.append((link, None))
    return found


def _sitemap(got: Fetched, fetcher: Fetcher, broken: list[IngestError]) -> list[str]:
    """The page URLs of a sitemap and of the sitemaps it lists (sitemaps.org: <urlset> of
    <url><loc>, <sitemapindex> of <sitemap><loc>, or plain text, a URL a line), on its own
    host only."""
    host = urlsplit(got.url).netloc.lower()
    pages: list[str] = []
    queue, seen = [got], {got.url}
    while queue:
        nested = _locations(queue.pop(0), host, pages)
        for url in nested:
            if url in seen or len(seen) >= MAX_SITEMAPS:
                continue
            seen.add(url)
            try:
                queue.append(fetcher.get(url))
            except FetchError as exc:
                broken.append(exc)
    return list(dict.fromkeys(pages))


def _locations(got: Fetched, host: str, pages: list[str]) -> list[str]:
    """Add a sitemap's pages to `pages`; return the sitemaps it lists."""
    import lxml.etree

    def same_host(url: str) -> bool:
        return url.startswith(("http://", "https://")) and urlsplit(url).netloc.lower() == host

    if not got.body.lstrip().startswith(b"<"):
        lines = got.body.decode("utf-8", "replace").split()
        pages.extend(line for line in lines if same_host(line))
        return []
    parser = lxml.etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = lxml.etree.fromstring(got.body, parser)
    except lxml.etree.XMLSyntaxError:
        return []
    nested: list[str] = []
    for loc in root.iter("{*}loc"):
        url = (loc.text or "").strip()
        parent = loc.getparent()
        if not same_host(url) or parent is None:
            continue
        (nested if lxml.etree.QName(parent).localname == "sitemap" else pages).append(url)
    return nested


def _new_items(
    entries: list[tuple[str, Article | IngestError | None]] | None,
    links: list[str],
    source: Source,
    fetcher: Fetcher,
    log: FetchLog,
    settings: Settings,
    tally: Tally,
    stop: threading.Event | None,
) -> Generator[Item, None, bool]:
    """The items not stored yet; returns whether every one was read (not stopped)."""
    offered = entries if entries is not None else [(link, None) for link in links]
    tally.items += len(offered)
    keys = {normalize_url(link): link for link, _ in offered if link.startswith("http")}
    stored = log.stored_urls(sorted(keys))
    fetched = 0
    for link, own in offered:
        if link.startswith("http") and normalize_url(link) in stored:
            continue
        if stop is not None and stop.is_set():
            return False
        if own is not None:
            yield link, tally.failure(own) if isinstance(own, IngestError) else _named(own, source)
            continue
        if fetched >= MAX_PAGES:
            return False  # the rest on the next poll
        fetched += 1
        try:
            page = fetcher.get(link)
        except FetchError as exc:
            yield link, tally.failure(exc)
            continue
        yield link, _page(page, source, link, settings, tally)
    return True


def _page(
    got: Fetched, source: Source, link: str, settings: Settings, tally: Tally
) -> Article | IngestError:
    """An article page as an Article under its link (the URL the store knows it by)."""
    try:
        charset = declared_charset(got)
        if charset:
            text = got.body.decode(charset, "replace")
        else:  # no charset declared: UTF-8, else Windows-1252 (decode_text tells them apart)
            text = decode_text(got.body, link, settings.max_bytes)
        article = article_from_html(text, link, default_id="", url=link)
    except IngestError as exc:
        return tally.failure(exc)
    except Exception as exc:  # the barrier: one page never ends the poll
        return tally.failure(IngestError(link, f"unexpected error ({type(exc).__name__}: {exc})"))
    return _named(with_identity(article, explicit=False), source)


def _named(article: Article, source: Source) -> Article:
    """The source's name as the article's outlet, when the source has one."""
    return article.model_copy(update={"source": source.name}) if source.name else article
