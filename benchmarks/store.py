"""Store at scale: ingest rows/second and p50/p95 latency of search, board, quotes and ask.

    python benchmarks/store.py [--n 100000] [--db sqlite|postgresql|both] [--queries 40]

Builds N articles as variations of the dev corpus (new ids, dates and an invented closing
paragraph, so full-text statistics vary) from facts computed once, ingests them in batches of
500 (one transaction each) and times the analyst queries on the full store. PostgreSQL comes
from $HEMIWATCH_TEST_PG (scripts/start-postgres.sh prints a URL).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import resource
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from _common import SHARED
from hemiwatch.analyze import ask, board
from hemiwatch.models import Article, Facts
from hemiwatch.pipeline import analyze_many
from hemiwatch.store import Store, open_store

WORDS = (
    "harbor patrol cargo ministry envoy border convoy customs audit ledger registry "
    "corridor tariff summit cable bulletin"
).split()
QUERIES = [
    "cocaine seizure",
    "deportation flights",
    "Haiti police",
    "sanctions tankers",
    "border patrols",
    "coca eradication",
    "migration data",
    "state of emergency",
]
QUESTIONS = [
    "Which country refuses to cooperate with the United States?",
    "How many troops were pledged for Haiti?",
    "What did Marco Rubio say?",
]


def variants(base: list[tuple[Article, Facts]], n: int) -> Iterator[tuple[Article, Facts]]:
    rnd = random.Random(7)
    for i in range(n):
        article, facts = base[i % len(base)]
        shift = dt.timedelta(days=rnd.randint(-400, 400))
        tail = " ".join(rnd.choice(WORDS) for _ in range(12))
        new_id = f"{article.id}-v{i}"
        yield (
            article.model_copy(
                update={
                    "id": new_id,
                    "published": (article.published or dt.date(2025, 6, 1)) + shift,
                    "text": f"{article.text}\n\nSample note {i}: {tail}.",
                }
            ),
            facts.model_copy(
                update={
                    "id": new_id,
                    "stances": [
                        s.model_copy(update={"date": (s.date or dt.date(2025, 6, 1)) + shift})
                        for s in facts.stances
                    ],
                }
            ),
        )


def timed(fn: Callable[[], object], runs: int) -> tuple[float, float]:
    samples = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t0) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(0.95 * (len(samples) - 1))]


def run(name: str, store: Store, base: list[tuple[Article, Facts]], n: int, runs: int) -> None:
    store.delete_all()
    t0 = time.perf_counter()
    batch: list[tuple[Article, Facts]] = []
    for item in variants(base, n):
        batch.append(item)
        if len(batch) == 500:
            store.add(batch)
            batch = []
    if batch:
        store.add(batch)
    seconds = time.perf_counter() - t0
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"\n{name}: {store.count():,} articles ingested in {seconds:.0f} s "
        f"({n / seconds:,.0f} articles/s), peak RSS so far {rss:.0f} MB"
    )
    rnd = random.Random(1)
    print(f"  {'query':8s} {'p50 ms':>8s} {'p95 ms':>8s}")
    for label, fn in (
        ("search", lambda: store.search(rnd.choice(QUERIES), limit=10)),
        ("board", lambda: board(store)),
        (
            "quotes",
            lambda: store.quote_rows(speaker=rnd.choice(["rubio", "valcourt", "grant"]), limit=50),
        ),
        ("ask", lambda: ask(store, rnd.choice(QUESTIONS))),
    ):
        p50, p95 = timed(fn, runs)
        print(f"  {label:8s} {p50:8.1f} {p95:8.1f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--db", choices=["sqlite", "postgresql", "both"], default="both")
    ap.add_argument("--queries", type=int, default=40)
    args = ap.parse_args()
    paths = sorted((SHARED / "corpus" / "dev" / "articles").glob("*.json"))
    articles = [Article.model_validate(json.loads(p.read_text("utf-8"))) for p in paths]
    base = [(a, f) for a, f in analyze_many(articles) if isinstance(f, Facts)]
    print(f"{args.n:,} articles built from {len(base)} analysed dev articles")
    if args.db in {"sqlite", "both"}:
        with tempfile.TemporaryDirectory() as tmp:
            run(
                "SQLite",
                open_store(f"sqlite:///{Path(tmp) / 'bench.db'}"),
                base,
                args.n,
                args.queries,
            )
    if args.db in {"postgresql", "both"}:
        url = os.environ.get("HEMIWATCH_TEST_PG")
        if not url:
            print("\nPostgreSQL: skipped (set HEMIWATCH_TEST_PG; scripts/start-postgres.sh)")
            return
        store = open_store(url)
        run("PostgreSQL", store, base, args.n, args.queries)
        store.delete_all()


if __name__ == "__main__":
    main()
