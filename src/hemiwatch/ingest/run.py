"""Inputs -> store: read, check identity, analyse what is new, write, one batch at a time.

Identity is settled before any analysis, so a run with nothing new never loads a model: an
article whose id is stored with the same content is already stored; one whose id is taken by
other content (two corpora both numbered 001, 002, ...) is a conflict, stored under the id plus
a short content hash, recorded and counted, never dropped.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

from hemiwatch.config import Settings
from hemiwatch.errors import ExtractError, IngestError, StoreError
from hemiwatch.ingest import iter_items
from hemiwatch.models import Article, Facts
from hemiwatch.store.dedup import content_hash

if TYPE_CHECKING:
    from hemiwatch.store import Store

Analyzer = Callable[[Iterable[Article], Settings], Iterator[tuple[Article, Facts | ExtractError]]]


@dataclass
class IngestReport:
    added: int = 0
    skipped: int = 0  # already stored: ingesting twice changes nothing
    failed: list[str] = field(default_factory=list)
    renamed: list[str] = field(default_factory=list)  # "item: id -> new id" for each conflict
    stored_items: list[str] = field(default_factory=list)  # the item of each article stored

    def merge(self, other: IngestReport) -> None:
        """Add another run's counts and lists to this one."""
        self.added += other.added
        self.skipped += other.skipped
        self.failed += other.failed
        self.renamed += other.renamed
        self.stored_items += other.stored_items


def conflict_id(article_id: str, digest: str) -> str:
    """The id an article takes when its own is held by other content."""
    return f"{article_id}-{digest[:8]}"


def _local(
    articles: Iterable[Article], settings: Settings
) -> Iterator[tuple[Article, Facts | ExtractError]]:
    source = iter(articles)
    first = next(source, None)
    if first is None:
        return  # nothing new: the model is never loaded
    from hemiwatch.pipeline import analyze_many

    def again() -> Iterator[Article]:
        yield first
        yield from source

    yield from analyze_many(again(), settings)


def ingest(
    paths: list[Path],
    store: Store,
    settings: Settings | None = None,
    batch: int = 32,
    tick: Callable[[int], None] | None = None,
    analyzer: Analyzer | None = None,
) -> IngestReport:
    """Read, analyse and store every article under `paths`, one transaction per batch.

    A bad item is recorded in ingest_errors and the run goes on; what is already stored is
    never touched, so a run killed half-way is finished by running it again. Input is read,
    analysed (by `analyzer`: this process, or Dask) and written as a stream, so memory does
    not grow with the corpus; only this process writes to the database.
    """
    settings = settings or Settings()
    return ingest_items(iter_items(paths, settings), store, settings, batch, tick, analyzer)


def ingest_items(
    source: Iterable[tuple[str, Article | IngestError]],
    store: Store,
    settings: Settings,
    batch: int = 32,
    tick: Callable[[int], None] | None = None,
    analyzer: Analyzer | None = None,
) -> IngestReport:
    """`ingest` for items from anywhere (files, a poll of a web source): (item, Article or
    the error that kept it from being one)."""
    report = IngestReport()
    items = iter(source)
    origin: dict[int, str] = {}  # id() of an article in flight -> where it came from
    claimed: dict[str, str] = {}  # id -> content hash, for the ids of this run not yet stored
    origin_of: dict[str, str] = {}  # article id -> its item, for errors at write time

    def todo() -> Iterator[Article]:
        while chunk := list(islice(items, batch)):
            read: list[tuple[str, Article, str]] = []
            for item, got in chunk:
                if isinstance(got, IngestError):
                    store.add_error(item, got.reason)
                    report.failed.append(str(got))
                else:
                    read.append((item, got, content_hash(got.text)))
            ids = {a.id for _, a, _ in read} | {conflict_id(a.id, h) for _, a, h in read}
            stored = store.known(sorted(ids))
            for item, article, digest in read:
                settled = settle(article, digest, {**stored, **claimed})
                if isinstance(settled, str):
                    report.skipped += settled == "same"
                    if settled != "same":
                        store.add_error(item, settled)
                        report.failed.append(f"{item}: {settled}")
                    continue
                if settled.id != article.id:
                    note = f"id {article.id} is held by another article: stored as {settled.id}"
                    store.add_error(item, f"id conflict: {note}")
                    report.renamed.append(f"{item}: {note}")
                claimed[settled.id] = digest
                origin[id(settled)] = item
                yield settled
            if tick:
                tick(len(chunk))

    pending: list[tuple[Article, Facts]] = []
    for article, result in (analyzer or _local)(todo(), settings):
        item = origin.pop(id(article), article.id)
        origin_of[article.id] = item
        if isinstance(result, ExtractError):
            store.add_error(item, str(result))  # the file (or file:line), then the article id
            report.failed.append(f"{item}: {result}")
        else:
            pending.append((article, result))
        if len(pending) >= batch:
            _write(store, pending, origin_of, report)
            pending = []
    if pending:
        _write(store, pending, origin_of, report)
    return report


def _write(
    store: Store, pending: list[tuple[Article, Facts]], where: dict[str, str], report: IngestReport
) -> None:
    """One transaction for the batch; if the database refuses it, each article alone, so that
    one article it cannot take costs only itself (recorded) and the rest are stored."""
    refused = 0
    try:
        added = store.add(pending)
    except StoreError:
        added = []
        for one in pending:
            try:
                added += store.add([one])
            except StoreError as exc:
                item = where.get(one[0].id, one[0].id)
                store.add_error(item, str(exc))
                report.failed.append(f"{item}: {exc}")
                refused += 1
    report.added += len(added)
    report.stored_items += [where.get(aid, aid) for aid in added]
    report.skipped += len(pending) - len(added) - refused  # stored meanwhile by another writer


def settle(article: Article, digest: str, held: dict[str, str]) -> Article | str:
    """The article to analyse (under its own id, or its conflict id when another article holds
    that), or why not: "same" when this very content is stored already, else the error."""
    if held.get(article.id, digest) == digest:
        return "same" if article.id in held else article
    new = conflict_id(article.id, digest)
    if new not in held:
        return article.model_copy(update={"id": new})
    if held[new] == digest:
        return "same"
    return f"ids {article.id} and {new} are both held by other articles"
