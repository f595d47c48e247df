"""Direct quotes on PolNeAR's test split: hemiwatch next to textacy, same model, same texts.

    python benchmarks/polnear_quotes.py [--split test] [--limit N]

Gold: attribution relations whose Content is in quotation marks (one annotation file per
article, the first in sort order); a discontinuous Content ("A," he said, "B.") is its pieces
joined. Each system's quotes that share a speaker mention and follow each other in a paragraph
are joined the same way. A predicted quote matches a gold one at word-token F1 >= 0.7
(one-to-one, best pairs first), as ../shared/eval/score.py matches quotes. PolNeAR marks a
partial quote inside reported speech ("said the plan was “horrifying”") as part of an indirect
Content, so a prediction that lies inside any gold Content is not counted as a false positive.
Speaker-mention accuracy: of the matched quotes, how many name a speaker mention that overlaps
the gold Source span (hemiwatch resolves "he" to a full name but keeps the span it resolved from).
"""

from __future__ import annotations

import argparse
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from _common import SHARED, prf, token_f1
from hemiwatch.config import Settings
from hemiwatch.models import Article
from hemiwatch.nlp import load_model
from hemiwatch.pipeline import facts_from_doc

MARKS = "\"“”«»„'‘’ \n\t,"
Span = tuple[int, int]


@dataclass
class Quote:
    text: str
    speaker: Span | None
    span: Span = (0, 0)


@dataclass
class Gold:
    quotes: list[Quote]
    contents: list[Span]  # every attribution's Content, quoted or not


def load(split: str, limit: int | None) -> list[tuple[str, Gold]]:
    root = SHARED / "data" / "polnear" / "data" / split
    seen: set[str] = set()
    out = []
    for ann in sorted((root / "attributions").glob("*.ann")):
        stem = ann.name.rsplit("_", 1)[0]
        if stem in seen:
            continue
        seen.add(stem)
        text = (root / "text" / f"{stem}.txt").read_text("utf-8")
        out.append((text, gold_quotes(text, ann)))
        if limit and len(out) >= limit:
            break
    return out


def gold_quotes(text: str, ann: Path) -> Gold:
    spans: dict[str, list[Span]] = {}
    kinds: dict[str, str] = {}
    quotes = []
    contents: list[Span] = []
    for line in ann.read_text("utf-8").split("\n"):
        m = re.match(r"^(T\d+)\t(\S+) ([\d; ]+)\t", line)
        if m:
            spans[m.group(1)] = [
                (int(a), int(b)) for a, b in (s.split() for s in m.group(3).split(";"))
            ]
            kinds[m.group(1)] = m.group(2)
            continue
        m = re.match(r"^E\d+\t(.*)$", line)
        if not m:
            continue
        args = dict(a.split(":", 1) for a in m.group(1).split())
        content = spans.get(args.get("Content", ""))
        if not content:
            continue
        contents.append((content[0][0], content[-1][1]))
        if text[content[0][0] : content[-1][1]].lstrip()[:1] not in '"“«„':
            continue
        body = " ".join(text[a:b].strip(MARKS) for a, b in content)
        src = spans.get(args.get("Source", ""))
        if body.strip():
            quotes.append(Quote(body, (src[0][0], src[-1][1]) if src else None))
    return Gold(quotes, contents)


def joined(quotes: list[Quote], text: str) -> list[Quote]:
    """Quotes split around one attribution ("A," he said, "B.") become one, as PolNeAR has them."""
    out: list[Quote] = []
    for q in quotes:
        prev = out[-1] if out else None
        if (
            prev
            and q.speaker
            and prev.speaker == q.speaker
            and "\n\n" not in text[prev.span[1] : q.span[0]]
        ):
            out[-1] = Quote(f"{prev.text} {q.text}", q.speaker, (prev.span[0], q.span[1]))
        else:
            out.append(q)
    return out


def inside(q: Quote, contents: list[Span]) -> bool:
    return any(a <= q.span[0] and q.span[1] <= b for a, b in contents)


def match(gold: list[Quote], pred: list[Quote]) -> tuple[int, int]:
    scored = sorted(
        (
            (token_f1(g.text, p.text), gi, pi)
            for gi, g in enumerate(gold)
            for pi, p in enumerate(pred)
        ),
        reverse=True,
    )
    used_g: set[int] = set()
    used_p: set[int] = set()
    tp = right = 0
    for score, gi, pi in scored:
        if score < 0.7 or gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        tp += 1
        g, p = gold[gi].speaker, pred[pi].speaker
        right += bool(g and p and p[0] < g[1] and g[0] < p[1])
    return tp, right


def hemiwatch_quotes(doc, text: str) -> list[Quote]:  # type: ignore[no-untyped-def]
    facts = facts_from_doc(Article(id="p", text=text), doc)
    return [Quote(q.text, q.speaker_span, q.span) for q in facts.quotes if q.kind == "direct"]


def textacy_quotes(doc, text: str) -> list[Quote]:  # type: ignore[no-untyped-def]
    from textacy.extract.triples import direct_quotations

    out = []
    try:
        for speaker, _cue, content in direct_quotations(doc):
            a, b = content[0].idx, content[-1].idx + len(content[-1].text)
            spk = (speaker[0].idx, speaker[-1].idx + len(speaker[-1].text)) if speaker else None
            out.append(Quote(text[a:b].strip(MARKS), spk, (a, b)))
    except Exception:  # textacy raises on an odd number of quotation marks
        return []
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="test")
    ap.add_argument("--limit", type=int, default=None)
    args = ap.parse_args()
    data = load(args.split, args.limit)
    nlp = load_model(Settings().model)
    t0 = time.perf_counter()
    docs = list(nlp.pipe(text for text, _ in data))
    parse_s = time.perf_counter() - t0
    systems: dict[str, Callable] = {"hemiwatch": hemiwatch_quotes, "textacy": textacy_quotes}  # type: ignore[type-arg]
    gold_n = sum(len(g.quotes) for _, g in data)
    print(
        f"PolNeAR {args.split}: {len(data)} articles, {gold_n} gold direct quotes; "
        f"shared spaCy parse {parse_s:.1f} s"
    )
    print(
        f"{'system':10s} {'P':>6s} {'R':>6s} {'F1':>6s} {'speaker':>8s} {'art/s':>7s}"
        f" {'extract/s':>9s}"
    )
    for name, fn in systems.items():
        tp = right = pred = 0
        extract_s = 0.0
        for (text, gold), doc in zip(data, docs, strict=True):
            t0 = time.perf_counter()
            found = fn(doc, text)
            extract_s += time.perf_counter() - t0
            quotes = joined(found, text)
            a, b = match(gold.quotes, quotes)
            unmatched_inside = sum(
                inside(q, gold.contents)
                and max((token_f1(g.text, q.text) for g in gold.quotes), default=0) < 0.7
                for q in quotes
            )
            tp, right = tp + a, right + b
            pred += len(quotes) - unmatched_inside
        p, r, f = prf(tp, pred, gold_n)
        acc = right / tp if tp else 0.0
        rate = len(data) / (parse_s + extract_s)
        print(
            f"{name:10s} {p:6.3f} {r:6.3f} {f:6.3f} {acc:8.3f} {rate:7.1f}"
            f" {len(data) / extract_s:9.1f}"
        )
    reference(nlp)


def reference(nlp) -> None:  # type: ignore[no-untyped-def]
    """The reference article: direct quotes attributed to Marco Rubio by each system."""
    import json

    path = SHARED / "corpus" / "dev" / "articles" / "nationpress-2025-12-20-rubio.json"
    article = Article.model_validate(json.loads(path.read_text("utf-8")))
    doc = nlp(article.text)
    facts = facts_from_doc(article, doc)
    ours = sum(q.kind == "direct" and q.speaker == "Marco Rubio" for q in facts.quotes)
    from textacy.extract.triples import direct_quotations

    theirs = sum(
        " ".join(t.text for t in s) in {"Rubio", "Marco Rubio"}
        for s, _c, _q in direct_quotations(doc)
    )
    print(
        f"reference article, quotes attributed to Marco Rubio (of 7): "
        f"hemiwatch {ours}, textacy {theirs}"
    )


if __name__ == "__main__":
    main()
