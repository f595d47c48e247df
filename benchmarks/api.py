"""The service under load: requests/second and latency of the board, search and article pages.

    python benchmarks/api.py [--n 5000] [--seconds 8] [--concurrency 16]

Builds a SQLite store of N articles (variations of the dev corpus, as benchmarks/store.py),
starts `hemiwatch serve` in its own process on loopback, and loads it from this process with
`concurrency` keep-alive connections (httpx, asyncio) for `seconds` per endpoint. The
`/api/health` row is the floor: the same server answering a request that does almost nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from _common import SHARED
from hemiwatch.models import Article
from hemiwatch.pipeline import analyze_many
from hemiwatch.store import open_store
from store import variants

HEMIWATCH = str(Path(sys.executable).parent / "hemiwatch")


def build(n: int) -> tuple[str, list[str]]:
    """A store of n articles; returns its URL and some article ids."""
    articles = [
        Article.model_validate(json.loads(p.read_text("utf-8")))
        for p in sorted((SHARED / "corpus" / "dev" / "articles").glob("*.json"))
    ]
    base = [(a, f) for a, f in analyze_many(articles)
            if not isinstance(f, Exception)]  # fmt: skip
    url = f"sqlite:///{tempfile.mkdtemp(prefix='hemiwatch-api-')}/hemiwatch.db"
    store = open_store(url)
    batch: list = []
    ids = []
    for item in variants(base, n):  # type: ignore[arg-type]
        batch.append(item)
        if len(ids) < 200:
            ids.append(item[0].id)
        if len(batch) == 500:
            store.add(batch)
            batch = []
    if batch:
        store.add(batch)
    store.close()
    return url, ids


async def load(
    base: str, paths: list[str], seconds: float, concurrency: int
) -> tuple[int, list[float], int]:
    latencies: list[float] = []
    errors = 0
    stop = time.perf_counter() + seconds
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as client:

        async def worker(seed: int) -> None:
            nonlocal errors
            rnd = random.Random(seed)
            while time.perf_counter() < stop:
                path = rnd.choice(paths)
                started = time.perf_counter()
                response = await client.get(path)
                latencies.append(time.perf_counter() - started)
                errors += response.status_code != 200

        await asyncio.gather(*(worker(i) for i in range(concurrency)))
    return len(latencies), latencies, errors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=5000)
    parser.add_argument("--seconds", type=float, default=8.0)
    parser.add_argument("--concurrency", type=int, default=16)
    args = parser.parse_args()
    started = time.perf_counter()
    url, ids = build(args.n)
    print(f"store: {args.n:,} articles built in {time.perf_counter() - started:.0f} s ({url})")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen(
        [HEMIWATCH, "serve", "--db", url, "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "HEMIWATCH_API_TOKEN": ""},
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                if httpx.get(base + "/api/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        endpoints = {
            "/api/health (floor)": ["/api/health"],
            "/api/board": ["/api/board"],
            "/api/search?q=...": [f"/api/search?q={q}" for q in (
                "cocaine", "deportation flights", "Haiti police", "sanctions", "border patrols")],
            "/api/articles/{id}": [f"/api/articles/{i}" for i in ids],
            "/ (map page)": ["/"],
            "/articles/{id} (page)": [f"/articles/{i}" for i in ids],
        }  # fmt: skip
        print(f"{args.concurrency} concurrent connections, {args.seconds:.0f} s per endpoint, "
              f"server and load generator on {os.cpu_count()} cores")  # fmt: skip
        print(f"{'endpoint':26s} {'req/s':>8s} {'p50 ms':>8s} {'p95 ms':>8s} {'errors':>7s}")
        for name, paths in endpoints.items():
            n, lat, errors = asyncio.run(load(base, paths, args.seconds, args.concurrency))
            lat.sort()
            p95 = lat[int(0.95 * (len(lat) - 1))] * 1000
            print(f"{name:26s} {n / args.seconds:8.1f} {statistics.median(lat) * 1000:8.1f} "
                  f"{p95:8.1f} {errors:7d}")  # fmt: skip
    finally:
        server.terminate()
        server.wait(timeout=20)


if __name__ == "__main__":
    main()
