"""Bad input, crashes and concurrent writers lose nothing (docs/robustness.md is the table).

Every store test runs on SQLite and on PostgreSQL."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest
from sqlalchemy import text

from hemiwatch.models import Facts
from hemiwatch.store import open_store
from tests.test_web import _serve

HEMIWATCH = str(Path(sys.executable).parent / "hemiwatch")
GOOD = (
    "PORT AUREL, May {n} (Sample Wire) - The coast guard of the fictional Republic of Aurel "
    "seized {n} kilograms of cocaine near Venezuela on Monday. \u201cWe will keep patrolling "
    "the coast,\u201d Admiral Tomas Ferreira told reporters in Port Aurel."
)


def bad_inputs(folder: Path) -> dict[str, str | None]:
    """Write the matrix of docs/robustness.md; name -> the reason its error gives (None: stored)."""
    ok = GOOD.format(n=7)
    files: dict[str, tuple[bytes, str | None]] = {
        "empty.txt": (b"", "empty"),
        "blank.txt": (b"  \n\n\t \n", "empty"),
        "binary.txt": (bytes(range(256)) * 40, "binary"),
        "invalid-utf8.txt": (b"Title\n\nThe navy \x81\x9d seized \xc3\x28 boats.", "not valid"),
        "latin1.txt": (("Aurel\n\n" + ok.replace("Aurel", "Aurél")).encode("cp1252"), None),
        "utf16-bom.txt": (("Aurel\n\n" + ok.replace("7", "8")).encode("utf-16"), None),
        "one-line.txt": (b"Title\n\n" + b"word " * 210_000, "too long"),
        "deep.html": (
            b"<html><body>" + b"<div>" * 20_000 + ok.encode() + b"</div>" * 20_000 + b"</body>",
            "no article text",
        ),
        "quote-marks.txt": (("Title\n\n" + "\u201c\u201d" * 20_000).encode(), "not prose"),
        "unbalanced.txt": (
            (
                "Aurel\n\n\u201cWe will stay, said Admiral Tomas Ferreira. The navy seized 12 "
                'boats. "And more, he said.'
            ).encode(),
            None,
        ),
        "odd-unicode.txt": (
            "Aurel\n\n\u202eThe navy\u202c seized\u200d 12\u200b boats near Vene\u0301zuela "
            "\u200f\u061c in the Caribbean, officials said.".encode(),
            None,
        ),
        "good.txt": (("Aurel seizure\n\n" + ok).encode(), None),
    }
    for name, (data, _) in files.items():
        (folder / name).write_bytes(data)
    with (folder / "huge.txt").open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    (folder / "truncated.rss").write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>A'
        f"</title><description>{GOOD.format(n=9)}</description></item><item><title>B</ti"
    )
    lines = [
        json.dumps({"id": "jsonl-1", "title": "t", "text": GOOD.format(n=11)}),
        "{bad json",
        json.dumps({"id": "jsonl-2"}),
        json.dumps([1, 2]),
        json.dumps({"id": "jsonl-3", "title": "t", "text": GOOD.format(n=12)}),
    ]
    (folder / "items.jsonl").write_text("\n".join(lines) + "\n")
    reasons: dict[str, str | None] = {name: reason for name, (_, reason) in files.items()}
    reasons |= {"huge.txt": "too large", "items.jsonl:2": "invalid JSON",
                "items.jsonl:3": "no 'text'", "items.jsonl:4": "JSON object"}  # fmt: skip
    return reasons


def test_bad_input_matrix_is_recorded_and_the_rest_stored(store_url: str, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    reasons = bad_inputs(folder)
    done = subprocess.run(
        [HEMIWATCH, "ingest", str(folder), "--db", store_url],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert "Traceback" not in done.stderr, done.stderr
    store = open_store(store_url)
    # a read error names the file (or file:line); an analysis error names the article id
    errors = {Path(e["item"]).name: e["reason"] for e in store.errors()}
    for name, reason in reasons.items():
        if reason is None:
            continue
        found = errors.get(name) or errors.get(Path(name).stem)
        assert found and reason in found, (name, errors)
    stored = {a.id: (a, f) for a, f, _ in store.all_articles()}
    # latin1, utf16, unbalanced, odd-unicode, good, the feed's whole entry, two JSONL lines
    assert len(stored) == 8, sorted(stored)
    for article, facts in stored.values():
        for span in _spans(facts):
            assert 0 <= span[0] <= span[1] <= len(article.text), (article.id, span)
    latin = next(a for a, _ in stored.values() if "Aurél" in a.text)
    assert "Aurél" in latin.text
    again = subprocess.run(
        [HEMIWATCH, "ingest", str(folder), "--db", store_url],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert "0 stored" in again.stderr + again.stdout and store.count() == 8
    store.close()


def _spans(facts: Facts) -> list[tuple[int, int]]:
    out = [q.span for q in facts.quotes] + [n.span for n in facts.numbers]
    out += [m for p in facts.people for m in p.mentions]
    out += [m for c in facts.countries for m in c.mentions] + [s.span for s in facts.stances]
    if facts.digest:
        out += [s for t in facts.digest.takeaways for s in t.sources]
    return out


def _corpus(path: Path, n: int, prefix: str = "crash") -> None:
    places = ["Venezuela", "Colombia", "Haiti", "Panama", "Mexico", "Peru"]
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            text = GOOD.format(n=i + 1).replace("Venezuela", places[i % len(places)])
            fh.write(json.dumps({"id": f"{prefix}-{i}", "title": f"Seizure {i}", "text": text}))
            fh.write("\n")


def test_kill_9_during_ingest_then_rerun_stores_everything_once(
    store_url: str, tmp_path: Path
) -> None:
    source = tmp_path / "corpus.jsonl"
    n = 2000
    _corpus(source, n)
    command = [HEMIWATCH, "ingest", str(source), "--db", store_url]
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    store = open_store(store_url)
    deadline = time.monotonic() + 300
    while store.count() < 150 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.2)
    assert proc.poll() is None, "ingest ended before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    killed_at = store.count()
    assert 0 < killed_at < n
    subprocess.run(command, check=True, capture_output=True, timeout=900)
    assert store.count() == n
    with store.engine.connect() as conn:
        if store.dialect == "sqlite":
            assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"
        for table in ("quotes", "numbers", "stances", "tags", "events", "commitments"):
            orphans = conn.execute(
                text(
                    f"SELECT count(*) FROM {table} "
                    "WHERE article_id NOT IN (SELECT id FROM articles)"
                )
            ).scalar()
            assert orphans == 0, table
        quote_rows = dict(
            conn.execute(text("SELECT article_id, count(*) FROM quotes GROUP BY article_id")).all()
        )
    for article, facts, _ in store.all_articles():  # every article has all of its facts
        assert quote_rows.get(article.id, 0) == len(facts.quotes), article.id
    store.close()


def test_two_ingest_processes_on_one_database(store_url: str, tmp_path: Path) -> None:
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    _corpus(first, 150, "left")
    _corpus(second, 150, "right")
    procs = [
        subprocess.Popen([HEMIWATCH, "ingest", str(p), "--db", store_url],
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        for p in (first, second)
    ]  # fmt: skip
    for proc in procs:
        _, err = proc.communicate(timeout=600)
        assert proc.returncode == 0 and "locked" not in err, err
    store = open_store(store_url)
    assert store.count() == 300
    store.close()


def test_concurrent_api_writers_and_readers(
    store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HEMIWATCH_WRITE_RATE", "1000")
    auth = {"Authorization": "Bearer conc-token"}
    open_store(store_url).close()
    server = _serve(store_url, token="conc-token")
    base = next(server)
    failures: list[str] = []
    writing = threading.Event()
    writing.set()

    def writer(w: int) -> None:
        with httpx.Client(base_url=base, timeout=120) as client:
            for i in range(5):
                body = {"id": f"conc-{w}-{i}", "title": "t", "text": GOOD.format(n=w * 10 + i)}
                r = client.post("/api/articles", json=body, headers=auth)
                if r.status_code != 201 or "locked" in r.text:
                    failures.append(f"write {w}-{i}: {r.status_code} {r.text[:200]}")

    def reader() -> None:
        with httpx.Client(base_url=base, timeout=120) as client:
            while writing.is_set():
                for path in ("/api/board", "/api/search?q=cocaine", "/api/articles", "/"):
                    r = client.get(path)
                    if r.status_code != 200 or "locked" in r.text:
                        failures.append(f"read {path}: {r.status_code} {r.text[:200]}")

    writers = [threading.Thread(target=writer, args=(w,)) for w in range(8)]
    readers = [threading.Thread(target=reader) for _ in range(3)]
    for t in writers + readers:
        t.start()
    for t in writers:
        t.join()
    writing.clear()
    for t in readers:
        t.join()
    try:
        assert not failures, failures[:5]
        ids = {a["id"] for a in httpx.get(f"{base}/api/articles?limit=100").json()["items"]}
        assert ids == {f"conc-{w}-{i}" for w in range(8) for i in range(5)}
    finally:
        next(server, None)


def poison_items(folder: Path) -> dict[str, str]:
    """Issue 26's items that once ended a run or corrupted it; name -> the reason recorded."""
    text = json.dumps(GOOD.format(n=3))
    short = GOOD[:40]
    deep = "[" * 100_000 + "]" * 100_000
    url = {"id": "u", "url": "javascript:alert(1)", "text": GOOD.format(n=5)}
    items = {
        "deep.json": ('{"id": "d", "text": "ok", "x": ' + deep + "}", "nested too deep"),
        "bigint.json": ('{"id": "b", "text": ' + text + ', "x": ' + "9" * 5_000 + "}", "too long"),
        "surrogate-text.json": ('{"id": "s1", "text": "\\ud800 ' + short + '"}', "surrogate"),
        "surrogate-title.json": (
            '{"id": "s2", "title": "x\\udc00", "text": ' + text + "}",
            "'title'",
        ),
        "surrogate-id.json": ('{"id": "s3\\ud800", "text": ' + text + "}", "'id'"),
        "nul.json": ('{"id": "n1", "text": "Sample \\u0000 ' + short + '"}', "NUL"),
        "long-id.json": (json.dumps({"id": "x" * 300, "text": GOOD.format(n=4)}), "'id'"),
        "script-url.json": (json.dumps(url), "http(s)"),
    }
    for name, (data, _) in items.items():
        (folder / name).write_text(data, "utf-8")
    odd_name = os.fsencode(folder) + b"/caf\xe9.json"  # a file name that is not UTF-8
    with open(odd_name, "wb") as fh:
        fh.write(b'{"id": "odd", "text": "ok", "x": ' + b"[" * 100_000 + b"]" * 100_000 + b"}")
    return {name: reason for name, (_, reason) in items.items()} | {"caf\\xe9.json": "too deep"}


def test_poison_items_among_80_good_ones(store_url: str, tmp_path: Path) -> None:
    """Each poison item is recorded with its reason, all 80 good articles are stored, and the
    run exits non-zero only to say some items failed (issue 26, point 1 and 3)."""
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(80):
        item = {"id": f"good-{i}", "title": f"Sample {i}", "text": GOOD.format(n=i + 1)}
        (folder / f"good-{i:02}.json").write_text(json.dumps(item), "utf-8")
    reasons = poison_items(folder)
    done = subprocess.run(
        [HEMIWATCH, "ingest", str(folder), "--db", store_url],
        capture_output=True, text=True, timeout=900,
    )  # fmt: skip
    assert "Traceback" not in done.stderr and done.returncode == 1, done.stderr[-2000:]
    assert "80 stored" in done.stderr and f"{len(reasons)} failed" in done.stderr
    store = open_store(store_url)
    assert store.count() == 80
    errors = {Path(e["item"]).name: e["reason"] for e in store.errors()}
    for name, reason in reasons.items():
        assert name in errors and reason in errors[name], (name, errors.get(name))
    store.close()


def test_one_stray_byte_is_replaced_not_the_whole_text_garbled(
    store_url: str, tmp_path: Path
) -> None:
    """UTF-8 with one Latin-1 byte keeps its UTF-8 (one U+FFFD where the byte was), and in
    JSONL each line is decoded on its own; lines end at \\n only, not at U+2028 (points 2, 5)."""
    text = "La Operación Escudo del Navy’s apoyo en Aurel. " + GOOD.format(n=2)
    (tmp_path / "page.txt").write_bytes(b"Sample\n\n" + text.encode() + b" caf\xe9.")
    heads = {"l1": "Operación uno\u2028", "l2": "Operación dos ", "l3": "Operación tres "}
    lines = [
        json.dumps({"id": i, "text": head + GOOD.format(n=n)}, ensure_ascii=False)
        for n, (i, head) in enumerate(heads.items())
    ]
    raw = [line.encode() for line in lines]
    raw[1] = raw[1].replace(b"dos", b"d\xf3s")  # one Latin-1 byte in the second line
    (tmp_path / "items.jsonl").write_bytes(b"\n".join(raw))
    store = open_store(store_url)
    from hemiwatch.ingest.run import ingest

    report = ingest([tmp_path], store)
    assert (report.added, report.failed) == (4, [])
    texts = {a.id: a.text for a, _, _ in store.all_articles()}
    page = next(t for t in texts.values() if t.startswith("La Operación"))
    assert "Navy’s" in page and "caf\ufffd." in page and "Ã" not in page
    assert texts["l1"].startswith("Operación uno\u2028") and "Operación tres" in texts["l3"]
    assert "Operación d\ufffds" in texts["l2"]
    store.close()


def test_two_ingests_of_the_same_folder_at_once(store_url: str, tmp_path: Path) -> None:
    """The "already stored?" check and the insert race between two writers of the same articles:
    the loser retries, counts them as already stored, and both runs succeed (issue 26, 4)."""
    corpus = tmp_path / "same.jsonl"
    _corpus(corpus, 120, "same")
    open_store(store_url).close()  # the schema exists before the race
    procs = [
        subprocess.Popen([HEMIWATCH, "ingest", str(corpus), "--db", store_url],
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        for _ in range(2)
    ]  # fmt: skip
    for proc in procs:
        _, err = proc.communicate(timeout=600)
        assert proc.returncode == 0 and "Traceback" not in err, err
    store = open_store(store_url)
    assert store.count() == 120 and not store.errors()
    store.close()


def test_forwarded_for_cannot_dodge_the_write_limit(tmp_path: Path) -> None:
    """Without a trusted proxy, X-Forwarded-For is not believed: rotating it does not reset the
    per-client write limit (issue 26, 9)."""
    url = f"sqlite:///{tmp_path / 'rate.db'}"
    open_store(url).close()
    server = _serve(url, token="rate-token", HEMIWATCH_WRITE_RATE="2")
    base = next(server)
    try:
        codes = []
        for i in range(4):
            headers = {"Authorization": "Bearer rate-token", "X-Forwarded-For": f"10.0.0.{i}"}
            body = {"id": f"fwd-{i}", "text": f"Sample: the Aurel navy seized {i + 2} boats."}
            codes.append(httpx.post(f"{base}/api/articles", json=body, headers=headers,
                                    timeout=120).status_code)  # fmt: skip
        assert codes[:2] == [201, 201] and 429 in codes[2:], codes
    finally:
        next(server, None)
