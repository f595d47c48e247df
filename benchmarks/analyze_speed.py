"""Speed of one article and of a corpus: hemiwatch next to bare spaCy parsing of the same texts.

    python benchmarks/analyze_speed.py [--repeat N]

Prints: cold `hemiwatch analyze` wall time on the reference article (process start and model
load included), `hemiwatch export-facts` on the dev corpus, and in one process the articles per
second of bare `spacy.load(...).pipe()` and of hemiwatch's full analysis on the same texts.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import spacy

from _common import SHARED
from hemiwatch.config import Settings
from hemiwatch.models import Article
from hemiwatch.pipeline import analyze_many

DEV = SHARED / "corpus" / "dev"
HEMIWATCH = str(Path(sys.executable).parent / "hemiwatch")


def wall(cmd: list[str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True)
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=4, help="copies of the dev corpus to time")
    args = ap.parse_args()
    reference = DEV / "articles" / "nationpress-2025-12-20-rubio.json"
    cold = [wall([HEMIWATCH, "analyze", str(reference), "--format", "facts"]) for _ in range(3)]
    print(f"hemiwatch analyze (cold, reference article): median {statistics.median(cold):.2f} s")
    with tempfile.TemporaryDirectory() as out:
        n = len(list((DEV / "articles").glob("*.json")))
        t = wall([HEMIWATCH, "export-facts", str(DEV), out])
        print(f"hemiwatch export-facts (dev, {n} articles, cold): {t:.2f} s, {n / t:.1f} art/s")

    articles = [
        Article.model_validate(json.loads(p.read_text("utf-8")))
        for p in sorted((DEV / "articles").glob("*.json"))
    ] * args.repeat
    texts = [a.text for a in articles]
    bare = spacy.load(Settings().model)
    list(bare.pipe(texts[:4]))  # warm up
    t0 = time.perf_counter()
    list(bare.pipe(texts, batch_size=Settings().batch_size))
    spacy_s = time.perf_counter() - t0
    list(analyze_many(articles[:4]))  # warm up (loads the model once)
    t0 = time.perf_counter()
    results = list(analyze_many(articles))
    ours_s = time.perf_counter() - t0
    assert not [r for _, r in results if isinstance(r, Exception)]
    n = len(texts)
    print(f"\nsame {n} texts in one process (dev corpus x{args.repeat}):")
    print(f"{'':28s} {'articles/s':>10s} {'ratio':>6s}")
    print(f"{'bare spaCy nlp.pipe':28s} {n / spacy_s:10.1f} {1.0:6.2f}")
    print(f"{'hemiwatch analyze_many':28s} {n / ours_s:10.1f} {spacy_s / ours_s:6.2f}")


if __name__ == "__main__":
    main()
