"""hemiwatch: evidence-linked facts from news about security in the Americas.

from hemiwatch import Article, analyze
facts = analyze(Article(id="a1", text="..."))

The pipeline (and spaCy with it) is imported on first use of `analyze`, the records on first
use of `Article`, so that commands that
only read the store start at once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from hemiwatch.models import Article, Facts
    from hemiwatch.pipeline import analyze, analyze_many

__version__ = "0.1.0"
__all__ = ["Article", "Facts", "__version__", "analyze", "analyze_many"]


def __getattr__(name: str) -> Any:
    if name in {"analyze", "analyze_many"}:
        from hemiwatch import pipeline

        return getattr(pipeline, name)
    if name in {"Article", "Facts"}:
        from hemiwatch import models

        return getattr(models, name)
    raise AttributeError(f"module 'hemiwatch' has no attribute {name!r}")
