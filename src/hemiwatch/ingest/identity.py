"""Stable article ids: the id a source gives, else the normalised URL, else a content hash."""

from __future__ import annotations

import hashlib
import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from hemiwatch.models import Article

_TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|ref|cmpid|ocid|smid)$", re.I)


def normalize_url(url: str) -> str:
    """Scheme and host in lower case, no fragment, no tracking parameters, no trailing slash."""
    parts = urlsplit(url.strip())
    host = parts.netloc.lower().removeprefix("www.")
    query = urlencode(sorted((k, v) for k, v in parse_qsl(parts.query) if not _TRACKING.match(k)))
    path = parts.path.rstrip("/") or "/"
    return urlunsplit((parts.scheme.lower() or "https", host, path, query, ""))


def derived_id(article: Article) -> str:
    """An id for an article whose source gave none."""
    if article.url:
        digest = hashlib.sha256(normalize_url(article.url).encode()).hexdigest()[:20]
        return f"url-{digest}"
    words = re.findall(r"\w+", f"{article.title} {article.text}".casefold())
    return "sha-" + hashlib.sha256(" ".join(words).encode()).hexdigest()[:20]


def with_identity(article: Article, explicit: bool) -> Article:
    return article if explicit else article.model_copy(update={"id": derived_id(article)})
