"""Who may write, how much, and how often: bearer token, body size cap, per-client rate limit."""

from __future__ import annotations

import hmac
import threading
import time
from collections import defaultdict, deque

from fastapi import Request

from hemiwatch.api.errors import ApiError


def check_token(request: Request, expected: str | None) -> None:
    """Writes need `Authorization: Bearer <HEMIWATCH_API_TOKEN>`; none configured: no writes."""
    if not expected:
        raise ApiError(403, "writes_disabled", "writes are disabled: set HEMIWATCH_API_TOKEN")
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(
        given.strip().encode(), expected.encode()
    ):
        raise ApiError(401, "unauthorized", "a valid bearer token is required")


class RateLimit:
    """At most `per_minute` writes per client in any 60 s window (sliding, in memory)."""

    def __init__(self, per_minute: int) -> None:
        self.per_minute = per_minute
        self.seen: dict[str, deque[float]] = defaultdict(deque)
        self.lock = threading.Lock()

    def check(self, client: str) -> None:
        now = time.monotonic()
        with self.lock:
            hits = self.seen[client]
            while hits and now - hits[0] > 60:
                hits.popleft()
            if len(hits) >= self.per_minute:
                raise ApiError(429, "rate_limited", f"at most {self.per_minute} writes a minute")
            hits.append(now)


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, refused with 413 as soon as it passes `limit` bytes."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise ApiError(413, "too_large", f"request body over {limit:,} bytes")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise ApiError(413, "too_large", f"request body over {limit:,} bytes")
        chunks.append(chunk)
    return b"".join(chunks)
