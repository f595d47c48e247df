"""Direct quotes and reported speech on PolNeAR (real 2016 political news), hemiwatch next to
textacy (direct quotes only), same model, same texts.

    python benchmarks/polnear_quotes.py [--split train|dev|test] [--limit N]

Develop on train and dev; report test. Gold (one annotation file per article, the first in
sort order):
- direct: attribution relations whose Content is in quotation marks; a discontinuous Content
  ("A," he said, "B.") is its pieces joined; each system's quotes that share a speaker mention
  and follow each other in a paragraph are joined the same way.
- reported: relations whose Content does not start with a quotation mark, with a Source span
  and a Cue whose verb is a verb of saying (SAYING below: this benchmark's own list, fixed,
  not hemiwatch's lexicon), whose Content is a clause (three words or more, a finite verb): "X
  said the plan would fail", "the plan would fail, X said"; not the nominal and infinitive
  reports ("called X a hoax", "vowed to form ...") that our gold sets do not count either.
A prediction matches a gold item at word-token F1 >= 0.7, one to one, best pairs first (as
../shared/eval/score.py matches quotes). A prediction is counted as a false positive only
when it overlaps no gold Content of any kind (PolNeAR also marks beliefs, plans and partial
quotes inside reported speech, which our gold sets do not count). Speaker-mention accuracy: of
the matched items, how many name a speaker mention that overlaps the gold Source span
(hemiwatch resolves "he" to a full name but keeps the span it resolved from).
"""

from __future__ import annotations

import argparse
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from _common import SHARED, prf, token_f1
from hemiwatch.config import Settings
from hemiwatch.models import Article
from hemiwatch.nlp import load_model
from hemiwatch.pipeline import facts_from_doc

MARKS = "\"“”«»„'‘’ \n\t,"
Span = tuple[int, int]

# Verbs of saying: the benchmark's definition of "reported speech" (communication verbs of
# PolNeAR's cue inventory; cognition and wanting - think, believe, want, hope - are left out).
SAYING = frozenset(
    """say tell add note report announce write explain state claim argue insist warn suggest
    acknowledge admit declare reveal confirm deny stress emphasize emphasise indicate mention
    point assert contend maintain predict promise vow pledge testify tweet post recall remark
    reply respond answer complain concede allege charge accuse estimate find show conclude
    disclose inform observe comment caution boast describe call repeat reiterate signal
    agree""".split()
)


@dataclass
class Quote:
    text: str
    speaker: Span | None
    span: Span = (0, 0)


@dataclass
class Gold:
    direct: list[Quote] = field(default_factory=list)
    reported: list[Quote] = field(default_factory=list)
    contents: list[Span] = field(default_factory=list)  # every attribution's Content


def load(split: str, limit: int | None) -> list[tuple[str, Path]]:
    root = SHARED / "data" / "polnear" / "data" / split
    seen: set[str] = set()
    out = []
    for ann in sorted((root / "attributions").glob("*.ann")):
        stem = ann.name.rsplit("_", 1)[0]
        if stem in seen:
            continue
        seen.add(stem)
        out.append(((root / "text" / f"{stem}.txt").read_text("utf-8"), ann))
        if limit and len(out) >= limit:
            break
    return out


def gold_quotes(text: str, ann: Path, doc) -> Gold:  # type: ignore[no-untyped-def]
    spans: dict[str, list[Span]] = {}
    gold = Gold()
    for line in ann.read_text("utf-8").split("\n"):
        m = re.match(r"^(T\d+)\t(\S+) ([\d; ]+)\t", line)
        if m:
            spans[m.group(1)] = [
                (int(a), int(b)) for a, b in (s.split() for s in m.group(3).split(";"))
            ]
            continue
        m = re.match(r"^E\d+\t(.*)$", line)
        if not m:
            continue
        args = dict(a.split(":", 1) for a in m.group(1).split())
        content = spans.get(args.get("Content", ""))
        if not content:
            continue
        gold.contents.append((content[0][0], content[-1][1]))
        src = spans.get(args.get("Source", ""))
        source = (src[0][0], src[-1][1]) if src else None
        body = " ".join(text[a:b].strip(MARKS) for a, b in content)
        if not body.strip():
            continue
        where = (content[0][0], content[-1][1])
        opening = text[content[0][0] : content[-1][1]].lstrip()
        if opening[:1] in '"“«„‘' or opening[:2] == "''":  # the NYT's ''doubled'' marks too
            gold.direct.append(Quote(body, source, where))
        elif (
            source is not None
            and _saying(doc, spans.get(args.get("Cue", ""), []))
            and _clause(doc, where)
        ):
            gold.reported.append(Quote(body, source, where))
    return gold


def _clause(doc, where: Span) -> bool:  # type: ignore[no-untyped-def]
    """A reported clause: three words or more with a finite verb (not "called X a hoax",
    "stressed her support of ...", "vowed to form ...": nominal and infinitive reports)."""
    span = doc.char_span(where[0], where[1], alignment_mode="expand")
    if span is None or sum(t.is_alpha for t in span) < 3:
        return False
    return any(t.tag_ in FINITE or "Fin" in t.morph.get("VerbForm", []) for t in span)


FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _saying(doc, cue: list[Span]) -> bool:  # type: ignore[no-untyped-def]
    for a, b in cue:
        span = doc.char_span(a, b, alignment_mode="expand")
        if span is not None and any(
            t.pos_ in {"VERB", "AUX"} and t.lemma_.lower() in SAYING for t in span
        ):
            return True
    return False


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


def overlaps(q: Quote, contents: list[Span]) -> bool:
    return any(a < q.span[1] and q.span[0] < b for a, b in contents)


def match(gold: list[Quote], pred: list[Quote]) -> tuple[int, int, set[int]]:
    """(matched, with the right speaker mention, indexes of the matched predictions)."""
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
    right = 0
    for score, gi, pi in scored:
        if score < 0.7 or gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        g, p = gold[gi].speaker, pred[pi].speaker
        right += bool(g and p and p[0] < g[1] and g[0] < p[1])
    return len(used_g), right, used_p


def hemiwatch_quotes(doc, text: str) -> dict[str, list[Quote]]:  # type: ignore[no-untyped-def]
    """hemiwatch's quotes; a reported clause that runs into a partial quote of its speaker is
    one Content in PolNeAR ("said the nation has become “more interested in ...”"), while our
    gold stops the indirect quote before it: the two are joined here, as PolNeAR has them."""
    facts = facts_from_doc(Article(id="p", text=text), doc)
    out: dict[str, list[Quote]] = {"direct": [], "reported": []}
    quotes = sorted(facts.quotes, key=lambda q: q.span)
    for i, q in enumerate(quotes):
        kind = "direct" if q.kind == "direct" else "reported"
        span = q.span
        if kind == "reported":
            for later in quotes[i + 1 : i + 4]:
                gap = text[span[1] : later.span[0]]
                if (
                    later.kind == "direct"
                    and later.speaker == q.speaker
                    and len(gap) <= 40
                    and ("\n" not in gap and not any(c in gap for c in ".?!"))
                ):
                    span = (span[0], later.span[1])
        out[kind].append(Quote(text[span[0] : span[1]].strip(MARKS), q.speaker_span, span))
    return out


def textacy_quotes(doc, text: str) -> dict[str, list[Quote]]:  # type: ignore[no-untyped-def]
    from textacy.extract.triples import direct_quotations

    out = []
    try:
        for speaker, _cue, content in direct_quotations(doc):
            a, b = content[0].idx, content[-1].idx + len(content[-1].text)
            spk = (speaker[0].idx, speaker[-1].idx + len(speaker[-1].text)) if speaker else None
            out.append(Quote(text[a:b].strip(MARKS), spk, (a, b)))
    except Exception:  # textacy raises on an odd number of quotation marks
        return {"direct": []}
    return {"direct": out}


@dataclass
class Tally:
    tp: int = 0
    right: int = 0
    pred: int = 0
    gold: int = 0

    def line(self, name: str, kind: str, rate: float) -> str:
        p, r, f = prf(self.tp, self.pred, self.gold)
        acc = self.right / self.tp if self.tp else 0.0
        return f"{name:10s} {kind:9s} {p:6.3f} {r:6.3f} {f:6.3f} {acc:8.3f} {rate:7.1f}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="test", choices=["train", "dev", "test"])
    ap.add_argument("--limit", type=int, default=None)
    args = ap.parse_args()
    data = load(args.split, args.limit)
    nlp = load_model(Settings().model)
    t0 = time.perf_counter()
    docs = list(nlp.pipe((text for text, _ in data), batch_size=16))
    parse_s = time.perf_counter() - t0
    golds = [gold_quotes(text, ann, doc) for (text, ann), doc in zip(data, docs, strict=True)]
    systems: dict[str, Callable] = {"hemiwatch": hemiwatch_quotes, "textacy": textacy_quotes}  # type: ignore[type-arg]
    print(
        f"PolNeAR {args.split}: {len(data)} articles, "
        f"{sum(len(g.direct) for g in golds)} gold direct quotes, "
        f"{sum(len(g.reported) for g in golds)} gold reported (verb of saying, named source); "
        f"shared spaCy parse {parse_s:.1f} s"
    )
    print(
        f"{'system':10s} {'kind':9s} {'P':>6s} {'R':>6s} {'F1':>6s} {'speaker':>8s} {'art/s':>7s}"
    )
    for name, fn in systems.items():
        tallies: dict[str, Tally] = {}
        extract_s = 0.0
        for (text, _), doc, gold in zip(data, docs, golds, strict=True):
            t0 = time.perf_counter()
            found = fn(doc, text)
            extract_s += time.perf_counter() - t0
            for kind, quotes in found.items():
                tally = tallies.setdefault(kind, Tally())
                items = joined(quotes, text) if kind == "direct" else quotes
                wanted = gold.direct if kind == "direct" else gold.reported
                tp, right, used = match(wanted, items)
                tally.tp, tally.right, tally.gold = (
                    tally.tp + tp,
                    tally.right + right,
                    tally.gold + len(wanted),
                )
                tally.pred += sum(
                    1 for i, q in enumerate(items) if i in used or not overlaps(q, gold.contents)
                )
        rate = len(data) / (parse_s + extract_s)
        for kind, tally in tallies.items():
            print(tally.line(name, kind, rate))
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
