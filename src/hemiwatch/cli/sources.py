"""Web sources: `sources add|list|remove` over the sources file, and `watch`."""

from __future__ import annotations

import dataclasses
import signal
import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table

from hemiwatch.cli.common import (
    DbOption,
    SchedulerOption,
    WorkersOption,
    app,
    emit,
    err,
    fail,
    out,
)
from hemiwatch.cli.corpus import FormatOption, Output, _store
from hemiwatch.config import FetchPolicy, Settings
from hemiwatch.errors import HemiwatchError

if TYPE_CHECKING:
    from hemiwatch.fetch.sources import Source
    from hemiwatch.fetch.watch import Round
    from hemiwatch.ingest.run import Analyzer, IngestReport
    from hemiwatch.models import Article
    from hemiwatch.store import Store

sources_app = typer.Typer(
    help="The web sources `watch` follows (a TOML file: docs/sources.md).",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(sources_app, name="sources")

FileOption = Annotated[
    Path | None,
    typer.Option(
        "--sources", help="Sources file (default: $HEMIWATCH_SOURCES or ./hemiwatch-sources.toml)."
    ),
]


def cli_settings() -> Settings:
    """Settings for a command a person runs: the URLs are theirs, so local addresses are
    allowed (the API refuses them unless configured)."""
    return Settings(fetch=FetchPolicy.from_env(allow_private=True))


def _load(path: Path | None) -> tuple[Path, list[Source]]:
    from hemiwatch.fetch.sources import load_sources, sources_path

    where = sources_path(path)
    try:
        return where, load_sources(where)
    except HemiwatchError as exc:
        fail(str(exc))
        raise typer.Exit(2) from None


@sources_app.command("add")
def add(
    url: Annotated[str, typer.Argument(help="A feed, a page, a sitemap or a site's homepage.")],
    name: Annotated[
        str, typer.Option(help="The outlet's name (fills each article's source).")
    ] = "",
    country: Annotated[str | None, typer.Option(help="ISO country code, e.g. MX.")] = None,
    language: Annotated[str | None, typer.Option(help="en or es (default: detect).")] = None,
    every: Annotated[str | None, typer.Option(help="Poll interval, e.g. 15m, 2h.")] = None,
    kind: Annotated[str, typer.Option(help="auto, feed, page or sitemap.")] = "auto",
    discover: Annotated[
        bool, typer.Option("--discover", help="Find the site's feed or sitemap from the URL.")
    ] = False,
    disabled: Annotated[bool, typer.Option("--disabled", help="Add it switched off.")] = False,
    sources: FileOption = None,
) -> None:
    """Add a source (or replace the one with the same URL)."""
    from pydantic import ValidationError

    from hemiwatch.fetch.sources import Source, save_sources
    from hemiwatch.ingest.corpus import field_error

    where, known = _load(sources)
    if discover:
        from hemiwatch.fetch.discover import discover as find
        from hemiwatch.fetch.http import Fetcher

        try:
            with Fetcher(cli_settings().fetch) as fetcher:
                url, kind = find(url, fetcher)
        except HemiwatchError as exc:
            fail(str(exc))
            raise typer.Exit(1) from None
        err.print(f"found: {escape(url)} ({kind})", highlight=False, soft_wrap=True)
    try:
        source = Source(
            url=url,
            name=name,
            country=country.upper() if country else None,
            language=language,
            every=every,
            kind=kind,
            enabled=not disabled,
        )
    except ValidationError as exc:
        fail(field_error(exc))
        raise typer.Exit(2) from None
    kept = [s for s in known if s.url != source.url]
    save_sources(where, [*kept, source])
    verb = "replaced" if len(kept) < len(known) else "added"
    err.print(f"{verb} {escape(source.label)} in {where}", highlight=False, soft_wrap=True)


@sources_app.command("list")
def list_sources(sources: FileOption = None, fmt: FormatOption = Output.text) -> None:
    """The sources of the file."""
    where, known = _load(sources)
    if fmt is Output.json:
        emit([s.model_dump() for s in known])
        return
    if not known:
        err.print(f"no sources in {where} (add one: hemiwatch sources add URL)", highlight=False)
        return
    table = Table("name", "url", "country", "language", "every", "kind", "enabled")
    for s in known:
        table.add_row(
            escape(s.name), escape(s.url), s.country or "", s.language or "detect",
            s.every or "default", s.kind, "yes" if s.enabled else "no",
        )  # fmt: skip
    out.print(table)


@sources_app.command("remove")
def remove(
    which: Annotated[str, typer.Argument(help="The source's URL or name.")],
    sources: FileOption = None,
) -> None:
    """Remove a source from the file (what it brought stays stored)."""
    from hemiwatch.fetch.sources import save_sources

    where, known = _load(sources)
    kept = [s for s in known if which not in (s.url, s.name)]
    if len(kept) == len(known):
        fail(f"no source with URL or name '{which}' in {where}")
        raise typer.Exit(1)
    save_sources(where, kept)
    err.print(f"removed {len(known) - len(kept)} from {where}", highlight=False)


def dask_analyzer(workers: int | None, scheduler: str | None) -> Analyzer | None:
    if not (workers or scheduler):
        return None
    from hemiwatch.scale import analyze_distributed

    def analyzer(articles: Iterable[Article], settings: Settings) -> Iterator[Any]:
        return analyze_distributed(articles, settings, workers, scheduler)

    return analyzer


@app.command()
def watch(
    every: Annotated[str, typer.Option(help="Poll interval of sources that set none.")] = "15m",
    once: Annotated[
        bool, typer.Option("--once", help="Poll every source once, then stop.")
    ] = False,
    sources: FileOption = None,
    db: DbOption = None,
    workers: WorkersOption = None,
    scheduler: SchedulerOption = None,
) -> None:
    """Follow the enabled sources: poll each on its interval and store what is new, until
    Ctrl-C or SIGTERM (which stop between items, after storing what was read)."""
    from hemiwatch.fetch.sources import seconds
    from hemiwatch.fetch.watch import watch as follow

    try:
        interval = seconds(every)
    except ValueError as exc:
        fail(f"--every: {exc}")
        raise typer.Exit(2) from None
    where, known = _load(sources)
    if not any(s.enabled for s in known):
        fail(f"no enabled sources in {where} (add one: hemiwatch sources add URL)")
        raise typer.Exit(2)
    store = _store(db, create=True)
    stop = threading.Event()
    previous = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}

    def halt(signum: int, _frame: FrameType | None) -> None:
        err.print("stopping after the current item…", highlight=False)
        stop.set()
        signal.signal(signal.SIGINT, previous[signal.SIGINT])  # a second Ctrl-C ends at once

    for sig in previous:
        signal.signal(sig, halt)
    failed = False

    def show(result: Round) -> None:
        nonlocal failed
        for row in result.polls:
            line = f"{row.source}: {row.items} offered, {row.new} stored, {row.failed} failed"
            if row.error:
                line += f" (first: {row.error})"
            err.print(escape(line), highlight=False, soft_wrap=True)
            failed = failed or bool(row.failed)

    try:
        follow(where, store, cli_settings(), interval, once, dask_analyzer(workers, scheduler),
               stop, show)  # fmt: skip
    except HemiwatchError as exc:
        fail(str(exc))
        raise typer.Exit(1) from None
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    err.print(f"{store.count()} articles in {store.url}", highlight=False, soft_wrap=True)
    if once and failed:
        raise typer.Exit(1)


def ingest_urls(
    urls: list[str],
    store: Store,
    settings: Settings,
    analyzer: Analyzer | None,
    tick: Callable[[int], None] | None = None,
) -> IngestReport:
    """`hemiwatch ingest URL`: each URL (a feed, a page, a sitemap) polled once as a source
    of its own."""
    from hemiwatch.fetch.sources import Source
    from hemiwatch.fetch.watch import fetcher_for, poll_round
    from hemiwatch.store.fetchlog import FetchLog

    local = dataclasses.replace(settings, fetch=cli_settings().fetch)
    fetcher = fetcher_for(FetchLog(store), local)
    with fetcher:
        sources = [Source(url=u) for u in urls]
        return poll_round(sources, store, local, fetcher, analyzer, tick=tick).report


def background_watch(ctx: Any, db_url: str, sources_file: Path | None) -> Callable[[], None]:
    """`serve --watch`: follow the sources in a thread of the server, with its own connection
    to the store; analysis takes the server's parse lock, one article at a time, so uploads
    and polls never parse at once. Returns the function that stops it."""
    import logging

    from hemiwatch.fetch.sources import sources_path
    from hemiwatch.fetch.watch import watch as follow
    from hemiwatch.store import open_store

    stop = threading.Event()
    where = sources_path(sources_file)
    log = logging.getLogger("hemiwatch.watch")

    def locked(articles: Iterable[Article], settings: Settings) -> Iterator[Any]:
        from hemiwatch.pipeline import analyze_many

        for article in articles:
            with ctx.parse_lock:
                results = list(analyze_many([article], settings))
            yield from results

    def run() -> None:
        store = open_store(db_url)
        try:
            follow(where, store, cli_settings(), analyzer=locked, stop=stop)
        except HemiwatchError as exc:
            log.error("watch stopped: %s", exc)
        finally:
            store.close()

    thread = threading.Thread(target=run, name="hemiwatch-watch", daemon=True)
    thread.start()
    err.print(f"following the sources of {where} (see /sources)", highlight=False)

    def halt() -> None:
        stop.set()
        thread.join(timeout=30)

    return halt
