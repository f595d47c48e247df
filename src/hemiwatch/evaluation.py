"""Facts against gold, rule by rule: how precise is each rule that made a fact?

A gold corpus is `articles/<id>.json` + `gold/<id>.json` (../shared/eval/FORMAT.md). Each
predicted fact is judged the way the shared scorer judges it (quotes by word-token F1 >= 0.7,
one to one; names without titles, case or accents; numbers by value and folded unit; stances
by actor, target and polarity) and counted under its `basis`; a fact's parts that have their own
basis (a quote's speaker, a number's unit, a stance's target) are counted under theirs.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hemiwatch.extract.units import canonical_unit
from hemiwatch.models import Facts, Quote

QUOTE_MATCH = 0.7
NAME_TITLES = frozenset(
    "mr mrs ms dr president secretary minister general gen admiral adm senator sen rep "
    "representative ambassador the".split()
)


@dataclass
class RuleCount:
    made: int = 0
    right: int = 0

    @property
    def precision(self) -> float:
        return self.right / self.made if self.made else 0.0


@dataclass
class ByRule:
    """Per rule id: facts made and facts right."""

    counts: dict[str, RuleCount] = field(default_factory=dict)

    def add(self, rule: str | None, right: bool) -> None:
        if not rule:
            rule = "(no basis)"
        count = self.counts.setdefault(rule, RuleCount())
        count.made += 1
        count.right += right

    def rows(self) -> list[dict[str, Any]]:
        """Least precise first, then the rules that made most."""
        return [
            {"rule": r, "made": c.made, "right": c.right, "precision": round(c.precision, 3)}
            for r, c in sorted(self.counts.items(), key=lambda kv: (kv[1].precision, -kv[1].made))
        ]


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", fold(text))


def same_name(a: str | None, b: str | None) -> bool:
    def canon(name: str | None) -> list[str]:
        toks = words((name or "").replace(".", ""))
        while toks and toks[0] in NAME_TITLES:
            toks = toks[1:]
        return toks

    return bool(canon(a)) and canon(a) == canon(b)


def overlap_f1(a: str, b: str) -> float:
    x, y = Counter(words(a)), Counter(words(b))
    common = sum((x & y).values())
    if not common:
        return 0.0
    p, r = common / sum(y.values()), common / sum(x.values())
    return 2 * p * r / (p + r)


def pair_quotes(gold: list[dict[str, Any]], pred: list[Quote]) -> dict[int, dict[str, Any]]:
    """Prediction index -> the gold quote it matches (best pairs first, one to one)."""
    scored = sorted(
        (
            (s, gi, pi)
            for gi, g in enumerate(gold)
            for pi, p in enumerate(pred)
            if (s := overlap_f1(str(g.get("text", "")), p.text)) >= QUOTE_MATCH
        ),
        reverse=True,
    )
    used_g: set[int] = set()
    out: dict[int, dict[str, Any]] = {}
    for _, gi, pi in scored:
        if gi not in used_g and pi not in out:
            used_g.add(gi)
            out[pi] = gold[gi]
    return out


def _units(number: dict[str, Any]) -> set[str]:
    return {canonical_unit(str(number[k])) or "" for k in ("unit", "unit_en") if number.get(k)}


def judge(facts: Facts, gold: dict[str, Any], by_rule: ByRule) -> None:
    """Count every fact of one article under its rules."""
    if "quotes" in gold:
        _judge_quotes(facts, gold["quotes"], by_rule)
    if "people" in gold:
        names = list(gold["people"])
        for person in facts.people:
            by_rule.add(person.basis, any(same_name(person.name, n) for n in names))
    if "countries" in gold:
        codes = {str(c).upper() for c in gold["countries"]}
        for country in facts.countries:
            by_rule.add(country.basis, country.code in codes)
    if "numbers" in gold:
        _judge_numbers(facts, list(gold["numbers"]), by_rule)
    if "topics" in gold and not gold.get("off_topic"):
        labels = set(gold["topics"])
        for topic in facts.topics:
            by_rule.add(topic.basis, topic.label in labels)
    if "off_topic" in gold and facts.off_topic:
        by_rule.add("topic.off_topic", bool(gold["off_topic"]))
    if "stances" in gold:
        keys = {
            (str(s["actor"]).upper(), str(s["target"]).upper(), s["polarity"])
            for s in gold["stances"]
        }
        for st in facts.stances:
            right = (st.actor.upper(), st.target.upper(), st.polarity) in keys
            by_rule.add(st.basis, right)
            by_rule.add(st.target_basis, right)
    if "commitments" in gold:
        wanted = {
            (_round(c.get("sought")), _round(c.get("pledged_max"))) for c in gold["commitments"]
        }
        for c in facts.commitments:
            by_rule.add(c.basis, (_round(c.sought), _round(c.pledged_max)) in wanted)


def _round(value: Any) -> int | None:
    try:
        return round(float(value))
    except (TypeError, ValueError):
        return None


def _judge_quotes(facts: Facts, gold: list[dict[str, Any]], by_rule: ByRule) -> None:
    for kind in ("direct", "indirect"):
        pred = [q for q in facts.quotes if q.kind == kind]
        matched = pair_quotes([g for g in gold if g.get("kind", "direct") == kind], pred)
        others = pair_quotes([g for g in gold if g.get("kind", "direct") != kind], pred)
        for i, quote in enumerate(pred):
            found = matched.get(i) or others.get(i)
            by_rule.add(quote.basis, i in matched)
            if found is not None and quote.speaker_basis:
                by_rule.add(quote.speaker_basis, same_name(quote.speaker, found.get("speaker")))


def _judge_numbers(facts: Facts, gold: list[dict[str, Any]], by_rule: ByRule) -> None:
    left = list(gold)
    for claim in facts.numbers:
        same = [
            g for g in left if _close(g.get("value"), claim.value)
        ]  # value first, then the one whose unit agrees
        units = {canonical_unit(claim.unit) or "", canonical_unit(claim.unit_en) or ""}
        with_unit = [g for g in same if _units(g) & units]
        hit = (with_unit or same)[:1]
        by_rule.add(claim.basis, bool(hit))
        if claim.unit_basis:
            by_rule.add(claim.unit_basis, bool(with_unit))
        if hit:
            left.remove(hit[0])


def _close(a: Any, b: float) -> bool:
    try:
        return abs(float(a) - float(b)) <= 1e-6 * max(1.0, abs(float(a)))
    except (TypeError, ValueError):
        return False


def gold_files(corpus: Path) -> Iterable[tuple[Path, Path]]:
    """(article, gold) file pairs of a corpus folder, by id."""
    for gold in sorted((corpus / "gold").glob("*.json")):
        article = corpus / "articles" / gold.name
        if article.exists():
            yield article, gold


def load_gold(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text("utf-8"))
    return data
