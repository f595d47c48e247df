"""Shared fixtures: the real spaCy model, the shared dev corpus, and a helper to analyse text."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from hemiwatch.config import Settings
from hemiwatch.models import Article, Facts
from hemiwatch.pipeline import analyze, analyze_many
from hemiwatch.store import open_store

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DEV = SHARED / "corpus" / "dev"
REFERENCE_ID = "nationpress-2025-12-20-rubio"
SAMPLES = ROOT / "samples" / "articles"  # our own fictional wire stories, English and Spanish


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--rule", default=None, help="run only the tests marked @pytest.mark.rule(ID) for ID"
    )


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "rule(*ids): the test fails when one of these rules is switched off"
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """--rule ID keeps the focused tests of that rule (scripts/rule_ablation.py)."""
    wanted = config.getoption("--rule")
    if not wanted:
        return
    kept = [i for i in items if any(wanted in m.args for m in i.iter_markers("rule"))]
    config.hook.pytest_deselected(items=[i for i in items if i not in kept])
    items[:] = kept


@pytest.fixture(scope="session")
def settings() -> Settings:
    return Settings()


@pytest.fixture(scope="session")
def dev_corpus() -> Path:
    if not (DEV / "articles").is_dir():
        pytest.fail(f"the shared dev corpus is missing: {DEV} (tests read it from ../shared)")
    return DEV


@pytest.fixture(scope="session")
def reference_article(dev_corpus: Path) -> Article:
    data = json.loads((dev_corpus / "articles" / f"{REFERENCE_ID}.json").read_text("utf-8"))
    return Article.model_validate(data)


@pytest.fixture(scope="session")
def reference_facts(reference_article: Article, settings: Settings) -> Facts:
    return analyze(reference_article, settings)


@pytest.fixture(scope="session")
def facts_of(settings: Settings) -> Callable[[str], Facts]:
    """Analyse a short text of our own (paragraphs separated by blank lines)."""

    def run(text: str, published: str | None = "2026-03-02") -> Facts:
        article = Article(id="t", title="test", text=text, published=published)
        return analyze(article, settings)

    return run


PG_URL = os.environ.get("HEMIWATCH_TEST_PG")


def _backends() -> list[object]:
    """SQLite always; PostgreSQL from $HEMIWATCH_TEST_PG (make test starts a throwaway one)."""
    pg = pytest.param(
        "postgresql",
        marks=pytest.mark.skipif(
            not PG_URL and not os.environ.get("CI"),
            reason="set HEMIWATCH_TEST_PG to test PostgreSQL (make test starts one)",
        ),
    )
    return ["sqlite", pg]


@pytest.fixture(params=_backends())
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty store of each backend, as a URL."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'hemiwatch.db'}"
        return
    if not PG_URL:
        pytest.fail("CI must provide a PostgreSQL: HEMIWATCH_TEST_PG is not set")
    store = open_store(PG_URL)
    store.delete_all()
    store.close()
    yield PG_URL
    store = open_store(PG_URL)
    store.delete_all()
    store.close()


@pytest.fixture(scope="session")
def dev_facts(dev_corpus: Path, settings: Settings) -> list[tuple[Article, Facts]]:
    """The dev corpus analysed once per session."""
    articles = [
        Article.model_validate(json.loads(p.read_text("utf-8")))
        for p in sorted((dev_corpus / "articles").glob("*.json"))
    ]
    return [(a, f) for a, f in analyze_many(articles, settings) if isinstance(f, Facts)]
