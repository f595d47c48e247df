"""Fetching from the web, against a local server (127.0.0.1 only): politeness, failures,
conditional GET, watch --once twice, and the address guard."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from hemiwatch.config import FetchPolicy, Settings
from hemiwatch.errors import FetchError, FetchRefused
from hemiwatch.fetch.guard import check_url
from hemiwatch.fetch.http import Fetcher
from hemiwatch.fetch.sources import Source, load_sources, save_sources, seconds
from hemiwatch.fetch.watch import watch
from hemiwatch.store import open_store
from hemiwatch.store.fetchlog import FetchLog
from tests.webserver import Site, serve

HEMIWATCH = str(Path(sys.executable).parent / "hemiwatch")

FAST = FetchPolicy(timeout=0.5, retries=1, backoff=0.05, delay=0.0, allow_private=True,
                   max_bytes=200_000)  # fmt: skip


@pytest.fixture
def site() -> Iterator[Site]:
    with serve() as running:
        yield running


def test_retries_a_5xx_then_reads_the_page(site: Site) -> None:
    with Fetcher(FAST) as fetcher:
        got = fetcher.get(site.base + "/flaky.html")
    assert got.status == 200 and b"Flaky sample" in got.body
    assert site.hits["/flaky.html"] == 2


def test_no_retry_for_404_and_failures_say_why(site: Site) -> None:
    with Fetcher(FAST) as fetcher:
        with pytest.raises(FetchError, match="HTTP 404") as missing:
            fetcher.get(site.base + "/missing.html")
        with pytest.raises(FetchError, match="redirects"):
            fetcher.get(site.base + "/loop-a")
        with pytest.raises(FetchError, match="too large"):
            fetcher.get(site.base + "/big.html")
        with pytest.raises(FetchError, match="timed out") as slow:
            fetcher.get(site.base + "/slow.html")
    assert site.hits["/missing.html"] == 1 and not missing.value.transient
    assert slow.value.transient and site.hits["/slow.html"] == 2  # one retry


def test_robots_txt_is_obeyed_and_read_once(site: Site) -> None:
    with Fetcher(FAST) as fetcher:
        with pytest.raises(FetchRefused, match=r"robots\.txt"):
            fetcher.get(site.base + "/private/secret.html")
        fetcher.get(site.base + "/news/1.html")
    assert site.hits["/private/secret.html"] == 0
    assert site.hits["/robots.txt"] == 1
    assert site.headers["/news/1.html"][0]["User-Agent"].startswith("hemiwatch/")


def test_gzip_and_brotli_are_decoded(site: Site) -> None:
    with Fetcher(FAST) as fetcher:
        assert b"Gzip sample" in fetcher.get(site.base + "/gzip.html").body
        assert b"Brotli sample" in fetcher.get(site.base + "/br.html").body


def test_conditional_get_gives_304(site: Site) -> None:
    with Fetcher(FAST) as fetcher:
        first = fetcher.get(site.base + "/news/1.html")
        again = fetcher.get(site.base + "/news/1.html", etag=first.etag)
    assert first.etag and again.not_modified and again.body == b""


@pytest.mark.parametrize(
    "url",
    ["http://127.0.0.1/", "http://10.1.2.3/x", "http://169.254.169.254/latest/meta-data",
     "http://[::1]:8080/", "http://192.168.0.1/", "file:///etc/passwd",
     "http://user:secret@example.org/"],
)  # fmt: skip
def test_the_guard_refuses_internal_addresses(url: str) -> None:
    with pytest.raises(FetchRefused):
        check_url(url, FetchPolicy(), resolver=lambda host, port: [host.strip("[]")])


def test_the_guard_checks_every_redirect(site: Site) -> None:
    port = site.base.rsplit(":", 1)[1]
    policy = dataclasses.replace(FAST, allow_private=False, allow_hosts=(f"127.0.0.1:{port}",))
    with Fetcher(policy) as fetcher:
        assert fetcher.get(site.base + "/news/1.html").status == 200  # the allowed entry
        with pytest.raises(FetchRefused, match="loopback"):
            fetcher.get(site.base + "/to-localhost")  # localhost resolves to loopback
    assert site.hits["/news/1.html"] == 1


def test_sources_file_round_trips(tmp_path: Path) -> None:
    path = tmp_path / "sources.toml"
    sources = [
        Source(url="https://example.org/feed.xml", name='Sample "Wire"', country="MX",
               language="es", every="2h"),
        Source(url="https://example.org/page", enabled=False, kind="page"),
    ]  # fmt: skip
    save_sources(path, sources)
    assert load_sources(path) == sources
    assert seconds("15m") == 900 and seconds("2h") == 7200
    with pytest.raises(ValueError):
        seconds("soon")


def test_watch_once_twice_ingests_each_new_item_once(site: Site, tmp_path: Path) -> None:
    site.feed_items = ["/news/1.html", "/news/2.html", "/private/secret.html",
                       "/missing.html", "/loop-a", "/big.html", "/cp1252.html",
                       "/gzip.html", "/br.html"]  # fmt: skip
    path = tmp_path / "sources.toml"
    save_sources(path, [
        Source(url=site.base + "/feed.xml", name="Sample Wire", country="MX"),
        Source(url=site.base + "/full.xml", name="Full Wire"),
        Source(url=site.base + "/flaky.html", name="Flaky"),
        Source(url=site.base + "/slow.html", name="Slow"),
    ])  # fmt: skip
    store = open_store(f"sqlite:///{tmp_path / 'w.db'}")
    settings = Settings(fetch=FAST)
    watch(path, store, settings, once=True)
    first = store.count()
    # 2 news + cp1252 + gzip + br + 2 full-text entries + flaky (after one 500)
    assert first == 8
    texts = [store.article(a)[0] for a in store.article_ids(on_topic=False)]
    assert any("Operación Costa" in a.title for a in texts)  # windows-1252 without a charset
    assert all(a.source in {"Sample Wire", "Full Wire", "Flaky"} for a in texts)
    log = FetchLog(store)
    assert any(r["error"] and "timed out" in r["error"] for r in log.requests())
    reasons = " ".join(e["reason"] for e in store.errors())
    for why in ("robots.txt", "HTTP 404", "redirects", "too large", "timed out"):
        assert why in reasons

    site.feed_items.append("/news/3.html")
    site.slow = 0.0
    watch(path, store, settings, once=True)
    assert store.count() == first + 2  # news/3 and the slow page, now answered
    assert site.headers["/feed.xml"][-1].get("If-None-Match") == '"feed-9"'
    assert site.headers["/full.xml"][-1].get("If-None-Match") == '"full"'
    assert site.hits["/full.xml"] == 2 and site.hits["/full/1.html"] == 0
    for stored_once in ("/news/1.html", "/news/2.html", "/gzip.html", "/cp1252.html"):
        assert site.hits[stored_once] == 1, stored_once
    assert site.hits["/news/3.html"] == 1
    assert site.hits["/private/secret.html"] == 0
    polls = {p["source"]: p for p in log.latest_polls()}
    assert polls["Sample Wire"]["new"] == 1 and polls["Sample Wire"]["polls"] == 2
    assert polls["Slow"]["new"] == 1 and polls["Slow"]["failures"] == 1
    store.close()


def test_cli_ingest_url_and_sources(site: Site, tmp_path: Path) -> None:
    site.feed_items = ["/news/1.html", "/news/2.html"]
    db = f"sqlite:///{tmp_path / 'c.db'}"
    env_sources = tmp_path / "s.toml"

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [HEMIWATCH, *args], capture_output=True, text=True, cwd=tmp_path,
            env={"HEMIWATCH_FETCH_DELAY": "0", "HEMIWATCH_SOURCES": str(env_sources),
                 "PATH": "/usr/bin:/bin"},
            timeout=300,
        )  # fmt: skip

    done = run("ingest", site.base + "/feed.xml", "--db", db)
    assert done.returncode == 0, done.stderr
    assert "2 stored" in done.stderr
    again = run("ingest", site.base + "/feed.xml", "--db", db)
    assert "0 stored" in again.stderr and site.hits["/news/1.html"] == 1
    added = run("sources", "add", site.base + "/", "--discover", "--name", "Sample Wire")
    assert added.returncode == 0, added.stderr
    assert f"found: {site.base}/feed.xml (feed)" in added.stderr
    listed = run("sources", "list", "--format", "json")
    assert "Sample Wire" in listed.stdout
    watched = run("watch", "--once", "--db", db)
    assert watched.returncode == 0, watched.stderr
    assert "Sample Wire" in watched.stderr
    assert run("sources", "remove", "Sample Wire").returncode == 0


TOKEN = "fetch-token-5d1e"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.mark.parametrize(
    "url",
    ["http://127.0.0.1:9/feed.xml", "http://10.0.0.7/feed", "http://169.254.169.254/latest",
     "http://[::1]/", "ftp://example.org/feed"],
)  # fmt: skip
def test_api_fetch_refuses_internal_addresses(url: str, tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from hemiwatch.api import create_app

    app = create_app(f"sqlite:///{tmp_path / 'a.db'}", Settings(), token=TOKEN)
    with TestClient(app) as client:
        answer = client.post("/api/fetch", json={"url": url}, headers=AUTH)
        assert answer.status_code == 422, answer.text
        assert answer.json()["error"]["code"] == "refused"
        assert client.post("/api/fetch", json={"url": url}).status_code == 401


def test_api_fetch_follows_no_redirect_to_loopback(site: Site, tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from hemiwatch.api import create_app

    site.feed_items = ["/news/1.html", "/news/2.html"]
    port = site.base.rsplit(":", 1)[1]
    policy = dataclasses.replace(FAST, allow_private=False, allow_hosts=(f"127.0.0.1:{port}",))
    app = create_app(f"sqlite:///{tmp_path / 'a.db'}", Settings(fetch=policy), token=TOKEN)
    with TestClient(app) as client:
        bounced = client.post("/api/fetch", json={"url": site.base + "/to-localhost"}, headers=AUTH)
        assert bounced.status_code == 422 and "loopback" in bounced.json()["error"]["message"]
        fed = client.post("/api/fetch", json={"url": site.base + "/feed.xml"}, headers=AUTH)
        assert fed.status_code == 200, fed.text
        assert fed.json()["stored"] == 2 and fed.json()["offered"] == 2
        again = client.post("/api/fetch", json={"url": site.base + "/feed.xml"}, headers=AUTH)
        assert again.json()["stored"] == 0
    assert site.hits["/news/1.html"] == 1


def test_serve_watch_follows_sources_and_shows_them(site: Site, tmp_path: Path) -> None:
    import socket
    import time

    import httpx

    site.feed_items = ["/news/1.html", "/news/2.html"]
    sources = tmp_path / "s.toml"
    save_sources(sources, [Source(url=site.base + "/feed.xml", name="Sample Wire")])
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    db = f"sqlite:///{tmp_path / 'serve.db'}"
    server = subprocess.Popen(
        [HEMIWATCH, "serve", "--watch", "--sources", str(sources), "--db", db, "--port",
         str(port)],
        env={"HEMIWATCH_FETCH_DELAY": "0", "PATH": "/usr/bin:/bin"},
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        page = ""
        for _ in range(240):
            time.sleep(0.5)
            try:
                page = httpx.get(f"http://127.0.0.1:{port}/sources", timeout=5).text
            except httpx.HTTPError:
                continue
            if "Sample Wire" in page:
                break
        assert "Sample Wire" in page
        stored = httpx.get(f"http://127.0.0.1:{port}/api/articles", timeout=5).json()
        assert stored["total"] == 2
    finally:
        server.terminate()
        _, errors = server.communicate(timeout=60)
    # uvicorn shuts down cleanly, then raises SIGTERM again so the exit shows the signal
    assert server.returncode in (0, -15) and "Traceback" not in errors, errors
    assert site.hits["/news/1.html"] == 1


def test_watch_stops_cleanly_on_sigterm(site: Site, tmp_path: Path) -> None:
    import signal
    import time

    site.feed_items = ["/news/1.html", "/news/2.html"]
    sources = tmp_path / "s.toml"
    save_sources(sources, [Source(url=site.base + "/feed.xml", name="Sample Wire")])
    db = tmp_path / "w.db"
    watcher = subprocess.Popen(
        [HEMIWATCH, "watch", "--every", "1h", "--sources", str(sources), "--db", f"sqlite:///{db}"],
        env={"HEMIWATCH_FETCH_DELAY": "0", "PATH": "/usr/bin:/bin"},
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        for _ in range(240):
            time.sleep(0.5)
            if db.exists():
                store = open_store(f"sqlite:///{db}")
                polled = FetchLog(store).latest_polls()
                store.close()
                if polled:
                    break
        watcher.send_signal(signal.SIGTERM)
        _, errors = watcher.communicate(timeout=60)
    finally:
        watcher.kill()
    assert watcher.returncode == 0, errors
    assert "stopping" in errors and "2 articles" in errors


def test_fetch_log_tables_on_every_backend(store_url: str) -> None:
    from hemiwatch.store.fetchlog import Poll

    store = open_store(store_url)
    log = FetchLog(store)
    log.request("https://example.org/feed.xml", "Wire", 200, 1234, 0.05, None)
    log.request("https://example.org/a\x00b", None, None, 0, 1.5, "timed out\x00")
    assert [r["error"] for r in log.requests()] == ["timed out\\0", None]
    assert log.validators("https://example.org/feed.xml") == (None, None)
    log.remember("https://example.org/feed.xml", '"v1"', "Mon, 02 Mar 2026 10:00:00 GMT")
    log.remember("https://example.org/feed.xml", '"v2"', None)
    assert log.validators("https://example.org/feed.xml") == ('"v2"', None)
    for new in (3, 1):
        log.poll(Poll("Wire", "https://example.org/feed.xml", "2026-03-02T10:00:00", 5, new, 1,
                      "a page timed out"))  # fmt: skip
    log.poll(Poll("Other", "https://example.org/o.xml", "2026-03-02T10:00:00", 0, 0, 0))
    rows = {r["source"]: r for r in log.latest_polls()}
    assert rows["Wire"]["new"] == 1 and rows["Wire"]["stored"] == 4 and rows["Wire"]["polls"] == 2
    assert rows["Other"]["failures"] == 0
    assert log.stored_urls(["https://example.org/none"]) == set()
    store.close()


def test_a_sitemap_source_and_a_broken_feed(site: Site, tmp_path: Path) -> None:
    path = tmp_path / "sources.toml"
    save_sources(path, [Source(url=site.base + "/sitemap.xml", name="Sample Map"),
                        Source(url=site.base + "/broken.xml", name="Broken")])  # fmt: skip
    store = open_store(f"sqlite:///{tmp_path / 'm.db'}")
    watch(path, store, Settings(fetch=FAST), once=True)
    assert store.count() == 2  # the two pages of the nested sitemap
    assert site.hits["/news/7.html"] == 1 and site.hits["/gone-sitemap.xml"] == 1
    reasons = [e["item"] + " " + e["reason"] for e in store.errors()]
    assert any("gone-sitemap.xml" in r and "HTTP 404" in r for r in reasons)
    assert any("broken.xml" in r and "feed" in r for r in reasons)
    polls = {p["source"]: p for p in FetchLog(store).latest_polls()}
    assert polls["Sample Map"]["items"] == 2 and polls["Broken"]["failed"] == 1
    store.close()
