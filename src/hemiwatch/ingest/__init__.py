"""Inputs -> Article: plain text, HTML pages and corpus JSON, from files, folders or stdin."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

from pydantic import ValidationError

from hemiwatch.config import Settings
from hemiwatch.errors import IngestError, UnreadableInput
from hemiwatch.ingest.corpus import article_from_json, article_from_plain_text, field_error
from hemiwatch.ingest.decode import decode_text
from hemiwatch.ingest.feeds import feed_articles, jsonl_articles
from hemiwatch.ingest.html import article_from_html
from hemiwatch.ingest.identity import with_identity
from hemiwatch.models import Article

SUFFIXES = {".txt": "text", ".text": "text", ".html": "html", ".htm": "html", ".json": "json"}
STREAMS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".rss": "feed", ".atom": "feed", ".xml": "feed"}

__all__ = ["SUFFIXES", "find_inputs", "iter_items", "read_article", "read_bytes"]


def find_inputs(path: Path, kinds: dict[str, str] | None = None) -> list[Path]:
    """The article files a path names: itself, or a folder's files (its articles/ if it has one)."""
    kinds = kinds or SUFFIXES
    if not path.exists():
        raise IngestError(str(path), "no such file or folder")
    if path.is_file():
        return [path]
    folder = path / "articles" if (path / "articles").is_dir() else path
    found = sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in kinds)
    if not found:
        raise IngestError(str(path), f"no articles found (looked for {', '.join(sorted(kinds))})")
    return found


def read_article(
    path: Path, settings: Settings | None = None, default_id: str | None = None
) -> Article:
    """Read one file (or '-' for stdin) as an Article; its id is the source's own, else
    `default_id` (the file name when None)."""
    settings = settings or Settings()
    if str(path) == "-":
        return read_bytes(sys.stdin.buffer.read(), "<stdin>", "stdin", None, settings)
    item = shown_path(path)
    try:
        size = path.stat().st_size
        if size > settings.max_bytes:
            raise UnreadableInput(
                item,
                f"too large ({size / 1e6:.1f} MB; the limit is {settings.max_bytes / 1e6:.0f} MB)",
            )
        data = path.read_bytes()
    except OSError as exc:
        raise IngestError(item, exc.strerror or str(exc)) from exc
    fallback = path.stem if default_id is None else default_id
    return read_bytes(data, item, fallback, SUFFIXES.get(path.suffix.lower()), settings)


def read_bytes(
    data: bytes, item: str, default_id: str, kind: str | None, settings: Settings
) -> Article:
    """Decode and parse bytes; `kind` is text, html or json, guessed from the content when None."""
    text = decode_text(data, item, settings.max_bytes)
    if len(text) > settings.max_chars:
        raise UnreadableInput(
            item, f"too long ({len(text):,} characters; the limit is {settings.max_chars:,})"
        )
    kind = kind or _sniff(text)
    try:
        if kind == "json":
            return article_from_json(text, item, default_id)
        if kind == "html":
            return article_from_html(text, item, default_id)
        return article_from_plain_text(text, default_id)
    except ValidationError as exc:  # the Article's own checks (Unicode, NUL, lengths, URL)
        raise UnreadableInput(item, field_error(exc)) from exc


def _sniff(text: str) -> str:
    head = text.lstrip()[:512].lower()
    if head.startswith("{"):
        return "json"
    if head.startswith(("<!doctype html", "<html")) or "<body" in head:
        return "html"
    return "text"


def find_sources(path: Path) -> list[Path]:
    """Like find_inputs, but feeds and JSONL files count too (for `hemiwatch ingest`)."""
    return find_inputs(path, {**SUFFIXES, **STREAMS})


def iter_items(
    paths: list[Path], settings: Settings
) -> Iterator[tuple[str, Article | IngestError]]:
    """(item, Article or the error for it) for every article in files, folders, feeds and JSONL,
    with stable ids: the id the source gives, else the normalised URL, else a content hash."""
    for root in paths:
        try:
            files = find_sources(root)
        except IngestError as exc:
            yield str(root), exc
            continue
        for file in files:
            item = shown_path(file)
            try:
                yield from _file_items(file, item, settings)
            except Exception as exc:  # the barrier: nothing about one file ends the run
                yield item, IngestError(item, f"unexpected error ({type(exc).__name__}: {exc})")


def shown_path(path: Path) -> str:
    """A path as text any store takes: bytes of a name that is not UTF-8 shown as escapes."""
    return str(path).encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _file_items(
    file: Path, item: str, settings: Settings
) -> Iterator[tuple[str, Article | IngestError]]:
    stream = STREAMS.get(file.suffix.lower())
    try:
        if stream is None:
            # An empty id means the source gave none: identity is derived instead.
            article = read_article(file, settings, default_id="")
            yield item, with_identity(article, explicit=bool(article.id))
            return
        size = file.stat().st_size
        if size > settings.max_bytes * 10:
            raise UnreadableInput(item, f"too large ({size / 1e6:.0f} MB)")
        data = file.read_bytes()
    except IngestError as exc:
        yield item, exc
        return
    except OSError as exc:
        yield item, IngestError(item, exc.strerror or str(exc))
        return
    if stream == "jsonl":
        yield from jsonl_articles(data, item, settings.max_bytes)
    else:
        yield from feed_articles(data, item)
