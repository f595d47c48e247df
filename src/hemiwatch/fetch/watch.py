"""Keep the corpus current: poll every enabled source on its interval, ingest what is new
(analysis here or on Dask; this process the one writer), until stopped between items."""

from __future__ import annotations

import dataclasses
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path

from hemiwatch.config import Settings
from hemiwatch.errors import IngestError
from hemiwatch.fetch.http import Attempt, Fetcher
from hemiwatch.fetch.poll import Tally, poll
from hemiwatch.fetch.sources import Source, load_sources, seconds
from hemiwatch.ingest.run import Analyzer, IngestReport, ingest_items
from hemiwatch.models import Article
from hemiwatch.store import Store
from hemiwatch.store.fetchlog import FetchLog, Poll, now

DEFAULT_EVERY = 15 * 60.0


@dataclass
class Round:
    """One round of polls: a row per source polled, and the ingest totals."""

    polls: list[Poll]
    report: IngestReport


def fetcher_for(log: FetchLog, settings: Settings) -> Fetcher:
    """A fetcher whose every request goes to the fetch log."""

    def record(attempt: Attempt) -> None:
        log.request(
            attempt.url, attempt.source, attempt.status, attempt.size, attempt.seconds,
            attempt.error,
        )  # fmt: skip

    return Fetcher(settings.fetch, record)


def poll_round(
    sources: list[Source],
    store: Store,
    settings: Settings,
    fetcher: Fetcher,
    analyzer: Analyzer | None = None,
    stop: threading.Event | None = None,
    tick: Callable[[int], None] | None = None,
) -> Round:
    """Poll each source once and ingest what is new: one ingest run per language named by the
    sources (a source's language, when it has one, is the one its articles are read in)."""
    log = FetchLog(store)
    polls: list[Poll] = []
    total = IngestReport()
    ordered = sorted(sources, key=lambda s: s.language or "")
    for language, group in groupby(ordered, key=lambda s: s.language):
        members = list(group)
        owner: dict[str, str] = {}
        tallies = {s.url: Tally() for s in members}
        started: dict[str, str] = {}

        items = _items(members, fetcher, log, settings, stop, tallies, owner, started)
        run = dataclasses.replace(settings, language=language or settings.language)
        report = ingest_items(items, store, run, tick=tick, analyzer=analyzer)
        stored = Counter(owner.get(item) for item in report.stored_items)
        for source in members:
            if source.url not in started:
                continue
            tally = tallies[source.url]
            row = Poll(
                source=source.label,
                url=source.url,
                started=started[source.url],
                items=tally.items,
                new=stored[source.url],
                failed=tally.failed,
                error=tally.errors[0] if tally.errors else None,
            )
            log.poll(row)
            polls.append(row)
        total.merge(report)
    return Round(polls, total)


def _items(
    members: list[Source],
    fetcher: Fetcher,
    log: FetchLog,
    settings: Settings,
    stop: threading.Event | None,
    tallies: dict[str, Tally],
    owner: dict[str, str],
    started: dict[str, str],
) -> Iterator[tuple[str, Article | IngestError]]:
    """The items of each source in turn, noting which source each came from and when each
    poll started."""
    for source in members:
        if stop is not None and stop.is_set():
            return
        started[source.url] = now()
        fetcher.source = source.label
        for item, got in poll(source, fetcher, log, settings, tallies[source.url], stop):
            owner[item] = source.url
            yield item, got


def interval(source: Source, every: float) -> float:
    return seconds(source.every) if source.every else every


def watch(
    sources_file: Path,
    store: Store,
    settings: Settings,
    every: float = DEFAULT_EVERY,
    once: bool = False,
    analyzer: Analyzer | None = None,
    stop: threading.Event | None = None,
    on_round: Callable[[Round], None] | None = None,
) -> None:
    """Poll the enabled sources of the file, each when its interval has passed, until `stop`
    is set (checked between items) or, with `once`, after one round. The file is read again
    every round, so sources added meanwhile are followed without a restart."""
    stop = stop or threading.Event()
    log = FetchLog(store)
    fetcher = fetcher_for(log, settings)
    last: dict[str, float] = {}
    try:
        while not stop.is_set():
            enabled = [s for s in load_sources(sources_file) if s.enabled]
            clock = time.monotonic()
            due = [s for s in enabled if clock - last.get(s.url, -1e18) >= interval(s, every)]
            if due:
                result = poll_round(due, store, settings, fetcher, analyzer, stop)
                for source in due:
                    last[source.url] = clock
                if on_round:
                    on_round(result)
            if once:
                return
            waits = [last[s.url] + interval(s, every) - time.monotonic() for s in enabled]
            stop.wait(max(1.0, min(waits, default=every)))
    finally:
        fetcher.close()
