"""An article's text cut into segments, each tagged with the fact whose evidence it is, so the
article page can highlight and link every span. Text stays text: templates escape it."""

from __future__ import annotations

from dataclasses import dataclass, field

from hemiwatch.models import Facts

# Shorter spans are painted last, so a number inside a quote shows as a number.


@dataclass
class Segment:
    text: str
    kind: str | None = None
    note: str = ""
    anchors: list[str] = field(default_factory=list)


def evidence(facts: Facts) -> list[tuple[int, int, str, str, str]]:
    """(start, end, kind, anchor id, note) for every fact of the article."""
    out: list[tuple[int, int, str, str, str]] = []
    if facts.digest:
        for i, t in enumerate(facts.digest.takeaways):
            for j, (a, b) in enumerate(t.sources):
                out.append((a, b, "takeaway", f"takeaway-{i}-{j}", t.text))
    for i, s in enumerate(facts.stances):
        out.append((*s.span, "stance", f"stance-{i}", f"{s.actor} {s.polarity} {s.target}"))
    for i, q in enumerate(facts.quotes):
        out.append((*q.span, "quote", f"quote-{i}", f"{q.kind} quote: {q.speaker or '?'}"))
    for i, n in enumerate(facts.numbers):
        out.append((*n.span, "number", f"number-{i}", " ".join(
            str(x) for x in (n.value, n.unit or "", n.role or "") if x != "")))  # fmt: skip
    for i, p in enumerate(facts.people):
        for j, m in enumerate(p.mentions):
            out.append((*m, "person", f"person-{i}-{j}", p.name))
    for i, c in enumerate(facts.countries):
        for j, m in enumerate(c.mentions):
            out.append((*m, "country", f"country-{i}-{j}", f"{c.name} ({c.code})"))
    return out


def segments(text: str, facts: Facts) -> list[Segment]:
    spans = [s for s in evidence(facts) if 0 <= s[0] < s[1] <= len(text)]
    paint: list[int] = [-1] * len(text)
    for n, (a, b, _, _, _) in sorted(enumerate(spans), key=lambda x: x[1][0] - x[1][1]):
        paint[a:b] = [n] * (b - a)
    anchors: dict[int, list[str]] = {}
    for a, _, _, anchor, _ in spans:
        here = anchors.setdefault(a, [f"at-{a}"])  # links from other pages use the offset
        here.append(anchor)
    out: list[Segment] = []
    start = 0
    for i in range(1, len(text) + 1):
        if i == len(text) or paint[i] != paint[start] or i in anchors:
            label = paint[start]
            kind, note = (spans[label][2], spans[label][4]) if label >= 0 else (None, "")
            out.append(Segment(text[start:i], kind, note, anchors.get(start, [])))
            start = i
    return out
