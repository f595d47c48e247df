"""POST /api/fetch: ingest what a URL serves (a feed, a page, a sitemap), for clients that
follow sources themselves. Token-protected like every write; the fetch policy's guard refuses
loopback, private and link-local addresses (after DNS, and on every redirect) unless the
configuration allows them (HEMIWATCH_FETCH_ALLOW)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool

from hemiwatch.api.errors import ApiError
from hemiwatch.api.routes import Ctx
from hemiwatch.api.schemas import ErrorResponse, Fetched, FetchRequest
from hemiwatch.api.security import check_token
from hemiwatch.errors import FetchRefused
from hemiwatch.fetch.guard import check_url

router = APIRouter(prefix="/api", tags=["fetch"])


@router.post(
    "/fetch",
    response_model=Fetched,
    responses={401: {"model": ErrorResponse}, 403: {"model": ErrorResponse},
               422: {"model": ErrorResponse}, 429: {"model": ErrorResponse}},
)  # fmt: skip
async def post_fetch(request: Request, body: FetchRequest, ctx: Ctx) -> Fetched:
    """Fetch a URL and store the articles it gives that are new. Needs the bearer token. 422
    when the URL is refused (not http(s), credentials, an internal address, robots.txt) or
    cannot be fetched at all."""
    check_token(request, ctx.token)
    ctx.rate.check(request.client.host if request.client else "?")
    try:
        await run_in_threadpool(check_url, body.url, ctx.settings.fetch)
    except FetchRefused as exc:
        raise ApiError(422, "refused", exc.reason) from exc
    return await run_in_threadpool(_fetch, body.url, ctx)


def _fetch(url: str, ctx: Ctx) -> Fetched:
    from hemiwatch.fetch.sources import Source
    from hemiwatch.fetch.watch import fetcher_for, poll_round
    from hemiwatch.store.fetchlog import FetchLog

    fetcher = fetcher_for(FetchLog(ctx.store), ctx.settings)
    with fetcher, ctx.parse_lock:  # one analysis at a time in this process, as for uploads
        result = poll_round([Source(url=url)], ctx.store, ctx.settings, fetcher)
    poll = result.polls[0]
    if poll.items == 0 and poll.failed:  # the URL itself was refused or failed
        raise ApiError(422, "unprocessable", poll.error or "could not be fetched")
    return Fetched(
        url=url,
        offered=poll.items,
        stored=poll.new,
        already=max(0, poll.items - poll.new - poll.failed),
        failed=result.report.failed,
    )
