"""A site's feed or sitemap, for a source given by its homepage: the feed links the page
declares (trafilatura.feeds), else the sitemaps robots.txt names, else /sitemap.xml."""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

from hemiwatch.errors import FetchError
from hemiwatch.fetch.http import Fetcher
from hemiwatch.fetch.poll import sniff


def discover(url: str, fetcher: Fetcher) -> tuple[str, str]:
    """(URL to follow, its kind: feed, sitemap or page) for what `url` serves."""
    from trafilatura.feeds import FeedParameters, determine_feed

    got = fetcher.get(url)
    kind = sniff(got)
    if kind != "page":
        return got.url, kind
    parts = urlsplit(got.url)
    base = f"{parts.scheme}://{parts.netloc}"
    params = FeedParameters(base, parts.hostname or "", got.url)
    html = got.body.decode("utf-8", "replace")
    for candidate in determine_feed(html, params)[:5]:
        if _serves(fetcher, candidate, "feed"):
            return candidate, "feed"
    rules = fetcher.robots_for(got.url)
    for candidate in [*(rules.site_maps() or []), urljoin(base, "/sitemap.xml")][:5]:
        if _serves(fetcher, candidate, "sitemap"):
            return candidate, "sitemap"
    return got.url, "page"


def _serves(fetcher: Fetcher, url: str, kind: str) -> bool:
    try:
        return sniff(fetcher.get(url)) == kind
    except FetchError:
        return False
