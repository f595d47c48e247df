"""Start-up: wall time of each command in a fresh process, on a small database (issue 23).

    python benchmarks/startup.py [--rounds 3]

Ingests the bundled sample corpus into a temporary SQLite file once, then runs every command
`--rounds` times, each in a new process (as a user types it), and prints the median wall time
against the issue's targets: `--help` under 0.3 s, the commands that only read the store under
0.8 s, a warm `make run` (ingest with nothing new, the briefing, the server answering) under 5 s.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from _common import ROOT

HEMIWATCH = str(Path(sys.executable).parent / "hemiwatch")
SAMPLES = str(ROOT / "samples" / "articles")
READS = [
    ["board"],
    ["commitments"],
    ["quotes"],
    ["search", "cartel"],
    ["brief"],
    ["ask", "Which country refuses to cooperate with the United States?"],
    ["export", "--format", "jsonl"],
]
HELP = [["--help"], ["board", "--help"], ["ingest", "--help"]]


def wall(args: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run([HEMIWATCH, *args], env=env, check=True, capture_output=True)
    return time.perf_counter() - start


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def warm_make_run(env: dict[str, str]) -> float:
    """What `make run` does once its venv and database exist, to the first page served."""
    start = time.perf_counter()
    subprocess.run([HEMIWATCH, "ingest", SAMPLES], env=env, check=True, capture_output=True)
    subprocess.run([HEMIWATCH, "brief"], env=env, check=True, capture_output=True)
    port = free_port()
    server = subprocess.Popen(
        [HEMIWATCH, "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1) as page:
                    if page.status == 200:
                        return time.perf_counter() - start
            except OSError:
                if server.poll() is not None:
                    raise SystemExit("the server exited before it answered") from None
                time.sleep(0.05)
    finally:
        server.terminate()
        server.wait(10)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    rounds = parser.parse_args().rounds
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "HEMIWATCH_DB": f"sqlite:///{Path(tmp) / 'hemiwatch.db'}"}
        subprocess.run([HEMIWATCH, "ingest", SAMPLES], env=env, check=True, capture_output=True)
        print(f"{'command':<32} {'median s':>9}  target")
        for group, target in ((HELP, 0.3), (READS, 0.8)):
            for args in group:
                t = statistics.median(wall(args, env) for _ in range(rounds))
                shown = " ".join(args)[:30]
                print(f"{shown:<32} {t:9.2f}  < {target} {'ok' if t < target else 'OVER'}")
        t = statistics.median(warm_make_run(env) for _ in range(rounds))
        print(f"{'warm make run, to serving':<32} {t:9.2f}  < 5.0 {'ok' if t < 5 else 'OVER'}")


if __name__ == "__main__":
    main()
