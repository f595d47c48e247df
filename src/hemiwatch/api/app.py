"""The ASGI app factory: the API under /api, the dashboard at /, one error shape, strict CSP."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request, Response
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.staticfiles import StaticFiles

from hemiwatch import __version__
from hemiwatch.api import errors, fetching
from hemiwatch.api.context import Context
from hemiwatch.api.routes import router as api_router
from hemiwatch.api.security import RateLimit
from hemiwatch.config import Settings
from hemiwatch.store import open_store
from hemiwatch.web import pages
from hemiwatch.web.mapsvg import shapes

STATIC = Path(pages.__file__).parent / "static"
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}
# Swagger UI sets styles from script; the docs page shows no user content
DOCS_CSP = CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")


def create_app(
    db_url: str | None = None, settings: Settings | None = None, token: str | None = None
) -> FastAPI:
    """The service over one store. `token` (else HEMIWATCH_API_TOKEN) enables writes."""
    if settings is None:
        settings = Settings.from_env()
    store = open_store(db_url or os.environ.get("HEMIWATCH_DB"))

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        shapes()  # draw the map once, before the first visitor waits for it
        yield
        store.close()

    app = FastAPI(
        title="hemiwatch",
        version=__version__,
        description="Evidence-linked facts about security in the Americas, from news reports.",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.ctx = Context(
        store=store,
        settings=settings,
        token=token if token is not None else os.environ.get("HEMIWATCH_API_TOKEN") or None,
        rate=RateLimit(settings.write_rate),
    )
    errors.install(app, pages.error_page)
    app.include_router(api_router)
    app.include_router(fetching.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.add_middleware(GZipMiddleware, minimum_size=2048, compresslevel=5)

    @app.middleware("http")
    async def security_headers(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        response = await call_next(request)
        response.headers.update(HEADERS)
        if request.url.path == "/docs":
            response.headers["Content-Security-Policy"] = DOCS_CSP
        return response

    return app
