"""Fetching speed against a local server (127.0.0.1 only): one poll of a 200-item feed that
carries only summaries, so each item's page is fetched. Prints items per second and peak
memory for the fetch alone, for fetch + analysis + store in this process, and with Dask.

    .venv/bin/python benchmarks/fetch.py [--items 200] [--no-dask]
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

from _common import ROOT

sys.path.insert(0, str(ROOT))

from hemiwatch.config import FetchPolicy, Settings
from hemiwatch.fetch.poll import Tally, poll
from hemiwatch.fetch.sources import Source
from hemiwatch.fetch.watch import fetcher_for, poll_round
from hemiwatch.store import open_store
from hemiwatch.store.fetchlog import FetchLog
from tests.webserver import Site, serve

POLICY = FetchPolicy(delay=0.0, allow_private=True)


def peak_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def fetch_only(site: Site, folder: Path) -> tuple[int, float]:
    store = open_store(f"sqlite:///{folder / 'fetch.db'}")
    log = FetchLog(store)
    fetcher = fetcher_for(log, Settings(fetch=POLICY))
    start = time.perf_counter()
    with fetcher:
        n = sum(1 for _ in poll(Source(url=site.base + "/feed.xml"), fetcher, log,
                                Settings(fetch=POLICY), Tally()))  # fmt: skip
    store.close()
    return n, time.perf_counter() - start


def full(site: Site, folder: Path, name: str, workers: int | None) -> tuple[int, float]:
    from hemiwatch.cli.sources import dask_analyzer

    store = open_store(f"sqlite:///{folder / f'{name}.db'}")
    settings = Settings(fetch=POLICY)
    fetcher = fetcher_for(FetchLog(store), settings)
    start = time.perf_counter()
    with fetcher:
        result = poll_round([Source(url=site.base + "/feed.xml")], store, settings, fetcher,
                            dask_analyzer(workers, None))  # fmt: skip
    store.close()
    return result.report.added, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=200)
    parser.add_argument("--no-dask", action="store_true")
    args = parser.parse_args()
    with serve() as site, tempfile.TemporaryDirectory() as tmp:
        site.feed_items = [f"/news/{n}.html" for n in range(1, args.items + 1)]
        folder = Path(tmp)
        print(f"one poll of a {args.items}-item feed, each item's page fetched (127.0.0.1)")
        n, took = fetch_only(site, folder)
        print(f"  fetch only            {n:4d} items  {n / took:7.1f} items/s  "
              f"peak {peak_mb():.0f} MB")  # fmt: skip
        from hemiwatch.pipeline import analyze

        analyze(__import__("hemiwatch").Article(id="warm", text="A warm-up."), Settings())
        n, took = full(site, folder, "local", None)
        print(f"  fetch+analyse+store   {n:4d} items  {n / took:7.1f} items/s  "
              f"peak {peak_mb():.0f} MB (model loaded before)")  # fmt: skip
        if not args.no_dask:
            n, took = full(site, folder, "dask", 2)
            print(f"  same on Dask (2 proc) {n:4d} items  {n / took:7.1f} items/s  "
                  f"peak {peak_mb():.0f} MB (cluster start included)")  # fmt: skip


if __name__ == "__main__":
    main()
