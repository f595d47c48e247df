"""HTTP error mapping: every error leaves the API as {"error": {"status", "code", "message"}}."""

from __future__ import annotations

import logging
from collections.abc import Callable

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException

from hemiwatch.errors import ConfigError, ExtractError, HemiwatchError, IngestError, NotFound

log = logging.getLogger("hemiwatch.api")


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def error_response(status: int, code: str, message: str) -> JSONResponse:
    body = {"error": {"status": status, "code": code, "message": message}}
    return JSONResponse(body, status_code=status)


# (request, status, message) -> the dashboard's error page; given by the app factory, so that
# the API does not import the dashboard
ErrorPage = Callable[[Request, int, str], Response]


def _reply(
    request: Request, status: int, code: str, message: str, page: ErrorPage | None
) -> Response:
    """JSON under /api; a page for a person anywhere else on the dashboard."""
    path = request.url.path
    api = path.startswith("/api") or path.startswith("/openapi") or path.startswith("/static")
    if api or page is None:
        return error_response(status, code, message)
    return page(request, status, message)


def _status(exc: HemiwatchError) -> tuple[int, str]:
    if isinstance(exc, NotFound):
        return 404, "not_found"
    if isinstance(exc, IngestError | ExtractError):
        return 422, "unprocessable"
    if isinstance(exc, ConfigError):
        return 500, "config"
    return 503, "store_unavailable"


def install(app: FastAPI, page: ErrorPage | None = None) -> None:
    """Every error as one JSON shape under /api, and as `page` elsewhere."""

    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> Response:
        return _reply(request, exc.status, exc.code, exc.message, page)

    @app.exception_handler(HemiwatchError)
    async def hemiwatch_error(request: Request, exc: HemiwatchError) -> Response:
        status, code = _status(exc)
        return _reply(request, status, code, str(exc), page)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(x) for x in first.get("loc", ()))
        return _reply(
            request, 422, "invalid_request", f"{where}: {first.get('msg', 'invalid')}", page
        )

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
        return _reply(request, exc.status_code, code, str(exc.detail), page)

    @app.exception_handler(Exception)
    async def bug(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error")
        return _reply(request, 500, "internal", f"internal error ({type(exc).__name__})", page)
