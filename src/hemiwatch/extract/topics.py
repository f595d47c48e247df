"""Topics from an inspectable lexicon (lexicons/topics.tsv), each with the sentences that raised it,
and whether the article is about security in the Americas at all.

A sentence counts once per topic with its best-weighted match; a topic is kept when its
sentences add up to 1 with at least one weight-1 match (diplomacy, whose words turn up in any
report, when they add up to a fifth of the article's sentences). An article is off-topic when
it mentions countries or regions of the Americas fewer than twice (once is enough when its
core-topic score reaches 3), when its security sentences are too few (a core-topic score, with
diplomacy and governance at half weight, under 1.5 or under a fifth of its sentences), or when
another domain (sport, culture, markets, science) fills more of it than security does: a
football final names police and detentions, but it is still a football final.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from importlib import resources

from hemiwatch.extract.context import Context
from hemiwatch.models import (
    SECURITY_TOPICS,
    CountryMention,
    RegionMention,
    Topic,
)
from hemiwatch.models import Span as CharSpan
from hemiwatch.nlp import text_of

SECURITY = SECURITY_TOPICS
DOMAINS = ("sport", "culture", "markets", "science")
# Diplomacy and crime words turn up in any news; the core topics decide relevance.
CORE = (
    "transnational_crime",
    "narcotics",
    "migration",
    "security_assistance",
    "military_action",
    "sanctions",
)
AMERICAS = frozenset(
    "AG AR BS BB BZ BO BR CA CL CO CR CU DM DO EC SV GD GT GY HT HN JM MX NI PA PY PE KN LC VC "
    "SR TT US UY VE PR".split()
)
AMERICAS_REGIONS = frozenset(
    "western_hemisphere latin_america central_america caribbean south_america north_america "
    "andes americas amazon".split()
)
# Diplomacy and governance (an OAS session on Venezuela, a state of emergency renewed) count
# at half weight: on real news they carry security stories that name no crime or force.
SOFT = ("diplomacy", "democracy_governance")
SOFT_WEIGHT = 0.5
PASSING = frozenset({"diplomacy"})  # a topic only when it fills a share of the article
MIN_AMERICAS_MENTIONS = 2  # one passing "U.S." does not put a story in the Americas ...
STRONG_CORE = 3.0  # ... unless the story is plainly about security: one mention then suffices
MIN_CORE_SCORE = 1.5  # e.g. one sentence with a core word and one with a weaker one
MIN_CORE_SHARE = 0.2  # security articles hit core topics in a fifth of their sentences or more


@dataclass(frozen=True)
class _Rule:
    topic: str
    weight: float
    pattern: re.Pattern[str]


@cache
def rules() -> list[_Rule]:
    path = resources.files("hemiwatch").joinpath("lexicons").joinpath("topics.tsv")
    out = []
    for line in path.read_text("utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        topic, weight, pattern = line.split("\t")
        rx = re.compile(rf"(?<![\w-])(?:{pattern})(?![\w-])", re.IGNORECASE)
        out.append(_Rule(topic, float(weight), rx))
    return out


def sentence_topics(text: str) -> dict[str, float]:
    """The best weight each topic (and domain) reaches in one sentence."""
    best: dict[str, float] = {}
    for rule in rules():
        if rule.weight > best.get(rule.topic, 0) and rule.pattern.search(text):
            best[rule.topic] = rule.weight
    return best


def extract_topics(
    ctx: Context, countries: list[CountryMention], regions: list[RegionMention]
) -> tuple[list[Topic], bool]:
    """(topics with their evidence sentences, off_topic). The title counts but is no evidence."""
    doc, skip, title = ctx.doc, ctx.skip, ctx.article.title
    score: dict[str, float] = defaultdict(float)
    strong: set[str] = set()
    evidence: dict[str, list[CharSpan]] = defaultdict(list)
    heading = sentence_topics(title)
    core_score = max((w for t, w in heading.items() if t in CORE), default=0.0)
    soft_score = max((w for t, w in heading.items() if t in SOFT), default=0.0)
    n_sentences = 1 if title.strip() else 0
    for sent in doc.sents:
        start = max([sent.start_char, *(b for a, b in skip if a <= sent.start_char < b)])
        text = text_of(doc)[start : sent.end_char]
        found = sentence_topics(text)
        n_sentences += bool(text.strip())
        core_score += max((w for t, w in found.items() if t in CORE), default=0.0)
        soft_score += max((w for t, w in found.items() if t in SOFT), default=0.0)
        for topic, weight in found.items():
            score[topic] += weight
            evidence[topic].append((start, sent.end_char))
            if weight >= 1:
                strong.add(topic)
    domain = max((score[d] for d in DOMAINS), default=0.0)
    places = sum(len(c.mentions) for c in countries if c.code in AMERICAS) + sum(
        len(r.mentions) for r in regions if r.slug in AMERICAS_REGIONS
    )
    in_americas = places >= MIN_AMERICAS_MENTIONS or (places and core_score >= STRONG_CORE)
    relevance = core_score + SOFT_WEIGHT * soft_score
    security = sum(score[t] for t in CORE) + SOFT_WEIGHT * sum(score[t] for t in SOFT)
    topics = [
        Topic(label=t, evidence=[(a, b) for a, b in evidence[t]], basis="topic.lexicon")
        for t in SECURITY
        if score[t] >= 1
        and t in strong
        # talks, visits and ministers turn up in any report: diplomacy must fill a fifth of it
        and (t not in PASSING or score[t] >= MIN_CORE_SHARE * n_sentences)
    ]
    off_topic = (
        not topics
        or not in_americas
        or relevance < MIN_CORE_SCORE
        or relevance < MIN_CORE_SHARE * n_sentences
        or domain > security
    )
    if off_topic:
        return [Topic(label="other", evidence=[], basis="topic.off_topic")], True
    return topics, False
