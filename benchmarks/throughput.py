"""Throughput on the same texts in one run: bare spaCy, hemiwatch, the gate, Dask, textacy.

    python benchmarks/throughput.py [--quick] [--json]

Texts: the dev corpus (on-topic and off-topic) repeated, plus as many CNN/DailyMail articles
(mostly off-topic) for the gated run. Rows:
- spaCy: `nlp.pipe` with the same model, nothing else;
- hemiwatch: full analysis in this process (`analyze_many`);
- gate: the relevance gate alone (articles/second on one core), and hemiwatch with the gate on
  the on/off-topic mix;
- Dask: hemiwatch on a local Dask cluster of 2 worker processes (start-up included);
- textacy: the peer, spaCy parse plus textacy's direct quotations and SVO triples.
With --json, the last line is a JSON object with the figures.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import resource
import time
from collections.abc import Callable

import spacy

from _common import SHARED
from hemiwatch.config import Settings
from hemiwatch.extract.gate import passes
from hemiwatch.models import Article
from hemiwatch.pipeline import analyze_many
from hemiwatch.scale import analyze_distributed


def load(kind: str) -> list[Article]:
    folder = SHARED / "corpus" / kind / "articles"
    out = []
    for path in sorted(folder.glob("*.json")):
        data = json.loads(path.read_text("utf-8"))
        out.append(Article(id=data["id"], title=data.get("title") or "", text=data["text"]))
    return out


def rate(fn: Callable[[], int], n: int) -> float:
    t0 = time.perf_counter()
    done = fn()
    assert done == n, (done, n)
    return n / (time.perf_counter() - t0)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="fewer texts (about a minute)")
    ap.add_argument("--json", action="store_true", help="print a JSON line with the figures")
    args = ap.parse_args()
    repeat = 2 if args.quick else 6
    dev = load("dev") * repeat
    mix = dev + load("cnndm")[: len(dev)]
    texts = [a.text for a in dev]
    settings = Settings()
    nlp = spacy.load(settings.model)
    list(nlp.pipe(texts[:4]))
    list(analyze_many(dev[:4]))
    results: dict[str, float] = {}
    results["spacy_articles_per_s"] = rate(
        lambda: sum(1 for _ in nlp.pipe(texts, batch_size=settings.batch_size)), len(texts)
    )
    results["hemiwatch_articles_per_s"] = rate(lambda: sum(1 for _ in analyze_many(dev)), len(dev))
    gate_texts = mix * (20 if args.quick else 50)
    results["gate_articles_per_s"] = rate(
        lambda: sum(1 for a in gate_texts if passes(a.title, a.text) or True), len(gate_texts)
    )
    results["gate_pass_share"] = sum(passes(a.title, a.text) for a in mix) / len(mix)
    results["gated_mix_articles_per_s"] = rate(
        lambda: sum(1 for _ in analyze_many(mix, Settings(gate=True))), len(mix)
    )
    results["ungated_mix_articles_per_s"] = rate(
        lambda: sum(1 for _ in analyze_many(mix)), len(mix)
    )
    results["dask_articles_per_s"] = rate(
        lambda: sum(1 for _ in analyze_distributed(dev, settings, workers=2)), len(dev)
    )

    from textacy.extract.triples import direct_quotations, subject_verb_object_triples

    def textacy_run() -> int:
        n = 0
        for doc in nlp.pipe(texts, batch_size=settings.batch_size):
            with contextlib.suppress(Exception):  # odd numbers of quotation marks make it raise
                list(direct_quotations(doc))
            list(subject_verb_object_triples(doc))
            n += 1
        return n

    results["textacy_articles_per_s"] = rate(textacy_run, len(texts))
    results["hemiwatch_vs_spacy"] = (
        results["hemiwatch_articles_per_s"] / results["spacy_articles_per_s"]
    )
    results["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{len(dev)} dev texts (x{repeat}), mix of {len(mix)} with CNN/DailyMail")
    print(f"{'run':34s} {'articles/s':>10s}")
    for label, key in (
        ("bare spaCy nlp.pipe", "spacy_articles_per_s"),
        ("hemiwatch, one process", "hemiwatch_articles_per_s"),
        ("relevance gate alone, one core", "gate_articles_per_s"),
        ("hemiwatch on the mix, no gate", "ungated_mix_articles_per_s"),
        ("hemiwatch on the mix, gate on", "gated_mix_articles_per_s"),
        ("hemiwatch on Dask, 2 workers", "dask_articles_per_s"),
        ("spaCy + textacy peer", "textacy_articles_per_s"),
    ):
        print(f"{label:34s} {results[key]:10.1f}")
    print(
        f"hemiwatch / spaCy: {results['hemiwatch_vs_spacy']:.2f}; gate passes "
        f"{results['gate_pass_share']:.0%} of the mix; peak RSS {results['peak_rss_mb']:.0f} MB"
    )
    if args.json:
        print(json.dumps({k: round(v, 3) for k, v in results.items()}))


if __name__ == "__main__":
    main()
