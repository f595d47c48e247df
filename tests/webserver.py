"""A local web server for the fetch tests (127.0.0.1 only): fictional sample feeds and pages,
written for these tests, and the troubles a crawler meets (robots.txt, 304, timeouts, 5xx,
redirect loops, huge bodies, gzip, brotli, a legacy charset)."""

from __future__ import annotations

import gzip
import threading
import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import brotli

PARAGRAPHS = [
    "SAMPLE TEXT. Minister Aurelio Pantoja of the fictional Republic of Corvania said on "
    "Monday that the coast guard would double its patrols in the Caribbean to stop drug "
    "trafficking, and that three partner navies had agreed to share radar data.",
    "\u201cWe will not let the cartels use our waters,\u201d Pantoja told reporters in the "
    "capital, adding that 400 officers would join the new maritime task force by March.",
    "Officials from Mexico and Colombia welcomed the plan, which follows a regional meeting "
    "on transnational organized crime held last month, according to the ministry.",
]


def page(title: str, extra: str = "") -> str:
    body = "".join(f"<p>{p} {extra}</p>" for p in PARAGRAPHS)
    return (
        f"<!doctype html><html><head><title>{title}</title></head><body><article>"
        f"<h1>{title}</h1>{body}</article></body></html>"
    )


def feed(items: list[str], base: str, full: bool = False) -> str:
    entries = []
    for n, path in enumerate(items, 1):
        text = " ".join(PARAGRAPHS)
        content = f"<content:encoded><![CDATA[<p>{text}</p>]]></content:encoded>" if full else ""
        entries.append(
            f"<item><title>Sample story {n}</title><link>{base}{path}</link>"
            f"<guid isPermaLink='true'>{base}{path}</guid>"
            f"<pubDate>Mon, 0{n % 9 + 1} Mar 2026 10:00:00 GMT</pubDate>"
            f"<description>Summary {n}.</description>{content}</item>"
        )
    return (
        "<?xml version='1.0' encoding='utf-8'?><rss version='2.0' "
        "xmlns:content='http://purl.org/rss/1.0/modules/content/'><channel>"
        f"<title>Sample Wire</title><link>{base}/</link><description>samples</description>"
        f"{''.join(entries)}</channel></rss>"
    )


@dataclass
class Site:
    """What the server serves and what it saw."""

    base: str = ""
    feed_items: list[str] = field(default_factory=list)
    hits: defaultdict[str, int] = field(default_factory=lambda: defaultdict(int))
    headers: defaultdict[str, list[dict[str, str]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    slow: float = 2.0


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *_: object) -> None:
            pass

        def send(
            self, status: int, body: bytes = b"", ctype: str = "text/html; charset=utf-8",
            extra: dict[str, str] | None = None,
        ) -> None:  # fmt: skip
            self.send_response(status)
            if ctype:
                self.send_header("Content-Type", ctype)
            for key, value in (extra or {}).items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def conditional(self, body: bytes, ctype: str, tag: str) -> None:
            stamp = "Mon, 02 Mar 2026 10:00:00 GMT"
            if self.headers.get("If-None-Match") == tag:
                self.send(304, ctype="", extra={"ETag": tag})
                return
            self.send(200, body, ctype, {"ETag": tag, "Last-Modified": stamp})

        def do_GET(self) -> None:
            path = self.path
            site.hits[path] += 1
            site.headers[path].append(dict(self.headers.items()))
            if path == "/robots.txt":
                self.send(200, b"User-agent: *\nDisallow: /private/\n", "text/plain")
            elif path == "/feed.xml":
                body = feed(site.feed_items, site.base).encode()
                tag = f'"feed-{len(site.feed_items)}"'
                self.conditional(body, "application/rss+xml", tag)
            elif path == "/full.xml":
                body = feed(["/full/1.html", "/full/2.html"], site.base, full=True).encode()
                self.conditional(body, "application/rss+xml", '"full"')
            elif path.startswith(("/news/", "/private/", "/full/")):
                self.conditional(page(f"Sample {path}", f"Item {path}.").encode(),
                                 "text/html; charset=utf-8",
                                 f'"{path}"')  # fmt: skip
            elif path == "/flaky.html":
                if site.hits[path] == 1:
                    self.send(500, b"try again")
                else:
                    self.conditional(page("Flaky sample").encode(), "text/html", '"flaky"')
            elif path == "/slow.html":
                time.sleep(site.slow)
                self.send(200, page("Slow sample").encode())
            elif path == "/missing.html":
                self.send(404, b"not here")
            elif path in ("/loop-a", "/loop-b"):
                self.send(302, extra={"Location": "/loop-b" if path == "/loop-a" else "/loop-a"})
            elif path == "/big.html":
                self.send(200, page("Big sample", "x" * 400_000).encode())
            elif path == "/gzip.html":
                body = gzip.compress(page("Gzip sample").encode())
                self.send(200, body, extra={"Content-Encoding": "gzip"})
            elif path == "/br.html":
                body = brotli.compress(page("Brotli sample").encode())
                self.send(200, body, extra={"Content-Encoding": "br"})
            elif path == "/cp1252.html":
                body = page("Operación Costa", "La Armada de Corvania reforzó la misión.")
                self.send(200, body.encode("cp1252"), "text/html")
            elif path == "/sitemap.xml":
                nested = f"<sitemap><loc>{site.base}/gone-sitemap.xml</loc></sitemap>"
                body = (
                    "<?xml version='1.0' encoding='UTF-8'?><sitemapindex xmlns="
                    f"'http://www.sitemaps.org/schemas/sitemap/0.9'>{nested}"
                    f"<sitemap><loc>{site.base}/pages-sitemap.xml</loc></sitemap>"
                    "</sitemapindex>"
                )
                self.send(200, body.encode(), "application/xml")
            elif path == "/pages-sitemap.xml":
                urls = "".join(f"<url><loc>{site.base}/news/{n}.html</loc></url>" for n in (7, 8))
                body = (
                    "<?xml version='1.0' encoding='UTF-8'?><urlset xmlns="
                    f"'http://www.sitemaps.org/schemas/sitemap/0.9'>{urls}</urlset>"
                )
                self.send(200, body.encode(), "application/xml")
            elif path == "/broken.xml":
                self.send(200, b"<rss><channel><item>", "application/rss+xml")
            elif path == "/":
                home = (
                    "<html><head><link rel='alternate' type='application/rss+xml' "
                    "href='/feed.xml'></head><body><a href='/news/1.html'>1</a></body></html>"
                )
                self.send(200, home.encode())
            elif path == "/to-localhost":
                port = self.server.server_address[1]
                self.send(302, extra={"Location": f"http://localhost:{port}/news/1.html"})
            else:
                self.send(404, b"no such page")

    return Handler


@contextmanager
def serve(site: Site | None = None) -> Iterator[Site]:
    site = site or Site()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(site))
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
