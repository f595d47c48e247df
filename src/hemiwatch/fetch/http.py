"""One polite HTTP client: a User-Agent that names us, robots.txt obeyed (cached per host),
conditional GET, a pause between requests to one host (one at a time per host), timeouts, a
body cap, a redirect limit with the address guard on every hop, retries with backoff for
timeouts, network errors and 5xx (none for 4xx), gzip and brotli."""

from __future__ import annotations

import codecs
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from email.message import Message
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from hemiwatch.config import FetchPolicy
from hemiwatch.errors import FetchError, FetchRefused
from hemiwatch.fetch.guard import Resolver, check_url, resolve

CLOSED = ["User-agent: *", "Disallow: /"]  # robots.txt rules for a site that is closed to us
REDIRECTS = frozenset({301, 302, 303, 307, 308})


@dataclass(frozen=True)
class Fetched:
    """What one GET gave: the final URL (after redirects), and the body unless 304."""

    url: str
    status: int
    body: bytes = b""
    content_type: str = ""
    etag: str | None = None
    last_modified: str | None = None
    location: str | None = None  # where a redirect points

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def charset(self) -> str | None:
        message = Message()
        message["content-type"] = self.content_type
        found = message.get_param("charset")
        return found.strip().lower() if isinstance(found, str) else None


@dataclass(frozen=True)
class Attempt:
    """One request as the fetch log records it."""

    url: str
    source: str | None  # the label of the source being polled
    status: int | None
    size: int
    seconds: float
    error: str | None = None


Log = Callable[[Attempt], None]


@dataclass
class _Host:
    lock: threading.Lock = field(default_factory=threading.Lock)
    last: float = 0.0
    robots: RobotFileParser | None = None


class Fetcher:
    """A client to use for one run (a poll, a watch): hosts' robots.txt and pacing are kept
    for its life. `log` is told of every request made, failed ones included, under `source`
    (set by whoever polls a source)."""

    def __init__(
        self,
        policy: FetchPolicy | None = None,
        log: Log | None = None,
        resolver: Resolver = resolve,
    ) -> None:
        self.policy = policy or FetchPolicy()
        self.log = log
        self.resolver = resolver
        self.source: str | None = None
        self._hosts: dict[str, _Host] = {}
        self._hosts_lock = threading.Lock()
        self._client = httpx.Client(
            headers={
                "User-Agent": self.policy.user_agent,
                "Accept-Encoding": "gzip, deflate, br",
            },
            timeout=httpx.Timeout(self.policy.timeout),
            follow_redirects=False,
            trust_env=False,  # no proxy from the environment: the guard checks what we reach
        )

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def get(self, url: str, etag: str | None = None, modified: str | None = None) -> Fetched:
        """GET a URL, following redirects; raises FetchRefused (policy, robots.txt) or
        FetchError (network, status, size). With `etag`/`modified` the request is conditional
        and an unchanged resource comes back as status 304 with no body."""
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if modified:
            headers["If-Modified-Since"] = modified
        for _ in range(self.policy.max_redirects + 1):
            check_url(url, self.policy, self.resolver)
            if not self.allowed(url):
                raise FetchRefused(url, "disallowed by the site's robots.txt")
            got = self._request(url, headers)
            if got.status >= 400:
                raise FetchError(url, f"HTTP {got.status}")
            if got.status not in REDIRECTS:
                return got
            location = got.location
            if not location:
                raise FetchError(url, f"HTTP {got.status} redirect without a Location")
            url = urljoin(url, location)
        raise FetchError(url, f"more than {self.policy.max_redirects} redirects")

    def allowed(self, url: str) -> bool:
        """Whether the site's robots.txt lets us fetch this URL (read once per host)."""
        return self.robots_for(url).can_fetch("hemiwatch", url)

    def robots_for(self, url: str) -> RobotFileParser:
        """The robots.txt rules of the URL's host, fetched the first time they are asked for."""
        host = self._host(url)
        if host.robots is None:
            host.robots = self._robots(url)
        return host.robots

    def _robots(self, url: str) -> RobotFileParser:
        parts = urlsplit(url)
        where = f"{parts.scheme}://{parts.netloc}/robots.txt"
        rules = RobotFileParser(where)
        try:
            got = self._request(where, {})
        except FetchError:
            # no answer (a 5xx after retries, a timeout): the site is taken as closed for now
            rules.parse(CLOSED)
            return rules
        if got.status in (401, 403):
            rules.parse(CLOSED)
        elif got.status == 200:
            rules.parse(got.body.decode("utf-8", "replace").splitlines())
        else:  # none (404) or a redirect: everything allowed
            rules.parse([])
        return rules

    def _host(self, url: str) -> _Host:
        key = urlsplit(url).netloc.lower()
        with self._hosts_lock:
            return self._hosts.setdefault(key, _Host())

    def _request(self, url: str, headers: dict[str, str]) -> Fetched:
        """One URL, no redirects followed, retried with backoff on what may pass; a 4xx is
        returned (robots.txt reads it), not raised."""
        pause = self.policy.backoff
        for attempt in range(self.policy.retries + 1):
            try:
                got = self._once(url, headers)
            except _Retry as exc:
                if attempt == self.policy.retries:
                    raise FetchError(url, exc.reason, transient=True) from None
                time.sleep(pause)
                pause *= 2
                continue
            return got
        raise AssertionError("unreachable")

    def _once(self, url: str, headers: dict[str, str]) -> Fetched:
        host = self._host(url)
        with host.lock:  # one request at a time per host, `delay` apart
            wait = host.last + self.policy.delay - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            start = time.monotonic()
            try:
                return self._read(url, headers, start)
            finally:
                host.last = time.monotonic()

    def _read(self, url: str, headers: dict[str, str], start: float) -> Fetched:
        status: int | None = None
        size = 0
        try:
            with self._client.stream("GET", url, headers=headers) as response:
                status = response.status_code
                declared = response.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > self.policy.max_bytes:
                    raise FetchError(url, self._too_big(int(declared)))
                chunks = []
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > self.policy.max_bytes:
                        raise FetchError(url, self._too_big(size))
                    chunks.append(chunk)
        except FetchError as exc:
            self._log(url, status, size, start, exc.reason)
            raise
        except httpx.TimeoutException:
            self._log(url, status, size, start, "timed out")
            raise _Retry(f"timed out after {self.policy.timeout:g} s") from None
        except (httpx.HTTPError, OSError) as exc:
            reason = f"network error ({type(exc).__name__}: {exc})"[:300]
            self._log(url, status, size, start, reason)
            raise _Retry(reason) from None
        if status >= 500:
            self._log(url, status, size, start, f"HTTP {status}")
            raise _Retry(f"HTTP {status}")
        self._log(url, status, size, start, None if status < 400 else f"HTTP {status}")
        meta = response.headers
        return Fetched(
            url=url,
            status=status,
            body=b"".join(chunks),
            content_type=meta.get("content-type", ""),
            etag=meta.get("etag"),
            last_modified=meta.get("last-modified"),
            location=meta.get("location"),
        )

    def _too_big(self, size: int) -> str:
        return f"body too large ({size:,} bytes; the cap is {self.policy.max_bytes:,})"

    def _log(
        self, url: str, status: int | None, size: int, start: float, error: str | None
    ) -> None:
        if self.log:
            self.log(Attempt(url, self.source, status, size, time.monotonic() - start, error))


class _Retry(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w.:-]+)""", re.I)


def declared_charset(got: Fetched) -> str | None:
    """The charset the server's header names, else the page's own <meta>; None if neither (or
    one Python does not know)."""
    found = got.charset
    if not found:
        match = _META_CHARSET.search(got.body[:4096])
        found = match.group(1).decode("ascii").lower() if match else None
    if not found:
        return None
    try:
        return codecs.lookup(found).name
    except LookupError:
        return None
