"""Analyse articles on a Dask cluster: a local one (`--workers N`) or an existing scheduler.

Each worker process loads the spaCy model once (the pipeline caches it per process) and
analyses chunks of articles; results come back in input order, as JSON, so the caller writes
them exactly as a single-process run would. At most a few chunks per worker are in flight, so
memory stays flat however long the input is.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from itertools import islice
from typing import Any

from hemiwatch.config import Settings
from hemiwatch.errors import ConfigError, ExtractError
from hemiwatch.models import Article, Facts

CHUNK = 16
IN_FLIGHT_PER_WORKER = 3


def _analyze_chunk(payload: list[str], settings: Settings) -> list[tuple[str, str]]:
    """Runs on a worker: ("ok", facts JSON) or ("error", message) per article, in order."""
    from hemiwatch.pipeline import analyze_many

    articles = [Article.model_validate_json(p) for p in payload]
    out = []
    for _article, result in analyze_many(articles, settings):
        if isinstance(result, ExtractError):
            out.append(("error", str(result)))
        else:
            out.append(("ok", result.model_dump_json()))
    return out


@contextmanager
def dask_client(workers: int | None, scheduler: str | None) -> Iterator[Any]:
    try:
        from dask.distributed import Client, LocalCluster  # untyped library
    except ImportError as exc:  # pragma: no cover - dask is a declared dependency
        raise ConfigError("Dask is not installed (pip install 'dask[distributed]')") from exc
    if scheduler:
        try:
            client = Client(scheduler, timeout="10s")
        except OSError as exc:
            raise ConfigError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc
        try:
            yield client
        finally:
            client.close()
        return
    cluster = LocalCluster(
        n_workers=workers or 2,
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
        silence_logs=40,
    )
    client = Client(cluster)
    try:
        yield client
    finally:
        client.close()
        cluster.close()


def analyze_distributed(
    articles: Iterable[Article],
    settings: Settings | None = None,
    workers: int | None = None,
    scheduler: str | None = None,
) -> Iterator[tuple[Article, Facts | ExtractError]]:
    """Like pipeline.analyze_many, on Dask: the same (article, result) pairs, in order."""
    settings = settings or Settings()
    with dask_client(workers, scheduler) as client:
        n_workers = max(1, len(client.scheduler_info().get("workers", {})) or (workers or 1))
        window: deque[tuple[list[Article], Any]] = deque()
        source = iter(articles)

        def submit() -> bool:
            chunk = list(islice(source, CHUNK))
            if not chunk:
                return False
            payload = [a.model_dump_json() for a in chunk]
            window.append((chunk, client.submit(_analyze_chunk, payload, settings, pure=False)))
            return True

        while len(window) < n_workers * IN_FLIGHT_PER_WORKER and submit():
            pass
        while window:
            chunk, future = window.popleft()
            for article, (status, body) in zip(chunk, future.result(), strict=True):
                yield (
                    article,
                    (Facts.model_validate_json(body) if status == "ok" else ExtractError(body)),
                )
            submit()
