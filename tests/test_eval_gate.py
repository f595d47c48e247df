"""The evaluation gate: the dev export, scored by the shared scorer, stays above its floors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT, SHARED

FLOORS = json.loads((ROOT / "tests" / "eval_floors.json").read_text("utf-8"))
HEMIWATCH = str(Path(sys.executable).parent / "hemiwatch")


def _export_and_score(corpus: Path, out: Path) -> dict[str, Any]:
    subprocess.run(
        [HEMIWATCH, "export-facts", str(corpus), str(out)], check=True, capture_output=True
    )
    scored = subprocess.run(
        [sys.executable, str(SHARED / "eval" / "score.py"), str(corpus), str(out), "--json"],
        check=True,
        capture_output=True,
        text=True,
    )
    result: dict[str, Any] = json.loads(scored.stdout)
    return result


@pytest.fixture(scope="module")
def dev_scores(dev_corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    return _export_and_score(dev_corpus, tmp_path_factory.mktemp("facts"))


@pytest.fixture(scope="module")
def cnndm_rouge(tmp_path_factory: pytest.TempPathFactory) -> dict[str, float]:
    corpus = SHARED / "corpus" / "cnndm"
    if not (corpus / "articles").is_dir():
        pytest.fail(f"the shared takeaways benchmark is missing: {corpus}")
    rouge: dict[str, float] = _export_and_score(corpus, tmp_path_factory.mktemp("cnndm"))[
        "rouge_f1"
    ]
    return rouge


@pytest.mark.parametrize("metric", sorted(k for k in FLOORS["_cnndm"] if not k.startswith("_")))
def test_takeaways_rouge_above_floor(cnndm_rouge: dict[str, float], metric: str) -> None:
    floor = FLOORS["_cnndm"][metric]
    assert cnndm_rouge[metric] >= floor, f"{metric} fell to {cnndm_rouge[metric]} (floor {floor})"


def test_reference_takeaways_beat_lead3(dev_scores: dict[str, Any]) -> None:
    """The one dev article with published takeaways: ours overlap them more than Lead-3 does."""
    rouge = dev_scores["rouge_f1"]
    for n in ("rouge2", "rougeL"):
        assert rouge[f"takeaways_{n}"] > rouge[f"lead3_{n}"] + 0.03, rouge


@pytest.mark.parametrize("metric", sorted(k for k in FLOORS if not k.startswith("_")))
def test_dev_score_above_floor(dev_scores: dict[str, Any], metric: str) -> None:
    value = dev_scores[metric]
    score = value["f1"] if isinstance(value, dict) else value
    assert score >= FLOORS[metric], f"{metric} fell to {score} (floor {FLOORS[metric]})"


def test_every_dev_article_has_facts(dev_scores: dict[str, Any]) -> None:
    assert dev_scores["missing_predictions"] == []


@pytest.fixture(scope="module")
def dev_es_scores(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    corpus = SHARED / "corpus" / "dev-es"
    if not (corpus / "articles").is_dir():
        pytest.fail(f"the shared Spanish dev corpus is missing: {corpus}")
    return _export_and_score(corpus, tmp_path_factory.mktemp("dev-es"))


@pytest.mark.parametrize("metric", sorted(k for k in FLOORS["_dev_es"] if not k.startswith("_")))
def test_spanish_dev_score_above_floor(dev_es_scores: dict[str, Any], metric: str) -> None:
    value = dev_es_scores[metric]
    score = value["f1"] if isinstance(value, dict) else value
    floor = FLOORS["_dev_es"][metric]
    assert score >= floor, f"dev-es {metric} fell to {score} (floor {floor})"


def test_spanish_takeaways_beat_lead3(dev_es_scores: dict[str, Any]) -> None:
    """dev-es articles carry reference takeaways: our clause-level takeaways overlap them more
    than the first three sentences do, on ROUGE-2 and ROUGE-L."""
    rouge = dev_es_scores["rouge_f1"]
    for n in ("rouge2", "rougeL"):
        assert rouge[f"takeaways_{n}"] > rouge[f"lead3_{n}"], rouge


REAL = [("_real_en", "real-en"), ("_real_es", "real-es")]


@pytest.fixture(scope="module")
def real_scores(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    """The real-news corpora with gold, exported and scored once."""
    out = {}
    for key, name in REAL:
        corpus = SHARED / "corpus" / name
        if not (corpus / "articles").is_dir():
            pytest.fail(f"the shared real-news corpus is missing: {corpus}")
        out[key] = _export_and_score(corpus, tmp_path_factory.mktemp(name))
    return out


@pytest.mark.parametrize(
    ("corpus", "metric"),
    [(key, m) for key, _ in REAL for m in sorted(FLOORS[key]) if not m.startswith("_")],
)
def test_real_news_score_above_floor(
    real_scores: dict[str, dict[str, Any]], corpus: str, metric: str
) -> None:
    value = real_scores[corpus][metric]
    score = value["f1"] if isinstance(value, dict) else value
    floor = FLOORS[corpus][metric]
    assert score >= floor, f"{corpus} {metric} fell to {score} (floor {floor})"


def test_real_news_stances_are_precise(real_scores: dict[str, dict[str, Any]]) -> None:
    """A wrong stance on the map misleads more than a missing one (issue 20: P >= 0.90)."""
    for key, _ in REAL:
        assert real_scores[key]["stances"]["precision"] >= 0.9, real_scores[key]["stances"]


@pytest.mark.parametrize(
    ("corpus", "metric"), [(key, m) for key, _ in REAL for m in sorted(FLOORS[key]["_rouge"])]
)
def test_real_news_takeaways_above_floor(
    real_scores: dict[str, dict[str, Any]], corpus: str, metric: str
) -> None:
    """Takeaways against the gold takeaways of real news (issue 22), whole clauses kept whole."""
    score = real_scores[corpus]["rouge_f1"][metric]
    floor = FLOORS[corpus]["_rouge"][metric]
    assert score >= floor, f"{corpus} {metric} fell to {score} (floor {floor})"
