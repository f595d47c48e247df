"""The one module that composes the stages: Article -> parsed Doc -> Facts."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import Any

from spacy.tokens import Doc

from hemiwatch import rules
from hemiwatch.config import Settings
from hemiwatch.digest import make_digest
from hemiwatch.errors import ExtractError
from hemiwatch.extract import (
    extract_commitments,
    extract_events,
    extract_numbers,
    extract_people,
    extract_places,
    extract_quotes,
    extract_stances,
    extract_topics,
)
from hemiwatch.extract.context import Context
from hemiwatch.extract.gate import passes
from hemiwatch.extract.language import detect_language
from hemiwatch.extract.units import canonical_unit
from hemiwatch.models import Article, Facts, NumberClaim, Topic
from hemiwatch.nlp import load_model
from hemiwatch.prepare.dateline import extract_dateline
from hemiwatch.prepare.text import MIN_WORDY, parse_text, wordy


def analyze(article: Article, settings: Settings | None = None) -> Facts:
    """Every fact of one article, each with its evidence span; raises ExtractError."""
    _, result = next(analyze_many([article], settings))
    if isinstance(result, ExtractError):
        raise result
    return result


Result = Facts | ExtractError


def analyze_many(
    articles: Iterable[Article], settings: Settings | None = None
) -> Iterator[tuple[Article, Result]]:
    """(article, its facts or the error) for each article, in input order.

    Articles are routed one by one (gated, refused, English, Spanish) and each language's
    texts of a batch are parsed together with that model's `nlp.pipe`; a model is loaded only
    when an article needs it."""
    settings = settings or Settings()
    source = iter(articles)
    while chunk := list(islice(source, settings.batch_size)):
        routes = [_route(article, settings) for article in chunk]
        docs: dict[int, Doc | ExtractError] = {}
        for language, model in (("en", settings.model), ("es", settings.model_es)):
            todo = [i for i, route in enumerate(routes) if route == language]
            if todo:
                docs.update(_parse(model, [chunk[i] for i in todo], todo, settings))
        for i, (article, route) in enumerate(zip(chunk, routes, strict=True)):
            if isinstance(route, ExtractError):
                yield article, route
            elif route == "gated":
                yield article, Facts(id=article.id, topics=[Topic(label="other")], off_topic=True)
            else:
                doc = docs[i]
                if isinstance(doc, ExtractError):
                    yield article, doc
                    continue
                try:
                    yield article, facts_from_doc(article, doc)
                except ExtractError as exc:
                    yield article, exc


def _route(article: Article, settings: Settings) -> str | ExtractError:
    """Where an article goes: "gated", "en", "es", or the error that refuses it."""
    if settings.gate and not passes(article.title, article.text):
        return "gated"
    if len(article.text) > settings.max_chars:
        return ExtractError(
            f"{article.id}: text too long ({len(article.text):,} characters; "
            f"the limit is {settings.max_chars:,})"
        )
    if (share := wordy(article.text)) < MIN_WORDY:
        return ExtractError(
            f"{article.id}: not prose (only {share:.0%} of its characters are letters or digits)"
        )
    return settings.language or detect_language(article.title + "\n" + article.text)


def _parse(
    model: str, articles: list[Article], slots: list[int], settings: Settings
) -> dict[int, Doc | ExtractError]:
    """Parse a batch with one model; if the batch fails, parse each article alone so that one
    text the parser cannot take costs only itself."""
    nlp = load_model(model)
    texts = [parse_text(a) for a in articles]
    try:
        return dict(zip(slots, nlp.pipe(texts, batch_size=settings.batch_size), strict=True))
    except Exception:
        pass
    out: dict[int, Doc | ExtractError] = {}
    for slot, article, text in zip(slots, articles, texts, strict=True):
        try:
            out[slot] = nlp(text)
        except Exception as exc:
            out[slot] = ExtractError(
                f"{article.id}: the parser failed ({type(exc).__name__}: {exc})"
            )
    return out


def facts_from_doc(article: Article, doc: Doc) -> Facts:
    """The facts of one parsed article; a failure of any extractor is this article's
    ExtractError, so that it never ends a corpus run."""
    try:
        return extract_facts(article, doc)
    except Exception as exc:
        raise ExtractError(
            f"{article.id}: extraction failed ({type(exc).__name__}: {exc})"
        ) from exc


def extract_facts(article: Article, doc: Doc) -> Facts:
    """Every extractor of EXTRACTORS in order over one context, then the digest (errors are
    not caught here: the fuzzer calls this)."""
    dateline = extract_dateline(article.text, article.published)
    ctx = Context(doc, article, dateline, (dateline.span,) if dateline else ())
    found: dict[str, Any] = {"id": article.id, "dateline": dateline}
    for fields, extractor in EXTRACTORS:
        value = extractor(ctx, found)
        found.update(zip(fields, value, strict=True) if len(fields) > 1 else {fields[0]: value})
    facts = Facts(**found, language=ctx.language)
    if not rules.any_disabled():
        return facts.model_copy(update={"digest": make_digest(doc, facts)})
    facts = without_disabled(facts)
    digest = make_digest(doc, facts)
    if digest is not None:
        digest = digest.model_copy(
            update={
                "takeaways": [t for t in digest.takeaways if rules.on(t.basis)],
                "headline_question": digest.headline_question
                if rules.on(digest.question_basis or "")
                else None,
            }
        )
    return facts.model_copy(update={"digest": digest})


def without_disabled(facts: Facts) -> Facts:
    """The facts less those a switched-off rule made (HEMIWATCH_DISABLE_RULES): how an
    experiment, or scripts/rule_ablation.py, sees what a rule contributes."""

    def keep(*bases: str | None) -> bool:
        return all(rules.on(b) for b in bases if b)

    return facts.model_copy(
        update={
            "quotes": [q for q in facts.quotes if keep(q.basis, q.speaker_basis)],
            "people": [p for p in facts.people if keep(p.basis)],
            "countries": [c for c in facts.countries if keep(c.basis)],
            "regions": [r for r in facts.regions if keep(r.basis)],
            "numbers": [n for n in facts.numbers if keep(n.basis, n.unit_basis, n.role_basis)],
            "topics": [t for t in facts.topics if keep(t.basis)],
            "stances": [s for s in facts.stances if keep(s.basis, s.target_basis)],
            "commitments": [c for c in facts.commitments if keep(c.basis)],
            "events": [e for e in facts.events if keep(e.basis)],
        }
    )


def _numbers(ctx: Context) -> list[NumberClaim]:
    numbers = extract_numbers(ctx)
    if ctx.language != "en":  # facts keep English canonical units so languages meet
        numbers = [
            n.model_copy(update={"unit_en": n.unit_en or canonical_unit(n.unit)}) for n in numbers
        ]
    return numbers


Extractor = Callable[[Context, dict[str, Any]], Any]
# The extractors in order: each reads the context and what the ones before it found, and fills
# the Facts fields it names.
EXTRACTORS: tuple[tuple[tuple[str, ...], Extractor], ...] = (
    (("countries", "regions"), lambda ctx, f: extract_places(ctx)),
    (("people",), lambda ctx, f: extract_people(ctx)),
    (("topics", "off_topic"), lambda ctx, f: extract_topics(ctx, f["countries"], f["regions"])),
    (("quotes",), lambda ctx, f: extract_quotes(ctx, f["people"])),
    (("numbers",), lambda ctx, f: _numbers(ctx)),
    (
        ("stances",),
        lambda ctx, f: extract_stances(ctx, f["countries"], f["regions"], f["quotes"]),
    ),
    (
        ("commitments",),
        lambda ctx, f: extract_commitments(ctx, f["numbers"], f["quotes"], f["countries"]),
    ),
    (("events",), lambda ctx, f: extract_events(ctx, f["countries"], f["regions"])),
)
