"""The dashboard: server-rendered pages over the same store the API reads. No page needs
JavaScript except the commitments chart; every piece of article text is escaped."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import FileResponse, HTMLResponse
from fastapi.templating import Jinja2Templates
from markupsafe import Markup
from pydantic import BeforeValidator
from sqlalchemy import or_

from hemiwatch.analyze.board import board
from hemiwatch.analyze.brief import brief
from hemiwatch.analyze.commitments import commitments
from hemiwatch.api.context import Context, context
from hemiwatch.display import figure, place_name
from hemiwatch.errors import NotFound
from hemiwatch.extract.lexicons import gazetteer
from hemiwatch.models import SECURITY_TOPICS
from hemiwatch.store import schema
from hemiwatch.store.db import HL_CLOSE, HL_OPEN
from hemiwatch.web.highlight import segments
from hemiwatch.web.mapsvg import size, svg_paths

TEMPLATES = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
TOPICS = list(SECURITY_TOPICS)
Ctx = Annotated[Context, Depends(context)]
Text = Annotated[str | None, Query(max_length=200)]
# a form sends its empty date fields as since=&until=: an empty field is no bound, not an error
Day = Annotated[dt.date | None, BeforeValidator(lambda v: v or None), Query()]

router = APIRouter(include_in_schema=False)


def error_page(request: Request, status: int, message: str) -> HTMLResponse:
    """The dashboard's page for an error (api/errors.py sends JSON under /api)."""
    return TEMPLATES.TemplateResponse(
        request, "error.html", {"status": status, "message": message}, status_code=status
    )


def _page(request: Request, template: str, **values: Any) -> HTMLResponse:
    return TEMPLATES.TemplateResponse(request, template, values)


TEMPLATES.env.filters["num"] = lambda value: figure(value, "")


def country_stances(rows: list[dict[str, Any]]) -> dict[str, str]:
    """Each country's colour on the map: cooperates, refuses, or mixed."""
    seen: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        if len(r["country"]) == 2:
            seen[r["country"]].add(r["stance"])
    return {c: (s.pop() if len(s) == 1 else "mixed") for c, s in seen.items()}


@router.get("/", response_class=HTMLResponse)
def overview(request: Request, ctx: Ctx) -> HTMLResponse:
    rows = board(ctx.store)
    stance = country_stances(rows)
    latest, total = ctx.store.article_page(limit=12)
    width, height = size()
    glance = {
        kind: sorted(place_name(c) for c, s in stance.items() if s == kind)
        for kind in ("refuses", "mixed", "cooperates")
    }
    return _page(
        request,
        "index.html",
        glance=glance,
        map_paths=Markup(svg_paths(stance)),
        stance=stance,
        width=width,
        height=height,
        board=rows,
        latest=latest,
        total=total,
        place_name=place_name,
    )


def country_code(given: str) -> str:
    """An ISO code ("MX", "mx") or a country's name in English or Spanish ("mexico", "México")
    -> its ISO code; NotFound for anything else (never the first two letters of a name)."""
    names = gazetteer().country_names
    if given.upper() in names:
        return given.upper()
    wanted = given.replace("-", " ").replace("_", " ").strip().casefold()
    for language in ("en", "es"):
        for surface, place in gazetteer(language).surfaces.items():
            if surface.casefold() == wanted and place.kind not in {"region", "ignore"}:
                return place.code
    raise NotFound(f"no country '{given}': use its ISO code (MX) or its name (Mexico)")


@router.get("/country/{code}", response_class=HTMLResponse)
def country(request: Request, ctx: Ctx, code: str) -> HTMLResponse:
    code = country_code(code)
    stances = schema.stances.c
    timeline = [
        r
        for r in ctx.store.rows(
            "stances", limit=200, where=or_(stances.actor == code, stances.target == code)
        )
        if not r["off_topic"]
    ]
    articles, total = ctx.store.article_page(limit=15, country=code)
    ids = {a["id"] for a in ctx.store.article_page(limit=200, country=code)[0]}
    return _page(
        request,
        "country.html",
        code=code,
        name=place_name(code),
        rows=board(ctx.store, code),
        timeline=timeline,
        quotes=ctx.store.quote_rows(country=code, limit=25),
        commitments=[c for c in commitments(ctx.store) if c["article_id"] in ids],
        articles=articles,
        total=total,
        place_name=place_name,
    )


@router.get("/articles/{article_id:path}", response_class=HTMLResponse)
def article(request: Request, ctx: Ctx, article_id: str) -> HTMLResponse:
    item, facts, cluster = ctx.store.article(article_id)
    anchors: dict[int, str] = {}
    if facts.digest:
        anchors = {i: f"takeaway-{i}-0" for i, t in enumerate(facts.digest.takeaways) if t.sources}
    return _page(
        request,
        "article.html",
        article=item,
        facts=facts,
        digest=facts.digest,
        cluster=cluster,
        segments=segments(item.text, facts),
        anchors=anchors,
    )


@router.get("/quotes", response_class=HTMLResponse)
def quotes(
    request: Request,
    ctx: Ctx,
    speaker: Text = None,
    q: Text = None,
    country: Annotated[str | None, Query(max_length=2)] = None,
    topic: Annotated[str | None, Query(max_length=40)] = None,
    since: Day = None,
    until: Day = None,
) -> HTMLResponse:
    rows = ctx.store.quote_rows(
        speaker=speaker or None,
        words=q or None,
        country=country.upper() if country else None,
        topic=topic if topic in TOPICS else None,
        since=since,
        until=until,
        limit=100,
    )
    form = {"speaker": speaker or "", "q": q or "", "country": country or "",
            "topic": topic or "", "since": since or "", "until": until or ""}  # fmt: skip
    return _page(request, "quotes.html", rows=rows, form=form, topics=TOPICS)


@router.get("/commitments", response_class=HTMLResponse)
def commitments_page(request: Request, ctx: Ctx) -> HTMLResponse:
    rows = commitments(ctx.store)
    # units differ (troops, dollars, scanners): the chart compares each with what was sought
    series = [
        {
            "label": f"{r['date'] or 'undated'} · {r['initiative']}",
            "pledged": round(100 * (r["pledged_max"] or 0) / r["sought"], 1),
            "delivered": round(100 * r["delivered"] / r["sought"], 1) if r["delivered"] else None,
            "detail": f"sought {figure(r['sought'], '')}, pledged {figure(r['pledged_max'], '')} "
            f"{r['unit']}",
        }
        for r in rows
        if r["sought"]
    ]
    return _page(request, "commitments.html", rows=rows, series=series)


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, ctx: Ctx, q: Text = None) -> HTMLResponse:
    hits = ctx.store.search(q, 25) if q else []
    for h in hits:  # the snippet is text with match markers: split it, the template escapes
        h["parts"] = [
            (i % 2 == 1, part)
            for i, part in enumerate(h["snippet"].replace(HL_OPEN, HL_CLOSE).split(HL_CLOSE))
        ]
    return _page(request, "search.html", q=q or "", hits=hits)


@router.get("/brief", response_class=HTMLResponse)
def brief_page(
    request: Request,
    ctx: Ctx,
    since: Day = None,
    until: Day = None,
    country: Annotated[str | None, Query(max_length=2)] = None,
    topic: Annotated[str | None, Query(max_length=40)] = None,
) -> HTMLResponse:
    result = brief(
        ctx.store, since, until, country.upper() if country else None,
        topic if topic in TOPICS else None,
    )  # fmt: skip
    form = {"since": since or "", "until": until or "", "country": country or "",
            "topic": topic or ""}  # fmt: skip
    return _page(request, "brief.html", brief=result, form=form, topics=TOPICS)


@router.get("/sources", response_class=HTMLResponse)
def sources_page(request: Request, ctx: Ctx) -> HTMLResponse:
    """Each web source's last poll (when, what it offered, stored, failed) and the latest
    failed requests."""
    from hemiwatch.store.fetchlog import FetchLog

    log = FetchLog(ctx.store)
    failures = [r for r in log.requests(200) if r["error"]][:25]
    return _page(request, "sources.html", polls=log.latest_polls(), failures=failures)


@router.get("/favicon.ico")
def favicon() -> FileResponse:
    return FileResponse(
        Path(__file__).parent / "static" / "favicon.svg", media_type="image/svg+xml"
    )


@router.get("/docs", response_class=HTMLResponse)
def docs(request: Request) -> HTMLResponse:
    return _page(request, "docs.html")
