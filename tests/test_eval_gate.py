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


@pytest.fixture(scope="module")
def dev_scores(dev_corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    out = tmp_path_factory.mktemp("facts")
    subprocess.run(
        [HEMIWATCH, "export-facts", str(dev_corpus), str(out)], check=True, capture_output=True
    )
    scored = subprocess.run(
        [sys.executable, str(SHARED / "eval" / "score.py"), str(dev_corpus), str(out), "--json"],
        check=True,
        capture_output=True,
        text=True,
    )
    result: dict[str, Any] = json.loads(scored.stdout)
    return result


@pytest.mark.parametrize("metric", sorted(k for k in FLOORS if not k.startswith("_")))
def test_dev_score_above_floor(dev_scores: dict[str, Any], metric: str) -> None:
    value = dev_scores[metric]
    score = value["f1"] if isinstance(value, dict) else value
    assert score >= FLOORS[metric], f"{metric} fell to {score} (floor {FLOORS[metric]})"


def test_every_dev_article_has_facts(dev_scores: dict[str, Any]) -> None:
    assert dev_scores["missing_predictions"] == []
