"""The REST API through its ASGI app, on SQLite and PostgreSQL: shapes, errors, writes, limits."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from hemiwatch.api import create_app
from hemiwatch.config import Settings
from hemiwatch.models import Article, Facts
from hemiwatch.store import open_store
from tests.conftest import REFERENCE_ID

TOKEN = "test-token-7f3a"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
HOSTILE = (
    "PORT AUREL, May 2 (Sample Wire) - <script>window.__pwned = 1</script> Officials of the "
    "fictional Republic of Aurel said the navy seized 40 kilograms of cocaine near the coast. "
    '"We will keep patrolling," said Admiral Tomas Ferreira.'
)


def _client(url: str, facts: list[tuple[Article, Facts]], **kw: Any) -> TestClient:
    store = open_store(url)
    store.add(facts)
    store.close()
    return TestClient(create_app(url, **kw))


@pytest.fixture
def client(store_url: str, dev_facts: list[tuple[Article, Facts]]) -> Iterator[TestClient]:
    with _client(store_url, dev_facts, token=TOKEN) as c:
        yield c


def _error(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    body: dict[str, Any] = response.json()["error"]
    assert body["status"] == status and body["code"] and body["message"]
    return body


def test_articles_are_paginated(client: TestClient) -> None:
    first = client.get("/api/articles", params={"limit": 5}).json()
    second = client.get("/api/articles", params={"limit": 5, "offset": 5}).json()
    assert first["total"] == 15 and len(first["items"]) == 5 and len(second["items"]) == 5
    assert not {a["id"] for a in first["items"]} & {a["id"] for a in second["items"]}
    venezuela = client.get("/api/articles", params={"country": "ve", "limit": 50}).json()
    assert REFERENCE_ID in {a["id"] for a in venezuela["items"]}
    assert venezuela["total"] < 15


def test_article_has_facts_digest_and_spans(client: TestClient) -> None:
    body = client.get(f"/api/articles/{REFERENCE_ID}").json()
    text = body["article"]["text"]
    assert body["digest"]["headline_question"].endswith("?")
    for takeaway in body["digest"]["takeaways"]:
        assert all(0 <= a < b <= len(text) for a, b in takeaway["sources"])
    for quote in body["facts"]["quotes"]:
        assert quote["text"] == text[quote["span"][0] : quote["span"][1]]
        assert quote["basis"] and quote["speaker_basis"]  # provenance reaches the API (issue 18)
    assert {c["code"] for c in body["facts"]["countries"]} == {"US", "VE", "HT"}


def test_board_commitments_quotes(client: TestClient) -> None:
    board = client.get("/api/board").json()["items"]
    assert any(r["country"] == "VE" and r["stance"] == "refuses" for r in board)
    commitments = client.get("/api/commitments").json()["items"]
    assert any(c["sought"] == 5500 and c["pledged_max"] == 7500 for c in commitments)
    quotes = client.get("/api/quotes", params={"speaker": "Rubio", "limit": 3}).json()
    assert len(quotes["items"]) == 3
    assert all(q["speaker"] == "Marco Rubio" for q in quotes["items"])
    by_country = client.get("/api/quotes", params={"country": "VE", "q": "cooperate"}).json()
    assert by_country["items"]


def test_search_brief_ask(client: TestClient) -> None:
    hits = client.get("/api/search", params={"q": "cocaine"}).json()["items"]
    assert hits and all("⟦" in h["snippet"] for h in hits)
    brief = client.get("/api/brief", params={"country": "VE"}).json()
    assert brief["sources"] and brief["takeaways"]
    answer = client.get("/api/ask", params={"q": "Who refuses to cooperate?"}).json()
    assert "Venezuela" in answer["answer"] and answer["citations"]


@pytest.mark.parametrize(
    "query",
    ["' OR 1=1 --", '"; DROP TABLE articles; --', "%", "_", "\\", "NEAR(", '"', "*", "a AND"],
)
def test_search_injection_strings_are_just_words(client: TestClient, query: str) -> None:
    assert client.get("/api/search", params={"q": query}).status_code == 200
    assert client.get("/api/quotes", params={"speaker": query, "q": query}).status_code == 200
    assert client.get("/api/health").json()["articles"] == 15


def test_errors_have_one_shape(client: TestClient) -> None:
    _error(client.get("/api/articles/no-such-article"), 404)
    _error(client.get("/api/articles", params={"limit": 0}), 422)
    _error(client.get("/api/board", params={"country": "VEN"}), 422)
    _error(client.get("/api/search"), 422)
    _error(client.get("/api/nothing-here"), 404)
    _error(client.delete("/api/board"), 405)


def test_writes_need_the_token(client: TestClient) -> None:
    article = {"id": "sample-api-1", "title": "Aurel navy seizes cocaine", "text": HOSTILE}
    _error(client.post("/api/articles", json=article), 401)
    _error(client.post("/api/articles", json=article, headers={"Authorization": "Bearer x"}), 401)
    created = client.post("/api/articles", json=article, headers=AUTH)
    assert created.status_code == 201, created.text
    assert created.json()["added"] is True and created.json()["takeaways"]
    again = client.post("/api/articles", json=article, headers=AUTH)
    assert again.status_code == 200 and again.json()["added"] is False
    assert client.get("/api/health").json()["articles"] == 16
    other = {**article, "text": "Sample: the Aurel coast guard rescued 12 fishermen on Monday."}
    conflict = client.post("/api/articles", json=other, headers=AUTH)  # same id, other text
    assert conflict.status_code == 201 and conflict.json()["id"].startswith("sample-api-1-")
    assert client.get(f"/api/articles/{conflict.json()['id']}").status_code == 200
    assert client.post("/api/articles", json=other, headers=AUTH).json()["added"] is False
    assert client.get("/api/health").json()["articles"] == 17


def test_uploads_of_text_and_html(client: TestClient) -> None:
    text = client.post(
        "/api/articles", content=HOSTILE.encode(), headers={**AUTH, "Content-Type": "text/plain"}
    )
    assert text.status_code == 201 and text.json()["id"].startswith("sha-")
    page = (
        "<html><head><title>Aurel coast guard</title></head><body><article><h1>Aurel coast "
        f"guard</h1><p>{HOSTILE.replace('<script>', '').replace('</script>', '')}</p>"
        "<p>The coast guard said it would add two patrol boats next year.</p></article>"
        "</body></html>"
    )
    html = client.post(
        "/api/articles", content=page.encode(), headers={**AUTH, "Content-Type": "text/html"}
    )
    assert html.status_code == 201, html.text


def test_bad_uploads_are_refused_clearly(client: TestClient) -> None:
    _error(client.post("/api/articles", content=b"x", headers={**AUTH, "Content-Type": "a/b"}), 415)
    bad_json = {**AUTH, "Content-Type": "application/json"}
    _error(client.post("/api/articles", content=b"{not json", headers=bad_json), 422)
    _error(client.post("/api/articles", json={"text": ""}, headers=AUTH), 422)
    _error(
        client.post("/api/articles", json={"id": "../etc/passwd", "text": "x y"}, headers=AUTH), 422
    )
    # a path or URL is never opened: only the body's own text is analysed
    _error(client.post("/api/articles", json={"path": "/etc/passwd"}, headers=AUTH), 422)
    _error(client.post("/api/articles", json={"url": "file:///etc/passwd"}, headers=AUTH), 422)
    binary = {**AUTH, "Content-Type": "text/plain"}
    _error(client.post("/api/articles", content=b"\x00\x01\x02" * 100, headers=binary), 422)
    huge = b"a" * (Settings().max_body + 1)
    _error(client.post("/api/articles", content=huge, headers=binary), 413)
    assert client.get("/api/health").json()["articles"] == 15


def test_no_token_configured_means_no_writes(
    store_url: str, dev_facts: list[tuple[Article, Facts]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("HEMIWATCH_API_TOKEN", raising=False)
    with _client(store_url, dev_facts[:1]) as c:
        _error(c.post("/api/articles", json={"text": "x y z"}, headers=AUTH), 403)


def test_writes_are_rate_limited(store_url: str, dev_facts: list[tuple[Article, Facts]]) -> None:
    with _client(store_url, [], token=TOKEN, settings=Settings(write_rate=2)) as c:
        for i in range(2):
            body = {"id": f"rate-{i}", "text": f"The navy seized {i + 2} boats on Monday."}
            assert c.post("/api/articles", json=body, headers=AUTH).status_code == 201
        _error(c.post("/api/articles", json={"id": "rate-3", "text": "x y"}, headers=AUTH), 429)


def test_pages_escape_text_and_send_a_strict_policy(client: TestClient) -> None:
    article = {"id": "sample-hostile", "title": "<img src=x onerror=alert(1)>", "text": HOSTILE}
    assert client.post("/api/articles", json=article, headers=AUTH).status_code == 201
    page = client.get("/articles/sample-hostile")
    assert page.status_code == 200
    assert "<script>window.__pwned" not in page.text and "<img src=x" not in page.text
    assert "&lt;script&gt;window.__pwned" in page.text
    policy = page.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert page.headers["x-content-type-options"] == "nosniff"
    for path in ("/", "/country/VE", "/quotes?speaker=rubio", "/commitments", "/brief",
                 "/search?q=cocaine", "/docs"):  # fmt: skip
        assert client.get(path).status_code == 200, path
    missing = client.get("/articles/none-such")
    assert missing.status_code == 404 and "text/html" in missing.headers["content-type"]


def test_openapi_lists_every_route(client: TestClient) -> None:
    spec = json.loads(client.get("/openapi.json").text)
    paths = set(spec["paths"])
    for path in ("/api/articles", "/api/articles/{article_id}", "/api/board", "/api/commitments",
                 "/api/quotes", "/api/search", "/api/brief", "/api/ask"):  # fmt: skip
        assert path in paths
    assert "post" in spec["paths"]["/api/articles"]


def test_mixed_english_and_spanish_corpus_gives_one_board(store_url: str) -> None:
    """A Spanish statement from Caracas and an English report from Washington (our samples)
    meet on one board row, each with its evidence sentence, article and language."""
    from hemiwatch.ingest.run import ingest
    from tests.conftest import SAMPLES

    store = open_store(store_url)
    ingest(
        [SAMPLES / "sample-02-venezuela-suspends-flights.json",
         SAMPLES / "sample-13-caracas-rechaza-vuelos.json"],
        store,
    )  # fmt: skip
    store.close()
    with TestClient(create_app(store_url)) as client:
        rows = client.get("/api/board", params={"country": "VE"}).json()["items"]
        row = next(r for r in rows if (r["country"], r["target"]) == ("VE", "US"))
        assert row["stance"] == "refuses" and row["count"] >= 2
        by_language = {e["language"]: e for e in row["evidence"]}
        assert by_language["es"]["article_id"] == "sample-13-caracas-rechaza-vuelos"
        assert by_language["es"]["sentence"].startswith("El Gobierno venezolano rechazó")
        assert by_language["en"]["article_id"] == "sample-02-venezuela-suspends-flights"
        spanish = client.get("/api/articles/sample-13-caracas-rechaza-vuelos").json()
        assert spanish["facts"]["language"] == "es"
        page = client.get("/country/VE").text
        assert "El Gobierno venezolano rechazó" in page and "Venezuela has suspended" in page


def test_dashboard_links_encode_odd_ids(
    store_url: str, dev_facts: list[tuple[Article, Facts]]
) -> None:
    """An id with '?', '#', '%' or a space still links to its own page (issue 26, 12)."""
    article, facts = dev_facts[0]
    odd = "sample?x#1 50%"
    items = [(article.model_copy(update={"id": odd}), facts.model_copy(update={"id": odd}))]
    with _client(store_url, items) as client:
        page = client.get("/brief").text
        assert "/articles/sample%3Fx%231%2050%25" in page
        assert client.get("/articles/sample%3Fx%231%2050%25").status_code == 200


def test_dashboard_forms_and_country_names(client: TestClient) -> None:
    """Empty date fields are no bound (the forms send since=&until=); a country page takes a
    code or a name, never the first two letters of a name; an unknown country is a 404."""
    for path in ("/quotes?since=&until=&speaker=&q=", "/brief?since=&until=&country=&topic="):
        assert client.get(path).status_code == 200, path
    assert client.get("/quotes?since=2025-13-40").status_code == 422
    mexico = client.get("/country/mexico")
    assert mexico.status_code == 200 and "Mexico" in mexico.text and "Montenegro" not in mexico.text
    assert "Venezuela" in client.get("/country/ve").text
    assert client.get("/country/ZZ").status_code == 404
    assert client.get("/country/narnia").status_code == 404


def test_relevance_can_be_overruled_through_the_api(client: TestClient) -> None:
    path = f"/api/relevance/{REFERENCE_ID}"
    _error(client.put(path, json={"relevance": "off"}), 401)
    got = client.put(path, json={"relevance": "off"}, headers=AUTH)
    assert got.status_code == 200 and got.json() == {
        "id": REFERENCE_ID, "relevance": "off", "off_topic": True,
    }  # fmt: skip
    board_rows = client.get("/api/board", params={"limit": 200}).json()["items"]
    evidence = {e["article_id"] for r in board_rows for e in r["evidence"]}
    assert REFERENCE_ID not in evidence
    assert client.put(path, json={"relevance": None}, headers=AUTH).json()["off_topic"] is False
    _error(client.put("/api/relevance/nope", json={"relevance": "on"}, headers=AUTH), 404)
    _error(client.put(path, json={"relevance": "maybe"}, headers=AUTH), 422)
