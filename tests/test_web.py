"""The service as a user meets it: `hemiwatch serve` on loopback, the API over HTTP, and the
dashboard in headless Chromium (Debian's /usr/bin/chromium, driven by Playwright).

Set HEMIWATCH_SCREENSHOTS=docs/screenshots to save the pages the README shows."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from hemiwatch.config import Settings
from hemiwatch.ingest.run import ingest
from hemiwatch.models import Article, Facts
from hemiwatch.pipeline import analyze
from hemiwatch.store import open_store
from tests.conftest import REFERENCE_ID, ROOT
from tests.test_api import HOSTILE

CHROMIUM = "/usr/bin/chromium"
HEMIWATCH = str(Path(sys.executable).parent / "hemiwatch")
TOKEN = "web-test-token-91"
SHOTS = os.environ.get("HEMIWATCH_SCREENSHOTS")
SAMPLES = ROOT / "samples" / "articles"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _serve(url: str, token: str = TOKEN, **env_extra: str) -> Iterator[str]:
    """`hemiwatch serve` on a free loopback port; yields its base URL, stops it after."""
    port = _free_port()
    env = {**os.environ, "HEMIWATCH_API_TOKEN": token, **env_extra}
    proc = subprocess.Popen(
        [HEMIWATCH, "serve", "--db", url, "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while True:
        try:
            if httpx.get(f"{base}/api/health", timeout=2).status_code == 200:
                break
        except httpx.HTTPError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            pytest.fail(
                f"hemiwatch serve did not start: {proc.stderr.read() if proc.stderr else ''}"
            )
        time.sleep(0.3)
    yield base
    proc.terminate()
    proc.wait(timeout=20)


@pytest.fixture(scope="module")
def server(
    tmp_path_factory: pytest.TempPathFactory,
    dev_facts: list[tuple[Article, Facts]],
    settings: Settings,
) -> Iterator[str]:
    """The dev corpus (read from ../shared) and a hostile article."""
    url = f"sqlite:///{tmp_path_factory.mktemp('web') / 'hemiwatch.db'}"
    hostile = Article(
        id="sample-hostile", title='<img src=x onerror="window.__pwned=2">', text=HOSTILE
    )
    store = open_store(url)
    store.add([*dev_facts, (hostile, analyze(hostile, settings))])
    store.close()
    yield from _serve(url)


@pytest.fixture(scope="module")
def sample_server(tmp_path_factory: pytest.TempPathFactory, settings: Settings) -> Iterator[str]:
    """Only the fictional sample corpus: what the README's screenshots may show."""
    url = f"sqlite:///{tmp_path_factory.mktemp('samples') / 'hemiwatch.db'}"
    store = open_store(url)
    ingest([SAMPLES], store, settings)
    store.close()
    yield from _serve(url)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (make test does)")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM)
        yield b
        b.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1300, "height": 900})
    pg = context.new_page()
    problems: list[str] = []
    pg.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: problems.append(str(e)))
    pg.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
    yield pg
    context.close()
    assert not problems, problems  # no script error, no CSP violation, no alert


def _shot(page: Page, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SHOTS) / f"{name}.png"))


def test_api_over_http(server: str) -> None:
    assert httpx.get(f"{server}/api/health").json()["articles"] == 16
    spec = httpx.get(f"{server}/openapi.json").json()
    assert "/api/board" in spec["paths"]
    body = {"id": "sample-http-1", "text": "The coast guard of Aurel seized 12 boats on Monday."}
    denied = httpx.post(f"{server}/api/articles", json=body)
    assert denied.status_code == 401 and denied.json()["error"]["code"] == "unauthorized"
    auth = {"Authorization": f"Bearer {TOKEN}"}
    assert (
        httpx.post(f"{server}/api/articles", json=body, headers=auth, timeout=60).status_code == 201
    )
    assert httpx.get(f"{server}/api/articles/sample-http-1").json()["article"]["id"] == body["id"]


def test_map_click_venezuela_shows_the_evidence(
    server: str, page: Page, dev_facts: list[tuple[Article, Facts]]
) -> None:
    facts = next(f for a, f in dev_facts if a.id == REFERENCE_ID)
    refusal = next(s for s in facts.stances if s.actor == "VE" and s.polarity == "refuses")
    page.goto(server + "/")
    page.wait_for_selector("svg#map path.refuses")
    page.click('svg#map a[aria-label="Venezuela"]')
    page.wait_for_url("**/country/VE")
    assert page.locator("h1").inner_text().startswith("Venezuela")
    evidence = page.locator("blockquote.evidence", has_text=refusal.evidence[:60])
    assert evidence.count() >= 1
    evidence.first.locator("a").click()  # through to the article, at the highlighted sentence
    page.wait_for_url(f"**/articles/{REFERENCE_ID}#at-*")
    assert page.locator("mark.ev-stance").count() >= 1
    assert "Key Takeaways" in page.content()


def test_hostile_article_is_shown_as_text_and_runs_nothing(server: str, page: Page) -> None:
    page.goto(server + "/articles/sample-hostile")
    text = page.locator("#text").inner_text()
    assert "<script>window.__pwned = 1</script>" in text
    assert "<img src=x" in page.locator("p.meta").inner_text()
    assert page.evaluate("window.__pwned") is None


def test_every_page_renders_under_the_policy(sample_server: str, page: Page) -> None:
    """Every page of the sample corpus, with no script error and no policy violation (the
    page fixture checks); these are the README's screenshots."""
    for path, name in (
        ("/", "map"),
        ("/country/VE", "country"),
        ("/articles/sample-02-venezuela-suspends-flights", "article"),
        ("/quotes?speaker=Marlowe", "quotes"),
        ("/commitments", "commitments"),
        ("/brief", "brief"),
        ("/search?q=cocaine", "search"),
        ("/docs", "docs"),
    ):
        page.goto(sample_server + path)
        page.wait_for_load_state("networkidle")
        assert page.locator("h1, #swagger-ui").count() >= 1, path
        _shot(page, name)
    page.goto(sample_server + "/commitments")
    page.wait_for_function("document.querySelector('#commitments-chart').width > 0")
    assert page.locator("table tbody tr").count() >= 2


@pytest.fixture(scope="module")
def guessed_server(tmp_path_factory: pytest.TempPathFactory, settings: Settings) -> Iterator[str]:
    """One article whose only Brazilian stance has a target the sentence does not name."""
    url = f"sqlite:///{tmp_path_factory.mktemp('guessed') / 'hemiwatch.db'}"
    text = (
        "Haiti asked its neighbours for help against the gangs on Monday. Haiti's police chief "
        "said Haiti needed ships.\n\nBrazil sent a frigate on Tuesday."
    )
    article = Article(id="sample-guessed-target", title="Sample: a frigate for Haiti", text=text)
    store = open_store(url)
    store.add([(article, analyze(article, settings))])
    store.close()
    yield from _serve(url)


@pytest.mark.rule("stance.target.most_named")
def test_an_inferred_target_is_marked_on_board_and_country_page(
    guessed_server: str, page: Page
) -> None:
    """Issue 18: a stance whose target was guessed looks different from one read in the text."""
    page.goto(guessed_server + "/")
    row = page.locator("table.board tr", has_text="Brazil")
    assert row.count() == 1 and "Haiti" in row.inner_text()
    mark = row.locator(".inferred")
    assert mark.count() == 1 and "stance.target.most_named" in (mark.get_attribute("title") or "")
    page.goto(guessed_server + "/country/BR")
    assert page.locator(".timeline .inferred").count() == 1
    assert page.locator(".timeline .rule").first.inner_text().startswith("stance.")
    board_row = httpx.get(f"{guessed_server}/api/board?country=BR").json()["items"][0]
    assert board_row["inferred"] and board_row["evidence"][0]["inferred"]


def test_a_board_entry_on_one_inferred_story_is_weak(guessed_server: str, page: Page) -> None:
    """Issue 20: corroboration on the board: one story whose target was inferred is weak."""
    row = httpx.get(f"{guessed_server}/api/board?country=BR").json()["items"][0]
    assert (row["sources"], row["explicit"], row["inferred_count"], row["weak"]) == (1, 0, 1, True)
    page.goto(guessed_server + "/")
    assert page.locator("table.board tr", has_text="Brazil").locator(".weak").count() == 1
