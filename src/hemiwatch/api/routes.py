"""The /api routes: thin handlers over the store and the analyze/ functions."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Response
from fastapi.concurrency import run_in_threadpool

from hemiwatch.analyze.ask import ask
from hemiwatch.analyze.board import board
from hemiwatch.analyze.brief import brief
from hemiwatch.analyze.commitments import commitments
from hemiwatch.api.context import Context, context
from hemiwatch.api.errors import ApiError
from hemiwatch.api.schemas import (
    Answer,
    ArticleDetail,
    ArticleSummary,
    BoardRow,
    Brief,
    CommitmentRow,
    ErrorResponse,
    Page,
    QuoteRow,
    RelevanceChange,
    RelevanceState,
    SearchHit,
    Stored,
)
from hemiwatch.api.security import check_token, read_body
from hemiwatch.errors import IngestError
from hemiwatch.ingest import read_bytes
from hemiwatch.ingest.identity import with_identity
from hemiwatch.models import MAX_ID, Article, TopicLabel

Topic = TopicLabel
Country = Annotated[str | None, Query(pattern=r"^[A-Za-z]{2}$", description="ISO 3166 alpha-2")]
Limit = Annotated[int, Query(ge=1, le=200)]
Offset = Annotated[int, Query(ge=0, le=1_000_000)]
Ctx = Annotated[Context, Depends(context)]
SAFE_ID = re.compile(rf"^[A-Za-z0-9._:-]{{1,{MAX_ID}}}$")
ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorResponse} for code in (400, 404, 422, 500)
}

router = APIRouter(prefix="/api", responses=ERRORS)


@router.get("/health")
def health(ctx: Ctx) -> dict[str, Any]:
    return {"status": "ok", "articles": ctx.store.count()}


@router.get("/articles", response_model=Page[ArticleSummary])
def list_articles(
    ctx: Ctx,
    limit: Limit = 50,
    offset: Offset = 0,
    country: Country = None,
    topic: Topic | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> dict[str, Any]:
    rows, total = ctx.store.article_page(
        limit=limit,
        offset=offset,
        country=country.upper() if country else None,
        topic=topic,
        since=since,
        until=until,
    )
    for r in rows:
        r["cluster_id"] = str(r["cluster_id"])
    return {"items": rows, "limit": limit, "offset": offset, "total": total}


@router.get("/articles/{article_id:path}", response_model=ArticleDetail)
def get_article(ctx: Ctx, article_id: str) -> dict[str, Any]:
    article, facts, cluster = ctx.store.article(article_id)
    return {"article": article, "facts": facts, "digest": facts.digest, "cluster_id": cluster}


UPLOAD_DOC = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": Article.model_json_schema()},
            "text/plain": {"schema": {"type": "string"}},
            "text/html": {"schema": {"type": "string"}},
        },
    }
}


@router.post(
    "/articles",
    response_model=Stored,
    status_code=201,
    openapi_extra=UPLOAD_DOC,
    responses={401: {"model": ErrorResponse}, 403: {"model": ErrorResponse},
               413: {"model": ErrorResponse}, 415: {"model": ErrorResponse},
               429: {"model": ErrorResponse}},
)  # fmt: skip
async def post_article(request: Request, response: Response, ctx: Ctx) -> Stored:
    """Analyse one article (corpus JSON, plain text or an HTML page in the body) and store it.
    Needs `Authorization: Bearer <token>`. 201 when stored, 200 when the same article was
    already there; an id held by other content is stored under the id plus a short hash of
    its text (the `id` answered)."""
    check_token(request, ctx.token)
    ctx.rate.check(request.client.host if request.client else "?")
    kinds = {"application/json": "json", "text/plain": "text", "text/html": "html"}
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media not in kinds:
        raise ApiError(415, "unsupported_media", "send application/json, text/plain or text/html")
    body = await read_body(request, ctx.settings.max_body)
    try:
        # HTML extraction takes a while on a big page: off the event loop, as the parse is
        article = await run_in_threadpool(
            read_bytes, body, "upload", "", kinds[media], ctx.settings
        )
    except IngestError as exc:
        raise ApiError(422, "unprocessable", exc.reason) from exc
    if not article.id:
        article = with_identity(article, explicit=False)
    elif not SAFE_ID.match(article.id):
        raise ApiError(
            422, "invalid_request", f"id: letters, digits and . _ : - only (<= {MAX_ID})"
        )
    try:
        stored_id, added, facts = await run_in_threadpool(ctx.save, article)
    except IngestError as exc:
        raise ApiError(409, "conflict", exc.reason) from exc
    if not added:
        response.status_code = 200
    return Stored(
        id=stored_id,
        added=added,
        title=article.title,
        countries=[c.code for c in facts.countries],
        topics=[t.label for t in facts.topics],
        takeaways=[t.text for t in facts.digest.takeaways] if facts.digest else [],
    )


@router.put(
    "/relevance/{article_id:path}",
    response_model=RelevanceState,
    responses={401: {"model": ErrorResponse}, 404: {"model": ErrorResponse}},
)
def put_relevance(
    request: Request, ctx: Ctx, article_id: str, change: RelevanceChange
) -> RelevanceState:
    """Overrule the relevance decision for one stored article ("on", "off", or null for
    hemiwatch's own); the board, the map and the briefs follow. Needs the bearer token."""
    check_token(request, ctx.token)
    with ctx.write_lock:
        off = ctx.store.set_relevance(article_id, change.relevance)
    return RelevanceState(id=article_id, relevance=change.relevance, off_topic=off)


@router.get("/board", response_model=Page[BoardRow])
def get_board(ctx: Ctx, country: Country = None) -> dict[str, Any]:
    rows = board(ctx.store, country.upper() if country else None)
    return {"items": rows, "limit": len(rows), "offset": 0, "total": len(rows)}


@router.get("/commitments", response_model=Page[CommitmentRow])
def get_commitments(ctx: Ctx, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    rows = commitments(ctx.store)
    return {"items": rows[offset : offset + limit], "limit": limit, "offset": offset,
            "total": len(rows)}  # fmt: skip


@router.get("/quotes", response_model=Page[QuoteRow])
def get_quotes(
    ctx: Ctx,
    speaker: Annotated[str | None, Query(max_length=200)] = None,
    q: Annotated[str | None, Query(max_length=200, description="words in the quote")] = None,
    country: Country = None,
    topic: Topic | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    rows = ctx.store.quote_rows(
        speaker=speaker,
        words=q,
        since=since,
        until=until,
        limit=limit,
        offset=offset,
        country=country.upper() if country else None,
        topic=topic,
    )
    items = [
        {
            "text": r["text"],
            "speaker": r["speaker"],
            "kind": r["kind"],
            "article_id": r["article_id"],
            "title": r["title"],
            "date": r["day"].isoformat() if r["day"] else None,
            "span": (r["start"], r["end"]),
            "basis": r.get("basis"),
            "speaker_basis": r.get("speaker_basis"),
        }
        for r in rows
    ]
    return {"items": items, "limit": limit, "offset": offset, "total": None}


@router.get("/search", response_model=Page[SearchHit])
def search(
    ctx: Ctx,
    q: Annotated[str, Query(min_length=1, max_length=200)],
    limit: Annotated[int, Query(ge=1, le=50)] = 10,
) -> dict[str, Any]:
    rows = ctx.store.search(q, limit)
    return {"items": rows, "limit": limit, "offset": 0, "total": None}


@router.get("/brief", response_model=Brief)
def get_brief(
    ctx: Ctx,
    since: dt.date | None = None,
    until: dt.date | None = None,
    country: Country = None,
    topic: Topic | None = None,
) -> dict[str, Any]:
    return brief(ctx.store, since, until, country.upper() if country else None, topic)


@router.get("/ask", response_model=Answer)
def get_answer(ctx: Ctx, q: Annotated[str, Query(min_length=1, max_length=300)]) -> dict[str, Any]:
    return ask(ctx.store, q)
