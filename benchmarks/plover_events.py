"""PLOVER event-type coding on the PLOVER gold standard records (CAMEO manual sentences) and
on UniversalPetrarch's Spanish AFP validation sentences.

    python benchmarks/plover_events.py

Spanish: the 765 AFP sentences of spanish_protest_plover.jsonl (older PLOVER labels mapped the
same way, SACTION read as SANCTION, CRIME left out as no current type); a sentence counts as
right when the coded type is one of its gold events' types.

The GSR sentences carry PLOVER v0.5 labels; they are mapped to the current 16 types as the
shared data's SOURCE.md says (DEMAND -> REQUEST, DISAPPROVE and INVESTIGATE -> ACCUSE,
FIGHT -> ASSAULT). Prints accuracy (a sentence with no event coded counts as wrong), coverage,
and macro-F1 over the types.
"""

from __future__ import annotations

import json
import time
from collections import Counter

from _common import SHARED
from hemiwatch.config import Settings
from hemiwatch.extract.events import code_sentence
from hemiwatch.nlp import load_model

OLD_TO_NEW = {
    "SACTION": "SANCTION",
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
}


def main() -> None:
    path = SHARED / "data" / "event-coding" / "plover-gsr" / "PLOVER_GSR_CAMEO.json"
    records = [r for r in json.loads(path.read_text("utf-8")) if r.get("event") != "DOCUMENT"]
    nlp = load_model(Settings().model)
    gold = [OLD_TO_NEW.get(r["event"], r["event"]) for r in records]
    t0 = time.perf_counter()
    pred = []
    for doc in nlp.pipe(r["text"] for r in records):
        sents = list(doc.sents)
        coded = next((c for c in (code_sentence(s) for s in sents) if c), None)
        pred.append(coded[0] if coded else None)
    seconds = time.perf_counter() - t0
    right = sum(g == p for g, p in zip(gold, pred, strict=True))
    types = sorted(set(gold))
    f1s = []
    print(f"{'type':10s} {'gold':>5s} {'P':>6s} {'R':>6s} {'F1':>6s}")
    for t in types:
        tp = sum(g == p == t for g, p in zip(gold, pred, strict=True))
        n_pred = sum(p == t for p in pred)
        n_gold = sum(g == t for g in gold)
        p = tp / n_pred if n_pred else 0.0
        r = tp / n_gold if n_gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        f1s.append(f)
        print(f"{t:10s} {n_gold:5d} {p:6.3f} {r:6.3f} {f:6.3f}")
    coded = sum(p is not None for p in pred)
    print(
        f"\n{len(records)} sentences: accuracy {right / len(records):.3f}, "
        f"coded {coded / len(records):.3f}, macro-F1 {sum(f1s) / len(f1s):.3f}, "
        f"{len(records) / seconds:.0f} sentences/s"
    )
    confusions = Counter((g, p) for g, p in zip(gold, pred, strict=True) if g != p)
    print(
        "most common confusions (gold -> coded):",
        ", ".join(f"{g}->{p} {n}" for (g, p), n in confusions.most_common(6)),
    )


def spanish() -> None:
    path = SHARED / "data" / "event-coding" / "universalpetrarch-validation"
    rows = [
        json.loads(line) for line in (path / "spanish_protest_plover.jsonl").open(encoding="utf-8")
    ]
    gold = [
        {OLD_TO_NEW.get(e["plover"], e["plover"]) for e in r["events"] if e.get("plover")}
        - {"CRIME"}
        for r in rows
        if r.get("evaluate") == "true"
    ]
    texts = [r["text"] for r in rows if r.get("evaluate") == "true"]
    keep = [i for i, g in enumerate(gold) if g]
    nlp = load_model(Settings().model_es)
    t0 = time.perf_counter()
    pred = []
    for doc in nlp.pipe(texts[i] for i in keep):
        coded = next((c for c in (code_sentence(s) for s in doc.sents) if c), None)
        pred.append(coded[0] if coded else None)
    seconds = time.perf_counter() - t0
    right = sum(p in gold[i] for i, p in zip(keep, pred, strict=True))
    coded_n = sum(p is not None for p in pred)
    confusions = Counter(
        (sorted(gold[i])[0], p) for i, p in zip(keep, pred, strict=True) if p not in gold[i]
    )
    print(
        f"\nSpanish AFP, {len(keep)} sentences: accuracy {right / len(keep):.3f}, "
        f"coded {coded_n / len(keep):.3f}, {len(keep) / seconds:.0f} sentences/s"
    )
    print(
        "most common confusions (gold -> coded):",
        ", ".join(f"{g}->{p} {n}" for (g, p), n in confusions.most_common(6)),
    )


if __name__ == "__main__":
    main()
    spanish()
