"""The relevance gate and Dask runs (issue 8): one process's results, nothing on-topic lost."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from hemiwatch.config import Settings
from hemiwatch.extract.gate import passes
from hemiwatch.models import Article
from hemiwatch.pipeline import analyze_many

HEMIWATCH = str(Path(sys.executable).parent / "hemiwatch")


def test_gate_passes_every_on_topic_dev_article(dev_corpus: Path) -> None:
    for path in sorted((dev_corpus / "articles").glob("*.json")):
        gold = json.loads((dev_corpus / "gold" / path.name).read_text("utf-8"))
        article = json.loads(path.read_text("utf-8"))
        if not gold["off_topic"]:
            assert passes(article["title"], article["text"]), path.name


def test_gate_rejects_what_cannot_be_on_topic() -> None:
    assert not passes("Cup final", "Leeds beat Hull 2-1 in front of 30,000 fans on Saturday.")
    assert not passes("Storm", "Police in Belgium seized cocaine and arrested a gang in Antwerp.")
    assert not passes("Markets", "Copper prices rose in Chile as demand recovered in Asia.")
    assert passes("Raid", "Police in Honduras arrested a gang leader wanted for drug trafficking.")


def test_gated_article_is_off_topic_without_a_parse() -> None:
    article = Article(id="g", text="The orchestra played Brahms in Vienna on Sunday evening.")
    ((_, facts),) = list(analyze_many([article], Settings(gate=True)))
    assert not isinstance(facts, Exception)
    assert facts.off_topic and facts.countries == [] and facts.quotes == []


def test_dask_export_is_byte_identical(dev_corpus: Path, tmp_path: Path) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    subprocess.run(
        [HEMIWATCH, "export-facts", str(dev_corpus), str(one)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    result = subprocess.run(
        [HEMIWATCH, "export-facts", str(dev_corpus), str(two), "--workers", "2"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in one.iterdir())
    assert names == sorted(p.name for p in two.iterdir()) and len(names) == 15
    for name in names:
        assert (one / name).read_bytes() == (two / name).read_bytes(), name


def test_unreachable_scheduler_is_one_clear_line(dev_corpus: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [
            HEMIWATCH,
            "export-facts",
            str(dev_corpus),
            str(tmp_path),
            "--scheduler",
            "tcp://127.0.0.1:9",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1 and "Dask scheduler" in result.stderr
    assert "Traceback" not in result.stderr


def test_ingest_on_dask_stores_what_one_process_would(dev_corpus: Path, tmp_path: Path) -> None:
    from hemiwatch.store import open_store

    url = f"sqlite:///{tmp_path / 'd.db'}"
    result = subprocess.run(
        [HEMIWATCH, "ingest", str(dev_corpus), "--workers", "2", "--db", url],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    store = open_store(url)
    assert store.count() == 15
    articles = [
        Article.model_validate(json.loads(p.read_text("utf-8")))
        for p in sorted((dev_corpus / "articles").glob("*.json"))
    ]
    for article, facts in analyze_many(articles):
        assert store.article(article.id)[1] == facts
