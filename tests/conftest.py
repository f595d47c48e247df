"""Shared fixtures: the real spaCy model, the shared dev corpus, and a helper to analyse text."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from hemiwatch.config import Settings
from hemiwatch.models import Article, Facts
from hemiwatch.pipeline import analyze

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DEV = SHARED / "corpus" / "dev"
REFERENCE_ID = "nationpress-2025-12-20-rubio"


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
